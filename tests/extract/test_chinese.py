"""Chinese: specific entities and edges from specific sentences, our own texts first, then corpus 003."""

from decimal import Decimal

from conftest import extract_corpus, extract_text, names, needs_shared, relations

from graph.extract.chinese import matching_form

WORK_GROUPS = """郑州市“万人助万企”工作简报
第十四工作组（组长单位：市财政局）到郑东新区，了解应急转贷周转资金的运营。郑东新区已累计投放转贷资金7.2亿元。
市商务局会同多家银行，推出了郑州市“外贸贷”融资平台。建设银行郑州金水支行为出口企业提供“外贸贷”，授信额度为22.05万元。
区人社局组织招聘
中原区人社局联合清华大学举办招聘会，由市工信局负责“智能制造”专项行动。
"""


def test_abbreviated_agencies_expand_within_the_jurisdiction_with_english_names() -> None:
    extraction = extract_text(WORK_GROUPS, "zz.txt")
    assert extraction.jurisdiction.city == "郑州"
    agencies = {m.name: m for m in extraction.mentions if m.cls == "Agency"}
    assert {"郑州市财政局", "郑州市商务局", "郑州市工业和信息化局", "中原区人力资源和社会保障局"} <= set(agencies)
    assert agencies["郑州市工业和信息化局"].surface == "市工信局"
    assert agencies["郑州市工业和信息化局"].translations == ("Zhengzhou Municipal Industry and Information Technology Bureau",)
    assert agencies["郑州市财政局"].translations == ("Zhengzhou Municipal Finance Bureau",)


def test_a_heading_district_comes_from_the_body_below_it() -> None:
    extraction = extract_text(WORK_GROUPS, "zz.txt")
    heading = [m for m in extraction.mentions if m.surface == "区人社局"]
    assert [m.name for m in heading] == ["中原区人力资源和社会保障局"]


def test_lead_unit_and_responsibility_clauses() -> None:
    extraction = extract_text(WORK_GROUPS, "zz.txt")
    responsible = relations(extraction, "responsibleFor")
    assert ("郑州市财政局", "郑州市第十四工作组") in responsible
    assert ("郑州市商务局", "“外贸贷”融资平台") in responsible
    assert ("郑州市工业和信息化局", "“智能制造”专项行动") in responsible
    assert not any(obj == "清华大学" for _, obj in responsible)  # organising with a university is no lead


def test_funds_branches_and_places() -> None:
    extraction = extract_text(WORK_GROUPS, "zz.txt")
    assert {"建设银行郑州金水支行", "建设银行"} <= names(extraction, "Enterprise")
    assert "多家银行" not in names(extraction, "Enterprise")
    assert ("建设银行郑州金水支行", "建设银行") in relations(extraction, "partOf")
    assert ("郑东新区应急转贷周转资金", "郑东新区") in relations(extraction, "locatedIn")
    assert ("郑东新区", "郑州市") in relations(extraction, "locatedIn")
    stated = [m.amount for m in extraction.mentions if m.name == "郑东新区应急转贷周转资金" and m.amount]
    assert [a.yuan for a in stated] == [Decimal("720000000")]
    by_key = {m.key: m for m in extraction.mentions}
    funds = [(by_key[r.subject].name, by_key[r.object].name, r.amount.yuan) for r in extraction.relations
             if r.predicate == "funds"]
    assert funds == [("建设银行郑州金水支行", "“外贸贷”", Decimal("220500"))]


def test_traditional_characters_and_full_width_punctuation_match_as_simplified(tmp_path) -> None:
    text = "鄭州市工作簡報\n第十六工作組（組長單位：市城建局）並與中原銀行推出新產品。"
    (tmp_path / "big5.txt").write_bytes(text.encode("big5"))
    from graph.documents import read_document
    from graph.extract import extract

    extraction = extract(read_document(tmp_path / "big5.txt", "big5.txt"))
    assert ("郑州市城乡建设局", "郑州市第十六工作组") in relations(extraction, "responsibleFor")
    assert "中原银行" in names(extraction, "Enterprise")
    leader = next(m for m in extraction.mentions if m.name == "郑州市城乡建设局")
    assert leader.surface == "市城建局" and "組長單位" in leader.source.sentence  # the source keeps the original
    assert matching_form("（組長單位：市城建局）") == "(组长单位:市城建局)"


def test_a_mixed_document_sends_each_paragraph_to_its_extractor_and_one_node_results(tmp_path) -> None:
    from graph.assemble import assemble
    from graph.resolve import resolve

    text = ("郑州市财政工作通知\n\n第十四工作组（组长单位：市财政局）召开座谈会。\n\n"
            "In Zhengzhou City, the Municipal Finance Bureau met the banks.\n")
    extraction = extract_text(text, "mixed.txt")
    assert extraction.language == "zh"
    assert {"Zhengzhou Municipal Finance Bureau", "郑州市财政局"} <= names(extraction, "Agency")
    assert len({m.key for m in extraction.mentions}) == len(extraction.mentions)
    graph = assemble(resolve([extraction]))
    bureau = graph.nodes["agency/zhengzhou-municipal-finance-bureau"]
    assert {bureau["label"], *bureau["aliases"]} >= {"郑州市财政局", "市财政局", "Zhengzhou Municipal Finance Bureau"}


@needs_shared
def test_corpus_003_named_facts() -> None:
    extraction = extract_corpus("003")
    assert ("郑州市财政局", "郑州市第十四工作组") in relations(extraction, "responsibleFor")
    assert ("郑州市城乡建设局", "郑州市第十六工作组") in relations(extraction, "responsibleFor")
    assert "中原银行" in names(extraction, "Enterprise")
    assert "河南省农用微生物创新中心" in names(extraction, "Lab")
    assert {"清华大学", "河南省农业科学院植物保护研究所"} <= names(extraction, "Lab")
    stated = {(m.name, m.amount.text) for m in extraction.mentions if m.cls == "Fund" and m.amount}
    assert ("郑东新区应急转贷周转资金", "7.2亿元") in stated
    assert ("郑东新区龙湖办事处", "郑东新区") in relations(extraction, "partOf")
    programs = names(extraction, "Program")
    assert {"“万人助万企”活动", "“郑好融”平台", "郑州市培育上市企业倍增计划行动方案"} <= programs
    assert "助企“三十条”" not in programs  # its short name: one node with the 实施意见 it abbreviates
    assert "关于进一步加大对中小企业纾困帮扶力度的实施意见" in programs
    # generic phrases and counts are not entities
    everything = {m.name for m in extraction.mentions}
    assert not everything & {"多家银行", "财政资金", "国家级科技企业孵化器", "产业集聚区", "承办银行"}


LEAD_VARIANTS = """鹤壁市科技工作要点
一、建设科技创新平台（牵头单位：市科技局；责任单位：市工信局、市财政局）。
二、实施《鹤壁市科技型企业培育行动方案》（市发展改革委负责）。
市财政局向墨子实验室补助500万元，鹤壁市农业农村局给予“乡村振兴”基金奖励30万元。
"""


def test_lead_and_responsible_unit_variants_and_money_to_a_fronted_recipient() -> None:
    extraction = extract_text(LEAD_VARIANTS, "hebi.txt")
    responsible = relations(extraction, "responsibleFor")
    assert ("鹤壁市发展和改革委员会", "鹤壁市科技型企业培育行动方案") in responsible
    by_key = {m.key: m for m in extraction.mentions}
    funds = {(by_key[r.subject].name, by_key[r.object].name, r.amount.yuan) for r in extraction.relations
             if r.predicate == "funds"}
    assert funds == {("鹤壁市财政局", "墨子实验室", Decimal("5000000")),
                     ("鹤壁市农业农村局", "“乡村振兴”基金", Decimal("300000"))}
    assert {("鹤壁市科学技术局", "建设科技创新平台"), ("鹤壁市工业和信息化局", "建设科技创新平台"),
            ("鹤壁市财政局", "建设科技创新平台")} <= responsible  # 牵头单位 and 责任单位, across a ；
    agencies = {m.name: m for m in extraction.mentions if m.cls == "Agency"}
    assert agencies["鹤壁市发展和改革委员会"].translations == ("Hebi Municipal Development and Reform Commission",)


def test_a_place_is_a_division_the_gazetteer_knows_or_one_the_text_makes_plain() -> None:
    text = ("培育单位落户历下区，帮助约140家企业节省成本。\n按照市里要求，结合我市实际，该中心位于高新区。\n"
            "济南高新区设一个服务站。\n")
    extraction = extract_text(text, "places.txt")
    # 历下区 is a division; 济南高新区 opens with a division's name;
    # not "位落户历下区", "企业节省", "按照市", "结合我市", or a bare 高新区 ("the hi-tech zone")
    assert names(extraction, "Place") == {"历下区", "济南高新技术产业开发区", "济南市"}  # 济南高新区, in full
    # 济南市 is not written out, but the text names 济南 and the divisions put 历下区 in it
    assert relations(extraction, "locatedIn") == {("历下区", "济南市"), ("济南高新技术产业开发区", "济南市")}


# A plan written for these tests: a title line, chapter headings over numbered measures, lead and
# supporting units in several layouts, national and Party organs, and a signature.
PLAN = """关于加快南阳市氢能产业发展的若干措施
一、总体要求
（一）建设氢能创新平台。支持建设南阳氢能技术研究院，实施“氢动南阳”计划。（牵头单位：市科技局、市委组织部；责任单位：市财政局、市投资促进局）
（二）拓展示范应用。依托淅川、西峡、内乡布局加氢站。
市发展改革委牵头，市工信局、市交通运输局配合。
二、保障措施
（三）强化资金支持。按照国家发展改革委和国家发展和改革委员会的要求，落实《河南省人民政府关于支持氢能产业发展的意见》。
对新认定的工程研究中心、产业创新中心给予奖励。
南阳市人民政府
2024年3月1日
"""


