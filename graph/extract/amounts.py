"""Money amounts in text to exact decimal yuan, keeping the text as written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
_EN_SCALE = r"hundred million|ten thousand|thousand|million|billion|trillion|hundred|mn|bn"
_EN_PART = rf"(?:{_NUMBER})(?:\s*(?:{_EN_SCALE})\b)?"
# Parts before the last must carry a scale: "3.55 billion 100 million yuan" is one (garbled) amount,
# "in 2025 1 million yuan" is not.
_EN_CORE = rf"(?:(?:{_NUMBER})\s*(?:{_EN_SCALE})\s+)*{_EN_PART}"
# "3-5 million yuan", "RMB 3 million to 5 million", "between 3 and 5 billion yuan": a range, no one amount.
_EN_VALUE = (rf"(?:between\s+(?P<KINDbetween>{_EN_PART})\s+and\s+"
             rf"|(?P<KINDlow>{_EN_PART})\s*(?:-|–|—|~|to)\s*(?:RMB|CNY|¥)?\s*)?(?P<KINDcore>{_EN_CORE})")
_FOREIGN_PREFIX = r"(?:US|HK|NT|S|A|C|NZ)?\$|€|£|\b(?:USD|HKD|EUR|GBP|JPY|SGD|AUD|CAD|NTD)\b"
_FOREIGN_WORD = (r"(?:(?:US|U\.S\.|Hong Kong|HK|Singapore|Australian|Canadian|Taiwan)\s+)?dollars?"
                 r"|euros?|pounds(?:\s+sterling)?|yen|rupees?")
_CEILING = r"(?:up to|a maximum of|maximum of|no more than|not more than|not exceeding|at most|capped at)\s+"
# "RMB 50 million", "RMB800", "CNY 1.2 billion", "4.64 billion yuan", "1.85 billion renminbi", "up to RMB 1 million";
# "HK$53 billion", "$3 billion", "US$83.5 million", "5 million dollars": foreign money, text only.
_EN_AMOUNT = re.compile(
    rf"(?P<ceiling>{_CEILING})?"
    rf"(?:(?<![A-Za-z])(?:RMB|CNY|¥)\s*{_EN_VALUE.replace('KIND', 'pre')}(?:\s*(?:yuan|renminbi)\b)?"
    rf"|(?P<foreign>{_FOREIGN_PREFIX})\s*{_EN_VALUE.replace('KIND', 'fx')}"
    rf"|(?<![\w.,]){_EN_VALUE.replace('KIND', 'post')}\s*"
    rf"(?:(?P<yuan>yuan|renminbi|RMB|CNY)|(?P<fxword>{_FOREIGN_WORD}))\b)",
    re.IGNORECASE,
)
_EN_ONE_PART = re.compile(rf"(?P<number>{_NUMBER})\s*(?P<scale>{_EN_SCALE})?", re.IGNORECASE)
_EN_SCALE_ALIASES = {"mn": "million", "bn": "billion"}
_MONEY_WORDS = ("yuan", "rmb", "cny", "renminbi", "$", "€", "£", "¥", "usd", "hkd", "eur", "dollar", "euro",
                "pound", " yen", "rupee", "gbp", "jpy", "sgd", "aud", "cad", "ntd")
# "7.2亿元", "2000万元", "22.05万元", "200万元", "二十万元"; "3.46万余人" is a count (no 元) and
# "三十条" is a number of measures: neither is matched.
_ZH_RANGE_BEFORE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:至|到|~|～|-|－|—)\s*$")
_ZH_GARBLED_BEFORE = re.compile(r"\d+\.\d+\s*亿\s*$")  # 3.55亿100万元: a decimal 亿 and more after it
_ZH_COMPOUND_BEFORE = re.compile(r"(\d+)\s*亿\s*$")  # 1亿2000万元: one sum
# "最高给予500万元", "每年不超过1000万元", "100万元封顶": a ceiling, the most that may be paid
_ZH_CEILING_BEFORE = re.compile(r"(?:最高|最多|至多|不超过|不高于|不多于|上限为?)[^，,。；;：:\d]{0,8}$")
_ZH_CEILING_AFTER = re.compile(r"(?:为上限|封顶)")
_ZH_AMOUNT = re.compile(r"(?P<spoken>\d+(?:\.\d+)?)个(?P<spokenscale>亿|万)元?"
                        r"|(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                        r"(?P<scale>万亿|千万|百万|亿|万|千)?(?:多|余)?\s*(?:元|人民币)"
                        r"|(?P<numeral>[零〇一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十百千万亿])(?:多|余)?元")


@dataclass(frozen=True)
class AmountSpan:
    amount: Amount | None  # None: money stated, but not as an exact yuan figure (English foreign money, ranges)
    start: int
    end: int
    text: str = ""  # as written (English amounts)


def _parse_number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def english_money(text: str) -> Iterator[AmountSpan]:
    """Every stated sum of money, as written; ``amount`` is None where it is no exact yuan figure:
    foreign currency, a range, or a garbled figure ("3.55 billion 100 million yuan")."""
    lowered = text.lower()
    if not any(word in lowered for word in _MONEY_WORDS):
        return  # most sentences name no money; the full pattern is slow to fail
    for match in _EN_AMOUNT.finditer(text):
        written = match.group().strip()
        prefix = "pre" if match.group("precore") else "fx" if match.group("fxcore") else "post"
        foreign = match.group("foreign") or match.group("fxword")
        ranged = match.group(f"{prefix}low") or match.group(f"{prefix}between")
        parts = list(_EN_ONE_PART.finditer(match.group(f"{prefix}core")))
        if foreign or ranged or len(parts) != 1:
            yield AmountSpan(None, match.start(), match.end(), written)
            continue
        scale = parts[0].group("scale")
        scale = _EN_SCALE_ALIASES.get(scale.lower(), scale.lower()) if scale else None
        value = _parse_number(parts[0].group("number")) * (_EN_SCALES[scale] if scale else 1)
        ceiling = bool(match.group("ceiling"))
        yield AmountSpan(Amount(_normal(value), written, ceiling), match.start(), match.end(), written)


def english_amounts(text: str) -> Iterator[AmountSpan]:
    """The sums stated as an exact number of yuan (CNY); other money is left out (see english_money)."""
    return (span for span in english_money(text) if span.amount is not None)


def chinese_amounts(text: str) -> Iterator[AmountSpan]:
    """Amounts in yuan. A range ("3至5亿元"), a garbled figure ("3.55亿100万元") or foreign money is
    stated money but no exact yuan figure: its span comes with no amount. "1亿2000万元" is one sum,
    and so is the spoken "16.8个亿"."""
    if "元" not in text and "人民币" not in text and "个亿" not in text:
        return
    for match in _ZH_AMOUNT.finditer(text):
        before = text[max(0, match.start() - 16):match.start()]
        ceiling = bool(_ZH_CEILING_BEFORE.search(before) or _ZH_CEILING_AFTER.match(text, match.end()))
        if match.group("spoken"):
            value = _parse_number(match.group("spoken")) * _ZH_SCALES[match.group("spokenscale")]
            yield AmountSpan(Amount(_normal(value), match.group(), ceiling), match.start(), match.end())
            continue
        unread = _ZH_RANGE_BEFORE.search(before) or _ZH_GARBLED_BEFORE.search(before)
        if unread:  # the text keeps the whole figure: 3至5亿元
            written = before[unread.start():] + match.group()
            yield AmountSpan(None, match.start() - len(before) + unread.start(), match.end(), written)
            continue
        compound = _ZH_COMPOUND_BEFORE.search(before) if match.group("scale") == "万" else None
        if match.group("numeral"):
            try:  # Chinese numerals are read by cn2an, a maintained parser, not by hand
                value = Decimal(int(cn2an.cn2an(match.group("numeral"), "normal")))
            except ValueError:
                continue  # not a well-formed numeral ("十一二元")
        else:
            scale = match.group("scale")
            value = _parse_number(match.group("number")) * (_ZH_SCALES[scale] if scale else 1)
        if compound is not None:  # 1亿2000万元
            value += _parse_number(compound.group(1)) * _ZH_SCALES["亿"]
            yield AmountSpan(Amount(_normal(value), compound.group() + match.group(), ceiling), match.start() - len(
                compound.group()), match.end())
            continue
        yield AmountSpan(Amount(_normal(value), match.group(), ceiling), match.start(), match.end())


_UNIT_YUAN = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


def table_amount(cell: str, unit: str) -> Amount | None:
    """A table cell's number in the unit its column header names ("300" under 金额（万元）), or None
    where the cell holds anything but one plain number."""
    cell = cell.strip().replace(",", "")
    if unit not in _UNIT_YUAN or not re.fullmatch(r"\d+(?:\.\d+)?", cell):
        return None
    return Amount(_normal(Decimal(cell) * _UNIT_YUAN[unit]), f"{cell}{unit}")


def _normal(value: Decimal) -> Decimal:
    """Whole yuan where the amount is whole: 4.64 billion is 4640000000, not 4.64E+9."""
    integral = value.to_integral_value()
    return integral if integral == value else value.normalize()


def unread_amounts(sentences: Iterable[tuple[str, str]]) -> Iterator[tuple[int, str]]:
    """(index, text) of money stated with no exact yuan figure, in (language, text) sentences."""
    for index, (language, text) in enumerate(sentences):
        spans = chinese_amounts(text) if language == "zh" else english_money(text)
        for span in spans:
            if span.amount is None:
                yield index, span.text
