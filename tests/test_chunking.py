"""Chunking of long texts, moving offsets between chunk and document, sanitising, markup."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.chunking import chunk_spans, sanitize, shift_event, shift_value
from bilat.events import Strike, TradeFigure, Visit
from bilat.markup import has_markup, strip_markup
from bilat.values import Count, Evidence, Money, TimeSpan
from strategies import any_text, events, news_text

PARAGRAPH = (
    "Japan's prime minister arrived in Canberra on Monday for two days of talks on "
    "security and trade. Officials said a defence pact would be signed on Tuesday.\n\n"
)


def _check_cover(text: str, spans: list[tuple[int, int]], limit: int) -> None:
    if not text:
        assert spans == []
        return
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start
    assert all(0 < e - s <= limit for s, e in spans)


@given(text=any_text | news_text, limit=st.integers(2, 300))
def test_chunks_cover_the_text_exactly(text: str, limit: int) -> None:
    _check_cover(text, list(chunk_spans(text, limit)), limit)


def test_a_short_text_is_one_chunk() -> None:
    assert list(chunk_spans(PARAGRAPH, 10_000)) == [(0, len(PARAGRAPH))]
    assert list(chunk_spans("", 10)) == []


def test_chunks_end_at_paragraph_breaks_when_there_are_some() -> None:
    text = PARAGRAPH * 40
    spans = list(chunk_spans(text, 1_000))
    _check_cover(text, spans, 1_000)
    for _, end in spans[:-1]:
        assert text[end - 2 : end] == "\n\n"


def test_chunks_end_after_sentences_without_paragraph_breaks() -> None:
    text = PARAGRAPH.replace("\n\n", " ") * 40
    spans = list(chunk_spans(text, 1_000))
    _check_cover(text, spans, 1_000)
    for _, end in spans[:-1]:
        assert text[end - 2 : end] in {". ", "? ", "! "}


def test_a_word_longer_than_a_chunk_is_cut_at_the_limit() -> None:
    text = "x" * 2_500
    assert list(chunk_spans(text, 1_000)) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_chunk_limit_must_be_usable() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        list(chunk_spans("text", 1))


def test_sanitize_keeps_length_and_makes_text_encodable() -> None:
    text = "Kabul\ud800 and \udfffTehran"
    clean = sanitize(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert clean == "Kabul\ufffd and \ufffdTehran"
    same = "Kyiv \u2014 \U0001f1fa\U0001f1e6"
    assert sanitize(same) is same


@given(any_text)
def test_sanitize_any_text(text: str) -> None:
    clean = sanitize(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")


def test_shift_event_moves_every_offset() -> None:
    text = "Exports to Japan rose to $1.2bn in 2024."
    event = TradeFigure(
        countries=("JPN", "USA"),
        value=Money(Decimal("1.2e9"), "USD", "$1.2bn", start_char=25, end_char=31),
        period=TimeSpan(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year", "2024", 35, 39),
        evidence=[Evidence.from_text(text, 0, len(text))],
    )
    whole = "x" * 100 + text
    moved = shift_event(event, 100)
    assert moved.evidence[0].start == 100
    assert whole[moved.evidence[0].start : moved.evidence[0].end] == text
    assert moved.value is not None and moved.period is not None
    assert whole[moved.value.start_char : moved.value.end_char] == "$1.2bn"  # type: ignore[misc]
    assert whole[moved.period.start_char : moved.period.end_char] == "2024"  # type: ignore[misc]
    assert shift_event(moved, -100) == event


def test_shift_event_reaches_counts_and_dates() -> None:
    strike = Strike(
        target_country="SYR",
        killed=Count(5, 5, "five", 10, 14),
        injured=Count(3, None, "more than three", 20, 35),
        date=TimeSpan(dt.date(2020, 1, 1), dt.date(2020, 1, 1), "day", "Jan 1", 40, 45),
        evidence=[Evidence(0, 4, "abcd")],
    )
    moved = shift_event(strike, 7)
    assert moved.killed == Count(5, 5, "five", 17, 21)
    assert moved.injured == Count(3, None, "more than three", 27, 42)
    assert moved.date is not None and moved.date.start_char == 47
    assert moved.evidence == (Evidence(7, 11, "abcd"),)


def test_shift_with_source_recuts_text() -> None:
    source = "Kabul\ud800 said so."
    clean = sanitize(source)
    visit = Visit(evidence=[Evidence.from_text(clean, 0, len(clean))])
    moved = shift_event(visit, 0, source)
    assert moved.evidence[0].text == source


def test_shift_leaves_offset_free_values_alone() -> None:
    money = Money(Decimal(5), "EUR", "5 euros")
    assert shift_value(money, 10) is money
    assert shift_value("text", 10) == "text"


@given(event=events, delta=st.integers(0, 10**6))
def test_shift_there_and_back(event: Visit, delta: int) -> None:
    assert shift_event(shift_event(event, delta), -delta) == event


# -- markup ------------------------------------------------------------------------------

HTML = (
    '<html><head><title>News</title><style>p {color: red}</style></head><body>'
    '<h1>Talks</h1><p class="lede">Japan&#8217;s prime minister arrived in '
    "<a href='/c'>Canberra</a> on Monday &amp; met officials.</p>"
    "<script>var s = '<p>not text</p>';</script><!-- ad --><p>Trade rose.</p></body></html>"
)


def test_strip_markup_keeps_every_offset() -> None:
    clean = strip_markup(HTML)
    assert len(clean) == len(HTML)
    for word in ("prime minister arrived in", "Canberra", "Trade rose."):
        assert clean.index(word) == HTML.index(word)
    assert "<" not in clean and ">" not in clean
    assert "not text" not in clean and "color" not in clean and "ad" not in clean.split()
    assert "Japan\u2019" in clean and "&amp;" not in clean and " & " in clean


def test_block_tags_become_paragraph_breaks() -> None:
    clean = strip_markup("<p>First sentence</p><p>Second sentence</p>")
    assert "\n\n" in clean[clean.index("sentence") :]


def test_text_without_markup_is_unchanged() -> None:
    text = "Prices rose 5% as 3 < 4 and AT&T said so."
    assert strip_markup(text) == text
    assert not has_markup(text)
    assert has_markup(HTML)


@given(any_text | news_text | st.text(alphabet="<>&;!-/ap\"'=#x0123 [CDAT]", max_size=200))
def test_strip_markup_never_changes_length(text: str) -> None:
    assert len(strip_markup(text)) == len(text)
