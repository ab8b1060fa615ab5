"""Sentence admission: parse only the sentences of a document that can hold an event.

The document-level pre-filter (:mod:`bilat.prefilter`) decides whether a document can hold
any event at all; a long wire story usually holds one trigger word somewhere, so nearly
every word of real news still reaches the statistical parser. With
``Extractor(admission="sentence")`` a document the pre-filter admits is cut
into sentences, at every paragraph break (where :mod:`bilat.paragraphs` starts a sentence)
and where the parser surely starts one (:func:`bilat.prefilter._sentence_starts`: after
".", "!" or "?" before a capital), and only these are parsed:

* **seed sentences**, which could hold an event of a type the document-level screen left
  possible (:func:`seed_types`): a trigger word of that type's lexicon (a weak strike word
  only with its cue in its own sentence, as in the pre-filter); a trade figure also needs
  an amount of money (its value: :func:`bilat.normalise.find_money` on the sentence's
  text, the reader the extractor takes every figure from); an entry that needs a particle
  after its object (``particle``: "sent 40 men back") also one of its particle words; an
  entry of a label whose extractor takes the host only from the trigger's own sentence
  ("flew to", "arrived in", "said in": ``named_host_labels``) also a name of the actor
  gazetteers in the sentence; a
  visit or agreement also needs a possible actor mention (a name of the actor
  gazetteers, a title word such as "minister", or a capitalised word that stands within
  a few words of a title word somewhere in the document: a person the story introduces)
  or a word that refers back to one ("the two countries", "both", "its", "he": the
  ``anaphors`` of ``bilat/data/admission.json``); a visit may instead be an official "in"
  a named place, which needs no trigger word: a capitalised word (the end of a name, with
  or without a comma) right before the "in" ("Shultz in Peking", not "prices in Peking")
  in a sentence that may name a person (:meth:`_Scan.person`);
* the sentences within each seed's **reach**, where its type's extractor reads beyond its
  own sentence (``reach`` in ``bilat/data/admission.json``: rules that hold on the seed
  sentence's words). A visit reads back for where "the talks" told of before are held
  and for the states "the two sides" stand for; an agreement for the parties of "they",
  "both countries" or a passive "a deal was signed"; a trade figure for the owner of
  "its" and the states carried through a paragraph when it names fewer than two; a strike
  always two sentences back (its theatre, a pronoun's state), and the next sentence when
  it states a count (``counts_ahead``: the casualties, which the strike extractor reads
  there only when no unparsed text stands between: :meth:`bilat.context.DocumentContext.
  next_sentence`);
  a deportation three either side when the deportees go to "their home countries";
* the **head**: the first :data:`HEAD_UNITS` sentence (the headline, or the lede where
  there is none), and every sentence holding a wire dateline ("TOKYO, March 3 -"), which
  gives the place a meeting or stay with no place of its own is filed from;
* nothing else. The rest of the article is only tokenized, and the actor resolver reads
  its names from the tokens alone (:mod:`bilat.actors.unparsed`: gazetteer names, titles,
  the leaders file; no tagger, parser or NER). So what the extractors read document-wide
  counts the whole article: the state the story is about, its protagonists (the states a
  story names most often), the state a strike with no named target happens in, and the
  people it introduces ("Foreign Minister Ishaq Dar" in a left-out sentence, then "Dar"
  in a parsed one).

A document none of whose sentences is a seed is not parsed at all. The rest (quotes,
background, detail) is not parsed. The kept sentences are
joined in order with their own trailing white space, so the text the pipeline reads is a
sub-sequence of whole sentences of the original, and :class:`Admitted` maps every offset of
every event back into the original text. The publication date is passed to the extractors
as before. This is the default; ``admission="document"`` parses every admitted document
whole.

``tests/test_admission.py`` checks on every shared gold document (dev and train) that this
yields exactly the events of whole-document parsing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Any

import attrs

from bilat.chunking import move_value
from bilat.validation import check_choice

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from bilat.actors.unparsed import Unparsed
    from bilat.triggers import TriggerLexicon

__all__ = [
    "ADMISSIONS",
    "HEAD_UNITS",
    "Admitted",
    "admit",
    "check_admission",
    "paragraph_spans",
    "seed_types",
]

ADMISSIONS = ("sentence", "document")
"""The admission settings of :class:`bilat.Extractor`: parse only the sentences of an
admitted document that can hold an event, with their context, or the whole document."""

HEAD_UNITS = 1
"""Leading sentences always parsed with a kept document: the headline (the lede where
there is none). Sentences holding a wire dateline are parsed too (:func:`admit`)."""

# The breaks :mod:`bilat.paragraphs` starts a sentence at: a blank line, or a line break
# followed by paragraph indentation (two or more spaces or a tab, as in wire copy).
_BREAK = re.compile(r"\n[ \t\r\f\v]*\n|\n(?: {2,}|\t)")


def check_admission(admission: object) -> str:
    """``admission`` if it is one of :data:`ADMISSIONS`; a clear error otherwise."""
    return check_choice("admission", admission, ADMISSIONS)


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
        gaps: the left-out ``(start, end, at)`` runs of the source text between, before
            and after them, with the offset ``at`` of :attr:`text` each stood at.
        unparsed: what the left-out text names (:func:`bilat.actors.unparsed.find_unparsed`),
            once found.
    """

    text: str
    ranges: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...]  # where each range starts in ``text``
    gaps: tuple[tuple[int, int, int], ...] = ()
    unparsed: Unparsed | None = None

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
        gaps: list[tuple[int, int, int]] = []
        previous = 0
        for (start, end), at in zip(merged, starts, strict=True):
            if start > previous:
                gaps.append((previous, start, at))
            previous = end
        if merged and previous < len(source):
            gaps.append((previous, len(source), len(text)))
        return cls(text=text, ranges=tuple(merged), starts=tuple(starts), gaps=tuple(gaps))

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

    def restore(self, value: Any, source: str | None) -> Any:
        """``value`` (an event, or any value :func:`bilat.chunking.move_value` moves) with
        every offset moved into the source and, when ``source`` is given, every span's
        text cut from it."""
        return move_value(value, self.span, source)


