"""bilat as a spaCy pipeline component: ``nlp.add_pipe("bilat")``.

The factory ``"bilat"`` is registered with ``@Language.factory`` and, so that spaCy finds
it without ``import bilat``, under the ``spacy_factories`` entry point. Its settings live in
spaCy's config system::

    [components.bilat]
    factory = "bilat"
    types = ["visit", "strike"]     # null (default): all five types
    modalities = null               # e.g. ["asserted", "claimed"] to keep only those
    triggers = {"visit": [{"id": "tour", "label": "travel", "forms": ["toured"]}]}
    modality_cues = null            # and country_names, officials: words to add
                                    # (bilat.lexicons.Additions, docs/lexicons.md)

The component sets:

* ``doc._.bilat_events``: a tuple of :class:`~bilat.events.Event`, in order of first mention;
* ``span._.bilat_events``: the events with a mention (evidence) overlapping the span,
  so ``[sent._.bilat_events for sent in doc.sents]`` gives the events of each sentence;
* ``doc.spans["bilat"]``: one span per mention (evidence) of each event, labelled with the
  event's type, for displaCy and every other span tool.

It reads the publication date, for resolving "on Tuesday" and "last month", from
``doc._.bilat_published`` (a ``datetime.date``, a ``datetime`` or an ISO string such as
``"2026-03-12"``; it is stored as an ISO string, so it travels to ``n_process > 1`` workers,
and read back as a ``datetime.date``). Extensions are registered when the factory runs, and
only if no other package registered the same name.

**The same events as** :func:`bilat.extract`. The component gives, for a pipeline and a
text, exactly the events ``bilat.extract(text, published, nlp=that_pipeline)`` gives. To
that end, adding it also adds the ``"bilat_paragraphs"`` step in front of the pipeline's
parser (:mod:`bilat.paragraphs`: a sentence starts at each paragraph break and after a
wire dateline), as :class:`bilat.Extractor` does; and a text that
:class:`bilat.Extractor` would read differently (an ALL-CAPS headline it re-cases,
:mod:`bilat.headlines`; a text longer than :data:`bilat.chunking.CHUNK_CHARS`, which it
reads in chunks; lone surrogates) is read again that way by the components in front of
``"bilat"``, so the events stay the same (at the cost of a second parse of those texts).

**Requirements.** The component needs sentence boundaries (a ``parser``, ``senter`` or
``sentencizer`` in front of it) and raises a ``ValueError`` saying so when a doc has
none; without named entities (an ``ner``) it warns once, as far fewer events are found.

Events travel between processes: they are frozen, slotted attrs classes that pickle, and
``doc.to_bytes()`` (which ``nlp.pipe(..., n_process=2)`` and ``DocBin`` use) stores them
through a msgpack encoder this module registers with srsly.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.chunking import CHUNK_CHARS, chunk_spans, sanitize, shift_event
from bilat.engine import extract_events
from bilat.event_types import names as _type_names
from bilat.events import Event
from bilat.extractor import parse_published
from bilat.headlines import truecase_headlines
from bilat.lexicons import Additions
from bilat.merging import merge_mentions
from bilat.paragraphs import add_paragraph_boundaries
from bilat.values import Modality

__all__ = ["BilatComponent", "get_events", "make_bilat_component", "register_extensions"]

EVENTS_ATTR = "bilat_events"
PUBLISHED_ATTR = "bilat_published"
SPANS_KEY = "bilat"
_USER_DATA_KEY = ("bilat", "events", None, None)
_PUBLISHED_KEY = ("bilat", "published", None, None)
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


def _doc_published(doc: Doc) -> dt.date | None:
    user_data: dict[Any, Any] = doc.user_data
    stored = user_data.get(_PUBLISHED_KEY)
    return None if stored is None else dt.date.fromisoformat(stored)


def _set_doc_published(doc: Doc, value: Any) -> None:
    try:
        day = parse_published(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"doc._.{PUBLISHED_ATTR}: {exc}") from None
    user_data: dict[Any, Any] = doc.user_data
    if day is None:
        user_data.pop(_PUBLISHED_KEY, None)
    else:
        user_data[_PUBLISHED_KEY] = day.isoformat()  # a string: it pickles and msgpacks


def get_events(doc: Doc) -> tuple[Event, ...]:
    """The events the component stored on ``doc`` (``()`` if it has not run)."""
    return _doc_events(doc)


def register_extensions() -> None:
    """Register ``Doc._.bilat_events``, ``Span._.bilat_events`` and ``Doc._.bilat_published``.

    Idempotent; leaves alone any extension of the same name another package registered.
    ``doc._.bilat_published`` accepts a ``date``, ``datetime``, ISO string or ``None`` (a
    ``ValueError`` names the attribute for anything else) and reads back a ``date``.
    """
    if not Doc.has_extension(EVENTS_ATTR):
        Doc.set_extension(EVENTS_ATTR, getter=_doc_events, setter=_set_doc_events)
    if not Span.has_extension(EVENTS_ATTR):
        Span.set_extension(EVENTS_ATTR, getter=_span_events)
    if not Doc.has_extension(PUBLISHED_ATTR):
        Doc.set_extension(PUBLISHED_ATTR, getter=_doc_published, setter=_set_doc_published)
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
    chosen = _type_names() if types is None else tuple(types)
    unknown = sorted(set(chosen) - set(_type_names()))
    if unknown:
        raise ValueError(f"unknown event types {unknown}; expected some of {list(_type_names())}")
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


def _set_spans(doc: Doc, events: Iterable[Event]) -> None:
    """One span per evidence of each event in ``doc.spans["bilat"]``, labelled by type."""
    spans: list[Span] = []
    for event in events:
        for ev in event.evidence:
            span = doc.char_span(ev.start, ev.end, label=event.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans[SPANS_KEY] = spans


class BilatComponent:
    """The pipeline component: runs bilat's extractors on each ``Doc``.

    Args:
        nlp: the pipeline it belongs to; it reads again, with the components in front of
            it, a text :class:`bilat.Extractor` would read differently (see the module
            docstring). ``None``: each doc is read as it comes.
        name: the component's name in the pipeline.
        types: the event types to extract; ``None`` for all five.
        modalities: keep only events with these modalities (``"asserted"``,
            ``"planned"``, ...); ``None`` keeps all.
        triggers: extra trigger records per event type; with ``modality_cues``,
            ``country_names`` and ``officials``, words this component adds to the shipped
            lexicons (:class:`bilat.lexicons.Additions`), checked like them; they apply to
            this component's documents only.
        modality_cues: extra modality cues.
        country_names: extra names of states (name -> ISO3 code).
        officials: extra officials (records shaped as in ``leaders.json``).

    The component's settings are plain data (names and tuples), so it pickles for
    ``nlp.pipe(..., n_process=2)``; the reference to its pipeline is not pickled (a
    worker started by *fork*, the default on Linux, keeps it).
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "bilat",
        *,
        types: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
        triggers: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
        modality_cues: Sequence[Mapping[str, Any]] | None = None,
        country_names: Mapping[str, str | Mapping[str, Any]] | None = None,
        officials: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        self.name = name
        self.additions: Additions | None = Additions.build(
            triggers=triggers, modality_cues=modality_cues, country_names=country_names,
            officials=officials, source=f"[components.{name}]",
        )
        self.types: tuple[str, ...] = _check_types(types)
        self.modalities: frozenset[Modality] | None = _check_modalities(modalities)
        self._nlp: Language | None = nlp
        self._warned_ner = False
        register_extensions()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_nlp"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"BilatComponent(name={self.name!r}, types={list(self.types)!r})"

    def _published(self, doc: Doc) -> dt.date | None:
        return _doc_published(doc)

    def _check(self, doc: Doc) -> None:
        if len(doc) and not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            raise ValueError(
                f"the {self.name!r} component needs sentence boundaries, and this doc has "
                "none: put a 'parser', 'senter' or 'sentencizer' in front of it (e.g. "
                f"nlp.add_pipe('sentencizer', before={self.name!r})), or use a trained "
                "English pipeline (pip install 'bilat[model]')"
            )
        if len(doc) and not doc.has_annotation("ENT_IOB") and not self._warned_ner:
            self._warned_ner = True
            warnings.warn(
                f"the {self.name!r} component runs on a pipeline without named entities "
                "(no 'ner' in front of it) and finds far fewer events",
                UserWarning,
                stacklevel=3,
            )

    def _upstream(self) -> Callable[[str], Doc] | None:
        """A function that runs the components in front of this one on a text."""
        nlp = self._nlp
        if nlp is None or all(proc is not self for _, proc in nlp.pipeline):
            return None
        before: list[Any] = []
        for _, proc in nlp.pipeline:
            if proc is self:
                break
            before.append(proc)

        def parse(text: str) -> Doc:
            doc = nlp.make_doc(text)
            for proc in before:
                doc = proc(doc)
            return doc

        return parse

    def _events(self, doc: Doc, day: dt.date | None) -> tuple[Event, ...]:
        """The events :class:`bilat.Extractor` finds in ``doc.text`` on this pipeline."""
        text = doc.text
        limit = CHUNK_CHARS if self._nlp is None else min(CHUNK_CHARS, self._nlp.max_length)
        limit = max(2, limit)
        clean = truecase_headlines(sanitize(text))
        parse = self._upstream() if clean != text or len(text) > limit else None
        extra = self.additions
        if parse is None:
            return extract_events(doc, day, self.types, text=text, additions=extra)
        if len(text) > limit:
            mentions: list[Event] = []
            for start, end in chunk_spans(clean, limit):
                piece = clean[start:end]
                if piece.isspace():
                    continue
                found = extract_events(parse(piece), day, self.types, additions=extra)
                mentions.extend(shift_event(event, start, text) for event in found)
            return merge_mentions(mentions)
        events = extract_events(parse(clean), day, self.types, text=clean, additions=extra)
        return tuple(shift_event(e, 0, text) for e in events)

    def __call__(self, doc: Doc) -> Doc:
        """Extract the events of ``doc``; store them on ``doc._.bilat_events`` and their
        mentions in ``doc.spans["bilat"]``."""
        register_extensions()  # a spawned worker process may not have run the factory
        if not doc.text or doc.text.isspace():
            events: tuple[Event, ...] = ()
        else:
            self._check(doc)
            events = self._events(doc, self._published(doc))
        if self.modalities is not None:
            events = tuple(e for e in events if e.modality in self.modalities)
        _set_doc_events(doc, events)
        _set_spans(doc, events)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs (spaCy calls this from ``nlp.pipe``)."""
        for doc in stream:
            yield self(doc)


@Language.factory(
    "bilat",
    default_config={"types": None, "modalities": None, "triggers": None,
                    "modality_cues": None, "country_names": None, "officials": None},
    requires=["token.is_sent_start", "doc.ents"],
    assigns=[f"doc._.{EVENTS_ATTR}", f"span._.{EVENTS_ATTR}", "doc.spans"],
)
def make_bilat_component(
    nlp: Language,
    name: str,
    types: list[str] | None,
    modalities: list[str] | None,
    triggers: dict[str, list[dict[str, Any]]] | None = None,
    modality_cues: list[dict[str, Any]] | None = None,
    country_names: dict[str, Any] | None = None,
    officials: list[dict[str, Any]] | None = None,
) -> BilatComponent:
    """spaCy factory ``"bilat"``: see [`BilatComponent`][bilat.component.BilatComponent].

    Adds the ``"bilat_paragraphs"`` step in front of the pipeline's parser, if it has one
    and the step is not there yet, so that the component's events are those of
    :func:`bilat.extract` on the same pipeline.
    """
    component = BilatComponent(
        nlp, name, types=types, modalities=modalities, triggers=triggers,
        modality_cues=modality_cues, country_names=country_names, officials=officials,
    )
    add_paragraph_boundaries(nlp)
    return component


_register_msgpack()
