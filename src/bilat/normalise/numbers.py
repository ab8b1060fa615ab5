"""Shared number grammar: digits, English number words and scale words ("mln", "bn").

The vocabulary lives in ``bilat/data/number_words.json``; this module turns it into bounded
regular-expression fragments and evaluates what they match as exact :class:`~decimal.Decimal`
values. Used by the money and count parsers.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from bilat.lexicons.files import read_checked

__all__ = [
    "DIGITS",
    "NUMBER",
    "SCALE",
    "WORD_NUMBER",
    "clean_decimal",
    "number_value",
    "scale_value",
]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_checked("number_words.json")
    return data


def _alt(words: list[str]) -> str:
    """A regex alternation of literal ``words``, longest first (so "forty" beats "four")."""
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


_D = _data()
UNITS: dict[str, int] = _D["units"]
TENS: dict[str, int] = _D["tens"]
SCALES: dict[str, int] = _D["scales"]
ATTACHED_ONLY: frozenset[str] = frozenset(_D["attached_only_scales"])

#: Digits: "80,000", "51.48", "1986", ".5" is not accepted (news writes "0.5").
DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,5}(?!\d)|\d{1,15}(?![\d,]\d))(?:\.\d{1,6})?(?!\d)"

_SIMPLE = _alt(list(UNITS) + list(TENS))
_TENS = _alt(list(TENS))
_UNIT = _alt([w for w, v in UNITS.items() if 0 < v < 10])
# a single number word item: "forty-six", "forty six", "seven", "hundred", "thousand"
_ITEM = rf"(?:(?:{_TENS})(?:[\s-]{{1,2}}(?:{_UNIT}))?|{_SIMPLE}|hundred|thousand)"
#: English number words below a million: "forty-six", "two hundred and twenty", "a hundred".
WORD_NUMBER = (
    rf"(?i:\b(?:(?:{_SIMPLE})|an?(?=\s{{1,3}}(?:hundred|thousand)\b))"
    rf"(?:(?:[\s-]{{1,3}}|\s{{1,3}}and\s{{1,3}})(?:{_ITEM})){{0,8}}\b)"
)
#: "a"/"half a" before a big scale word: "a billion dollars", "half a million".
A_SCALE = r"(?i:\b(?:half\s{1,3})?an?(?=\s{1,3}(?:million|billion|trillion)\b))"
#: Any number: digits, number words, or "a"/"half a" before a scale word.
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER}|{A_SCALE})"
_SEP_SCALES = [w for w in SCALES if w not in ATTACHED_ONLY]
#: A scale word after a number: "million", "mln", "bn", "crore"; "m"/"bn"/"k" glued to digits.
SCALE = (
    rf"(?i:(?:(?<=\d)(?:{_alt(list(SCALES))})|(?<=[\d\w])[\s-]{{1,3}}(?:{_alt(_SEP_SCALES)}))"
    rf"(?![\w]))"
)


def clean_decimal(value: Decimal) -> Decimal:
    """Drop a zero fraction: ``Decimal("51480000000.00")`` -> ``Decimal("51480000000")``."""
    if value == value.to_integral_value():
        return value.to_integral_value()
    return value.normalize()


def scale_value(word: str | None) -> int:
    """The multiplier of a scale word ("mln" -> 1,000,000); 1 for ``None``/unknown words."""
    if not word:
        return 1
    return SCALES.get(word.strip(" \t\n-").lower(), 1)


def _own_words(words: list[str]) -> int | None:
    total, current = 0, 0
    for w in words:
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            current = max(current, 1)
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def number_value(text: str) -> Decimal | None:
    """Value of a number written in digits ("80,000", "1.5") or words ("forty-six").

    Returns ``None`` for text that is not one number. Spelled-out numbers go through
    ``text2num`` where it accepts them and through a small fallback grammar otherwise
    ("a hundred").
    """
    t = text.strip()
    if not t:
        return None
    if t[0].isdigit():
        try:
            return Decimal(t.replace(",", ""))
        except InvalidOperation:
            return None
    words = [w for w in t.lower().replace("-", " ").split() if w]
    if words in (["half", "a"], ["half", "an"]):
        return Decimal("0.5")
    if not words or len(words) > 12:
        return None
    if words[0] not in ("a", "an"):
        try:
            from text_to_num import text2num

            return Decimal(int(text2num(" ".join(words), "en")))
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            pass
    value = _own_words(words)
    return None if value is None else Decimal(value)


def scaled_value(num: str | None, scale: str | None) -> Decimal | None:
    """The value of a number and its scale word ("2.5", "billion"); ``None`` for no number
    and for a bare article ("a", "half a") without a scale, which is no figure."""
    if not num:
        return None
    value = number_value(num)
    if value is None:
        return None
    if num.strip().lower() in ("a", "an", "half a", "half an") and not scale:
        return None
    return value * scale_value(scale)
