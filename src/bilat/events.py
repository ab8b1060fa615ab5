"""The five event types bilat extracts, as frozen, typed attrs classes.

Field names and :meth:`Event.to_dict` follow ``shared/docs/events.md`` exactly: every event
dict holds ``"type"``, its role fields (ISO 3166-1 alpha-3 codes or ``None``), ``"date"``,
``"modality"``, ``"claimed_by"``, ``"evidence"`` and ``"rule"``, plus its type's own
attributes. :meth:`Event.from_dict` reads any of them back into the right class.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from bilat.values import Actor, Count, Evidence, Modality, Money, Place, TimeSpan

__all__ = [
    "EVENT_TYPES",
    "Agreement",
    "Deportation",
    "Event",
    "Strike",
    "TradeFigure",
    "Visit",
    "event_class",
]


def _read(cls: Any, value: Any) -> Any:
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, dict):
        return cls.from_dict(value)
    raise TypeError(f"expected {cls.__name__}, dict or None, got {type(value).__name__}")


def _opt_actor(value: Any) -> Actor | None:
    return _read(Actor, value)  # type: ignore[no-any-return]


def _opt_place(value: Any) -> Place | None:
    return _read(Place, value)  # type: ignore[no-any-return]


def _opt_timespan(value: Any) -> TimeSpan | None:
    return _read(TimeSpan, value)  # type: ignore[no-any-return]


def _opt_money(value: Any) -> Money | None:
    return _read(Money, value)  # type: ignore[no-any-return]


def _opt_count(value: Any) -> Count | None:
    return _read(Count, value)  # type: ignore[no-any-return]


def _evidence_tuple(value: Any) -> tuple[Evidence, ...]:
    items = tuple(value or ())
    return tuple(e if isinstance(e, Evidence) else Evidence.from_dict(e) for e in items)


def _code(value: Any) -> str | None:
    if value is None:
        return None
    code = str(value).strip().upper()
    return code or None


def _codes(value: Any) -> tuple[str, ...]:
    codes = {c for c in (_code(v) for v in (value or ())) if c}
    return tuple(sorted(codes))


def _as_dict(value: Any) -> Any:
    return None if value is None else value.to_dict()


@attrs.frozen(slots=True, kw_only=True)
class Event:
    """What every event has: evidence, a date, a modality, who claims it and the rule.

    Attributes:
        evidence: every mention of the happening in the document, as character spans.
        date: when it happened (or is planned), with its precision; ``None`` if not stated.
        modality: how the text holds it (asserted, planned, claimed, ...).
        claimed_by: for ``claimed``/``denied`` events, who claims or denies it.
        rule: the name of the rule that produced the event, for auditing.
    """

    type: ClassVar[str] = "event"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ()

    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence_tuple)
    date: TimeSpan | None = attrs.field(default=None, converter=_opt_timespan)
    modality: Modality = attrs.field(default=Modality.ASSERTED, converter=Modality)
    claimed_by: Actor | None = attrs.field(default=None, converter=_opt_actor)
    rule: str = attrs.field(default="", converter=str)

    @property
    def key(self) -> tuple[Any, ...]:
        """The event's identity within a document: its type and its role fields."""
        return (self.type, *(getattr(self, name) for name in self.ROLE_FIELDS))

    @property
    def cameo(self) -> str | None:
        """The CAMEO event code ("042", "057", "174", "195", ...); ``None`` if CAMEO has none.

        See :mod:`bilat.codes` and ``docs/codes.md`` for the mapping.
        """
        from bilat.codes import codes_for

        return codes_for(self).cameo

    @property
    def plover(self) -> str | None:
        """The PLOVER event category ("CONSULT", "SUPPORT", "COERCE", "ASSAULT", ...)."""
        from bilat.codes import codes_for

        return codes_for(self).plover

    @property
    def plover_mode(self) -> str | None:
        """The PLOVER mode ("visit", "deport", "heavy-weapons"), ``None`` if none applies."""
        from bilat.codes import codes_for

        return codes_for(self).plover_mode

    def _own_dict(self) -> dict[str, Any]:
        return {}

    def to_dict(self) -> dict[str, Any]:
        """Return the event as JSON-ready data, as ``shared/docs/events.md`` specifies.

        Besides the contract's fields it holds ``"cameo"``, ``"plover"`` and
        ``"plover_mode"`` (see :mod:`bilat.codes`); :meth:`from_dict` ignores them.
        """
        from bilat.codes import codes_for

        out: dict[str, Any] = {"type": self.type}
        out.update(self._own_dict())
        out["date"] = _as_dict(self.date)
        out["modality"] = self.modality.value
        out["claimed_by"] = _as_dict(self.claimed_by)
        out["evidence"] = [e.to_dict() for e in self.evidence]
        out["rule"] = self.rule
        codes = codes_for(self)
        out["cameo"] = codes.cameo
        out["plover"] = codes.plover
        out["plover_mode"] = codes.plover_mode
        return out

    def _repr_html_(self) -> str:
        """Jupyter view: the event as a compact card (see :mod:`bilat.display`)."""
        from bilat.display import event_html

        return event_html(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, validate: bool = True) -> Event:
        """Build the right event class from a dict written by :meth:`to_dict`.

        Called on :class:`Event` it dispatches on ``data["type"]``; called on a subclass it
        checks the type matches. Unknown keys (extra fields a newer bilat wrote) are ignored;
        keys the class has a default for may be missing. Every value is checked against the
        event JSON Schema first (:mod:`bilat.validation`): ``parties: "GRC"``,
        ``implicit: "false"``, a non-string ``text`` or a date with trailing characters are
        refused, never converted. ``validate=False`` skips the schema check, for data
        bilat wrote itself in a form of its own (the spaCy component's exact-``Decimal``
        serialisation).

        Raises:
            ValueError: ``data`` is not a dict, ``type`` is missing or unknown, or a value
                breaks the schema; the message names the field (``"parties: expected
                array, got string 'GRC'"``).
        """
        from bilat.validation import check_event

        if validate:
            check_event(data)
        kind = data.get("type") if isinstance(data, dict) else None
        target = event_class(kind) if isinstance(kind, str) else None
        if target is None:
            raise ValueError(f"unknown event type {kind!r}; expected one of {sorted(EVENT_TYPES)}")
        if cls is not Event and target is not cls:
            raise ValueError(f"{cls.__name__}.from_dict got a {kind!r} event")
        names = {a.name for a in attrs.fields(target)}
        kwargs = {k: v for k, v in data.items() if k in names}
        try:
            return target(**kwargs)
        except (TypeError, ArithmeticError, RecursionError) as exc:  # past the schema's reach
            raise ValueError(f"cannot read {kind!r} event: {exc}") from exc

    def with_changes(self, **changes: Any) -> Event:
        """Return a copy with some fields replaced (``attrs.evolve``)."""
        return attrs.evolve(self, **changes)


