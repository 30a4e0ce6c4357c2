"""Money amounts in text to exact decimal yuan, keeping the text as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from ..model import Amount

_EN_SCALES = {
    "hundred": Decimal(100), "thousand": Decimal(1000), "ten thousand": Decimal(10_000),
    "million": Decimal(10) ** 6, "hundred million": Decimal(10) ** 8, "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}
_ZH_SCALES = {"千": Decimal(1000), "万": Decimal(10_000), "百万": Decimal(10) ** 6,
              "千万": Decimal(10) ** 7, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EN_SCALE = r"hundred million|ten thousand|thousand|million|billion|trillion|hundred"
_EN_PART = rf"(?:{_NUMBER})\s*(?:{_EN_SCALE})?"
# "4.64 billion yuan", "RMB 5 million", "3.55 billion 100 million yuan", "500,000 yuan"
_EN_AMOUNT = re.compile(
    rf"(?:(?:RMB|CNY|¥)\s*(?P<pre>{_EN_PART}(?:\s+{_EN_PART})*)(?:\s*yuan)?"
    rf"|(?P<post>{_EN_PART}(?:\s+{_EN_PART})*)\s*(?:yuan|RMB|CNY)\b)",
    re.IGNORECASE,
)
_EN_ONE_PART = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<scale>{_EN_SCALE})?", re.IGNORECASE)
# "7.2亿元", "2000万元", "22.05万元", "200万元", "二十万元"; "3.46万余人" is a count (no 元) and
# "三十条" is a number of measures: neither is matched.
_ZH_AMOUNT = re.compile(r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                        r"(?P<scale>万亿|千万|百万|亿|万|千)?(?:多|余)?\s*(?:元|人民币)"
                        r"|(?P<numeral>[零〇一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十百千万亿])(?:多|余)?元")


@dataclass(frozen=True)
class AmountSpan:
    amount: Amount
    start: int
    end: int


def _parse_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def english_amounts(text: str) -> Iterator[AmountSpan]:
    lowered = text.lower()
    if "yuan" not in lowered and "rmb" not in lowered and "cny" not in lowered and "¥" not in text:
        return  # most sentences name no money; the full pattern is slow to fail
    for match in _EN_AMOUNT.finditer(text):
        parts = match.group("pre") or match.group("post")
        total = Decimal(0)
        for part in _EN_ONE_PART.finditer(parts):
            scale = part.group("scale")
            total += _parse_number(part.group("number")) * (_EN_SCALES[scale.lower()] if scale else 1)
        yield AmountSpan(Amount(_normal(total), match.group().strip()), match.start(), match.end())


def chinese_amounts(text: str) -> Iterator[AmountSpan]:
    if "元" not in text and "人民币" not in text:
        return
    for match in _ZH_AMOUNT.finditer(text):
        if match.group("numeral"):
            try:  # Chinese numerals are read by cn2an, a maintained parser, not by hand
                value = Decimal(int(cn2an.cn2an(match.group("numeral"), "normal")))
            except ValueError:
                continue  # not a well-formed numeral ("十一二元")
        else:
            scale = match.group("scale")
            value = _parse_number(match.group("number")) * (_ZH_SCALES[scale] if scale else 1)
        yield AmountSpan(Amount(_normal(value), match.group()), match.start(), match.end())


def _normal(value: Decimal) -> Decimal:
    """Whole yuan where the amount is whole: 4.64 billion is 4640000000, not 4.64E+9."""
    integral = value.to_integral_value()
    return integral if integral == value else value.normalize()
