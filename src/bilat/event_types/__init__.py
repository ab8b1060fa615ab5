"""The event-type registry: every event type bilat extracts, the five it ships and any other.

Each package under ``bilat.event_types`` holds everything one event type knows: its extractor,
its word lists, its view and its behavioural examples (``examples.jsonl``, the author's own
news-style sentences with the events expected, negatives included). What the rest of bilat
needs to know about a type is one :class:`EventSpec`, kept in ``<type>/spec.py``:

* ``name`` and ``event_class`` (the :class:`bilat.Event` subclass it returns);
* ``extractor``, the extractor function as a ``"module:function"`` path, imported on first
  use (so loading the registry never imports an extractor);
* ``view`` (:class:`View`): its colour, its one-line summary and its table columns, which
  :mod:`bilat.display` and :mod:`bilat.export` read;
* ``dyad`` and ``direction``: which fields give the event's two main countries;
* ``prefilter`` (:class:`PrefilterNeeds`): what :mod:`bilat.prefilter` requires of a document
  before the type's extractor may run;
* ``codes``: CAMEO/PLOVER rules, for a type that ``data/cameo_plover.json`` does not cover;
* ``merging`` (:class:`Merging`): how :mod:`bilat.dataset.happenings` merges the type's
  reports across documents (its window, identity key, time field and compared attributes).

The engine, the pre-filter, the views, the table export, the command line, the JSON Schema
and the dataset merge iterate the registry (:func:`specs`, :func:`names`, :func:`get`), so a
sixth type needs no edit inside bilat: an outside package builds an :class:`EventSpec` and
either calls :func:`register` or names it in the ``bilat.event_types`` entry-point group
(:data:`ENTRY_POINT_GROUP`) of its ``pyproject.toml``::

    [project.entry-points."bilat.event_types"]
    sanction = "bilat_sanctions.spec:SPEC"

Entry points are read the first time the registry is asked for its types. ``import bilat``
loads none of this; the shipped specs are imported on first use too.
"""

from __future__ import annotations

import functools
import importlib
import logging
import threading
import warnings
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from bilat.context import DocumentContext
    from bilat.events import Event

__all__ = [
    "BUILTIN_TYPES",
    "ENTRY_POINT_GROUP",
    "Column",
    "EventSpec",
    "Merging",
    "PrefilterNeeds",
    "View",
    "attribute_at",
    "find",
    "get",
    "load_entry_points",
    "names",
    "register",
    "resolve",
    "specs",
    "unregister",
]

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "bilat.event_types"
"""The entry-point group through which an installed package adds event types. Each entry
point names an :class:`EventSpec` (or a function without arguments that returns one)."""

BUILTIN_TYPES: tuple[str, ...] = ("visit", "agreement", "trade_figure", "deportation", "strike")
"""The types bilat ships, in the order they run: each has ``bilat/event_types/<type>/spec.py``."""

Extract = Callable[["DocumentContext"], "list[Event]"]
"""An extractor: a parsed document's context in, the event mentions it holds out."""


def resolve(path: str) -> Any:
    """Import ``"package.module:attribute"`` and return the attribute.

    Raises:
        ValueError: ``path`` has no ``":"``.
        ImportError, AttributeError: the module or attribute does not exist.
    """
    module, sep, attribute = path.partition(":")
    if not sep or not module or not attribute:
        raise ValueError(f"expected 'module:attribute', got {path!r}")
    value: Any = importlib.import_module(module)
    for part in attribute.split("."):
        value = getattr(value, part)
    return value


def attribute_at(event: Any, path: str) -> Any:
    """The attribute of ``event`` at a dotted ``path`` through its value objects
    (``"visitor.name"``, ``"value.amount"``); ``None`` where a link is missing or ``None``."""
    value: Any = event
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _path(value: Any) -> Any:
    """A ``"module:function"`` path (imported on first use) or the function itself."""
    if callable(value):
        return value
    if not isinstance(value, str) or ":" not in value:
        raise ValueError(f"expected a 'module:function' path or a function, got {value!r}")
    return value


def _optional_path(value: Any) -> Any:
    return None if value is None else _path(value)


def _columns(value: Any) -> tuple[Column, ...]:
    columns = tuple(value)
    for column in columns:
        if not isinstance(column, Column):
            raise TypeError(f"a view's columns are Column objects, got {column!r}")
    return columns


