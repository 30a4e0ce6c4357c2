"""Score a build against hand-annotated gold files (the format of ../shared/gold).

Matching is one-to-one per document: a predicted entity matches a gold entity of
the same class when any of its names (label or alias) has the same name key as
any gold name; each gold entity is matched at most once, so duplicates count as
false positives. A predicted relation is correct when its subject and object
matched gold entities that the gold file relates by the same property.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .model import ENTITY_CLASSES, RELATION_PROPERTIES
from .query import load_store, run_query
from .resolve import name_key

_ENTITIES = """
SELECT ?entity ?class ?name ?file WHERE {
  ?entity a ?class ; prov:wasDerivedFrom/gg:document/gg:fileName ?file .
  { ?entity rdfs:label ?name } UNION { ?entity skos:altLabel ?name }
  FILTER(STRSTARTS(STR(?class), STR(gg:)))
}"""
_RELATIONS = """
SELECT ?subject ?property ?object ?file WHERE {
  ?statement rdf:subject ?subject ; rdf:predicate ?property ; rdf:object ?object ;
             prov:wasDerivedFrom/gg:document/gg:fileName ?file .
}"""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    relations: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    documents: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)  # gold entities not found, "doc: class name"
    spurious: list[str] = field(default_factory=list)

    def total(self, table: dict[str, Counts]) -> Counts:
        return Counts(sum(c.tp for c in table.values()), sum(c.fp for c in table.values()),
                      sum(c.fn for c in table.values()))


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def evaluate(build: Path, gold_dir: Path) -> Score:
    store = load_store(build)
    predicted_names: dict[str, dict[str, tuple[str, set[str]]]] = defaultdict(dict)  # file -> iri -> (cls, names)
    for iri, cls_iri, name, file in run_query(store, _ENTITIES).rows:
        cls = cls_iri.rsplit("#", 1)[-1]
        if cls not in ENTITY_CLASSES:
            continue
        entry = predicted_names[_basename(file)].setdefault(iri, (cls, set()))
        entry[1].add(name)
    predicted_relations: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for subject, prop, obj, file in run_query(store, _RELATIONS).rows:
        predicted_relations[_basename(file)].add((subject, prop.rsplit("#", 1)[-1], obj))

    score = Score()
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise FileNotFoundError(f"{gold_dir}: no gold .json files")
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        document = _basename(gold["document"])
        score.documents.append(document)
        matched = _match_entities(gold["entities"], predicted_names.get(document, {}), score, document)
        gold_relations = {(r["subject"], r["predicate"], r["object"]) for r in gold.get("relations", [])}
        found: set[tuple[str, str, str]] = set()
        for subject, prop, obj in sorted(predicted_relations.get(document, set())):
            if prop not in RELATION_PROPERTIES:
                continue
            key = (matched.get(subject, ""), prop, matched.get(obj, ""))
            if key in gold_relations and key not in found:
                found.add(key)
                score.relations[prop].tp += 1
            else:
                score.relations[prop].fp += 1
        for _, prop, _ in gold_relations - found:
            score.relations[prop].fn += 1
    return score


def _match_entities(gold_entities: list[dict], predicted: dict[str, tuple[str, set[str]]], score: Score,
                    document: str) -> dict[str, str]:
    """Predicted IRI -> gold id, one to one; counts go into ``score``."""
    gold_keys = {g["id"]: (g["type"], {name_key(n, g["type"]) for n in g["names"]}) for g in gold_entities}
    matched: dict[str, str] = {}
    used: set[str] = set()
    for iri in sorted(predicted):
        cls, names = predicted[iri]
        keys = {name_key(n, cls) for n in names}
        for gold_id, (gold_cls, gold_names) in gold_keys.items():
            if gold_id not in used and gold_cls == cls and keys & gold_names:
                matched[iri] = gold_id
                used.add(gold_id)
                break
        if iri in matched:
            score.entities[cls].tp += 1
        else:
            score.entities[cls].fp += 1
            score.spurious.append(f"{document}: {cls} {sorted(names)[0]}")
    for gold in gold_entities:
        if gold["id"] not in used:
            score.entities[gold["type"]].fn += 1
            score.missed.append(f"{document}: {gold['type']} {gold['names'][0]}")
    return matched


def format_score(score: Score) -> str:
    lines = [f"Documents scored: {', '.join(score.documents)}", ""]
    for title, table, names in (("entities", score.entities, ENTITY_CLASSES),
                                ("relations", score.relations, RELATION_PROPERTIES)):
        lines.append(f"{title:16} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for name in names:
            c = table.get(name, Counts())
            lines.append(f"  {name:14} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}")
        t = score.total(table)
        lines.append(f"  {'ALL':14} {t.precision:9.3f} {t.recall:7.3f} {t.f1:6.3f} {t.tp:4} {t.fp:4} {t.fn:4}")
        lines.append("")
    if score.missed:
        lines += ["Missed (gold, not found):"] + [f"  {m}" for m in score.missed] + [""]
    if score.spurious:
        lines += ["Spurious (found, not in gold):"] + [f"  {s}" for s in score.spurious]
    return "\n".join(lines).rstrip() + "\n"


def score_as_json(score: Score) -> str:
    def table(t: dict[str, Counts]) -> dict:
        return {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
                for k, v in sorted(t.items())}

    return json.dumps({"documents": score.documents, "entities": table(score.entities),
                       "relations": table(score.relations), "missed": score.missed,
                       "spurious": score.spurious}, indent=2, ensure_ascii=False)

