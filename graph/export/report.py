"""report.md: what a build holds, for a reader who has not opened the graph."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import networkx as nx

from ..model import ENTITY_CLASSES, RELATION_PROPERTIES, ReadFailure


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def yuan_text(value: Decimal | None) -> str:
    """3550000000 -> "3,550,000,000"; fractions kept; nothing for no amount."""
    if value is None:
        return ""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def render_report(graph: nx.MultiDiGraph, failures: list[ReadFailure], title: str) -> str:
    documents = graph.graph.get("documents", [])
    classes = Counter(data["cls"] for _, data in graph.nodes(data=True))
    properties = Counter(p for _, _, p in graph.edges(keys=True))
    lines = [f"# {title}", "", f"Documents read: {len(documents)}; failed: {len(failures)}.", "",
             "## Counts", "", "| class | entities |", "|---|---:|"]
    lines += [f"| {cls} | {classes.get(cls, 0)} |" for cls in ENTITY_CLASSES]
    lines += ["", "| property | edges |", "|---|---:|"]
    lines += [f"| {p} | {properties.get(p, 0)} |" for p in RELATION_PROPERTIES]

    responsibilities: dict[str, list[str]] = defaultdict(list)
    for subject, obj, predicate in graph.edges(keys=True):
        if predicate == "responsibleFor":
            responsibilities[graph.nodes[subject]["label"]].append(graph.nodes[obj]["label"])
    lines += ["", "## Agencies and what they are responsible for", ""]
    if responsibilities:
        lines += ["| agency | responsible for |", "|---|---|"]
        for agency in sorted(responsibilities, key=lambda a: (-len(responsibilities[a]), a)):
            lines.append(f"| {_cell(agency)} | {_cell('; '.join(sorted(responsibilities[agency])))} |")
    else:
        lines.append("No responsibility was found.")

    lines += ["", "## Funding", ""]
    funding = [(graph.nodes[s]["label"], graph.nodes[o]["label"], data)
               for s, o, p, data in graph.edges(keys=True, data=True) if p == "funds"]
    if funding:
        lines += ["| funder | recipient | amount (yuan) | as written | source |", "|---|---|---:|---|---|"]
        for funder, recipient, data in sorted(funding, key=lambda f: (f[0], f[1])):
            amounts = data["amounts"] or [None]
            for amount in amounts:
                value = yuan_text(Decimal(amount["yuan"])) if amount else ""
                text = amount["text"] if amount else ""
                source = data["sources"][0]
                lines.append(f"| {_cell(funder)} | {_cell(recipient)} | {value} | {_cell(text)} | "
                             f"{_cell(source['document'])}: {_cell(source['sentence'][:160])} |")
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for funder, _, data in funding:
            totals[funder] += sum((Decimal(a["yuan"]) for a in data["amounts"]), Decimal(0))
        lines += ["", "| funder | total stated (yuan) |", "|---|---:|"]
        lines += [f"| {_cell(f)} | {yuan_text(t)} |" for f, t in sorted(totals.items(), key=lambda x: (-x[1], x[0]))]
    else:
        lines.append("No funding edge was found.")

    unread = [(d["doc_id"], u) for d in documents for u in d.get("unread_amounts", [])]
    lines += ["", "## Amounts not read", ""]
    if unread:
        lines += ["Money stated as a range, in a foreign currency or garbled: no yuan amount is attached "
                  "to any edge for these.", "", "| document | as written | sentence |", "|---|---|---|"]
        lines += [f"| {_cell(doc)} | {_cell(u['text'])} | {_cell(u['sentence'][:160])} |" for doc, u in unread]
    else:
        lines.append("None: every sum of money stated was read as an exact yuan figure.")

    lines += ["", "## Documents", "", "| document | language | title | number | issued | issued by | copies | "
              "replaces | near duplicates |", "|---|---|---|---|---|---|---:|---|---|"]
    for d in documents:
        issuers = "; ".join(graph.nodes[i]["label"] for i in d.get("issuers", []) if i in graph.nodes)
        lines.append(f"| {_cell(d['doc_id'])} | {d['language']} | {_cell(d['title'][:100])} | "
                     f"{_cell(d.get('number', ''))} | {d.get('issued', '')} | {_cell(issuers)} | "
                     f"{len(d.get('copies', []))} | {_cell(', '.join(d.get('replaces', [])))} | "
                     f"{_cell(', '.join(d.get('near_duplicates', [])))} |")
    lines += ["", "## Documents that failed", ""]
    if failures:
        lines += ["| file | reason |", "|---|---|"]
        lines += [f"| {_cell(f.path)} | {_cell(f.reason)} |" for f in failures]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def write_report(graph: nx.MultiDiGraph, path: Path, failures: list[ReadFailure], title: str) -> None:
    path.write_text(render_report(graph, failures, title), encoding="utf-8")
