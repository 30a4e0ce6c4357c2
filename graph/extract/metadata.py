"""A document's own description: title, number (文号), issuing agencies and dates.

A pure function of a Document and what its extractor found: the title is the document's own
program where the extractor found one (its title line, or the 《…》 it issues), else the first
line; the issuers are the agencies that extraction made responsible for that program; the number
is a 文号 standing on a line of its own near the top; dates are read where documents state them:
成文日期/发布日期 or the date under the signature (issued), 自…起施行 (effective), 有效期…年 or
有效期至… (expires), and English dates in a dateline or the first lines ("Feb 7, 2025",
"7 February 2025", read by python-dateutil). The content hash folds white space, so a repost of
the same text is known as one.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from ..model import Document, DocumentInfo, Extraction
from .gazetteer import gazetteer

_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号")
_ZH_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_STATED_ISSUED = re.compile(r"(?:成文日期|发布日期|印发日期|发文日期)\s*[:：]?\s*")
_EFFECTIVE = re.compile(r"自\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|发布之日|印发之日|公布之日)\s*起"
                        r"(?:施行|实施|执行|生效)")
_VALID_YEARS = re.compile(r"有效期(?:为|限)?\s*([一二三四五六七八九十两\d]{1,3})\s*年")
_VALID_UNTIL = re.compile(r"有效期至\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_CN_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_REPEALS = re.compile(r"原?《([^《》]{2,80})》[^。；;]{0,20}?(?:同时|即行|予以)?(?:废止|停止执行|不再执行)")
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_EN_DATE = re.compile(rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}|\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d{{2}}|"
                      r"(?:19|20)\d{2}-\d{2}-\d{2})\b")
_WHITE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Of the text with white space folded: the same notice saved twice has one hash."""
    return hashlib.sha1(_WHITE.sub(" ", text).strip().encode("utf-8")).hexdigest()[:16]


def describe(document: Document, extraction: Extraction) -> DocumentInfo:
    by_key = {m.key: m for m in extraction.mentions}
    program = by_key.get(extraction.document_key)
    title = program.name if program is not None else document.title
    by_name: dict[str, str] = {}  # one mention per issuing agency (the title's and the signature's are one)
    for relation in extraction.relations if program else ():
        subject = by_key.get(relation.subject)
        if relation.object == extraction.document_key and relation.predicate == "responsibleFor" \
                and subject is not None and subject.cls == "Agency":
            by_name.setdefault(subject.name, subject.key)
    if not by_name and document.language == "en":  # "Notice of the General Office of X on …": X issued it
        by_name = _english_issuers(document, extraction)
    issuers = tuple(by_name[name] for name in sorted(by_name))
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    head, tail = lines[:8], lines[-8:]
    number = next((m.group().replace(" ", "") for line in head if (m := _NUMBER.search(line))
                   and len(line) <= len(m.group()) + 4), "")
    issued = _issued(document.text, tail, head, document.language)
    effective = _effective(document.text, issued)
    return DocumentInfo(title=title, number=number, issuers=issuers, issued=issued, effective=effective,
                        expires=_expires(document.text, effective or issued), content_hash=content_hash(document.text),
                        places=_place_names(extraction), body_hash=_body_hash(lines),
                        repealed_titles=tuple(dict.fromkeys(m.group(1).strip() for m in _REPEALS.finditer(
                            document.text))),
                        signature=signature(document.text))


#: Lines at either end that a reposting site may add or change (its header, its footer).
FURNITURE_LINES = 2
PERMUTATIONS = 64
MINHASH_SCHEME = "affine32"  # named, so signatures made in the map are read back the same way in the reduce


def _body_hash(lines: list[str]) -> str:
    """The text without its first and last lines: the same notice under another site's header."""
    body = lines[FURNITURE_LINES:len(lines) - FURNITURE_LINES]
    return content_hash("\n".join(body)) if len(body) >= 3 else ""


#: Characters of a document's opening that its signature is made from: reposts and versions share
#: their opening, and a bounded sample keeps the cost per document flat.
SIGNED_CHARACTERS = 20_000


@lru_cache(maxsize=1)
def _permutations() -> object:
    """The hash functions of every signature: made once, not per document."""
    return MinHash(num_perm=PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME).permutations


