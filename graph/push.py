"""A build into any SPARQL 1.1 Graph Store (Fuseki, GraphDB, Virtuoso, Oxigraph server) as one
named graph, replaced whole.

One HTTP PUT of the build's Turtle to ``STORE?graph=IRI`` (the Graph Store Protocol):
the store swaps the graph's content in one operation, so queries see the old build
or the new one, never a mix, and pushing the same build twice leaves one copy.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

GRAPH_BASE = "https://w3id.org/govgraph/build/"


class PushError(Exception):
    """The push did not happen; the message says why."""


@dataclass(frozen=True)
class Pushed:
    graph: str
    url: str
    bytes: int
    status: int


def graph_iri(build: Path) -> str:
    """The named graph a build goes into unless told otherwise: one per build folder name."""
    return GRAPH_BASE + quote(build.resolve().name, safe="")


def push(build: Path, store: str, graph: str | None = None, timeout: float = 60.0) -> Pushed:
    """PUT the build's Turtle; ``timeout`` bounds every socket operation, so a store that never
    answers ends the push with a clear error instead of hanging."""
    turtle = build / "graph.ttl"
    if not turtle.is_file():
        raise PushError(f"{build}: not a build folder (no graph.ttl); run 'govgraph build' first")
    graph = graph or graph_iri(build)
    url = f"{store}{'&' if '?' in store else '?'}{urlencode({'graph': graph})}"
    size = turtle.stat().st_size
    with turtle.open("rb") as body:
        request = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": "text/turtle; charset=utf-8", "Content-Length": str(size)})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Pushed(graph, url, size, response.status)
        except urllib.error.HTTPError as error:
            detail = error.read(500).decode("utf-8", errors="replace").strip()
            raise PushError(f"{store} refused the graph: HTTP {error.code} {error.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)  # a timeout comes bare or wrapped in a URLError
            if isinstance(reason, TimeoutError):
                raise PushError(f"the graph store at {store} did not answer within {timeout:g} s "
                                "(--timeout sets the limit)") from None
            raise PushError(f"cannot reach the graph store at {store}: {reason}") from None
