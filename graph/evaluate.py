"""Score a build against hand-annotated gold files (the format of ../shared/gold).

Matching is one-to-one per document: a predicted entity matches a gold entity of
the same class when any of its names (label or alias) has the same name key as
any gold name; each gold entity is matched at most once, so duplicates count as
false positives. In strict mode only canonical names count: the predicted label
against the gold's first name, so a junk label with one right alias fails. A
predicted relation is correct when its subject and object matched gold entities
that the gold file relates by the same property. Only the four core properties
are counted.

Scores are kept per document and summed by language, so a report can show the
tuning and checking halves of a gold set, and each language, side by side.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .keys import name_key
from .model import ENTITY_CLASSES, RELATION_PROPERTIES
from .query import load_store, run_query

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_ENTITIES = """
SELECT ?entity ?class ?label ?name ?file WHERE {
  ?entity a ?class ; rdfs:label ?label ; prov:wasDerivedFrom/gg:document/gg:fileName ?file .
  { ?entity rdfs:label ?name } UNION { ?entity skos:altLabel ?name }
  FILTER(STRSTARTS(STR(?class), STR(gg:)))
}"""
_DOCUMENTS = """SELECT DISTINCT ?file WHERE { ?document gg:fileName ?file }"""
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

    def __iadd__(self, other: Counts) -> Counts:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self


def _table() -> dict[str, Counts]:
    return defaultdict(Counts)


@dataclass
class DocumentScore:
    document: str
    language: str
    entities: dict[str, Counts] = field(default_factory=_table)
    relations: dict[str, Counts] = field(default_factory=_table)
    missed: list[str] = field(default_factory=list)  # gold entities not found, "class name"
    spurious: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)  # "subject property object", gold names
    spurious_relations: list[str] = field(default_factory=list)  # "subject property object", labels


@dataclass
class Score:
    per_document: list[DocumentScore] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return [d.document for d in self.per_document]

    @property
    def languages(self) -> list[str]:
        return sorted({d.language for d in self.per_document})

    def _sum(self, attribute: str, language: str | None) -> dict[str, Counts]:
        summed = _table()
        for doc in self.per_document:
            if language is None or doc.language == language:
                for name, counts in getattr(doc, attribute).items():
                    summed[name] += counts
        return summed

    def entities(self, language: str | None = None) -> dict[str, Counts]:
        return self._sum("entities", language)

    def relations(self, language: str | None = None) -> dict[str, Counts]:
        return self._sum("relations", language)

    @staticmethod
    def total(table: dict[str, Counts]) -> Counts:
        summed = Counts()
        for counts in table.values():
            summed += counts
        return summed

    def _listed(self, attribute: str) -> list[str]:
        """A per-document list of every document, each item after its document's name."""
        return [f"{d.document}: {item}" for d in self.per_document for item in getattr(d, attribute)]

    @property
    def missed(self) -> list[str]:
        return self._listed("missed")

    @property
    def spurious(self) -> list[str]:
        return self._listed("spurious")

    @property
    def spurious_relations(self) -> list[str]:
        return self._listed("spurious_relations")

    @property
    def missed_relations(self) -> list[str]:
        return self._listed("missed_relations")


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Gold .json files from folders and single files, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(path.glob("*.json"))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such gold file or folder")
    if not found:
        raise FileNotFoundError(f"{', '.join(map(str, paths))}: no gold .json files")
    return sorted(found, key=lambda p: p.name)


