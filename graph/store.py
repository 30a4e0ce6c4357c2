"""A persistent Oxigraph store (RocksDB) beside a build's files.

`govgraph build --store` bulk-loads the build's triples into BUILD/store once; `govgraph query`
and `govgraph serve` then open that store read-only instead of parsing graph.ttl, so a server over
millions of triples starts in seconds and holds them once (on disk, paged in as needed).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

STORE_FOLDER = "store"


def write_store(folder: Path, triples: Path) -> None:
    """Bulk-load the build's triples into a new store at ``folder`` (the folder must not exist).
    ``triples`` is the sorted N-Triples a build writes (.nt: the cheapest to parse, and streamed
    from disk) or its Turtle."""
    store = ox.Store(str(folder))
    rdf_format = ox.RdfFormat.N_TRIPLES if triples.suffix == ".nt" else ox.RdfFormat.TURTLE
    store.bulk_load(path=str(triples), format=rdf_format)
    store.optimize()
    store.flush()
    del store  # closes RocksDB before the build folder is swapped in


def open_store(build: Path) -> ox.Store | None:
    """The build's persistent store, read-only, or None when it has none."""
    folder = build / STORE_FOLDER
    if not folder.is_dir():
        return None
    return ox.Store.read_only(str(folder))
