"""govgraph push against a real Oxigraph server (the oxigraph package's binary) on a free local port."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build
from graph.cli import main
from graph.push import graph_iri

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="no oxigraph server binary (pip install '.[test]')")


@pytest.fixture(scope="module")
def server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=" + urllib.parse.quote("ASK {}"), timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _select(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(url + "/query?query=" + urllib.parse.quote(query),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def _count(url: str, graph: str) -> int:
    return int(_select(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"]["value"])


def _triples(build_folder: Path) -> int:
    return sum(1 for _ in ox.parse(path=str(build_folder / "graph.ttl"), format=ox.RdfFormat.TURTLE))


def test_push_replaces_the_named_graph_whole(server, sample_build, tmp_path: Path, capsys) -> None:
    graph = graph_iri(sample_build.output)
    assert main(["push", str(sample_build.output), "--store", server + "/store"]) == 0
    assert graph in capsys.readouterr().out
    assert _count(server, graph) == _triples(sample_build.output)
    names = _select(server, f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE {{ GRAPH <{graph}> "
                            "{ <https://w3id.org/govgraph/id/agency/zhengzhou-municipal-finance-bureau> ?p ?l } }")
    assert "郑州市财政局" in {n["l"]["value"] for n in names}
    assert main(["push", str(sample_build.output), "--store", server + "/store"]) == 0  # again: nothing doubles
    assert _count(server, graph) == _triples(sample_build.output)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("Hebi City Notice\n\nThe Mozi Laboratory opened in Hebi.\n")
    smaller = build([tmp_path / "docs"], tmp_path / sample_build.output.name, workers=1)
    assert main(["push", str(smaller.output), "--store", server + "/store", "--graph", graph]) == 0
    assert _count(server, graph) == _triples(smaller.output) < _triples(sample_build.output)


def test_push_errors_are_clear(server, tmp_path: Path, capsys) -> None:
    assert main(["push", str(tmp_path), "--store", server + "/store"]) == 2
    assert "not a build folder" in capsys.readouterr().err
    (tmp_path / "graph.ttl").write_text("this is not turtle <", encoding="utf-8")
    assert main(["push", str(tmp_path), "--store", server + "/store"]) == 2
    assert "refused the graph: HTTP 400" in capsys.readouterr().err
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    assert main(["push", str(tmp_path), "--store", f"http://127.0.0.1:{closed}/store"]) == 2
    assert "cannot reach the graph store" in capsys.readouterr().err


def test_a_store_that_never_answers_ends_the_push_with_a_clear_error(sample_build, tmp_path, capsys) -> None:
    import socket
    import time

    from graph.cli import main

    silent = socket.socket()  # accepts the connection (the backlog does), then never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    try:
        started = time.monotonic()
        status = main(["push", str(sample_build.output), "--store", f"http://127.0.0.1:{port}/store",
                       "--timeout", "1"])
        assert status == 2 and time.monotonic() - started < 30
        assert "did not answer within 1 s" in capsys.readouterr().err
    finally:
        silent.close()
