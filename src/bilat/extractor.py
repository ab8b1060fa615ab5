"""The :class:`Extractor`: a spaCy pipeline plus bilat's rules, for one or many documents."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Union

from bilat.engine import extract_events
from bilat.events import EVENT_TYPES
from bilat.extraction import Extraction
from bilat.pipeline_loading import load_pipeline, pipeline_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "PublishedLike", "parse_published"]

PublishedLike = Union[dt.date, dt.datetime, str, None]
"""What ``published=`` accepts: a date, a datetime, an ISO 8601 string, or ``None``."""


def parse_published(value: PublishedLike) -> dt.date | None:
    """Read a publication date given as ``date``, ``datetime``, ISO string or ``None``.

    Raises:
        ValueError: a string that is not an ISO 8601 date or datetime, naming the value.
        TypeError: any other type.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(stripped.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(
                f"published={value!r} is not an ISO 8601 date such as '2025-05-21'"
            ) from None
    raise TypeError(
        f"published must be a date, datetime, ISO string or None, not {type(value).__name__}"
    )


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; raise ``TypeError`` naming what was passed."""
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, bytes) else ""
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")
    return text


class Extractor:
    """bilat's rules on one spaCy pipeline. Build it once (:func:`bilat.load`), reuse it.

    Args:
        model: a ``spacy.Language``, a pipeline name or path, or ``None`` to choose the best
            installed English pipeline (see :mod:`bilat.pipeline_loading`).
        types: the event types to extract (``"visit"``, ``"agreement"``, ``"trade_figure"``,
            ``"deportation"``, ``"strike"``); all of them by default.

    Attributes:
        nlp: the spaCy pipeline in use.
        model_name: its readable name (``"en_core_web_sm-3.8.0"``), recorded on every result.
    """

    def __init__(
        self,
        model: Language | str | os.PathLike[str] | None = None,
        *,
        types: Iterable[str] | None = None,
    ) -> None:
        self.nlp: Language = load_pipeline(model)
        self.model_name: str = pipeline_name(self.nlp)
        chosen = tuple(EVENT_TYPES) if types is None else tuple(types)
        unknown = sorted(set(chosen) - set(EVENT_TYPES))
        if unknown:
            raise ValueError(f"unknown event types {unknown}; expected some of {list(EVENT_TYPES)}")
        self.types: tuple[str, ...] = chosen

    def __repr__(self) -> str:
        return f"Extractor(model={self.model_name!r}, types={list(self.types)!r})"

    def extract(self, text: str, published: PublishedLike = None) -> Extraction:
        """Extract the events of one document.

        Args:
            text: the article text; evidence offsets index into it.
            published: its publication date, for resolving "on Wednesday", "last month".

        Raises:
            TypeError: ``text`` is not a ``str``.
            ValueError: ``published`` cannot be read as a date.
        """
        text = check_text(text)
        day = parse_published(published)
        if not text.strip():
            return Extraction(text=text, published=day, model=self.model_name)
        doc = self.nlp(text)
        return self._from_doc(doc, day)

    def extract_doc(self, doc: Doc, published: PublishedLike = None) -> Extraction:
        """Extract the events of a ``Doc`` this extractor's pipeline already processed."""
        return self._from_doc(doc, parse_published(published))

    def _from_doc(self, doc: Doc, day: dt.date | None, index: int | None = None) -> Extraction:
        events = extract_events(doc, day, self.types)
        return Extraction(
            text=doc.text, events=events, published=day, model=self.model_name, doc_index=index
        )

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
            documents: texts, or ``(text, published)`` pairs.
            published: the date for texts given without one.
            batch_size: documents per spaCy batch.
            n_process: spaCy worker processes for parsing.
            fail_fast: raise on the first bad document instead of yielding an
                :class:`~bilat.Extraction` whose ``error`` says what was wrong.

        Yields:
            One :class:`~bilat.Extraction` per input document, with ``doc_index`` set.
        """
        default_day = parse_published(published)

        def prepared() -> Iterator[tuple[str, tuple[int, dt.date | None, str | None]]]:
            for index, item in enumerate(documents):
                try:
                    if isinstance(item, tuple):
                        text, when = item
                        day = parse_published(when)
                    else:
                        text, day = item, default_day
                    yield check_text(text), (index, day, None)
                except (TypeError, ValueError) as exc:
                    if fail_fast:
                        raise
                    yield "", (index, None, f"{type(exc).__name__}: {exc}")

        stream = self.nlp.pipe(
            prepared(), as_tuples=True, batch_size=batch_size, n_process=n_process
        )
        for doc, (index, day, error) in stream:
            if error is not None:
                yield Extraction(text="", model=self.model_name, error=error, doc_index=index)
                continue
            try:
                yield self._from_doc(doc, day, index)
            except Exception as exc:
                if fail_fast:
                    raise
                yield Extraction(
                    text=doc.text,
                    published=day,
                    model=self.model_name,
                    error=f"{type(exc).__name__}: {exc}",
                    doc_index=index,
                )
