"""Specific entities and edges from specific sentences: our own texts, then the real corpus."""

from decimal import Decimal

import pytest
from conftest import SHARED, extract_corpus, extract_text, names, needs_shared, relations

from graph.model import Extraction

HEBI_NOTE = """Hebi City Publishes Its Budget Notes

The Municipal Finance Bureau and the Municipal Science and Technology Bureau answered questions.
This year, the bureau successfully won approval for new projects. Then it obtained special bonds amounting to 1.2 billion yuan for roads.
A 300 million yuan “2+X” credit guarantee fund pool was set up to help small firms.
The Hebi Branch of the Provincial Academy of Sciences opened, and the Mozi Laboratory began work in Hebi.
Relevant departments and financial institutions met 53 enterprises.
"""

PLAN_NOTE = """Hebei Province Issues a Cluster Action Plan

(1) Listing support.

1. Build a pipeline of candidates. Each year the province screens firms. (Hebei Securities Regulatory Bureau, Provincial Local Financial Supervision Bureau, and Provincial Department of Industry and Information Technology)

2. Modernise equipment. Support goes to county industrial clusters such as Qinghe Cashmere, Linxi Bearing and Anping Wire Mesh. (The Provincial Department of Commerce is responsible)
"""


def test_unqualified_agencies_take_the_documents_city() -> None:
    extraction = extract_text(HEBI_NOTE)
    assert extraction.jurisdiction.city == "Hebi"
    agencies = names(extraction, "Agency")
    assert {"Hebi Municipal Finance Bureau", "Hebi Municipal Science and Technology Bureau"} <= agencies


def test_pronoun_subject_receives_the_named_fund_with_its_amount() -> None:
    extraction = extract_text(HEBI_NOTE)
    by_key = {m.key: m for m in extraction.mentions}
    funds = [(by_key[r.subject].name, by_key[r.object].name, r.amount) for r in extraction.relations
             if r.predicate == "funds"]
    assert len(funds) == 1
    funder, recipient, amount = funds[0]
    assert (funder, recipient) == ("Hebi special bonds", "Hebi Municipal Finance Bureau")
    assert amount is not None and amount.yuan == Decimal("1200000000") and amount.text == "1.2 billion yuan"


def test_quoted_fund_pool_keeps_its_stated_size() -> None:
    extraction = extract_text(HEBI_NOTE)
    [pool] = [m for m in extraction.mentions if m.cls == "Fund" and "fund pool" in m.name]
    assert pool.name == "“2+X” credit guarantee fund pool"
    assert pool.amount is not None and pool.amount.yuan == Decimal("300000000")


def test_branch_of_an_academy_is_part_of_it_and_labs_are_located_in_the_city() -> None:
    extraction = extract_text(HEBI_NOTE)
    branch = "Hebi Branch of the Henan Provincial Academy of Sciences".replace("Henan ", "")
    labs = names(extraction, "Lab")
    assert "Mozi Laboratory" in labs
    assert any(name.startswith("Hebi Branch of the") for name in labs), labs
    assert ("Mozi Laboratory", "Hebi City") in relations(extraction, "locatedIn")
    part_of = relations(extraction, "partOf")
    assert any(s.startswith("Hebi Branch") and o.endswith("Provincial Academy of Sciences") for s, o in part_of)
    assert branch  # the province is not named in this note, so the academy is unqualified here


def test_generic_phrases_are_not_entities() -> None:
    extraction = extract_text(HEBI_NOTE)
    surfaces = {m.surface.lower() for m in extraction.mentions}
    assert not surfaces & {"relevant departments", "financial institutions", "53 enterprises", "enterprises"}


def test_responsibility_clauses_attach_to_the_measure_they_close() -> None:
    extraction = extract_text(PLAN_NOTE)
    responsible = relations(extraction, "responsibleFor")
    measure = "Build a pipeline of candidates"
    assert {("Hebei Provincial Department of Industry and Information Technology", measure),
            ("Hebei Securities Regulatory Bureau", measure),
            ("Hebei Provincial Local Financial Supervision Bureau", measure)} <= responsible
    assert ("Hebei Provincial Department of Commerce", "Modernise equipment") in responsible
    assert ("Hebei Provincial Department of Commerce", measure) not in responsible
    assert ("Build a pipeline of candidates", "Listing support") in relations(extraction, "partOf")


def test_county_clusters_are_located_in_their_county() -> None:
    extraction = extract_text(PLAN_NOTE)
    assert {"Qinghe Cashmere", "Linxi Bearing", "Anping Wire Mesh"} <= names(extraction, "Cluster")
    assert ("Qinghe Cashmere", "Qinghe County") in relations(extraction, "locatedIn")


def test_quoted_campaign_and_issue_verb() -> None:
    extraction = extract_text("Zhengzhou City Notes\n\nThe Municipal Commerce Bureau launched the "
                              "“Ten Thousand People Helping Ten Thousand Enterprises” campaign in Zhengzhou City.")
    assert "Ten Thousand People Helping Ten Thousand Enterprises" in names(extraction, "Program")
    assert ("Zhengzhou Municipal Commerce Bureau", "Ten Thousand People Helping Ten Thousand Enterprises") in \
        relations(extraction, "responsibleFor")


def test_the_same_unqualified_name_differs_between_cities() -> None:
    hebi = extract_text("Hebi City news\n\nThe Municipal Finance Bureau met.")
    hefei = extract_text("Hefei City news\n\nThe Municipal Finance Bureau met.")
    assert names(hebi, "Agency") == {"Hebi Municipal Finance Bureau"}
    assert names(hefei, "Agency") == {"Hefei Municipal Finance Bureau"}


