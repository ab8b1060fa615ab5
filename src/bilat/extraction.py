"""The result of running bilat on one document: its events, plus the text they point into."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, overload

import attrs

from bilat.events import Event
from bilat.values import parse_published

if TYPE_CHECKING:
    import pandas

__all__ = ["Extraction", "json_text", "read_jsonl", "replace_surrogates", "write_jsonl"]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate as U+FFFD, one code point for one (offsets keep).

    For writers with no escape syntax (CSV, a terminal table); JSON output escapes them
    instead (:func:`json_text`), losslessly.
    """
    if text.isascii() or not _LONE_SURROGATE.search(text):
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON text that any UTF-8 writer can write.

    Non-ASCII characters are kept as they are, except lone surrogates (``"\\ud800"``:
    Python strings may hold them, UTF-8 cannot encode them), which become the JSON escape
    ``\\ud800``. ``json.loads`` reads that escape back to the same lone surrogate, so text
    and evidence round-trip exactly and offsets still index the caller's string.
    """
    out = json.dumps(data, ensure_ascii=False, indent=indent)
    if not out.isascii() and _LONE_SURROGATE.search(out):
        out = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def _events(value: Any) -> tuple[Event, ...]:
    return tuple(e if isinstance(e, Event) else Event.from_dict(e) for e in (value or ()))


def _published(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return parse_published(value)  # a whole ISO date or datetime, nothing trailing
    raise TypeError(f"published must be a date, an ISO string or None, not {type(value).__name__}")


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
        """Read what :meth:`to_dict` wrote, checking every value.

        Events are checked against the event JSON Schema (:meth:`Event.from_dict`); when the
        text is included (not empty), every evidence span must cut its own text from it.

        Raises:
            ValueError: naming the field that is wrong (``"events[2].evidence[0]: text
                'Athens' is not text[10:16] 'Ankara'"``).
        """
        from bilat.validation import describe

        if not isinstance(data, dict):
            raise ValueError(f"an extraction must be an object, got {describe(data)}")
        fields = {"text": str, "model": str, "error": str, "doc_index": int, "published": str}
        for key, kind in fields.items():
            value = data.get(key)
            if value is None:
                continue
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ValueError(f"{key}: expected {kind.__name__}, got {describe(value)}")
        raw_events = data.get("events", ())
        if not isinstance(raw_events, (list, tuple)):
            raise ValueError(f"events: expected array, got {describe(raw_events)}")
        text = data.get("text")
        events = []
        for index, raw in enumerate(raw_events):
            try:
                event = raw if isinstance(raw, Event) else Event.from_dict(raw)
            except ValueError as exc:
                raise ValueError(f"events[{index}].{exc}") from exc
            if text:  # an empty text is a text not kept (``include_text=False``)
                for number, ev in enumerate(event.evidence):
                    if text[ev.start : ev.end] != ev.text:
                        raise ValueError(
                            f"events[{index}].evidence[{number}]: text {ev.text[:40]!r} is not "
                            f"text[{ev.start}:{ev.end}] {text[ev.start : ev.end][:40]!r}"
                        )
            events.append(event)
        try:
            published = _published(data.get("published"))
        except ValueError as exc:
            raise ValueError(f"published: {exc}") from exc
        return cls(
            text=data.get("text", ""),
            events=events,
            published=published,
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
        """Return :meth:`to_dict` as a JSON string (see :func:`json_text`: non-ASCII kept as
        is, lone surrogates escaped, so any UTF-8 writer can write it)."""
        return json_text(self.to_dict(include_text=include_text), indent=indent)


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


def read_jsonl(
    source: str | Path | IO[str],
    *,
    errors: Literal["raise", "skip"] = "raise",
    on_error: Callable[[int, ValueError], None] | None = None,
) -> Iterator[Extraction]:
    """Read extractions written by :func:`write_jsonl`, lazily, skipping blank lines.

    Args:
        source: a path or an open text stream.
        errors: ``"raise"`` (default) stops at the first malformed line; ``"skip"`` leaves
            it out and reports it: to ``on_error`` when given, else as a ``UserWarning``.
        on_error: called with the line number and the ``ValueError`` of each skipped line.

    Raises:
        ValueError: ``"line N: ..."`` for any malformed line (not JSON, not an object,
            nested too deep, a value the schema refuses, evidence that does not match the
            text...), with ``errors="raise"``.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if isinstance(source, (str, Path)):
        with Path(source).open(encoding="utf-8") as stream:
            yield from read_jsonl(stream, errors=errors, on_error=on_error)
        return
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            extraction = _read_line(line)
        except ValueError as exc:
            error = ValueError(f"line {number}: {exc}")
            if errors == "raise":
                raise error from exc
            if on_error is not None:
                on_error(number, error)
            else:
                warnings.warn(f"read_jsonl skipped {error}", UserWarning, stacklevel=2)
            continue
        yield extraction


def _read_line(line: str) -> Extraction:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc
    try:
        return Extraction.from_dict(data)
    except ValueError:
        raise
    except (TypeError, KeyError, AttributeError, ArithmeticError, RecursionError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from exc
