"""A read-only SPARQL 1.1 Protocol endpoint over one build, with its explorer page beside it.

Oxigraph evaluates the queries; this module is the protocol at the edge: GET and
POST (form or ``application/sparql-query``), results as SPARQL JSON, XML, CSV or
TSV (graphs as Turtle, N-Triples, JSON-LD or RDF/XML) by content negotiation,
a query page at ``/`` and the build's ``graph.html`` at ``/graph.html``.

Why not rdflib-endpoint: it evaluates with rdflib (minutes on a large build) and
has neither a query timeout nor a result limit. Here each query runs in a forked
child that shares the loaded store, so a timeout really stops it (the child is
killed), and results past the limit are cut off and the response says so. The
server answers one request at a time, which keeps forking safe; it binds to
127.0.0.1 unless told otherwise and never changes the store (updates get 403).
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import resource
import select
import signal
import time
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .query import PREFIX_MAP, QUERY_DIR, load_store

RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}
_ALIASES = {"application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml",
            "text/xml": "application/sparql-results+xml"}


@dataclass(frozen=True)
class Limits:
    timeout: float = 30.0  # seconds a query may run
    max_results: int = 10_000  # rows (or triples) returned at most
    memory_mb: int = 1024  # memory one query's process may take
    allow_service: bool = False  # federated queries (SERVICE) reach other servers: off unless the operator says


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def negotiate(accept: str, offered: Iterable[str]) -> str:
    """The offered media type the Accept header prefers (q-values honoured); the first if none fits."""
    offered = list(offered)
    best, best_q = offered[0], -1.0
    for part in (accept or "*/*").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        media = _ALIASES.get(media, media)
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _is_number(p[2:])), 1.0)
        for candidate in offered:
            if q > best_q and (media in ("*/*", candidate) or media.endswith("/*")
                               and candidate.startswith(media[:-1])):
                best, best_q = candidate, q
                break
    return best


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# -- result serialisation (SPARQL 1.1 Query Results JSON, XML, CSV and TSV) ----------------------
def _json_term(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    literal: ox.Literal = term  # type: ignore[assignment]
    value = {"type": "literal", "value": literal.value}
    if literal.language:
        value["xml:lang"] = literal.language
    elif literal.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        value["datatype"] = literal.datatype.value
    return value


def _xml_term(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    literal: ox.Literal = term  # type: ignore[assignment]
    if literal.language:
        return f"<literal xml:lang={quoteattr(literal.language)}>{escape(literal.value)}</literal>"
    if literal.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(literal.datatype.value)}>{escape(literal.value)}</literal>"
    return f"<literal>{escape(literal.value)}</literal>"


def _csv_cell(term: object) -> str:
    if term is None:
        return ""
    value = term.value if not isinstance(term, ox.BlankNode) else f"_:{term.value}"
    return f'"{value.replace(chr(34), chr(34) * 2)}"' if any(c in value for c in ',"\r\n') else value


def _tsv_cell(term: object) -> str:
    return "" if term is None else str(term).replace("\t", "\\t").replace("\n", "\\n")


def serialize_solutions(variables: list[str], rows: list[list[object]], media: str) -> bytes:
    if media == "application/sparql-results+json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if media == "application/sparql-results+xml":
        out = io.StringIO()
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                  "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head><results>")
        for row in rows:
            out.write("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                           for v, t in zip(variables, row, strict=True) if t is not None) + "</result>")
        out.write("</results></sparql>\n")
        return out.getvalue().encode("utf-8")
    if media == "text/csv":
        lines = [",".join(variables)] + [",".join(_csv_cell(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    lines = ["\t".join(f"?{v}" for v in variables)] + ["\t".join(_tsv_cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_boolean(value: bool, media: str) -> tuple[str, bytes]:
    if media == "application/sparql-results+xml":
        return media, (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                       f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    return "application/sparql-results+json", json.dumps({"head": {}, "boolean": value}).encode()


# -- evaluation --------------------------------------------------------------------------------
_LITERALS = re.compile(  # long strings, then short ones, IRIs and comments
    r'"""[\s\S]*?"""' r"|'''[\s\S]*?'''" r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r"|<[^<>\s]*>|#[^\n]*")
_UPDATE_WORDS = re.compile(r"\b(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|COPY|MOVE|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def query_words(query: str) -> str:
    """The query without its strings, IRIs and comments: where keywords can be looked for."""
    return _LITERALS.sub(" ", query)


def evaluate(store: ox.Store, query: str, accept: str, limits: Limits) -> Answer:
    """Run one query in a forked child, capped in memory; kill it at the timeout."""
    if not limits.allow_service and _SERVICE.search(query_words(query)):
        return Answer(403, "text/plain; charset=utf-8", b"federated queries (SERVICE) are off on this endpoint; "
                      b"the operator can allow them with --allow-service")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: evaluate, write the answer, leave without running any cleanup
        os.close(read)
        try:
            if limits.memory_mb:
                megabytes = limits.memory_mb * 1024 * 1024
                current = resource.getrlimit(resource.RLIMIT_AS)[1]
                cap = megabytes if current == resource.RLIM_INFINITY else min(megabytes, current)
                resource.setrlimit(resource.RLIMIT_AS, (cap, current))
            answer = _evaluate_here(store, query, accept, limits)
        except MemoryError:
            answer = Answer(503, "text/plain; charset=utf-8",
                            f"query stopped: it needed more than {limits.memory_mb} MB".encode())
        except BaseException as error:  # noqa: BLE001 - reported to the parent, never raised here
            answer = Answer(500, "text/plain; charset=utf-8", f"query failed: {error}".encode())
        with os.fdopen(write, "wb") as out:
            out.write(json.dumps([answer.status, answer.content_type, list(answer.headers)]).encode() + b"\n")
            out.write(answer.body)
        os._exit(0)
    os.close(write)
    chunks, deadline = [], time.monotonic() + limits.timeout
    with os.fdopen(read, "rb") as incoming:
        while True:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([incoming], [], [], max(0.0, remaining))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return Answer(503, "text/plain; charset=utf-8",
                              f"query timed out after {limits.timeout:g} s (see --timeout)".encode())
            chunk = os.read(incoming.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    _, exit_status = os.waitpid(pid, 0)
    head, _, body = b"".join(chunks).partition(b"\n")
    if exit_status != 0 or not head:  # the child was ended (an allocation refused past --memory aborts it)
        return Answer(503, "text/plain; charset=utf-8",
                      f"query stopped before it finished: it may have needed more than {limits.memory_mb} MB "
                      "(see --memory)".encode())
    status, content_type, headers = json.loads(head)
    return Answer(status, content_type, body, tuple(tuple(h) for h in headers))


def _evaluate_here(store: ox.Store, query: str, accept: str, limits: Limits) -> Answer:
    try:
        results = store.query(query, prefixes=PREFIX_MAP)
    except SyntaxError as error:
        message = str(error)
        if _UPDATE_WORDS.search(query_words(query)):  # an update, not a mistake: keywords outside strings
            message = "this endpoint is read-only: SPARQL Update is not accepted"
            return Answer(403, "text/plain; charset=utf-8", message.encode())
        return Answer(400, "text/plain; charset=utf-8", f"SPARQL syntax error: {message}".encode())
    if isinstance(results, ox.QueryBoolean):
        media, body = serialize_boolean(bool(results), negotiate(accept, RESULT_TYPES))
        return Answer(200, media, body)
    if isinstance(results, ox.QuerySolutions):
        media = negotiate(accept, RESULT_TYPES)
        variables = [v.value for v in results.variables]
        rows, truncated = [], False
        for solution in results:
            if len(rows) == limits.max_results:
                truncated = True
                break
            rows.append([solution[v] for v in variables])
        headers = (("X-Result-Truncated", str(limits.max_results)),) if truncated else ()
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        return Answer(200, media + charset, serialize_solutions(variables, rows, media), headers)
    media = negotiate(accept, GRAPH_TYPES)
    triples = []
    truncated = False
    for triple in results:
        if len(triples) == limits.max_results:
            truncated = True
            break
        triples.append(triple)
    body = ox.serialize(triples, format=GRAPH_TYPES[media])
    headers = (("X-Result-Truncated", str(limits.max_results)),) if truncated else ()
    return Answer(200, media, body, headers)


# -- HTTP --------------------------------------------------------------------------------------
_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>govgraph SPARQL: {title}</title>
<style>body{{font:14px sans-serif;margin:16px;max-width:1100px}}
textarea{{width:100%;height:220px;font:13px monospace}}</style>
</head><body><h1>govgraph SPARQL endpoint</h1><p>Build: {title} · <a href="graph.html">the graph explorer</a> ·
endpoint URL: <code>/sparql</code> (GET or POST; JSON, XML, CSV or TSV by the Accept header).</p>
<form action="sparql" method="get"><textarea name="query">{example}</textarea>
<p>Results as <select name="format">{formats}</select> <button type="submit">Run</button></p></form>
<h2>Named queries</h2><ul>{named}</ul></body></html>"""