def signature(text: str) -> tuple[int, ...]:
    """A MinHash (datasketch) of the 5-character shingles of the text's opening, white space folded.
    The shingles are hashed together by a polynomial over the code points (numpy, the same in every
    process: Python's own hash is not) and a quarter of them, chosen by their hash, are kept for a
    long text: each document costs well under a millisecond."""
    folded = _WHITE.sub(" ", text[:SIGNED_CHARACTERS])
    points = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(points) < 5:
        points = np.pad(points, (0, 5 - len(points)))
    shingles = np.zeros(len(points) - 4, dtype=np.uint64)
    for k in range(5):  # wraps modulo 2**64, then kept to 32 bits
        shingles = shingles * np.uint64(1_000_003) + points[k:len(points) - 4 + k]
    shingles &= np.uint64(0xFFFFFFFF)
    if len(shingles) > 2000:
        shingles = shingles[(shingles & np.uint64(3)) == 0]
    hashed = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME, hashfunc=int,
                     permutations=_permutations())
    hashed.update_batch(shingles.tolist())
    return tuple(int(v) for v in hashed.hashvalues)


def _place_names(extraction: Extraction) -> tuple[str, ...]:
    """The jurisdiction's places by every name a query may use: 浙江省, 浙江, Zhejiang."""
    divisions = gazetteer()
    names: set[str] = set()
    for short in filter(None, (extraction.jurisdiction.province, extraction.jurisdiction.city,
                               extraction.jurisdiction.district, extraction.jurisdiction.county)):
        found = divisions.one(short) or next(iter(divisions.by_english.get(short.lower(), ())), None)
        names.add(short)
        if found is not None:
            names.update((found.name, found.short, found.english))
    return tuple(sorted(names))


_EN_TITLE_ISSUER = re.compile(r"^\W*(?:Notice|Circular|Opinions?|Measures|Decision|Announcement|Plan|Guidelines?)\s+"
                              r"(?:of|by|from)\s+(?:the\s+)?(?P<issuer>.+?)\s+(?:on|about|regarding|concerning|for)\s")
_EN_ISSUED_BY = re.compile(r"\b(?:issued|released|promulgated|published|unveiled|rolled out)\b")


def _english_issuers(document: Document, extraction: Extraction) -> dict[str, str]:
    """The agencies a title names as issuing ("Notice of the General Office of the Hebi Municipal People's
    Government on …"), or that a first sentence has issue the document ("X issued …")."""
    found: dict[str, str] = {}
    first = document.sentences[0] if document.sentences else None
    if first is None:
        return found
    title = _EN_TITLE_ISSUER.match(first.text)
    if title:
        span = (first.start + title.start("issuer"), first.start + title.end("issuer"))
    else:
        lead = document.sentences[1] if len(document.sentences) > 1 else first
        verb = _EN_ISSUED_BY.search(lead.text)
        if verb is None:
            return found
        span = (lead.start, lead.start + verb.start())
    agencies = [m for m in extraction.mentions if m.cls == "Agency" and span[0] <= m.start and m.end <= span[1]]
    for mention in agencies:  # the outermost names: not the government inside "General Office of the … Government"
        if not any(o is not mention and o.start <= mention.start and mention.end <= o.end
                   and (o.end - o.start) > (mention.end - mention.start) for o in agencies):
            found.setdefault(mention.name, mention.key)
    return found


def _zh_date(match: re.Match[str]) -> str:
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:  # 2月30日: no such day
        return ""


def _issued(text: str, tail: list[str], head: list[str], language: str) -> str:
    stated = _STATED_ISSUED.search(text)
    if stated:
        found = _ZH_DATE.match(text, stated.end())
        if found and _zh_date(found):
            return _zh_date(found)
    for line in reversed(tail):  # the date under the signature, on a line of its own
        found = _ZH_DATE.fullmatch(line)
        if found and _zh_date(found):
            return _zh_date(found)
    if language == "en":
        for line in head:
            found = _EN_DATE.search(line)
            if found:
                try:
                    return dateparser.parse(found.group(), fuzzy=False).date().isoformat()
                except (ValueError, OverflowError):
                    continue
    return ""


def _effective(text: str, issued: str) -> str:
    found = _EFFECTIVE.search(text)
    if found is None:
        return ""
    exact = _ZH_DATE.fullmatch(found.group(1).replace(" ", ""))
    return _zh_date(exact) if exact else issued  # 自发布之日起施行: the day it was issued


def _expires(text: str, start: str) -> str:
    until = _VALID_UNTIL.search(text)
    if until:
        exact = _ZH_DATE.fullmatch(until.group(1).replace(" ", ""))
        if exact:
            return _zh_date(exact)
    years = _VALID_YEARS.search(text)
    if years and start:
        written = years.group(1)
        count = int(written) if written.isdigit() else _CN_NUMERALS.get(written, 0)
        if count:
            return (date.fromisoformat(start) + relativedelta(years=count) - relativedelta(days=1)).isoformat()
    return ""
