"""Paragraph admission: parse only the paragraphs of a document that can hold an event.

The document-level pre-filter (:mod:`bilat.prefilter`) decides whether a document can hold
any event at all; a long wire story usually holds one trigger word somewhere, so nearly
every word of real news still reaches the statistical parser. With
``Extractor(admission="paragraph")`` (the default) a document the pre-filter admits is cut
into paragraphs (at the same breaks :mod:`bilat.paragraphs` starts sentences at: a blank
line, or a line break followed by indentation), and only these are parsed:

* **seed paragraphs**, which could hold an event of a type the document-level screen left
  possible (:func:`seed_types`): a trigger word of that type's lexicon (a weak strike word
  with its cue in its own sentence, as in the pre-filter); a trade figure also needs a
  number (its value), a visit may instead be an official "in" a named place;
* the **head**: the first :data:`HEAD_PARAGRAPHS` paragraphs (headline, lede, dateline),
  which the extractors read for the story's date, place and actors;
* the **neighbours** of each seed, :data:`NEIGHBOURS` paragraphs on each side (an event's
  roles may come from the sentences just before or after it: "the two countries");
* every paragraph that **names a state or person** the document-wide readers count: the
  actor resolver's home state and people ("Foreign Minister Ishaq Dar", later "Dar"), and
  the extractors' protagonists (the states a story names most often) are computed over all
  actor mentions of the document, so a paragraph with a gazetteer name (a country, demonym,
  capital, body, place or leader; any code it could take) or a title word is kept.

Everything else (paragraphs naming no state, person or title and holding no trigger: quotes
of business detail, background, boilerplate) is not parsed. The kept paragraphs are joined
in their order with their own breaks, so the text the pipeline reads is a sub-sequence of
whole paragraphs of the original; :class:`Admitted` maps every offset of every event back
into the original text. ``admission="document"`` parses every admitted document whole.

The rule is generous on purpose: it only drops paragraphs that give an extractor nothing to
read. ``tests/test_admission.py`` checks on every shared gold document (dev and train) that
it yields exactly the events of whole-document parsing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

from bilat.chunking import move_value

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ADMISSIONS",
    "HEAD_PARAGRAPHS",
    "NEIGHBOURS",
    "Admitted",
    "admit",
    "check_admission",
    "paragraph_spans",
    "seed_types",
]

ADMISSIONS = ("paragraph", "document")
"""The admission settings of :class:`bilat.Extractor`: parse admitted documents by
paragraph (only those that can hold an event, with their context) or whole."""

HEAD_PARAGRAPHS = 2
"""Leading paragraphs always parsed with a kept document: the headline and the lede (with
the dateline), which give the story's place, date and main actors."""

NEIGHBOURS = 1
"""Paragraphs parsed on each side of a seed paragraph."""

# The breaks :mod:`bilat.paragraphs` starts a sentence at: a blank line, or a line break
# followed by paragraph indentation (two or more spaces or a tab, as in wire copy).
_BREAK = re.compile(r"\n[ \t\r\f\v]*\n|\n(?: {2,}|\t)")


