"""A build: files -> documents -> extractions -> entities -> graph -> output folder.

Reading and extraction are a per-document map (a process pool when there is
enough work, or a Dask cluster); resolution and assembly are the reduce (with Dask, its
group-bys run on the cluster: graph.engine). Outputs are written to a
temporary folder beside the target and swapped in whole, so an interrupted build
never leaves a half-written build behind.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

import networkx as nx

from . import cache as cache_module
from .assemble import assemble
from .documents import document_id, find_files, read_document
from .engine import ENGINES, DaskSession, EngineUnavailable, dask_map, dask_session
from .export.html import DEFAULT_MAX_NODES, write_html
from .export.rdf import (
    document_lines,
    ntriples_lines,
    read_ntriples,
    write_jsonld,
    write_ntriples,
    write_runs,
    write_turtle,
    write_turtle_and_jsonld,
)
from .export.report import write_report
from .export.tables import write_edges_csv, write_tables
from .extract import extract
from .extract.model_ner import NER_CHOICES, ModelUnavailable, require_model
from .model import Extraction, ReadFailure, Resolved
from .resolve import resolve
from .store import STORE_FOLDER, die_with_parent, store_loader, write_store_apart

SAMPLE_CORPUS = Path(__file__).parent / "sample_corpus"
PARALLEL_THRESHOLD = 16  # fewer documents than this are not worth starting workers for
PARALLEL_EXPORT_NODES = 1000  # smaller graphs export faster than a process starts
MAX_CHUNK = 32  # documents sent to a worker at once
ONE_PARSE_TRIPLES = 1_000_000  # up to this many, Turtle and JSON-LD come from one parse held in memory (~200 MB)


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
    triples: int = 0  # in the N-Triples (and the store): counted as they are written


def read_and_extract(path: str, doc_id: str, ner: str = "rules") -> Extraction | ReadFailure:
    """The map step for one file (a top-level function so worker processes can run it)."""
    document = read_document(Path(path), doc_id)
    if isinstance(document, ReadFailure):
        return document
    try:
        return extract(document, ner)
    except Exception as error:  # a rule that breaks on one document must not stop the build
        return ReadFailure(doc_id, f"extraction failed: {type(error).__name__}: {error}")


def extract_all(files: Sequence[Path], roots: Sequence[Path], workers: int | None = None,
                ner: str = "rules", cache: Cache | None = None, engine: str = "pool",
                scheduler: str | None = None, scheduler_timeout: float = 30,
                session: DaskSession | None = None) -> list[Extraction | ReadFailure]:
    """Read and extract every file (the map), in worker processes when there are many; with a
    ``cache``, only the files whose key (id, bytes, extractor version) is not in it. With a Dask
    ``session`` the extractions stay on the cluster for its reduce: those returned for the files
    it extracted have no mentions or relation mentions."""
    ids = [document_id(path, roots) for path in files]
    results: list[Extraction | ReadFailure | None] = [None] * len(files)
    keys: list[str] = []
    if cache is not None:
        for index, (path, doc_id) in enumerate(zip(files, ids, strict=True)):
            try:
                keys.append(cache_module.entry_key(doc_id, path.read_bytes(), ner))
            except OSError:
                keys.append("")
                continue
            if cache.previous is not None:
                results[index] = cache_module.load(cache.previous, keys[-1])
    todo = [i for i, r in enumerate(results) if r is None]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    dumped: dict[int, bytes] = {}  # cache entries pickled where the extraction was made
    if engine == "dask" and todo and session is not None:
        light = session.map([str(files[i]) for i in todo], [ids[i] for i in todo], ner, dump=cache is not None)
        fresh = [result for result, _ in light]
        dumped = {i: data for i, (_, data) in zip(todo, light, strict=True) if data is not None}
    elif engine == "dask" and todo:
        fresh = dask_map([str(files[i]) for i in todo], [ids[i] for i in todo], ner, scheduler, workers,
                         scheduler_timeout)
    elif workers <= 1 or len(todo) < PARALLEL_THRESHOLD:
        fresh = [read_and_extract(str(files[i]), ids[i], ner) for i in todo]
    else:
        # a worker holds a chunk's results until the chunk is done: capped, its memory stays flat
        chunk = max(1, min(MAX_CHUNK, len(todo) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
            fresh = list(pool.map(read_and_extract, [str(files[i]) for i in todo], [ids[i] for i in todo],
                                  [ner] * len(todo), chunksize=chunk))
    for index, value in zip(todo, fresh, strict=True):
        results[index] = value
    if cache is not None:
        cache.extracted, cache.reused = len(todo), len(files) - len(todo)
        fresh_ones = set(todo)
        cache.entries = [(k, dumped[i] if i in dumped else cache_module.dumps(r) if i in fresh_ones else None)
                         for i, (k, r) in enumerate(zip(keys, results, strict=True)) if k]
    return results  # type: ignore[return-value]


@dataclass
class Cache:
    """Where earlier extractions are read from, and what this build did with them."""

    previous: Path | None  # the cache folder of the build being replaced, if any
    extracted: int = 0
    reused: int = 0
    #: key -> the entry's bytes (None: reused, the previous build's file is linked): bytes, not
    #: the Extractions, so the build can free every mention once resolution is done
    entries: list[tuple[str, bytes | None]] = field(default_factory=list)


@contextmanager
def _output_lock(output: Path) -> Iterator[None]:
    """One build or report at a time per output folder; a second waits for the first. Stale
    temporary folders of builds that were killed are removed once the lock is held."""
    import fcntl

    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = output.parent / f".{output.name}.lock"
    with open(lock_path, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            for stale in [*output.parent.glob(f".{output.name}.partial-*"),
                          *output.parent.glob(f".{output.name}.old-*")]:
                shutil.rmtree(stale, ignore_errors=True)  # no live build holds them: we hold the lock
            for runs in output.parent.glob(f".{output.name}.runs-*-*"):  # made before the lock is taken
                pid = runs.name.rsplit(".runs-", 1)[1].split("-")[0]
                if pid.isdigit() and not _alive(int(pid)):  # its build was killed
                    shutil.rmtree(runs, ignore_errors=True)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs (a build that made a runs folder may still be extracting)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def check_ner(ner: str) -> None:
    """Fail before any document is read when the chosen recogniser cannot run."""
    if ner not in NER_CHOICES:
        raise BuildError(f"unknown --ner {ner!r} (choose from {', '.join(NER_CHOICES)})")
    if ner == "model":
        try:
            require_model()
        except ModelUnavailable as error:
            raise BuildError(str(error)) from error


def build_graph(paths: Iterable[Path], workers: int | None = None, ner: str = "rules",
                cache: Cache | None = None, engine: str = "pool",
                scheduler: str | None = None, scheduler_timeout: float = 30,
                runs: Path | None = None) -> tuple[nx.MultiDiGraph, list[ReadFailure], dict[str, float]]:
    """The graph of the documents under ``paths``. With the Dask engine and ``runs`` (a folder its
    workers share), the entities' and relations' triples are also written there as sorted runs by the
    workers (DaskSession.resolve): write_outputs(runs=...) merges them instead of making them again."""
    check_ner(ner)
    roots = list(paths)
    files = find_files(roots)
    missing = [str(p) for p in roots if not p.exists()]
    if not files:
        raise BuildError(f"no documents found under: {', '.join(map(str, roots))}"
                         + (f" (missing: {', '.join(missing)})" if missing else ""))
    seconds: dict[str, float] = {}
    engine_session: AbstractContextManager[DaskSession | None] = nullcontext()
    if engine == "dask":  # one cluster for the map and the reduce: the extractions stay on it
        engine_session = dask_session(scheduler, workers if workers is not None else (os.cpu_count() or 1),
                                      scheduler_timeout)
    with engine_session as session:
        return _map_and_reduce(files, roots, missing, workers, ner, cache, session, seconds, runs)


def _map_and_reduce(files: list[Path], roots: list[Path], missing: list[str], workers: int | None, ner: str,
                    cache: Cache | None, session: DaskSession | None, seconds: dict[str, float],
                    runs: Path | None = None) -> tuple[nx.MultiDiGraph, list[ReadFailure], dict[str, float]]:
    """The map, then the reduce: in this process, or with a Dask ``session`` on its cluster."""
    started = time.perf_counter()
    with _gc_paused():  # receiving the workers' results is three times slower with the collector on
        results = extract_all(files, roots, workers, ner, cache, "pool" if session is None else "dask",
                              session=session)
    seconds["extract"] = time.perf_counter() - started
    failures = [r for r in results if isinstance(r, ReadFailure)]
    failures += [ReadFailure(p, "no such file or folder") for p in missing]
    extractions = [r for r in results if isinstance(r, Extraction)]
    del results
    if not extractions:
        reasons = "; ".join(f"{f.path}: {f.reason}" for f in failures)
        raise BuildError(f"no document could be read ({reasons})")
    started = time.perf_counter()
    with _gc_paused():
        resolved = session.resolve(extractions, runs) if session is not None \
            else _without_mentions(resolve(extractions))
        del extractions  # their mentions are in the entities now: freed, their memory makes the graph
        graph = assemble(resolved)
        del resolved
    seconds["resolve"] = time.perf_counter() - started
    return graph, failures, seconds


def _without_mentions(resolved: Resolved) -> Resolved:
    """``resolved`` whose documents no longer carry their mentions and relation mentions, which
    assembly does not read: the last references to them go, and with them most of the map's memory."""
    return replace(resolved, documents=tuple(replace(e, mentions=(), relations=()) for e in resolved.documents))