def test_a_plan_s_title_measures_and_chapters() -> None:
    extraction = extract_text(PLAN, "nanyang.txt")
    assert extraction.jurisdiction.city == "南阳" and extraction.jurisdiction.province == "河南"
    programs = names(extraction, "Program")
    assert "关于加快南阳市氢能产业发展的若干措施" in programs  # the title line is the document's program
    assert {"建设氢能创新平台", "拓展示范应用", "强化资金支持"} <= programs
    assert not {"总体要求", "保障措施"} & programs  # chapter headings over numbered measures are no measures
    part_of = relations(extraction, "partOf")
    assert ("建设氢能创新平台", "关于加快南阳市氢能产业发展的若干措施") in part_of
    assert ("“氢动南阳”计划", "建设氢能创新平台") in part_of  # a program named inside a measure
    assert ("南阳市财政局", "南阳市") in part_of  # a department is part of its place
    # the signature issued the plan; the title inside 《》 was issued by the government it names
    responsible = relations(extraction, "responsibleFor")
    assert ("南阳市人民政府", "关于加快南阳市氢能产业发展的若干措施") in responsible
    assert ("河南省人民政府", "河南省人民政府关于支持氢能产业发展的意见") in responsible


def test_lead_and_supporting_units_in_every_layout() -> None:
    responsible = relations(extract_text(PLAN, "nanyang.txt"), "responsibleFor")
    # (牵头单位：…；责任单位：…) closing a measure's paragraph leads the measure, not the program named in it
    assert {("南阳市科学技术局", "建设氢能创新平台"), ("南阳市财政局", "建设氢能创新平台"),
            ("南阳市投资促进局", "建设氢能创新平台")} <= responsible
    assert ("中共南阳市委组织部", "建设氢能创新平台") in responsible  # a Party organ, named in full
    assert not any(obj == "“氢动南阳”计划" for _, obj in responsible)
    # "X牵头，Y、Z配合。" on a line of its own: the measure at hand
    assert {("南阳市发展和改革委员会", "拓展示范应用"), ("南阳市工业和信息化局", "拓展示范应用"),
            ("南阳市交通运输局", "拓展示范应用")} <= responsible


def test_national_organs_are_one_node_under_every_name(tmp_path) -> None:
    extraction = extract_text(PLAN, "nanyang.txt", tmp_path)
    national = [m for m in extraction.mentions if m.cls == "Agency" and "发展" in m.name and not m.name.startswith("南阳")]
    assert {m.name for m in national} == {"国家发展和改革委员会"}
    assert {m.surface for m in national} == {"国家发展改革委", "国家发展和改革委员会"}
    assert national[0].translations == ("National Development and Reform Commission",)
    assert national[0].scope == ""  # the same node in every document


def test_bare_city_names_in_a_list_and_categories_that_are_no_labs() -> None:
    extraction = extract_text(PLAN, "nanyang.txt")
    # 淅川、西峡、内乡: the bare names of counties of the document's own city, in a list
    assert {"淅川县", "西峡县", "内乡县"} <= names(extraction, "Place")
    assert ("西峡县", "南阳市") in relations(extraction, "locatedIn")
    labs = names(extraction, "Lab")
    assert "南阳氢能技术研究院" in labs
    assert not {"工程研究中心", "产业创新中心"} & labs  # kinds of lab, not named ones
    assert ("南阳氢能技术研究院", "南阳市") in relations(extraction, "locatedIn")  # the place in its name


def test_provincial_and_national_documents_take_no_city() -> None:
    provincial = extract_text("河北省县域特色产业集群发展行动计划\n全省各地要培育集群，支持石家庄市、辛集市、定州市和全省各县发展。"
                              "省工信厅牵头，省财政厅配合。全省统筹推进。\n", "hebei.txt")
    assert provincial.jurisdiction.province == "河北" and provincial.jurisdiction.city is None
    assert "河北省工业和信息化厅" in names(provincial, "Agency")
    located = relations(provincial, "locatedIn")  # from the divisions, where the text names the parent
    assert {("辛集市", "石家庄市"), ("石家庄市", "河北省")} <= located
    assert not any(place == "定州市" for place, _ in located)  # its prefecture, 保定市, is not named
    national = extract_text("各省、自治区、直辖市及计划单列市科技厅（委、局）：\n现启动示范应用场景建设，郑州市等地可申报。\n"
                            "科学技术部\n2022年8月12日\n", "most.txt")
    assert national.jurisdiction.city is None and national.jurisdiction.province is None
    assert "科学技术部" in names(national, "Agency")


def test_names_broken_across_hard_wrapped_lines_are_read_whole() -> None:
    """PDF text wraps every line at one width; a company name broken by the wrap is still one name."""
    body = ("济南市工业和信息化局关于服务资源的通知\n"
            "由济南云帆数据技术有限公司和晨星智联信息技术\n"  # 22 characters, like every full line below
            "有限公司成立运营公司，服务资源产品清单将随\n"
            "华为软件技术有限公司公开目录的更新而调整。\n"
            + "各区县工业和信息化部门要加强指导服务工作。\n" * 6)
    extraction = extract_text(body, "wrap.txt")
    enterprises = names(extraction, "Enterprise")
    assert {"济南云帆数据技术有限公司", "晨星智联信息技术有限公司"} <= enterprises
    surface = next(m.surface for m in extraction.mentions if m.name == "晨星智联信息技术有限公司")
    assert surface == "晨星智联信息技术有限公司"  # the line break is not part of the name
    assert "济南市工业和信息化局关于服务资源的通知" in names(extraction, "Program")  # the title stays a line


def test_issuer_line_over_the_title_and_event_organisers() -> None:
    notice = extract_text("成都高新区科技与新经济发展局\n关于开展2024年度企业入库工作的通知\n各有关企业：现开展入库工作。\n",
                          "cd.txt")
    # the issuer's own line over the title; 与 inside an organ's name that a place opens
    assert ("成都高新区科技与新经济发展局", "关于开展2024年度企业入库工作的通知") in relations(notice, "responsibleFor")
    news = extract_text("哈尔滨市的新闻\n数字经济招商对接会在哈尔滨举行。对接会由黑龙江省工业和信息化厅、黑龙江省商务厅和"
                        "哈尔滨市人民政府主办。\n", "hrb.txt")
    assert "数字经济招商对接会" in names(news, "Program")  # an event named by its kind
    assert relations(news, "responsibleFor") == {
        ("黑龙江省工业和信息化厅", "数字经济招商对接会"), ("黑龙江省商务厅", "数字经济招商对接会"),
        ("哈尔滨市人民政府", "数字经济招商对接会")}


def test_ranges_and_garbled_sums_get_no_yuan_amount_but_spoken_and_compound_ones_do() -> None:
    from graph.extract.amounts import chinese_amounts

    def read(text: str) -> list[tuple[object, str]]:
        return [(a.amount.yuan if a.amount else None, a.amount.text if a.amount else a.text)
                for a in chinese_amounts(text)]

    assert read("每年投入3至5亿元") == [(None, "3至5亿元")]  # a range: wrong is worse than missing
    assert read("安排500-1000万元") == [(None, "500-1000万元")]
    assert read("专项债3.55亿100万元") == [(None, "3.55亿100万元")]  # garbled
    assert read("共1亿2000万元") == [(Decimal("120000000"), "1亿2000万元")]  # one sum in two units
    assert read("实际投入是16.8个亿") == [(Decimal("1680000000"), "16.8个亿")]  # spoken: 个亿
    assert read("最高不超过100万元") == [(Decimal("1000000"), "100万元")]


def test_agencies_opening_a_clause_with_fu_ze_lead_what_follows_or_the_document() -> None:
    text = ("南阳市工业和信息化局关于创新中心服务资源的若干措施\n"
            "一、南阳市工业和信息化局会同南阳市卧龙区人民政府负责“云上南阳”平台的监督管理。\n"
            "二、本措施由市财政局负责解释。\n")
    responsible = relations(extract_text(text, "ny.txt"), "responsibleFor")
    assert {("南阳市工业和信息化局", "“云上南阳”平台"), ("南阳市卧龙区人民政府", "“云上南阳”平台")} <= responsible
    assert ("南阳市财政局", "南阳市工业和信息化局关于创新中心服务资源的若干措施") in responsible  # 本措施由X负责解释


def test_a_document_number_names_a_national_issuer_or_confirms_a_province() -> None:
    national = extract_text("关于印发某方案的通知\n国办发〔2018〕117号\n郑州市等地要落实。全市推进。\n", "gb.txt")
    assert national.jurisdiction.province is None and national.jurisdiction.city is None  # 国办发: the State Council's
    body = "".join(f"第{n}项工作要按期完成。\n" for n in range(8))
    zhejiang = extract_text("关于加强数字政府建设的实施意见\n浙政办发〔2021〕12号\n各地：\n" + body
                            + "浙江省要落实，可借鉴江苏省经验和江苏省做法。\n" + body, "zj.txt")
    assert zhejiang.jurisdiction.province == "浙江"  # named less often than 江苏, but the number is Zhejiang's