def query_page(title: str, named: dict[str, str]) -> bytes:
    example = "SELECT ?agency ?target WHERE {\n  ?a gg:responsibleFor ?t .\n  ?a rdfs:label ?agency . " \
              "?t rdfs:label ?target .\n} LIMIT 20"
    formats = "".join(f'<option value="{html.escape(m)}">{html.escape(m)}</option>' for m in RESULT_TYPES)
    items = "".join(f'<li><a href="sparql?query={html.escape(quote(text, safe=""))}&amp;format=text/csv">'
                    f"{html.escape(name)}</a></li>" for name, text in sorted(named.items()))
    return _PAGE.format(title=html.escape(title), example=html.escape(example), formats=formats,
                        named=items).encode("utf-8")


class Endpoint(ThreadingHTTPServer):
    """The server: one loaded store, the limits, and the build folder for the explorer page.
    A thread per connection, each with a socket timeout, so an idle or slow client holds only its
    own thread; queries still run in forked children, killed at their time and memory limits."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, build: Path, host: str, port: int, limits: Limits):
        self.build = build
        self.store = load_store(build)
        self.limits = limits
        self.named = {p.stem: p.read_text(encoding="utf-8") for p in QUERY_DIR.glob("*.rq")}
        super().__init__((host, port), _Handler)


MAX_BODY = 1 << 20  # bytes of a POSTed query


class _Handler(BaseHTTPRequestHandler):
    server: Endpoint
    server_version = "govgraph"
    timeout = 10  # seconds a client may take to send its request: a silent one is dropped

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: the caller decides what to print

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Access-Control-Allow-Origin", "*")  # read-only: any page may query it
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _text(self, status: int, message: str) -> None:
        self._send(Answer(status, "text/plain; charset=utf-8", message.encode("utf-8")))

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(Answer(200, "text/html; charset=utf-8", query_page(self.server.build.name, self.server.named)))
        elif url.path == "/graph.html":
            page = self.server.build / "graph.html"
            if page.is_file():
                self._send(Answer(200, "text/html; charset=utf-8", page.read_bytes()))
            else:
                self._text(404, "this build has no graph.html")
        elif url.path == "/sparql":
            params = parse_qs(url.query)
            if "update" in params:
                self._text(403, "this endpoint is read-only: SPARQL Update is not accepted")
            elif "query" not in params:
                self._text(400, "missing the query parameter: /sparql?query=SELECT ...")
            else:
                accept = params.get("format", [self.headers.get("Accept", "")])[0]
                self._send(evaluate(self.server.store, params["query"][0], accept, self.server.limits))
        else:
            self._text(404, f"no such page: {url.path} (try / or /sparql)")

    def do_POST(self) -> None:  # noqa: N802
        if urlsplit(self.path).path != "/sparql":
            self._text(404, "POST queries to /sparql")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self._text(400, "Content-Length is not a number")
            return
        if length < 0 or length > MAX_BODY:
            self._text(413, f"a query body may hold at most {MAX_BODY} bytes")
            return
        raw = self.headers.get("Content-Type") or ""
        charset = next((part.split("=", 1)[1].strip().strip('"') for part in raw.split(";")[1:]
                        if part.strip().lower().startswith("charset=")), "utf-8")
        try:
            body = self.rfile.read(length).decode(charset, errors="replace")
        except LookupError:
            self._text(400, f"unknown charset {charset!r}")
            return
        content_type = raw.split(";")[0].strip()
        if content_type == "application/sparql-update":
            self._text(403, "this endpoint is read-only: SPARQL Update is not accepted")
            return
        if content_type == "application/sparql-query":
            query = body
        else:
            params = parse_qs(body)
            if "update" in params:
                self._text(403, "this endpoint is read-only: SPARQL Update is not accepted")
                return
            if "query" not in params:
                self._text(400, "missing the query parameter in the form body")
                return
            query = params["query"][0]
        self._send(evaluate(self.server.store, query, self.headers.get("Accept", ""), self.server.limits))

    do_HEAD = do_GET  # noqa: N815 - the same answer without its body (_send leaves it out)

    def do_OPTIONS(self) -> None:  # noqa: N802 - a browser's preflight before a cross-origin query
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:  # noqa: N802
        self._text(405, "this endpoint is read-only")

    do_DELETE = do_PUT  # noqa: N815
    do_PATCH = do_PUT  # noqa: N815


def serve(build: Path, host: str = "127.0.0.1", port: int = 8000, limits: Limits = Limits()) -> Endpoint:
    """An endpoint ready to serve_forever(); port 0 picks a free one (see server_address)."""
    return Endpoint(build, host, port, limits)
