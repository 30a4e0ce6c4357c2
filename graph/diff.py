"""What changed between two builds: entities and edges added, removed and changed.

Entities are compared by id (ids come from names, so the same name gives the same
id in both builds) and edges by (subject, property, object). An entity or edge in
both builds is changed when its label, aliases or amounts differ (3.55 -> 4 billion).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx


@dataclass
class GraphDiff:
    added_entities: list[dict] = field(default_factory=list)
    removed_entities: list[dict] = field(default_factory=list)
    added_edges: list[dict] = field(default_factory=list)
    removed_edges: list[dict] = field(default_factory=list)
    changed_entities: list[dict] = field(default_factory=list)  # id, what, before, after
    changed_edges: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"added": {"entities": self.added_entities, "edges": self.added_edges},
                "removed": {"entities": self.removed_entities, "edges": self.removed_edges},
                "changed": {"entities": self.changed_entities, "edges": self.changed_edges}}


def _entity(graph: nx.MultiDiGraph, entity_id: str) -> dict:
    data = graph.nodes[entity_id]
    return {"id": entity_id, "class": data["cls"], "label": data["label"]}


def _edge(graph: nx.MultiDiGraph, edge: tuple[str, str, str]) -> dict:
    subject, obj, predicate = edge
    return {"subject": subject, "property": predicate, "object": obj,
            "subject_label": graph.nodes[subject]["label"], "object_label": graph.nodes[obj]["label"]}


def _amounts(data: dict) -> str:
    return "; ".join(f"{a['yuan']} ({a['text']})" for a in sorted(data.get("amounts", []),
                                                                  key=lambda a: (str(a["yuan"]), a["text"])))


_ENTITY_FIELDS = (("label", lambda d: d.get("label", "")),
                  ("aliases", lambda d: "; ".join(sorted(d.get("aliases", [])))),
                  ("amounts", _amounts))
_EDGE_FIELDS = (("amounts", _amounts),)  # an edge has no label or aliases of its own


def _changes(old: dict, new: dict, fields=_ENTITY_FIELDS) -> list[tuple[str, str, str]]:
    """(what, before, after) for each of ``fields`` (what, how to read it) that differs."""
    found = []
    for what, read in fields:
        was, now = read(old), read(new)
        if was != now:
            found.append((what, was, now))
    return found


def diff_graphs(before: nx.MultiDiGraph, after: nx.MultiDiGraph) -> GraphDiff:
    old_nodes, new_nodes = set(before.nodes), set(after.nodes)
    old_edges, new_edges = set(before.edges(keys=True)), set(after.edges(keys=True))
    by_edge = lambda e: (e[0], e[2], e[1])  # noqa: E731 - subject, property, object
    changed_entities = [{**_entity(after, n), "what": what, "before": old, "after": new}
                        for n in sorted(old_nodes & new_nodes)
                        for what, old, new in _changes(before.nodes[n], after.nodes[n])]
    changed_edges = [{**_edge(after, e), "what": what, "before": old, "after": new}
                     for e in sorted(old_edges & new_edges, key=by_edge)
                     for what, old, new in _changes(before.edges[e], after.edges[e], _EDGE_FIELDS)]
    return GraphDiff(
        added_entities=[_entity(after, n) for n in sorted(new_nodes - old_nodes)],
        removed_entities=[_entity(before, n) for n in sorted(old_nodes - new_nodes)],
        added_edges=[_edge(after, e) for e in sorted(new_edges - old_edges, key=by_edge)],
        removed_edges=[_edge(before, e) for e in sorted(old_edges - new_edges, key=by_edge)],
        changed_entities=changed_entities,
        changed_edges=changed_edges,
    )
