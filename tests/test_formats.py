"""PDF, DOCX and web pages read like plain text; every other file is named with its reason.

The fixtures are made here: PDFs with reportlab (Helvetica, and the CID font STSong-Light for
Chinese), DOCX with python-docx, a web page as a string. The policy texts are written for the tests.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graph.build import build
from graph.cli import main
from graph.documents import find_files, read_document
from graph.extract import extract
from graph.model import Document, Extraction, ReadFailure

ENGLISH = [
    "Hebi Municipal Notice on Supporting the Smart City Program",
    "The Hebi Municipal Finance Bureau will provide 50 million yuan to the Mozi Laboratory for the construction "
    "of its new research platform. The Municipal Bureau of Industry and Information Technology is responsible "
    "for the Smart City Program, and the Hebi Municipal Science and Technology Bureau is responsible for the "
    "Hebi Artificial Intelligence Industry Cluster.",
    "The Henan Provincial Department of Science and Technology will support Huawei Technologies Co., Ltd. in "
    "building the Kunpeng Ecosystem Innovation Center in Hebi City.",
]
CHINESE = [
    "郑州市人民政府办公厅关于印发郑州市支持软件产业发展若干措施的通知",
    "市工业和信息化局负责统筹推进全市软件产业发展工作，市财政局安排专项资金5000万元支持鲲鹏生态创新中心建设，"
    "郑州市金融工作局设立郑州市产业投资基金，规模20亿元，由郑州市财政局出资。",
    "河南省科学技术厅支持中原科技城建设嵩山实验室，郑州市工业和信息化局负责郑州市软件产业集群的培育工作。",
]
# what the plain text gives, and so must every format (a few of each kind, the wrapped ones included)
EXPECTED = {
    "en": ({("Agency", "Hebi Municipal Bureau of Industry and Information Technology"),
            ("Agency", "Henan Provincial Department of Science and Technology"),
            ("Lab", "Mozi Laboratory"), ("Lab", "Kunpeng Ecosystem Innovation Center"),
            ("Cluster", "Hebi Artificial Intelligence Industry Cluster"),
            ("Enterprise", "Huawei Technologies Co., Ltd.")},
           {("Hebi Municipal Finance Bureau", "funds", "Mozi Laboratory"),
            ("Hebi Municipal Bureau of Industry and Information Technology", "responsibleFor", "Smart City Program"),
            ("Hebi Municipal Science and Technology Bureau", "responsibleFor",
             "Hebi Artificial Intelligence Industry Cluster")}),
    "zh": ({("Agency", "郑州市工业和信息化局"), ("Agency", "河南省科学技术厅"), ("Lab", "嵩山实验室"),
            ("Lab", "鲲鹏生态创新中心"), ("Fund", "郑州市产业投资基金")},
           {("郑州市财政局", "funds", "鲲鹏生态创新中心"), ("郑州市地方金融监督管理局", "responsibleFor", "郑州市产业投资基金")}),
}


def _paragraphs(language: str) -> list[str]:
    return ENGLISH if language == "en" else CHINESE


def _names(extraction: Extraction) -> set[tuple[str, str]]:
    return {(m.cls, m.name) for m in extraction.mentions}


def _edges(extraction: Extraction) -> set[tuple[str, str, str]]:
    name = {m.key: m.name for m in extraction.mentions}
    return {(name[r.subject], r.predicate, name[r.object]) for r in extraction.relations}


def _extraction(path: Path) -> Extraction:
    document = read_document(path, path.name)
    assert isinstance(document, Document), document
    for sentence in document.sentences:  # provenance quotes slices of the document's text
        assert document.text[sentence.start:sentence.end] == sentence.text
    return extract(document)


def _plain(tmp_path: Path, language: str, paragraphs: list[str] | None = None) -> Extraction:
    path = tmp_path / f"plain-{language}.txt"
    path.write_text("\n".join(paragraphs or _paragraphs(language)), encoding="utf-8")
    extraction = _extraction(path)
    names, edges = EXPECTED[language]
    assert names <= _names(extraction) and edges <= _edges(extraction)  # the fixture's own check
    return extraction


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines as a layout program breaks them: at spaces in English, at any character in Chinese."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if font == "Helvetica":
        return simpleSplit(text, font, size, width)
    lines, line = [], ""
    for character in text:
        if stringWidth(line + character, font, size) > width:
            lines.append(line)
            line = ""
        line += character
    return [*lines, line]


def make_pdf(path: Path, pages: list[list[str]], font: str = "Helvetica", width: float = 400, indent: bool = True,
             **options) -> Path:
    """A PDF with a text layer, laid out as an official document: the title centred (when there are
    pages), each paragraph wrapped at ``width`` points, its first line indented, a gap between them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if font != "Helvetica":
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    pdf = canvas.Canvas(str(path), **options)
    for page, paragraphs in enumerate(pages):
        y = 780
        for number, paragraph in enumerate(paragraphs):
            pdf.setFont(font, 11)
            if page == number == 0 and len(pages) > 1:  # a document's title, centred
                pdf.drawCentredString(72 + width / 2, y, paragraph)
                y -= 27
                continue
            for index, line in enumerate(_wrap(paragraph, font, 11, width - (22 if indent else 0))):
                pdf.drawString(72 + (22 if indent and index == 0 else 0), y, line)  # the first line indented
                y -= 15
            y -= 12
        pdf.showPage()
    pdf.save()
    return path