# Our own measures document, written to show the layouts of responsibility found in real ones.
UNIT_LAYOUTS = """广州市天河区人民政府办公室关于印发天河区支持青年创业若干措施的通知

各街道办事处，区政府各部门：
一、支持创业载体建设。对新认定的青年创业基地给予一次性补贴50万元。（区科技局、区财政局）
二、强化人才住房保障。对符合条件的青年人才给予租房补贴。（区人力资源社会保障局、区住房建设园林局）
三、加强人才支撑。区人社局、区委组织部按职责分工负责。
四、优化金融服务。（区地方金融监管局牵头，各区县政府按职责分工负责）
五、加大研发支持。区科技局要加强对企业研发的支持。
六、完善用地保障。优先保障项目用地。（牵头部门：区规划和自然资源局；配合部门：区发展改革局）
七、培育创业品牌。组织实施青年创业护航行动计划。
"""


def test_responsible_units_in_bare_brackets_duty_clauses_and_acting_subjects() -> None:
    extraction = extract_text(UNIT_LAYOUTS, "th.txt")
    responsible = relations(extraction, "responsibleFor")
    assert ("天河区科学技术局", "支持创业载体建设") in responsible  # bare brackets closing the measure
    assert ("天河区财政局", "支持创业载体建设") in responsible
    assert ("天河区住房建设园林局", "强化人才住房保障") in responsible  # 建设 inside a bureau's name
    assert ("中共天河区委组织部", "加强人才支撑") in responsible  # 按职责分工负责
    assert ("天河区科学技术局", "加大研发支持") in responsible  # 区科技局要加强…
    assert ("天河区发展改革局", "完善用地保障") in responsible or (
        "天河区发展和改革局", "完善用地保障") in responsible  # 配合部门
    assert ("天河区规划和自然资源局", "完善用地保障") in responsible  # 牵头部门
    # 各区县政府 is every county's government, no one body
    assert not any("县人民政府" in name for name in names(extraction, "Agency"))


def test_a_named_plan_without_quotes_is_a_program_of_its_measure_and_the_document_is_in_its_place() -> None:
    extraction = extract_text(UNIT_LAYOUTS, "th.txt")
    assert "青年创业护航行动计划" in names(extraction, "Program")
    assert ("青年创业护航行动计划", "培育创业品牌") in relations(extraction, "partOf")
    assert ("天河区支持青年创业若干措施", "天河区") in relations(extraction, "locatedIn")


TASK_TABLE = """郑州市数字经济发展重点任务分工方案

序号 | 重点任务 | 牵头单位 | 配合单位
1 | 建设郑州数据交易中心。完善交易规则。 | 市大数据局 | 市财政局、市发展改革委
2 | 推进工业互联网平台建设 | 市工业和信息化局 | 市科技局
"""


def test_a_task_table_makes_each_row_a_measure_led_by_the_units_in_its_unit_columns() -> None:
    extraction = extract_text(TASK_TABLE, "zz_table.txt")
    responsible = relations(extraction, "responsibleFor")
    assert {("郑州市大数据管理局", "建设郑州数据交易中心"), ("郑州市财政局", "建设郑州数据交易中心"),
            ("郑州市发展和改革委员会", "建设郑州数据交易中心"), ("郑州市工业和信息化局", "推进工业互联网平台建设"),
            ("郑州市科学技术局", "推进工业互联网平台建设")} <= responsible
    assert ("郑州市科学技术局", "建设郑州数据交易中心") not in responsible
    assert ("建设郑州数据交易中心", "郑州市数字经济发展重点任务分工方案") in relations(extraction, "partOf")


KINDS_BY_EXAMPLE = """深圳市人才工作简报

要是再出几个大疆、迈瑞、比亚迪这样的企业，投入就值得。
中科院与国家自然科学基金共同支持北京市三里屯商圈的数字化研究。
区港澳办、区科协负责组织交流活动。
"""


def test_list_examples_standard_national_names_and_places_that_start_with_a_numeral() -> None:
    extraction = extract_text(KINDS_BY_EXAMPLE, "sz_kinds.txt")
    assert {"大疆", "迈瑞", "比亚迪"} <= names(extraction, "Enterprise")  # "A、B、C这样的企业"
    known = {m.name: m.translations for m in extraction.mentions if m.cls == "Enterprise"}
    assert known["比亚迪"] == ("BYD Company Limited", "比亚迪股份有限公司")  # a well-known one: its other names
    assert "中国科学院" in names(extraction, "Lab")  # 中科院, its short form
    assert "国家自然科学基金" in names(extraction, "Fund")  # every word generic, still one fund
    assert "北京市三里屯商圈" in names(extraction, "Cluster")  # 三 opens a name here, not a count
    assert ("北京市三里屯商圈", "北京市") in relations(extraction, "locatedIn")
    # standard local offices by their short forms (a district's, with no district named: kept unqualified)
    assert names(extraction, "Agency") == {"区港澳事务办公室", "区科学技术协会"}


def test_one_name_before_deng_is_no_list_of_examples() -> None:
    extraction = extract_text("简报\n\n支持发展新能源等产业。推动制造业等企业转型。\n", "deng.txt")
    assert not names(extraction, "Enterprise")


CONDITIONS = """深圳市科技创新委员会关于组织申报2023年项目的通知

一、申报条件
（一）在深圳市内注册，具有独立法人资格。
（二）无不良信用记录。
（三）符合国家产业政策。
二、附件
1.项目补助汇总表
深圳市委深圳市人民政府出台人才政策，推进公明水库—清林径水库连通工程建设。
"""


def test_numbered_conditions_and_attachments_are_no_measures_and_bodies_written_together_are_two() -> None:
    extraction = extract_text(CONDITIONS, "sz_conditions.txt")
    programs = names(extraction, "Program")
    assert not {"在深圳市内注册", "无不良信用记录", "符合国家产业政策", "项目补助汇总表"} & programs
    assert "公明水库—清林径水库连通工程" in programs  # a dash inside one project's name
    agencies = names(extraction, "Agency")
    assert {"中共深圳市委员会", "深圳市人民政府"} <= agencies
    assert "深圳市委深圳市人民政府" not in agencies



def test_national_programs_by_their_standard_names() -> None:
    extraction = extract_text("通知\n\n推进中国制造2025和“东数西算”工程，参与“一带一路”建设。\n", "national.txt")
    assert {"中国制造2025", "东数西算", "“一带一路”倡议"} <= names(extraction, "Program")


def test_responsibility_in_brackets_closing_a_measure_goes_to_the_measure_not_a_platform_in_it() -> None:
    text = ("国务院办公厅关于推进数字服务的实施方案\n\n"
            "3．便利老年人网上购物。推动网络购物平台优化界面。（商务部、国家市场监督管理总局等按职责分工负责）\n")
    responsible = relations(extract_text(text, "national_plan.txt"), "responsibleFor")
    assert {("商务部", "便利老年人网上购物"), ("国家市场监督管理总局", "便利老年人网上购物")} <= responsible
    assert not any(obj == "网络购物平台" for _, obj in responsible)


def test_deng_before_a_manner_is_no_list_of_companies_and_a_directorys_categories_are_its_sections() -> None:
    text = "服务名录\n\n一、招聘对接服务类（5家）\n靠远程协作、灵活用工等方式替企业省钱。引进阿里巴巴、京东等10家企业。\n"
    extraction = extract_text(text, "directory.txt")
    assert names(extraction, "Enterprise") == {"阿里巴巴", "京东"}  # 等10家企业: a count between is fine
    sectors = extract_text("目录\n\n面向：餐饮行业、物流行业、建筑行业等企业。\n", "sectors.txt")
    assert not names(sectors, "Enterprise")  # sectors, not examples of companies
    assert ("招聘对接服务类", "服务名录") in relations(extraction, "partOf")


def test_a_municipalitys_district_by_its_bare_name_is_no_place_and_verbs_open_no_names() -> None:
    text = ("报告\n\n倡导和平、开放、包容的交流环境。去年建成一批国家人工智能公共算力开放创新平台。"
            "按照全国人大常委会年度监督计划开展调研。\n")
    extraction = extract_text(text, "report.txt")
    assert not names(extraction, "Place")  # 和平 is a district of Tianjin only when Tianjin is the city written about
    programs = names(extraction, "Program")
    assert "国家人工智能公共算力开放创新平台" in programs and not any(p.startswith(("成一批", "按照")) for p in programs)


def test_numbers_of_a_list_run_on_in_one_line_open_no_measures() -> None:
    text = "关于推进智慧能源的通知\n\n一、建设能源平台。\n功能包括：1、能耗监测；2、告警推送；3、移动端远程查看\n二、完善运维服务。推广智慧能源云平台。\n"
    extraction = extract_text(text, "inline_list.txt")
    programs = names(extraction, "Program")
    assert not {"能耗监测", "告警推送", "移动端远程查看"} & programs
    assert ("智慧能源云平台", "完善运维服务") in relations(extraction, "partOf")


def test_our_citys_fund_is_named_after_the_city_written_about() -> None:
    extraction = extract_text("广州市人社局答问\n\n九家银行负责发放我市创业担保贷款。\n", "gz_loans.txt")
    assert "广州市创业担保贷款" in names(extraction, "Fund")
    assert ("广州市创业担保贷款", "广州市") in relations(extraction, "locatedIn")


def test_a_quoted_campaign_carries_the_field_written_before_it_but_not_a_clause() -> None:
    text = "浙江新闻\n\n今年要把数字经济“一号工程”推向纵深。新政第八十一条规定“孔雀计划”经费逐年增加。\n"
    programs = names(extract_text(text, "zj_news.txt"), "Program")
    assert "数字经济“一号工程”" in programs
    assert "“孔雀计划”" in programs and not any(p.startswith("新政") for p in programs)


