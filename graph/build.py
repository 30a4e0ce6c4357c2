"""A build: files -> documents -> extractions -> entities -> graph -> output folder.

Reading and extraction are a per-document map (a process pool when there is
enough work); resolution and assembly are the reduce. Outputs are written to a
temporary folder beside the target and swapped in whole, so an interrupted build
never leaves a half-written build behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .assemble import assemble
from .documents import document_id, find_files, read_document
from .export.html import write_html
from .export.rdf import sorted_triples, write_jsonld, write_turtle
from .export.report import write_report
from .export.tables import write_edges_csv, write_gexf, write_graphml, write_nodes_csv
from .extract import extract
from .model import Extraction, ReadFailure
from .resolve import resolve

SAMPLE_CORPUS = Path(__file__).parent / "sample_corpus"
PARALLEL_THRESHOLD = 16  # fewer documents than this are not worth starting workers for


class BuildError(Exception):
    """Nothing could be built; the message says why."""


@dataclass
class BuildResult:
    output: Path
    documents: int
    failures: list[ReadFailure]
    entities: int
    relations: int
    seconds: dict[str, float] = field(default_factory=dict)
    graph: nx.MultiDiGraph | None = None


def read_and_extract(path: str, doc_id: str) -> Extraction | ReadFailure:
    """The map step for one file (a top-level function so worker processes can run it)."""
    document = read_document(Path(path), doc_id)
    if isinstance(document, ReadFailure):
        return document
    try:
        return extract(document)
    except Exception as error:  # a rule that breaks on one document must not stop the build
        return ReadFailure(doc_id, f"extraction failed: {type(error).__name__}: {error}")


def extract_all(files: Sequence[Path], roots: Sequence[Path],
                workers: int | None = None) -> list[Extraction | ReadFailure]:
    ids = [document_id(path, roots) for path in files]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        return [read_and_extract(str(path), doc_id) for path, doc_id in zip(files, ids, strict=True)]
    chunk = max(1, len(files) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(read_and_extract, [str(p) for p in files], ids, chunksize=chunk))


def build_graph(paths: Iterable[Path],
                workers: int | None = None) -> tuple[nx.MultiDiGraph, list[ReadFailure], dict[str, float]]:
    roots = list(paths)
    files = find_files(roots)
    missing = [str(p) for p in roots if not p.exists()]
    if not files:
        raise BuildError(f"no documents (.txt, .md, .html) found under: {', '.join(map(str, roots))}"
                         + (f" (missing: {', '.join(missing)})" if missing else ""))
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    results = extract_all(files, roots, workers)
    seconds["extract"] = time.perf_counter() - started
    failures = [r for r in results if isinstance(r, ReadFailure)]
    failures += [ReadFailure(p, "no such file or folder") for p in missing]
    extractions = [r for r in results if isinstance(r, Extraction)]
    if not extractions:
        reasons = "; ".join(f"{f.path}: {f.reason}" for f in failures)
        raise BuildError(f"no document could be read ({reasons})")
    started = time.perf_counter()
    graph = assemble(resolve(extractions))
    seconds["resolve"] = time.perf_counter() - started
    return graph, failures, seconds


def write_outputs(graph: nx.MultiDiGraph, failures: list[ReadFailure], output: Path, title: str) -> dict[str, float]:
    """Every output into a temporary sibling folder, then swapped into place."""
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{output.name}.partial-", dir=output.parent))
    temporary.chmod(0o755)  # mkdtemp makes it private; a build folder is an ordinary one
    seconds: dict[str, float] = {}
    try:
        started = time.perf_counter()
        ordered = sorted_triples(graph)
        write_turtle(graph, temporary / "graph.ttl", ordered)
        write_jsonld(graph, temporary / "graph.jsonld", ordered)
        seconds["rdf"] = time.perf_counter() - started
        started = time.perf_counter()
        write_html(graph, temporary / "graph.html", title)
        write_graphml(graph, temporary / "graph.graphml")
        write_gexf(graph, temporary / "graph.gexf")
        write_nodes_csv(graph, temporary / "nodes.csv")
        write_edges_csv(graph, temporary / "edges.csv")
        write_report(graph, temporary / "report.md", failures, title)
        manifest = {
            "title": title,
            "documents": graph.graph.get("documents", []),
            "failures": [{"path": f.path, "reason": f.reason} for f in failures],
            "entities": graph.number_of_nodes(),
            "relations": graph.number_of_edges(),
        }
        (temporary / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False)
                                                 + "\n", encoding="utf-8")
        seconds["other_exports"] = time.perf_counter() - started
        _swap_in(temporary, output)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return seconds


def _swap_in(new: Path, output: Path) -> None:
    if output.exists():
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
        new.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(output)


def build(paths: Iterable[Path], output: Path, title: str | None = None, workers: int | None = None) -> BuildResult:
    paths = list(paths)
    graph, failures, seconds = build_graph(paths, workers)
    title = title or f"govgraph build: {output.name}"
    seconds.update(write_outputs(graph, failures, output, title))
    return BuildResult(output, len(graph.graph["documents"]), failures, graph.number_of_nodes(),
                       graph.number_of_edges(), seconds, graph)
