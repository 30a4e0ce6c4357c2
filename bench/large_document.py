"""Seconds per MB to read and extract ONE large document, at 1, 4 and 16 MB.

The document is the devcorpus (or ../shared/corpus) texts of one language joined into a single file, so
any stage that grows faster than the document shows as a rising s/MB. Usage:

    python bench/large_document.py [--sizes 1,4,16] [--language zh|en] [--corpus ../shared/devcorpus]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.documents import read_document  # noqa: E402
from graph.extract import extract  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,4,16")
    parser.add_argument("--language", default="zh", choices=["zh", "en"])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "devcorpus"))
    args = parser.parse_args()
    sources = sorted(Path(args.corpus).glob(f"{args.language}_*.txt")) or sorted(Path(args.corpus).glob("*.txt"))
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sources)
    extract(read_document(_write(base[:2000], "warm.txt"), "warm.txt"))  # vocabularies and gazetteer loaded
    print(f"{'MB':>6} {'read s':>8} {'extract s':>10} {'s per MB':>9} {'sentences':>10} {'mentions':>9}")
    for size in (float(s) for s in args.sizes.split(",")):
        text = (base * (int(size * 1_000_000 / len(base.encode("utf-8"))) + 1))
        text = text[:int(len(text) * size * 1_000_000 / len(text.encode("utf-8")))]
        path = _write(text, f"large-{size:g}.txt")
        started = time.perf_counter()
        document = read_document(path, path.name)
        read = time.perf_counter() - started
        started = time.perf_counter()
        extraction = extract(document)
        extracted = time.perf_counter() - started
        megabytes = len(text.encode("utf-8")) / 1e6
        print(f"{megabytes:6.1f} {read:8.2f} {extracted:10.2f} {(read + extracted) / megabytes:9.2f} "
              f"{len(document.sentences):10} {len(extraction.mentions):9}", flush=True)


def _write(text: str, name: str) -> Path:
    path = Path(tempfile.mkdtemp()) / name
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    main()