# -- which paragraphs can hold an event -----------------------------------------------


@cache
def _number_words() -> frozenset[str]:
    """The number words ("two", "billion", "dozen"): a value without a digit."""
    from bilat.lexicons import typed
    from bilat.lexicons.files import NumberWordsFile

    data = typed("number_words.json", NumberWordsFile)
    return frozenset(w.lower() for table in (data.units, data.tens, data.hundred, data.scales)
                     for w in table)


@cache
def _number_ids() -> frozenset[int]:
    """Hashes of :func:`_number_words`."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in _number_words())


@cache
def _word_id(word: str) -> int:
    """The string-store hash of ``word`` (token columns hold hashes)."""
    from spacy.strings import get_string_id

    return get_string_id(word)


def _has_number(doc: Doc, orths: Sequence[int], lowers: Sequence[int]) -> bool:
    numbers = _number_ids()
    return any(lower in numbers for lower in lowers) or _has_digit(doc, orths)


@attrs.frozen(slots=True)
class _ReachRule:
    """One reach of a type: ``before``/``after`` sentences, parsed when every word group of
    ``groups`` (string hashes; with ``numerals`` also any token with a digit) has a word in
    the seed sentence and, with ``states_below``, it names fewer states than that."""

    before: int
    after: int
    groups: tuple[frozenset[int], ...] = ()
    numerals: tuple[bool, ...] = ()
    states_below: int | None = None
    window: int | None = None
    actors: bool = False

    def holds(self, doc: Doc, cols: Any) -> bool:
        """Whether the rule applies to the seed sentence with token columns ``cols``."""
        from bilat import prefilter as pf

        present = cols.present
        for words, numerals in zip(self.groups, self.numerals, strict=True):
            if present.isdisjoint(words) and not (numerals and _has_digit(doc, cols.orths)):
                return False
        if self.window is not None and not self._close(cols.lowers):
            return False
        if self.states_below is not None and pf.gazetteer_index() is not None:
            return len(pf._scan_states(doc, cols, positions=False).codes) < self.states_below
        return True

    def _close(self, lowers: Sequence[int]) -> bool:
        """Whether a word of each later group stands within :attr:`window` tokens before a
        word of the first ("the two-day talks": the determiner of the meeting noun)."""
        assert self.window is not None
        first, rest = self.groups[0], self.groups[1:]
        for i, lower in enumerate(lowers):
            if lower in first and all(
                    any(w in group for w in lowers[max(0, i - self.window):i])
                    for group in rest):
                return True
        return False


@attrs.frozen(slots=True)
class _Rules:
    """The admission word lists and reaches (``bilat/data/admission.json``)."""

    reach: dict[str, tuple[Any, ...]]  # the file's Reach records, by type
    default_reach: _ReachRule
    anaphors: frozenset[int]
    anaphor_types: frozenset[str]
    person_window: int
    named_host_labels: dict[str, frozenset[str]]
    counts_ahead: dict[str, int] = attrs.Factory(dict)

    def reads_actors_before(self, event_type: str, doc: Doc, cols: Any) -> bool:
        """Whether a reach rule of ``event_type`` that takes the seed's actors from the
        sentences before (``actors``) holds on the seed sentence: "a pact was signed",
        "the two leaders met" then need no actor of their own."""
        from bilat import prefilter as pf

        if event_type not in self.reach:
            return False
        return any(rule.actors and rule.before and rule.holds(doc, cols)
                   for rule in _reach_rules(event_type, pf._lexicon(event_type)))

    def reach_of(self, event_type: str, doc: Doc, cols: Any) -> tuple[int, int]:
        """How many sentences before and after a seed sentence of ``event_type`` (token
        columns ``cols``) are parsed with it: the widest of the type's rules that hold."""
        from bilat import prefilter as pf

        if event_type not in self.reach:
            return self.default_reach.before, self.default_reach.after
        before = after = 0
        for rule in _reach_rules(event_type, pf._lexicon(event_type)):
            if (rule.before > before or rule.after > after) and rule.holds(doc, cols):
                before, after = max(before, rule.before), max(after, rule.after)
        return before, after


