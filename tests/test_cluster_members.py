"""cluster-members keeps each branch's members once before it reads labels or sorts: the rows are
those of the plain join (every cluster with every enterprise or lab of its place, kept DISTINCT only
after ORDER BY), which held every pair in memory (17 GB at 100k documents)."""

from __future__ import annotations

import pyoxigraph as ox

from graph.query import bind, query_text, run_query

#: The query as it was: what the rows must stay.
PLAIN_JOIN = """PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?member ?class ?how WHERE {
  VALUES ?cluster { "" }
  ?c a gg:Cluster ; rdfs:label|skos:altLabel ?clusterName .
  FILTER(?cluster = "" || STR(?clusterName) = ?cluster)
  ?m a ?k . FILTER(?k IN (gg:Enterprise, gg:Lab))
  { ?m gg:partOf|gg:locatedIn ?c . BIND("member" AS ?how) }
  UNION
  { ?c gg:locatedIn ?place . ?m gg:locatedIn ?place . BIND("same place" AS ?how) }
  ?m rdfs:label ?member . BIND(STRAFTER(STR(?k), "#") AS ?class)
} ORDER BY ?how ?class ?member
"""

GG, ID = "https://w3id.org/govgraph/ontology#", "https://w3id.org/govgraph/id/"
RDFS, SKOS = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"


def _store() -> ox.Store:
    """Two clusters in Hebi (one with an alias), one in Zhengzhou; enterprises and labs in those
    places, one part of a cluster, one in a place of no cluster, one both a member and of the same
    place; two enterprises with one label; an agency in Hebi (neither class)."""
    lines = []

    def entity(key: str, cls: str, label: str, *aliases: str) -> None:
        lines.append(f"<{ID}{key}> a <{GG}{cls}> ; <{RDFS}label> {label!r} .".replace("'", '"'))
        lines.extend(f'<{ID}{key}> <{SKOS}altLabel> "{alias}" .' for alias in aliases)

    def edge(subject: str, predicate: str, obj: str) -> None:
        lines.append(f"<{ID}{subject}> <{GG}{predicate}> <{ID}{obj}> .")

    for place in ("hebi", "zhengzhou", "luoyang"):
        entity(place, "Place", place.title())
    entity("c1", "Cluster", "Hebi magnesium cluster", "Magnesium base")
    entity("c2", "Cluster", "Hebi electronics cluster")
    entity("c3", "Cluster", "Zhengzhou auto cluster")
    for cluster, place in (("c1", "hebi"), ("c2", "hebi"), ("c3", "zhengzhou")):
        edge(cluster, "locatedIn", place)
    entity("e1", "Enterprise", "Hebi Magnesium Co")
    edge("e1", "partOf", "c1")
    edge("e1", "locatedIn", "hebi")
    entity("e2", "Enterprise", "Hebi Wire Co")
    edge("e2", "locatedIn", "hebi")
    entity("e3", "Enterprise", "Same Name Co")
    edge("e3", "locatedIn", "zhengzhou")
    entity("e4", "Enterprise", "Same Name Co")
    edge("e4", "locatedIn", "hebi")
    entity("l1", "Lab", "Mozi Laboratory")
    edge("l1", "locatedIn", "hebi")
    entity("l2", "Lab", "Luoyang Lab")
    edge("l2", "locatedIn", "luoyang")
    entity("l3", "Lab", "Auto Lab")
    edge("l3", "locatedIn", "c3")
    entity("a1", "Agency", "Hebi Finance Bureau")
    edge("a1", "locatedIn", "hebi")
    store = ox.Store()
    store.load("\n".join(lines).encode(), format=ox.RdfFormat.TURTLE)
    return store


def test_cluster_members_are_the_rows_of_the_plain_join() -> None:
    store = _store()
    for binds in ([], ["cluster=Hebi magnesium cluster"], ["cluster=Magnesium base"],
                  ["cluster=Zhengzhou auto cluster"], ["cluster=No such cluster"]):
        assert run_query(store, bind(query_text("cluster-members"), binds)).rows == \
            run_query(store, bind(PLAIN_JOIN, binds)).rows, binds
    assert run_query(store, query_text("cluster-members")).rows == [
        ["Hebi Magnesium Co", "Enterprise", "member"],
        ["Auto Lab", "Lab", "member"],
        ["Hebi Magnesium Co", "Enterprise", "same place"],
        ["Hebi Wire Co", "Enterprise", "same place"],
        ["Same Name Co", "Enterprise", "same place"],  # two enterprises (Hebi, Zhengzhou), one row, as before
        ["Mozi Laboratory", "Lab", "same place"],
    ]
    assert run_query(store, bind(query_text("cluster-members"), ["cluster=Magnesium base"])).rows == [
        ["Hebi Magnesium Co", "Enterprise", "member"], ["Hebi Magnesium Co", "Enterprise", "same place"],
        ["Hebi Wire Co", "Enterprise", "same place"], ["Same Name Co", "Enterprise", "same place"],
        ["Mozi Laboratory", "Lab", "same place"]]


def test_many_clusters_in_one_place_are_not_joined_with_each_member() -> None:
    """300 clusters and 3,000 enterprises in one place: 900,000 cluster-member pairs for the plain
    join, which took 39 s and 0.7 GB here, holding every pair until it had sorted them; one place to join
    with 3,000 enterprises now."""
    import time

    lines = [f'<{ID}hebi> a <{GG}Place> ; <{RDFS}label> "Hebi" .']
    for i in range(300):
        lines.append(f'<{ID}c{i}> a <{GG}Cluster> ; <{RDFS}label> "Cluster {i}" ; <{SKOS}altLabel> "C{i}" ; '
                     f'<{GG}locatedIn> <{ID}hebi> .')
    for i in range(3000):
        lines.append(f'<{ID}e{i}> a <{GG}Enterprise> ; <{RDFS}label> "Enterprise {i:04}" ; <{GG}locatedIn> <{ID}hebi> .')
    store = ox.Store()
    store.load("\n".join(lines).encode(), format=ox.RdfFormat.TURTLE)
    started = time.perf_counter()
    rows = run_query(store, query_text("cluster-members")).rows
    assert time.perf_counter() - started < 2
    assert rows == [[f"Enterprise {i:04}", "Enterprise", "same place"] for i in range(3000)]
