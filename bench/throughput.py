"""Throughput and peak memory of extraction and of a whole build.

Builds corpora made by repeating ../shared/corpus (each copy under its own file
name) to several sizes, each size in a fresh process so peak RSS is that size's
own, and prints MB/s of text and peak memory. Usage:

    python bench/throughput.py [--sizes 5,10,20] [--corpus ../shared/corpus] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(source: Path, target: Path, megabytes: float) -> int:
    files = sorted(p for p in source.iterdir() if p.is_file())
    total, copy = 0, 0
    while total < megabytes * 1_000_000:
        for path in files:
            # each copy gets a line of its own, so builds treat the copies as distinct documents
            # (identical texts are merged as reposts, which would measure nothing)
            lines = path.read_bytes().split(b"\n")  # the mark goes mid-text: the body, not header or footer
            middle = len(lines) // 2
            data = b"\n".join([*lines[:middle], f"copy {copy:05}".encode(), *lines[middle:]])
            (target / f"{copy:05}_{path.name}").write_bytes(data)
            total += len(data)
        copy += 1
    return total


def measure(corpus: Path, output: Path, workers: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from graph.build import build, extract_all
    from graph.documents import find_files

    files = find_files([corpus])
    size = sum(p.stat().st_size for p in files)
    started = time.perf_counter()
    extract_all(files, [corpus], workers)
    extract_seconds = time.perf_counter() - started
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    result = build([corpus], output, workers=workers, use_cache=False)  # every document extracted
    build_seconds = time.perf_counter() - started
    build_cpu = _cpu_seconds() - cpu_before
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    triples = sum(1 for line in (output / "graph.ttl").open(encoding="utf-8") if line.strip())
    return {"mb": size / 1e6, "documents": len(files), "workers": workers,
            "extract_mb_s": size / 1e6 / extract_seconds, "build_mb_s": size / 1e6 / build_seconds,
            "build_mb_per_cpu_s": size / 1e6 / build_cpu,
            "build_seconds": build_seconds, "stages": result.seconds, "peak_rss_mb": own,
            "worker_peak_rss_mb": children, "entities": result.entities, "relations": result.relations,
            "turtle_lines": triples}


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, the export process):
    MB per CPU-second is the per-core throughput whatever share of its cores the machine gives."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _spin(count: int) -> int:
    total = 0
    for i in range(count):
        total += i * i % 7
    return total


def parallel_ceiling(workers: int) -> float:
    """How much faster `workers` processes finish pure-Python work than one: the machine's own
    limit on any per-core figure (shared virtual cores often give well under `workers`x)."""
    from concurrent.futures import ProcessPoolExecutor

    count = 4_000_000
    started = time.perf_counter()
    for _ in range(workers):
        _spin(count)
    serial = time.perf_counter() - started
    with ProcessPoolExecutor(workers) as pool:
        started = time.perf_counter()
        list(pool.map(_spin, [count] * workers))
        parallel = time.perf_counter() - started
    return serial / parallel


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="5,10,20")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # internal: corpus output
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(Path(args.one[0]), Path(args.one[1]), args.workers), default=str))
        return
    print(f"{'MB':>6} {'docs':>6} {'extract MB/s':>12} {'build MB/s':>10} {'per core':>8} {'MB/CPU-s':>8} "
          f"{'build s':>8} "
          f"{'peak RSS MB':>11} {'workers RSS MB':>14} {'entities':>8} {'edges':>6}  stages (s)")
    for size in (float(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
        try:
            (work / "corpus").mkdir()
            make_corpus(Path(args.corpus), work / "corpus", size)
            out = subprocess.run([sys.executable, __file__, "--workers", str(args.workers), "--one",
                                  str(work / "corpus"), str(work / "build")], capture_output=True, text=True,
                                 check=True).stdout
            r = json.loads(out)
            stages = ", ".join(f"{k} {float(v):.1f}" for k, v in r["stages"].items())
            print(f"{r['mb']:6.1f} {r['documents']:6} {r['extract_mb_s']:12.2f} {r['build_mb_s']:10.2f} "
                  f"{r['build_mb_s'] / args.workers:8.2f} {r['build_mb_per_cpu_s']:8.2f} "
                  f"{r['build_seconds']:8.1f} {r['peak_rss_mb']:11.0f} "
                  f"{r['worker_peak_rss_mb']:14.0f} "
                  f"{r['entities']:8} {r['relations']:6}  {stages}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    ceiling = f"; {args.workers} processes run pure Python {parallel_ceiling(args.workers):.2f}x as fast as one here"
    print(f"(workers: {args.workers}; per core = build MB/s / workers{ceiling if args.workers > 1 else ''}; "
          "MB/CPU-s = MB of text per CPU-second the whole build used, workers and export process included)")


if __name__ == "__main__":
    main()
