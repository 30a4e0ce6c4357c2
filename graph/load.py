"""A build folder back into the in-memory graph, read from its graph.ttl.

The RDF is the build's one complete record (labels, names in both languages,
amounts, every source); exports, diffs and reports start from here, so they work
on any build, old or new, without running the pipeline again.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .export.rdf import GG, ID
from .query import load_store
from .script import script_language

_PREFIXES = """PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def _rows(store: ox.Store, query: str) -> list[list[object]]:
    results = store.query(_PREFIXES + query)
    names = [v.value for v in results.variables]
    return [[row[n] for n in names] for row in results]


def _id(term: object) -> str:
    return term.value[len(ID):]


def load_graph(build: Path) -> nx.MultiDiGraph:
    store = load_store(build)
    graph = nx.MultiDiGraph()
    graph.graph["documents"] = [
        {"doc_id": name.value, "title": title.value, "language": language.value}
        for name, title, language in _rows(store, """SELECT ?name ?title ?language WHERE {
            ?d a gg:Document ; gg:fileName ?name ; dcterms:title ?title ; gg:language ?language } ORDER BY ?name""")]
    for entity, cls, label in _rows(store, """SELECT ?e ?c ?label WHERE { ?e a ?c ; rdfs:label ?label .
            FILTER(STRSTARTS(STR(?c), STR(gg:)) && ?c NOT IN (gg:Source, gg:Document, gg:MonetaryAmount)) }
            ORDER BY ?e"""):
        graph.add_node(_id(entity), cls=cls.value[len(GG):], label=label.value, language=script_language(label.value),
                       aliases=[], translations=[], amounts=[], sources=[])
    for entity, name in _rows(store, "SELECT ?e ?name WHERE { ?e a ?c ; skos:altLabel ?name } ORDER BY ?e ?name"):
        node = graph.nodes.get(_id(entity))
        if node is not None:
            other_script = script_language(name.value) != node["language"]
            (node["translations"] if other_script else node["aliases"]).append(name.value)
    edges = {}
    for statement, subject, predicate, obj in _rows(store, """SELECT ?st ?s ?p ?o WHERE {
            ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } ORDER BY ?s ?p ?o"""):
        key = predicate.value[len(GG):]
        graph.add_edge(_id(subject), _id(obj), key=key, predicate=key, amounts=[], sources=[])
        edges[statement.value] = graph.edges[_id(subject), _id(obj), key]
    for owner, yuan, text in _rows(store, """SELECT ?owner ?yuan ?text WHERE {
            ?owner gg:amount ?m . ?m gg:yuan ?yuan ; gg:amountText ?text } ORDER BY ?owner ?yuan ?text"""):
        target = edges.get(owner.value) or graph.nodes.get(_id(owner))
        if target is not None:
            target["amounts"].append({"yuan": Decimal(yuan.value), "text": text.value})
    for owner, document, sentence, start, end in _rows(store, """SELECT ?owner ?doc ?sentence ?start ?end WHERE {
            ?owner prov:wasDerivedFrom ?s . ?s gg:document/gg:fileName ?doc ; gg:sentence ?sentence ;
            gg:startOffset ?start ; gg:endOffset ?end } ORDER BY ?owner ?doc ?start ?end"""):
        target = edges.get(owner.value) or graph.nodes.get(_id(owner))
        if target is not None:
            target["sources"].append({"document": document.value, "sentence": sentence.value,
                                      "start": int(start.value), "end": int(end.value)})
    manifest = build / "manifest.json"
    if manifest.is_file():  # the documents' jurisdictions and the files that failed live there
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        graph.graph["documents"] = recorded.get("documents", graph.graph["documents"])
        graph.graph["failures"] = recorded.get("failures", [])
    return graph

