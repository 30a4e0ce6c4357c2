"""The graph as one self-contained explorer page (vis-network, as bundled by pyvis).

The page has a search box (names and aliases in either language), class and
property filters, a minimum funding amount, a neighbourhood mode and a side panel
with every source sentence. vis-network and its stylesheet are inlined from the
pyvis package, so the page opens from disk with no network.

pyvis's own page template is not used, for three reasons: it links Bootstrap from
a CDN, it renders tooltips as HTML, and its per-node Python calls are slow for
thousands of nodes. The data goes into the page as one JSON document, with <, >
and & escaped, and the page's script writes document text only through
textContent, so a document holding <script> or <img onerror> never runs anything.
"""

from __future__ import annotations

import html
import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from string import Template

import networkx as nx
import pyvis

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
#: vis-network stays responsive up to a few thousand nodes; larger graphs show their most connected part.
DEFAULT_MAX_NODES = 2000
#: Source sentences kept per entity or edge in the page (the count of all of them is shown).
SOURCES_PER_ITEM = 20

_OPTIONS = {
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {"solver": "forceAtlas2Based", "adaptiveTimestep": True,
                "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50},
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.2}},
    "edges": {"smooth": False},
    "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Noto Sans, Arial, sans-serif"}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
}
_HERE = Path(__file__).parent / "explorer"


def _options(drawn: int) -> dict:
    """Fewer layout iterations for more nodes: each costs O(n log n), and a few thousand
    nodes settle well enough in fifty (measured in bench/html_render.py)."""
    options = json.loads(json.dumps(_OPTIONS))
    options["physics"]["stabilization"]["iterations"] = max(40, min(250, 150_000 // max(1, drawn)))
    return options
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str, str, Template]:
    """vis-network, its stylesheet, our stylesheet and script, and the page template (read once)."""
    return ((_VIS / "vis-network.min.js").read_text(encoding="utf-8"),
            (_VIS / "vis-network.css").read_text(encoding="utf-8"),
            (_HERE / "explorer.css").read_text(encoding="utf-8"),
            (_HERE / "explorer.js").read_text(encoding="utf-8"),
            Template((_HERE / "explorer.html").read_text(encoding="utf-8")))


def most_connected(graph: nx.MultiDiGraph, max_nodes: int) -> set[str]:
    """The ``max_nodes`` nodes of highest degree (ties by id); every node if 0."""
    if not max_nodes or graph.number_of_nodes() <= max_nodes:
        return set(graph.nodes)
    return set(sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:max_nodes])


def _yuan(amounts: list[dict]) -> Decimal:
    return sum((Decimal(a["yuan"]) for a in amounts), Decimal(0))


def _amounts(amounts: list[dict]) -> list[dict]:
    return [{"yuan": format(a["yuan"], "f"), "text": a["text"]} for a in amounts]


