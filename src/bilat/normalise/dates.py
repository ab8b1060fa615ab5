"""Dates in news text, resolved against the publication date with their precision.

``parse_date("last month", dt.date(2025, 5, 21))`` is May's predecessor, April 2025, at
month precision; ``parse_date("on Wednesday", dt.date(2025, 5, 21))`` is 2025-05-21 (a
Wednesday story's "Wednesday" is that day) and with ``tense="future"`` the next Wednesday.
A date is never made more precise than its text: "in December" covers the whole month.
Without a publication date, relative expressions give ``None`` (never resolved against today).

News-specific rules are ours (weekdays, "last month", "since the end of March", "May 21-23",
"from 1 to 3 June", fiscal years "1986/87", quarters, halves, decades); dateparser is the
fallback for other explicit dates ("15.03.1987").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import regex

from bilat.values import Precision, TimeSpan

__all__ = ["parse_date"]

_MAX_TEXT = 2_000  # date phrases are short; longer input is cut before matching

_MONTH_NUM = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAY_NUM = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_ORDINAL = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _alt(words: Any) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MON = rf"(?:{_alt(_MONTH_NUM)})\.?"
_WD = rf"(?:{_alt(_WEEKDAY_NUM)})\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d|2100)"
_S = r"\s{1,3}"
_TO = r"\s{0,3}(?:-|–|—|to|and|until|till|through)\s{0,3}"
_PART = r"(?:early|mid|late|the\s{1,3}end\s{1,3}of|the\s{1,3}beginning\s{1,3}of|the\s{1,3}start\s{1,3}of|the\s{1,3}middle\s{1,3}of|end|the\s{1,3}first\s{1,3}half\s{1,3}of|the\s{1,3}second\s{1,3}half\s{1,3}of)"  # noqa: E501
_REL = r"(?:last|next|this|previous|coming|past|current)"


# ---------------------------------------------------------------------------- spans


def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_span(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _quarter_span(y: int, q: int) -> tuple[dt.date, dt.date]:
    first = 3 * (q - 1) + 1
    return dt.date(y, first, 1), _month_span(y, first + 2)[1]


def _half_span(y: int, h: int) -> tuple[dt.date, dt.date]:
    return (
        (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    )


def _week_span(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _year_of(text: str, published: dt.date | None) -> int | None:
    """A four-digit year, or a two-digit one ("'86") read in the century of publication."""
    t = text.strip().lstrip("'’")
    if len(t) == 4:
        return int(t)
    if len(t) == 2:
        n = int(t)
        if published is not None:
            century = published.year // 100 * 100
            y = century + n
            return y - 100 if y > published.year + 20 else y
        return 1900 + n if n >= 30 else 2000 + n
    return None


# ------------------------------------------------------------------------ resolving


class _Ctx:
    __slots__ = ("published", "tense")

    def __init__(self, published: dt.date | None, tense: str | None) -> None:
        self.published = published
        self.tense = tense


def _resolve_month(mon: int, ctx: _Ctx, rel: str | None) -> tuple[int, int] | None:
    pub = ctx.published
    if pub is None:
        return None
    rel = (rel or "").lower()
    if rel in ("last", "previous", "past"):
        return (pub.year, mon) if mon < pub.month else (pub.year - 1, mon)
    if rel in ("next", "coming"):
        return (pub.year, mon) if mon > pub.month else (pub.year + 1, mon)
    if rel in ("this", "current"):
        return pub.year, mon
    if ctx.tense == "future":
        return (pub.year, mon) if mon >= pub.month else (pub.year + 1, mon)
    return (pub.year, mon) if mon <= pub.month else (pub.year - 1, mon)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve_day(mon: int, day: int, ctx: _Ctx) -> dt.date | None:
    pub = ctx.published
    if pub is None:
        return None
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe_date(y, mon, day))]
    if not options:
        return None
    if ctx.tense == "future":
        later = [d for d in options if d >= pub]
        return min(later) if later else None
    if ctx.tense == "past":
        earlier = [d for d in options if d <= pub]
        return max(earlier) if earlier else None
    return min(options, key=lambda d: (abs((d - pub).days), d > pub))


def _resolve_weekday(wd: int, ctx: _Ctx, rel: str | None) -> dt.date | None:
    pub = ctx.published
    if pub is None:
        return None
    rel = (rel or "").lower()
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel in ("next", "coming"):
        return pub + dt.timedelta(days=ahead or 7)
    if ctx.tense == "future" and rel not in ("last", "past"):
        # "will sign on Monday" in a Monday story is later that day, not a week ahead
        return pub + dt.timedelta(days=ahead)
    if rel in ("last", "past"):
        return pub - dt.timedelta(days=back or 7)
    return pub - dt.timedelta(days=back)


# -------------------------------------------------------------------------- handlers

_Result = tuple[dt.date, dt.date, Precision] | None
_Handler = Callable[[Any, _Ctx], _Result]


def _g(m: Any, name: str) -> str:
    value = m.group(name)
    return "" if value is None else str(value)


def _mon(text: str) -> int:
    return _MONTH_NUM[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(regex.sub(r"\D", "", text))


def _explicit_or_resolved_day(mon: int, day: int, year: str, ctx: _Ctx) -> dt.date | None:
    y = _year_of(year, ctx.published) if year else None
    if y is not None:
        return _safe_date(y, mon, day)
    return _resolve_day(mon, day, ctx)


_REL_YEAR = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}


def _h_day_range(m: Any, ctx: _Ctx) -> _Result:
    mon1 = _mon(_g(m, "m1"))
    mon2 = _mon(_g(m, "m2")) if m.group("m2") else mon1
    d1, d2 = _day(_g(m, "d1")), _day(_g(m, "d2"))
    year = _g(m, "y")
    start = _explicit_or_resolved_day(mon1, d1, year, ctx)
    if start is None:
        return None
    y2 = start.year + (1 if mon2 < mon1 else 0)
    end = _safe_date(y2, mon2, d2)
    if end is None or end < start:
        return None
    return start, end, Precision.DAY


def _h_day(m: Any, ctx: _Ctx) -> _Result:
    if m.group("yrel"):
        # "on January 5 last year": the year is stated relative to publication
        if ctx.published is None:
            return None
        y = ctx.published.year + _REL_YEAR.get(_g(m, "yrel").lower(), 0)
        d = _safe_date(y, _mon(_g(m, "m1")), _day(_g(m, "d1")))
        return None if d is None else (d, d, Precision.DAY)
    d = _explicit_or_resolved_day(_mon(_g(m, "m1")), _day(_g(m, "d1")), _g(m, "y"), ctx)
    return None if d is None else (d, d, Precision.DAY)


def _h_iso(m: Any, ctx: _Ctx) -> _Result:
    d = _safe_date(int(_g(m, "y")), int(_g(m, "mo")), int(_g(m, "d1")))
    return None if d is None else (d, d, Precision.DAY)


def _h_month_range(m: Any, ctx: _Ctx) -> _Result:
    mon1, mon2 = _mon(_g(m, "m1")), _mon(_g(m, "m2"))
    y = _year_of(_g(m, "y"), ctx.published) if m.group("y") else None
    if y is None:
        ym = _resolve_month(mon2, ctx, None)
        if ym is None:
            return None
        y2 = ym[0]
        y1 = y2 if mon1 <= mon2 else y2 - 1
    else:
        y2 = y
        y1 = y if mon1 <= mon2 else y - 1
    return _month_span(y1, mon1)[0], _month_span(y2, mon2)[1], Precision.MONTH


def _h_month(m: Any, ctx: _Ctx) -> _Result:
    raw = _g(m, "m1")
    if raw.rstrip(".").lower() in ("may", "march", "mar", "jan", "sun", "sat") and not (
        raw[:1].isupper()
    ):
        return None  # "we may meet", "march on the capital"
    mon = _mon(raw)
    if m.group("y"):
        y = _year_of(_g(m, "y"), ctx.published)
        if y is None:
            return None
        return *_month_span(y, mon), Precision.MONTH
    if raw.rstrip(".").lower() in ("may", "mar", "jan", "sun", "sat") and not (
        m.group("rel") or m.group("part") or m.group("prep") or m.group("yrel")
    ):
        return None  # a bare "May" is more often the verb than the month
    if m.group("yrel"):
        # "January last year", "March this year", "June of next year": the year is stated
        if ctx.published is None:
            return None
        y = ctx.published.year + _REL_YEAR.get(_g(m, "yrel").lower(), 0)
        return *_month_span(y, mon), Precision.MONTH
    ym = _resolve_month(mon, ctx, m.group("rel"))
    return None if ym is None else (*_month_span(*ym), Precision.MONTH)


def _h_quarter(m: Any, ctx: _Ctx) -> _Result:
    word = _g(m, "q").lower()
    q = int(word[1]) if word.startswith("q") else _ORDINAL.get(word)
    if q is None:
        return None
    y = _year_of(_g(m, "y"), ctx.published) if m.group("y") else None
    if y is None:
        pub = ctx.published
        if pub is None:
            return None
        rel = _g(m, "rel").lower()
        cur_q = (pub.month - 1) // 3 + 1
        if rel:
            y = pub.year + _REL_YEAR.get(rel, 0)
        elif word == "last":
            yq, mq = _add_months(pub.year, (cur_q - 1) * 3 + 1, -3)
            return *_quarter_span(yq, (mq - 1) // 3 + 1), Precision.QUARTER
        elif ctx.tense == "future":
            y = pub.year if q >= cur_q else pub.year + 1
        else:
            y = pub.year if q <= cur_q else pub.year - 1
    return *_quarter_span(y, q), Precision.QUARTER


def _h_half(m: Any, ctx: _Ctx) -> _Result:
    h = 1 if _g(m, "h").lower() in ("first", "1st") else 2
    y = _year_of(_g(m, "y"), ctx.published) if m.group("y") else None
    if y is None:
        pub = ctx.published
        if pub is None:
            return None
        rel = _g(m, "rel").lower()
        cur = 1 if pub.month <= 6 else 2
        if rel:
            y = pub.year + _REL_YEAR.get(rel, 0)
        elif ctx.tense == "future":
            y = pub.year if h >= cur else pub.year + 1
        else:
            y = pub.year if h <= cur else pub.year - 1
    return *_half_span(y, h), Precision.HALF


def _h_fiscal_span(m: Any, ctx: _Ctx) -> _Result:
    y1 = int(_g(m, "y"))
    tail = _g(m, "y2")
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if len(tail) == 2 and y2 < y1:
        y2 += 100
    if y2 != y1 + 1:
        return None
    return _year_span(y1)[0], _year_span(y2)[1], Precision.YEAR


def _h_decade(m: Any, ctx: _Ctx) -> _Result:
    raw = _g(m, "dec").lstrip("'’")
    y = int(raw) if len(raw) == 4 else (_year_of(raw, ctx.published) or 0)
    if y % 10:
        return None
    return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), Precision.DECADE


def _h_year(m: Any, ctx: _Ctx) -> _Result:
    y = _year_of(_g(m, "y"), ctx.published)
    return None if y is None else (*_year_span(y), Precision.YEAR)


def _h_relday(m: Any, ctx: _Ctx) -> _Result:
    pub = ctx.published
    if pub is None:
        return None
    word = " ".join(_g(m, "w").lower().split())
    offsets = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
        "the day after tomorrow": 2, "earlier today": 0, "later today": 0,
    }  # fmt: skip
    if word.startswith("yesterday"):
        word = "yesterday"
    elif word.startswith("tomorrow"):
        word = "tomorrow"
    d = pub + dt.timedelta(days=offsets[word])
    return d, d, Precision.DAY


def _h_weekend(m: Any, ctx: _Ctx) -> _Result:
    pub = ctx.published
    if pub is None:
        return None
    rel = _g(m, "rel").lower()
    sat = _resolve_weekday(5, _Ctx(pub, "future" if rel in ("next", "coming") else ctx.tense), rel)
    if sat is None:
        return None
    if rel == "this" and pub.weekday() == 6:
        sat = pub - dt.timedelta(days=1)
    return sat, sat + dt.timedelta(days=1), Precision.DAY


def _h_ago(m: Any, ctx: _Ctx) -> _Result:
    pub = ctx.published
    if pub is None:
        return None
    n_raw = _g(m, "n").lower()
    n = _NUM_WORDS.get(n_raw) or (int(n_raw) if n_raw.isdigit() else None)
    if n is None or n > 200:
        return None
    unit = _g(m, "unit").lower().rstrip("s")
    if unit == "day":
        d = pub - dt.timedelta(days=n)
        return d, d, Precision.DAY
    if unit == "week":
        return *_week_span(pub - dt.timedelta(days=7 * n)), Precision.WEEK
    if unit == "month":
        return *_month_span(*_add_months(pub.year, pub.month, -n)), Precision.MONTH
    if unit == "year":
        return *_year_span(pub.year - n), Precision.YEAR
    return None


def _h_weekday(m: Any, ctx: _Ctx) -> _Result:
    wd1 = _WEEKDAY_NUM[_g(m, "wd1").lower().rstrip(".")]
    rel = m.group("rel")
    if m.group("wd2"):
        wd2 = _WEEKDAY_NUM[_g(m, "wd2").lower().rstrip(".")]
        gap = (wd2 - wd1) % 7 or 7
        if ctx.tense == "future" or (rel or "").lower() in ("next", "coming"):
            first = _resolve_weekday(wd1, ctx, rel)
            if first is None:
                return None
            return first, first + dt.timedelta(days=gap), Precision.DAY
        last = _resolve_weekday(wd2, ctx, rel)
        if last is None:
            return None
        return last - dt.timedelta(days=gap), last, Precision.DAY
    d = _resolve_weekday(wd1, ctx, rel)
    return None if d is None else (d, d, Precision.DAY)


def _h_relperiod(m: Any, ctx: _Ctx) -> _Result:
    pub = ctx.published
    if pub is None:
        return None
    rel = " ".join(_g(m, "rel").lower().split())
    unit = _g(m, "unit").lower()
    k = _REL_YEAR.get(rel, 0)
    if unit == "week":
        if rel == "this" and pub.weekday() == 6 and ctx.tense != "past":
            k = 1  # a Sunday story's "this week" is the week ahead, unless told in the past
        return *_week_span(pub + dt.timedelta(days=7 * k)), Precision.WEEK
    if unit == "month":
        return *_month_span(*_add_months(pub.year, pub.month, k)), Precision.MONTH
    if unit == "quarter":
        cur = (pub.month - 1) // 3 + 1
        y, mo = _add_months(pub.year, (cur - 1) * 3 + 1, 3 * k)
        return *_quarter_span(y, (mo - 1) // 3 + 1), Precision.QUARTER
    if unit == "year":
        return *_year_span(pub.year + k), Precision.YEAR
    if unit == "decade":
        y = pub.year // 10 * 10 + 10 * k
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), Precision.DECADE
    return None


# ----------------------------------------------------------------------------- rules

_RULES: list[tuple[str, _Handler]] = [
    # "May 21-23", "May 30-June 2", "May 21 to 23, 1987"
    (
        rf"(?:(?:from|between){_S})?(?:{_WD},?{_S})?(?P<m1>{_MON}){_S}(?P<d1>{_DAY})(?!\d)"
        rf"{_TO}(?:(?P<m2>{_MON}){_S})?(?P<d2>{_DAY})(?![\d:])(?:,?{_S}(?P<y>{_YEAR}))?\b",
        _h_day_range,
    ),
    # "21-23 May", "from 1 to 3 June", "30 May-2 June 1987"
    (
        rf"(?:(?:from|between){_S})?(?:the{_S})?(?P<d1>{_DAY})(?:{_S}(?P<m1x>{_MON}))?{_TO}"
        rf"(?:the{_S})?(?P<d2>{_DAY}){_S}(?:of{_S})?(?P<m2x>{_MON})(?:,?{_S}(?P<y>{_YEAR}))?\b",
        lambda m, c: _h_day_range_dm(m, c),
    ),
    # "May 21", "Wednesday, May 21, 2025", "Dec. 3rd"
    (
        rf"(?:{_WD},?{_S})?(?P<m1>{_MON}){_S}(?:the{_S})?(?P<d1>{_DAY})(?![\d:])(?:,?{_S}(?:(?P<y>{_YEAR})|(?:of{_S})?(?:the{_S})?(?P<yrel>{_REL}){_S}year))?\b",
        _h_day,
    ),
    # "21 May", "the 21st of May 2025"
    (
        rf"(?:{_WD},?{_S})?(?:the{_S})?(?P<d1>{_DAY}){_S}(?:of{_S})?(?P<m1>{_MON})(?:,?{_S}(?:(?P<y>{_YEAR})|(?:of{_S})?(?:the{_S})?(?P<yrel>{_REL}){_S}year))?\b",
        _h_day,
    ),
    (r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d1>[0-3]\d)\b", _h_iso),
    # "January-March 1987", "between January and March"
    (
        rf"(?:(?:from|between){_S})?(?P<m1>{_MON}){_TO}(?P<m2>{_MON})(?:,?{_S}(?P<y>{_YEAR}))?\b",
        _h_month_range,
    ),
    # "the first quarter (of 1987|of this year)", "Q1 2024", "1986 fourth quarter"
    (
        rf"(?:(?P<y0>{_YEAR}){_S})?(?:the{_S})?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"[\s-]{{1,3}}quarter(?:{_S}(?:of{_S})?(?:(?:the{_S})?(?P<rel>{_REL}){_S}year|(?P<y>{_YEAR})))?\b",
        lambda m, c: _h_quarter(_YearFirst(m), c),
    ),
    (rf"\b(?P<q>Q[1-4])(?:{_S}|-|/)?(?P<y>{_YEAR})?\b", _h_quarter),
    (
        rf"(?:the{_S})?(?P<h>first|second|1st|2nd)[\s-]{{1,3}}half(?:{_S}(?:of{_S})?"
        rf"(?:(?:the{_S})?(?P<rel>{_REL}){_S}year|(?P<y>{_YEAR})))?\b",
        _h_half,
    ),
    # fiscal "1986/87", "1986-87", "1986/1987"
    (rf"(?<![\d/])(?P<y>{_YEAR})\s?[/-]\s?(?P<y2>\d{{4}}|\d\d)(?![\d/])", _h_fiscal_span),
    (
        rf"(?:the{_S})?(?:(?:early|mid|late)[\s-]{{1,3}})?(?P<dec>{_YEAR}|['’]\d0|(?<=the\s{{1,3}})\d0)['’]?s\b",
        _h_decade,
    ),
    # "November 2015", "in December", "last March", "since the end of March", "end-March"
    (
        rf"(?:(?P<prep>in|since|of|by|until|till|during|from|before|after|on|for){_S})?"
        rf"(?:(?P<part>{_PART})[\s-]{{1,3}})?(?:(?P<rel>{_REL}){_S})?(?P<m1>{_MON})"
        rf"(?:,?{_S}(?:of{_S})?(?:(?P<y>{_YEAR}|['’]\d\d)|(?:the{_S})?(?P<yrel>{_REL}){_S}year))?\b",
        _h_month,
    ),
    (
        rf"(?:(?:early|mid|late|the{_S}end{_S}of|the{_S}beginning{_S}of|the{_S}start{_S}of|"
        rf"the{_S}middle{_S}of|end|fiscal(?:{_S}year)?|the{_S}year|calendar)[\s-]{{1,3}})?"
        rf"(?:FY\s?)?(?<![\d$£€¥.,])(?P<y>{_YEAR})(?![\d,]|\.\d)",
        _h_year,
    ),
    (
        r"(?P<w>the\s{1,3}day\s{1,3}(?:before\s{1,3}yesterday|after\s{1,3}tomorrow)|"
        r"(?:earlier|later)\s{1,3}today|today|tonight|this\s{1,3}(?:morning|afternoon|evening)|"
        r"yesterday|last\s{1,3}night|tomorrow)",
        _h_relday,
    ),
    (
        rf"(?P<rel>last|this|next|coming|past){_S}weekend|(?P<rel2>over{_S}the){_S}weekend",
        _h_weekend,
    ),
    (
        rf"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,3}})"
        rf"{_S}(?P<unit>days?|weeks?|months?|years?){_S}ago",
        _h_ago,
    ),
    (
        rf"(?:(?P<rel>last|next|this|coming|past|on){_S})?(?P<wd1>{_WD})(?:{_S}(?:and|or|&){_S}"
        rf"(?P<wd2>{_WD}))?",
        _h_weekday,
    ),
    (
        rf"(?:(?:earlier|later|early|late|the{_S}end{_S}of|the{_S}beginning{_S}of|the{_S}start{_S}of|"
        rf"the{_S}middle{_S}of|mid)[\s-]{{1,3}})?(?P<rel>last|this|next|previous|coming|current){_S}"
        rf"(?P<unit>week|month|quarter|year|decade)\b",
        _h_relperiod,
    ),
]


class _YearFirst:
    """Let "1986 fourth quarter" use the year written before the quarter."""

    def __init__(self, m: Any) -> None:
        self._m = m

    def group(self, name: str) -> Any:
        if name == "y" and not self._m.group("y"):
            return self._m.group("y0")
        return self._m.group(name)


def _h_day_range_dm(m: Any, ctx: _Ctx) -> _Result:
    mon2 = _mon(_g(m, "m2x"))
    mon1 = _mon(_g(m, "m1x")) if m.group("m1x") else mon2
    d1, d2 = _day(_g(m, "d1")), _day(_g(m, "d2"))
    start = _explicit_or_resolved_day(mon1, d1, _g(m, "y"), ctx)
    if start is None:
        return None
    y_end = start.year + (1 if mon2 < mon1 else 0)
    end = _safe_date(y_end, mon2, d2)
    if end is None or end < start:
        return None
    return start, end, Precision.DAY


# Words a spaCy DATE entity gives that are durations or ages, not dates.
_DURATION = regex.compile(
    r"(?i)^\s{0,3}(?:the\s{1,3}|a\s{1,3}|an\s{1,3}|for\s{1,3}|over\s{1,3}|within\s{1,3})?"
    r"(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|"
    r"eleven|twelve|\w{1,12}ty(?:-\w{1,8})?)[\s-]{1,3}(?:days?|weeks?|months?|years?|decades?|"
    r"hours?|nights?)\b(?!\s{1,3}ago)"
)

_LEAD = regex.compile(
    r"(?i)(?<![\w])(?:on|in|since|from|by|until|till|during|before|after|between|as\s{1,3}of)"
    r"\s{1,3}\Z"
)

_PREP = regex.compile(
    r"(?i)(?:on|in|since|from|by|until|till|during|before|after|between|of|for)\s{1,3}"
)

_COMPILED: list[tuple[Any, _Handler]] = [
    (regex.compile(rf"(?<![\w])(?:{p})(?![\w])", regex.IGNORECASE | regex.V0), h) for p, h in _RULES
]


def _dateparser_fallback(text: str, published: dt.date | None) -> _Result:
    """dateparser for explicit numeric dates ("15.03.1987"); never for relative text."""
    if not regex.search(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", text):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_MONTH_OF_YEAR": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "DMY",
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        parser = dateparser.date.DateDataParser(languages=["en"], settings=settings)
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return *_month_span(d.year, d.month), Precision.MONTH
    if period == "year":
        return *_year_span(d.year), Precision.YEAR
    return d, d, Precision.DAY


@lru_cache(maxsize=4096)
def _parse(text: str, published: dt.date | None, tense: str | None) -> TimeSpan | None:
    text = text[:_MAX_TEXT]
    ctx = _Ctx(published, tense)
    candidates: list[tuple[int, int, int, Any, _Handler]] = []
    for order, (pattern, handler) in enumerate(_COMPILED):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                prep = _PREP.match(m.group(0))
                core = m.start() + (prep.end() if prep else 0)
                candidates.append((core, -m.end(), order, m, handler))
                break
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    duration = _DURATION.match(text)
    for start, _neg_len, _order, m, handler in candidates:
        if duration and start < duration.end():
            continue
        try:
            result = handler(m, ctx)
        except (ValueError, KeyError, OverflowError, IndexError):
            continue
        if result is None:
            continue
        begin, end, precision = result
        s, e = m.span()
        # the span includes a preposition right before it: "on Wednesday", "since March"
        lead = _LEAD.search(text, 0, s) if s else None
        if lead:
            s = lead.start()
        return TimeSpan(begin, end, precision, text[s:e], s, e)
    if duration:
        return None
    fallback = _dateparser_fallback(text, published)
    if fallback is None:
        return None
    stripped = text.strip()
    s = text.find(stripped)
    return TimeSpan(*fallback, stripped, s, s + len(stripped))


def parse_date(
    text: str, published: dt.date | None = None, *, tense: str | None = None
) -> TimeSpan | None:
    """Normalise a date expression, resolving relative ones against ``published``.

    ``text`` is typically the text of a spaCy DATE entity or a short phrase ("on Wednesday",
    "last month", "since the end of March", "May 21-23", "the first quarter", "1986/87").
    ``tense`` is ``"past"``, ``"future"`` or ``None`` (from the governing verb): "will meet on
    Wednesday" is the next Wednesday, "met on Wednesday" the last one on or before publication.
    Returns a :class:`~bilat.values.TimeSpan` whose ``text``/``start_char``/``end_char`` give
    the matched span within ``text``, or ``None`` for durations ("three days"), for relative
    expressions without ``published``, and for text that holds no date. Never raises.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    pub: dt.date | None
    if isinstance(published, dt.datetime):
        pub = published.date()
    elif isinstance(published, dt.date):
        pub = published
    elif isinstance(published, str):
        try:
            pub = dt.date.fromisoformat(published[:10])
        except ValueError:
            pub = None
    else:
        pub = None
    t = tense.lower() if isinstance(tense, str) and tense.lower() in ("past", "future") else None
    try:
        return _parse(text, pub, t)
    except Exception:  # a last guard: parse_date never raises on a str
        return None
