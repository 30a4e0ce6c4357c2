"""govgraph report: tables whose numbers equal the graph's, figures that exist and show something,
and the HTML report looked at in headless Chromium."""

from __future__ import annotations

import csv
import shutil
import struct
from decimal import Decimal
from pathlib import Path

import pytest

from graph.analysis import analyse
from graph.cli import main
from graph.load import load_graph

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reports(sample_build, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for form in ("md", "html", "xlsx"):
        assert main(["report", str(sample_build.output), "--format", form, "-o", str(folder / form)]) == 0
    return folder


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_figures_exist_as_png_and_svg_and_are_not_trivial(reports) -> None:
    for name in ("funding-by-funder", "entities-by-class", "top-agencies"):
        png, svg = reports / "md" / f"{name}.png", reports / "md" / f"{name}.svg"
        width, height = _png_size(png)
        assert width > 400 and height > 200 and png.stat().st_size > 10_000, name
        assert svg.read_text(encoding="utf-8").count("<path") > 20, name


def test_tables_equal_the_graph(reports, sample_build) -> None:
    graph = sample_build.graph
    with (reports / "md" / "responsibility-matrix.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    cells = sum(int(c) for row in rows[1:] for c in row[1:])
    assert cells == sum(1 for *_, p in graph.edges(keys=True) if p == "responsibleFor")
    with (reports / "md" / "funding.csv").open(encoding="utf-8") as handle:
        funding = list(csv.DictReader(handle))
    stated = sum((Decimal(r["amount_yuan"]) for r in funding if r["amount_yuan"]), Decimal(0))
    assert stated == sum((a["yuan"] for *_, p, d in graph.edges(keys=True, data=True) if p == "funds"
                          for a in d["amounts"]), Decimal(0))
    report = (reports / "md" / "report.md").read_text(encoding="utf-8")
    for cls in ("Agency", "Lab", "Place"):
        assert f"| {cls} | {sum(1 for _, d in graph.nodes(data=True) if d['cls'] == cls)} |" in report
    assert "| Hebi special bonds | 3,550,000,000 |" in report
    lines = report.splitlines()
    header = next(line for line in lines if line.startswith("| agency | ") and "郑州市第十四工作组" in line)
    column = [c.strip() for c in header.split("|")].index("郑州市第十四工作组")
    row = next(line for line in lines if line.startswith("| Zhengzhou Municipal Finance Bureau |"))
    assert [c.strip() for c in row.split("|")][column] == "1"  # 市财政局 leads the 第十四工作组 (组长单位)
    assert "## Jurisdiction: Zhengzhou" in report and "## Jurisdiction: Hebi" in report


def test_centrality_names_each_measure_and_ranks_by_it(sample_build) -> None:
    analysis = analyse(load_graph(sample_build.output))
    degree = analysis.central["Agency"]["degree"]
    assert [score for *_, score in degree] == sorted((score for *_, score in degree), reverse=True)
    assert degree[0][2] == max(sample_build.graph.degree(n) for n, d in sample_build.graph.nodes(data=True)
                               if d["cls"] == "Agency")
    assert set(analysis.central["Program"]) == {"degree", "betweenness", "pagerank"}


def test_the_workbook_holds_the_same_numbers(reports, sample_build) -> None:
    from openpyxl import load_workbook

    book = load_workbook(reports / "xlsx" / "report.xlsx")
    assert {"Responsibility matrix", "Funding", "Funding by funder", "Zhengzhou"} <= set(book.sheetnames)
    classes = {row[0]: row[1] for row in book["Entities by class"].iter_rows(min_row=2, values_only=True)}
    assert classes["Agency"] == sum(1 for _, d in sample_build.graph.nodes(data=True) if d["cls"] == "Agency")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium on PATH (Debian: apt-get install chromium)")
def test_the_html_report_renders_in_chromium(reports) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    page_path = reports / "html" / "report.html"
    assert "src=\"http" not in page_path.read_text(encoding="utf-8")  # self-contained
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(page_path.resolve().as_uri())
        widths = page.evaluate("Array.from(document.images).map(i => i.naturalWidth)")
        assert len(widths) == 3 and min(widths) > 400
        assert page.locator("table").count() > 10
        screenshot = ROOT / "builds" / "screenshots" / "report.png"
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
        browser.close()
    assert screenshot.stat().st_size > 50_000
