"""Folding names so that spellings of one name compare equal.

Curators meet the same person as Serikzhan and Serikjan, Omarova and Umarova,
Atazhurt and Atajurt, Билаш and Bilash. Two keys are compared: the exact fold
(NFKC, case, accents, transliteration to Latin) and a looser skeleton in which
common romanisation variants are merged and vowels are blurred.
"""

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_VARIANTS = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
             ("ph", "f"), ("w", "v"), ("q", "k"), ("x", "ks")]
_VOWELS = re.compile(r"[aeiouy]+")
_NON_LETTERS = re.compile(r"[^a-z ]+")


def exact_fold(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = unidecode(text).lower()
    return " ".join(_NON_LETTERS.sub(" ", text).split())


def skeleton(name: str) -> str:
    text = exact_fold(name)
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    return _VOWELS.sub("*", text)


@lru_cache(maxsize=65536)
def keys(name: str) -> frozenset:
    folded = exact_fold(name)
    found = {("exact", folded)} if folded else set()
    if len(folded.replace(" ", "")) >= 6:
        found.add(("skeleton", skeleton(name)))
    return frozenset(found)
