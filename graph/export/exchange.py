"""The graph for other tools: node-link JSON (D3, networkx) and a Cypher script (Neo4j)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def _amounts(amounts: list[dict]) -> list[dict]:
    return [{"yuan": format(a["yuan"], "f"), "text": a["text"]} for a in amounts]


def node_link(graph: nx.MultiDiGraph) -> dict:
    """D3's shape ({"nodes": [...], "links": [...]}); networkx reads it back with
    ``nx.node_link_graph(data, edges="links")``. Amounts are decimal strings: exact."""
    nodes = [{"id": n, "cls": d["cls"], "label": d["label"], "language": d["language"], "aliases": d["aliases"],
              "translations": d.get("translations", []), "amounts": _amounts(d["amounts"]), "sources": d["sources"]}
             for n, d in sorted(graph.nodes(data=True))]
    links = [{"source": s, "target": o, "key": p, "predicate": p, "amounts": _amounts(d["amounts"]),
              "sources": d["sources"]} for s, o, p, d in sorted(graph.edges(keys=True, data=True),
                                                             key=lambda e: (e[0], e[2], e[1]))]
    return {"directed": True, "multigraph": True, "graph": {"documents": graph.graph.get("documents", [])},
            "nodes": nodes, "links": links}


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    path.write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _cypher_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
    return f"'{escaped}'"


def _cypher_value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_cypher_value(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return repr(value)
    return _cypher_string(str(value))


def cypher_script(graph: nx.MultiDiGraph) -> str:
    """One statement per line: every node as (:Entity:<Class>), then every relation by id.
    Everything is MERGEd on its id, so the script can be run twice, or over another build, and each
    node and relation stays one. Run it with cypher-shell (``cypher-shell < graph.cypher``)."""
    lines = ["CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;"]
    for entity_id, data in sorted(graph.nodes(data=True)):
        properties = {"label": data["label"], "aliases": data["aliases"],
                      "translations": data.get("translations", []),
                      "amount_yuan": float(sum(a["yuan"] for a in data["amounts"])) if data["amounts"] else None,
                      "documents": sorted({s["document"] for s in data["sources"]})}
        body = ", ".join(f"{k}: {_cypher_value(v)}" for k, v in properties.items() if v is not None)
        lines.append(f"MERGE (n:Entity {{id: {_cypher_string(entity_id)}}}) SET n:{data['cls']}, n += {{{body}}};")
    for subject, obj, predicate, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        properties = {"amount_yuan": float(sum(a["yuan"] for a in data["amounts"])) if data["amounts"] else None,
                      "amount_text": "; ".join(a["text"] for a in data["amounts"]) or None,
                      "sentence": data["sources"][0]["sentence"] if data["sources"] else "",
                      "documents": sorted({s["document"] for s in data["sources"]})}
        body = ", ".join(f"{k}: {_cypher_value(v)}" for k, v in properties.items() if v is not None)
        lines.append(f"MATCH (a:Entity {{id: {_cypher_string(subject)}}}), (b:Entity {{id: {_cypher_string(obj)}}}) "
                     f"MERGE (a)-[r:{predicate}]->(b) SET r += {{{body}}};")
    return "\n".join(lines) + "\n"


def write_cypher(graph: nx.MultiDiGraph, path: Path) -> None:
    path.write_text(cypher_script(graph), encoding="utf-8")
