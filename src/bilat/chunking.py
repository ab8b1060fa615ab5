"""Long texts in sentence-aligned chunks, and moving event offsets back into the whole text.

spaCy refuses texts longer than ``nlp.max_length`` and needs memory in proportion to the
text, so :class:`bilat.Extractor` cuts long documents into chunks of at most
:data:`CHUNK_CHARS` characters with :func:`chunk_spans`, runs the pipeline on one chunk at a
time, and moves every offset of every event back into the whole text with
:func:`shift_event`. Chunks end at a paragraph break where the second half of the window
has one, else after sentence punctuation, else at white space, else (one "word" longer
than a chunk) exactly at the limit.

:func:`sanitize` makes any Python ``str`` safe for spaCy without changing its length, so
every offset into the sanitized text is an offset into the original:

* lone surrogates (which Python allows but UTF-8 cannot encode, so spaCy raises) become
  U+FFFD, one code point for one;
* runs without white space that spaCy's tokenizer takes quadratic time over (it strips
  affixes one at a time and searches the whole rest of the run for a suffix each time:
  ``"$" * 10_000`` takes minutes) get a space every :data:`PUNCT_RUN` characters in runs
  of punctuation and every :data:`WORD_RUN` characters in any longer run. No news word is
  that long; the evidence text is always cut from the caller's original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from bilat.values import Evidence

__all__ = [
    "CHUNK_CHARS",
    "PUNCT_RUN",
    "WORD_RUN",
    "chunk_spans",
    "move_value",
    "sanitize",
    "shift_event",
    "shift_value",
]

CHUNK_CHARS = 100_000
"""Default largest chunk, in characters: far below spaCy's default ``max_length``."""

PUNCT_RUN = 16
"""Longest run of punctuation/symbols (no letter, digit or space) passed to spaCy whole."""

WORD_RUN = 100
"""Longest run of non-space characters passed to spaCy whole."""

# Every pattern here is linear: a single character class, or punctuation followed by a
# bounded run of closing quotes and one white-space character.
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE = re.compile(r"[.!?\u3002][\"'\u2019\u201d)\]]{0,3}\s")
_SPACE = re.compile(r"\s")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Matched only at the start of a run (the look-behind), so each run is scanned once.
_PUNCT_RUNS = re.compile(rf"(?<![^\w\s])[^\w\s]{{{PUNCT_RUN + 1},}}")
_WORD_RUNS = re.compile(rf"(?<!\S)\S{{{WORD_RUN + 1},}}")

T = TypeVar("T")


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """End of the last match of ``pattern`` inside ``text[lo:hi]``, or ``None``."""
    end: int | None = None
    for match in pattern.finditer(text, lo, hi):
        end = match.end()
    return end


