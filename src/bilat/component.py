"""bilat as a spaCy pipeline component: ``nlp.add_pipe("bilat")``.

The factory ``"bilat"`` is registered with ``@Language.factory`` and, so that spaCy finds
it without ``import bilat``, under the ``spacy_factories`` entry point. Its settings live in
spaCy's config system::

    [components.bilat]
    factory = "bilat"
    types = ["visit", "strike"]     # null (default): all five types
    modalities = null               # e.g. ["asserted", "claimed"] to keep only those

The component sets:

* ``doc._.bilat_events``: a tuple of :class:`~bilat.events.Event`, in order of first mention;
* ``span._.bilat_events``: the events with a mention (evidence) overlapping the span,
  so ``[sent._.bilat_events for sent in doc.sents]`` gives the events of each sentence.

It reads the publication date, for resolving "on Tuesday" and "last month", from
``doc._.published`` (a ``datetime.date`` or an ISO string such as ``"2026-03-12"``; use the
string form with ``n_process > 1``). Extensions are registered when the factory runs, and
only if no other package registered the same name.

Events travel between processes: they are frozen, slotted attrs classes that pickle, and
``doc.to_bytes()`` (which ``nlp.pipe(..., n_process=2)`` and ``DocBin`` use) stores them
through a msgpack encoder this module registers with srsly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.engine import extract_events
from bilat.events import EVENT_TYPES, Event
from bilat.extractor import parse_published
from bilat.values import Modality

__all__ = ["BilatComponent", "get_events", "make_bilat_component", "register_extensions"]

EVENTS_ATTR = "bilat_events"
PUBLISHED_ATTR = "published"
_USER_DATA_KEY = ("bilat", "events", None, None)
_MSGPACK_KEY = "__bilat_event__"


def _doc_events(doc: Doc) -> tuple[Event, ...]:
    user_data: dict[Any, Any] = doc.user_data
    stored = user_data.get(_USER_DATA_KEY) or ()
    return tuple(e if isinstance(e, Event) else Event.from_dict(e) for e in stored)


def _set_doc_events(doc: Doc, events: Iterable[Event]) -> None:
    user_data: dict[Any, Any] = doc.user_data
    user_data[_USER_DATA_KEY] = tuple(events)


def _span_events(span: Span) -> tuple[Event, ...]:
    start, end = span.start_char, span.end_char
    return tuple(
        event
        for event in _doc_events(span.doc)
        if any(ev.start < end and start < ev.end for ev in event.evidence)
    )


def get_events(doc: Doc) -> tuple[Event, ...]:
    """The events the component stored on ``doc`` (``()`` if it has not run)."""
    return _doc_events(doc)


def register_extensions() -> None:
    """Register ``Doc._.bilat_events``, ``Span._.bilat_events`` and ``Doc._.published``.

    Idempotent; leaves alone any extension of the same name another package registered.
    """
    if not Doc.has_extension(EVENTS_ATTR):
        Doc.set_extension(EVENTS_ATTR, getter=_doc_events, setter=_set_doc_events)
    if not Span.has_extension(EVENTS_ATTR):
        Span.set_extension(EVENTS_ATTR, getter=_span_events)
    if not Doc.has_extension(PUBLISHED_ATTR):
        Doc.set_extension(PUBLISHED_ATTR, default=None)
    _register_msgpack()


# --- msgpack: events inside Doc.to_bytes() ----------------------------------------------


def _encode_event(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, Event):
        data = obj.to_dict()
        value = getattr(obj, "value", None)
        if isinstance(data.get("value"), dict) and value is not None:
            # keep the exact Decimal: to_dict gives a float for JSON
            data["value"]["amount"] = str(value.amount)
            if isinstance(value.max_amount, Decimal):
                data["value"]["max_amount"] = str(value.max_amount)
        return {_MSGPACK_KEY: data}
    return obj if chain is None else chain(obj)


def _decode_event(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _MSGPACK_KEY in obj:
        return Event.from_dict(obj[_MSGPACK_KEY], validate=False)  # exact Decimal strings
    return obj if chain is None else chain(obj)


def _register_msgpack() -> None:
    if "bilat_event" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("bilat_event", func=_encode_event)
        srsly.msgpack_decoders.register("bilat_event", func=_decode_event)


# --- the component ------------------------------------------------------------------------


def _check_types(types: Sequence[str] | None) -> tuple[str, ...]:
    chosen = tuple(EVENT_TYPES) if types is None else tuple(types)
    unknown = sorted(set(chosen) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event types {unknown}; expected some of {list(EVENT_TYPES)}")
    return chosen


def _check_modalities(modalities: Sequence[str] | None) -> frozenset[Modality] | None:
    if modalities is None:
        return None
    try:
        return frozenset(Modality(m) for m in modalities)
    except ValueError:
        known = [m.value for m in Modality]
        message = f"unknown modality in {list(modalities)}; expected some of {known}"
        raise ValueError(message) from None


class BilatComponent:
    """The pipeline component: runs bilat's extractors on each ``Doc``.

    Args:
        nlp: the pipeline it belongs to (unused; spaCy passes it).
        name: the component's name in the pipeline.
        types: the event types to extract; ``None`` for all five.
        modalities: keep only events with these modalities (``"asserted"``,
            ``"planned"``, ...); ``None`` keeps all.

    The component holds only plain data (names and tuples), so it pickles for
    ``nlp.pipe(..., n_process=2)``.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "bilat",
        *,
        types: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
    ) -> None:
        self.name = name
        self.types: tuple[str, ...] = _check_types(types)
        self.modalities: frozenset[Modality] | None = _check_modalities(modalities)
        register_extensions()

    def __repr__(self) -> str:
        return f"BilatComponent(name={self.name!r}, types={list(self.types)!r})"

    def _published(self, doc: Doc) -> dt.date | None:
        value = doc._.get(PUBLISHED_ATTR) if Doc.has_extension(PUBLISHED_ATTR) else None
        try:
            return parse_published(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"doc._.{PUBLISHED_ATTR}: {exc}") from None

    def __call__(self, doc: Doc) -> Doc:
        """Extract the events of ``doc`` and store them on ``doc._.bilat_events``."""
        register_extensions()  # a spawned worker process may not have run the factory
        events = extract_events(doc, self._published(doc), self.types)
        if self.modalities is not None:
            events = tuple(e for e in events if e.modality in self.modalities)
        _set_doc_events(doc, events)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs (spaCy calls this from ``nlp.pipe``)."""
        for doc in stream:
            yield self(doc)


@Language.factory(
    "bilat",
    default_config={"types": None, "modalities": None},
    assigns=[f"doc._.{EVENTS_ATTR}", f"span._.{EVENTS_ATTR}"],
)
def make_bilat_component(
    nlp: Language,
    name: str,
    types: list[str] | None,
    modalities: list[str] | None,
) -> BilatComponent:
    """spaCy factory ``"bilat"``: see :class:`BilatComponent` for the settings."""
    return BilatComponent(nlp, name, types=types, modalities=modalities)


_register_msgpack()
