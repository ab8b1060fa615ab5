"""Hypothesis strategies for bilat's values and events, and for hostile or news-like text.

Import from tests as ``from strategies import events, news_text`` (pytest puts ``tests/`` on
``sys.path``). Every strategy builds *valid* objects (offsets consistent, bounds ordered),
so a failure in a round trip is a bug in the model, not in the strategy.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from bilat.events import (
    EVENT_TYPES,
    FLOWS,
    STRIKE_KINDS,
    Agreement,
    Deportation,
    Event,
    Strike,
    TradeFigure,
    Visit,
)
from bilat.values import Actor, Count, Evidence, Modality, Money, Place, Precision, TimeSpan

__all__ = [
    "actors",
    "any_text",
    "assert_offsets_exact",
    "counts",
    "event_of_type",
    "events",
    "evidence",
    "iso3",
    "money",
    "news_text",
    "places",
    "timespans",
]

# -- text --------------------------------------------------------------------------------

any_text = st.text(st.characters(codec=None, categories=None), max_size=400)
"""Any Python ``str``: every code point, lone surrogates and NUL included."""

_HOSTILE_CHARS = [
    "\u0000", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
    "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\u0301", "\u0308", "\u20dd",
    "\ud800", "\udfff", "\U0001f1fa\U0001f1f8", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\u0627\u0644\u0639\u0631\u0627\u0642", "\u05d9\u05e9\u05e8\u05d0\u05dc", "\u4e2d\u56fd",
    "\u00a0", "\u2028", "\u2029", "\r\n", "\t", "\x0b", "\x0c", "\u0130", "\u00df", "\ufb01",
]

_NEWS_WORDS = [
    # states, demonyms, capitals, leaders, bodies
    "Pakistan", "India", "China", "Chinese", "U.S.", "United States", "US", "Russia",
    "Moscow", "Beijing", "Washington", "Iran", "Iraqi", "Israel", "Gaza", "Ukraine", "Kyiv",
    "Japan", "Tokyo", "France", "French", "Germany", "Berlin", "Turkey", "Ankara", "Syria",
    "Afghan", "Afghanistan", "Mexico", "the Kremlin", "the White House", "Britain", "EU",
    "President", "Prime Minister", "Foreign Minister", "Xi Jinping", "Putin", "Modi",
    "Macron", "Erdogan", "the government", "officials", "troops", "the army",
    # triggers
    "visited", "visit", "will visit", "arrived in", "flew to", "met", "talks with", "hosted",
    "signed", "agreed", "an agreement", "memorandum of understanding", "treaty", "deal",
    "trade", "exports", "imports", "bilateral trade", "investment", "pledged", "loan", "aid",
    "deported", "expelled", "deportation", "migrants", "nationals", "diplomats",
    "air strike", "airstrike", "drone", "missile", "shelled", "struck", "killed", "injured",
    "wounded", "attack", "bombed",
    # modality
    "not", "denied", "said", "claimed", "plans to", "proposed", "in principle", "may",
    # values
    "$", "$1.2bn", "5 billion", "dlrs", "mln", "stg", "yen", "euros", "\u20ac3bn", "Rs",
    "1,000", "1,1,1", "80,000", "tens of thousands", "more than", "at least", "dozens",
    "12", "3.5", "1986", "2025", "on Tuesday", "last month", "May 21", "in December",
    "the first quarter", "1986/87", "next week", "yesterday",
    # punctuation and markup
    ".", ",", ";", ":", "!", "?", "'s", '"', "(", ")", "-", "\u2014", "\n", "\n\n", "<p>",
    "</p>", "&amp;", "<b>", "...",
]

_VOCABULARY = tuple(_NEWS_WORDS + _HOSTILE_CHARS)


def _words(data: bytes) -> str:
    return " ".join(_VOCABULARY[b % len(_VOCABULARY)] for b in data)


news_text = st.builds(
    lambda head, noise, tail: _words(head) + noise + _words(tail),
    st.binary(max_size=48),
    st.text(max_size=4),
    st.binary(max_size=16),
)
"""News-like text: country names, triggers, numbers, money, dates, punctuation, and
hostile characters, joined by spaces; it reaches far more of the extraction code than
random characters do. (Words are drawn as bytes, one draw for the lot, to keep the
10,000-example profile fast.)"""

# -- values ------------------------------------------------------------------------------

iso3 = st.sampled_from(
    ["AFG", "CHN", "DEU", "FRA", "GBR", "IND", "IRN", "IRQ", "ISR", "JPN", "PAK", "PSE",
     "RUS", "SYR", "TUR", "UKR", "USA", "XKX", "SUN", "YUG"]
)
_short = st.text(max_size=12)
_opt_short = st.none() | _short
_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


_evidence_text = st.text(st.characters(codec=None, categories=None), min_size=1, max_size=12) | (
    st.just("Pakistan's president arrived in Baghdad.")
)


@st.composite
def evidence(draw: Any) -> Evidence:
    """An :class:`Evidence` span whose text is as long as its offsets say."""
    text = draw(_evidence_text)
    start = draw(st.integers(0, 10**7))
    return Evidence(start=start, end=start + len(text), text=text)


@st.composite
def _offsets(draw: Any, text: str) -> tuple[int | None, int | None]:
    if draw(st.booleans()):
        return None, None
    start = draw(st.integers(0, 10**7))
    return start, start + len(text)


@st.composite
def timespans(draw: Any) -> TimeSpan:
    """A :class:`TimeSpan` with ``start <= end``, any precision, optional offsets."""
    a, b = sorted([draw(_dates), draw(_dates)])
    text = draw(_short)
    start_char, end_char = draw(_offsets(text))
    return TimeSpan(
        start=a,
        end=b,
        precision=draw(st.sampled_from(list(Precision))),
        text=text,
        start_char=start_char,
        end_char=end_char,
    )


# Amounts a float represents exactly enough to round-trip through JSON (at most 14 digits).
_amounts = st.integers(0, 10**14).map(lambda cents: Decimal(cents) / 100)


@st.composite
def money(draw: Any) -> Money:
    """A :class:`Money` value with an optional currency, range end and offsets."""
    text = draw(_short)
    start_char, end_char = draw(_offsets(text))
    return Money(
        amount=draw(_amounts),
        currency=draw(st.none() | st.sampled_from(["USD", "EUR", "JPY", "GBP", "PKR", "SUR"])),
        text=text,
        max_amount=draw(st.none() | _amounts),
        start_char=start_char,
        end_char=end_char,
    )


@st.composite
def counts(draw: Any) -> Count:
    """A :class:`Count` with ordered bounds (either may be open) and optional offsets."""
    low = draw(st.none() | st.integers(0, 10**9))
    high = draw(st.none() | st.integers(low or 0, 10**10))
    text = draw(_short)
    start_char, end_char = draw(_offsets(text))
    return Count(min=low, max=high, text=text, start_char=start_char, end_char=end_char)


actors = st.builds(Actor, name=_opt_short, country=st.none() | iso3, title=_opt_short)
places = st.builds(Place, name=_short, country=st.none() | iso3)

# -- events ------------------------------------------------------------------------------


def _common() -> dict[str, Any]:
    return {
        "evidence": st.lists(evidence(), max_size=3).map(tuple),
        "date": st.none() | timespans(),
        "modality": st.sampled_from(list(Modality)),
        "claimed_by": st.none() | actors,
        "rule": _short,
    }


_BUILDERS: dict[str, Any] = {
    "visit": st.builds(
        Visit,
        visitor_country=st.none() | iso3,
        host_country=st.none() | iso3,
        visitor=st.none() | actors,
        location=st.none() | places,
        implicit=st.booleans(),
        **_common(),
    ),
    "agreement": st.builds(
        Agreement, parties=st.lists(iso3, max_size=4).map(tuple), name=_opt_short, **_common()
    ),
    "trade_figure": st.builds(
        TradeFigure,
        countries=st.lists(iso3, max_size=2).map(tuple),
        value=st.none() | money(),
        flow=st.sampled_from(FLOWS),
        period=st.none() | timespans(),
        source_country=st.none() | iso3,
        partner_country=st.none() | iso3,
        **_common(),
    ),
    "deportation": st.builds(
        Deportation,
        deporting_country=st.none() | iso3,
        origin_country=st.none() | iso3,
        count=st.none() | counts(),
        group=_opt_short,
        **_common(),
    ),
    "strike": st.builds(
        Strike,
        attacker_country=st.none() | iso3,
        target_country=st.none() | iso3,
        kind=st.sampled_from(STRIKE_KINDS),
        killed=st.none() | counts(),
        injured=st.none() | counts(),
        location=st.none() | places,
        **_common(),
    ),
}
assert set(_BUILDERS) == set(EVENT_TYPES), "add a strategy for every event type"


def event_of_type(kind: str) -> st.SearchStrategy[Event]:
    """Random valid events of one type (``"visit"``, ``"strike"``, ...)."""
    return _BUILDERS[kind]  # type: ignore[no-any-return]


events: st.SearchStrategy[Event] = st.one_of(*_BUILDERS.values())
"""Random valid events of every type."""


# -- checks ------------------------------------------------------------------------------


def _spans(value: Any, depth: int = 0) -> list[tuple[int, int, str]]:
    """Every (start, end, text) span inside an event or value, at any depth."""
    import attrs

    found: list[tuple[int, int, str]] = []
    if depth > 6:
        return found
    if isinstance(value, Evidence):
        found.append((value.start, value.end, value.text))
    elif isinstance(value, tuple):
        for item in value:
            found.extend(_spans(item, depth + 1))
    elif attrs.has(type(value)):
        start = getattr(value, "start_char", None)
        if start is not None:
            found.append((start, value.end_char, value.text))
        for field in attrs.fields(type(value)):
            if field.name not in {"start_char", "end_char"}:
                found.extend(_spans(getattr(value, field.name), depth + 1))
    return found


def assert_offsets_exact(text: str, found: Any) -> int:
    """Assert ``text[start:end] == span.text`` for every evidence and value span in
    ``found`` (an Extraction or events); return how many spans were checked."""
    checked = 0
    for event in found:
        for start, end, span_text in _spans(event):
            assert 0 <= start <= end <= len(text), (start, end, len(text))
            assert text[start:end] == span_text, (start, end, span_text)
            checked += 1
    return checked
