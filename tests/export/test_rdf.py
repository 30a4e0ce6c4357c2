from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
import rdflib
import rdflib.compare

from graph.build import SAMPLE_CORPUS, build
from graph.query import ONTOLOGY_DIR, load_store, run_query

GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")


def test_sample_build_conforms_to_the_shapes(sample_build) -> None:
    data = rdflib.Graph().parse(sample_build.output / "graph.ttl")
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "govgraph.ttl")
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, report


def test_shapes_reject_a_statement_without_a_source(sample_build) -> None:
    data = rdflib.Graph().parse(sample_build.output / "graph.ttl")
    statement = next(data.subjects(rdflib.RDF.type, rdflib.RDF.Statement))
    data.remove((statement, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "govgraph.ttl")
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert not conforms


def test_ontology_defines_the_schema_names_in_english_and_chinese() -> None:
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "govgraph.ttl")
    for name in ("Agency", "Program", "Enterprise", "Cluster", "Lab", "Fund", "Place",
                 "responsibleFor", "funds", "partOf", "locatedIn"):
        languages = {label.language for label in ontology.objects(GG[name], rdflib.RDFS.label)}
        assert {"en", "zh"} <= languages, name


def test_funding_amount_is_a_decimal_with_text_and_source(sample_build) -> None:
    store = load_store(sample_build.output)
    table = run_query(store, """
        SELECT ?yuan ?text ?sentence WHERE {
          ?st rdf:subject <https://w3id.org/govgraph/id/agency/hefei-municipal-finance-bureau> ; rdf:predicate gg:funds ;
              gg:amount ?a ; prov:wasDerivedFrom/gg:sentence ?sentence .
          ?a gg:yuan ?yuan ; gg:amountText ?text . FILTER(datatype(?yuan) = xsd:decimal)
        }""")
    assert table.rows == [["50000000", "50 million yuan",
                           "The Municipal Finance Bureau provided 50 million yuan to the Hefei Quantum Innovation "
                           "Center for shared equipment."]]
    assert Decimal(table.rows[0][0]) == Decimal("5E+7")


def test_every_statement_iri_is_computable_from_its_triple_in_sparql(sample_build) -> None:
    """Named queries reach an edge's sources by computing its statement's IRI (no join over all statements)."""
    store = load_store(sample_build.output)
    table = run_query(store, """
        SELECT (COUNT(*) AS ?statements) (SUM(IF(?st = ?computed, 1, 0)) AS ?matching) WHERE {
          ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
          BIND(IRI(CONCAT("https://w3id.org/govgraph/id/statement/",
               SUBSTR(SHA1(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o))), 1, 16))) AS ?computed)
        }""")
    statements, matching = map(int, table.rows[0])
    assert statements > 20 and matching == statements