def write_outputs(graph: nx.MultiDiGraph, failures: list[ReadFailure], output: Path, title: str,
                  html_max_nodes: int = DEFAULT_MAX_NODES, parallel: bool = False,
                  cache: Cache | None = None, store: bool = False, runs: Path | None = None) -> dict[str, float]:
    """Every output into a temporary sibling folder, then swapped into place.

    The triples are written once, sorted, as N-Triples shards (a folder of files read in name
    order) in bounded memory (an external merge sort); Turtle, JSON-LD and the store are streamed
    from the shards, so no format holds every triple in memory. With ``parallel`` two processes
    share the work: this one makes the triples as sorted runs on disk, then starts a new process
    (started, not forked: see _rdf_apart) that merges them into the shards and writes Turtle and
    JSON-LD from them, while this one writes the view, the tables and the report. The store's
    loader (graph.store.store_loader) takes each run as soon as it is written: it loads while this
    process makes the rest of the triples (one core was idle then) and while the runs are merged.

    ``runs``: a folder of sorted runs holding the triples of every entity and relation, written by a
    Dask cluster's workers (build_graph); only the documents' triples are then made here.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{output.name}.partial-", dir=output.parent))
    temporary.chmod(0o755)  # mkdtemp makes it private; a build folder is an ordinary one

    handed_over = temporary / ".ntriples"  # the shards; not an output: removed before the folder is swapped in
    made_runs = temporary / ".runs"  # this process's sorted runs, for the RDF process; not an output either
    lines = None if runs is None else chain.from_iterable(map(document_lines, graph.graph["documents"]))
    their_runs = [] if runs is None else sorted(runs.glob("*.nt"))  # the entities' and relations', from the workers

    def rdf() -> dict[str, float]:
        started = time.perf_counter()
        triples = write_ntriples(graph, handed_over, runs=their_runs, lines=lines)  # complete or absent
        if triples <= ONE_PARSE_TRIPLES:  # small: both formats from one parse, a third faster
            write_turtle_and_jsonld(read_ntriples(handed_over), temporary / "graph.ttl", temporary / "graph.jsonld")
        else:
            write_turtle(graph, temporary / "graph.ttl", handed_over)
            write_jsonld(graph, temporary / "graph.jsonld", handed_over)
        write_edges_csv(graph, temporary / "edges.csv")
        seconds = {"rdf": time.perf_counter() - started, "triples": triples}
        if store:  # a persistent store beside the files: serve and query open it instead of parsing
            started = time.perf_counter()
            write_store_apart(temporary / STORE_FOLDER, handed_over)
            seconds["store"] = time.perf_counter() - started
        return seconds

    def others() -> dict[str, float]:
        started = time.perf_counter()
        write_html(graph, temporary / "graph.html", title, html_max_nodes)
        write_tables(graph, temporary / "graph.graphml", temporary / "graph.gexf", temporary / "nodes.csv",
                     temporary / "edges.csv" if parallel else None)  # else rdf() wrote edges.csv
        write_report(graph, temporary / "report.md", failures, title)
        manifest = {
            "generator": "govgraph",
            "title": title,
            "documents": graph.graph.get("documents", []),
            "failures": [{"path": f.path, "reason": f.reason} for f in failures],
            "entities": graph.number_of_nodes(),
            "relations": graph.number_of_edges(),
        }
        (temporary / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False)
                                                 + "\n", encoding="utf-8")
        return {"other_exports": time.perf_counter() - started}

    try:
        if cache is not None:  # this build's entries, for the next: reused ones linked, new ones written
            entries = temporary / cache_module.CACHE_FOLDER
            entries.mkdir()
            for key, value in cache.entries:
                cache_module.store(entries, key, value, cache.previous)
        with _gc_paused():
            if parallel:
                started = time.perf_counter()
                made_runs.mkdir()
                with store_loader(temporary / STORE_FOLDER) if store else nullcontext(None) as load:
                    for run in their_runs if load is not None else ():
                        load(run)
                    mine = write_runs(ntriples_lines(graph) if lines is None else lines, made_runs, written=load)
                    seconds = {"triple_runs": time.perf_counter() - started}
                    with _rdf_apart([*their_runs, *mine], handed_over, temporary) as rdf_seconds:
                        seconds.update(others())
                    seconds.update(rdf_seconds)
                if store:  # from the first run to a store complete: it loads beside everything after it
                    seconds["store"] = time.perf_counter() - started
            else:
                seconds = {**rdf(), **others()}
        for scratch in (handed_over, made_runs):
            shutil.rmtree(scratch, ignore_errors=True)
        swap_in(temporary, output, keep=("report-*",))  # reports written into a build outlive rebuilds
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return seconds


@contextmanager
def _rdf_apart(runs: list[Path], shards: Path, folder: Path) -> Iterator[dict[str, float]]:
    """graph.export.rdf.rdf_main in a new Python process while the body runs; then its figures fill
    the dict yielded, or its failure is raised. The process is started, not forked: a forked one
    shares the graph's pages with this process, and each page that either touches (a reference count
    is a write) is then copied, so a forked exporter came to hold a copy of most of the graph (2.1 GB
    of its own at 30k documents, 5.7 KB per entity). This one never holds the graph: it reads the runs
    from disk. Like the store's loader, it is a fresh interpreter (python -c), which imports no
    caller's script."""
    package_parent = str(Path(__file__).resolve().parent.parent)  # this govgraph, whatever the cwd
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from graph.export.rdf import rdf_main; rdf_main()")
    request = json.dumps({"runs": [str(run) for run in runs], "shards": str(shards), "folder": str(folder)})
    with tempfile.TemporaryFile("w+") as answer, tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen([sys.executable, "-c", code, package_parent], stdin=subprocess.PIPE,
                                 stdout=answer, stderr=errors, text=True)
        seconds: dict[str, float] = {}
        try:
            child.stdin.write(request)  # type: ignore[union-attr]
            child.stdin.close()  # type: ignore[union-attr]
            yield seconds
            if child.wait() != 0:
                errors.seek(0)
                reason = (errors.read().strip().splitlines() or [f"exit code {child.returncode}"])[-1]
                raise BuildError(f"export failed: {reason}")
            answer.seek(0)
            seconds.update(json.loads(answer.read()))
        finally:
            if child.poll() is None:  # this process failed first: the RDF process is not waited for
                child.kill()
                child.wait()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Extraction results, the reduce and the exports make millions of long-lived, acyclic
    objects; the cyclic collector would walk them again and again for nothing. Nested pauses
    leave the collector to the outermost (build)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: What a folder written by govgraph holds, so that only such a folder is ever replaced.
