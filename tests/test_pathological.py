"""Inputs built to be slow: every stage must stay linear in the document's length.

Each case is extracted at two sizes; the larger (four times the text) must take less than eight
times as long, with a generous floor so a busy machine does not fail the test. A quadratic stage
takes sixteen times as long and fails. Timings of one large document are in bench/large_document.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.documents import read_document
from graph.extract import extract

CASES: dict[str, Callable[[int], str]] = {
    # many agencies in one English sentence (the responsibility clause looked back from each)
    "english agencies in one sentence": lambda n: "The Hebi Municipal Finance Bureau and the Zhengzhou Municipal "
    "Commerce Bureau, " * n + "are responsible for the Smart City Action Plan.\n",
    # many agencies in one Chinese sentence with no clause end (issue verbs searched to the end)
    "chinese agencies in one sentence": lambda n: "市财政局、市商务局、" * (2 * n) + "负责。\n",
    # a 《 never closed: the paragraph splitter counted the whole run on every line
    "an unclosed title": lambda n: "《未闭合的标题\n" + "郑州市财政局负责。\n" * (5 * n),
    # Markdown opened and never closed: the link pattern tried every bracket to the end
    "unclosed markdown links": lambda n: "![" * (20 * n),
}


def _seconds(text: str, tmp_path: Path, name: str) -> float:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    document = read_document(path, path.name)
    if not isinstance(document, Exception) and hasattr(document, "sentences"):
        extract(document)
    return time.perf_counter() - started


@pytest.mark.parametrize("case", sorted(CASES))
def test_pathological_inputs_stay_linear(case: str, tmp_path: Path) -> None:
    make = CASES[case]
    suffix = ".md" if "markdown" in case else ".txt"
    _seconds(make(10), tmp_path, "warm" + suffix)  # loads vocabularies and the gazetteer
    small = _seconds(make(500), tmp_path, "small" + suffix)
    large = _seconds(make(2000), tmp_path, "large" + suffix)
    assert large < max(8 * small, 1.5), (case, small, large)
