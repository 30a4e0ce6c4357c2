"""Figures for a report, as PNG and SVG: funding by funder, entities by class, and the
neighbourhoods of the top agencies. Labels are legible in Chinese and English (a CJK
font first, then the default), and the files carry no date, so they are reproducible."""

from __future__ import annotations

import re
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
    if not installed & set(PREFERRED_FONTS[:-1]):
        # matplotlib's font list is cached when it is first used: fonts installed later are not in
        # it, so the system's CJK fonts are added by file (a second of scanning, only in this case)
        for path in font_manager.findSystemFonts():
            if any(mark in Path(path).name for mark in ("CJK", "wqy", "SourceHan")):
                font_manager.fontManager.addfont(path)
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


def text_width(text: str) -> int:
    """Characters as they take room on a page or in a cell: a Chinese character counts two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def wrap(label: str, width: int = 34) -> str:
    """A whole label on lines of about ``width`` characters (a Chinese character counts two):
    broken at spaces in English and between characters in Chinese, never cut short."""
    lines: list[str] = []
    line, used = "", 0
    for word in re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+", label):
        size = text_width(word.rstrip())
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        if not line and not word.strip():
            continue
        line += word
        used += text_width(word)
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def funding_by_funder(analysis: Analysis, folder: Path, top: int = 15) -> list[Path]:
    _style()
    rows = [(wrap(name, 40), float(total)) for name, total in analysis.totals_by_funder if total > 0][:top]
    lines = sum(name.count("\n") + 1 for name, _ in rows)
    figure, axes = plt.subplots(figsize=(9, 0.3 * max(6, lines) + 0.35 * len(rows) + 1))
    if rows:
        names, totals = zip(*reversed(rows), strict=True)
        axes.barh(names, [t / 1e6 for t in totals], color="#d62728")
        axes.tick_params(axis="y", labelsize=8)
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


def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _place_labels(figure: plt.Figure, axes, texts: list, anchors: list[tuple[float, float]],
                  avoid: list | None = None) -> None:
    """Move each label (most important first) to the first spot around its node where it
    overlaps no label already placed: a few directions at growing distances, in points."""
    renderer = figure.canvas.get_renderer()
    placed = list(avoid or [])
    frame = axes.get_window_extent(renderer)
    steps = [(dx * r, dy * r) for r in (6, 10, 15, 22, 30, 40, 52, 66, 82, 100)
             for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1), (1, 1), (-1, 1), (-1, -1), (1, -1))]
    scale = figure.dpi / 72
    for text, (x, y) in zip(texts, anchors, strict=True):
        base = axes.transData.transform((x, y))
        for dx, dy in steps:
            text.set_position(axes.transData.inverted().transform((base[0] + dx * scale, base[1] + dy * scale)))
            text.set_ha("left" if dx > 0 else "right" if dx < 0 else "center")
            text.set_va("bottom" if dy > 0 else "top" if dy < 0 else "center")
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(_overlaps(box, other) for other in placed):
                break
        placed.append(text.get_window_extent(renderer))


def neighbourhood_figure(graph: nx.MultiDiGraph, analysis: Analysis, agencies: int = 3) -> plt.Figure:
    """The top agencies by degree and their neighbours, in a fixed (seeded) layout. Each node
    carries a number placed where it overlaps no other; the legend beside gives every number's
    whole name (no name is cut), the agencies first."""
    _style()
    centres = [node for _, node, _ in analysis.central.get("Agency", {}).get("degree", [])[:agencies]]
    undirected = nx.Graph(graph)
    nodes = set(centres)
    for centre in centres:
        nodes.update(undirected.neighbors(centre))
    # built in sorted order: a subgraph view keeps the parent's order, which the layout depends on
    view = nx.Graph()
    view.add_nodes_from(sorted(nodes))
    view.add_edges_from(sorted(tuple(sorted(edge)) for edge in undirected.subgraph(nodes).edges()))
    order = centres + sorted((n for n in view if n not in centres), key=lambda n: (-view.degree(n), n))
    legend = [f"{i}  {wrap(graph.nodes[n]['label'], 44)}".replace("\n", "\n     ") for i, n in enumerate(order, 1)]
    lines = sum(entry.count("\n") + 1 for entry in legend)
    columns = 1 if lines <= 60 else 2
    height = max(8.0, 0.17 * lines / columns + 1)
    figure = plt.figure(figsize=(11 + 4.5 * columns, height))
    grid = figure.add_gridspec(1, 1 + columns, width_ratios=[11] + [4.5] * columns, wspace=0.02)
    axes = figure.add_subplot(grid[0, 0])
    if view.number_of_nodes():
        positions = nx.spring_layout(view, seed=7, k=1.6 / max(1, view.number_of_nodes()) ** 0.5)
        colours = [CLASS_STYLE.get(graph.nodes[n]["cls"], ("#444444",))[0] for n in view]
        sizes = [500 if n in centres else 140 for n in view]
        nx.draw_networkx_edges(view, positions, ax=axes, alpha=0.3)
        nx.draw_networkx_nodes(view, positions, ax=axes, node_color=colours, node_size=sizes)
        axes.margins(0.08)
        figure.canvas.draw()
        texts = [axes.text(*positions[n], str(i), fontsize=9 if n in centres else 7,
                           fontweight="bold" if n in centres else "normal") for i, n in enumerate(order, 1)]
        _place_labels(figure, axes, texts, [positions[n] for n in order])
        per_column = -(-len(legend) // columns)
        for column in range(columns):
            side = figure.add_subplot(grid[0, 1 + column])
            side.set_axis_off()
            chunk = legend[column * per_column:(column + 1) * per_column]
            side.text(0, 1, "\n".join(chunk), va="top", ha="left", fontsize=7, linespacing=1.25,
                      transform=side.transAxes)
    axes.set_title("The most connected agencies (1–%d, bold) and their neighbours" % len(centres))
    axes.set_axis_off()
    return figure


def top_agency_neighbourhoods(graph: nx.MultiDiGraph, analysis: Analysis, folder: Path,
                              agencies: int = 3) -> list[Path]:
    return _save(neighbourhood_figure(graph, analysis, agencies), folder, "top-agencies")


def write_figures(graph: nx.MultiDiGraph, analysis: Analysis, folder: Path) -> list[Path]:
    return [*funding_by_funder(analysis, folder), *entities_by_class(analysis, folder),
            *top_agency_neighbourhoods(graph, analysis, folder)]
