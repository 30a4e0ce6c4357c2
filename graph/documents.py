"""Files to Documents: find, decode, strip markup, detect language, split sentences.

The only module of the pipeline that touches document files. Every problem with a
file becomes a ReadFailure naming the file, never an exception that stops a build.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import string
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Document, ReadFailure, Sentence
from .script import HAN, has_han

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
#: What is read; every other file found is a ReadFailure naming its format.
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf", ".docx")
_UNSUPPORTED = {
    ".doc": "format not supported: legacy Word .doc (save it as .docx or PDF)",
    ".wps": "format not supported: WPS document (save it as .docx or PDF)",
    ".ofd": "format not supported: OFD (export it as PDF)",
    ".rtf": "format not supported: RTF (save it as .docx)",
    **dict.fromkeys((".xls", ".xlsx", ".et", ".csv", ".ppt", ".pptx", ".dps"),
                    "format not supported: spreadsheets and slides are not read"),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg"),
                    "format not supported: an image has no text layer (OCR is not done)"),
    **dict.fromkeys((".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"),
                    "format not supported: an archive (unpack it first)"),
}
#: Files no one means as documents: hidden by the system or left by an editor.
_JUNK_NAMES = {"thumbs.db", "desktop.ini"}

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
    """Every file under the paths, sorted so builds are deterministic; the ones govgraph cannot read
    become ReadFailures naming their format, so nothing is passed over in silence.

    Under a folder, hidden files and folders (.git, .DS_Store), Office's lock files (~$x.docx),
    Thumbs.db and desktop.ini are not documents, and neither is a folder govgraph wrote (a build's
    manifest.json, a report's mark): they are left out. A file named on its own is always read.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(_files_under(path))
        elif path.is_file():
            found.add(path)
    return sorted(found)


def _files_under(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):  # symbolic links to folders are not followed, as rglob
        here = Path(root)
        if _written_by_govgraph(here):
            folders.clear()
            continue
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield from (here / name for name in files if not _not_a_document(name) and (here / name).is_file())


def _not_a_document(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES


def _written_by_govgraph(folder: Path) -> bool:
    """A build folder (its manifest.json says "generator": "govgraph") or a report folder (its mark)."""
    if (folder / ".govgraph-report").is_file():
        return True
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return False
    try:
        content = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(content, dict) and (content.get("generator") == "govgraph"  # or an early build's keys
                                          or {"documents", "entities", "relations", "title"} <= set(content))


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


class Unreadable(ValueError):
    """A file that is no Document; the message is the reason the build reports."""


def text_of(path: Path, data: bytes) -> str:
    """A file's text by its extension (or, for an unknown one, a PDF's signature); ValueError says why not."""
    suffix = path.suffix.lower()
    if suffix == ".pdf" or (suffix not in SUFFIXES and data.startswith(b"%PDF-")):
        return pdf_to_text(data)
    if suffix == ".docx":
        return docx_to_text(data)
    if suffix not in SUFFIXES:
        raise Unreadable(unsupported_reason(path))
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if suffix in HTML_SUFFIXES:
        text = web_page_to_text(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(text)
    return text  # the HTML parsers have already turned character references into text, once


def unsupported_reason(path: Path) -> str:
    suffix = path.suffix.lower()
    return _UNSUPPORTED.get(suffix) or (f"format not supported ({suffix})" if suffix
                                        else "format not supported (no file extension)")


# -- PDF (the text layer; pypdf) ---------------------------------------------------------------------

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd]")  # private-use glyph codes and replacement characters
#: Fewer letters than this per page on average: no text layer (a scan; page numbers at most).
_MIN_LETTERS_PER_PAGE = 20


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, page by page (pages joined by a blank line, each page's lines kept).

    Raises Unreadable: encrypted with a password, broken, or no text layer (a scan)."""
    import pypdf
    from pypdf.errors import DependencyError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about sloppy files are no failures
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):  # an owner password alone still lets anyone read
            raise Unreadable("encrypted PDF: it needs a password to open")
        pages = reader.pages
        count = len(pages)
    except Unreadable:
        raise
    except DependencyError as error:
        raise Unreadable(f"encrypted PDF: cannot decrypt ({error})") from error
    except Exception as error:  # pypdf raises many kinds on broken files
        raise Unreadable(f"broken PDF: {_short(error)}") from error
    laid_out: list[_Page] = []
    broken = []
    for number in range(count):
        try:
            laid_out.append(_page_lines(pages[number]))
        except Exception as error:  # a broken page; the others may still be read
            broken.append(f"page {number + 1}: {_short(error)}")
    text = "\n\n".join(_unwrapped(laid_out))
    letters = sum(1 for ch in text if ch.isalpha())
    if broken and not letters:
        raise Unreadable(f"broken PDF: {broken[0]}")
    if letters < _MIN_LETTERS_PER_PAGE * max(count, 1):
        raise Unreadable("no text layer (a scanned PDF? OCR is not done)")
    if len(_UNMAPPED.findall(text)) * 5 > letters:
        raise Unreadable("PDF text layer not readable (its fonts map no glyph to Unicode)")
    return text


_LINE_STOPS = tuple("。！？；：.!?;:")


def _display_width(line: str) -> float:
    """A line's width in Han characters: Latin letters, digits and spaces count half."""
    return len(line) - len(line.encode("latin-1", "ignore")) / 2


#: A page's lines, each with where it starts on the page (x, y in points), when the PDF says.
_Page = list[tuple[str, "tuple[float, float] | None"]]


def _page_lines(page) -> _Page:
    """The page's text (pypdf, in the order of its content) as lines, with their start positions."""
    chunks: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        chunks.append((text, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    text = page.extract_text(visitor_text=visit) or ""
    positions: list[tuple[float, float] | None] = [None] * (text.count("\n") + 1)
    if "".join(chunk for chunk, _, _ in chunks) == text:  # the pieces make the text: each line gets the
        line = 0  # position of the first piece that starts a word on it
        for chunk, x, y in chunks:
            lead = len(chunk) - len(chunk.lstrip())
            line += chunk.count("\n", 0, lead)
            if chunk.strip() and positions[line] is None:
                positions[line] = (x, y)
            line += chunk.count("\n", lead)
    lines = [_CONTROLS.sub(" ", line.translate(_LIGATURES)).replace("\r", " ") for line in text.split("\n")]
    laid_out = list(zip(lines, positions, strict=True))
    while laid_out and not laid_out[-1][0].strip():
        laid_out.pop()
    while laid_out and not laid_out[0][0].strip():
        laid_out.pop(0)
    return laid_out


def _most_common(values: Iterable[float]) -> float | None:
    counts: dict[float, int] = {}
    for value in values:
        counts[round(value)] = counts.get(round(value), 0) + 1
    return max(counts, key=lambda value: (counts[value], -value)) if counts else None


def _unwrapped(pages: list[_Page]) -> list[str]:
    """A page keeps the layout's line breaks; a line the layout wrapped is joined to the next here,
    before the text becomes the Document's: a name or amount broken by the wrap ("Industry and
    Information / Technology", "华为软件技术 / 有限公司", "5000万 / 元") reads whole, and every offset
    points into the joined text. Around Han characters the lines meet with nothing between, Latin
    words with a space; a hyphen at the break is kept.

    A line ends its paragraph when it is short (under 60% of the width most lines reach), ends with a
    stop or colon, or when the next line starts further down than the line spacing (a gap), or right
    of the left margin (an indented first line, a centred heading), or is blank."""
    widths = sorted(_display_width(line.strip()) for page in pages for line, _ in page if line.strip())
    width = widths[len(widths) * 9 // 10] if len(widths) >= 3 else 0  # the width lines were laid out at
    placed = [(line, where) for page in pages for line, where in page if where and line.strip()]
    margin = _most_common(x for _, (x, _) in placed)
    steps = ((above[1], below[1]) for page in pages for above, below in zip(page, page[1:], strict=False))
    spacing = _most_common(a[1] - b[1] for a, b in steps if a and b and 0 < a[1] - b[1] < 100)
    joined = []
    for page in pages:
        if not page:
            continue
        parts = [page[0][0]]
        for (line, where), (following, next_where) in zip(page, page[1:], strict=False):
            stripped = line.strip()
            runs_on = bool(width >= 20 and following[:1].strip() and stripped and not stripped.endswith(_LINE_STOPS)
                           and _display_width(stripped) >= width * 0.6)
            if runs_on and where and next_where:
                gap = where[1] - next_where[1]
                runs_on = (next_where[0] <= (margin or 0) + 3  # not indented, not centred
                           and (spacing is None or 0 < gap <= spacing * 1.3))  # no gap above it
            if runs_on:
                parts[-1] = parts[-1].rstrip()
                chinese = has_han(stripped[-8:]) or has_han(following[:8])  # "资金50 / 00万元": no space
                parts.append("" if chinese or stripped.endswith("-") else " ")
            else:
                parts.append("\n")
            parts.append(following)
        joined.append("".join(parts))
    return joined


def _short(error: BaseException) -> str:
    message = " ".join(str(error).split())[:160]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


# -- DOCX (python-docx) ------------------------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an encrypted DOCX, or a .doc renamed


def docx_to_text(data: bytes) -> str:
    """Body paragraphs and tables in document order: a paragraph a line, a table row a line with its
    cells between " | ". Headers, footers and text boxes are page furniture, not read."""
    if data.startswith(_OLE):
        raise Unreadable("not a DOCX package: password-protected (encrypted), or a Word .doc renamed")
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
            else:
                lines.append(block.text)
    except Exception as error:  # python-docx raises zip, XML, key and package errors
        raise Unreadable(f"broken DOCX: {_short(error)}") from error
    return "\n".join(line.strip() for line in lines if line.strip())


def _table_rows(table) -> Iterator[str]:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell comes once per grid column it spans
                continue
            seen.add(id(cell._tc))
            nested = [line for inner in cell.tables for line in _table_rows(inner)]
            text = " ".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip())
            cells.append(" ".join([text, *nested]).strip())
        row_text = " | ".join(cell for cell in cells if cell)
        if row_text:
            yield row_text


# -- Web pages: the main content (trafilatura), else all the text ------------------------------------

_CONTENT_BLOCKS = {"head", "p", "item", "row", "quote", "code", "list", "table", "lb", "div"}


def web_page_to_text(markup: str) -> str:
    """The article of a web page without navigation, footers, teaser lists and comments (trafilatura);
    the whole page's text when it finds no main content."""
    main = main_content(markup)
    return main if main.strip() else html_to_text(markup)


def main_content(markup: str) -> str:
    try:
        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        extracted = trafilatura.bare_extraction(markup, include_comments=False, include_tables=True,
                                                with_metadata=True)
    except Exception:  # a page the extractor chokes on is read whole
        return ""
    if extracted is None or extracted.body is None:
        return ""
    parts: list[str] = []
    _content_text(extracted.body, parts)
    lines = [" ".join(line.split()).removesuffix(" |") for line in "".join(parts).split("\n")]
    lines = [line for line in lines if line]
    title = " ".join((extracted.title or "").split())
    if lines and title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)  # the headline, when the article's body does not repeat it
    return "\n".join(lines)


def _content_text(element, parts: list[str], in_cell: bool = False) -> None:
    """Text of trafilatura's tree as lines (a table row one line, its cells between " | "). Its own
    text output unescapes character references a second time ("&amp;lt;" would become "<"), so the
    tree is read here."""
    block = element.tag in _CONTENT_BLOCKS and not in_cell
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _content_text(child, parts, in_cell or element.tag == "cell")
        parts.append(child.tail or "")
    if element.tag == "cell":
        parts.append(" | ")
    elif block:
        parts.append("\n")


def read_document(path: Path, doc_id: str) -> Document | ReadFailure:
    """One file to a Document, or the reason it cannot be one."""
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:  # known by its name: not even opened (an archive may be huge)
        return ReadFailure(doc_id, _UNSUPPORTED[suffix])
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
