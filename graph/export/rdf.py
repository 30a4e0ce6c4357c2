"""The graph as RDF: Turtle and JSON-LD, with stable IRIs and PROV-O provenance.

Edge provenance is carried by a reified statement (rdf:Statement) per edge, not
RDF-star: plain SPARQL 1.1 engines and SHACL validators all read it. The direct
triple (subject gg:funds object) is written too, so simple queries stay simple.
A statement's IRI is computable from its triple (`statement_iri`), so a query that
holds an edge reaches its sources by one lookup instead of a join over every
statement (see ontology/queries/edge-sources.rq).

Serialisation goes through pyoxigraph (Rust): it writes millions of triples in
seconds where rdflib's serialiser takes minutes. Triples are sorted first, so the
same graph always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from ..script import script_language

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

# Triples are made as N-Triples lines: plain strings sort and deduplicate many times
# faster than pyoxigraph terms, and pyoxigraph parses the sorted lines back in one go.
_TYPE = f"<{RDF}type>"
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _n(iri: str) -> str:
    return f"<{_IRI_UNSAFE.sub(lambda m: '%%%02X' % ord(m.group()), iri)}>"


def _literal(text: str, language: str = "") -> str:
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:  # str.translate is slow on long sentences
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    quoted = f'"{text}"'
    return f"{quoted}@{language}" if language else quoted


def _typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def entity_iri(entity_id: str) -> str:
    return ID + entity_id


@lru_cache(maxsize=1 << 14)
def _document_digest(doc_id: str) -> str:
    return _digest(doc_id)


def document_iri(doc_id: str) -> str:
    return f"{ID}document/{_document_digest(doc_id)}"


def statement_iri(subject: str, predicate: str, obj: str) -> str:
    """id:statement/ + the first 16 hex digits of SHA-1("S P O"), S P O the triple's IRIs as
    written. SPARQL 1.1 computes the same with SHA1(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o)))."""
    return f"{ID}statement/{hashlib.sha1(f'{subject} {predicate} {obj}'.encode()).hexdigest()[:16]}"


def source_iri(source: dict) -> str:
    return f"{ID}source/{_document_digest(source['document'])}/{source['start']}-{source['end']}"


_P = {name: f"<{iri}>" for name, iri in {
    "label": RDFS + "label", "altLabel": SKOS + "altLabel", "wasDerivedFrom": PROV + "wasDerivedFrom",
    "amount": GG + "amount", "yuan": GG + "yuan", "currency": SCHEMA + "currency", "amountText": GG + "amountText",
    "document": GG + "document", "sentence": GG + "sentence", "startOffset": GG + "startOffset",
    "endOffset": GG + "endOffset", "fileName": GG + "fileName", "title": DCTERMS + "title",
    "language": GG + "language", "subject": RDF + "subject", "predicate": RDF + "predicate",
    "object": RDF + "object", "Statement": RDF + "Statement", "MonetaryAmount": GG + "MonetaryAmount",
    "Source": GG + "Source", "Document": GG + "Document", "documentNumber": GG + "documentNumber",
    "issuedBy": GG + "issuedBy", "issued": DCTERMS + "issued", "effectiveDate": GG + "effectiveDate",
    "expiryDate": GG + "expiryDate", "contentHash": GG + "contentHash", "jurisdictionName": GG + "jurisdictionName",
    "nearDuplicateOf": GG + "nearDuplicateOf", "replaces": GG + "replaces",
}.items()}


def _amount_lines(owner: str, owner_iri: str, amount: dict) -> Iterator[str]:
    node = _n(f"{ID}amount/{_digest(owner_iri, amount['yuan'], amount['text'])}")
    yield f"{owner} {_P['amount']} {node} ."
    yield f"{node} {_TYPE} {_P['MonetaryAmount']} ."
    yield f"{node} {_P['yuan']} {_typed(format(amount['yuan'], 'f'), 'decimal')} ."
    yield f"{node} {_P['currency']} {_literal('CNY')} ."
    yield f"{node} {_P['amountText']} {_literal(amount['text'])} ."


def _source_lines(owner: str, sources: list[dict], seen: set[str]) -> Iterator[str]:
    for source in sources:
        iri = source_iri(source)
        node = f"<{iri}>"  # hex digits and offsets: nothing to escape
        yield f"{owner} {_P['wasDerivedFrom']} {node} ."
        if iri in seen:
            continue
        seen.add(iri)
        yield f"{node} {_TYPE} {_P['Source']} ."
        yield f"{node} {_P['document']} <{document_iri(source['document'])}> ."
        yield f"{node} {_P['sentence']} {_literal(source['sentence'])} ."
        yield f"{node} {_P['startOffset']} {_typed(str(source['start']), 'integer')} ."
        yield f"{node} {_P['endOffset']} {_typed(str(source['end']), 'integer')} ."


def ntriples_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    seen_sources: set[str] = set()
    for document in graph.graph.get("documents", []):
        node = _n(document_iri(document["doc_id"]))
        yield f"{node} {_TYPE} {_P['Document']} ."
        yield f"{node} {_P['fileName']} {_literal(document['doc_id'])} ."
        for copy in document.get("copies", []):  # the same text, reposted: one document, several files
            yield f"{node} {_P['fileName']} {_literal(copy)} ."
        yield f"{node} {_P['title']} {_literal(document['title'])} ."
        yield f"{node} {_P['language']} {_literal(document['language'])} ."
        if document.get("number"):
            yield f"{node} {_P['documentNumber']} {_literal(document['number'])} ."
        for issuer in document.get("issuers", []):
            yield f"{node} {_P['issuedBy']} {_n(entity_iri(issuer))} ."
        for key, prop in (("issued", "issued"), ("effective", "effectiveDate"), ("expires", "expiryDate")):
            if document.get(key):
                yield f"{node} {_P[prop]} {_typed(document[key], 'date')} ."
        for other in document.get("near_duplicates", []):
            yield f"{node} {_P['nearDuplicateOf']} {_n(document_iri(other))} ."
        for earlier in document.get("replaces", []):
            yield f"{node} {_P['replaces']} {_n(document_iri(earlier))} ."
        for name in document.get("places", []):
            yield f"{node} {_P['jurisdictionName']} {_literal(name, script_language(name))} ."
        if document.get("content_hash"):
            yield f"{node} {_P['contentHash']} {_literal(document['content_hash'])} ."
    nodes = {entity_id: _n(entity_iri(entity_id)) for entity_id in graph.nodes}
    for entity_id, data in graph.nodes(data=True):
        node = nodes[entity_id]
        yield f"{node} {_TYPE} {_n(GG + data['cls'])} ."
        yield f"{node} {_P['label']} {_literal(data['label'], script_language(data['label']))} ."
        for alias in [*data["aliases"], *data.get("translations", [])]:
            yield f"{node} {_P['altLabel']} {_literal(alias, script_language(alias))} ."
        for amount in data["amounts"]:
            yield from _amount_lines(node, entity_iri(entity_id), amount)
        yield from _source_lines(node, data["sources"], seen_sources)
    for subject, obj, predicate, data in graph.edges(keys=True, data=True):
        s, p, o = nodes[subject], _n(GG + predicate), nodes[obj]
        yield f"{s} {p} {o} ."
        reified = statement_iri(s[1:-1], p[1:-1], o[1:-1])
        statement = _n(reified)
        yield f"{statement} {_TYPE} {_P['Statement']} ."
        yield f"{statement} {_P['subject']} {s} ."
        yield f"{statement} {_P['predicate']} {p} ."
        yield f"{statement} {_P['object']} {o} ."
        for amount in data["amounts"]:
            yield from _amount_lines(statement, reified, amount)
        yield from _source_lines(statement, data["sources"], seen_sources)


def ntriples(graph: nx.MultiDiGraph) -> bytes:
    """Every triple once, sorted, as N-Triples: the same graph always gives the same bytes.
    In memory, for small graphs and tests; builds stream them with write_ntriples."""
    # as UTF-8 bytes, which sort in code-point order like str and join in half the time; a list,
    # not a set: the lines come out nearly sorted, which sorting a list profits from (twice as fast)
    lines = sorted([line.encode("utf-8") for line in ntriples_lines(graph)])
    return b"\n".join(line for line, _ in groupby(lines)) + b"\n"


#: Lines sorted in memory at once by write_ntriples (about 250 MB of them); more go to sorted runs.
RUN_LINES = 1_000_000


def write_ntriples(graph: nx.MultiDiGraph, path: Path, run_lines: int = RUN_LINES) -> int:
    """The bytes of ntriples(graph) written to ``path``, in bounded memory: lines are sorted in runs
    of ``run_lines``, each run written to a file beside ``path``, and the runs merged (an external
    merge sort), so millions of triples never sit in memory at once. Returns the triples written.

    Every line ends with " ." and none is a prefix of another, so sorting lines with their newline
    gives the same order as without it."""
    runs: list[Path] = []
    folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.runs-", dir=path.parent))
    try:
        lines: list[bytes] = []
        for line in ntriples_lines(graph):
            lines.append(f"{line}\n".encode())
            if len(lines) >= run_lines:
                runs.append(folder / f"{len(runs)}.nt")
                _write_run(lines, runs[-1])
                lines = []
        if not runs:  # all in memory: sort and write at once
            return _write_run(lines, path)
        runs.append(folder / f"{len(runs)}.nt")
        _write_run(lines, runs[-1])
        del lines
        files = [run.open("rb", buffering=1 << 20) for run in runs]
        try:
            written = 0
            with path.open("wb", buffering=1 << 20) as out:
                write = out.write
                for line, _ in groupby(heapq.merge(*files)):
                    write(line)
                    written += 1
            return written
        finally:
            for handle in files:
                handle.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_run(lines: list[bytes], path: Path) -> int:
    """``lines`` sorted, each once, into ``path``; returns how many were written."""
    lines.sort()
    unique = [line for line, _ in groupby(lines)]
    with path.open("wb", buffering=1 << 20) as out:
        out.writelines(unique)
    return len(unique)


def parse_ntriples(path: Path) -> Iterator[ox.Triple]:
    """The triples of an N-Triples file, streamed from disk."""
    return ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)


def _serialize(document: bytes, path: Path, **options: object) -> None:
    # streamed from the parser to the writer: no Python object per triple
    ox.serialize(ox.parse(document, format=ox.RdfFormat.N_TRIPLES), str(path), **options)


def write_turtle(graph: nx.MultiDiGraph, path: Path, document: bytes | Path | None = None) -> None:
    """``document`` is ntriples(graph), or the file write_ntriples wrote, when the caller already
    made it (it is shared with JSON-LD and the store); a file is streamed, never read whole."""
    if isinstance(document, Path):
        ox.serialize(parse_ntriples(document), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return
    _serialize(document or ntriples(graph), path, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_jsonld(graph: nx.MultiDiGraph, path: Path, document: bytes | Path | None = None) -> None:
    if isinstance(document, Path):
        write_compact_jsonld(parse_ntriples(document), path)
        return
    write_compact_jsonld(ox.parse(document or ntriples(graph), format=ox.RdfFormat.N_TRIPLES), path)


def write_turtle_and_jsonld(document: bytes, turtle: Path, jsonld: Path) -> None:
    """Both from one parse of the N-Triples: a third faster than two streamed passes, for
    the memory of the parsed triples (about 140 MB per 650,000) while it runs."""
    triples = list(ox.parse(document, format=ox.RdfFormat.N_TRIPLES))
    ox.serialize(triples, str(turtle), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    write_compact_jsonld(triples, jsonld)


_RDF_TYPE = RDF + "type"
_XSD_STRING = XSD + "string"


def _curie(iri: str, by_length: list[tuple[str, str]]) -> str:
    for namespace, prefix in by_length:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def write_compact_jsonld(triples: Iterable[ox.Triple], path: Path) -> None:
    """JSON-LD as its users expect it: an @context with the ontology's prefixes and a @graph of
    node objects with compact IRIs ("gg:responsibleFor", "@type": "gg:Agency"), one per subject.
    Written as a stream from triples that come grouped by subject (sorted N-Triples)."""
    by_length = sorted(((namespace, prefix) for prefix, namespace in PREFIXES.items()), key=lambda p: -len(p[0]))
    curie = lru_cache(maxsize=1 << 16)(lambda iri: _curie(iri, by_length))
    named, literal, blank = ox.NamedNode, ox.Literal, ox.BlankNode

    def term(node: object) -> object:
        kind = type(node)
        if kind is named:
            return {"@id": curie(node.value)}
        if kind is literal:
            if node.language:
                return {"@value": node.value, "@language": node.language}
            datatype = node.datatype.value
            return node.value if datatype == _XSD_STRING else {"@value": node.value, "@type": curie(datatype)}
        if kind is blank:
            return {"@id": f"_:{node.value}"}
        return {"@id": str(node)}

    def key(subject: object) -> str:
        return subject.value if type(subject) is named else f"_:{subject.value}"

    dumps = json.dumps
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@context": ' + dumps(dict(sorted(PREFIXES.items())), ensure_ascii=False) + ',\n"@graph": [')
        separator = "\n"
        for subject, group in groupby(triples, key=lambda t: key(t.subject)):
            node: dict[str, object] = {"@id": subject if subject.startswith("_:") else curie(subject)}
            for triple in group:
                predicate, obj = triple.predicate.value, triple.object
                if predicate == _RDF_TYPE and type(obj) is named:
                    node.setdefault("@type", []).append(curie(obj.value))
                else:
                    node.setdefault(curie(predicate), []).append(term(obj))
            out.write(separator + dumps(node, ensure_ascii=False, sort_keys=True))
            separator = ",\n"
        out.write("\n]}\n")
