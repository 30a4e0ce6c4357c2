"""--engine dask: the map and the reduce's group-bys run on a Dask cluster (here a LocalCluster of two
processes) and the build's files are byte-identical to the process pool's; the cache works the same
whichever engine filled it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import build as build_module
from graph.build import BuildError, build
from graph.cli import main
from graph.model import Amount, Mention, Source
from graph.resolve import entity_ids, entity_of_group, group_key

pytest.importorskip("distributed", reason="--engine dask needs govgraph[dask]")

CITIES = ["郑州", "洛阳", "开封", "新乡", "焦作", "许昌"]


def _documents(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        city = CITIES[n % len(CITIES)]
        (folder / f"notice_{n:02}.txt").write_text(
            f"{city}市第{n}号工作简报\n{city}市财政局向{city}市第{n}实验室补助{n + 1}0万元。\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00bad \x00")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_dask_build_writes_the_files_a_pool_build_writes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _documents(docs, 24)
    pooled = build([docs], tmp_path / "pool", workers=2, use_cache=False, title="t")
    dasked = build([docs], tmp_path / "dask", workers=2, use_cache=False, title="t", engine="dask")
    assert dasked.seconds["documents_extracted"] == pooled.seconds["documents_extracted"]
    assert "洛阳市第1实验室" in {d["label"] for _, d in dasked.graph.nodes(data=True)}
    assert [f.path for f in dasked.failures] == [f.path for f in pooled.failures]
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "pool")


def test_a_dask_build_s_triples_come_as_sorted_runs_from_its_workers(tmp_path: Path, monkeypatch) -> None:
    """With a local cluster the workers write their partitions' entity and relation triples as runs; the
    driver makes only the documents' and merges. With a scheduler's address (a cluster that may not
    share this file system) the driver makes every triple. The files are the pool's either way."""
    from distributed import LocalCluster

    from graph.export import rdf

    docs = tmp_path / "docs"
    _documents(docs, 12)
    calls: list[tuple[list[Path], bool]] = []

    def spied(graph, folder, *args, runs=(), lines=None, **kwargs):
        runs = list(runs)
        calls.append((runs, lines is not None))
        assert all(run.stat().st_size > 0 for run in runs)  # the workers' runs are there while merged
        return rdf.write_ntriples(graph, folder, *args, runs=runs, lines=lines, **kwargs)

    monkeypatch.setattr(build_module, "write_ntriples", spied)
    build([docs], tmp_path / "pool", workers=1, use_cache=False, title="t")
    build([docs], tmp_path / "dask", workers=2, use_cache=False, title="t", engine="dask")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build([docs], tmp_path / "remote", workers=1, use_cache=False, title="t", engine="dask",
              scheduler=cluster.scheduler_address)
    (pool_runs, _), (dask_runs, documents_only), (remote_runs, _) = calls
    assert pool_runs == [] and remote_runs == [] and dask_runs and documents_only
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "pool") == _outputs(tmp_path / "remote")
    assert [p.name for p in tmp_path.iterdir() if ".runs-" in p.name] == []  # removed after the build