def test_local_party_offices_combined_bureaus_and_service_labels() -> None:
    text = ("广州市天河区支持青年措施\n\n一、加强人才引进。（区委人才办、区科工信局、区委网信办）\n"
            "二、优化营商服务。（主管部门：区商务局）\n")
    responsible = relations(extract_text(text, "th_youth.txt"), "responsibleFor")
    assert {("中共天河区委人才工作领导小组办公室", "加强人才引进"), ("天河区科技工业和信息化局", "加强人才引进"),
            ("中共天河区委网络安全和信息化委员会办公室", "加强人才引进"), ("天河区商务局", "优化营商服务")} <= responsible


PARK_POLICY = """青岛市人工智能产业园发展若干政策

（一）建好产业园区。在崂山区打造青岛市人工智能产业园智算谷（以下简称“园区”），市财政连续三年每年安排1亿元用于园区建设。
（二）吸引企业落户。园区为新落户的企业减免房租。
"""


def test_a_short_name_given_in_brackets_names_its_entity_later_and_money_goes_to_what_it_is_for() -> None:
    extraction = extract_text(PARK_POLICY, "qd_park.txt")
    assert "青岛市人工智能产业园智算谷" in names(extraction, "Cluster")  # …算谷, a park's name
    by_key = {m.key: m for m in extraction.mentions}
    funds = {(by_key[r.subject].name, by_key[r.object].name, r.amount.yuan if r.amount else None)
             for r in extraction.relations if r.predicate == "funds"}
    assert funds == {("青岛市财政局", "青岛市人工智能产业园智算谷", Decimal("100000000"))}  # 用于园区建设
    later = [m for m in extraction.mentions if m.surface == "园区" and "落户" in m.source.sentence]
    assert [m.name for m in later] == ["青岛市人工智能产业园智算谷"]


def test_development_zones_opening_with_a_division_are_places_by_their_full_or_short_name() -> None:
    text = "成都高新区通知\n\n天府生命科技园坐落于成都高新技术产业开发区，济南高新技术产业开发区管理委员会负责建设。\n"
    extraction = extract_text(text, "cd_zone.txt")
    places = {m.name: m for m in extraction.mentions if m.cls == "Place"}
    assert {"成都高新技术产业开发区", "济南高新技术产业开发区"} <= set(places)
    assert {m.surface for m in extraction.mentions if m.name == "成都高新技术产业开发区"} >= {"成都高新区"}
    assert places["成都高新技术产业开发区"].translations == ("Chengdu High-tech Industrial Development Zone",)
    assert ("济南高新技术产业开发区管理委员会", "济南高新技术产业开发区") in relations(extraction, "partOf")
    assert ("天府生命科技园", "成都高新技术产业开发区") in relations(extraction, "locatedIn")


def test_a_verb_with_its_complement_opens_no_name() -> None:
    extraction = extract_text("通知\n\n园区建立起医疗器械人才共享平台。\n", "qi.txt")
    assert "医疗器械人才共享平台" in names(extraction, "Program")


SHARED_PLATFORM = """广东省科学技术厅关于开展研发补助申报的通知

一、注册。企业登录阳光政务平台注册。
二、申报。企业通过阳光政务平台提交材料，争取国家重点研发计划支持。
三、审核。市科技局通过阳光政务平台审核，并推进科技金融综合服务平台建设。
"""


def test_a_program_used_in_several_measures_or_a_national_one_is_part_of_none() -> None:
    part_of = relations(extract_text(SHARED_PLATFORM, "gd_notice.txt"), "partOf")
    assert not any(subject == "阳光政务平台" for subject, _ in part_of)  # named under three measures
    assert not any(subject == "国家重点研发计划" for subject, _ in part_of)  # the country's, in a provincial notice
    assert ("科技金融综合服务平台", "审核") in part_of  # named under one measure: part of it


def test_a_plan_or_platform_named_by_a_short_common_phrase_is_a_kind_not_a_program() -> None:
    text = "通知\n\n推动网络购物平台适老化改造，加快城际铁路工程建设，实施青年创业护航行动计划。\n"
    programs = names(extract_text(text, "kinds.txt"), "Program")
    assert not {"网络购物平台", "城际铁路工程", "加快城际铁路工程"} & programs
    assert "青年创业护航行动计划" in programs


def test_company_names_read_back_over_one_character_words_but_not_over_another_company() -> None:
    text = ("目录\n\n武汉兴和云网科技股份有限公司\n支持和引导华为技术有限公司发展，为华为技术有限公司提供服务。\n"
            "深圳市腾讯计算机系统有限公司和北京微令信息科技有限公司签约。\n")
    enterprises = names(extract_text(text, "companies.txt"), "Enterprise")
    assert {"武汉兴和云网科技股份有限公司", "华为技术有限公司", "深圳市腾讯计算机系统有限公司",
            "北京微令信息科技有限公司"} <= enterprises
    assert not any(e.startswith(("为", "和", "技术")) for e in enterprises)


def test_a_year_before_a_university_dates_the_sentence_but_stays_in_an_annual_plans_name() -> None:
    text = "通知\n\n中原区组织2022年度清华大学暑期实践。深圳市科创委公示了2020年度企业研究开发资助计划名单。\n"
    extraction = extract_text(text, "years.txt")
    assert "清华大学" in names(extraction, "Lab")
    assert "2020年度企业研究开发资助计划" in names(extraction, "Program")


def test_banks_that_issue_a_loan_product_fund_it_though_no_sum_is_stated() -> None:
    text = "广州市人社局答问\n\n中国农业银行广州分行、广州银行等9家银行作为承办银行，向创业者发放我市创业担保贷款。\n"
    funds = relations(extract_text(text, "gz_banks.txt"), "funds")
    assert funds == {("中国农业银行广州分行", "广州市创业担保贷款"), ("广州银行", "广州市创业担保贷款")}


def test_the_finance_department_of_the_level_that_grants_support_in_a_measure_funds_it() -> None:
    text = ("山东省数字产业行动计划\n\n8.做强特色集群。获评国家级先进制造业集群的，省财政择优给予一次性奖励。"
            "（牵头单位：省工业和信息化厅）\n")
    funds = relations(extract_text(text, "sd_plan.txt"), "funds")
    assert funds == {("山东省财政厅", "做强特色集群")}


ARTICLES = """嘉兴市人工智能产业发展专项资金管理办法

第一章 总则
第一条 为加强嘉兴市人工智能产业发展专项资金（以下简称“专项资金”）的管理，提高资金使用绩效，制定本办法。
第二条 本办法所称专项资金，是指由市级财政预算安排，专门用于扶持人工智能产业发展的资金。市财政每年安排5000万元，列入专项资金。
第三条 专项资金由市工业和信息化局、市财政局按照职责分工共同管理。
第二章 职责分工
第四条 市工业和信息化局负责编制专项资金年度使用计划，组织项目申报、评审和绩效评价工作。
第五条 各区（县）工业和信息化主管部门负责本辖区项目的初审、推荐和日常监管。
第三章 支持标准
第六条 支持企业上市。
对在境内外证券交易所首发上市的人工智能企业，给予200万元奖励。
第七条 本办法由市工业和信息化局、市财政局负责解释。
"""


def test_articles_of_rules_are_no_measures_and_their_subjects_lead_the_fund() -> None:
    extraction = extract_text(ARTICLES, "jx.txt")
    programs = names(extraction, "Program")
    # an article's first sentence is its text, not a measure's title; one with a short title of its own is
    assert programs == {"嘉兴市人工智能产业发展专项资金管理办法", "支持企业上市"}
    # the short name in brackets is the fund's, and 专项资金 is no 专项 program
    assert names(extraction, "Fund") == {"嘉兴市人工智能产业发展专项资金"}
    responsible = relations(extraction, "responsibleFor")
    assert ("嘉兴市工业和信息化局", "嘉兴市人工智能产业发展专项资金") in responsible  # 由X、Y共同管理; X负责…
    assert ("嘉兴市财政局", "嘉兴市人工智能产业发展专项资金") in responsible
    assert ("嘉兴市财政局", "嘉兴市人工智能产业发展专项资金管理办法") in responsible  # 本办法由…负责解释
    funded = [r for r in extraction.relations if r.predicate == "funds"]  # 市财政每年安排5000万元
    assert len(funded) == 1 and funded[0].amount is not None and funded[0].amount.yuan == 50_000_000


FUNDING_LIST = """关于2024年度苏州市工业互联网专项资金拟支持项目的公示

经企业申报、专家评审，现将拟支持项目予以公示。

序号\t项目名称\t承担单位\t所在地\t拟支持金额（万元）
1\t标识解析二级节点建设\t苏州云联智造科技有限公司\t工业园区\t300
2\t纺织行业工业互联网平台\t吴江恒力纺织集团有限公司\t吴江区\t200
3\t全连接工厂改造\t昆山华锐精密机械有限公司\t昆山市\t待定

苏州市工业和信息化局
苏州市财政局
"""


