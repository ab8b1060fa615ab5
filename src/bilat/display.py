"""HTML views of bilat output for Jupyter and other notebook front ends.

:func:`extraction_html` renders an article with every evidence span highlighted in the
colour of its event's type, in the style of spaCy's displaCy span view (coloured underline
bars, one per event and spaced apart, so several events on one sentence stay apart, with a
label at the start of each mention), followed by a compact table of the events. Inside each
evidence sentence the view marks what the event was read from: the **trigger** words (bold,
underlined), the **actor** mentions that name its countries or people (boxed) and its
**date** (dashed box), each in its event's colour. :func:`event_html` renders one event as a
small card. They back ``Extraction._repr_html_`` and ``Event._repr_html_``.

Colours are translucent over the notebook's own background and text colour is inherited,
so the views read in light and dark themes; label text is black or white, whichever
contrasts more with the label's colour (at least 4.5:1, WCAG AA: :func:`contrast_ratio`).
All text is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from bilat.codes import codes_for
from bilat.events import Event

if TYPE_CHECKING:
    from bilat.extraction import Extraction

__all__ = [
    "TYPE_COLOURS",
    "colour_hex",
    "contrast_ratio",
    "event_html",
    "event_marks",
    "event_summary",
    "extraction_html",
    "label_text_colour",
    "roles_text",
]

class _Colours(Mapping[str, tuple[int, int, int]]):
    """The registry's type colours (``View.colour`` of each spec), read on access."""

    def __getitem__(self, kind: str) -> tuple[int, int, int]:
        from bilat.event_types import find

        spec = find(kind)
        if spec is None:
            raise KeyError(kind)
        return spec.view.colour

    def __iter__(self) -> Iterator[str]:
        from bilat.event_types import names

        return iter(names())

    def __len__(self) -> int:
        from bilat.event_types import names

        return len(names())

    def __repr__(self) -> str:
        return repr(dict(self))


TYPE_COLOURS: Mapping[str, tuple[int, int, int]] = _Colours()
"""RGB colour of each event type in the views, from the registry (:mod:`bilat.event_types`):
colour-blind-safe Tableau hues for the shipped types."""

_FALLBACK = (127, 127, 127)
_BAR = 3  # pixels per underline bar
_GAP = 2  # pixels between two events' bars

_STYLE = """<style>
.bilat-view{font-family:inherit;line-height:2.6;max-width:60em;color:inherit}
.bilat-view .bilat-text{white-space:pre-wrap;margin:0 0 1em 0}
.bilat-view .bilat-seg{padding-bottom:2px;border-radius:2px;
 -webkit-box-decoration-break:clone;box-decoration-break:clone}
.bilat-view .bilat-label{font-size:0.7em;font-weight:600;line-height:1;
 border-radius:3px;padding:1px 4px;margin-right:3px;vertical-align:middle;white-space:nowrap}
.bilat-view .bilat-mark{border-radius:3px;color:inherit;background:transparent}
.bilat-view .bilat-trigger{font-weight:700;text-decoration-line:underline;
 text-decoration-thickness:2px;text-underline-offset:2px}
.bilat-view .bilat-actor{border:1.5px solid;padding:0 2px}
.bilat-view .bilat-date{border:1.5px dashed;padding:0 2px}
.bilat-view table.bilat-table{border-collapse:collapse;font-size:0.9em;line-height:1.4;
 color:inherit;background:transparent}
.bilat-view table.bilat-table th,.bilat-view table.bilat-table td{
 border:1px solid rgba(128,128,128,.45);padding:3px 8px;text-align:left;vertical-align:top;
 background:transparent;color:inherit}
.bilat-view table.bilat-table th{background:rgba(128,128,128,.15)}
.bilat-view .bilat-meta{opacity:.75;font-size:.85em;line-height:1.4;margin-bottom:.4em}
.bilat-view .bilat-error{color:rgb(214,39,40);font-weight:600}
</style>"""


def _rgb(kind: str) -> tuple[int, int, int]:
    return TYPE_COLOURS.get(kind, _FALLBACK)


def _solid(kind: str) -> str:
    red, green, blue = _rgb(kind)
    return f"rgb({red},{green},{blue})"


def _tint(kind: str, alpha: float = 0.18) -> str:
    red, green, blue = _rgb(kind)
    return f"rgba({red},{green},{blue},{alpha})"


