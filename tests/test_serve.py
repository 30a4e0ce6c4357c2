"""The SPARQL endpoint, queried over HTTP by a real client (SPARQLWrapper) and by plain requests."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

SPARQLWrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper is not installed (pip install '.[test]')")

LABS = "PREFIX gg: <https://w3id.org/govgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
       "SELECT ?lab WHERE { ?x a gg:Lab ; rdfs:label ?lab } ORDER BY ?lab"


def _start(build: Path, *options: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", str(build), "--port", "0", *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    found = re.search(r"http://([\d.]+):(\d+)/", line)
    assert found, (line, process.stderr.read() if process.poll() is not None else "")
    return process, f"http://{found.group(1)}:{found.group(2)}"


@pytest.fixture(scope="module")
def endpoint(sample_build):
    process, url = _start(sample_build.output, "--max-results", "5")
    yield url
    process.terminate()
    process.wait(timeout=10)


def _get(url: str, accept: str = "") -> tuple[int, str, dict]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), dict(error.headers)


def test_binds_to_localhost_by_default(endpoint) -> None:
    assert endpoint.startswith("http://127.0.0.1:")


def test_sparqlwrapper_reads_json_by_get_and_xml_by_post(endpoint, sample_build) -> None:
    client = SPARQLWrapper.SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(LABS)
    client.setReturnFormat(SPARQLWrapper.JSON)
    labs = [b["lab"]["value"] for b in client.query().convert()["results"]["bindings"]]
    expected = sorted(d["label"] for _, d in sample_build.graph.nodes(data=True) if d["cls"] == "Lab")
    assert labs == expected[:5]  # the result limit is 5
    client.setMethod(SPARQLWrapper.POST)
    client.setReturnFormat(SPARQLWrapper.XML)
    document = client.query().convert()
    assert [n.firstChild.data for n in document.getElementsByTagName("literal")] == expected[:5]


def test_csv_tsv_and_the_truncation_header(endpoint) -> None:
    query = urllib.parse.quote(LABS)
    status, body, headers = _get(f"{endpoint}/sparql?query={query}", "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["lab"] and len(rows) == 6 and headers["X-Result-Truncated"] == "5"
    status, body, headers = _get(f"{endpoint}/sparql?query={query}", "text/tab-separated-values")
    assert body.splitlines()[0] == "?lab" and body.splitlines()[1].startswith('"')


def test_updates_and_bad_queries_are_refused_with_a_message(endpoint) -> None:
    update = urllib.parse.urlencode({"update": "DELETE WHERE { ?s ?p ?o }"}).encode()
    try:
        urllib.request.urlopen(urllib.request.Request(endpoint + "/sparql", data=update), timeout=30)
        raise AssertionError("the update was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 403 and "read-only" in error.read().decode()
    status, body, _ = _get(f"{endpoint}/sparql?query=" + urllib.parse.quote("INSERT DATA { <a:b> <a:c> <a:d> }"))
    assert status == 403
    status, body, _ = _get(f"{endpoint}/sparql?query=" + urllib.parse.quote("SELECT ?x WHERE { ?x"))
    assert status == 400 and "syntax error" in body
    status, body, _ = _get(f"{endpoint}/sparql?query=" + urllib.parse.quote(LABS))
    assert status == 200  # the endpoint still answers after refusals


def test_query_page_and_explorer_are_served(endpoint) -> None:
    status, body, _ = _get(endpoint + "/")
    assert status == 200 and "<form" in body and "funding-above-threshold" in body
    status, body, _ = _get(endpoint + "/graph.html")
    assert status == 200 and "govgraph-data" in body


def test_a_long_query_is_stopped_at_the_timeout(sample_build) -> None:
    process, url = _start(sample_build.output, "--timeout", "0.5")
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        started = time.monotonic()
        status, body, _ = _get(f"{url}/sparql?query=" + urllib.parse.quote(heavy))
        assert status == 503 and "timed out after 0.5 s" in body
        assert time.monotonic() - started < 5
        status, _, _ = _get(f"{url}/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                            "application/sparql-results+json")
        assert status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_idle_connection_does_not_stall_other_clients(endpoint) -> None:
    import socket
    import time

    host, port = endpoint.removeprefix("http://").split(":")
    idle = socket.create_connection((host, int(port)))  # sends nothing at all
    half = socket.create_connection((host, int(port)))
    half.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # headers never finished
    try:
        started = time.monotonic()
        status, body, _ = _get(endpoint + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                               "application/sparql-results+json")
        assert status == 200 and "true" in body
        assert time.monotonic() - started < 5  # answered while the others hang on
    finally:
        idle.close()
        half.close()


def test_federated_queries_are_refused_and_never_reach_the_named_server(endpoint) -> None:
    import socket

    listener = socket.socket()  # a server on loopback that the query names: it must never be called
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1)
    target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    query = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
    try:
        status, body, _ = _get(endpoint + "/sparql?query=" + urllib.parse.quote(query))
        assert status == 403 and "--allow-service" in body
        with pytest.raises(OSError):  # timeout: nobody connected
            listener.accept()
    finally:
        listener.close()
    # the word inside a string is no federated query, and an update word inside a string is no update
    status, _, _ = _get(endpoint + "/sparql?query=" + urllib.parse.quote('ASK { ?s ?p "SERVICE DELETE" }'))
    assert status == 200
    status, body, _ = _get(endpoint + "/sparql?query=" + urllib.parse.quote('SELECT ?x WHERE { ?x ?y "DELETE" '))
    assert status == 400  # a syntax error, not an update
    status, _, _ = _get(endpoint + "/sparql?query=" + urllib.parse.quote("COPY <http://a> TO <http://b>"))
    assert status == 403


def test_head_options_cors_and_bad_bodies(endpoint) -> None:
    import http.client

    host, port = endpoint.removeprefix("http://").split(":")

    def call(method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), data

    status, headers, data = call("HEAD", "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
    assert status == 200 and data == b"" and headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = call("OPTIONS", "/sparql")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    status, _, _ = call("POST", "/sparql", b"query=ASK{}", {"Content-Length": "abc"})
    assert status == 400
    status, _, _ = call("POST", "/sparql", b"x", {"Content-Length": str(10**18)})
    assert status == 413
    query = "SELECT ?x WHERE { VALUES ?x { \"郑州\" } }".encode("gb18030")
    status, _, data = call("POST", "/sparql", query, {"Content-Type": "application/sparql-query; charset=gb18030",
                                                       "Accept": "application/sparql-results+json"})
    assert status == 200 and "郑州" in data.decode("utf-8")


def test_a_query_that_grows_past_its_memory_is_stopped(sample_build) -> None:
    process, url = _start(sample_build.output, "--memory", "200", "--timeout", "60")
    try:
        huge = ("SELECT ?a ?b ?c ?d WHERE { ?a ?p1 ?x1 . ?b ?p2 ?x2 . ?c ?p3 ?x3 . ?d ?p4 ?x4 } "
                "ORDER BY ?a ?b ?c ?d")
        status, body, _ = _get(url + "/sparql?query=" + urllib.parse.quote(huge))
        assert status in (503, 500) and ("MB" in body or "memory" in body.lower() or "failed" in body), (status, body)
        status, _, _ = _get(url + "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        assert status == 200  # the server itself is unharmed
    finally:
        process.terminate()
        process.wait(timeout=10)