def _has_digit(doc: Doc, orths: Sequence[int]) -> bool:
    strings = doc.vocab.strings
    return any(any(ch.isdigit() for ch in strings[orth]) for orth in orths)


@lru_cache(maxsize=64)
def _reach_rules(event_type: str, lexicon: TriggerLexicon | None) -> tuple[_ReachRule, ...]:
    """The type's reach rules with their words, ``"@trigger:label"`` read from ``lexicon``
    (the one in force: words a pipeline adds count for that pipeline)."""
    return tuple(_reach_rule(event_type, r, lexicon) for r in _rules().reach[event_type])


def _reach_words(event_type: str, word: str, lexicon: TriggerLexicon | None = None
                 ) -> tuple[frozenset[str], bool]:
    """The words one entry of a reach word group stands for, and whether it takes numerals:
    a word; ``"@key"``, the word list ``key`` of the type's lexicon file; ``"@trigger:label"``,
    every word of the entries of that label of ``lexicon`` (the type's trigger lexicon in
    force when not given); ``"@number"``, the number words."""
    from bilat.lexicons import shipped_type_lexicon
    from bilat.triggers import load_lexicon

    if not word.startswith("@"):
        return frozenset({word.lower()}), False
    name = word[1:]
    if name == "number":
        return _number_words(), True
    if name.startswith("trigger:"):
        label = name.split(":", 1)[1]
        triggers = lexicon if lexicon is not None else load_lexicon(event_type)
        entries = [e for e in triggers.entries if e.label == label]
        if not entries:
            raise ValueError(f"bilat/data/admission.json: {event_type} has no trigger "
                             f"entries labelled {label!r}")
        return frozenset(w.lower() for e in entries for step in e.sequence for w in step), False
    return shipped_type_lexicon(event_type).word_set(name), False


def _reach_rule(event_type: str, reach: Any, lexicon: TriggerLexicon | None = None
                ) -> _ReachRule:
    from spacy.strings import get_string_id

    if reach.window is not None and len(reach.all_of) < 2:
        raise ValueError(f"bilat/data/admission.json: a {event_type or 'default'} reach with "
                         "a window needs at least two all_of lists")
    groups: list[frozenset[int]] = []
    numerals: list[bool] = []
    for group in reach.all_of:
        ids: set[int] = set()
        digits = False
        for word in group:
            words, takes = _reach_words(event_type, word, lexicon)
            ids.update(get_string_id(w) for w in words)
            digits = digits or takes
        groups.append(frozenset(ids))
        numerals.append(digits)
    return _ReachRule(reach.before, reach.after, tuple(groups), tuple(numerals),
                      reach.states_below, reach.window, reach.actors)


