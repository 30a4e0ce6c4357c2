"""The explorer page in a real browser: headless Chromium driven by Playwright.

Chromium comes from Debian (.ci/run installs it); without it these tests skip and say why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.build import build

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "builds" / "screenshots" / "sample.png"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")

HOSTILE = """Hebi City Notice

The Municipal Finance Bureau praised the <script>window.hacked = 1</script> “<img src=x onerror=window.hacked=2> Loan” product.
"""


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.govgraph && window.govgraph.ready", timeout=60_000)
    return page, errors


def test_the_sample_page_draws_every_node_without_errors(browser, sample_build) -> None:
    page, errors = _open(browser, sample_build.output / "graph.html")
    assert errors == []
    assert page.evaluate("govgraph.drawnNodeIds().length") == sample_build.graph.number_of_nodes()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000


def test_search_in_either_language_focuses_the_node(browser, sample_build) -> None:
    page, errors = _open(browser, sample_build.output / "graph.html")
    for text, expected in (("市财政局", None), ("郑州市财政局", "agency/zhengzhou-municipal-finance-bureau"),
                           ("hebi municipal finance bureau", "agency/hebi-municipal-finance-bureau")):
        page.fill("#search", text)
        page.press("#search", "Enter")
        if expected:
            assert page.evaluate("govgraph.selected()") == [expected]
    assert "鹤壁市财政局" in page.inner_text("#panel")  # the Chinese name of the Hebi bureau
    assert errors == []


def test_class_and_property_filters_hide_what_they_name(browser, sample_build) -> None:
    page, _ = _open(browser, sample_build.output / "graph.html")
    places = {n for n, d in sample_build.graph.nodes(data=True) if d["cls"] == "Place"}
    page.uncheck('#class-filters input[value="Place"]')
    drawn = set(page.evaluate("govgraph.drawnNodeIds()"))
    assert places and not drawn & places
    assert len(drawn) == sample_build.graph.number_of_nodes() - len(places)
    page.uncheck('#property-filters input[value="partOf"]')
    assert page.evaluate("govgraph.edgeView.get().filter(e => e.id.includes('|partOf|')).length") == 0
    page.fill("#min-funding", "60000000")
    assert page.evaluate("govgraph.edgeView.get().filter(e => e.id.includes('|funds|')).length") < sum(
        1 for *_, p in sample_build.graph.edges(keys=True) if p == "funds")


def test_neighbourhood_mode_shows_one_entity_and_its_neighbours(browser, sample_build) -> None:
    page, _ = _open(browser, sample_build.output / "graph.html")
    centre = "agency/zhengzhou-municipal-finance-bureau"
    page.evaluate(f"govgraph.search('{centre.split('/')[1].replace('-', ' ')}')")
    page.select_option("#depth", "1")
    graph = sample_build.graph.to_undirected(as_view=True)
    assert set(page.evaluate("govgraph.drawnNodeIds()")) == {centre, *graph.neighbors(centre)}


def test_clicking_a_node_shows_its_sources_in_the_side_panel(browser, sample_build) -> None:
    page, _ = _open(browser, sample_build.output / "graph.html")
    node = "lab/mozi-laboratory"
    x, y = page.evaluate(f"""(() => {{ const n = govgraph.network; const p = n.getPositions(['{node}'])['{node}'];
        n.moveTo({{position: p, scale: 1.5, animation: false}});
        const d = n.canvasToDOM(p); const r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }})()""")
    page.mouse.click(x, y)
    panel = page.inner_text("#panel")
    sentence = sample_build.graph.nodes[node]["sources"][0]["sentence"]
    assert "Mozi Laboratory" in panel and sentence[:40] in panel


def test_a_hostile_document_never_runs_script(browser, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = build([tmp_path / "docs"], tmp_path / "out", workers=1)
    page, errors = _open(browser, result.output / "graph.html")
    bureau = "agency/hebi-municipal-finance-bureau"
    page.evaluate("govgraph.search('Hebi Municipal Finance Bureau')")
    assert page.evaluate("govgraph.selected()") == [bureau]
    panel = page.inner_text("#panel")
    assert "<script>window.hacked = 1</script>" in panel and "<img src=x onerror=window.hacked=2>" in panel
    page.hover("#graph")  # tooltips too are text
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.hacked") == "undefined"
    assert page.evaluate("document.querySelectorAll('#panel script, #panel img').length") == 0
    assert errors == []


def test_a_capped_page_says_so_and_search_reaches_an_entity_not_drawn(browser, sample_build, tmp_path: Path) -> None:
    from graph.export.html import write_html

    graph = sample_build.graph
    path = tmp_path / "capped.html"
    write_html(graph, path, "capped", max_nodes=10)
    page, errors = _open(browser, path)
    assert len(page.evaluate("govgraph.drawnNodeIds()")) == 10
    assert f"Showing the 10 most connected of {graph.number_of_nodes()} entities" in page.inner_text("header")
    top = set(sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:10])
    hidden = next(n for n in sorted(graph.nodes) if n not in top and graph.degree(n) > 0)
    page.evaluate(f"govgraph.search({graph.nodes[hidden]['label']!r})")
    drawn = set(page.evaluate("govgraph.drawnNodeIds()"))
    assert hidden in drawn and set(graph.to_undirected(as_view=True).neighbors(hidden)) <= drawn
    assert errors == []
