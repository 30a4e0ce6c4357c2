"""A persistent Oxigraph store (RocksDB) beside a build's files.

`govgraph build --store` bulk-loads the build's triples into BUILD/store once; `govgraph query`
and `govgraph serve` then open that store read-only instead of parsing graph.ttl, so a server over
millions of triples starts in seconds and holds them once (on disk, paged in as needed).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

STORE_FOLDER = "store"


def write_store(folder: Path, turtle: Path) -> None:
    """Bulk-load the build's Turtle into a new store at ``folder`` (the folder must not exist)."""
    store = ox.Store(str(folder))
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    store.optimize()
    store.flush()
    del store  # closes RocksDB before the build folder is swapped in


def open_store(build: Path) -> ox.Store | None:
    """The build's persistent store, read-only, or None when it has none."""
    folder = build / STORE_FOLDER
    if not folder.is_dir():
        return None
    return ox.Store.read_only(str(folder))
