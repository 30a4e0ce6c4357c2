"""Shared fixtures: builds of the bundled sample and of ../shared/corpus, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import SAMPLE_CORPUS, BuildResult, build
from graph.documents import read_document
from graph.extract import extract
from graph.model import Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
FIXTURES = Path(__file__).parent / "fixtures"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this clone")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build([SAMPLE_CORPUS], tmp_path_factory.mktemp("builds") / "sample", workers=1)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this clone")
    return build([CORPUS], tmp_path_factory.mktemp("builds") / "corpus", workers=1)


def extract_text(text: str, name: str = "doc.txt", tmp_path: Path | None = None) -> Extraction:
    """Extract from a text written in a test, as if it were a file."""
    import tempfile

    folder = Path(tmp_path or tempfile.mkdtemp())
    path = folder / name
    path.write_text(text, encoding="utf-8")
    document = read_document(path, name)
    assert not isinstance(document, Exception)
    return extract(document)


def extract_corpus(name_prefix: str) -> Extraction:
    path = next(CORPUS.glob(f"{name_prefix}*"))
    document = read_document(path, path.name)
    return extract(document)


def names(extraction: Extraction, cls: str) -> set[str]:
    return {m.name for m in extraction.mentions if m.cls == cls}


def relations(extraction: Extraction, predicate: str) -> set[tuple[str, str]]:
    by_key = {m.key: m for m in extraction.mentions}
    return {(by_key[r.subject].name, by_key[r.object].name) for r in extraction.relations
            if r.predicate == predicate}
