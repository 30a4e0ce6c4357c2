from pathlib import Path

from graph.documents import decode, detect_language, find_files, read_document, split_sentences
from graph.model import Document, ReadFailure


def test_utf8_with_bom_and_gb18030_decode(tmp_path: Path) -> None:
    assert decode("Finance Bureau".encode("utf-8-sig")) == "Finance Bureau"
    chinese = "市财政局负责第十四工作组的组织协调工作，郑州市工业和信息化局参加。" * 3
    assert decode(chinese.encode("gb18030")) == chinese


def test_binary_and_empty_files_fail_with_a_reason_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    binary = read_document(tmp_path / "blob.txt", "blob.txt")
    empty = read_document(tmp_path / "empty.txt", "empty.txt")
    assert isinstance(binary, ReadFailure) and binary.path == "blob.txt" and "binary" in binary.reason
    assert isinstance(empty, ReadFailure) and "empty" in empty.reason


def test_html_loses_scripts_and_tags_but_keeps_text(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text("<html><head><script>alert(1)</script><style>p{}</style></head>"
                    "<body><p>The Municipal Finance Bureau &amp; partners.</p><p>Second.</p></body></html>")
    document = read_document(page, "notice.html")
    assert isinstance(document, Document)
    assert "alert" not in document.text and "<p>" not in document.text
    assert "The Municipal Finance Bureau & partners." in document.text


def test_sentences_keep_closing_quotes_and_numbered_markers() -> None:
    text = "1. Lock the target. Firms join the pool. It was named the “Demonstration Base.” Next one.\nNew line"
    sentences = [s.text for s in split_sentences(text, "en")]
    assert sentences == ["1. Lock the target.", "Firms join the pool.", "It was named the “Demonstration Base.”",
                         "Next one.", "New line"]
    for sentence in split_sentences(text, "en"):
        assert text[sentence.start:sentence.end] == sentence.text


def test_chinese_sentences_split_on_full_stops_and_semicolons() -> None:
    sentences = [s.text for s in split_sentences("第一句。第二句；第三句！", "zh")]
    assert sentences == ["第一句。", "第二句；", "第三句！"]


def test_language_and_recursive_discovery(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    (tmp_path / "three.pdf").write_text("x")  # every file is found; one that cannot be read fails by name
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / "old-build").mkdir()
    (tmp_path / "old-build" / "manifest.json").write_text('{"generator": "govgraph"}')
    (tmp_path / "old-build" / "report.md").write_text("x")
    assert [p.name for p in find_files([tmp_path])] == ["one.md", "three.pdf", "two.txt"]
    assert find_files([tmp_path / ".hidden.txt"]) == [tmp_path / ".hidden.txt"]  # named on its own: read
    assert detect_language("郑州市财政局") == "zh"
    assert detect_language("Hebi Municipal Finance Bureau") == "en"


def test_gbk_and_big5_files_are_detected_not_guessed(tmp_path: Path) -> None:
    simplified = "郑州市财政局负责第十四工作组。中原银行与三家企业达成合作意向。"
    traditional = "鄭州市財政局負責第十四工作組。中原銀行與三家企業達成合作意向。"
    (tmp_path / "gbk.txt").write_bytes(simplified.encode("gbk"))
    (tmp_path / "big5.txt").write_bytes(traditional.encode("big5"))
    gbk = read_document(tmp_path / "gbk.txt", "gbk.txt")
    big5 = read_document(tmp_path / "big5.txt", "big5.txt")
    assert isinstance(gbk, Document) and gbk.text.strip() == simplified and gbk.language == "zh"
    assert isinstance(big5, Document) and big5.text.strip() == traditional and big5.language == "zh"


def test_chinese_lines_split_and_an_open_title_runs_on_to_the_next_line() -> None:
    text = "市金融局印发了《郑州市培育上市企业倍\n增计划行动方案》。方案已实施\n第二段"
    sentences = split_sentences(text, "zh")
    assert [s.text for s in sentences] == ["市金融局印发了《郑州市培育上市企业倍\n增计划行动方案》。", "方案已实施", "第二段"]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_each_paragraph_of_a_mixed_document_has_its_own_language() -> None:
    text = "Zhengzhou City Notice\n\n市财政局负责第十四工作组。\n\nThe Municipal Finance Bureau met the banks."
    assert [s.language for s in split_sentences(text, "en")] == ["en", "zh", "en"]


def test_english_sentence_ends_after_runs_of_stops_and_not_after_abbreviations() -> None:
    text = "Is it done?! Yes... The Henan Co. Ltd. agreed (see item 2. Funding). It paid 3.5 million yuan."
    assert [s.text for s in split_sentences(text, "en")] == [
        "Is it done?!", "Yes...", "The Henan Co. Ltd. agreed (see item 2. Funding).", "It paid 3.5 million yuan."]


def test_nul_bytes_anywhere_make_a_binary_file_and_entities_are_unescaped_once(tmp_path) -> None:
    from graph.documents import read_document
    from graph.model import ReadFailure

    padded = tmp_path / "padded.txt"
    padded.write_bytes(b"The Hebi Municipal Finance Bureau met.\n" * 300 + b"\x00" * 10)  # NULs past 8 KB
    failure = read_document(padded, "padded.txt")
    assert isinstance(failure, ReadFailure) and "binary" in failure.reason
    page = tmp_path / "page.html"
    page.write_text("<p>Write &amp;lt;b&amp;gt; to get bold.</p>", encoding="utf-8")
    assert "&lt;b&gt;" in read_document(page, "page.html").text  # not "<b>": one unescaping only


def test_a_sentence_never_grows_past_the_limit(tmp_path) -> None:
    from graph.documents import MAX_SENTENCE, read_document

    path = tmp_path / "long.txt"
    path.write_text("郑州市财政局负责，" * 3000 + "\n" + "word " * 5000, encoding="utf-8")
    document = read_document(path, "long.txt")
    assert max(len(s.text) for s in document.sentences) <= MAX_SENTENCE
    assert "".join(s.text for s in document.sentences).replace(" ", "") == document.text.replace("\n", "").replace(
        " ", "")  # cut, not lost
