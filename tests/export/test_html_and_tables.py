import csv
import json
import re
from pathlib import Path

import networkx as nx

from graph.build import build

HOSTILE = """Hebi City Notice

The Municipal Finance Bureau praised the <script>window.hacked = 1</script> “<img src=x onerror=alert(1)> Loan” product.
"""


def page_data(page: str) -> dict:
    """The JSON document the explorer page draws from."""
    found = re.search(r'<script id="govgraph-data" type="application/json">(.*?)</script>', page, re.S)
    assert found, "no data in the page"
    return json.loads(found.group(1))


def test_html_is_offline_with_legend_controls_and_every_node(sample_build) -> None:
    page = (sample_build.output / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=\"?(?:https?:)?//", page)
    assert "vis.Network" in page and 'id="govgraph-legend"' in page
    for control in ('id="search"', 'id="class-filters"', 'id="property-filters"', 'id="min-funding"', 'id="depth"',
                    'id="panel"'):
        assert control in page
    data = page_data(page)
    assert {n["id"] for n in data["nodes"]} == set(sample_build.graph.nodes)
    assert all(n["shown"] for n in data["nodes"])
    funds = [e for e in data["edges"] if e["predicate"] == "funds" and e["amounts"]]
    assert funds and all(e["label"] == ", ".join(a["text"] for a in e["amounts"]) for e in funds)


def test_document_text_is_escaped_in_the_page(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = build([tmp_path / "docs"], tmp_path / "out", workers=1)
    page = (result.output / "graph.html").read_text(encoding="utf-8")
    assert "window.hacked" in page  # the sentence is in the page ...
    assert "<script>window.hacked" not in page  # ... but never as markup
    assert "<img src=x" not in page
    sentences = page_data(page)["sentences"]
    assert any("<script>window.hacked = 1</script>" in s for s in sentences)


def test_graphml_and_gexf_read_back_with_the_same_nodes_edges_and_attributes(sample_build) -> None:
    graph = sample_build.graph
    for name, reader in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        back = reader(sample_build.output / name)
        assert set(back.nodes) == set(graph.nodes), name
        assert back.number_of_edges() == graph.number_of_edges(), name
        node = back.nodes["agency/hefei-municipal-finance-bureau"]
        assert node["cls"] == "Agency" and node["label"] == "Hefei Municipal Finance Bureau"
        assert back.nodes["lab/墨子实验室"]["label"] == "墨子实验室", name
        funds = [d for _, _, d in back.edges(data=True) if d.get("predicate") == "funds"
                 and d.get("amount_yuan") == 5e7]
        assert funds and isinstance(funds[0]["amount_yuan"], float), name
        assert all("amount_yuan" not in d for _, _, d in back.edges(data=True) if not d.get("amount_text")), name
    ids = [line.split('id="', 1)[1].split('"', 1)[0] for line in
           (sample_build.output / "graph.graphml").read_text(encoding="utf-8").splitlines() if line.startswith("<edge ")]
    assert len(ids) == len(set(ids)) == graph.number_of_edges()  # unique: Gephi merges edges that share an id
    assert all(i.count("|") >= 2 for i in ids)  # subject|property|object: stable across builds
    back = nx.read_graphml(sample_build.output / "graph.graphml")
    funded = [d for _, _, d in back.edges(data=True) if d["predicate"] == "funds" and d.get("amount_yuan") == 5e7]
    assert funded and isinstance(funded[0]["amount_yuan"], float)


def test_csv_tables_list_nodes_and_each_sourced_edge(sample_build) -> None:
    with (sample_build.output / "nodes.csv").open(encoding="utf-8") as handle:
        nodes = list(csv.DictReader(handle))
    assert len(nodes) == sample_build.graph.number_of_nodes()
    pool = next(n for n in nodes if "fund pool" in n["label"])
    assert pool["class"] == "Fund" and pool["amount_yuan"] == "100000000"
    with (sample_build.output / "edges.csv").open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    responsible = [e for e in edges if e["property"] == "responsibleFor"
                   and e["target_label"] == "Build a pipeline of listing candidates"]
    assert {e["source_label"] for e in responsible} == {
        "Hebei Provincial Department of Commerce", "Hebei Securities Regulatory Bureau",
        "Hebei Provincial Local Financial Supervision Bureau"}
    assert all(e["sentence"] and e["document"] == "hebei_cluster_plan.txt" for e in responsible)


def test_report_lists_counts_agencies_and_funding(sample_build) -> None:
    report = (sample_build.output / "report.md").read_text(encoding="utf-8")
    assert "| Agency | " in report
    assert "| Hefei Municipal Finance Bureau | Hefei Quantum Innovation Center | 50,000,000 | 50 million yuan |" in report
    assert "Hebei Provincial Department of Industry and Information Technology | Modernise equipment; Reward quality; " \
        "Train company managers |" in report


def test_html_keeps_the_most_connected_nodes_and_says_so(sample_build) -> None:
    from graph.export.html import render_html

    graph = sample_build.graph
    page = render_html(graph, "t", max_nodes=5)
    data = page_data(page)
    top = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:5]
    assert {n["id"] for n in data["nodes"] if n["shown"]} == set(top)
    assert len(data["nodes"]) == graph.number_of_nodes()  # the rest stays reachable by search
    assert f"Showing the 5 most connected of {graph.number_of_nodes()} entities" in page
    assert 'id="govgraph-cap"' not in render_html(graph, "t", max_nodes=0)


def test_chinese_labels_reach_the_page_intact_with_a_cjk_font(sample_build) -> None:
    page = (sample_build.output / "graph.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page
    labels = {n["label"] for n in page_data(page)["nodes"]}
    assert {"鹤壁市工业和信息化局", "郑州市第十四工作组", "墨子实验室"} <= labels
    assert "Noto Sans CJK SC" in page


def test_the_page_written_in_pieces_is_the_rendered_page(sample_build, tmp_path: Path, monkeypatch) -> None:
    import graph.export.html as page_module
    from graph.export.html import _script_json, _write_script_json, render_html, write_html

    for max_nodes in (0, 5):
        write_html(sample_build.graph, tmp_path / "page.html", "t <&>", max_nodes)
        assert (tmp_path / "page.html").read_text(encoding="utf-8") == render_html(sample_build.graph, "t <&>",
                                                                                     max_nodes)
    pieces: list[str] = []
    data = {"a": [], "b": {}, "c": [1, "</script>"], "d": {"x": [2.5], "y": None}, "e": {1: "int key"}, "f": "s"}
    _write_script_json(data, pieces.append)
    assert "".join(pieces) == _script_json(data)
    monkeypatch.setattr(page_module, "_JSON_CHUNK", 2)  # lists and mappings cut into several chunks
    data = {"a": [1, "<b>", [3], {"k": "&"}, None], "b": {f"n{i}": [i, "<"] for i in range(5)}, "c": [7, 8]}
    pieces = []
    _write_script_json(data, pieces.append)
    assert "".join(pieces) == _script_json(data)
    write_html(sample_build.graph, tmp_path / "page.html", "t", 0)
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == render_html(sample_build.graph, "t", 0)
