"""Per-document results kept between builds, so a rebuild re-extracts only what changed.

An entry is one document's Extraction (or its ReadFailure), pickled, under a key made of the
document's id, its bytes and the extractor's version: the code and vocabularies of reading and
extraction, and the recogniser chosen. Any change to those makes every key new, so a cache can be
stale only by being unused. The cache lives in the build folder (``.govgraph-cache``) and moves
with it from build to build; entries of documents no longer in the input are not carried over.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .model import Extraction, ReadFailure

CACHE_FOLDER = ".govgraph-cache"
_PACKAGE = Path(__file__).resolve().parent
#: What extraction depends on: a change to any of these is a new extractor version.
_VERSIONED = ("documents.py", "model.py", "script.py", "keys.py", "extract")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    digest = hashlib.sha1()
    for name in _VERSIONED:
        target = _PACKAGE / name
        files = sorted(p for p in target.rglob("*") if p.suffix in (".py", ".toml")) if target.is_dir() else [target]
        for path in files:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    for package in ("jionlp", "opencc", "cn2an", "pypinyin"):  # data that ships in packages
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()[:16]


def entry_key(doc_id: str, data: bytes, ner: str) -> str:
    digest = hashlib.sha1(f"{extractor_version()}|{ner}|{doc_id}|".encode())
    digest.update(data)
    return digest.hexdigest()


def load(folder: Path, key: str) -> Extraction | ReadFailure | None:
    path = folder / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # absent or unreadable: extract again
    return value if isinstance(value, Extraction | ReadFailure) else None


def dumps(value: Extraction | ReadFailure) -> bytes:
    """An entry's bytes: a build keeps these, not the objects, until it writes its cache."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def store(folder: Path, key: str, data: bytes | None, previous: Path | None = None) -> None:
    """Write an entry (dumps of it) into ``folder``, which exists; ``data`` None: the entry is the
    previous build's copy, hard-linked (the same bytes cost nothing) or else copied."""
    target = folder / f"{key}.pickle"
    source = previous / f"{key}.pickle" if previous is not None else None
    if source is not None and source.is_file():
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    if data is None:
        if source is None:
            raise ValueError(f"cache entry {key}: no bytes and no previous copy")
        data = source.read_bytes()
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)
