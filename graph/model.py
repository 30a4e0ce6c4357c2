"""Plain records passed between the pipeline stages.

Everything here is immutable and picklable so that per-document work can run in
worker processes (or on a cluster) and be cached, and so the reduce stages get
exactly what the map stages produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

#: The entity classes of ../shared/SCHEMA.md (local names are fixed).
ENTITY_CLASSES = ("Agency", "Program", "Enterprise", "Cluster", "Lab", "Fund", "Place")
#: The relation properties every quality check counts.
RELATION_PROPERTIES = ("responsibleFor", "funds", "partOf", "locatedIn")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # character offset of the sentence in Document.text
    end: int
    paragraph: int
    language: str = "en"  # the paragraph's own language


@dataclass(frozen=True)
class Document:
    doc_id: str  # file name relative to the root it was read from
    path: str
    title: str
    language: str  # "en" or "zh"
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ReadFailure:
    """A file that could not become a Document, and why (shown in the report)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Source:
    """Where a fact was read: document, the sentence, and its character span."""

    document: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Amount:
    yuan: Decimal
    text: str  # as written in the document
    ceiling: bool = False  # the most that may be paid ("最高500万元", "up to RMB 1 million"), not a sum paid


@dataclass(frozen=True)
class Jurisdiction:
    """The places a document speaks for: unqualified agency names take these."""

    province: str | None = None  # "Hebei"
    city: str | None = None  # "Hebi"
    county: str | None = None
    district: str | None = None

    def for_level(self, level: str) -> str | None:
        return {"province": self.province, "city": self.city, "county": self.county,
                "district": self.district}.get(level)


@dataclass(frozen=True)
class Mention:
    """One naming of an entity in one sentence.

    ``name`` is the name qualified within its document ("Hebi Municipal Finance
    Bureau" for "the Municipal Finance Bureau"); ``surface`` is the text as written.
    ``scope`` keeps names that could not be qualified apart from other documents'.
    """

    key: str  # unique within the document
    cls: str
    name: str
    surface: str
    source: Source
    start: int
    end: int
    language: str = "en"
    scope: str = ""
    translations: tuple[str, ...] = ()
    amount: Amount | None = None  # a stated size ("a 100 million yuan fund pool")
    group: str = ""  # the resolution key (graph.keys.mention_key), set at the end of the map

    def with_group(self, group: str) -> Mention:
        """This mention with its resolution key: dataclasses.replace, at a third of its cost."""
        return Mention(self.key, self.cls, self.name, self.surface, self.source, self.start, self.end,
                       self.language, self.scope, self.translations, self.amount, group)


@dataclass(frozen=True)
class RelationMention:
    subject: str  # Mention.key
    predicate: str
    object: str  # Mention.key
    source: Source
    amount: Amount | None = None


@dataclass(frozen=True)
class UnreadAmount:
    """Money stated with no exact yuan figure (a range, foreign money, a garbled sum): kept off the
    edges, listed in the build's report with the sentence that states it."""

    text: str
    source: Source


@dataclass(frozen=True)
class DocumentInfo:
    """What a reader asks of a document first: who issued it, under which number, and when.
    Dates are ISO strings (YYYY-MM-DD); ``issuers`` are mention keys of the issuing agencies."""

    title: str
    number: str = ""  # 文号: 浙政办发〔2021〕12号
    issuers: tuple[str, ...] = ()
    issued: str = ""  # the date it was issued (成文日期, 发布日期, the date under the signature)
    effective: str = ""  # the date it takes effect (自…起施行)
    expires: str = ""  # the date it lapses (有效期…年, 有效期至…)
    content_hash: str = ""  # of the text with white space folded: the same text read twice is one document
    places: tuple[str, ...] = ()  # the names of the places it speaks for, in both languages: 浙江省, Zhejiang
    body_hash: str = ""  # of the text without its first and last lines (site headers, footers)
    signature: tuple[int, ...] = ()  # MinHash of its character shingles: near-duplicates are found by it
    near_duplicates: tuple[str, ...] = ()  # other documents of nearly the same text (reported, kept)
    repealed_titles: tuple[str, ...] = ()  # 原《X》同时废止: titles of documents this one repeals
    replaces: tuple[str, ...] = ()  # earlier versions it replaces (same title, earlier date; or repealed)
    copies: tuple[str, ...] = ()  # other files holding the same text (reposts)


@dataclass(frozen=True)
class Extraction:
    """Everything one document yields; the unit of the map stage and of caching."""

    doc_id: str
    title: str
    language: str
    jurisdiction: Jurisdiction
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    size: int = 0  # characters of text
    unread_amounts: tuple[UnreadAmount, ...] = ()
    info: DocumentInfo | None = None
    document_key: str = ""  # the mention of the document's own program (its title), where one was found


@dataclass(frozen=True)
class Entity:
    entity_id: str  # stable: "<class>/<slug>"
    cls: str
    label: str
    language: str
    aliases: tuple[str, ...]
    sources: tuple[Source, ...]
    amounts: tuple[Amount, ...] = ()
    translations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    subject: str  # Entity.entity_id
    predicate: str
    object: str
    sources: tuple[Source, ...]
    amounts: tuple[Amount, ...] = ()


@dataclass(frozen=True)
class Resolved:
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    documents: tuple[Extraction, ...] = field(default=())
    issuers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # doc_id -> entity ids of its issuers
