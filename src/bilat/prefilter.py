"""A cheap test, run on the tokens alone, of whether a document can hold any bilat event.

Most news holds none of bilat's five event types, and the statistical parse (tagger, parser,
NER) is where the time goes. :func:`possible_types` looks at a document that has only been
*tokenized* (``nlp.make_doc(text)``, about 30 times faster than the full pipeline) and
returns the event types it could possibly hold. A type is possible only when both hold:

1. **a trigger**: some entry of the type's trigger lexicon
   (``bilat/data/triggers/<type>.json``, read at run time through
   :func:`bilat.triggers.load_lexicon`) matches the tokens. Part-of-speech restrictions are
   ignored (there is no tagger yet), so this finds a superset of what the extractor sees.
   Visits have one rule without a trigger word (an official "in" a foreign city): for them
   a person cue also counts, i.e. a title word of :mod:`bilat.actors` ("minister",
   "president", ...) or a name from the leaders file.
2. **enough states**: the document names at least :data:`MIN_STATES` distinct *possible*
   states. Every n-gram that the gazetteers of :mod:`bilat.actors` know (countries,
   aliases, demonyms, capitals, bodies, groups, places, leaders' names) counts with *every*
   code it could take (all eras, all leaders bearing the name), so the count can only be too
   high, never too low.

Both tests are conservative: when in doubt (a missing lexicon, gazetteer tables that cannot
be read) the type stays possible. A document for which no type is possible is not parsed
at all by :class:`bilat.Extractor` (pass ``prefilter=False`` to switch this off); the test
suite checks on the development set that the filter loses no event.

Compiled lexicons and the gazetteer index are built once per process and cached.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from bilat.triggers import TriggerLexicon

__all__ = ["MIN_STATES", "GazetteerIndex", "could_hold_events", "possible_types", "states_named"]

log = logging.getLogger(__name__)

MIN_STATES: dict[str, int] = {
    "visit": 2,  # visitor and host must be different states
    "agreement": 2,  # at least two distinct parties
    "trade_figure": 2,  # a figure between two states (not with the world)
    "deportation": 1,  # the origin may be left open
    "strike": 1,  # the attacker may be unknown
}
"""Distinct states an event of each type needs; any other type needs one."""

_MAX_NGRAM = 8


@attrs.frozen(slots=True)
class GazetteerIndex:
    """Every name the actor gazetteers know, with every state code it could stand for.

    Attributes:
        codes: normalised name -> the ISO codes it may resolve to (empty for deliberate
            non-answers such as "Georgia", which can only repeat a state named elsewhere).
        first_words: the first word of every name (to gate the n-gram scan).
        uncased: names that may match a token written without capitals (the countries table:
            NER can tag "pakistan" in lower-cased copy; places and people need capitals).
        uncased_first_words: the first words of ``uncased``.
        prefixes: every leading run of whole words of every name ("united", "united arab"),
            to stop extending an n-gram that can no longer become a name.
        leaders: the names that belong to people in the leaders file.
    """

    codes: dict[str, frozenset[str]]
    first_words: frozenset[str]
    uncased: frozenset[str]
    uncased_first_words: frozenset[str]
    prefixes: frozenset[str]
    leaders: frozenset[str]


def _entry_codes(entry: dict[str, Any]) -> set[str]:
    found = {entry.get("code"), entry.get("nowhen")}
    found.update(era.get("code") for era in entry.get("eras") or ())
    return {c for c in found if isinstance(c, str) and len(c) == 3}


@lru_cache(maxsize=1)
def gazetteer_index() -> GazetteerIndex | None:
    """Build the :class:`GazetteerIndex` from :mod:`bilat.actors` once; ``None`` if unreadable.

    ``None`` switches the state test off (every document passes it).
    """
    try:
        from bilat.actors import gazetteer as gz

        norm = gz.normalise
        codes: dict[str, set[str]] = {}
        countries = gz._countries()
        uncased: set[str] = set()
        # The tables' keys are already normalised (the resolver looks them up as they are).
        for key, entry in countries["entries"].items():
            codes.setdefault(key, set()).update(_entry_codes(entry))
            uncased.add(key)
        for key, entry in countries["exact"].items():
            codes.setdefault(norm(key), set()).update(_entry_codes(entry))
        for key, hit in gz._places().items():
            bucket = codes.setdefault(key, set())
            if hit and isinstance(hit[0], str) and len(hit[0]) == 3:
                bucket.add(hit[0])
        leaders = frozenset(gz._leaders()["by_key"])
        for key, records in gz._leaders()["by_key"].items():
            codes.setdefault(key, set()).update(
                r["country"] for r in records if isinstance(r.get("country"), str)
            )
    except Exception:  # pragma: no cover - the actors package changed shape: keep everything
        log.warning("bilat.prefilter: cannot read the actor gazetteers; state test disabled")
        return None
    codes.pop("", None)
    uncased.discard("")
    prefixes: set[str] = set()
    for name in codes:
        words = name.split()
        prefixes.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return GazetteerIndex(
        codes={k: frozenset(v) for k, v in codes.items()},
        first_words=frozenset(_strip(name.split()[0]) for name in codes) - {""},
        uncased=frozenset(uncased),
        uncased_first_words=frozenset(_strip(name.split()[0]) for name in uncased) - {""},
        prefixes=frozenset(prefixes),
        leaders=leaders,
    )


def _strip(word: str) -> str:
    return word.strip("'.-\u2019")


@lru_cache(maxsize=65536)
def _normalised(text: str) -> str:
    from bilat.actors.gazetteer import normalise

    return normalise(text)


def _gate(token_text: str) -> bool:
    """Whether a token can start (or follow the punctuation that starts) a gazetteer name."""
    index = gazetteer_index()
    if index is None:
        return False
    words = _normalised(token_text).split()
    if not words:
        return False
    first = _strip(words[0])
    if token_text == token_text.lower():
        return first in index.uncased_first_words
    return first in index.first_words


_GATES: dict[int, bool] = {}  # token ORTH hash -> _gate(text), bounded below


def _gated(doc: Doc, orth: int) -> bool:
    hit = _GATES.get(orth)
    if hit is None:
        if len(_GATES) > 500_000:
            _GATES.clear()
        hit = _GATES[orth] = _gate(doc.vocab.strings[orth])
    return hit


def _scan_states(doc: Doc, cols: _Columns) -> tuple[set[str], bool]:
    """Every code any gazetteer name in ``doc`` could take, and whether a leader is named."""
    index = gazetteer_index()
    assert index is not None
    strings = doc.vocab.strings  # token texts from their hashes: ``doc.text`` is slow
    orths, lowers, alpha, spaced = cols.orths, cols.lowers, cols.alpha, cols.spaced
    n = len(orths)
    seen: set[str] = set()
    leader = False
    gated = {orth for orth in set(orths) if _gated(doc, orth)}
    for i, orth in enumerate(orths):
        if orth not in gated:
            continue
        cased = orth != lowers[i]
        for start in (i - 1, i) if i > 0 else (i,):
            raw = ""
            for j in range(start + 1, min(n, start + _MAX_NGRAM) + 1):
                last = j - 1
                if last > start:
                    raw += " " if spaced[last - 1] else ""
                raw += strings[orths[last]]  # == doc.text[start token : end of last token]
                name = _normalised(raw)
                found = index.codes.get(name)
                if found is not None and (cased or name in index.uncased):
                    seen.update(found)
                    leader = leader or (cased and name in index.leaders)
                # a whole word that no name continues with: longer n-grams cannot match
                if alpha[last] and spaced[last] and name not in index.prefixes:
                    break
    return seen, leader


class _Columns:
    """A Doc's token attributes as lists, read once without creating Token objects."""

    __slots__ = ("alpha", "lowers", "orths", "present", "spaced")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IS_ALPHA, LOWER, ORTH, SPACY

        array = doc.to_array([ORTH, LOWER, IS_ALPHA, SPACY]).reshape(len(doc), 4)
        self.orths: list[int] = array[:, 0].tolist()
        self.lowers: list[int] = array[:, 1].tolist()
        self.alpha: list[int] = array[:, 2].tolist()
        self.spaced: list[int] = array[:, 3].tolist()
        self.present: set[int] = set(self.lowers)