def page_data(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> dict:
    """Everything the page shows, as plain JSON: all entities (the most connected drawn at
    first, the rest reachable by search and neighbourhood), edges, and their sources."""
    shown = most_connected(graph, max_nodes)
    documents: dict[str, int] = {}
    sentences: dict[str, int] = {}

    def sources(items: list[dict]) -> list[list[int]]:  # [document, sentence] indexes: each text once
        return [[documents.setdefault(s["document"], len(documents)),
                 sentences.setdefault(s["sentence"], len(sentences))] for s in items[:SOURCES_PER_ITEM]]

    nodes, edges, adjacency = [], [], {}
    for entity_id in sorted(graph.nodes):
        data = graph.nodes[entity_id]
        funding = _yuan(data["amounts"]) + sum(
            (_yuan(d["amounts"]) for _, _, p, d in graph.edges(entity_id, keys=True, data=True) if p == "funds"),
            Decimal(0))
        nodes.append({"id": entity_id, "label": data["label"], "cls": data["cls"], "aliases": data["aliases"],
                      "translations": data.get("translations", []), "amounts": _amounts(data["amounts"]),
                      "sources": sources(data["sources"]), "sourceCount": len(data["sources"]),
                      "degree": graph.degree(entity_id), "funding": float(funding), "shown": entity_id in shown})
    for subject, obj, predicate in sorted(graph.edges(keys=True)):
        data = graph.edges[subject, obj, predicate]
        edge_id = f"{subject}|{predicate}|{obj}"
        label = ", ".join(a["text"] for a in data["amounts"]) if predicate == "funds" else predicate
        edges.append({"id": edge_id, "from": subject, "to": obj, "predicate": predicate, "label": label,
                      "amounts": _amounts(data["amounts"]), "yuan": float(_yuan(data["amounts"])),
                      "sources": sources(data["sources"]), "sourceCount": len(data["sources"])})
        adjacency.setdefault(subject, []).append(edge_id)
        adjacency.setdefault(obj, []).append(edge_id)
    described = {d["doc_id"]: d for d in graph.graph.get("documents", [])}
    return {"nodes": nodes, "edges": edges, "adjacency": adjacency,
            "documents": [_document_line(graph, name, described.get(name, {})) for name in documents],
            "sentences": list(sentences), "options": _options(len(shown)),
            "classes": {c: {"colour": colour, "shape": shape} for c, (colour, shape) in CLASS_STYLE.items()},
            "properties": EDGE_COLOUR}


def _document_line(graph: nx.MultiDiGraph, name: str, document: dict) -> str:
    """A source's document as the side panel shows it: file, title, number, date, issuers."""
    issuers = "、".join(graph.nodes[i]["label"] for i in document.get("issuers", []) if i in graph.nodes)
    details = [document.get("title", ""), document.get("number", ""), document.get("issued", ""),
               f"issued by {issuers}" if issuers else ""]
    return " · ".join([name, *(d for d in details if d and d != name)])


def _script_json(value: object) -> str:
    """JSON that cannot end its <script> element or open another."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _legend() -> str:
    classes = "".join(f'<span class="swatch" style="background:{colour}"></span>{html.escape(cls)}'
                      for cls, (colour, _) in CLASS_STYLE.items())
    edges = "".join(f'<span style="margin-left:12px;color:{colour}">&#8594; {html.escape(p)}</span>'
                    for p, colour in EDGE_COLOUR.items())
    return f'<div id="govgraph-legend">{classes}<br>{edges}</div>'


def _cap_notice(shown: int, total: int) -> str:
    if shown == total:
        return ""
    return (f'<div id="govgraph-cap">Showing the {shown:,} most connected of {total:,} entities. Search finds '
            f"any of them and shows its neighbourhood; the full graph is also in graph.ttl, graph.graphml and "
            f"nodes.csv (rebuild with --html-max-nodes 0 to draw everything at once).</div>")


def _checkboxes(name: str, values: list[str]) -> str:
    return "".join(f'<label><input type="checkbox" name="{name}" value="{html.escape(v)}" checked> '
                   f"{html.escape(v)}</label>" for v in values)


def render_html(graph: nx.MultiDiGraph, title: str = "govgraph", max_nodes: int = DEFAULT_MAX_NODES) -> str:
    vis_js, vis_css, own_css, app, page = _assets()
    data = page_data(graph, max_nodes)
    shown = sum(1 for n in data["nodes"] if n["shown"])
    return page.substitute(
        title=html.escape(title), vis_css=vis_css, own_css=own_css, vis_js=vis_js,
        legend=_legend(), cap=_cap_notice(shown, len(data["nodes"])),
        class_filters=_checkboxes("class", list(CLASS_STYLE)),
        property_filters=_checkboxes("property", list(EDGE_COLOUR)),
        data=_script_json(data), app=app,
    )


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "govgraph",
               max_nodes: int = DEFAULT_MAX_NODES) -> None:
    path.write_text(render_html(graph, title, max_nodes), encoding="utf-8")
