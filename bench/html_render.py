"""Time to stabilise and memory of the explorer page in headless Chromium.

Builds synthetic graphs shaped like govgraph's (a few hubs, many leaves; every node
and edge with a source sentence) of 500, 2,000 and 5,000 nodes, writes each page
with every node drawn (--html-max-nodes 0), opens it in Chromium and prints the
time until the layout has stabilised and physics stopped, the JS heap in use and
the page size. Usage:

    python bench/html_render.py [--sizes 500,2000,5000] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.export.html import CLASS_STYLE, EDGE_COLOUR, write_html  # noqa: E402


def synthetic_graph(size: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(size, 2, seed=seed)
    graph = nx.MultiDiGraph()
    classes, properties = list(CLASS_STYLE), list(EDGE_COLOUR)
    for node in shape.nodes:
        source = {"document": f"doc{node % 50}.txt", "sentence": f"Sentence {node} names entity {node}.",
                  "start": 0, "end": 10}
        graph.add_node(f"n{node}", cls=rng.choice(classes), label=f"Entity {node}", language="en",
                       aliases=[f"E{node}"], translations=[], sources=[source], amounts=[])
    for a, b in shape.edges:
        predicate = rng.choice(properties)
        amounts = [{"yuan": rng.randrange(1, 1000) * 10_000, "text": "some yuan"}] if predicate == "funds" else []
        graph.add_edge(f"n{a}", f"n{b}", key=predicate, predicate=predicate, amounts=amounts,
                       sources=[{"document": "doc.txt", "sentence": f"{a} and {b}.", "start": 0, "end": 5}])
    return graph


def measure(chromium: str, path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.govgraph && window.govgraph.ready", timeout=300_000)
        wall = time.perf_counter() - started
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        result = {"wall_s": wall, "stabilised_ms": page.evaluate("govgraph.stabilizedMs"),
                  "heap_mb": metrics["JSHeapUsedSize"] / 1e6, "drawn": page.evaluate("govgraph.drawnNodeIds().length")}
        browser.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    print(f"{'nodes':>6} {'edges':>6} {'page MB':>8} {'open->stable s':>14} {'layout ms':>10} {'JS heap MB':>10} drawn")
    with tempfile.TemporaryDirectory() as work:
        for size in map(int, args.sizes.split(",")):
            graph = synthetic_graph(size)
            path = Path(work) / f"graph-{size}.html"
            write_html(graph, path, f"{size} nodes", max_nodes=0)
            r = measure(args.chromium, path)
            print(f"{size:6} {graph.number_of_edges():6} {path.stat().st_size / 1e6:8.2f} {r['wall_s']:14.1f} "
                  f"{r['stabilised_ms']:10.0f} {r['heap_mb']:10.0f} {r['drawn']}", flush=True)


if __name__ == "__main__":
    main()
