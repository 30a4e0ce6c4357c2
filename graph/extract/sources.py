"""Where a mention was read: one Source per sentence, shared by every mention in it."""

from __future__ import annotations

from ..model import Sentence, Source


class SentenceSources:
    """Hands out one Source object per sentence of a document, so a worker's results pickle
    each sentence once however many mentions cite it."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self._by_index: dict[int, Source] = {}

    def __call__(self, sentence: Sentence) -> Source:
        source = self._by_index.get(sentence.index)
        if source is None:
            source = self._by_index[sentence.index] = Source(self.doc_id, sentence.text, sentence.start, sentence.end)
        return source
