"""The hierarchy of national organs a document names, for both languages' extractors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Mention


def organ_parts(mentions: Iterable[Mention], parents: dict[str, str]) -> Iterator[tuple[Mention, Mention]]:
    """(part, whole) for each national organ whose name holds the organ over it (国务院办公厅 of 国务院,
    General Office of the State Council of the State Council), where the document names both: the
    first mention of each. That a ministry is the State Council's too, the text does not say."""
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.cls == "Agency":
            first.setdefault(mention.name, mention)
    for name, mention in first.items():
        whole = first.get(parents.get(name, ""))
        if whole is not None and whole.name in name:
            yield mention, whole
