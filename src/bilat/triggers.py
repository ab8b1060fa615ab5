"""Trigger lexicons: the words that can announce an event, kept as package data.

Each event type has a file ``bilat/event_types/<type>/lexicon.json``::

    {"type": "visit",
     "triggers": [
        {"id": "visit", "label": "travel", "forms": ["visit", "visits", "visited", "visiting"],
         "pos": ["NOUN", "VERB"]},
        {"id": "state_visit", "label": "travel", "sequence": [["state"], ["visit", "visits"]]}
     ]}

``forms`` are matched against a token's lower-cased text, so the lexicon works with any
pipeline (even ``spacy.blank("en")`` with no lemmatizer); ``sequence`` matches consecutive
tokens, each against its list of forms; ``pos`` (optional) restricts coarse parts of speech
when the pipeline has a tagger. A match's ``head`` is the token of the sequence given by
``head`` (index, default: the last token).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from bilat.lexicons import TriggerRecord, shipped_type_lexicon, type_lexicon
from bilat.lexicons import active as active_additions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Trigger", "TriggerEntry", "TriggerLexicon", "load_lexicon", "lower_hashes",
           "sequence_at"]


@attrs.frozen(slots=True)
class TriggerEntry:
    """One lexicon record: a sequence of alternative word forms and what it signals."""

    id: str
    label: str
    sequence: tuple[frozenset[str], ...]
    pos: frozenset[str] = frozenset()
    head: int = -1
    extra: dict[str, Any] = attrs.field(factory=dict, eq=False, hash=False)


@attrs.frozen(slots=True)
class Trigger:
    """A trigger found in a document: token range, the token that anchors it, its entry."""

    start: int
    end: int
    head: Token
    entry: TriggerEntry

    @property
    def label(self) -> str:
        """The entry's label (e.g. ``travel``, ``sign``, ``export``, ``air``)."""
        return self.entry.label


class TriggerLexicon:
    """A compiled lexicon: entries indexed by their first word form for a fast scan."""

    def __init__(self, event_type: str, entries: list[TriggerEntry]) -> None:
        self.event_type = event_type
        self.entries = entries
        self._by_first: dict[str, list[TriggerEntry]] = {}
        for entry in entries:
            for form in entry.sequence[0]:
                self._by_first.setdefault(form, []).append(entry)
        for bucket in self._by_first.values():
            bucket.sort(key=lambda e: -len(e.sequence))
        self._by_first_hash: (
            dict[int, list[tuple[TriggerEntry, tuple[frozenset[int], ...]]]] | None
        ) = None
        self._one_word: dict[tuple[str | None, str | None], frozenset[str]] = {}

    @property
    def first_forms(self) -> frozenset[str]:
        """Every word form that can start a trigger (for cheap pre-filtering)."""
        return frozenset(self._by_first)

    def one_word_forms(self, *, label: str | None = None, pos: str | None = None
                       ) -> frozenset[str]:
        """The word forms of the one-word entries, of ``label`` and allowing part of speech
        ``pos`` when given ("hosted" of the visit ``host`` entries; the trade ``NOUN``
        entries "exports", "surplus"); computed once per lexicon and question."""
        key = (label, pos)
        found = self._one_word.get(key)
        if found is None:
            found = self._one_word[key] = frozenset(
                form for entry in self.entries
                if len(entry.sequence) == 1
                and (label is None or entry.label == label)
                and (pos is None or pos in entry.pos)
                for form in entry.sequence[0])
        return found

    def find(self, doc: Doc | Span) -> Iterator[Trigger]:
        """Yield the longest trigger starting at each token, left to right, not overlapping."""
        hashed = self.hashed_entries()
        # the lower-case forms' hashes, read in one call: no Token object per word
        tokens: Any = doc
        base: Doc = getattr(tokens, "doc", tokens)
        offset: int = getattr(tokens, "start", 0)
        lowers = lower_hashes(doc)
        has_pos: bool | None = None
        n = len(lowers)
        i = 0
        while i < n:
            matched: Trigger | None = None
            for entry, steps in hashed.get(lowers[i], ()):
                if sequence_at(lowers, i, steps):
                    k = len(steps)
                    head = base[offset + i + (entry.head if entry.head >= 0 else k - 1)]
                    if entry.pos:
                        if has_pos is None:
                            has_pos = base.has_annotation("POS")
                        if has_pos and head.pos_ not in entry.pos:
                            continue
                    matched = Trigger(offset + i, offset + i + k, head, entry)
                    break
            if matched is None:
                i += 1
            else:
                yield matched
                i += matched.end - matched.start

    def hashed_entries(self) -> dict[int, list[tuple[TriggerEntry, tuple[frozenset[int], ...]]]]:
        """The entries by the string-store hash of each first word form, each with its word
        forms as hashes, step by step (longest sequence first); built on first use. Lets a
        caller match lower-case hashes (``Doc.to_array(LOWER)``) without Token objects."""
        if self._by_first_hash is None:
            from spacy.strings import get_string_id

            table: dict[int, list[tuple[TriggerEntry, tuple[frozenset[int], ...]]]] = {}
            for form, bucket in self._by_first.items():
                table[get_string_id(form)] = [
                    (e, tuple(frozenset(get_string_id(f) for f in step) for step in e.sequence))
                    for e in bucket
                ]
            self._by_first_hash = table
        return self._by_first_hash


