"""Dates on wire copy: the dateline is the report's place and issue date, never an event's
date by itself, and a weekday or "next week" is read in the tense of its clause.

Three tables: parse_date across tenses (weekdays, next/last week and month), the dateline
finder, and whole stories through ``bilat.extract`` (trained pipeline).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bilat.context import dateline_spans
from bilat.normalise import parse_date

WED = dt.date(2025, 5, 21)  # a Wednesday
MON = dt.date(2026, 3, 2)  # a Monday

# (text, published, tense, start, end, precision)
WEEKDAYS = [
    # the story's own weekday is that day, in every tense
    ("on Wednesday", WED, None, "2025-05-21", "2025-05-21", "day"),
    ("on Wednesday", WED, "past", "2025-05-21", "2025-05-21", "day"),
    ("on Wednesday", WED, "future", "2025-05-21", "2025-05-21", "day"),
    ("on Monday", MON, "future", "2026-03-02", "2026-03-02", "day"),
    # another weekday: past points back, future points ahead
    ("on Tuesday", WED, "past", "2025-05-20", "2025-05-20", "day"),
    ("on Tuesday", WED, None, "2025-05-20", "2025-05-20", "day"),
    ("on Tuesday", WED, "future", "2025-05-27", "2025-05-27", "day"),
    ("on Thursday", WED, "past", "2025-05-15", "2025-05-15", "day"),
    ("on Thursday", WED, "future", "2025-05-22", "2025-05-22", "day"),
    ("Monday", WED, "future", "2025-05-26", "2025-05-26", "day"),
    ("Monday", WED, "past", "2025-05-19", "2025-05-19", "day"),
    # an explicit "next"/"last" wins over the tense
    ("next Wednesday", WED, None, "2025-05-28", "2025-05-28", "day"),
    ("next Wednesday", WED, "future", "2025-05-28", "2025-05-28", "day"),
    ("last Wednesday", WED, "past", "2025-05-14", "2025-05-14", "day"),
    ("last Friday", WED, None, "2025-05-16", "2025-05-16", "day"),
    ("next Friday", WED, None, "2025-05-23", "2025-05-23", "day"),
]

FRI = dt.date(2026, 2, 20)  # a Friday
PERIODS = [
    ("next week", FRI, "future", "2026-02-23", "2026-03-01", "week"),
    ("next week", FRI, None, "2026-02-23", "2026-03-01", "week"),
    ("last week", FRI, "past", "2026-02-09", "2026-02-15", "week"),
    ("this week", FRI, "past", "2026-02-16", "2026-02-22", "week"),
    ("this week", FRI, "future", "2026-02-16", "2026-02-22", "week"),
    ("next month", FRI, "future", "2026-03-01", "2026-03-31", "month"),
    ("last month", FRI, "past", "2026-01-01", "2026-01-31", "month"),
    ("last month", dt.date(2026, 1, 9), "past", "2025-12-01", "2025-12-31", "month"),
    ("next month", dt.date(2025, 12, 30), "future", "2026-01-01", "2026-01-31", "month"),
    ("this month", FRI, None, "2026-02-01", "2026-02-28", "month"),
    ("two weeks ago", FRI, "past", "2026-02-02", "2026-02-08", "week"),
    ("next year", FRI, "future", "2027-01-01", "2027-12-31", "year"),
    ("last year", FRI, "past", "2025-01-01", "2025-12-31", "year"),
]


@pytest.mark.parametrize(
    ("text", "published", "tense", "start", "end", "precision"), WEEKDAYS + PERIODS
)
def test_relative_dates_follow_the_tense(
    text: str, published: dt.date, tense: str | None, start: str, end: str, precision: str
) -> None:
    span = parse_date(text, published, tense=tense)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat(), span.precision.value) == (
        start,
        end,
        precision,
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KABUL, Oct. 8 (Wire) - Drones struck a village.", "KABUL, Oct. 8 (Wire) -"),
        ("TOKYO, March 2 - Japan said on Monday.", "TOKYO, March 2 -"),
        ("SPRINGFIELD, Ill., Oct. 8 (AP) -- He said.", "SPRINGFIELD, Ill., Oct. 8 (AP) --"),
        ("WASHINGTON (Wire) \u2014 The envoy left.", "WASHINGTON (Wire) \u2014"),
        ("Head\n\nNEW DELHI, Jan. 5, 2026 (Wire) - It said.", "NEW DELHI, Jan. 5, 2026 (Wire) -"),
        ("INDIA, JAPAN AGREE TO EXPAND TRADE", None),
        ("US, China sign - deal done", None),
        ("Mr. Smith - the envoy - arrived.", None),
    ],
)
def test_dateline_spans(text: str, dateline: str | None) -> None:
    found = [text[s:e] for s, e in dateline_spans(text)]
    assert found == ([] if dateline is None else [dateline])


# (story, published, event type, expected date start, end, precision)
STORIES = [
    (
        "KABUL, Oct. 8 (Wire) - Pakistani drones struck a village in eastern Afghanistan on "
        "Tuesday, killing five people, local officials said.",
        "2025-10-08", "strike", "2025-10-07", "2025-10-07", "day",
    ),
    (
        "NAIROBI, June 4 (Wire) - Kenya and Ethiopia signed an agreement on Wednesday to build "
        "a new road link between the two countries.",
        "2026-06-04", "agreement", "2026-06-03", "2026-06-03", "day",
    ),
    (
        "HANOI, Feb. 20 (Wire) - Japanese Prime Minister Fumio Kishida will visit Vietnam next "
        "week, the foreign ministry said.",
        "2026-02-20", "visit", "2026-02-23", "2026-03-01", "week",
    ),
    (
        "TOKYO, March 2 (Wire) - Japan and India are set to sign a trade pact on Monday, "
        "officials said.",
        "2026-03-02", "agreement", "2026-03-02", "2026-03-02", "day",
    ),
    (
        "India and Japan will sign a trade pact on Monday, officials said on Wednesday.",
        "2026-03-04", "agreement", "2026-03-09", "2026-03-09", "day",
    ),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("story", "published", "kind", "start", "end", "precision"), STORIES)
def test_wire_stories_take_the_clause_date_not_the_dateline(
    bilat_extractor: Any,
    story: str,
    published: str,
    kind: str,
    start: str,
    end: str,
    precision: str,
) -> None:
    events = [e for e in bilat_extractor.extract(story, published).events if e.type == kind]
    assert events, f"no {kind} in {story!r}"
    date = events[0].to_dict()["date"]
    assert (date["start"], date["end"], date["precision"]) == (start, end, precision)
    assert date["start_char"] > 25  # never the dateline


@pytest.mark.model
def test_dateline_alone_gives_no_day(bilat_extractor: Any) -> None:
    story = (
        "ISLAMABAD, May 3 (Wire) - Pakistan and Afghanistan signed a transit trade agreement, "
        "officials said."
    )
    events = bilat_extractor.extract(story, "2026-05-03").events
    assert events
    date = events[0].to_dict().get("date")
    # the publication month at month precision, never the dateline's day
    assert date is None or date["precision"] != "day"


@pytest.mark.model
def test_set_to_is_planned(bilat_extractor: Any) -> None:
    story = "Japan and India are set to sign a trade pact on Friday, officials said."
    events = bilat_extractor.extract(story, "2026-03-04").events
    assert [e.modality.value for e in events] == ["planned"]
