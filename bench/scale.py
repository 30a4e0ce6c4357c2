"""Builds at scale: 1k, 10k, 100k distinct documents, clean and incremental.

The documents are made from the ../shared/devcorpus texts: document i takes template i mod T and a
real county-level division of China (from the gazetteer) as its place; the template's own city and
province are replaced by the county's city and province (in Chinese and in English), and every
enterprise, lab, cluster, program and fund the template names is renamed after the county. So
100,000 documents name hundreds of thousands of distinct entities, not 100,000 copies of the same.

Each size runs in a fresh process (its peak memory is its own) and prints: wall and CPU time of a
clean build, peak RSS of the driver and of each worker, entities and triples, then the time to add
100 documents to that build (the cache re-extracts only them) against the clean build. With
--store the largest build also writes its Oxigraph store, and the figures of opening it and
running every named query on it are printed. Usage:

    python bench/scale.py [--sizes 1000,10000,100000] [--workers N] [--store] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
RENAMED = ("Enterprise", "Lab", "Cluster", "Program", "Fund")


@dataclass(frozen=True)
class Template:
    name: str
    text: str
    language: str
    places: dict[str, str]  # the template's place names -> which of the target's names replaces them
    names: tuple[str, ...]  # entity names to rename after the target, longest first


@dataclass(frozen=True)
class Target:
    names: dict[str, str]  # "city", "city_short", "province", ... -> the name
    prefix_zh: str
    prefix_en: str


def templates(folder: Path = DEVCORPUS) -> list[Template]:
    sys.path.insert(0, str(ROOT))
    from graph.build import read_and_extract
    from graph.documents import read_document
    from graph.extract.gazetteer import gazetteer

    places = gazetteer()
    found = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".html")):
        if path.name in ("README.md", "SOURCES.md"):
            continue
        document = read_document(path, path.name)
        extraction = read_and_extract(str(path), path.name)
        if isinstance(document, Exception) or isinstance(extraction, Exception):
            continue
        own: dict[str, str] = {}
        for level in ("province", "city"):
            name = getattr(extraction.jurisdiction, level) or ""
            division = next((d for d in (*places.named(name), *places.by_english.get(name.lower(), ()))
                             if d.level == level), None)
            if division is None:
                continue
            own[division.name] = level
            if len(division.short) >= 2:
                own[division.short] = f"{level}_short"
            own[division.english] = f"{level}_en"
        names = sorted({m.name for m in extraction.mentions if m.cls in RENAMED and len(m.name) >= 4
                        and m.name in document.text and not any(p in m.name for p in own)}, key=len, reverse=True)
        found.append(Template(path.name, document.text, extraction.language, own, tuple(names)))
    return found


def targets() -> list[Target]:
    """Every county-level division with its city and province, in code order."""
    from graph.extract.gazetteer import gazetteer

    places = gazetteer()
    by_name = {d.name: d for d in places.divisions if d.level in ("province", "city")}
    found = []
    for county in sorted((d for d in places.divisions if d.level in ("county", "district")), key=lambda d: d.code):
        city, province = by_name.get(county.parent), by_name.get(county.province)
        if city is None or province is None or len(county.short) < 2:
            continue
        found.append(Target({"city": city.name, "city_short": city.short, "city_en": city.english,
                             "province": province.name, "province_short": province.short,
                             "province_en": province.english}, county.short, county.english))
    return found


def make_document(template: Template, target: Target) -> str:
    replacements = {name: target.names[level] for name, level in template.places.items()}
    for name in template.names:
        replacements[name] = f"{target.prefix_zh}{name}" if template.language == "zh" else \
            f"{target.prefix_en} {name}"
    if not replacements:
        return template.text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True)))
    return pattern.sub(lambda match: replacements[match.group(0)], template.text)


def make_corpus(folder: Path, start: int, count: int, made: tuple[list[Template], list[Target]]) -> int:
    """Documents start .. start+count-1 (document i: template i mod T, county i div T)."""
    found, places = made
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(start, start + count):
        template = found[i % len(found)]
        target = places[(i // len(found)) % len(places)]
        data = make_document(template, target).encode("utf-8")
        (folder / f"{i:06}_{template.name}").write_bytes(data)
        total += len(data)
    return total


class ChildPeaks:
    """Peak RSS of each child process, sampled, and peak USS (the pages it alone holds: a forked
    exporter's RSS counts the pages it shares with the driver, its USS does not); which ones were
    extraction workers is decided by when they first appeared (before the map ended)."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peaks: dict[int, float] = {}
        self.own_peaks: dict[int, float] = {}
        self.loaders: set[int] = set()  # the store's loader (graph.store: write_store_apart, store_loader)
        self.first_seen: dict[int, float] = {}
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while self.running:
            for child in self.me.children(recursive=True):
                try:
                    memory = child.memory_full_info()
                except psutil.Error:
                    continue
                if child.pid not in self.first_seen:
                    self.first_seen[child.pid] = time.perf_counter()
                    try:
                        if any("_load_main" in part or "_load_given_main" in part for part in child.cmdline()):
                            self.loaders.add(child.pid)
                    except psutil.Error:
                        pass
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), memory.rss / 1e6)
                self.own_peaks[child.pid] = max(self.own_peaks.get(child.pid, 0.0), memory.uss / 1e6)
            time.sleep(0.2)

    def stop(self) -> None:
        self.running = False
        self.thread.join()


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(count: int, work: Path, workers: int, store: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    from graph.build import build

    made = (templates(), targets())
    size = make_corpus(work / "corpus", 0, count, made)
    peaks = ChildPeaks()
    cpu, started = _cpu_seconds(), time.perf_counter()
    result = build([work / "corpus"], work / "build", workers=workers, store=store, title="scale")
    wall, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    peaks.stop()
    map_ended = started + result.seconds["extract"]
    worker_peaks = sorted((peaks.peaks[pid] for pid, seen in peaks.first_seen.items() if seen <= map_ended),
                          reverse=True)
    exporters = [pid for pid, seen in peaks.first_seen.items() if seen > map_ended and pid not in peaks.loaders]
    loader_peak = max((peaks.peaks[pid] for pid in peaks.loaders), default=0)
    export_peak = max((peaks.peaks[pid] for pid in exporters), default=0)
    export_own = max((peaks.own_peaks[pid] for pid in exporters), default=0)
    driver_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # counted by the build as it wrote them: sorting them again here (ntriples) held every line in the
    # driver's memory, about 12 GB at 100k, and was what ran a 100k bench without --store out of memory
    triples = result.triples
    figures = {"documents": count, "mb": size / 1e6, "wall_s": wall, "cpu_s": cpu, "driver_peak_mb": driver_peak,
               "worker_peaks_mb": worker_peaks, "export_child_mb": export_peak,
               "export_child_own_mb": export_own, "store_loader_mb": loader_peak,
               "entities": result.entities, "relations": result.relations,
               "triples": triples, "stages": result.seconds}
    del result
    gc.collect()  # a networkx graph is a reference cycle (its cached views refer to it): del alone frees nothing
    make_corpus(work / "corpus", count, 100, made)
    started = time.perf_counter()
    again = build([work / "corpus"], work / "build", workers=workers, store=store, title="scale")
    figures["add_100_s"] = time.perf_counter() - started
    figures["add_100_extracted"] = again.seconds["documents_extracted"]
    del again  # the graph (gigabytes at 100k) is not kept while the store's queries run, as serve keeps none
    gc.collect()
    if store:
        figures["store"] = serve_figures(work / "build")
    return figures


def serve_figures(build_folder: Path) -> dict:
    """What `govgraph serve` does at start (open the store) and each named query's time on it."""
    from graph.query import QUERY_DIR, load_store, query_text, run_query

    started = time.perf_counter()
    store = load_store(build_folder)
    opened = time.perf_counter() - started
    times = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        started = time.perf_counter()
        rows = len(run_query(store, query_text(path.stem)).rows)
        times[path.stem] = (time.perf_counter() - started, rows)
    return {"open_s": opened, "store_mb": sum(p.stat().st_size for p in (build_folder / "store").rglob("*")
                                                if p.is_file()) / 1e6, "queries": times}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--store", action="store_true", help="also write and query the Oxigraph store")
    parser.add_argument("--keep", help="make the corpora and builds here and keep them")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # internal: count folder
    args = parser.parse_args()
    if args.one:
        figures = measure(int(args.one[0]), Path(args.one[1]), args.workers, args.store)
        print(json.dumps(figures, default=str))
        return
    print(f"workers: {args.workers}; {os.cpu_count()} CPUs; "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 1e9:.0f} GB RAM; {sys.version.split()[0]}")
    print(f"{'docs':>7} {'MB':>7} {'wall s':>7} {'CPU s':>7} {'s/1k docs':>9} {'driver MB':>9} "
          f"{'worker MB (each)':>18} {'export MB':>9} {'(own)':>7} {'entities':>9} {'triples':>9} "
          f"{'+100 s':>7} {'+100/clean':>10}")
    previous = None
    for count in (int(s) for s in args.sizes.split(",")):
        work = Path(args.keep) / str(count) if args.keep else Path(tempfile.mkdtemp(prefix="govgraph-scale-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            run = subprocess.run([sys.executable, __file__, "--workers", str(args.workers),
                                  *(["--store"] if args.store else []), "--one", str(count), str(work)],
                                 capture_output=True, text=True)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        if run.returncode != 0:  # say why (a build past this machine's memory is killed, for one)
            tail = run.stderr.strip().splitlines()[-3:]
            print(f"{count:7} failed (exit {run.returncode}): " + " | ".join(tail), flush=True)
            break
        out = run.stdout
        r = json.loads(out.strip().splitlines()[-1])
        each = "/".join(f"{m:.0f}" for m in r["worker_peaks_mb"][:4]) or "-"
        print(f"{r['documents']:7} {r['mb']:7.1f} {r['wall_s']:7.1f} {r['cpu_s']:7.1f} "
              f"{r['wall_s'] / r['documents'] * 1000:9.2f} {r['driver_peak_mb']:9.0f} {each:>18} "
              f"{r['export_child_mb']:9.0f} {r.get('export_child_own_mb', 0):7.0f} {r['entities']:9} {r['triples']:9} "
              f"{r['add_100_s']:7.1f} "
              f"{r['add_100_s'] / r['wall_s']:10.2f}",
              flush=True)
        print("        stages (s): " + ", ".join(f"{k} {float(v):.1f}" for k, v in r["stages"].items()), flush=True)
        if previous is not None:
            ratio = (r["wall_s"] / previous["wall_s"]) / (r["documents"] / previous["documents"])
            print(f"        time grew {ratio:.2f}x of linear from {previous['documents']} documents", flush=True)
        if "store" in r:
            s = r["store"]
            print(f"        store: {s['store_mb']:.0f} MB, loaded by a process of {r.get('store_loader_mb', 0):.0f} MB"
                  f" peak, opened in {s['open_s']:.2f} s; named queries (s, rows): "
                  + ", ".join(f"{k} {t:.2f} ({n})" for k, (t, n) in s["queries"].items()), flush=True)
        previous = r


if __name__ == "__main__":
    main()
