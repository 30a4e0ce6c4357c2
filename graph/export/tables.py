"""The graph for Gephi, yEd and spreadsheets: GraphML, GEXF, nodes.csv, edges.csv.

GraphML and GEXF hold scalar attributes only, so lists become "; "-joined text and
amounts become a number (total yuan) plus their text. Both are written as streams
(networkx's writers build the whole XML tree first) and read back with networkx in
the tests.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import networkx as nx


def _total(amounts: list[dict]) -> float | None:
    """The summed yuan, or None where no amount is stated (written as no value, never as 0.0)."""
    return float(sum((Decimal(a["yuan"]) for a in amounts), Decimal(0))) if amounts else None


def edge_id(subject: str, predicate: str, obj: str) -> str:
    """A unique, stable id for an edge: Gephi and GraphStream merge edges that share one."""
    return f"{subject}|{predicate}|{obj}"


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: (name, type) of the scalar attributes written for Gephi and yEd.
NODE_ATTRIBUTES = (("cls", "string"), ("label", "string"), ("language", "string"), ("aliases", "string"),
                   ("amount_yuan", "double"), ("amount_text", "string"), ("documents", "string"))
EDGE_ATTRIBUTES = (("predicate", "string"), ("amount_yuan", "double"), ("amount_text", "string"),
                   ("documents", "string"), ("sentence", "string"))


def _node_row(data: dict) -> tuple:
    return (data["cls"], data["label"], data["language"], "; ".join(data["aliases"]), _total(data["amounts"]),
            "; ".join(a["text"] for a in data["amounts"]), "; ".join(sorted({s["document"] for s in data["sources"]})))


def _edge_row(predicate: str, data: dict) -> tuple:
    return (predicate, _total(data["amounts"]), "; ".join(a["text"] for a in data["amounts"]),
            "; ".join(sorted({s["document"] for s in data["sources"]})),
            data["sources"][0]["sentence"] if data["sources"] else "")


def _text(value: object) -> str:
    """XML character data. (str.replace chains: three times faster than xml.sax.saxutils here.)"""
    text = str(value)
    if _XML_INVALID.search(text):
        text = _XML_INVALID.sub("", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text or ">" in text:
        text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text


def _attr(value: object) -> str:
    """A double-quoted XML attribute value; line breaks and tabs kept as character references."""
    text = _text(value)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text or "\r" in text or "\t" in text:
        text = text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return f'"{text}"'


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML written as a stream: networkx's writer builds the whole tree first and takes
    seconds for a graph of ten thousand nodes. Parallel edges carry their property as id."""
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.'
                  'graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for prefix, kind, attributes in (("n", "node", NODE_ATTRIBUTES), ("e", "edge", EDGE_ATTRIBUTES)):
            for index, (name, type_) in enumerate(attributes):
                out.write(f'<key id="{prefix}{index}" for="{kind}" attr.name="{name}" attr.type="{type_}"/>\n')
        out.write('<graph edgedefault="directed">\n')
        for entity_id in sorted(graph.nodes):
            values = "".join(f'<data key="n{i}">{_text(v)}</data>'
                             for i, v in enumerate(_node_row(graph.nodes[entity_id])) if v is not None)
            out.write(f"<node id={_attr(entity_id)}>{values}</node>\n")
        for subject, obj, predicate in sorted(graph.edges(keys=True)):
            values = "".join(f'<data key="e{i}">{_text(v)}</data>'
                             for i, v in enumerate(_edge_row(predicate, graph.edges[subject, obj, predicate]))
                             if v is not None)
            out.write(f"<edge id={_attr(edge_id(subject, predicate, obj))} source={_attr(subject)} "
                      f"target={_attr(obj)}>{values}</edge>\n")
        out.write("</graph>\n</graphml>\n")


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 written as a stream, with no date in it: the same graph gives the same bytes."""
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/'
                  '1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n<meta><creator>govgraph</creator>'
                  '</meta>\n<graph defaultedgetype="directed" mode="static">\n')
        for kind, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
            out.write(f'<attributes class="{kind}" mode="static">\n')
            for index, (name, type_) in enumerate(attributes):
                out.write(f'<attribute id="{kind[0]}{index}" title="{name}" type="{type_}"/>\n')
            out.write("</attributes>\n")
        out.write("<nodes>\n")
        for entity_id in sorted(graph.nodes):
            data = graph.nodes[entity_id]
            values = "".join(f'<attvalue for="n{i}" value={_attr(v)}/>' for i, v in enumerate(_node_row(data))
                             if v is not None)
            out.write(f"<node id={_attr(entity_id)} label={_attr(data['label'])}><attvalues>{values}</attvalues>"
                      "</node>\n")
        out.write("</nodes>\n<edges>\n")
        for subject, obj, predicate in sorted(graph.edges(keys=True)):
            row = _edge_row(predicate, graph.edges[subject, obj, predicate])
            values = "".join(f'<attvalue for="e{i}" value={_attr(v)}/>' for i, v in enumerate(row) if v is not None)
            out.write(f"<edge id={_attr(edge_id(subject, predicate, obj))} source={_attr(subject)} "
                      f"target={_attr(obj)} label={_attr(predicate)}><attvalues>{values}</attvalues></edge>\n")
        out.write("</edges>\n</graph>\n</gexf>\n")


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
            edge = (subject, predicate, obj, graph.nodes[subject]["label"], graph.nodes[obj]["label"],
                    ";".join(format(a["yuan"], "f") for a in data["amounts"]),
                    "; ".join(a["text"] for a in data["amounts"]))
            writer.writerows([(*edge, source["document"], source["sentence"]) for source in data["sources"]])