def test_labels_and_aliases_are_language_tagged(sample_build) -> None:
    data = rdflib.Graph().parse(sample_build.output / "graph.ttl")
    bureau = rdflib.URIRef("https://w3id.org/govgraph/id/agency/hebi-municipal-finance-bureau")
    assert data.value(bureau, rdflib.RDFS.label) == rdflib.Literal("Hebi Municipal Finance Bureau", lang="en")
    assert rdflib.Literal("Municipal Finance Bureau", lang="en") in set(
        data.objects(bureau, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#altLabel")))


def test_jsonld_holds_the_same_triples_as_turtle(sample_build) -> None:
    turtle = rdflib.Graph().parse(sample_build.output / "graph.ttl")
    jsonld = rdflib.Graph().parse(sample_build.output / "graph.jsonld", format="json-ld")
    assert len(turtle) == len(jsonld) > 100
    assert rdflib.compare.isomorphic(turtle, jsonld)


def test_same_input_gives_byte_identical_outputs(tmp_path: Path) -> None:
    first = build([SAMPLE_CORPUS], tmp_path / "one", title="t", workers=1).output
    second = build([SAMPLE_CORPUS], tmp_path / "two", title="t", workers=2).output
    names = sorted(p.name for p in first.iterdir() if p.is_file())  # the cache folder aside
    assert names == sorted(p.name for p in second.iterdir() if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_english_and_chinese_names_of_one_agency_are_one_node_with_tagged_labels(sample_build) -> None:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(sample_build.output / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    rows = store.query("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name WHERE { <https://w3id.org/govgraph/id/agency/hebi-municipal-finance-bureau>
                             rdfs:label|skos:altLabel ?name }""")
    names = {(row["name"].value, row["name"].language) for row in rows}
    assert {("Hebi Municipal Finance Bureau", "en"), ("鹤壁市财政局", "zh"), ("市财政局", "zh")} <= names


def test_jsonld_is_compact_with_the_ontology_s_context(sample_build) -> None:
    import json

    document = json.loads((sample_build.output / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["gg"] == "https://w3id.org/govgraph/ontology#"
    bureau = next(n for n in document["@graph"] if n["@id"] == "id:agency/hebi-municipal-finance-bureau")
    assert bureau["@type"] == ["gg:Agency"] and "gg:responsibleFor" in bureau


def test_streamed_ntriples_in_sorted_runs_equal_the_in_memory_ones(sample_build, tmp_path: Path) -> None:
    from graph.export.rdf import ntriples, read_ntriples, shard_paths, write_ntriples

    expected = ntriples(sample_build.graph)
    lines = expected.count(b"\n")
    for run_lines in (7, 500, lines + 1):  # many runs merged (with duplicates across runs), a few, one
        folder = tmp_path / f"graph-{run_lines}"
        assert write_ntriples(sample_build.graph, folder, run_lines=run_lines) == lines
        assert [p.name for p in shard_paths(folder)] == ["part-00000.nt"]
        assert read_ntriples(folder) == expected, run_lines
    # the runs and the partial folder are gone: only the shard folders are left
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"graph-{n}" for n in (7, 500, lines + 1))


def test_shards_in_name_order_are_the_sorted_ntriples(sample_build, tmp_path: Path) -> None:
    from graph.export.rdf import ntriples, shard_paths, write_ntriples

    expected = ntriples(sample_build.graph)
    lines = expected.count(b"\n")
    for run_lines, shard_lines in ((50, 97), (lines + 1, 97), (50, lines)):  # merged or one run, split or not
        folder = tmp_path / f"shards-{run_lines}-{shard_lines}"
        assert write_ntriples(sample_build.graph, folder, run_lines=run_lines, shard_lines=shard_lines) == lines
        shards = shard_paths(folder)
        assert len(shards) == -(-lines // shard_lines)  # as many as it takes, none empty
        assert len(shards) > 1 or shard_lines == lines
        assert [p.name for p in shards] == [f"part-{i:05d}.nt" for i in range(len(shards))]
        assert all(p.read_bytes().count(b"\n") == shard_lines for p in shards[:-1])
        assert b"".join(p.read_bytes() for p in shards) == expected, (run_lines, shard_lines)
        assert sorted(p.name for p in folder.iterdir()) == [p.name for p in shards]  # no runs left inside


def test_shards_are_complete_or_absent(sample_build, tmp_path: Path, monkeypatch) -> None:
    import graph.export.rdf as rdf

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(rdf, "_merge_into_shards", broken)
    with pytest.raises(OSError, match="disk full"):
        rdf.write_ntriples(sample_build.graph, tmp_path / "shards", run_lines=50)
    assert list(tmp_path.iterdir()) == []


def test_turtle_and_jsonld_streamed_from_the_shards_equal_those_from_bytes(sample_build, tmp_path: Path) -> None:
    from graph.export.rdf import ntriples, write_jsonld, write_ntriples, write_turtle

    document = ntriples(sample_build.graph)
    write_ntriples(sample_build.graph, tmp_path / "shards", run_lines=50, shard_lines=64)
    write_turtle(sample_build.graph, tmp_path / "from-bytes.ttl", document)
    write_turtle(sample_build.graph, tmp_path / "from-shards.ttl", tmp_path / "shards")
    write_jsonld(sample_build.graph, tmp_path / "from-bytes.jsonld", document)
    write_jsonld(sample_build.graph, tmp_path / "from-shards.jsonld", tmp_path / "shards")
    assert (tmp_path / "from-shards.ttl").read_bytes() == (tmp_path / "from-bytes.ttl").read_bytes()
    assert (tmp_path / "from-shards.jsonld").read_bytes() == (tmp_path / "from-bytes.jsonld").read_bytes()
    assert (tmp_path / "from-shards.ttl").read_bytes() == (sample_build.output / "graph.ttl").read_bytes()
    assert (tmp_path / "from-shards.jsonld").read_bytes() == (sample_build.output / "graph.jsonld").read_bytes()


def test_a_build_leaves_no_ntriples_or_sorted_runs_behind(sample_build) -> None:
    hidden = [p.name for p in sample_build.output.iterdir() if p.name.startswith(".")]
    assert hidden == [".govgraph-cache"]


def test_a_ceiling_is_flagged_on_its_amount_and_a_sum_paid_is_not(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "lishui.txt").write_text(
        "Lishui sellers\n\nThe Lishui Bureau of Commerce will provide up to 1 million yuan to the Lishui Global "
        "Sellers Program. The Zhejiang Provincial Department of Finance allocated 2 million yuan to the Lishui "
        "Trade Fund.\n", encoding="utf-8")
    (corpus / "quzhou.txt").write_text(
        "衢州市支持跨境电商发展的若干措施\n\n一、支持平台建设。由市财政局对衢州跨境电商公共服务平台给予最高200万元补助。\n",
        encoding="utf-8")
    store = load_store(build([corpus], tmp_path / "out", title="t", workers=1).output)
    table = run_query(store, """
        SELECT ?text ?ceiling WHERE {
          ?st rdf:predicate gg:funds ; gg:amount ?a .
          ?a gg:amountText ?text . OPTIONAL { ?a gg:ceiling ?ceiling }
        } ORDER BY ?text""")
    assert table.rows == [["2 million yuan", ""], ["200万元", "true"], ["up to 1 million yuan", "true"]]
