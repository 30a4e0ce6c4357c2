"""--engine dask: the map runs on a Dask cluster (here a LocalCluster of two processes) and the build's
files are byte-identical to the process pool's; the cache works the same whichever engine filled it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import BuildError, build
from graph.cli import main

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
