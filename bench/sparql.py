"""Every named query on graphs of about 100k and 1M triples, with rdflib's memory store and with Oxigraph.

Each graph is a build of ../shared/corpus repeated until its Turtle holds the wanted
number of triples. Oxigraph's times are the best of three runs in this process;
rdflib's queries run in forked children with a time limit, so rdflib cannot stall
the run. Target: < 100 ms per
named query at 1M triples with Oxigraph. Usage:

    python bench/sparql.py [--triples 100000,1000000] [--limit 120]
"""

from __future__ import annotations

import argparse
import os
import pickle
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import make_corpus  # noqa: E402

from graph.build import build  # noqa: E402
from graph.query import PREFIXES, QUERY_DIR, bind  # noqa: E402

PARAMETERS = {"funding-above-threshold": ["threshold=1000000"], "jurisdiction-entities": ["place=Hebi City"],
              "cluster-members": ["cluster=Hebi magnesium-based new materials"]}


def timed_in_child(run, limit: float) -> str:
    """Seconds (and rows) of run() in a forked child, or '>limit'."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        started = time.perf_counter()
        rows = run()
        os.write(write, pickle.dumps((time.perf_counter() - started, rows)))
        os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], limit)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        return f">{limit:g} s"
    data = os.read(read, 1 << 16)
    os.close(read)
    os.waitpid(pid, 0)
    seconds, rows = pickle.loads(data)
    return f"{seconds * 1000:9.1f} ms ({rows} rows)"


def _timed(store: object, text: str) -> tuple[float, int]:
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(text))
    return time.perf_counter() - started, rows


def triples_in(turtle: Path) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", default="100000,1000000")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds a query may take before it is stopped")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    queries = {p.stem: bind(p.read_text(encoding="utf-8"), PARAMETERS.get(p.stem, []))
               for p in sorted(QUERY_DIR.glob("*.rq"))}
    for wanted in map(int, args.triples.split(",")):
        work = Path(tempfile.mkdtemp(prefix="govgraph-sparql-"))
        try:
            (work / "corpus").mkdir()
            make_corpus(Path(args.corpus), work / "corpus", wanted / 32_000)  # about 32k triples per MB of text
            build([work / "corpus"], work / "build", html_max_nodes=100)
            turtle = work / "build" / "graph.ttl"
            print(f"\n## {triples_in(turtle):,} triples (asked for {wanted:,})", flush=True)

            import pyoxigraph as ox

            started = time.perf_counter()
            store = ox.Store()
            store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
            print(f"Oxigraph load: {time.perf_counter() - started:.1f} s", flush=True)
            # Oxigraph is timed here, in this process, before rdflib fills memory: a forked child pays
            # copy-on-write faults for every allocation, which tripled some times. Best of three runs.
            oxigraph_times = {}
            for name, text in queries.items():
                text = PREFIXES + text if "PREFIX gg:" not in text else text
                best, rows = min(_timed(store, text) for _ in range(3))
                oxigraph_times[name] = f"{best * 1000:9.1f} ms ({rows} rows)"
            import rdflib

            started = time.perf_counter()
            graph = rdflib.Graph()
            graph.parse(str(turtle), format="turtle")
            print(f"rdflib load:   {time.perf_counter() - started:.1f} s", flush=True)
            print(f"{'query':26} {'Oxigraph':>24} {'rdflib (memory store)':>26}")
            for name, text in queries.items():
                text = PREFIXES + text if "PREFIX gg:" not in text else text
                memory = timed_in_child(lambda t=text, g=graph: len(list(g.query(t))), args.limit)
                print(f"{name:26} {oxigraph_times[name]:>24} {memory:>26}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
