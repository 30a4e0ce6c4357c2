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

from ..analysis import MEASURES, Analysis, matrix_pages
from .figures import text_width, write_figures
from .report import yuan_text

FORMATS = ("md", "html", "xlsx")
MATRIX_COLUMNS = 8  # columns per page of the responsibility matrix; the legend names each code


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
    lines += ["## Responsibility matrix", ""]
    down, across, pages = matrix_pages(analysis, MATRIX_COLUMNS)
    if not pages:
        lines += ["No responsibility edge.", ""]
    else:
        lines += [_matrix_note(down, across, pages), ""]
        for number, page in enumerate(pages, 1):
            lines += [f"### {_page_title(across, page, number, len(pages))}", "",
                      f"| {down} | " + " | ".join(code for code, _ in page.columns) + " |",
                      "|---|" + "---:|" * len(page.columns)]
            lines += [f"| {_md_cell(name)} | " + " | ".join(str(c) if c else "" for c in counts) + " |"
                      for name, counts in page.rows]
            lines.append("")
        lines += [f"### Legend: the {across} codes", "", f"| code | {across} |", "|---|---|"]
        lines += [f"| {code} | {_md_cell(name)} |" for page in pages for code, name in page.columns] + [""]
    for section, note, columns, rows in _tables(analysis):
        lines += [f"## {section}", ""] + ([note, ""] if note else [])
        if not rows:
            lines += ["None.", ""]
            continue
        lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows] + [""]
    return "\n".join(lines)


def _matrix_note(down: str, across: str, pages: list) -> str:
    columns = sum(len(p.columns) for p in pages)
    return (f"How many edges say that an agency is responsible for a program: {down}s down, {columns} {across}s "
            f"across under short codes (named in the legend below), {MATRIX_COLUMNS} a table; each table lists the "
            f"{down}s with an entry in its columns. The whole matrix is in responsibility-matrix.csv.")


def _page_title(across: str, page, number: int, total: int) -> str:
    return f"{across.capitalize()}s {page.columns[0][0]}–{page.columns[-1][0]} ({number} of {total})"


def render_html(analysis: Analysis, title: str, figures: list[Path]) -> str:
    out = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
           "<style>body{font:14px 'Noto Sans CJK SC','Noto Sans',Arial,sans-serif;margin:24px;max-width:1200px}"
           "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 7px;"
           "vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}img{max-width:100%}"
           "table.matrix td{min-width:3.5em}table.matrix tr>th:first-child{text-align:left;max-width:30em}"
           "</style></head><body>",
           f"<h1>{html.escape(title)}</h1><p>{len(analysis.documents)} documents; {len(analysis.failures)} failed.</p>"]
    for path in sorted(p for p in figures if p.suffix == ".png"):
        data = base64.b64encode(path.read_bytes()).decode()
        out.append(f'<figure><img alt="{html.escape(path.stem)}" src="data:image/png;base64,{data}"></figure>')
    out.append("<h2>Responsibility matrix</h2>")
    down, across, pages = matrix_pages(analysis, MATRIX_COLUMNS)
    if not pages:
        out.append("<p>No responsibility edge.</p>")
    else:
        out.append(f"<p>{html.escape(_matrix_note(down, across, pages))}</p>")
        for number, page in enumerate(pages, 1):
            out.append(f'<h3>{html.escape(_page_title(across, page, number, len(pages)))}</h3>'
                       f'<table class="matrix"><tr><th>{down}</th>'
                       + "".join(f'<th title="{html.escape(name)}">{code}</th>' for code, name in page.columns)
                       + "</tr>")
            out += [f"<tr><th>{html.escape(name)}</th>" + "".join(f'<td class="n">{c or ""}</td>' for c in counts)
                    + "</tr>" for name, counts in page.rows]
            out.append("</table>")
        out.append(f"<h3>Legend: the {across} codes</h3><table><tr><th>code</th><th>{across}</th></tr>"
                   + "".join(f"<tr><td>{code}</td><td>{html.escape(name)}</td></tr>"
                             for page in pages for code, name in page.columns) + "</table>")
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
    """The report as a workbook: a sheet per table, each with its columns as wide as their
    text (up to a limit, longer text wrapped), the header row (and the matrix's agency column)
    frozen, and a filter on the header."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Responsibility matrix"
    sheet.append(["agency \\ program", *analysis.matrix_programs])
    for agency in analysis.matrix_agencies:
        sheet.append([agency, *(analysis.matrix.get((agency, p), 0) for p in analysis.matrix_programs)])
    _finish_sheet(sheet, freeze="B2", header_width=24)
    sheet = book.create_sheet("Funding")
    sheet.append(["funder", "recipient", "amount (yuan)", "as written", "jurisdiction", "document", "sentence"])
    for r in analysis.funding:
        sheet.append([r.funder, r.recipient, float(r.yuan) if r.yuan is not None else None, r.as_written,
                      r.jurisdiction, r.document, r.sentence])
    _finish_sheet(sheet)
    for section, _, columns, rows in _tables(analysis):
        if section == "Funding":
            continue
        sheet = book.create_sheet(_sheet_name(section, book.sheetnames))
        sheet.append(columns)
        for row in rows:
            sheet.append([_number(c) for c in row])
        _finish_sheet(sheet)
    book.save(path)


#: Widest column in characters; longer text wraps.
XLSX_MAX_WIDTH = 60


def _text_width(value: object) -> int:
    """Characters as a spreadsheet shows them: a Chinese character is about two wide."""
    return text_width(f"{value:,.0f}" if isinstance(value, float) else str(value if value is not None else ""))


def _finish_sheet(sheet, freeze: str = "A2", header_width: int = XLSX_MAX_WIDTH) -> None:
    """Column widths from the text (capped, wrapped past the cap), the header bold, frozen and filtered."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if sheet.max_row < 1 or sheet.max_column < 1:
        return
    for index, column in enumerate(sheet.iter_cols(), 1):
        header, *body = column
        widest = max([_text_width(c.value) for c in body] or [0])
        width = min(XLSX_MAX_WIDTH, max(8, widest, min(header_width, _text_width(header.value))) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width
        header.font = Font(bold=True)
        header.alignment = Alignment(wrap_text=True, vertical="top")
        if widest > XLSX_MAX_WIDTH:
            for cell in body:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = sheet.dimensions


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
