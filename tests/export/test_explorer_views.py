"""The explorer on the real corpus (../shared/corpus, 210 entities) in headless Chromium: every control
driven and what is drawn checked (positions, labels, the status line, the URL fragment, the search list,
the pickers and the exports). Screenshots go to builds/screenshots/ (linked from the README)."""

from __future__ import annotations

import base64
import csv
import io
import math
import shutil
from pathlib import Path

import pytest

from graph.export.html import page_data, render_html

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "builds" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium)")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, corpus_build):
    return _open(browser, corpus_build.output / "graph.html")


def _open(browser, path: Path, fragment: str = ""):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.resolve().as_uri() + fragment)
    _settle(page)
    page.errors = errors
    return page


def _settle(page) -> None:
    page.wait_for_function("window.govgraph && govgraph.ready && govgraph.settled", timeout=60_000)


def _positions(page, ids=None) -> dict[str, tuple[float, float]]:
    found = page.evaluate("(ids) => govgraph.network.getPositions(ids || undefined)", ids)
    return {k: (v["x"], v["y"]) for k, v in found.items()}


def _spread(points) -> float:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return math.sqrt((max(xs) - min(xs)) ** 2 + (max(ys) - min(ys)) ** 2)


def _closest(points) -> float:
    return min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:])


def _drawn(page) -> set[str]:
    return set(page.evaluate("govgraph.drawnNodeIds()"))


def _status(page) -> str:
    return page.inner_text("#status")


def _drawn_labels(page) -> list[str]:
    """The label text the canvas really draws: fillText recorded during one redraw."""
    return page.evaluate("""() => {
        const ctx = document.querySelector('#graph canvas').getContext('2d');
        const texts = []; const fill = ctx.fillText;
        ctx.fillText = function (text, ...rest) { texts.push(String(text)); return fill.call(this, text, ...rest); };
        govgraph.network.redraw();
        ctx.fillText = fill;
        return texts; }""")


def _isolated(graph) -> set[str]:
    return {n for n in graph.nodes if graph.degree(n) == 0}


def test_unconnected_entities_are_hidden_on_a_real_build_and_counted(page, corpus_build) -> None:
    graph = corpus_build.graph
    isolated = _isolated(graph)
    assert graph.number_of_nodes() > 200 and isolated
    assert _drawn(page) == set(graph.nodes) - isolated
    assert (f"{graph.number_of_nodes() - len(isolated)} of {graph.number_of_nodes()} entities and "
            f"{graph.number_of_edges()} of {graph.number_of_edges()} relations shown; "
            f"{len(isolated)} unconnected hidden") in _status(page)
    page.uncheck("#hide-isolated")
    _settle(page)
    assert _drawn(page) == set(graph.nodes)
    assert f"{len(isolated)} unconnected shown" in _status(page)
    assert "isolated=show" in page.evaluate("location.hash")
    points = list(_positions(page).values())
    assert _closest(points) > 5  # no two entities on one spot
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.check("#hide-isolated")
    _settle(page)
    page.screenshot(path=str(SCREENSHOTS / "corpus.png"))
    assert page.errors == []


def test_a_class_toggled_off_and_on_comes_back_spread_out(page, corpus_build) -> None:
    programs = sorted(n for n in _drawn(page) if corpus_build.graph.nodes[n]["cls"] == "Program")
    before = _positions(page, programs)
    whole = _spread(list(_positions(page).values()))
    page.uncheck('#class-filters input[value="Program"]')
    _settle(page)
    assert not _drawn(page) & set(programs)
    assert "classes hidden: Program" in _status(page)
    page.check('#class-filters input[value="Program"]')
    _settle(page)
    after = _positions(page, programs)
    assert set(after) == set(programs)
    points = list(after.values())
    assert _closest(points) > 5, "programs piled up"
    assert _spread(points) > 0.5 * _spread(list(before.values()))
    assert _spread(list(_positions(page).values())) > 0.6 * whole


def test_neighbourhood_then_show_all_keeps_the_graph_spread(page, corpus_build) -> None:
    whole = _spread(list(_positions(page).values()))
    graph = corpus_build.graph.to_undirected(as_view=True)
    centre = max((n for n, d in corpus_build.graph.nodes(data=True) if d["cls"] == "Agency"),
                 key=lambda n: (graph.degree(n), n))
    page.evaluate(f"govgraph.focus('{centre}')")
    page.select_option("#depth", "1")
    _settle(page)
    assert _drawn(page) == {centre, *graph.neighbors(centre)}
    label = corpus_build.graph.nodes[centre]["label"]
    assert f"neighbourhood of {label}, depth 1" in _status(page)
    assert _closest(list(_positions(page).values())) > 5
    page.screenshot(path=str(SCREENSHOTS / "corpus-neighbourhood.png"))
    page.click("#reset")
    _settle(page)
    assert len(_drawn(page)) == corpus_build.graph.number_of_nodes() - len(_isolated(corpus_build.graph))
    assert _spread(list(_positions(page).values())) > 0.6 * whole
    assert _closest(list(_positions(page).values())) > 5


