"""Everything the extractors share about one document, computed once.

:class:`DocumentContext` wraps a parsed ``Doc`` with its publication date, the state
actors it mentions (:class:`bilat.actors.DocumentActors`), its parsed DATE expressions and
small syntactic helpers (tense, evidence spans).
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from bilat.values import Evidence, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from bilat.actors import ActorMention, DocumentActors
    from bilat.actors.unparsed import Unparsed
    from bilat.lexicons import Additions, TypeLexicon

__all__ = ["DateMention", "DocumentContext", "dateline_spans"]

# A wire dateline at the start of a line: "KABUL, Oct. 8 (Wire) -", "TOKYO, March 2 -",
# "SPRINGFIELD, Ill., Oct. 8 (AP) --", "WASHINGTON (Reuters) -". The place is in capitals;
# then an optional region, an optional "Mon. D[, YYYY]" issue date, an optional agency in
# brackets, and a dash. It tells where and when the report was filed, not when its events
# happened.
_DATELINE = regex.compile(
    r"(?m)^[ \t]*\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}?\p{Lu}\.?"
    r"(?:,[ \t]{1,3}\p{Lu}[\p{L}.]{1,15}(?:[ \t]\p{Lu}[\p{L}.]{1,15})?)?"
    r"(?:,?[ \t]{1,3}(?:(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\p{L}{0,6}\.?,?[ \t]{1,3})?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}{0,6}\.?[ \t]{1,3}\d{1,2}"
    r"(?:,[ \t]{1,3}\d{4})?)?"
    r"(?:[ \t]{0,3}\([^()\n]{1,40}\))?[ \t]{0,3}(?:--|[-–—])(?=[ \t])"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the wire datelines in ``text`` ("KABUL, Oct. 8 (Wire) -").

    A dateline is the place and issue date of the report. Its date is never an event's
    date by itself: "KABUL, Oct. 8 (Wire) - ... struck a village on Tuesday" happened on
    the Tuesday before October 8.
    """
    return [m.span() for m in _DATELINE.finditer(text[:200_000])]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "would"})
_NEAR_TOKENS = 12
_TO_FUTURE = frozenset({"is", "are", "am", "due", "scheduled", "set", "expected", "plans",
                        "plan", "planning", "going", "intends", "intend", "hopes", "wants"})
_FUTURE_MARKERS = frozenset({"to", "due", "scheduled", "expected", "plan", "plans", "planned"})


class DateMention:
    """A DATE expression in the document and its normalised :class:`TimeSpan`."""

    __slots__ = ("end", "start", "timespan")

    def __init__(self, start: int, end: int, timespan: TimeSpan) -> None:
        self.start = start
        self.end = end
        self.timespan = timespan


