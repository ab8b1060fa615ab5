"""parse_count / find_counts: table-driven corpus plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _corpus import cases
from bilat.normalise import find_counts, parse_count


@pytest.mark.parametrize("row", cases("counts"))
def test_count_corpus(row: dict) -> None:
    count = parse_count(row["text"])
    if row.get("none"):
        assert count is None
        return
    assert count is not None
    assert (count.min, count.max) == (row["min"], row["max"])
    assert count.text == row.get("match", row["text"])
    assert row["text"][count.start_char : count.end_char] == count.text


def test_counts_in_a_story() -> None:
    text = (
        "Pakistan has expelled more than 80,000 Afghans since March, and tens of thousands "
        "more are expected to leave by June, officials said on 21 May 2025."
    )
    found = find_counts(text)
    assert [(c.min, c.max, c.text) for c in found] == [
        (80000, None, "more than 80,000"),
        (20000, 99999, "tens of thousands"),
    ]


def test_strike_story() -> None:
    text = "The air strikes killed at least 46 people, most of whom were children, and wounded 12."
    found = find_counts(text)
    assert [(c.min, c.max) for c in found] == [(46, None), (12, 12)]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_bounds_ordered_offsets_hold(text: str) -> None:
    for count in find_counts(text):
        assert count.min is None or count.max is None or count.min <= count.max
        assert text[count.start_char : count.end_char] == count.text


_TOKENS = st.sampled_from(
    ["more than", "at least", "up to", "about", "some", "nearly", "between", "and", "to", "or",
     "more", "plus", "-", " ", "80,000", "46", "1.5", "million", "dozen", "a", "half",
     "tens", "of", "thousands", "hundreds", "several", "forty-six", "two", "people", ","]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=12).map(" ".join))
def test_count_like_text(text: str) -> None:
    for count in find_counts(text):
        assert count.min is None or count.max is None or count.min <= count.max
        assert count.min is not None or count.max is not None
        assert text[count.start_char : count.end_char] == count.text


def test_long_adversarial_input_is_handled() -> None:
    for text in ["more than " * 20_000, "1," * 50_000, "tens of " * 20_000, "9" * 100_000]:
        find_counts(text)
