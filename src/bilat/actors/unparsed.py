"""Actor mentions of the text that sentence admission leaves unparsed, from tokens alone.

With ``Extractor(admission="sentence")`` only the sentences that can hold an event (and
their context) are parsed (:mod:`bilat.admission`). The rest of the article still names
states and people, and some rules read the whole article: the state a story is about
(:meth:`bilat.actors.DocumentActors.home_state`), its protagonists
(:func:`bilat.syntax.mentions.main_states`), the state a strike with no named target takes
place in, and the people a later "Dar" or "the minister" refers to. :func:`find_unparsed`
finds the actor mentions of the left-out text with the same resolver, run on its tokens
only (no tagger, parser or NER: the gazetteers, titles and the leaders file), so those
counts and introductions cover the whole article without parsing it.
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Unparsed", "UnparsedMention", "find_unparsed"]


@attrs.frozen(slots=True)
class UnparsedMention:
    """An actor mention in text that was not parsed.

    Attributes:
        at: where the left-out text stood, as a character offset into the parsed text
            (the mention lies just before it).
        start: the parsed document's token the left-out text stood before (its place
            among the parsed mentions); ``-1`` until :class:`bilat.actors.DocumentActors`
            sets it.
        source_start: where the mention starts in the source text.
        text, country, kind, person, title: as in :class:`bilat.actors.ActorMention`.
    """

    at: int
    source_start: int
    text: str
    country: str
    kind: str
    person: str | None = None
    title: str | None = None
    start: int = -1

    @property
    def end(self) -> int:
        """``start``: a left-out mention has no width among the parsed tokens, so "before
        token ``i``" reads ``end <= i`` for it as for a parsed mention."""
        return self.start


@attrs.frozen(slots=True)
class IntroducedPerson:
    """A person the left-out text introduces ("Foreign Minister Ishaq Dar"), under each
    key a later mention may use (the full name, its first and last word)."""

    keys: tuple[str, ...]
    country: str
    full: str
    title: str | None
    start: int = -1  # the token of the document it was found in where the name starts


@attrs.frozen(slots=True)
class Unparsed:
    """What the left-out text of one document names: its actor mentions, in text order,
    and the people it introduces."""

    mentions: tuple[UnparsedMention, ...] = ()
    people: tuple[IntroducedPerson, ...] = ()
    gaps: tuple[int, ...] = ()
    """The offsets of the parsed text each left-out run stood at, in order: where a reader
    stepping to the next or previous sentence would step over text that was not parsed."""


def find_unparsed(doc: Doc, gaps: Sequence[tuple[int, int, int]],
                  when: datetime.date | None, context: int = 0) -> Unparsed:
    """The actor mentions of the left-out text of a tokenized document.

    The left-out runs are read as one text, after the document's first ``context``
    characters (its headline, which is parsed too): so the state the story is
    about, which makes "Finance Minister Dilson Funaro" its official, is counted over
    all of them, as when the whole article is read.

    Args:
        doc: the whole document, tokenized (``nlp.make_doc``).
        gaps: ``(start, end, at)`` per left-out run: its character range in ``doc.text``
            (on token boundaries) and the offset of the parsed text it stood at.
        when: the publication date (era-dependent codes, leaders in office).
        context: how many leading characters of ``doc.text`` to read along, for their
            names only (the head, parsed anyway: its mentions are not returned).
    """
    from spacy.attrs import IDX, ORTH, SPACY
    from spacy.tokens import Doc as SpacyDoc

    from bilat.actors.document import DocumentActors

    columns = doc.to_array([IDX, ORTH, SPACY]).tolist() if len(doc) else []
    idx = [row[0] for row in columns]
    pieces: list[tuple[int, int, int]] = []  # token range and ``at`` (-1: context only)
    head = bisect.bisect_left(idx, context)
    if head > 0:
        pieces.append((0, head, -1))
    for start, end, at in gaps:
        first, last = bisect.bisect_left(idx, max(start, context)), bisect.bisect_left(idx, end)
        if first < last:
            pieces.append((first, last, at))
    stood = tuple(sorted({at for _, _, at in gaps}))
    if not any(at >= 0 for _, _, at in pieces):
        return Unparsed(gaps=stood)
    strings = doc.vocab.strings
    words: list[str] = []
    spaces: list[bool] = []
    firsts: list[int] = []  # each piece's first token in the joined document
    for first, last, _ in pieces:
        firsts.append(len(words))
        words.extend(strings[row[1]] for row in columns[first:last])
        spaces.extend(bool(row[2]) for row in columns[first:last])
        spaces[-1] = True  # a piece ends with a space before the next
    joined = SpacyDoc(doc.vocab, words=words, spaces=spaces)
    actors = DocumentActors(joined, when)
    def left_out(start: int, end: int) -> int:
        """The piece tokens ``[start, end)`` of the joined document lie in, if left out
        (-1 in the head, which is parsed, or across two pieces)."""
        k = bisect.bisect_right(firsts, start) - 1
        first, last, at = pieces[k]
        return k if at >= 0 and end <= firsts[k] + last - first else -1

    mentions: list[UnparsedMention] = []
    for m in actors.mentions:
        k = left_out(m.start, m.end)
        if k < 0:
            continue
        first, last, at = pieces[k]
        source_start = idx[first] + m.start_char - joined[firsts[k]].idx
        mentions.append(UnparsedMention(
            at=at, source_start=source_start, text=m.text, country=m.country, kind=m.kind,
            person=m.person, title=m.title))
    people = tuple(p for p in actors.introduced() if left_out(p.start, p.start + 1) >= 0)
    return Unparsed(mentions=tuple(mentions), people=people, gaps=stood)
