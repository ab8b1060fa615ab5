"""parse_date: table-driven corpus plus properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _corpus import cases
from bilat.normalise import parse_date
from bilat.values import Precision


@pytest.mark.parametrize("row", cases("dates"))
def test_date_corpus(row: dict) -> None:
    published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
    span = parse_date(row["text"], published, tense=row.get("tense"))
    if row.get("none"):
        assert span is None
        return
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat(), span.precision.value) == (
        row["start"],
        row["end"],
        row["precision"],
    )
    assert span.text == row.get("match", row["text"])
    assert row["text"][span.start_char : span.end_char] == span.text


def test_datetime_published_is_accepted() -> None:
    span = parse_date("yesterday", dt.datetime(2025, 5, 21, 9, 30))
    assert span is not None
    assert span.start == dt.date(2025, 5, 20)


def test_month_text_is_never_given_a_day() -> None:
    for text in ["in March", "March 1987", "last month", "since the end of March"]:
        span = parse_date(text, dt.date(1987, 6, 1))
        assert span is not None
        assert span.precision is Precision.MONTH
        assert span.start.day == 1


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=200),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 1))),
    st.sampled_from([None, "past", "future", "bogus"]),
)
def test_never_raises_and_offsets_hold(text: str, published: dt.date | None, tense: str) -> None:
    span = parse_date(text, published, tense=tense)
    if span is not None:
        assert span.start <= span.end
        assert text[span.start_char : span.end_char] == span.text


_TOKENS = st.sampled_from(
    ["last", "next", "this", "on", "in", "since", "the", "end", "of", "March", "May", "21",
     "3", "-", "to", "and", "Wednesday", "Friday", "1986", "/87", "first", "quarter", "half",
     "year", "month", "week", "early", "mid", "1980s", "yesterday", "three", "days", "ago", ","]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_TOKENS, max_size=8).map(" ".join),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 1)),
    st.sampled_from([None, "past", "future"]),
)
def test_date_like_text(text: str, published: dt.date, tense: str | None) -> None:
    span = parse_date(text, published, tense=tense)
    if span is not None:
        assert span.start <= span.end
        assert text[span.start_char : span.end_char] == span.text


def test_no_publication_date_means_no_relative_resolution() -> None:
    for text in ["yesterday", "last week", "on Friday", "the first quarter", "next year"]:
        assert parse_date(text) is None


def test_long_adversarial_input_is_handled() -> None:
    for text in ["May " * 25_000, "1986/" * 20_000, "last " * 20_000, "3-" * 50_000]:
        parse_date(text, dt.date(2025, 5, 21))
