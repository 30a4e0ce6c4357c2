"""The resolution key of a mention: what variants of one name have in common.

Computed in the map (graph.extract sets Mention.group), so that the reduce is a group-by on keys,
which a cluster engine can shuffle; the key forgives articles, quotes, plural heads, level words
("Municipal", "Provincial") and the word order of "People's Government of X Province".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Mention
from .script import has_han

_LEVEL_WORDS = {"municipal", "provincial", "city", "province", "county", "district", "prefecture"}
_SYNONYMS = {"laboratory": "lab", "centre": "center", "programme": "program", "sub-branch": "subbranch"}
_PLACE_SUFFIX = re.compile(r"\s+(?:new district|new area|hui district|autonomous region|autonomous prefecture|"
                           r"autonomous county|special administrative region|province|city|county|district|"
                           r"prefecture|municipality)$")
#: Classes whose Chinese mentions resolve by their English name, so both languages meet in one node
#: (an enterprise has one only when the vocabulary of well-known enterprises knows it, and then its
#: English mentions resolve by that English name too).
_LINKED_BY_TRANSLATION = ("Agency", "Place", "Enterprise")


_QUOTES = re.compile(r"[“”\"]")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_LEADING_ARTICLE_OR_YEAR = re.compile(r"^(?:the|a|an)\s+|^\d{4}\s+")
_PUNCTUATION = re.compile(r"[^\w\s'+\-]")
_OF_PLACE = re.compile(r"(.+?)\s+of\s+(?:the\s+)?(\w[\w'\-]*)\s+(?:province|city|county|district)$")


@lru_cache(maxsize=1 << 16)  # a corpus names the same things again and again
def name_key(name: str, cls: str = "") -> str:
    """The comparison key of a name: what variants of one name have in common."""
    key = name.lower().replace("’", "'").replace("‘", "'")
    key = _QUOTES.sub("", key)
    key = _PARENTHESES.sub("", key)  # "Event (Henan)", "industry (electronic appliances) cluster"
    key = _LEADING_ARTICLE_OR_YEAR.sub("", key)
    key = _PUNCTUATION.sub(" ", key)
    if cls == "Place":
        key = _PLACE_SUFFIX.sub("", " ".join(key.split()))
    if cls == "Agency":
        reordered = _OF_PLACE.match(key)
        if reordered and " of " not in reordered.group(1):
            key = f"{reordered.group(2)} {reordered.group(1)}"
        key = " ".join(w for w in key.split() if w not in _LEVEL_WORDS)
    words = [_SYNONYMS.get(w, w) for w in key.split()]
    if has_han(key):
        return "".join(words)  # Chinese has no spaces: quotes and marks removed, nothing else
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # plural heads: "Awards", "bonds"
    return " ".join(words)


def mention_key(mention: Mention) -> str:
    """The key a mention groups by: a Chinese agency or place by its English name (市财政局 in a
    Zhengzhou notice and "Zhengzhou Municipal Finance Bureau" are one node), anything else by its name."""
    if mention.translations and mention.cls in _LINKED_BY_TRANSLATION and (
            mention.language == "zh" or mention.cls == "Enterprise"):  # "BYD" is BYD Company Limited
        return name_key(mention.translations[0], mention.cls)
    return name_key(mention.name, mention.cls)