def colour_hex(kind: str) -> str:
    """The view's colour of an event type as ``"#rrggbb"`` (for plots: matplotlib, pandas)."""
    red, green, blue = _rgb(kind)
    return f"#{red:02x}{green:02x}{blue:02x}"


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def label_text_colour(kind: str) -> tuple[int, int, int]:
    """Black or white, whichever contrasts more with the type's colour (labels' text)."""
    background = _rgb(kind)
    black, white = (0, 0, 0), (255, 255, 255)
    return max((black, white), key=lambda c: contrast_ratio(c, background))


def _label_style(kind: str) -> str:
    red, green, blue = label_text_colour(kind)
    return f"background:{_solid(kind)};color:#{red:02x}{green:02x}{blue:02x}"


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def roles_text(event: Event) -> str:
    """The event's roles as short text: ``"TUR → GRC"``, ``"GRC + TUR"``, ``"? → SYR"``.

    A type whose dyad is a set of states (an agreement's parties, a trade figure's two
    countries without a direction) lists them joined by ``+``.
    """
    from bilat.event_types import find
    from bilat.export import dyad

    first, second = dyad(event)
    spec = find(event.type)
    if spec is not None and not spec.directed(event):
        codes = getattr(event, spec.dyad[0], None) or ()
        return " + ".join(str(code) for code in codes) or "?"
    return f"{first or '?'} → {second or '?'}"


def event_summary(event: Event) -> str:
    """A one-line description of the type's own attributes ("$6.2 billion USD total"), as
    the type's view gives it (``View.summary`` in :mod:`bilat.event_types`)."""
    from bilat.event_types import find

    spec = find(event.type)
    return "" if spec is None else spec.summary(event)


def _date_text(event: Event) -> str:
    date = event.date
    if date is None:
        return ""
    if date.start == date.end:
        return date.start.isoformat()
    return f"{date.start.isoformat()}/{date.end.isoformat()} ({date.precision.value})"


def _modality_text(event: Event) -> str:
    text = event.modality.value
    claimant = event.claimed_by
    if claimant is not None:
        who = claimant.name or claimant.country
        if who:
            text += f" by {who}"
    return text


def _codes_text(event: Event) -> str:
    codes = codes_for(event)
    parts = []
    if codes.cameo:
        parts.append(f"CAMEO {codes.cameo}")
    if codes.plover:
        mode = f"/{codes.plover_mode}" if codes.plover_mode else ""
        parts.append(f"{codes.plover}{mode}")
    return " · ".join(parts)


def _label(kind: str, number: int) -> str:
    return (
        f'<span class="bilat-label" style="{_label_style(kind)}" '
        f'data-bilat-label="{number}">{_esc(kind)} #{number}</span>'
    )


# --- marks: trigger, actors and date inside the evidence --------------------------------

MARK_KINDS = ("trigger", "actor", "date")


@cache
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def _role_codes(event: Event) -> set[str]:
    """The country codes of the event's roles (and of its visitor and claimant): fields named
    ``*_country`` and tuples of codes (``metadata={"codes": True}``: parties, countries)."""
    import attrs

    sets = {f.name for f in attrs.fields(type(event)) if f.metadata.get("codes")}
    codes: set[str] = set()
    for key, value in event.to_dict().items():
        if key.endswith("_country") and isinstance(value, str):
            codes.add(value)
        elif key in sets and isinstance(value, list):
            codes.update(v for v in value if isinstance(v, str))
        elif isinstance(value, dict) and isinstance(value.get("country"), str):
            codes.add(value["country"])
    return codes


def _people(event: Event) -> set[str]:
    """Names (and surnames) of the people the event names: visitor, claimant."""
    names: set[str] = set()
    for actor in (getattr(event, "visitor", None), event.claimed_by):
        name = getattr(actor, "name", None)
        if name:
            names.add(name)
            if " " in name:
                names.add(name.rsplit(" ", 1)[-1])
    return names


