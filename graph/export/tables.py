"""The graph for Gephi, yEd and spreadsheets: GraphML, GEXF, nodes.csv, edges.csv.

GraphML and GEXF hold scalar attributes only, so lists become "; "-joined text and
amounts become a number (total yuan) plus their text. Both are written as streams
(networkx's writers build the whole XML tree first) and read back with networkx in
the tests.
"""

from __future__ import annotations

import csv
import re
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path
from typing import TextIO

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


_GRAPHML_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.'
                 'graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
                 + "".join(f'<key id="{prefix}{index}" for="{kind}" attr.name="{name}" attr.type="{type_}"/>\n'
                           for prefix, kind, attributes in (("n", "node", NODE_ATTRIBUTES),
                                                            ("e", "edge", EDGE_ATTRIBUTES))
                           for index, (name, type_) in enumerate(attributes))
                 + '<graph edgedefault="directed">\n')
_GEXF_HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/'
              '1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n<meta><creator>govgraph</creator>'
              '</meta>\n<graph defaultedgetype="directed" mode="static">\n'
              + "".join(f'<attributes class="{kind}" mode="static">\n'
                        + "".join(f'<attribute id="{kind[0]}{index}" title="{name}" type="{type_}"/>\n'
                                  for index, (name, type_) in enumerate(attributes))
                        + "</attributes>\n"
                        for kind, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)))
              + "<nodes>\n")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML written as a stream: networkx's writer builds the whole tree first and takes
    seconds for a graph of ten thousand nodes. Parallel edges carry their property as id."""
    write_tables(graph, graphml=path)


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.2 written as a stream, with no date in it: the same graph gives the same bytes."""
    write_tables(graph, gexf=path)


def write_tables(graph: nx.MultiDiGraph, graphml: Path | None = None, gexf: Path | None = None,
                 nodes_csv: Path | None = None, edges_csv: Path | None = None) -> None:
    """Any of GraphML, GEXF, nodes.csv and edges.csv in one pass over the nodes and the edges, each
    sorted once and each one's row made once for all of them: written one after another, every
    writer sorted the edges and made the same rows again (a build writes all four)."""
    with ExitStack() as files:
        def opened(path: Path | None, **options: object) -> TextIO | None:
            return None if path is None else files.enter_context(path.open("w", encoding="utf-8", **options))

        ml, gx = opened(graphml), opened(gexf)
        nodes_file, edges_file = opened(nodes_csv, newline=""), opened(edges_csv, newline="")
        nodes_out = csv.writer(nodes_file) if nodes_file is not None else None
        edges_out = csv.writer(edges_file) if edges_file is not None else None
        if ml is not None:
            ml.write(_GRAPHML_HEAD)
        if gx is not None:
            gx.write(_GEXF_HEAD)
        if nodes_out is not None:
            nodes_out.writerow(["id", "class", "label", "aliases", "amount_yuan", "amount_text", "documents"])
        if ml is not None or gx is not None or nodes_out is not None:
            for entity_id in sorted(graph.nodes):
                data = graph.nodes[entity_id]
                row = _node_row(data)
                if ml is not None:
                    values = "".join(f'<data key="n{i}">{_text(v)}</data>' for i, v in enumerate(row) if v is not None)
                    ml.write(f"<node id={_attr(entity_id)}>{values}</node>\n")
                if gx is not None:
                    values = "".join(f'<attvalue for="n{i}" value={_attr(v)}/>' for i, v in enumerate(row)
                                     if v is not None)
                    gx.write(f"<node id={_attr(entity_id)} label={_attr(data['label'])}><attvalues>{values}"
                             "</attvalues></node>\n")
                if nodes_out is not None:
                    nodes_out.writerow([entity_id, data["cls"], data["label"], row[3],
                                        ";".join(format(a["yuan"], "f") for a in data["amounts"]), row[5], row[6]])
        if gx is not None:
            gx.write("</nodes>\n<edges>\n")
        if edges_out is not None:
            edges_out.writerow(["source", "property", "target", "source_label", "target_label", "amount_yuan",
                                "amount_text", "document", "sentence"])
        if ml is not None or gx is not None or edges_out is not None:
            nodes = graph.nodes
            for subject, obj, predicate in sorted(graph.edges(keys=True)):
                data = graph.edges[subject, obj, predicate]
                if ml is not None or gx is not None:
                    row = _edge_row(predicate, data)
                    ends = f"id={_attr(edge_id(subject, predicate, obj))} source={_attr(subject)} target={_attr(obj)}"
                    if ml is not None:
                        values = "".join(f'<data key="e{i}">{_text(v)}</data>' for i, v in enumerate(row)
                                         if v is not None)
                        ml.write(f"<edge {ends}>{values}</edge>\n")
                    if gx is not None:
                        values = "".join(f'<attvalue for="e{i}" value={_attr(v)}/>' for i, v in enumerate(row)
                                         if v is not None)
                        gx.write(f"<edge {ends} label={_attr(predicate)}><attvalues>{values}</attvalues></edge>\n")
                if edges_out is not None:
                    edge = (subject, predicate, obj, nodes[subject]["label"], nodes[obj]["label"],
                            ";".join(format(a["yuan"], "f") for a in data["amounts"]),
                            "; ".join(a["text"] for a in data["amounts"]))
                    edges_out.writerows([(*edge, source["document"], source["sentence"])
                                         for source in data["sources"]])
        if ml is not None:
            ml.write("</graph>\n</graphml>\n")
        if gx is not None:
            gx.write("</edges>\n</graph>\n</gexf>\n")


def write_nodes_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    write_tables(graph, nodes_csv=path)


def write_edges_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    write_tables(graph, edges_csv=path)
