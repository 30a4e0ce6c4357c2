from conftest import extract_text

from graph.keys import name_key
from graph.resolve import resolve


def test_name_keys_forgive_articles_plurals_quotes_and_level_words() -> None:
    assert name_key("the Provincial Science and Technology Progress Awards") == \
        name_key("Provincial Science and Technology Progress Award")
    assert name_key("“1+N” loan risk compensation fund pool") == name_key("1+N loan risk compensation fund pool")
    assert name_key("Hebi Municipal Finance Bureau", "Agency") == name_key("Hebi Finance Bureau", "Agency")
    assert name_key("People's Government of Hebei Province", "Agency") == \
        name_key("Hebei Provincial People's Government", "Agency")
    assert name_key("Hebi City", "Place") == name_key("Hebi", "Place")


def test_one_node_per_thing_with_every_surface_form_as_alias() -> None:
    first = extract_text("Hebi City notes\n\nThe Municipal Finance Bureau met the press.", "a.txt")
    second = extract_text("Hebi City update\n\nHebi Municipal Finance Bureau staff spoke.", "b.txt")
    other_city = extract_text("Hefei City notes\n\nThe Municipal Finance Bureau met the press.", "c.txt")
    resolved = resolve([first, second, other_city])
    bureaus = [e for e in resolved.entities if e.cls == "Agency"]
    assert sorted(e.label for e in bureaus) == ["Hebi Municipal Finance Bureau", "Hefei Municipal Finance Bureau"]
    hebi = next(e for e in bureaus if e.label.startswith("Hebi"))
    assert "Municipal Finance Bureau" in hebi.aliases
    assert {s.document for s in hebi.sources} == {"a.txt", "b.txt"}
    assert hebi.entity_id == "agency/hebi-municipal-finance-bureau"


def test_relations_merge_and_keep_every_source() -> None:
    one = extract_text("Hebi City notes\n\nThe Mozi Laboratory opened in Hebi.", "a.txt")
    two = extract_text("Hebi City notes\n\nThe city says the Mozi Laboratory hired staff.", "b.txt")
    resolved = resolve([one, two])
    [located] = [r for r in resolved.relations if r.predicate == "locatedIn"]
    assert located.subject == "lab/mozi-laboratory" and located.object == "place/hebi-city"
    assert [s.document for s in located.sources] == ["a.txt", "b.txt"]


def test_the_map_computes_each_mention_s_resolution_key_and_the_reduce_groups_by_it() -> None:
    from dataclasses import replace

    extraction = extract_text("Hebi City notes\n\nThe Municipal Finance Bureau met the press.", "a.txt")
    bureau = next(m for m in extraction.mentions if m.cls == "Agency")
    assert bureau.group == name_key("Hebi Municipal Finance Bureau", "Agency") == "hebi finance bureau"
    assert all(m.group for m in extraction.mentions)
    # the reduce trusts the key it is given: two names with one key are one node
    treasury = replace(bureau, key="x", name="Hebi Treasury")  # keeps the bureau's key
    [agency] = [e for e in resolve([replace(extraction, mentions=(*extraction.mentions, treasury))]).entities
                if e.cls == "Agency"]
    assert {"Hebi Treasury", "Hebi Municipal Finance Bureau"} <= {agency.label, *agency.aliases}


def test_a_well_known_enterprise_is_one_node_by_brand_and_registered_name_in_both_languages() -> None:
    chinese = extract_text("比亚迪、宁德时代等企业在本地建厂。\n比亚迪股份有限公司表示将扩产。\n", "zh.txt")
    english = extract_text("BYD and Tesla compete in Europe. BYD Co Ltd said it would expand.\n", "en.txt")
    resolved = resolve([chinese, english])
    byd = [e for e in resolved.entities if e.cls == "Enterprise" and "BYD Company Limited" in e.translations]
    assert len(byd) == 1  # the brand and the registered name, in both languages: one node
    written = {byd[0].label, *byd[0].aliases}
    assert {"比亚迪", "比亚迪股份有限公司", "BYD", "BYD Co Ltd"} <= written | set(byd[0].translations)
    assert any(e.label == "Tesla" and e.translations == ("Tesla, Inc.",) for e in resolved.entities)
