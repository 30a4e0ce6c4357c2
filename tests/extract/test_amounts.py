from decimal import Decimal

import pytest

from graph.extract.amounts import chinese_amounts, english_amounts, english_money


@pytest.mark.parametrize(("text", "yuan", "written"), [
    ("obtained 4.64 billion yuan in funds", Decimal("4640000000"), "4.64 billion yuan"),
    ("rewards totaling 28.1172 million yuan.", Decimal("28117200"), "28.1172 million yuan"),
    ("rewarded 500,000 yuan for", Decimal("500000"), "500,000 yuan"),
    ("they rewarded 2 million yuan and", Decimal("2000000"), "2 million yuan"),
    ("a grant of RMB 5 million", Decimal("5000000"), "RMB 5 million"),
    ("the loan came to RMB800 each", Decimal("800"), "RMB800"),
    ("a CNY 1.2 billion credit line", Decimal("1200000000"), "CNY 1.2 billion"),
    ("registered capital of 2.3 billion renminbi", Decimal("2300000000"), "2.3 billion renminbi"),
    ("a fee of 750 RMB per head", Decimal("750"), "750 RMB"),
    ("a Rmb4bn facility", Decimal("4000000000"), "Rmb4bn"),
    # a ceiling keeps its qualifier in the text and the cap as the number
    ("grants of up to RMB 3 million per firm", Decimal("3000000"), "up to RMB 3 million"),
])
def test_english_amounts_are_exact_yuan_with_the_text_kept(text: str, yuan: Decimal, written: str) -> None:
    [found] = list(english_amounts(text))
    assert found.amount.yuan == yuan
    assert found.amount.text == written
    assert text[found.start:found.end] == written


def test_counts_and_percentages_are_not_money() -> None:
    assert list(chinese_amounts("3.46万余人参训")) == []
    assert list(english_amounts("a 13.8% rise and 522,000 enterprises")) == []


@pytest.mark.parametrize(("text", "yuan"), [
    ("累计投放7.2亿元", Decimal("720000000")), ("节约成本超过2000万元", Decimal("20000000")),
    ("授信额度为22.05万元", Decimal("220500")), ("最高200万元补助", Decimal("2000000")),
    # Chinese numerals, read by cn2an
    ("安排二十万元奖励", Decimal("200000")), ("一亿两千万元", Decimal("120000000")),
    ("三千五百万元专项资金", Decimal("35000000")), ("投放7,200万元", Decimal("72000000")),
])
def test_chinese_amounts_are_exact_yuan_with_the_text_kept(text: str, yuan: Decimal) -> None:
    [found] = list(chinese_amounts(text))
    assert found.amount.yuan == yuan
    assert text[found.start:found.end] == found.amount.text


@pytest.mark.parametrize("text", ["全市3.46万余人参训", "助企“三十条”出台", "第十四工作组", "2022年4月"])
def test_counts_and_numbered_names_are_not_money(text: str) -> None:
    assert list(chinese_amounts(text)) == []


@pytest.mark.parametrize(("text", "written"), [
    ("a $450 million plant", "$450 million"),
    ("worth HK$12 billion in total", "HK$12 billion"),
    ("costs of US$61.2 million", "US$61.2 million"),
    ("a 7 million dollars deal", "7 million dollars"),
    ("an amount of 2-4 million yuan", "2-4 million yuan"),
    ("between 10 and 20 billion yuan of spending", "between 10 and 20 billion yuan"),
    ("RMB 6 million to 9 million for each", "RMB 6 million to 9 million"),
    # a figure garbled in translation (2.4亿 read twice) is no number: wrong is worse than missing
    ("bonds amounting to 2.4 billion 100 million yuan", "2.4 billion 100 million yuan"),
])
def test_foreign_money_ranges_and_garbled_figures_keep_their_text_but_no_yuan(text: str, written: str) -> None:
    assert list(english_amounts(text)) == []
    [found] = list(english_money(text))
    assert found.amount is None
    assert found.text == written == text[found.start:found.end]


def test_yuan_and_a_foreign_equivalent_side_by_side() -> None:
    found = list(english_money("it will spend 8 billion yuan ($1.2 billion) on roads"))
    assert [(f.amount.yuan if f.amount else None, f.text) for f in found] == [
        (Decimal("8000000000"), "8 billion yuan"), (None, "$1.2 billion")]


def test_a_year_before_an_amount_is_not_part_of_it() -> None:
    [found] = list(english_amounts("sales in 2025 1 million yuan higher"))
    assert found.amount.yuan == Decimal("1000000") and found.text == "1 million yuan"


@pytest.mark.parametrize(("text", "ceilings"), [
    ("对获奖项目给予最高10万元奖励，另奖励5万元。", [True, False]),
    ("区级奖补资金每年不超过800万元。", [True]),
    ("单个项目按100万元封顶。", [True]),
    ("市财政每年出资1亿元。", [False]),
])
def test_chinese_ceilings_are_flagged(text: str, ceilings: list[bool]) -> None:
    assert [span.amount.ceiling for span in chinese_amounts(text) if span.amount] == ceilings


def test_english_ceilings_are_flagged() -> None:
    spans = list(english_money("It offers up to 1 million yuan per firm and a grant of RMB 2 million."))
    assert [span.amount.ceiling for span in spans if span.amount] == [True, False]