# --- the real corpus --------------------------------------------------------------------


@needs_shared
def test_corpus_000_labs_funds_and_places() -> None:
    extraction = extract_corpus("000_")
    assert ("Mozi Laboratory", "Hebi City") in relations(extraction, "locatedIn")
    [pool] = [m for m in extraction.mentions if m.cls == "Fund" and "1+N" in m.name]
    assert pool.amount is not None and pool.amount.yuan == Decimal("100000000")
    assert ("Hebi Branch of the Henan Provincial Academy of Sciences", "Henan Provincial Academy of Sciences") in \
        relations(extraction, "partOf")
    assert ("Hebi Municipal Finance Bureau", "Hebi Municipal Government") in relations(extraction, "partOf")
    assert {"Hebi City", "Henan Province"} <= names(extraction, "Place")


@needs_shared
def test_corpus_002_joint_responsibility_for_lock_the_cultivation_target() -> None:
    extraction = extract_corpus("002_")
    responsible = relations(extraction, "responsibleFor")
    target = "Lock the cultivation target"
    for agency in ("Hebei Provincial Department of Industry and Information Technology",
                   "Hebei Securities Regulatory Bureau", "Hebei Provincial Local Financial Supervision Bureau"):
        assert (agency, target) in responsible
    assert ("Qinghe Cashmere", "Qinghe County") in relations(extraction, "locatedIn")
    assert "Hebei Industrial Investment Guidance Fund" in names(extraction, "Fund")


@needs_shared
def test_corpus_001_leading_group_issued_the_ten_measures() -> None:
    extraction = extract_corpus("001_")
    responsible = relations(extraction, "responsibleFor")
    assert any(agency.startswith("Hebei Provincial Leading Group") and program.startswith("Ten Measures")
               for agency, program in responsible), responsible


def test_places_are_matched_only_at_the_start_of_a_word() -> None:
    """The place patterns have no leading \\b (for speed); word_start_matches must give what \\b gave."""
    import re

    from graph.extract.english import word_start_matches
    from graph.extract.vocab import english

    vocab = english()
    for text in ("xHebei Qixian County and Hebi City", "McYan County", "In Henan, Zhengzhou City and Shanxi Province",
                 "Hebei’s Xingtai City", "_Hebei Henan"):
        for pattern in (vocab.place_pattern, vocab.province_pattern):
            bounded = re.compile(r"\b" + pattern.pattern)
            assert [m.span() for m in word_start_matches(pattern, text)] == [m.span() for m in bounded.finditer(text)]
    found = [m.group() for m in word_start_matches(vocab.place_pattern, "xHebei Qixian County")]
    assert found == ["Qixian County"]


# --- organs, companies, places and relations in newswire English (our own sentences) ---------

NEWSWIRE = """Battery maker opens a line in Hunan

CHANGSHA, CHINA – Example Wire – 3 March 2026 – Lanfeng Energy Storage Co., Ltd. said on Monday it will build a cell plant in Yueyang, Hunan Province.
The MIIT praised the plan, and the Ministry of Industry and Information Technology will list it in its catalogue.
The firm's new cathode plant in Yueyang will be run with steelmaker Red Ridge Alloys, and Qinlu Holdings Inc. will also invest.
The company signed loan agreements with the Yueyang Government and Agricultural Bank of China (Yueyang branch).
The provincial government of Hunan provided RMB 50 million to Lanfeng Energy Storage Co., Ltd. for the project.
The expo was hosted by the Hunan Provincial Department of Commerce at Yueyang Port.
"""


def _edges(extraction, predicate: str) -> set[tuple[str, str]]:
    return relations(extraction, predicate)


def test_acronym_of_a_national_organ_takes_the_full_name_and_keeps_its_surface() -> None:
    extraction = extract_text(NEWSWIRE)
    miit = [m for m in extraction.mentions if m.cls == "Agency" and m.surface == "MIIT"]
    assert miit and miit[0].name == "Ministry of Industry and Information Technology"
    assert ("Ministry of Industry and Information Technology", "China") in _edges(extraction, "partOf")


def test_company_names_keep_their_legal_form_with_its_comma_and_periods() -> None:
    extraction = extract_text(NEWSWIRE)
    companies = names(extraction, "Enterprise")
    assert {"Lanfeng Energy Storage Co., Ltd.", "Qinlu Holdings Inc.", "Red Ridge Alloys"} <= companies
    assert "Agricultural Bank of China" in companies


def test_branch_in_parentheses_is_part_of_its_bank_and_in_its_city() -> None:
    extraction = extract_text(NEWSWIRE)
    branch = "Agricultural Bank of China Yueyang branch"
    assert (branch, "Agricultural Bank of China") in _edges(extraction, "partOf")
    assert (branch, "Yueyang City") in _edges(extraction, "locatedIn")


def test_bare_city_names_from_the_gazetteer_and_their_province() -> None:
    extraction = extract_text(NEWSWIRE)
    places = names(extraction, "Place")
    assert {"Yueyang City", "Hunan Province", "China", "Changsha City", "Yueyang Port"} <= places
    located = _edges(extraction, "locatedIn")
    assert ("Yueyang City", "Hunan Province") in located
    assert ("Changsha City", "China") in located  # the dateline "CHANGSHA, CHINA"
    assert ("Hunan Province", "China") in located
    assert ("Yueyang Port", "Yueyang City") in located


