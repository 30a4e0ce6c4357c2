"""Incremental builds: a rebuild re-extracts only the documents that changed, and gives the files a
clean build gives; a removed document takes its entities and edges with it."""

from __future__ import annotations

from pathlib import Path

from graph.build import build

CITIES = ["郑州", "洛阳", "开封", "新乡", "焦作", "许昌", "南阳", "信阳", "周口", "商丘"]


def _documents(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        city = CITIES[n % len(CITIES)]
        (folder / f"notice_{n:03}.txt").write_text(
            f"{city}市第{n}号工作简报\n{city}市财政局向{city}市第{n}实验室补助{n + 1}0万元。"
            f"（牵头单位：市科技局）\nThe {city.title()} Commerce Bureau {n} met.\n", encoding="utf-8")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_adding_one_document_to_two_hundred_extracts_one_and_gives_a_clean_build_s_files(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _documents(docs, 200)
    first = build([docs], tmp_path / "out", workers=1, title="t")
    assert first.seconds["documents_extracted"] == 200 and first.seconds["documents_reused"] == 0
    (docs / "notice_new.txt").write_text("郑州市第999号工作简报\n郑州市财政局向郑州市黄河实验室补助500万元。\n",
                                         encoding="utf-8")
    again = build([docs], tmp_path / "out", workers=1, title="t")
    assert again.seconds["documents_extracted"] == 1 and again.seconds["documents_reused"] == 200
    clean = build([docs], tmp_path / "clean", workers=1, use_cache=False, title="t")
    assert clean.seconds["documents_extracted"] == 201
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "clean")  # byte-identical files
    assert "郑州市黄河实验室" in {d["label"] for _, d in again.graph.nodes(data=True)}  # the new one is in


def test_removing_a_document_removes_what_only_it_supported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _documents(docs, 12)
    before = build([docs], tmp_path / "out", workers=1)
    labels = {d["label"] for _, d in before.graph.nodes(data=True)}
    assert "洛阳市第1实验室" in labels
    (docs / "notice_001.txt").unlink()
    after = build([docs], tmp_path / "out", workers=1)
    assert after.seconds["documents_extracted"] == 0 and after.seconds["documents_reused"] == 11
    assert "洛阳市第1实验室" not in {d["label"] for _, d in after.graph.nodes(data=True)}
    assert "洛阳市财政局" in {d["label"] for _, d in after.graph.nodes(data=True)}  # other documents still name it


def test_a_changed_document_or_extractor_is_extracted_again(tmp_path: Path, monkeypatch) -> None:
    from graph import cache

    docs = tmp_path / "docs"
    _documents(docs, 3)
    build([docs], tmp_path / "out", workers=1)
    (docs / "notice_002.txt").write_text("开封市第2号工作简报\n开封市财政局向开封市新实验室补助80万元。\n", encoding="utf-8")
    assert build([docs], tmp_path / "out", workers=1).seconds["documents_extracted"] == 1
    monkeypatch.setattr(cache, "extractor_version", lambda: "another version")
    assert build([docs], tmp_path / "out", workers=1).seconds["documents_extracted"] == 3


def test_a_reused_entry_that_cannot_be_linked_is_copied(tmp_path: Path, monkeypatch) -> None:
    from graph import cache

    docs = tmp_path / "docs"
    _documents(docs, 3)
    first = build([docs], tmp_path / "out", workers=1)
    entries = sorted((first.output / cache.CACHE_FOLDER).iterdir())

    def no_links(*_: object) -> None:
        raise OSError("another file system")

    monkeypatch.setattr(cache.os, "link", no_links)
    again = build([docs], tmp_path / "out", workers=1)
    assert again.seconds["documents_reused"] == 3
    copied = sorted((again.output / cache.CACHE_FOLDER).iterdir())
    assert [p.name for p in copied] == [p.name for p in entries]
    assert all(cache.load(p.parent, p.stem) is not None for p in copied)
