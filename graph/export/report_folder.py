"""govgraph report: a folder an analyst pastes from.

Markdown (report.md), one self-contained HTML file (report.html, figures embedded)
or a workbook (report.xlsx), always with the responsibility matrix and the funding
table as CSV and the figures as PNG and SVG. Every number comes from analysis.py.
"""

from __future__ import annotations

import base64
import csv
import html
from pathlib import Path

import networkx as nx

from ..analysis import MEASURES, Analysis
from .figures import write_figures
from .report import yuan_text

FORMATS = ("md", "html", "xlsx")
MATRIX_COLUMNS_INLINE = 40  # wider matrices are left to the CSV


def _tables(analysis: Analysis) -> list[tuple[str, str, list[str], list[list[str]]]]:
    """(section, note, columns, rows) for every table of the report, in order."""
    tables = [
        ("Entities by class", "", ["class", "entities"], [[c, str(n)] for c, n in analysis.classes.items()]),
        ("Edges by property", "", ["property", "edges"], [[p, str(n)] for p, n in analysis.properties.items()]),
        ("Funding", "Every funding edge, its amount as stated, and the sentence it comes from.",
         ["funder", "recipient", "amount (yuan)", "as written", "jurisdiction", "document", "sentence"],
         [[r.funder, r.recipient, yuan_text(r.yuan), r.as_written, r.jurisdiction, r.document, r.sentence]
          for r in analysis.funding]),
        ("Funding by funder", "", ["funder", "total stated (yuan)"],
         [[f, yuan_text(t)] for f, t in analysis.totals_by_funder]),
        ("Funding by jurisdiction", "The jurisdiction of the document that states the funding.",
         ["jurisdiction", "total stated (yuan)"], [[j, yuan_text(t)] for j, t in analysis.totals_by_jurisdiction]),
    ]
    for cls, measures in analysis.central.items():
        for measure, rows in measures.items():
            tables.append((f"Most central {cls.lower()} entities by {measure}", f"{measure}: {MEASURES[measure]}",
                           [cls.lower(), measure], [[label, f"{score:.4g}"] for label, _, score in rows]))
    for place, section in analysis.jurisdictions.items():
        counts = ", ".join(f"{c} {n}" for c, n in section["classes"].items() if n)
        tables.append((f"Jurisdiction: {place}", f"Documents: {', '.join(section['documents'])}. Entities: {counts}.",
                       ["agency", "responsible for (edges)"], [[a, str(n)] for a, n in section["agencies"]]))
    tables.append(("Documents that failed", "", ["file", "reason"],
                   [[f["path"], f["reason"]] for f in analysis.failures]))
    return tables


def write_csvs(analysis: Analysis, folder: Path) -> list[Path]:
    matrix = folder / "responsibility-matrix.csv"
    with matrix.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["agency \\ program", *analysis.matrix_programs])
        for agency in analysis.matrix_agencies:
            writer.writerow([agency, *(analysis.matrix.get((agency, p), 0) for p in analysis.matrix_programs)])
    funding = folder / "funding.csv"
    with funding.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["funder", "recipient", "amount_yuan", "as_written", "jurisdiction", "document", "sentence"])
        for r in analysis.funding:
            writer.writerow([r.funder, r.recipient, format(r.yuan, "f") if r.yuan is not None else "", r.as_written,
                             r.jurisdiction, r.document, r.sentence])
    return [matrix, funding]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(analysis: Analysis, title: str, figures: list[Path]) -> str:
    lines = [f"# {title}", "", f"{len(analysis.documents)} documents; {len(analysis.failures)} failed.", ""]
    for name in sorted({p.stem for p in figures}):
        lines += [f"![{name}]({name}.png)", ""]
    lines += ["## Responsibility matrix", "", "Agencies (rows), what they are responsible for (columns), and how many "
              "edges say so; also in [responsibility-matrix.csv](responsibility-matrix.csv).", ""]
    if analysis.matrix_agencies and len(analysis.matrix_programs) <= MATRIX_COLUMNS_INLINE:
        lines += ["| agency | " + " | ".join(_md_cell(p) for p in analysis.matrix_programs) + " |",
                  "|---|" + "---:|" * len(analysis.matrix_programs)]
        lines += [f"| {_md_cell(a)} | " + " | ".join(str(analysis.matrix.get((a, p), "")) for p in
                                                    analysis.matrix_programs) + " |" for a in analysis.matrix_agencies]
        lines.append("")
    elif analysis.matrix_agencies:
        lines += [f"({len(analysis.matrix_programs)} columns: too wide for this page; see the CSV.)", ""]
    for section, note, columns, rows in _tables(analysis):
        lines += [f"## {section}", ""] + ([note, ""] if note else [])
        if not rows:
            lines += ["None.", ""]
            continue
        lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows] + [""]
    return "\n".join(lines)