_last_lowers: tuple[Doc, list[int]] | None = None


def sequence_at(lowers: Sequence[int], i: int, steps: tuple[frozenset[int], ...]) -> bool:
    """Whether the word forms ``steps`` (an entry's sequence as hashes, one set per word, as
    :meth:`TriggerLexicon.hashed_entries` gives it) match the lower-case hashes ``lowers``
    from position ``i`` on (the first word is taken as matched: it is the caller's key)."""
    k = len(steps)
    return i + k <= len(lowers) and all(lowers[i + m] in steps[m] for m in range(1, k))


def lower_hashes(doc: Doc | Span) -> list[int]:
    """The string-store hashes of the lower-case forms of ``doc``'s tokens (a Doc or a
    Span), without building a Token per word; compare with ``spacy.strings.get_string_id``."""
    tokens: Any = doc
    base: Doc = getattr(tokens, "doc", tokens)
    start: int = getattr(tokens, "start", 0)
    return _doc_lowers(base)[start : start + len(doc)]


def _doc_lowers(doc: Doc) -> list[int]:
    """The hashes of the lower-case forms of ``doc``'s tokens, read in one call (no Token
    object per word) and kept for the last document: extractors scan it sentence by
    sentence, type by type."""
    global _last_lowers
    last = _last_lowers
    if last is not None and last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    lowers: list[int] = doc.to_array([_lower_attr()]).reshape(-1).tolist() if len(doc) else []
    _last_lowers = (doc, lowers)
    return lowers


@cache
def _lower_attr() -> int:
    """spaCy's LOWER attribute id (imported on first use, not at ``import bilat``)."""
    from spacy.attrs import LOWER

    return int(LOWER)


def _entry(record: TriggerRecord) -> TriggerEntry:
    return TriggerEntry(
        id=record.id,
        label=record.label,
        sequence=tuple(frozenset(step) for step in record.sequence),
        pos=frozenset(record.pos),
        head=record.head,
        extra=dict(record.extra),
    )


@cache
def _shipped_lexicon(event_type: str) -> TriggerLexicon:
    return TriggerLexicon(
        event_type, [_entry(r) for r in shipped_type_lexicon(event_type).triggers]
    )


def load_lexicon(event_type: str) -> TriggerLexicon:
    """The compiled trigger lexicon of ``event_type``: ``bilat/event_types/<type>/lexicon.json``
    (checked by :mod:`bilat.lexicons`, compiled once per process), plus the trigger records
    the pipeline at work added (:class:`bilat.lexicons.Additions`, compiled once per set).

    Raises:
        FileNotFoundError: the type has no lexicon file.
        bilat.lexicons.LexiconError: the file does not fit its schema (file and key named).
    """
    extra = active_additions()
    if extra is None or event_type not in extra.triggers:
        return _shipped_lexicon(event_type)
    key = ("trigger_lexicon", event_type)
    found: TriggerLexicon | None = extra.cache.get(key)
    if found is None:
        entries = [_entry(r) for r in type_lexicon(event_type).triggers]
        found = extra.cache[key] = TriggerLexicon(event_type, entries)
    return found
