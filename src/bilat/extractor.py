"""The :class:`Extractor`: a spaCy pipeline plus bilat's rules, for one or many documents."""

from __future__ import annotations

import datetime as dt
import os
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs

from bilat import engine
from bilat.actors.unparsed import Unparsed, find_unparsed
from bilat.admission import Admitted, admit, check_admission
from bilat.attribute_rules import table_lookup
from bilat.chunking import CHUNK_CHARS, chunk_spans, sanitize, shift_event
from bilat.entity_decoding import check_entity_decoder, numpy_entities
from bilat.event_types import names as _type_names
from bilat.events import Event
from bilat.extraction import Extraction
from bilat.headlines import truecase_headlines
from bilat.lexicons import Additions, using
from bilat.matmul import check_matmul, numpy_matmul
from bilat.merging import merge_mentions
from bilat.paragraphs import COMPONENT_NAME as PARAGRAPHS
from bilat.paragraphs import add_paragraph_boundaries
from bilat.pipeline_loading import load_pipeline, pipeline_name
from bilat.prefilter import possible_types
from bilat.values import PublishedLike, parse_published

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "PublishedLike", "check_text", "parse_published"]

def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; raise ``TypeError`` naming what was passed."""
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, bytes) else ""
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")
    return text


def _check_types(types: Iterable[str] | None) -> tuple[str, ...]:
    """``types`` as a tuple of known event type names; clear errors for anything else."""
    if types is None:
        return _type_names()
    if isinstance(types, str):
        raise TypeError(
            f"types must be a list of event type names, not the string {types!r}; "
            f"write types=[{types!r}]"
        )
    if not isinstance(types, Iterable):
        raise TypeError(f"types must be a list of event type names, not {type(types).__name__}")
    chosen = tuple(types)
    bad = [t for t in chosen if not isinstance(t, str)]
    if bad:
        raise TypeError(f"event type names must be strings, got {bad[0]!r}")
    if not chosen:
        raise ValueError(
            f"types is empty, so nothing would be extracted; choose some of {list(_type_names())}"
            " (or pass None for all)"
        )
    unknown = sorted(set(chosen) - set(_type_names()))
    if unknown:
        raise ValueError(f"unknown event types {unknown}; expected some of {list(_type_names())}")
    return tuple(dict.fromkeys(chosen))


WINDOW_BATCHES = 8
"""How many batches of input :meth:`Extractor.pipe` may read ahead to fill one batch of
documents to parse (documents the pre-filter rules out need no parsing)."""


@attrs.frozen(slots=True)
class _Item:
    """One input of :meth:`Extractor.pipe`, checked: its text and date, or what was wrong."""

    index: int
    text: str
    day: dt.date | None
    error: BaseException | None = None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class Extractor:
    """bilat's rules on one spaCy pipeline. Build it once (:func:`bilat.load`), reuse it.

    Args:
        model: a ``spacy.Language``, a pipeline name or path, or ``None`` to choose the best
            installed English pipeline (see :mod:`bilat.pipeline_loading`). A
            ``spacy.Language`` you pass is used as is, except that the ``"bilat_paragraphs"``
            step (:mod:`bilat.paragraphs`) is added in front of its parser if missing, and
            a ``UserWarning`` says so.
        types: the event types to extract (``"visit"``, ``"agreement"``, ``"trade_figure"``,
            ``"deportation"``, ``"strike"``); all of them by default.
        prefilter: skip the statistical pipeline for texts that cannot hold an event (no
            trigger word, too few states named: :mod:`bilat.prefilter`); their results are
            empty, exactly as a full parse would give. ``False`` parses everything.
        recase_headlines: parse ALL-CAPS lines (wire-copy headlines) in sentence case
            (:mod:`bilat.headlines`); offsets and evidence still index the original text.
        triggers: extra trigger records per event type. With ``modality_cues``,
            ``country_names`` and ``officials``, words this extractor adds to the shipped
            lexicons without editing the package (:class:`bilat.lexicons.Additions`,
            ``docs/lexicons.md``), checked like the shipped files (a bad entry raises
            :class:`bilat.lexicons.LexiconError` naming it); they stay this extractor's own.
        modality_cues: extra modality cues.
        country_names: extra names of states (name -> ISO3 code).
        officials: extra officials (records shaped as in ``leaders.json``).
        admission: with the pre-filter on, what of an admitted document is parsed:
            ``"sentence"`` (the default) parses only the sentences that can hold an event,
            with the context the extractors read (:mod:`bilat.admission`), and reads the
            names of the rest from its tokens; ``"document"`` parses the whole document.
            The events are the same on every shared gold document; offsets always index
            the original text.
        matmul: how the pipeline's neural networks multiply matrices while bilat parses
            (:mod:`bilat.matmul`): ``"auto"`` (the default) with NumPy's BLAS on one
            thread where it is OpenBLAS or MKL and the models run on thinc's BLIS
            (several times faster on the machines measured, with the same tags, arcs
            and entities on every shared gold article), ``"numpy"`` with NumPy's BLAS
            whenever the models run on BLIS, ``"thinc"`` as the pipeline is. The
            pipeline is put back as it was after every parse.
        entity_decoder: how the pipeline's entity recogniser finds entities while bilat
            parses (:mod:`bilat.entity_decoding`): ``"auto"`` (the default) decodes
            spaCy's own recogniser with bilat's NumPy decoder, which gives exactly
            spaCy's entities in a fraction of the time; ``"spacy"`` leaves it to spaCy's
            loop. The pipeline is put back as it was after every parse.

    Attributes:
        nlp: the spaCy pipeline in use.
        model_name: its readable name (``"en_core_web_sm-3.8.0"``), recorded on every result.
        chunk_chars: texts longer than this (or than ``nlp.max_length``) are processed in
            sentence-aligned chunks of at most this many characters
            (:mod:`bilat.chunking`); offsets always index the whole text.

    Thread safety: an ``Extractor`` may be shared between threads. spaCy pipelines are not
    guaranteed to be thread-safe, so every call into the pipeline and the rules holds the
    extractor's lock: threads get the same results as a serial run, one document at a
    time. For parallel speed use processes (``pipe(..., n_process=N)``, or one extractor
    per process).
    """

    def __init__(
        self,
        model: Language | str | os.PathLike[str] | None = None,
        *,
        types: Iterable[str] | None = None,
        prefilter: bool = True,
        recase_headlines: bool = True,
        triggers: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
        modality_cues: Sequence[Mapping[str, Any]] | None = None,
        country_names: Mapping[str, str | Mapping[str, Any]] | None = None,
        officials: Sequence[Mapping[str, Any]] | None = None,
        admission: str = "sentence",
        matmul: str = "auto",
        entity_decoder: str = "auto",
    ) -> None:
        self.additions: Additions | None = Additions.build(
            triggers=triggers, modality_cues=modality_cues, country_names=country_names,
            officials=officials, source="Extractor",
        )
        self.nlp: Language = load_pipeline(model)
        if add_paragraph_boundaries(self.nlp) and not isinstance(model, (str, os.PathLike)) \
                and model is not None:
            warnings.warn(
                f"bilat added its {PARAGRAPHS!r} step before the parser of the spaCy pipeline "
                "you passed (it marks sentence starts at paragraph breaks and datelines and "
                "changes nothing else); pass a copy, or a pipeline name, to keep yours as is",
                UserWarning,
                stacklevel=2,
            )
        self.model_name: str = pipeline_name(self.nlp)
        self.types: tuple[str, ...] = _check_types(types)
        self.chunk_chars: int = CHUNK_CHARS
        self.prefilter: bool = prefilter
        self.recase_headlines: bool = recase_headlines
        self.admission: str = check_admission(admission)
        self.matmul: str = check_matmul(matmul)
        self.entity_decoder: str = check_entity_decoder(entity_decoder)
        self._lock = threading.RLock()

    def __getstate__(self) -> dict[str, object]:
        """Pickle support (worker processes started with ``spawn``): all but the lock."""
        state = dict(self.__dict__)
        state.pop("_lock", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.RLock()

    def _prepare(self, text: str) -> str:
        """The text the pipeline reads: :func:`~bilat.chunking.sanitize`-d and, unless
        switched off, with ALL-CAPS headlines re-cased; always the same length as ``text``."""
        clean = sanitize(text)
        return truecase_headlines(clean) if self.recase_headlines else clean

    def __repr__(self) -> str:
        return f"Extractor(model={self.model_name!r}, types={list(self.types)!r})"

    def extract(self, text: str, published: PublishedLike = None) -> Extraction:
        """Extract the events of one document.

        Args:
            text: the article text; evidence offsets index into it, exactly as given (strip
                HTML with :func:`bilat.markup.strip_markup` first, which keeps offsets).
            published: its publication date, for resolving "on Wednesday", "last month".

        Returns:
            An :class:`~bilat.Extraction`; empty for empty or white-space-only text. Texts
            longer than :attr:`chunk_chars` are processed chunk by chunk.

        Raises:
            TypeError: ``text`` is not a ``str`` (``bytes``, ``None``, ...).
            ValueError: ``published`` cannot be read as a date.
        """
        text = check_text(text)
        day = parse_published(published)
        return self._extract_text(text, day)

    def extract_doc(self, doc: Doc, published: PublishedLike = None) -> Extraction:
        """Extract the events of a ``Doc`` this extractor's pipeline already processed."""
        return self._from_doc(doc, parse_published(published))

    # -- one document -------------------------------------------------------------------

    def _chunk_limit(self) -> int:
        return max(2, min(int(self.chunk_chars), int(self.nlp.max_length)))

    def _tokens(
        self, text: str, day: dt.date | None = None
    ) -> tuple[Doc | Admitted, tuple[str, ...]] | None:
        """``text`` tokenized, with the event types it may hold; ``None`` when the
        pre-filter rules out every event. Only those types' extractors need to run. With
        sentence admission, the sentences to parse when they are not the whole text, with
        the actor mentions of the rest (read with the publication date ``day``)."""
        with self._lock:
            doc = self.nlp.make_doc(text)
        with using(self.additions):
            types = possible_types(doc, self.types)
            if not types:
                return None
            if self.admission == "sentence":
                kept = Admitted.of(text, admit(doc, types, text))
                if not kept.ranges:
                    return None
                if not kept.whole or len(kept.text) != len(text):
                    head = kept.ranges[0][1] if kept.ranges[0][0] == 0 else 0
                    unparsed = find_unparsed(doc, kept.gaps, day, context=head)
                    return attrs.evolve(kept, unparsed=unparsed), types
        return doc, types

    @contextmanager
    def _parsing(self) -> Iterator[None]:
        """Hold the extractor's lock while the pipeline parses, its attribute rulers on
        table lookup (:func:`bilat.attribute_rules.table_lookup`), its models on the
        matrix product :attr:`matmul` asks for (:func:`bilat.matmul.numpy_matmul`) and its
        entity recognisers on the decoder :attr:`entity_decoder` asks for
        (:func:`bilat.entity_decoding.numpy_entities`)."""
        with self._lock, table_lookup(self.nlp), numpy_matmul(self.nlp, self.matmul), \
                numpy_entities(self.nlp, self.entity_decoder):
            yield

    def _screen(
        self, text: str, day: dt.date | None = None
    ) -> tuple[str | Doc | Admitted, tuple[str, ...] | None] | None:
        """:meth:`_tokens` for a batch: a text the tokenizer fails on is kept (with every
        type), to fail later."""
        try:
            return self._tokens(text, day)
        except Exception:
            return text, None

    def _events_of(
        self,
        doc: Doc,
        day: dt.date | None,
        types: tuple[str, ...] | None = None,
        text: str | None = None,
        unparsed: Unparsed | None = None,
    ) -> tuple[Event, ...]:
        with self._lock:
            return engine.extract_events(
                doc, day, self.types if types is None else types, text=text,
                additions=self.additions, unparsed=unparsed,
            )

    def _from_doc(self, doc: Doc, day: dt.date | None, index: int | None = None) -> Extraction:
        events = self._events_of(doc, day)
        return Extraction(
            text=doc.text, events=events, published=day, model=self.model_name, doc_index=index
        )

    def _from_parsed(
        self,
        doc: Doc,
        text: str,
        day: dt.date | None,
        index: int | None,
        types: tuple[str, ...] | None = None,
        clean: str | None = None,
        kept: Admitted | None = None,
    ) -> Extraction:
        """Events of ``doc``, parsed from ``clean == self._prepare(text)`` (prepared here when
        not given), or from the paragraphs ``kept`` of it, with offsets into ``text``;
        ``types``: the types the pre-filter left possible (default: all of ``self.types``)."""
        if kept is not None:
            events = self._events_of(doc, day, types, kept.text, kept.unparsed)
            events = tuple(kept.restore(e, text) for e in events)
            return Extraction(
                text=text, events=events, published=day, model=self.model_name, doc_index=index
            )
        if clean is None:
            clean = self._prepare(text)  # what ``doc`` was made from: ``doc.text == clean``
        events = self._events_of(doc, day, types, clean)
        if clean != text:  # lone surrogates were replaced: cut evidence from the original
            events = tuple(shift_event(e, 0, text) for e in events)
        return Extraction(
            text=text, events=events, published=day, model=self.model_name, doc_index=index
        )

    def _extract_text(
        self, text: str, day: dt.date | None, index: int | None = None
    ) -> Extraction:
        if not text or text.isspace():
            return Extraction(text=text, published=day, model=self.model_name, doc_index=index)
        if len(text) > self._chunk_limit():
            return Extraction(
                text=text,
                events=self._chunked_events(text, day),
                published=day,
                model=self.model_name,
                doc_index=index,
            )
        clean = self._prepare(text)
        if self.prefilter:
            screened = self._tokens(clean, day)
            if screened is None:
                return Extraction(text=text, published=day, model=self.model_name, doc_index=index)
            tokens, types = screened
            if isinstance(tokens, Admitted):
                with self._parsing():
                    doc = self.nlp(tokens.text)
                return self._from_parsed(doc, text, day, index, types, clean, tokens)
            with self._parsing():
                doc = self.nlp(tokens)
            return self._from_parsed(doc, text, day, index, types, clean)
        with self._parsing():
            doc = self.nlp(clean)
        return self._from_parsed(doc, text, day, index, clean=clean)

    def _chunked_events(self, text: str, day: dt.date | None) -> tuple[Event, ...]:
        """Events of a long text, one chunk at a time: each chunk is prepared, parsed and
        dropped before the next, so beside the caller's text, memory holds one chunk's
        copy and ``Doc`` plus the events found so far, whatever the text's length."""
        mentions: list[Event] = []
        for start, end in chunk_spans(text, self._chunk_limit()):
            piece = self._prepare(text[start:end])
            if piece.isspace():
                continue
            tokens: str | Doc | Admitted = piece
            types = self.types
            if self.prefilter:
                screened = self._tokens(piece, day)
                if screened is None:
                    continue
                tokens, types = screened
            if isinstance(tokens, Admitted):
                kept = tokens
                with self._parsing():
                    found = engine.extract_events(self.nlp(kept.text), day, types,
                                                   additions=self.additions,
                                                   unparsed=kept.unparsed)
                mentions.extend(
                    shift_event(kept.restore(event, None), start, text) for event in found)
                continue
            with self._parsing():
                found = engine.extract_events(
                    self.nlp(tokens), day, types, additions=self.additions
                )
            mentions.extend(shift_event(event, start, text) for event in found)
        return merge_mentions(mentions)

    # -- many documents -----------------------------------------------------------------

    def _items(
        self, documents: Iterable[str | tuple[str, PublishedLike]], default_day: dt.date | None
    ) -> Iterator[_Item]:
        for index, item in enumerate(documents):
            try:
                if isinstance(item, tuple):
                    text, when = item
                    day = parse_published(when)
                else:
                    text, day = item, default_day
                yield _Item(index, check_text(text), day)
            except Exception as exc:
                text = item[0] if isinstance(item, tuple) and item else item
                yield _Item(index, text if isinstance(text, str) else "", None, exc)

    def _failed(self, item: _Item, exc: BaseException) -> Extraction:
        return Extraction(
            text=item.text,
            published=item.day,
            model=self.model_name,
            error=_describe(exc),
            doc_index=item.index,
        )

    def _empty(self, item: _Item) -> Extraction:
        """The result of a document the pre-filter ruled out: no events."""
        return Extraction(
            text=item.text, published=item.day, model=self.model_name, doc_index=item.index
        )

    def _direct(self, item: _Item) -> bool:
        """Whether ``item`` goes through ``nlp.pipe`` (not empty, not chunked, not bad)."""
        text = item.text
        return (
            item.error is None
            and bool(text)
            and not text.isspace()
            and len(text) <= self._chunk_limit()
        )

    def _finish(
        self,
        item: _Item,
        doc: Doc | None,
        fail_fast: bool,
        types: tuple[str, ...] | None = None,
        clean: str | None = None,
        kept: Admitted | None = None,
    ) -> Extraction:
        """The result for one item, given its Doc when ``nlp.pipe`` parsed it (and the
        types the pre-filter left possible, the prepared text it was parsed from, and the
        paragraphs of it that were parsed when not all)."""
        if item.error is not None:
            if fail_fast:
                raise item.error
            return self._failed(item, item.error)
        try:
            if doc is None:
                return self._extract_text(item.text, item.day, item.index)
            return self._from_parsed(doc, item.text, item.day, item.index, types, clean, kept)
        except Exception as exc:
            if fail_fast:
                raise
            return self._failed(item, exc)

    def _serial(
        self, items: Iterator[_Item], batch_size: int, fail_fast: bool
    ) -> Iterator[Extraction]:
        # With the pre-filter on, read ahead until ``batch_size`` documents need parsing (or
        # WINDOW_BATCHES * batch_size were read): spaCy is faster on full batches, and the
        # read-ahead is bounded, so memory stays flat. Results stay in input order.
        window = batch_size * WINDOW_BATCHES if self.prefilter else batch_size
        while True:
            batch: list[_Item] = []
            direct: list[_Item] = []
            inputs: list[str | Doc] = []
            skipped: set[int] = set()
            # per parsed item: the types left possible, the prepared text, the paragraphs
            possible: dict[int, tuple[tuple[str, ...] | None, str, Admitted | None]] = {}
            for item in items:
                batch.append(item)
                if self._direct(item):
                    text = self._prepare(item.text)
                    screened = self._screen(text, item.day) if self.prefilter else (text, None)
                    if screened is None:  # parse only what can hold an event
                        skipped.add(item.index)
                    else:
                        direct.append(item)
                        tokens = screened[0]
                        kept = tokens if isinstance(tokens, Admitted) else None
                        inputs.append(tokens.text if isinstance(tokens, Admitted) else tokens)
                        possible[item.index] = (screened[1], text, kept)
                if len(inputs) >= batch_size or len(batch) >= window:
                    break
            if not batch:
                return
            docs: dict[int, Doc] = {}
            try:
                with self._parsing():
                    parsed = list(self.nlp.pipe(inputs, batch_size=batch_size))
                docs = {item.index: doc for item, doc in zip(direct, parsed, strict=True)}
            except Exception:
                if fail_fast:
                    raise
                # one document broke the batch: parse this batch one document at a time,
                # so only the culprit gets an error
            for item in batch:
                if item.index in skipped:
                    yield self._empty(item)
                    continue
                types, clean, kept = possible.get(item.index, (None, None, None))
                yield self._finish(
                    item, docs.pop(item.index, None), fail_fast, types, clean, kept)

    def pipe(
        self,
        documents: Iterable[str | tuple[str, PublishedLike]],
        *,
        published: PublishedLike = None,
        batch_size: int = 32,
        n_process: int = 1,
        fail_fast: bool = False,
    ) -> Iterator[Extraction]:
        """Extract events from many documents, lazily and in order.

        Args:
            documents: an iterable of texts, or of ``(text, published)`` pairs (a single
                ``str`` is refused: wrap one text in a list).
            published: the date for texts given without one.
            batch_size: documents per spaCy batch (an ``int`` of at least 1).
            n_process: worker processes (an ``int`` of at least 1, or ``-1`` for one per
                CPU). With more than one, whole documents (parse, rules, chunking of long
                ones) run in bilat's own worker processes (:mod:`bilat.workers`), which
                end as soon as the returned iterator is closed or collected.
            fail_fast: raise on the first bad document instead of yielding an
                :class:`~bilat.Extraction` whose ``error`` says what was wrong.

        Returns:
            An iterator of one :class:`~bilat.Extraction` per input document, with
            ``doc_index`` set. A document that is not a ``str``, has an unreadable date, or
            makes extraction fail yields a result with ``error`` set (``"TypeError: ..."``)
            and no events; the documents after it go on. Long documents are chunked as in
            :meth:`extract`.

        Raises:
            TypeError: ``documents`` is a ``str``/``bytes`` or not iterable; ``batch_size``
                or ``n_process`` is not an ``int``; ``fail_fast`` is not a ``bool``.
            ValueError: ``published`` cannot be read, ``batch_size`` is below 1, or
                ``n_process`` is 0 or below -1.
        """
        if isinstance(documents, (str, bytes, bytearray)):
            raise TypeError(
                f"documents must be an iterable of texts, not a single {type(documents).__name__}; "
                "for one text call extract(text), or pass [text]"
            )
        if not isinstance(documents, Iterable):
            raise TypeError(
                f"documents must be an iterable of texts or (text, published) pairs, "
                f"not {type(documents).__name__}"
            )
        batch_size = _positive_int("batch_size", batch_size)
        if isinstance(n_process, bool) or not isinstance(n_process, int):
            raise TypeError(f"n_process must be an int, not {type(n_process).__name__}")
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process < 1:
            raise ValueError(
                f"n_process must be at least 1 (or -1 for one per CPU), not {n_process}"
            )
        if not isinstance(fail_fast, bool):
            raise TypeError(f"fail_fast must be a bool, not {type(fail_fast).__name__}")
        default_day = parse_published(published)
        items = self._items(documents, default_day)
        if n_process == 1:
            return self._serial(items, batch_size, fail_fast)
        from bilat.workers import run_parallel

        return run_parallel(self, items, batch_size, n_process, fail_fast)


def _positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__} ({value!r})")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")
    return value