@attrs.frozen(slots=True, kw_only=True)
class Visit(Event):
    """An official of ``visitor_country`` travels to ``host_country`` (done, ongoing, planned).

    ``implicit`` is true when the text never says "visit"/"trip"/"arrive" and the visit is
    inferred from a meeting held in the host state.
    """

    type: ClassVar[str] = "visit"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("visitor_country", "host_country")

    visitor_country: str | None = attrs.field(default=None, converter=_code)
    host_country: str | None = attrs.field(default=None, converter=_code)
    visitor: Actor | None = attrs.field(default=None, converter=_opt_actor)
    location: Place | None = attrs.field(default=None, converter=_opt_place)
    implicit: bool = attrs.field(default=False, converter=bool)

    def _own_dict(self) -> dict[str, Any]:
        return {
            "visitor_country": self.visitor_country,
            "host_country": self.host_country,
            "visitor": _as_dict(self.visitor),
            "location": _as_dict(self.location),
            "implicit": self.implicit,
        }


@attrs.frozen(slots=True, kw_only=True)
class Agreement(Event):
    """Two or more states agree, sign, conclude, renew or negotiate an agreement.

    ``parties`` is a sorted tuple of ISO3 codes; ``name`` is the agreement's name or
    description when the text gives one ("memorandum of understanding on manpower").
    """

    type: ClassVar[str] = "agreement"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("parties",)

    parties: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_codes, metadata={"codes": True}
    )
    name: str | None = attrs.field(default=None)

    def _own_dict(self) -> dict[str, Any]:
        return {"parties": list(self.parties), "name": self.name}


FLOWS = ("total", "export", "import", "balance", "investment", "pledge", "loan", "aid")


def _flow(value: Any) -> str:
    flow = str(value)
    if flow not in FLOWS:
        raise ValueError(f"unknown trade flow {flow!r}; expected one of {FLOWS}")
    return flow


