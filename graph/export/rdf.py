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
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain, groupby
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
    "nearDuplicateOf": GG + "nearDuplicateOf", "replaces": GG + "replaces", "ceiling": GG + "ceiling",
}.items()}


def _amount_lines(owner: str, owner_iri: str, amount: dict) -> Iterator[str]:
    ceiling = ("ceiling",) if amount.get("ceiling") else ()  # a ceiling and a sum paid, both "500万元": two nodes
    node = _n(f"{ID}amount/{_digest(owner_iri, amount['yuan'], amount['text'], *ceiling)}")
    yield f"{owner} {_P['amount']} {node} ."
    yield f"{node} {_TYPE} {_P['MonetaryAmount']} ."
    yield f"{node} {_P['yuan']} {_typed(format(amount['yuan'], 'f'), 'decimal')} ."
    yield f"{node} {_P['currency']} {_literal('CNY')} ."
    yield f"{node} {_P['amountText']} {_literal(amount['text'])} ."
    if amount.get("ceiling"):  # "最高500万元": the most that may be paid
        yield f"{node} {_P['ceiling']} {_typed('true', 'boolean')} ."


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


def document_lines(document: dict) -> Iterator[str]:
    """The triples of one document's record (an item of graph.graph["documents"])."""
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


def entity_lines(entity_id: str, data: dict, seen_sources: set[str]) -> Iterator[str]:
    """The triples of one entity, ``data`` its node's attributes (graph.assemble.entity_attributes).
    A source already in ``seen_sources`` is linked, not described again: only a saving, since the
    lines are deduplicated when sorted, so callers with separate sets give the same triples."""
    node = _n(entity_iri(entity_id))
    yield f"{node} {_TYPE} {_n(GG + data['cls'])} ."
    yield f"{node} {_P['label']} {_literal(data['label'], script_language(data['label']))} ."
    for alias in [*data["aliases"], *data.get("translations", [])]:
        yield f"{node} {_P['altLabel']} {_literal(alias, script_language(alias))} ."
    for amount in data["amounts"]:
        yield from _amount_lines(node, entity_iri(entity_id), amount)
    yield from _source_lines(node, data["sources"], seen_sources)


def relation_lines(subject: str, obj: str, predicate: str, data: dict, seen_sources: set[str],
                   nodes: dict[str, str] | None = None) -> Iterator[str]:
    """The triples of one edge (subject and object are entity ids), ``data`` its attributes
    (graph.assemble.relation_attributes); ``nodes``, entity id -> its IRI as written, if made already."""
    s = nodes[subject] if nodes is not None else _n(entity_iri(subject))
    o = nodes[obj] if nodes is not None else _n(entity_iri(obj))
    p = _n(GG + predicate)
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