def render_html(analysis: Analysis, title: str, figures: list[Path]) -> str:
    out = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
           "<style>body{font:14px 'Noto Sans CJK SC','Noto Sans',Arial,sans-serif;margin:24px;max-width:1200px}"
           "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 7px;"
           "vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}img{max-width:100%}</style></head><body>",
           f"<h1>{html.escape(title)}</h1><p>{len(analysis.documents)} documents; {len(analysis.failures)} failed.</p>"]
    for path in sorted(p for p in figures if p.suffix == ".png"):
        data = base64.b64encode(path.read_bytes()).decode()
        out.append(f'<figure><img alt="{html.escape(path.stem)}" src="data:image/png;base64,{data}"></figure>')
    out.append("<h2>Responsibility matrix</h2>")
    if analysis.matrix_agencies:
        out.append("<table><tr><th></th>" + "".join(f"<th>{html.escape(p)}</th>" for p in analysis.matrix_programs)
                   + "</tr>")
        for agency in analysis.matrix_agencies:
            cells = "".join(f'<td class="n">{analysis.matrix.get((agency, p), "") or ""}</td>'
                            for p in analysis.matrix_programs)
            out.append(f"<tr><th>{html.escape(agency)}</th>{cells}</tr>")
        out.append("</table>")
    for section, note, columns, rows in _tables(analysis):
        out.append(f"<h2>{html.escape(section)}</h2>" + (f"<p>{html.escape(note)}</p>" if note else ""))
        if not rows:
            out.append("<p>None.</p>")
            continue
        out.append("<table><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in columns) + "</tr>")
        out += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows]
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_xlsx(analysis: Analysis, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Responsibility matrix"
    sheet.append(["agency \\ program", *analysis.matrix_programs])
    for agency in analysis.matrix_agencies:
        sheet.append([agency, *(analysis.matrix.get((agency, p), 0) for p in analysis.matrix_programs)])
    sheet = book.create_sheet("Funding")
    sheet.append(["funder", "recipient", "amount (yuan)", "as written", "jurisdiction", "document", "sentence"])
    for r in analysis.funding:
        sheet.append([r.funder, r.recipient, float(r.yuan) if r.yuan is not None else None, r.as_written,
                      r.jurisdiction, r.document, r.sentence])
    for section, _, columns, rows in _tables(analysis):
        if section == "Funding":
            continue
        sheet = book.create_sheet(_sheet_name(section, book.sheetnames))
        sheet.append(columns)
        for row in rows:
            sheet.append([_number(c) for c in row])
    book.save(path)


def _sheet_name(section: str, taken: list[str]) -> str:
    """Excel allows 31 characters and no : \\ / ? * [ ]; names must differ."""
    short = section.replace("Most central ", "").replace(" entities by ", " by ").replace("Jurisdiction: ", "")
    short = "".join(" " if ch in ':\\/?*[]' else ch for ch in short)[:28]
    name, number = short, 2
    while name in taken:
        name, number = f"{short} {number}", number + 1
    return name


def _number(cell: str) -> object:
    try:
        return float(cell.replace(",", "")) if cell and cell.replace(",", "").replace(".", "", 1).isdigit() else cell
    except ValueError:
        return cell


def write_report_folder(graph: nx.MultiDiGraph, analysis: Analysis, folder: Path, title: str,
                        form: str = "md") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = [*write_figures(graph, analysis, folder), *write_csvs(analysis, folder)]
    figures = [p for p in written if p.suffix in (".png", ".svg")]
    if form == "md":
        path = folder / "report.md"
        path.write_text(render_markdown(analysis, title, figures), encoding="utf-8")
    elif form == "html":
        path = folder / "report.html"
        path.write_text(render_html(analysis, title, figures), encoding="utf-8")
    else:
        path = folder / "report.xlsx"
        write_xlsx(analysis, path)
    return [path, *written]
