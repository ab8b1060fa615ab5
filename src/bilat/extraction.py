"""The result of running bilat on one document: its events, plus the text they point into."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, overload

import attrs

from bilat.events import Event

if TYPE_CHECKING:
    import pandas

__all__ = ["Extraction", "read_jsonl", "write_jsonl"]


def _events(value: Any) -> tuple[Event, ...]:
    return tuple(e if isinstance(e, Event) else Event.from_dict(e) for e in (value or ()))


def _published(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


_REPR_TEXT = 60  # characters of the text shown by repr()


@attrs.frozen(slots=True, repr=False)
class Extraction(Sequence[Event]):
    """The events bilat found in one document, in order of their first mention.

    An ``Extraction`` is a sequence of :class:`~bilat.events.Event` (``len``, indexing and
    iteration work), and keeps the ``text`` its evidence offsets point into, the
    ``published`` date relative expressions were resolved against, and the name of the spaCy
    pipeline (``model``) that produced it. ``error`` is set, and ``events`` empty, when
    :meth:`bilat.Extractor.pipe` could not process this document; ``doc_index`` is the
    document's position in that batch.
    """

    text: str
    events: tuple[Event, ...] = attrs.field(factory=tuple, converter=_events)
    published: dt.date | None = attrs.field(default=None, converter=_published)
    model: str | None = None
    error: str | None = None
    doc_index: int | None = None

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Event]: ...

    def __getitem__(self, index: int | slice) -> Event | Sequence[Event]:
        return self.events[index]

    def __len__(self) -> int:
        return len(self.events)

    def __repr__(self) -> str:
        """Short, whatever the text's length: the start of the text, its length, the events'
        types (``print(result.to_dict())`` or ``result.text`` give everything)."""
        text = self.text
        head = text if len(text) <= _REPR_TEXT else text[: _REPR_TEXT - 1] + "…"
        kinds = [event.type for event in self.events[:6]]
        if len(self.events) > 6:
            kinds.append(f"... {len(self.events) - 6} more")
        parts = [
            f"text={head!r} ({len(text):,} chars)",
            f"events={len(self.events)} [{', '.join(kinds)}]",
        ]
        if self.published is not None:
            parts.append(f"published={self.published.isoformat()}")
        if self.model is not None:
            parts.append(f"model={self.model!r}")
        if self.doc_index is not None:
            parts.append(f"doc_index={self.doc_index}")
        if self.error is not None:
            parts.append(f"error={self.error[:120]!r}")
        return f"Extraction({', '.join(parts)})"

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    @property
    def ok(self) -> bool:
        """False when the document could not be processed (see ``error``)."""
        return self.error is None

    def of_type(self, kind: str | type[Event]) -> list[Event]:
        """The events of one type, given as ``"visit"`` or as the class ``Visit``."""
        name = kind if isinstance(kind, str) else kind.type
        return [e for e in self.events if e.type == name]

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """Return the document as JSON-ready data: text, published, model, events."""
        out: dict[str, Any] = {}
        if include_text:
            out["text"] = self.text
        out["published"] = None if self.published is None else self.published.isoformat()
        out["model"] = self.model
        if self.error is not None:
            out["error"] = self.error
        if self.doc_index is not None:
            out["doc_index"] = self.doc_index
        out["events"] = [e.to_dict() for e in self.events]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Read what :meth:`to_dict` wrote."""
        return cls(
            text=data.get("text", ""),
            events=data.get("events", ()),
            published=data.get("published"),
            model=data.get("model"),
            error=data.get("error"),
            doc_index=data.get("doc_index"),
        )

    def _repr_html_(self) -> str:
        """Jupyter view: the text with evidence highlighted by type, then the events table."""
        from bilat.display import extraction_html

        return extraction_html(self)

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per event with flat, stable columns (see :func:`bilat.export.to_dataframe`).

        Needs pandas: ``pip install 'bilat[pandas]'``.
        """
        from bilat.export import to_dataframe

        return to_dataframe([self])

    def to_json(self, *, include_text: bool = True, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as a JSON string (non-ASCII kept as is)."""
        data = self.to_dict(include_text=include_text)
        return json.dumps(data, ensure_ascii=False, indent=indent)


def write_jsonl(
    extractions: Iterable[Extraction],
    destination: str | Path | IO[str],
    *,
    include_text: bool = True,
) -> int:
    """Write one JSON line per extraction to a path or an open text stream; return the count."""
    if isinstance(destination, (str, Path)):
        with Path(destination).open("w", encoding="utf-8") as stream:
            return write_jsonl(extractions, stream, include_text=include_text)
    written = 0
    for extraction in extractions:
        destination.write(extraction.to_json(include_text=include_text) + "\n")
        written += 1
    return written


def read_jsonl(source: str | Path | IO[str]) -> Iterator[Extraction]:
    """Read extractions written by :func:`write_jsonl`, lazily, skipping blank lines.

    Raises:
        ValueError: naming the line number, when a line is not valid JSON.
    """
    if isinstance(source, (str, Path)):
        with Path(source).open(encoding="utf-8") as stream:
            yield from read_jsonl(stream)
        return
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number} is not valid JSON: {exc}") from exc
        yield Extraction.from_dict(data)
