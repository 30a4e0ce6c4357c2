"""English documents to mentions and relations: rules driven by vocab/english.toml.

A pure function of one Document. Passes, per sentence:
  names      capitalised phrases classified by their head word ("... Bureau")
  quoted     quoted names classified by a head inside or a type word beside them
  lowercase  determiner-led phrases with a class head ("the new smart city project")
  places     "<Name> City/County/Province" and province names
  clusters   lists such as "clusters such as A, B and C"
then relation rules over the accepted mentions: responsibility clauses, issue
verbs, funding with amounts, "X of Y" hierarchy, location.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Amount, Document, Extraction, Jurisdiction, Mention, RelationMention, Sentence, Source
from .amounts import AmountSpan, english_money
from .gazetteer import gazetteer
from .organs import organ_parts
from .sources import SentenceSources
from .vocab import EnglishVocabulary, english

_WORD_CHARS = r"A-Za-z0-9'’\-À-ÖØ-öø-ÿĀ-ſ"  # Latin letters with accents too: "Gebrüder", "Türkiye"
# A capitalised word: "Bureau", "5G", "14th"-style tokens only when they hold a capital.
# A web address is a brand's whole name: "JD.com", "Ctrip.com".
_WEB_TAIL = r"(?:\.(?:com|cn|net)\b)?"
_CAPITAL_WORD = re.compile(rf"(?<![{_WORD_CHARS}])(?:[A-Z]|[0-9][a-z0-9'’\-]*[A-Z])[{_WORD_CHARS}]*{_WEB_TAIL}")
# Capitalised words joined by connectors: "Department of Industry and Information Technology", "R&D".
_CONNECTOR = r"(?:(?:of|for)(?:\s+a)?|and|the)"
_CAPITAL_RUN = re.compile(rf"{_CAPITAL_WORD.pattern}(?:(?:\s+(?:{_CONNECTOR}\s+)*|\s*&\s*(?:{_CONNECTOR}\s+)*)"
                          rf"(?:[A-Z]|[0-9][a-z0-9'’\-]*[A-Z])[{_WORD_CHARS}]*{_WEB_TAIL})*")
_NAME_PARENTHESIS = re.compile(r"\s*\((?:[A-Z][^()]{0,30}|(?:hereinafter|hereafter)\b[^()]{0,40})\)")
_CONNECTORS = {"of", "and", "for", "the", "&"}
_QUOTE = re.compile(r"“([^”\n]{1,120})”|\"([^\"\n]{1,120})\"")
_DETERMINERS = {"the", "a", "an"}
_OWNER_DETERMINERS = {"its", "their"}
_CURRENCY_WORDS = {"yuan", "renminbi", "rmb"}
_ROMAN_TAIL = re.compile(r"\s+(?:I{1,3}|IV|V|VI)$")
_STOP_WORDS = {"of", "to", "in", "for", "with", "by", "on", "from", "at", "is", "was", "are", "were", "has",
               "have", "be", "been", "that", "which", "as", "into", "its", "their", "this", "these", "or"}
_CLAUSE_WORDS = _STOP_WORDS | {"and", "was", "will", "has", "had", "can", "should", "shall", "would", "were",
                                "is", "are", "be", "being", "so", "but", "while", "where", "when", "not"}
# What may follow the type word after a quoted name: the clause words, or a participle (the “X” campaign
# launched by the city)
_AFTER_QUOTED_TYPE = _CLAUSE_WORDS | {"launched", "initiated", "organized", "organised", "hosted", "held", "run",
                                      "led", "announced", "unveiled", "introduced", "started", "rolled", "set"}
_LED_GROUP = re.compile(r"(?i)\b(?:work(?:ing)? group|task force|leading group|special class)\b")
# What may stand between agency names in a closing "(X, Y together with Z)" list.
_LIST_GLUE = re.compile(r"(?i)\b(?:the|and|are|is|responsible|for|together|with|governments?|municipalities)\b"
                        r"|[\s,.()]")
_WORDS_AND_PARENTHESES = re.compile(r"\([^()]*\)|[^\s()]+")
_LAST_WORDS = re.compile(r"([a-z]+(?:\s+[a-z]+)?)\s*$")
_PARENTHESIS = re.compile(r"[()]")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)$")
_PRONOUNS = {"it", "the bureau", "the department", "the commission", "the office", "the committee"}
_PRONOUN = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, _PRONOUNS), key=len, reverse=True)))
# Hot-path patterns, compiled once (the re module's cache lookup per call showed in profiles).
_ARTICLE = re.compile(r"(?:the|The)\s+")
_OF_OR_FOR = re.compile(r"\s(?:of|for)\s+(?:the\s+|a\s+)?")
_AND = re.compile(r"\s+and\s+")
_OR_NEXT_QUOTE = re.compile(r"\s*(?:and|,|or)\s*[“\"]")
_LETTER = re.compile(r"[A-Za-z]")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_LOWER_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’\-]*\s+$")
_CLUSTER_LIST = re.compile(r"(?:clusters?|industries|industry)\s*,?\s+(?:such as|including|like)\s+"
                           r"(?P<items>[^.;()]+?)(?=\s+and other\b|[.;(]|$)")
_AND_OTHER = re.compile(r"\s+and other\b[^.;]{0,60}?\b(?:clusters|industries)\b")
_ITEM_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_ITEM_TAIL = re.compile(r"(?:^|\s)([A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,4})$")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE_S = re.compile(r"[’']s$")
_SECTION = re.compile(r"\((\d{1,2})\)\s+([A-Z][^.()]{2,100})\.?$")
_MEASURE = re.compile(r"(?:.*\)\s+)?(\d{1,2})\.\s+([A-Z][^.()]{2,100}?)\.")
_NUMBERED = re.compile(r"\d\.\s+[A-Z]")
_PLAN_WORD = re.compile(r"(Plan|Measures|Opinions|Scheme|Program)\b")
_RESPONSIBLE = re.compile(r"\b(?:is|are|shall be|will be|should be)\s+(?:responsible|in charge)\b")
_CLAUSE_END = re.compile(r"[.;]")
_SET_UP_BY = re.compile(r"\b(?:set up|established|founded|launched|initiated)\s+by\s+(?:the\s+)?")
_WITH_SUM = re.compile(r"\s+with\s+(?:an?\s+)?(?:(?:total\s+|initial\s+)?(?:investment|capital)\s+of\s+)?")
_INVESTMENT_BY = re.compile(r"\bwith\s+(?:an?\s+|the\s+)?(?:total\s+)?investment\s+of\s+")
_BY = re.compile(r"\s+(?:yuan\s+)?(?:by|from)\s+(?:the\s+)?")
# ", which supplies Volkswagen and BYD,": the names in it are no subject of the verb after it
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;.]*,")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?")
# "X, known as the Y": Y is another name of X
_KNOWN_AS = re.compile(r"\s*[,(]\s*(?:also |commonly |popularly |widely |often )?(?:known|referred to|dubbed) as"
                       r"(?: the)?\s*[\"“]?")
# where a sentence turns to another clause: a verb's object or sum is not looked for past it
_CLAUSE_TURN = re.compile(r";|,?\s+and that\b|,\s+(?:but|while|whereas)\b")
_LOCAL_BEFORE = re.compile(r"\blocal\s*$")
_LEVEL_ADJECTIVE = re.compile(r"\b([A-Z][a-z'’\-]+) (Municipal|Provincial)\b")
# "Co., Ltd." and "Inc." after a run of capitalised words: the comma and periods belong to the name.
_COMPANY_TAIL = re.compile(r"(?:\.?,?\s*(?:Co|Ltd|Inc|Corp|LLC|PLC|Limited)\b\.?)+|\.")
_COMPANY_END_WORDS = ("Co", "Ltd", "Inc", "Corp")
# A bare capitalised word (a city's pinyin name); a possessive "Ningbo's" still counts.
_BARE_WORD = re.compile(r"[A-Z][a-z]+\b(?!-(?!based\b))")  # "Suzhou-based" names Suzhou
_PLACE_SUFFIX_AFTER = re.compile(r"\s+(?:City|Municipality|Prefecture|County|District|Province)\b")
# A newswire dateline opening the first paragraphs: "HENGQIN, CHINA – ...", "NEW YORK Qualcomm ...".
_CAPS = r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*"
_DATELINE = rf"({_CAPS})(?:,\s*({_CAPS}))?(?=\s*[-–—,/]|\s+[A-Z][a-z]|\s+\((?:{{agencies}})\))"  # "BEIJING (Reuters)"
_DATELINE_NOISE = re.compile(r"\s+(?:SAR|S\.A\.R\.)$")
# "X (Jinshi division)": a division, branch or plant of X in a place.
_UNIT_IN_PARENTHESIS = re.compile(r"^(.*\S)\s*\(([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?)\s+"
                                  r"(division|branch|sub-branch|office|plant|factory|subsidiary)\)$")
# "hosted by X", "was organised by X": X is responsible for what comes before.
_PASSIVE_BY = re.compile(r"\b(?:hosted|organi[sz]ed|led|launched|issued|sponsored|backed|run|initiated|released|"
                         r"formulated|implemented|co-hosted|co-organi[sz]ed|supervised|overseen|approved|"
                         r"drafted|drawn up|compiled|established|set up|managed|operated|guided|interpreted|"
                         r"jointly\s+\w+)"
                         r"\s+by\s+"
                         r"(?:the\s+)?(?:[a-z]+\s+){0,2}?(?=[A-Z])")
_LOWER_GOVERNMENT = re.compile(r"\b(?:the\s+)?(?:(provincial|municipal|city|county|district)\s+)?government"
                               r"(?:\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s+(province|city|county))?\b"
                               r"|(?=[\s,.;]))")
# "Healthy China 2030 Plan", "Ningbo (Colombo) Products Exhibition": a year, version or place inside a name
_YEAR_BETWEEN = re.compile(r"\s+(?:(?:19|20)\d\d|\d\.0)\s+")
_BRACKETED_WORD = re.compile(r"\s*\([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?\)\s+")
_STAGE_BEFORE = re.compile(r"\b(?:Stage|Phase)\s+\d+\s+$")
# "the 13th Five-Year Plan": an ordinal before a name belongs to it
_ORDINAL_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+$")
# "Culture, Radio, Television, and Tourism Bureau": a comma list of capitalised words the name's head closes.
_CAP = r"[A-Z][\w'’\-]*"
_CHAIN_BEFORE = re.compile(rf"(?:(?<=\s)|^)((?:{_CAP}\s+){{0,3}}{_CAP},\s+(?:{_CAP}(?:\s+{_CAP})?,\s+)*"
                           rf"(?:{_CAP}(?:\s+{_CAP})?,?\s+and\s+)?)$")
_CAPS_AROUND = re.compile(r"[A-Z]{2,}\s+[A-Z]{2,}")  # an acronym inside an all-capitals heading is no organ
_HELD = re.compile(r"\b(?:held|hosted|staged|took place)\s+(?:in|at)\s+(?:the\s+)?")
_BASED_IN = re.compile(r"\b(?:headquartered|based|located|situated|registered)\s+in\s+(?:the\s+)?")
_BASED_HYPHEN = re.compile(r"-based\b")
_BASED_PREFIX = re.compile(r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*-based\s+(?=[A-Z])")
_HEADQUARTERS = re.compile(r"\s+(?:headquarters|head office|home base)\b")
# "X, a unit of Y", "X (XY), the venture capital arm of Y"
_UNIT_OF = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s+(?:a|an|the)\s+(?:[a-z][\w'’\-]*\s+){0,3}?(?:unit|subsidiary|arm|"
                      r"affiliate|division|branch|department|office|bureau|member|part)\s+of\s+(?:the\s+)?")
# "X is part of Y", "X has become a key component of Y"; "the X Office under the Y Government"
_PART_OF_VERB = re.compile(r"\s+(?:is|are|was|were|will be|has become|have become|became|is now)\s+(?:(?:a|an|the)\s+)?"
                           r"(?:[a-z]+\s+){0,2}?(?:part|component|unit|subsidiary|member|branch|division)\s+of\s+"
                           r"(?:the\s+)?")
_FUNDED_BY = re.compile(r"\b(?:jointly |partly |fully |mainly )?(?:funded|financed|bankrolled|sponsored|invested)"
                        r"\s+by\s+")
# a sentence about the document itself: "These measures shall be interpreted by X"
_SELF_REFERENCE = re.compile(r"(?:Article\s+\w+\s+)?(?:These|This|The present)\s+(?:measures|rules|regulations|"
                             r"provisions|opinions|notice|plan|policies|guidelines|scheme)\b", re.IGNORECASE)
# what stands between a verb's subject and the verb: "X jointly set up", "X will provide"
_SUBJECT_GLUE = re.compile(r"\s*(?:(?:\w+ly|will|would|has|have|had|also|to|is|are|was|were)\s+)*")
_LIST_JOIN = re.compile(r"(?:\s*(?:,|and|as well as|the)\s*)*")  # what joins the names of a list
_UNDER = re.compile(r"\s+(?:under|affiliated (?:to|with))\s+(?:the\s+)?")
# "X, backed by Y", "X, a fund financed by Y"
_BACKED_BY = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s+(?:(?:a|an|the)\s+(?:[a-z][\w'’\-]*\s+){0,3}?)?(?:which is\s+|"
                        r"(?:jointly|partly|largely|fully)\s+)?(?:backed|funded|financed|bankrolled|capitali[sz]ed)"
                        r"\s+by\s+(?:the\s+)?")
_LOWER_NEXT = re.compile(r"\s*[a-z]")
_CLAUSE_NEXT = re.compile(r"\s*(?:and|in|by|for|to|with|at|on)\b")
_NAMING = re.compile(r"\b(?:known as|dubbed|called|named|titled|entitled|designated(?: as)?(?: the)?)\s*$")
_PLACE_UNIT = re.compile(r"\s+(office|plant|factory|branch|subsidiary|unit|facility|operations)\b")
_IN = re.compile(r"\s+in\s+(?:the\s+)?")
_POSSESSIVE_BEFORE = re.compile(r"[’']s\s+(?:[a-z\-]+\s+){0,2}")
_JOINT_VENTURE = re.compile(r"\bjoint[ -]ventures?\b")
_NAMED_VENTURE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w$.\-]+\s+){0,4}joint[ -]venture\b")
_FORM_VERB = re.compile(r"\b(?:set up|sets up|setting up|form|forms|formed|forming|establish|establishes|established|"
                        r"build|builds|built|open|opens|opened|"
                        r"unveil|unveils|unveiled|launch|launches|launched|create|creates|created|announced|"
                        r"announces|found|founded|co-founded)\b")
# policy documents: "Measures for ...", "Plan on ...", "Opinions of ..."
_DOCUMENT_TITLE = re.compile(r"^(?:\w+\s+)*?(?:Measures|Plan|Opinions|Regulations|Rules|Guidelines|Policies|Scheme|"
                             r"Notice|Programme|Program|Provisions)\s+(?:for|on|of|to)\s")
_TITLE_PLACE = re.compile(rf"\s+in\s+(?:the\s+)?(?:{_CAP}\s+){{0,6}}(?:Zone|Area|District|Province|City|Region|"
                          rf"Park|Port|County|New Area)(?:\s+in\s+{_CAP}(?:\s+{_CAP})?)?\b")
_GUIDANCE = re.compile(r"\b(?:under|with)\s+the\s+(?:guidance|leadership|auspices|direction)\s+of\s+(?:the\s+)?")
_AGENCY_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:the\s+)?")
_FOUNDING_WORDS = re.compile(r"\b(?:fund|company|subsidiary|plant|factory|branch|facility|centre|center|base)\b")
_NEW_UNIT = re.compile(r"\s+(?:a|an|its|a new|its first)\s+((?:[a-z][\w&\-]*\s+){0,3}?(?:company|subsidiary|plant|"
                       r"factory|branch|facility|base|centre|center|headquarters))\s+in\s+(?:the\s+)?")
# "Invest Hong Kong (InvestHK)", "Free Trade Port (FTP)": an acronym in parentheses closing a name
# One word of Hanyu Pinyin (Yiwu, Xi'an, Zhengzhou): syllables of an initial and a final.
_PINYIN_WORD = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai"
                          r"|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|v)['’\-]?)+", re.IGNORECASE)
_DIVISION_SUFFIXES = ("City", "County", "District")
_CAPITALISED_AFTER = re.compile(r" [A-Z][a-z]")
_KIND_WORDS = ("strategy", "initiative", "plan", "program", "campaign", "scheme", "policy")
_NAMED_KIND = re.compile(r"\bthe\s+((?:[A-Z0-9][\w\-'’]*\s+(?:(?:and|of|in|for)\s+)?){1,6})"
                         r"((?:[a-z][a-z\-]+\s+)?(?:strategy|initiative|plan|programme|program|campaign|scheme|policy))\b")
_LOWER_ORGAN = re.compile(r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?(provincial|municipal|city|county|district)\s+"
                          r"((?:[a-z]+\s+){0,2}?(?:and\s+[a-z]+\s+)?[a-z]+)\s+(department|bureau|commission)\b")
# "the municipal bureau of commerce", "the city's commerce bureau": the same, written another way
_LOWER_ORGAN_OF = re.compile(r"\b[Tt]he\s+(provincial|municipal|city|county|district)\s+(department|bureau|commission)"
                             r"\s+of\s+((?:[a-z]+\s+){0,3}?[a-z]+)(?=\s*[,.;:)]|\s+(?:said|says|will|has|have|is|was|"
                             r"announced|and\s+the)\b)")
_LOWER_ORGAN_OWNED = re.compile(r"\b[Tt]he\s+(city|province|county|district)['’]s\s+((?:[a-z]+\s+){0,2}?[a-z]+)\s+"
                                r"(department|bureau|commission)\b")
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z'’\-]+)\s+$")
_ACRONYM_IN_NAME = re.compile(r"\s\((?:(?:hereinafter|hereafter)(?: referred to as)?,?\s+(?:the\s+)?[\"“]?)?"
                              r"([A-Z][A-Za-z&]{1,11})[\"”]?\)$")  # "(TSMC)", '(hereinafter "NSC")'
_DATES = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_LEVEL_ORDER = {"site": 0, "town": 0, "district": 1, "county": 1, "city": 2, "region": 3, "province": 3,
                "country": 4}
_NOT_IN_CHINA = ("Hong Kong", "Macao", "Taiwan Province")


@dataclass
class _Candidate:
    cls: str
    start: int  # offsets in the sentence text
    end: int
    name: str
    surface: str
    scope: str = ""
    amount: Amount | None = None
    part_of: _Candidate | None = None  # "X of Y": the Y
    located_in: _Candidate | None = None
    head: str = ""
    is_place: bool = False
    level: str = ""  # for places: province, city, county, district
    rank: int = 0  # preference when two candidates overlap (higher wins)
    children: list[_Candidate] = field(default_factory=list)


@lru_cache(maxsize=1 << 15)  # names recur across a corpus; the vocabulary is immutable and hashable
def _head_of(vocab: EnglishVocabulary, phrase: str) -> tuple[str, str] | None:
    core = _TRAILING_PARENTHESIS.sub("", phrase).strip() if phrase.endswith(")") else phrase.strip()
    core = _ROMAN_TAIL.sub("", core)  # "Big Fund III": the third of its kind
    # the head ends the phrase: search only its last characters (the pattern is anchored at the end)
    match = vocab.head_pattern.search(core, max(0, len(core) - vocab.longest_head - 1))
    if not match:
        return None
    return vocab.head_class[match.group(1).lower()], match.group(1)


def _possessive(word: str) -> bool:
    """"Hebi's" ends a name; "People's" (as in "People's Government") does not."""
    return word.endswith(("'s", "’s")) and not word.lower().startswith("people")


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _without_acronym(name: str) -> str:
    """"Taiwan Semiconductor Manufacturing Co (TSMC)" is named without its acronym, which becomes a
    short name of its own; a parenthesis that is no acronym ("Event (Henan)") stays."""
    acronym = _ACRONYM_IN_NAME.search(name)
    if acronym and sum(c.isupper() for c in acronym.group(1)) >= 2:
        return name[:acronym.start()]
    return name


@lru_cache(maxsize=4)
def _not_name_endings(vocab: EnglishVocabulary) -> tuple[str, ...]:
    """"Hebi City Holds Second Press Conference": a phrase ending in a non-name ("Press Conference") is none."""
    return tuple(" " + name for name in vocab.not_names if " " in name)


@lru_cache(maxsize=4)
def _reader_patterns(vocab: EnglishVocabulary) -> tuple:
    """The vocabulary's patterns for _SentenceReader, compiled once per vocabulary, not per document."""
    word = r"(?!(?:%s)\b)[a-z][a-z\-]*" % "|".join(sorted(_STOP_WORDS | _DETERMINERS | {"and"}))
    heads = vocab.lowercase_head_pattern.pattern[2:-2]
    quote_phrase = re.compile(rf"\s+((?:{word}\s+){{1,5}})({heads})\b")
    closing = r"(?=\s*(?:[^\sa-z]|$|(?:%s)\b))" % "|".join(sorted(_AFTER_QUOTED_TYPE))
    type_nouns = (re.compile(r"\s*([a-z]+\s+[a-z]+)" + closing), re.compile(r"\s*([a-z]+)" + closing))
    multiword_heads = [(re.compile(rf"\b{re.escape(words)}\b"), cls)
                       for words, cls in vocab.head_class.items() if " " in words]
    terms = [(re.compile(rf"\b{re.escape(term)}\b"), term, cls) for term, cls in vocab.standalone_terms.items()]
    # "X's lithium hydroxide plant in Meishan": a unit of the company X (and where it is)
    parts = "|".join(map(re.escape, vocab.enterprise_part_nouns))
    part_words = rf"((?:(?!(?:{'|'.join(sorted(_STOP_WORDS))})\b)[a-z][\w\-]*\s+){{0,4}}(?:{parts}))\b(\s+in\s+)?"
    possessive_part = re.compile(rf"[’']s\s+{part_words}")
    # "X will expand its memory chip plant in Wuxi", "X, which operates a packaging plant in Suzhou"
    owning = "|".join(map(re.escape, vocab.owning_verbs))
    owned_part = re.compile(rf"\b(?:its|their|(?:{owning})\s+(?:a|an|the|its|their)(?:\s+new)?)\s+"
                            rf"(?=[a-z][\w\-]*\s+[a-z]){part_words}")  # "a plant" alone names none
    # "the company", "The fund": a kind noun standing for a name, not opening one
    nouns = "|".join(sorted(map(re.escape, vocab.definite_nouns), key=len, reverse=True))
    definite = re.compile(rf"\b(?:the|The)\s+({nouns})\b(?![\s\-]+[A-Z0-9])(?!['’]s\s+[A-Z])")
    return quote_phrase, type_nouns, multiword_heads, terms, possessive_part, owned_part, definite