def test_given_names_and_common_words_are_not_cities() -> None:
    extraction = extract_text("A visit\n\nThe delegation met Wang Jinan, who spoke for a mile about Mile and roads.")
    assert "Jinan City" not in names(extraction, "Place")
    assert "Mile City" not in names(extraction, "Place")


def test_government_named_in_lowercase_is_part_of_its_place() -> None:
    extraction = extract_text(NEWSWIRE)
    assert "Hunan Provincial Government" in names(extraction, "Agency")
    assert ("Hunan Provincial Government", "Hunan Province") in _edges(extraction, "partOf")
    assert ("Yueyang Government", "Yueyang City") in _edges(extraction, "partOf")


def test_possessive_plant_is_part_of_its_company_and_in_its_city() -> None:
    extraction = extract_text("Plants\n\nQinlu Holdings Inc.'s new anode plant in Yueyang began work.")
    assert ("new anode plant", "Qinlu Holdings Inc.") in _edges(extraction, "partOf")
    assert ("new anode plant", "Yueyang City") in _edges(extraction, "locatedIn")


def test_funding_with_an_amount_from_a_named_government() -> None:
    extraction = extract_text(NEWSWIRE)
    by_key = {m.key: m for m in extraction.mentions}
    funds = [(by_key[r.subject].name, by_key[r.object].name, r.amount) for r in extraction.relations
             if r.predicate == "funds"]
    assert ("Hunan Provincial Government", "Lanfeng Energy Storage Co., Ltd.") in {(s, o) for s, o, _ in funds}
    amount = next(a for s, o, a in funds if s == "Hunan Provincial Government")
    assert amount is not None and amount.yuan == Decimal("50000000") and amount.text == "RMB 50 million"


def test_foreign_money_funds_without_a_yuan_amount() -> None:
    extraction = extract_text("Deal\n\nThe Wuhan Municipal Government invested $200 million in Qinlu Holdings Inc.")
    [edge] = [r for r in extraction.relations if r.predicate == "funds"]
    assert edge.amount is None


def test_passive_hosting_makes_the_agency_responsible() -> None:
    text = "Fair\n\nThe Yueyang Trade Expo was hosted by the Hunan Provincial Department of Commerce."
    assert ("Hunan Provincial Department of Commerce", "Yueyang Trade Expo") in \
        _edges(extract_text(text), "responsibleFor")


def test_generic_phrases_in_newswire_are_not_entities() -> None:
    extraction = extract_text("Note\n\nThe government said local companies and the company would invest.")
    assert not {m.surface.lower() for m in extraction.mentions} & {"the government", "local companies", "company"}


# --- the development corpus (tuning half only) ------------------------------------------------

DEVCORPUS = SHARED / "devcorpus"
needs_devcorpus = pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="../shared/devcorpus is not beside this clone")


def _extract_dev(prefix: str):
    from graph.documents import read_document
    from graph.extract import extract

    path = next(DEVCORPUS.glob(f"{prefix}*.txt"))
    return extract(read_document(path, path.name))


@needs_devcorpus
def test_devcorpus_en_003_places_companies_and_units() -> None:
    extraction = _extract_dev("en_003_")
    assert ("Jinshi City", "Hunan Province") in relations(extraction, "locatedIn")
    assert ("Jinshi Port", "Jinshi City") in relations(extraction, "locatedIn")
    assert ("Jinshi Government", "Jinshi City") in relations(extraction, "partOf")
    assert "Hunan Chemical Engineering Design Institute Co., Ltd." in names(extraction, "Enterprise")
    assert ("lithium hydroxide plant", "Meishan City") in relations(extraction, "locatedIn")


@needs_devcorpus
def test_devcorpus_en_011_dateline_and_provincial_government() -> None:
    extraction = _extract_dev("en_011_")
    assert "New York" in names(extraction, "Place")
    known = {m.name: m.translations for m in extraction.mentions if m.cls == "Enterprise"}
    assert known["Qualcomm Inc"] == ("Qualcomm Incorporated",)  # no dateline in it; the well-known company
    assert ("Guizhou Provincial Government", "Guizhou Province") in relations(extraction, "partOf")


@needs_devcorpus
def test_devcorpus_en_014_national_organs_are_part_of_china() -> None:
    extraction = _extract_dev("en_014_")
    part_of = relations(extraction, "partOf")
    assert ("Ministry of Industry and Information Technology", "China") in part_of
    assert ("State Council", "China") in part_of
    assert {"Toyota Motor", "IHS Automotive"} <= names(extraction, "Enterprise")


# Our own newswire-style text for the generalising rules: events, comma-listed agency names, sites, regions,
# joint ventures, funds set up by their founders, units established in a place, "-based", "held at".
WIRE_NOTE = """Riverton Trade Bureau of Xuzhou Opens Doors to Investors

XUZHOU, CHINA - Wire Service - 3 May 2026 - The 2026 Xuzhou Green Logistics Summit was held at Lakeview Hall in Xuzhou.
The Xuzhou Municipal Commerce, Culture, and Tourism Bureau organised the summit together with the Port Services, Customs, and Transport Division.
Visitors toured the Pengcheng Square and the Xuzhou Museum, two landmarks of the city.
Jiawang District and Peixian County signed a deal with Norland Packaging Co., Ltd and the provincial government of Jiangsu.
Norland Packaging Co., Ltd and the provincial government of Jiangsu unveiled a $90 million joint venture on Friday.
They announced Xuzhou Bluewing Materials Co Ltd, a joint venture with initial capital of 600 million yuan.
Norland also will establish a trading company in Xuzhou, while the Austria-based shipping firm Fjordline Logistics expanded.
Goods move to the Yangtze-Huaihe region and the Beijing-Tianjin-Hebei region by rail.
The campaign, under the guidance of the Xuzhou Municipal Development and Reform Commission, runs the 14th Five-Year Plan Green Fund.
The Pilot Plant in Jiawang District is headquartered in Xuzhou.
"""


