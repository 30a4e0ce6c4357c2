"""govgraph export and govgraph diff, starting from a build folder's RDF."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.build import build
from graph.cli import main
from graph.load import load_graph


def test_a_build_reads_back_into_the_same_graph(sample_build) -> None:
    graph, back = sample_build.graph, load_graph(sample_build.output)
    assert set(back.nodes) == set(graph.nodes)
    assert set(back.edges(keys=True)) == set(graph.edges(keys=True))
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["label"] == data["label"] and back.nodes[node]["cls"] == data["cls"]
        assert sorted(a["yuan"] for a in back.nodes[node]["amounts"]) == sorted(a["yuan"] for a in data["amounts"])
        assert len(back.nodes[node]["sources"]) == len(data["sources"])
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        assert [a["yuan"] for a in back.edges[subject, obj, key]["amounts"]] == [a["yuan"] for a in data["amounts"]]
    bureau = back.nodes["agency/zhengzhou-municipal-finance-bureau"]
    assert "郑州市财政局" in bureau["aliases"] + bureau["translations"]


def test_export_json_for_d3_and_networkx(sample_build, tmp_path: Path, capsys) -> None:
    assert main(["export", str(sample_build.output), "--format", "json", "-o", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "graph.node-link.json").read_text(encoding="utf-8"))
    assert {"nodes", "links"} <= set(data)
    back = nx.node_link_graph(data, edges="links")
    assert back.number_of_nodes() == sample_build.graph.number_of_nodes()
    assert back.number_of_edges() == sample_build.graph.number_of_edges()
    funded = [link for link in data["links"] if link["predicate"] == "funds" and link["amounts"]]
    assert all(isinstance(a["yuan"], str) for link in funded for a in link["amounts"])  # exact decimals


def test_export_graphml_gexf_and_csv_read_back(sample_build, tmp_path: Path) -> None:
    for fmt in ("graphml", "gexf", "csv"):
        assert main(["export", str(sample_build.output), "--format", fmt, "-o", str(tmp_path)]) == 0
    for name, reader in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        back = reader(tmp_path / name)
        assert set(back.nodes) == set(sample_build.graph.nodes)
        assert back.nodes["lab/墨子实验室"]["cls"] == "Lab"
    assert (tmp_path / "nodes.csv").read_text(encoding="utf-8").count("\n") == sample_build.graph.number_of_nodes() + 1


def test_export_cypher_creates_every_node_and_edge_with_quoted_text(sample_build, tmp_path: Path) -> None:
    assert main(["export", str(sample_build.output), "--format", "cypher", "-o", str(tmp_path)]) == 0
    lines = (tmp_path / "graph.cypher").read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("MERGE (n:Entity {id: ") for line in lines) == sample_build.graph.number_of_nodes()
    assert sum(line.startswith("MATCH ") and " MERGE (a)-[r:" in line for line in lines) == \
        sample_build.graph.number_of_edges()
    assert not any(line.startswith("CREATE (") or " CREATE (a)" in line for line in lines)  # re-runnable: MERGE only
    assert any(line.startswith("MERGE (n:Entity {id: 'agency/zhengzhou-municipal-finance-bureau'}) SET n:Agency")
               for line in lines)
    assert not any("amount_yuan: 0.0" in line for line in lines)  # an absent amount is absent, not zero
    assert any("\\'" in line or "People\\'s" in line for line in lines)  # quotes are escaped, not closing strings


def test_diff_lists_what_was_added_and_removed(sample_build, tmp_path: Path, capsys) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text(
        "Hebi City Notice\n\nThe Mozi Laboratory opened in Hebi. The Yellow River Fund was set up.\n", encoding="utf-8")
    smaller = build([tmp_path / "docs"], tmp_path / "smaller", workers=1)
    assert main(["diff", str(sample_build.output), str(smaller.output), "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    added = {e["id"] for e in changes["added"]["entities"]}
    removed = {e["id"] for e in changes["removed"]["entities"]}
    assert added == set(smaller.graph.nodes) - set(sample_build.graph.nodes)
    assert "fund/yellow-river-fund" in added
    assert "agency/zhengzhou-municipal-finance-bureau" in removed and "lab/mozi-laboratory" not in removed
    assert len(changes["removed"]["edges"]) == len(set(sample_build.graph.edges(keys=True))
                                                   - set(smaller.graph.edges(keys=True)))
    assert main(["diff", str(sample_build.output), str(smaller.output)]) == 0
    assert "## Entities added" in capsys.readouterr().out


def test_diff_reports_a_changed_amount_and_label(tmp_path: Path, capsys) -> None:
    def one(name: str, amount: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "hebi.txt").write_text(
            f"Hebi City Notice\n\nThe Hebi Municipal Finance Bureau provided {amount} to the Mozi Laboratory.\n",
            encoding="utf-8")
        return build([folder], tmp_path / f"{name}-build", workers=1).output

    before, after = one("before", "3.55 billion yuan"), one("after", "4 billion yuan")
    assert main(["diff", str(before), str(after), "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert not changes["added"]["edges"] and not changes["removed"]["edges"]
    edge = next(e for e in changes["changed"]["edges"] if e["property"] == "funds")
    assert "3550000000" in edge["before"] and "4000000000" in edge["after"]
    assert main(["diff", str(before), str(after)]) == 0
    assert "## Edges changed (1)" in capsys.readouterr().out