def test_a_funding_list_pays_each_rows_sum_from_the_fund_in_its_title() -> None:
    extraction = extract_text(FUNDING_LIST, "sz.txt")
    by_key = {m.key: m for m in extraction.mentions}
    grants = {(by_key[r.subject].name, by_key[r.object].name): r.amount.yuan if r.amount else None
              for r in extraction.relations if r.predicate == "funds"}
    fund = "苏州市工业互联网专项资金"
    assert grants == {(fund, "苏州云联智造科技有限公司"): 3_000_000, (fund, "吴江恒力纺织集团有限公司"): 2_000_000}
    # the notice is a program, issued by the agencies that sign it
    notice = "关于2024年度苏州市工业互联网专项资金拟支持项目的公示"
    assert ("苏州市财政局", notice) in relations(extraction, "responsibleFor")


def test_a_verb_of_gathering_is_no_part_of_the_company_after_it() -> None:
    extraction = extract_text("今年以来，合肥高新区已聚集国盾量子科技有限公司等企业60余家。\n", "hf.txt")
    assert "国盾量子科技有限公司" in names(extraction, "Enterprise")


def test_bare_organs_listed_after_ge_are_every_countys_and_no_one_body() -> None:
    text = "温州市科学技术局关于组织申报重点研发项目的通知\n各县（市、区）科技局、财政局，各有关单位：\n请财政局做好资金保障。\n"
    extraction = extract_text(text, "wz.txt")
    agencies = [m for m in extraction.mentions if m.cls == "Agency" and m.name == "财政局"]
    assert [m.source.sentence for m in agencies] == ["请财政局做好资金保障。"]  # only where it is one body


PRESS = """湖南省政府新闻办召开新闻发布会
6月18日，湖南省人民政府新闻办公室举行新闻发布会，省发展改革委有关负责同志回答记者提问。
近年来，全省工程机械产业集群规模持续扩大。
省科技厅副厅长张强：我们将实施一批关键核心技术攻关项目。
"""


def test_a_press_conference_office_titles_of_officials_and_the_whole_province() -> None:
    extraction = extract_text(PRESS, "hn.txt")
    agencies = names(extraction, "Agency")
    assert "湖南省人民政府新闻办公室" in agencies  # 省政府新闻办, and 举行 is no part of an event's name
    assert not any("举行" in name for name in names(extraction, "Program"))
    assert "湖南省科学技术厅" in agencies and not any(name.endswith("副厅") for name in agencies)  # 副厅长: a title
    assert "湖南省工程机械产业集群" in names(extraction, "Cluster")  # 全省: the province the document speaks for


def test_a_park_named_after_its_university_is_part_of_it() -> None:
    extraction = extract_text("支持南昌大学前湖科技园建设孵化载体。\n", "nc.txt")
    assert "南昌大学前湖科技园" in names(extraction, "Cluster")
    assert ("南昌大学前湖科技园", "南昌大学") in relations(extraction, "partOf")


def test_a_long_subsidy_fund_name_is_read_whole_over_words_that_end_names_elsewhere() -> None:
    extraction = extract_text("2024年浙江省中小企业数字化转型省级财政奖励资金申报须知\n", "zj.txt")
    # 奖励 ends a name read leftwards, except before 资金; the year dates the notice, not the fund
    assert names(extraction, "Fund") == {"浙江省中小企业数字化转型省级财政奖励资金"}


def test_a_district_named_in_the_title_is_the_documents_place() -> None:
    text = "成都市武侯区促进数字经济高质量发展若干政策\n一、支持企业做大做强。对首次突破10亿元的企业给予奖励。\n"
    extraction = extract_text(text, "wh.txt")
    assert ("成都市武侯区促进数字经济高质量发展若干政策", "武侯区") in relations(extraction, "locatedIn")


def test_national_organs_by_the_short_forms_state_council_documents_use() -> None:
    extraction = extract_text("（中华人民共和国应急管理部、体育总局、国家中医药局按职责分工负责）\n", "gb.txt")
    by_name = {m.name: m.surface for m in extraction.mentions if m.cls == "Agency"}
    assert by_name == {"应急管理部": "中华人民共和国应急管理部", "国家体育总局": "体育总局",
                       "国家中医药管理局": "国家中医药局"}


def test_a_division_named_after_its_department_is_part_of_it() -> None:
    text = "请与广东省科学技术厅政策法规处联系。\n市财政局相关处负责审核。\n"
    extraction = extract_text(text, "gd.txt")
    assert ("广东省科学技术厅政策法规处", "广东省科学技术厅") in relations(extraction, "partOf")
    assert not any(name.endswith("相关处") for name in names(extraction, "Agency"))  # any division: no one body


def test_an_official_called_fu_ze_ren_assigns_no_responsibility() -> None:
    text = "合肥市促进量子信息产业发展若干政策\n市科技局负责人介绍，《合肥市量子产业发展规划》已经印发。\n"
    assert relations(extract_text(text, "hf.txt"), "responsibleFor") == set()


def test_well_known_enterprises_by_brand_and_no_brand_across_a_place() -> None:
    extraction = extract_text("华为、中芯国际等企业落户深圳市。上海尔雅书店开业。\n", "sz.txt")
    assert {"华为", "中芯国际"} <= names(extraction, "Enterprise")
    assert "海尔" not in names(extraction, "Enterprise")  # 上海尔雅: 海 is the city's


def test_a_lab_a_place_opens_reads_back_across_he_and_ju_inside_shu_ju_is_no_boundary() -> None:
    extraction = extract_text("支持贵州省量子信息和大数据应用技术研究院建设。\n", "gz.txt")
    assert "贵州省量子信息和大数据应用技术研究院" in names(extraction, "Lab")
    assert ("贵州省量子信息和大数据应用技术研究院", "贵州省") in relations(extraction, "locatedIn")


def test_single_character_boundaries_inside_words_do_not_cut_names() -> None:
    text = "推进中国（上海）自由贸易试验区建设。\n设立杭州市天使投资引导基金。\n"
    extraction = extract_text(text, "sh.txt")
    assert "中国（上海）自由贸易试验区" in names(extraction, "Cluster")  # 由 in 自由; a place in brackets
    assert "杭州市天使投资引导基金" in names(extraction, "Fund")  # 引导 before 基金 is part of the name


def test_labs_of_a_national_family_and_maker_spaces() -> None:
    extraction = extract_text("依托国家超级计算广州中心开展研究。\n认定杭州市梦想小镇众创空间。\n", "gzl.txt")
    assert {"国家超级计算广州中心", "杭州市梦想小镇众创空间"} <= names(extraction, "Lab")


def test_loan_products_named_by_their_tai_ending_and_credit_words_that_are_none() -> None:
    extraction = extract_text("合作银行推出税易贷、政采贷等产品。\n银行信贷投放增长，推广无还本续贷。\n", "dk.txt")
    assert names(extraction, "Fund") == {"税易贷", "政采贷"}  # 信贷 and 续贷 are words, not products


TWO_CLAUSES = """济南市促进机器人产业发展若干政策
一、强化创新能力
1．支持建设机器人研发平台，支持企业加大研发投入。对新认定的国家级研发平台给予最高300万元奖励。（责任单位：市科技局）
2．培育龙头企业。
对首次营收过亿的企业给予奖励。（责任单位：市工业和信息化局）
"""


def test_a_numbered_heading_of_two_clauses_opens_a_measure_whose_body_follows_in_its_paragraph() -> None:
    extraction = extract_text(TWO_CLAUSES, "jn.txt")
    measure = "支持建设机器人研发平台，支持企业加大研发投入"
    assert measure in names(extraction, "Program")
    assert ("济南市科学技术局", measure) in relations(extraction, "responsibleFor")
    assert (measure, "济南市促进机器人产业发展若干政策") in relations(extraction, "partOf")


MINISTRY_NEWS = """工信部介绍上半年工业运行情况
工业和信息化部表示，将抓紧编制“十四五”工业绿色发展规划。
工信部会同国家卫生健康委等部门组建了疫苗生产企业扩产专班。
工信部信息通信管理局将持续开展“网络提速”行动。
"""


def test_a_ministry_s_bureau_a_task_force_it_set_up_and_a_named_development_plan() -> None:
    extraction = extract_text(MINISTRY_NEWS, "miit.txt")
    assert "“十四五”工业绿色发展规划" in names(extraction, "Program")
    assert ("工业和信息化部", "疫苗生产企业扩产专班") in relations(extraction, "responsibleFor")  # 组建 a 专班
    assert ("工业和信息化部信息通信管理局", "工业和信息化部") in relations(extraction, "partOf")
    assert ("工业和信息化部信息通信管理局", "“网络提速”行动") in relations(extraction, "responsibleFor")


def test_a_zone_named_inside_a_plan_s_title_is_mentioned_too() -> None:
    extraction = extract_text("为落实《杭州国家人工智能创新应用先导区建设方案》，制定本政策。\n", "hz.txt")
    assert "杭州国家人工智能创新应用先导区建设方案" in names(extraction, "Program")
    assert "杭州国家人工智能创新应用先导区" in names(extraction, "Cluster")


def test_verbs_inside_program_names_before_their_kind_word() -> None:
    text = "落实泉城产业领军人才支持计划和重点实验室梯次培育计划，持续深化城市商业提升行动。\n"
    programs = names(extract_text(text, "jn2.txt"), "Program")
    assert {"泉城产业领军人才支持计划", "重点实验室梯次培育计划", "城市商业提升行动"} <= programs


def test_shen_hua_inside_a_commission_s_name_is_no_boundary() -> None:
    extraction = extract_text("中央全面深化改革委员会审议通过了有关意见。\n", "zy.txt")
    assert "中央全面深化改革委员会" in names(extraction, "Agency")


