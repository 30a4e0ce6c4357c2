"""A persistent Oxigraph store (RocksDB) beside a build's files.

`govgraph build --store` bulk-loads the build's triples into BUILD/store once; `govgraph query`
and `govgraph serve` then open that store read-only instead of parsing graph.ttl, so a server over
millions of triples starts in seconds and holds them once (on disk, paged in as needed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

STORE_FOLDER = "store"


def write_store(folder: Path, triples: Path) -> None:
    """Bulk-load the build's triples into a new store at ``folder`` (the folder must not exist).
    ``triples`` is the folder of N-Triples shards a build writes (N-Triples: the cheapest to parse,
    and streamed from disk; each shard loaded in turn into the one store), an N-Triples file (.nt)
    or a Turtle file."""
    from .export.rdf import shard_paths

    store = ox.Store(str(folder))
    if triples.is_dir():
        for shard in shard_paths(triples):
            store.bulk_load(path=str(shard), format=ox.RdfFormat.N_TRIPLES)
    else:
        rdf_format = ox.RdfFormat.N_TRIPLES if triples.suffix == ".nt" else ox.RdfFormat.TURTLE
        store.bulk_load(path=str(triples), format=rdf_format)
    store.optimize()
    store.flush()
    del store  # closes RocksDB before the build folder is swapped in


def write_store_apart(folder: Path, triples: Path) -> None:
    """write_store in a new Python process (started, not forked). RocksDB's threads and locks do not
    survive a fork: a build's forked exporter hung in the loader when the build's process had opened a
    store before (the bench counts triples in one). Apart, the loader's memory (about 1.5 GB at any
    size) is not added to the build's either, and it runs beside the other exports."""
    package_parent = str(Path(__file__).resolve().parent.parent)  # this govgraph, whatever the cwd
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from graph.store import _load_main; "
            "_load_main(sys.argv[2], sys.argv[3])")
    run = subprocess.run([sys.executable, "-c", code, package_parent, str(folder), str(triples)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        reason = (run.stderr.strip().splitlines() or [f"exit code {run.returncode}"])[-1]
        raise OSError(f"the store could not be written: {reason}")


def _load_main(folder: str, triples: str) -> None:
    """write_store_apart's process: it ends with the build that started it."""
    die_with_parent()
    write_store(Path(folder), Path(triples))


@contextmanager
def store_loader(folder: Path) -> Iterator[Callable[[Path], None]]:
    """A new store at ``folder`` loaded, by a process of its own (see write_store_apart), from the
    N-Triples files given to the callable yielded, each as soon as it is given: a build gives it its
    sorted runs as it writes them, so the store loads while the build makes the rest of its triples
    and merges them, instead of after the merge (the same triples: the store is a set, a line in two
    runs is one triple). The store is complete when the block ends; a failure is an OSError."""
    package_parent = str(Path(__file__).resolve().parent.parent)  # this govgraph, whatever the cwd
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from graph.store import _load_given_main; "
            "_load_given_main(sys.argv[2])")
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen([sys.executable, "-c", code, package_parent, str(folder)], stdin=subprocess.PIPE,
                                 stderr=errors, text=True)

        def give(path: Path) -> None:
            child.stdin.write(json.dumps(str(path)) + "\n")  # type: ignore[union-attr]
            child.stdin.flush()  # type: ignore[union-attr]

        try:
            yield give
            child.stdin.close()  # type: ignore[union-attr]
            if child.wait() != 0:
                errors.seek(0)
                reason = (errors.read().strip().splitlines() or [f"exit code {child.returncode}"])[-1]
                raise OSError(f"the store could not be written: {reason}")
        finally:
            if child.poll() is None:  # the build failed first: its store is not wanted
                child.kill()
                child.wait()


def _load_given_main(folder: str) -> None:
    """store_loader's process: bulk-loads each N-Triples file named on stdin (one JSON string a
    line) into one store, then compacts it."""
    die_with_parent()
    store = ox.Store(folder)
    for line in sys.stdin:
        store.bulk_load(path=json.loads(line), format=ox.RdfFormat.N_TRIPLES)
    store.optimize()
    store.flush()
    del store


def die_with_parent() -> None:
    """A process started by a build (a pool's worker, the RDF process, the store's loader) ends when
    the build's process is killed (Linux: PR_SET_PDEATHSIG), instead of running on as an orphan
    holding its memory."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before the call: nothing will signal us
            os._exit(1)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        pass


def open_store(build: Path) -> ox.Store | None:
    """The build's persistent store, read-only, or None when it has none."""
    folder = build / STORE_FOLDER
    if not folder.is_dir():
        return None
    return ox.Store.read_only(str(folder))