def _image(size: tuple[int, int] = (400, 300)) -> bytes:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", size, "white")
    ImageDraw.Draw(picture).rectangle((40, 40, 300, 80), fill="black")  # a "line of print", as pixels only
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are pictures only, as a scanner makes them (no text layer; a page number at most)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for _ in range(pages):
        pdf.drawImage(ImageReader(io.BytesIO(_image())), 50, 300, width=500, height=375)
        pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize(("language", "font"), [("en", "Helvetica"), ("zh", "STSong-Light")])
def test_a_pdf_gives_the_entities_and_edges_of_its_plain_text(tmp_path: Path, language: str, font: str) -> None:
    import pypdf

    paragraphs = _paragraphs(language)
    path = make_pdf(tmp_path / f"notice-{language}.pdf", [paragraphs[:2], paragraphs[2:]], font)
    layout = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    broken = {"en": ["Information\nTechnology", "Co.,\nLtd.", "Mozi\nLaboratory"],
              "zh": ["5000\n万元", "5000万\n元", "产业投\n资基金", "产业投资\n基金", "科学技\n术厅", "科学\n技术厅"]}[language]
    assert any(piece in layout for piece in broken) or len(layout.splitlines()) >= 5  # the layout wrapped lines

    pdf = _extraction(path)
    plain = _plain(tmp_path, language)
    assert _names(pdf) == _names(plain)
    assert _edges(pdf) == _edges(plain)
    document = read_document(path, path.name)
    assert document.language == language and document.title == paragraphs[0]
    assert "\n\n" in document.text  # the pages, a blank line between them


def test_wrapped_names_and_amounts_are_joined_before_the_text_is_split(tmp_path: Path) -> None:
    """Lines broken inside a name or an amount by the layout read whole; a short or stopped line ends."""
    lines = ["市财政局安排专项资金5000万元支持鲲鹏生态创新中心建设，郑州市金融工作局设立郑州市产业投",
             "资基金，规模20亿元，由郑州市财政局出资，河南省科学技术厅支持中原科技城建设嵩山实验室，郑",
             "州市工业和信息化局负责郑州市软件产业集群的培育工作，市科学技术局负责郑州市人工智能产业集",
             "群的培育工作。",
             "二、保障措施"]
    path = make_pdf(tmp_path / "wrapped.pdf", [lines], "STSong-Light", width=1000, indent=False)  # a line each
    document = read_document(path, path.name)
    assert isinstance(document, Document)
    assert "郑州市产业投资基金" in document.text and "郑州市工业和信息化局" in document.text
    assert document.text.endswith("培育工作。\n二、保障措施")
    assert ("Fund", "郑州市产业投资基金") in _names(extract(document))

    english = ["The Hebi Municipal Finance Bureau will provide 50 million yuan to the Mozi",
               "Laboratory, and the Municipal Bureau of Industry and Information Technology",
               "is responsible for the Smart City Program in the city and its counties.",
               "Section 2. Funding"]
    path = make_pdf(tmp_path / "wrapped-en.pdf", [english], width=1000, indent=False)
    text = read_document(path, path.name).text
    assert "the Mozi Laboratory, and" in text and text.endswith("counties.\nSection 2. Funding")