def test_what_is_set_up_in_a_place_is_located_there() -> None:
    extraction = extract_text("支持华为在东莞市建设松山湖研发中心。\n", "dg.txt")
    assert ("松山湖研发中心", "东莞市") in relations(extraction, "locatedIn")


def test_towns_science_cities_and_industrial_park_districts_are_clusters() -> None:
    text = "推动杭州未来科技城和梦想小镇建设。\n推进中新广州知识城建设，做强东莞松山湖科技产业园区。\n"
    clusters = names(extract_text(text, "cl.txt"), "Cluster")
    assert {"梦想小镇", "中新广州知识城", "东莞松山湖科技产业园区"} <= clusters


ZONE_RULES = """南京江北新区集成电路产业扶持资金管理细则
一、总则
（一）为加快集成电路产业集聚发展，新区设立集成电路产业扶持资金（以下简称“扶持资金”），每年安排2亿元。
（二）扶持资金由新区财政局和新区经济发展局按职责分工共同管理。
二、支持内容
（一）落户奖励。对新落户的集成电路设计企业，给予最高500万元落户奖励。
三、申报程序
企业向新区经济发展局提交申请材料，经审核后报新区管委会审定。
"""


def test_a_new_area_s_own_document_names_its_fund_and_bureaus_after_it() -> None:
    extraction = extract_text(ZONE_RULES, "jb.txt")
    fund = "南京江北新区集成电路产业扶持资金"
    assert names(extraction, "Fund") == {fund}  # the title's fund, the defined one and its short name: one
    agencies = names(extraction, "Agency")
    assert {"南京江北新区财政局", "南京江北新区经济发展局", "南京江北新区管委会"} <= agencies  # 新区 stands for it
    assert ("南京江北新区经济发展局", fund) in relations(extraction, "responsibleFor")  # 由X和Y共同管理
    programs = names(extraction, "Program")
    assert not any("由" in name for name in programs)  # a numbered sentence saying who manages is no measure
    assert ("南京江北新区集成电路产业扶持资金管理细则", "南京江北新区") in relations(extraction, "locatedIn")


def test_a_task_force_is_named_where_it_is_set_up_and_a_bridge_loan_is_no_product() -> None:
    text = "郑州市“万人助万企”简报\n企业遇到难题时拨打专班热线。\n郑东新区设立应急转贷资金池。\n"
    extraction = extract_text(text, "zz2.txt")
    assert not any(name.endswith("专班") for name in names(extraction, "Agency"))  # no one set up here
    assert not any(name.endswith("转贷") for name in names(extraction, "Fund"))  # 转贷: relending, a word


def test_an_agency_that_convenes_a_conference_leads_it_and_it_is_held_in_the_city() -> None:
    text = "6月18日，浙江省经济和信息化厅在杭州市召开2024年浙江省数字经济发展大会。\n"
    extraction = extract_text(text, "zjh.txt")
    assert ("浙江省经济和信息化厅", "2024年浙江省数字经济发展大会") in relations(extraction, "responsibleFor")
    assert ("2024年浙江省数字经济发展大会", "杭州市") in relations(extraction, "locatedIn")


FORWARD = """青岛市工业和信息化局关于转发《山东省工业和信息化厅关于开展人工智能企业培育工作的通知》的通知
各区（市）工业和信息化主管部门：
现将上述通知转发给你们，请认真组织申报。
一、申报要求
请于5月10日前报送推荐材料。
"""


def test_a_notice_forwarding_another_is_a_document_of_its_own_and_its_sections_no_measures() -> None:
    extraction = extract_text(FORWARD, "qdf.txt")
    notice = FORWARD.splitlines()[0]
    assert ("青岛市工业和信息化局", notice) in relations(extraction, "responsibleFor")
    assert "山东省工业和信息化厅关于开展人工智能企业培育工作的通知" in names(extraction, "Program")
    assert "申报要求" not in names(extraction, "Program")


COUNTY_CITY_RULES = """临江市人工智能专项资金管理办法
第一条 为规范临江市人工智能专项资金（以下简称“专项资金”）管理，制定本办法。
第二条 市工业和信息化局负责专项资金的项目征集和评审；市财政局负责专项资金的预算管理。
"""


def test_a_county_level_city_s_own_document_means_itself_by_shi() -> None:
    extraction = extract_text(COUNTY_CITY_RULES, "lj.txt")
    agencies = names(extraction, "Agency")
    assert {"临江市工业和信息化局", "临江市财政局"} <= agencies  # not its prefecture 白山市's bureaus
    assert not any(name.startswith("白山市") for name in agencies)
    fund = "临江市人工智能专项资金"
    assert names(extraction, "Fund") == {fund}  # 为规范…: the verb is no part of the fund's name
    assert ("临江市财政局", fund) in relations(extraction, "responsibleFor")


YOUTH_MEASURES = """济宁市任城区关于支持青年创业的若干措施
一、支持创业团队落户。对新落户的团队给予最高20万元启动补贴，本条由区人力资源和社会保障局负责受理。
二、支持参加创业大赛。获奖项目由区团委、区科学技术局按程序兑现，所需资金由市、区两级财政按1:1比例分担。
三、提供场地补贴。申请材料由各街道统一交到区科学技术局业务受理窗口，所需资金由区财政承担。
四、开展“青春筑梦”青年服务行动。
"""


def test_who_accepts_or_pays_out_a_measure_leads_it_and_treasuries_that_share_its_cost_fund_it() -> None:
    extraction = extract_text(YOUTH_MEASURES, "rc.txt")
    leads = relations(extraction, "responsibleFor")
    assert ("任城区人力资源和社会保障局", "支持创业团队落户") in leads  # 由X负责受理
    assert {("任城区团委", "支持参加创业大赛"), ("任城区科学技术局", "支持参加创业大赛")} <= leads  # 由X按程序兑现
    assert ("任城区科学技术局", "提供场地补贴") not in leads  # 交到X业务受理窗口: X is where papers go
    funds = relations(extraction, "funds")
    assert {("济宁市财政局", "支持参加创业大赛"), ("任城区财政局", "支持参加创业大赛")} <= funds  # 市、区两级财政
    assert ("任城区财政局", "提供场地补贴") in funds  # 由区财政承担
    assert "“青春筑梦”青年服务行动" in names(extraction, "Program")  # 服务 before 行动 is part of the name


def test_a_conjunction_inside_a_standard_organ_term_does_not_cut_a_name() -> None:
    text = "国新办举行2023年工业和信息化发展情况新闻发布会\n1月17日，国务院新闻办公室举行发布会。\n"
    extraction = extract_text(text, "scio.txt")
    assert "2023年工业和信息化发展情况新闻发布会" in names(extraction, "Program")  # 工业和信息化 is one term
    assert "信息化发展情况新闻发布会" not in names(extraction, "Program")
    assert ("国务院新闻办公室", "2023年工业和信息化发展情况新闻发布会") in relations(extraction, "responsibleFor")


COUNTY_OPINIONS = """沭阳县关于加快重点产业发展的实施意见
一、重点任务
（一）做大做强新材料产业。引进一批新材料龙头企业。（责任单位：县工信局）
（二）加快发展现代物流业：建设县级物流配送中心，对新建冷链仓储项目给予补助。
1.投融资服务：为物流企业对接银行。
二、保障措施
（一）强化资金保障。县财政每年安排重点产业发展专项资金2000万元，设立县级产业引导基金。
（二）加强法治保障。贯彻落实《中华人民共和国中小企业促进法》和《区域全面经济伙伴关系协定》。
"""


def test_a_colon_ends_a_measure_title_that_opens_with_a_verb_and_a_sum_arranged_names_a_fund() -> None:
    extraction = extract_text(COUNTY_OPINIONS, "sy.txt")
    programs = names(extraction, "Program")
    assert "加快发展现代物流业" in programs  # （二）title：body
    assert "投融资服务" not in programs  # 1.a service：its text, no measure
    funds = names(extraction, "Fund")
    assert "沭阳县重点产业发展专项资金" in funds  # 安排…资金2000万元: the county's own fund
    assert "沭阳县产业引导基金" in funds  # 县级 is the county's: not "沭阳县县级…"
    assert ("沭阳县财政局", "沭阳县重点产业发展专项资金") in relations(extraction, "funds")
    assert {"中华人民共和国中小企业促进法", "区域全面经济伙伴关系协定"} <= programs  # laws and treaties


def test_congresses_and_political_consultative_committees_and_organs_whose_name_holds_their_parent() -> None:
    text = ("浙江省人大常委会关于数字经济的决定\n浙江省人民代表大会常务委员会、浙江省政协和杭州市委、杭州市人大常委会出席。\n"
            "国务院办公厅、国务院、工业和信息化部派员参加。\n")
    extraction = extract_text(text, "zjrd.txt")
    agencies = names(extraction, "Agency")
    assert {"浙江省人民代表大会常务委员会", "浙江省政协", "中共杭州市委员会", "杭州市人民代表大会常务委员会"} <= agencies
    assert "浙江省政协和杭州市委" not in agencies  # 政协 is a body of its own: 和 joins two
    part_of = relations(extraction, "partOf")
    assert ("杭州市人民代表大会常务委员会", "杭州市") in part_of
    assert ("国务院办公厅", "国务院") in part_of  # its name holds the State Council
    assert ("工业和信息化部", "国务院") not in part_of  # true, but not said here


