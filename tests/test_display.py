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
        # inside a segment, or a mark nested in one
        if any(x is not None for x in self._open) and self.segments:
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
    # one bar per event, each at its own height with a gap between, not one solid band
    offsets = re.findall(r"calc\(100% - (\d+)px\)/100% (\d+)px", html)
    assert offsets and set(offsets) == {("0", "3"), ("5", "3")}
    assert len(offsets) == 2 * html.count('class="bilat-seg"')  # two bars on every piece
    assert "padding-bottom:10px" in html


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
    # black text only on the solid label backgrounds, never on the page's own background
    outside_labels = re.sub(r'<span class="bilat-label"[^>]*>', "", html)
    assert "background:#fff" not in html and "color:#000" not in outside_labels
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


def _marks(html: str) -> list[tuple[str, str, str]]:
    """(mark kind, event number, marked text) for every mark in the view."""
    return re.findall(
        r'data-bilat-mark="(\w+)" data-bilat-event="(\d+)" style="[^"]*">([^<]*)</span>', html
    )


def test_trigger_actors_and_date_are_marked_inside_the_evidence() -> None:
    text = (
        "Kenyan President Amina Salim arrived in Tanzania on Monday for talks. "
        "Tanzania deported 40 Kenyan nationals in May."
    )
    sentence = text[: text.index(" Tanzania deported")]
    date_at = text.index("on Monday")
    visit = Visit(
        visitor_country="KEN",
        host_country="TZA",
        visitor={"name": "Amina Salim", "title": "President", "country": "KEN"},
        evidence=[Evidence.from_text(text, 0, len(sentence))],
        date=TimeSpan("2026-06-01", "2026-06-01", "day", "on Monday", date_at, date_at + 9),
    )
    html = extraction_html(Extraction(text=text, events=[visit], published="2026-06-03"))
    marks = _marks(html)
    assert ("trigger", "1", "arrived") in marks
    assert ("actor", "1", "Kenyan") in marks
    assert ("actor", "1", "Amina Salim") in marks
    assert ("actor", "1", "Tanzania") in marks
    assert ("date", "1", "on Monday") in marks
    # nothing is marked outside the event's evidence (the second sentence)
    assert html.count('data-bilat-mark="actor"') == 3
    assert "in each mention:" in html  # the legend


def test_each_event_marks_in_its_own_colour() -> None:
    html = extraction_html(_extraction())
    red, green, blue = TYPE_COLOURS["strike"]
    strike_marks = re.findall(r'data-bilat-mark="(\w+)" data-bilat-event="4" style="([^"]*)"', html)
    assert ("trigger", f"text-decoration-color:rgb({red},{green},{blue})") in strike_marks
    assert any(kind == "actor" for kind, _style in strike_marks)


def test_label_text_meets_wcag_aa_contrast() -> None:
    from bilat.display import _FALLBACK, contrast_ratio, label_text_colour

    assert round(contrast_ratio((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert contrast_ratio((10, 20, 30), (10, 20, 30)) == 1.0
    for kind, colour in [*TYPE_COLOURS.items(), ("other", _FALLBACK)]:
        ratio = contrast_ratio(label_text_colour(kind), colour)
        assert ratio >= 4.5, (kind, ratio)
    html = extraction_html(_extraction())
    for background, text in re.findall(
        r'class="bilat-label" style="background:rgb\((\d+,\d+,\d+)\);color:#([0-9a-f]{6})"', html
    ):
        bg = tuple(int(v) for v in background.split(","))
        fg = tuple(int(text[i : i + 2], 16) for i in (0, 2, 4))
        assert contrast_ratio(fg, bg) >= 4.5  # type: ignore[arg-type]


def test_colour_hex_matches_the_view() -> None:
    from bilat.display import colour_hex

    assert colour_hex("visit") == "#1f77b4"
    for kind, (red, green, blue) in TYPE_COLOURS.items():
        assert int(colour_hex(kind)[1:], 16) == (red << 16) + (green << 8) + blue


def test_repr_is_short_for_a_long_text() -> None:
    long_text = "Greece and Turkey met in Athens. " * 12_000
    shown = repr(Extraction(text=long_text, events=_extraction().events, published="2026-06-03"))
    assert len(shown) < 300
    assert f"({len(long_text):,} chars)" in shown
    assert "events=4 [visit, agreement, deportation, strike]" in shown
    assert "published=2026-06-03" in shown
