"""Load on `govgraph serve` over loopback: throughput and p50/p95 latency at 1 and 8 clients, with
and without an idle connection held open. Bounded: a fixed number of requests per run.

    python bench/serve_load.py [--build builds/sample] [--requests 200]
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = "SELECT ?agency (COUNT(?p) AS ?n) WHERE { ?agency gg:responsibleFor ?p } GROUP BY ?agency"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(ROOT / "builds" / "sample"))
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    if not (Path(args.build) / "graph.ttl").exists():
        subprocess.run([sys.executable, "-m", "graph.cli", "build", "-o", args.build], check=True, cwd=ROOT)
    server = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", args.build, "--port", "0"],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        host, port = re.search(r"http://([\d.]+):(\d+)/", server.stdout.readline()).groups()
        url = f"http://{host}:{port}/sparql?query=" + urllib.parse.quote(QUERY)
        print(f"{'clients':>7} {'idle conn':>9} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}")
        for idle in (False, True):
            for clients in (1, 8):
                held = socket.create_connection((host, int(port))) if idle else None
                try:
                    latencies, wall = _run(url, clients, args.requests)
                finally:
                    if held is not None:
                        held.close()
                latencies.sort()
                print(f"{clients:7} {'yes' if idle else 'no':>9} {len(latencies):8} {len(latencies) / wall:7.1f} "
                      f"{statistics.median(latencies) * 1000:7.1f} {latencies[int(len(latencies) * 0.95)] * 1000:7.1f}",
                      flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _run(url: str, clients: int, requests: int) -> tuple[list[float], float]:
    def one(_: int) -> float:
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = list(pool.map(one, range(requests)))
    return latencies, time.perf_counter() - started


if __name__ == "__main__":
    main()