BUILD_MARK = "manifest.json"
REPORT_MARK = ".govgraph-report"


def is_replaceable(folder: Path, mark: str) -> bool:
    """A folder govgraph may replace: absent, empty, or one it wrote itself (its mark file is there;
    a build's manifest says "generator": "govgraph", or has the keys every earlier build wrote)."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    if not any(folder.iterdir()):
        return True
    marker = folder / mark
    if mark != BUILD_MARK:
        return marker.is_file()
    try:
        manifest = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and (manifest.get("generator") == "govgraph"
                                           or {"documents", "entities", "relations", "title"} <= set(manifest))


def check_output(output: Path, inputs: Iterable[Path], force: bool = False) -> None:
    """Refuse an output folder whose replacement would lose what govgraph did not write: a folder
    of other files (unless ``force``), an input, or a folder holding an input."""
    target = output.resolve()
    for source in inputs:
        source = source.resolve()
        if source == target or target in source.parents:
            raise BuildError(f"{output}: it holds the input {source}; a build there would delete it")
        if source in target.parents:
            raise BuildError(f"{output}: it is inside the input {source}; the next build would read its outputs")
    if not force and not is_replaceable(output, BUILD_MARK):
        raise BuildError(f"{output}: not empty and not a govgraph build (no govgraph manifest.json); "
                         "choose another folder, or --force to replace it")


def swap_in(new: Path, output: Path, keep: tuple[str, ...] = ()) -> None:
    """Put a finished folder in place of ``output``, keeping the old one until the new is there.
    Entries of the old folder matching ``keep`` (glob patterns) move into the new one."""
    if output.exists():
        for pattern in keep:
            for kept in sorted(output.glob(pattern)):
                if not (new / kept.name).exists():
                    kept.rename(new / kept.name)
        if _exchange(new, output):  # atomic: the output path never goes missing
            shutil.rmtree(new, ignore_errors=True)  # now holds the previous build
            return
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
        new.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(output)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where it cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0


def build(paths: Iterable[Path], output: Path, title: str | None = None, workers: int | None = None,
          html_max_nodes: int = DEFAULT_MAX_NODES, ner: str = "rules", force: bool = False,
          use_cache: bool = True, store: bool = False, engine: str = "pool",
          scheduler: str | None = None, scheduler_timeout: float = 30) -> BuildResult:
    """A build folder from the documents under ``paths``. With ``use_cache`` (the default) documents
    unchanged since the build in ``output`` are not extracted again."""
    paths = list(paths)
    check_output(output, paths, force)
    previous = output / cache_module.CACHE_FOLDER
    cache = Cache(previous if use_cache and previous.is_dir() and is_replaceable(output, BUILD_MARK) else None)
    if engine not in ENGINES:
        raise BuildError(f"unknown --engine {engine!r} (choose from {', '.join(ENGINES)})")
    runs = None
    if engine == "dask" and scheduler is None:  # a local cluster's workers share this file system
        output.parent.mkdir(parents=True, exist_ok=True)
        runs = Path(tempfile.mkdtemp(prefix=f".{output.name}.runs-{os.getpid()}-", dir=output.parent))
    try:
        # one pause for the map, the reduce and the exports: paused and resumed around each, the collector
        # walked every object the stage had made at each resumption (all the extractions, which the
        # reduce frees anyway, then the graph): 4.6 s at 30,000 documents, on the build's longest path
        with _gc_paused():
            try:
                graph, failures, seconds = build_graph(paths, workers, ner, cache, engine, scheduler,
                                                       scheduler_timeout, runs)
            except EngineUnavailable as error:
                raise BuildError(str(error)) from error
            title = title or f"govgraph build: {output.name}"
            parallel = (workers is None or workers > 1) and graph.number_of_nodes() >= PARALLEL_EXPORT_NODES
            with _output_lock(output):
                check_output(output, paths, force)  # again: another build may have written it meanwhile
                seconds.update(write_outputs(graph, failures, output, title, html_max_nodes, parallel, cache,
                                             store, runs))
    finally:
        if runs is not None:
            shutil.rmtree(runs, ignore_errors=True)
    seconds.update({"documents_extracted": cache.extracted, "documents_reused": cache.reused})
    triples = int(seconds.pop("triples"))
    return BuildResult(output, len(graph.graph["documents"]), failures, graph.number_of_nodes(),
                       graph.number_of_edges(), seconds, graph, triples)