def event_marks(
    text: str, event: Event, published: dt.date | None = None
) -> list[tuple[int, int, str]]:
    """Where, inside the event's evidence, the view marks its trigger, actors and date.

    Returns ``(start, end, kind)`` character ranges into ``text`` (``kind`` one of
    ``"trigger"``, ``"actor"``, ``"date"``), sorted and not overlapping. Triggers are the
    words of the type's trigger lexicon (:mod:`bilat.triggers`), actors the names that
    resolve to one of the event's countries (:func:`bilat.actors.resolve_country`, as of
    ``published``) or name its visitor or claimant, the date the span the event's date
    was read from.
    """
    from bilat.actors import resolve_country
    from bilat.triggers import load_lexicon

    marks: list[tuple[int, int, str]] = []
    date = event.date
    start_char = None if date is None else date.start_char
    end_char = None if date is None else date.end_char
    if start_char is not None and end_char is not None and 0 <= start_char < end_char <= len(text):
        marks.append((start_char, end_char, "date"))
    codes, people = _role_codes(event), _people(event)
    try:
        lexicon: Any = load_lexicon(event.type)
    except (OSError, ValueError, KeyError):
        lexicon = None
    for evidence in event.evidence:
        if not 0 <= evidence.start < evidence.end <= len(text):
            continue
        doc = _tokenizer()(text[evidence.start : evidence.end])
        base = evidence.start
        if lexicon is not None:
            for trigger in lexicon.find(doc):
                last = doc[trigger.end - 1]
                start = base + doc[trigger.start].idx
                marks.append((start, base + last.idx + len(last), "trigger"))
        i = 0
        while i < len(doc):
            width = 0
            for n in (4, 3, 2, 1):
                if i + n > len(doc) or not doc[i].text[:1].isupper() or doc[i + n - 1].is_punct:
                    continue
                name = doc[i : i + n].text
                if name in people or (codes and resolve_country(name, when=published) in codes):
                    width = n
                    break
            if width:
                last = doc[i + width - 1]
                marks.append((base + doc[i].idx, base + last.idx + len(last), "actor"))
                i += width
            else:
                i += 1
    marks.sort()
    kept: list[tuple[int, int, str]] = []
    for mark in marks:  # the first of overlapping marks wins (dates, then by position)
        if not kept or mark[0] >= kept[-1][1]:
            kept.append(mark)
    return kept


def _segments(
    text: str, events: Sequence[Event], marks: Sequence[Sequence[tuple[int, int, str]]] = ()
) -> list[tuple[int, int, list[int], list[int], tuple[str, int] | None]]:
    """Cut ``text`` at every evidence and mark boundary: (start, end, covering events,
    starting events, the mark covering the piece as (kind, event number) or None)."""
    bounds = {0, len(text)}
    spans: list[tuple[int, int, int]] = []
    for number, event in enumerate(events, 1):
        for evidence in event.evidence:
            start = max(0, min(evidence.start, len(text)))
            end = max(start, min(evidence.end, len(text)))
            if end > start:
                spans.append((start, end, number))
                bounds.update((start, end))
    placed: list[tuple[int, int, str, int]] = []
    for number, event_marks_ in enumerate(marks, 1):
        for start, end, kind in event_marks_:
            if end > start and not any(s < end and start < e for s, e, _k, _n in placed):
                placed.append((start, end, kind, number))
                bounds.update((start, end))
    points = sorted(bounds)
    out = []
    for start, end in itertools.pairwise(points):
        covering = sorted({n for s, e, n in spans if s <= start and end <= e})
        starting = sorted({n for s, _e, n in spans if s == start})
        mark = next(((k, n) for s, e, k, n in placed if s <= start and end <= e), None)
        out.append((start, end, covering, starting, mark))
    return out


def _bars(kinds: Sequence[str]) -> tuple[str, int]:
    """CSS background layers drawing one bar per event under the text, spaced apart."""
    layers = []
    for i, kind in enumerate(kinds):
        offset = i * (_BAR + _GAP)
        colour = _solid(kind)
        layers.append(
            f"linear-gradient({colour},{colour}) 0 calc(100% - {offset}px)/100% {_BAR}px "
            "no-repeat"
        )
    return ",".join(layers), len(kinds) * (_BAR + _GAP)


