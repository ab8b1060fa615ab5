"""The event model: construction, validation, the to_dict contract and round trips."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilat
from bilat import (
    Actor,
    Agreement,
    Count,
    Deportation,
    Event,
    Evidence,
    Modality,
    Money,
    Place,
    Strike,
    TimeSpan,
    TradeFigure,
    Visit,
)
from bilat.extraction import Extraction, read_jsonl, write_jsonl

TEXT = "Pakistan's president arrived in Baghdad on Sunday for a four-day visit."


def test_visit_to_dict_follows_the_contract() -> None:
    visit = Visit(
        visitor_country="pak",
        host_country="IRQ",
        visitor=Actor(name="Asif Ali Zardari", title="President", country="PAK"),
        date=TimeSpan(dt.date(2025, 5, 18), dt.date(2025, 5, 18), "day", "on Sunday"),
        evidence=[Evidence.from_text(TEXT, 0, len(TEXT))],
        rule="visit.arrive",
    )
    data = visit.to_dict()
    assert data["type"] == "visit"
    assert data["visitor_country"] == "PAK"  # codes are upper-cased
    assert data["host_country"] == "IRQ"
    assert data["visitor"] == {"name": "Asif Ali Zardari", "title": "President", "country": "PAK"}
    assert data["date"] == {
        "start": "2025-05-18",
        "end": "2025-05-18",
        "precision": "day",
        "text": "on Sunday",
    }
    assert data["modality"] == "asserted"
    assert data["evidence"] == [{"start": 0, "end": len(TEXT), "text": TEXT}]
    json.dumps(data)  # JSON-ready


def test_trade_figure_amount_is_a_float_in_units() -> None:
    figure = TradeFigure(
        countries=["PAK", "IRQ"],
        value=Money(Decimal("268000000"), "USD", "$268 million"),
        flow="total",
    )
    data = figure.to_dict()
    assert data["countries"] == ["IRQ", "PAK"]
    assert data["value"] == {"amount": 268000000.0, "currency": "USD", "text": "$268 million"}
    assert data["flow"] == "total"


def test_counts_and_claims_in_dicts() -> None:
    strike = Strike(
        attacker_country="PAK",
        target_country="AFG",
        killed=Count(46, None, "at least 46"),
        location=Place("Paktika", "AFG"),
        modality="claimed",
        claimed_by=Actor(name="the Afghan Taliban", country="AFG"),
    )
    data = strike.to_dict()
    assert data["killed"] == {"min": 46, "max": None, "text": "at least 46"}
    assert data["location"] == {"name": "Paktika", "country": "AFG"}
    assert data["modality"] == "claimed"
    assert data["claimed_by"]["country"] == "AFG"
    deportation = Deportation(deporting_country="PAK", origin_country="AFG",
                              count=Count(80000, None, "more than 80,000"))
    assert deportation.to_dict()["count"]["min"] == 80000


def test_agreement_parties_are_a_sorted_set() -> None:
    agreement = Agreement(parties=["PAK", "AFG", "PAK"], modality=Modality.IN_PRINCIPLE)
    assert agreement.parties == ("AFG", "PAK")
    assert agreement.to_dict()["modality"] == "in_principle"


def test_events_are_frozen() -> None:
    visit = Visit(visitor_country="PAK", host_country="CHN")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        visit.host_country = "USA"  # type: ignore[misc]


@pytest.mark.parametrize(
    "make",
    [
        lambda: Evidence(5, 2, "abc"),
        lambda: Evidence(0, 3, "ab"),
        lambda: TimeSpan(dt.date(2025, 2, 1), dt.date(2025, 1, 1), "month"),
        lambda: Count(10, 5, "x"),
        lambda: Money("not a number", "USD"),
        lambda: TradeFigure(flow="smuggling"),
        lambda: Strike(kind="laser"),
        lambda: Visit(modality="perhaps"),
    ],
)
def test_invalid_values_are_rejected(make: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        make()  # type: ignore[operator]


def test_from_dict_rejects_unknown_types() -> None:
    with pytest.raises(ValueError, match="unknown event type"):
        Event.from_dict({"type": "picnic"})
    with pytest.raises(ValueError):
        Visit.from_dict(Agreement(parties=["FRA", "DEU"]).to_dict())


codes = st.sampled_from(["PAK", "AFG", "CHN", "USA", "EUU", "SUN", None])
texts = st.text(max_size=40)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def timespans(draw: st.DrawFn) -> TimeSpan:
    start = draw(dates)
    end = draw(st.dates(min_value=start, max_value=dt.date(2100, 12, 31)))
    return TimeSpan(start, end, draw(st.sampled_from(list(bilat.Precision))), draw(texts))


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    text = draw(st.text(max_size=30))
    start = draw(st.integers(0, 10_000))
    return Evidence(start, start + len(text), text)


@st.composite
def counts(draw: st.DrawFn) -> Count:
    low = draw(st.none() | st.integers(0, 10**9))
    high = draw(st.none() | st.integers(low or 0, 10**10))
    return Count(low, high, draw(texts))


# to_dict() writes amounts as JSON numbers (floats, as events.md says): they round-trip
# exactly up to 15 significant digits, i.e. below 1e13 with two decimal places.
moneys = st.builds(
    Money,
    amount=st.decimals(min_value=0, max_value=Decimal("1e13"), places=2, allow_nan=False),
    currency=st.sampled_from(["USD", "GBP", "JPY", None]),
    text=texts,
)
actors = st.builds(Actor, name=st.none() | texts, country=codes, title=st.none() | texts)
common = {
    "evidence": st.lists(evidence(), max_size=3),
    "date": st.none() | timespans(),
    "modality": st.sampled_from(list(Modality)),
    "claimed_by": st.none() | actors,
    "rule": texts,
}
events = st.one_of(
    st.builds(Visit, visitor_country=codes, host_country=codes, visitor=st.none() | actors,
              location=st.none() | st.builds(Place, name=texts, country=codes),
              implicit=st.booleans(), **common),
    st.builds(Agreement, parties=st.lists(codes, max_size=4), name=st.none() | texts, **common),
    st.builds(TradeFigure, countries=st.lists(codes, max_size=2), value=st.none() | moneys,
              flow=st.sampled_from(["total", "export", "balance", "aid"]),
              period=st.none() | timespans(), **common),
    st.builds(Deportation, deporting_country=codes, origin_country=codes,
              count=st.none() | counts(), group=st.none() | texts, **common),
    st.builds(Strike, attacker_country=codes, target_country=codes,
              kind=st.sampled_from(["air", "drone", "unspecified"]),
              killed=st.none() | counts(), injured=st.none() | counts(), **common),
)


@given(events)
def test_to_dict_from_dict_round_trip(event: Event) -> None:
    data = event.to_dict()
    again = Event.from_dict(json.loads(json.dumps(data)))
    assert again == event
    assert again.to_dict() == data


@given(st.lists(events, max_size=4))
def test_jsonl_round_trip(tmp_events: list[Event]) -> None:
    import io

    # random evidence cannot be cut from one text: no text (read_jsonl checks evidence
    # against a non-empty text)
    extraction = Extraction(text="", events=tmp_events, published="2025-05-21")
    stream = io.StringIO()
    assert write_jsonl([extraction, extraction], stream) == 2
    stream.seek(0)
    back = list(read_jsonl(stream))
    assert back == [extraction, extraction]


def test_read_jsonl_names_the_bad_line(tmp_path: object) -> None:
    import io

    with pytest.raises(ValueError, match="line 2"):
        list(read_jsonl(io.StringIO('{"text": "", "events": []}\n{oops\n')))