def _wire():
    return extract_text(WIRE_NOTE, "wire.txt")


def test_events_and_ordinal_plans_are_programs() -> None:
    programs = names(_wire(), "Program")
    assert "Xuzhou Green Logistics Summit" in programs
    assert not any(name.startswith("Riverton") for name in names(_wire(), "Program"))
    assert "14th Five-Year Plan Green Fund" in names(_wire(), "Fund")


def test_comma_listed_words_before_a_head_belong_to_the_name() -> None:
    agencies = names(_wire(), "Agency")
    assert "Xuzhou Municipal Commerce, Culture, and Tourism Bureau" in agencies
    assert "Port Services, Customs, and Transport Division" in agencies
    assert "Tourism Bureau" not in agencies and "Transport Division" not in agencies
    assert ("Xuzhou Municipal Commerce, Culture, and Tourism Bureau", "Xuzhou City") in relations(_wire(), "partOf")


def test_a_headline_agency_of_a_place_stops_at_the_place() -> None:
    extraction = _wire()
    assert "Riverton Trade Bureau of Xuzhou" in names(extraction, "Agency")
    assert ("Riverton Trade Bureau of Xuzhou", "Xuzhou City") in relations(extraction, "partOf")


def test_held_at_a_venue_and_sites_of_the_city() -> None:
    extraction = _wire()
    located = relations(extraction, "locatedIn")
    assert "Lakeview Hall" in names(extraction, "Place")
    assert ("Xuzhou Green Logistics Summit", "Lakeview Hall") in located
    assert ("Lakeview Hall", "Xuzhou City") in located
    assert {"Pengcheng Square", "Xuzhou Museum"} <= names(extraction, "Place")
    assert ("Xuzhou Museum", "Xuzhou City") in located  # its name holds the city
    assert ("Pengcheng Square", "Xuzhou City") in located  # a site in a sentence about the city


def test_compound_regions_are_one_place_and_hyphen_bound_names_are_none() -> None:
    places = names(_wire(), "Place")
    assert "Beijing-Tianjin-Hebei region" in places
    assert "Hebei Province" not in places and "Tianjin" not in places


def test_joint_venture_partners_fund_the_venture() -> None:
    funds = relations(_wire(), "funds")
    venture = "Xuzhou Bluewing Materials Co Ltd"
    assert ("Norland Packaging Co., Ltd", venture) in funds
    assert ("Jiangsu Provincial Government", venture) in funds
    assert (venture, "Xuzhou City") in relations(_wire(), "locatedIn")


def test_a_unit_established_in_a_place_is_part_of_the_company_and_based_firms_are_located() -> None:
    extraction = _wire()
    located, part_of = relations(extraction, "locatedIn"), relations(extraction, "partOf")
    unit = "Norland Packaging Co., Ltd trading company in Xuzhou"
    assert (unit, "Norland Packaging Co., Ltd") in part_of  # "Norland" is the company named before
    assert (unit, "Xuzhou City") in located
    assert ("Fjordline Logistics", "Austria") in located


def test_guidance_and_in_place_relations() -> None:
    extraction = _wire()
    assert ("Xuzhou Municipal Development and Reform Commission", "14th Five-Year Plan Green Fund") in relations(
        extraction, "responsibleFor")
    located = relations(extraction, "locatedIn")
    assert ("Pilot Plant", "Jiawang District") in located
    assert ("Jiawang District", "Xuzhou City") in located  # a district of the city's document


def test_sectors_listed_after_industries_are_no_clusters() -> None:
    extraction = extract_text("Beijing wants to lead in industries such as chip materials, robotics and aviation "
                              "equipment.\n")
    assert not names(extraction, "Cluster")


PORT_RELEASE = """Old Harbour, New Routes: Lianyungang Reaches Out

KARACHI, PAKISTAN - Wire Service - 3 May 2026 - The trade promotion event Silk Links & Sea Lanes took place in Karachi, Pakistan. Ships sail from Karachi Port every week.
Trade Connect Pakistan (TCP), the government's export promotion agency, said it backed the event. TCP will open two desks.
Swedish logistics firm Nordvik Freight upgraded its Karachi office to a regional hub. Qadir Ventures, a unit of Indus Holdings Ltd, joined.
The Lianyungang Harbour Fund, financed by the Lianyungang Municipal Finance Bureau, will help exporters.
This policy, known as "Port Plus", applies to exporters. The year has been designated the "Harbour Culture Year" by the city. Finally, the company has made progress.
Firms were designated as "Little Giant" enterprises. The city also released a video titled "Sail Free, Trade Free" in three languages.
"""


def _port() -> Extraction:
    return extract_text(PORT_RELEASE)


def test_nouns_beside_a_name_give_its_class_and_an_acronym_names_it_again() -> None:
    extraction = _port()
    assert "Silk Links & Sea Lanes" in names(extraction, "Program")  # "the trade promotion event X"
    agency = "Trade Connect Pakistan (TCP)"
    assert agency in names(extraction, "Agency")  # "X (TCP), the government's export promotion agency"
    assert {m.surface for m in extraction.mentions if m.name == agency} >= {"TCP"}  # "TCP will open ..."
    assert "Qadir Ventures" in names(extraction, "Enterprise")  # "X, a unit of Y"
    assert "Finally" not in {m.name for m in extraction.mentions}  # "Finally, the company has ..."
    assert ("Silk Links & Sea Lanes", "Karachi") in relations(extraction, "locatedIn")