def test_a_docx_gives_the_entities_and_edges_of_its_plain_text(tmp_path: Path) -> None:
    import docx

    for language in ("en", "zh"):
        paragraphs = _paragraphs(language)
        document = docx.Document()
        document.add_heading(paragraphs[0], level=1)
        document.add_paragraph(paragraphs[1])
        table = document.add_table(rows=2, cols=2)  # the last paragraph in a table's numbered row
        table.cell(0, 0).text, table.cell(0, 1).text = "No.", "Measure"
        table.cell(1, 0).text, table.cell(1, 1).text = "1", paragraphs[2]
        document.sections[0].footer.paragraphs[0].text = "Printed by the Luoyang Municipal Archives Bureau"
        path = tmp_path / f"notice-{language}.docx"
        document.save(str(path))

        read = read_document(path, path.name)
        assert isinstance(read, Document)
        assert read.text.splitlines() == [*paragraphs[:2], "No. | Measure", f"1 | {paragraphs[2]}"]
        assert "Luoyang" not in read.text  # headers and footers are page furniture
        plain = _plain(tmp_path, language, [*paragraphs[:2], "No. | Measure", f"1 | {paragraphs[2]}"])
        assert _names(_extraction(path)) == _names(plain) and _edges(_extraction(path)) == _edges(plain)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Hebi Daily Online</title>
