"""Load the editable vocabularies (TOML) that drive extraction."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

VOCAB_DIR = Path(__file__).parent


def load_toml(name: str) -> dict:
    with (VOCAB_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so "Leading Group" beats "Group"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one loaded instance, used as a cache key
class EnglishVocabulary:
    heads: dict[str, tuple[str, ...]]
    head_pattern: re.Pattern[str]  # matches a head at the end of a phrase
    head_class: dict[str, str]  # lowercased head -> class
    longest_head: int  # characters of the longest head, to search only a phrase's tail
    lowercase_heads: dict[str, str]  # lowercased head -> class
    lowercase_head_pattern: re.Pattern[str]
    min_modifiers_definite: int
    min_modifiers_indefinite: int
    max_modifiers: int
    quoted_type_nouns: dict[str, str]
    quoted_preceding_nouns: dict[str, str]
    place_suffixes: dict[str, str]
    provinces: dict[str, str]  # short name -> label
    # Both start at a capital letter and are matched at a word's start by english.word_start_matches:
    # a leading \b would stop the regex engine from skipping ahead to the capitals (5x slower).
    place_pattern: re.Pattern[str]  # "<Name> City", "<Name> New District", ...
    province_pattern: re.Pattern[str]  # a province's short name standing alone
    part_heads: frozenset[str]
    level_adjectives: dict[str, str]
    responsibility_markers: tuple[str, ...]
    responsibility_verbs: tuple[str, ...]
    receive_verbs: tuple[str, ...]
    give_verbs: tuple[str, ...]
    generic_phrases: frozenset[str]
    generic_modifiers: frozenset[str]
    sentence_starters: frozenset[str]
    not_names: frozenset[str]
    standalone_terms: dict[str, str]
    countries: dict[str, str]  # name as written -> label ("U.S." -> "United States")
    country_pattern: re.Pattern[str]  # matched at word starts, like place_pattern
    not_gazetteer_places: frozenset[str]  # pinyin city names that are also common words or given names
    gazetteer_min_letters: int
    regions_without_cities: frozenset[str]  # Hong Kong, Macao: no mainland city is their jurisdiction
    organs: dict[str, str]  # abbreviation of a national organ -> its official English name
    organ_parents: dict[str, str]  # a national organ's English name -> the organ it is part of
    enterprises: dict[str, str]  # a well-known enterprise's English name or short form -> its English name
    organ_names: frozenset[str]  # the official names
    enterprise_cue_pattern: re.Pattern[str]  # "automaker " right before a name (searched at the end of a text)
    enterprise_part_nouns: tuple[str, ...]
    owning_verbs: tuple[str, ...]  # "X operates a plant": the plant is X's
    definite_nouns: dict[str, str]  # "the company" -> Enterprise: the one name of that class just named
    news_agencies: tuple[str, ...]  # "BEIJING (Reuters)": a dateline before them
    reporters_datelines: tuple[str, ...]  # wires whose dateline is the reporter's seat, not the story's place
    # "X, the government's investment promotion agency", "the exchange event X": a noun beside a name gives its class
    appositive_nouns: dict[str, str]  # lowercased noun -> class
    appositive_pattern: re.Pattern[str]  # ", a/the <words> <noun>" right after a name, the noun its head
    class_cues: dict[str, str]  # lowercased noun -> class
    class_cue_pattern: re.Pattern[str]  # "<noun> " right before a name (searched at the end of a text), group 1
    demonyms: dict[str, str]  # "Italian" -> "Italy": "Italian company X" is in Italy


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): cls for cls, words in table.items() for word in words}


@lru_cache(maxsize=1)
def english() -> EnglishVocabulary:
    data = load_toml("english.toml")
    heads = {cls: tuple(words) for cls, words in data["heads"].items()}
    all_heads = [w for words in heads.values() for w in words]
    lower = data["lowercase"]
    lowercase_heads = _invert(lower["heads"])
    return EnglishVocabulary(
        heads=heads,
        head_pattern=re.compile(rf"(?:^|(?<=[\s\-]))({_alternation(all_heads)})$", re.IGNORECASE),
        head_class=_invert(data["heads"]),
        longest_head=max(map(len, all_heads)),
        lowercase_heads=lowercase_heads,
        lowercase_head_pattern=re.compile(rf"\b({_alternation(list(lowercase_heads))})\b"),
        min_modifiers_definite=lower["min_modifiers_definite"],
        min_modifiers_indefinite=lower["min_modifiers_indefinite"],
        max_modifiers=lower["max_modifiers"],
        quoted_type_nouns=_invert(data["quoted_type_nouns"]),
        quoted_preceding_nouns=_invert(data["quoted_preceding_nouns"]),
        place_suffixes=data["places"]["suffixes"],
        provinces=dict(data["places"]["provinces"]),
        place_pattern=re.compile(r"((?:[A-Z][a-z'’\-]+)(?:\s(?!(?:%s)\b)[A-Z][a-z'’\-]+)?)\s+(%s)\b"
                                 % (_alternation([s for s in data["places"]["suffixes"] if " " in s]),
                                    _alternation(list(data["places"]["suffixes"])))),  # "Wuxi New District"
        province_pattern=re.compile(r"(%s)\b(?!\s+Province)" % _alternation(list(data["places"]["provinces"]))),
        part_heads=frozenset(h.lower() for h in data["part_of"]["heads"]),
        level_adjectives=data["places"]["level_adjectives"],
        responsibility_markers=tuple(data["responsibility"]["clause_markers"]),
        responsibility_verbs=tuple(data["responsibility"]["verbs"]),
        receive_verbs=tuple(data["funding"]["receive_verbs"]),
        give_verbs=tuple(data["funding"]["give_verbs"]),
        generic_phrases=frozenset(p.lower() for p in data["generic"]["phrases"]),
        generic_modifiers=frozenset(data["generic"]["modifiers"]),
        sentence_starters=frozenset(data["generic"]["sentence_starters"]),
        not_names=frozenset(data["generic"]["not_names"]),
        standalone_terms=_invert(lower.get("terms", {})),
        countries=dict(data["places"]["countries"]),
        country_pattern=re.compile(r"(%s)(?![\w$]|[’'](?!s\b)|-(?!based\b))"  # "Austria-based", "China's"
                                   % _alternation(list(data["places"]["countries"]))),
        not_gazetteer_places=frozenset(data["places"]["gazetteer"]["not_places"]),
        gazetteer_min_letters=data["places"]["gazetteer"]["min_letters"],
        regions_without_cities=frozenset(data["places"]["gazetteer"].get("regions_without_cities", ())),
        organs=dict(data["organs"]),
        organ_parents=organ_parents("en"),
        enterprises={name: entry["en"] for entry in load_toml("enterprises.toml")["enterprise"]
                     for name in (entry["en"], *entry["en_short"])},
        organ_names=frozenset(data["organs"].values()),
        enterprise_cue_pattern=re.compile(r"\b(?:%s)\s+$" % _alternation(data["enterprises"]["cue_nouns"])),
        enterprise_part_nouns=tuple(data["enterprises"]["part_nouns"]),
        owning_verbs=tuple(data["enterprises"]["owning_verbs"]),
        definite_nouns=data["definite_nouns"],
        news_agencies=tuple(data["news_agencies"]),
        reporters_datelines=tuple(data.get("reporters_datelines", ())),
        appositive_nouns=_invert(data["appositives"]["nouns"]),
        appositive_pattern=re.compile(
            r"(?:\s*\([^()]{1,30}\))?,\s+(?:the|a|an)\s+((?:(?!(?:in|of|for|to|with|on|at|by|from|into)\s)"
            r"[a-z0-9][\w'’\-]*\s+){0,5}?)(%s)(?=\s*[,.;:)]|\s+(?:of|"
            r"that|which|in|with|for|and|to|on|at|based|whose|founded|set up|owned|run|backed|controlled)\b|$)"
            % _alternation([w for words in data["appositives"]["nouns"].values() for w in words])),
        class_cues=_invert(data["appositives"]["cues"]),
        class_cue_pattern=re.compile(r"\b(%s)\s+$" % _alternation(
            [w for words in data["appositives"]["cues"].values() for w in words])),
        demonyms=dict(data["places"]["demonyms"]),
    )


@dataclass(frozen=True)
class Organ:
    """A standard government organ: its full Chinese name, abbreviations and English name."""

    zh: str
    en: str
    short: tuple[str, ...] = ()
    national: bool = False  # one organ of the whole country: never qualified by a place
    abbreviation: str = ""  # NDRC, MIIT


@dataclass(frozen=True)
class ChineseVocabulary:
    place_suffixes: dict[str, str]  # suffix -> level
    place_suffix_pattern: re.Pattern[str]
    suffix_english: dict[str, str]
    level_english: dict[str, str]
    level_characters: dict[str, str]
    not_places: frozenset[str]
    not_place_endings: tuple[str, ...]
    place_not_before: dict[str, str]  # suffix -> characters that make it part of another word
    level_words: dict[str, str]  # 新区经济发展局: words before an organ that stand for a level, like 市
    issuing_zones: tuple[str, ...]  # 新区, 高新区: endings of zones a document may speak for, though no division
    national_pattern: re.Pattern[str]  # a document addressed to every province: national
    self_reference_pattern: re.Pattern[str]  # 全省, 我市, 区政府: the level a document speaks for
    number_provinces: dict[str, str]  # 浙 -> 浙江: the first character of a provincial document number
    number_national: tuple[str, ...]  # 国: the first character of a national organ's document number
    open_place_suffixes: tuple[str, ...]  # places not in the divisions that a sure start makes a place: 新区
    provinces: dict[str, str]  # short name -> English
    province_pattern: re.Pattern[str]
    boundary_pattern: re.Pattern[str]
    organs: dict[str, Organ]  # every full name and abbreviation -> its organ
    local_organ_names: tuple[str, ...]  # the glossary's names (财政局, 统计局): a place's organs, no ministry's
    organ_parents: dict[str, str]  # a national organ's full name -> the organ it is part of (国务院)
    organ_pattern: re.Pattern[str]
    agency_suffix_pattern: re.Pattern[str]
    numbered_group_pattern: re.Pattern[str]
    party_pattern: re.Pattern[str]  # 委组织部 ...: a local Party organ after its place or level character
    party_organs: dict[str, tuple[str, str]]  # ending -> (full Chinese ending, English template)
    administrative_centres: tuple[str, ...]
    generic_agencies: frozenset[str]
    agency_not_endings: tuple[str, ...]  # 市委常委: a person's office, not a body
    agency_not_before: tuple[str, ...]  # 厅长: after a suffix, a person's title
    generic_unit_openers: tuple[str, ...]  # 相关处: no one division of a department
    enterprise_suffix_pattern: re.Pattern[str]
    enterprise_branches: tuple[str, ...]
    generic_enterprises: frozenset[str]
    lab_suffix_pattern: re.Pattern[str]
    lab_suffixes: tuple[str, ...]
    lab_name_pattern: re.Pattern[str] | None  # whole names of a family of labs: 国家超级计算济南中心
    generic_labs: frozenset[str]
    generic_qualifiers: tuple[str, ...]
    generic_words: tuple[str, ...]  # longest first: the words category names are made of
    placed_suffixes: tuple[str, ...]  # names with these suffixes are named ones only with a place in them
    lab_not_before: dict[str, str]  # suffix -> a character that makes it another word
    lab_designations: tuple[str, ...]  # 重点实验室: a place and this alone name a title (longest first)
    fund_not_after: dict[str, str]  # suffix -> characters before it that make it a word (信贷)
    program_not_before: dict[str, tuple[str, ...]]  # suffix -> words that make it part of a longer word
    fund_suffix_pattern: re.Pattern[str]
    fund_min_characters: int
    self_named_suffixes: tuple[str, ...]  # a suffix that is a product's name by itself: 创业担保贷款
    generic_funds: frozenset[str]
    cluster_suffix_pattern: re.Pattern[str]
    event_suffix_pattern: re.Pattern[str]  # programs that are events: …对接会, …博览会
    generic_events: frozenset[str]
    program_suffix_pattern: re.Pattern[str]  # named plans and platforms: …行动计划, …服务平台
    zone_suffixes: dict[str, str]  # development zones: Chinese ending -> English
    zone_pattern: re.Pattern[str]
    zone_short_forms: dict[str, str]  # 高新区 -> 高新技术产业开发区
    national_things: dict[str, tuple[str, str]]  # name or short form -> (standard name, class)
    national_thing_pattern: re.Pattern[str]
    known_enterprises: dict[str, tuple[str, str]]  # 华为, 华为技术有限公司 -> (registered name, English name)
    known_enterprise_pattern: re.Pattern[str]
    boundary_end_pattern: re.Pattern[str]  # a boundary word ending where a search's end is
    example_pattern: re.Pattern[str]  # "等龙头企业": group 1 the marker, group 2 the noun
    example_nouns: dict[str, str]  # noun -> class
    example_openers: tuple[str, ...]
    example_not_endings: tuple[str, ...]  # 零售行业: a sector, not an example
    generic_programs: frozenset[str]
    generic_clusters: frozenset[str]
    place_bound_clusters: frozenset[str]
    pilot_zone_suffixes: tuple[str, ...]  # 试验区, 示范区: zones that may be a policy's pilot
    policy_pilot_words: tuple[str, ...]  # 改革, 共同富裕: such a zone is a program, not a cluster
    quoted_types: tuple[str, ...]
    quoted_fund_endings: tuple[str, ...]
    quoted_fund_types: tuple[str, ...]
    measure_pattern: re.Pattern[str]
    section_labels: frozenset[str]  # 指导思想, 基本原则: headings of every plan, no measures
    condition_sections: frozenset[str]  # 申报条件, 联系方式: the numbered items under them are no measures
    condition_openers: tuple[str, ...]  # numbered conditions of eligibility, not measures
    not_measure_endings: tuple[str, ...]
    measure_verbs: tuple[str, ...]  # "（三）加快…：": a title a colon ends is a measure's if it opens so
    statement_markers: tuple[str, ...]  # "（一）基础设施实现跨越式发展": a heading that reports, no measure
    quoted_not_types: tuple[str, ...]
    quoted_measures_pattern: re.Pattern[str]
    title_types: tuple[str, ...]
    lead_marker_pattern: re.Pattern[str]  # "组长单位:"
    unit_columns: frozenset[str]  # table header cells over responsible units
    task_columns: tuple[str, ...]  # endings of table header cells over tasks
    recipient_columns: frozenset[str]  # a funding list's header cell over the recipients
    amount_columns: tuple[str, ...]  # words of a funding list's header cell over the sums
    duty_pattern: re.Pattern[str]  # "按职责分工" between units and 负责
    acting_words: tuple[str, ...]  # "市科技局要…": what follows the agencies acting in a measure
    responsible_pattern: re.Pattern[str]  # "由X负责" or "(X负责)"
    responsible_filler_pattern: re.Pattern[str]  # "按程序" in "由X按程序兑现"
    issue_verb_pattern: re.Pattern[str]
    setting_up_pattern: re.Pattern[str]  # 设立, 成立, 组建: an agency that sets up a committee leads it
    funding_verb_pattern: re.Pattern[str]
    fiscal_grant_pattern: re.Pattern[str]  # "市财政…给予": a level's treasury paying, no sum needed
    recipient_markers: str
    location_verb_pattern: re.Pattern[str]
    short_name_markers: tuple[str, ...]
    issuer_fields: frozenset[str]  # 信息来源, 发布机构: a page's field naming who issued the document


def _suffix_pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{_alternation(words)})")


def organ_parents(language: str) -> dict[str, str]:
    """A national organ's name -> the name of the organ it is part of (vocab/national_organs.toml), in
    Chinese or English: 工业和信息化部 -> 国务院, National Energy Administration -> National Development and
    Reform Commission."""
    entries = load_toml("national_organs.toml")["organ"]
    by_zh = {entry["zh"]: entry for entry in entries}
    return {entry[language]: by_zh[entry["parent"]][language] for entry in entries if "parent" in entry}


def _not_preceded(characters: str) -> str:
    """A lookbehind that fails after any of ``characters`` ("" when there are none)."""
    return f"(?<![{re.escape(characters)}])" if characters else ""


def _joined_in_organ_names(organs: dict[str, Organ], words: list[str]) -> list[tuple[str, str]]:
    """(two characters and the conjunction, two characters) around each one-character boundary word
    inside an organ's name: 工业和信息化 is one term, so "工业和信息化发展情况发布会" is not cut at 和."""
    joined = set()
    single = {w for w in words if len(w) == 1}
    for organ in set(organs.values()):
        for i in range(2, len(organ.zh) - 2):
            if organ.zh[i] in single and _CJK_ONLY.fullmatch(organ.zh[i - 2:i + 3]):
                joined.add((organ.zh[i - 2:i + 1], organ.zh[i + 1:i + 3]))
    return sorted(joined)


