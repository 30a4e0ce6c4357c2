"""What an analyst reports from a graph: counts, who is responsible for what, where the
money goes, which entities are central, and the same per jurisdiction.

Pure functions of the graph (and the build's document list): the report writers and
the figures only lay these numbers out, so a test can check them against the graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import networkx as nx

from .extract.chinese import pinyin_name
from .extract.vocab import chinese
from .model import ENTITY_CLASSES, RELATION_PROPERTIES

#: One sentence each on what a centrality measure says, for the report's reader.
MEASURES = {
    "degree": "how many relations the entity takes part in: the busiest entities.",
    "betweenness": "how often the entity lies on the shortest path between two others: the brokers that "
                   "connect otherwise separate parts of the graph.",
    "pagerank": "how much the entity is pointed at by entities that are themselves pointed at: the entities "
                "the others lead to, such as programs many agencies are responsible for.",
}


@dataclass(frozen=True)
class FundingRow:
    funder: str
    recipient: str
    yuan: Decimal | None
    as_written: str
    document: str
    sentence: str
    jurisdiction: str


@dataclass
class Analysis:
    documents: list[dict]
    failures: list[dict]
    classes: dict[str, int]
    properties: dict[str, int]
    matrix_agencies: list[str]
    matrix_programs: list[str]
    matrix: dict[tuple[str, str], int]  # (agency, program) -> number of edges
    funding: list[FundingRow]
    totals_by_funder: list[tuple[str, Decimal]]
    totals_by_jurisdiction: list[tuple[str, Decimal]]
    central: dict[str, dict[str, list[tuple[str, str, float]]]]  # class -> measure -> (label, id, score)
    jurisdictions: dict[str, dict] = field(default_factory=dict)  # name -> counts and top agencies


@dataclass(frozen=True)
class MatrixPage:
    """One page of the responsibility matrix as the report prints it: a few columns, each
    headed by a short code (the legend gives its full name), and the rows with an entry in them."""

    columns: list[tuple[str, str]]  # (code, full name)
    rows: list[tuple[str, list[int]]]  # (full name, count per column)


def matrix_pages(analysis: Analysis, per_page: int = 8) -> tuple[str, str, list[MatrixPage]]:
    """The matrix cut to fit a page: the shorter side (agencies or programs) across, coded
    A1, A2 … or P1, P2 … with full names in a legend, at most ``per_page`` columns a page;
    each page lists only the rows with an entry in its columns. Returns the names of the
    row and column sides ("agency", "program") and the pages."""
    agencies, programs = analysis.matrix_agencies, analysis.matrix_programs
    transposed = len(programs) > len(agencies)
    across, down = (agencies, programs) if transposed else (programs, agencies)
    prefix = "A" if transposed else "P"
    cell = (lambda row, col: analysis.matrix.get((col, row), 0)) if transposed else \
        (lambda row, col: analysis.matrix.get((row, col), 0))
    pages = []
    for start in range(0, len(across), per_page):
        columns = [(f"{prefix}{start + i + 1}", name) for i, name in enumerate(across[start:start + per_page])]
        rows = [(name, counts) for name in down
                if any(counts := [cell(name, col) for _, col in columns])]
        pages.append(MatrixPage(columns, rows))
    return ("program", "agency", pages) if transposed else ("agency", "program", pages)


def _english(name: str | None) -> str | None:
    """A province or city name in English (None for no name)."""
    if not name:
        return None
    return chinese().provinces.get(name) or (name if name.isascii() else pinyin_name(name))


def jurisdiction_name(jurisdiction: dict) -> str:
    """A document's city (else province) in English: English and Chinese documents about one
    city fall into one section ("郑州" and "Zhengzhou" are both "Zhengzhou")."""
    name = jurisdiction.get("city") or jurisdiction.get("province")
    return _english(name) if name else "unknown"


def place_names(jurisdiction: dict) -> tuple[str | None, str | None]:
    """A document's province and city in English (either may be None), for the explorer's
    jurisdiction browser: 河南/郑州 and Henan/Zhengzhou are one pair."""
    return _english(jurisdiction.get("province")), _english(jurisdiction.get("city"))


def _total(amounts: list[dict]) -> Decimal:
    return sum((Decimal(a["yuan"]) for a in amounts), Decimal(0))


def analyse(graph: nx.MultiDiGraph, failures: list[dict] | None = None, top: int = 10) -> Analysis:
    documents = graph.graph.get("documents", [])
    place_of = {d["doc_id"]: jurisdiction_name(d.get("jurisdiction", {})) for d in documents}
    label = {n: d["label"] for n, d in graph.nodes(data=True)}

    matrix: Counter[tuple[str, str]] = Counter()
    for subject, obj, predicate in graph.edges(keys=True):
        if predicate == "responsibleFor":
            matrix[(label[subject], label[obj])] += 1
    agencies = sorted({a for a, _ in matrix}, key=lambda a: (-sum(v for (x, _), v in matrix.items() if x == a), a))
    programs = sorted({p for _, p in matrix})

    funding: list[FundingRow] = []
    by_funder: dict[str, Decimal] = defaultdict(Decimal)
    by_place: dict[str, Decimal] = defaultdict(Decimal)
    for subject, obj, predicate, data in sorted(graph.edges(keys=True, data=True)):
        if predicate != "funds":
            continue
        source = data["sources"][0] if data["sources"] else {"document": "", "sentence": ""}
        place = place_of.get(source["document"], "unknown")
        for amount in data["amounts"] or [None]:
            yuan = Decimal(amount["yuan"]) if amount else None
            funding.append(FundingRow(label[subject], label[obj], yuan, amount["text"] if amount else "",
                                      source["document"], source["sentence"], place))
        by_funder[label[subject]] += _total(data["amounts"])
        by_place[place] += _total(data["amounts"])

    return Analysis(
        documents=documents, failures=failures or [],
        classes={c: sum(1 for _, d in graph.nodes(data=True) if d["cls"] == c) for c in ENTITY_CLASSES},
        properties={p: sum(1 for *_, k in graph.edges(keys=True) if k == p) for p in RELATION_PROPERTIES},
        matrix_agencies=agencies, matrix_programs=programs, matrix=dict(matrix), funding=funding,
        totals_by_funder=sorted(by_funder.items(), key=lambda x: (-x[1], x[0])),
        totals_by_jurisdiction=sorted(by_place.items(), key=lambda x: (-x[1], x[0])),
        central=centrality(graph, top), jurisdictions=per_jurisdiction(graph, place_of, top),
    )


def centrality(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, dict[str, list[tuple[str, str, float]]]]:
    """The most central agencies and programs by degree, betweenness and PageRank."""
    simple = nx.DiGraph(graph)  # parallel edges of different properties count once for paths
    undirected = simple.to_undirected()
    sample = None if undirected.number_of_nodes() <= 2000 else 500  # betweenness is cubic: sample large graphs
    scores = {
        "degree": dict(graph.degree()),
        "betweenness": nx.betweenness_centrality(undirected, k=sample, seed=7),
        "pagerank": nx.pagerank(simple) if simple.number_of_edges() else {n: 0.0 for n in simple},
    }
    result: dict[str, dict[str, list[tuple[str, str, float]]]] = {}
    for cls in ("Agency", "Program"):
        members = [n for n, d in graph.nodes(data=True) if d["cls"] == cls]
        result[cls] = {
            measure: [(graph.nodes[n]["label"], n, float(values.get(n, 0.0)))
                      for n in sorted(members, key=lambda n, v=values: (-v.get(n, 0.0), n))[:top]]
            for measure, values in scores.items()
        }
    return result


def per_jurisdiction(graph: nx.MultiDiGraph, place_of: dict[str, str], top: int = 10) -> dict[str, dict]:
    """Each jurisdiction's entities (by the documents that name them), counts and busiest agencies."""
    members: dict[str, set[str]] = defaultdict(set)
    for node, data in graph.nodes(data=True):
        for source in data["sources"]:
            members[place_of.get(source["document"], "unknown")].add(node)
    sections = {}
    for place in sorted(members):
        nodes = members[place]
        led = {n: sum(1 for *_, k in graph.out_edges(n, keys=True) if k == "responsibleFor")
               for n in nodes if graph.nodes[n]["cls"] == "Agency"}
        agencies = sorted(led, key=lambda n: (-led[n], graph.nodes[n]["label"]))
        sections[place] = {
            "documents": sorted(d for d, p in place_of.items() if p == place),
            "classes": {c: sum(1 for n in nodes if graph.nodes[n]["cls"] == c) for c in ENTITY_CLASSES},
            "agencies": [(graph.nodes[n]["label"], led[n]) for n in agencies[:top]],
        }
    return sections