<link rel="stylesheet" href="/site.css"><script>var tracker = "Zhoukou Municipal Finance Bureau";</script></head>
<body>
<header><div class="logo">Hebi Daily Online</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Luoyang Municipal Bureau of Commerce</a></li>
<li><a href="/tech">Anyang Provincial Software Laboratory</a></li><li><a href="/about">About us</a></li></ul></nav>
</header>
<div class="container"><main><article>
<h1>{title}</h1>
<p class="meta">2024-03-18 09:30</p>
{body}
</article></main>
<aside class="sidebar"><h3>Related news</h3><ul>
<li><a href="/n/1.html">Xinxiang Municipal Finance Bureau signs deal with Xinxiang Bank</a></li>
<li><a href="/n/2.html">Nanyang Rare Metals Laboratory opens in Nanyang City</a></li>
<li><a href="/n/3.html">Jiaozuo Iron Industry Cluster reports growth</a></li>
<li><a href="/n/4.html">Puyang Chemical Innovation Center Co., Ltd. hires</a></li></ul></aside></div>
<footer><p>Sponsored by the Shangqiu Municipal Information Office. Tel 0371-1234567</p>
<p><a href="/privacy">Privacy</a> | <a href="/contact">Contact the Kaifeng Municipal Press Bureau</a></p></footer>
</body></html>"""


def test_a_web_page_gives_the_entities_of_its_article_alone(tmp_path: Path) -> None:
    title, *article = ENGLISH
    body = "\n".join(f"<p>{paragraph.replace('&', '&amp;')}</p>" for paragraph in article)
    body += "\n<p>Write &amp;lt;b&amp;gt; to get bold type in the platform's forms.</p>"
    path = tmp_path / "notice.html"
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    document = read_document(path, path.name)
    assert isinstance(document, Document)
    assert "&lt;b&gt;" in document.text and "<b>" not in document.text  # references unescaped once
    for furniture in ("Luoyang", "Xinxiang", "Nanyang", "Jiaozuo", "Puyang", "Shangqiu", "Kaifeng", "Zhoukou",
                      "Related news", "Hebi Daily Online"):
        assert furniture not in document.text
    assert document.title == title
    plain = _plain(tmp_path, "en", [title, *article])
    assert _names(extract(document)) == _names(plain) and _edges(extract(document)) == _edges(plain)


def test_a_page_without_main_content_is_read_whole(tmp_path: Path, monkeypatch) -> None:
    from graph import documents

    monkeypatch.setattr(documents, "main_content", lambda markup: "")
    path = tmp_path / "portal.shtml"
    path.write_text("<html><body><div>The Mozi Laboratory &amp; the Hebi Municipal Finance Bureau</div>"
                    "<div>Write &amp;lt;b&amp;gt;</div></body></html>", encoding="utf-8")
    document = read_document(path, path.name)
    assert document.text == "The Mozi Laboratory & the Hebi Municipal Finance Bureau\n\nWrite &lt;b&gt;"


def _folder_of_other_formats(tmp_path: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("\n".join(ENGLISH), encoding="utf-8")
    (docs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    (docs / "chart.png").write_bytes(_image())
    make_scanned_pdf(docs / "scan.pdf")
    make_pdf(docs / "locked.pdf", [ENGLISH], encrypt=StandardEncryption("secret", canPrint=0))
    make_pdf(docs / "owner-only.pdf", [CHINESE], "STSong-Light",
             encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))  # opens without a password
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage\n")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (docs / "notice.wps").write_bytes(b"\xd0\xcf\x11\xe0 wps")
    (docs / "notice.ofd").write_bytes(b"PK\x03\x04 ofd")
    (docs / "bundle.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (docs / "data.xyz").write_text("numbers", encoding="utf-8")
    # not documents: hidden files, an editor's lock file, and a build folder left inside the input
    (docs / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (docs / "~$notice.docx").write_bytes(b"lock")
    (docs / ".git").mkdir()
    (docs / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (docs / "last-build").mkdir()
    (docs / "last-build" / "manifest.json").write_text('{"generator": "govgraph", "documents": []}')
    (docs / "last-build" / "report.md").write_text("# govgraph build\n")
    (docs / "last-build" / "graph.html").write_text("<html></html>")
    return docs


def test_every_other_file_is_a_failure_with_its_reason(tmp_path: Path, capsys) -> None:
    docs = _folder_of_other_formats(tmp_path)
    result = build([docs], tmp_path / "out", workers=1)
    failed = {f.path: f.reason for f in result.failures}
    assert set(failed) == {"old.doc", "chart.png", "scan.pdf", "locked.pdf", "broken.pdf", "broken.docx",
                           "notice.wps", "notice.ofd", "bundle.zip", "data.xyz"}
    assert failed["scan.pdf"].startswith("no text layer")
    assert "format not supported" in failed["old.doc"] and ".doc" in failed["old.doc"]
    assert "format not supported" in failed["chart.png"] and "image" in failed["chart.png"]
    assert failed["locked.pdf"] == "encrypted PDF: it needs a password to open"
    assert failed["broken.pdf"].startswith("broken PDF") and failed["broken.docx"].startswith("broken DOCX")
    assert "WPS" in failed["notice.wps"] and "OFD" in failed["notice.ofd"] and "archive" in failed["bundle.zip"]
    assert failed["data.xyz"] == "format not supported (.xyz)"
    assert [d["doc_id"] for d in result.graph.graph["documents"]] == ["good.txt", "owner-only.pdf"]
    report = (result.output / "report.md").read_text(encoding="utf-8")
    for path, reason in failed.items():
        assert f"| {path} | {reason} |" in report

    main(["build", str(docs), "-o", str(tmp_path / "cli"), "--workers", "1"])
    stderr = capsys.readouterr().err
    assert "scan.pdf: no text layer" in stderr and "old.doc: format not supported" in stderr
    assert "last-build" not in stderr and ".DS_Store" not in stderr and "~$" not in stderr


def test_a_pdf_that_only_restricts_copying_is_read(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = make_pdf(tmp_path / "owner.pdf", [CHINESE], "STSong-Light",
                    encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    assert _names(_extraction(path)) == _names(_plain(tmp_path, "zh"))


def test_a_folder_govgraph_wrote_is_not_read_but_a_file_named_on_its_own_is(tmp_path: Path) -> None:
    build([_folder_of_other_formats(tmp_path)], tmp_path / "build", workers=1)
    (tmp_path / "build" / "extra.txt").write_text("x")
    assert find_files([tmp_path]) and not [p for p in find_files([tmp_path]) if "build" in p.parts]
    assert find_files([tmp_path / "build" / "report.md"]) == [tmp_path / "build" / "report.md"]


def test_an_unknown_extension_holding_a_pdf_is_read_as_one(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "download.jsp", [ENGLISH])
    assert isinstance(read_document(path, path.name), Document)
    assert isinstance(read_document(tmp_path / "nothing.pdf", "nothing.pdf"), ReadFailure)
