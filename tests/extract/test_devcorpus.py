"""Specific facts the rules read from real development-corpus documents.

Only documents of the tuning half and documents outside both halves are used here: the checking
half is for measuring (tests/test_quality.py), never for fitting.
"""

from __future__ import annotations

import pytest
from conftest import SHARED, names, relations

from graph.documents import read_document
from graph.extract import extract
from graph.model import Extraction

DEVCORPUS = SHARED / "devcorpus"
pytestmark = pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="../shared/devcorpus is not beside this clone")


def read(prefix: str) -> Extraction:
    path = next(DEVCORPUS.glob(f"{prefix}_*.txt"))
    document = read_document(path, path.name)
    assert not isinstance(document, Exception)
    return extract(document)


def amounts(extraction: Extraction, predicate: str = "funds") -> set[tuple[str, str, object]]:
    by_key = {m.key: m for m in extraction.mentions}
    return {(by_key[r.subject].name, by_key[r.object].name, r.amount.yuan if r.amount else None)
            for r in extraction.relations if r.predicate == predicate}


def test_jinan_measures_title_measures_and_lead_units() -> None:
    doc = read("zh_010")
    title = "关于加快“科创济南”建设全面提升科技创新能力的若干政策措施"
    assert doc.jurisdiction.city == "济南" and doc.jurisdiction.province == "山东"
    assert title in names(doc, "Program")
    assert ("激发企业家创新积极性", title) in relations(doc, "partOf")
    responsible = relations(doc, "responsibleFor")
    # the measure's bracket names the Party organisation department and the industry bureau as leads
    assert {("中共济南市委组织部", "激发企业家创新积极性"), ("济南市工业和信息化局", "激发企业家创新积极性"),
            ("济南市市场监督管理局", "激发企业家创新积极性"), ("济南市民营经济局", "激发企业家创新积极性")} <= responsible
    assert ("济南市科学技术局", "济南市") in relations(doc, "partOf")
    # 淄博、泰安、聊城、德州、滨州、东营: bare city names in a list
    assert {"淄博市", "泰安市", "聊城市", "德州市", "滨州市", "东营市"} <= names(doc, "Place")
    assert ("滨州市", "山东省") in relations(doc, "locatedIn")


def test_ministry_task_table_lead_and_supporting_departments() -> None:
    doc = read("zh_002")
    assert ("交通运输部科技司", "交通运输部") in relations(doc, "partOf")
    responsible = relations(doc, "responsibleFor")
    # the first task names its lead department (运输服务司) and two supporting ones (科技司, 人事教育司)
    assert {("交通运输部运输服务司", "城市公共交通智能化技术研究"), ("交通运输部科技司", "城市公共交通智能化技术研究"),
            ("交通运输部人事教育司", "城市公共交通智能化技术研究")} <= responsible
    assert not {"试点单位", "预期成果"} & names(doc, "Program")  # field labels repeated under every task


def test_qingdao_policies_departments_and_fiscal_money() -> None:
    doc = read("zh_014")
    assert doc.jurisdiction.city == "青岛" and doc.jurisdiction.district == "崂山"
    assert {("青岛市财政局", "青岛市"), ("崂山区人民政府", "崂山区")} <= relations(doc, "partOf")
    assert ("崂山区", "青岛市") in relations(doc, "locatedIn")
    # "由市财政每年出资1亿元": the city's finance bureau pays, 100 million yuan (to the measure at hand)
    assert ("青岛市财政局", 100_000_000) in {(funder, amount) for funder, _, amount in amounts(doc)}


def test_guangdong_notice_titles_name_their_issuers() -> None:
    doc = read("zh_016")
    assert doc.jurisdiction.province == "广东" and doc.jurisdiction.city is None
    assert ("广东省人民政府", "广东省人民政府关于加快科技创新的若干政策意见") in relations(doc, "responsibleFor")


def test_provincial_and_national_documents() -> None:
    shandong = read("zh_009")  # a provincial action plan that names many cities
    assert shandong.jurisdiction.province == "山东" and shandong.jurisdiction.city is None
    mofcom = read("zh_003")  # a ministry's notice to every province
    assert mofcom.jurisdiction.province is None and mofcom.jurisdiction.city is None
    title = "商务部关于公布首批全国示范智慧商圈、全国示范智慧商店名单的通知"
    assert ("商务部", title) in relations(mofcom, "responsibleFor")


def test_shenzhen_funding_list_companies_with_a_bracketed_city() -> None:
    doc = read("zh_018")
    assert "腾讯科技（深圳）有限公司" in names(doc, "Enterprise")
    assert ("腾讯科技（深圳）有限公司", "深圳市") in relations(doc, "locatedIn")


def test_jinan_known_only_through_its_bureaus_is_in_shandong_and_the_measures_are_in_jinan() -> None:
    doc = read("zh_010")  # 济南市 is never written whole: 市科技局 and the title imply it
    assert ("济南市", "山东省") in relations(doc, "locatedIn")
    assert ("关于加快“科创济南”建设全面提升科技创新能力的若干政策措施", "济南市") in relations(doc, "locatedIn")