def _names(value: Any) -> tuple[str, ...]:
    return tuple(str(name) for name in ([value] if isinstance(value, str) else value))


def _plain(value: Any) -> Any:
    """A column value as the table holds it: codes joined by ``;``, amounts as ``float``."""
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value) or None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Enum):
        return value.value
    return value


@attrs.frozen(slots=True)
class Column:
    """One column of the flat table (:func:`bilat.export.event_row`) that a type fills.

    Attributes:
        name: the column's name (``"visitor_name"``).
        path: the event attribute it is read from, dotted through value objects
            (``"visitor.name"``); a missing link gives ``None``. Tuples of codes become
            ``"GRC;TUR"``, amounts ``float``, enumerations their value.
    """

    name: str
    path: str

    def value(self, event: Event) -> Any:
        """The column's value for ``event``."""
        value = attribute_at(event, self.path)
        return None if value is None else _plain(value)


def _colour(value: Any) -> tuple[int, int, int]:
    rgb = tuple(value)
    if len(rgb) != 3 or not all(isinstance(c, int) and 0 <= c <= 255 for c in rgb):
        raise ValueError(f"a colour is three integers 0-255 (red, green, blue), got {value!r}")
    return (rgb[0], rgb[1], rgb[2])


@attrs.frozen(slots=True)
class View:
    """How the views show a type.

    Attributes:
        colour: RGB colour of the type's highlights, labels and plots.
        summary: ``"module:function"`` of a function ``(event) -> str`` giving the one-line
            description of the type's own attributes ("$6.2 billion USD total"), or the
            function itself; ``None`` for none.
        columns: the table columns the type fills (:class:`Column`), in order.
        article: the type's name with its article, for messages ("an agreement").
    """

    colour: tuple[int, int, int] = attrs.field(converter=_colour)
    summary: str | Callable[[Any], str] | None = attrs.field(
        default=None, converter=_optional_path
    )
    columns: tuple[Column, ...] = attrs.field(default=(), converter=_columns)
    article: str | None = None


@attrs.frozen(slots=True)
class PrefilterNeeds:
    """What :mod:`bilat.prefilter` requires of a tokenized document before the type may run.

    Attributes:
        min_states: distinct possible states the document must name (2 when the two roles
            must be different states, 1 when one role may stay open).
        min_actors: of those, how many must be named by something other than a mere place
            (a city cannot be a party to an agreement); 0 when places may fill every role.
        triggerless: the type has a rule that needs no trigger word, only a person (a titled
            official or a leader: an official "in" a foreign city makes a visit).
        weak_triggers: lexicon entries marked ``"strength": "weak"`` count only with a cue
            of force in their sentence (see :mod:`bilat.prefilter`).
    """

    min_states: int = 1
    min_actors: int = 0
    triggerless: bool = False
    weak_triggers: bool = False


def _paths(value: Any) -> tuple[str, ...]:
    return tuple(str(path) for path in value)


def _optional_paths(value: Any) -> tuple[str, ...] | None:
    return None if value is None else _paths(value)


@attrs.frozen(slots=True)
class Merging:
    """How :func:`bilat.dataset.happenings.group_happenings` merges the type's reports.

    Attributes:
        window: days two reports' time spans may lie apart and still be one happening (the
            default of :attr:`bilat.dataset.happenings.MergeRules.windows`).
        key: dotted paths into the event (``"value.currency"``) whose values, with the type,
            must be equal for two reports to be one happening; amounts (``Decimal``) compare
            at three significant digits. ``None``: the event's ``ROLE_FIELDS``.
        time: the field holding the event's time span (a :class:`bilat.TimeSpan`).
        undated: whether a report without a time span takes one from its publication date
            (the weeks before it for a fact, the months after it for a plan); when ``False``
            it is compatible with any time.
        attributes: dotted paths of the attributes resolved by agreement across reports
            (:attr:`bilat.dataset.happenings.Happening.attributes`), in order.
    """

    window: int = 7
    key: tuple[str, ...] | None = attrs.field(default=None, converter=_optional_paths)
    time: str = "date"
    undated: bool = True
    attributes: tuple[str, ...] = attrs.field(default=(), converter=_paths)


@functools.cache
def _resolved(path: str) -> Any:
    return resolve(path)


def _load(target: Any) -> Any:
    return _resolved(target) if isinstance(target, str) else target


