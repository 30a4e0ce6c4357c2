"""Which script a text is written in: the one definition of "Chinese" every stage uses.

Han characters are the CJK Unified Ideographs, their Extension A and the compatibility
ideographs; a name or label with any of them is Chinese ("zh"), else English ("en").
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")  # runs, not characters: far fewer objects to count


def has_han(text: str) -> bool:
    return not text.isascii() and HAN.search(text) is not None  # isascii() is a fast memory scan


def script_language(text: str) -> str:
    """"zh" for a text with Han characters, else "en": how labels and names are tagged."""
    return "zh" if has_han(text) else "en"
