"""Document -> Extraction, one pure function per language."""

from __future__ import annotations

from ..model import Document, Extraction, Jurisdiction
from .english import extract_english


def extract(document: Document) -> Extraction:
    """The mentions and relations of one document (the map stage; no shared state)."""
    if document.language == "zh":
        # Chinese extraction is issue 3; until then a Chinese document is read and
        # reported, and yields no mentions.
        return Extraction(document.doc_id, document.title, "zh", Jurisdiction(), (), (), len(document.text))
    return extract_english(document)
