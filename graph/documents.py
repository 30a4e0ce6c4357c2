"""Files to Documents: find, decode, strip markup, detect language, split sentences.

The only module of the pipeline that touches document files. Every problem with a
file becomes a ReadFailure naming the file, never an exception that stops a build.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Document, ReadFailure, Sentence
from .script import HAN, has_han

SUFFIXES = (".txt", ".md", ".html", ".htm")

_LATIN = re.compile(r"[A-Za-z]+")
_ASCII_LETTERS = string.ascii_letters.encode()
_ITEM_MARKER = re.compile(r"(?:^|\s|\))\(?\d{1,2}\.$")
# English sentence ends: . ! ? followed by space and an opener; a numbered-item
# marker ("1. ") or a known abbreviation does not end a sentence.
# (It opens with the stop itself, not a lookbehind, so the regex engine can skip to the stops.)
_EN_END = re.compile(r"[.!?](?P<close>[”\"’)]?)\s+(?=[“\"(‘A-Z0-9])")
_ZH_END = re.compile(r"(?<=[。！？；!?;])")
_ABBREVIATIONS = ("Co.", "Ltd.", "No.", "Inc.", "Corp.", "Mr.", "Ms.", "Dr.", "St.", "e.g.", "i.e.", "etc.",
                  "vs.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every document file under the paths, sorted so builds are deterministic."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.add(path)
    return sorted(found)


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM or not) first, else the detected legacy encoding.

    Raises ValueError with the reason when the bytes are not text.
    """
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data:  # anywhere: a text padded with NULs past its first block is no text
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = from_bytes(data).best()
    if match is None:
        raise ValueError("cannot decode: not UTF-8 and no known encoding fits")
    text = str(match)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(text) * 0.01:
        raise ValueError("binary file (control characters)")
    return text


class _TextOfHTML(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "title", "table", "ul", "ol", "header", "footer", "blockquote"}
    _SKIPPED = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHTML()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n\n".join(line for line in lines if line)


def markdown_to_text(markdown: str) -> str:
    # links and images keep their text; bounded, with no bracket inside, so "![![![…" stays linear
    text = re.sub(r"!?\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)", r"\1", markdown)
    text = re.sub(r"^\s{0,3}(#{1,6}|>|[-*+])\s+", "", text, flags=re.M)
    return re.sub(r"(\*\*|__|`)", "", text)


def detect_language(text: str) -> str:
    if not has_han(text):
        return "en"
    if not _LATIN.search(text):
        return "zh"
    cjk = sum(map(len, HAN.findall(text)))
    encoded = text.encode("utf-8", "surrogatepass")  # ASCII letters are single bytes in UTF-8:
    latin = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))  # counted in C, not as words
    return "zh" if cjk and cjk * 3 >= latin else "en"