def test_a_headline_names_no_site_the_body_does_not_name() -> None:
    places = names(_port(), "Place")
    assert "Old Harbour" not in places  # a title-case headline
    assert "Karachi Port" in places
    assert ("Karachi Port", "Karachi") in relations(_port(), "locatedIn")  # "KARACHI" of the dateline is Karachi


def test_nationality_units_and_appositive_structure() -> None:
    extraction = _port()
    located, part_of = relations(extraction, "locatedIn"), relations(extraction, "partOf")
    assert ("Nordvik Freight", "Sweden") in located  # "Swedish logistics firm X"
    office = "Nordvik Freight Karachi office"
    assert (office, "Nordvik Freight") in part_of and (office, "Karachi") in located  # "its Karachi office"
    assert ("Qadir Ventures", "Indus Holdings Ltd") in part_of
    assert ("Lianyungang Municipal Finance Bureau", "Lianyungang Harbour Fund") in relations(extraction, "funds")


def test_quoted_names_a_clause_calls_a_policy_or_a_government_designates() -> None:
    programs = names(_port(), "Program")
    assert {"Port Plus", "Harbour Culture Year"} <= programs
    assert "Little Giant" not in programs  # an enterprise title
    assert "Sail Free, Trade Free" not in programs  # a video's title


def test_five_year_plans_and_more_places() -> None:
    extraction = extract_text("China unveiled its new draft five-year development plan. The five-year plan said "
                              "ships cross the Indian Ocean to Türkiye, Oceania and East Asia.\n")
    assert len(names(extraction, "Program")) == 1  # "five-year (development) plan": one program
    assert {"Indian Ocean", "Türkiye", "Oceania", "East Asia"} <= names(extraction, "Place")


# Our own news text, written to show the shapes of English business reports.
PLANT_NEWS = """Battery maker expands plant in Ningde

Contemporary Amperex Technology Co (CATL) will expand its plant in Ningde, Fujian province, the company said.
The Keqiao Textile Exchange Center, built by the Shaoxing municipal government, opened beside the Keqiao Light Textile City.
The plant is part of the Made in China 2025 strategy and the Western Straits development plan.
"""


def test_company_acronyms_markets_named_city_local_governments_and_named_strategies() -> None:
    extraction = extract_text(PLANT_NEWS, "plant_news.txt")
    assert "Contemporary Amperex Technology Co" in names(extraction, "Enterprise")  # "(CATL)" is a short name
    assert not any("Textile City" in place for place in names(extraction, "Place"))  # a market, not a city
    assert "Shaoxing Municipal Government" in names(extraction, "Agency")  # not the document's Ningde
    assert {"Made in China 2025 strategy", "Western Straits development plan"} <= names(extraction, "Program")


def test_a_city_government_in_lowercase_and_a_national_plan_named_after_no_city() -> None:
    text = ("BYD to build battery plant in Hefei\n\nBYD Co Ltd will set up a fund with the Hefei city government. "
            "The ministry supports the project under the national new energy vehicle industry development plan.\n")
    extraction = extract_text(text, "hefei_news.txt")
    assert "Hefei Municipal Government" in names(extraction, "Agency")
    assert "national new energy vehicle industry development plan" in names(extraction, "Program")


def test_local_organs_written_in_lowercase_take_the_place_before_them_or_the_documents() -> None:
    text = ("Zhejiang unveils plan\n\nThe Zhejiang Provincial Government released a plan, and the provincial finance "
            "department will pay subsidies. The Ningbo municipal commerce bureau will host Hangzhou's Future Sci-Tech "
            "City delegation.\n")
    extraction = extract_text(text, "zj_plan.txt")
    agencies = names(extraction, "Agency")
    assert {"Zhejiang Provincial Department of Finance", "Ningbo Municipal Commerce Bureau"} <= agencies
    assert "Future Sci-Tech City" in names(extraction, "Cluster")


def test_a_fund_after_its_owner_or_its_size_and_a_numbered_fund() -> None:
    text = ("Chip fund\n\nChina has set up the third phase of its national integrated circuit industry investment "
            "fund. The fund, known as the Big Fund III, will invest in equipment. The city created a 5 billion yuan "
            "biomedicine venture fund.\n")
    funds = names(extract_text(text, "chip_fund.txt"), "Fund")
    assert {"national integrated circuit industry investment fund", "Big Fund III"} <= funds
    assert any(f.endswith("biomedicine venture fund") for f in funds)


def test_a_zone_named_after_another_city_is_not_put_in_the_city_the_sentence_is_about() -> None:
    text = "Hangzhou news\n\nHangzhou's Future Sci-Tech City and the Ningbo National High-tech Zone will host projects.\n"
    located = relations(extract_text(text, "hz.txt"), "locatedIn")
    assert ("Ningbo National High-tech Zone", "Ningbo City") in located
    assert ("Ningbo National High-tech Zone", "Hangzhou City") not in located


def test_the_greater_bay_area_named_by_its_three_parts_is_one_place() -> None:
    extraction = extract_text("The Guangdong-Hong Kong-Macao Greater Bay Area is a key region for biotech.\n", "gba.txt")
    assert "Guangdong-Hong Kong-Macao Greater Bay Area" in names(extraction, "Place")
    assert "Macao Greater Bay Area" not in names(extraction, "Place")


