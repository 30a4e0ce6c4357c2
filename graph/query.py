"""SPARQL over a build's graph.ttl (evaluated by Oxigraph), and result formatting."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from .store import open_store

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
QUERY_DIR = ONTOLOGY_DIR / "queries"

PREFIXES = """PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX id: <https://w3id.org/govgraph/id/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX schema: <https://schema.org/>
"""


#: The same prefixes as a mapping, given to the parser rather than written before the query, so that
#: a syntax error's line and column are those of the query as its author wrote it.
PREFIX_MAP = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", PREFIXES))


class QueryError(Exception):
    """A query that cannot run: bad syntax, unknown name, missing build."""


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    numeric: frozenset[tuple[int, int]] = frozenset()  # (row, column) of cells holding a number literal


_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def load_store(build: Path) -> ox.Store:
    """The build's triples: its persistent store where it has one (opened, not loaded), else graph.ttl
    parsed into memory."""
    turtle = build / "graph.ttl"
    if not turtle.is_file():
        raise QueryError(f"{build}: not a build folder (no graph.ttl); run 'govgraph build' first")
    persistent = open_store(build)
    if persistent is not None:
        return persistent
    store = ox.Store()
    store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    return store


def query_text(argument: str) -> str:
    """A query given as SPARQL text, a .rq file, or the name of a query in ontology/queries."""
    path = Path(argument)
    if argument.endswith(".rq"):
        if not path.is_file():
            raise QueryError(f"{argument}: no such query file")
        return path.read_text(encoding="utf-8")
    named = QUERY_DIR / f"{argument}.rq"
    if named.is_file():
        return named.read_text(encoding="utf-8")
    if any(word in argument.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE")):
        return argument
    names = ", ".join(sorted(p.stem for p in QUERY_DIR.glob("*.rq")))
    raise QueryError(f"{argument!r} is neither SPARQL nor a named query (named queries: {names})")


def _term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def bind(text: str, pairs: list[str]) -> str:
    """Give query parameters values: a named query declares each one with a default,
    ``VALUES ?threshold { 10000000 }``, and "threshold=100000000" replaces it.
    Numbers stay numbers; anything else becomes a string literal."""
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip().lstrip("?")
        if not equals or not re.fullmatch(r"\w+", name):
            raise QueryError(f"--bind {pair!r}: write NAME=VALUE")
        declared = re.compile(rf"VALUES\s+\?{name}\s*\{{([^}}]*)\}}")
        found = declared.search(text)
        if not found:
            raise QueryError(f"--bind {name}: the query has no parameter ?{name} (VALUES ?{name} {{ ... }})")
        default = found.group(1).strip()
        if _NUMBER.fullmatch(default) and not _NUMBER.fullmatch(value.strip()):
            raise QueryError(f"--bind {name}={value}: ?{name} takes a number (its default is {default})")
        literal = value if _NUMBER.fullmatch(value) else json.dumps(value, ensure_ascii=False)
        replacement = f"VALUES ?{name} {{ {literal} }}"
        text = declared.sub(lambda _, chosen=replacement: chosen, text)  # every declaration of it
    return text


def run_query(store: ox.Store, text: str) -> Table:
    if any(word in text.upper().split() for word in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE")):
        raise QueryError("only read queries are allowed (SELECT, ASK, CONSTRUCT, DESCRIBE)")
    try:
        results = store.query(text, prefixes=PREFIX_MAP)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {error}") from None
    if isinstance(results, ox.QueryBoolean):
        return Table(["result"], [["true" if bool(results) else "false"]])
    if isinstance(results, ox.QuerySolutions):
        columns = [v.value for v in results.variables]
        rows, numeric = [], set()
        for r, solution in enumerate(results):
            terms = [solution[c] for c in columns]
            rows.append([_term(t) for t in terms])
            numeric.update((r, c) for c, t in enumerate(terms)
                           if isinstance(t, ox.Literal) and t.datatype.value in _NUMERIC_TYPES)
        return Table(columns, rows, frozenset(numeric))
    return Table(["subject", "predicate", "object"], [[_term(t.subject), _term(t.predicate), _term(t.object)]
                                                     for t in results])


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC_TYPES = frozenset(_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                                              "nonNegativeInteger", "positiveInteger", "unsignedInt"))


def _json_number(text: str) -> int | float | str:
    try:
        value = Decimal(text)
    except ArithmeticError:
        return text
    return int(value) if value == value.to_integral_value() else float(value)


def _width(text: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    while _width(text) > width:
        text = text[:-1]
    return text


def format_table(table: Table, form: str = "table") -> str:
    if form == "json":  # numbers as JSON numbers: exact integers, decimals as written
        records = [{column: (_json_number(cell) if (r, c) in table.numeric else cell)
                    for c, (column, cell) in enumerate(zip(table.columns, row, strict=True))}
                   for r, row in enumerate(table.rows)]
        return json.dumps(records, ensure_ascii=False, indent=2)
    if form == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        return buffer.getvalue().rstrip("\n")
    widths = [min(90, max([_width(c)] + [_width(row[i]) for row in table.rows])) for i, c in enumerate(table.columns)]

    def line(cells: list[str]) -> str:
        shown = (cell if _width(cell) <= 90 else _clip(cell, 87) + "..." for cell in cells)
        return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(shown, widths, strict=True))

    out = [line(table.columns), line(["-" * w for w in widths])] + [line(row) for row in table.rows]
    out.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(x.rstrip() for x in out)
