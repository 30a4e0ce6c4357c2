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
    program, agency = "郑州市第十四工作组", "Zhengzhou Municipal Finance Bureau"
    legend = {c[2].strip(): c[1].strip() for c in (line.split("|") for line in lines) if len(c) == 4}
    across, down = (program, agency) if legend.get(program, "").startswith("P") else (agency, program)
    code = legend[across]
    start = next(i for i, line in enumerate(lines) if line.startswith("| ") and f" {code} |" in line
                 and not line.startswith(f"| {code} |"))
    column = [c.strip() for c in lines[start].split("|")].index(code)
    row = next(line for line in lines[start:] if line.startswith(f"| {down} |"))
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


def test_the_matrix_fits_in_coded_pages_with_a_legend_of_full_names(sample_build, corpus_build) -> None:
    from graph.analysis import matrix_pages
    from graph.export.report_folder import MATRIX_COLUMNS, render_html, render_markdown

    for build in (sample_build, corpus_build):
        analysis = analyse(build.graph)
        down, across, pages = matrix_pages(analysis, MATRIX_COLUMNS)
        assert pages and all(len(p.columns) <= MATRIX_COLUMNS for p in pages)
        across_names = [name for p in pages for _, name in p.columns]
        shorter = min(len(analysis.matrix_agencies), len(analysis.matrix_programs))
        assert len(across_names) == shorter  # the shorter side goes across
        assert sum(sum(c) for p in pages for _, c in p.rows) == sum(analysis.matrix.values())
        markdown = render_markdown(analysis, "t", [])
        tables = [line for line in markdown.split("## Responsibility matrix")[1].split("\n## ")[0].splitlines()
                  if line.startswith(f"| {down} |")]
        assert len(tables) == len(pages) and all(line.count("|") <= MATRIX_COLUMNS + 2 for line in tables)
        for code, name in (c for p in pages for c in p.columns):
            assert f"| {code} | {name.replace('|', chr(92) + '|')} |" in markdown  # the legend: every full name
        page = render_html(analysis, "t", [])
        assert page.count('<table class="matrix">') == len(pages)


def test_the_neighbourhood_figure_has_whole_labels_that_never_overlap(corpus_build) -> None:
    from graph.export.figures import _overlaps, neighbourhood_figure, wrap

    graph = corpus_build.graph
    analysis = analyse(graph)
    figure = neighbourhood_figure(graph, analysis)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    network = figure.axes[0]
    numbers = [t for t in network.texts if t.get_text().isdigit()]
    assert len(numbers) >= 20
    boxes = [t.get_window_extent(renderer) for t in numbers]
    assert not [(a.get_text(), b.get_text()) for i, (a, x) in enumerate(zip(numbers, boxes, strict=True))
                for b, y in zip(numbers[i + 1:], boxes[i + 1:], strict=True) if _overlaps(x, y)]
    frame = network.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    legend = "\n".join(t.get_text() for ax in figure.axes[1:] for t in ax.texts)
    assert "…" not in legend
    flat = " ".join(legend.split())
    centres = [n for _, n, _ in analysis.central["Agency"]["degree"][:3]]
    for number, node in enumerate(centres, 1):
        assert f"{number} {' '.join(wrap(graph.nodes[node]['label'], 44).split())}" in flat
    assert "Hebei Provincial Department of Industry and Information Technology" in flat.replace("and Information",
                                                                                               "and Information")


def test_long_funder_names_are_wrapped_whole(tmp_path) -> None:
    from graph.export.figures import wrap

    name = "Hebei Provincial Department of Industry and Information Technology Special Fund"
    wrapped = wrap(name, 40)
    assert wrapped.replace("\n", " ") == name and max(len(line) for line in wrapped.splitlines()) <= 40
    chinese = "河北省工业和信息化厅中小企业发展专项资金管理办公室"
    assert wrap(chinese, 20).replace("\n", "") == chinese


def test_the_workbook_has_widths_frozen_headers_and_filters(reports) -> None:
    from openpyxl import load_workbook

    book = load_workbook(reports / "xlsx" / "report.xlsx")
    for sheet in book.worksheets:
        if sheet.max_row < 1:
            continue
        assert sheet.freeze_panes == ("B2" if sheet.title == "Responsibility matrix" else "A2"), sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        widths = [sheet.column_dimensions[c].width for c in "ABCDEFG"[:sheet.max_column]]
        assert all(w and 8 <= w <= 60 for w in widths), (sheet.title, widths)
    funding = book["Funding"]
    assert funding.column_dimensions["G"].width == 60  # the sentence column: capped, and wrapped
    assert funding["G2"].alignment.wrap_text
    assert funding.column_dimensions["C"].width < 25  # an amount column stays narrow
    assert book["Responsibility matrix"]["A1"].font.bold


def test_the_figures_are_the_same_bytes_whatever_python_s_hash_seed(corpus_build, tmp_path) -> None:
    import os
    import subprocess
    import sys

    written = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        subprocess.run([sys.executable, "-m", "graph.cli", "report", str(corpus_build.output), "--format", "md",
                        "-o", str(folder)], check=True, capture_output=True, cwd=ROOT,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        written.append({p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".png", ".svg", ".md")})
    assert "top-agencies.png" in written[0]
    assert written[0] == written[1]
