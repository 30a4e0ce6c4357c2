"""Mentions of all documents -> entities and relations (the reduce).

One node per real thing: mentions merge when their class, resolution key (graph/keys.py, set
by the map) and scope agree; every surface form is kept as an alias.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .keys import mention_key
from .model import Amount, Entity, Extraction, Mention, Relation, Resolved, Source
from .script import has_han, script_language


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower().replace("'", "").replace("’", "")).strip("-") or "x"


def _label(mentions: list[Mention]) -> str:
    """The most frequent qualified name; ties go to the longer, then alphabetical."""
    counts = Counter(m.name for m in mentions)
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]


def _unique_sources(sources: Iterable[Source]) -> tuple[Source, ...]:
    # keyed by a plain tuple: hashing the dataclass runs Python code per source (twice as slow)
    unique = {(s.document, s.start, s.end): s for s in sources}
    return tuple(unique[key] for key in sorted(unique))


def _unique_amounts(amounts: Iterable[Amount]) -> tuple[Amount, ...]:
    return tuple(sorted(set(amounts), key=lambda a: (a.yuan, a.text, a.ceiling)))


def merge_reposts(extractions: Iterable[Extraction]) -> list[Extraction]:
    """One extraction per text: files holding the same text (a notice reposted on several sites,
    a folder copied twice) are one document, whose other files are its ``copies``; their entities
    and edges are not multiplied. The first file by name speaks for the text."""
    kept: dict[str, str] = {}  # content or body hash -> the doc_id that speaks for it
    copies: dict[str, list[str]] = defaultdict(list)
    ordered: list[Extraction] = []
    for extraction in sorted(extractions, key=lambda e: e.doc_id):
        info = extraction.info
        hashes = [h for h in (info.content_hash, info.body_hash) if h] if info is not None else []
        first = next((kept[h] for h in hashes if h in kept), None)
        if first is not None:  # the same text, or the same body under another site's header and footer
            copies[first].append(extraction.doc_id)
            continue
        kept.update((h, extraction.doc_id) for h in hashes)
        ordered.append(extraction)
    merged = [replace(e, info=replace(e.info, copies=tuple(copies[e.doc_id]))) if copies.get(e.doc_id) else e
              for e in ordered]
    return _mark_versions(_mark_near_duplicates(merged))


def _mark_versions(extractions: list[Extraction]) -> list[Extraction]:
    """A later version replaces an earlier one: the same title issued on a later date, or a document
    that repeals another by its title (原《X》同时废止). Both stay in the graph."""
    by_title: dict[str, list[Extraction]] = defaultdict(list)
    for extraction in extractions:
        if extraction.info is not None and extraction.info.title and extraction.document_key:
            by_title[_strip_title(extraction.info.title)].append(extraction)
    replaces: dict[str, set[str]] = defaultdict(set)
    for versions in by_title.values():
        dated = sorted((e for e in versions if e.info.issued), key=lambda e: (e.info.issued, e.doc_id))
        for earlier, later in zip(dated, dated[1:], strict=False):
            if later.info.issued > earlier.info.issued:
                replaces[later.doc_id].add(earlier.doc_id)
    for extraction in extractions:
        for title in extraction.info.repealed_titles if extraction.info is not None else ():
            replaces[extraction.doc_id].update(e.doc_id for e in by_title.get(_strip_title(title), ())
                                               if e.doc_id != extraction.doc_id)
    return [replace(e, info=replace(e.info, replaces=tuple(sorted(replaces[e.doc_id]))))
            if replaces.get(e.doc_id) else e for e in extractions]


def _strip_title(title: str) -> str:
    return re.sub(r"[《》“”\s]", "", title)


#: Jaccard similarity of shingles at which two documents are reported as near-duplicates.
NEAR_DUPLICATE = 0.8
#: How many of its near-duplicates a document lists (the first by id): a notice reposted by every
#: county of a province must not make the build quadratic.
NEAR_DUPLICATES_LISTED = 10


def _mark_near_duplicates(extractions: list[Extraction]) -> list[Extraction]:
    """Groups of documents of nearly the same text (edited reposts, versions), reported on each
    document, not merged, since their bodies differ.

    MinHash LSH banding (bands and rows from datasketch for the threshold): documents that share a
    band's bucket and are as similar as NEAR_DUPLICATE to its first document join one group, by
    union-find; one pass per band, so linear in the number of documents however big a group is.
    """
    from datasketch import MinHashLSH

    signed = sorted((e for e in extractions if e.info is not None and e.info.signature), key=lambda e: e.doc_id)
    if len(signed) < 2:
        return extractions
    width = len(signed[0].info.signature)
    signatures = [e.info.signature for e in signed]
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=width)
    parent = list(range(len(signed)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for band in range(lsh.b):
        first: dict[tuple[int, ...], int] = {}
        low, high = band * lsh.r, (band + 1) * lsh.r
        for index, signature in enumerate(signatures):
            if len(signature) != width:
                continue
            head = first.setdefault(tuple(signature[low:high]), index)
            if head == index:
                continue
            ours, theirs = root(index), root(head)
            if ours != theirs and _similarity(signatures[head], signature) >= NEAR_DUPLICATE:
                parent[max(ours, theirs)] = min(ours, theirs)  # already one group: not compared again
    groups: dict[int, list[str]] = defaultdict(list)
    for index, extraction in enumerate(signed):
        groups[root(index)].append(extraction.doc_id)  # in id order, as signed is
    near: dict[str, tuple[str, ...]] = {}
    for members in groups.values():
        if len(members) > 1:
            listed = members[:NEAR_DUPLICATES_LISTED + 1]
            for doc_id in members:
                near[doc_id] = tuple(m for m in listed if m != doc_id)[:NEAR_DUPLICATES_LISTED]
    return [replace(e, info=replace(e.info, near_duplicates=near[e.doc_id])) if near.get(e.doc_id) else e
            for e in extractions]


def _similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """The Jaccard similarity two MinHash signatures estimate: the share of equal hash values."""
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


#: What mentions of one thing share: class, resolution key (set by the map) and scope.
GroupKey = tuple[str, str, str]


def group_key(mention: Mention) -> GroupKey:
    """The key the reduce groups a mention by; a plain tuple, so an engine can hash and shuffle it."""
    return (mention.cls, mention.group or mention_key(mention), mention.scope)


def entity_of_group(key: GroupKey, mentions: Sequence[Mention]) -> Entity:
    """The one Entity of a group's mentions, under its base id (entity_ids adds the suffix that
    keeps ids unique). Pure and independent of the mentions' order, so any engine can run it
    wherever the group lands."""
    cls = key[0]
    label = _label(mentions)
    translations = sorted({t for m in mentions for t in m.translations} - {m.name for m in mentions})
    # a Chinese name's id is spelled from its English name where it has one: readable in any tool
    english = sorted(n for n in {*translations, *(m.name for m in mentions)} if not has_han(n))
    aliases = sorted({m.name for m in mentions} | {m.surface for m in mentions} - {label})
    return Entity(
        entity_id=f"{cls.lower()}/{slug(english[0] if has_han(label) and english else label)}",
        cls=cls, label=label, language=script_language(label),
        aliases=tuple(a for a in aliases if a and a != label),
        sources=_unique_sources(m.source for m in mentions),
        amounts=_unique_amounts(m.amount for m in mentions if m.amount is not None),
        translations=tuple(translations),
    )


def entity_ids(bases: Iterable[tuple[GroupKey, str]]) -> list[str]:
    """The final ids of groups given as (group key, base id) in sorted group-key order: a scoped
    group, or a base id an earlier group took, gets a digest of its key. The one step that sees
    every entity, so it reads one small record per entity and nothing else."""
    taken: set[str] = set()
    ids: list[str] = []
    for (cls, key, scope), entity_id in bases:
        if scope or entity_id in taken:
            entity_id = f"{entity_id}-{hashlib.sha1(f'{cls}|{key}|{scope}'.encode()).hexdigest()[:8]}"
        taken.add(entity_id)
        ids.append(entity_id)
    return ids


def edge_key(subject: str | None, predicate: str, obj: str | None) -> tuple[str, str, str] | None:
    """The edge a relation mention becomes once its ends are entity ids; None when an end names
    no entity or both ends are one (no loops)."""
    if subject is None or obj is None or subject == obj:
        return None
    return (subject, predicate, obj)


def edge_of(triple: tuple[str, str, str], sources: Iterable[Source], amounts: Iterable[Amount]) -> Relation:
    """One edge for every relation mention of a (subject, predicate, object): each source and
    amount once, sorted, so the order mentions arrive in does not matter."""
    subject, predicate, obj = triple
    return Relation(subject, predicate, obj, _unique_sources(sources), _unique_amounts(amounts))


def resolve(extractions: Iterable[Extraction]) -> Resolved:
    """All of the reduce in this process (the pool engine); graph.engine runs the same rules on Dask."""
    extractions = merge_reposts(extractions)
    groups: dict[GroupKey, list[Mention]] = defaultdict(list)
    for extraction in extractions:
        for mention in extraction.mentions:
            groups[group_key(mention)].append(mention)

    ordered = sorted(groups)
    bases = [entity_of_group(key, groups[key]) for key in ordered]
    entity_of: dict[tuple[str, str], str] = {}  # (doc, mention key) -> entity id; a later group wins
    entities: list[Entity] = []
    ids = entity_ids([(key, base.entity_id) for key, base in zip(ordered, bases, strict=True)])
    for key, base, entity_id in zip(ordered, bases, ids, strict=True):
        entities.append(base if entity_id == base.entity_id else replace(base, entity_id=entity_id))
        for mention in groups[key]:
            entity_of[(mention.source.document, mention.key)] = entity_id

    edges: dict[tuple[str, str, str], tuple[list[Source], list[Amount]]] = defaultdict(lambda: ([], []))
    for extraction in extractions:
        for relation in extraction.relations:
            triple = edge_key(entity_of.get((extraction.doc_id, relation.subject)), relation.predicate,
                              entity_of.get((extraction.doc_id, relation.object)))
            if triple is None:
                continue
            sources, amounts = edges[triple]
            sources.append(relation.source)
            if relation.amount is not None:
                amounts.append(relation.amount)
    relations = tuple(edge_of(triple, sources, amounts) for triple, (sources, amounts) in sorted(edges.items()))
    issuers = {e.doc_id: tuple(sorted({entity_of[(e.doc_id, key)] for key in e.info.issuers
                                       if (e.doc_id, key) in entity_of}))
               for e in extractions if e.info is not None and e.info.issuers}
    return Resolved(tuple(entities), relations, tuple(extractions), issuers)