def ntriples_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Every triple of the graph as an N-Triples line, unsorted and with some repeated."""
    seen_sources: set[str] = set()
    for document in graph.graph.get("documents", []):
        yield from document_lines(document)
    for entity_id, data in graph.nodes(data=True):
        yield from entity_lines(entity_id, data, seen_sources)
    nodes = {entity_id: _n(entity_iri(entity_id)) for entity_id in graph.nodes}
    for subject, obj, predicate, data in graph.edges(keys=True, data=True):
        yield from relation_lines(subject, obj, predicate, data, seen_sources, nodes)


def ntriples(graph: nx.MultiDiGraph) -> bytes:
    """Every triple once, sorted, as N-Triples: the same graph always gives the same bytes.
    In memory, for small graphs and tests; builds stream them with write_ntriples."""
    # as UTF-8 bytes, which sort in code-point order like str and join in half the time; a list,
    # not a set: the lines come out nearly sorted, which sorting a list profits from (twice as fast)
    lines = sorted([line.encode("utf-8") for line in ntriples_lines(graph)])
    return b"\n".join(line for line, _ in groupby(lines)) + b"\n"


#: Lines sorted in memory at once by write_ntriples (about 250 MB of them); more go to sorted runs.
RUN_LINES = 1_000_000
#: Lines per N-Triples shard (part-00000.nt, ...): files a loader or a reader takes one at a time.
SHARD_LINES = 1_000_000
SHARD_PATTERN = "part-*.nt"


def write_ntriples(graph: nx.MultiDiGraph, folder: Path, run_lines: int = RUN_LINES,
                   shard_lines: int = SHARD_LINES, runs: Iterable[Path] = (),
                   lines: Iterable[str] | None = None) -> int:
    """The bytes of ntriples(graph) written as shards into a new ``folder``, in bounded memory:
    lines are sorted in runs of ``run_lines``, each run written to a file beside ``folder``, and
    the runs merged (an external merge sort) into shards of ``shard_lines`` lines (shard_paths),
    so millions of triples never sit in memory at once. Returns the triples written.

    ``runs`` are sorted runs made elsewhere (on a cluster's workers, write_runs) merged in too;
    ``lines``, if given, are written instead of ntriples_lines(graph) (the rest of the graph's
    triples, when the runs hold some). The shards are written to a partial folder renamed into
    place: ``folder`` is complete or absent."""
    scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}.runs-", dir=folder.parent))
    try:
        runs = list(runs)
        mine = _runs(ntriples_lines(graph) if lines is None else lines, scratch, run_lines)
        return merge_runs([*runs, *(run for run, _ in mine)], folder, shard_lines,
                          mine[0][1] if not runs and len(mine) == 1 else None)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def merge_runs(runs: list[Path], folder: Path, shard_lines: int = SHARD_LINES,
               only_run_lines: int | None = None) -> int:
    """Sorted runs (write_runs) merged, each line once, into shards in a new ``folder``, written to a
    partial folder renamed into place (``folder`` is complete or absent); returns the lines written.
    The second half of write_ntriples, which a process that never held the graph can do. With
    ``only_run_lines`` (the lines of the one run there is) a run that fits one shard becomes it."""
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}.partial-", dir=folder.parent))
    try:
        if len(runs) == 1 and only_run_lines is not None and only_run_lines <= shard_lines:
            runs[0].rename(partial / _shard_name(0))  # sorted in memory: it is the shard
            written = only_run_lines
        else:
            written = _merge_into_shards(runs, partial, shard_lines)
        partial.chmod(0o755)  # mkdtemp makes it private
        partial.rename(folder)
        return written
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def write_runs(lines: Iterable[str], folder: Path, run_lines: int = RUN_LINES,
               written: Callable[[Path], object] | None = None) -> list[Path]:
    """``lines`` as sorted runs of at most ``run_lines`` distinct lines, in new files in ``folder``
    (named uniquely, so processes can share it); returns them. The first step of write_ntriples,
    done where the lines are made (a cluster's workers) to be merged by write_ntriples(runs=...).
    ``written`` is called with each run once it is complete (a build's store loads it then)."""
    return [run for run, _ in _runs(lines, folder, run_lines, written)]


def _runs(lines: Iterable[str], folder: Path, run_lines: int,
          written: Callable[[Path], object] | None = None) -> list[tuple[Path, int]]:
    runs: list[tuple[Path, int]] = []
    batch: list[bytes] = []
    for line in lines:
        batch.append(f"{line}\n".encode())
        if len(batch) >= run_lines:
            runs.append(_write_run(batch, folder))
            batch = []
            if written is not None:
                written(runs[-1][0])
    if batch:
        runs.append(_write_run(batch, folder))
        if written is not None:
            written(runs[-1][0])
    return runs


def _write_run(lines: list[bytes], folder: Path) -> tuple[Path, int]:
    """``lines`` sorted, each once, into a new file in ``folder``; the file and its lines."""
    lines.sort()
    unique = [line for line, _ in groupby(lines)]
    handle, name = tempfile.mkstemp(suffix=".nt", dir=folder)
    with open(handle, "wb", buffering=1 << 20) as out:
        out.writelines(unique)
    return Path(name), len(unique)


def _merge_into_shards(runs: list[Path], folder: Path, shard_lines: int) -> int:
    """The runs merged, each line once, into shards in ``folder``. Every line ends with " ." and
    none is a prefix of another, so sorting lines with their newline gives the same order as
    without it. There is always a first shard, empty when there are no lines."""
    files = [run.open("rb", buffering=1 << 20) for run in runs]
    written, shard = 0, 0
    out = (folder / _shard_name(0)).open("wb", buffering=1 << 20)
    try:
        merged = files[0] if len(files) == 1 else (line for line, _ in groupby(heapq.merge(*files)))
        for line in merged:
            if written and written % shard_lines == 0:
                out.close()
                shard += 1
                out = (folder / _shard_name(shard)).open("wb", buffering=1 << 20)
            out.write(line)
            written += 1
        return written
    finally:
        out.close()
        for handle in files:
            handle.close()


def _shard_name(index: int) -> str:
    return f"part-{index:05d}.nt"


def shard_paths(folder: Path) -> list[Path]:
    """The N-Triples shards write_ntriples wrote into ``folder``, in order: their bytes one after
    another are ntriples(graph)."""
    return sorted(folder.glob(SHARD_PATTERN), key=lambda path: int(path.stem[len("part-"):]))


def read_ntriples(source: Path) -> bytes:
    """The bytes of a folder of shards (or of one N-Triples file), in order."""
    if source.is_dir():
        return b"".join(path.read_bytes() for path in shard_paths(source))
    return source.read_bytes()


def parse_ntriples(path: Path) -> Iterator[ox.Triple]:
    """The triples of a folder of shards, in order, or of one N-Triples file, streamed from disk."""
    if path.is_dir():
        return chain.from_iterable(ox.parse(path=str(shard), format=ox.RdfFormat.N_TRIPLES)
                                   for shard in shard_paths(path))
    return ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)


def _serialize(document: bytes, path: Path, **options: object) -> None:
    # streamed from the parser to the writer: no Python object per triple
    ox.serialize(ox.parse(document, format=ox.RdfFormat.N_TRIPLES), str(path), **options)


def write_turtle(graph: nx.MultiDiGraph | None, path: Path, document: bytes | Path | None = None) -> None:
    """``document`` is ntriples(graph), or the folder of shards write_ntriples wrote, when the caller
    already made it (it is shared with JSON-LD and the store); shards are streamed, never read whole."""
    if isinstance(document, Path):
        ox.serialize(parse_ntriples(document), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return
    _serialize(document or ntriples(graph), path, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_jsonld(graph: nx.MultiDiGraph | None, path: Path, document: bytes | Path | None = None) -> None:
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


def rdf_main() -> None:
    """The RDF process of a parallel write_outputs (graph.build._rdf_apart): what to do comes on stdin
    as JSON; the runs are merged into the shards and Turtle and JSON-LD streamed from them (the
    store, if any, is loaded from the runs by a process of the build's: graph.store.store_loader);
    the figures go to stdout as JSON, a failure to stderr (its last line says why) with a non-zero exit."""
    from ..store import die_with_parent

    die_with_parent()  # ends with the build, like the pool's workers
    request = json.loads(sys.stdin.read())
    started = time.perf_counter()
    folder, shards = Path(request["folder"]), Path(request["shards"])
    try:
        triples = merge_runs([Path(run) for run in request["runs"]], shards)
        seconds: dict[str, float] = {"triples": triples}
        write_turtle(None, folder / "graph.ttl", shards)  # from the shards: no graph
        write_jsonld(None, folder / "graph.jsonld", shards)
        seconds["rdf"] = time.perf_counter() - started
    except Exception as error:  # one line that says why, for the build's error
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(seconds))
