"""Counts of people or things with bounds: "more than 80,000", "tens of thousands", "a dozen".

Bounds follow what the text supports (see ``docs/normalisation.md``):

* a plain figure is exact: "46" gives ``min=max=46``;
* a lower-bound qualifier keeps only ``min``: "more than 80,000", "at least 46", "over 30",
  "100-plus", "30 or more" give ``min`` = the stated figure, ``max=None``;
* an upper-bound qualifier keeps only ``max``: "up to 300", "as many as 300", "fewer than 50";
* an approximating qualifier keeps the stated figure as both bounds: "about 1,200",
  "some 30", "nearly 50", "almost 100" (news coders record the stated figure);
* vague quantities have fixed ranges: "dozens" 24-99, "hundreds" 200-999, "thousands"
  2,000-9,999, "tens of thousands" 20,000-99,999, "several hundred" 300-999.

The qualifier and vague-quantity vocabulary is data in ``bilat/data/number_words.json``.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import regex

from bilat.lexicons.files import read_checked
from bilat.normalise.numbers import NUMBER, SCALE, number_value, scaled_value
from bilat.values import Count

__all__ = ["find_counts", "parse_count"]

_MAX_TEXT = 1_000_000


def _alt(words: list[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s{1,3}").replace(" ", r"\s{1,3}")
        for w in sorted(words, key=len, reverse=True)
    )


@attrs.frozen
class _Grammar:
    pattern: Any
    before: dict[str, str]
    after: dict[str, str]
    plurals: dict[str, tuple[int, int]]
    of_units: dict[str, int]
    few: dict[str, tuple[int, int]]
    units: dict[str, int]


def _key(text: str) -> str:
    return " ".join(text.replace("-", " - ").split()).lower().replace(" - ", "-").strip("-")


@cache
def _grammar() -> _Grammar:
    data: dict[str, Any] = read_checked("number_words.json")
    quals = data["count_qualifiers"]
    vague = data["vague_counts"]
    before = {_key(k): v for k, v in quals["before"].items()}
    after = {_key(k): v for k, v in quals["after"].items()}
    plurals = {k: (int(v[0]), int(v[1])) for k, v in vague["plurals"].items()}
    few = {_key(k): (int(v[0]), int(v[1])) for k, v in vague["few_words"].items()}
    units = {k: int(v) for k, v in vague["units"].items()}
    of_units = {k: int(v) for k, v in vague["of_units"].items()}
    tens_like = [p for p in plurals if p not in of_units]
    pattern = rf"""
        (?<![\w\-/.:,$£€¥#])
        (?P<between>\bbetween\s{{1,3}})?
        (?P<qual>\b(?:{_alt(list(quals["before"]))})\s{{1,3}})?
        (?P<body>
            (?P<vx>\b(?:{_alt(tens_like)}))\s{{1,3}}of\s{{1,3}}(?P<vy>(?:{_alt(list(of_units))}))\b
          | (?P<few>\b(?:{_alt(list(vague["few_words"]))}))\s{{1,3}}(?P<fu>{_alt(list(units))})s?\b
          | (?P<dn>\bhalf\s{{1,3}}an?|\ban?|{NUMBER})\s{{1,3}}(?P<du>dozen|score)\b
            (?!\s{{1,3}}of\s{{1,3}}(?:{_alt(list(of_units))}))
          | (?P<vp>\b(?:{_alt([p for p in plurals if p != "tens"])})|\btens(?=\s{{1,3}}of\b))\b
          | (?P<an>{NUMBER})(?P<as>{SCALE})?
            (?:
                (?P<sep>\s{{0,3}}[-–]\s{{0,3}}|\s{{1,3}}(?:to|or)\s{{1,3}}|(?(between)\s{{1,3}}and\s{{1,3}}|(?!)))
                (?P<bn>{NUMBER})(?P<bs>{SCALE})?
            )?
        )
        (?P<post>\s{{1,3}}or\s{{1,3}}(?:more|so|fewer|less)\b|-?plus\b|[\s-]odd\b)?
    """
    return _Grammar(
        pattern=regex.compile(pattern, regex.VERBOSE | regex.IGNORECASE | regex.V0),
        before=before,
        after=after,
        plurals=plurals,
        of_units=of_units,
        few=few,
        units=units,
    )


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_BEFORE_SKIP = regex.compile(
    rf"(?i)(?:\b(?:{_MONTHS}|article|articles|resolution|resolutions|no|nos|number|flight|route|"
    r"highway|page|pages|chapter|section|room|aged|age|ages|platform|gate|paragraph|clause|"
    r"item|version|model|channel|code|level|grade|phase|term|mark|size|category|"
    r"fiscal|FY|vol|volume|part)\.?\s{1,3}|[-/:])$"
)
_YEAR_BEFORE = regex.compile(
    r"(?i)\b(?:at|in|since|by|until|till|from|during|of|the|early|late|mid|before|after|year|"
    r"summer|winter|spring|autumn|fall|and|to|between|for|through)\s{1,3}$"
)
_AFTER_SKIP = regex.compile(
    rf"(?i)^(?:\s{{0,3}}(?:%|percent\b|per\s{{1,3}}cent\b|pct\b|°)|[:/.]\d|[a-z]{{1,3}}\b(?<!\bk|\bm)|"
    rf"\s{{0,3}}-?\s{{0,3}}(?:km|kms|kilometres?|kilometers?|miles?|metres?|meters?|feet|foot|ft|"
    r"tonnes?|tons?|kg|kilos?|kilograms?|pounds?|lbs?|degrees?|hours?|minutes?|mins?|seconds?|"
    r"days?|weeks?|months?|years?|yr|yrs|decades?|centuries|century|a\.m\.|p\.m\.|am|pm|gmt|"
    rf"mph|acres?|hectares?|barrels?|bpd|points?|pts|times|fold|storey|story|calibre|mm|cm|"
    rf"(?:{_MONTHS})|st|nd|rd|th|dlrs?|dollars?|stg|yen|marks?|francs?|crowns?|euros?|"
    r"pounds?|billion\s{1,3}dlrs|bln|mln)\b)"
)
_YEARLIKE = regex.compile(r"(?:1[7-9]|20|21)\d\d")
_ONE_SKIP = regex.compile(r"(?i)^\s{1,3}(?:of|another|day|side|way|time|hand|thing|by)\b")


def _int(value: Decimal) -> int | None:
    if value != value.to_integral_value() or value < 0:
        return None
    return int(value)


def _figure(num: str | None, scale: str | None) -> int | None:
    value = scaled_value(num, scale)
    if value is None or (not scale and num is not None and "." in num):
        return None  # "2.5" people is no count; "2.5 million" is
    return _int(value)


def _body_bounds(m: Any, g: _Grammar) -> tuple[int | None, int | None] | None:
    if m.group("vx"):
        vlo, vhi = g.plurals[m.group("vx").lower()]
        unit = g.of_units[m.group("vy").lower()]
        return vlo * unit, (vhi + 1) * unit - 1
    if m.group("few"):
        flo, fhi = g.few[_key(m.group("few"))]
        unit = g.units[m.group("fu").lower()]
        return flo * unit, (fhi + 1) * unit - 1
    if m.group("du"):
        dn = m.group("dn").strip().lower()
        unit = g.units[m.group("du").lower()]
        if dn in ("a", "an"):
            n: Decimal | None = Decimal(1)
        elif dn.startswith("half"):
            n = Decimal("0.5")
        else:
            n = number_value(dn)
        if n is None:
            return None
        total = _int(n * unit)
        return None if total is None else (total, total)
    if m.group("vp"):
        return g.plurals[m.group("vp").lower()]
    lo = _figure(m.group("an"), m.group("as"))
    if lo is None:
        return None
    if m.group("bn"):
        hi = _figure(m.group("bn"), m.group("bs"))
        if hi is None:
            return None
        if not m.group("as") and m.group("bs"):
            borrowed = _figure(m.group("an"), m.group("bs"))
            if borrowed is not None and borrowed <= hi:
                lo = borrowed
        if hi < lo:
            return None
        return lo, hi
    return lo, lo


def _plain_skip(m: Any, text: str) -> bool:
    """True for a bare figure that is not a count: years, dates, percentages, measures."""
    start, end = m.start("an"), m.end()
    num = m.group("an") or ""
    before = text[max(0, start - 14) : start]
    after = text[end : end + 20]
    if _BEFORE_SKIP.search(before) or _AFTER_SKIP.match(after):
        return True
    if (
        not m.group("as")
        and not m.group("bn")
        and _YEARLIKE.fullmatch(num)
        and (_YEAR_BEFORE.search(before) or not regex.match(r"\s{1,3}[a-z]{2,20}s\b", after))
    ):
        return True
    return num.strip().lower() == "one" and bool(_ONE_SKIP.match(after))


def _from_match(m: Any, text: str, g: _Grammar, strict: bool) -> Count | None:
    bounds = _body_bounds(m, g)
    if bounds is None:
        return None
    qual = m.group("qual")
    post = m.group("post")
    if strict and not qual and not post and m.group("an") and _plain_skip(m, text):
        return None
    if m.group("an") and not m.group("bn") and m.group("sep"):
        return None
    lo, hi = bounds
    kind = g.before.get(_key(qual)) if qual else None
    if post:
        kind = g.after.get(_key(post), kind)
    if kind == "min":
        hi = None
    elif kind == "max":
        lo = None
    start = m.start("between") if m.group("between") else m.start()
    end = m.end()
    if m.group("between") and not m.group("bn"):
        start = m.start("qual") if qual else m.start("body")
    return Count(lo, hi, text[start:end], start, end)


def find_counts(text: str) -> list[Count]:
    """Every count in ``text``, in order and not overlapping.

    Figures that are plainly something else are skipped: years ("in 1986"), days of a month
    ("May 21"), percentages ("5 pct"), measures and durations ("30 km", "three days"),
    money ("$5 million", "400 mln stg") and labels ("Resolution 242").
    """
    if not isinstance(text, str) or not text:
        return []
    text = text[:_MAX_TEXT]
    g = _grammar()
    from bilat.normalise.money import find_money

    money_spans = sorted(
        (mo.start_char, mo.end_char)
        for mo in find_money(text)
        if mo.currency is not None and mo.start_char is not None and mo.end_char is not None
    )
    # the largest end so far at each position: a count overlaps money iff the first span
    # whose running end passes the count's start begins before the count ends (linear
    # overall: one binary search per count, not a scan of every money span)
    money_starts = [ms for ms, _ in money_spans]
    running_ends: list[int] = []
    for _, me in money_spans:
        running_ends.append(max(me, running_ends[-1]) if running_ends else me)
    out: list[Count] = []
    for m in g.pattern.finditer(text):
        if not m.group("body"):
            continue
        try:
            count = _from_match(m, text, g, strict=True)
        except (ValueError, ArithmeticError, KeyError):
            continue
        if count is None or count.start_char is None or count.end_char is None:
            continue
        s, e = count.start_char, count.end_char
        first = bisect.bisect_right(running_ends, s)
        if first < len(money_starts) and money_starts[first] < e:
            continue
        out.append(count)
    return out


def parse_count(text: str) -> Count | None:
    """The first count in ``text`` with its bounds, or ``None``.

    ``parse_count("more than 80,000")`` is ``Count(min=80000, max=None)``;
    ``parse_count("tens of thousands")`` is ``Count(min=20000, max=99999)``;
    ``parse_count("46 people, most of them children")`` is ``Count(min=46, max=46)``.
    ``Count.text``/``start_char``/``end_char`` give the matched span within ``text``.
    Never raises.
    """
    found = find_counts(text)
    return found[0] if found else None
