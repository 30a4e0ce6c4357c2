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
import math
import random
from collections import Counter, deque
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from string import Template

import networkx as nx
import pyvis

from ..analysis import place_names
from .tables import edge_id

CLASS_STYLE = {  # class -> (colour, vis-network shape)
    "Agency": ("#1f77b4", "dot"),
    "Program": ("#ff7f0e", "triangleDown"),
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

#: Community colours (Louvain, largest first); smaller communities share the last grey.
COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#86bcb6", "#d37295", "#a0cbe8", "#8cd17d", "#b6992d", "#499894", "#c7c7c7"]
#: Past this many drawn entities, unconnected ones are hidden at first (a toggle shows them).
HIDE_ISOLATED_FROM = 200
#: Spacing of the whole-graph positions, in vis-network's pixels at scale 1.
SPACING = 45

_OPTIONS = {
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {"solver": "forceAtlas2Based", "adaptiveTimestep": True,
                "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 25, "fit": False},
                "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.008, "springLength": 90,
                                     "springConstant": 0.06, "avoidOverlap": 0.4}},
    "edges": {"smooth": False, "font": {"size": 11, "align": "middle"}, "scaling": {"label": {"drawThreshold": 6}}},
    # labels the page hides get a font far under drawThreshold; the page picks which to draw (explorer.js)
    "nodes": {"font": {"size": 13, "face": "Noto Sans CJK SC, Noto Sans, Arial, sans-serif"},
              "scaling": {"label": {"enabled": False, "drawThreshold": 5}}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
}
_HERE = Path(__file__).parent / "explorer"


def _options(drawn: int) -> dict:
    """Fewer layout iterations for more nodes: each costs O(n log n), and a few thousand
    nodes settle well enough in fifty (measured in bench/html_render.py)."""
    options = json.loads(json.dumps(_OPTIONS))
    options["physics"]["stabilization"]["iterations"] = max(40, min(250, 150_000 // max(1, drawn)))
    return options


#: Past this many edges communities come from fast label propagation, which is linear in the edges;
#: networkx's Louvain takes 4 s at 20,000 entities and 50 s at 100,000 (bench/scale.py).
LOUVAIN_MAX_EDGES = 30_000


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The graph as a simple undirected one without self-loops, nodes and edges added in sorted
    order (so seeded algorithms on it give the same result for the same graph)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((a, b) if a <= b else (b, a) for a, b in graph.edges() if a != b))
    return simple


def communities(simple: nx.Graph) -> dict[str, int]:
    """Communities of the undirected graph (``undirected``), numbered largest first: Louvain
    (networkx) up to LOUVAIN_MAX_EDGES edges, fast label propagation past it. A fixed seed and
    nodes and edges in sorted order, so the same graph gives the same communities."""
    if not simple.number_of_edges():
        found: list[set[str]] = [{n} for n in simple.nodes]
    elif simple.number_of_edges() <= LOUVAIN_MAX_EDGES:
        found = nx.community.louvain_communities(simple, seed=7)
    else:
        found = fast_label_propagation(simple, seed=7)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: index for index, members in enumerate(ordered) for node in members}


def fast_label_propagation(simple: nx.Graph, seed: int) -> list[set[str]]:
    """networkx's fast_label_propagation_communities (Traag and Šubelj 2023) on a simple undirected
    graph, with the same random draws and so the same communities, but linear: networkx shuffles
    its queue while it is a deque, whose indexing walks the deque, so its shuffle was quadratic in
    the nodes (8.7 s of the explorer's 44 s at 30,000 documents, about 90 s at 100,000). Here the
    nodes are shuffled as a list (Random.shuffle draws the same indexes for any sequence) first."""
    chooser = random.Random(seed)
    order = list(simple)
    chooser.shuffle(order)
    queue, queued = deque(order), set(order)
    adjacency = simple.adj
    label = {node: index for index, node in enumerate(simple)}
    while queue:
        node = queue.popleft()
        queued.remove(node)
        neighbours = adjacency[node]
        if not neighbours:  # isolated: keeps its own label
            continue
        counts = Counter(map(label.get, neighbours))
        most = max(counts.values())
        chosen = chooser.choice([value for value in counts if counts[value] == most])
        if label[node] != chosen:
            label[node] = chosen
            for other in neighbours:
                if label[other] != chosen and other not in queued:
                    queue.append(other)
                    queued.add(other)
    members: dict[int, set[str]] = {}
    for node, value in label.items():
        members.setdefault(value, set()).add(node)
    return list(members.values())


def _sunflower(count: int, spacing: float) -> list[tuple[float, float]]:
    """``count`` points filling a disc evenly (Vogel's spiral): no two closer than about ``spacing``."""
    golden = math.pi * (3 - math.sqrt(5))
    return [(spacing * math.sqrt(k + 0.5) * math.cos(k * golden), spacing * math.sqrt(k + 0.5) * math.sin(k * golden))
            for k in range(count)]


def _bfs_order(simple: nx.Graph, members: list[str]) -> list[str]:
    """Members from the most connected outwards, breadth first, so neighbours sit near each other."""
    inside, order, seen = set(members), [], set()
    degree = simple.degree  # one view: graph.degree(n) makes a new view object per call
    for start in sorted(members, key=lambda n: (-degree[n], n)):
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            node = queue.popleft()
            order.append(node)
            for other in sorted(simple.neighbors(node), key=lambda n: (-degree[n], n)):
                if other in inside and other not in seen:
                    seen.add(other)
                    queue.append(other)
    return order


def whole_graph_positions(simple: nx.Graph, community: dict[str, int],
                          spacing: float = SPACING) -> dict[str, tuple[int, int]]:
    """A position for every entity, computed once for the whole graph: each community a disc of its
    own (its most connected member in the middle), the discs packed along a spiral without
    overlapping, and the small pieces (communities of fewer than four) together in one more disc.
    No two entities share a position, so entities a filter brings back start apart, and the
    page's physics only refines this. Integers, so the page is byte-identical for the same graph.
    ``simple`` is the graph as ``undirected`` gives it."""
    groups: dict[int, list[str]] = {}
    for node, index in community.items():
        groups.setdefault(index, []).append(node)
    big = [sorted(m) for i, m in sorted(groups.items()) if len(m) >= 4][:300]
    placed_big = {n for m in big for n in m}
    small = [n for i, m in sorted(groups.items()) for n in sorted(m) if n not in placed_big]
    discs = [_bfs_order(simple, m) for m in big] + ([small] if small else [])
    discs.sort(key=lambda m: -len(m))
    centres: list[tuple[float, float, float]] = []  # x, y, radius
    positions: dict[str, tuple[int, int]] = {}
    t = 0.0  # each disc goes on along the spiral from the last one's place: linear in the discs
    for members in discs:
        radius = spacing * math.sqrt(len(members) + 0.5) + spacing
        x, y = 0.0, 0.0
        while True:
            x, y = spacing * t * math.cos(t) / math.pi, spacing * t * math.sin(t) / math.pi
            if all(math.hypot(x - cx, y - cy) >= radius + r for cx, cy, r in centres):
                break
            t += max(0.05, spacing / max(spacing, spacing * t / math.pi))  # about one spacing along the spiral
        centres.append((x, y, radius))
        for node, (dx, dy) in zip(members, _sunflower(len(members), spacing), strict=True):
            positions[node] = (round(x + dx), round(y + dy))
    return positions
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
    degree = graph.degree
    return set(sorted(graph.nodes, key=lambda n: (-degree[n], n))[:max_nodes])


def _yuan(amounts: list[dict]) -> Decimal:
    return sum((Decimal(a["yuan"]) for a in amounts), Decimal(0))


def _amounts(amounts: list[dict]) -> list[dict]:
    return [{"yuan": format(a["yuan"], "f"), "text": a["text"]} for a in amounts]


def page_data(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> dict:
    """Everything the page shows, as plain JSON: all entities (the most connected drawn at
    first, the rest reachable by search and neighbourhood), edges, and their sources; each
    entity's community, whole-graph position, documents and jurisdictions; the documents."""
    shown = most_connected(graph, max_nodes)
    described = {d["doc_id"]: d for d in graph.graph.get("documents", [])}
    cited = {s["document"] for _, d in graph.nodes(data=True) for s in d["sources"]} | {
        s["document"] for *_, d in graph.edges(data=True) for s in d["sources"]}
    doc_ids = sorted(set(described) | cited)
    document_index = {name: i for i, name in enumerate(doc_ids)}
    places: dict[tuple[str, str | None], int] = {}  # (province, city) -> index; city None: the province
    doc_places: dict[str, list[int]] = {}
    for name in doc_ids:
        province, city = place_names(described.get(name, {}).get("jurisdiction", {}))
        keys = [(province, None)] if province else []
        if city:
            keys.append((province or "", city))
        doc_places[name] = keys  # indexes assigned below, in sorted order
        for key in keys:
            places.setdefault(key, 0)
    place_keys = sorted(places, key=lambda k: (k[0] or "", k[1] or ""))
    place_index = {key: i for i, key in enumerate(place_keys)}
    sentences: dict[str, int] = {}

    def sources(items: list[dict]) -> list[list[int]]:  # [document, sentence] indexes: each text once
        return [[document_index[s["document"]], sentences.setdefault(s["sentence"], len(sentences))]
                for s in items[:SOURCES_PER_ITEM]]

    def documents_of(items: list[dict]) -> list[int]:
        return sorted({document_index[s["document"]] for s in items})

    simple = undirected(graph)
    community = communities(simple)
    positions = whole_graph_positions(simple, community)
    sizes = Counter(community.values())
    nodes, edges, adjacency = [], [], {}
    degree, successors = graph.degree, graph.succ
    for entity_id in sorted(graph.nodes):
        data = graph.nodes[entity_id]
        funding = _yuan(data["amounts"]) + sum(  # the entity's out-edges read from its adjacency: no view per node
            (_yuan(keyed["funds"]["amounts"]) for keyed in successors[entity_id].values() if "funds" in keyed),
            Decimal(0))
        docs = documents_of(data["sources"])
        jurisdictions = sorted({place_index[k] for d in docs for k in doc_places[doc_ids[d]]})
        x, y = positions[entity_id]
        nodes.append({"id": entity_id, "label": data["label"], "cls": data["cls"], "aliases": data["aliases"],
                      "translations": data.get("translations", []), "amounts": _amounts(data["amounts"]),
                      "sources": sources(data["sources"]), "sourceCount": len(data["sources"]),
                      "degree": degree[entity_id], "funding": float(funding), "shown": entity_id in shown,
                      "community": community[entity_id], "x": x, "y": y, "docs": docs, "places": jurisdictions})
    for subject, obj, predicate in sorted(graph.edges(keys=True)):
        data = graph.edges[subject, obj, predicate]
        identifier = edge_id(subject, predicate, obj)
        label = ", ".join(a["text"] for a in data["amounts"]) if predicate == "funds" else predicate
        edges.append({"id": identifier, "from": subject, "to": obj, "predicate": predicate, "label": label,
                      "amounts": _amounts(data["amounts"]), "yuan": float(_yuan(data["amounts"])),
                      "sources": sources(data["sources"]), "sourceCount": len(data["sources"]),
                      "docs": documents_of(data["sources"])})
        adjacency.setdefault(subject, []).append(identifier)
        adjacency.setdefault(obj, []).append(identifier)
    return {"nodes": nodes, "edges": edges, "adjacency": adjacency,
            "documents": [_document_line(graph, name, described.get(name, {})) for name in doc_ids],
            "docs": [_document_item(graph, name, described.get(name, {})) for name in doc_ids],
            "jurisdictions": [{"name": city or province, "level": "city" if city else "province",
                               "province": province} for province, city in place_keys],
            "communities": {"count": len(sizes), "sizes": [sizes[i] for i in range(len(sizes))],
                            "colours": COMMUNITY_COLOURS},
            "sentences": list(sentences), "options": _options(len(shown)),
            "hideIsolated": len(shown) > HIDE_ISOLATED_FROM,
            "classes": {c: {"colour": colour, "shape": shape} for c, (colour, shape) in CLASS_STYLE.items()},
            "properties": EDGE_COLOUR}


def _document_item(graph: nx.MultiDiGraph, name: str, document: dict) -> dict:
    """A document as the document picker shows it."""
    return {"id": name, "title": document.get("title", "") or name, "number": document.get("number", ""),
            "issued": document.get("issued", ""),
            "issuers": [graph.nodes[i]["label"] for i in document.get("issuers", []) if i in graph.nodes]}


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


#: Stands for the page's data in the filled-in template, which is cut there (no page holds it).
_DATA_MARK = "\x00govgraph-page-data\x00"


def _page_parts(graph: nx.MultiDiGraph, title: str, max_nodes: int) -> tuple[str, dict, str]:
    """The page before its data, the data, and the page after it."""
    vis_js, vis_css, own_css, app, page = _assets()
    data = page_data(graph, max_nodes)
    shown = sum(1 for n in data["nodes"] if n["shown"])
    filled = page.substitute(
        title=html.escape(title), vis_css=vis_css, own_css=own_css, vis_js=vis_js,
        legend=_legend(), cap=_cap_notice(shown, len(data["nodes"])),
        class_filters=_checkboxes("class", list(CLASS_STYLE)),
        property_filters=_checkboxes("property", list(EDGE_COLOUR)),
        data=_DATA_MARK, app=app,
    )
    before, after = filled.split(_DATA_MARK)  # the mark once: a title holding it is refused here
    return before, data, after


def render_html(graph: nx.MultiDiGraph, title: str = "govgraph", max_nodes: int = DEFAULT_MAX_NODES) -> str:
    before, data, after = _page_parts(graph, title, max_nodes)
    return before + _script_json(data) + after


#: Items of a list (or entries of a mapping) the page's data encodes with one json.dumps call: one
#: call per item spent more in json's Python layer than in encoding (1.26M nodes at 100,000 documents).
_JSON_CHUNK = 1000


def _write_script_json(data: dict, write: Callable[[str], object]) -> None:
    """_script_json(data) written piece by piece (each list's items, each mapping's values, a chunk
    of them at a time): JSON is written the same in parts (a list's items joined by ","), and the
    page's data, gigabytes at 100,000 documents, is never one string (nor three, as the escapes
    copy it)."""
    write("{")
    for index, (key, value) in enumerate(data.items()):
        write(("," if index else "") + _script_json(key) + ":")
        if isinstance(value, list) and value:
            write("[")
            for start in range(0, len(value), _JSON_CHUNK):
                write(("," if start else "") + _script_json(value[start:start + _JSON_CHUNK])[1:-1])
            write("]")
        elif isinstance(value, dict) and value and all(isinstance(name, str) for name in value):
            names = list(value)
            write("{")
            for start in range(0, len(names), _JSON_CHUNK):
                part = {name: value[name] for name in names[start:start + _JSON_CHUNK]}
                write(("," if start else "") + _script_json(part)[1:-1])
            write("}")
        else:
            write(_script_json(value))
    write("}")


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "govgraph",
               max_nodes: int = DEFAULT_MAX_NODES) -> None:
    """render_html's page, streamed to ``path``."""
    before, data, after = _page_parts(graph, title, max_nodes)
    with path.open("w", encoding="utf-8", buffering=1 << 20) as out:
        out.write(before)
        _write_script_json(data, out.write)
        out.write(after)