def test_a_place_based_company_is_a_company_in_that_place_and_two_companies_split_at_and() -> None:
    text = "Shenzhen-based BGI Genomics and Guangzhou Pharmaceutical Holdings signed agreements in Nanjing.\n"
    extraction = extract_text(text, "bgi.txt")
    assert {"BGI Genomics", "Guangzhou Pharmaceutical Holdings"} <= names(extraction, "Enterprise")
    assert ("BGI Genomics", "Shenzhen City") in relations(extraction, "locatedIn")


CHIP_NEWS = """Chipmaker to expand plant

SHANGHAI, Jan 12 (Reuters) - SK Hynix Inc will invest $2.5 billion to expand its memory chip plant in Wuxi, the company said.
The Wuxi New District will provide land, and officials said the Wuxi New District will also cut rents.
China's National Integrated Circuit Industry Investment Fund, known as the Big Fund, has backed many chipmakers.
Analysts said the Big Fund would keep investing.
Samsung Electronics, which operates a chip packaging plant in Suzhou, declined to comment.
Hangzhou-based Zai Lab and Suzhou-based Innovent Biologics listed in Hong Kong.
"""


def test_plants_a_company_runs_are_its_parts_where_they_stand() -> None:
    extraction = extract_text(CHIP_NEWS, "chip.txt")
    part_of, located = relations(extraction, "partOf"), relations(extraction, "locatedIn")
    assert ("memory chip plant", "SK Hynix Inc") in part_of  # "its … plant in Wuxi": the company named before
    assert ("memory chip plant", "Wuxi City") in located
    assert ("chip packaging plant", "Samsung Electronics") in part_of  # "which operates a … plant in Suzhou"
    assert ("chip packaging plant", "Suzhou City") in located


def test_new_districts_another_name_and_place_based_companies() -> None:
    extraction = extract_text(CHIP_NEWS, "chip.txt")
    places = names(extraction, "Place")
    assert "Wuxi New District" in places  # with "The" opening the sentence and "the" inside it: one place
    assert not any(name.startswith("The ") for name in places)
    assert names(extraction, "Fund") == {"National Integrated Circuit Industry Investment Fund"}  # the Big Fund too
    enterprises = names(extraction, "Enterprise")
    assert {"Zai Lab", "Innovent Biologics"} <= enterprises  # "X-based" names a company, whatever its last word
    assert "Zai Lab" not in names(extraction, "Lab")
    assert ("Innovent Biologics", "Suzhou City") in relations(extraction, "locatedIn")


def test_a_verb_s_object_and_sum_stay_in_its_own_clause() -> None:
    text = ("Report on biomedicine\n\nThe report notes that the Guangdong provincial government has issued an action "
            "plan to develop the Guangzhou biomedicine industry cluster, and that the Shenzhen Municipal Government "
            "set up a 5 billion yuan biomedicine fund in 2022.\n")
    extraction = extract_text(text, "bio.txt")
    assert "Guangdong Provincial Government" in names(extraction, "Agency")  # not "Guangdong Province Provincial"
    assert not relations(extraction, "funds")  # the sum is the other clause's, its fund unnamed
    assert not relations(extraction, "responsibleFor")  # a plan to develop a cluster does not launch the cluster


def test_part_of_stated_with_a_verb_or_under_and_the_company_standing_for_its_name() -> None:
    text = ("Park news\n\nHEFEI, May 2 (Reuters) - The Hefei Fund is a key part of the Hefei Industrial Investment "
            "Group. The Investment Promotion Office under the Ningbo Municipal Government organised the trip.\n"
            "Nanjing Chip Co Ltd said on Monday that the company will build a testing plant in Wuxi.\n")
    extraction = extract_text(text, "hf.txt")
    part_of = relations(extraction, "partOf")
    assert ("Hefei Fund", "Hefei Industrial Investment Group") in part_of
    assert ("Investment Promotion Office", "Ningbo Municipal Government") in part_of
    assert ("testing plant", "Nanjing Chip Co Ltd") in part_of  # "the company" is Nanjing Chip's name here
    assert ("testing plant", "Wuxi City") in relations(extraction, "locatedIn")
    assert "the company" not in {m.surface for m in extraction.mentions}  # no alias "the company"


def test_an_organ_whose_english_name_holds_its_parent_is_part_of_it() -> None:
    text = "Notice\n\nThe General Office of the State Council and the State Council issued a plan.\n"
    assert ("General Office of the State Council", "State Council") in relations(extract_text(text, "go.txt"),
                                                                                 "partOf")


TRANSLATED_MEASURES = """Several Measures of Wuxi Municipality on Supporting the Integrated Circuit Industry

I. Supporting Chip Design
1. Talent housing. Qualified engineers may receive housing allowances. The Municipal Human Resources and Social Security Bureau shall be responsible for implementation.
2. Public platforms. The Wuxi National Hi-Tech District will host the platform.
The city will set up the Wuxi Integrated Circuit Industry Fund of 5 billion yuan, jointly funded by the municipal government and Wuxi Industry Development Group.
Article 12 These measures shall be interpreted by the Municipal Bureau of Commerce.
"""