def chunk_spans(text: str, max_chars: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` character ranges that cover ``text`` exactly, in order.

    Consecutive ranges touch (one's ``end`` is the next one's ``start``), none is longer
    than ``max_chars``, and every range but the last ends just after a paragraph break,
    sentence punctuation plus white space, or white space, chosen in the second half of
    the window so that each chunk is at least half the limit. A text no longer than
    ``max_chars`` is one range. An empty text yields nothing.

    Raises:
        ValueError: ``max_chars`` is below 2.
    """
    if max_chars < 2:
        raise ValueError(f"max_chars must be at least 2, not {max_chars}")
    length = len(text)
    start = 0
    while length - start > max_chars:
        hi = start + max_chars
        lo = start + max_chars // 2
        cut = (
            _last_end(_PARAGRAPH, text, lo, hi)
            or _last_end(_SENTENCE, text, lo, hi)
            or _last_end(_SPACE, text, lo, hi)
            or hi
        )
        yield start, cut
        start = cut
    if start < length:
        yield start, length


def _break_run(match: re.Match[str], every: int) -> str:
    chars = list(match.group(0))
    for i in range(every, len(chars), every + 1):
        chars[i] = " "
    return "".join(chars)


def sanitize(text: str) -> str:
    """``text`` made safe and fast for spaCy, with the same length and offsets.

    Lone surrogates become U+FFFD; a space replaces one character in every
    :data:`PUNCT_RUN` + 1 of a run of punctuation and in every :data:`WORD_RUN` + 1 of a
    longer run without white space (see the module docstring). Text with neither comes
    back unchanged (the same object).
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = _SURROGATE.sub("\ufffd", text)
    if _PUNCT_RUNS.search(text):
        text = _PUNCT_RUNS.sub(lambda m: _break_run(m, PUNCT_RUN), text)
    if _WORD_RUNS.search(text):
        text = _WORD_RUNS.sub(lambda m: _break_run(m, WORD_RUN), text)
    return text


Mover = Callable[[int, int], tuple[int, int]]
"""Moves a ``[start, end)`` character span: returns the span it becomes."""


def _move_attrs(value: Any, move: Mover, source: str | None) -> Any:
    cls = type(value)
    changes: dict[str, Any] = {}
    names = {field.name for field in attrs.fields(cls)}
    if {"start_char", "end_char"} <= names and value.start_char is not None:
        start, end = move(value.start_char, value.end_char)
        changes["start_char"], changes["end_char"] = start, end
        if source is not None and "text" in names:
            changes["text"] = source[start:end]
    for field in attrs.fields(cls):
        if field.name in changes:
            continue
        current = getattr(value, field.name)
        moved = move_value(current, move, source)
        if moved is not current:
            changes[field.name] = moved
    return attrs.evolve(value, **changes) if changes else value


def move_value(value: T, move: Mover, source: str | None = None) -> T:
    """Return ``value`` with every character span inside it moved by ``move``.

    Works on :class:`~bilat.values.Evidence` (``start``/``end``), on any attrs value with
    ``start_char``/``end_char`` (:class:`~bilat.values.TimeSpan`, :class:`Money`,
    :class:`Count`), on any attrs class holding such values (events, at any depth), and on
    tuples of them; anything else comes back unchanged (the same object).

    Args:
        value: the value to move.
        move: maps a ``(start, end)`` span to the span it becomes (a shift by a chunk's
            start, or :meth:`bilat.admission.Admitted.span` for a text made of paragraphs).
        source: the whole text; when given, every moved span's ``text`` is cut from it
            again, so ``source[start:end] == text`` holds exactly even where the text the
            value was found in had been :func:`sanitize`-d.
    """
    result: Any
    if isinstance(value, Evidence):
        start, end = move(value.start, value.end)
        text = value.text if source is None else source[start:end]
        result = Evidence(start=start, end=end, text=text)
    elif isinstance(value, tuple):
        items = tuple(move_value(item, move, source) for item in value)
        changed = any(a is not b for a, b in zip(items, value, strict=True))
        result = items if changed else value
    elif attrs.has(type(value)):
        result = _move_attrs(value, move, source)
    else:
        result = value
    return result  # type: ignore[no-any-return]


def shift_value(value: T, delta: int, source: str | None = None) -> T:
    """Return ``value`` with every character offset inside it moved by ``delta``
    (:func:`move_value` with a shift).

    Args:
        value: the value to move.
        delta: characters to add to every offset (a chunk's start in the whole text).
        source: the whole text; when given, every moved span's ``text`` is cut from it
            again, so ``source[start:end] == text`` holds exactly even where the chunk the
            value was found in had been :func:`sanitize`-d.
    """
    return move_value(value, lambda start, end: (start + delta, end + delta), source)


def shift_event(event: T, delta: int, source: str | None = None) -> T:
    """Move every offset of an event (evidence and every value's span) by ``delta``.

    See :func:`shift_value`; this is the name to use for a whole
    :class:`~bilat.events.Event`.
    """
    return shift_value(event, delta, source)