def test_a_dask_rebuild_sends_only_the_new_document_to_the_cluster(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _documents(docs, 6)
    build([docs], tmp_path / "out", workers=1, title="t")  # cache filled by the pool
    (docs / "notice_new.txt").write_text("郑州市第99号工作简报\n郑州市财政局向郑州市黄河实验室补助500万元。\n",
                                         encoding="utf-8")
    again = build([docs], tmp_path / "out", workers=2, title="t", engine="dask")
    assert again.seconds["documents_extracted"] == 1
    assert again.seconds["documents_reused"] == 7  # six notices and the unreadable file
    assert "郑州市黄河实验室" in {d["label"] for _, d in again.graph.nodes(data=True)}


def test_an_unreachable_scheduler_or_unknown_engine_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    _documents(docs, 2)
    with pytest.raises(BuildError, match="unknown --engine 'spark'"):
        build([docs], tmp_path / "out", engine="spark")
    code = main(["build", str(docs), "-o", str(tmp_path / "out"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:1", "--scheduler-timeout", "2"])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("govgraph build: error: ") and "tcp://127.0.0.1:1" in err
    assert not (tmp_path / "out").exists()  # nothing half-written


#: Two documents naming one bureau and one lab under variant names, and two funds whose names
#: differ only by a hyphen: two groups with one base id, so the second takes a digest suffix.
VARIANTS = {
    "hebi_a.txt": "Hebi City notice\n\nThe Hebi Municipal Finance Bureau allocated 5 million yuan to the Mozi "
                  "Laboratory. The Hebi Sci-Tech Fund supports the Mozi Laboratory.\n",
    "hebi_b.txt": "Hebi City update\n\nThe Hebi Finance Bureau funds the Mozi Lab. The Hebi Sci Tech Fund was set "
                  "up by the Hebi Finance Bureau.\n",
}


def test_a_dask_reduce_gives_the_pool_s_files_for_variant_names_and_an_id_collision(tmp_path: Path,
                                                                                  monkeypatch) -> None:
    docs = tmp_path / "docs"
    _documents(docs, 8)
    for name, text in VARIANTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "hebi_a_repost.txt").write_text(VARIANTS["hebi_a.txt"], encoding="utf-8")  # merged in the driver
    pooled = build([docs], tmp_path / "pool", workers=2, use_cache=False, title="t")

    def no_driver_resolve(*_: object) -> None:
        raise AssertionError("with --engine dask the reduce runs on the cluster, not in resolve()")

    monkeypatch.setattr(build_module, "resolve", no_driver_resolve)
    dasked = build([docs], tmp_path / "dask", workers=2, use_cache=False, title="t", engine="dask")
    nodes = dict(dasked.graph.nodes(data=True))
    assert "Hebi Municipal Finance Bureau" in nodes["agency/hebi-finance-bureau"]["aliases"]
    assert {s["document"] for s in nodes["lab/mozi-laboratory"]["sources"]} == {"hebi_a.txt", "hebi_b.txt"}
    funds = sorted(n for n in nodes if n.startswith("fund/hebi-sci-tech-fund"))
    assert len(funds) == 2 and funds[0] == "fund/hebi-sci-tech-fund"  # the collision, resolved as the pool does
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "pool")
    assert dasked.entities == pooled.entities and dasked.relations == pooled.relations


def _mention(key: str, name: str, surface: str, document: str, start: int, yuan: int | None = None) -> Mention:
    source = Source(document, f"{surface} met.", start, start + len(surface))
    amount = Amount(yuan, f"{yuan} yuan") if yuan is not None else None
    return Mention(key, "Lab", name, surface, source, start, start + len(surface), amount=amount, group="mozi lab")


def test_a_group_s_entity_is_the_same_in_any_order_and_repeated_base_ids_get_a_digest() -> None:
    mentions = [_mention("m1", "Mozi Laboratory", "the Mozi Laboratory", "a.txt", 0, 5),
                _mention("m2", "Mozi Laboratory", "Mozi Laboratory", "b.txt", 9),
                _mention("m1", "Mozi Lab", "Mozi Lab", "c.txt", 3, 5)]
    key = group_key(mentions[0])
    assert key == ("Lab", "mozi lab", "") and {group_key(m) for m in mentions} == {key}
    entity = entity_of_group(key, mentions)
    assert entity == entity_of_group(key, mentions[::-1])  # wherever and in whatever order a group arrives
    assert (entity.entity_id, entity.label) == ("lab/mozi-laboratory", "Mozi Laboratory")
    assert entity.aliases == ("Mozi Lab", "the Mozi Laboratory")
    assert [s.document for s in entity.sources] == ["a.txt", "b.txt", "c.txt"] and len(entity.amounts) == 1
    ids = entity_ids([(key, "lab/mozi-laboratory"), (("Lab", "mozi-lab", ""), "lab/mozi-laboratory"),
                      (("Lab", "x", "a.txt"), "lab/x")])
    assert ids[0] == "lab/mozi-laboratory"
    assert ids[1].startswith("lab/mozi-laboratory-") and ids[2].startswith("lab/x-") and len(set(ids)) == 3