def _english_sentence_spans(paragraph: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in _EN_END.finditer(paragraph):
        stop = boundary.start() + 1  # just after the . ! or ?
        if (paragraph.endswith(_ABBREVIATIONS, start, stop)
                or _ITEM_MARKER.search(paragraph[max(start, stop - 6):stop])):  # the marker is at most 5 long
            continue  # "Co." or a numbered-item marker "1."
        yield start, stop + len(boundary.group("close"))
        start = boundary.end()
    yield start, len(paragraph)


def _chinese_sentence_spans(paragraph: str) -> Iterator[tuple[int, int]]:
    """Split after 。！？；, but not inside brackets: "（牵头单位：X；责任单位：Y）" is one clause."""
    start = 0
    for boundary in _ZH_END.finditer(paragraph):
        before = paragraph[start:boundary.start()]
        if boundary.start() <= start or (before.count("（") + before.count("(") > before.count("）") + before.count(")")
                                         and paragraph[boundary.start() - 1] in "；;"):
            continue
        yield start, boundary.start()
        start = boundary.start()
    yield start, len(paragraph)


_MAX_RUN_ON_LINES = 4


def _wrap_width(text: str) -> int:
    """The width a text was hard-wrapped at (PDF text: every full line about as long), or 0."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    if len(lengths) < 8:
        return 0
    width = lengths[len(lengths) * 9 // 10]
    near = sum(1 for n in lengths if width * 0.9 <= n <= width)
    return width if width >= 20 and near * 4 >= len(lengths) else 0


def _wrapped(line: str, width: int, following: str) -> bool:
    """A full-width line broken inside a sentence (华为软 / 件技术有限公司) runs on."""
    stripped = line.strip()
    return bool(width and width * 0.9 <= len(stripped) <= width and has_han(stripped[-1:])
                and following[:1] and has_han(following[:1]))


def _paragraphs(text: str, language: str) -> Iterator[tuple[int, int]]:
    """Lines; in Chinese a line that leaves a 《title》 or a “quote” open runs on into the next, and so
    does a line hard-wrapped in the middle of a sentence."""
    start = None
    width = _wrap_width(text) if language == "zh" else 0
    open_titles = open_quotes = run_on = 0  # counted line by line: linear however long a quote stays open
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        start = line.start() if start is None else start
        if language == "zh":
            part = line.group()
            open_titles += part.count("《") - part.count("》")
            open_quotes += part.count("“") - part.count("”")
            run_on += 1
            if (open_titles > 0 or open_quotes > 0) and run_on < _MAX_RUN_ON_LINES:
                continue  # a title or quote left open runs on, but a few lines at most: one never closed ends
        if width and _wrapped(line.group(), width, text[line.end() + 1:line.end() + 2]):
            continue
        yield start, line.end()
        start = None
        open_titles = open_quotes = run_on = 0
    if start is not None:
        yield start, len(text)


#: The longest sentence kept whole: a longer run (a table flattened to one line, a text with no
#: stop) is cut at the last comma or space before the limit, so no quote or literal grows unbounded.
MAX_SENTENCE = 2000
_SOFT_BREAK = re.compile(r"[,，、;；:：\s]")


def _bounded(spans: Iterable[tuple[int, int]], paragraph: str) -> Iterator[tuple[int, int]]:
    for start, end in spans:
        while end - start > MAX_SENTENCE:
            cut = start + MAX_SENTENCE
            soft = [m.end() for m in _SOFT_BREAK.finditer(paragraph, cut - 200, cut)]
            cut = soft[-1] if soft else cut
            yield start, cut
            start = cut
        yield start, end


def split_sentences(text: str, language: str) -> tuple[Sentence, ...]:
    """Paragraphs are lines; sentences split inside them. Offsets index ``text``.

    Each paragraph gets its own language, so a Chinese document quoting an English
    paragraph (or the reverse) sends each to the right extractor.
    """
    sentences: list[Sentence] = []
    mixed = has_han(text) and bool(_LATIN.search(text))  # else every paragraph is the document's
    for paragraph_index, (begin, finish) in enumerate(_paragraphs(text, language)):
        paragraph = text[begin:finish]
        own = detect_language(paragraph) if mixed and (_LATIN.search(paragraph) or has_han(paragraph)) else language
        spans = _chinese_sentence_spans if own == "zh" else _english_sentence_spans
        for start, end in _bounded(spans(paragraph), paragraph):
            chunk = paragraph[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            absolute = begin + start + len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(len(sentences), stripped, absolute, absolute + len(stripped),
                                      paragraph_index, own))
    return tuple(sentences)


def text_of(path: Path, data: bytes) -> str:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    return text  # the HTML parser has already turned character references into text, once


def read_document(path: Path, doc_id: str) -> Document | ReadFailure:
    """One file to a Document, or the reason it cannot be one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ReadFailure(doc_id, f"cannot read: {error.strerror or error}")
    try:
        text = text_of(path, data)
    except ValueError as error:
        return ReadFailure(doc_id, str(error))
    if not text.strip():
        return ReadFailure(doc_id, "no text after removing markup")
    language = detect_language(text)
    title = next((line.strip() for line in text.splitlines() if line.strip()), doc_id)[:200]
    return Document(doc_id, str(path), title, language, text, split_sentences(text, language))


def document_id(path: Path, roots: Iterable[Path]) -> str:
    """The file's name relative to the folder it was found under (stable across machines)."""
    for root in roots:
        if root.is_dir():
            try:
                return path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                continue
    return path.name
