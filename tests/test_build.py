from pathlib import Path

import pytest

from graph import build as build_module
from graph.build import BuildError, build


def _folder_with_bad_files(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Hebi City news\n\nThe Mozi Laboratory opened in Hebi.", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (docs / "latin1.txt").write_bytes("Caf\xe9 notes about the Municipal Finance Bureau".encode("latin-1"))
    return docs


def test_bad_files_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    result = build([_folder_with_bad_files(tmp_path)], tmp_path / "out", workers=1)
    failed = {f.path: f.reason for f in result.failures}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert "empty" in failed["empty.txt"] and "binary" in failed["binary.txt"]
    assert "lab/mozi-laboratory" in result.graph.nodes
    report = (result.output / "report.md").read_text(encoding="utf-8")
    assert "| empty.txt | empty file |" in report and "binary.txt" in report


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError, match="empty.txt: empty file"):
        build([tmp_path / "docs"], tmp_path / "out", workers=1)
    with pytest.raises(BuildError, match="no documents"):
        build([tmp_path / "nowhere"], tmp_path / "out", workers=1)
    assert not (tmp_path / "out").exists()


def test_an_interrupted_build_leaves_the_previous_build_whole(tmp_path: Path, monkeypatch) -> None:
    docs = _folder_with_bad_files(tmp_path)
    output = tmp_path / "out"
    build([docs], output, workers=1)
    before = {p.name: p.read_bytes() for p in output.iterdir() if p.is_file()}

    def broken(*args, **kwargs):
        raise KeyboardInterrupt("interrupted while writing")

    monkeypatch.setattr(build_module, "write_tables", broken)
    (docs / "more.txt").write_text("Hefei City news\n\nThe Municipal Finance Bureau met.", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build([docs], output, workers=1)
    assert {p.name: p.read_bytes() for p in output.iterdir() if p.is_file()} == before
    # no partial or old folder is left; only the lock file that serialises builds into "out"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".out.lock"]


def test_parallel_extraction_gives_the_same_graph(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(20):
        city = ("Hebi", "Hefei", "Zhengzhou")[i % 3]
        (docs / f"{i:02}.txt").write_text(f"{city} City notice {i}\n\nThe Municipal Finance Bureau launched the "
                                          f"“Plan {i} Action Plan” in {city} City.", encoding="utf-8")
    serial = build([docs], tmp_path / "serial", title="t", workers=1)
    parallel = build([docs], tmp_path / "parallel", title="t", workers=2)
    assert (serial.output / "graph.ttl").read_bytes() == (parallel.output / "graph.ttl").read_bytes()
    assert serial.entities == parallel.entities and serial.relations == parallel.relations


def test_exports_written_side_by_side_equal_those_written_in_turn(sample_build, tmp_path: Path) -> None:
    graph = sample_build.graph
    build_module.write_outputs(graph, [], tmp_path / "serial", "t", parallel=False)
    build_module.write_outputs(graph, [], tmp_path / "parallel", "t", parallel=True)
    serial = {p.name: p.read_bytes() for p in (tmp_path / "serial").iterdir() if p.is_file()}
    assert serial == {p.name: p.read_bytes() for p in (tmp_path / "parallel").iterdir() if p.is_file()}
    assert {"graph.ttl", "graph.jsonld", "graph.html", "graph.gexf", "manifest.json"} <= set(serial)


def test_turtle_and_json_ld_from_one_parse_equal_those_streamed_twice(sample_build, tmp_path: Path,
                                                                       monkeypatch) -> None:
    """Small graphs take one parse for both formats; large ones stream the N-Triples file twice."""
    build_module.write_outputs(sample_build.graph, [], tmp_path / "one", "t", parallel=False)
    monkeypatch.setattr(build_module, "ONE_PARSE_TRIPLES", 0)
    build_module.write_outputs(sample_build.graph, [], tmp_path / "streamed", "t", parallel=False)
    for name in ("graph.ttl", "graph.jsonld"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "streamed" / name).read_bytes()


def test_a_failing_export_process_is_reported_and_keeps_the_previous_build(sample_build, tmp_path: Path,
                                                                           monkeypatch) -> None:
    output = tmp_path / "out"
    build_module.write_outputs(sample_build.graph, [], output, "t", parallel=True)
    before = {p.name: p.read_bytes() for p in output.iterdir() if p.is_file()}

    def broken(graph):  # a line no N-Triples parser takes: Turtle fails in the RDF process
        yield "<https://example.org/a> not a triple ."

    monkeypatch.setattr(build_module, "ntriples_lines", broken)
    with pytest.raises(BuildError, match="export failed: SyntaxError"):
        build_module.write_outputs(sample_build.graph, [], output, "t", parallel=True)
    assert {p.name: p.read_bytes() for p in output.iterdir() if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_rdf_process_is_started_not_forked_and_writes_the_serial_files(sample_build, tmp_path: Path,
                                                                            monkeypatch) -> None:
    """A forked exporter shared the graph's pages with the build, and each page either process touched
    was copied (2.1 GB of its own at 30k documents); the RDF process is a new interpreter that reads
    the sorted runs from disk. Its files and store are those of the serial way."""
    import os

    from graph.export.rdf import ntriples
    from graph.query import load_store, query_text, run_query

    build_module.write_outputs(sample_build.graph, [], tmp_path / "serial", "t", parallel=False, store=True)

    def no_fork():
        raise AssertionError("the exports forked this process")

    monkeypatch.setattr(os, "fork", no_fork)
    seconds = build_module.write_outputs(sample_build.graph, [], tmp_path / "apart", "t", parallel=True, store=True)
    files = {p.name: p.read_bytes() for p in (tmp_path / "serial").iterdir() if p.is_file()}
    assert files == {p.name: p.read_bytes() for p in (tmp_path / "apart").iterdir() if p.is_file()}
    assert seconds["triples"] == ntriples(sample_build.graph).count(b"\n") > 1000
    assert {"triple_runs", "rdf", "store", "other_exports"} <= set(seconds)
    serial, apart = load_store(tmp_path / "serial"), load_store(tmp_path / "apart")
    assert len(apart) == seconds["triples"]
    for name in ("agency-responsibilities", "funding-edges", "entities-by-class"):
        assert run_query(apart, query_text(name)).rows == run_query(serial, query_text(name)).rows
    assert not [p.name for p in (tmp_path / "apart").iterdir() if p.name.startswith(".")]  # no runs or shards


def test_a_build_counts_its_triples(sample_build) -> None:
    from graph.export.rdf import ntriples

    assert sample_build.triples == ntriples(sample_build.graph).count(b"\n") > 1000


def test_money_that_cannot_be_read_is_listed_in_the_report_not_put_on_an_edge(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "zz.txt").write_text(
        "郑州市财政局通知\n市财政局每年向墨子实验室投入3至5亿元。\n市财政局向郑州大学补助200万元。\n", encoding="utf-8")
    (tmp_path / "docs" / "en.txt").write_text(
        "The Hefei Municipal Finance Bureau invested $3 billion in the Hefei Quantum Innovation Center.\n",
        encoding="utf-8")
    result = build([tmp_path / "docs"], tmp_path / "out", workers=1)
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    unread = report.split("## Amounts not read", 1)[1].split("##", 1)[0]
    assert "| zz.txt | 3至5亿元 |" in unread and "| en.txt | $3 billion |" in unread
    assert "200万元" not in unread  # an exact sum is read, not listed
    amounts = {d.get("amounts")[0]["text"] if d.get("amounts") else None
               for _, _, d in result.graph.edges(data=True) if d["predicate"] == "funds"}
    assert "3至5亿元" not in amounts and "$3 billion" not in amounts


def test_a_folder_govgraph_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The Hebi Municipal Finance Bureau leads the Mozi Laboratory.\n", encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "thesis.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BuildError, match="not a govgraph build"):
        build([docs], notes, workers=1)
    assert (notes / "thesis.txt").read_text(encoding="utf-8") == "mine"  # untouched
    with pytest.raises(BuildError, match="holds the input"):
        build([docs], docs, workers=1)  # the inputs themselves
    with pytest.raises(BuildError, match="holds the input"):
        build([docs], tmp_path, workers=1)  # a folder holding them
    assert (docs / "a.txt").exists()
    build([docs], tmp_path / "empty_is_fine", workers=1)
    build([docs], tmp_path / "empty_is_fine", workers=1)  # a previous build is replaced
    forced = build([docs], notes, workers=1, force=True)  # the user insists: replaced, inputs still safe
    assert (forced.output / "manifest.json").exists() and not (notes / "thesis.txt").exists()


def test_reports_inside_a_build_survive_a_rebuild_and_report_folders_are_guarded(tmp_path: Path, capsys) -> None:
    from graph.cli import main

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The Hebi Municipal Finance Bureau leads the Mozi Laboratory.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(docs), "-o", str(out), "--workers", "1"]) == 0
    assert main(["report", str(out)]) == 0
    assert (out / "report-md" / "report.md").exists()
    assert main(["build", str(docs), "-o", str(out), "--workers", "1"]) == 0
    assert (out / "report-md" / "report.md").exists()  # kept across the rebuild
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "important.txt").write_text("x", encoding="utf-8")
    assert main(["report", str(out), "-o", str(mine)]) == 1
    assert "not a govgraph report" in capsys.readouterr().err
    assert (mine / "important.txt").exists()


