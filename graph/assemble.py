"""Entities and relations -> the in-memory graph (networkx MultiDiGraph).

Nodes are keyed by entity id; parallel edges between two nodes are keyed by their
property, so "responsibleFor" and "partOf" between the same pair stay distinct.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import networkx as nx

from .model import Entity, Extraction, Relation, Resolved, Source


def _source(source: Source) -> dict:
    # written out rather than dataclasses.asdict, which deep-copies and is ten times slower
    return {"document": source.document, "sentence": source.sentence, "start": source.start, "end": source.end}


def _described(extraction: Extraction, issuers: tuple[str, ...]) -> dict:
    """The document's own description, for the RDF and the report; empty fields left out."""
    info = extraction.info
    if info is None:
        return {}
    described = {"title": info.title, "number": info.number, "issued": info.issued, "effective": info.effective,
                 "expires": info.expires, "content_hash": info.content_hash, "copies": list(info.copies),
                 "issuers": list(issuers), "places": list(info.places),
                 "near_duplicates": list(info.near_duplicates), "replaces": list(info.replaces)}
    return {k: v for k, v in described.items() if v}


def entity_attributes(entity: Entity, source: Callable[[Source], dict] = _source) -> dict:
    """An entity's node attributes: what assembly stores and the RDF's entity_lines reads (a Dask
    worker makes them from the Entity to write its triples where it is)."""
    return {"cls": entity.cls, "label": entity.label, "language": entity.language,
            "aliases": list(entity.aliases), "translations": list(entity.translations),
            "sources": [source(s) for s in entity.sources],
            "amounts": [{"yuan": a.yuan, "text": a.text, "ceiling": a.ceiling} for a in entity.amounts]}


def relation_attributes(relation: Relation, source: Callable[[Source], dict] = _source) -> dict:
    """A relation's edge attributes (see entity_attributes)."""
    return {"predicate": relation.predicate, "sources": [source(s) for s in relation.sources],
            "amounts": [{"yuan": a.yuan, "text": a.text, "ceiling": a.ceiling} for a in relation.amounts]}


def assemble(resolved: Resolved) -> nx.MultiDiGraph:
    shared: dict[int, dict] = {}  # id(Source) -> its dict: a sentence cited by a node and its edges is one dict

    def source(item: Source) -> dict:
        found = shared.get(id(item))  # the Sources live in ``resolved`` throughout, so ids stay theirs
        if found is None:
            found = shared[id(item)] = _source(item)
        return found

    graph = nx.MultiDiGraph()
    graph.graph["documents"] = [
        {"doc_id": e.doc_id, "title": e.title, "language": e.language, "size": e.size,
         "jurisdiction": {k: v for k, v in asdict(e.jurisdiction).items() if v},
         "unread_amounts": [{"text": u.text, "sentence": u.source.sentence} for u in e.unread_amounts],
         **_described(e, resolved.issuers.get(e.doc_id, ()))}
        for e in resolved.documents
    ]
    for entity in resolved.entities:
        graph.add_node(entity.entity_id, **entity_attributes(entity, source))
    for relation in resolved.relations:
        graph.add_edge(relation.subject, relation.object, key=relation.predicate,
                       **relation_attributes(relation, source))
    return graph