class _SentenceReader:
    """Finds the candidates of one sentence; knows the document's jurisdiction."""

    def __init__(self, vocab: EnglishVocabulary, jurisdiction: Jurisdiction, scope: str, places: dict[str, str]):
        self.vocab = vocab
        self.jurisdiction = jurisdiction
        self.scope = scope
        self.places = places  # short name -> label, for places named in this document
        self.place_labels = frozenset(places.values())
        (self._quote_phrase, self._type_nouns, self._multiword_heads, self._terms,
         self.possessive_part, self.owned_part, self.definite_pattern) = _reader_patterns(vocab)

    # -- classification -------------------------------------------------------------
    def head_of(self, phrase: str) -> tuple[str, str] | None:
        """(class, head) of a phrase ending in a head word, ignoring a trailing parenthesis."""
        return _head_of(self.vocab, phrase)

    def qualify(self, name: str) -> tuple[str, str]:
        """Give an unqualified name its document's jurisdiction: the (name, scope)."""
        first = name.split(" ", 1)[0]
        level = self.vocab.level_adjectives.get(first)
        if not level:
            return name, ""
        place = self.jurisdiction.for_level(level)
        return (f"{place} {name}", "") if place else (name, self.scope)

    def local_name(self, phrase: str) -> str:
        """A lowercase phrase named after the document's place: "Hebi new smart city project"."""
        first = phrase.split(" ", 1)[0].capitalize()
        if first in ("National", "State", "Nationwide", "Central"):
            return phrase  # "the national ... development plan" is the country's, not the city's
        level = self.vocab.level_adjectives.get(first)
        place = (self.jurisdiction.for_level(level) if level
                 else self.jurisdiction.city or self.jurisdiction.province)
        return f"{place} {phrase}" if place else phrase

    def classify_phrase(self, text: str, start: int) -> _Candidate | None:
        """A capitalised phrase to a candidate, following "X of Y" / "X for Y" structure."""
        article = _ARTICLE.match(text)
        if article:
            text, start = text[article.end():], start + article.end()
        split = _OF_OR_FOR.search(text)
        if split:
            before, after = text[: split.start()], text[split.end():]
            head = self.head_of(before)
            if head is None:  # "Notice of the General Office ...": the name is further in
                offset = start + split.end()
                return self.classify_phrase(after, offset) if after and after[0].isupper() else None
            inner = self.classify_phrase(after, start + split.end()) if after[:1].isupper() else None
            place = self._leading_place(after, start + split.end()) if inner is None and head[0] == "Agency" else None
            last = text.rfind(" of ")
            if place is None and inner is None and head[0] == "Agency" and last > split.start():
                # "Department of Commerce of Guangdong Province": the place is after the last "of"
                place = self._leading_place(text[last + 4:], start + last + 4)
                if place is not None and place.end - start < len(text.rstrip()):
                    place = None  # the place must close the name
            if place is not None:  # "Bureau of Hengqin", "Bureau of Hengqin Officially Joins ICCA" (a headline)
                text = text[: place.end - start]
                candidate = _Candidate("Agency", start, place.end, "", text, head=head[1], rank=3)
                candidate.name, candidate.scope = _normal(text), ""
                organ = text[: text.rfind(" of ")] if text.endswith(place.surface) else ""
                adjective = {"province": "Provincial", "city": "Municipal"}.get(place.level or "")
                if organ and adjective and " " in place.surface:  # "Department of Commerce of Guangdong Province":
                    # the usual English name (a bare "Bureau of Xuzhou" may be a proper name: kept as written)
                    short = re.sub(r"\s+(?:Province|City|Municipality|(?:Uygur |Zhuang |Hui )?Autonomous Region)$", "",
                                   place.name)
                    candidate.name = f"{short} {adjective} {_normal(organ)}"
                candidate.part_of = place
                candidate.children.append(place)
                return candidate
            cls = head[0]
            if head[1].lower() in ("branch", "sub-branch") and inner is not None and not inner.is_place:
                cls = inner.cls
            if inner is not None and inner.is_place:
                inner = None
            name = text if inner is None else f"{before}{split.group().rstrip()} {inner.name}"
            name, scope = self.qualify(_without_acronym(_normal(name)))
            candidate = _Candidate(cls, start, start + len(text), name, text, scope, head=head[1], rank=3)
            if inner is not None and head[1].lower() in self.vocab.part_heads:
                candidate.part_of = inner
                candidate.children.append(inner)
            return candidate
        head = self.head_of(text)
        if head is None or text in self.vocab.not_names or text.endswith(_not_name_endings(self.vocab)):
            return None
        if text.lower() in self.vocab.generic_phrases or (text.lower() == head[1].lower()
                                                          and (" " not in text or start == 0)):
            return None  # a bare head word: "Bureau", "Platform" (mid-sentence, "the State Council" is a name)
        name, scope = self.qualify(_without_acronym(_normal(text)))
        return _Candidate(head[0], start, start + len(text), name, text, scope, head=head[1], rank=3)

    def _leading_place(self, text: str, start: int) -> _Candidate | None:
        """The place a capitalised text opens with ("Hengqin", "Hunan Province"), when it is a place of the
        document, a province or a city of the divisions."""
        vocab = self.vocab
        suffixed = vocab.place_pattern.match(text)
        if suffixed and vocab.place_suffixes[suffixed.group(2)] not in ("site", "town", "area"):
            short, level = _normal(suffixed.group(1)), vocab.place_suffixes[suffixed.group(2)]
            label = vocab.provinces.get(short) if level == "province" else f"{short} {suffixed.group(2)}"
            if suffixed.group(2) == "Municipality" and short in gazetteer_cities(vocab):
                label = gazetteer_cities(vocab)[short][0]  # "Shenzhen Municipality" is Shenzhen City
            if label:
                return _Candidate("Place", start, start + suffixed.end(), label, suffixed.group(), is_place=True,
                                  level=level, rank=1)
        words = text.split(" ")
        for count in (2, 1):
            short = " ".join(words[:count])
            if len(words) < count or not short.isalpha() and " " not in short:
                continue
            label = (vocab.provinces.get(short) or self.places.get(short)
                     or (short if short in self.place_labels else "")
                     or gazetteer_cities(vocab).get(short, ("",))[0])
            if label and short not in vocab.countries:
                level = "province" if short in vocab.provinces else "city"
                return _Candidate("Place", start, start + len(short), label, short, is_place=True, level=level,
                                  rank=1)
        return None

    # -- passes ---------------------------------------------------------------------
    def capitalised_phrases(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of runs of capitalised words joined by of/and/for/the/&; a possessive ends a run."""
        first = _CAPITAL_WORD.match(text.lstrip())
        skip_to = 0
        if first and first.group() in self.vocab.sentence_starters:
            skip_to = len(text) - len(text.lstrip()) + first.end()
        for start, end in self._runs(text, skip_to):
            words = text[start:end]
            based = _BASED_PREFIX.match(text, start, end)
            if based:  # "Shenzhen-based BGI Genomics": the place says where it is, the name follows
                start = based.end()
            if "'" not in words and "’" not in words:  # no possessive: one run
                yield from self._name_span(text, start, end)
                continue
            for word in _CAPITAL_WORD.finditer(text, start, end):  # "Hebi's Finance Bureau": two runs
                if _possessive(word.group()):
                    yield from self._name_span(text, start, word.end() - 2)
                    following = _CAPITAL_WORD.search(text, word.end(), end)
                    if following is None:
                        break
                    start = following.start()
            else:
                yield from self._name_span(text, start, end)

    def _runs(self, text: str, start: int) -> Iterator[tuple[int, int]]:
        """Runs of capitalised words; a year, a version or a place in brackets between two runs joins them
        when a program head closes the second: "Healthy China 2030 Plan", "Ningbo (Colombo) Products Exhibition"."""
        runs = list(_CAPITAL_RUN.finditer(text, start))
        index = 0
        while index < len(runs):
            begin, end = runs[index].span()
            index += 1
            while index < len(runs) and text[begin:end] not in self.vocab.sentence_starters \
                    and text[begin:end] not in ("The", "A"):
                bracket = _BRACKETED_WORD.match(text, end)
                if bracket is not None and runs[index].start() < bracket.end():
                    joined = index + 1  # "Ningbo (Colombo) …": the bracketed word is a run; the name goes on after it
                    if joined >= len(runs) or runs[joined].start() != bracket.end():
                        break
                elif _YEAR_BETWEEN.fullmatch(text, end, runs[index].start()):
                    joined = index
                else:
                    break
                head = self.head_of(runs[joined].group())
                if head is None or head[0] != "Program":
                    break
                end, index = runs[joined].end(), joined + 1
            yield begin, end

    def _name_span(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        stage = _STAGE_BEFORE.search(text, max(0, start - 12), start) if text[start - 2:start - 1].isdigit() else None
        if stage:  # "Stage 1 Battery Grade ... Plant": the number splits the capitalised run
            start = stage.start()
        elif text[start - 3:start - 1] in ("st", "nd", "rd", "th"):
            ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
            start = ordinal.start() if ordinal else start
        if text[start - 2:start] in (", ", "d "):
            start = self._chain_start(text, start, end)
        if text.startswith((".", ","), end):  # "X Co., Ltd.", "X Inc.": the punctuation is part of the name
            company = _COMPANY_TAIL.match(text, end)
            if company and (text[start:end].endswith(_COMPANY_END_WORDS) and text[end] == "."
                            or company.group().strip(".,").strip()):
                end = company.end()
        tail = _NAME_PARENTHESIS.match(text, end)  # a parenthesis right after a name belongs to it: "Event (Henan)"
        if tail:
            end = tail.end()
        yield from self._split_coordination(text, start, end)

    def _chain_start(self, text: str, start: int, end: int) -> int:
        """Where a name starts that a comma list of capitalised words opens: "the Culture, Tourism,
        Exhibition, and Trade Division", "Forage Industry Processing, Logistics and Trading Park".
        The list must end in "and" (before or inside the run), hold no place and no name of its own,
        and follow "the", or open with two words, or have three items."""
        chain = _CHAIN_BEFORE.search(text, max(0, start - 120), start)
        if chain is None or self.head_of(text[start:end]) is None:
            return start
        body, chain_start = chain.group(1), chain.start()
        if body.startswith(("The ", "the ")):
            body, chain_start = body[4:], chain_start + 4
        if not body.rstrip().endswith(" and") and " and " not in text[start:end]:
            return start
        items = [item.strip() for item in _ITEM_SEPARATOR.split(body) if item.strip()]
        first_words = items[0].split() if items else []
        if (not items or first_words[0] in self.vocab.sentence_starters
                or first_words[0].endswith(("ly", "ing")) or first_words[0].lower() in _DETERMINERS):
            return start
        vocab = self.vocab
        cities = gazetteer_cities(vocab)
        for item in items:
            if (" " in item and self.head_of(item) is not None or item in vocab.provinces or item in vocab.countries
                    or item in cities or item in self.places or item in vocab.organs):
                return start
        before = text[max(0, chain_start - 4):chain_start].lower()
        if before.endswith("the ") or len(first_words) >= 2 or len(items) >= 3:
            return chain_start
        return start

    def _split_coordination(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """"A Department and the B Bureau" is two names; "Science and Technology Bureau" one."""
        phrase = text[start:end]
        for match in _AND.finditer(phrase):
            left, right = phrase[: match.start()], phrase[match.end():]
            right_first = right.split(" ", 1)[0]
            if (right.startswith("the ") or right_first in self.vocab.level_adjectives
                    or right_first in self.vocab.provinces or self.head_of(left) is not None
                    or right_first in gazetteer_cities(self.vocab) and self.head_of(right) is not None
                    or left in self.vocab.enterprises or right in self.vocab.enterprises):  # "Tesla and BYD"
                yield from self._split_coordination(text, start, start + match.start())
                yield from self._split_coordination(text, start + match.end(), end)
                return
        based = _BASED_PREFIX.match(text, start, end)  # "… and Suzhou-based Innovent Biologics"
        yield (based.end() if based else start), end

    def names(self, text: str) -> Iterator[_Candidate]:
        for start, end in self.capitalised_phrases(text):
            phrase = text[start:end]
            article = _ARTICLE.match(phrase)
            organ = self.vocab.organs.get(phrase[article.end():] if article else phrase)
            if organ is not None and article:
                start, phrase = start + article.end(), phrase[article.end():]
            if organ is not None and not _CAPS_AROUND.search(text[max(0, start - 2):end + 2].strip()):
                head = self.head_of(organ)
                yield _Candidate(head[0] if head else "Agency", start, end, organ, phrase, head=phrase, rank=3)
                continue
            known = self.vocab.enterprises.get(phrase[article.end():] if article else phrase)
            if known is not None:  # "Huawei", "CATL": a well-known enterprise by its short name
                if article:
                    start, phrase = start + article.end(), phrase[article.end():]
                yield _Candidate("Enterprise", start, end, phrase, phrase, rank=3)
                continue
            candidate = self.classify_phrase(phrase, start)
            if candidate is None and (self.vocab.enterprise_cue_pattern.search(text, max(0, start - 40), start)
                                      or text.endswith("-based ", 0, start)):  # "Suzhou-based Innovent Biologics"
                candidate = self._cued_company(phrase, start)
            if candidate is None:
                candidate = self._appositive(text, phrase, start, end)
            if candidate is not None and candidate.cls == "Program" and _DOCUMENT_TITLE.search(candidate.name):
                self._title_in_place(text, candidate)
            if candidate is not None and candidate.cls in ("Lab", "Cluster") and text.endswith("-based ", 0, start):
                candidate = replace(candidate, cls="Enterprise")  # "Hangzhou-based Zai Lab": a company
            if candidate is not None:
                yield candidate

    def _title_in_place(self, text: str, candidate: _Candidate) -> None:
        """"Measures for Supporting X in the Y Cooperation Zone in Hengqin": a policy title runs on over
        "in the <zone or division>" (and "in <place>" after it); "Several Measures of Wuxi Municipality on
        Supporting the …": over "on <its subject>"."""
        if text.startswith(" on ", candidate.end):
            subject = _CAPITAL_RUN.match(text, candidate.end + 4)
            if subject is not None:
                candidate.end = subject.end()
                candidate.surface = text[candidate.start:candidate.end]
                candidate.name = _normal(candidate.surface)
            return
        if not text.startswith(" in ", candidate.end):
            return
        where = _TITLE_PLACE.match(text, candidate.end)
        if where is None:
            return
        candidate.end = where.end()
        candidate.surface = text[candidate.start:candidate.end]
        candidate.name = _normal(f"{candidate.name}{where.group()}")

    def governments(self, text: str) -> Iterator[_Candidate]:
        """"the provincial government of Guizhou", "the government of Guizhou province", "the municipal
        government": a people's government named in lowercase, with its place or the document's."""
        if "government" not in text:
            return
        for match in _LOWER_GOVERNMENT.finditer(text):
            level, place = match.group(1), match.group(2)
            if place:
                if place in self.vocab.provinces or (match.group(3) or "").lower() == "province":
                    level = "provincial"
                name = f"{place} {(level or 'municipal').capitalize()} Government"
                yield _Candidate("Agency", match.start(), match.end(), name, match.group(), rank=3)
            elif level in ("provincial", "municipal", "city") and (
                    word := self._place_word_before(text, match.start())):  # "the Yiwu municipal government"
                label = self.vocab.provinces.get(word.group(1)) or word.group(1)
                if level == "provincial":  # "Guangdong Provincial Government", not "… Province Provincial …"
                    label = label.removesuffix(" Province")
                adjective = "Municipal" if level == "city" else level.capitalize()
                yield _Candidate("Agency", word.start(), match.end(), f"{label} {adjective} Government",
                                 text[word.start():match.end()], rank=3)
            elif level in ("provincial", "municipal"):
                name, scope = self.qualify(f"{level.capitalize()} Government")
                if not scope:  # only where the document says which province or city
                    yield _Candidate("Agency", match.start(), match.end(), name, match.group(), rank=3)

    def _place_word_before(self, text: str, position: int) -> re.Match[str] | None:
        """A place's name standing right before ``position`` ("Yiwu" in "the Yiwu municipal government")."""
        word = _WORD_BEFORE.search(text, max(0, position - 30), position)
        if word is None:
            return None
        name = word.group(1)
        known = (name in self.vocab.provinces or name in self.places or name in gazetteer_cities(self.vocab)
                 or (name not in self.vocab.sentence_starters and _PINYIN_WORD.fullmatch(name) is not None))
        return word if known else None

    def _appositive(self, text: str, phrase: str, start: int, end: int) -> _Candidate | None:
        """A name no head classifies, typed by a noun beside it: "X (XHK), the government's investment promotion
        agency", "X, a unit of Y" (after it); "the cultural exchange event X Y" (before it, two words or more)."""
        article = _ARTICLE.match(phrase)
        if article:
            phrase, start = phrase[article.end():], start + article.end()
        vocab = self.vocab
        if (not phrase or phrase in vocab.provinces or phrase in vocab.countries or phrase in self.places
                or phrase in vocab.not_names or phrase.lower() in vocab.generic_phrases
                or phrase in vocab.sentence_starters or _DATES.match(phrase)
                or " " not in phrase and phrase.endswith("ly")):  # "Finally, the company ..."
            return None
        cls = None
        after = vocab.appositive_pattern.match(text, end) if text.startswith((",", " (", "("), end) else None
        if after is not None:
            cls = vocab.appositive_nouns[after.group(2)]
        elif (" " in phrase and phrase.count(" ") >= 1 and not phrase.isupper()
              and (cue := vocab.class_cue_pattern.search(text, max(0, start - 30), start)) is not None):
            cls = vocab.class_cues[cue.group(1)]
            if not text[max(0, cue.start() - 2):cue.start()].strip() and cue.start() > 1 and (
                    text[cue.start() - 2:cue.start() - 1] in ".!?"):
                return None  # "... Fund Sets Up": a cue opening a sentence
        if cls is None:
            return None
        tail = _NAME_PARENTHESIS.match(text, start + len(phrase))
        stop = tail.end() if tail and tail.end() <= end else start + len(phrase)
        surface = text[start:stop]
        name, scope = self.qualify(_normal(surface))
        return _Candidate(cls, start, stop, name, surface, scope, rank=3)

    def _cued_company(self, phrase: str, start: int) -> _Candidate | None:
        """"automaker X", "contractor X": a name after a noun that says it is a company."""
        article = _ARTICLE.match(phrase)
        if article:
            phrase, start = phrase[article.end():], start + article.end()
        if (not phrase or phrase in self.vocab.provinces or phrase in self.vocab.countries
                or phrase in self.vocab.not_names or phrase.lower() in self.vocab.generic_phrases):
            return None
        return _Candidate("Enterprise", start, start + len(phrase), _normal(phrase), phrase, rank=3)

    def quoted(self, text: str) -> Iterator[_Candidate]:
        if "“" not in text and '"' not in text:
            return
        quotes = list(_QUOTE.finditer(text))
        classes: dict[int, str] = {}
        for index in range(len(quotes) - 1, -1, -1):  # right to left: "“A” and “B” loans"
            match = quotes[index]
            inner = (match.group(1) or match.group(2)).strip().rstrip(",.;:")
            if not inner or len(inner.split()) > 12 or (" " not in inner and inner.islower()):
                continue  # a lone lowercase word in quotes is emphasis, not a name
            after, before = text[match.end():], text[: match.start()]
            cls = None
            head = self.head_of(inner)
            noun = self._closing_type_noun(after)
            surface = match.group()
            if noun:
                cls = self.vocab.quoted_type_nouns[noun]
                surface = f"{inner} {noun}"
            elif head:
                cls = head[0]
            else:
                candidate = self._quoted_with_phrase(match, inner, after)
                if candidate is not None:
                    yield candidate
                    continue
            if cls is None:
                preceding = _LAST_WORDS.search(before, max(0, len(before) - 60))
                if preceding:
                    words = preceding.group(1)
                    cls = (self.vocab.quoted_preceding_nouns.get(words)
                           or self.vocab.quoted_preceding_nouns.get(words.split()[-1]))
            if cls is None and _OR_NEXT_QUOTE.match(after) and index + 1 in classes:
                cls = classes[index + 1]
            if cls is None and all(w[:1].isupper() or w in _CONNECTORS for w in inner.split()):
                lowered = inner.lower()
                cls = next((head_cls for pattern, head_cls in self._multiword_heads if pattern.search(lowered)), None)
            if cls is None:
                cls = self._named_as(before, inner, after)
            if cls is None or inner.lower() in self.vocab.generic_phrases:
                continue
            classes[index] = cls
            name, scope = self.qualify(_normal(inner))
            yield _Candidate(cls, match.start(), match.end(), name, surface, scope, rank=4)

    def _named_as(self, before: str, inner: str, after: str) -> str | None:
        """"This policy, known as “X”", "a campaign dubbed “X”": the class noun of the clause before; "the year
        has been designated “X”": a title-case name a government gives is a program."""
        naming = _NAMING.search(before, max(0, len(before) - 30))
        if naming is None:
            return None
        clause = before[: naming.start()]
        clause = clause[max(clause.rfind("."), clause.rfind(";"), len(clause) - 80) + 1:]
        nouns = [m for m in _quoted_noun_pattern(self.vocab).finditer(clause.lower())]
        if nouns:
            return self.vocab.quoted_preceding_nouns[nouns[-1].group(1)]
        if (naming.group().startswith("designated") and " " in inner
                and all(w[:1].isupper() or w in _CONNECTORS for w in inner.split())
                and (not _LOWER_NEXT.match(after) or _CLAUSE_NEXT.match(after))):
            return "Program"
        return None

    def _closing_type_noun(self, after: str) -> str:
        """The type word(s) right after a quote when they close the phrase: “X” campaign, “X” electronic platform."""
        for pattern in self._type_nouns:
            found = pattern.match(after)
            if found and found.group(1) in self.vocab.quoted_type_nouns:
                return found.group(1)
        return ""

    def _quoted_with_phrase(self, match: re.Match[str], inner: str, after: str) -> _Candidate | None:
        """“1+N” loan risk compensation fund pool: the quote modifies a phrase with a head."""
        follow = self._quote_phrase.match(after)
        if not follow:
            return None
        cls = self.vocab.lowercase_heads[follow.group(2)]
        phrase = f"“{_normal(inner)}” {_normal(follow.group(1) + follow.group(2))}"
        end = match.end() + follow.end()
        return _Candidate(cls, match.start(), end, phrase, phrase, head=follow.group(2), rank=5)

    def lowercase(self, text: str) -> Iterator[_Candidate]:
        vocab = self.vocab
        for match in vocab.lowercase_head_pattern.finditer(text):
            if _LETTER.match(text, match.end()):
                continue  # "projects", "planning"
            next_word = _NEXT_WORD.match(text, match.end())
            if next_word and next_word.group(1) not in _CLAUSE_WORDS and not next_word.group(1).endswith("ly"):
                continue  # the phrase goes on: "the cluster industry chain"
            # the modifiers and their determiner are among the last few words before the head
            words = list(_WORDS_AND_PARENTHESES.finditer(text, max(0, match.start() - 400), match.start()))
            modifiers: list[str] = []
            determiner = None
            owner = ""  # "the Guangzhou one-day tour program", "Changan Automobile's autonomous drive program"
            start = match.start()
            for index in range(len(words) - 1, -1, -1):
                word = words[index].group()
                if word.lower() in _DETERMINERS:
                    determiner = word.lower()
                    break
                if modifiers and (word.lower() in _OWNER_DETERMINERS or word.lower() in _CURRENCY_WORDS):
                    determiner = "the"  # "its national ... fund", "a 100 billion yuan ... fund": a definite one
                    break
                if word.startswith("(") or word == "and" or _LOWER_WORD.fullmatch(word):
                    if word in _STOP_WORDS:
                        break
                    modifiers.append(word)
                    start = words[index].start()
                    if len(modifiers) > vocab.max_modifiers:
                        break
                    continue
                if modifiers and word[:1].isupper():
                    owner, determiner, start = self._phrase_owner(words, index, start)
                break
            count = len([m for m in modifiers if m != "and" and not m.startswith("(")])
            needed = vocab.min_modifiers_definite if determiner == "the" else vocab.min_modifiers_indefinite
            if determiner is None or count < needed or count > vocab.max_modifiers:
                continue
            if any(m in vocab.generic_modifiers or m.isdigit() for m in modifiers):
                continue
            phrase = " ".join(reversed(modifiers)) + " " + match.group(1)
            cls = vocab.lowercase_heads[match.group(1)]
            name = f"{owner} {_normal(phrase)}" if owner else self.local_name(_normal(phrase))
            candidate = _Candidate(cls, start, match.end(), name, _normal(phrase) if not owner else name,
                                   head=match.group(1), rank=2)
            if owner.endswith("'s"):  # the owner is named too: "Chongqing Changan Automobile"
                holder = self.classify_phrase(owner[:-2], start)
                if holder is not None and holder.cls == "Enterprise":
                    candidate.children.append(holder)
            owner = _OF_THE.match(text, match.end())
            if owner and match.group(1).split()[-1] in vocab.part_heads:
                inner_start = owner.end()
                inner = next((c for c in self.names(text[inner_start:]) if c.start == 0), None)
                if inner is not None and not inner.is_place:
                    inner.start += inner_start
                    inner.end += inner_start
                    candidate.end = inner.end
                    candidate.name = f"{_normal(phrase)} of the {inner.name}"
                    candidate.surface = text[candidate.start:candidate.end]
                    candidate.part_of = inner
                    candidate.children.append(inner)
            yield candidate
        for pattern, term, cls in self._terms:
            for match in pattern.finditer(text) if term in text else ():  # a plain substring test first
                if _CAPITALISED_BEFORE.search(text, max(0, match.start() - 60), match.start()):
                    continue  # part of a name: "Hebei Special Bonds"
                name = self.local_name(term.replace(" development ", " "))  # "five-year (development) plan": one
                yield _Candidate(cls, match.start(), match.end(), name, match.group(), rank=1)

    def lowercase_organs(self, text: str) -> Iterator[_Candidate]:
        """"the provincial finance department", "the Ningbo municipal commerce bureau": a local organ
        written in lowercase, of the place before it or of the document's place at that level."""
        if "he " not in text or not ("department" in text or "bureau" in text or "commission" in text):
            return  # most sentences name no organ in lowercase: the patterns are slow to fail
        for match in _LOWER_ORGAN.finditer(text):
            level, field, head = match.group(1), match.group(2), match.group(3)
            if field.split()[0] in ("people's", "peoples"):
                continue  # the people's government: governments() reads it
            adjective = "Municipal" if level == "city" else level.capitalize()
            word = self._place_word_before(text, match.start(1))
            place = (self.vocab.provinces.get(word.group(1)) or word.group(1)) if word else (
                self.jurisdiction.for_level(self.vocab.level_adjectives[adjective]))
            if not place:
                continue  # no place said or known: no one body
            field = " ".join(w if w == "and" else w.capitalize() for w in field.split())
            name = (f"{place} {adjective} Department of {field}" if head == "department"
                    else f"{place} {adjective} {field} {head.capitalize()}")
            start = word.start() if word else match.start(1)
            yield _Candidate("Agency", start, match.end(), name, text[start:match.end()], rank=2)
        for match in (*_LOWER_ORGAN_OF.finditer(text), *_LOWER_ORGAN_OWNED.finditer(text)):
            if match.re is _LOWER_ORGAN_OF:
                level, head, field = match.group(1), match.group(2), match.group(3)
            else:
                level, field, head = match.group(1), match.group(2), match.group(3)
                level = {"province": "provincial"}.get(level, level)
            adjective = "Municipal" if level == "city" else level.capitalize()
            place = self.jurisdiction.for_level(self.vocab.level_adjectives[adjective])
            if not place:
                continue
            field = " ".join(w if w == "and" else w.capitalize() for w in field.split())
            name = f"{place} {adjective} {head.capitalize()} of {field}"
            yield _Candidate("Agency", match.start(1), match.end(), name, text[match.start(1):match.end()], rank=2)

    def named_kinds(self, text: str) -> Iterator[_Candidate]:
        """"the Made in China 2025 strategy", "the Greater Bay Area development plan": a capitalised
        name after "the" and before a lowercase program word names that program."""
        if "the " not in text or not any(word in text for word in _KIND_WORDS):
            return  # a cheap test first: the pattern is slow to fail
        for match in _NAMED_KIND.finditer(text):
            words = match.group(1).split()
            if words[0] in self.vocab.sentence_starters or words[-1] in ("and", "of", "in", "for"):
                continue
            name = _normal(match.group(1) + " " + match.group(2))
            yield _Candidate("Program", match.start(1), match.end(2), name, name, rank=2)

    def _phrase_owner(self, words: list[re.Match[str]], index: int, start: int) -> tuple[str, str | None, int]:
        """A capitalised word before a lowercase phrase: a place after a determiner ("the Guangzhou ... program")
        or a possessive ("Chongqing Changan Automobile's ... program", "Guangzhou's ... program"):
        (owner as named, determiner, start)."""
        word = words[index].group()
        bare = _POSSESSIVE_S.sub("", word)
        vocab = self.vocab
        is_place = (bare in self.places or bare in vocab.provinces or bare in gazetteer_cities(vocab)
                    or bare in self.place_labels)
        if bare == word:
            previous = words[index - 1].group().lower() if index else ""
            if is_place and previous in _DETERMINERS:
                return bare, previous, words[index].start()
            return "", None, start
        if is_place:
            return bare, "the", words[index].start()
        first = index
        while first > 0 and index - first < 4 and words[first - 1].group()[:1].isupper() and not (
                words[first - 1].group().endswith((",", ".")) or words[first - 1].group() in _DETERMINERS):
            first -= 1
        if words[first].group() in ("The", "A", "An"):
            first += 1
        owner = " ".join(w.group() for w in words[first:index + 1]).replace("’", "'")
        return owner, "the", words[first].start()

    def cluster_lists(self, text: str) -> Iterator[_Candidate]:
        if "cluster" not in text and "industr" not in text:
            return  # both list patterns need one of these words; most sentences have neither
        seen: set[tuple[int, int]] = set()
        for match in _CLUSTER_LIST.finditer(text):
            clusters = match.group().startswith("cluster")
            for item in self._cluster_items(text, match.start("items"), match.end("items"), seen, True):
                # "industries such as semiconductors, aviation equipment": sectors, not clusters
                if clusters or item.surface[:1].isupper() or "industr" in item.surface or item.head:
                    yield item
        for match in _AND_OTHER.finditer(text):
            start = max(text.rfind(c, 0, match.start()) for c in ".;:(") + 1
            yield from self._cluster_items(text, start, match.start(), seen, False)

    def _cluster_items(self, text: str, start: int, end: int, seen: set[tuple[int, int]],
                       forward: bool) -> Iterator[_Candidate]:
        """Items of a list. After "such as" every item counts; before "and other" the list
        is read backwards and stops at the first item that is not a name."""
        items: list[tuple[int, int]] = []
        cursor = start
        for separator in [*_ITEM_SEPARATOR.finditer(text[start:end]), None]:
            stop = start + separator.start() if separator else end
            items.append((cursor, stop))
            cursor = start + separator.end() if separator else end
        if not forward:
            kept: list[tuple[int, int]] = []
            for item_start, item_end in reversed(items):
                item = text[item_start:item_end]
                if item[:1].isupper():
                    kept.append((item_start, item_end))
                    continue
                tail = _ITEM_TAIL.search(item)
                if tail:
                    kept.append((item_end - len(tail.group(1)), item_end))
                break
            items = kept
        for item_start, item_end in items:
            raw = text[item_start:item_end]
            stripped = raw.strip()
            item = _LEADING_THE.sub("", stripped)
            item_start += len(raw) - len(raw.lstrip()) + len(stripped) - len(item)
            words = item.split()
            if not 2 <= len(words) <= 6 or (item_start, item_end) in seen or words[0].lower() in _STOP_WORDS:
                continue
            head = self.head_of(item)
            if head is not None and head[0] != "Cluster":
                continue
            seen.add((item_start, item_end))
            if item[0].isupper():
                county = _POSSESSIVE_S.sub("", words[0])
                label = self.places.get(county) or self.vocab.provinces.get(county) or f"{county} County"
                place = _Candidate("Place", item_start, item_start + len(county), label, county, is_place=True,
                                   level="county", rank=0)
                cluster = _Candidate("Cluster", item_start, item_start + len(item), _normal(item), item, rank=2,
                                     located_in=place)
                cluster.children.append(place)
            else:
                cluster = _Candidate("Cluster", item_start, item_start + len(item),
                                     self.local_name(_normal(item)), item, rank=2,
                                     head=head[1] if head is not None else "")
            yield cluster


def word_start_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for matches that start a word, as a leading \\b would give."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            position = start + 1  # inside a word: a match may still start at a later word
            continue
        yield match
        position = max(match.end(), start + 1)


def place_mentions(text: str, vocab: EnglishVocabulary) -> list[_Candidate]:
    """"Hebi City", "Qixian County", "Henan": found once per sentence, used twice."""
    found = _place_mentions(text, vocab)
    if "-" not in text:
        return found
    # "Guangdong-Macao ...", "Sino-US": a bare name joined by a hyphen to another word is no place of its own;
    # "Beijing-Tianjin-Hebei region" is one place
    regions = list(_compound_regions(text, vocab))
    kept = [p for p in found
            if not (p.rank == 1 and p.surface == text[p.start:p.end] and p.level in ("province", "city", "country")
                    and (text[p.end:p.end + 1] == "-" and text[p.end + 1:p.end + 2].isupper()
                         or p.start > 0 and text[p.start - 1] == "-" and text[p.start - 2:p.start - 1].isalpha()))
            and not any(r.start <= p.start and p.end <= r.end for r in regions)]
    return kept + regions


_COMPOUND_REGION = re.compile(r"(?!The )([A-Z][a-z]+(?: [A-Z][a-z]+)?(?:-[A-Z][a-z]+(?: [A-Z][a-z]+)?)+)"
                              r"\s+(region|area|Greater Bay Area)\b")


def _compound_regions(text: str, vocab: EnglishVocabulary) -> Iterator[_Candidate]:
    """"the Beijing-Tianjin-Hebei region", "the Guangdong-Hong Kong-Macao Greater Bay Area": places joined
    by hyphens, then "region", "area" or "Greater Bay Area"."""
    if not ("region" in text or "area" in text or "Area" in text):
        return
    cities = gazetteer_cities(vocab)
    for match in _COMPOUND_REGION.finditer(text):
        parts = match.group(1).split("-")
        if all(p in vocab.provinces or p in cities or p in vocab.countries for p in parts):
            yield _Candidate("Place", match.start(), match.end(), match.group(), match.group(), is_place=True,
                             level="region", rank=1)


def _place_mentions(text: str, vocab: EnglishVocabulary) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in word_start_matches(vocab.place_pattern, text):
        short, suffix = _normal(match.group(1)), match.group(2)
        start = match.start()
        level = vocab.place_suffixes[suffix]
        first = short.split()[0]
        if " " in short and (first in vocab.sentence_starters or first == "The" or _POSSESSIVE_S.search(first)
                             or not text[:start].strip() and first.endswith("ing")):
            # "In Zhengzhou City", "Leveraging Colombo Port" opening a sentence: the place is the rest
            short = short.split(" ", 1)[1]
            start = match.start(1) + match.group(1).index(short.split()[0])
            first = short.split()[0]
        if first in vocab.level_adjectives or first in vocab.sentence_starters:
            continue
        if level in ("site", "area", "town") and _CAPITALISED_AFTER.match(text, match.end()):
            continue  # "Hainan Ocean Paradise Resort": the feature starts a longer name
        if level == "province":
            if short not in vocab.provinces:
                continue  # provinces are a closed set: "Strong Manufacturing Province" is not one
            label = vocab.provinces[short]
        elif suffix in _DIVISION_SUFFIXES and not (all(_PINYIN_WORD.fullmatch(w) for w in short.split())
                                                  or short in gazetteer_cities(vocab)):
            continue  # "International Trade City" is a market, not a city: Chinese divisions have pinyin names
        elif suffix == "Municipality" and short in gazetteer_cities(vocab):
            label = gazetteer_cities(vocab)[short][0]  # "Wuxi Municipality" is Wuxi City
        else:
            label = f"{short} {suffix}"
        found.append(_Candidate("Place", start, match.end(), label, text[start:match.end()], is_place=True,
                                level=level, rank=1))
    for match in word_start_matches(vocab.province_pattern, text):
        found.append(_Candidate("Place", match.start(), match.end(), vocab.provinces[match.group(1)],
                                match.group(), is_place=True, level="province", rank=1))
    for match in word_start_matches(vocab.country_pattern, text):
        found.append(_Candidate("Place", match.start(), match.end(), vocab.countries[match.group(1)],
                                match.group(), is_place=True, level="country", rank=1))
    for match in word_start_matches(_multiword_divisions(vocab), text) if "League" in text else ():
        found.append(_Candidate("Place", match.start(), match.end(), match.group(), match.group(), is_place=True,
                                level="city", rank=1))
    cities = gazetteer_cities(vocab)
    for match in word_start_matches(_BARE_WORD, text):
        entry = cities.get(match.group())
        if entry is None or _PLACE_SUFFIX_AFTER.match(text, match.end()):
            continue  # "Jinan City" is read by the place pattern
        previous = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if previous and previous.group().split()[0] not in vocab.sentence_starters | {"The"}:
            continue  # "Xi Jinping", "Li Keqiang": a given name, not a place
        found.append(_Candidate("Place", match.start(), match.end(), entry[0], match.group(), is_place=True,
                                level="city", rank=1))
    return found


@lru_cache(maxsize=4)
def _multiword_divisions(vocab: EnglishVocabulary) -> re.Pattern[str]:
    """City-level divisions whose English name is two words ending in "League" (Hinggan League)."""
    try:
        names = [d.english for d in gazetteer().divisions if d.level == "city" and d.english.endswith(" League")]
    except (RuntimeError, OSError):
        names = []
    return re.compile("(?:%s)\\b" % "|".join(map(re.escape, names)) if names else "(?!)")


@lru_cache(maxsize=4)
def gazetteer_cities(vocab: EnglishVocabulary) -> dict[str, tuple[str, str]]:
    """Pinyin names of China's cities (prefecture and county level) -> (label, province's short name or "").

    Names that are provinces, countries, common words or given names (the vocabulary's list), or
    shorter than its minimum, are left out; a name shared by cities of two provinces has no province."""
    try:
        divisions = gazetteer().divisions
    except (RuntimeError, OSError):  # the gazetteer's data package is missing: no bare city names
        return {}
    province_names = {d.name: d.english for d in divisions if d.level == "province"}
    other_levels = {d.english for d in divisions if d.level == "province"}
    provinces: dict[str, set[str]] = {}
    for division in divisions:
        name = division.english
        if (division.level != "city" or " " in name or len(name) < vocab.gazetteer_min_letters
                or name in vocab.not_gazetteer_places or name in vocab.provinces or name in vocab.countries
                or name in other_levels or not name.isalpha()):
            continue
        provinces.setdefault(name, set()).add(province_names.get(division.province, ""))
    return {name: (f"{name} City", next(iter(found)) if len(found) == 1 else "")
            for name, found in provinces.items()}


def detect_jurisdiction(document: Document, vocab: EnglishVocabulary, sentence_places: list[list[_Candidate]],
                        reporters_dateline: tuple[int, int] | None = None) -> tuple[Jurisdiction, dict[str, str]]:
    """The province and city a document speaks for, and the places it names (short -> label).

    The city must be named near the top (title or lead); the province is the one
    named most, the title counting triple. A foreign wire's dateline (sentence, end) counts for neither.
    """
    cities: Counter[str] = Counter()
    lead_cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    places: dict[str, str] = {}
    lead = {s.index for s in document.sentences[:3]}
    for sentence, sentence_place in zip(document.sentences, sentence_places, strict=True):
        weight = 3 if sentence.index in lead else 1
        for place in sentence_place:
            if reporters_dateline is not None and sentence.index == reporters_dateline[0] \
                    and place.start < reporters_dateline[1]:
                continue  # "SHANGHAI (Reuters)": where the reporter sits
            if place.level in ("site", "area", "town", "region"):
                places.setdefault(place.name, place.name)
                continue  # "Colombo Port" is not what "Colombo" names
            short = _normal(place.surface)
            if short.isupper() and short == place.name.upper():
                short = place.name  # a dateline's "COLOMBO" is what "Colombo" names
            if place.level != "province" or short not in vocab.provinces:
                full = vocab.place_pattern.fullmatch(place.surface)
                short = _normal(full.group(1)) if full else short  # a bare city or country: its name
            places.setdefault(short, place.name)
            if place.level == "province":
                provinces[short] += weight
            elif place.level == "city":
                cities[short] += weight
                lead_cities[short] += sentence.index in lead
        text = sentence.text
        adjectives = _LEVEL_ADJECTIVE.finditer(text) if "Municipal" in text or "Provincial" in text else ()
        for adjective in adjectives:
            short = adjective.group(1)
            if adjective.group(2) == "Provincial" and short in vocab.provinces:
                provinces[short] += weight
            elif adjective.group(2) == "Municipal" and short not in vocab.sentence_starters:
                cities[short] += weight
                places.setdefault(short, f"{short} City")
    province = provinces.most_common(1)[0][0] if provinces else None
    if lead_cities:
        city = max(lead_cities, key=lambda c: (lead_cities[c], cities[c]))
    else:
        city = next(iter(cities)) if len(cities) == 1 else None
    if province in vocab.regions_without_cities and city is not None \
            and gazetteer_cities(vocab).get(city, ("", ""))[1] != province and provinces[province] >= cities[city]:
        city = None  # a Hong Kong release on firms in Shenzhen speaks for Hong Kong
    return Jurisdiction(province=province, city=city), places


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _replace_last(items: list[Mention], old: Mention, new: Mention) -> None:
    """Put ``new`` where the last ``old`` (by identity) stands: recent items are found at once."""
    for at in range(len(items) - 1, -1, -1):
        if items[at] is old:
            items[at] = new
            return


def _overlapping(spans: list[tuple[int, int, int]], candidate: _Candidate) -> int | None:
    """The index of a chosen name overlapping ``candidate``, from disjoint sorted spans."""
    at = bisect.bisect_left(spans, (candidate.start, candidate.end, -1))
    for neighbour in (at - 1, at):
        if 0 <= neighbour < len(spans):
            start, end, index = spans[neighbour]
            if start < candidate.end and candidate.start < end:
                return index
    return None


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping names, longest and most specific first; places may nest."""
    chosen: list[_Candidate] = []
    spans: list[tuple[int, int, int]] = []  # (start, end, index in chosen): sorted, disjoint; bisect, not scan
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start)):
        if candidate.is_place:
            continue
        if _overlapping(spans, candidate) is None:
            spans.insert(bisect.bisect_left(spans, (candidate.start, candidate.end, -1)),
                         (candidate.start, candidate.end, len(chosen)))
            chosen.append(candidate)
    names = list(chosen)
    taken = {(c.start, c.end) for c in chosen}
    places: list[_Candidate] = []
    for place in (c for c in candidates if c.is_place):
        at = _overlapping(spans, place)
        holder = names[at] if at is not None else next((p for p in places if _overlaps(place, p)), None)
        if holder is not None and (holder.head and place.end == holder.end
                                   and holder.head.lower() in place.surface.lower()):
            continue  # "Innovation City" is the name's head, not a place
        if holder is not None and place.level != "province":
            continue
        if (place.start, place.end) in taken:
            continue
        taken.add((place.start, place.end))
        places.append(place)
        chosen.append(place)
    return sorted(chosen, key=lambda c: (c.start, c.end))


@dataclass
class _DocumentState:
    """Mentions so far, for the relation rules that look back (pronouns, measures)."""

    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    part_objects: set[str] = field(default_factory=set)  # keys that something is partOf, kept as relations come
    located_subjects: set[str] = field(default_factory=set)  # keys already locatedIn somewhere
    measure: Mention | None = None
    section: Mention | None = None
    main_program: Mention | None = None
    counter: int = 0
    sentences: list[tuple[Sentence, list[Mention]]] = field(default_factory=list)


class EnglishExtractor:
    def __init__(self, document: Document, vocab: EnglishVocabulary | None = None):
        self.document = document
        self.vocab = vocab or english()
        self.sentence_places = [place_mentions(s.text, self.vocab) for s in document.sentences]
        self._dateline_end: dict[int, int] = {}  # sentence index -> where its dateline ends
        self._reporters_dateline: tuple[int, int] | None = None  # (sentence, end) of a foreign wire's dateline
        self._dateline()
        self._place_levels: dict[str, str] = {}  # place label -> level
        self.jurisdiction, self.places = detect_jurisdiction(document, self.vocab, self.sentence_places,
                                                             self._reporters_dateline)
        self._dateline_names()
        self._shorts: dict[str, str] = {}  # short form of a company named so far -> its name
        self._short_pattern: re.Pattern[str] | None = None
        self._short_classes: dict[str, str] = {}  # an acronym's class, when it is no company's short name
        self.reader = _SentenceReader(self.vocab, self.jurisdiction, document.doc_id, self.places)
        self.state = _DocumentState()
        self._sources = SentenceSources(document.doc_id)
        alternation = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        city = re.escape(self.jurisdiction.city or "")
        self._city_named = re.compile(rf"\b{city}\b|(?i:\bthe city\b|\blocal\b)")
        self._receive = re.compile(rf"\b(?:{alternation(self.vocab.receive_verbs)})\b")
        self._give = re.compile(rf"\b(?:{alternation(self.vocab.give_verbs)})\b")
        self._issue = re.compile(rf"(?:\s*,[^,]{{0,60}},)?\s+(?:\w+\s+){{0,2}}?"
                                 rf"(?:{alternation(self.vocab.responsibility_verbs)})\b")

    def _dateline(self) -> None:
        """"HENGQIN, CHINA – ..." or "NEW YORK Qualcomm ...": the places a newswire story opens with."""
        paragraphs = sorted({s.paragraph for s in self.document.sentences})[:3]
        previous = -1
        for sentence in self.document.sentences:
            opens_paragraph, previous = sentence.paragraph != previous, sentence.paragraph
            if sentence.paragraph not in paragraphs or sentence.index == 0 or not opens_paragraph:
                continue  # a dateline opens a paragraph: "…in Europe. BYD Co Ltd said" holds none
            match = _dateline_pattern(self.vocab).match(sentence.text)
            if match and len(match.group(1)) >= 3 and len(sentence.text) > match.end() + 20:
                places = self.sentence_places[sentence.index]
                for group in (1, 2):
                    if match.group(group):
                        written = _DATELINE_NOISE.sub("", match.group(group)).rstrip("-")
                        places.append(self._dateline_place(written, match.start(group)))
                self._dateline_end[sentence.index] = match.end()
                wire = re.match(r"\s*\(([^()]+)\)", sentence.text[match.end():])
                if wire and wire.group(1) in self.vocab.reporters_datelines:  # "SHANGHAI (Reuters)"
                    self._reporters_dateline = (sentence.index, match.end())
                return
            if sentence.paragraph != paragraphs[0]:
                return  # only the first sentence of the body opens with a dateline

    def _dateline_names(self) -> None:
        """A place only the dateline names ("HENGQIN, CHINA") is that place where the text names it again."""
        names = {c.name for index in self._dateline_end for c in self.sentence_places[index]
                 if c.level == "district" and c.name.replace(" ", "").isalpha()}
        if not names:
            return
        pattern = re.compile(r"\b(%s)\b" % "|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        for sentence, places in zip(self.document.sentences, self.sentence_places, strict=True):
            cut = self._dateline_end.get(sentence.index, 0)
            for match in pattern.finditer(sentence.text, cut) if any(n in sentence.text for n in names) else ():
                places.append(_Candidate("Place", match.start(), match.end(), match.group(), match.group(),
                                         is_place=True, level="district", rank=1))

    def _dateline_place(self, written: str, start: int) -> _Candidate:
        vocab = self.vocab
        name = " ".join(w if w in ("U.S.", "U.K.") else w.capitalize() for w in written.split())
        city = gazetteer_cities(vocab).get(name)
        if name in vocab.countries:
            label, level = vocab.countries[name], "country"
        elif name in vocab.provinces:
            label, level = vocab.provinces[name], "province"
        elif city is not None:
            label, level = city[0], "city"
        elif all(_PINYIN_WORD.fullmatch(w) for w in name.lower().split()):
            label, level = name, "district"  # "HENGQIN": a Chinese place the divisions do not list
        else:
            label, level = name, "abroad"  # "SEOUL": no place of the document's city
        return _Candidate("Place", start, start + len(written), label, written, is_place=True, level=level, rank=1)

    # -- mentions --------------------------------------------------------------------
    def _source(self, sentence: Sentence) -> Source:
        return self._sources(sentence)

    def _mention(self, candidate: _Candidate, sentence: Sentence, cls: str | None = None) -> Mention:
        self.state.counter += 1
        mention = Mention(
            key=f"m{self.state.counter}", cls=cls or candidate.cls, name=candidate.name,
            surface=_normal(candidate.surface.strip("“”\"")), source=self._source(sentence),
            start=sentence.start + candidate.start, end=sentence.start + candidate.end, language="en",
            scope=candidate.scope, amount=candidate.amount,
            translations=self._known_enterprise(candidate.name) if (cls or candidate.cls) == "Enterprise" else (),
        )
        self.state.mentions.append(mention)
        if candidate.is_place and candidate.level:
            self._place_levels.setdefault(candidate.name, candidate.level)
        return mention

    def _relate(self, subject: Mention, predicate: str, obj: Mention, where: Sentence | Source,
                amount: Amount | None = None) -> None:
        if subject.key != obj.key:
            source = self._source(where) if isinstance(where, Sentence) else where
            self.state.relations.append(RelationMention(subject.key, predicate, obj.key, source, amount))
            if predicate == "partOf":
                self.state.part_objects.add(obj.key)
            elif predicate == "locatedIn":
                self.state.located_subjects.add(subject.key)

    def _place_mention(self, sentence: Sentence, label: str, surface: str, start: int) -> Mention:
        candidate = _Candidate("Place", start, start + len(surface), label, surface, is_place=True)
        return self._mention(candidate, sentence)

    def sentence_candidates(self, sentence: Sentence) -> list[_Candidate]:
        text = sentence.text
        if sentence.index in self._dateline_end:  # "NEW YORK Qualcomm Inc": the dateline is no part of a name
            cut = self._dateline_end[sentence.index]
            text = " " * cut + text[cut:]
        reader = self.reader
        candidates = [*reader.names(text), *reader.quoted(text), *reader.lowercase(text), *reader.governments(text),
                      *reader.named_kinds(text), *reader.lowercase_organs(text),
                      *self.sentence_places[sentence.index], *reader.cluster_lists(text), *self._short_names(text)]
        if sentence.index == 0:
            candidates = [self._headline_name(c) for c in candidates if not self._headline_only_site(c)]
        return _select(candidates)

    def _headline_only_site(self, candidate: _Candidate) -> bool:
        """A title-case headline capitalises every word: "Ancient Port, New Voyages" names no port. A site or
        town the headline names is a place only when the body names it too."""
        if not candidate.is_place or candidate.level not in ("site", "town", "area"):
            return False
        sentences = self.document.sentences
        return len(sentences) > 1 and self.document.text.find(candidate.surface, sentences[1].start) < 0

    def _headline_name(self, candidate: _Candidate) -> _Candidate:
        """A title-case headline runs words into a name: "Global Media Explore Hainan Free Trade Port" is
        "Hainan Free Trade Port". A cluster or lab named after a place starts at the place."""
        if candidate.cls not in ("Cluster", "Lab") or candidate.is_place:
            return candidate
        words = candidate.name.split(" ")
        for index in range(1, len(words) - 1):
            if words[index] in self.vocab.provinces or words[index] in gazetteer_cities(self.vocab):
                cut = len(" ".join(words[:index])) + 1
                return replace(candidate, start=candidate.start + cut, name=" ".join(words[index:]),
                               surface=candidate.surface[cut:])
        return candidate

    def _known_enterprise(self, name: str) -> tuple[str, ...]:
        """A well-known enterprise's English name (vocab/enterprises.toml), its resolution key, for a
        company named by it, its short form or with a legal form: "BYD", "Qualcomm Inc"."""
        known = self.vocab.enterprises.get(name) or self.vocab.enterprises.get(_COMPANY_TAIL.sub("", name).strip(" ,"))
        return (known,) if known and known != name else ()

    def _known_as(self, sentence: Sentence, candidate: _Candidate, mentions: list[Mention]) -> _Candidate:
        """"the National IC Industry Investment Fund, known as the Big Fund": the second name is the
        first's, here and further on."""
        previous = mentions[-1] if mentions else None
        if previous is None or previous.cls == "Place" or candidate.is_place or candidate.surface in self._shorts:
            return candidate
        gap = sentence.text[previous.end - sentence.start:candidate.start]
        if not _KNOWN_AS.fullmatch(gap):
            return candidate
        self._shorts[candidate.surface] = previous.name
        self._short_classes[candidate.surface] = previous.cls
        self._short_pattern = _short_pattern(self._shorts)
        return replace(candidate, cls=previous.cls, name=previous.name, rank=4)

    def _register_short_names(self, mentions: list[Mention]) -> None:
        """"Qualcomm Inc" is "Qualcomm" further on, "Chongqing Changan Automobile" is "Changan"."""
        added = False
        for mention in mentions:
            acronym = _ACRONYM_IN_NAME.search(mention.surface) if mention.surface.endswith(")") else None
            if (acronym and sum(c.isupper() for c in acronym.group(1)) >= 2 and acronym.group(1) not in self._shorts
                    and acronym.group(1) not in self.vocab.provinces):
                # "Invest Hong Kong (InvestHK)": "InvestHK" names it further on, whatever its class
                self._shorts[acronym.group(1)] = mention.name
                self._short_classes[acronym.group(1)] = mention.cls
                added = True
            if mention.cls != "Enterprise" or " " not in mention.name or mention.scope:
                continue
            words = _COMPANY_TAIL.sub("", mention.name).replace(",", "").split()
            while words and (words[0] in self.vocab.provinces or words[0] in self.vocab.countries
                             or words[0] in gazetteer_cities(self.vocab)):
                words = words[1:]
            for short in {" ".join(words), words[0] if words else ""}:
                if (len(short) >= 4 and short != mention.name and short[:1].isupper() and short not in self.places
                        and short.lower() not in self.vocab.head_class and short not in self._shorts):
                    self._shorts[short] = mention.name
                    added = True
        if added:
            self._short_pattern = _short_pattern(self._shorts)

    def _short_names(self, text: str) -> Iterator[_Candidate]:
        if self._short_pattern is None:
            return
        for match in self._short_pattern.finditer(text):
            yield _Candidate(self._short_classes.get(match.group(), "Enterprise"), match.start(), match.end(),
                             self._shorts[match.group()], match.group(), rank=4)

    # -- the document ---------------------------------------------------------------------
    def run(self) -> Extraction:
        by_paragraph: dict[int, list[Sentence]] = {}
        for sentence in self.document.sentences:
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        for sentences in by_paragraph.values():
            self._paragraph(sentences)
        self._government_hierarchy()
        self._organ_hierarchy()
        self._joint_ventures()
        self._place_hierarchy()
        self._names_holding_places()
        self._local_places()
        return Extraction(self.document.doc_id, self.document.title, "en", self.jurisdiction,
                          tuple(self.state.mentions), tuple(self.state.relations), len(self.document.text))

    def _paragraph(self, sentences: list[Sentence]) -> None:
        paragraph_mentions: list[tuple[Sentence, Mention]] = []
        for sentence in sentences:
            title = self._measure_title(sentence)
            if title is not None:
                paragraph_mentions.append((sentence, title))
            mentions: list[Mention] = []
            amounts = list(english_money(sentence.text))
            for candidate in self.sentence_candidates(sentence):
                candidate = self._known_as(sentence, candidate, mentions)
                candidate.amount = _stated_amount(candidate, amounts, sentence.text)
                mention = self._mention(candidate, sentence)
                mentions.append(mention)
                self._children(candidate, mention, sentence, mentions)
            self._definite_references(sentence, mentions)
            self._units(sentence, mentions)
            self._owned_units(sentence, mentions)
            self._register_short_names(mentions)
            self._main_program(sentence, mentions)
            self._responsibility(sentence, mentions)
            self._passive_responsibility(sentence, mentions)
            self._adjacent_places(sentence, mentions)
            self._funding(sentence, mentions, amounts)
            self._where(sentence, mentions)
            self._founded(sentence, mentions, amounts)
            self._nationality(sentence, mentions)
            self._unit_of(sentence, mentions)
            self._funded_by(sentence, mentions)
            self._location(sentence, mentions)
            self.state.sentences.append((sentence, mentions))
            paragraph_mentions.extend((sentence, m) for m in mentions)
        self._parenthesised_responsibility(sentences, paragraph_mentions)

    def _government_hierarchy(self) -> None:
        """A government is part of its place; its jurisdiction's bureaus are part of it."""
        agencies = [m for m in self.state.mentions if m.cls == "Agency"]
        has_parent = {r.subject for r in self.state.relations if r.predicate == "partOf"}
        first_by_name: dict[str, Mention] = {}
        for mention in agencies:
            first_by_name.setdefault(mention.name, mention)
        for government in first_by_name.values():
            if not re.search(r"Government$", government.name) or re.match(r"General Office", government.name):
                continue
            short = next((p for p in sorted(self.places, key=len, reverse=True)
                          if re.search(rf"\b{re.escape(p)}\b", government.name)), None)
            if short is None:
                continue
            place_label = self.places[short]
            place = Mention(f"{government.key}p", "Place", place_label, short, government.source,
                            government.start, government.end)
            self.state.mentions.append(place)
            self._relate(government, "partOf", place, government.source)
            for agency in first_by_name.values():
                if (agency is government or re.search(r"Government$", agency.name)
                        or not agency.name.startswith(short + " ")):
                    continue
                if any(m.key in has_parent for m in agencies if m.name == agency.name):
                    continue
                self._relate(agency, "partOf", government, agency.source)

    def _organ_hierarchy(self) -> None:
        """National organs whose names hold the organ over them are part of it (organs.organ_parts),
        cited where the part is first named."""
        for part, whole in organ_parts(self.state.mentions, self.vocab.organ_parents):
            self._relate(part, "partOf", whole, part.source)

    def _place_hierarchy(self) -> None:
        """Places named in one document: a city in its province, a province of China in China,
        "Jinshi Port" in Jinshi; national organs are part of China."""
        first: dict[str, Mention] = {}
        for mention in self.state.mentions:
            if mention.cls in ("Place", "Agency"):
                first.setdefault(mention.name, mention)
        labels = {name for name, m in first.items() if m.cls == "Place"}
        cities = gazetteer_cities(self.vocab)
        china = first.get("China") if "China" in labels else None
        for name in sorted(labels):
            place = first[name]
            level = self._place_levels.get(name, "")
            parent = None
            short = name[:-5] if name.endswith(" City") else ""
            province = cities.get(short, ("", ""))[1] if short else ""
            if province and self.vocab.provinces.get(province) in labels:
                parent = first[self.vocab.provinces[province]]
            elif level == "province" and name not in _NOT_IN_CHINA and china is not None:
                parent = china
            elif level == "town" and " " in name:
                owner = self.places.get(name.rsplit(" ", 1)[0])
                parent = first.get(owner) if owner else None
            if parent is not None:
                self._relate(place, "locatedIn", parent, place.source)
        if china is not None:
            for name, agency in first.items():
                if agency.cls == "Agency" and (name in self.vocab.organ_names or name == "State Council"):
                    self._relate(agency, "partOf", china, agency.source)

    def _adjacent_places(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"Jinshi, Hunan Province", "HENGQIN, CHINA": a place, then a larger one after a comma."""
        places = [m for m in mentions if m.cls == "Place"]
        for first, second in zip(places, places[1:], strict=False):
            between = self.document.text[first.end:second.start]
            if between.strip() in (",", "in", ", in") and (
                    _LEVEL_ORDER.get(self._place_levels.get(first.name, ""), 1)
                    < _LEVEL_ORDER.get(self._place_levels.get(second.name, ""), 1)):
                self._relate(first, "locatedIn", second, sentence)

    def _units(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"China Construction Bank (Jinshi division)": part of the bank, in Jinshi; "X Co., Ltd's
        lithium plant in Meishan": a plant, part of X, in Meishan."""
        text = sentence.text
        for mention in list(mentions):
            if mention.cls not in ("Enterprise", "Agency"):
                continue
            unit = _UNIT_IN_PARENTHESIS.match(mention.name) if mention.name.endswith(")") else None
            if unit:
                # "X (Jinshi division)" would merge with X (names compare without parentheses): named without them
                renamed = replace(mention, name=f"{unit.group(1)} {unit.group(2)} {unit.group(3)}",
                                  surface=f"{unit.group(2)} {unit.group(3)}")
                _replace_last(self.state.mentions, mention, renamed)  # from the end: it was just added
                _replace_last(mentions, mention, renamed)
                mention = renamed
                whole_candidate = _Candidate(mention.cls, mention.start - sentence.start,
                                             mention.start - sentence.start + len(unit.group(1)), unit.group(1),
                                             unit.group(1))
                whole = self._mention(whole_candidate, sentence)
                mentions.append(whole)
                self._relate(mention, "partOf", whole, sentence)
                label = self.places.get(unit.group(2))
                if label:
                    at = text.find(unit.group(2), mention.start - sentence.start)
                    self._relate(mention, "locatedIn", self._place_mention(sentence, label, unit.group(2), at),
                                 sentence)
            if mention.cls != "Enterprise":
                continue
            part = self.reader.possessive_part.match(text, mention.end - sentence.start)
            if part is not None:
                self._company_unit(sentence, mentions, part, mention)

    def _definite_references(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"the company", "the fund", "the park": the one name of that kind in this sentence before it and
        the two sentences before, so that what the sentence says of it is said of that name."""
        text = sentence.text
        if "the " not in text.lower():
            return
        found = False
        for match in self.reader.definite_pattern.finditer(text):
            noun = match.group(1).lower()
            cls = self.vocab.definite_nouns[noun]
            position = sentence.start + match.start()
            earlier = [m for m in self._recent_mentions(sentence) if m.cls == cls and m.end <= position
                       and (cls != "Agency" or noun in m.name.lower()) and m.name[:1].isupper()]
            if len({m.name for m in earlier}) != 1:
                continue  # none, or two bureaus named: which one is not said
            antecedent, end = earlier[0], position + len(match.group())
            self.state.counter += 1
            reference = Mention(key=f"m{self.state.counter}", cls=cls, name=antecedent.name,
                                surface=antecedent.surface, source=self._source(sentence),
                                start=end - len(match.group(1)), end=end, language="en", scope=antecedent.scope,
                                translations=antecedent.translations)
            self.state.mentions.append(reference)
            mentions.append(reference)
            found = True
        if found:
            mentions.sort(key=lambda m: m.start)

    def _recent_mentions(self, sentence: Sentence) -> Iterator[Mention]:
        """The document's mentions in this sentence and the two before, latest first: how far back "the
        company" looks (read from the end, so the look costs the same however long the document)."""
        window = self.document.sentences[max(0, sentence.index - 2)].start
        for mention in reversed(self.state.mentions):
            if mention.source.start < window:
                return
            yield mention

    def _owned_units(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"X will expand its memory chip plant in Wuxi": a plant, part of the company named before
        it in the sentence, in Wuxi."""
        text = sentence.text
        if not any(m.cls == "Enterprise" for m in mentions):
            return
        asides = [a.span() for a in _RELATIVE_ASIDE.finditer(text)]  # ", which supplies X and Y,"
        for part in self.reader.owned_part.finditer(text):
            owners = [m for m in mentions if m.cls == "Enterprise" and m.end - sentence.start <= part.start()
                      and m.scope != self.document.doc_id
                      and not any(a <= m.start - sentence.start < b <= part.start() for a, b in asides)]
            if owners:
                self._company_unit(sentence, mentions, part, owners[-1])

    def _company_unit(self, sentence: Sentence, mentions: list[Mention], part: re.Match[str], owner: Mention) -> None:
        """The plant or branch ``part`` names: part of ``owner``, and in the place right after "in"."""
        phrase = _normal(part.group(1))
        candidate = _Candidate("Enterprise", part.start(1), part.end(1), phrase, phrase, scope=self.document.doc_id)
        unit = self._mention(candidate, sentence)
        mentions.append(unit)
        self._relate(unit, "partOf", owner, sentence)
        place = next((m for m in mentions if m.cls == "Place" and m.start - sentence.start == part.end()), None)
        if place is not None and part.group(2):
            self._relate(unit, "locatedIn", place, sentence)

    def _passive_responsibility(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"the event was hosted by X", "a plan led by X": X is responsible for the thing before."""
        text = sentence.text
        guided = " of " in text and "under " in text.lower()
        if " by " not in text and not guided:
            return
        offset = sentence.start
        matches = [*_PASSIVE_BY.finditer(text), *(_GUIDANCE.finditer(text) if guided else ())]
        for match in matches:
            agency = next((m for m in mentions if m.cls == "Agency" and m.start - offset == match.end()), None)
            if agency is None:
                continue
            agencies = [agency]  # "organised by X, Y and Z": each of them
            for other in mentions:
                if (other.cls == "Agency" and other.start > agencies[-1].end
                        and _AGENCY_LIST_GLUE.fullmatch(text, agencies[-1].end - offset, other.start - offset)):
                    agencies.append(other)
            targets = [m for m in mentions if m.end - offset <= match.start()
                       and (m.cls in ("Program", "Fund", "Lab", "Cluster")
                            or m.cls == "Agency" and _LED_GROUP.search(m.name))
                       and not _CLAUSE_END.search(text, m.end - offset, match.start())]
            target = targets[-1] if targets else None
            if target is None and _SELF_REFERENCE.match(text):  # "These measures shall be interpreted by X"
                target = self.state.main_program
            if target is None and match.re is _GUIDANCE:  # "Under the guidance of X, Y launched P"
                target = next((m for m in mentions if m.start >= agencies[-1].end
                               and m.cls in ("Program", "Fund", "Lab", "Cluster")), None)
            for responsible in agencies if target is not None else ():
                self._relate(responsible, "responsibleFor", target, sentence)

    def _children(self, candidate: _Candidate, mention: Mention, sentence: Sentence,
                  mentions: list[Mention]) -> None:
        for child in candidate.children:
            child_mention = self._mention(child, sentence)
            mentions.append(child_mention)
            if candidate.part_of is child:
                self._relate(mention, "partOf", child_mention, sentence)
            if candidate.located_in is child:
                self._relate(mention, "locatedIn", child_mention, sentence)
            self._children(child, child_mention, sentence, mentions)

    def _measure_title(self, sentence: Sentence) -> Mention | None:
        """Numbered measures of a plan: "(1) Enterprise listing operations." and "1. Lock the ..."."""
        text = sentence.text
        section = _SECTION.match(text) if text.startswith("(") else None
        measure = _MEASURE.match(text) if _NUMBERED.search(text) else None  # a cheap test first
        if section:
            title = section.group(2).strip()
            self.state.section = self._titled_program(sentence, title, sentence.text.index(title))
            self.state.measure = None
            if self.state.main_program is not None:
                self._relate(self.state.section, "partOf", self.state.main_program, sentence)
            return self.state.section
        elif measure and len(measure.group(2).split()) <= 12:
            title = measure.group(2).strip()
            self.state.measure = self._titled_program(sentence, title, measure.start(2))
            parent = self.state.section or self.state.main_program
            if parent is not None:
                self._relate(self.state.measure, "partOf", parent, sentence)
            return self.state.measure
        return None

    def _titled_program(self, sentence: Sentence, title: str, offset: int) -> Mention:
        candidate = _Candidate("Program", offset, offset + len(title), title, title, scope=self.document.doc_id)
        return self._mention(candidate, sentence)

    def _main_program(self, sentence: Sentence, mentions: list[Mention]) -> None:
        if self.state.main_program is None:
            for mention in mentions:
                if mention.cls == "Program" and _PLAN_WORD.search(mention.name):
                    self.state.main_program = mention
                    return

    def _current_object(self) -> Mention | None:
        return self.state.measure or self.state.section or self.state.main_program

    def _responsibility(self, sentence: Sentence, mentions: list[Mention]) -> None:
        text = sentence.text
        agencies = [m for m in mentions if m.cls == "Agency"]
        targets = [m for m in mentions if m.cls in ("Program", "Fund", "Lab", "Cluster")
                   or (m.cls == "Agency" and _LED_GROUP.search(m.name))]
        # "X is responsible for ..." outside parentheses
        breaks = [b.start() for b in _CLAUSE_END.finditer(text)] if agencies else []  # found once: linear
        for match in _RESPONSIBLE.finditer(text) if "responsible" in text or "in charge" in text else ():
            if text.rfind("(", 0, match.start()) > text.rfind(")", 0, match.start()):
                continue
            at = bisect.bisect_left(breaks, match.start())
            last_break = breaks[at - 1] if at else -1  # the last clause end before the phrase
            subjects = [a for a in agencies if last_break < a.end - sentence.start <= match.start()]
            objects = [t for t in targets if t.start - sentence.start >= match.end()]
            obj = objects[0] if objects else self._current_object()
            if subjects and obj is not None:
                self._relate(subjects[-1], "responsibleFor", obj, sentence)
        # "X issued / launched P"
        for agency in agencies:
            verb = self._issue.match(text, agency.end - sentence.start)
            if not verb:
                continue
            window = verb.end()
            following = [t for t in targets if 0 <= t.start - sentence.start - window <= 40
                         and self._object_of_verb(text[window:t.start - sentence.start])]
            if following:
                self._relate(agency, "responsibleFor", following[0], sentence)

    def _object_of_verb(self, gap: str) -> bool:
        """Whether a name after ``gap`` is what the verb before it acts on: not past another clause,
        nor inside a purpose ("issued a plan to develop its cluster"), unless that purpose is itself
        launching or setting up ("issued a notice to launch the X Program")."""
        if _CLAUSE_TURN.search(gap):
            return False
        purpose = gap.rfind(" to ")
        if purpose < 0:
            return True
        verb = gap[purpose + 4:].split(" ", 1)[0]
        return verb in self.vocab.responsibility_verbs

    def _parenthesised_responsibility(self, sentences: list[Sentence],
                                      paragraph_mentions: list[tuple[Sentence, Mention]]) -> None:
        """"(The X, Y and Z are responsible)" or a bare list of agencies closing a measure."""
        if not sentences:
            return
        start, end = sentences[0].start, sentences[-1].end
        text = self.document.text[start:end]
        measures: list[tuple[int, Mention]] = [(m.start, m) for _, m in paragraph_mentions
                                               if m.cls == "Program" and m.scope == self.document.doc_id]
        for open_at, close_at in _parentheses(text):
            inside = [(s, m) for s, m in paragraph_mentions
                      if m.cls == "Agency" and start + open_at < m.start and m.end <= start + close_at]
            if not inside:
                continue
            body = text[open_at + 1:close_at]
            has_marker = any(marker in body.lower() for marker in self.vocab.responsibility_markers)
            residue = body
            for _, mention in inside:
                residue = residue.replace(self.document.text[mention.start:mention.end], " ")
            bare_list = not _LIST_GLUE.sub("", residue)
            if not (has_marker or bare_list or len(inside) >= 2 and body.count(",") >= len(inside) - 1):
                continue
            before = [m for pos, m in measures if pos - start < open_at]
            target = before[-1] if before else self.state.main_program
            if target is None:
                continue
            for sentence, agency in inside:
                self._relate(agency, "responsibleFor", target, sentence)

    def _funding(self, sentence: Sentence, mentions: list[Mention], amounts: list[AmountSpan]) -> None:
        text = sentence.text
        receivers = any(m.cls == "Fund" for m in mentions)  # receiving needs a fund, giving an amount
        for verb in self._receive.finditer(text) if amounts and " from " in text else ():
            self._received_from(sentence, mentions, amounts, verb)
        for verb in self._receive.finditer(text) if receivers else ():
            obj = next((m for m in mentions if m.cls == "Fund" and m.start - sentence.start >= verb.end()
                        and m.start - sentence.start - verb.end() < 40), None)
            if obj is None:
                continue
            subject = self._subject_before(sentence, mentions, verb.start())
            amount = _amount_after(amounts, obj.end - sentence.start, text)
            if subject is not None:
                self._relate(obj, "funds", subject, sentence, amount)
        for verb in self._give.finditer(text) if amounts else ():
            funders = [m for m in mentions if m.cls in ("Agency", "Fund", "Enterprise")
                       and m.end - sentence.start <= verb.start()
                       and ";" not in text[m.end - sentence.start:verb.start()]]
            recipients = [m for m in mentions if m.start - sentence.start >= verb.end() and m.cls != "Place"
                          and m.start - sentence.start - verb.end() <= 120
                          and not _CLAUSE_TURN.search(text, verb.end(), m.start - sentence.start)]
            if not funders or not recipients or not amounts:
                continue
            amount = next((a for a in amounts if a.start >= verb.start()
                           and not _CLAUSE_TURN.search(text, verb.end(), a.start)), None)
            if amount is None:
                continue
            joint = self._coordinated(text, sentence.start, mentions, verb.start()) or funders[-1:]
            for funder in joint:  # "X and Y jointly set up": both; the sum is theirs together
                self._relate(funder, "funds", recipients[0], sentence, amount.amount if len(joint) == 1 else None)

    def _coordinated(self, text: str, offset: int, mentions: list[Mention], verb: int) -> list[Mention]:
        """The names joined by commas and "and" right before the verb at ``verb`` ("ZTE and the Suzhou
        Industrial Park jointly set up"): the subjects of that verb. A park acts through its administration."""
        joined: list[Mention] = []
        at = verb
        for mention in sorted((m for m in mentions if m.end - offset <= verb), key=lambda m: -m.start):
            glue = _SUBJECT_GLUE if not joined else _LIST_JOIN
            if mention.cls not in ("Agency", "Enterprise", "Fund", "Cluster") or not glue.fullmatch(
                    text, mention.end - offset, at):
                break
            joined.append(mention)
            at = mention.start - offset
        return joined[::-1]

    def _received_from(self, sentence: Sentence, mentions: list[Mention], amounts: list[AmountSpan],
                       verb: re.Match[str]) -> None:
        """"The park received 20 million yuan in subsidies from the Bureau of Commerce": the giver after
        "from" funds the receiver before the verb, with the sum between them."""
        text, offset = sentence.text, sentence.start
        source = _FROM.search(text, verb.end())
        if source is None or _CLAUSE_END.search(text, verb.end(), source.start()) or source.start() - verb.end() > 80:
            return
        giver = next((m for m in mentions if m.start - offset == source.end()
                      and m.cls in ("Agency", "Fund", "Enterprise")), None)
        receiver = next((m for m in reversed(mentions) if m.end - offset <= verb.start() and m.cls != "Place"
                         and not _CLAUSE_END.search(text, m.end - offset, verb.start())), None)
        amount = next((a for a in amounts if verb.end() <= a.start < source.start()), None)
        if giver is not None and receiver is not None and amount is not None and giver.key != receiver.key:
            self._relate(giver, "funds", receiver, sentence, amount.amount)

    def _subject_before(self, sentence: Sentence, mentions: list[Mention], position: int) -> Mention | None:
        """The agency a receiving verb belongs to, following "it" and "the bureau" back."""
        before = [m for m in mentions if m.cls == "Agency" and m.end - sentence.start <= position]
        if before:
            return before[-1]
        clause = sentence.text[:position].lower()
        if _PRONOUN.search(clause):
            # the subject of the nearest earlier sentence that names an agency (its first agency)
            for earlier in reversed(self.document.sentences[max(0, sentence.index - 3):sentence.index]):
                named = [m for m in self.state.mentions if m.cls == "Agency" and m.source.start == earlier.start]
                if named:
                    return min(named, key=lambda m: m.start)
        return None

    def _where(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """Where things are, as the sentence says it: "P was held in X", "X is headquartered in Y",
        "Austria-based firm X", "X, a Suzhou-based firm", "its Chongqing headquarters", "Wanning's Riyue Bay",
        "the X Industrial Park in Y"."""
        text, offset = sentence.text, sentence.start
        places = [m for m in mentions if m.cls == "Place"]
        if not places and "held" not in text:
            return
        at = {m.start - offset: m for m in mentions}
        things = [m for m in mentions if m.cls != "Place" or self._place_levels.get(m.name) in ("site", "town")]
        for match in _HELD.finditer(text) if "held" in text or "hosted" in text or "took place" in text else ():
            event = next((m for m in reversed(mentions) if m.cls == "Program" and m.end - offset <= match.start()
                          and not _CLAUSE_END.search(text, m.end - offset, match.start())), None)
            if event is None:
                continue
            venue = at.get(match.end())
            if venue is None:  # "held at Tianmu Qintai in Hengqin": a venue named only here
                run = _CAPITAL_RUN.match(text, match.end())
                if run is None or run.group() in self.vocab.sentence_starters or _DATES.match(run.group()):
                    continue  # "held in June"
                venue = self._place_mention(sentence, _normal(run.group()), run.group(), run.start())
                self._place_levels.setdefault(venue.name, "site")
                mentions.append(venue)
                places.append(venue)
                inner = _IN.match(text, run.end())
                larger = at.get(inner.end()) if inner else None
                if larger is not None and larger.cls == "Place":
                    self._relate(venue, "locatedIn", larger, sentence)
            if venue.cls == "Place":
                self._relate(event, "locatedIn", venue, sentence)
        for place in places:
            start, end = place.start - offset, place.end - offset
            if _BASED_HYPHEN.match(text, end):  # "Austria-based firm X" / "X, a Suzhou-based firm"
                after = next((m for m in mentions if m.cls != "Place" and 0 < m.start - offset - end <= 60
                              and re.fullmatch(r"-based(?:\s+[a-z][\w\-]*,?){0,5}\s+", text[end:m.start - offset])),
                             None)
                before = next((m for m in mentions if m.cls != "Place" and re.fullmatch(
                    r",\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+)?", text[m.end - offset:start])), None)
                thing = after or before
                if thing is not None:
                    self._relate(thing, "locatedIn", place, sentence)
            if text.endswith("its ", 0, start) and _HEADQUARTERS.match(text, end):  # "from its Chongqing headquarters"
                owner = next((m for m in mentions if m.cls == "Enterprise" and m.end <= place.start), None)
                if owner is not None:
                    self._relate(owner, "locatedIn", place, sentence)
            elif text.endswith("its ", 0, start) and (unit := _PLACE_UNIT.match(text, end)):
                # "upgraded its Hong Kong office": a unit of the company, in that place
                owner = next((m for m in reversed(mentions) if m.cls == "Enterprise" and m.end <= place.start), None)
                if owner is not None:
                    phrase = f"{place.surface} {unit.group(1)}"
                    candidate = _Candidate("Enterprise", start, unit.end(), f"{owner.name} {phrase}", phrase,
                                           scope=self.document.doc_id)
                    created = self._mention(candidate, sentence)
                    mentions.append(created)
                    self._relate(created, "partOf", owner, sentence)
                    self._relate(created, "locatedIn", place, sentence)
            possessive = _POSSESSIVE_BEFORE.match(text, end)
            if possessive:
                owned = at.get(possessive.end())
                if owned is not None and owned in things and owned.cls != "Agency":
                    self._relate(owned, "locatedIn", place, sentence)
            elif text.startswith(" ", end) and (site := at.get(end + 1)) is not None and site.cls == "Place" \
                    and self._place_levels.get(site.name) in ("site", "town") and site.name != place.name:
                self._relate(site, "locatedIn", place, sentence)  # "the Guangzhou International Bio Island"
        for match in _BASED_IN.finditer(text) if "based" in text or "ted in" in text else ():
            place = at.get(match.end())
            if place is None or place.cls != "Place":
                continue
            subject = next((m for m in reversed(things) if m.end - offset <= match.start()
                            and not _CLAUSE_END.search(text, m.end - offset, match.start())
                            and match.start() - (m.end - offset) <= 80), None)
            if subject is not None:
                self._relate(subject, "locatedIn", place, sentence)
        for thing in things:  # "the Pilot Plant in Jinshi", "Ming Dynasty City Wall in Yuexiu Park"
            if thing.cls == "Agency":
                continue
            inner = _IN.match(text, thing.end - offset)
            place = at.get(inner.end()) if inner else None
            if place is not None and place.cls == "Place" and place.key != thing.key:
                self._relate(thing, "locatedIn", place, sentence)

    def _unit_of(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"X, a unit of Y", "X, the investment arm of Y", "X is part of Y", "X under Y" (agencies, funds,
        labs under an agency): X is part of Y. "X, backed by Y": Y funds X."""
        text, offset = sentence.text, sentence.start
        if " of " not in text and " by " not in text and " under " not in text and " affiliated " not in text:
            return
        at = {m.start - offset: m for m in mentions if m.cls != "Place"}
        for mention in mentions:
            if mention.cls == "Place":
                continue
            stated = _PART_OF_VERB.match(text, mention.end - offset)
            whole = at.get(stated.end()) if stated else None
            if whole is not None and whole is not mention:
                self._relate(mention, "partOf", whole, sentence)  # "X is part of Y"
                continue
            under = _UNDER.match(text, mention.end - offset) if mention.cls in ("Agency", "Fund", "Lab") else None
            whole = at.get(under.end()) if under else None
            if whole is not None and whole.cls == "Agency" and whole is not mention:
                self._relate(mention, "partOf", whole, sentence)  # "the X Office under the Y Government"
        if "," not in text:
            return
        for mention in mentions:
            if mention.cls == "Place" or not text.startswith((",", " ("), mention.end - offset):
                continue
            unit = _UNIT_OF.match(text, mention.end - offset)
            if unit is not None:
                whole = at.get(unit.end())
                if whole is not None and whole.cls in (mention.cls, "Agency", "Enterprise") and whole is not mention:
                    self._relate(mention, "partOf", whole, sentence)
                continue
            backed = _BACKED_BY.match(text, mention.end - offset)
            funder = at.get(backed.end()) if backed else None
            if funder is not None and funder.cls in ("Agency", "Enterprise", "Fund"):
                self._relate(funder, "funds", mention, sentence)

    def _funded_by(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"a fund of 5 billion yuan, jointly funded by the municipal government and X Group": each body
        after "funded by" funds the fund, program or lab named last before it in the sentence."""
        text, offset = sentence.text, sentence.start
        if " by " not in text:
            return
        for passive in _FUNDED_BY.finditer(text):
            funded = [m for m in mentions if m.cls in ("Fund", "Program", "Lab", "Cluster")
                      and m.end - offset <= passive.start() and not _CLAUSE_TURN.search(text, m.end - offset,
                                                                                         passive.start())]
            if not funded:
                continue
            at = passive.end()
            for funder in sorted((m for m in mentions if m.start - offset >= at), key=lambda m: m.start):
                if funder.cls not in ("Agency", "Enterprise", "Fund") or not _LIST_JOIN.fullmatch(
                        text, at, funder.start - offset):
                    break  # the list of funders ends
                self._relate(funder, "funds", funded[-1], sentence)
                at = funder.end - offset

    def _nationality(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"Italian company Moleskine", "the German carmaker X": a company with a nationality is in that country."""
        text, offset = sentence.text, sentence.start
        vocab = self.vocab
        for mention in mentions:
            if mention.cls != "Enterprise":
                continue
            start = mention.start - offset
            cue = vocab.enterprise_cue_pattern.search(text, max(0, start - 40), start)
            if cue is None:
                continue
            demonym = _demonym_pattern(vocab).search(text, max(0, cue.start() - 60), cue.start())
            if demonym is None:
                continue
            place = self._place_mention(sentence, vocab.demonyms[demonym.group(1)], demonym.group(1), demonym.start())
            self._place_levels.setdefault(place.name, "country")
            self._relate(mention, "locatedIn", place, sentence)

    def _investment_by(self, sentence: Sentence, mentions: list[Mention], amounts: list[AmountSpan],
                       invested: re.Match[str]) -> None:
        """"Built with an investment of 2.3 billion yuan by the municipal government, the park …" and "the
        park, built with an investment of … by X": X funds the thing built, with the sum."""
        text, offset = sentence.text, sentence.start
        amount = next((a for a in amounts if a.start == invested.end()), None)
        by = _BY.match(text, amount.end) if amount is not None else None
        investor = next((m for m in mentions if by is not None and m.start - offset == by.end()
                         and m.cls in ("Agency", "Enterprise", "Fund")), None)
        if amount is None or investor is None:
            return
        built = [m for m in mentions if m.end - offset <= invested.start() and m.cls not in ("Place", "Agency")
                 and not _CLAUSE_END.search(text, m.end - offset, invested.start())]
        if not built:  # the participle opens the sentence: what it built is the subject after the comma
            comma = text.find(",", investor.end - offset)
            built = [m for m in mentions if comma >= 0 and m.start - offset > comma and m.cls not in ("Place", "Agency")
                     and not text[comma + 1:m.start - offset].strip(" ").lower().startswith(("and", "which"))][:1]
        investors, at = [investor], investor.end - offset
        following = sorted((m for m in mentions if m.start - offset >= at and m.cls != "Place"), key=lambda m: m.start)
        for other in following:
            if other.cls not in ("Agency", "Enterprise", "Fund") or not _LIST_JOIN.fullmatch(text, at,
                                                                                             other.start - offset):
                break  # "by the municipal government and X Group": both, the sum theirs together
            investors.append(other)
            at = other.end - offset
        for payer in investors if built and built[-1] not in investors else ():
            self._relate(payer, "funds", built[-1], sentence, amount.amount if len(investors) == 1 else None)

    def _founded(self, sentence: Sentence, mentions: list[Mention], amounts: list[AmountSpan]) -> None:
        """"X and Y set up a 10 billion yuan fund F": the founders fund F. "X will establish an investment
        company in Guizhou": a unit of X, in Guizhou."""
        text, offset = sentence.text, sentence.start
        if not any(m.cls in ("Enterprise", "Agency") for m in mentions):
            return
        for passive in _SET_UP_BY.finditer(text) if amounts and " by " in text else ():
            # "The X Fund, set up by the municipal government with 500 million yuan": the founder pays the sum
            fund = next((m for m in reversed(mentions) if m.cls == "Fund" and m.end - offset <= passive.start()
                         and not _CLAUSE_END.search(text, m.end - offset, passive.start())), None)
            founder = next((m for m in mentions if m.start - offset == passive.end()
                            and m.cls in ("Agency", "Enterprise")), None)
            paid = _WITH_SUM.match(text, founder.end - offset) if founder is not None else None
            amount = next((a.amount for a in amounts if paid is not None and a.start == paid.end()), None)
            if fund is not None and founder is not None and amount is not None:
                self._relate(founder, "funds", fund, sentence, amount)
        for invested in _INVESTMENT_BY.finditer(text) if amounts and "investment of" in text else ():
            self._investment_by(sentence, mentions, amounts, invested)
        for verb in _FORM_VERB.finditer(text) if _FOUNDING_WORDS.search(text) else ():
            founders = [m for m in mentions if m.cls in ("Agency", "Enterprise") and m.end - offset <= verb.start()
                        and verb.start() - (m.end - offset) <= 150
                        and not _CLAUSE_END.search(text, m.end - offset, verb.start())]
            if not founders:
                continue
            founders = sorted({*founders, *self._coordinated(text, offset, mentions, verb.start())},
                              key=lambda m: m.start)  # "X and the Y Park set up": the park too
            fund = next((m for m in mentions if m.cls == "Fund" and 0 <= m.start - offset - verb.end() <= 60
                         and not _CLAUSE_END.search(text, verb.end(), m.start - offset)), None)
            if fund is not None:
                amount = next((a.amount for a in amounts if verb.end() <= a.start < fund.end - offset), None)
                for founder in founders:  # the fund's size is no one founder's share of it
                    self._relate(founder, "funds", fund, sentence, amount if len(founders) == 1 else None)
                continue
            unit = _NEW_UNIT.match(text, verb.end())
            owner = founders[-1]
            if unit is None or owner.cls != "Enterprise":
                continue
            place = next((m for m in mentions if m.cls == "Place" and m.start - offset == unit.end()), None)
            if place is None:
                continue
            phrase = _normal(unit.group(1))
            cls = "Lab" if re.search(r"\b(?:research|r&d|innovation|laborator)", phrase) else "Enterprise"
            name = f"{owner.name} {phrase} in {place.surface}"
            candidate = _Candidate(cls, unit.start(1), unit.end(1), name, phrase, scope=self.document.doc_id)
            created = self._mention(candidate, sentence)
            mentions.append(created)
            if cls == "Enterprise":
                self._relate(created, "partOf", owner, sentence)
            self._relate(created, "locatedIn", place, sentence)

    def _names_holding_places(self) -> None:
        """"Guizhou Huaxintong ... Co Ltd" is in Guizhou, "Beijing Normal University" in Beijing, "Guangzhou
        Municipal ... Bureau" part of Guangzhou (unless the text gave it a government to belong to)."""
        located = {(r.subject, r.predicate) for r in self.state.relations}
        by_key = {m.key: m for m in self.state.mentions}
        named = {(by_key[s].name, p) for s, p in located if s in by_key}
        done: set[str] = set()
        for mention in list(self.state.mentions):
            if mention.name in done or mention.cls == "Place" and self._place_levels.get(mention.name) not in (
                    "site", "town"):
                continue
            done.add(mention.name)
            predicate = "partOf" if mention.cls == "Agency" else "locatedIn"
            if (mention.name, predicate) in named:
                continue
            if "'s " in mention.name:
                continue  # "X's program" is where X's things are, not named after a place
            if mention.cls == "Program" and _BRACKETED_WORD.search(mention.name):
                continue  # "Ningbo (Colombo) … Exhibition": Ningbo's event, held in Colombo
            place = self.reader._leading_place(mention.name, 0)
            if (place is None or place.name == mention.name or place.level == "country"
                    or not mention.surface.startswith(place.surface)):
                continue  # "Hebi special bonds" named so by the document's place, not by the text
            if mention.cls == "Agency" and not re.match(r"\S+(?: \S+)? (?:Municipal|Provincial|County|District)\b",
                                                        mention.name):
                continue  # "Guangzhou Municipal X Bureau"; "Shanghai Stock Exchange" is no agency of Shanghai
            holder = Mention(f"{mention.key}n", "Place", place.name, place.surface, mention.source,
                             mention.start, mention.start + len(place.surface))
            self.state.mentions.append(holder)
            self._place_levels.setdefault(place.name, place.level)
            self._relate(mention, predicate, holder, mention.source)

    def _local_places(self) -> None:
        """Counties, banners, towns and sites of a city's document that the text places nowhere else are
        in that city ("Zhalaite Banner" in a Hinggan League release)."""
        city = self.jurisdiction.city
        if not city:
            return
        label = self.places.get(city)
        placed = self.state.located_subjects
        by_name: dict[str, list[Mention]] = {}
        for mention in self.state.mentions:
            if mention.cls == "Place":
                by_name.setdefault(mention.name, []).append(mention)
        target = next(iter(by_name.get(label or "", [])), None)
        if target is None:
            return
        for name, group in by_name.items():
            level = self._place_levels.get(name)
            if (level not in ("county", "district", "town", "site") or name == label
                    or any(m.key in placed for m in group)):
                continue
            if level not in ("county", "district") and not any(city in m.source.sentence for m in group):
                continue  # a site or town: only where the sentence names the city too
            self._relate(group[0], "locatedIn", target, group[0].source)

    def _joint_ventures(self) -> None:
        """"X and Y unveiled a joint venture", "... announced Z Co Ltd, a joint venture": the partners that set
        the venture up fund it. The venture is the company the text calls one (only one per document)."""
        ventures = {m.name: m for sentence, mentions in self.state.sentences for m in mentions
                    if m.cls == "Enterprise" and _NAMED_VENTURE.match(sentence.text, m.end - sentence.start)}
        if len(ventures) != 1:
            return
        venture = next(iter(ventures.values()))
        for sentence, mentions in self.state.sentences:
            text = sentence.text
            if "venture" not in text:
                continue
            for found in _JOINT_VENTURE.finditer(text):
                verb = next((v for v in _FORM_VERB.finditer(text, 0, found.start())
                             if not _CLAUSE_END.search(text, v.end(), found.start())), None)
                if verb is None:
                    continue
                for partner in mentions:
                    if (partner.cls in ("Agency", "Enterprise") and partner.end - sentence.start <= verb.start()
                            and partner.name != venture.name
                            and not _CLAUSE_END.search(text, partner.end - sentence.start, verb.start())):
                        self._relate(partner, "funds", venture, sentence)

    def _location(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """Labs and clusters in a sentence about the document's city are in that city."""
        city = self.jurisdiction.city
        if not city:
            return
        text = sentence.text
        lowered = text.lower()
        if city not in text and "city" not in lowered and "local" not in lowered:
            return  # a cheap test first: the full pattern is slow to fail
        named = self._city_named.search(text)
        if not named:
            return
        inner_keys = self.state.part_objects
        label = self.places.get(city, f"{city} City")
        place = None
        for mention in mentions:
            if mention.key in inner_keys or mention.cls not in ("Lab", "Cluster", "Program"):
                continue
            if mention.cls == "Program" and not _LOCAL_BEFORE.search(text, 0, mention.start - sentence.start):
                continue
            if mention.key in self.state.located_subjects:
                continue
            own = self.reader._leading_place(mention.name, 0)
            if own is not None and own.surface not in (mention.name, city) and own.name not in (city, label):
                continue  # "the Ningbo National High-tech Zone" in a sentence about Hangzhou is in Ningbo
            if place is None:
                place = self._place_mention(sentence, label, named.group(), named.start())
            self._relate(mention, "locatedIn", place, sentence)


def _short_pattern(shorts: dict[str, str]) -> re.Pattern[str]:
    """The short names of a document's entities, as whole words not inside a longer name."""
    alternation = "|".join(map(re.escape, sorted(shorts, key=len, reverse=True)))
    return re.compile(rf"(?<![\w\-])(?<![A-Z][\w\-]\s)({alternation})(?![\w\-]|\s+[A-Z])")


@lru_cache(maxsize=4)
def _dateline_pattern(vocab: EnglishVocabulary) -> re.Pattern[str]:
    return re.compile(_DATELINE.format(agencies="|".join(map(re.escape, vocab.news_agencies))))


@lru_cache(maxsize=4)
def _quoted_noun_pattern(vocab: EnglishVocabulary) -> re.Pattern[str]:
    """The nouns that say what a quoted name names, as whole words."""
    nouns = "|".join(re.escape(n) for n in sorted(vocab.quoted_preceding_nouns, key=len, reverse=True))
    return re.compile(rf"(?<!-)\b({nouns})\b(?!-)")


@lru_cache(maxsize=4)
def _demonym_pattern(vocab: EnglishVocabulary) -> re.Pattern[str]:
    """A nationality adjective, then up to three lowercase words, ending where a company's cue noun starts."""
    names = "|".join(re.escape(d) for d in sorted(vocab.demonyms, key=len, reverse=True))
    return re.compile(rf"\b({names})\s+(?:[a-z][\w\-]*\s+){{0,3}}$")


def _parentheses(text: str) -> Iterator[tuple[int, int]]:
    """Outermost balanced parenthesis pairs (offsets of "(" and ")")."""
    depth, opened = 0, 0
    for found in _PARENTHESIS.finditer(text):
        index, char = found.start(), found.group()
        if char == "(":
            if depth == 0:
                opened = index
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                yield opened, index


def _stated_amount(candidate: _Candidate, amounts: Iterable[AmountSpan], text: str) -> Amount | None:
    """"a 100 million yuan fund pool": an amount just before a fund names its size."""
    if candidate.cls != "Fund":
        return None
    for amount in amounts:
        if amount.end <= candidate.start and not text[amount.end:candidate.start].strip(" “\""):
            return amount.amount
    return None


def _amount_after(amounts: Iterable[AmountSpan], position: int, text: str) -> Amount | None:
    for amount in amounts:
        if amount.start >= position and re.fullmatch(r"\s*(?:amounting to|of|worth|totall?ing|at)?\s*",
                                                     text[position:amount.start]):
            return amount.amount
    return None


def extract_english(document: Document, vocab: EnglishVocabulary | None = None) -> Extraction:
    return EnglishExtractor(document, vocab).run()