@attrs.frozen(slots=True, kw_only=True)
class TradeFigure(Event):
    """A money value of trade, investment, a pledge, loan or aid between two states.

    ``countries`` holds the two states (sorted); ``source_country``/``partner_country`` give
    the direction where the text has one (the exporter, the investor, the donor, the state
    with the surplus); ``flow`` is one of ``total``, ``export``, ``import``, ``balance``,
    ``investment``, ``pledge``, ``loan``, ``aid``; ``period`` is the time the figure covers.
    """

    type: ClassVar[str] = "trade_figure"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("countries", "value")

    countries: tuple[str, ...] = attrs.field(
        factory=tuple, converter=_codes, metadata={"codes": True}
    )
    value: Money | None = attrs.field(default=None, converter=_opt_money)
    flow: str = attrs.field(default="total", converter=_flow, metadata={"enum": FLOWS})
    period: TimeSpan | None = attrs.field(default=None, converter=_opt_timespan)
    source_country: str | None = attrs.field(default=None, converter=_code)
    partner_country: str | None = attrs.field(default=None, converter=_code)

    @property
    def key(self) -> tuple[Any, ...]:
        """Type, countries, currency and amount: two figures in one story stay distinct."""
        value = self.value
        return (
            self.type,
            self.countries,
            None if value is None else value.currency,
            None if value is None else value.amount,
        )

    def _own_dict(self) -> dict[str, Any]:
        return {
            "countries": list(self.countries),
            "value": _as_dict(self.value),
            "flow": self.flow,
            "period": _as_dict(self.period),
            "source_country": self.source_country,
            "partner_country": self.partner_country,
        }


@attrs.frozen(slots=True, kw_only=True)
class Deportation(Event):
    """``deporting_country`` expels, deports or forcibly returns people of ``origin_country``.

    ``count`` is how many, with bounds; ``group`` says who ("Afghan nationals", "diplomats").
    """

    type: ClassVar[str] = "deportation"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("deporting_country", "origin_country")

    deporting_country: str | None = attrs.field(default=None, converter=_code)
    origin_country: str | None = attrs.field(default=None, converter=_code)
    count: Count | None = attrs.field(default=None, converter=_opt_count)
    group: str | None = attrs.field(default=None)

    def _own_dict(self) -> dict[str, Any]:
        return {
            "deporting_country": self.deporting_country,
            "origin_country": self.origin_country,
            "count": _as_dict(self.count),
            "group": self.group,
        }


STRIKE_KINDS = ("air", "drone", "missile", "artillery", "naval", "ground", "unspecified")


def _strike_kind(value: Any) -> str:
    kind = str(value)
    if kind not in STRIKE_KINDS:
        raise ValueError(f"unknown strike kind {kind!r}; expected one of {STRIKE_KINDS}")
    return kind


@attrs.frozen(slots=True, kw_only=True)
class Strike(Event):
    """Forces of ``attacker_country`` use force on the territory or forces of ``target_country``.

    ``attacker_country`` may be ``None`` when the text does not say who struck. ``kind`` is
    the means (air, drone, missile, artillery, naval, ground, unspecified); ``killed`` and
    ``injured`` are counts with bounds; ``location`` is where it struck.
    """

    type: ClassVar[str] = "strike"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("attacker_country", "target_country")

    attacker_country: str | None = attrs.field(default=None, converter=_code)
    target_country: str | None = attrs.field(default=None, converter=_code)
    kind: str = attrs.field(
        default="unspecified", converter=_strike_kind, metadata={"enum": STRIKE_KINDS}
    )
    killed: Count | None = attrs.field(default=None, converter=_opt_count)
    injured: Count | None = attrs.field(default=None, converter=_opt_count)
    location: Place | None = attrs.field(default=None, converter=_opt_place)

    def _own_dict(self) -> dict[str, Any]:
        return {
            "attacker_country": self.attacker_country,
            "target_country": self.target_country,
            "kind": self.kind,
            "killed": _as_dict(self.killed),
            "injured": _as_dict(self.injured),
            "location": _as_dict(self.location),
        }


EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls for cls in (Visit, Agreement, TradeFigure, Deportation, Strike)
}
"""Event classes by their ``type`` string: the shipped ones, and those of the types registered
from outside packages (:mod:`bilat.event_types` adds them)."""


def event_class(kind: str) -> type[Event] | None:
    """The event class of type ``kind``, or ``None``.

    A type not known yet may come from an outside package: the ``bilat.event_types`` entry
    points are read once (:func:`bilat.event_types.load_entry_points`) before giving up, so
    :meth:`Event.from_dict` reads such events back in a fresh process.
    """
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        from bilat.event_types import load_entry_points

        load_entry_points()
        cls = EVENT_TYPES.get(kind)
    return cls
