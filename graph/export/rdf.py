"""The graph as RDF: Turtle and JSON-LD, with stable IRIs and PROV-O provenance.

Edge provenance is carried by a reified statement (rdf:Statement) per edge, not
RDF-star: plain SPARQL 1.1 engines and SHACL validators all read it. The direct
triple (subject gg:funds object) is written too, so simple queries stay simple.

Serialisation goes through pyoxigraph (Rust): it writes millions of triples in
seconds where rdflib's serialiser takes minutes. Triples are sorted first, so the
same graph always gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

GG = "https://w3id.org/govgraph/ontology#"
ID = "https://w3id.org/govgraph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {"gg": GG, "id": ID, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "prov": PROV,
            "schema": SCHEMA, "dcterms": DCTERMS}

_TYPE = ox.NamedNode(RDF + "type")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def entity_iri(entity_id: str) -> str:
    return ID + entity_id


def document_iri(doc_id: str) -> str:
    return f"{ID}document/{_digest(doc_id)}"


def source_iri(source: dict) -> str:
    return f"{ID}source/{_digest(source['document'])}/{source['start']}-{source['end']}"


def _decimal(value: Decimal) -> ox.Literal:
    return ox.Literal(format(value, "f"), datatype=_n(XSD + "decimal"))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(XSD + "integer"))


def _amount_triples(owner: ox.NamedNode, amount: dict) -> Iterator[ox.Triple]:
    node = _n(f"{ID}amount/{_digest(owner.value, amount['yuan'], amount['text'])}")
    yield ox.Triple(owner, _n(GG + "amount"), node)
    yield ox.Triple(node, _TYPE, _n(GG + "MonetaryAmount"))
    yield ox.Triple(node, _n(GG + "yuan"), _decimal(amount["yuan"]))
    yield ox.Triple(node, _n(SCHEMA + "currency"), ox.Literal("CNY"))
    yield ox.Triple(node, _n(GG + "amountText"), ox.Literal(amount["text"]))


def _source_triples(owner: ox.NamedNode, sources: list[dict], seen: set[str]) -> Iterator[ox.Triple]:
    for source in sources:
        iri = source_iri(source)
        yield ox.Triple(owner, _n(PROV + "wasDerivedFrom"), _n(iri))
        if iri in seen:
            continue
        seen.add(iri)
        node = _n(iri)
        yield ox.Triple(node, _TYPE, _n(GG + "Source"))
        yield ox.Triple(node, _n(GG + "document"), _n(document_iri(source["document"])))
        yield ox.Triple(node, _n(GG + "sentence"), ox.Literal(source["sentence"]))
        yield ox.Triple(node, _n(GG + "startOffset"), _integer(source["start"]))
        yield ox.Triple(node, _n(GG + "endOffset"), _integer(source["end"]))


def triples(graph: nx.MultiDiGraph) -> Iterator[ox.Triple]:
    seen_sources: set[str] = set()
    for document in graph.graph.get("documents", []):
        node = _n(document_iri(document["doc_id"]))
        yield ox.Triple(node, _TYPE, _n(GG + "Document"))
        yield ox.Triple(node, _n(GG + "fileName"), ox.Literal(document["doc_id"]))
        yield ox.Triple(node, _n(DCTERMS + "title"), ox.Literal(document["title"]))
        yield ox.Triple(node, _n(GG + "language"), ox.Literal(document["language"]))
    for entity_id, data in graph.nodes(data=True):
        node = _n(entity_iri(entity_id))
        language = data["language"]
        yield ox.Triple(node, _TYPE, _n(GG + data["cls"]))
        yield ox.Triple(node, _n(RDFS + "label"), ox.Literal(data["label"], language=language))
        for alias in data["aliases"]:
            yield ox.Triple(node, _n(SKOS + "altLabel"), ox.Literal(alias, language=language))
        for translation in data.get("translations", []):
            other = "en" if language == "zh" else "zh"
            yield ox.Triple(node, _n(SKOS + "altLabel"), ox.Literal(translation, language=other))
        for amount in data["amounts"]:
            yield from _amount_triples(node, amount)
        yield from _source_triples(node, data["sources"], seen_sources)
    for subject, obj, predicate, data in graph.edges(keys=True, data=True):
        s, p, o = _n(entity_iri(subject)), _n(GG + predicate), _n(entity_iri(obj))
        yield ox.Triple(s, p, o)
        statement = _n(f"{ID}statement/{_digest(subject, predicate, obj)}")
        yield ox.Triple(statement, _TYPE, _n(RDF + "Statement"))
        yield ox.Triple(statement, _n(RDF + "subject"), s)
        yield ox.Triple(statement, _n(RDF + "predicate"), p)
        yield ox.Triple(statement, _n(RDF + "object"), o)
        for amount in data["amounts"]:
            yield from _amount_triples(statement, amount)
        yield from _source_triples(statement, data["sources"], seen_sources)


def sorted_triples(graph: nx.MultiDiGraph) -> list[ox.Triple]:
    return sorted(set(triples(graph)), key=str)


def write_turtle(graph: nx.MultiDiGraph, path: Path, ordered: list[ox.Triple] | None = None) -> None:
    ox.serialize(ordered or sorted_triples(graph), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_jsonld(graph: nx.MultiDiGraph, path: Path, ordered: list[ox.Triple] | None = None) -> None:
    ox.serialize(ordered or sorted_triples(graph), str(path), format=ox.RdfFormat.JSON_LD)
