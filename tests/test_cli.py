import json
from pathlib import Path

from conftest import GOLD, needs_shared

from graph.cli import main
from graph.evaluate import evaluate


def test_build_stats_and_query_from_the_command_line(tmp_path: Path, capsys) -> None:
    output = tmp_path / "sample"
    assert main(["build", "-o", str(output), "--workers", "1"]) == 0
    assert "Built" in capsys.readouterr().out
    assert main(["stats", str(output)]) == 0
    stats = capsys.readouterr().out
    assert "Agency" in stats and "responsibleFor" in stats
    assert "Hebei Provincial Department of Industry and Information Technology  3" in stats
    assert "Hebi special bonds" in stats and "3550000000" in stats

    assert main(["query", str(output), "joint-responsibility", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"program": "Build a pipeline of listing candidates", "agencies": 3}.items() <= rows[0].items()

    query = tmp_path / "q.rq"
    query.write_text("SELECT ?l WHERE { ?x a gg:Lab ; rdfs:label ?l } ORDER BY ?l")
    assert main(["query", str(output), str(query), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["l", "Hebi Branch of the Provincial Academy of Sciences"]


def test_bad_queries_give_a_message_and_non_zero_exit(tmp_path: Path, capsys) -> None:
    output = tmp_path / "sample"
    main(["build", "-o", str(output), "--workers", "1"])
    capsys.readouterr()
    assert main(["query", str(output), "SELECT ?x WHERE { ?x"]) == 2
    assert "SPARQL syntax error" in capsys.readouterr().err
    assert main(["query", str(output), "no-such-query"]) == 2
    assert "named queries" in capsys.readouterr().err
    assert main(["query", str(output), "DELETE WHERE { ?s ?p ?o }"]) == 2
    assert "only read queries" in capsys.readouterr().err
    assert main(["stats", str(tmp_path / "missing")]) == 2
    capsys.readouterr()
    assert main(["query", str(output), "funding-above-threshold", "--bind", "budget=5"]) == 2
    assert "no parameter ?budget" in capsys.readouterr().err
    assert main(["query", str(output), "funding-above-threshold", "--bind", "threshold"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_build_with_nothing_readable_exits_non_zero(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err


@needs_shared
def test_quality_on_the_gold_documents_meets_the_targets(corpus_build, capsys) -> None:
    score = evaluate(corpus_build.output, GOLD)
    entities = score.total(score.entities())
    assert entities.precision >= 0.85 and entities.recall >= 0.85, (entities.precision, entities.recall)
    core = [score.relations()[p] for p in ("responsibleFor", "funds")]
    recall = sum(c.tp for c in core) / max(1, sum(c.tp + c.fn for c in core))
    assert recall >= 0.7
    assert main(["evaluate", str(corpus_build.output), str(GOLD)]) == 0
    assert "Agency" in capsys.readouterr().out


def test_chinese_quality_on_our_hand_made_gold_meets_the_targets(corpus_build) -> None:
    """tests/gold/003_….json: names only, annotated by hand from corpus document 003."""
    score = evaluate(corpus_build.output, Path(__file__).parent / "gold")
    entities = score.total(score.entities())
    assert entities.precision >= 0.85 and entities.recall >= 0.85, (entities.precision, entities.recall)
    responsible = score.relations()["responsibleFor"]
    assert responsible.tp / (responsible.tp + responsible.fn) >= 0.8


def test_tables_align_chinese_text_by_display_width() -> None:
    from graph.query import Table, format_table

    lines = format_table(Table(["agency", "n"], [["郑州市财政局", "1"], ["Hebi Finance Bureau", "2"]])).splitlines()
    assert lines[2].index("1") + 6 == lines[3].index("2")  # six wide characters take twelve columns


@needs_shared
def test_named_queries_with_parameters_on_the_corpus(corpus_build, capsys) -> None:
    build = str(corpus_build.output)
    assert main(["query", build, "funding-above-threshold", "--bind", "threshold=100000000", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == []  # the one large sum, "3.55 billion 100 million yuan", is garbled and gets no yuan amount
    assert main(["query", build, "funding-above-threshold", "--bind", "threshold=100000", "--format", "json"]) == 0
    assert [r["yuan"] for r in json.loads(capsys.readouterr().out)] == [220500]  # a JSON number, not a string
    found = {}
    for place in ("郑州市", "Zhengzhou City"):  # the place by either of its names
        assert main(["query", build, "jurisdiction-entities", "--bind", f"place={place}", "--format", "json"]) == 0
        found[place] = {(row["entity"], row["class"]) for row in json.loads(capsys.readouterr().out)}
    assert found["郑州市"] == found["Zhengzhou City"]
    assert {("郑州市财政局", "Agency"), ("郑东新区应急转贷周转资金", "Fund"), ("郑东新区", "Place"),
            ("郑州市大学生创业园科技有限公司", "Enterprise")} <= found["郑州市"]
    assert not any(name.startswith("Hebi") for name, _ in found["郑州市"])


def test_evaluate_warns_and_fails_when_gold_documents_are_not_in_the_build(sample_build, tmp_path, capsys) -> None:
    import json

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text(json.dumps({"document": "not_built.txt", "language": "en", "entities": [
        {"id": "a", "type": "Agency", "names": ["Hebi Municipal Finance Bureau"]}], "relations": []}), encoding="utf-8")
    assert main(["evaluate", str(sample_build.output), str(gold)]) == 1
    assert "not_built.txt: in the gold but not in the build" in capsys.readouterr().err


def test_interrupts_full_disks_and_closed_pipes_end_in_one_line(tmp_path, monkeypatch, capsys) -> None:
    import errno

    from graph import cli

    def interrupted(args):
        raise KeyboardInterrupt

    def disk_full(args):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "graph.ttl"))

    def reader_gone(args):
        raise BrokenPipeError

    for run, status, message in ((interrupted, 130, "interrupted"), (disk_full, 1, "No space left on device"),
                                 (reader_gone, 141, "")):
        monkeypatch.setattr(cli, "_stats", run)
        parser = cli.parser()
        monkeypatch.setattr(cli, "parser", lambda parser=parser: parser)
        parser._subparsers._group_actions[0].choices["stats"].set_defaults(run=run)
        assert cli.main(["stats", str(tmp_path)]) == status
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == (1 if message else 0)


def test_a_reader_that_stops_early_is_no_error(sample_build) -> None:
    import subprocess
    import sys

    shell = f"{sys.executable} -m graph.cli stats {sample_build.output} | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() and "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


@needs_shared
def test_bind_rejects_a_value_of_the_wrong_kind_and_finds_a_place_without_its_level_word(corpus_build, capsys) -> None:
    build = str(corpus_build.output)
    assert main(["query", build, "funding-above-threshold", "--bind", "threshold=abc"]) == 2
    assert "takes a number" in capsys.readouterr().err
    counts = []
    for place in ("Zhengzhou", "Zhengzhou City", "郑州市", "郑州"):
        assert main(["query", build, "jurisdiction-entities", "--bind", f"place={place}", "--format", "json"]) == 0
        counts.append(len(json.loads(capsys.readouterr().out)))
    assert counts[0] > 10 and len(set(counts)) == 1
