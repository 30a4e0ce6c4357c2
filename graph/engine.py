"""Where the map (read + extract per document) and the reduce's group-bys run: this machine's
process pool, or a Dask cluster.

The map is a pure function per file (graph.build.read_and_extract), so any engine can run it. With
Dask, ``scheduler`` is a running scheduler's address ("tcp://host:8786"); without one a LocalCluster
of processes is started for the build and closed after it. The workers need govgraph installed.

With Dask the map's extractions stay on the workers (persisted); the driver gets each document's
small record (its Extraction without mentions and relation mentions) and, for the cache, its bytes.
The reduce then runs where the extractions are: mentions are shuffled by their resolution key
(computed in the map) and each group becomes its Entity there; the driver only gives every group
its final id (graph.resolve.entity_ids, one small record per entity, since ids must be unique over
all groups); relation mentions are joined to entity ids by (document, mention key) and merged by
edge, on the cluster too. The driver receives the final entities and relations. The rules are
graph.resolve's own functions, so both engines build the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from .assemble import entity_attributes, relation_attributes
from .export.rdf import RUN_LINES, entity_lines, relation_lines, write_runs
from .model import Amount, Entity, Extraction, Mention, ReadFailure, Relation, Resolved, Source
from .resolve import GroupKey, edge_key, edge_of, entity_ids, entity_of_group, group_key, merge_reposts

ENGINES = ("pool", "dask")


class EngineUnavailable(RuntimeError):
    """The chosen engine cannot run here; the message says what to install."""


@contextmanager
def dask_session(scheduler: str | None = None, workers: int | None = None,
                 timeout: float = 30) -> Iterator[DaskSession]:
    """A Dask client for one build's map and reduce (one cluster for both, so the map's results can
    stay on it). A scheduler that does not answer within ``timeout`` seconds is an EngineUnavailable
    naming it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise EngineUnavailable("--engine dask needs dask[bag,distributed]: pip install 'govgraph[dask]'") from error
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
        yield DaskSession(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_map(paths: Sequence[str], ids: Sequence[str], ner: str, scheduler: str | None = None,
             workers: int | None = None, timeout: float = 30) -> list[Extraction | ReadFailure]:
    """read_and_extract over the files on a cluster of its own, whole results in the files' order
    (for callers that want the map alone; a build uses DaskSession)."""
    import dask.bag as bag

    from .build import read_and_extract

    with dask_session(scheduler, workers, timeout) as session:
        items = bag.from_sequence(list(zip(paths, ids, strict=True)), npartitions=session.partitions(len(paths)))
        return items.starmap(read_and_extract, ner=ner).compute(scheduler=session.client)


@dataclass
class DaskSession:
    """The map and the reduce of one build on one Dask client."""

    client: Any  # distributed.Client
    mapped: Any = None  # the map's results, persisted on the workers (a dask Bag)
    mapped_ids: set[str] = field(default_factory=set)

    def partitions(self, items: int) -> int:
        """Enough partitions for every worker thread to have several, no more than there are items."""
        return max(1, min(items, 8 * sum(self.client.nthreads().values())))

    def map(self, paths: Sequence[str], ids: Sequence[str], ner: str,
            dump: bool) -> list[tuple[Extraction | ReadFailure, bytes | None]]:
        """read_and_extract over the files, kept on the workers; returned in the files' order: each
        file's ReadFailure or its Extraction without mentions (what the driver needs of it), and with
        ``dump`` its cache entry's bytes (pickled on the worker)."""
        import dask.bag as bag

        from .build import read_and_extract

        items = bag.from_sequence(list(zip(paths, ids, strict=True)), npartitions=self.partitions(len(paths)))
        self.mapped = self.client.persist(items.starmap(read_and_extract, ner=ner))
        self.mapped_ids = set(ids)
        return self.mapped.map(_light, dump).compute(scheduler=self.client)

    def resolve(self, extractions: Sequence[Extraction], runs: Path | None = None,
                run_lines: int = RUN_LINES) -> Resolved:
        """graph.resolve.resolve on the cluster, without mentions in the documents it returns (what
        the build keeps of them). ``extractions``: the map's light records, and whole extractions
        the driver read from the cache (sent to the cluster). With ``runs`` (a folder the workers
        can write to: the same file system) each partition of the entities and of the relations
        is also written there as sorted runs of N-Triples where it was made (graph.export.rdf
        write_runs), for the driver to merge with its documents' triples into the shards."""
        import dask
        import dask.bag as bag

        documents = merge_reposts([_without_mentions(e) for e in extractions])  # small records: the driver
        kept = frozenset(e.doc_id for e in documents)
        parts = []
        if self.mapped is not None:
            parts.append(self.mapped.filter(partial(_is_kept, kept)))
        cached = [e for e in extractions if e.doc_id not in self.mapped_ids and e.doc_id in kept]
        if cached:
            parts.append(bag.from_sequence(cached, npartitions=self.partitions(len(cached))))
        width = self.partitions(len(kept)) if kept else 1
        docs = bag.concat(parts) if parts else bag.from_sequence([], npartitions=1)
        shuffle = partial(_groupby, npartitions=width)

        # 1. mentions by resolution key -> each group's Entity under its base id (on the cluster)
        groups = shuffle(docs.map_partitions(_mention_records), itemgetter(0)).map(_entity_of_group)
        groups = self.client.persist(groups)
        # 2. the final ids: the driver reads (group key, base id), one pair per entity, in resolve()'s order
        bases = sorted(groups.map(lambda g: (g[0], g[1].entity_id)).compute(scheduler=self.client))
        final = list(zip((key for key, _ in bases), entity_ids(bases), strict=True))
        named = shuffle(bag.concat([groups.map(lambda g: (g[0], g)),
                                    bag.from_sequence(final, npartitions=width)]), itemgetter(0)).map(_named)
        # 3. relation mentions and issuers joined to entity ids on (document, mention key) ...
        ends = shuffle(bag.concat([named.map_partitions(_ids_by_mention), docs.map_partitions(_ends)]),
                       itemgetter(0)).map_partitions(_joined)
        # ... both ends of each relation mention together, then one edge per (subject, predicate, object)
        edges = shuffle(shuffle(ends.filter(lambda r: r[0] == "end").map(itemgetter(1)), itemgetter(0))
                        .map_partitions(_edge_mentions), itemgetter(0)).map(_edge)
        issued = ends.filter(lambda r: r[0] == "issuer").map(itemgetter(1))
        wanted = [named.map(itemgetter(0, 1)), edges, issued]
        if runs is not None:  # from the same tasks: the shuffles run once for both
            wanted += [named.map_partitions(_entity_runs, str(runs), run_lines),
                       edges.map_partitions(_relation_runs, str(runs), run_lines)]
        entities, relations, issuer_ids, *_ = dask.compute(*wanted, scheduler=self.client)
        issuers: dict[str, set[str]] = {e.doc_id: set() for e in documents if e.info is not None and e.info.issuers}
        for doc_id, entity_id in issuer_ids:
            issuers[doc_id].add(entity_id)
        return Resolved(tuple(entity for _, entity in sorted(entities, key=itemgetter(0))),
                        tuple(sorted(relations, key=lambda r: (r.subject, r.predicate, r.object))),
                        tuple(documents), {d: tuple(sorted(ids)) for d, ids in issuers.items()})


def _groupby(records: Any, key: Any, npartitions: int) -> Any:
    """A hash-partitioned shuffle (dask's own hash of the key, the same in every process) into
    (key, [records]) pairs."""
    return records.groupby(key, shuffle="tasks", npartitions=npartitions)


def _without_mentions(extraction: Extraction) -> Extraction:
    return replace(extraction, mentions=(), relations=()) if extraction.mentions or extraction.relations \
        else extraction


def _light(result: Extraction | ReadFailure, dump: bool) -> tuple[Extraction | ReadFailure, bytes | None]:
    from .cache import dumps

    light = _without_mentions(result) if isinstance(result, Extraction) else result
    return light, dumps(result) if dump else None


def _is_kept(kept: frozenset[str], result: Extraction | ReadFailure) -> bool:
    """A document merge_reposts kept (a repost's copies add no mentions)."""
    return isinstance(result, Extraction) and result.doc_id in kept


def _mention_records(extractions: Iterable[Extraction]) -> list[tuple[GroupKey, Mention]]:
    return [(group_key(m), m) for e in extractions for m in e.mentions]


def _entity_of_group(group: tuple[GroupKey, list[tuple[GroupKey, Mention]]]
                     ) -> tuple[GroupKey, Entity, tuple[tuple[str, str], ...]]:
    """The group's Entity (base id) and the (document, mention key) pairs that name it."""
    key, records = group
    mentions = [m for _, m in records]
    return key, entity_of_group(key, mentions), tuple({(m.source.document, m.key): None for m in mentions})


def _named(group: tuple[GroupKey, list[Any]]) -> tuple[GroupKey, Entity, tuple[tuple[str, str], ...]]:
    """A group's Entity under the final id the driver gave it."""
    key, records = group
    [(_, entity, names)] = [r[1] for r in records if isinstance(r[1], tuple)]
    [entity_id] = [r[1] for r in records if isinstance(r[1], str)]
    return key, entity if entity.entity_id == entity_id else replace(entity, entity_id=entity_id), names


def _ids_by_mention(named: Iterable[tuple[GroupKey, Entity, tuple[tuple[str, str], ...]]]) -> list[Any]:
    return [(name, ("id", key, entity.entity_id)) for key, entity, names in named for name in names]


def _ends(extractions: Iterable[Extraction]) -> list[Any]:
    """What asks for an entity id by (document, mention key): both ends of each relation mention
    (numbered in its document), and the document's issuers."""
    records: list[Any] = []
    for e in extractions:
        for index, relation in enumerate(e.relations):
            records.append(((e.doc_id, relation.subject), ("subject", (e.doc_id, index), relation)))
            records.append(((e.doc_id, relation.object), ("object", (e.doc_id, index), None)))
        for key in e.info.issuers if e.info is not None else ():
            records.append(((e.doc_id, key), ("issuer", e.doc_id, None)))
    return records


def _joined(groups: Iterable[tuple[tuple[str, str], list[Any]]]) -> list[Any]:
    """Each end gets the entity id of its (document, mention key), or None. Where two groups hold
    mentions under one such name the later group by key wins, as in resolve()."""
    out: list[Any] = []
    for _, records in groups:
        ids = [(r[1][1], r[1][2]) for r in records if r[1][0] == "id"]
        entity_id = max(ids, key=itemgetter(0))[1] if ids else None
        for _, (role, which, relation) in records:
            if role == "issuer":
                if entity_id is not None:
                    out.append(("issuer", (which, entity_id)))
            elif role != "id":
                out.append(("end", (which, role, entity_id, relation)))
    return out


def _edge_mentions(ends: Iterable[tuple[tuple[str, int], list[Any]]]) -> list[Any]:
    """A relation mention with both ends' ids -> (edge triple, (source, amount)), unless edge_key drops it."""
    out: list[Any] = []
    for _, records in ends:
        subject = next(r for r in records if r[1] == "subject")
        obj = next(r for r in records if r[1] == "object")
        relation = subject[3]
        triple = edge_key(subject[2], relation.predicate, obj[2])
        if triple is not None:
            out.append((triple, (relation.source, relation.amount)))
    return out


def _entity_runs(named: Iterable[tuple[GroupKey, Entity, Any]], folder: str, run_lines: int) -> list[str]:
    """A partition's entities as sorted runs of their N-Triples lines in ``folder`` (on a worker)."""
    seen: set[str] = set()
    lines = (line for _, entity, _ in named for line in entity_lines(entity.entity_id, entity_attributes(entity), seen))
    return [str(run) for run in write_runs(lines, Path(folder), run_lines)]


def _relation_runs(relations: Iterable[Relation], folder: str, run_lines: int) -> list[str]:
    """A partition's relations as sorted runs of their N-Triples lines in ``folder`` (on a worker)."""
    seen: set[str] = set()
    lines = (line for r in relations
             for line in relation_lines(r.subject, r.object, r.predicate, relation_attributes(r), seen))
    return [str(run) for run in write_runs(lines, Path(folder), run_lines)]


def _edge(group: tuple[tuple[str, str, str], list[tuple[Any, tuple[Source, Amount | None]]]]) -> Relation:
    triple, records = group
    return edge_of(triple, (source for _, (source, _) in records),
                   (amount for _, (_, amount) in records if amount is not None))
