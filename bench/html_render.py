"""Time to open and settle, responsiveness and memory of the explorer page in headless Chromium.

Builds synthetic graphs shaped like govgraph's (a few hubs, many leaves; every node
and edge with a source sentence), writes each page as a build does (the 2,000 most
connected drawn, --html-max-nodes 2000; ``--max-nodes 0`` draws everything), opens it
in Chromium and prints: the time from opening the file until the layout has settled
and physics stopped; then how long a view change takes until it is laid out again
(a class unticked, the search list for a partial name, a neighbourhood, Show all);
the JS heap in use; the page size; and the Python time to write the page. Usage:

    python bench/html_render.py [--sizes 2000,5000,20000] [--max-nodes 2000] [--chromium /usr/bin/chromium]
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
        page.wait_for_function("govgraph.settled", timeout=300_000)

        def timed(action: str) -> float:
            began = time.perf_counter()
            page.evaluate(action)
            page.wait_for_function("govgraph.settled", timeout=300_000)
            return time.perf_counter() - began

        result["toggle_s"] = timed("document.querySelector('#class-filters input[value=Place]').click()")
        began = time.perf_counter()
        page.fill("#search", "Entity 12")
        result["search_ms"] = (time.perf_counter() - began) * 1000
        result["hits"] = page.evaluate("govgraph.find('Entity 12').length")
        result["focus_s"] = timed("govgraph.focus('n12'); document.getElementById('depth').value = '1'; "
                                  "document.getElementById('depth').dispatchEvent(new Event('change'))")
        result["reset_s"] = timed("document.getElementById('reset').click()")
        browser.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,5000,20000")
    parser.add_argument("--max-nodes", type=int, default=2000)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    print(f"{'nodes':>6} {'edges':>6} {'drawn':>6} {'write s':>7} {'page MB':>8} {'open->settled s':>15} "
          f"{'layout ms':>9} {'untick s':>8} {'search ms':>9} {'neighb. s':>9} {'show all s':>10} {'heap MB':>7}")
    with tempfile.TemporaryDirectory() as work:
        for size in map(int, args.sizes.split(",")):
            graph = synthetic_graph(size)
            path = Path(work) / f"graph-{size}.html"
            began = time.perf_counter()
            write_html(graph, path, f"{size} nodes", max_nodes=args.max_nodes)
            written = time.perf_counter() - began
            r = measure(args.chromium, path)
            megabytes = path.stat().st_size / 1e6
            print(f"{size:6} {graph.number_of_edges():6} {r['drawn']:6} {written:7.1f} {megabytes:8.2f} "
                  f"{r['wall_s']:15.1f} {r['stabilised_ms']:9.0f} {r['toggle_s']:8.2f} {r['search_ms']:9.0f} "
                  f"{r['focus_s']:9.2f} {r['reset_s']:10.2f} {r['heap_mb']:7.0f}", flush=True)


if __name__ == "__main__":
    main()