def test_clusters_named_after_their_city_and_cooperation_actions() -> None:
    text = ("工信部新闻发布会\n新认定深圳市新一代信息通信集群、苏州市纳米新材料集群等国家先进制造业集群。\n"
            "继续开展“千校万企”协同创新伙伴行动。\n")
    extraction = extract_text(text, "miit.txt")
    clusters = names(extraction, "Cluster")
    assert {"深圳市新一代信息通信集群", "苏州市纳米新材料集群"} <= clusters
    assert not any(name.endswith("先进制造业集群") for name in clusters)  # a kind, no place in it
    assert ("苏州市纳米新材料集群", "苏州市") in relations(extraction, "locatedIn")
    assert "“千校万企”协同创新伙伴行动" in names(extraction, "Program")  # 协同创新 is one word


MATCHMAKING_NEWS = """哈尔滨市举办数字经济产业招商对接会
11月8日，由哈尔滨市工业和信息化局主办的2023哈尔滨数字经济产业招商对接会在松北区举行。
南岗区、道里区分别推介了营商环境。市工信局表示，将用好省数字经济发展专项资金，支持企业上云。
"""


def test_an_event_in_the_headline_and_again_with_its_year_and_city_is_one_and_a_provincial_fund() -> None:
    extraction = extract_text(MATCHMAKING_NEWS, "hrb.txt")
    programs = names(extraction, "Program")
    assert "2023哈尔滨数字经济产业招商对接会" in programs
    assert "数字经济产业招商对接会" not in programs  # the headline's name is the same event's
    assert ("哈尔滨市工业和信息化局", "2023哈尔滨数字经济产业招商对接会") in relations(extraction, "responsibleFor")
    assert names(extraction, "Fund") == {"黑龙江省数字经济发展专项资金"}  # 用好 is a verb; 省 is the province


def test_an_article_s_title_in_brackets_is_a_measure() -> None:
    text = ("济宁市任城区支持青年创业若干措施\n第一条 为吸引青年来区创业，制定本措施。\n"
            "第三条 【落户奖励】对青年创办的企业，给予一次性落户奖励5万元。\n")
    extraction = extract_text(text, "art.txt")
    assert ("落户奖励", "济宁市任城区支持青年创业若干措施") in relations(extraction, "partOf")
    assert not any(name.startswith("为吸引") for name in names(extraction, "Program"))


def test_a_page_s_record_of_the_document_above_its_title_is_skipped() -> None:
    text = ("索引号：11370100MB2853/2023-00123\n发布机构：济南市科学技术局\n成文日期：2023-05-10\n"
            "发文字号：济科发〔2023〕5号\n济南市科学技术局关于印发《济南市科技型企业培育办法》的通知\n"
            "各区县科技主管部门：\n现将办法印发给你们。\n一、支持企业研发。对研发投入增长的企业给予奖励。\n")
    extraction = extract_text(text, "meta.txt")
    assert ("支持企业研发", "济南市科技型企业培育办法") in relations(extraction, "partOf")
    assert ("济南市科技型企业培育办法", "济南市") in relations(extraction, "locatedIn")


def test_the_organ_a_document_number_names_issues_the_document() -> None:
    text = "国办发〔2023〕5号\n关于加快发展数字经济的意见\n各省、自治区、直辖市人民政府：\n一、加快建设数字基础设施。\n"
    extraction = extract_text(text, "gb.txt")
    assert ("国务院办公厅", "关于加快发展数字经济的意见") in relations(extraction, "responsibleFor")


def test_adaptation_enabling_and_computing_centres_named_after_a_place_are_labs() -> None:
    text = "济南市关于支持算力产业的措施\n支持济南鲲鹏适配中心、山东省人工智能测评中心、济南人工智能算力中心建设，建设一批算力中心。\n"
    extraction = extract_text(text, "sl.txt")
    labs = names(extraction, "Lab")
    assert {"济南鲲鹏适配中心", "山东省人工智能测评中心", "济南人工智能算力中心"} <= labs
    assert "算力中心" not in labs  # a kind of centre
    assert ("济南人工智能算力中心", "济南市") in relations(extraction, "locatedIn")


def test_a_district_the_title_names_is_the_document_s_though_another_city_has_one_of_that_name() -> None:
    text = ("深圳市南山区关于支持港澳青年创新创业的若干措施\n一、支持创业落地。对新注册的企业给予最高10万元开办补贴。\n"
            "二、本措施由区人力资源局负责解释。\n")
    extraction = extract_text(text, "ns.txt")
    assert ("深圳市南山区关于支持港澳青年创新创业的若干措施", "南山区") in relations(extraction, "locatedIn")
    assert "南山区人力资源局" in names(extraction, "Agency")  # 区 is the district's


def test_a_faq_is_a_document_its_source_field_names_who_published_it_and_service_centres_are_organs() -> None:
    text = ("佛山市创业担保贷款政策问答\n信息来源：佛山市人力资源和社会保障局  佛山市劳动就业服务管理中心\n"
            "1.问：到哪里申请？\n答：经办银行为中国工商银行佛山分行、佛山农村商业银行。\n")
    extraction = extract_text(text, "faq.txt")
    faq = "佛山市创业担保贷款政策问答"
    assert faq in names(extraction, "Program")
    leads = relations(extraction, "responsibleFor")
    assert {("佛山市人力资源和社会保障局", faq), ("佛山市劳动就业服务管理中心", faq)} <= leads
    enterprises = names(extraction, "Enterprise")
    assert "中国工商银行佛山分行" in enterprises  # 为 after 银行 is the verb, though 行为 is a word
    assert not any(name.startswith("经办银行") for name in enterprises)


def test_a_news_headline_that_a_city_published_a_list_names_the_list_as_the_document() -> None:
    text = ("中山市公布2024年度“专精特新”培育企业名单\n近日，中山市工业和信息化局公布了名单，"
            "中山大洋电机股份有限公司等86家企业入选。\n")
    extraction = extract_text(text, "zs.txt")
    programs = names(extraction, "Program")
    assert "2024年度“专精特新”培育企业名单" in programs
    assert not any(name.startswith("中山市公布") for name in programs)


def test_a_report_s_headings_that_say_what_was_done_are_no_measures_its_tasks_are() -> None:
    text = ("国务院关于某项工作情况的报告\n\n一、工作成效\n\n（一）园区配套设施实现全面提升。各地加快完善道路管网。\n\n"
            "（二）数字政务水平稳步提高。各地推进一网办理。\n\n二、下一步工作安排\n\n"
            "（一）集中力量推进技术攻关，牢牢掌握发展主动权。以国家需求为导向，开展攻关。\n")
    extraction = extract_text(text, "report.txt")
    programs = names(extraction, "Program")
    task = "集中力量推进技术攻关，牢牢掌握发展主动权"
    assert task in programs
    assert (task, "国务院关于某项工作情况的报告") in relations(extraction, "partOf")
    assert not {"园区配套设施实现全面提升", "数字政务水平稳步提高"} & programs


DISTRICT_YOUTH = """广州市越秀区支持港澳青年创新创业若干措施

一、支持创业场地。对入驻区内创业基地的港澳青年初创企业，给予最高3万元租金补贴。基地的认定和管理由区科技和工业信息化局负责。

二、支持创业融资。对获得银行贷款的初创企业给予贴息。所需资金由区财政局统筹安排。

三、支持人才安居。港澳青年人才可申请人才公寓，由区住房和建设局负责受理。

四、打造交流平台。每年举办越秀港澳青年创新创业大赛，由团区委、区人力资源和社会保障局共同主办。
"""


def test_district_organ_names_the_youth_league_and_a_named_finance_bureau_that_arranges_the_money() -> None:
    extraction = extract_text(DISTRICT_YOUTH, "yx.txt")
    leads = relations(extraction, "responsibleFor")
    assert ("越秀区科技和工业信息化局", "支持创业场地") in leads
    assert ("越秀区住房和建设局", "支持人才安居") in leads
    contest = "越秀港澳青年创新创业大赛"
    assert {("共青团越秀区委员会", contest), ("越秀区人力资源和社会保障局", contest)} <= leads
    assert not any(name.startswith("中共") for name in names(extraction, "Agency"))  # 团区委 is no Party committee
    assert ("越秀区财政局", "支持创业融资") in relations(extraction, "funds")


def test_science_cities_national_lab_bases_seats_in_brackets_and_a_city_s_own_group() -> None:
    text = ("青岛市关于推进科技创新的若干措施\n\n一、建设创新平台。推进中科院青岛科创城建设，支持国家实验室青岛基地发展，"
            "提升国家海洋装备创新中心（烟台）能力，推动青岛大学崂山创新港建设。由市金融控股集团设立子基金。\n")
    extraction = extract_text(text, "qd.txt")
    assert "中科院青岛科创城" in names(extraction, "Cluster")
    labs = names(extraction, "Lab")
    assert {"国家实验室青岛基地", "国家海洋装备创新中心（烟台）", "青岛大学"} <= labs
    assert "国家海洋装备创新中心" not in labs  # the seat in brackets is no sub-unit
    assert {("中科院青岛科创城", "青岛市"), ("国家实验室青岛基地", "青岛市"), ("国家海洋装备创新中心（烟台）", "烟台市"),
            ("青岛大学", "青岛市")} <= relations(extraction, "locatedIn")  # the university inside the 创新港's name too
    assert "青岛市金融控股集团" in names(extraction, "Enterprise")  # 市…集团 in a Qingdao text: Qingdao's