def test_labels_appear_by_zoom_most_connected_first(page, corpus_build) -> None:
    graph = corpus_build.graph
    drawn = _drawn(page)
    first_line = {n: page.evaluate("(id) => govgraph.nodes.get(id).label.split('\\n')[0]", n) for n in drawn}
    texts = set(_drawn_labels(page))
    at_fit = {n for n in drawn if first_line[n] in texts}
    assert 5 <= len(at_fit) < len(drawn) / 2  # some labels, not all
    top = max(drawn, key=lambda n: (graph.degree(n), n))
    assert top in at_fit  # the most connected entity is labelled
    least = [n for n in drawn if graph.degree(n) == 1]
    assert len(at_fit & set(least)) < len(at_fit) / 2
    page.evaluate(f"""(() => {{ const p = govgraph.network.getPositions(['{top}'])['{top}'];
        govgraph.network.moveTo({{position: p, scale: govgraph.network.getScale() * 4, animation: false}});
        govgraph.applyLabels(); }})()""")
    texts = set(_drawn_labels(page))
    zoomed = {n for n in drawn if first_line[n] in texts}
    assert zoomed - at_fit  # zooming in shows labels that were hidden
    assert top in zoomed


def test_minimum_funding_shows_the_funded_entities_and_their_counterparts(page, corpus_build) -> None:
    graph = corpus_build.graph
    funds = [(a, b, sum(x["yuan"] for x in d["amounts"])) for a, b, p, d in graph.edges(keys=True, data=True)
             if p == "funds" and d["amounts"]]
    threshold = sorted(y for *_, y in funds)[len(funds) // 2]
    page.fill("#min-funding", str(int(threshold)))
    _settle(page)
    expected = {n for a, b, y in funds if y >= threshold for n in (a, b)}
    assert expected and _drawn(page) == expected
    assert f"funding ≥ {int(threshold):,} yuan" in _status(page)
    assert f"min={int(threshold)}" in page.evaluate("location.hash")


def test_show_all_resets_every_filter(page, corpus_build) -> None:
    default = _drawn(page)
    page.uncheck('#class-filters input[value="Place"]')
    page.uncheck('#property-filters input[value="partOf"]')
    page.fill("#min-funding", "1000000")
    page.select_option("#jurisdiction", label=page.evaluate(
        "Array.from(document.querySelectorAll('#jurisdiction option')).find(o => o.value !== '').textContent"))
    _settle(page)
    page.click("#reset")
    _settle(page)
    assert _drawn(page) == default
    assert page.evaluate("Array.from(document.querySelectorAll('#controls input[type=checkbox]'))"
                         ".filter(b => b.id !== 'hide-isolated').every(b => b.checked)")
    assert page.input_value("#min-funding") == "" and page.input_value("#jurisdiction") == ""
    assert "no filter" in _status(page)
    assert page.evaluate("location.hash") == ""


def test_the_url_fragment_restores_a_view(browser, corpus_build) -> None:
    centre = "agency/zhengzhou-municipal-finance-bureau"
    page = _open(browser, corpus_build.output / "graph.html", f"#hide=Place&rel=locatedIn&focus={centre}&depth=2")
    graph = corpus_build.graph
    assert not page.is_checked('#class-filters input[value="Place"]')
    assert not page.is_checked('#property-filters input[value="locatedIn"]')
    assert page.input_value("#depth") == "2"
    drawn = _drawn(page)
    assert centre in drawn and all(graph.nodes[n]["cls"] != "Place" for n in drawn)
    label = graph.nodes[centre]["label"]
    assert f"neighbourhood of {label}, depth 2" in _status(page)
    assert "classes hidden: Place" in _status(page) and "relations hidden: locatedIn" in _status(page)
    assert label in page.inner_text("#panel")
    # and a state set by hand is written back to the fragment, so the address can be shared
    page.click("#reset")
    _settle(page)
    page.uncheck('#class-filters input[value="Lab"]')
    page.select_option("#colour-by", "community")
    fragment = page.evaluate("location.hash")
    assert fragment == "#hide=Lab&colour=community"
    again = _open(browser, corpus_build.output / "graph.html", fragment)
    assert _drawn(again) == _drawn(page)
    assert again.input_value("#colour-by") == "community"
    assert page.errors == [] and again.errors == []


def test_search_lists_partial_matches_with_class_jurisdiction_and_alias(page, corpus_build) -> None:
    page.fill("#search", "finance bureau")
    items = page.locator("#search-results li")
    assert items.count() >= 2
    text = page.inner_text("#search-results")
    assert "matches" in text and "Agency" in text
    bureaus = [d["label"] for _, d in corpus_build.graph.nodes(data=True) if "finance bureau" in d["label"].lower()]
    assert all(label in text for label in bureaus)
    assert "Hebi" in text  # the jurisdiction of each hit
    page.press("#search", "Enter")  # several partial matches: the list, no jump
    assert page.evaluate("govgraph.selected()") == []
    items.first.click()
    _settle(page)
    assert page.evaluate("govgraph.selected()") == [items.first.get_attribute("data-id")]
    # an alias in the other language is named as the match
    graph = corpus_build.graph
    node, alias = next((n, a) for n, d in sorted(graph.nodes(data=True)) for a in d["aliases"] + d.get("translations", [])
                       if a != d["label"] and a.lower() not in d["label"].lower())
    page.fill("#search", alias[:-1])
    assert f"matched: {alias}" in page.inner_text("#search-results")
    page.fill("#search", "no such entity 不存在")
    page.press("#search", "Enter")
    assert "No match for “no such entity 不存在”." in page.inner_text("#search-results")
    assert "No match" in page.inner_text("#panel")  # the old panel is gone
    assert page.errors == []


def test_a_jurisdiction_and_a_document_show_their_entities(page, corpus_build) -> None:
    graph = corpus_build.graph
    documents = {d["doc_id"]: d for d in graph.graph["documents"]}
    option = page.evaluate("Array.from(document.querySelectorAll('#jurisdiction option'))"
                           ".find(o => o.textContent.includes('Zhengzhou')).value")
    page.select_option("#jurisdiction", option)
    _settle(page)
    zhengzhou = {n for n, d in graph.nodes(data=True) if any(
        documents[s["document"]]["jurisdiction"].get("city") == "郑州" for s in d["sources"])}
    drawn = _drawn(page)
    assert drawn and drawn <= zhengzhou and len(drawn) >= len(zhengzhou) - len(_isolated(graph) & zhengzhou)
    panel = page.inner_text("#panel")
    assert panel.startswith("Zhengzhou") and "Agency (" in panel and "Program (" in panel
    assert "jurisdiction Zhengzhou" in _status(page) and "jur=Zhengzhou" in page.evaluate("location.hash")
    page.select_option("#jurisdiction", "")
    page.uncheck("#hide-isolated")
    doc = "002_6d8e011fa8668972.txt"
    index = page.evaluate(f"Array.from(document.querySelectorAll('#document option')).find(o => o.value !== '' && "
                          f"govgraph.nodes && o.textContent.startsWith({documents[doc]['title'][:30]!r})).value")
    page.select_option("#document", index)
    _settle(page)
    cited = {n for n, d in graph.nodes(data=True) if any(s["document"] == doc for s in d["sources"])}
    assert _drawn(page) == cited
    assert documents[doc]["title"] in page.inner_text("#panel")
    page.screenshot(path=str(SCREENSHOTS / "corpus-document.png"))


def test_communities_colour_the_graph(page, corpus_build) -> None:
    colours = lambda: page.evaluate("govgraph.nodeView.get().map(n => n.color)")  # noqa: E731
    by_class = set(colours())
    page.select_option("#colour-by", "community")
    by_community = colours()
    assert set(by_community) != by_class and len(set(by_community)) >= 5
    page.screenshot(path=str(SCREENSHOTS / "corpus-communities.png"))


def test_exports_give_a_png_and_the_views_csv(page, corpus_build) -> None:
    url = page.evaluate("govgraph.exportPng()")
    assert url.startswith("data:image/png;base64,")
    png = base64.b64decode(url.split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    page.uncheck('#class-filters input[value="Place"]')
    _settle(page)
    tables = page.evaluate("govgraph.exportCsv()")
    nodes = list(csv.DictReader(io.StringIO(tables["nodes"])))
    edges = list(csv.DictReader(io.StringIO(tables["edges"])))
    assert {n["id"] for n in nodes} == _drawn(page)
    assert all(n["class"] != "Place" for n in nodes)
    assert len(edges) == page.evaluate("govgraph.edgeView.length") and edges
    with page.expect_download() as download:
        page.click("#export-edges")
    assert download.value.suggested_filename == "govgraph-edges.csv"


def test_the_page_is_deterministic_and_positions_never_coincide(corpus_build) -> None:
    graph = corpus_build.graph
    assert render_html(graph, "t") == render_html(graph, "t")
    data = page_data(graph)
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(set(points)) == len(points)
    assert data["communities"]["count"] >= 5
    assert sum(data["communities"]["sizes"]) == graph.number_of_nodes()
    assert [j["name"] for j in data["jurisdictions"]].count("Zhengzhou") == 1