@cache
def _rules() -> _Rules:
    from spacy.strings import get_string_id

    from bilat.lexicons.files import AdmissionFile, typed

    data = typed("admission.json", AdmissionFile)
    return _Rules(
        reach=dict(data.reach),
        default_reach=_reach_rule("", data.default_reach),
        anaphors=frozenset(get_string_id(w.lower()) for w in data.anaphors),
        anaphor_types=frozenset(data.anaphor_types),
        person_window=data.person_window,
        named_host_labels={t: frozenset(labels) for t, labels in data.named_host_labels.items()},
        counts_ahead=dict(data.counts_ahead),
    )


def seed_types(doc: Doc, cols: Any, types: Iterable[str],
               actor: Callable[[], bool] = lambda: True,
               names: Callable[[], bool] = lambda: True,
               person: Callable[[], bool] = lambda: True,
               money: Callable[[], bool] = lambda: True) -> set[str]:
    """The types of ``types`` one sentence (token columns ``cols`` of ``doc``) could hold
    an event of, judged on its own tokens (see the module docstring). ``actor``: says
    whether the sentence may hold an actor mention (:meth:`_Scan.actor`); ``names``: whether
    it holds a name of the actor gazetteers (:meth:`_Scan.names`); ``person``: whether it may
    hold a person mention (:meth:`_Scan.person`); ``money``: whether it holds a money amount
    (:meth:`_Scan.money`); each asked only when needed."""
    found = {t for t in types if _seeds(t, doc, cols, actor, names, money)}
    if "visit" in types and "visit" not in found and _official_in_place(doc, cols) and person():
        found.add("visit")
    return found


def _seeds(t: str, doc: Doc, cols: Any, actor: Callable[[], bool],
           names: Callable[[], bool], money: Callable[[], bool]) -> bool:
    """Whether one sentence could hold an event of type ``t`` (:func:`seed_types`)."""
    from bilat import prefilter as pf

    rules = _rules()
    plain, hits = pf._find_triggers(t, cols)
    if not plain and not hits:
        return False
    if t == "trade_figure" and not (_has_number(doc, cols.orths, cols.lowers) and money()):
        return False  # a trade figure states a value, an amount of money
    if plain and _has_conditional_entries(t, pf._lexicon(t)) and not _entry_matches(
            t, cols, partial(_entry_holds, t, cols, names)):
        return False  # "sent ... back" without "back"; "flew to" and no place named
    if t in rules.anaphor_types and cols.present.isdisjoint(rules.anaphors) and \
            not actor() and not rules.reads_actors_before(t, doc, cols):
        # neither a state, place, person or title nor "the two countries", nor words
        # by which the extractor takes its actors from the sentences before ("a pact
        # was signed": the parties of the sentence before)
        return False
    if plain or pf.gazetteer_index() is None:
        return True
    named = pf._scan_states(doc, cols, positions=True)
    return bool(pf._weak_counts(hits, doc, cols, named))


@lru_cache(maxsize=64)
def _has_conditional_entries(event_type: str, lexicon: TriggerLexicon | None) -> bool:
    """Whether ``lexicon`` (the type's, in force) has an entry that seeds only under a
    condition of its own: one that needs a particle after its object (``particle``: "sent
    40 men back to China"), or one of a label that takes the host from its own sentence
    (``named_host_labels`` of ``admission.json``)."""
    return lexicon is not None and any(_entry_has_condition(event_type, entry)
                                       for bucket in lexicon.hashed_entries().values()
                                       for entry, _ in bucket)


def _entry_has_condition(event_type: str, entry: Any) -> bool:
    return bool(entry.extra.get("particle")) or _needs_named_host(event_type, entry)


def _needs_named_host(event_type: str, entry: Any) -> bool:
    """Whether the extractor takes the host of ``entry``'s event only from a name in the
    trigger's own sentence: an entry of a ``named_host_labels`` label that neither falls
    back to the dateline (``host_in_sentence``) nor hosts at a person (``object_host``)."""
    labels = _rules().named_host_labels.get(event_type, frozenset())
    return entry.label in labels and not entry.extra.get("host_in_sentence") and \
        not entry.extra.get("object_host")


def _entry_holds(event_type: str, cols: Any, names: Callable[[], bool], entry: Any) -> bool:
    """Whether a matched entry's own condition holds in the sentence: one of its particle
    words is there (the extractor reads it as the verb's particle), and a gazetteer name is
    there when its host can come from nowhere else."""
    particles = entry.extra.get("particle")
    if particles and not any(_word_id(w) in cols.present for w in particles):
        return False
    return not _needs_named_host(event_type, entry) or names()