def check_admission(admission: object) -> str:
    """``admission`` if it is one of :data:`ADMISSIONS`; a clear error otherwise."""
    if not isinstance(admission, str):
        raise TypeError(f"admission must be a str, not {type(admission).__name__}")
    if admission not in ADMISSIONS:
        raise ValueError(f"admission must be one of {list(ADMISSIONS)}, not {admission!r}")
    return admission


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` ranges that cover ``text`` exactly, one per paragraph, in order.

    Each range but the last ends right after a paragraph break (so it holds the break that
    closes it); consecutive ranges touch. An empty text has no paragraph.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(text):
        end = match.end()
        if text[start:match.start()].strip():
            spans.append((start, end))
            start = end
    if start < len(text):
        if spans and not text[start:].strip():
            spans[-1] = (spans[-1][0], len(text))  # trailing white space joins the last one
        else:
            spans.append((start, len(text)))
    return spans


@attrs.frozen(slots=True)
class Admitted:
    """The part of a text that is parsed: whole paragraphs of it, joined in order.

    Attributes:
        text: what the pipeline reads, ``"".join(source[a:b] for a, b in ranges)``.
        ranges: the kept ``(start, end)`` ranges of the source text, sorted, disjoint and
            not touching (touching ones are merged).
    """

    text: str
    ranges: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...]  # where each range starts in ``text``

    @classmethod
    def of(cls, source: str, ranges: Iterable[tuple[int, int]]) -> Admitted:
        """The admitted text of ``source`` over ``ranges`` (merged where they touch)."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(ranges):
            if start >= end:
                continue
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        starts: list[int] = []
        at = 0
        for start, end in merged:
            starts.append(at)
            at += end - start
        text = "".join(source[start:end] for start, end in merged)
        return cls(text=text, ranges=tuple(merged), starts=tuple(starts))

    @property
    def whole(self) -> bool:
        """Whether nothing was left out (one range from 0)."""
        return len(self.ranges) == 1 and self.ranges[0][0] == 0

    def to_source(self, offset: int) -> int:
        """The source offset of ``offset`` into :attr:`text` (an end offset maps as the
        end of the range holding the character before it: use :meth:`span`)."""
        k = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.ranges[k][0] + offset - self._starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A ``[start, end)`` span of :attr:`text` as a span of the source."""
        if end <= start:
            moved = self.to_source(start)
            return moved, moved
        return self.to_source(start), self.to_source(end - 1) + 1

    def restore(self, value: Any, source: str) -> Any:
        """``value`` (an event, or any value :func:`bilat.chunking.move_value` moves) with
        every offset moved into the source and every span's text cut from ``source``."""
        return move_value(value, self.span, source)


# -- which paragraphs can hold an event -----------------------------------------------


@cache
def _number_ids() -> frozenset[int]:
    """Hashes of the number words ("two", "billion", "dozen"): a value without a digit."""
    import json
    from importlib import resources

    from spacy.strings import get_string_id

    data = json.loads(resources.files("bilat").joinpath("data", "number_words.json")
                      .read_text(encoding="utf-8"))
    words: set[str] = set()
    for key in ("units", "tens", "scales"):
        table = data.get(key)
        if isinstance(table, dict):
            words.update(str(w).lower() for w in table)
    words.add(str(data.get("hundred", "hundred")).lower())
    return frozenset(get_string_id(w) for w in words)


@cache
def _in_id() -> int:
    from spacy.strings import get_string_id

    return get_string_id("in")


def _has_number(doc: Doc, orths: Sequence[int], lowers: Sequence[int]) -> bool:
    strings = doc.vocab.strings
    numbers = _number_ids()
    return any(lower in numbers for lower in lowers) or any(
        any(ch.isdigit() for ch in strings[orth]) for orth in orths)


def seed_types(doc: Doc, cols: Any, types: Iterable[str]) -> set[str]:
    """The types of ``types`` one paragraph (token columns ``cols`` of ``doc``) could hold
    an event of, judged on its own tokens (see the module docstring). States and actors are
    not required here: the document-level screen already found enough, and an event's roles
    may be named in another paragraph."""
    from bilat import prefilter as pf

    found: set[str] = set()
    for t in types:
        plain, hits = pf._find_triggers(t, cols)
        if not plain and not hits:
            continue
        if t == "trade_figure" and not _has_number(doc, cols.orths, cols.lowers):
            continue  # a trade figure states a value
        if plain or pf.gazetteer_index() is None:
            found.add(t)
            continue
        named = pf._scan_states(doc, cols, positions=True)
        if pf._weak_counts(hits, doc, cols, named):
            found.add(t)
    if "visit" in types and "visit" not in found and _official_in_place(doc, cols):
        found.add("visit")
    return found


def _official_in_place(doc: Doc, cols: Any) -> bool:
    """An "in" with a gazetteer name within three tokens after it ("officials with Shultz
    in Peking"): the visit extractor's rule for officials placed in a foreign city."""
    from bilat import prefilter as pf

    lowers, orths = cols.lowers, cols.orths
    word = _in_id()
    if word not in cols.present:
        return False
    for i, lower in enumerate(lowers):
        if lower == word and any(pf._gated(doc, orths[j])
                                 for j in range(i + 1, min(len(orths), i + 4))):
            return True
    return False


def _names_actor(doc: Doc, cols: Any) -> bool:
    """Whether a paragraph names a state, place or leader (any gazetteer name) or holds a
    title word: the mentions document-wide counts and people are built from."""
    from bilat import prefilter as pf

    if pf.gazetteer_index() is None:
        return True
    if not cols.present.isdisjoint(pf._person_cue_ids()):
        return True
    return bool(pf._scan_states(doc, cols, positions=False).codes)


def admit(doc: Doc, types: Iterable[str]) -> list[tuple[int, int]]:
    """The character ranges of ``doc.text`` to parse for an event of ``types``.

    ``doc`` is the tokenized (``nlp.make_doc``) document the pre-filter admitted for
    ``types``. Returns whole paragraphs (see the module docstring); all of them when every
    paragraph is needed, none when no paragraph could hold an event.
    """
    from spacy.attrs import IDX

    from bilat import prefilter as pf

    wanted = tuple(types)
    text = doc.text
    spans = paragraph_spans(text)
    if len(spans) <= HEAD_PARAGRAPHS:
        return spans
    cols = pf._Columns(doc)
    idx = doc.to_array([IDX]).tolist() if len(doc) else []
    bounds = [bisect.bisect_left(idx, start) for start, _ in spans] + [len(idx)]
    parts = [cols.window(bounds[k], bounds[k + 1]) for k in range(len(spans))]
    seeds = [k for k, part in enumerate(parts) if seed_types(doc, part, wanted)]
    if not seeds:
        return []
    keep = set(range(HEAD_PARAGRAPHS))
    for k in seeds:
        keep.update(range(max(0, k - NEIGHBOURS), min(len(spans), k + NEIGHBOURS + 1)))
    keep.update(k for k, part in enumerate(parts) if k not in keep and _names_actor(doc, part))
    return [spans[k] for k in sorted(keep)]
