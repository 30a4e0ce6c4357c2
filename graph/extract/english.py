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

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Amount, Document, Extraction, Jurisdiction, Mention, RelationMention, Sentence, Source
from .amounts import AmountSpan, english_money
from .gazetteer import gazetteer
from .sources import SentenceSources
from .vocab import EnglishVocabulary, english

_WORD_CHARS = r"A-Za-z0-9'’\-"
# A capitalised word: "Bureau", "5G", "14th"-style tokens only when they hold a capital.
_CAPITAL_WORD = re.compile(rf"(?<![{_WORD_CHARS}])(?:[A-Z]|[0-9][a-z0-9'’\-]*[A-Z])[{_WORD_CHARS}]*")
# Capitalised words joined by connectors: "Department of Industry and Information Technology", "R&D".
_CONNECTOR = r"(?:(?:of|for)(?:\s+a)?|and|the)"
_CAPITAL_RUN = re.compile(rf"{_CAPITAL_WORD.pattern}(?:(?:\s+(?:{_CONNECTOR}\s+)*|\s*&\s*(?:{_CONNECTOR}\s+)*)"
                          rf"(?:[A-Z]|[0-9][a-z0-9'’\-]*[A-Z])[{_WORD_CHARS}]*)*")
_NAME_PARENTHESIS = re.compile(r"\s*\([A-Z][^()]{0,30}\)")
_CONNECTORS = {"of", "and", "for", "the", "&"}
_QUOTE = re.compile(r"“([^”\n]{1,120})”|\"([^\"\n]{1,120})\"")
_DETERMINERS = {"the", "a", "an"}
_STOP_WORDS = {"of", "to", "in", "for", "with", "by", "on", "from", "at", "is", "was", "are", "were", "has",
               "have", "be", "been", "that", "which", "as", "into", "its", "their", "this", "these", "or"}
_CLAUSE_WORDS = _STOP_WORDS | {"and", "was", "will", "has", "had", "can", "should", "shall", "would", "were",
                                "is", "are", "be", "being", "so", "but", "while", "where", "when", "not"}
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
_RESPONSIBLE = re.compile(r"\b(?:is|are)\s+(?:responsible|in charge)\b")
_CLAUSE_END = re.compile(r"[.;]")
_LOCAL_BEFORE = re.compile(r"\blocal\s*$")
_LEVEL_ADJECTIVE = re.compile(r"\b([A-Z][a-z'’\-]+) (Municipal|Provincial)\b")
# "Co., Ltd." and "Inc." after a run of capitalised words: the comma and periods belong to the name.
_COMPANY_TAIL = re.compile(r"(?:\.?,?\s*(?:Co|Ltd|Inc|Corp|LLC|PLC|Limited)\b\.?)+|\.")
_COMPANY_END_WORDS = ("Co", "Ltd", "Inc", "Corp")
# A bare capitalised word (a city's pinyin name); a possessive "Ningbo's" still counts.
_BARE_WORD = re.compile(r"[A-Z][a-z]+\b(?![\-])")
_PLACE_SUFFIX_AFTER = re.compile(r"\s+(?:City|Municipality|Prefecture|County|District|Province)\b")
# A newswire dateline opening the first paragraphs: "HENGQIN, CHINA – ...", "NEW YORK Qualcomm ...".
_CAPS = r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*"
_DATELINE = re.compile(rf"({_CAPS})(?:,\s*({_CAPS}))?(?=\s*[-–—,/]|\s+[A-Z][a-z])")
_DATELINE_NOISE = re.compile(r"\s+(?:SAR|S\.A\.R\.)$")
# "X (Jinshi division)": a division, branch or plant of X in a place.
_UNIT_IN_PARENTHESIS = re.compile(r"^(.*\S)\s*\(([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?)\s+"
                                  r"(division|branch|sub-branch|office|plant|factory|subsidiary)\)$")
# "hosted by X", "was organised by X": X is responsible for what comes before.
_PASSIVE_BY = re.compile(r"\b(?:hosted|organi[sz]ed|led|launched|issued|sponsored|backed|run|initiated|released|"
                         r"formulated|implemented|co-hosted|co-organi[sz]ed|supervised|overseen)\s+by\s+"
                         r"(?:the\s+)?(?:[a-z]+\s+){0,2}?(?=[A-Z])")