def _entry_matches(event_type: str, cols: Any, holds: Callable[[Any], bool]) -> bool:
    """Whether an entry of the type's lexicon matches the sentence's words and ``holds``."""
    from bilat import prefilter as pf
    from bilat.triggers import sequence_at

    lexicon = pf._lexicon(event_type)
    assert lexicon is not None
    table = lexicon.hashed_entries()
    lowers = cols.lowers
    for i, lower in enumerate(lowers):
        for entry, steps in table.get(lower, ()):
            if sequence_at(lowers, i, steps) and holds(entry):
                return True
    return False


def _official_in_place(doc: Doc, cols: Any) -> bool:
    """An "in" right after a capitalised word (the end of a person's name, or of a name
    and a comma) with a gazetteer name within three tokens after it ("officials with
    Shultz in Peking", "Yeutter, in New Zealand for talks,"): the visit extractor's rule
    for officials placed in a foreign city, which reads the "in" on the name's last word."""
    from bilat import prefilter as pf

    lowers, orths, alpha = cols.lowers, cols.orths, cols.alpha
    word = _word_id("in")
    if word not in cols.present:
        return False
    comma = _word_id(",")

    def capitalised(j: int) -> bool:
        return j >= 0 and bool(alpha[j]) and orths[j] != lowers[j]

    for i, lower in enumerate(lowers):
        if lower != word or not (capitalised(i - 1) or (
                i > 0 and orths[i - 1] == comma and capitalised(i - 2))):
            continue
        if any(pf._gated(doc, orths[j]) for j in range(i + 1, min(len(orths), i + 4))):
            return True
    return False


class _Scan:
    """What one cheap pass over a tokenized document finds per sentence: gazetteer names,
    title words, and the capitalised words near a title (people the document introduces:
    "Foreign Minister Ishaq Dar", "Wang Yi, China's foreign minister")."""

    def __init__(self, doc: Doc, cols: Any, found: list[_Unit], parts: list[Any],
                 text: str | None = None) -> None:
        from bilat import prefilter as pf

        strings = doc.vocab.strings
        self._text = doc.text if text is None else text
        self._found = found
        titles = pf._person_cue_ids()
        window = _rules().person_window
        self.titled = [not part.present.isdisjoint(titles) for part in parts]
        self._doc, self._parts = doc, parts
        self._names: dict[int, bool] = {}  # sentence -> whether it holds a gazetteer name
        upper = {orth: strings[orth][:1].isupper() for orth in set(cols.orths)}
        capital = [bool(alpha) and upper[orth] and lower not in titles
                   for orth, lower, alpha in zip(cols.orths, cols.lowers, cols.alpha,
                                                 strict=True)]
        # the people's words: capitalised words within ``window`` tokens of a title word
        self.keys: list[set[int]] = []
        for u in found:
            keys: set[int] = set()
            if self.titled[len(self.keys)]:
                for i in range(u.first, u.last):
                    if cols.lowers[i] in titles:
                        keys.update(cols.lowers[j] for j in range(max(u.first, i - window),
                                                                  min(u.last, i + window + 1))
                                    if capital[j])
            self.keys.append(keys)
        self.people: set[int] = set().union(*self.keys) if self.keys else set()
        self.words = [{cols.lowers[i] for i in range(u.first, u.last) if capital[i]}
                      for u in found]

    def actor(self, k: int) -> bool:
        """Whether sentence ``k`` may hold an actor mention: a gazetteer name, a title
        word, or a word of a person the document introduces."""
        return self.titled[k] or not self.words[k].isdisjoint(self.people) or self.names(k)

    def person(self, k: int) -> bool:
        """Whether sentence ``k`` may hold a person mention: a title word, a word of a
        person the document introduces, or a capitalised word that starts a name of the
        leaders file (every person mention starts with one or has one of these)."""
        if self.titled[k] or not self.words[k].isdisjoint(self.people):
            return True
        from bilat.actors import gazetteer as gz

        strings = self._doc.vocab.strings
        starts = gz.leader_first_words()
        part = self._parts[k]
        return any(gz.normalise(strings[orth]) in starts
                   for orth, lower, alpha in zip(part.orths, part.lowers, part.alpha, strict=True)
                   if alpha and orth != lower)

    def money(self, k: int) -> bool:
        """Whether sentence ``k`` holds an amount of money (:func:`bilat.normalise.find_money`
        on its text, as the trade-figure extractor reads each sentence it parses: every
        figure is one of these amounts)."""
        from bilat.normalise import find_money

        return bool(find_money(self._unit_text(k)))

    def counts(self, k: int) -> bool:
        """Whether sentence ``k`` states a count (:func:`bilat.normalise.find_counts` on its
        text: where the strike extractor takes the killed and injured from)."""
        from bilat.normalise import find_counts

        return bool(find_counts(self._unit_text(k)))

    def _unit_text(self, k: int) -> str:
        unit = self._found[k]
        return self._text[unit.start:unit.end]

    def names(self, k: int) -> bool:
        """Whether sentence ``k`` holds a name of the actor gazetteers (any code)."""
        from bilat import prefilter as pf

        hit = self._names.get(k)
        if hit is None:
            hit = self._names[k] = pf.gazetteer_index() is None or bool(pf._scan_states(
                self._doc, self._parts[k], positions=False).codes)
        return hit


