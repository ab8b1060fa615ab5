"""HTML views: evidence highlighted per event type, an events table, escaping, event cards."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bilat import Agreement, Count, Deportation, Evidence, Strike, TimeSpan, Visit
from bilat.display import TYPE_COLOURS, event_html, extraction_html
from bilat.extraction import Extraction

TEXT = (
    "Kenyan President visits Dodoma & signs <rail> pact\n\n"
    "DODOMA (wire) - Kenya's president arrived in Dodoma on Monday and the two "
    "governments signed a rail agreement. Tanzania deported 40 Kenyan nationals in May. "
    "Ugandan artillery shelled a Kenyan border post, killing two soldiers."
)


def _span(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence.from_text(text, start, start + len(phrase))


def _extraction() -> Extraction:
    visit_sentence = "DODOMA (wire) - Kenya's president arrived in Dodoma on Monday and the two "
    visit = Visit(
        visitor_country="KEN",
        host_country="TZA",
        evidence=[_span(TEXT, "Kenyan President visits Dodoma"), _span(TEXT, visit_sentence)],
        date=TimeSpan("2026-06-01", "2026-06-01", "day", "on Monday"),
    )
    agreement = Agreement(
        parties=["KEN", "TZA"],
        evidence=[
            _span(TEXT, "signs <rail> pact"),
            _span(TEXT, "the two governments signed a rail agreement."),
        ],
    )
    deportation = Deportation(
        deporting_country="TZA",
        origin_country="KEN",
        count=Count(40, 40, "40"),
        evidence=[_span(TEXT, "Tanzania deported 40 Kenyan nationals in May.")],
    )
    strike = Strike(
        attacker_country="UGA",
        target_country="KEN",
        kind="artillery",
        killed=Count(2, 2, "two"),
        evidence=[
            _span(TEXT, "Ugandan artillery shelled a Kenyan border post, killing two soldiers.")
        ],
    )
    return Extraction(
        text=TEXT, events=[visit, agreement, deportation, strike], published="2026-06-03", model="m"
    )


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.segments: list[tuple[dict[str, str | None], str]] = []
        self._open: list[dict[str, str | None] | None] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        data = dict(attrs)
        self._open.append(data if "data-bilat-types" in data else None)
        if "data-bilat-types" in data:
            self.segments.append((data, ""))

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open and self._open[-1] is not None and self.segments:
            attrs, text = self.segments[-1]
            self.segments[-1] = (attrs, text + data)


def test_every_evidence_span_is_highlighted_with_its_type() -> None:
    extraction = _extraction()
    parser = _Collector()
    parser.feed(extraction._repr_html_())
    highlighted: dict[str, str] = {}
    for attrs, text in parser.segments:
        for kind in (attrs["data-bilat-types"] or "").split():
            highlighted[kind] = highlighted.get(kind, "") + text
    for event in extraction:
        for evidence in event.evidence:
            assert evidence.text in highlighted[event.type], (event.type, evidence.text)


def test_each_type_has_its_own_colour_and_a_label_per_mention() -> None:
    html = extraction_html(_extraction())
    for kind, (red, green, blue) in TYPE_COLOURS.items():
        if kind == "trade_figure":
            continue
        assert f"rgb({red},{green},{blue})" in html
    labels = re.findall(r'data-bilat-label="(\d+)"', html)
    assert sorted(set(labels)) == ["1", "2", "3", "4"]
    assert len(labels) == sum(len(e.evidence) for e in _extraction())


def test_overlapping_mentions_stack_their_bars() -> None:
    text = "Greece and Turkey signed a deal during the visit."
    whole = Evidence.from_text(text, 0, len(text))
    both = Extraction(
        text=text,
        events=[
            Visit(visitor_country="TUR", host_country="GRC", evidence=[whole]),
            Agreement(parties=["GRC", "TUR"], evidence=[whole]),
        ],
    )
    html = extraction_html(both)
    assert 'data-bilat-types="visit agreement"' in html
    assert html.count("inset 0 -") >= 2


def test_text_is_escaped() -> None:
    html = extraction_html(_extraction())
    assert "<rail>" not in html
    assert "&lt;rail&gt;" in html
    assert " &amp; " in html and " & " not in html.split("</style>")[1]


def test_table_lists_every_event_with_codes() -> None:
    html = extraction_html(_extraction())
    table = html[html.index("<table") :]
    assert table.count("<tr>") == 5  # header + four events
    for needle in ("KEN → TZA", "KEN + TZA", "TZA → KEN", "UGA → KEN", "CAMEO 194", "2026-06-01"):
        assert needle in table


def test_styles_read_in_dark_and_light_themes() -> None:
    html = extraction_html(_extraction())
    assert "color:inherit" in html
    assert "background:#fff" not in html and "color:#000" not in html
    assert "rgba(" in html  # translucent tints over whatever background the theme has


def test_event_card() -> None:
    event = _extraction()[3]
    html = event._repr_html_()
    assert html == event_html(event)
    assert "UGA → KEN" in html and "artillery" in html and "CAMEO 194" in html
    assert "Ugandan artillery shelled" in html


def test_empty_and_failed_extractions_render() -> None:
    assert "0 events" in Extraction(text="Nothing happened.")._repr_html_()
    failed = Extraction(text="", error="TypeError: <bad>")
    assert "error: TypeError: &lt;bad&gt;" in failed._repr_html_()
