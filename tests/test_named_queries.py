"""Every named query in ontology/queries answers on a build of ../shared/corpus with specific rows."""

from __future__ import annotations

import pytest
from conftest import needs_shared

from graph.query import QUERY_DIR, bind, load_store, query_text, run_query

pytestmark = needs_shared


@pytest.fixture(scope="module")
def store(corpus_build):
    return load_store(corpus_build.output)


def rows(store, name: str, *binds: str) -> list[dict[str, str]]:
    table = run_query(store, bind(query_text(name), list(binds)))
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def test_every_named_query_says_what_it_answers() -> None:
    for path in QUERY_DIR.glob("*.rq"):
        assert path.read_text(encoding="utf-8").startswith("# "), path.name


def test_agency_responsibilities(store) -> None:
    table = rows(store, "agency-responsibilities")
    found = {(r["agency"], r["target"]) for r in table}
    sentences = {(r["agency"], r["target"]): r["sentence"] for r in table}
    assert "Securities Regulatory Bureau" in sentences["Hebei Securities Regulatory Bureau", "Lock the cultivation target"]
    assert "组长单位" in sentences["郑州市财政局", "郑州市第十四工作组"]
    for agency in ("Hebei Provincial Department of Industry and Information Technology",
                   "Hebei Securities Regulatory Bureau", "Hebei Provincial Local Financial Supervision Bureau"):
        assert (agency, "Lock the cultivation target") in found
    assert ("郑州市财政局", "郑州市第十四工作组") in found


def test_joint_responsibility(store) -> None:
    joint = {r["program"]: int(r["agencies"]) for r in rows(store, "joint-responsibility")}
    assert joint["Lock the cultivation target"] >= 3
    assert all(count > 1 for count in joint.values())


def test_funding_edges_and_totals(store) -> None:
    edges = rows(store, "funding-edges")
    assert {"funder": "建设银行郑州金水支行", "recipient": "“外贸贷”", "yuan": "220500"}.items() <= next(
        r for r in edges if r["funder"] == "建设银行郑州金水支行").items()
    totals = {r["funder"]: r["total_yuan"] for r in rows(store, "funding-by-funder")}
    assert totals["建设银行郑州金水支行"] == "220500"
    # "3.55 billion 100 million yuan" is garbled: the edge stands, but no yuan amount is guessed for it
    assert "Hebi special bonds" not in totals
    assert [r["funder"] for r in rows(store, "funding-above-threshold", "threshold=200000")] == ["建设银行郑州金水支行"]
    assert rows(store, "funding-above-threshold", "threshold=1000000") == []  # 220,500 yuan is below


def test_entities_of_a_jurisdiction(store) -> None:
    hebi = {r["entity"] for r in rows(store, "jurisdiction-entities", "place=Hebi City")}
    assert {"Mozi Laboratory", "Hebi Municipal Finance Bureau"} <= hebi
    assert not any("郑州" in name for name in hebi)


def test_enterprises_and_labs_of_a_cluster(store) -> None:
    members = rows(store, "cluster-members", "cluster=Hebi magnesium-based new materials")
    assert {"member": "Mozi Laboratory", "class": "Lab", "how": "same place"} in members


def test_the_sources_behind_an_edge(store) -> None:
    sources = rows(store, "edge-sources", "subject=郑州市财政局", "object=Zhengzhou Work Group 14")
    assert sources and {(r["from"], r["to"], r["document"]) for r in sources} == {
        ("郑州市财政局", "郑州市第十四工作组", "003_0b04e680dd63617e.txt")}
    assert all("组长单位" in r["sentence"] for r in sources)
    every = rows(store, "edge-sources", "subject=Hebei Provincial Department of Industry and Information Technology")
    assert len({r["to"] for r in every}) > 20


def test_counts_and_rankings(store) -> None:
    classes = {r["class"].rsplit("#", 1)[-1]: int(r["entities"]) for r in rows(store, "entities-by-class")}
    assert classes["Agency"] > 20 and classes["Enterprise"] >= 12
    properties = {r["property"].rsplit("#", 1)[-1] for r in rows(store, "edges-by-property")}
    assert properties == {"responsibleFor", "funds", "partOf", "locatedIn"}
    top = rows(store, "top-agencies")[0]
    assert top["agency"] == "Hebei Provincial Department of Industry and Information Technology"


def test_syntax_errors_point_at_the_line_the_author_wrote(store) -> None:
    from graph.query import QueryError, run_query

    with pytest.raises(QueryError) as error:
        run_query(store, "SELECT ?x\nWHERE {\n  ?x gg:responsibleFor ?y .\n  FILTER(\n}")
    assert "5:" in str(error.value) or "line 5" in str(error.value), str(error.value)  # not 13 (8 prefix lines)