def _highlighted_text(
    text: str, events: Sequence[Event], published: dt.date | None = None
) -> str:
    marks = [event_marks(text, event, published) for event in events]
    pieces: list[str] = []
    for start, end, covering, starting, mark in _segments(text, events, marks):
        chunk = _esc(text[start:end])
        if mark is not None and covering:
            kind, number = mark
            colour = _solid(events[number - 1].type)
            style = (
                f"text-decoration-color:{colour}" if kind == "trigger" else f"border-color:{colour}"
            )
            chunk = (
                f'<span class="bilat-mark bilat-{kind}" data-bilat-mark="{kind}" '
                f'data-bilat-event="{number}" style="{style}">{chunk}</span>'
            )
        if not covering:
            pieces.append(chunk)
            continue
        kinds = [events[n - 1].type for n in covering]
        layers, padding = _bars(kinds)
        tint = _tint(kinds[0], 0.16 if len(kinds) == 1 else 0.08)
        labels = "".join(_label(events[n - 1].type, n) for n in starting)
        pieces.append(
            f'{labels}<span class="bilat-seg" style="background:{layers},{tint};'
            f'padding-bottom:{padding}px" '
            f'data-bilat-types="{_esc(" ".join(dict.fromkeys(kinds)))}" '
            f'data-bilat-events="{" ".join(map(str, covering))}">{chunk}</span>'
        )
    return "".join(pieces)


_LEGEND = (
    '<div class="bilat-meta">in each mention: <span class="bilat-mark bilat-trigger" '
    'style="text-decoration-color:currentColor">trigger</span> · <span class="bilat-mark '
    'bilat-actor" style="border-color:currentColor">actor</span> · <span class="bilat-mark '
    'bilat-date" style="border-color:currentColor">date</span></div>'
)


def _table(events: Sequence[Event], numbers: Iterable[int]) -> str:
    head = "".join(
        f"<th>{name}</th>"
        for name in ("#", "type", "countries", "date", "modality", "details", "codes", "mentions")
    )
    rows = []
    for number, event in zip(numbers, events, strict=False):
        rows.append(
            "<tr>"
            f"<td>{number}</td>"
            f'<td><span class="bilat-label" style="{_label_style(event.type)}">'
            f"{_esc(event.type)}</span></td>"
            f"<td>{_esc(roles_text(event))}</td>"
            f"<td>{_esc(_date_text(event))}</td>"
            f"<td>{_esc(_modality_text(event))}</td>"
            f"<td>{_esc(event_summary(event))}</td>"
            f"<td>{_esc(_codes_text(event))}</td>"
            f"<td>{len(event.evidence)}</td>"
            "</tr>"
        )
    return (
        f'<table class="bilat-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def extraction_html(extraction: Extraction) -> str:
    """The article with its evidence highlighted by event type, then a table of events."""
    events = list(extraction.events)
    meta = [f"{len(events)} event{'s' if len(events) != 1 else ''}"]
    if extraction.published is not None:
        meta.append(f"published {extraction.published.isoformat()}")
    if extraction.model:
        meta.append(f"model {extraction.model}")
    if extraction.doc_index is not None:
        meta.append(f"document {extraction.doc_index}")
    parts = [_STYLE, '<div class="bilat-view">']
    parts.append(f'<div class="bilat-meta">{_esc(" · ".join(meta))}</div>')
    if extraction.error is not None:
        parts.append(f'<div class="bilat-error">error: {_esc(extraction.error)}</div>')
    if events:
        parts.append(_LEGEND)
    highlighted = _highlighted_text(extraction.text, events, extraction.published)
    parts.append(f'<div class="bilat-text">{highlighted}</div>')
    if events:
        parts.append(_table(events, range(1, len(events) + 1)))
    parts.append("</div>")
    return "".join(parts)


def event_html(event: Event) -> str:
    """One event as a small card: type, roles, date, modality, details, codes, evidence."""
    rows = [
        ("countries", roles_text(event)),
        ("date", _date_text(event)),
        ("modality", _modality_text(event)),
        ("details", event_summary(event)),
        ("codes", _codes_text(event)),
        ("rule", event.rule),
    ]
    body = "".join(
        f"<tr><th>{_esc(name)}</th><td>{_esc(value)}</td></tr>" for name, value in rows if value
    )
    quotes = "".join(
        f'<tr><th>mention {i}</th><td><span class="bilat-seg" '
        f'style="background:{_tint(event.type)};box-shadow:inset 0 -{_BAR}px 0 '
        f'{_solid(event.type)}" data-bilat-types="{_esc(event.type)}">{_esc(e.text)}</span>'
        f" <small>[{e.start}:{e.end}]</small></td></tr>"
        for i, e in enumerate(event.evidence, 1)
    )
    title = (
        f'<span class="bilat-label" style="{_label_style(event.type)}">'
        f"{_esc(event.type)}</span>"
    )
    return (
        f'{_STYLE}<div class="bilat-view"><div>{title}</div>'
        f'<table class="bilat-table">{body}{quotes}</table></div>'
    )
