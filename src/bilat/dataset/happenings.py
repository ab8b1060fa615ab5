"""Cross-document merging: the events of many reports grouped into the happenings they report.

One article's mentions of a visit are already one :class:`~bilat.Event`
(:mod:`bilat.merging`). Across articles, the same visit reported by three outlets is three
events; :func:`group_happenings` makes it one :class:`Happening` that keeps every report.

The rules (``docs/dataset.md`` gives the reasons):

* **Same key.** Two events can only be one happening when they have the same type and the
  same roles (visitor and host, deporting and origin state, attacker and target, the set of
  parties); a type's spec may name another key (:attr:`bilat.event_types.Merging.key`): trade
  figures need the same flow, the same currency and the same amount at three significant
  digits (the rounding of the scoring contract).
* **Compatible times.** Each event has a time span: its date (or the field its spec names: a
  trade figure's period); without one, the weeks before its publication for a reported fact
  (:attr:`MergeRules.undated_lookback`) or the months after it for a plan
  (:attr:`MergeRules.planned_lookahead`), unless its spec says otherwise (a trade figure
  without a period fits any time). Two spans are compatible when they overlap once widened
  by the type's window (:attr:`MergeRules.windows`, in days, by default the spec's). A
  happening is anchored on its most precise report, and a report joins the first happening
  whose anchor it is compatible with, so daily reports of a campaign do not chain into one
  endless event.
* **One report per document.** Two events of one document are two happenings: the
  document-level merge already judged them different.
* **Modality across reports.** A plan (``planned``, ``proposed``, ``in_principle``) later
  reported as done is one happening that took place (``asserted``); otherwise the modality
  most reports give wins, ties going to the latest report. Every report's modality is kept.

``mode="one_a_day"`` gives ICEWS's rule instead: one event per source, target, CAMEO code
(type and flow where there is none) and day.

The merge is defined per key, so it can run partitioned by dyad
(:func:`partition_key`) with the same result as a single process.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

import attrs

from bilat.codes import codes_for
from bilat.event_types import Merging, attribute_at, find, specs
from bilat.events import Event
from bilat.values import Modality

__all__ = [
    "Attribute",
    "Happening",
    "Mention",
    "MergeRules",
    "default_windows",
    "goldstein",
    "group_happenings",
    "partition_key",
    "role_countries",
]


def default_windows() -> dict[str, int]:
    """Days two reports' times may lie apart and still be one happening, by registered type
    (each spec's :attr:`bilat.event_types.Merging.window`).

    >>> default_windows()["strike"], default_windows()["deportation"]
    (1, 30)
    """
    return {spec.name: spec.merging.window for spec in specs()}


_PLANS = frozenset({Modality.PLANNED, Modality.PROPOSED, Modality.IN_PRINCIPLE})
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}

_NO_MERGING = Merging()  # a type the registry does not know (an event read back from a store)


def _merging(kind: str) -> Merging:
    spec = find(kind)
    return _NO_MERGING if spec is None else spec.merging


@functools.cache
def _goldstein_weights() -> dict[str, float]:
    from bilat.lexicons.files import GoldsteinFile, typed

    return dict(typed("goldstein.json", GoldsteinFile).weights)


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein (1992) weight of a CAMEO code, ``None`` for no code or an unknown one.

    The weights are data (``bilat/data/goldstein.json``, with their source).

    >>> goldstein("057"), goldstein("195"), goldstein(None)
    (8.0, -10.0, None)
    """
    return None if cameo is None else _goldstein_weights().get(cameo)


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@attrs.frozen(slots=True, kw_only=True)
class Mention:
    """One extracted event as one report of a happening: the event and where it was read.

    Attributes:
        event_id: ``"<doc_id>:<index>"``, unique in a dataset.
        doc_id: the document's id.
        index: the event's position in its document's extraction.
        event: the event itself.
        outlet: the source that published the document (``None`` if unknown).
        published: the document's publication date (``None`` if unknown).
    """

    event_id: str
    doc_id: str
    index: int
    event: Event
    outlet: str | None = None
    published: dt.date | None = attrs.field(default=None, converter=_date_or_none)

    @classmethod
    def of(
        cls,
        doc_id: str,
        index: int,
        event: Event,
        *,
        outlet: str | None = None,
        published: dt.date | str | None = None,
    ) -> Mention:
        """Build the mention of the ``index``-th event of document ``doc_id``."""
        return cls(
            event_id=f"{doc_id}:{index}",
            doc_id=doc_id,
            index=index,
            event=event,
            outlet=outlet,
            published=_date_or_none(published),
        )


@attrs.frozen(slots=True, kw_only=True)
class Attribute:
    """An attribute of a happening as the reports give it.

    ``value`` is the value most reports give (ties: the earliest report); ``votes`` holds
    every value reported with its number of reports, so disagreements stay visible (46
    killed in one outlet, 50 in another).
    """

    name: str
    value: Any
    votes: tuple[tuple[Any, int], ...]

    @property
    def disputed(self) -> bool:
        """True when the reports give more than one value."""
        return len(self.votes) > 1


def _windows(value: Mapping[str, int]) -> dict[str, int]:
    return {str(k): int(v) for k, v in value.items()}


@attrs.frozen(slots=True, kw_only=True)
class MergeRules:
    """How reports are grouped into happenings (see the module docstring).

    Attributes:
        windows: days two reports' time spans may lie apart, by event type
            (:func:`default_windows`, from the registered types' specs); types not named
            use ``default_window``.
        default_window: the window of a type ``windows`` does not name.
        undated_lookback: days before its publication an undated reported event may lie.
        planned_lookahead: days after its publication an undated plan may be carried out.
        mode: ``"happenings"`` (these rules) or ``"one_a_day"`` (ICEWS: one event per
            source, target, code and day).
    """

    windows: dict[str, int] = attrs.field(
        factory=default_windows, converter=_windows, eq=False, hash=False
    )
    default_window: int = 7
    undated_lookback: int = 30
    planned_lookahead: int = 90
    mode: Literal["happenings", "one_a_day"] = "happenings"

    def window(self, kind: str) -> int:
        """The window in days for events of type ``kind``."""
        return int(self.windows.get(kind, self.default_window))

    def to_dict(self) -> dict[str, Any]:
        """The rules as JSON-ready data (stored with a dataset's happenings)."""
        return {
            "windows": dict(sorted(self.windows.items())),
            "default_window": self.default_window,
            "undated_lookback": self.undated_lookback,
            "planned_lookahead": self.planned_lookahead,
            "mode": self.mode,
        }


@attrs.frozen(slots=True, kw_only=True)
class Happening:
    """One real-world happening and every report of it.

    Attributes:
        happening_id: a stable id (a hash of its reports' event ids).
        type: the event type.
        source: the dyad's first state, the source where the type has a direction
            (:func:`bilat.export.dyad`).
        target: the dyad's second state.
        parties: every state in its roles, sorted.
        date: the time of its most precise report (``None`` if no report dates it).
        modality: the modality resolved across reports (a plan reported done is
            ``asserted``).
        modalities: each reported modality with its number of reports.
        cameo: its CAMEO code (:mod:`bilat.codes`), for the resolved modality.
        plover: its PLOVER category.
        goldstein: the Goldstein weight of its CAMEO code (:func:`goldstein`).
        attributes: the type's attributes resolved by agreement, with their votes.
        mentions: every report, earliest first.
    """

    happening_id: str
    type: str
    source: str | None
    target: str | None
    parties: tuple[str, ...]
    date: Any  # TimeSpan | None (Any keeps attrs from importing it for the annotation)
    modality: str
    modalities: tuple[tuple[str, int], ...]
    cameo: str | None
    plover: str | None
    goldstein: float | None
    attributes: tuple[Attribute, ...]
    mentions: tuple[Mention, ...]

    @property
    def n_mentions(self) -> int:
        """How many extracted events report it."""
        return len(self.mentions)

    @property
    def n_documents(self) -> int:
        """How many documents report it."""
        return len({m.doc_id for m in self.mentions})

    @property
    def n_sources(self) -> int:
        """How many distinct outlets report it (documents without an outlet count as one)."""
        return len({m.outlet for m in self.mentions})

    @property
    def first_report(self) -> dt.date | None:
        """The earliest publication date of its reports."""
        days = [m.published for m in self.mentions if m.published is not None]
        return min(days) if days else None

    @property
    def last_report(self) -> dt.date | None:
        """The latest publication date of its reports."""
        days = [m.published for m in self.mentions if m.published is not None]
        return max(days) if days else None

    def attribute(self, name: str) -> Attribute | None:
        """The resolved attribute ``name`` ("killed.min", "visitor.name"), if reported."""
        return next((a for a in self.attributes if a.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """The happening as JSON-ready data (mentions as event ids with their documents)."""
        return {
            "happening_id": self.happening_id,
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "parties": list(self.parties),
            "date": None if self.date is None else self.date.to_dict(),
            "modality": self.modality,
            "modalities": dict(self.modalities),
            "cameo": self.cameo,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "attributes": {
                a.name: {
                    "value": _jsonable(a.value),
                    "votes": [[_jsonable(v), n] for v, n in a.votes],
                }
                for a in self.attributes
            },
            "n_mentions": self.n_mentions,
            "n_documents": self.n_documents,
            "n_sources": self.n_sources,
            "first_report": _iso(self.first_report),
            "last_report": _iso(self.last_report),
            "mentions": [
                {
                    "event_id": m.event_id,
                    "doc_id": m.doc_id,
                    "outlet": m.outlet,
                    "published": _iso(m.published),
                    "evidence": [[e.start, e.end] for e in m.event.evidence],
                }
                for m in self.mentions
            ],
        }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _dyad(event: Event) -> tuple[str | None, str | None]:
    from bilat.export import dyad

    return dyad(event)


def role_countries(event: Event) -> tuple[str, ...]:
    """Every country code in the event's scored roles, sorted (a party set, a dyad's two)."""
    codes: set[str] = set()
    for name in event.ROLE_FIELDS:
        value = getattr(event, name)
        if isinstance(value, tuple):
            codes.update(v for v in value if isinstance(v, str))
        elif isinstance(value, str):
            codes.add(value)
    return tuple(sorted(codes))


def _sig3(amount: Decimal | None) -> str | None:
    if amount is None:
        return None
    return f"{float(amount):.3g}"


def _key_value(event: Event, path: str) -> Any:
    value = attribute_at(event, path)
    return _sig3(value) if isinstance(value, Decimal) else value


def _group_key(event: Event) -> tuple[Any, ...]:
    """Type and roles, or the type and the key its spec names (amounts at 3 digits)."""
    key = _merging(event.type).key
    if key is not None:
        return (event.type, *(_key_value(event, path) for path in key))
    return (event.type, *(getattr(event, name) for name in event.ROLE_FIELDS))


def partition_key(mention: Mention) -> str:
    """The dyad partition a mention belongs to (its states, sorted, joined by ``-``).

    Every mention of one happening has the same partition key, so merging each partition
    on its own (on a cluster) gives the happenings of merging everything at once.
    """
    return "-".join(role_countries(mention.event)) or "-"


def _span(event: Event) -> Any:
    """The event's stated time span (a TimeSpan or ``None``), from the field its spec names."""
    return getattr(event, _merging(event.type).time, None)


def _time(mention: Mention, rules: MergeRules) -> tuple[dt.date, dt.date] | None:
    event = mention.event
    span = _span(event)
    if span is not None:
        return span.start, span.end
    if not _merging(event.type).undated or mention.published is None:
        return None
    day = mention.published
    if event.modality in _PLANS:
        return day, day + dt.timedelta(days=rules.planned_lookahead)
    return day - dt.timedelta(days=rules.undated_lookback), day


def _compatible(
    a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None, window: int
) -> bool:
    if a is None or b is None:
        return True
    gap = dt.timedelta(days=window)
    return a[0] - gap <= b[1] and b[0] - gap <= a[1]


def _anchor_order(mention: Mention, rules: MergeRules) -> tuple[Any, ...]:
    span = _span(mention.event)
    time = _time(mention, rules)
    return (
        span is None,  # a stated time anchors before a publication-based one
        99 if span is None else _PRECISION_RANK.get(span.precision.value, 9),
        dt.date.max if time is None else time[0],
        dt.date.max if time is None else time[1],
        mention.published or dt.date.max,
        mention.event_id,
    )


def _report_order(mention: Mention) -> tuple[Any, ...]:
    return (mention.published or dt.date.max, mention.doc_id, mention.index)


def _path(event: Event, path: str) -> Any:
    value = attribute_at(event, path)
    return None if value is None else _jsonable(value)


def _attributes(kind: str, mentions: Sequence[Mention]) -> tuple[Attribute, ...]:
    out = []
    for name in _merging(kind).attributes:
        votes: Counter[Any] = Counter()
        first: dict[Any, int] = {}
        for rank, mention in enumerate(mentions):
            value = _path(mention.event, name)
            if value is None:
                continue
            votes[value] += 1
            first.setdefault(value, rank)
        if not votes:
            continue
        ranked = sorted(votes.items(), key=lambda vn: (-vn[1], first[vn[0]]))
        out.append(Attribute(name=name, value=ranked[0][0], votes=tuple(ranked)))
    return tuple(out)


def _modality(mentions: Sequence[Mention]) -> str:
    counts = Counter(m.event.modality for m in mentions)
    if Modality.ASSERTED in counts and all(
        m is Modality.ASSERTED or m in _PLANS for m in counts
    ):
        return Modality.ASSERTED.value  # planned, then reported done: it took place
    latest = {m.event.modality: i for i, m in enumerate(mentions)}
    best = max(counts, key=lambda m: (counts[m], latest[m]))
    return best.value


def _happening(mentions: list[Mention], anchor: Mention) -> Happening:
    mentions = sorted(mentions, key=_report_order)
    event = anchor.event
    modality = _modality(mentions)
    codes = codes_for(attrs.evolve(event, modality=Modality(modality)))
    source, target = _dyad(event)
    digest = hashlib.sha1(
        "\n".join(sorted(m.event_id for m in mentions)).encode("utf-8"), usedforsecurity=False
    ).hexdigest()[:16]
    modality_counts = Counter(m.event.modality.value for m in mentions)
    dated = [m.event.date for m in mentions if m.event.date is not None]
    date = event.date
    if date is None and dated:
        date = min(dated, key=lambda d: (_PRECISION_RANK.get(d.precision.value, 9), d.start))
    return Happening(
        happening_id=digest,
        type=event.type,
        source=source,
        target=target,
        parties=role_countries(event),
        date=date,
        modality=modality,
        modalities=tuple(sorted(modality_counts.items())),
        cameo=codes.cameo,
        plover=codes.plover,
        goldstein=goldstein(codes.cameo),
        attributes=_attributes(event.type, mentions),
        mentions=tuple(mentions),
    )


def _cluster(group: list[Mention], rules: MergeRules) -> list[Happening]:
    group = sorted(group, key=lambda m: _anchor_order(m, rules))
    window = rules.window(group[0].event.type)
    clusters: list[tuple[Mention, tuple[dt.date, dt.date] | None, list[Mention], set[str]]] = []
    for mention in group:
        time = _time(mention, rules)
        for _anchor, anchor_time, members, docs in clusters:
            if mention.doc_id not in docs and _compatible(anchor_time, time, window):
                members.append(mention)
                docs.add(mention.doc_id)
                break
        else:
            clusters.append((mention, time, [mention], {mention.doc_id}))
    return [_happening(members, anchor) for anchor, _, members, _ in clusters]


def _day(mention: Mention) -> dt.date | None:
    date = mention.event.date
    if date is not None and date.precision.value == "day":
        return date.start
    if mention.published is not None:
        return mention.published
    return None if date is None else date.start


def _one_a_day(mentions: Iterable[Mention]) -> list[Happening]:
    groups: dict[tuple[Any, ...], list[Mention]] = {}
    for mention in mentions:
        event = mention.event
        code = event.cameo or f"{event.type}/{getattr(event, 'flow', '')}"
        key = (*_dyad(event), code, _day(mention))
        groups.setdefault(key, []).append(mention)
    out = []
    for group in groups.values():
        anchor = min(group, key=_report_order)
        out.append(_happening(group, anchor))
    return out


def _sort_key(happening: Happening) -> tuple[Any, ...]:
    date = happening.date
    return (
        dt.date.max if date is None else date.start,
        happening.type,
        happening.source or "",
        happening.target or "",
        happening.happening_id,
    )


def group_happenings(
    mentions: Iterable[Mention], rules: MergeRules | None = None
) -> list[Happening]:
    """Group the mentions of many documents into happenings (see the module docstring).

    Args:
        mentions: every event of the dataset as a :class:`Mention` (any order).
        rules: the merge rules; :class:`MergeRules` defaults when ``None``.

    Returns:
        The happenings, ordered by date, type, dyad and id (the same for any input order).
    """
    rules = rules or MergeRules()
    if rules.mode == "one_a_day":
        return sorted(_one_a_day(mentions), key=_sort_key)
    if rules.mode != "happenings":
        raise ValueError(f"mode must be 'happenings' or 'one_a_day', not {rules.mode!r}")
    groups: dict[tuple[Any, ...], list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(_group_key(mention.event), []).append(mention)
    out: list[Happening] = []
    for group in groups.values():
        out.extend(_cluster(group, rules))
    return sorted(out, key=_sort_key)
