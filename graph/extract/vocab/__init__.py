"""Load the editable vocabularies (TOML) that drive extraction."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

VOCAB_DIR = Path(__file__).parent


def load_toml(name: str) -> dict:
    with (VOCAB_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so "Leading Group" beats "Group"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class EnglishVocabulary:
    heads: dict[str, tuple[str, ...]]
    head_pattern: re.Pattern[str]  # matches a head at the end of a phrase
    head_class: dict[str, str]  # lowercased head -> class
    lowercase_heads: dict[str, str]  # lowercased head -> class
    lowercase_head_pattern: re.Pattern[str]
    min_modifiers_definite: int
    min_modifiers_indefinite: int
    max_modifiers: int
    quoted_type_nouns: dict[str, str]
    quoted_preceding_nouns: dict[str, str]
    place_suffixes: dict[str, str]
    provinces: dict[str, str]  # short name -> label
    place_pattern: re.Pattern[str]  # "<Name> City", "<Name> New District", ...
    province_pattern: re.Pattern[str]  # a province's short name standing alone
    part_heads: frozenset[str]
    level_adjectives: dict[str, str]
    responsibility_markers: tuple[str, ...]
    responsibility_verbs: tuple[str, ...]
    receive_verbs: tuple[str, ...]
    give_verbs: tuple[str, ...]
    generic_phrases: frozenset[str]
    generic_modifiers: frozenset[str]
    sentence_starters: frozenset[str]
    not_names: frozenset[str]
    standalone_terms: dict[str, str]


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): cls for cls, words in table.items() for word in words}


@lru_cache(maxsize=1)
def english() -> EnglishVocabulary:
    data = load_toml("english.toml")
    heads = {cls: tuple(words) for cls, words in data["heads"].items()}
    all_heads = [w for words in heads.values() for w in words]
    lower = data["lowercase"]
    lowercase_heads = _invert(lower["heads"])
    return EnglishVocabulary(
        heads=heads,
        head_pattern=re.compile(rf"(?:^|(?<=[\s\-]))({_alternation(all_heads)})$", re.IGNORECASE),
        head_class=_invert(data["heads"]),
        lowercase_heads=lowercase_heads,
        lowercase_head_pattern=re.compile(rf"\b({_alternation(list(lowercase_heads))})\b"),
        min_modifiers_definite=lower["min_modifiers_definite"],
        min_modifiers_indefinite=lower["min_modifiers_indefinite"],
        max_modifiers=lower["max_modifiers"],
        quoted_type_nouns=_invert(data["quoted_type_nouns"]),
        quoted_preceding_nouns=_invert(data["quoted_preceding_nouns"]),
        place_suffixes=data["places"]["suffixes"],
        provinces=dict(data["places"]["provinces"]),
        place_pattern=re.compile(r"\b((?:[A-Z][a-z'’\-]+)(?:\s[A-Z][a-z'’\-]+)?)\s+(%s)\b"
                                 % _alternation(list(data["places"]["suffixes"]))),
        province_pattern=re.compile(r"\b(%s)\b(?!\s+Province)" % _alternation(list(data["places"]["provinces"]))),
        part_heads=frozenset(h.lower() for h in data["part_of"]["heads"]),
        level_adjectives=data["places"]["level_adjectives"],
        responsibility_markers=tuple(data["responsibility"]["clause_markers"]),
        responsibility_verbs=tuple(data["responsibility"]["verbs"]),
        receive_verbs=tuple(data["funding"]["receive_verbs"]),
        give_verbs=tuple(data["funding"]["give_verbs"]),
        generic_phrases=frozenset(p.lower() for p in data["generic"]["phrases"]),
        generic_modifiers=frozenset(data["generic"]["modifiers"]),
        sentence_starters=frozenset(data["generic"]["sentence_starters"]),
        not_names=frozenset(data["generic"]["not_names"]),
        standalone_terms=_invert(lower.get("terms", {})),
    )