def test_a_translated_policy_s_title_duties_zones_and_joint_funders() -> None:
    extraction = extract_text(TRANSLATED_MEASURES, "wx.txt")
    title = "Several Measures of Wuxi Municipality on Supporting the Integrated Circuit Industry"
    assert title in names(extraction, "Program")  # the title runs on over "on <its subject>"
    assert "Wuxi Municipality" not in names(extraction, "Place")  # Wuxi Municipality is Wuxi City
    leads = relations(extraction, "responsibleFor")
    assert ("Wuxi Municipal Human Resources and Social Security Bureau", "Talent housing") in leads  # shall be
    assert ("Wuxi Municipal Bureau of Commerce", title) in leads  # these measures are interpreted by it
    assert "Wuxi National Hi-Tech District" in names(extraction, "Cluster")
    funds = relations(extraction, "funds")
    fund = "Wuxi Integrated Circuit Industry Fund"
    assert {("Wuxi Municipal Government", fund), ("Wuxi Industry Development Group", fund)} <= funds


def test_a_report_titled_in_quotes_is_a_program_its_publisher_leads() -> None:
    text = ('Council report\n\nThe Hong Kong Trade Development Council today released a research report titled '
            '"Partnering for Growth: Medical Technology in the Bay Area", which finds strong links.\n')
    extraction = extract_text(text, "rep.txt")
    title = "Partnering for Growth: Medical Technology in the Bay Area"
    assert title in names(extraction, "Program")
    assert ("Hong Kong Trade Development Council", title) in relations(extraction, "responsibleFor")


def test_a_dateline_before_a_news_agency_in_brackets_is_a_place() -> None:
    text = "Carmakers\n\nBEIJING (Reuters) - Chinese automaker SAIC Motor said it will expand.\n"
    extraction = extract_text(text, "saic.txt")
    assert "Beijing" in names(extraction, "Place")
    assert ("SAIC Motor", "China") in relations(extraction, "locatedIn")


def test_a_country_named_in_the_possessive_is_a_place() -> None:
    text = "Chip plant\n\nThe plant is in Wuxi, in China's eastern Jiangsu province.\n"
    extraction = extract_text(text, "cn.txt")
    assert "China" in names(extraction, "Place")
    assert ("Jiangsu Province", "China") in relations(extraction, "locatedIn")


def test_a_company_and_a_park_that_set_up_a_fund_together_both_fund_it() -> None:
    text = ("Fund news\n\nSUZHOU, May 2 (Reuters) - ZTE Corporation and the Suzhou Industrial Park jointly set up a "
            "1 billion yuan industry fund, the Suzhou ZTE Industrial Investment Fund, to invest in 5G.\n")
    funds = relations(extract_text(text, "zte.txt"), "funds")
    fund = "Suzhou ZTE Industrial Investment Fund"
    assert {("ZTE Corporation", fund), ("Suzhou Industrial Park", fund)} <= funds
    extraction = extract_text(text, "zte.txt")
    by_key = {m.key: m.name for m in extraction.mentions}
    assert all(r.amount is None for r in extraction.relations if r.predicate == "funds"
               and by_key[r.object] == fund)  # the fund's size is neither founder's share


def test_development_strategies_mechanisms_and_agreements_with_a_name_are_programs() -> None:
    text = ("Plans\n\nHONG KONG (Reuters) - The Northern Metropolis Development Strategy was released, and the "
            "city launched the Global Biotech Partnership Mechanism.\n")
    programs = names(extract_text(text, "nm.txt"), "Program")
    assert {"Northern Metropolis Development Strategy", "Global Biotech Partnership Mechanism"} <= programs


def test_a_name_given_with_hereinafter_names_it_further_on_and_a_bare_plant_is_no_unit() -> None:
    text = ('Chips\n\nNANJING, Jan 12 (Reuters) - Nanjing Semiconductor Co., Ltd. (hereinafter "NSC") will build '
            'a plant. NSC said the plant will open in 2027.\n')
    extraction = extract_text(text, "nsc.txt")
    assert {m.name for m in extraction.mentions if m.surface == "NSC"} == {"Nanjing Semiconductor Co., Ltd."}
    assert "plant" not in names(extraction, "Enterprise")  # "a plant" names no plant


def test_local_organs_in_lowercase_written_with_of_or_after_the_city_s() -> None:
    text = ("Yiwu trade\n\nYIWU, May 5 (Xinhua) -- Yiwu is a city in Zhejiang. According to the municipal bureau "
            "of commerce, exports rose. The city's commerce bureau said it will offer subsidies.\n")
    agencies = [m.name for m in extract_text(text, "yw.txt").mentions if m.cls == "Agency"]
    assert agencies == ["Yiwu Municipal Bureau of Commerce"] * 2  # one organ, written two ways


def test_an_appositive_s_noun_is_its_head_not_a_noun_after_a_preposition() -> None:
    text = ("Park opens\n\nThe Lishui E-commerce Industrial Park opened on Friday in Liandu District, the latest "
            "step in the city plan.\n")
    extraction = extract_text(text, "ls.txt")
    assert "Liandu District" in names(extraction, "Place")
    assert "Liandu District" not in names(extraction, "Program")  # "step" heads the appositive, not "plan"


def test_a_year_inside_a_capitalised_program_name_belongs_to_it() -> None:
    text = "Health\n\nUnder the Healthy China 2030 Plan, spending on clinics rose. Sales grew in May 2024 Reuters said.\n"
    programs = names(extract_text(text, "hc.txt"), "Program")
    assert "Healthy China 2030 Plan" in programs
    assert not any("2024" in name for name in programs)  # a date between two names joins nothing


