"""Where the map (read + extract per document) runs: this machine's process pool, or a Dask cluster.

The map is a pure function per file (graph.build.read_and_extract), so any engine can run it; the
reduce (resolution and assembly) runs in the driver on the extractions that come back. With Dask,
``scheduler`` is a running scheduler's address ("tcp://host:8786"); without one a LocalCluster of
processes is started for the build and closed after it. The workers need govgraph installed.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Extraction, ReadFailure

ENGINES = ("pool", "dask")


class EngineUnavailable(RuntimeError):
    """The chosen engine cannot run here; the message says what to install."""


def dask_map(paths: Sequence[str], ids: Sequence[str], ner: str, scheduler: str | None = None,
             workers: int | None = None, timeout: float = 30) -> list[Extraction | ReadFailure]:
    """read_and_extract over the files on Dask, results in the files' order. A scheduler that does
    not answer within ``timeout`` seconds is an EngineUnavailable naming it."""
    try:
        import dask.bag as bag
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise EngineUnavailable("--engine dask needs dask[bag,distributed]: pip install 'govgraph[dask]'") from error
    from .build import read_and_extract

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    try:
        client = Client(scheduler or cluster, timeout=timeout)
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise EngineUnavailable(f"no Dask scheduler answered at {scheduler or 'the local cluster'} "
                                f"within {timeout:g} s ({type(error).__name__})") from error
    try:
        partitions = max(1, min(len(paths), 8 * sum(client.nthreads().values())))
        items = bag.from_sequence(list(zip(paths, ids, strict=True)), npartitions=partitions)
        return items.starmap(read_and_extract, ner=ner).compute(scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
