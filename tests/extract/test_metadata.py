"""A document's own description: title, number, issuers and dates; reposts merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED, extract_text

from graph.build import build

NOTICE = """南阳市人民政府办公室关于印发南阳市氢能产业发展若干措施的通知
宛政办〔2024〕12号
各县（市、区）人民政府，市人民政府各部门：
《南阳市氢能产业发展若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。
本措施自2024年4月1日起施行，有效期3年。
南阳市人民政府办公室
2024年3月15日
"""


def describe(text: str, name: str = "doc.txt"):
    extraction = extract_text(text, name)
    by_key = {m.key: m for m in extraction.mentions}
    return extraction.info, [by_key[k].name for k in extraction.info.issuers]


def test_a_notice_s_title_number_issuer_and_dates() -> None:
    info, issuers = describe(NOTICE, "ny.txt")
    assert info.title == "南阳市氢能产业发展若干措施"  # the document it issues: 关于印发《…》的通知
    assert info.number == "宛政办〔2024〕12号"
    assert issuers == ["南阳市人民政府办公室"]  # the signature and the title's issuer
    assert (info.issued, info.effective, info.expires) == ("2024-03-15", "2024-04-01", "2027-03-31")


def test_dates_stated_outright_and_in_english() -> None:
    info, _ = describe("关于开展企业入库工作的通知\n成文日期：2023年7月10日\n本通知自发布之日起施行，有效期至2025年12月31日。\n")
    assert (info.issued, info.effective, info.expires) == ("2023-07-10", "2023-07-10", "2025-12-31")
    info, _ = describe("Hefei opens a quantum lab\n\nHEFEI, CHINA - Feb 7, 2025 - The city opened a lab.\n", "en.txt")
    assert info.issued == "2025-02-07"
    info, _ = describe("A release\n\nSHENZHEN, 7 February 2025 - The commission met.\n", "en2.txt")
    assert info.issued == "2025-02-07"


def test_reposts_are_one_document_and_multiply_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for site in ("site_a", "site_b", "site_c"):
        (docs / site).mkdir(parents=True)
    (docs / "site_a" / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (docs / "site_b" / "notice.txt").write_text(NOTICE.replace("\n", "\n\n"), encoding="utf-8")  # other spacing
    (docs / "site_c" / "copy.txt").write_text(NOTICE, encoding="utf-8")
    single = tmp_path / "single"
    single.mkdir()
    (single / "notice.txt").write_text(NOTICE, encoding="utf-8")
    three, one = build([docs], tmp_path / "three", workers=1), build([single], tmp_path / "one", workers=1)
    assert (three.entities, three.relations) == (one.entities, one.relations)
    document = three.graph.graph["documents"][0]
    assert len(three.graph.graph["documents"]) == 1 and sorted(document["copies"]) == [
        "site_b/notice.txt", "site_c/copy.txt"]
    turtle = (tmp_path / "three" / "graph.ttl").read_text(encoding="utf-8")
    assert '"site_c/copy.txt"' in turtle and "宛政办〔2024〕12号" in turtle and '"2024-03-15"^^xsd:date' in turtle
    assert "gg:issuedBy" in turtle


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not beside this clone")
def test_eighty_copies_of_the_corpus_are_the_corpus(tmp_path: Path) -> None:
    import shutil

    copies = tmp_path / "copies"
    for n in range(80):
        shutil.copytree(SHARED / "corpus", copies / f"copy{n:02}")
    many, one = build([copies], tmp_path / "many"), build([SHARED / "corpus"], tmp_path / "one", workers=1)
    assert (many.entities, many.relations) == (one.entities, one.relations)


@pytest.mark.skipif(not (SHARED / "devcorpus").is_dir(), reason="../shared/devcorpus is not beside this clone")
def test_devcorpus_issuers_and_dates() -> None:
    from graph.documents import read_document
    from graph.extract import extract

    def read(prefix: str):
        path = next((SHARED / "devcorpus").glob(f"{prefix}_*.txt"))
        extraction = extract(read_document(path, path.name))
        by_key = {m.key: m for m in extraction.mentions}
        return extraction.info, [by_key[k].name for k in extraction.info.issuers]

    info, issuers = read("zh_003")  # 商务部关于公布…名单的通知
    assert issuers == ["商务部"]
    info, issuers = read("zh_026")  # the bureau's line over the title
    assert issuers == ["成都高新区科技与新经济发展局"] and info.title == "关于开展2017年度新经济企业入库工作的通知"
    info, _ = read("zh_010")
    assert info.expires == "2025-12-31"  # 有效期至2025年12月31日
    info, _ = read("en_005")  # a newswire dateline
    assert info.issued == "2026-07-09"


ZHEJIANG = """浙江省人民政府办公厅关于印发浙江省数字经济创新提质若干措施的通知
浙政办发〔2023〕12号
各市、县（市、区）人民政府，省政府直属各单位：
一、设立数字经济专项行动。省财政厅向杭州市数字经济研究院补助500万元。
浙江省人民政府办公厅
2023年5月8日
"""


def test_named_queries_ask_for_programs_since_a_date_and_funding_by_year(tmp_path: Path) -> None:
    from graph.query import bind, load_store, query_text, run_query

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zj.txt").write_text(ZHEJIANG, encoding="utf-8")
    (docs / "ny.txt").write_text(NOTICE, encoding="utf-8")
    result = build([docs], tmp_path / "out", workers=1)
    store = load_store(result.output)

    def rows(name: str, *pairs: str) -> list[dict]:
        table = run_query(store, bind(query_text(name), list(pairs)))
        return [dict(zip(table.columns, row, strict=True)) for row in table.rows]

    since = rows("programs-since", "place=Zhejiang", "since=2023-01-01")
    assert {r["program"] for r in since} == {"浙江省数字经济创新提质若干措施", "设立数字经济专项行动"}
    assert rows("programs-since", "place=浙江省", "since=2023-06-01") == []  # issued 2023-05-08
    assert {r["program"] for r in rows("programs-since", "place=南阳", "since=2024-01-01")} >= {
        "南阳市氢能产业发展若干措施"}
    assert rows("funding-by-year") == [{"year": "2023", "total_yuan": "5000000", "edges": "1"}]
    issuer = run_query(store, "SELECT ?label WHERE { ?d gg:documentNumber \"浙政办发〔2023〕12号\" ; "
                              "gg:issuedBy/rdfs:label ?label }")
    assert issuer.rows == [["浙江省人民政府办公厅"]]


def test_english_issuers_from_the_title_or_the_lead() -> None:
    info, issuers = describe("Circular from the Hebi City Finance Bureau concerning the Issuance of Subsidy "
                             "Rules\n\nThe rules are issued.\n", "hebi.txt")
    assert issuers == ["Hebi City Finance Bureau"]
    info, issuers = describe("Shanghai rolls out AI measures\n\nThe Shanghai Municipal People's Government issued "
                             "measures on Feb 7, 2025 to support AI.\n", "sh.txt")
    assert issuers == ["Shanghai Municipal People's Government"]


def test_the_report_and_the_explorer_show_each_document_s_title_number_date_and_issuer(tmp_path: Path) -> None:
    from graph.export.html import page_data

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "zj.txt").write_text(ZHEJIANG, encoding="utf-8")
    result = build([docs], tmp_path / "out", workers=1)
    report = (result.output / "report.md").read_text(encoding="utf-8")
    assert "| zj.txt | zh | 浙江省数字经济创新提质若干措施 | 浙政办发〔2023〕12号 | 2023-05-08 | 浙江省人民政府办公厅 | 0 |" \
        in report
    assert page_data(result.graph)["documents"] == [
        "zj.txt · 浙江省数字经济创新提质若干措施 · 浙政办发〔2023〕12号 · 2023-05-08 · issued by 浙江省人民政府办公厅"]


def test_a_repost_under_another_site_s_header_merges_and_an_edited_version_is_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "\n".join(NOTICE.splitlines())
    (docs / "a.txt").write_text("首页 > 政务公开 > 通知公告\n" + body + "\n版权所有：某某网站\n", encoding="utf-8")
    (docs / "b.txt").write_text("网站导航 | 无障碍\n" + body + "\n主办单位：另一网站\n", encoding="utf-8")
    edited = body.replace("请认真贯彻执行。", "请认真抓好落实。")  # a version with one sentence reworded
    (docs / "c.txt").write_text("首页 > 政务公开 > 通知公告\n" + edited + "\n版权所有：某某网站\n", encoding="utf-8")
    result = build([docs], tmp_path / "out", workers=1)
    documents = {d["doc_id"]: d for d in result.graph.graph["documents"]}
    assert set(documents) == {"a.txt", "c.txt"} and documents["a.txt"]["copies"] == ["b.txt"]  # same body
    assert documents["c.txt"]["near_duplicates"] == ["a.txt"] and documents["a.txt"]["near_duplicates"] == ["c.txt"]


def test_a_notice_reposted_with_edits_by_many_counties_is_one_group_each_listing_ten() -> None:
    from conftest import extract_text

    from graph.resolve import NEAR_DUPLICATES_LISTED, resolve

    body = "\n".join(NOTICE.splitlines())
    extractions = [extract_text(body.replace("请认真贯彻执行。", f"请第{n}县认真执行。"), f"{n:02}.txt")
                   for n in range(30)]
    extractions.append(extract_text(ZHEJIANG, "other.txt"))  # not like the others
    infos = {e.doc_id: e.info for e in resolve(extractions).documents}
    assert infos["00.txt"].near_duplicates == tuple(f"{n:02}.txt" for n in range(1, 11))
    assert infos["29.txt"].near_duplicates == tuple(f"{n:02}.txt" for n in range(10))
    assert all(len(infos[f"{n:02}.txt"].near_duplicates) == NEAR_DUPLICATES_LISTED for n in range(30))
    assert infos["other.txt"].near_duplicates == ()


def test_a_later_version_and_a_repealing_document_replace_the_earlier(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    old = NOTICE.replace("宛政办〔2024〕12号", "宛政办〔2021〕3号").replace("2024年3月15日", "2021年2月1日")
    old = old.replace("本措施自2024年4月1日起施行，有效期3年。", "本措施自印发之日起施行。各县区要抓好落实。")
    (docs / "2021.txt").write_text(old, encoding="utf-8")
    (docs / "2024.txt").write_text(NOTICE, encoding="utf-8")
    (docs / "repeal.txt").write_text("南阳市人民政府关于印发南阳市新能源产业发展办法的通知\n各县（市、区）人民政府：\n"
                                     "现印发给你们，请遵照执行。原《南阳市氢能产业发展若干措施》同时废止。\n"
                                     "南阳市人民政府\n2025年1月2日\n", encoding="utf-8")
    result = build([docs], tmp_path / "out", workers=1)
    documents = {d["doc_id"]: d for d in result.graph.graph["documents"]}
    assert documents["2024.txt"]["replaces"] == ["2021.txt"]  # the same title, issued later
    assert documents["repeal.txt"]["replaces"] == ["2021.txt", "2024.txt"]  # 原《…》同时废止
    assert "gg:replaces" in (result.output / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not beside this clone")
def test_corpus_002_an_english_notice_s_issuer_and_date() -> None:
    from graph.documents import read_document
    from graph.extract import extract

    path = next((SHARED / "corpus").glob("002_*.txt"))
    extraction = extract(read_document(path, path.name))
    by_key = {m.key: m for m in extraction.mentions}
    title = path.read_text(encoding="utf-8").splitlines()[0]  # "Notice of <issuer> on Printing ..."
    issuer = title.removeprefix("Notice of the ").split(" on Printing")[0]
    assert issuer.startswith("General Office") and "Hebei" in issuer
    assert [by_key[k].name for k in extraction.info.issuers] == [issuer]  # as its title says
    assert extraction.info.issued == "2022-07-13"  # "Time:2022.07.18" is the site's; the notice's own date is read
