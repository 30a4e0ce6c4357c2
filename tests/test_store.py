"""A persistent store beside a build: query and serve open it instead of parsing graph.ttl."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.build import SAMPLE_CORPUS, build
from graph.query import load_store, query_text, run_query
from graph.store import STORE_FOLDER


def test_a_build_with_a_store_answers_every_named_query_as_the_turtle_does(tmp_path: Path) -> None:
    with_store = build([SAMPLE_CORPUS], tmp_path / "stored", workers=1, store=True).output
    plain = build([SAMPLE_CORPUS], tmp_path / "plain", workers=1).output
    assert (with_store / STORE_FOLDER).is_dir() and not (plain / STORE_FOLDER).exists()
    opened, parsed = load_store(with_store), load_store(plain)
    assert opened is not parsed
    for name in ("agency-responsibilities", "funding-edges", "entities-by-class", "funding-by-year"):
        text = query_text(name)
        assert run_query(opened, text).rows == run_query(parsed, text).rows, name
    # the store is the files' triples, no more and no fewer
    turtle = ox.Store()
    turtle.bulk_load(path=str(with_store / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(list(opened.quads_for_pattern(None, None, None))) == len(list(turtle.quads_for_pattern(None, None, None)))


def test_a_rebuild_replaces_the_store_whole(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Hebi City Notice\n\nThe Hebi Municipal Finance Bureau leads the Mozi Laboratory.\n",
                                encoding="utf-8")
    build([docs], tmp_path / "out", workers=1, store=True)
    (docs / "b.txt").write_text("Hefei City Notice\n\nThe Hefei Municipal Finance Bureau provided 50 million yuan "
                                "to the Hefei Quantum Innovation Center.\n", encoding="utf-8")
    build([docs], tmp_path / "out", workers=1, store=True)
    labels = {row[0] for row in run_query(load_store(tmp_path / "out"), "SELECT ?l WHERE { ?e rdfs:label ?l }").rows}
    assert {"Hebi Municipal Finance Bureau", "Hefei Quantum Innovation Center"} <= labels


def test_the_store_bulk_loaded_from_ntriples_holds_exactly_the_turtle_s_triples(tmp_path: Path) -> None:
    stored = build([SAMPLE_CORPUS], tmp_path / "stored", workers=2, store=True).output
    turtle = ox.Store()
    turtle.bulk_load(path=str(stored / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    opened = ox.Store.read_only(str(stored / STORE_FOLDER))
    assert set(opened.quads_for_pattern(None, None, None)) == set(turtle.quads_for_pattern(None, None, None))
    assert [p.name for p in stored.iterdir() if p.name.startswith(".")] == [".govgraph-cache"]  # shards removed


def test_a_store_bulk_loaded_from_several_shards_holds_every_triple_once(sample_build, tmp_path: Path) -> None:
    from graph.export.rdf import ntriples, shard_paths, write_ntriples
    from graph.store import write_store_apart

    lines = ntriples(sample_build.graph).count(b"\n")
    write_ntriples(sample_build.graph, tmp_path / "shards", run_lines=100, shard_lines=150)
    assert len(shard_paths(tmp_path / "shards")) == -(-lines // 150) > 1
    write_store_apart(tmp_path / "store", tmp_path / "shards")
    store = ox.Store.read_only(str(tmp_path / "store"))
    [row] = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(row["n"].value) == lines
    expected = {quad.triple for quad in ox.parse(ntriples(sample_build.graph), format=ox.RdfFormat.N_TRIPLES)}
    assert {quad.triple for quad in store.quads_for_pattern(None, None, None)} == expected


def test_a_store_loaded_from_the_runs_as_they_are_written_holds_exactly_the_turtle_s_triples(
        tmp_path: Path, monkeypatch) -> None:
    """Exported side by side, the store is loaded from the build's sorted runs as they are written,
    not from the merged shards: runs that share lines still make a store of each triple once."""
    import graph.build as build_module
    import graph.export.rdf as rdf_module

    monkeypatch.setattr(build_module, "PARALLEL_EXPORT_NODES", 1)
    original = rdf_module._runs
    runs: list[Path] = []

    def small_runs(lines, folder, run_lines, written=None):  # several runs, a line repeated across them
        made = original(lines, folder, 300, written)
        runs.extend(run for run, _ in made)
        return made

    monkeypatch.setattr(rdf_module, "_runs", small_runs)
    stored = build([SAMPLE_CORPUS], tmp_path / "stored", workers=2, store=True)
    assert len(runs) > 2 and "store" in stored.seconds
    turtle = ox.Store()
    turtle.bulk_load(path=str(stored.output / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    opened = ox.Store.read_only(str(stored.output / STORE_FOLDER))
    assert set(opened.quads_for_pattern(None, None, None)) == set(turtle.quads_for_pattern(None, None, None))
    [row] = opened.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(row["n"].value) == stored.triples
    assert [p.name for p in stored.output.iterdir() if p.name.startswith(".")] == [".govgraph-cache"]


def test_a_process_that_opened_a_store_builds_another_with_a_store(tmp_path: Path) -> None:
    """RocksDB does not survive a fork: the store is loaded by a process of its own, not by the forked
    exporter, which hung when the building process had opened a store before (as serve or the bench do)."""
    import subprocess
    import sys

    script = f"""
import graph.build as b
from pathlib import Path
from graph.query import load_store
b.PARALLEL_EXPORT_NODES = 1  # the sample is small: export in a forked process all the same
first = b.build([b.SAMPLE_CORPUS], Path({str(tmp_path / 'one')!r}), workers=2, store=True).output
assert len(load_store(first)) > 100  # RocksDB's threads now run in this process
second = b.build([b.SAMPLE_CORPUS], Path({str(tmp_path / 'two')!r}), workers=2, store=True).output
print(len(load_store(second)))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parent.parent)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) > 100
