"""Chinese documents to mentions and relations: rules driven by vocab/chinese.toml
and the organ glossary vocab/glossary.toml.

A pure function of one Document. Chinese has no spaces, so a name is found by
its suffix ("...局", "...有限公司", "...创新中心") and read leftwards to where it
starts: a punctuation mark, the clause start, or a boundary word ("与", "帮助",
"促成" ...). Matching runs on a form of each sentence with full-width
punctuation made half-width and traditional characters made simplified (OpenCC);
that form has the sentence's length, so offsets and the quoted source sentence
stay those of the document.

Abbreviated agency names take the document's jurisdiction and the organ's full
name from the glossary: 市工信局 in a Zhengzhou document is 郑州市工业和信息化局,
with the English name "Zhengzhou Municipal Industry and Information Technology
Bureau" as a translation, so English mentions of it resolve to the same node.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

import cn2an
import opencc
from pypinyin import lazy_pinyin

from ..model import Amount, Document, Extraction, Jurisdiction, Mention, RelationMention, Sentence, Source
from ..script import HAN
from .amounts import AmountSpan, chinese_amounts, table_amount
from .gazetteer import Division, gazetteer
from .organs import organ_parts
from .sources import SentenceSources
from .vocab import ChineseVocabulary, chinese

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WRAP = "\u2060"  # stands for a line break inside a sentence: a name may run across it
_NAME_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9\u2060]")
_RUN_BEFORE = re.compile(r"[\u3400-\u9fffA-Za-z0-9\u2060]+$")  # searched with an end: the run ending there
_RUN_BEFORE_LEVEL = re.compile(r"(?:(?![省市区县])[\u3400-\u9fffA-Za-z0-9\u2060])+$")  # a run no level character is in
_ORGAN_END = re.compile(r"[局厅委部府办处司协联]")  # characters that end an organ's name (政协, 妇联)
_YEAR_PREFIX = re.compile(r"(?:19|20)\d{2}(?:年度?)?")
_YEAR_AND_PLACE = 16  # characters at most of a year and a place before a program's name
_BRACKETED_TITLE = re.compile(r"[【\[]([^【】\[\]]{2,30})[】\]]")
_METADATA_LINE = re.compile(r"[\u4e00-\u9fff]{2,6}[:：]")  # 索引号：…, 发文字号：…: a page's record of the document
_HEADER_LINES = 12  # how far the record of a page and then its title may run
# a headline: a place or organ, a verb of issuing, and the document it issued
_HEADLINE_VERB = re.compile(r"^([\u4e00-\u9fff]{2,14}?[省市区县局厅委部办])(?:公布|印发|发布|出台|公示)了?"
                            r"((?:19|20)?[^，,。]{4,60})$")
_COLON_TITLE = 5  # a heading a colon ends is a measure's title from this many characters ("支持对象：" is a field)
_CJK_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
_TRADITIONAL_SHARE = 2  # per cent of characters that t2s changes, below which a text is simplified already
_LEADING_TIME = re.compile(r"^(?:\d+年度?|\d+月\d+日|年度|\d+)")
# a count (12个, 三家), a determiner (各, 该, 每) or a bare number: no name starts so; 三里屯 does
_LENDING_VERB = re.compile(r"(?:发放|投放|提供|出资设立|设立)")  # a product's lenders: no sum needed
_YEAR = re.compile(r"(?:19|20)\d{2}年度?")
_QUANTITY = re.compile(r"^(?:[\d一二三四五六七八九十百千几多两]+[家个所座笔批项类条种]|[各该某此每首]"
                       r"|[\d一二三四五六七八九十几多]+$)")
_QUOTE = re.compile(r"“([^“”]{1,30})”")
_TITLE = re.compile(r"《([^《》]{2,80})》")
_LEVEL_PLACE_CHARACTERS = "省市区县"
_PAUSE = re.compile(r"[,，、;；。]")
_GROUP_CLOSE = re.compile(r"[)）;；。]")
_BRACKETED = re.compile(r"[(（][^()（）]{2,200}[)）]")
_ITEM_BEFORE = re.compile(r"[\u3400-\u9fffA-Za-z0-9]+$")  # searched with an end: one list item
_OWN_PLACE = re.compile(r"[我本全]([省市区县])")  # 我市, 本省: the place the document speaks for
_CELL_BREAK = re.compile(r"\s*[|\t]\s*")
_TASK_END = re.compile(r"[。；;:：\n]")
_CLAUSE_END = re.compile(r"[。；;！!？?]")
_DIVISION_UNIT = re.compile(r"([\u4e00-\u9fff]{2,8}?[处科])(?:(?![\u4e00-\u9fff])|(?=负责|牵头|联系|会同|配合|受理))")
_MINISTRY_UNIT = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:司|局|厅|中心)(?!长)")  # 工信部信息通信管理局
# 运行监测协调局局长: a bureau of the ministry being written about, named bare before its head's title
# (布局, 格局, 大局 are words)
_BARE_BUREAU = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{3,8}(?<![布格大全开变结当])局(?=副?局长|[、，。；）)])")
_BARE_UNIT = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,6}司(?![\u4e00-\u9fff]{0,1}[长])")
_COUNTED = re.compile(r"[\d一二三四五六七八九十几多两]+[家个所项]")
# 市、区两级财政, 区财政局
_FISCAL = re.compile(r"([省市区县])(?:[、和与]([省市区县]))?两?级?财政(?:局|厅(?!级))?(?!部)")
# a numbered line saying who does what is no heading
_SENTENCE_VERB = re.compile(r"负责|牵头|会同|配合|共同管理|(?<![自理经])由")
_SUBJECT_LINKS = re.compile(r"会同|联合|共同|具体|主要|统一|[、和及与由\s]")
_LEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])")
_SELF_REFERENCES = ("本办法", "本细则", "本措施", "本政策", "本方案", "本意见", "本通知", "本规定", "本规划")
_ARTICLE_TITLE = 15  # an article's own title (第七条 支持企业上市。) is short; a longer first sentence is its text
_RESPONSIBLE_VERB = re.compile(r"(?:(?:具体)?负责|牵头负责)(?!人|同志|任)")  # 负责人: an official, no verb
_ISSUED = ("Program", "Fund", "Lab", "Cluster")  # what an agency issues, sets up or runs
_SET_UP_BODIES = ("委员会", "办公室", "工作组", "专班", "领导小组", "特派办", "服务站", "工作站")
_DOCUMENT_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,8})\s*[〔\[(（【]\s*(?:19|20)\d{2}\s*[〕\])）】]\s*\d{1,4}\s*号")
_ARRANGES = re.compile(r"(?:安排|安排了)$")
# "每年安排不少于3000万元的重点产业发展专项资金": the sum before the fund's name
_ARRANGED_SUM = re.compile(r"(?:安排|设立|出资)[^，,。；;]{0,8}?\d+(?:\.\d+)?[万亿]元(?:的)?$")
_SUM_NEXT = re.compile(r"(?:约|共|合计|不少于)?\d")
_SEAT_IN_BRACKETS = re.compile(r"[(（][\u4e00-\u9fff]{2,6}[)）]$")
_BRACKETED_SEAT = re.compile(r"[(（]([\u4e00-\u9fff]{2,6})[)）]")
_LEVEL_QUALIFIER = re.compile(r"^([省市区县])(?:级|(?![场长委])(?=[\u4e00-\u9fff]{4}))")  # 县级…, 省…资金
# "深入实施制造业数字化转型行动": the program a government carries out is one, though its words are common
_CARRIES_OUT = re.compile(r"(?:实施|启动|开展|组织实施|深入实施|全面实施|启动实施)$")
_SETS_UP = re.compile(r"(?:设立|组建|成立|发起设立|设立了|组建了|成立了)$")  # "设立人工智能产业投资基金": one fund
_DELIMITER = re.compile(r"[、,，)）。;；:：\n]")
_ROLE_VERB = re.compile(r"(?:牵头|配合|协同配合|协助|联合主办|主办|承办|协办)(?=[,，。；;)）]|$)")
_FUNDERS = ("Agency", "Fund", "Enterprise")
_TARGETS = ("Program", "Fund", "Lab", "Cluster")
_RECIPIENTS = ("Enterprise", "Lab", "Agency", "Cluster")  # what a funding list's recipient cell names
_CATEGORY_CLASSES = ("Lab", "Cluster", "Fund", "Program", "Enterprise")  # names that may be only a category
_SET_UP_AT = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:设立|建设|建成|布局|成立|打造|落户|开设|组建|举办|召开)")
_CLAUSE_BREAK = re.compile(r"[,，。；;！!？?]")
_PLACED_NAMES = ("Lab", "Fund", "Cluster")  # names a place opens, read back across a conjunction
_NAMED_IN_TITLES = ("Cluster", "Lab", "Fund")  # named inside a document's title, they are mentioned too
_RULE_CELL = re.compile(r":?-{3,}:?|")
_CONJUNCTIONS = "和与及"
_CONJUNCTION = re.compile("[和与及同跟]")
_LOCATED_BY_NAME = ("Enterprise", "Lab", "Cluster", "Fund", "Program")


@lru_cache(maxsize=1)
def _simplifier() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def matching_form(text: str) -> str:
    """Half-width punctuation, simplified characters, and the same length as ``text``. A text already in
    simplified characters keeps them all: 昇腾 is a brand, though the converter makes every 昇 a 升."""
    half = text.translate(_FULL_WIDTH)
    simple = _simplifier().convert(half)
    if len(simple) != len(half):  # a phrase conversion changed the length: convert character by character
        simple = "".join(converted if len(converted := _simplifier().convert(ch)) == 1 else ch for ch in half)
    changed = sum(a != b for a, b in zip(half, simple, strict=True))
    if changed and changed * 100 < len(_CJK_CHARACTER.findall(half)) * _TRADITIONAL_SHARE:
        return half  # a few characters only: a simplified text with a rare or a brand's character
    return simple


@lru_cache(maxsize=1 << 12)  # the same few place names, again and again
def pinyin_name(chinese_name: str) -> str:
    """郑州 -> Zhengzhou: place names in English are their pinyin, as one word."""
    return "".join(lazy_pinyin(chinese_name)).capitalize()


def _strip_quotes(text: str) -> str:
    return re.sub(r"[“”\"《》\s]", "", text)


@dataclass
class _Found:
    cls: str
    start: int  # offsets in the sentence
    end: int
    name: str
    surface: str
    translation: str = ""
    scope: str = ""
    level: str = ""  # places: province, city, district, county
    short: str = ""  # places: the name without its suffix
    reference: bool = False  # a bare quote standing for a program named elsewhere
    implied: bool = False  # known from context, not written here: its surface is its name
    rank: int = 0
    amount: Amount | None = None
    parent: _Found | None = None  # partOf
    place: _Found | None = None  # locatedIn
    children: list[_Found] = field(default_factory=list)
    issuers: list[_Found] = field(default_factory=list)  # agencies named in a title as issuing it
    other_names: tuple[str, ...] = ()  # after the translation: a well-known enterprise's registered name


@dataclass
class _Context:
    """What a sentence inherits from the text before it."""

    district: _Found | None = None  # the last district or county named
    district_paragraph: int = -1
    place: _Found | None = None  # the last place below the province named
    place_paragraph: int = -1
    fund: Mention | None = None  # the last fund named
    fund_paragraph: int = -1
    program: Mention | None = None  # the last program named
    program_paragraph: int = -1


@dataclass(frozen=True)
class _Grant:
    """A row of a funding list, in offsets of the document's text: its recipient's cell and its sum."""

    recipient: tuple[int, int]
    amount: Amount


@dataclass(frozen=True)
class _Row:
    """A row of a task table, in offsets of the document's text."""

    task_start: int
    task: str
    units: list[tuple[int, int]]


