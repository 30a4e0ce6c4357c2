"""The graph for Gephi, yEd and spreadsheets: GraphML, GEXF, nodes.csv, edges.csv.

GraphML and GEXF hold scalar attributes only, so lists become "; "-joined text and
amounts become a number (total yuan) plus their text.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import networkx as nx


def _total(amounts: list[dict]) -> float:
    return float(sum((Decimal(a["yuan"]) for a in amounts), Decimal(0)))


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for entity_id in sorted(graph.nodes):
        data = graph.nodes[entity_id]
        flat.add_node(
            entity_id, cls=data["cls"], label=data["label"], language=data["language"],
            aliases="; ".join(data["aliases"]), amount_yuan=_total(data["amounts"]),
            amount_text="; ".join(a["text"] for a in data["amounts"]),
            documents="; ".join(sorted({s["document"] for s in data["sources"]})),
        )
    for subject, obj, predicate in sorted(graph.edges(keys=True)):
        data = graph.edges[subject, obj, predicate]
        flat.add_edge(
            subject, obj, key=predicate, predicate=predicate, amount_yuan=_total(data["amounts"]),
            amount_text="; ".join(a["text"] for a in data["amounts"]),
            documents="; ".join(sorted({s["document"] for s in data["sources"]})),
            sentence=data["sources"][0]["sentence"] if data["sources"] else "",
        )
    return flat


def write_graphml(flat: nx.MultiDiGraph, path: Path) -> None:
    """``flat`` is flat_graph(graph), made once for GraphML and GEXF."""
    nx.write_graphml(flat, path, encoding="utf-8")


def write_gexf(flat: nx.MultiDiGraph, path: Path) -> None:
    nx.write_gexf(flat, path, encoding="utf-8")


def write_nodes_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "class", "label", "aliases", "amount_yuan", "amount_text", "documents"])
        for entity_id in sorted(graph.nodes):
            data = graph.nodes[entity_id]
            writer.writerow([
                entity_id, data["cls"], data["label"], "; ".join(data["aliases"]),
                ";".join(format(a["yuan"], "f") for a in data["amounts"]),
                "; ".join(a["text"] for a in data["amounts"]),
                "; ".join(sorted({s["document"] for s in data["sources"]})),
            ])


def write_edges_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "property", "target", "source_label", "target_label", "amount_yuan",
                         "amount_text", "document", "sentence"])
        for subject, obj, predicate in sorted(graph.edges(keys=True)):
            data = graph.edges[subject, obj, predicate]
            for source in data["sources"]:
                writer.writerow([
                    subject, predicate, obj, graph.nodes[subject]["label"], graph.nodes[obj]["label"],
                    ";".join(format(a["yuan"], "f") for a in data["amounts"]),
                    "; ".join(a["text"] for a in data["amounts"]), source["document"], source["sentence"],
                ])