@attrs.frozen(slots=True, eq=False)
class EventSpec:
    """Everything bilat's engine, pre-filter, views and exports need to know of one type.

    Attributes:
        name: the type's name, as in ``Event.type`` and ``to_dict()["type"]``.
        event_class: the :class:`bilat.Event` subclass of its events; its ``type`` must be
            ``name``.
        extractor: ``"module:function"`` of the extractor, a function
            ``(DocumentContext) -> list[Event]`` returning one event per mention (the
            engine merges them), imported on first use; or the function itself (a script
            or notebook: the module holding it is imported already).
        view: colour, summary and table columns (:class:`View`).
        dyad: the fields that give the event's two main countries, source first: two fields
            of one code each (``("visitor_country", "host_country")``) or one field holding
            a tuple of codes (``("parties",)``, read in code order).
        direction: two fields of one code each that, when the first is set, give a
            direction to a ``dyad`` of one tuple field (a trade figure's exporter and
            buyer); ``None`` when the dyad has no direction or ``dyad`` gives it.
        prefilter: what the pre-filter requires of a document (:class:`PrefilterNeeds`).
        codes: CAMEO and PLOVER rules in the form of an entry of ``data/cameo_plover.json``
            (``{"rules": [{"when": ..., "cameo": ..., ...}], "reverse": ...}``), for types
            that file does not cover; ``None`` to use the file.
        merging: how the dataset merge joins the type's reports across documents
            (:class:`Merging`).
    """

    name: str
    event_class: type[Event]
    extractor: str | Extract = attrs.field(converter=_path)
    view: View
    dyad: tuple[str, ...] = attrs.field(converter=_names)
    direction: tuple[str, str] | None = None
    prefilter: PrefilterNeeds = attrs.Factory(PrefilterNeeds)
    codes: Mapping[str, Any] | None = None
    merging: Merging = attrs.Factory(Merging)

    def __attrs_post_init__(self) -> None:
        if getattr(self.event_class, "type", None) != self.name:
            raise ValueError(
                f"event type {self.name!r}: its event_class "
                f"{getattr(self.event_class, '__name__', self.event_class)!r} has type "
                f"{getattr(self.event_class, 'type', None)!r}; they must agree"
            )
        if len(self.dyad) not in (1, 2):
            raise ValueError(f"event type {self.name!r}: dyad names one or two fields")

    def load_extractor(self) -> Extract:
        """The extractor function (imported on the first call)."""
        function: Extract = _load(self.extractor)
        return function

    def extract(self, context: DocumentContext) -> list[Event]:
        """Run the type's extractor on a document's context."""
        return self.load_extractor()(context)

    def summary(self, event: Event) -> str:
        """The view's one-line description of ``event``'s own attributes ("" for none)."""
        if self.view.summary is None:
            return ""
        return str(_load(self.view.summary)(event))

    def dyad_of(self, event: Event) -> tuple[str | None, str | None]:
        """The event's two main countries, source first where it has a direction."""
        if self.direction is not None:
            first, second = (getattr(event, name, None) for name in self.direction)
            if first and second:
                return first, second
        if len(self.dyad) == 2:
            one, two = (getattr(event, name, None) for name in self.dyad)
            return one, two
        codes = [*(getattr(event, self.dyad[0], None) or ()), None, None]
        return codes[0], codes[1]

    def directed(self, event: Event) -> bool:
        """Whether ``event``'s roles read as source → target (else as a set of states)."""
        if len(self.dyad) == 2:
            return True
        return self.direction is not None and bool(getattr(event, self.direction[0], None))

    @property
    def article(self) -> str:
        """The type's name with its article ("a visit", "an agreement")."""
        if self.view.article:
            return self.view.article
        words = self.name.replace("_", " ")
        return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"


# --- the registry -------------------------------------------------------------------------

_LOCK = threading.RLock()
_SPECS: dict[str, EventSpec] = {}
_STATE = {"builtins": False, "entry_points": False}
_VERSION = [0]


