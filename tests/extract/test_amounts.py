from decimal import Decimal

import pytest

from graph.extract.amounts import chinese_amounts, english_amounts


@pytest.mark.parametrize(("text", "yuan", "written"), [
    ("obtained 4.64 billion yuan in funds", Decimal("4640000000"), "4.64 billion yuan"),
    ("rewards totaling 28.1172 million yuan.", Decimal("28117200"), "28.1172 million yuan"),
    ("rewarded 500,000 yuan for", Decimal("500000"), "500,000 yuan"),
    ("they rewarded 2 million yuan and", Decimal("2000000"), "2 million yuan"),
    ("a grant of RMB 5 million", Decimal("5000000"), "RMB 5 million"),
    ("bonds amounting to 3.55 billion 100 million yuan", Decimal("3650000000"), "3.55 billion 100 million yuan"),
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
