"""Property-based fuzzing of every pure-Python part and of the Extractor.

Quick under the default hypothesis profile; ``HYPOTHESIS_PROFILE=ci-fuzz`` (``.ci/run``)
runs 10,000 examples per property (a tenth of that for the trained pipeline).
Properties: nothing raises on any ``str``; every offset a result reports points at its
text (``text[start:end] == span.text``); ``to_dict``/``from_dict`` (and JSON) round trip.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.actors import resolve_country, resolve_place
from bilat.chunking import chunk_spans, sanitize, shift_event
from bilat.events import EVENT_TYPES, Event
from bilat.extraction import Extraction
from bilat.extractor import Extractor, parse_published
from bilat.markup import strip_markup
from bilat.normalise import find_counts, find_money, parse_count, parse_date, parse_money
from bilat.values import Actor, Count, Evidence, Money, Place, TimeSpan
from strategies import (
    actors,
    any_text,
    assert_offsets_exact,
    counts,
    event_of_type,
    events,
    evidence,
    money,
    news_text,
    places,
    timespans,
)

# Random strings of names and numbers: the extractor must not fail and its offsets must
# hold, but sentence admission is compared with whole-document parsing on real and
# news-style text only (tests/conftest.py, _admission_audit_switch).
pytestmark = pytest.mark.no_admission_audit

texts = any_text | news_text
days = st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))
PROFILE_EXAMPLES = settings().max_examples or 100


def scaled(fraction: float) -> int:
    """A share of the profile's examples, for properties that repeat a full-size one."""
    return max(10, int(PROFILE_EXAMPLES * fraction))


TRAINED_EXAMPLES = scaled(0.1)


@pytest.fixture(scope="module")
def blank_extractor() -> Extractor:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Extractor(nlp)


# -- normalisers and resolvers -------------------------------------------------------------


@given(texts, days, st.sampled_from([None, "past", "future"]),
       st.none() | st.sampled_from(["USA", "NOR", "PAK", "JPN", "GBR"]))
def test_parsers_any_text(
    text: str, day: dt.date | None, tense: str | None, hint: str | None
) -> None:
    """Every public parser on the same text: no exception, sane results, exact offsets."""
    for code in (resolve_country(text), resolve_country(text, when=day), resolve_place(text)):
        assert code is None or (len(code) == 3 and code.isupper()), code
    span = parse_date(text, day, tense=tense)
    assert span is None or (isinstance(span, TimeSpan) and span.start <= span.end)
    found_money = find_money(text, country_hint=hint, published=day)
    assert all(isinstance(m, Money) for m in found_money)
    found_counts = find_counts(text)
    assert all(isinstance(c, Count) for c in found_counts)
    first_money = parse_money(text, country_hint=hint, published=day)
    first_count = parse_count(text)
    singles = tuple(v for v in (first_money, first_count) if v is not None)
    assert_offsets_exact(text, [tuple(found_money), tuple(found_counts), singles])
    clean = sanitize(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert len(strip_markup(text)) == len(text)


@settings(max_examples=scaled(0.1))
@given(st.text(max_size=40))
def test_parse_published_any_text(text: str) -> None:
    try:
        day = parse_published(text)
    except ValueError as exc:
        assert repr(text) in str(exc)
    else:
        assert isinstance(day, dt.date)


# -- round trips -----------------------------------------------------------------------------


@given(events)
def test_event_round_trip(event: Event) -> None:
    """Every event type, with every value type inside (evidence, dates, money, counts...)."""
    data = event.to_dict()
    assert Event.from_dict(data) == event
    assert type(event).from_dict(data) == event
    assert Event.from_dict(json.loads(json.dumps(data))) == event


@pytest.mark.parametrize("kind", sorted(EVENT_TYPES))
def test_every_type_round_trips(kind: str) -> None:
    @settings(max_examples=scaled(0.05))
    @given(event_of_type(kind))
    def check(event: Event) -> None:
        assert event.type == kind
        assert Event.from_dict(json.loads(json.dumps(event.to_dict()))) == event

    check()


@settings(max_examples=scaled(0.1))
@given(st.one_of(evidence(), timespans(), money(), counts(), actors, places))
def test_value_round_trip(value: Evidence | TimeSpan | Money | Count | Actor | Place) -> None:
    data = json.loads(json.dumps(value.to_dict()))
    assert type(value).from_dict(data) == value


@settings(max_examples=scaled(0.1))
@given(st.lists(events, max_size=4), texts, days)
def test_extraction_round_trip(found: list[Event], text: str, day: dt.date | None) -> None:
    # evidence must be cut from the text (Extraction.from_dict checks it)
    found = [
        event.with_changes(
            evidence=[
                Evidence.from_text(text, min(ev.start, len(text)), min(ev.end, len(text)))
                for ev in event.evidence
            ]
        )
        for event in found
    ]
    result = Extraction(text=text, events=found, published=day, model="m", doc_index=3)
    again = Extraction.from_dict(json.loads(result.to_json()))
    assert again == result


# -- chunking, offsets, markup ---------------------------------------------------------------


@settings(max_examples=scaled(0.1))
@given(texts, st.integers(2, 500))
def test_chunks_cover_exactly(text: str, limit: int) -> None:
    position = 0
    for start, end in chunk_spans(text, limit):
        assert start == position and 0 < end - start <= limit
        position = end
    assert position == len(text)


@settings(max_examples=scaled(0.1))
@given(events, st.integers(0, 10**6))
def test_shift_round_trip(event: Event, delta: int) -> None:
    assert shift_event(shift_event(event, delta), -delta) == event


# -- the extractor ---------------------------------------------------------------------------


def _check_extraction(extractor: Extractor, text: str, day: dt.date | None) -> None:
    result = extractor.extract(text, day)
    assert result.ok and result.text == text
    assert_offsets_exact(text, result)
    again = Extraction.from_dict(json.loads(result.to_json()))
    assert again.events == result.events


@given(texts, days)
def test_blank_extractor_any_text(
    blank_extractor: Extractor, text: str, day: dt.date | None
) -> None:
    _check_extraction(blank_extractor, text, day)


@settings(max_examples=TRAINED_EXAMPLES)
@given(texts, days)
@pytest.mark.model
def test_trained_extractor_any_text(
    bilat_extractor: Extractor, text: str, day: dt.date | None
) -> None:
    _check_extraction(bilat_extractor, text, day)


@settings(max_examples=max(10, TRAINED_EXAMPLES // 10))
@given(st.lists(news_text, min_size=2, max_size=8), days, st.integers(60, 400))
@pytest.mark.model
def test_trained_extractor_chunked(
    nlp: Any, docs: list[str], day: dt.date | None, limit: int
) -> None:
    text = "\n\n".join(docs)
    extractor = Extractor(nlp)
    extractor.chunk_chars = limit
    result = extractor.extract(text, day)
    assert_offsets_exact(text, result)
    keys = [e.key for e in result]
    assert len(keys) == len(set(keys)), "one event per key after merging across chunks"