def states_named(doc: Doc, *, enough: int = 2) -> int:
    """How many distinct states ``doc`` may name, counting up to ``enough`` (a cap).

    Works on a tokenized-only Doc. Counts every code any matching name could take, so the
    result is never below the number of states bilat's actor resolver would find.
    Returns ``enough`` when the gazetteers cannot be read.
    """
    if gazetteer_index() is None:
        return enough
    return min(enough, len(_scan_states(doc, _Columns(doc))[0]))


@cache
def _lexicon(event_type: str) -> TriggerLexicon | None:
    from bilat.triggers import load_lexicon

    try:
        return load_lexicon(event_type)
    except FileNotFoundError:
        return None


_Sequences = dict[int, list[tuple[frozenset[int], ...]]]


@cache
def _sequences(event_type: str) -> _Sequences:
    """The lexicon's entries as word-hash sequences, by the hash of their first word."""
    from spacy.strings import get_string_id

    lexicon = _lexicon(event_type)
    assert lexicon is not None
    out: _Sequences = {}
    for entry in lexicon.entries:
        steps = tuple(frozenset(get_string_id(f) for f in step) for step in entry.sequence)
        for first in steps[0]:
            out.setdefault(first, []).append(steps)
    return out


@cache
def _person_cue_ids() -> frozenset[int]:
    """Hashes of the title words every titled person mention needs ("minister", ...)."""
    from spacy.strings import get_string_id

    try:
        from bilat.actors.document import TITLE_HEADS
    except ImportError:  # pragma: no cover - the actors package changed shape
        return frozenset()
    return frozenset(get_string_id(w) for w in TITLE_HEADS)