_LOWER_GOVERNMENT = re.compile(r"\b(?:the\s+)?(?:(provincial|municipal|city|county|district)\s+)?government"
                               r"(?:\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s+(province|city|county))?\b"
                               r"|(?=[\s,.;]))")
_STAGE_BEFORE = re.compile(r"\b(?:Stage|Phase)\s+\d+\s+$")
_CAPS_AROUND = re.compile(r"[A-Z]{2,}\s+[A-Z]{2,}")  # an acronym inside an all-capitals heading is no organ
_LEVEL_ORDER = {"town": 0, "district": 1, "county": 1, "city": 2, "province": 3, "country": 4}
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


@lru_cache(maxsize=4)
def _reader_patterns(vocab: EnglishVocabulary) -> tuple:
    """The vocabulary's patterns for _SentenceReader, compiled once per vocabulary, not per document."""
    word = r"(?!(?:%s)\b)[a-z][a-z\-]*" % "|".join(sorted(_STOP_WORDS | _DETERMINERS | {"and"}))
    heads = vocab.lowercase_head_pattern.pattern[2:-2]
    quote_phrase = re.compile(rf"\s+((?:{word}\s+){{1,5}})({heads})\b")
    closing = r"(?=\s*(?:[^\sa-z]|$|(?:%s)\b))" % "|".join(sorted(_CLAUSE_WORDS))
    type_nouns = (re.compile(r"\s*([a-z]+\s+[a-z]+)" + closing), re.compile(r"\s*([a-z]+)" + closing))
    multiword_heads = [(re.compile(rf"\b{re.escape(words)}\b"), cls)
                       for words, cls in vocab.head_class.items() if " " in words]
    terms = [(re.compile(rf"\b{re.escape(term)}\b"), term, cls) for term, cls in vocab.standalone_terms.items()]
    # "X's lithium hydroxide plant in Meishan": a unit of the company X (and where it is)
    parts = "|".join(map(re.escape, vocab.enterprise_part_nouns))
    possessive_part = re.compile(rf"[’']s\s+((?:(?!(?:{'|'.join(sorted(_STOP_WORDS))})\b)[a-z][\w\-]*\s+){{0,4}}"
                                 rf"(?:{parts}))\b(\s+in\s+)?")
    return quote_phrase, type_nouns, multiword_heads, terms, possessive_part