def split_documents(split_file: Path, half: str) -> set[str]:
    """The document stems of one half ("tuning", "checking") of a split file."""
    try:
        split = tomllib.loads(split_file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise FileNotFoundError(f"{split_file}: cannot read the split: {error}") from error
    if half not in split:
        raise FileNotFoundError(f"{split_file}: no half named {half!r} (has {', '.join(sorted(split))})")
    return set(split[half]["documents"])


def evaluate(build: Path, gold: Path | Iterable[Path], strict: bool = False,
             only: set[str] | None = None) -> Score:
    """Score ``build`` against gold files; ``only`` keeps the documents whose stem it names."""
    store = load_store(build)
    predicted_names: dict[str, dict[str, tuple[str, str, set[str]]]] = defaultdict(dict)  # file -> iri -> ...
    for iri, cls_iri, label, name, file in run_query(store, _ENTITIES).rows:
        cls = cls_iri.rsplit("#", 1)[-1]
        if cls not in ENTITY_CLASSES:
            continue
        entry = predicted_names[_basename(file)].setdefault(iri, (cls, label, set()))
        entry[2].add(label if strict else name)
    built = {_basename(row[0]) for row in run_query(store, _DOCUMENTS).rows}  # read, whatever they yielded
    predicted_relations: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for subject, prop, obj, file in run_query(store, _RELATIONS).rows:
        predicted_relations[_basename(file)].add((subject, prop.rsplit("#", 1)[-1], obj))

    score = Score()
    for gold_file in gold_files([gold] if isinstance(gold, Path) else list(gold)):
        if only is not None and gold_file.stem not in only:
            continue
        try:
            gold_doc = json.loads(gold_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            score.warnings.append(f"{gold_file}: not read: {error}")
            continue
        document = _basename(gold_doc["document"])
        if document not in built:
            score.warnings.append(f"{document}: in the gold but not in the build (scored as all missed)")
        doc_score = DocumentScore(document, gold_doc.get("language", "en"))
        score.per_document.append(doc_score)
        matched = _match_entities(gold_doc["entities"], predicted_names.get(document, {}), doc_score, strict)
        gold_relations = {(r["subject"], r["predicate"], r["object"]) for r in gold_doc.get("relations", [])
                          if r["predicate"] in RELATION_PROPERTIES}
        found: set[tuple[str, str, str]] = set()
        labels = predicted_names.get(document, {})
        for subject, prop, obj in sorted(predicted_relations.get(document, set())):
            if prop not in RELATION_PROPERTIES:
                continue
            key = (matched.get(subject, ""), prop, matched.get(obj, ""))
            if key in gold_relations and key not in found:
                found.add(key)
                doc_score.relations[prop].tp += 1
            else:
                doc_score.relations[prop].fp += 1
                doc_score.spurious_relations.append(
                    f"{labels.get(subject, ('', subject))[1]} {prop} {labels.get(obj, ('', obj))[1]}")
        names = {g["id"]: g["names"][0] for g in gold_doc["entities"]}
        for subject, prop, obj in sorted(gold_relations - found):
            doc_score.relations[prop].fn += 1
            doc_score.missed_relations.append(f"{names.get(subject, subject)} {prop} {names.get(obj, obj)}")
    if only is not None:
        scored = {Path(d).stem for d in score.documents}
        score.warnings += [f"{stem}: named in the split but no gold file holds it" for stem in sorted(only - scored)]
    return score


def _match_entities(gold_entities: list[dict], predicted: dict[str, tuple[str, str, set[str]]],
                    score: DocumentScore, strict: bool) -> dict[str, str]:
    """Predicted IRI -> gold id, one to one; counts go into ``score``."""
    gold_keys = {g["id"]: (g["type"], {name_key(n, g["type"]) for n in (g["names"][:1] if strict else g["names"])})
                 for g in gold_entities}
    matched: dict[str, str] = {}
    used: set[str] = set()
    for iri in sorted(predicted):
        cls, label, names = predicted[iri]
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
            score.spurious.append(f"{cls} {label}")
    for gold in gold_entities:
        if gold["id"] not in used:
            score.entities[gold["type"]].fn += 1
            score.missed.append(f"{gold['type']} {gold['names'][0]}")
    return matched


def _score_table(title: str, table: dict[str, Counts], names: Iterable[str]) -> list[str]:
    lines = [f"{title:16} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name in names:
        c = table.get(name, Counts())
        lines.append(f"  {name:14} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}")
    t = Score.total(table)
    lines.append(f"  {'ALL':14} {t.precision:9.3f} {t.recall:7.3f} {t.f1:6.3f} {t.tp:4} {t.fp:4} {t.fn:4}")
    return lines


def format_score(score: Score, details: bool = True) -> str:
    lines = [f"Documents scored: {', '.join(score.documents)}", ""]
    lines += [f"warning: {w}" for w in score.warnings] + ([""] if score.warnings else [])
    for language in [None, *score.languages] if len(score.languages) > 1 else [None]:
        heading = "all languages" if language is None else f"language {language}"
        lines += [f"== {heading} =="]
        lines += _score_table("entities", score.entities(language), ENTITY_CLASSES)
        lines += _score_table("relations", score.relations(language), RELATION_PROPERTIES) + [""]
    lines.append(f"{'by document':52} {'entity F1':>9} {'relation F1':>11}")
    for doc in score.per_document:
        entities, relations = Score.total(doc.entities), Score.total(doc.relations)
        lines.append(f"  {doc.document:50} {entities.f1:9.3f} {relations.f1:11.3f}")
    lines.append("")
    if details and score.missed:
        lines += ["Missed (gold, not found):"] + [f"  {m}" for m in score.missed] + [""]
    if details and score.spurious:
        lines += ["Spurious (found, not in gold):"] + [f"  {s}" for s in score.spurious] + [""]
    if details and score.missed_relations:
        lines += ["Missed relations (gold, not found):"] + [f"  {r}" for r in score.missed_relations] + [""]
    if details and score.spurious_relations:
        lines += ["Spurious relations (found, not in gold):"] + [f"  {r}" for r in score.spurious_relations]
    return "\n".join(lines).rstrip() + "\n"


def _counts_json(table: dict[str, Counts]) -> dict:
    rows = {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
            for k, v in sorted(table.items())}
    t = Score.total(table)
    rows["ALL"] = {"precision": t.precision, "recall": t.recall, "f1": t.f1, "tp": t.tp, "fp": t.fp, "fn": t.fn}
    return rows


def score_as_json(score: Score) -> str:
    return json.dumps({
        "documents": score.documents, "warnings": score.warnings,
        "entities": _counts_json(score.entities()), "relations": _counts_json(score.relations()),
        "by_language": {lang: {"entities": _counts_json(score.entities(lang)),
                               "relations": _counts_json(score.relations(lang))} for lang in score.languages},
        "by_document": {d.document: {"language": d.language, "entities": _counts_json(d.entities),
                                     "relations": _counts_json(d.relations)} for d in score.per_document},
        "missed": score.missed, "spurious": score.spurious, "missed_relations": score.missed_relations,
        "spurious_relations": score.spurious_relations,
    }, indent=2, ensure_ascii=False)