class DocumentContext:
    """One parsed document plus what every extractor needs to know about it."""

    def __init__(
        self,
        doc: Doc,
        published: dt.date | None,
        *,
        text: str | None = None,
        additions: Additions | None = None,
        unparsed: Unparsed | None = None,
    ) -> None:
        """``text``: ``doc.text`` when the caller has it (spaCy rebuilds it on each access);
        ``additions``: the words the pipeline adds to the shipped lexicons; ``unparsed``:
        what the part of the article left out of ``doc`` names (sentence admission)."""
        self.doc = doc
        self.unparsed = unparsed
        self.additions = additions
        self.text: str = doc.text if text is None else text
        self.published = published
        self.has_parser = doc.has_annotation("DEP")
        self.has_ner = doc.has_annotation("ENT_IOB")

    def lexicon(self, event_type: str) -> TypeLexicon:
        """The lexicon of ``event_type`` for this document's pipeline: the shipped file's
        trigger records and word lists plus the pipeline's additions
        (:func:`bilat.lexicons.type_lexicon`)."""
        from bilat.lexicons import type_lexicon, using

        with using(self.additions):
            return type_lexicon(event_type)

    @cached_property
    def entities(self) -> tuple[Span, ...]:
        """The document's named entities (``doc.ents``, which spaCy rebuilds on each access)."""
        return tuple(self.doc.ents) if self.has_ner else ()

    @cached_property
    def sentences(self) -> list[Span]:
        """The document's sentences (``doc.sents``, read once for every extractor)."""
        return list(self.doc.sents)

    def next_sentence(self, sent: Span) -> Span | None:
        """The sentence right after ``sent`` in the article: the next parsed one, or
        ``None`` at the end of the document or where text left unparsed stands between
        them (sentence admission: :attr:`bilat.actors.unparsed.Unparsed.gaps`), so that a
        reader never takes a later sentence for the next one."""
        if sent.end >= len(self.doc):
            return None
        following = self.doc[sent.end].sent
        return None if self.left_out_between(sent.end_char, following.end_char) else following

    def left_out_between(self, start: int, end: int) -> bool:
        """Whether text left unparsed (sentence admission) stood anywhere from character
        ``start`` to ``end`` of the parsed text: the sentences on either side were not
        next to each other in the article."""
        gaps = self.unparsed.gaps if self.unparsed is not None else ()
        k = bisect.bisect_left(gaps, start)
        return k < len(gaps) and gaps[k] < end

    @cached_property
    def actors(self) -> DocumentActors:
        """The state actors mentioned in the document (countries, capitals, people...)."""
        from bilat.actors import DocumentActors

        return DocumentActors(self.doc, self.published, text=self.text, unparsed=self.unparsed)

    def actor_at(self, i: int) -> ActorMention | None:
        """The actor mention covering token ``i``, if any."""
        return self.actors.at(i)

    def evidence(self, start_char: int, end_char: int) -> Evidence:
        """Evidence for ``text[start_char:end_char]``, trimmed of surrounding white space."""
        while start_char < end_char and self.text[start_char].isspace():
            start_char += 1
        while end_char > start_char and self.text[end_char - 1].isspace():
            end_char -= 1
        return Evidence.from_text(self.text, start_char, end_char)

    def sentence_evidence(self, token: Token) -> Evidence:
        """Evidence for the sentence holding ``token``."""
        sent = token.sent
        return self.evidence(sent.start_char, sent.end_char)

    @cached_property
    def dates(self) -> list[DateMention]:
        """Every DATE entity (and TIME entity naming a day: "last night", "this morning")
        that parses, with its time span read in its own clause's tense."""
        found: list[DateMention] = []
        datelines = self.datelines
        for ent in self.entities:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            if any(s <= ent.start_char and ent.end_char <= e for s, e in datelines):
                continue  # the report's issue date, not an event's
            span = self._parse(ent, self.tense(ent.root))
            if span is not None:
                found.append(DateMention(ent.start, ent.end, span))
        return found

    @cached_property
    def datelines(self) -> list[tuple[int, int]]:
        """The character spans of the document's wire datelines (:func:`dateline_spans`)."""
        return dateline_spans(self.text)

    def _parse(self, ent: Span, tense: str | None) -> TimeSpan | None:
        from bilat.normalise import parse_date

        span = parse_date(ent.text, self.published, tense=tense)
        if span is None and ent.text.istitle() and len(ent) == 1:
            # a bare month that the NER tagged as a date ("in May"): read it as one
            span = parse_date(f"in {ent.text}", self.published, tense=tense)
        if span is None:
            return None
        return TimeSpan(
            start=span.start,
            end=span.end,
            precision=span.precision,
            text=ent.text,
            start_char=ent.start_char,
            end_char=ent.end_char,
        )

    def dates_in(self, sent: Span) -> list[DateMention]:
        """The parsed dates inside a sentence (or any span), in order."""
        return [d for d in self.dates if d.start >= sent.start and d.end <= sent.end]

    def date_for(
        self,
        trigger: Token,
        sent: Span | None = None,
        *,
        tense: str | None = None,
        fallback: bool = False,
    ) -> TimeSpan | None:
        """The date that most likely belongs to an event triggered at ``trigger``.

        A DATE whose syntactic head chain reaches the trigger wins; else the nearest DATE in
        the same sentence. ``tense="future"`` re-reads the date as the next such time
        ("will visit in June" in a March story is the coming June). With ``fallback``, an
        event whose sentence gives no date and is not future takes the publication month
        (month precision, empty text): news reports current happenings.
        """
        sent = sent if sent is not None else trigger.sent
        candidates = self.dates_in(sent)
        if not candidates:
            return self._publication_month(tense) if fallback else None
        chosen: DateMention | None = None
        if self.has_parser:
            for mention in candidates:
                head = self.doc[mention.start:mention.end].root
                for _ in range(4):
                    if head == trigger:
                        chosen = mention
                        break
                    if head.head == head:
                        break
                    head = head.head
                if chosen is not None:
                    break
        if chosen is None:
            near = [m for m in candidates
                    if min(abs(m.start - trigger.i), abs(m.end - trigger.i)) <= _NEAR_TOKENS]
            if not near:  # only dates far off in other clauses ("since the 1970s")
                return self._publication_month(tense) if fallback else None
            chosen = min(
                near,
                key=lambda m: min(abs(m.start - trigger.i), abs(m.end - trigger.i)),
            )
        if tense is not None:
            again = self._parse(self.doc[chosen.start:chosen.end], tense)
            if again is not None:
                return again
        return chosen.timespan

    def _publication_month(self, tense: str | None) -> TimeSpan | None:
        """The publication month as an undated current event's date (not for the future)."""
        if self.published is None or tense == "future":
            return None
        first = self.published.replace(day=1)
        return TimeSpan(start=first, end=self.published, precision="month", text="")

    def tense(self, token: Token) -> str | None:
        """``"future"`` when the clause of ``token`` is future or scheduled, ``"past"`` when past.

        Looks at auxiliaries and markers ("will", "is to", "is due to", "scheduled") on the
        token's verb; ``None`` when the parse says nothing.
        """
        verb = token
        for _ in range(3):
            if verb.pos_ in {"VERB", "AUX"} or verb.head == verb:
                break
            verb = verb.head
        children = [c.lower_ for c in verb.children]
        if any(c in _FUTURE_AUX for c in children):
            return "future"
        left = [t.lower_ for t in verb.doc[max(verb.sent.start, verb.i - 3):verb.i]]
        if any(w in _FUTURE_AUX for w in left):
            return "future"
        if verb.tag_ in {"VBD", "VBN"}:
            return "past"
        if verb.lower_ in _FUTURE_MARKERS:
            return "future"
        # "is to visit", "due to sign", "plans to travel" (not "was obliged to send")
        if verb.tag_ == "VB" and len(left) >= 2 and left[-1] == "to" and left[-2] in _TO_FUTURE:
            return "future"
        return None
