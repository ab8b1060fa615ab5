"""HTML views of bilat output for Jupyter and other notebook front ends.

:func:`extraction_html` renders an article with every evidence span highlighted in the
colour of its event's type, in the style of spaCy's displaCy span view (coloured underline
bars, one per event, with a label at the start of each mention), followed by a compact table
of the events. :func:`event_html` renders one event as a small card. They back
``Extraction._repr_html_`` and ``Event._repr_html_``.

Colours are translucent over the notebook's own background and text colour is inherited,
so the views read in light and dark themes. All text is HTML-escaped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from bilat.codes import codes_for
from bilat.events import Event

if TYPE_CHECKING:
    from bilat.extraction import Extraction

__all__ = ["TYPE_COLOURS", "event_html", "event_summary", "extraction_html", "roles_text"]

TYPE_COLOURS: dict[str, tuple[int, int, int]] = {
    "visit": (31, 119, 180),
    "agreement": (44, 160, 44),
    "trade_figure": (214, 140, 20),
    "deportation": (148, 103, 189),
    "strike": (214, 39, 40),
}
"""RGB colour of each event type in the views (colour-blind-safe Tableau hues)."""

_FALLBACK = (127, 127, 127)
_BAR = 3  # pixels per underline bar

_STYLE = """<style>
.bilat-view{font-family:inherit;line-height:2.6;max-width:60em;color:inherit}
.bilat-view .bilat-text{white-space:pre-wrap;margin:0 0 1em 0}
.bilat-view .bilat-seg{padding-bottom:2px;border-radius:2px}
.bilat-view .bilat-label{font-size:0.7em;font-weight:600;line-height:1;color:#fff;
 border-radius:3px;padding:1px 4px;margin-right:3px;vertical-align:middle;white-space:nowrap}
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


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def roles_text(event: Event) -> str:
    """The event's roles as short text: ``"TUR → GRC"``, ``"GRC + TUR"``, ``"? → SYR"``."""
    from bilat.export import dyad

    if event.type in {"agreement", "trade_figure"}:
        first, second = dyad(event)
        directed = event.type == "trade_figure" and getattr(event, "source_country", None)
        if directed:
            return f"{first or '?'} → {second or '?'}"
        codes = getattr(event, "parties", None) or getattr(event, "countries", None) or ()
        return " + ".join(str(code) for code in codes) or "?"
    first, second = dyad(event)
    return f"{first or '?'} → {second or '?'}"


def _count_text(count: Any) -> str | None:
    if count is None:
        return None
    if count.min is not None and count.max == count.min:
        return f"{count.min:,}"
    if count.min is not None and count.max is not None:
        return f"{count.min:,}–{count.max:,}"
    if count.min is not None:
        return f"≥{count.min:,}"
    return count.text or None


def event_summary(event: Event) -> str:
    """A one-line description of the type's own attributes ("$6.2 billion USD total")."""
    parts: list[str] = []
    if event.type == "visit":
        visitor = getattr(event, "visitor", None)
        if visitor is not None and visitor.name:
            parts.append(" ".join(p for p in (visitor.title, visitor.name) if p))
        location = getattr(event, "location", None)
        if location is not None:
            parts.append(f"in {location.name}")
        if getattr(event, "implicit", False):
            parts.append("(implicit)")
    elif event.type == "agreement":
        name = getattr(event, "name", None)
        if name:
            parts.append(str(name))
    elif event.type == "trade_figure":
        value = getattr(event, "value", None)
        if value is not None:
            amount = f"{value.amount:,.0f} {value.currency or '?'}"
            parts.append(f"{value.text} ({amount})" if value.text else amount)
        parts.append(str(getattr(event, "flow", "")))
        period = getattr(event, "period", None)
        if period is not None:
            parts.append(f"period {period.start.isoformat()}/{period.end.isoformat()}")
    elif event.type == "deportation":
        count = _count_text(getattr(event, "count", None))
        if count:
            parts.append(count)
        group = getattr(event, "group", None)
        if group:
            parts.append(str(group))
    elif event.type == "strike":
        parts.append(str(getattr(event, "kind", "")))
        killed = _count_text(getattr(event, "killed", None))
        if killed:
            parts.append(f"{killed} killed")
        injured = _count_text(getattr(event, "injured", None))
        if injured:
            parts.append(f"{injured} injured")
        location = getattr(event, "location", None)
        if location is not None:
            parts.append(f"at {location.name}")
    return ", ".join(p for p in parts if p)


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
        f'<span class="bilat-label" style="background:{_solid(kind)}" '
        f'data-bilat-label="{number}">{_esc(kind)} #{number}</span>'
    )


def _segments(text: str, events: Sequence[Event]) -> list[tuple[int, int, list[int], list[int]]]:
    """Cut ``text`` at every evidence boundary: (start, end, covering events, starting events)."""
    bounds = {0, len(text)}
    spans: list[tuple[int, int, int]] = []
    for number, event in enumerate(events, 1):
        for evidence in event.evidence:
            start = max(0, min(evidence.start, len(text)))
            end = max(start, min(evidence.end, len(text)))
            if end > start:
                spans.append((start, end, number))
                bounds.update((start, end))
    points = sorted(bounds)
    out = []
    for start, end in itertools.pairwise(points):
        covering = sorted({n for s, e, n in spans if s <= start and end <= e})
        starting = sorted({n for s, _e, n in spans if s == start})
        out.append((start, end, covering, starting))
    return out


def _highlighted_text(text: str, events: Sequence[Event]) -> str:
    pieces: list[str] = []
    for start, end, covering, starting in _segments(text, events):
        chunk = _esc(text[start:end])
        if not covering:
            pieces.append(chunk)
            continue
        kinds = [events[n - 1].type for n in covering]
        bars = ", ".join(
            f"inset 0 -{_BAR * (i + 1)}px 0 {_solid(kind)}" for i, kind in enumerate(kinds)
        )
        labels = "".join(_label(events[n - 1].type, n) for n in starting)
        pieces.append(
            f'{labels}<span class="bilat-seg" style="background:{_tint(kinds[0])};'
            f'box-shadow:{bars};padding-bottom:{_BAR * len(kinds)}px" '
            f'data-bilat-types="{_esc(" ".join(dict.fromkeys(kinds)))}" '
            f'data-bilat-events="{" ".join(map(str, covering))}">{chunk}</span>'
        )
    return "".join(pieces)


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
            f'<td><span class="bilat-label" style="background:{_solid(event.type)}">'
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
    parts.append(f'<div class="bilat-text">{_highlighted_text(extraction.text, events)}</div>')
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
        f'<span class="bilat-label" style="background:{_solid(event.type)}">'
        f"{_esc(event.type)}</span>"
    )
    return (
        f'{_STYLE}<div class="bilat-view"><div>{title}</div>'
        f'<table class="bilat-table">{body}{quotes}</table></div>'
    )