def test_stale_folders_of_killed_builds_are_cleaned_and_workers_die_with_the_build(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The Hebi Municipal Finance Bureau leads the Mozi Laboratory.\n", encoding="utf-8")
    (tmp_path / ".out.partial-abc123").mkdir()  # what a killed build leaves behind
    (tmp_path / ".out.old-99999").mkdir()
    (tmp_path / ".out.runs-999999999-abc123").mkdir()  # a Dask build's runs, its process gone (> pid_max)
    (tmp_path / f".out.runs-{os.getpid()}-abc123").mkdir()  # a live build's, made before it takes the lock
    build([docs], tmp_path / "out", workers=1)
    assert not (tmp_path / ".out.partial-abc123").exists() and not (tmp_path / ".out.old-99999").exists()
    assert not (tmp_path / ".out.runs-999999999-abc123").exists()
    assert (tmp_path / f".out.runs-{os.getpid()}-abc123").is_dir()

    # a pool worker started by a build process dies when that process is killed
    script = ("import os, sys, time\n"
              "from concurrent.futures import ProcessPoolExecutor\n"
              "from graph.store import die_with_parent\n"
              "pool = ProcessPoolExecutor(1, initializer=die_with_parent)\n"
              "print(pool.submit(os.getpid).result(), flush=True)\n"
              "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(50):
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the worker outlived the build that started it")


def test_two_builds_into_one_folder_wait_for_each_other(tmp_path: Path) -> None:
    import threading

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The Hebi Municipal Finance Bureau leads the Mozi Laboratory.\n", encoding="utf-8")
    errors: list[BaseException] = []

    def one() -> None:
        try:
            build([docs], tmp_path / "out", workers=1)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (tmp_path / "out" / "manifest.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "docs", "out"]


def test_the_output_folder_never_goes_missing_while_a_build_replaces_it(tmp_path: Path) -> None:
    import threading

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The Hebi Municipal Finance Bureau leads the Mozi Laboratory.\n", encoding="utf-8")
    output = tmp_path / "out"
    build([docs], output, workers=1)
    missing, done = [], threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (output / "manifest.json").exists():
                missing.append(True)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for _ in range(5):
            build([docs], output, workers=1)
    finally:
        done.set()
        watcher.join()
    assert not missing  # swapped in one step (renameat2 RENAME_EXCHANGE), never renamed away first