def _has_trigger(event_type: str, cols: _Columns) -> bool:
    """Whether an entry of the type's lexicon matches the lower-cased word forms (as
    :meth:`bilat.triggers.TriggerLexicon.find` does, with no part-of-speech check)."""
    if _lexicon(event_type) is None:  # no lexicon: the extractor may use anything: keep
        return True
    sequences = _sequences(event_type)
    firsts = cols.present.intersection(sequences)
    if not firsts:
        return False
    if any(len(steps) == 1 for first in firsts for steps in sequences[first]):
        return True
    lowers = cols.lowers
    n = len(lowers)
    for i, lower in enumerate(lowers):
        if lower not in firsts:
            continue
        for steps in sequences[lower]:
            k = len(steps)
            if i + k <= n and all(lowers[i + m] in steps[m] for m in range(1, k)):
                return True
    return False


def possible_types(doc: Doc, types: Iterable[str] | None = None) -> tuple[str, ...]:
    """The event types ``doc`` (tokenized; a parsed Doc works too) could hold, in order.

    Args:
        doc: a ``Doc`` from ``nlp.make_doc(text)`` (or a fully processed one).
        types: the event types to consider; all of :data:`bilat.events.EVENT_TYPES` by default.

    An empty result means no bilat extractor can find an event in the document.
    """
    from bilat.events import EVENT_TYPES

    wanted = tuple(EVENT_TYPES) if types is None else tuple(types)
    cols = _Columns(doc)
    present = cols.present
    triggered = {t for t in wanted if _has_trigger(t, cols)}
    if gazetteer_index() is None:
        return tuple(t for t in wanted if t in triggered or t in _TRIGGERLESS)
    if not triggered and not any(t in _TRIGGERLESS for t in wanted):
        return ()
    codes, leader = _scan_states(doc, cols)
    out = []
    for t in wanted:
        if len(codes) < MIN_STATES.get(t, 1):
            continue
        # visits of officials "in" a foreign city need no trigger word, only a person:
        # a titled one ("Foreign Minister X") or a leader the leaders file names
        if t in triggered or (
            t in _TRIGGERLESS and (leader or not present.isdisjoint(_person_cue_ids()))
        ):
            out.append(t)
    return tuple(out)


_TRIGGERLESS = frozenset({"visit"})
"""Types with a rule that needs no trigger word (see :func:`possible_types`)."""


def could_hold_events(doc: Doc, types: Iterable[str] | None = None) -> bool:
    """``True`` unless ``doc`` surely holds no event of ``types`` (:func:`possible_types`)."""
    return bool(possible_types(doc, types))
