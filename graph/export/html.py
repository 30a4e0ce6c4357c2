"""The graph as one self-contained interactive HTML page (pyvis / vis-network).

vis-network is inlined (pyvis ``cdn_resources="in_line"``); the Bootstrap links
pyvis's template always adds are removed, so the page opens with no network.
Document text reaches the page only as escaped text in tooltips and the legend.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx
from pyvis.network import Network

CLASS_STYLE = {  # class -> (colour, vis-network shape)
    "Agency": ("#1f77b4", "dot"),
    "Program": ("#ff7f0e", "box"),
    "Enterprise": ("#2ca02c", "diamond"),
    "Cluster": ("#9467bd", "hexagon"),
    "Lab": ("#17becf", "triangle"),
    "Fund": ("#d62728", "star"),
    "Place": ("#7f7f7f", "square"),
}
EDGE_COLOUR = {"responsibleFor": "#1f77b4", "funds": "#d62728", "partOf": "#8c564b", "locatedIn": "#bbbbbb"}

_OPTIONS = {
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": True, "iterations": 300},
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10, "align": "middle"},
              "smooth": {"type": "continuous"}},
    "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Noto Sans, Arial, sans-serif"}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}


def _yuan(value: object) -> str:
    return f"{float(value):,.0f} yuan"


def _node_tooltip(data: dict) -> str:
    lines = [f"{data['label']} ({data['cls']})"]
    if data["aliases"]:
        lines.append("Also: " + "; ".join(data["aliases"][:8]))
    for amount in data["amounts"]:
        lines.append(f"Amount: {_yuan(amount['yuan'])} ({amount['text']})")
    for source in data["sources"][:3]:
        lines.append(f"[{source['document']}] {source['sentence'][:300]}")
    if len(data["sources"]) > 3:
        lines.append(f"... and {len(data['sources']) - 3} more sources")
    return html.escape("\n".join(lines))


def _edge_tooltip(predicate: str, data: dict) -> str:
    lines = [predicate]
    for amount in data["amounts"]:
        lines.append(f"{_yuan(amount['yuan'])} ({amount['text']})")
    for source in data["sources"][:3]:
        lines.append(f"[{source['document']}] {source['sentence'][:300]}")
    return html.escape("\n".join(lines))


def _legend() -> str:
    items = "".join(
        f'<span style="display:inline-block;margin-right:12px"><span style="display:inline-block;width:12px;'
        f'height:12px;background:{colour};margin-right:4px"></span>{html.escape(cls)}</span>'
        for cls, (colour, _) in CLASS_STYLE.items()
    )
    edges = "".join(
        f'<span style="margin-right:12px;color:{colour}">&#8594; {html.escape(p)}</span>'
        for p, colour in EDGE_COLOUR.items()
    )
    return (f'<div id="govgraph-legend" style="font:13px sans-serif;padding:6px;border-bottom:1px solid #ddd">'
            f"{items}<br>{edges}</div>")


#: vis-network stays responsive up to a few thousand nodes; larger graphs show their most connected part.
DEFAULT_MAX_NODES = 2000


def most_connected(graph: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The subgraph of the ``max_nodes`` nodes of highest degree (ties by id); all of it if 0."""
    if not max_nodes or graph.number_of_nodes() <= max_nodes:
        return graph
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))
    return graph.subgraph(ranked[:max_nodes])


def _cap_notice(shown: int, total: int) -> str:
    if shown == total:
        return ""
    return (f'<div id="govgraph-cap" style="font:13px sans-serif;padding:6px;background:#fff3cd">'
            f"Showing the {shown:,} most connected of {total:,} entities. The full graph is in graph.ttl, "
            f"graph.graphml and nodes.csv; rebuild with --html-max-nodes 0 to draw everything.</div>")


def render_html(graph: nx.MultiDiGraph, title: str = "govgraph", max_nodes: int = DEFAULT_MAX_NODES) -> str:
    total = graph.number_of_nodes()
    graph = most_connected(graph, max_nodes)
    network = Network(height="860px", width="100%", directed=True, cdn_resources="in_line", heading="")
    for entity_id in sorted(graph.nodes):
        data = graph.nodes[entity_id]
        colour, shape = CLASS_STYLE.get(data["cls"], ("#444444", "dot"))
        network.add_node(entity_id, label=data["label"], title=_node_tooltip(data), color=colour, shape=shape,
                         group=data["cls"], size=10 + 2 * min(graph.degree(entity_id), 15))
    for subject, obj, predicate in sorted(graph.edges(keys=True)):
        data = graph.edges[subject, obj, predicate]
        label = predicate
        if data["amounts"]:
            label += " " + ", ".join(_yuan(a["yuan"]) for a in data["amounts"])
        network.add_edge(subject, obj, label=label, title=_edge_tooltip(predicate, data),
                         color=EDGE_COLOUR.get(predicate, "#999999"))
    network.options = json.loads(json.dumps(_OPTIONS))  # set_options() would strip the spaces in font names
    page = network.generate_html(notebook=False)
    page = _offline(page)
    heading = f"<h2 style=\"font:18px sans-serif;margin:8px\">{html.escape(title)}</h2>"
    notice = _cap_notice(graph.number_of_nodes(), total)
    return page.replace("<body>", "<body>\n" + heading + _legend() + notice, 1)


def _offline(page: str) -> str:
    """Drop every tag that would fetch from the network (pyvis always links Bootstrap)."""
    page = re.sub(r"<link[^>]*href=\"https?://[^>]*>\s*", "", page)
    page = re.sub(r"<script[^>]*src=\"https?://[^>]*>\s*</script>\s*", "", page)
    return page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>govgraph</title>', 1)


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "govgraph",
               max_nodes: int = DEFAULT_MAX_NODES) -> None:
    path.write_text(render_html(graph, title, max_nodes), encoding="utf-8")
