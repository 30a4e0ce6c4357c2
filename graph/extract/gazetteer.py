"""China's administrative divisions, from the dictionary that ships in jionlp's wheel.

Provinces, prefecture-level cities and county-level divisions with their codes,
short names and parents come from jionlp's ``china_location`` dictionary (kept up
to date by its maintainers), read straight from the installed package's data file
so that jionlp's heavy import is never paid. English names are the pinyin of the
short name, or the official exception from ``vocab/place_names.toml``.

Loaded once per process (``gazetteer()``); a division is known by its full name
(济南市), its short name (济南) and its English name (Jinan).
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pypinyin import lazy_pinyin

from .vocab import load_toml

#: Suffixes that make a county-level division a county (县, 旗) rather than a district or a city.
_COUNTY_SUFFIXES = ("自治县", "县", "自治旗", "旗", "特区", "林区")
_NOT_DIVISIONS = ("直辖", "行政区划")  # "省直辖县级行政区划": a grouping, no place


@dataclass(frozen=True)
class Division:
    name: str  # 济南市
    short: str  # 济南
    level: str  # province, city, county, district
    code: str  # the administrative code (GB/T 2260)
    parent: str  # the parent's full name ("" for a province)
    province: str  # the province's full name (itself for a province)
    english: str  # Jinan

    @property
    def suffix(self) -> str:
        return self.name[len(self.short):] if self.name.startswith(self.short) else ""


@dataclass(frozen=True, eq=False)
class Gazetteer:
    divisions: tuple[Division, ...]
    by_name: dict[str, tuple[Division, ...]]  # full and short names -> divisions (a short name may be shared)
    by_english: dict[str, tuple[Division, ...]]  # lowercased English name -> divisions
    bare_names: frozenset[str]  # short names of provinces and prefecture cities (淄博, 山东): written alone

    def named(self, name: str) -> tuple[Division, ...]:
        return self.by_name.get(name, ())

    def one(self, name: str, within: str = "") -> Division | None:
        """The division of that name, where the name (and ``within``, a province or city) makes it unique."""
        return _one(self, name, within)

    def _one(self, name: str, within: str) -> Division | None:
        found = self.by_name.get(name, ())
        if within and len(found) > 1:
            found = tuple(d for d in found if within in (d.parent, d.province, d.name)) or found
        full = tuple(d for d in found if d.name == name)
        if len(full) == 1:
            return full[0]
        return found[0] if len(found) == 1 else None

    def parent_of(self, division: Division) -> Division | None:
        if not division.parent:
            return None
        candidates = [d for d in self.by_name.get(division.parent, ()) if d.province == division.province]
        return candidates[0] if candidates else None


@lru_cache(maxsize=1 << 16)
def _one(gazetteer: Gazetteer, name: str, within: str) -> Division | None:
    """Gazetteer.one, remembered: a shared short name (朝阳, 和平) has dozens of divisions to sift,
    and documents ask for the same names again and again."""
    return gazetteer._one(name, within)


def _data_file() -> bytes:
    spec = importlib.util.find_spec("jionlp")  # finds the package without running its heavy __init__
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed: its china_location dictionary is the gazetteer")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "china_location.zip"
    with zipfile.ZipFile(path) as archive:
        return archive.read("china_location.txt")


def _english(short: str, exceptions: dict[str, str]) -> str:
    return exceptions.get(short) or "".join(lazy_pinyin(short)).capitalize()


def _level(name: str, depth: int, parent_level: str) -> str:
    if depth == 0:
        return "province"
    if depth == 1:
        return "city"
    if name.endswith(_COUNTY_SUFFIXES):
        return "county"
    if name.endswith("市"):
        return "city"  # a county-level city (新郑市): a city, part of its prefecture
    return "district"


def parse(text: str, exceptions: dict[str, str]) -> Gazetteer:
    """The province, city and county levels of jionlp's tab-indented dictionary."""
    divisions: list[Division] = []
    path: list[str] = ["", "", ""]
    levels: list[str] = ["", "", ""]
    for line in io.StringIO(text):
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue  # towns and villages
        fields = line.strip().split("\t")
        if len(fields) != 3 or not fields[0]:
            continue
        name, code, alias = fields
        short = alias.split("/")[0] or name
        path[depth], levels[depth] = name, _level(name, depth, levels[depth - 1] if depth else "")
        if any(word in name for word in _NOT_DIVISIONS):
            continue
        parent = path[depth - 1] if depth else ""
        if depth == 1 and parent.startswith(name):  # a municipality lists itself as its own city
            continue
        divisions.append(Division(name, short if name.startswith(short) else name, levels[depth], code,
                                  parent, path[0], _english(short, exceptions)))
    by_name: dict[str, list[Division]] = {}
    by_english: dict[str, list[Division]] = {}
    for division in divisions:
        for key in {division.name, division.short}:
            if len(key) >= 2:
                by_name.setdefault(key, []).append(division)
        by_english.setdefault(division.english.lower(), []).append(division)
    bare = frozenset(d.short for d in divisions if d.short != d.name and len(d.short) >= 2
                     and (d.level == "province" or d.parent == d.province))
    return Gazetteer(tuple(divisions), {k: tuple(v) for k, v in by_name.items()},
                     {k: tuple(v) for k, v in by_english.items()}, bare)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    exceptions = load_toml("place_names.toml")["english"]
    return parse(_data_file().decode("utf-8"), exceptions)
