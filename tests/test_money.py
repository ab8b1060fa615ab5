"""parse_money / find_money: table-driven corpus plus properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _corpus import cases
from bilat.normalise import find_money, parse_money, render_money
from bilat.values import Money


@pytest.mark.parametrize("row", cases("money"))
def test_money_corpus(row: dict) -> None:
    published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
    money = parse_money(row["text"], country_hint=row.get("country_hint"), published=published)
    if row.get("none"):
        assert money is None
        return
    assert money is not None
    assert money.amount == Decimal(row["amount"])
    assert money.currency == row["currency"]
    expected_max = Decimal(row["max_amount"]) if row.get("max_amount") else None
    assert money.max_amount == expected_max
    assert money.text == row.get("match", row["text"])
    assert row["text"][money.start_char : money.end_char] == money.text


def test_exact_decimal() -> None:
    money = parse_money("51.48 billion dlrs")
    assert money is not None
    assert str(money.amount) == "51480000000"


def test_find_money_in_a_sentence() -> None:
    text = (
        "China's exports to Japan rose to 2.572 trillion yen ($21.4bn; £16.5bn) in 2004, "
        "from 1.9 trillion yen a year earlier."
    )
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [
        (Decimal("2572000000000"), "JPY"),
        (Decimal("21400000000"), "USD"),
        (Decimal("16500000000"), "GBP"),
        (Decimal("1900000000000"), "JPY"),
    ]
    for m in found:
        assert text[m.start_char : m.end_char] == m.text


def test_from_to_is_two_amounts_not_a_range() -> None:
    found = find_money("The deficit narrowed from 3.2 to 2.1 billion dlrs.")
    assert [(m.amount, m.max_amount) for m in found] == [
        (Decimal("3200000000"), None),
        (Decimal("2100000000"), None),
    ]


def test_wire_story() -> None:
    text = (
        "Norway's trade surplus with Sweden fell to 160 mln crowns in 1986 from 265 mln "
        "crowns in 1985, the statistics office said."
    )
    found = find_money(text, country_hint="NOR")
    assert [(m.amount, m.currency) for m in found] == [
        (Decimal("160000000"), "NOK"),
        (Decimal("265000000"), "NOK"),
    ]


def test_render_round_trip_examples() -> None:
    for text in ["$5 million-$10 million", "5.2 billion", "160 mln crowns", "€3bn"]:
        money = parse_money(text)
        assert money is not None
        again = parse_money(render_money(money))
        assert again is not None
        assert again.amount == money.amount
        assert again.currency == money.currency


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for money in find_money(text):
        assert text[money.start_char : money.end_char] == money.text
        assert money.max_amount is None or money.max_amount >= money.amount


_TOKENS = st.sampled_from(
    ["$", "US$", "£", "€", "Rs", "5", "1.2", "80,000", "bn", "mln", "billion", " ", "-", "to",
     "dlrs", "stg", "yen", "crowns", "won", "Taiwan", "H.K.", "between", "and", "pct", "a",
     "one", "forty-six", "(", ")", ",", "."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=14).map("".join), st.sampled_from([None, "NOR", "PAK", "SUN"]))
def test_money_like_text_round_trips(text: str, hint: str | None) -> None:
    for money in find_money(text, country_hint=hint):
        assert text[money.start_char : money.end_char] == money.text
        again = parse_money(render_money(money))
        assert again is not None
        assert again.amount == money.amount
        assert again.currency == money.currency


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999"), places=2),
    st.sampled_from(["USD", "GBP", "JPY", "EUR", None]),
)
def test_render_parses_to_equal_amount(amount: Decimal, currency: str | None) -> None:
    money = Money(amount * 10**6, currency)
    again = parse_money(render_money(money))
    assert again is not None
    assert again.amount == money.amount
    assert again.currency == currency


def test_long_adversarial_input_is_handled() -> None:
    for text in ["$" * 100_000, "1," * 50_000, "5 " * 50_000 + "dlrs", "between " * 20_000]:
        find_money(text)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1900, max_value=2099),
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999"), places=1),
    st.sampled_from(["in ", "in FY", "since ", "fiscal "]),
    st.sampled_from(["billion dlrs", "bln euros", "mln stg"]),
)
def test_a_year_before_to_is_no_range_low(year: int, amount: Decimal, lead: str, unit: str) -> None:
    """ "rose in 2019 to 12.5 billion dlrs": the year is never read as money."""
    text = f"Exports rose {lead}{year if 'FY' not in lead else year % 100} to {amount} {unit}."
    found = find_money(text)
    assert len(found) == 1
    scale = {"billion": 10**9, "bln": 10**9, "mln": 10**6}[unit.split()[0]]
    assert found[0].amount == amount * scale
    assert found[0].max_amount is None
    assert text[found[0].start_char : found[0].end_char] == found[0].text