class ChineseExtractor:
    def __init__(self, document: Document, vocab: ChineseVocabulary | None = None):
        self.document = document
        self.vocab = vocab or chinese()
        self.gazetteer = gazetteer()
        self._place_indexes: dict[int, tuple[list[_Found], dict[int, _Found], dict[int, _Found]]] = {}
        whole = matching_form(document.text)  # sentences are slices of the text, and so are their forms
        self.whole = whole
        # a line break inside a sentence is where a PDF wrapped it: names read across it
        self.forms = {s.index: whole[s.start:s.end].replace("\n", _WRAP) for s in document.sentences}
        self._unsure: set[int] = set()  # sentences with a place whose start only a known name can settle
        self.places = {s.index: self._places(self.forms[s.index], sentence=s.index) for s in document.sentences}
        sure_places = frozenset(p.short for places in self.places.values() for p in places)
        for index in self._unsure:
            self.places[index] = self._places(self.forms[index], sure_places)
        self.jurisdiction = self._jurisdiction()
        if "city" in self.divisions:  # 宝安、龙岗: the city's own districts by their bare names, now it is known
            city = self.divisions["city"].name
            own = frozenset(d.short for d in self.gazetteer.divisions if d.parent == city and d.short != d.name
                            and len(d.short) >= 2)
            for index, form in self.forms.items():
                known = {(p.start, p.end) for p in self.places[index]}
                extra = [p for p in self._bare_places(form, known, own)
                         if not any(p.start < q.end and q.start < p.end for q in self.places[index])]
                if extra:
                    self.places[index] = sorted(self.places[index] + extra, key=lambda p: p.start)
        self.short_names = self._short_names(whole)
        self._aliases: dict[str, _Found] = {}  # "（以下简称“园区”）": the short name -> what it names
        self._alias_pattern: re.Pattern[str] | None = None
        markers = "|".join(map(re.escape, self.vocab.short_name_markers))
        self._alias_definition = re.compile(rf"[(（](?:{markers})[“\"]?([^“”\"()（）,，。;；]{{2,12}}?)[”\"]?[)）]")
        self.program_quotes = self._program_quotes(whole)  # “万人助万企” -> 活动
        self.context = _Context()
        self._sentence_at, self._paragraph_at = 0, 0
        lengths = Counter()
        for s in document.sentences:
            lengths[s.paragraph] += len(s.text)
        self._headings = {p for p, n in lengths.items() if n <= 30}  # short lines: headings
        self.mentions: list[Mention] = []
        self.relations: list[RelationMention] = []
        self._placed: set[str] = set()  # places already given their parent division, or found to have none
        self._named_divisions: dict[str, bool] = {}
        self._divisions_in: dict[str, Division | None] = {}  # name -> the first division named in it
        self._ministry = None  # the last ministry named: 科技司 in its documents is its department
        self._headings_at: dict[int, tuple[int, int, str] | None] = {}  # sentence -> its numbered heading
        self._line_openers: dict[int, bool] = {}  # sentence -> whether it starts its line
        self._measure_levels = self._levels_of_measures()
        self._open_measures: dict[int, Mention] = {}  # numbering level -> the measure open at it
        self._measure_keys: set[str] = set()  # the mentions that are measures
        self._measure_paragraph: tuple[Mention, int] | None = None  # the last measure and its paragraph
        self.title_program = self._title_program()
        self.document_program: Mention | None = None
        self._agency_line: list[Mention] = []  # the agencies of the line before, when it held nothing else
        self._grants: dict[int, _Grant] = {}  # paragraph -> a funding list's row, filled by _table_rows
        self._rows = self._table_rows()  # paragraph -> a task table's row: its task and its units' cells
        self._title_funds: list[Mention] = []  # funds named in the document's title line: a list's payer
        self._row_task: tuple[int, Mention] | None = None  # the paragraph of the last row read, and its task
        self._sources = SentenceSources(document.doc_id)

    # -- reading names leftwards ------------------------------------------------------
    def _name_start(self, text: str, end: int, limit: int, stop: str = "") -> int:
        """Where a name ending at ``end`` starts: back over name characters, then after
        the last boundary word among them."""
        return self._bounded_start(text, end, limit, stop)[0]

    def _bounded_start(self, text: str, end: int, limit: int, stop: str = "") -> tuple[int, bool]:
        """The start, and whether it is a sure one: after punctuation, a boundary word or a
        stop character, rather than where the length limit cut the run."""
        run = (_RUN_BEFORE_LEVEL if stop else _RUN_BEFORE).search(text, max(0, end - limit), end)
        start = run.start() if run is not None else end  # one regex search, not a step per character
        sure = start == 0 or not _NAME_CHAR.match(text[start - 1]) or text[start - 1] in stop
        cut = start
        for boundary in self.vocab.boundary_pattern.finditer(text, start, min(len(text), end + 3)):
            if boundary.end() > end:  # read past the name's end only so that 促进 sees the 局 after it
                break
            cut, sure = boundary.end(), True
        lead = _LEADING_TIME.match(text, cut, end)
        return (lead.end() if lead else cut), sure

    def _run_start(self, text: str, end: int, limit: int) -> int:
        """Where the unbroken run of name characters before ``end`` starts, boundary words and all."""
        run = _RUN_BEFORE.search(text, max(0, end - limit), end)
        return run.start() if run is not None else end

    def _index_of(self, places: list[_Found]) -> tuple[dict[int, _Found], dict[int, _Found]]:
        """A sentence's places by start and by end (the first of each), made once per list."""
        cached = self._place_indexes.get(id(places))
        if cached is None:  # the cache holds the list, so its id is never reused for another
            by_start: dict[int, _Found] = {}
            by_end: dict[int, _Found] = {}
            for place in places:
                by_start.setdefault(place.start, place)
                by_end.setdefault(place.end, place)
            cached = self._place_indexes[id(places)] = (places, by_start, by_end)
        return cached[1], cached[2]

    def _place_ending_at(self, places: list[_Found], position: int) -> _Found | None:
        return self._index_of(places)[1].get(position)

    def _leading_places(self, places: list[_Found], start: int, end: int) -> list[_Found]:
        """Places that open the span [start, end), one after another: 河南省郑州市..."""
        by_start = self._index_of(places)[0]
        found, cursor = [], start
        while True:
            place = by_start.get(cursor)
            if place is None or place.end >= end:
                return found
            found.append(place)
            cursor = place.end

    # -- places ---------------------------------------------------------------------------
    def _places(self, text: str, known: frozenset[str] = frozenset(), sentence: int = -1) -> list[_Found]:
        """Provinces by name; other places by suffix, where the name's start is sure or the
        name is one the document has already shown (``known``: 郑州 from "郑州市培育…")."""
        vocab = self.vocab
        found: list[_Found] = []
        for match in vocab.province_pattern.finditer(text):
            if match.group(2):  # a bare province name is more often part of a company's name
                short = match.group(1)
                suffix = match.group(2)
                found.append(_Found("Place", match.start(), match.end(), match.group(), match.group(),
                                    f"{vocab.provinces[short]} {vocab.suffix_english.get(suffix, 'Province')}",
                                    level="province", short=short, rank=1))
        taken = {(p.start, p.end) for p in found}
        for match in vocab.place_suffix_pattern.finditer(text):
            whole = match.group()
            following = text[match.end():match.end() + 1]
            if following and following in vocab.place_not_before.get(whole[-1], ""):
                continue  # 市场, 区域
            division = self._division_ending_at(text, match.end())
            if division is not None:
                start = match.end() - len(division.name)
                if (start, match.end()) not in taken:
                    found.append(self._division_place(division, start, match.end()))
                continue
            for suffix in sorted((s for s in vocab.place_suffixes if whole.endswith(s)), key=len, reverse=True):
                core_end = match.end() - len(suffix)
                start, sure = self._bounded_start(text, core_end, 4, stop=_LEVEL_PLACE_CHARACTERS)
                if not sure:
                    if sentence >= 0:
                        self._unsure.add(sentence)
                    start = next((core_end - len(k) for k in sorted(known, key=len, reverse=True)
                                  if text.endswith(k, start, core_end)), core_end)
                core = text[start:core_end]
                name = core + suffix
                if vocab.place_suffixes[suffix] == "province":
                    continue  # provinces are a closed set, found above: "节省" is no province
                if (len(core) < 2 or not HAN.match(core) or core in vocab.provinces or name in vocab.not_places
                        or _compound_ending(name, vocab.not_place_endings) or (start, match.end()) in taken):
                    continue
                if suffix not in vocab.open_place_suffixes and not self._opens_with_division(core):
                    break  # unknown to the divisions and not plainly a place: 按照市, 结合我市
                level = vocab.place_suffixes[suffix]
                found.append(_Found("Place", start, match.end(), name, name,
                                    f"{pinyin_name(core)} {vocab.suffix_english[suffix]}", level=level, short=core,
                                    rank=1))
                break
        for match in vocab.zone_pattern.finditer(text):  # 成都高新技术产业开发区: a zone opening with a division
            start = self._name_start(text, match.start(), 12)
            core = text[start:match.start()]
            if len(core) >= 2 and (self.gazetteer.named(core) or self._opens_with_division(core)) and not any(
                    p.start < match.end() and start < p.end and (p.start, p.end) != (start, start + len(core))
                    and not (start <= p.start and p.end <= match.start()) for p in found):
                found = [p for p in found if not (start <= p.start and p.end <= match.end())]
                full = vocab.zone_short_forms.get(match.group(), match.group())  # 高新区: 高新技术产业开发区
                found.append(_Found("Place", start, match.end(), text[start:match.end()], text[start:match.end()],
                                    f"{pinyin_name(core)} {vocab.zone_suffixes[full]}", level="district",
                                    short=core, rank=1))
        for place in found:  # 成都高新区 is 成都高新技术产业开发区, one place by either name
            short = next((s for s in vocab.zone_short_forms if place.name.endswith(s) and len(place.name) > len(s)), "")
            if short:
                full = vocab.zone_short_forms[short]
                place.name = place.name[:-len(short)] + full
                place.translation = f"{pinyin_name(place.name[:-len(full)])} {vocab.zone_suffixes[full]}"
        found += self._bare_places(text, {(p.start, p.end) for p in found}, self.gazetteer.bare_names)
        return sorted(found, key=lambda p: p.start)

    def _bare_places(self, text: str, taken: set[tuple[int, int]], names: frozenset[str]) -> list[_Found]:
        """淄博、泰安、聊城、东营在…: divisions by their bare short names (one of ``names``), standing
        between list marks, punctuation or boundary words."""
        found: list[_Found] = []
        boundary = self.vocab.boundary_pattern
        for match in _names_pattern(names).finditer(text):
            start, end = match.span()
            if (start, end) in taken:
                continue
            if not (end == len(text) or _DELIMITER.match(text, end) or boundary.match(text, end)):
                continue  # 深圳 in 深圳市 or 深圳湾: part of a longer name
            before = text[max(0, start - 4):start]
            if not (start == 0 or _DELIMITER.match(text, start - 1)
                    or any(before.endswith(b.group()) for b in boundary.finditer(before))):
                continue
            division = self._bare_division(match.group())
            if division is not None:
                place = self._division_place(division, start, end)
                place.surface = match.group()
                found.append(place)
        return found

    def _bare_division(self, name: str) -> Division | None:
        """A province or prefecture city written by its short name alone (淄博, 深圳), or a district or
        county of the document's own city (宝安, 龙岗 in a Shenzhen document)."""
        city = self.divisions.get("city") if hasattr(self, "divisions") else None
        for division in self.gazetteer.named(name):
            if division.short != name or division.name == name:
                continue
            if division.level == "province" or (division.level == "city" and division.parent == division.province):
                return division  # not a municipality's district (和平 in 和平、安全、开放 is no Tianjin district)
            if city is not None and division.parent == city.name and len(name) >= 2:
                return division
        return None

    def _division_ending_at(self, text: str, end: int) -> Division | None:
        """The administrative division whose full name ends at ``end`` (the longest, then the document's own)."""
        divisions = self.gazetteer
        for length in range(min(end, 9), 1, -1):
            candidates = [d for d in divisions.named(text[end - length:end]) if d.name == text[end - length:end]]
            if not candidates or text[end - length:end] in self.vocab.not_places:
                continue
            if length == 2 and (candidates[0].level != "county" or (end > 2 and _NAME_CHAR.match(text[end - 3]))):
                continue  # 东区, 城区: two characters are a division only as a county standing alone (沛县)
            return candidates[0]
        return None

    def _division_place(self, division: Division, start: int, end: int) -> _Found:
        suffix = division.suffix
        english = " ".join(filter(None, (division.english, self.vocab.suffix_english.get(suffix, ""))))
        return _Found("Place", start, end, division.name, division.name, english, level=division.level,
                      short=division.short, rank=1)

    def _opens_with_division(self, core: str) -> bool:
        """济南高新: the name opens with a known division's name, so the text says it is a place."""
        return any(self.gazetteer.named(core[:length]) for length in range(min(len(core) - 1, 6), 1, -1))

    def _jurisdiction(self) -> Jurisdiction:
        """The places the document speaks for, from its head (title, issuer, salutation), its
        signature, and how it names itself: 全省/我省 make a provincial document, 全市/我市 a
        city's, 全区/区政府 a district's; a national document (各省、自治区、直辖市, a ministry
        issuing) has none. Not simply the first or most named city."""
        text, divisions = self.whole, self.gazetteer
        lines = [line for line in text.splitlines() if line.strip()]
        head = "\n".join(lines[:3])[:600] + "\n" + "\n".join(lines[-6:])[-400:]
        self.divisions: dict[str, Division] = {}
        number = next((m for line in lines[:_HEADER_LINES] if (m := _document_number(line))),
                      None)  # the document's own 文号, on its line or as the page records it (发文字号：…)
        if number is not None and number.group(1).startswith(self.vocab.number_national):
            return Jurisdiction()
        if self.vocab.national_pattern.search(text[:3000]) or any(
                self.vocab.organs[m.group()].national for m in self.vocab.organ_pattern.finditer(head[:60])
                if head[:m.start()].strip() == ""):
            return Jurisdiction()
        scores: Counter[Division] = Counter()
        number_province = None
        if number is not None and number.group(1)[0] in self.vocab.number_provinces:
            number_province = divisions.one(self.vocab.number_provinces[number.group(1)[0]])
        for places in self.places.values():
            for place in places:
                division = divisions.one(place.name)
                if division is not None:
                    scores[division] += 1
        for length in (4, 3, 2):  # bare short names in the head: 济南 in "科创济南"
            for i in range(len(head) - length + 1):
                for division in divisions.named(head[i:i + length]):
                    prefecture = division.level == "city" and division.parent == division.province
                    if (division.level == "province" or prefecture) and division.short == head[i:i + length]:
                        scores[division] += 3
        for division, score in list(scores.items()):  # a district named speaks for its city too
            if division.level in ("district", "county"):
                parent = divisions.one(division.parent, division.province)
                if parent is not None and parent.level == "city":
                    scores[parent] += score
        if number_province is not None and scores[number_province]:  # 浙政办发〔2021〕12号, and 浙江 named:
            scores[number_province] += 10  # Zhejiang's (a bare 青 may be Qingdao's 青政发, so named too)
        signals = Counter(m.group("level") or m.group("level2")
                          for m in self.vocab.self_reference_pattern.finditer(text))
        for match in self.vocab.organ_pattern.finditer(text):  # 省财政厅, 市财政局: the levels it writes for
            if match.start() and text[match.start() - 1] in self.vocab.level_characters:
                signals[text[match.start() - 1]] += 1
        province = max((d for d in scores if d.level == "province"), key=lambda d: (scores[d], d.code), default=None)
        city = max((d for d in scores if d.level == "city"), key=lambda d: (scores[d], d.code), default=None)
        if city is not None and province is not None and city.province != province.name \
                and scores[province] > scores[city]:
            city = None  # the province is what the text is about
        if city is not None and signals["省"] > 2 * max(1, signals["市"]):
            province = divisions.one(city.province)
            city = None  # a provincial plan that names its cities
        if city is not None:
            parent = divisions.parent_of(city)
            province = parent if parent is not None and parent.level == "province" else divisions.one(city.province)
            in_title = any(divisions.one(p.name) == city for p in self.places.get(0, ()))
            if city.parent != city.province and not in_title:  # a county-level city: its prefecture
                prefecture = divisions.one(city.parent, city.province)  # speaks for it too, unless the
                if prefecture is not None:  # document is the county-level city's own (its 市 is itself)
                    self.divisions["county"] = city
                    city = prefecture
        local = None
        titled = {divisions.one(p.name, city.name if city is not None else "") for p in self.places.get(0, ())
                  if p.level in ("district", "county")}  # 南山区 is Shenzhen's and Hegang's: the city's
        for character, level in (("区", "district"), ("县", "county")):
            named_in_title = [d for d in titled if d is not None and d.level == level and city is not None
                              and d.parent == city.name]
            if len(named_in_title) == 1:  # "成都市武侯区…若干政策": the district's own document
                self.divisions[level] = named_in_title[0]
                continue
            if city is not None and signals[character] > max(1, signals["市"]):
                named = [d for d in scores if d.level in ("district", "county") and d.parent == city.name]
                local = max(named, key=lambda d: (scores[d], d.code), default=None)
                if local is not None:
                    self.divisions[level] = local
        if city is not None and not {"district", "county"} & set(self.divisions):
            zone = self._zone_in_title(city)
            if zone is not None:  # "南京江北新区…管理细则": the new area's own document
                self.divisions["district"] = zone
        if province is not None:
            self.divisions["province"] = province
        if city is not None:
            self.divisions["city"] = city
        short = {level: d.short for level, d in self.divisions.items()}
        return Jurisdiction(province=short.get("province"), city=short.get("city"), county=short.get("county"),
                            district=short.get("district"))

    def _zone_in_title(self, city: Division) -> Division | None:
        """A new area or development zone of ``city`` that the first line names, as a division of its
        own: the divisions list only the administrative ones, and a zone's documents speak for it."""
        opening = [p for index in range(min(3, len(self.document.sentences))) for p in self.places.get(index, ())]
        for place in opening:  # the title, or the opening line of a text saved without one
            if place.level != "district" or not place.name.endswith(self.vocab.issuing_zones):
                continue
            prefix = next((p for p in (city.name, city.short) if place.name.startswith(p)), None)
            if prefix is None or self.gazetteer.one(place.name) is not None:
                continue
            own = place.name[len(prefix):]
            core = next((own[:-len(z)] for z in self.vocab.issuing_zones if own.endswith(z)), own)
            if len(core) >= 2:
                return Division(place.name, prefix + core, "district", "", city.name, city.province,
                                pinyin_name(core))
            if own in self.vocab.zone_suffixes:  # 济南高新区: the city's development zone, named by its kind
                return Division(place.name, place.name, "district", "", city.name, city.province,
                                f"{city.english} {self.vocab.zone_suffixes[own]}")
        return None

    def _most_local_place(self, holder: _Found) -> _Found | None:
        """The most local place the document speaks for, as implied by ``holder``."""
        level = next((k for k in ("district", "county", "city", "province") if k in self.divisions), None)
        return self._jurisdiction_found(level, holder) if level else None

    def _jurisdiction_place(self, level: str) -> tuple[str, str] | None:
        """(Chinese name, English short name) of the document's place at a level."""
        division = self.divisions.get(level)
        return (division.name, division.english) if division is not None else None

    def _jurisdiction_found(self, level: str, holder: _Found) -> _Found | None:
        """The document's place at a level, cited at the span of what it qualifies."""
        division = self.divisions.get(level)
        if division is None:
            return None
        place = self._division_place(division, holder.start, holder.end)
        place.implied = True
        return place

    # -- the document's own structure ------------------------------------------------------
    def _table_rows(self) -> dict[int, _Row]:
        """Rows of task tables: a header row names a task column and unit columns (重点任务 | 牵头单位 |
        配合单位); each row under it with as many cells is a task and the units responsible for it."""
        if "|" not in self.whole and "\t" not in self.whole:
            return {}  # no line of cells: no table
        spans: dict[int, tuple[int, int]] = {}
        for sentence in self.document.sentences:
            start, end = spans.get(sentence.paragraph, (sentence.start, sentence.end))
            spans[sentence.paragraph] = (min(start, sentence.start), max(end, sentence.end))
        rows: dict[int, _Row] = {}
        header: tuple[int, list[int], int] | None = None  # task column, unit columns, cells
        grants: tuple[int, int, str, int] | None = None  # recipient column, amount column, unit, cells
        for paragraph, (start, end) in spans.items():
            cells = _cells(self.whole, start, end)
            if len(cells) < 3:
                header = grants = None
                continue
            labels = [self.whole[a:b].strip() for a, b in cells]
            if all(_RULE_CELL.fullmatch(label) for label in labels):
                continue  # "| --- | --- |": a Markdown table's rule under its header
            grants = self._funding_header(labels) or grants
            if grants is not None and len(cells) == grants[3]:
                amount = table_amount(labels[grants[1]], grants[2])
                if amount is not None:
                    self._grants[paragraph] = _Grant(cells[grants[0]], amount)
            units = [i for i, label in enumerate(labels) if label in self.vocab.unit_columns]
            tasks = [i for i, label in enumerate(labels) if label.endswith(self.vocab.task_columns) and i not in units]
            if units and tasks:
                header = (tasks[0], units, len(cells))
                continue
            if header is None or len(cells) != header[2]:
                continue
            task_start, task_end = cells[header[0]]
            text = self.whole[task_start:task_end]
            lead = len(text) - len(_LEADING_NUMBER.sub("", text).lstrip())
            clause = _TASK_END.search(text, lead)
            name = _strip_spaces(text[lead:clause.start() if clause else len(text)])
            if 2 <= len(name) <= 40:
                rows[paragraph] = _Row(task_start + lead, name, [cells[i] for i in header[1]])
        return rows

    def _funding_header(self, labels: list[str]) -> tuple[int, int, str, int] | None:
        """(recipient column, amount column, unit, cells) where ``labels`` head a funding list:
        承担单位 | … | 拟支持金额（万元）."""
        recipients = [i for i, label in enumerate(labels) if label in self.vocab.recipient_columns]
        for index, label in enumerate(labels):
            unit = re.search(r"[(（](万元|亿元|元)[)）]\s*$", label)
            if recipients and unit and any(word in label for word in self.vocab.amount_columns):
                return recipients[0], index, unit.group(1), len(labels)
        return None

    def _levels_of_measures(self) -> set[int]:
        """The numbering levels that hold measures. Where a plan has standalone chapter headings
        (一、总体要求) over numbered measures （一）…, the chapters are no measures of their own."""
        levels: Counter[int] = Counter()
        standalone: Counter[int] = Counter()
        titles: dict[int, Counter[str]] = {}
        sentences = self.document.sentences
        for sentence in sentences:
            continues = sentence.index + 1 < len(sentences) and sentences[sentence.index + 1].paragraph == \
                sentence.paragraph  # its body follows in the same paragraph
            heading = self._headings_at[sentence.index] = _measure_heading(
                self.vocab.measure_pattern, self.forms[sentence.index], continues, self.vocab.measure_verbs)
            if heading is not None and self._opens_line(sentence):
                levels[heading[0]] += 1
                titles.setdefault(heading[0], Counter())[heading[2]] += 1
                if len(self.forms[sentence.index].strip()) <= len(heading[2]) + 6:
                    standalone[heading[0]] += 1
        self._conditions = self._condition_items()
        measured = (set(levels) - {4}) or set(levels)  # （1）…: list items, unless nothing else is numbered
        for level, counted in titles.items():  # （一）试点单位 under every task: field labels, no measures
            if sum(n for n in counted.values() if n > 1) * 2 >= levels[level] and len(levels) > 1:
                measured.discard(level)
        if 1 in measured and measured & {2, 3} and standalone[1] == levels[1]:
            measured.discard(1)  # 一、 chapters over （一） or 1. measures
        return measured

    def _condition_items(self) -> set[int]:
        """The sentences of numbered items under a heading such as 申报条件 or 联系方式: conditions and
        procedures of an application, no measures ("（二）上年度业务收入不低于5000万元")."""
        items: set[int] = set()
        section_level: int | None = None
        for index, heading in self._headings_at.items():  # in the order of the sentences
            if heading is None:
                continue
            level, _, title = heading
            if title.rstrip("：:") in self.vocab.condition_sections:
                section_level = level
            elif section_level is not None and level <= section_level:
                section_level = None
            elif section_level is not None:
                items.add(index)
        return items

    def _opens_line(self, sentence: Sentence) -> bool:
        """Whether the sentence starts its line: only there can a number open a heading."""
        opens = self._line_openers.get(sentence.index)
        if opens is None:
            before = self.whole[max(0, sentence.start - 8):sentence.start].rstrip(" \t\u3000")
            opens = self._line_openers[sentence.index] = sentence.start == 0 or before[-1:] in ("", "\n")
        return opens

    def _is_measure_level(self, level: int) -> bool:
        return level in self._measure_levels

    def _title_program(self) -> tuple[int, str, int] | None:
        """(sentence index, title, offset in it) of the document's title line, where the document
        opens with one: a short line ending in a document type (…若干政策措施, …实施方案（2024-2025年）,
        …的通知), read after the issuer's own line if that comes first. “关于印发《X》的通知” is X."""
        paragraphs = Counter(s.paragraph for s in self.document.sentences)
        read = 0
        for sentence in self.document.sentences[:_HEADER_LINES]:
            line = self.forms[sentence.index].strip()
            if _METADATA_LINE.match(line):  # "索引号：…", "发布机构：…" over a page's text: not its lines
                continue
            read += 1
            if read > 3:
                break
            if not line or len(line) > 70 or paragraphs[sentence.paragraph] > 1 or re.search(r"[,，。;；]", line[:-1]):
                continue  # a title is a line of its own, with no clause in it
            bare = re.sub(r"[(（][^()（）]{0,20}[)）]$", "", line.rstrip("。 "))
            issued = re.search(r"印发《([^《》]{2,60})》", bare) or re.search(r"关于印发([^《》]{2,60})的通知$", bare)
            if issued:
                title = _strip_quotes(issued.group(1))
                return sentence.index, title, self.forms[sentence.index].find(issued.group(1))
            forwarded = re.search(r"关于转发《[^《》]{2,80}》", bare)  # a notice forwarding another: its own
            if bare.endswith(self.vocab.title_types) and ("《" not in bare or forwarded):
                headline = _HEADLINE_VERB.match(bare)
                if headline:  # "中山市公布2024年度…名单": news of a document; the document is what follows
                    return sentence.index, headline.group(2), self.forms[sentence.index].find(headline.group(2))
                title = re.sub(r"\s+", "", line.rstrip("。 "))
                return sentence.index, title, self.forms[sentence.index].find(line)
        return None

    def _structure(self, sentence: Sentence, mentions: list[tuple[_Found, Mention]]) -> None:
        """The title line becomes the document's Program, led by the agencies that issue it; a
        numbered measure is part of the measure above it or of the document; a program named
        inside a measure is part of that measure."""
        if self.title_program is not None and sentence.index == self.title_program[0]:
            _, title, offset = self.title_program
            found = _Found("Program", offset, offset + len(title), title, title, rank=5)
            self.document_program = self._mention(found, sentence)
            place = self._most_local_place(found)
            if place is not None:  # the document's own program is in the place it speaks for
                self._relate(self.document_program, "locatedIn", self._mention(place, sentence), sentence)
            self._title_funds = [m for f, m in mentions if f.cls == "Fund"]
            for agency in self._agency_line:  # "成都高新区科技与新经济发展局" on the line above the title
                self._relate(agency, "responsibleFor", self.document_program, sentence)
            about = title.find("关于")  # "商务部关于…的通知": the agencies before 关于 issue it
            for agency_found, agency in mentions:
                if agency_found.cls == "Agency" and agency_found.end <= offset + max(about, 1):
                    self._relate(agency, "responsibleFor", self.document_program, sentence)
        for found, mention in mentions:
            if found.cls != "Program":
                continue
            if found.level.startswith("measure"):
                level = int(found.level[len("measure"):])
                for deeper in [k for k in self._open_measures if k >= level]:
                    del self._open_measures[deeper]
                above = [self._open_measures[k] for k in sorted(self._open_measures) if k < level]
                parent = above[-1] if above else self.document_program
                if parent is not None:
                    self._relate(mention, "partOf", parent, sentence)
                self._open_measures[level] = mention
                self._measure_keys.add(mention.key)
                self._measure_paragraph = (mention, sentence.paragraph)
            elif self._open_measures and not found.reference and not found.name.startswith("《") \
                    and found.surface[:1] != "《" \
                    and not self._open_measures[max(self._open_measures)].name.endswith(found.name):
                # (a measure named for building the program, 加快建设X改革试验区, holds it no more)
                self._relate(mention, "partOf", self._open_measures[max(self._open_measures)], sentence)

    def _located_by_name(self, sentence: Sentence, mentions: list[tuple[_Found, Mention]]) -> None:
        """An enterprise, lab, cluster, fund or program whose name holds a division's name is located
        there (国家超级计算济南中心 in 济南市, 山东大学 in 山东省). The document's own program is located
        by _structure."""
        for found, mention in mentions:
            if (found.cls not in _LOCATED_BY_NAME or found.place is not None or found.implied
                    or found.surface.startswith("《")):  # another document's title: mentioned, not located
                continue
            division = self._division_in(found.name)
            if division is not None:
                place = self._division_place(division, found.start, found.end)
                place.implied = True
                self._relate(mention, "locatedIn", self._mention(place, sentence), sentence)

    def _division_in(self, name: str) -> Division | None:
        """The first division named inside ``name``: a full name (济南市), else the short name of a
        province or prefecture city (济南, 山东). Names recur: each is looked at once."""
        if name not in self._divisions_in:
            self._divisions_in[name] = self._first_division_in(name)
        return self._divisions_in[name]

    def _first_division_in(self, name: str) -> Division | None:
        for end in range(2, len(name) + 1):
            if name[end - 1] in _LEVEL_PLACE_CHARACTERS:
                division = self._division_ending_at(name, end)
                if division is not None:
                    return division
        for start in range(len(name) - 1):
            for length in (4, 3, 2):
                for division in self.gazetteer.named(name[start:start + length]):
                    if division.short == name[start:start + length] and (
                            division.level == "province" or division.parent == division.province):
                        return division
        return None

    def _program_at_hand(self, sentence: Sentence) -> Mention | None:
        """The program named last, where a unit's role names none: in a plan of numbered measures only one
        named in this paragraph (a measure whose heading was not read is not the one before it)."""
        if self._measure_levels and self.context.program_paragraph != sentence.paragraph:
            return None
        return self.context.program

    def _measure_of_paragraph(self, sentence: Sentence) -> Mention | None:
        """The measure whose paragraph this sentence is in (its heading opened the paragraph)."""
        if self._measure_paragraph is not None and self._measure_paragraph[1] == sentence.paragraph:
            return self._measure_paragraph[0]
        return None

    def _signature(self, sentence: Sentence, mentions: list[tuple[_Found, Mention]]) -> None:
        """Agencies alone on a line: over the title, or near the end (the signature over the date),
        they issued the document."""
        line = self.forms[sentence.index].strip()
        agencies = [(f, m) for f, m in mentions if f.cls == "Agency"]
        alone = bool(agencies) and sum(len(f.surface) for f, _ in agencies) >= len(re.sub(r"\s", "", line)) - 1
        numbered = bool(agencies) and _document_number(line) is not None
        key = _METADATA_LINE.match(line)
        published = bool(agencies) and key is not None and key.group().rstrip(":：") in self.vocab.issuer_fields
        self._agency_line = [m for _, m in agencies] if alone or numbered or published else []  # 国办发〔…〕5号
        if published and self.document_program is not None:  # "信息来源：市工业和信息化局" under the title
            for _, agency in agencies:
                self._relate(agency, "responsibleFor", self.document_program, sentence)
        if self.document_program is None or sentence.index < len(self.document.sentences) - 4:
            return
        if alone:
            for _, agency in agencies:
                self._relate(agency, "responsibleFor", self.document_program, sentence)

    # -- whole-document lookups ---------------------------------------------------------
    def _short_names(self, text: str) -> dict[str, str]:
        """"《long title》(…以下简称 short)": short name key -> the long title."""
        markers = "|".join(map(re.escape, self.vocab.short_name_markers))
        pattern = re.compile(rf"《([^《》]{{2,80}})》[^《》。]{{0,40}}?(?:{markers})([^)）,，。；]{{2,20}})")
        return {_strip_quotes(m.group(2)): _strip_quotes(m.group(1)) for m in pattern.finditer(text)}

    def _program_quotes(self, text: str) -> dict[str, str]:
        """Quoted names that some sentence types as a program (“万人助万企”活动): name -> type word."""
        found: dict[str, str] = {}
        for match in _QUOTE.finditer(text):
            after = text[match.end():match.end() + 8]
            kind = next((t for t in self.vocab.quoted_types if after.startswith(t)), None)
            if kind and not after.startswith(self.vocab.quoted_not_types):
                found.setdefault(match.group(1), kind)
        return found

    # -- mentions of one sentence ------------------------------------------------------------
    def _agencies(self, text: str, places: list[_Found]) -> list[_Found]:
        vocab = self.vocab
        found: list[_Found] = []
        national_ends: set[int] = set()  # where a national organ's name ends: no name read leftwards ends there
        for match in vocab.organ_pattern.finditer(text):
            organ = vocab.organs[match.group()]
            if organ.national:
                national_ends.add(match.end())
            if match.group().endswith("部") and text[match.end():match.end() + 1] == "门":
                continue  # 财政部门: "the finance departments", no one body
            place = self._place_ending_at(places, match.start())
            level_character = text[match.start() - 1] if match.start() else ""
            start = match.start()
            if organ.national:
                if text.endswith("中华人民共和国", 0, start):  # the state's full name before a ministry's
                    start -= len("中华人民共和国")
                qualified = (organ.zh, organ.en, "")
                if organ.zh.endswith(("部", "委员会", "总局", "署")):
                    self._ministry = organ
                unit = _MINISTRY_UNIT.match(text, match.end())
                if unit and (unit.group() in vocab.organs or vocab.boundary_pattern.match(text, match.end())):
                    unit = None  # "工信部印发…": a verb, not a unit's name
                if unit:  # 交通运输部科技司, 工信部信息通信管理局: a department of the ministry
                    department = _Found("Agency", match.start(), unit.end(), organ.zh + unit.group(),
                                        text[match.start():unit.end()], f"{organ.en} {unit.group()}", rank=4)
                    department.parent = _Found("Agency", match.start(), match.end(), organ.zh,
                                               match.group(), organ.en, rank=3)
                    department.children.append(department.parent)
                    found.append(department)
                    continue
            elif place is not None:
                qualified = self._qualified_organ(organ.zh, organ.en, place)
                start = place.start
            elif level_character in vocab.level_characters:
                if match.start() >= 2 and text[match.start() - 2] in "各" + _LEVEL_PLACE_CHARACTERS:
                    continue  # 各区县政府, 市县财政局: every county's, no one body
                start -= 1
                qualified = self._abbreviated_organ(organ.zh, organ.en, vocab.level_characters[level_character],
                                                    level_character)
                if qualified[2] and not self.divisions:
                    continue  # "各省及计划单列市科技厅" in a national document: every city's, no one body
            elif organ.zh.endswith("部") or organ.en.startswith("Ministry"):
                qualified = (organ.zh, organ.en, "")  # a ministry of the State Council
            elif match.group() == organ.zh and not organ.zh.endswith("政府"):
                clause = max(text.rfind(mark, 0, match.start()) for mark in ",，。；;:：") + 1
                if text[clause:match.start()].lstrip().startswith("各"):
                    continue  # "各县（市、区）科技局、财政局": every county's, no one body
                qualified = (organ.zh, organ.en, self.document.doc_id)  # a bare organ: this document's
            else:
                continue
            name, translation, scope = qualified
            agency = _Found("Agency", start, match.end(), name, text[start:match.end()], translation, scope, rank=3)
            if organ.national:
                pass
            elif place is not None:  # 郑州市财政局 is part of 郑州市
                agency.parent = place
                agency.children.append(place)
            elif not scope:
                agency.parent = self._implied_jurisdiction(name, agency)
                if agency.parent is not None:
                    agency.children.append(agency.parent)
            unit = _DIVISION_UNIT.match(text, match.end()) if not organ.national else None
            if unit is not None and not unit.group(1).startswith(vocab.generic_unit_openers):
                division = _Found("Agency", start, unit.end(), name + unit.group(1), text[start:unit.end()],
                                  scope=scope, rank=4)  # 省科技厅政策法规处: a division of the department
                division.parent = agency
                division.children.append(agency)
                agency = division
            found.append(agency)
        if self._ministry is not None:  # 科技司 in a ministry's document: that ministry's department
            for match in [*_BARE_UNIT.finditer(text), *_BARE_BUREAU.finditer(text)]:
                if match.group()[-2] == "公" or match.group() in vocab.organs or match.group()[0] in "省市区县" \
                        or match.group().endswith(vocab.local_organ_names) or self._division_in(match.group()):
                    continue  # 市财政局, 郑州市统计局: local organs, no departments of the ministry
                unit = _Found("Agency", match.start(), match.end(), self._ministry.zh + match.group(), match.group(),
                              f"{self._ministry.en} {match.group()}", rank=2)
                unit.parent = _Found("Agency", match.start(), match.end(), self._ministry.zh, self._ministry.zh,
                                     self._ministry.en, implied=True)
                unit.children.append(unit.parent)
                found.append(unit)
        for match in vocab.party_pattern.finditer(text):  # 深圳市委, 市委组织部: the Party's local organs
            full, english = vocab.party_organs[match.group()]
            place = self._place_ending_at(places, match.start())
            level = vocab.level_characters[text[match.start() - 1]]
            youth = match.group() == "委" and place is None and text[match.start() - 2:match.start() - 1] == "团"
            if place is None and match.start() >= 2 and _NAME_CHAR.match(text[match.start() - 2]) and not youth \
                    and text[match.start() - 3:match.start() - 1] != "中共":
                continue  # 城市委员: the level character ends another word
            division = self.gazetteer.one(place.name) if place is not None else self.divisions.get(level)
            if division is None:
                continue
            start = place.start if place is not None else match.start() - 1
            if text[start - 2:start] == "中共":
                start -= 2
            level_en = self.vocab.level_english.get(division.level, "")
            committee = f"{division.english} {level_en} Committee of the CPC".replace("  ", " ")
            name = f"中共{division.name}{full}"
            if youth:  # 团区委: the Communist Youth League's committee of the district
                start -= 1
                name, committee = f"共青团{division.name}委员会", committee.replace("CPC", "Communist Youth League")
            agency = _Found("Agency", start, match.end(), name, text[start:match.end()],
                            english.format(committee=committee), rank=3)
            agency.parent = place if place is not None else self._jurisdiction_found(level, agency)
            if agency.parent is not None:
                agency.children.append(agency.parent)
            found.append(agency)
        for match in vocab.numbered_group_pattern.finditer(text):
            group = match.group()
            city = self._jurisdiction_place("city")
            number = re.search(r"[一二三四五六七八九十百零〇两0-9]+", group)
            english_number = str(cn2an.cn2an(number.group(), "normal")) if number else ""
            name = f"{city[0]}{group}" if city else group
            translation = f"{city[1] + ' ' if city else ''}Work Group {english_number}".strip()
            found.append(_Found("Agency", match.start(), match.end(), name, group, translation,
                                "" if city else self.document.doc_id, rank=3))
        for match in vocab.agency_suffix_pattern.finditer(text):
            suffix = match.group()
            if text.startswith(vocab.agency_not_before, match.end()):
                continue  # 省科技厅副厅长: a person's title, the body is read at its own suffix
            if match.end() in national_ends:
                continue  # "…汇总后报商务部": a national organ, found by its name, not a name read leftwards
            start = self._name_start(text, match.start(), 24)
            run_start = self._run_start(text, match.start(), 24)
            if run_start < start and self._leading_places(places, run_start, match.start()) \
                    and not self._leading_places(places, start, match.start()) \
                    and not _ORGAN_END.search(text, run_start, start):  # no other organ before (省政协和…)
                start = run_start  # 成都高新区科技与新经济发展局: a place opens it, 与 is inside the name
            elif run_start < start and text[run_start] in vocab.level_characters and start - run_start <= 8 \
                    and (run_start == 0 or not _NAME_CHAR.match(text[run_start - 1])) \
                    and not re.search("[局厅委部府办处司]", text[run_start:start]):
                start = run_start  # "、区住房建设园林局": a level character opens it, 建设 is inside the name
            organ_end = max(text.rfind(c, start, match.start()) for c in "委局厅府") + 1
            if organ_end > start and organ_end in self._index_of(places)[0]:
                start = organ_end  # 深圳市委深圳市人民政府: two bodies written together, the second read here
            prefix = text[start:match.start()]
            leading = self._leading_places(places, start, match.start())
            level_word = next((w for w in vocab.level_words if prefix.startswith(w)),
                              prefix[:1] if prefix[:1] in vocab.level_characters else "")
            led_by_level = bool(level_word) and not leading  # 市投资促进局; 新区经济发展局: the new area's
            distinctive = suffix in ("领导小组办公室", "领导小组", "管委会", "委员会", "办事处") or (
                suffix in ("工作组", "专班") and _just_before(_SETS_UP, text, start))  # 组建了…专班
            centre = suffix in vocab.administrative_centres and not _made_of(prefix, vocab.generic_words)
            if len(prefix) < 2 or not (leading or led_by_level or distinctive or centre):
                continue
            if led_by_level and start >= 1 and text[start - 1] in "各" + _LEVEL_PLACE_CHARACTERS:
                continue  # 各区县教育局: every county's, no one body
            name = prefix + suffix
            if (name in vocab.generic_agencies or _QUANTITY.match(prefix) or name.endswith(vocab.agency_not_endings)
                    or (not leading and not led_by_level and _made_of(prefix, vocab.generic_words))
                    or (suffix == "部" and text[match.end():match.end() + 1] == "门")):  # 主管部门: departments
                continue
            scope = ""
            level = vocab.level_words.get(level_word) or vocab.level_characters.get(level_word, "")
            if led_by_level:
                place = self._jurisdiction_place(level)
                name, scope = (place[0] + name[len(level_word):], "") if place else (name, self.document.doc_id)
            agency = _Found("Agency", start, match.end(), name, text[start:match.end()], scope=scope, rank=2)
            if suffix == "办事处":
                if leading:
                    agency.parent = leading[-1]
                elif self._current_district() is not None:
                    district = self._current_district()
                    agency.name = district.name + agency.name
                    agency.parent = _implied(district, agency)
                if agency.parent is not None:
                    agency.children.append(agency.parent)
            elif leading:  # 青岛市崂山区人民政府 is part of 崂山区
                agency.children.extend(leading)
                agency.parent = leading[-1]
            elif led_by_level and not scope:  # 市投资促进局 -> 济南市投资促进局, part of 济南市
                agency.parent = self._jurisdiction_found(level, agency)
                if agency.parent is not None:
                    agency.children.append(agency.parent)
            found.append(agency)
        return found

    def _qualified_organ(self, organ_zh: str, organ_en: str, place: _Found) -> tuple[str, str, str]:
        """郑州市 + 财政局: "郑州市财政局", "Zhengzhou Municipal Finance Bureau"."""
        short_en = self.vocab.provinces.get(place.short) or pinyin_name(place.short)
        level_en = self.vocab.level_english.get(place.level, "")
        return place.name + organ_zh, _english_organ(organ_en, short_en, level_en), ""

    def _abbreviated_organ(self, organ_zh: str, organ_en: str, level: str, character: str) -> tuple[str, str, str]:
        """市财政局 -> 郑州市财政局; 区人社局 -> the district being written about."""
        if level == "district" or level == "county":
            district = self._current_district()
            if district is not None:
                return self._qualified_organ(organ_zh, organ_en, district)
        else:
            place = self._jurisdiction_place(level)
            if place is not None:
                return place[0] + organ_zh, _english_organ(organ_en, place[1], self.vocab.level_english[level]), ""
        return character + organ_zh, _english_organ(organ_en, "", self.vocab.level_english[level]), self.document.doc_id

    def _implied_jurisdiction(self, name: str, holder: _Found) -> _Found | None:
        """The place an abbreviated organ was qualified with (市财政局 -> 青岛市), cited where the organ is."""
        district = self._current_district()
        if district is not None and name.startswith(district.name):
            return _implied(district, holder)
        for level in ("city", "province"):
            place = self._jurisdiction_place(level)
            if place is not None and name.startswith(place[0]):
                return self._jurisdiction_found(level, holder)
        return None

    def _current_district(self) -> _Found | None:
        """The district written about: named earlier in this paragraph or in the heading just
        before it; else the first one named next ("区人社局…" as a heading over "中原区人社局…")."""
        if self.context.district is not None:
            return self.context.district
        for level in ("district", "county"):
            if level in self.divisions:
                return self._jurisdiction_found(level, _Found("Place", 0, 0, "", ""))
        for s in self.document.sentences[self._sentence_at:]:  # sentences are in order: stop past the next paragraph
            if s.paragraph > self._paragraph_at + 1:
                return None
            place = next((p for p in self.places[s.index] if p.level in ("district", "county")), None)
            if place is not None:
                return place
        return None

    def _suffixed(self, text: str, places: list[_Found], cls: str, pattern: re.Pattern[str], limit: int,
                  generic: frozenset[str], minimum: int = 2) -> list[_Found]:
        """Names ending in a class suffix: enterprises, labs, funds, clusters."""
        found: list[_Found] = []
        for match in pattern.finditer(text):
            suffix = match.group()
            if cls == "Lab" and self.vocab.lab_not_before.get(suffix) == text[match.end():match.end() + 1]:
                continue
            if cls == "Fund" and match.start() and text[match.start() - 1] in self.vocab.fund_not_after.get(suffix, ""):
                continue  # 信贷, 续贷: words, no products
            if cls == "Program" and text.startswith(self.vocab.program_not_before.get(suffix, ("\0",)), match.end()):
                continue  # 专项资金: a fund's name, not a 专项
            if cls == "Program" and minimum > 2:  # most program words have a short run before them: skip early
                run = self._run_start(text, match.start(), limit)
                least = minimum - 1 if _just_before(_CARRIES_OUT, text, run) else minimum  # 开展智慧助老行动: one
                if match.start() - run < least and (run == 0 or text[run - 1] not in "”-—–)）"):
                    continue
            start = self._name_start(text, match.start(), limit)
            year = _YEAR.match(text, start, match.start()) if cls != "Program" else None
            if year:  # "2022年度清华大学": the year dates the sentence, not the university (a plan keeps its year)
                start = year.end()
            if cls == "Enterprise":  # 腾讯科技（深圳）有限公司: a place in brackets inside the name
                if suffix.endswith(("有限公司", "有限责任公司")):
                    start = self._company_start(text, start, match.start(), limit)
                start = self._across_bracketed_place(text, start, limit)
            elif cls == "Cluster":  # 中国（上海）自由贸易试验区
                start = self._across_bracketed_place(text, start, limit)
            if cls == "Program" and start >= 2 and text[start - 1] in "-—–" and _NAME_CHAR.match(text[start - 2]):
                start = self._name_start(text, start - 1, limit)  # 公明水库—清林径水库连通工程: one project
            if cls == "Program" and start >= 2 and text[start - 1] == "”":  # “中国这十年·浙江”主题新闻发布会
                opening = text.rfind("“", max(0, start - 32), start - 1)
                if opening >= 0:
                    start = opening
            if cls in _PLACED_NAMES and start and text[start - 1] in _CONJUNCTIONS:
                start = self._across_conjunction(text, places, start, limit, match.start())
            elif cls == "Program" and suffix.endswith("平台") and start and text[start - 1] in "和与" \
                    and 2 <= match.start() - start <= 6:  # 新药发现和筛选服务平台: one platform of two services
                first = self._name_start(text, start - 1, 10)
                before = text[first:start - 1]
                if len(before) >= 4 and not _made_of(before, self.vocab.generic_words) \
                        and not before.endswith("平台") and not before.startswith(self.vocab.measure_verbs):
                    start = first
            leading = self._leading_places(places, start, match.start())
            core_start = leading[-1].end if leading else start
            core = text[core_start:match.start()]
            name = text[start:match.end()]
            bare = core + suffix
            if cls == "Cluster" and bare in self.vocab.place_bound_clusters and not leading:
                place = self.context.place
                if place is None:
                    continue
                found.append(_Found(cls, start, match.end(), place.name + bare, bare, rank=2))
                found[-1].place = _implied(place, found[-1])
                continue
            needed = 0 if suffix in self.vocab.self_named_suffixes else 2 if suffix == "贷" else minimum
            if cls == "Program" and minimum > 2 and _just_before(_CARRIES_OUT, text, start):
                needed = minimum - 1  # "开展智慧助老行动": a program carried out may have a short name
            unqualified = bare[len(next((q for q in self.vocab.generic_qualifiers if bare.startswith(q)), "")):]
            # "设立集成电路产业扶持资金（以下简称“扶持资金”）": a fund the text names and defines is one
            # "每年安排重点产业发展专项资金2000万元": one the government puts a sum into is one too
            defined = cls == "Fund" and len(core) >= needed and bool(
                self._alias_definition.match(text, match.end())
                or _just_before(_ARRANGES, text, start) and _SUM_NEXT.match(text, match.end())
                or _ARRANGED_SUM.search(text, max(0, start - 20), start))
            if not defined and (
                    len(core) < needed or bare in generic or name in generic or _QUANTITY.match(core)
                    or unqualified in generic or (cls in _CATEGORY_CLASSES and not leading
                                                  and _made_of(core, self.vocab.generic_words)
                                                  and not (cls == "Fund" and _just_before(_SETS_UP, text, start))
                                                  and not (cls == "Program" and len(core) >= 6 and "领域" not in core
                                                           and _just_before(_CARRIES_OUT, text, start)))
                    or any(len(g) >= 4 and bare.endswith(g) and len(bare) - len(g) <= 1 for g in generic)
                    or _COUNTED.search(name)  # 9家银行: a count of them
                    or (suffix in self.vocab.placed_suffixes and not leading and self._division_in(name) is None
                        and not (cls == "Fund" and self.context.place is not None))):  # 郑东新区…了解…资金
                continue  # 产业链, …资金 without a place in the name are kinds of things, not named ones
            if cls == "Lab" and self._designation_only(name):
                continue  # 山东省重点实验室, 省级企业技术中心: a title labs are granted
            kind = cls
            if cls == "Cluster" and suffix in self.vocab.pilot_zone_suffixes and any(
                    word in core for word in self.vocab.policy_pilot_words):
                kind = "Program"  # 人才管理改革试验区, 共同富裕示范区: a policy tried out, no industrial cluster
            item = _Found(kind, start, match.end(), name, name, rank=2)
            seat = self._bracketed_seat(text, match.end()) if cls in ("Lab", "Cluster", "Enterprise") else None
            if seat is not None:  # 国家海洋装备创新中心（烟台）: the seat in brackets is part of the name
                item.end = seat.end + 1
                item.name = name + text[match.end():item.end]
                item.place = seat
            own = _OWN_PLACE.match(name) or (_LEVEL_QUALIFIER.match(name) if cls in ("Fund", "Enterprise") else None)
            own_place = self._jurisdiction_place(self.vocab.level_characters[own.group(1)]) if own else None
            district_first = leading and leading[0].level in ("district", "county")
            if own_place is not None and own is not None and len(name) > 4:  # 我市创业担保贷款, 县级产业基金,
                item.name = own_place[0] + name[own.end():]  # 省…专项资金: the place written about's
                item.place = self._jurisdiction_found(self.vocab.level_characters[own.group(1)], item)
            elif district_first and cls in ("Enterprise", "Lab"):  # 二七区郑州市大学生创业园…: in 二七区
                item.start, item.name, item.surface = leading[0].end, name[len(leading[0].name):], item.surface
                item.place = leading[0]
            elif leading and cls in ("Fund", "Cluster"):
                item.place = leading[-1]
            elif cls == "Fund" and self.context.place is not None:
                item.name = self.context.place.name + _LEVEL_QUALIFIER.sub("", name)  # a local fund: the place
                item.place = _implied(self.context.place, item)  # written about (县级产业基金: that county's)
            elif defined and self._division_in(name) is None:
                local = self._most_local_place(item)
                if local is not None:  # the document's own fund: its place's
                    item.name, item.place = local.name + _LEVEL_QUALIFIER.sub("", name), local
            item.surface = text[item.start:item.end]
            if item.place is not None:
                item.children.append(item.place)
            self._parent_of(item, text)
            found.append(item)
        return found

    def _designation_only(self, name: str) -> bool:
        """Whether a lab's name is a place or level and a title only (山东省重点实验室, 省级企业技术中心,
        国家工程研究中心): what labs are granted, not one lab."""
        title = next((d for d in self.vocab.lab_designations if name.endswith(d)), None)
        if title is None:
            return False
        holder = name[:-len(title)].removesuffix("级")
        division = self.gazetteer.one(holder)  # a division's full name: 崂山实验室 and 之江实验室 are names
        return (holder in ("", "国家", "国家级") or holder in self.vocab.level_characters
                or division is not None and division.name == holder)

    def _across_conjunction(self, text: str, places: list[_Found], start: int, limit: int, end: int) -> int:
        """贵州省量子信息和大数据应用技术研究院: a name that a place opens reads back across 和, 与 or 及
        to that place, when nothing but those words stands between."""
        run = self._run_start(text, end, limit)
        opening = [p for p in places if run <= p.start and p.end < start]
        if not opening:
            return start
        place = opening[-1]
        crossed = [b.group() for b in self.vocab.boundary_pattern.finditer(text, place.end, start)]
        return place.start if all(word in _CONJUNCTIONS for word in crossed) else start

    def _company_start(self, text: str, start: int, end: int, limit: int) -> int:
        """A company's name is read back over one-character words that are boundaries elsewhere (华为,
        兴和云网, 天地人和): only a longer boundary word (支持, 引导) or punctuation ends it; a
        one-character word opening it (为华为…) is still no part of it."""
        run = self._run_start(text, end, limit)
        if run >= start:
            return self._after_signing_place(text, start, end)
        cut = run
        for boundary in self.vocab.boundary_pattern.finditer(text, run, end):
            if len(boundary.group()) >= 2:
                cut = boundary.end()
        for pattern in (self.vocab.enterprise_suffix_pattern, self.vocab.agency_suffix_pattern,
                        self.vocab.lab_suffix_pattern):  # "A公司和B有限公司": two companies
            for other in pattern.finditer(text, cut, start):
                cut = max(cut, other.end())
        while cut < end - 2 and self.vocab.boundary_pattern.match(text, cut) and \
                len(self.vocab.boundary_pattern.match(text, cut).group()) == 1:
            cut += 1
        lead = _LEADING_TIME.match(text, cut, end)
        return self._after_signing_place(text, min(start, lead.end() if lead else cut), end)

    def _after_signing_place(self, text: str, start: int, end: int) -> int:
        """"长春市与华为技术有限公司": a division before 与/和/同 is a party beside the company, not its name."""
        for joint in _CONJUNCTION.finditer(text, start, end):
            if self._division_ending_at(text, joint.start()) is not None:
                start = joint.end()
        return start

    def _bracketed_seat(self, text: str, end: int) -> _Found | None:
        """The place in brackets right after a name (…创新中心（青岛）, …工业园（深汕）), as a Place."""
        if text[end:end + 1] not in "(（" or end >= len(text):
            return None
        close = _BRACKETED_SEAT.match(text, end)
        if close is None:
            return None
        division = self._bare_division(close.group(1)) or self.gazetteer.one(close.group(1))
        if division is None:
            return None
        return self._division_place(division, close.start(1), close.end(1))

    def _across_bracketed_place(self, text: str, start: int, limit: int) -> int:
        """The start of a company name read back across "（深圳）" when the brackets hold a place."""
        if start >= 4 and text[start - 1] in ")）":
            opening = max(text.rfind("(", 0, start - 1), text.rfind("（", 0, start - 1))
            inner = text[opening + 1:start - 1]
            if opening >= 0 and 2 <= len(inner) <= 6 and (self._bare_division(inner) or self.gazetteer.one(inner)):
                before = self._name_start(text, opening, limit)
                if opening - before >= 2:
                    return before
        return start

    def _parent_of(self, item: _Found, text: str) -> None:
        """A bank branch belongs to its bank, an institute to its academy or university."""
        name = item.name
        if item.cls == "Enterprise" and name.endswith(self.vocab.enterprise_branches):
            inner = [name.rfind(s) + len(s) for s in ("银行", "集团", "公司") if 0 < name.rfind(s) < len(name) - 3]
            cut = max(inner) if inner else 0
            if not cut:
                for short in filter(None, (self.jurisdiction.city, self.jurisdiction.province)):
                    if name.find(short) >= 2:
                        cut = name.find(short)
                        break
            if cut >= 2:
                item.parent = _Found("Enterprise", item.start, item.start + cut, name[:cut], name[:cut], rank=2)
                organ = self.vocab.organs.get(name[:cut])
                if organ is not None and organ.national:  # 人民银行济南分行: a branch of the central bank
                    item.cls = "Agency"
                    item.parent = _Found("Agency", item.start, item.start + cut, organ.zh, name[:cut], organ.en,
                                         rank=2)
        elif item.cls in ("Lab", "Cluster"):  # 山东大学龙山创新港: the university's
            name = _SEAT_IN_BRACKETS.sub("", name)  # …创新中心（青岛）: the centre's seat, no part of it
            inner = [name.find(s) + len(s) for s in self.vocab.lab_suffixes
                     if name.find(s) > 0 and name.find(s) + len(s) < len(name) - 1]
            if inner and (item.cls == "Lab" or min(inner) >= 4):
                cut = min(inner)
                item.parent = _Found("Lab", item.start, item.start + cut, name[:cut], name[:cut], rank=2)
        if item.parent is not None:
            item.children.append(item.parent)

    def _examples(self, text: str, places: list[_Found]) -> list[_Found]:
        """"如果能培养出几个腾讯、华为这样的企业", "以A、B为代表的高校": the items of a list that names
        examples of a kind are of that kind, brand names and all."""
        found: list[_Found] = []
        place_spans = {(p.start, p.end) for p in places}
        for match in self.vocab.example_pattern.finditer(text):
            cls = self.vocab.example_nouns[match.group(2)]
            end = match.start()
            items: list[tuple[int, int]] = []
            while True:
                start = _ITEM_BEFORE.search(text, max(0, end - 12), end)
                if start is None:
                    break
                begin = start.start()
                if begin == 0 or text[begin - 1] != "、":  # the list's first item: after a verb or an opener
                    openers = [text.rfind(o, begin, end) + len(o) for o in self.vocab.example_openers
                               if text.find(o, begin, end) >= 0]
                    begin = max([self._name_start(text, end, 12), *openers])
                    items.append((begin, end))
                    break
                items.append((begin, end))
                end = begin - 1
            if len(items) < 2:
                continue  # one name before 等 is as often a category as an example
            for begin, end in items:
                name = text[begin:end]
                if (len(name) < 2 or any(begin <= a and b <= end for a, b in place_spans) or _QUANTITY.match(name)
                        or name.endswith(self.vocab.example_not_endings)
                        or _made_of(name, self.vocab.generic_words) or self.gazetteer.one(name)):
                    continue
                known = self.vocab.known_enterprises.get(name) if cls == "Enterprise" else None
                found.append(_Found(cls, begin, end, name, name, known[1] if known else "", rank=1,
                                    other_names=known[:1] if known else ()))  # 大疆: the well-known one
        return found

    def _alias_uses(self, text: str) -> list[_Found]:
        """Later uses of a short name the text gave something ("园区" after "…智算谷（以下简称“园区”）")."""
        if self._alias_pattern is None:
            return []
        found = []
        for match in self._alias_pattern.finditer(text):
            named = self._aliases[match.group()]
            found.append(_Found(named.cls, match.start(), match.end(), named.name, match.group(),
                                named.translation, named.scope, rank=1, implied=False))
        return found

    def _define_aliases(self, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"X（以下简称“Y”）": Y names X from here on."""
        if "称" not in text:
            return
        added = False
        for definition in self._alias_definition.finditer(text):
            named = [f for f, _ in mentions if f.end <= definition.start() <= f.end + 1 and f.cls != "Place"]
            short = definition.group(1)
            if named and short not in self._aliases and short != named[-1].name:
                self._aliases[short] = named[-1]
                added = True
        if added:
            self._alias_pattern = re.compile("|".join(map(re.escape, sorted(self._aliases, key=len, reverse=True))))

    def _national_things(self, text: str) -> list[_Found]:
        """National programs, funds and academies by their standard names or short forms (中科院)."""
        found = []
        for match in self.vocab.national_thing_pattern.finditer(text):
            standard, cls = self.vocab.national_things[match.group()]
            found.append(_Found(cls, match.start(), match.end(), standard, match.group(), rank=5))
        return found

    def _lab_names(self, text: str) -> list[_Found]:
        """Labs of a national family, named with their city inside (国家超级计算济南中心)."""
        pattern = self.vocab.lab_name_pattern
        if pattern is None:
            return []
        found = []
        for match in pattern.finditer(text):
            lab = _Found("Lab", match.start(), match.end(), match.group(), match.group(), rank=3)
            academy = next((a for a in ("中国科学院", "中科院") if lab.name.startswith(a)), "")
            if academy:  # 中科院…研究所: an institute of the Academy
                lab.parent = _Found("Lab", lab.start, lab.start + len(academy), "中国科学院", academy, rank=2)
                lab.children.append(lab.parent)
            found.append(lab)
        return found

    def _known_enterprises(self, text: str, places: list[_Found]) -> list[_Found]:
        """Well-known enterprises by registered name or brand (华为, 比亚迪), named as written; their
        English and registered names follow as translations, the English one their resolution key.
        A brand across a place's edge is no mention of it."""
        found = []
        for match in self.vocab.known_enterprise_pattern.finditer(text):
            if any(p.start < match.end() and match.start() < p.end and not (
                    match.start() <= p.start and p.end <= match.end()) for p in places):
                continue
            at = match.start()
            if len(match.group()) == 2 and at and _NAME_CHAR.match(text[at - 1]) and not \
                    self.vocab.boundary_end_pattern.search(text, max(0, at - 6), at):
                continue  # a two-character brand inside a longer word: 上海尔雅 holds no 海尔
            registered, english = self.vocab.known_enterprises[match.group()]
            found.append(_Found("Enterprise", match.start(), match.end(), match.group(), match.group(), english,
                                rank=5, other_names=(registered,)))
        return found

    def _programs(self, text: str, places: list[_Found], sentence_index: int) -> list[_Found]:
        vocab = self.vocab
        found: list[_Found] = []
        for match in _TITLE.finditer(text):
            title = _strip_quotes(match.group(1))
            if re.sub(r"[(（][^()（）]{1,12}[)）]$", "", title).endswith(vocab.title_types):  # …办法（试行）
                found.append(_Found("Program", match.start(), match.end(), title, match.group(), rank=4))
        for match in _QUOTE.finditer(text):
            inner = match.group(1)
            after = text[match.end():match.end() + 8]
            if after.startswith(vocab.quoted_not_types):
                continue
            kind = next((t for t in vocab.quoted_types if after.startswith(t)), None)
            fund_kind = next((t for t in vocab.quoted_fund_types if after.startswith(t)), None)
            place = self._place_ending_at(places, match.start())
            if fund_kind:
                item = _Found("Fund", match.start(), match.end() + len(fund_kind), f"“{inner}”{fund_kind}",
                              match.group() + fund_kind, rank=4, place=place)
            elif kind:
                item = _Found("Program", match.start(), match.end() + len(kind), f"“{inner}”{kind}",
                              match.group() + kind, rank=4, place=place)
            elif inner.endswith(vocab.quoted_fund_endings):
                item = _Found("Fund", match.start(), match.end(), f"“{inner}”", match.group(), rank=4, place=place)
            elif vocab.quoted_measures_pattern.fullmatch(inner):
                start = self._name_start(text, match.start(), 4)
                if start == match.start():
                    continue
                item = _Found("Program", start, match.end(), text[start:match.end()], text[start:match.end()],
                              rank=4)
            elif (inner.endswith(vocab.quoted_types) and len(inner) >= 4 and not inner.endswith(("工作", "方案"))
                  and not re.search(r"[、,，]", inner)):
                start = self._name_start(text, match.start(), 12)  # 数字经济“一号工程”: its field written before
                if match.start() - start > 4 or re.search(r"[\d省市区县共]", text[start:match.start()]):
                    start = match.start()  # a clause, not a field: "…规定“孔雀计划”"
                item = _Found("Program", start, match.end(), text[start:match.end()], text[start:match.end()],
                              rank=4, place=place)
            elif inner in self.program_quotes:
                item = _Found("Program", match.start(), match.end(), f"“{inner}”{self.program_quotes[inner]}",
                              match.group(), rank=1, reference=True)
            else:
                continue
            if item.place is not None:
                item.children.append(item.place)
            found.append(item)
        measure = self._headings_at[sentence_index]  # read once per sentence, by _levels_of_measures
        if measure is not None and (measure[2].startswith(vocab.condition_openers) or sentence_index in self._conditions
                                    or measure[2].endswith(vocab.not_measure_endings)):
            measure = None  # a condition of eligibility or an attachment, not a measure
        if measure is not None and not measure[2].startswith(vocab.measure_verbs) \
                and any(marker in measure[2][2:] for marker in vocab.statement_markers):
            measure = None  # "（一）园区配套设施实现全面提升": what was done (a report's heading), no measure
        if measure is not None and self._is_measure_level(measure[0]) and measure[2] not in vocab.section_labels \
                and not _SENTENCE_VERB.search(measure[2]):  # a numbered measure of this plan, not a sentence
            level, start, title = measure
            found.append(_Found("Program", start, start + len(title), title, title, scope=self.document.doc_id,
                                rank=0, level=f"measure{level}"))
        for item in found:  # 助企“三十条” is the short name of the 《…实施意见》 it follows
            long_name = self.short_names.get(_strip_quotes(item.name))
            if long_name:
                item.name = long_name
        return found

    def sentence_candidates(self, sentence: Sentence) -> list[_Found]:
        text = self.forms[sentence.index]
        places = self.places[sentence.index]
        vocab = self.vocab
        candidates = [
            *self._agencies(text, places),
            *self._suffixed(text, places, "Enterprise", vocab.enterprise_suffix_pattern, 24,
                            vocab.generic_enterprises),
            *self._suffixed(text, places, "Lab", vocab.lab_suffix_pattern, 20, vocab.generic_labs),
            *self._suffixed(text, places, "Fund", vocab.fund_suffix_pattern, 24, vocab.generic_funds,
                            vocab.fund_min_characters),
            *self._suffixed(text, places, "Cluster", vocab.cluster_suffix_pattern, 16, vocab.generic_clusters),
            *self._suffixed(text, places, "Program", vocab.event_suffix_pattern, 20, vocab.generic_events, 4),
            *self._suffixed(text, places, "Program", vocab.program_suffix_pattern, 20, vocab.generic_programs, 5),
            *self._programs(text, places, sentence.index),
            *self._national_things(text),
            *self._known_enterprises(text, places),
            *self._lab_names(text),
            *self._examples(text, places),
            *self._alias_uses(text),
        ]
        row = self._rows.get(sentence.paragraph)
        if row is not None and sentence.start <= row.task_start < sentence.end:
            at = row.task_start - sentence.start
            candidates.append(_Found("Program", at, at + len(row.task), row.task, text[at:at + len(row.task)],
                                     scope=self.document.doc_id, rank=0, level="measure9"))
        if not self._opens_line(sentence):  # "…；7、维护APP实时查询": an item of a list run on in a line, no heading
            candidates = [c for c in candidates if not c.level.startswith("measure") or c.level == "measure9"]
        measures = [c for c in candidates if c.level.startswith("measure")]  # a heading holds names of its own
        chosen: list[_Found] = []
        spans: list[tuple[int, int]] = []  # chosen spans, sorted and disjoint: overlap is a bisect, not a scan
        for candidate in sorted((c for c in candidates if not c.level.startswith("measure")),
                                key=lambda c: (-(c.end - c.start), -c.rank, c.start)):
            at = bisect.bisect_left(spans, (candidate.start, candidate.end))
            if (at > 0 and spans[at - 1][1] > candidate.start) or (at < len(spans) and spans[at][0] < candidate.end):
                continue
            spans.insert(at, (candidate.start, candidate.end))
            chosen.append(candidate)
        for measure in measures:  # unless one name is the whole heading: "（一）高新区产业集聚区"
            if not any(other.start == measure.start and other.end == measure.end for other in chosen):
                chosen.append(measure)
        agencies = sorted((c for c in candidates if c.cls == "Agency"), key=lambda c: (-(c.end - c.start), c.start))
        for title in chosen:  # 《广东省财政厅 广东省科学技术厅关于…》: the agencies before 关于 issued it
            about = text.find("关于", title.start, title.end)
            if title.cls != "Program" or not title.surface.startswith("《") or about < 0:
                continue
            for agency in agencies:
                if title.start < agency.start and agency.end <= about and not any(
                        agency.start < other.end and other.start < agency.end for other in title.issuers):
                    title.issuers.append(agency)
        for title in chosen:  # 《济南国家新一代人工智能创新发展试验区建设方案》 names the zone too
            if title.cls == "Program" and title.surface.startswith("《"):
                title.children.extend(c for c in candidates if c.cls in _NAMED_IN_TITLES and c.rank >= 2
                                      and title.start < c.start and c.end < title.end and c.end - c.start >= 6)
        for place in places:  # a place inside a chosen name is reached through that name
            if not any(place.start < other.end and other.start < place.end for other in chosen):
                chosen.append(place)
        if "称" in text:
            chosen = self._without_short_names(text, chosen)
        return sorted(chosen, key=lambda c: (c.start, c.end))

    def _without_short_names(self, text: str, chosen: list[_Found]) -> list[_Found]:
        """"X（以下简称“专项资金”）": the short name in the brackets is X's, not a thing of its own."""
        for definition in self._alias_definition.finditer(text):
            if any(c.end <= definition.start() <= c.end + 1 and c.cls != "Place" for c in chosen):
                chosen = [c for c in chosen if not (definition.start() <= c.start and c.end <= definition.end())]
        return chosen

    # -- the document ------------------------------------------------------------------------
    def run(self) -> Extraction:
        for sentence in self.document.sentences:
            self._sentence(sentence)
        self._unshare_programs()
        self._organ_hierarchy()
        self._programs_by_their_full_names()
        return Extraction(self.document.doc_id, self.document.title, "zh", self.jurisdiction,
                          tuple(self.mentions), tuple(self.relations), len(self.document.text),
                          document_key=self.document_program.key if self.document_program is not None else "")

    def _source(self, sentence: Sentence) -> Source:
        return self._sources(sentence)

    def _programs_by_their_full_names(self) -> None:
        """"市举办数字经济招商对接会" in a headline, "2023哈尔滨数字经济招商对接会" in the text: a program
        named again with its year or place before it is the same program, by its fuller name."""
        names = {m.name for m in self.mentions if m.cls == "Program" and len(m.name) >= 4}
        if len(names) < 2:
            return
        longer: dict[str, set[str]] = {}  # a name -> the fuller names that are it after a year or place
        for name in names:  # a year and a place are short: only the first few cuts are tried
            for cut in range(1, min(len(name) - 3, _YEAR_AND_PLACE + 1)):
                if name[cut:] in names and self._only_year_and_place(name[:cut]):
                    longer.setdefault(name[cut:], set()).add(name)
        fuller = {name: next(iter(full)) for name, full in longer.items() if len(full) == 1}
        if fuller:
            self.mentions = [replace(m, name=fuller[m.name]) if m.cls == "Program" and m.name in fuller else m
                             for m in self.mentions]

    def _only_year_and_place(self, prefix: str) -> bool:
        """Whether ``prefix`` is a year, a place known to the divisions, or a year and a place."""
        year = _YEAR_PREFIX.match(prefix)
        rest = prefix[year.end():] if year else prefix
        return not rest or bool(self.gazetteer.named(rest))

    def _organ_hierarchy(self) -> None:
        """National organs whose names hold the organ over them are part of it (organs.organ_parts),
        cited where the part is first named."""
        for part, whole in organ_parts(self.mentions, self.vocab.organ_parents):
            self.relations.append(RelationMention(part.key, "partOf", whole.key, part.source))

    def _unshare_programs(self) -> None:
        """A program named in several measures (阳光政务平台 under 注册, 审核 …), or a national one in a
        local document (国家重点研发计划), is what the measures use or apply to, not a part of one."""
        by_key = {m.key: m for m in self.mentions}
        national = not any(self.divisions.get(level) for level in ("province", "city", "district", "county"))
        holders: dict[tuple[str, str], set[str]] = {}
        for relation in self.relations:
            if relation.predicate == "partOf" and relation.object in self._measure_keys \
                    and relation.subject not in self._measure_keys:
                subject = by_key[relation.subject]
                holders.setdefault((subject.cls, subject.name), set()).add(by_key[relation.object].name)
        loose = {named for named, measures in holders.items() if len(measures) > 1
                 or (not national and named[1].startswith(("国家", "全国")))}
        if loose:
            self.relations = [r for r in self.relations if not (
                r.predicate == "partOf" and r.object in self._measure_keys
                and (by_key[r.subject].cls, by_key[r.subject].name) in loose)]

    def _mention(self, found: _Found, sentence: Sentence) -> Mention:
        name = found.name
        if not found.implied and name == self.forms[sentence.index][found.start:found.end]:
            name = _with_punctuation_of(name, sentence.text[found.start:found.end])  # （深圳）, not (深圳)
        mention = Mention(
            key=f"z{len(self.mentions) + 1}", cls=found.cls, name=_strip_spaces(name),
            surface=found.name if found.implied else _strip_spaces(sentence.text[found.start:found.end]),
            source=self._source(sentence), start=sentence.start + found.start, end=sentence.start + found.end,
            language="zh", scope=found.scope, translations=(found.translation, *found.other_names)
            if found.translation else (),
            amount=found.amount,
        )
        self.mentions.append(mention)
        return mention

    def _relate(self, subject: Mention, predicate: str, obj: Mention, sentence: Sentence,
                amount: Amount | None = None) -> None:
        if subject.key != obj.key and (subject.name, subject.cls) != (obj.name, obj.cls):  # one thing named twice
            self.relations.append(RelationMention(subject.key, predicate, obj.key, self._source(sentence), amount))

    def _sentence(self, sentence: Sentence) -> None:
        text = self.forms[sentence.index]
        self._update_places(sentence)
        amounts = list(chinese_amounts(text))
        mentions: list[tuple[_Found, Mention]] = []
        nested: list[tuple[_Found, Mention]] = []  # places and parents inside the names
        for found in self.sentence_candidates(sentence):
            mention = self._mention(found, sentence)
            mentions.append((found, mention))
            self._children(found, mention, sentence, nested)
        self._districts_in_city(sentence, mentions + nested)
        self._define_aliases(text, mentions)
        self._structure(sentence, mentions)
        self._located_by_name(sentence, mentions + nested)  # 山东大学 inside 山东大学龙山创新港 is in 山东省 too
        self._signature(sentence, mentions)
        if mentions:  # relations between names: a sentence with none (most lines of a table) has no such
            self._lead_markers(sentence, text, mentions)
            self._responsible(sentence, text, mentions)
            self._roles(sentence, text, mentions)
            self._bare_units(sentence, text, mentions)
            self._table_units(sentence, mentions)
            self._table_grants(sentence, mentions)
            self._acting_units(sentence, text, mentions)
            self._issued(sentence, text, mentions)
            self._located(sentence, text, mentions)
        if mentions or amounts or "财政" in text:  # "市财政每年出资…": the funder is implied
            self._funding(sentence, text, mentions, amounts)
        for found, mention in mentions:
            if found.cls == "Fund":
                self.context.fund, self.context.fund_paragraph = mention, sentence.paragraph
            if found.cls == "Program" and not found.reference:
                self.context.program, self.context.program_paragraph = mention, sentence.paragraph

    def _update_places(self, sentence: Sentence) -> None:
        """Places carry over from a heading to its body paragraph; funds do not carry over."""
        context = self.context
        self._sentence_at, self._paragraph_at = sentence.index, sentence.paragraph
        heading_before = sentence.paragraph - 1 in self._headings
        for kept, at in (("district", context.district_paragraph), ("place", context.place_paragraph)):
            if at != sentence.paragraph and not (at == sentence.paragraph - 1 and heading_before):
                setattr(context, kept, None)
        if context.fund_paragraph != sentence.paragraph:
            context.fund = None
        for place in self.places[sentence.index]:
            if place.level in ("district", "county"):
                context.district, context.district_paragraph = place, sentence.paragraph
            if place.level != "province" and place.short != self.jurisdiction.city:
                context.place, context.place_paragraph = place, sentence.paragraph

    def _children(self, found: _Found, mention: Mention, sentence: Sentence,
                  made: list[tuple[_Found, Mention]]) -> None:
        for issuer in found.issuers:
            issuer_mention = self._mention(issuer, sentence)
            made.append((issuer, issuer_mention))
            self._relate(issuer_mention, "responsibleFor", mention, sentence)
            self._children(issuer, issuer_mention, sentence, made)
        for child in found.children:
            child_mention = self._mention(child, sentence)
            made.append((child, child_mention))
            if found.parent is child:
                self._relate(mention, "partOf", child_mention, sentence)
            if found.place is child:
                self._relate(mention, "locatedIn", child_mention, sentence)
            self._children(child, child_mention, sentence, made)

    def _districts_in_city(self, sentence: Sentence, mentions: list[tuple[_Found, Mention]]) -> None:
        """A place is located in its parent division (历下区 in 济南市, 济南市 in 山东省), from the
        administrative divisions, where the document names the parent too; once per place."""
        for found, mention in mentions:
            if found.cls != "Place" or found.name in self._placed:
                continue
            self._placed.add(found.name)  # the answer is the same at every mention: look it up once
            province = self.divisions.get("province")
            division = self.gazetteer.one(found.name, province.name if province else "")
            parent = self.gazetteer.parent_of(division) if division is not None else None
            if division is None and found.level in ("district", "county"):
                parent = self.divisions.get("city")  # 郑东新区, a zone of no division list: the document's city
            if parent is None or not self._named(parent):
                continue
            place = self._division_place(parent, found.start, found.end)
            place.implied = True
            self._relate(mention, "locatedIn", self._mention(place, sentence), sentence)

    def _named(self, division: Division) -> bool:
        """Whether the document names the division anywhere (each name searched for once)."""
        named = self._named_divisions.get(division.name)
        if named is None:
            named = self._named_divisions[division.name] = division.name in self.whole or division.short in self.whole
        return named

    def _lead_markers(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"第十四工作组(组长单位:市财政局)": the agencies after the marker lead what precedes it."""
        for match in self.vocab.lead_marker_pattern.finditer(text):
            opening = max(text.rfind("(", 0, match.start()), text.rfind("（", 0, match.start()))
            closing = _GROUP_CLOSE.search(text, match.end())
            stop = closing.start() if closing else len(text)
            leaders = [m for f, m in mentions if f.cls == "Agency" and match.end() <= f.start and f.end <= stop]
            anchor = opening if opening >= 0 else match.start()
            led = [m for f, m in mentions if f.end <= anchor and (f.cls in _TARGETS or f.cls == "Agency")
                   and not f.reference]
            target = led[-1] if led else self._program_at_hand(sentence)
            measure = self._measure_of_paragraph(sentence)
            group_end = min((i for i in (text.find(")", match.end()), text.find("）", match.end())) if i >= 0),
                            default=stop)
            if measure is not None and not text[group_end + 1:].strip(" 。.;；)）\n"):
                target = measure  # "（牵头单位：…）" closing a measure's paragraph: the measure, not a name in it
            for leader in leaders:
                if target is not None:
                    self._relate(leader, "responsibleFor", target, sentence)

    def _roles(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"X牵头，Y、Z配合。": lead and supporting units of the measure or task at hand. The clause
        before the verb must be nothing but agencies and list marks."""
        target = self._measure_of_paragraph(sentence) or (
            self._open_measures[max(self._open_measures)] if self._open_measures else self.context.program)
        if target is None:
            return
        programs = [m for f, m in mentions if f.cls == "Program" and not f.reference]
        for verb in _ROLE_VERB.finditer(text):
            clause = max(text.rfind(mark, 0, verb.start()) for mark in ",，。；;:：(（") + 1
            if verb.group().endswith("办"):  # "…对接会由省工信厅、省商务厅主办": the event named here
                target = programs[0] if programs else target
            units = [(f, m) for f, m in mentions if f.cls == "Agency" and clause <= f.start and f.end <= verb.start()]
            if units and text[:units[0][0].start].endswith("由"):
                clause = units[0][0].start  # "(对接会)由X主办"
            if units and not _outside_names(text, clause, verb.start(), units).strip("、和及与 "):
                for _, unit in units:
                    self._relate(unit, "responsibleFor", target, sentence)

    def _acting_units(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"市科技局要加强…": agencies that open a clause of a measure's text and act in it (要, 应当,
        会同 …) are responsible for the measure."""
        target = self._measure_of_paragraph(sentence)
        if target is None:
            return
        agencies = [(f, m) for f, m in mentions if f.cls == "Agency"]
        index = 0
        while index < len(agencies):  # one pass: each agency is looked at once, as a group's first or in it
            found = agencies[index][0]
            clause = max(text.rfind(mark, max(0, found.start - 40), found.start) for mark in ",，。；;:：") + 1
            last = index
            while last + 1 < len(agencies) and text[agencies[last][0].end:agencies[last + 1][0].start].strip(
                    "、和及与 ") in ("", "会同", "联合"):
                last += 1  # "市工信局、市财政局会同…": one subject
            opens = (clause > 0 or found.start < 40) and not _LEADING_NUMBER.sub("", text[clause:found.start]).strip()
            after = text[agencies[last][0].end:agencies[last][0].end + 4]
            if opens and after.startswith(self.vocab.acting_words):
                for _, unit in agencies[index:last + 1]:
                    self._relate(unit, "responsibleFor", target, sentence)
            index = last + 1

    def _table_units(self, sentence: Sentence, mentions: list[tuple[_Found, Mention]]) -> None:
        """A task table's row: the agencies in its unit cells are responsible for its task."""
        row = self._rows.get(sentence.paragraph)
        if row is None:
            return
        for found, mention in mentions:
            if found.level == "measure9":
                self._row_task = (sentence.paragraph, mention)
        if self._row_task is None or self._row_task[0] != sentence.paragraph:
            return
        for found, mention in mentions:
            at = sentence.start + found.start
            if found.cls == "Agency" and any(a <= at and sentence.start + found.end <= b for a, b in row.units):
                self._relate(mention, "responsibleFor", self._row_task[1], sentence)

    def _table_grants(self, sentence: Sentence, mentions: list[tuple[_Found, Mention]]) -> None:
        """A funding list's row: the fund its title names pays the row's sum to the recipient in its
        recipient cell. With no fund in the title the payer is not plain, and no edge is drawn."""
        grant = self._grants.get(sentence.paragraph)
        if grant is None or len(self._title_funds) != 1:
            return
        start, end = grant.recipient
        for found, mention in mentions:
            if found.cls in _RECIPIENTS and start <= sentence.start + found.start and sentence.start + found.end <= end:
                self._relate(self._title_funds[0], "funds", mention, sentence, grant.amount)

    def _bare_units(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"…给予一次性补贴50万元。（区科技局、区财政局）": agencies alone in brackets closing a measure's
        text are the units responsible for it, written without a 责任单位 label."""
        target = self._measure_of_paragraph(sentence) or (
            self._open_measures[max(self._open_measures)] if self._open_measures else None)
        if target is None:
            return
        for group in _BRACKETED.finditer(text):
            if text[group.end():].strip(" 。.;；\n"):
                continue  # not the end of the measure's text
            units = [(f, m) for f, m in mentions if f.cls == "Agency" and group.start() < f.start
                     and f.end < group.end()]
            if units and not _outside_names(text, group.start() + 1, group.end() - 1, units).strip("、,，和及与 "):
                for _, unit in units:
                    self._relate(unit, "responsibleFor", target, sentence)

    def _responsible(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"由X负责" and "(X负责)": X leads the program at hand."""
        for match in self.vocab.responsible_pattern.finditer(text):
            inside = match.start(1) if match.group(1) else match.start(2)
            units = [(f, m) for f, m in mentions if f.cls == "Agency" and inside <= f.start and f.end <= match.end()]
            if match.group(1) and units and not self._only_units(text, inside, match.end(1), units):
                continue  # "由各街道统一交到区科学技术局业务受理窗口": another verb stands between 由 and the word
            leaders = [m for _, m in units]
            after = [m for f, m in mentions if match.end() <= f.start <= match.end() + 2 and f.cls in _TARGETS
                     and not f.reference]  # "由X负责Y"
            before = [m for f, m in mentions if f.end <= match.start() and f.cls in _TARGETS and not f.reference]
            target = after[0] if after else before[-1] if before else self._program_at_hand(sentence)
            measure = self._measure_of_paragraph(sentence)
            if match.group(2) is not None and measure is not None and not text[match.end():].strip(" 。.;；\n"):
                target = measure  # "（X等按职责分工负责）" closing a measure's text: the measure
            if text[:match.start()].endswith(_SELF_REFERENCES) and self.document_program is not None:
                target = self.document_program  # "本措施由X负责解释": the document itself
            for leader in leaders:
                if target is not None:
                    self._relate(leader, "responsibleFor", target, sentence)
        self._subject_responsible(sentence, text, mentions)

    def _only_units(self, text: str, start: int, end: int, units: list[tuple[_Found, Mention]]) -> bool:
        """Whether ``text[start:end]`` holds the units and nothing but the words that join them and say
        how they act (会同, 按职责分工, 按程序)."""
        rest = _outside_names(text, start, end, [(f, m) for f, m in units if start <= f.start and f.end <= end])
        rest = self.vocab.responsible_filler_pattern.sub("", self.vocab.duty_pattern.sub("", rest))
        return not _SUBJECT_LINKS.sub("", rest).strip(",，")

    def _subject_responsible(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"X会同Y负责服务运营", "本办法由X负责解释": agencies that open a clause and then 负责 lead
        what follows it, else the measure or document at hand."""
        for verb in _RESPONSIBLE_VERB.finditer(text):
            if any(f.start <= verb.start() < f.end for f, _ in mentions):
                continue
            clause = max(text.rfind(mark, 0, verb.start()) for mark in ",，。；;:：") + 1
            units = [(f, m) for f, m in mentions if f.cls == "Agency" and clause <= f.start and f.end <= verb.start()]
            if not units:
                continue
            rest = _outside_names(text, clause, verb.start(), units)
            rest = self.vocab.duty_pattern.sub("", rest)
            if _SUBJECT_LINKS.sub("", _LEADING_NUMBER.sub("", rest)) not in ("", *_SELF_REFERENCES):
                continue  # something else stands in the clause: no plain "X负责"
            stop = _CLAUSE_END.search(text, verb.end())
            limit = min(verb.end() + 20, stop.start() if stop else len(text))
            after = [m for f, m in mentions if verb.end() <= f.start < limit and f.cls in _TARGETS and not f.reference]
            self_reference = _LEADING_NUMBER.sub("", text[clause:units[0][0].start]).lstrip().startswith("本")
            target = (after[0] if after and not self_reference else self.document_program if self_reference
                      else self._measure_of_paragraph(sentence) or self.document_program)
            if target is not None:
                for _, unit in units:
                    self._relate(unit, "responsibleFor", target, sentence)

    def _issued(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"市商务局…打造了…“外贸贷”融资平台": an agency that issues or builds a program leads it."""
        for found, agency in mentions:
            if found.cls != "Agency":
                continue
            window_end = found.end + 20
            clause = _CLAUSE_END.search(text, found.end, window_end)  # bounded: linear in the sentence
            window_end = min(window_end, clause.start() if clause else len(text))
            for verb in self.vocab.issue_verb_pattern.finditer(text, found.end, window_end):  # 牵头成立了…: the last
                stop = _CLAUSE_END.search(text, verb.end(), verb.end() + 30)
                limit = min(verb.end() + 30, stop.start() if stop else len(text))
                after = [(f, m) for f, m in mentions if not f.reference and verb.end() <= f.start < limit
                         and not re.search(r"[,，、]", text[verb.end():f.start])]
                # what was issued or set up: a program, fund, lab or cluster; else a committee or office it set up
                targets = [m for f, m in after if f.cls in _ISSUED] or [
                    m for f, m in after if f.cls == "Agency" and f.name.endswith(_SET_UP_BODIES)
                    and self.vocab.setting_up_pattern.match(verb.group())]
                if targets:
                    self._relate(agency, "responsibleFor", targets[0], sentence)
                    break

    def _located(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"…产业集群位于淇滨区": the thing before the verb is in the place after it."""
        for verb in self.vocab.location_verb_pattern.finditer(text):
            things = [(f, m) for f, m in mentions if f.cls != "Place" and verb.start() - 2 <= f.end <= verb.start()]
            places = [m for f, m in mentions if f.cls == "Place" and verb.end() <= f.start <= verb.end() + 2]
            if things and places:
                self._relate(things[-1][1], "locatedIn", places[0], sentence)
        if "在" not in text:
            return
        for found, place in mentions:  # "在东莞建设研发中心": what is set up there is located there
            if found.cls != "Place" or not text.endswith("在", 0, found.start):
                continue
            verb = _SET_UP_AT.match(text, found.end)
            stop = _CLAUSE_BREAK.search(text, found.end)
            limit = min(found.end + 30, stop.start() if stop else len(text))
            things = [m for f, m in mentions if verb and verb.end() <= f.start < limit and f.cls in _LOCATED_BY_NAME
                      and not f.reference]
            if things:
                self._relate(things[0], "locatedIn", place, sentence)

    def _lenders(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]]) -> None:
        """"A银行、B银行等9家银行…负责发放我市创业担保贷款": the banks or bodies before a lending verb
        fund the financial product (a Fund) it names, though no sum is stated."""
        for verb in _LENDING_VERB.finditer(text):
            product = next((m for f, m in mentions if f.cls == "Fund" and verb.end() <= f.start <= verb.end() + 4),
                           None)
            if product is None:
                continue
            clause_start = max(text.rfind(mark, 0, verb.start()) for mark in "。；;") + 1
            for found, lender in mentions:
                if found.cls in ("Enterprise", "Agency") and clause_start <= found.start and found.end <= verb.start():
                    self._relate(lender, "funds", product, sentence)

    def _fiscal_support(self, sentence: Sentence, text: str) -> None:
        """"省财政按规定给予奖补支持" in a measure: the finance department of that level funds the measure."""
        measure = self._measure_of_paragraph(sentence)
        if measure is None:
            return
        for grant in self.vocab.fiscal_grant_pattern.finditer(text):
            funders = self._fiscal_funders(text, grant.end())
            for funder in funders:
                self._relate(self._mention(funder, sentence), "funds", measure, sentence)
            if funders:
                return

    def _purpose(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]],
                 after: int) -> Mention | None:
        """The program, fund, lab or cluster named right after "用于" that follows an amount."""
        use = text.find("用于", after, after + 6)
        if use < 0:
            return None
        named = [m for f, m in mentions if use + 2 <= f.start <= use + 3 and f.cls in _TARGETS]
        if named:
            return named[0]
        short = self._alias_pattern.match(text, use + 2) if self._alias_pattern is not None else None
        if short is not None and self._aliases[short.group()].cls in _TARGETS:
            alias = self._aliases[short.group()]
            return self._mention(_Found(alias.cls, short.start(), short.end(), alias.name, short.group(),
                                        alias.translation, alias.scope, rank=1), sentence)
        return None

    def _fiscal_funders(self, text: str, verb: int) -> list[_Found]:
        """"市财政出资…", "市、区两级财政分担": the finance bureau (or a province's finance department)
        of each level named."""
        funders = []
        for character, start, end in _fiscal_levels(text, verb):
            level = self.vocab.level_characters[character]
            organ = self.vocab.organs["财政厅" if level == "province" else "财政局"]
            zh, en, scope = self._abbreviated_organ(organ.zh, organ.en, level, character)
            if not scope:
                funders.append(_Found("Agency", start, end, zh, zh, en, implied=True))
        return funders

    def _funding(self, sentence: Sentence, text: str, mentions: list[tuple[_Found, Mention]],
                 amounts: list[AmountSpan]) -> None:
        """Funder <verb> recipient with an amount; or a fund's own disbursement ("累计投放…7.2亿元")."""
        if not amounts:
            self._lenders(sentence, text, mentions)
            self._fiscal_support(sentence, text)
            return
        markers = self.vocab.recipient_markers
        for verb in self.vocab.funding_verb_pattern.finditer(text):
            if any(f.start <= verb.start() < f.end for f, _ in mentions):
                continue  # 资助 inside "研究开发资助计划" is part of a name
            # "市财政局向墨子实验室补助500万元": the recipient may stand before the verb, behind 向/给/为
            fronted = [(f, m) for f, m in mentions if f.cls != "Place" and f.end <= verb.start()
                       and f.start and text[f.start - 1] in markers and not _PAUSE.search(text, f.end, verb.start())]
            recipient_found = fronted[-1][0] if fronted else None
            if recipient_found is not None:
                recipients = [fronted[-1][1]]
                funders = [m for f, m in mentions if f.cls in _FUNDERS and f.end <= recipient_found.start - 1]
            else:
                recipients = [m for f, m in mentions if f.start >= verb.end() and f.cls != "Place"]
                funders = [m for f, m in mentions if f.cls in _FUNDERS and f.end <= verb.start()]
            funded_at = [f for f, _ in mentions if f.cls in _FUNDERS and f.end <= verb.start()]
            if not funders:  # "由市财政每年出资1亿元": the finance bureau of that level pays
                fiscal = self._fiscal_funders(text, verb.start())
                if len(fiscal) == 1:  # two levels sharing one sum: whose share it is is not said
                    funders, funded_at = [self._mention(fiscal[0], sentence)], fiscal
            if not recipients and funders and funded_at:  # "X对…资助计划…拟资助资金N万元": what lies between
                between = [m for f, m in mentions if funded_at[-1].end <= f.start and f.end <= verb.start()
                           and f.cls in _TARGETS and not f.reference]
                measure = self._measure_of_paragraph(sentence) if funded_at[-1].implied else None
                recipients = between[-1:] or ([measure] if measure is not None else [])  # 市财政 pays the measure
            amount = next((a for a in amounts if a.start >= verb.end()), amounts[0])
            purpose = self._purpose(sentence, text, mentions, amount.end)
            if purpose is not None and funders:  # "出资1亿元用于园区建设": what the money is for receives it
                recipients = [purpose]
            if funders and recipients and funders[-1].key != recipients[0].key:
                self._relate(funders[-1], "funds", recipients[0], sentence, amount.amount)
                continue
            subject_place = any(f.cls == "Place" and f.end <= verb.start() for f, _ in mentions)
            if not funders and subject_place and self.context.fund is not None and verb.group() in ("投放", "发放"):
                fund = self.context.fund  # "郑东新区已累计投放…7.2亿元": what the fund has put out
                stated = _Found("Fund", amount.start, amount.end, fund.name, fund.name, scope=fund.scope,
                                amount=amount.amount, implied=True)
                self._mention(stated, sentence)
                return


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table row written as one line, " | " or tabs between them; [] for other lines."""
    line = text[start:end]
    if "|" not in line and "\t" not in line:
        return []
    cells, at = [], start
    for match in _CELL_BREAK.finditer(text, start, end):
        cells.append((at, match.start()))
        at = match.end()
    cells.append((at, end))
    return [(a, b) for a, b in cells if text[a:b].strip()] if len(cells) >= 3 else []


def _outside_names(text: str, start: int, end: int, names: list[tuple[_Found, Mention]]) -> str:
    """``text[start:end]`` without the names found in it (each inside the span): what stands around them."""
    rest = list(text[start:end])
    for found, _ in names:
        rest[found.start - start:found.end - start] = [""] * (found.end - found.start)
    return "".join(rest)


def _document_number(line: str) -> re.Match[str] | None:
    """A line that is the document's number (浙政办发〔2021〕12号), alone or as a page records it
    (发文字号：…); group 1 is its issuer's abbreviation."""
    return _DOCUMENT_NUMBER.fullmatch(_METADATA_LINE.sub("", line.strip(), count=1))


def _fiscal_levels(text: str, before: int) -> list[tuple[str, int, int]]:
    """The level characters, with their offsets and the phrase's end, of "市财政" / "省级财政" /
    "市、区两级财政" standing in the clause before ``before``."""
    clause = max(text.rfind(mark, 0, before) for mark in ",，。；;") + 1
    match = _FISCAL.search(text, clause, before)
    if match is None:
        return []
    return [(match.group(g), match.start(g), match.end()) for g in (1, 2) if match.group(g)]


@lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a set of short place names, longest first: found in one pass over a text."""
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) or "(?!)")


def _with_punctuation_of(form: str, original: str) -> str:
    """The matching form's characters (simplified), with the original's full-width punctuation."""
    return "".join(o if f != o and (0xFF01 <= ord(o) <= 0xFF5E or o == "\u3000") and not o.isalnum() else f
                   for f, o in zip(form, original, strict=True))


def _made_of(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` is nothing but ``words`` (longest first at each point): a category's name."""
    by_first = _by_first_character(words)
    position = 0
    while position < len(text):
        word = next((w for w in by_first.get(text[position], ()) if text.startswith(w, position)), None)
        if word is None:
            return False
        position += len(word)
    return True


@lru_cache(maxsize=8)
def _by_first_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their first character, in their order: a scan of the whole list at every
    character was a twentieth of the extraction's time."""
    grouped: dict[str, list[str]] = {}
    for word in words:
        grouped.setdefault(word[:1], []).append(word)
    return {first: tuple(group) for first, group in grouped.items()}


def _just_before(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Whether a short word ``pattern`` (anchored with $) ends at ``end``: only the last characters are
    read, so a long sentence with many names costs no more per name."""
    return pattern.search(text, max(0, end - 8), end) is not None


def _measure_level(marker: str) -> int:
    """一、 is 1, （一） is 2, 1. is 3, （1） is 4, 第一条 is 5: the numbering levels of Chinese plans."""
    if marker.startswith("第"):
        return 5
    if marker[0] in "(（":
        return 4 if marker[1].isdigit() else 2
    return 3 if marker[0].isdigit() else 1


def _measure_heading(pattern: re.Pattern[str], text: str, continues: bool = False,
                     verbs: tuple[str, ...] = ()) -> tuple[int, int, str] | None:
    """(level, start, title) of a numbered heading opening ``text``: its title ends the sentence or the
    line ("（一）强化金融支持。"), or a colon opens the body of a title that opens with one of ``verbs``
    ("（三）加快发展现代物流：建设…"), where a list item runs on ("（1）企业在区内注册，…") or a field
    or a service is named ("1.支持对象：…", "2.投融资服务：…") and is no measure."""
    match = pattern.match(text)
    if match is None or "《" in match.group(1):
        return None
    bracketed = _BRACKETED_TITLE.match(match.group(1))
    if bracketed:  # "第三条 【落户奖励】对…": the article's title in brackets
        level = _measure_level(text[match.start():match.start(1)].strip())
        return level, match.start(1) + bracketed.start(1), bracketed.group(1)
    title = match.group(1).strip()
    after = text[match.start(1) + len(match.group(1)):].lstrip()[:1]
    level = _measure_level(text[match.start():match.start(1)].strip())
    if level == 5 and (after not in ("", "。", "\n") or len(title) > _ARTICLE_TITLE
                       or title.startswith(_SELF_REFERENCES)):
        return None  # "第三条 专项资金由…管理。": an article of rules, its first sentence no title
    if after in (",", "，", "、"):  # "1．支持建设研发平台，支持企业加大研发投入。": a heading of two clauses
        stop = text.find("。", match.start(1))
        whole = text[match.start(1):stop] if stop > 0 else ""
        if whole and len(whole) <= 40 and not re.search(r"[:：;；()（）《》]", whole) and (
                stop + 1 < len(text) or continues):  # the body follows: in the sentence or the paragraph
            return level, match.start(1), whole.strip()
        return None
    if after == ":" and level != 5 and len(title) >= _COLON_TITLE and title.startswith(verbs) \
            and text[match.end(1) + 1:].strip():
        return level, match.start(1), title
    if after not in ("", "。", "\n", ".", "!", "！", "(", "（"):  # a heading, or one with its (牵头单位:…)
        return None
    return level, match.start(1), title


def _english_organ(organ_en: str, place_en: str, level_en: str) -> str:
    """"Zhengzhou" + "Municipal" + "Finance Bureau"; or into the {place} slot of the organ's name."""
    qualifier = " ".join(filter(None, (place_en, level_en)))
    return organ_en.format(place=qualifier) if "{place}" in organ_en else f"{qualifier} {organ_en}"


def _compound_ending(name: str, endings: tuple[str, ...]) -> bool:
    """"服务进园区" ends in the word 园区 after two or more other characters: not a place name.
    "上街区" ends in 街区 after one character only, too short to be a word of its own."""
    return any(name.endswith(e) and len(name) - len(e) != 1 for e in endings)


def _implied(place: _Found, holder: _Found) -> _Found:
    """A place known from an earlier sentence, cited at the span of what it qualifies here."""
    return _Found(place.cls, holder.start, holder.end, place.name, place.name, place.translation, place.scope,
                  place.level, place.short, implied=True)


def _strip_spaces(text: str) -> str:
    return re.sub(r"[\s\u2060]+", "", text)


def extract_chinese(document: Document, vocab: ChineseVocabulary | None = None) -> Extraction:
    return ChineseExtractor(document, vocab).run()