def _add(spec: EventSpec, *, replace: bool) -> None:
    from bilat.codes import register_codes
    from bilat.events import EVENT_TYPES

    if not isinstance(spec, EventSpec):
        raise TypeError(f"expected an EventSpec, got {type(spec).__name__}")
    known = EVENT_TYPES.get(spec.name)
    taken = spec.name in _SPECS or (known is not None and known is not spec.event_class)
    if taken and not replace:
        raise ValueError(
            f"event type {spec.name!r} is registered already; pass replace=True to replace it"
        )
    _SPECS[spec.name] = spec
    EVENT_TYPES[spec.name] = spec.event_class
    register_codes(spec.name, spec.codes)
    _VERSION[0] += 1


def _ensure_builtins() -> None:
    if _STATE["builtins"]:
        return
    with _LOCK:
        if _STATE["builtins"]:
            return
        builtin = [resolve(f"bilat.event_types.{name}.spec:SPEC") for name in BUILTIN_TYPES]
        added = dict(_SPECS)  # types registered before the shipped ones were loaded
        _SPECS.clear()
        for spec in builtin:
            _add(spec, replace=True)
        for spec in added.values():
            _add(spec, replace=True)
        _STATE["builtins"] = True


def load_entry_points(*, reload: bool = False) -> tuple[str, ...]:
    """Register the event types of the ``bilat.event_types`` entry points (once a process).

    Entry points are read in name order; one that fails to load, does not give an
    :class:`EventSpec` or names a type already registered is skipped with a warning.
    Returns the names of the types added.
    """
    from importlib.metadata import entry_points

    _ensure_builtins()
    with _LOCK:
        if _STATE["entry_points"] and not reload:
            return ()
        _STATE["entry_points"] = True
        added: list[str] = []
        for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
            try:
                value = point.load()
                spec = value() if callable(value) and not isinstance(value, EventSpec) else value
                if spec.name in _SPECS and _SPECS[spec.name] is spec:
                    continue
                _add(spec, replace=False)
            except Exception as exc:  # an outside package's fault must not break bilat
                message = f"bilat: skipping event type entry point {point.value!r}: {exc}"
                warnings.warn(message, RuntimeWarning, stacklevel=2)
                log.warning(message)
                continue
            added.append(spec.name)
        return tuple(added)


def _ready() -> None:
    if not _STATE["entry_points"]:
        load_entry_points()


def register(spec: EventSpec, *, replace: bool = False) -> EventSpec:
    """Add an event type to the registry; its events are extracted from then on.

    The event class becomes known to :meth:`bilat.Event.from_dict` (``bilat.EVENT_TYPES``)
    and ``spec.codes``, if given, to :mod:`bilat.codes`. Returns ``spec``.

    Raises:
        ValueError: a type of that name is registered already (pass ``replace=True``).
        TypeError: ``spec`` is not an :class:`EventSpec`.
    """
    _ready()
    with _LOCK:
        _add(spec, replace=replace)
    return spec


def unregister(name: str) -> EventSpec:
    """Remove a type added with :func:`register` (the shipped types stay).

    Raises:
        KeyError: no such type is registered.
        ValueError: ``name`` is one of the shipped types.
    """
    from bilat.codes import register_codes
    from bilat.events import EVENT_TYPES

    if name in BUILTIN_TYPES:
        raise ValueError(f"{name!r} is one of bilat's own event types and cannot be removed")
    _ready()
    with _LOCK:
        spec = _SPECS.pop(name)
        if EVENT_TYPES.get(name) is spec.event_class:
            del EVENT_TYPES[name]
        register_codes(name, None)
        _VERSION[0] += 1
    return spec


def specs() -> tuple[EventSpec, ...]:
    """Every registered type's spec: the shipped types in their order, then the others in
    the order they were registered (entry points in name order)."""
    _ready()
    return _ordered(_VERSION[0])


@functools.lru_cache(maxsize=4)
def _ordered(version: int) -> tuple[EventSpec, ...]:
    with _LOCK:
        return tuple(_SPECS.values())


def names() -> tuple[str, ...]:
    """The registered types' names, in the order of :func:`specs`."""
    return tuple(spec.name for spec in specs())


def get(name: str) -> EventSpec:
    """The spec of the type called ``name``.

    Raises:
        KeyError: no such type; the message lists the registered ones.
    """
    _ready()
    spec = _SPECS.get(name)
    if spec is None:
        raise KeyError(f"unknown event type {name!r}; expected one of {list(names())}")
    return spec


def find(name: str) -> EventSpec | None:
    """The spec of the type called ``name``, or ``None`` if there is none."""
    _ready()
    return _SPECS.get(name)