class _SentenceReader:
    """Finds the candidates of one sentence; knows the document's jurisdiction."""

    def __init__(self, vocab: EnglishVocabulary, jurisdiction: Jurisdiction, scope: str, places: dict[str, str]):
        self.vocab = vocab
        self.jurisdiction = jurisdiction
        self.scope = scope
        self.places = places  # short name -> label, for places named in this document
        (self._quote_phrase, self._type_nouns, self._multiword_heads, self._terms,
         self.possessive_part) = _reader_patterns(vocab)

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
            cls = head[0]
            if head[1].lower() in ("branch", "sub-branch") and inner is not None and not inner.is_place:
                cls = inner.cls
            if inner is not None and inner.is_place:
                inner = None
            name = text if inner is None else f"{before}{split.group().rstrip()} {inner.name}"
            name, scope = self.qualify(_normal(name))
            candidate = _Candidate(cls, start, start + len(text), name, text, scope, head=head[1], rank=3)
            if inner is not None and head[1].lower() in self.vocab.part_heads:
                candidate.part_of = inner
                candidate.children.append(inner)
            return candidate
        head = self.head_of(text)
        if head is None or text in self.vocab.not_names:
            return None
        if text.lower() in self.vocab.generic_phrases or (text.lower() == head[1].lower()
                                                          and (" " not in text or start == 0)):
            return None  # a bare head word: "Bureau", "Platform" (mid-sentence, "the State Council" is a name)
        name, scope = self.qualify(_normal(text))
        return _Candidate(head[0], start, start + len(text), name, text, scope, head=head[1], rank=3)

    # -- passes ---------------------------------------------------------------------
    def capitalised_phrases(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of runs of capitalised words joined by of/and/for/the/&; a possessive ends a run."""
        first = _CAPITAL_WORD.match(text.lstrip())
        skip_to = 0
        if first and first.group() in self.vocab.sentence_starters:
            skip_to = len(text) - len(text.lstrip()) + first.end()
        for run in _CAPITAL_RUN.finditer(text, skip_to):
            start, end = run.span()
            if "'" not in run.group() and "’" not in run.group():  # no possessive: one run
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

    def _name_span(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        stage = _STAGE_BEFORE.search(text, max(0, start - 12), start) if text[start - 2:start - 1].isdigit() else None
        if stage:  # "Stage 1 Battery Grade ... Plant": the number splits the capitalised run
            start = stage.start()
        if text.startswith((".", ","), end):  # "X Co., Ltd.", "X Inc.": the punctuation is part of the name
            company = _COMPANY_TAIL.match(text, end)
            if company and (text[start:end].endswith(_COMPANY_END_WORDS) and text[end] == "."
                            or company.group().strip(".,").strip()):
                end = company.end()
        tail = _NAME_PARENTHESIS.match(text, end)  # a parenthesis right after a name belongs to it: "Event (Henan)"
        if tail:
            end = tail.end()
        yield from self._split_coordination(text, start, end)

    def _split_coordination(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """"A Department and the B Bureau" is two names; "Science and Technology Bureau" one."""
        phrase = text[start:end]
        for match in _AND.finditer(phrase):
            left, right = phrase[: match.start()], phrase[match.end():]
            right_first = right.split(" ", 1)[0]
            if (right.startswith("the ") or right_first in self.vocab.level_adjectives
                    or right_first in self.vocab.provinces or self.head_of(left) is not None):
                yield from self._split_coordination(text, start, start + match.start())
                yield from self._split_coordination(text, start + match.end(), end)
                return
        yield start, end

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
            candidate = self.classify_phrase(phrase, start)
            if candidate is None and self.vocab.enterprise_cue_pattern.search(text, max(0, start - 40), start):
                candidate = self._cued_company(phrase, start)
            if candidate is not None:
                yield candidate

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
            elif level in ("provincial", "municipal"):
                name, scope = self.qualify(f"{level.capitalize()} Government")
                if not scope:  # only where the document says which province or city
                    yield _Candidate("Agency", match.start(), match.end(), name, match.group(), rank=3)

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
            if cls is None or inner.lower() in self.vocab.generic_phrases:
                continue
            classes[index] = cls
            name, scope = self.qualify(_normal(inner))
            yield _Candidate(cls, match.start(), match.end(), name, surface, scope, rank=4)

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
            if next_word and next_word.group(1) not in _CLAUSE_WORDS:
                continue  # the phrase goes on: "the cluster industry chain"
            # the modifiers and their determiner are among the last few words before the head
            words = _WORDS_AND_PARENTHESES.findall(text, max(0, match.start() - 400), match.start())
            modifiers: list[str] = []
            determiner = None
            for word in reversed(words):
                if word.lower() in _DETERMINERS:
                    determiner = word.lower()
                    break
                if word.startswith("(") or word == "and" or _LOWER_WORD.fullmatch(word):
                    if word in _STOP_WORDS:
                        break
                    modifiers.append(word)
                    if len(modifiers) > vocab.max_modifiers:
                        break
                    continue
                break
            count = len([m for m in modifiers if m != "and" and not m.startswith("(")])
            needed = vocab.min_modifiers_definite if determiner == "the" else vocab.min_modifiers_indefinite
            if determiner is None or count < needed or count > vocab.max_modifiers:
                continue
            if any(m in vocab.generic_modifiers or m.isdigit() for m in modifiers):
                continue
            phrase = " ".join(reversed(modifiers)) + " " + match.group(1)
            start = match.start() - len(phrase) + len(match.group(1))
            start = text.rfind(phrase.split(" ", 1)[0], 0, match.start() + 1) if start < 0 else start
            cls = vocab.lowercase_heads[match.group(1)]
            candidate = _Candidate(cls, start, match.end(), self.local_name(_normal(phrase)), _normal(phrase),
                                   head=match.group(1), rank=2)
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
                yield _Candidate(cls, match.start(), match.end(), self.local_name(term), match.group(), rank=1)

    def cluster_lists(self, text: str) -> Iterator[_Candidate]:
        if "cluster" not in text and "industr" not in text:
            return  # both list patterns need one of these words; most sentences have neither
        seen: set[tuple[int, int]] = set()
        for match in _CLUSTER_LIST.finditer(text):
            yield from self._cluster_items(text, match.start("items"), match.end("items"), seen, True)
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
                                     self.local_name(_normal(item)), item, rank=2)
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
    found: list[_Candidate] = []
    for match in word_start_matches(vocab.place_pattern, text):
        short, suffix = _normal(match.group(1)), match.group(2)
        start = match.start()
        level = vocab.place_suffixes[suffix]
        first = short.split()[0]
        if first in vocab.sentence_starters and " " in short:  # "In Zhengzhou City": the place is the rest
            short = short.split(" ", 1)[1]
            start = match.start(1) + match.group(1).index(short.split()[0])
            first = short.split()[0]
        if first in vocab.level_adjectives or first in vocab.sentence_starters:
            continue
        if level == "province":
            if short not in vocab.provinces:
                continue  # provinces are a closed set: "Strong Manufacturing Province" is not one
            label = vocab.provinces[short]
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


def detect_jurisdiction(document: Document, vocab: EnglishVocabulary,
                        sentence_places: list[list[_Candidate]]) -> tuple[Jurisdiction, dict[str, str]]:
    """The province and city a document speaks for, and the places it names (short -> label).

    The city must be named near the top (title or lead); the province is the one
    named most, the title counting triple.
    """
    cities: Counter[str] = Counter()
    lead_cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    places: dict[str, str] = {}
    lead = {s.index for s in document.sentences[:3]}
    for sentence, sentence_place in zip(document.sentences, sentence_places, strict=True):
        weight = 3 if sentence.index in lead else 1
        for place in sentence_place:
            short = _normal(place.surface)
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
    return Jurisdiction(province=province, city=city), places


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping names, longest and most specific first; places may nest."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start)):
        if candidate.is_place:
            continue
        if not any(_overlaps(candidate, other) for other in chosen):
            chosen.append(candidate)
    for place in (c for c in candidates if c.is_place):
        holder = next((c for c in chosen if _overlaps(place, c)), None)
        if holder is not None and (holder.head and place.end == holder.end
                                   and holder.head.lower() in place.surface.lower()):
            continue  # "Innovation City" is the name's head, not a place
        if holder is not None and place.level != "province":
            continue
        if any(p.start == place.start and p.end == place.end for p in chosen):
            continue
        chosen.append(place)
    return sorted(chosen, key=lambda c: (c.start, c.end))


@dataclass
class _DocumentState:
    """Mentions so far, for the relation rules that look back (pronouns, measures)."""

    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    measure: Mention | None = None
    section: Mention | None = None
    main_program: Mention | None = None
    counter: int = 0


class EnglishExtractor:
    def __init__(self, document: Document, vocab: EnglishVocabulary | None = None):
        self.document = document
        self.vocab = vocab or english()
        self.sentence_places = [place_mentions(s.text, self.vocab) for s in document.sentences]
        self._dateline_end: dict[int, int] = {}  # sentence index -> where its dateline ends
        self._dateline()
        self._place_levels: dict[str, str] = {}  # place label -> level
        self.jurisdiction, self.places = detect_jurisdiction(document, self.vocab, self.sentence_places)
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
        for sentence in self.document.sentences:
            if sentence.paragraph not in paragraphs or sentence.index == 0:
                continue
            match = _DATELINE.match(sentence.text)
            if match and len(match.group(1)) >= 3 and len(sentence.text) > match.end() + 20:
                places = self.sentence_places[sentence.index]
                for group in (1, 2):
                    if match.group(group):
                        written = _DATELINE_NOISE.sub("", match.group(group))
                        places.append(self._dateline_place(written, match.start(group)))
                self._dateline_end[sentence.index] = match.end()
                return
            if sentence.paragraph != paragraphs[0]:
                return  # only the first sentence of the body opens with a dateline

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
        else:
            label, level = name, "district"
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
                      *self.sentence_places[sentence.index], *reader.cluster_lists(text)]
        return _select(candidates)

    # -- the document ---------------------------------------------------------------------
    def run(self) -> Extraction:
        by_paragraph: dict[int, list[Sentence]] = {}
        for sentence in self.document.sentences:
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        for sentences in by_paragraph.values():
            self._paragraph(sentences)
        self._government_hierarchy()
        self._place_hierarchy()
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
                candidate.amount = _stated_amount(candidate, amounts, sentence.text)
                mention = self._mention(candidate, sentence)
                mentions.append(mention)
                self._children(candidate, mention, sentence, mentions)
            self._units(sentence, mentions)
            self._main_program(sentence, mentions)
            self._responsibility(sentence, mentions)
            self._passive_responsibility(sentence, mentions)
            self._adjacent_places(sentence, mentions)
            self._funding(sentence, mentions, amounts)
            self._location(sentence, mentions)
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
                self.state.mentions[self.state.mentions.index(mention)] = renamed
                mentions[mentions.index(mention)] = renamed
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
            if part is None:
                continue
            phrase = _normal(part.group(1))
            candidate = _Candidate("Enterprise", part.start(1), part.end(1), phrase, phrase,
                                   scope=self.document.doc_id)
            unit_mention = self._mention(candidate, sentence)
            mentions.append(unit_mention)
            self._relate(unit_mention, "partOf", mention, sentence)
            place = next((m for m in mentions if m.cls == "Place" and m.start - sentence.start == part.end()), None)
            if place is not None and part.group(2):
                self._relate(unit_mention, "locatedIn", place, sentence)

    def _passive_responsibility(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """"the event was hosted by X", "a plan led by X": X is responsible for the thing before."""
        text = sentence.text
        if " by " not in text:
            return
        for match in _PASSIVE_BY.finditer(text):
            agency = next((m for m in mentions if m.cls == "Agency" and m.start - sentence.start == match.end()), None)
            if agency is None:
                continue
            targets = [m for m in mentions if m.end - sentence.start <= match.start()
                       and (m.cls in ("Program", "Fund", "Lab", "Cluster")
                            or m.cls == "Agency" and _LED_GROUP.search(m.name))]
            target = targets[-1] if targets else None
            if target is not None:
                self._relate(agency, "responsibleFor", target, sentence)

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
        for match in _RESPONSIBLE.finditer(text) if "responsible" in text or "in charge" in text else ():
            if text.rfind("(", 0, match.start()) > text.rfind(")", 0, match.start()):
                continue
            subjects = [a for a in agencies if a.end - sentence.start <= match.start()
                        and not _CLAUSE_END.search(text, a.end - sentence.start, match.start())]
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
            following = [t for t in targets if 0 <= t.start - sentence.start - window <= 40]
            if following:
                self._relate(agency, "responsibleFor", following[0], sentence)

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
                          and ";" not in text[verb.end():m.start - sentence.start]]
            if not funders or not recipients or not amounts:
                continue
            amount = next((a for a in amounts if a.start >= verb.start()), None)
            if amount is not None:
                self._relate(funders[-1], "funds", recipients[0], sentence, amount.amount)

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
        inner_keys = {r.object for r in self.state.relations if r.predicate == "partOf"}
        label = self.places.get(city, f"{city} City")
        place = None
        for mention in mentions:
            if mention.key in inner_keys or mention.cls not in ("Lab", "Cluster", "Program"):
                continue
            if mention.cls == "Program" and not _LOCAL_BEFORE.search(text, 0, mention.start - sentence.start):
                continue
            if any(r.subject == mention.key and r.predicate == "locatedIn" for r in self.state.relations):
                continue
            if place is None:
                place = self._place_mention(sentence, label, named.group(), named.start())
            self._relate(mention, "locatedIn", place, sentence)


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