@lru_cache(maxsize=1)
def chinese() -> ChineseVocabulary:
    data = load_toml("chinese.toml")
    places, agencies, programs, relations = data["places"], data["agencies"], data["programs"], data["relations"]
    organs: dict[str, Organ] = {}
    for entry in load_toml("national_organs.toml")["organ"]:  # before the glossary: 财政部 is national
        organ = Organ(entry["zh"], entry["en"], tuple(entry.get("short", ())), True, entry.get("abbr", ""))
        for name in (organ.zh, *organ.short, "中华人民共和国" + organ.zh):
            organs.setdefault(name, organ)
    for entry in load_toml("glossary.toml")["organ"]:
        organ = Organ(entry["zh"], entry["en"], tuple(entry.get("short", ())))
        for name in (organ.zh, *organ.short):
            organs.setdefault(name, organ)
    things = {name: (standard, entry["class"]) for standard, entry in data["national_things"].items()
              for name in (standard, *entry["short"])}
    known = {name: (entry["zh"], entry["en"]) for entry in load_toml("enterprises.toml")["enterprise"]
             for name in (entry["zh"], *entry["short"])}
    # not_after as lookbehinds over the matched word (数据 is no 据): checked only where a word matched
    exceptions = data["boundaries"].get("not_after_except", {})  # 行为 is a word, 银行为 is not
    boundary_pattern = re.compile("(?:%s)%s%s%s" % (_alternation(data["boundaries"]["words"]), "".join(
        f"(?<!{_not_preceded(exceptions.get(b + word, ''))}{re.escape(b + word)})"
        for word, before in data["boundaries"].get("not_after", {}).items() for b in before), "".join(
        f"(?<!{re.escape(word)}(?={_alternation(after)}))" for word, after in
        data["boundaries"].get("not_before", {}).items()), "".join(
        f"(?<!{re.escape(before)}(?={re.escape(after)}))" for before, after in
        _joined_in_organ_names(organs, data["boundaries"]["words"]))))
    return ChineseVocabulary(
        place_suffixes=places["suffixes"],
        place_suffix_pattern=_suffix_pattern(list(places["suffixes"])),
        suffix_english=places["suffix_english"],
        level_english=places["level_english"],
        level_characters=places["level_characters"],
        not_places=frozenset(places["not_places"]),
        not_place_endings=tuple(places["not_place_endings"]),
        place_not_before=places.get("not_before", {}),
        issuing_zones=tuple(places.get("issuing_zones", ())),
        level_words=places.get("level_words", {}),
        open_place_suffixes=tuple(places.get("open_suffixes", ())),
        national_pattern=re.compile(_alternation(places["national_markers"])),
        number_provinces={k: v for k, v in places["number_abbreviations"].items() if k != "national"},
        number_national=tuple(places["number_abbreviations"]["national"]),
        self_reference_pattern=re.compile("(?:%s)(?P<level>[省市区县])|(?P<level2>[省市区县])(?:%s)" % (
            _alternation(places["self_reference"]["before"]), _alternation(places["self_reference"]["after"]))),
        provinces=places["provinces"],
        province_pattern=re.compile(f"({_alternation(list(places['provinces']))})(省|自治区|特别行政区|市)?"),
        boundary_pattern=boundary_pattern,
        organs=organs,
        local_organ_names=tuple(name for name, organ in organs.items() if not organ.national),
        organ_parents=organ_parents("zh"),
        organ_pattern=_suffix_pattern(list(organs)),
        agency_suffix_pattern=_suffix_pattern(agencies["suffixes"] + agencies["administrative_centres"]),
        numbered_group_pattern=re.compile(agencies["numbered_group"]),
        party_pattern=re.compile("(?<=[省市区县])(?:%s)(?!%s)" % (_alternation(list(data["party"]["organs"])),
                                                              _alternation(data["party"]["never_before"]))),
        party_organs={k: (v[0], v[1]) for k, v in data["party"]["organs"].items()},
        administrative_centres=tuple(agencies["administrative_centres"]),
        generic_agencies=frozenset(agencies["generic"]),
        agency_not_endings=tuple(agencies.get("not_endings", ())),
        agency_not_before=tuple(agencies.get("not_before", ())),
        generic_unit_openers=tuple(agencies.get("generic_unit_openers", ())),
        enterprise_suffix_pattern=_suffix_pattern(data["enterprises"]["suffixes"]),
        enterprise_branches=tuple(data["enterprises"]["branches"]),
        generic_enterprises=frozenset(data["enterprises"]["generic"]),
        lab_suffix_pattern=_suffix_pattern(data["labs"]["suffixes"]),
        lab_suffixes=tuple(data["labs"]["suffixes"]),
        lab_name_pattern=re.compile("|".join(data["labs"]["patterns"])) if data["labs"].get("patterns") else None,
        generic_labs=frozenset(data["labs"]["generic"]),
        generic_qualifiers=tuple(sorted(data["generic_qualifiers"]["words"], key=len, reverse=True)),
        generic_words=tuple(sorted(set(data["generic_words"]["words"]), key=len, reverse=True)),
        placed_suffixes=tuple(data["generic_words"].get("placed_suffixes", ())),
        lab_not_before=data["labs"].get("not_before", {}),
        lab_designations=tuple(sorted(data["labs"]["designations"], key=len, reverse=True)),
        fund_not_after=data["funds"].get("not_after", {}),
        program_not_before={k: tuple(v) for k, v in data["programs"].get("not_before", {}).items()},
        fund_suffix_pattern=re.compile(f"(?:{_alternation(data['funds']['suffixes'])})(?!款)"),
        fund_min_characters=data["funds"]["min_name_characters"],
        self_named_suffixes=tuple(data["funds"].get("self_named", ())),
        generic_funds=frozenset(data["funds"]["generic"]),
        cluster_suffix_pattern=_suffix_pattern(data["clusters"]["suffixes"]),
        event_suffix_pattern=_suffix_pattern(programs["event_suffixes"]),
        generic_events=frozenset(programs["generic_events"]),
        program_suffix_pattern=_suffix_pattern(programs["suffixes"]),
        zone_suffixes=places["zone_suffixes"],
        zone_pattern=_suffix_pattern([*places["zone_suffixes"], *places["zone_short_forms"]]),
        zone_short_forms=places["zone_short_forms"],
        national_things=things,
        national_thing_pattern=re.compile(_alternation(list(things))),
        known_enterprises=known,
        known_enterprise_pattern=re.compile(_alternation(list(known))),
        boundary_end_pattern=re.compile("(?:%s)$" % boundary_pattern.pattern),
        example_pattern=re.compile(f"({_alternation(data['examples']['markers'])})"  # 等10家 / 等一批: counts only
                                   f"(?:[\\d一二三四五六七八九十百千多几数批家个余]{{0,4}})"
                                   f"({_alternation(list(data['examples']['nouns']))})"),
        example_nouns=data["examples"]["nouns"],
        example_openers=tuple(sorted(data["examples"]["openers"], key=len, reverse=True)),
        example_not_endings=tuple(data["examples"]["item_not_endings"]),
        generic_programs=frozenset(programs["generic"]),
        generic_clusters=frozenset(data["clusters"]["generic"]),
        place_bound_clusters=frozenset(data["clusters"]["place_bound"]),
        pilot_zone_suffixes=tuple(data["clusters"].get("pilot_zone_suffixes", ())),
        policy_pilot_words=tuple(data["clusters"].get("policy_pilot_words", ())),
        quoted_types=tuple(sorted(programs["quoted_types"], key=len, reverse=True)),
        quoted_fund_endings=tuple(programs["quoted_fund_endings"]),
        quoted_fund_types=tuple(sorted(programs["quoted_fund_types"], key=len, reverse=True)),
        measure_pattern=re.compile(programs["measure_pattern"]),
        section_labels=frozenset(programs.get("section_labels", ())),
        condition_sections=frozenset(programs.get("condition_sections", ())),
        condition_openers=tuple(programs["condition_openers"]),
        not_measure_endings=tuple(programs["not_measure_endings"]),
        measure_verbs=tuple(programs["measure_verbs"]),
        statement_markers=tuple(programs["statement_markers"]),
        quoted_not_types=tuple(sorted(programs["quoted_not_types"], key=len, reverse=True)),
        quoted_measures_pattern=re.compile(programs["quoted_measures"]),
        title_types=tuple(programs["title_types"]),
        unit_columns=frozenset(relations["unit_columns"]),
        task_columns=tuple(relations["task_columns"]),
        recipient_columns=frozenset(relations["recipient_columns"]),
        amount_columns=tuple(relations["amount_columns"]),
        acting_words=tuple(sorted(relations["acting_words"], key=len, reverse=True)),
        duty_pattern=re.compile(_alternation(relations["duty_words"])),
        lead_marker_pattern=re.compile(f"(?:{_alternation(relations['lead_markers'])})\\s*[:：]"),
        responsible_pattern=re.compile(
            f"由([^。；;]{{1,60}}?)(?:{_alternation(relations['responsible_words'])})"
            f"|[(（]([^()（）]{{1,60}}?)(?:{_alternation(relations['responsible_words'])})[)）]"),
        responsible_filler_pattern=re.compile(_alternation(relations["responsible_fillers"])),
        issue_verb_pattern=_suffix_pattern(relations["issue_verbs"]),
        setting_up_pattern=re.compile(f"(?:{_alternation(relations['setting_up_verbs'])})$"),
        funding_verb_pattern=_suffix_pattern(relations["funding_verbs"]),
        fiscal_grant_pattern=re.compile(
            f"[省市区县](?:[、和与][省市区县])?两?级?财政[^,，。；;]{{0,10}}?(?:{_alternation(relations['fiscal_verbs'])})"),
        recipient_markers=relations["recipient_markers"],
        location_verb_pattern=_suffix_pattern(relations["location_verbs"]),
        short_name_markers=tuple(relations["short_name_markers"]),
        issuer_fields=frozenset(relations["issuer_fields"]),
    )
