"""Figures for a report, as PNG and SVG: funding by funder, entities by class, and the
neighbourhoods of the top agencies. Labels are legible in Chinese and English (a CJK
font first, then the default), and the files carry no date, so they are reproducible."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no screen
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402

from ..analysis import Analysis  # noqa: E402
from .html import CLASS_STYLE  # noqa: E402

#: Preferred fonts, CJK first; only those installed are asked for (.ci/run installs fonts-noto-cjk).
PREFERRED_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Source Han Sans SC", "DejaVu Sans"]


def _fonts() -> list[str]:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in PREFERRED_FONTS if name in installed] or ["sans-serif"]


def _save(figure: plt.Figure, folder: Path, name: str) -> list[Path]:
    paths = []
    for suffix, options in (("png", {"dpi": 150, "metadata": {"Software": None}}),
                            ("svg", {"metadata": {"Date": None, "Creator": None}})):
        path = folder / f"{name}.{suffix}"
        figure.savefig(path, bbox_inches="tight", **options)
        paths.append(path)
    plt.close(figure)
    return paths


def _style() -> None:
    plt.rcParams.update({"font.family": _fonts(), "svg.hashsalt": "govgraph", "axes.spines.top": False,
                         "axes.spines.right": False})


def funding_by_funder(analysis: Analysis, folder: Path, top: int = 15) -> list[Path]:
    _style()
    rows = [(name, float(total)) for name, total in analysis.totals_by_funder if total > 0][:top]
    figure, axes = plt.subplots(figsize=(8, 0.45 * max(3, len(rows)) + 1))
    if rows:
        names, totals = zip(*reversed(rows), strict=True)
        axes.barh(names, [t / 1e6 for t in totals], color="#d62728")
        axes.set_xlabel("stated funding, million yuan")
    else:
        axes.text(0.5, 0.5, "no funding edge states an amount", ha="center", va="center")
        axes.set_axis_off()
    axes.set_title("Funding by funder")
    return _save(figure, folder, "funding-by-funder")


def entities_by_class(analysis: Analysis, folder: Path) -> list[Path]:
    _style()
    classes = list(analysis.classes)
    figure, axes = plt.subplots(figsize=(7, 3.5))
    axes.bar(classes, [analysis.classes[c] for c in classes], color=[CLASS_STYLE[c][0] for c in classes])
    for index, cls in enumerate(classes):
        axes.text(index, analysis.classes[cls], str(analysis.classes[cls]), ha="center", va="bottom")
    axes.set_ylabel("entities")
    axes.set_title("Entities by class")
    return _save(figure, folder, "entities-by-class")


def top_agency_neighbourhoods(graph: nx.MultiDiGraph, analysis: Analysis, folder: Path,
                              agencies: int = 3) -> list[Path]:
    """The top agencies by degree and their neighbours, in a fixed (seeded) layout."""
    _style()
    centres = [node for _, node, _ in analysis.central.get("Agency", {}).get("degree", [])[:agencies]]
    undirected = nx.Graph(graph)
    nodes = set(centres)
    for centre in centres:
        nodes.update(undirected.neighbors(centre))
    view = undirected.subgraph(sorted(nodes))
    figure, axes = plt.subplots(figsize=(11, 8))
    if view.number_of_nodes():
        positions = nx.spring_layout(view, seed=7, k=1.2 / max(1, view.number_of_nodes()) ** 0.5)
        colours = [CLASS_STYLE.get(graph.nodes[n]["cls"], ("#444444",))[0] for n in view]
        sizes = [700 if n in centres else 180 for n in view]
        nx.draw_networkx_edges(view, positions, ax=axes, alpha=0.35)
        nx.draw_networkx_nodes(view, positions, ax=axes, node_color=colours, node_size=sizes)
        labels = {n: (graph.nodes[n]["label"][:28] + ("…" if len(graph.nodes[n]["label"]) > 28 else "")) for n in view}
        nx.draw_networkx_labels(view, positions, labels=labels, ax=axes, font_size=8, font_family=_fonts())
    axes.set_title("The most connected agencies and their neighbours")
    axes.set_axis_off()
    return _save(figure, folder, "top-agencies")


def write_figures(graph: nx.MultiDiGraph, analysis: Analysis, folder: Path) -> list[Path]:
    return [*funding_by_funder(analysis, folder), *entities_by_class(analysis, folder),
            *top_agency_neighbourhoods(graph, analysis, folder)]