@attrs.frozen(slots=True)
class _Unit:
    """One admission unit: a sentence (cut where the parser surely cuts) of a paragraph."""

    start: int  # character range in the text, trailing white space included
    end: int
    first: int  # token range
    last: int
    paragraph: int


def units(doc: Doc, cols: Any, text: str | None = None) -> list[_Unit]:
    """The sentences of ``doc`` (tokenized) as admission units, in order, covering its text:
    cut at every paragraph break and where :func:`bilat.prefilter._sentence_starts` says the
    parser surely starts a sentence. ``text``: ``doc.text``, when the caller has it."""
    from spacy.attrs import IDX

    from bilat import prefilter as pf

    text = doc.text if text is None else text
    idx = doc.to_array([IDX]).tolist() if len(doc) else []
    cuts: dict[int, int] = {}  # char offset -> paragraph number
    paragraphs = paragraph_spans(text)
    for k, (start, _) in enumerate(paragraphs):
        cuts[start] = k
    para_starts = [start for start, _ in paragraphs]
    for token in pf._sentence_starts(doc, cols)[1:]:
        at = idx[token]
        k = bisect.bisect_right(para_starts, at) - 1
        if at > para_starts[k]:
            cuts.setdefault(at, k)
    offsets = sorted(cuts)
    found: list[_Unit] = []
    for n, start in enumerate(offsets):
        end = offsets[n + 1] if n + 1 < len(offsets) else len(text)
        first, last = bisect.bisect_left(idx, start), bisect.bisect_left(idx, end)
        found.append(_Unit(start, end, first, last, cuts[start]))
    return found


def _dateline_units(found: list[_Unit], text: str) -> set[int]:
    """The sentences holding a wire dateline (:func:`bilat.context.dateline_spans`): the
    visit extractor hosts a meeting or stay that names no place at the place of the last
    dateline before it, read from the parsed text."""
    from bilat.context import dateline_spans

    spans = dateline_spans(text)
    return {k for k, unit in enumerate(found)
            if any(start < unit.end and unit.start < end for start, end in spans)}


def admit(doc: Doc, types: Iterable[str], text: str | None = None) -> list[tuple[int, int]]:
    """The character ranges of ``doc.text`` to parse for an event of ``types``.

    ``doc`` is the tokenized (``nlp.make_doc``) document the pre-filter admitted for
    ``types``. Returns whole sentences (see the module docstring); none when no sentence
    could hold an event.
    """
    from bilat import prefilter as pf

    wanted = tuple(types)
    rules = _rules()
    cols = pf._Columns(doc)
    found = units(doc, cols, text)
    parts = [cols.window(u.first, u.last) for u in found]
    scan = _Scan(doc, cols, found, parts, text)
    n = len(found)
    keep: set[int] = set()
    for k, part in enumerate(parts):
        for t in seed_types(doc, part, wanted, partial(scan.actor, k), partial(scan.names, k),
                            partial(scan.person, k), partial(scan.money, k)):
            before, after = rules.reach_of(t, doc, part)
            keep.update(range(max(0, k - before), min(n, k + after + 1)))
            for j in range(k + 1, min(n, k + rules.counts_ahead.get(t, 0) + 1)):
                if scan.counts(j):  # casualties said in the sentences after
                    keep.add(j)
    if not keep:
        return []
    keep.update(range(min(HEAD_UNITS, n)))
    keep.update(_dateline_units(found, doc.text if text is None else text))
    return [(found[k].start, found[k].end) for k in sorted(keep)]