def test_a_program_carried_out_is_named_though_common_words_make_it_and_a_work_group_set_up_is_led() -> None:
    text = ("工信部就芯片供应答记者问\n\n工信部将深入实施制造业数字化转型行动。针对芯片供应紧张，"
            "工信部牵头成立了汽车芯片供需对接工作组。各地要加快数字化转型行动。\n")
    extraction = extract_text(text, "chips.txt")
    programs = names(extraction, "Program")
    assert "制造业数字化转型行动" in programs
    assert "数字化转型行动" not in programs  # no one carries it out: a kind of action
    assert ("工业和信息化部", "汽车芯片供需对接工作组") in relations(extraction, "responsibleFor")


def test_a_ministry_s_bureaus_named_bare_before_their_heads_titles_are_its_own() -> None:
    text = ("工信部发布会答问\n\n国务院新闻办公室举行发布会，工业和信息化部新闻发言人、运行监测协调局局长介绍情况。"
            "信息通信管理局副局长说，将拓展“丝路电商”全球布局。市财政局、统计局参加。\n")
    extraction = extract_text(text, "miit.txt")
    agencies = names(extraction, "Agency")
    assert {"工业和信息化部运行监测协调局", "工业和信息化部信息通信管理局"} <= agencies
    assert ("工业和信息化部运行监测协调局", "工业和信息化部") in relations(extraction, "partOf")
    assert not any(name.endswith(("全球布局", "财政局", "统计局")) and name.startswith("工业和信息化部") for name in agencies)


def test_a_short_program_carried_out_and_a_three_year_plan_after_its_verb_are_named() -> None:
    text = "某市工作要点\n\n开展银龄助学行动。实施科技企业培育三年行动计划。开展专项行动。\n"
    programs = names(extract_text(text, "yd.txt"), "Program")
    assert {"银龄助学行动", "科技企业培育三年行动计划"} <= programs
    assert "专项行动" not in programs


def test_a_platform_of_two_services_joined_by_and_is_one_name() -> None:
    text = ("某园区简介\n\n园区搭建了细胞培养和检测服务平台。支持企业和高校共建服务平台。"
            "建设城市信息平台和运行管理服务平台。\n")
    programs = names(extract_text(text, "park.txt"), "Program")
    assert "细胞培养和检测服务平台" in programs
    assert not any(name.startswith(("企业和", "城市信息平台和")) for name in programs)


def test_numbered_items_under_the_conditions_and_procedure_of_an_application_are_no_measures() -> None:
    text = ("关于组织申报2025年度数字经济示范企业的通知\n\n各区工业和信息化主管部门：\n\n一、申报条件\n\n"
            "（一）在嘉兴市内注册的企业。\n\n（二）上年度营业收入不低于3000万元。\n\n二、支持内容\n\n"
            "（一）加快数字化改造。对示范企业给予奖励。\n\n三、联系方式\n\n（一）市经济和信息化局数字经济处。\n")
    extraction = extract_text(text, "jx.txt")
    programs = names(extraction, "Program")
    assert "加快数字化改造" in programs  # a measure after the conditions closes them
    assert not any(name.startswith(("上年度", "市经济")) for name in programs)


def test_a_city_that_signs_with_a_company_is_no_part_of_its_name() -> None:
    text = "签约新闻\n\n会上，吉林市与长白山云计算有限公司签约，吉林市同东北数据科技股份有限公司达成合作。\n"
    enterprises = names(extract_text(text, "jl.txt"), "Enterprise")
    assert {"长白山云计算有限公司", "东北数据科技股份有限公司"} <= enterprises
    assert not any(name.startswith("吉林市") for name in enterprises)


def test_measures_numbered_only_with_bracketed_digits_or_a_numeral_and_a_dot() -> None:
    only_items = ("某县支持产业发展的若干措施\n\n（1）支持企业上规模。对新入规企业给予奖励。（责任单位：县工信局）\n\n"
                  "（2）支持技术改造。对技改项目给予补助。（责任单位：县发改局）\n")
    leads = relations(extract_text(only_items, "items.txt"), "responsibleFor")
    assert {("县工信局", "支持企业上规模"), ("县发改局", "支持技术改造")} <= leads
    dotted = "某县支持产业发展的若干措施\n\n一.支持企业上规模。对新入规企业给予奖励。\n\n二.支持技术改造。对技改项目给予补助。\n"
    assert {"支持企业上规模", "支持技术改造"} <= names(extract_text(dotted, "dots.txt"), "Program")
    under = ("某县支持产业发展的若干措施\n\n一、支持企业上规模。对新入规企业给予奖励：（1）首次入规的；（2）连续增长的。\n")
    assert not any(name.startswith(("首次", "连续")) for name in names(extract_text(under, "under.txt"), "Program"))


def test_a_unit_s_role_after_an_unread_heading_does_not_fall_to_the_measure_before() -> None:
    text = ("某县支持产业发展的若干措施\n\n一、支持企业上规模。对新入规企业给予奖励。（责任单位：县工信局）\n\n"
            "二、支持技术改造。对技改项目给予补助。（责任单位：县发改局）\n\n"
            "★支持品牌建设。对获得品牌的企业给予奖励。（责任单位：县市场监管局）\n")
    leads = relations(extract_text(text, "brand.txt"), "responsibleFor")
    assert ("县发改局", "支持技术改造") in leads
    assert ("县市场监管局", "支持技术改造") not in leads  # its measure's heading was not read: no edge


def test_a_markdown_task_table_s_rule_row_is_no_task() -> None:
    text = ("某市重点任务分工\n\n| 序号 | 重点任务 | 牵头单位 |\n| --- | --- | --- |\n"
            "| 1 | 建设城市算力网 | 市大数据局 |\n")
    extraction = extract_text(text, "md.txt")
    assert ("市大数据局", "建设城市算力网") in relations(extraction, "responsibleFor")
    assert not any(set(name) <= set("-: ") for name in names(extraction, "Program"))


def test_a_fund_after_its_arranged_sum_and_no_finance_bureau_funding_itself() -> None:
    text = ("辉南县关于加快重点产业发展的意见\n\n一、强化财政保障。县财政每年安排不少于3000万元的重点产业发展专项资金，"
            "由县财政局、县工业和信息化局共同管理。设立5000万元的中小企业贷款风险补偿资金池。\n")
    extraction = extract_text(text, "hn.txt")
    funds = names(extraction, "Fund")
    assert {"辉南县重点产业发展专项资金", "辉南县中小企业贷款风险补偿资金池"} <= funds
    by_key = {m.key: m.name for m in extraction.mentions}
    pairs = {(by_key[r.subject], by_key[r.object]) for r in extraction.relations}
    assert ("辉南县财政局", "辉南县重点产业发展专项资金") in relations(extraction, "funds")
    assert not any(subject == obj for subject, obj in pairs)  # nothing funds or leads itself


def test_a_development_zone_named_short_in_the_opening_line_is_the_document_s_own() -> None:
    text = ("关于支持企业发展的若干措施\n\n为推动嘉兴高新区数字经济发展，制定本措施。\n\n"
            "一、支持企业发展。由区工业和信息化局负责。\n")
    extraction = extract_text(text, "jxgx.txt")
    zone = "嘉兴高新技术产业开发区"
    assert extraction.jurisdiction.district == zone
    assert zone in names(extraction, "Place")
    assert (zone + "工业和信息化局", "支持企业发展") in relations(extraction, "responsibleFor")


def test_a_level_character_opens_a_longer_organ_name_across_a_verb_inside_it() -> None:
    text = "推进会\n\n哈尔滨市召开推进会，市营商环境建设监督局、市工信局作了交流发言。\n"
    agencies = names(extract_text(text, "hrb.txt"), "Agency")
    assert {"哈尔滨市营商环境建设监督局", "哈尔滨市工业和信息化局"} <= agencies


def test_a_pilot_zone_of_a_policy_is_a_program_and_a_measure_building_it_does_not_hold_it() -> None:
    text = ("某市关于推进改革创新的若干措施\n\n一、高标准建设人才发展改革试验区。支持建设人才发展改革试验区，"
            "推动宁波智能网联汽车先导试验区发展。\n")
    extraction = extract_text(text, "nb.txt")
    assert "人才发展改革试验区" in names(extraction, "Program")
    assert "宁波智能网联汽车先导试验区" in names(extraction, "Cluster")
    assert ("人才发展改革试验区", "高标准建设人才发展改革试验区") not in relations(extraction, "partOf")


def test_labs_named_after_a_short_place_and_the_academy_s_institutes_with_and_in_their_names() -> None:
    text = ("某市关于支持创新平台建设的通知\n\n一、支持重大平台。支持之江实验室、中国科学院宁波材料技术与工程研究所建设联合实验室，"
            "对新认定的浙江省重点实验室给予奖励。\n")
    extraction = extract_text(text, "zj.txt")
    labs = names(extraction, "Lab")
    institute = "中国科学院宁波材料技术与工程研究所"
    assert {"之江实验室", institute} <= labs
    assert "浙江省重点实验室" not in labs  # a title labs are granted
    assert (institute, "中国科学院") in relations(extraction, "partOf")


def test_a_counted_kind_of_cluster_and_a_heading_that_reports_a_listing_are_no_names() -> None:
    text = ("佛山市推进产业集群发展的实施方案\n\n一、培育先进制造业集群。重点打造泛家居、装备制造两个万亿级产业集群。\n\n"
            "二、佛山市智能家电产业集群入选国家先进制造业集群名单。\n\n三、建设佛山市智能装备产业园。\n")
    extraction = extract_text(text, "fs.txt")
    assert not any("两个" in name for name in names(extraction, "Cluster"))
    assert "佛山市智能家电产业集群" in names(extraction, "Cluster")
    assert not any(name.endswith("名单") for name in names(extraction, "Program"))