def test_a_site_right_after_a_city_is_in_that_city_and_a_web_brand_is_one_word() -> None:
    text = ("Clusters\n\nSHENZHEN, May 2 (Xinhua) -- Firms in Shenzhen and the Guangzhou International Bio Island "
            "grew. Alibaba and JD.com opened offices there.\n")
    extraction = extract_text(text, "bio.txt")
    assert ("International Bio Island", "Guangzhou City") in relations(extraction, "locatedIn")
    assert ("International Bio Island", "Shenzhen City") not in relations(extraction, "locatedIn")
    assert {"Alibaba", "JD.com"} <= names(extraction, "Enterprise")


def test_a_city_of_another_province_than_the_one_named_more_does_not_make_the_jurisdiction() -> None:
    text = ("Trade council study\n\nHONG KONG, March 3 -- The Hong Kong Trade Development Council surveyed makers in "
            "Shenzhen. Hong Kong firms lead.\n")
    jurisdiction = extract_text(text, "hk.txt").jurisdiction
    assert (jurisdiction.province, jurisdiction.city) == ("Hong Kong", None)


def test_an_organ_of_a_province_or_municipality_written_with_of_is_its_part_under_its_usual_name() -> None:
    text = ("Study\n\nThe study was run with the Department of Commerce of Zhejiang Province and the Finance Bureau "
            "of Ningbo Municipality.\n")
    extraction = extract_text(text, "zj.txt")
    assert {"Zhejiang Provincial Department of Commerce", "Ningbo Municipal Finance Bureau"} <= names(extraction, "Agency")
    assert {("Zhejiang Provincial Department of Commerce", "Zhejiang Province"),
            ("Ningbo Municipal Finance Bureau", "Ningbo City")} <= relations(extraction, "partOf")


def test_money_received_from_set_up_with_and_built_with_an_investment_by() -> None:
    text = ("Lishui park\n\nLISHUI, June 3 (Xinhua) -- The Lishui Digital Trade Industrial Park opened on Tuesday. "
            "The park received 20 million yuan in subsidies from the Lishui Bureau of Commerce. "
            "The Lishui Industrial Fund, set up by the Lishui Municipal Government with 500 million yuan, will back "
            "start-ups. Built with an investment of 2.3 billion yuan by the Lishui Municipal Government and Zhejiang "
            "Trade Group, the park covers 200,000 square meters.\n")
    extraction = extract_text(text, "lsp.txt")
    by_key = {m.key: m.name for m in extraction.mentions}
    funds = {(by_key[r.subject], by_key[r.object], r.amount.yuan if r.amount else None)
             for r in extraction.relations if r.predicate == "funds"}
    park = "Lishui Digital Trade Industrial Park"
    assert ("Lishui Bureau of Commerce", park, Decimal("20000000")) in funds
    assert ("Lishui Municipal Government", "Lishui Industrial Fund", Decimal("500000000")) in funds
    assert {("Lishui Municipal Government", park, None), ("Zhejiang Trade Group", park, None)} <= funds  # shared sum


def test_a_foreign_wire_s_dateline_is_where_the_reporter_sits_not_the_story_s_jurisdiction() -> None:
    text = "Chip fund\n\nSHANGHAI (Reuters) - A chipmaker will set up a fund in Wuxi, the company said.\n"
    jurisdiction = extract_text(text, "wire.txt").jurisdiction
    assert (jurisdiction.province, jurisdiction.city) in {(None, "Wuxi"), ("Jiangsu", "Wuxi")}
    local = extract_text(text.replace("(Reuters)", "(Xinhua)"), "xh.txt").jurisdiction
    assert local.province == "Shanghai"  # a domestic agency's dateline counts


def test_a_foreign_dateline_is_no_local_place_and_a_relative_clause_names_no_owner() -> None:
    text = ("Battery plant\n\nSEOUL Hanmi Energy Co Ltd said on Tuesday it had signed a deal with the Changzhou city "
            "government to build a plant in the eastern Chinese city.\n\nHanmi Energy Co Ltd, which supplies "
            "Volkswagen and BYD, already operates a cathode plant in Wuxi.\n")
    extraction = extract_text(text, "hanmi.txt")
    located = relations(extraction, "locatedIn")
    assert not any(subject == "Seoul" for subject, _ in located)
    part_of = relations(extraction, "partOf")
    assert ("cathode plant", "Hanmi Energy Co Ltd") in part_of
    assert ("cathode plant", "BYD") not in part_of


def test_a_quoted_campaign_before_a_participle_a_statutory_board_and_a_venue_in_brackets() -> None:
    text = ('Expo abroad\n\nCOLOMBO, Sri Lanka, July 9, 2026 /PRNewswire/ -- The Lishui (Colombo) Handicraft Products '
            'Exhibition opened, organized by the Lishui Municipal Bureau of Commerce and the Sri Lanka Export '
            'Development Board. It is part of the "Lishui Goods Go Global" campaign launched by the city.\n')
    extraction = extract_text(text, "lsx.txt")
    event = "Lishui (Colombo) Handicraft Products Exhibition"
    assert {event, "Lishui Goods Go Global"} <= names(extraction, "Program")
    assert "Sri Lanka Export Development Board" in names(extraction, "Agency")
    assert ("Sri Lanka Export Development Board", event) in relations(extraction, "responsibleFor")
    assert (event, "Lishui City") not in relations(extraction, "locatedIn")  # held in Colombo


def test_an_acronym_in_brackets_after_a_name_stays_its_own_short_name() -> None:
    text = ("Council\n\nThe Hong Kong Trade Development Council (HKTDC) Chairman spoke. HKTDC said exports rose.\n")
    extraction = extract_text(text, "hk2.txt")
    assert {m.name for m in extraction.mentions if m.surface == "HKTDC"} == {"Hong Kong Trade Development Council"}
