"""A cheap test, run on the tokens alone, of whether a document can hold any bilat event.

Most news holds none of bilat's five event types, and the statistical parse (tagger, parser,
NER) is where the time goes. :func:`possible_types` looks at a document that has only been
*tokenized* (``nlp.make_doc(text)``, about 30 times faster than the full pipeline) and
returns the event types it could possibly hold. A type is possible only when both hold:

1. **a trigger**: some entry of the type's trigger lexicon
   (``bilat/event_types/<type>/lexicon.json``, read at run time through
   :func:`bilat.triggers.load_lexicon`) matches the tokens. Part-of-speech restrictions are
   ignored (there is no tagger yet), so this finds a superset of what the extractor sees.
   Visits have one rule without a trigger word (an official "in" a foreign city): for them
   a person cue also counts, i.e. a title word of :mod:`bilat.actors` ("minister",
   "president", ...) or a name from the leaders file.
   A *weak* strike trigger ("hit", "strike", "attack", "raid", "fire on": ``"strength":
   "weak"`` in the strike lexicon) is no use-of-force word by itself: the strike extractor
   takes it only with a military attacker, a state named as a country, capital or body, or
   as an agentless passive ("Kharg island was hit"), all found in its own sentence. So it
   counts only when its sentence (cut where the parser surely cuts: see
   :func:`_sentence_starts`) also holds, where an attacker can stand (before the word, or
   after a "by" or "from" that follows it), a military noun of the strike lexicon ("jets",
   "troops") or a body head of :mod:`bilat.actors` ("army", "government", which make "the
   Iraqi army" a body), or a gazetteer name whose entry is a country, capital or body (not
   a demonym, place, group or person: "Israel", "Tehran", "the Pentagon"), or a demonym
   starting at most `MODIFIER_WINDOW` tokens (of the strike extractor) before the word
   ("Israeli strikes"); or
   else a passive auxiliary (``bilat/data/prefilter.json``) shortly before it, or, for a ground
   move ("push", "cross"), the word "into" after it ("a Turkish push into ...").
   "Thunderstorms hit parts of Turin" and "the club's strike partnership" hold none of
   these.
2. **enough states**: the document names at least :data:`MIN_STATES` distinct *possible*
   states. Every n-gram that the gazetteers of :mod:`bilat.actors` know (countries,
   aliases, demonyms, capitals, bodies, groups, places, leaders' names) counts with *every*
   code it could take (all eras, all leaders bearing the name), so the count can only be too
   high, never too low. A leader's surname that the leaders file calls ambiguous ("Fischer",
   "Brown", "Kim") counts only in a document with a title word, as the resolver takes it for
   the leader only after a title ("Foreign Minister Fischer"); a sports team's name
   ("Real Madrid", "Leeds United", :mod:`bilat.actors.teams`) does not count at all.
   Where a type's roles cannot be filled by a mere place (a city or
   region of the places table, or a countries-table entry of kind ``place``), only the
   other names count for them (:data:`MIN_ACTORS`): the parties of an agreement and the
   two sides of a trade figure are states named as countries, demonyms, capitals, bodies,
   groups or people, and so is a visitor (the host may be any place). Place names can
   only ever become ``place`` mentions in :class:`bilat.actors.DocumentActors`, so "Munich"
   and "Porto" in a sports report give no agreement, however many "deals" it mentions.

Both tests are conservative: when in doubt (a missing lexicon, gazetteer tables that cannot
be read) the type stays possible. A document for which no type is possible is not parsed
at all by :class:`bilat.Extractor` (pass ``prefilter=False`` to switch this off); the test
suite checks on the development set that the filter loses no event.

Compiled lexicons and the gazetteer index are built once per process and cached.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from bilat.event_types import PrefilterNeeds
    from bilat.triggers import TriggerLexicon

__all__ = [
    "MIN_ACTORS",
    "MIN_STATES",
    "GazetteerIndex",
    "could_hold_events",
    "possible_types",
    "ruled_out",
    "states_named",
]

log = logging.getLogger(__name__)

def _needs(event_type: str) -> PrefilterNeeds:
    """The pre-filter needs of a type's registered spec (the defaults for an unknown type)."""
    from bilat.event_types import PrefilterNeeds, find

    spec = find(event_type)
    return PrefilterNeeds() if spec is None else spec.prefilter


class _NeedByType(Mapping[str, int]):
    """One of the registry's pre-filter needs by type name, read on access (so a type
    registered later is in it, and importing this module loads no spec)."""

    def __init__(self, field: str) -> None:
        self._field = field

    def _value(self, event_type: str) -> int:
        from bilat.event_types import find

        spec = find(event_type)
        value = 0 if spec is None else int(getattr(spec.prefilter, self._field))
        if not value:
            raise KeyError(event_type)
        return value

    def __getitem__(self, event_type: str) -> int:
        return self._value(event_type)

    def __iter__(self) -> Iterator[str]:
        from bilat.event_types import specs

        return (s.name for s in specs() if getattr(s.prefilter, self._field))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return repr(dict(self))


MIN_STATES: Mapping[str, int] = _NeedByType("min_states")
"""Distinct states an event of each type needs (``PrefilterNeeds.min_states`` of its spec in
:mod:`bilat.event_types`); any other type needs one."""

MIN_ACTORS: Mapping[str, int] = _NeedByType("min_actors")
"""Of those, how many must be named by something other than a mere place
(``PrefilterNeeds.min_actors``; types that need none are left out). A place name resolves
only to a ``place`` mention, which these roles never take."""

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
        actor_codes: for names that may be more than a mere place (countries-table entries
            of any kind but ``place``, leaders' names), the codes they may take as such.
        pending: ambiguous names ("Korea", "Georgia") with the codes they take when the
            rest of the document names one of them (in any way: a place will do).
        attackers: the names whose countries-table entry may make a country, capital or
            body mention (the state attackers a weak strike trigger accepts without a
            military noun).
        not_team_after: names with a countries-table entry that is not a capital or a place
            (a country, demonym, body ...): words after them ("United") never make them part
            of a sports team's name (:mod:`bilat.actors.teams`).
        titled_leaders: the leaders' surnames that the leaders file calls ambiguous
            ("Fischer", "Brown", "Kim"), with their leaders' states. The actor resolver
            takes them for a leader only after a title ("Foreign Minister Fischer"), so
            they count only in a document with a title word; they are not in ``codes``,
            ``actor_codes`` or ``leaders`` (any other entry of the same name is).
    """

    codes: dict[str, frozenset[str]]
    first_words: frozenset[str]
    uncased: frozenset[str]
    uncased_first_words: frozenset[str]
    prefixes: frozenset[str]
    leaders: frozenset[str]
    attackers: frozenset[str] = frozenset()
    demonyms: frozenset[str] = frozenset()
    actor_codes: dict[str, frozenset[str]] = attrs.Factory(dict)
    pending: dict[str, frozenset[str]] = attrs.Factory(dict)
    not_team_after: frozenset[str] = frozenset()
    titled_leaders: dict[str, frozenset[str]] = attrs.Factory(dict)


_NOT_ATTACKER_KINDS = frozenset({"demonym", "place", "group", "person"})
"""Entry kinds that never make a country, capital or body mention."""


def _candidates(entry: dict[str, Any]) -> set[str]:
    """The codes an ambiguous name takes from the rest of the document (none if not one)."""
    if entry.get("kind") == "place":
        return set()
    return {c for c in entry.get("candidates") or () if isinstance(c, str) and len(c) == 3}


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
        from bilat.actors.teams import AFTER_KINDS

        norm = gz.normalise
        codes: dict[str, set[str]] = {}
        actor_codes: dict[str, set[str]] = {}
        pending: dict[str, set[str]] = {}
        countries = gz._countries()
        uncased: set[str] = set()
        attackers: set[str] = set()
        demonyms: set[str] = set()
        not_team_after: set[str] = set()
        # The "entries" keys are already normalised (the resolver looks them up as they are);
        # they may match lower-cased copy. The exact-case keys ("US") are normalised here.
        uncased.update(countries["entries"])
        table = [*countries["entries"].items(),
                 *((norm(key), entry) for key, entry in countries["exact"].items())]
        for key, entry in table:
            entry_codes = _entry_codes(entry)
            codes.setdefault(key, set()).update(entry_codes)
            if entry.get("kind") not in _NOT_ATTACKER_KINDS:
                attackers.add(key)
            elif entry.get("kind") == "demonym":
                demonyms.add(key)
            if entry.get("kind", "country") not in AFTER_KINDS:
                not_team_after.add(key)
            if entry.get("kind") != "place":
                actor_codes.setdefault(key, set()).update(entry_codes)
            pending.setdefault(key, set()).update(_candidates(entry))
        for key, hit in gz._places().items():
            bucket = codes.setdefault(key, set())
            if hit and isinstance(hit[0], str) and len(hit[0]) == 3:
                bucket.add(hit[0])
        leader_data = gz._leaders()
        titled: dict[str, set[str]] = {}
        leaders_named: set[str] = set()
        for key, records in leader_data["by_key"].items():
            countries_of = {r["country"] for r in records if isinstance(r.get("country"), str)}
            if key in leader_data["ambiguous_surnames"] and not _full_name(key, records):
                titled[key] = countries_of  # a leader only after a title
                continue
            leaders_named.add(key)
            codes.setdefault(key, set()).update(countries_of)
            actor_codes.setdefault(key, set()).update(countries_of)
        leaders = frozenset(leaders_named)
    except Exception:  # pragma: no cover - the actors package changed shape: keep everything
        log.warning("bilat.prefilter: cannot read the actor gazetteers; state test disabled")
        return None
    codes.pop("", None)
    actor_codes.pop("", None)
    uncased.discard("")
    names = [*codes, *titled]
    prefixes: set[str] = set()
    for name in names:
        words = name.split()
        prefixes.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return GazetteerIndex(
        codes={k: frozenset(v) for k, v in codes.items()},
        first_words=frozenset(_strip(name.split()[0]) for name in names if name) - {""},
        uncased=frozenset(uncased),
        uncased_first_words=frozenset(_strip(name.split()[0]) for name in uncased) - {""},
        prefixes=frozenset(prefixes),
        leaders=leaders,
        attackers=frozenset(attackers) - {""},
        demonyms=frozenset(demonyms) - {""},
        actor_codes={k: frozenset(v) for k, v in actor_codes.items() if v},
        pending={k: frozenset(v) for k, v in pending.items() if v and k},
        not_team_after=frozenset(not_team_after),
        titled_leaders={k: frozenset(v) for k, v in titled.items() if v},
    )


def _full_name(key: str, records: list[dict[str, Any]]) -> bool:
    """Whether ``key`` is the full name or an alias of one of ``records`` (then an
    ambiguous surname is a leader without a title too)."""
    from bilat.actors.gazetteer import normalise

    return any(normalise(r["name"]) == key
               or key in {normalise(a) for a in r.get("aliases", ())} for r in records)


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


@attrs.define(slots=True)
class _StatesNamed:
    """What :func:`_scan_states` found in a document."""

    codes: set[str] = attrs.Factory(set)  # every code any name could take
    actor_codes: set[str] = attrs.Factory(set)  # the codes of names that may be more than places
    leader: bool = False  # a leader's name is there
    attacker: bool = False  # a name that may be a country, capital or body is there
    attackers_at: list[int] = attrs.Factory(list)  # where such names start (token indices)
    demonyms_at: list[int] = attrs.Factory(list)  # where demonyms start ("Israeli strikes")


def _scan_states(doc: Doc, cols: _Columns, positions: bool = True) -> _StatesNamed:
    """Every code any gazetteer name in ``doc`` could take (all of them, and those of names
    that may be more than mere places), whether a leader is named, and whether a name that
    may be a country, capital or body is (see ``attackers``), with where each such name
    starts when ``positions`` (else only the first)."""
    index = gazetteer_index()
    assert index is not None
    strings = doc.vocab.strings  # token texts from their hashes: ``doc.text`` is slow
    orths, lowers, alpha, spaced = cols.orths, cols.lowers, cols.alpha, cols.spaced
    n = len(orths)
    found_states = _StatesNamed()
    seen, actors = found_states.codes, found_states.actor_codes
    maybe: set[str] = set()  # codes ambiguous names take if the document names them
    leader = attacker = False
    gated = {orth for orth in set(orths) if _gated(doc, orth)}
    titled = {} if cols.present.isdisjoint(_person_cue_ids()) else index.titled_leaders
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
                as_titled = titled.get(name) if cased else None
                if as_titled is not None:  # "Foreign Minister Fischer" may be in the text
                    found = as_titled if found is None else found | as_titled
                if found is not None and (cased or name in index.uncased):
                    is_leader = name in index.leaders or as_titled is not None
                    acting = index.actor_codes.get(name, _NONE)
                    if as_titled is not None:
                        acting = acting | as_titled
                    pending = index.pending.get(name, _NONE)
                    is_attacker = name in index.attackers and (positions or not attacker)
                    is_demonym = positions and name in index.demonyms
                    # the team test (a few string joins) only for a name that adds something
                    if (not seen.issuperset(found) or not actors.issuperset(acting)
                            or not maybe.issuperset(pending) or is_attacker or is_demonym
                            or (cased and is_leader and not leader)) and not (
                        cased and not is_leader
                        and _team_name(strings, cols, start, last,
                                       name not in index.not_team_after)
                    ):
                        seen.update(found)
                        actors.update(acting)
                        maybe.update(pending)
                        leader = leader or (cased and is_leader)
                        if is_attacker:
                            attacker = True
                            found_states.attackers_at.append(start)
                        if is_demonym:
                            found_states.demonyms_at.append(start)
                # a whole word that no name continues with: longer n-grams cannot match
                if alpha[last] and spaced[last] and name not in index.prefixes:
                    break
    _add_joined_states(strings, cols, index, seen, actors)
    actors.update(maybe & seen)
    found_states.leader, found_states.attacker = leader, attacker
    return found_states


_JOINED = re.compile(r"[-/\u2010\u2011\u2013]")
"""Where states written as one token join ("U.S.-British", "U.S./Japan", "Sino-Soviet")."""


def _add_joined_states(strings: Any, cols: _Columns, index: GazetteerIndex, seen: set[str],
                       actors: set[str]) -> None:
    """Add the codes of states written together as one token ("U.S.-British",
    "U.S./Japan"), which the agreement extractor reads as two parties: each part between
    hyphens or slashes that is a gazetteer name counts as that name would alone."""
    for orth in set(cols.orths):
        text = strings[orth]
        if "-" not in text and "/" not in text and "\u2013" not in text:
            continue
        parts = [part for part in _JOINED.split(text) if part]
        if len(parts) < 2:
            continue
        for part in parts:
            name = _normalised(part)
            found = index.codes.get(name)
            if found is not None and (part[:1].isupper() or name in index.uncased):
                seen.update(found)
                actors.update(index.actor_codes.get(name, _NONE))


def _team_name(strings: Any, cols: _Columns, start: int, last: int, after_allowed: bool) -> bool:
    """Whether the name over tokens ``start..last`` is part of a sports team's name, judged
    on the same text around it as :class:`bilat.actors.DocumentActors` sees."""
    from bilat.actors.teams import is_team_name

    orths, spaced = cols.orths, cols.spaced
    before = "".join(strings[orths[k]] + (" " if spaced[k] else "")
                     for k in range(max(0, start - _TEAM_CONTEXT), start))
    after = (" " if spaced[last] else "") + "".join(
        strings[orths[k]] + (" " if spaced[k] else "")
        for k in range(last + 1, min(len(orths), last + 1 + _TEAM_CONTEXT)))
    return is_team_name(before, after, after_allowed=after_allowed)


_TEAM_CONTEXT = 4
"""Tokens on each side of a name that :func:`_team_name` reads (team words have at most
three)."""


_NONE: frozenset[str] = frozenset()


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

    def window(self, start: int, end: int) -> _Columns:
        """The columns of tokens ``start..end`` only (one paragraph: :mod:`bilat.admission`)."""
        part = _Columns.__new__(_Columns)
        part.orths, part.lowers = self.orths[start:end], self.lowers[start:end]
        part.alpha, part.spaced = self.alpha[start:end], self.spaced[start:end]
        part.present = set(part.lowers)
        return part


def states_named(doc: Doc, *, enough: int = 2) -> int:
    """How many distinct states ``doc`` may name, counting up to ``enough`` (a cap).

    Works on a tokenized-only Doc. Counts every code any matching name could take, so the
    result is never below the number of states bilat's actor resolver would find.
    Returns ``enough`` when the gazetteers cannot be read.
    """
    if gazetteer_index() is None:
        return enough
    return min(enough, len(_scan_states(doc, _Columns(doc)).codes))


def _lexicon(event_type: str) -> TriggerLexicon | None:
    """The type's trigger lexicon, with the words the pipeline at work added (cached by
    :func:`bilat.triggers.load_lexicon`)."""
    from bilat.triggers import load_lexicon

    try:
        return load_lexicon(event_type)
    except FileNotFoundError:
        return None


_PLAIN, _WEAK, _WEAK_GROUND, _WEAK_WEAPON = 0, 1, 2, 3
"""How an entry's match counts: always; only with a force cue (:func:`_weak_counts`); the
same, or with "into" in the document (a weak ground move); the same, and only in a document
that names a weapon (a verb of launching, ``"needs_weapon"``: the strike extractor keeps
"fired", "sent", "dropped" only with a weapon word as what is launched, so "was sent off"
or "dropped points" in a match report is no strike; a verb that needs a weapon or aircraft
as its subject, ``"weapon_subject"``: "missiles killed")."""

_Sequences = dict[int, list[tuple[tuple[frozenset[int], ...], int]]]


def _condition(event_type: str, entry: Any) -> int:
    if not _needs(event_type).weak_triggers or entry.extra.get("strength") != "weak":
        return _PLAIN
    if entry.extra.get("needs_weapon") or entry.extra.get("weapon_subject"):
        return _WEAK_WEAPON
    return _WEAK_GROUND if entry.label == "ground" else _WEAK


def _sequences(event_type: str) -> _Sequences:
    """The lexicon's entries as word-hash sequences (with their condition), by the hash of
    their first word."""
    lexicon = _lexicon(event_type)
    assert lexicon is not None
    return _lexicon_sequences(event_type, lexicon)


@lru_cache(maxsize=64)
def _lexicon_sequences(event_type: str, lexicon: TriggerLexicon) -> _Sequences:
    return {first: [(steps, _condition(event_type, entry)) for entry, steps in bucket]
            for first, bucket in lexicon.hashed_entries().items()}


@cache
def _person_cue_ids() -> frozenset[int]:
    """Hashes of the title words every titled person mention needs ("minister", ...)."""
    from spacy.strings import get_string_id

    try:
        from bilat.actors.document import TITLE_HEADS
    except ImportError:  # pragma: no cover - the actors package changed shape
        return frozenset()
    return frozenset(get_string_id(w) for w in TITLE_HEADS)


@attrs.frozen(slots=True)
class _ForceCues:
    """Word hashes that let a weak strike trigger count (see the module docstring)."""

    force: frozenset[int]  # military nouns and body heads
    auxiliaries: frozenset[int]  # passive auxiliaries
    window: int  # how many tokens before a trigger an auxiliary may stand
    into: int
    agent_preps: frozenset[int] = frozenset()  # "by", "from": an attacker may follow them


@cache
def _force_cues() -> _ForceCues | None:
    """The cues, or ``None`` when a list cannot be read (then weak triggers always count)."""
    from spacy.strings import get_string_id

    try:
        from bilat.actors.document import BODY_HEADS
        from bilat.lexicons import shipped_type_lexicon, typed
        from bilat.lexicons.files import PrefilterFile

        own = typed("prefilter.json", PrefilterFile)
        words = set(shipped_type_lexicon("strike").word_set("military_nouns")) | set(BODY_HEADS)
        auxiliaries = {w.lower() for w in own.passive_auxiliaries}
        window = own.passive_window
    except Exception:  # pragma: no cover - a list moved: keep every weak trigger
        log.warning("bilat.prefilter: cannot read the force-word lists; weak triggers kept")
        return None
    return _ForceCues(
        force=frozenset(get_string_id(w) for w in words),
        auxiliaries=frozenset(get_string_id(w) for w in auxiliaries),
        window=window,
        into=get_string_id("into"),
        agent_preps=frozenset(get_string_id(w) for w in ("by", "from")),
    )


def _find_triggers(event_type: str, cols: _Columns) -> tuple[bool, list[tuple[int, int]]]:
    """Whether an entry of the type's lexicon that always counts matches the lower-cased word
    forms (as :meth:`bilat.triggers.TriggerLexicon.find` does, with no part-of-speech
    check), and else where conditional (weak) entries match: (token index, condition)."""
    if _lexicon(event_type) is None:  # no lexicon: the extractor may use anything: keep
        return True, []
    sequences = _sequences(event_type)
    firsts = cols.present.intersection(sequences)
    if not firsts:
        return False, []
    if any(len(steps) == 1 and condition == _PLAIN
           for first in firsts for steps, condition in sequences[first]):
        return True, []
    from bilat.triggers import sequence_at

    lowers = cols.lowers
    weapons = _weapon_words()
    armed = weapons is None or not cols.present.isdisjoint(weapons)
    weak: list[tuple[int, int]] = []
    for i, lower in enumerate(lowers):
        if lower not in firsts:
            continue
        for steps, condition in sequences[lower]:
            if sequence_at(lowers, i, steps):
                if condition == _PLAIN:
                    return True, []
                if condition == _WEAK_WEAPON:
                    if not armed:
                        continue  # nothing in the document can be what it launches
                    condition = _WEAK
                weak.append((i, condition))
    return False, weak


@cache
def _weapon_words() -> frozenset[int] | None:
    """Hashes of every weapon word of the strike lexicon (``weapon_nouns``) and aircraft word
    (``air_nouns``), lower-cased: the words the strike extractor accepts as what a verb of
    launching launches, or as the subject of a verb that needs a weapon ("warplanes
    killed")."""
    from spacy.strings import get_string_id

    try:
        from bilat.lexicons import shipped_type_lexicon

        lexicon = shipped_type_lexicon("strike")
        weapons = lexicon.groups("weapon_nouns")
        words = {w.lower() for kind in weapons.values() for w in kind}
        words |= {w.lower() for w in lexicon.words("air_nouns")}
    except Exception:  # pragma: no cover - the list moved: every launch verb counts
        log.warning("bilat.prefilter: cannot read the weapon words; launch verbs kept")
        return None
    return frozenset(get_string_id(w) for w in words)


def _sentence_starts(doc: Doc, cols: _Columns) -> list[int]:
    """Token indices where a sentence starts, cut only where the parser surely cuts too: after
    a full stop, "!" or "?" token (closing quotes may follow) before a capitalised word or an
    opening quote. A straight quote after white space opens the next sentence ('now. "We'),
    one right after the stop closes this one ('now." We'). Abbreviations ("U.S.", "Gen.")
    are single tokens, so they never cut; line breaks never cut (a headline may run into the
    first sentence)."""
    strings = doc.vocab.strings
    orths, spaced = cols.orths, cols.spaced
    stops, quotes = _sentence_marks()
    n = len(orths)
    starts = [0]
    for i, orth in enumerate(orths):
        if orth not in stops:
            continue
        j = i + 1
        # '... now."' closes the quote, then the sentence; '... now. "' opens the next one
        while j < n and orths[j] in quotes and not spaced[j - 1]:
            j += 1
        while j < n and strings[orths[j]].isspace():
            j += 1
        if j < n and j > starts[-1]:
            first = strings[orths[j]][:1]
            if first.isupper() or first in _OPENING_QUOTES:
                starts.append(j)
    return starts


_OPENING_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})


@cache
def _sentence_marks() -> tuple[frozenset[int], frozenset[int]]:
    from spacy.strings import get_string_id

    return (frozenset(get_string_id(m) for m in (".", "!", "?")),
            frozenset(get_string_id(q) for q in ('"', "\u201d", "'", "\u2019")))


def _weak_counts(hits: list[tuple[int, int]], doc: Doc, cols: _Columns,
                 named: _StatesNamed) -> bool:
    """Whether weak trigger matches may still give the extractor an event (module docstring).

    Each match needs its cue in its own sentence, as the strike extractor takes a weak word's
    attacker only from the sentence (its dependents, or "it" after a state in the sentence),
    and a bare "the planes" only with the planes in the sentence."""
    from bilat.event_types.strike.words import MODIFIER_WINDOW  # the extractor's own window

    cues = _force_cues()
    if cues is None:
        return True
    if not named.attacker and not named.demonyms_at and cols.present.isdisjoint(
            cues.force) and not (
        cues.into in cols.present and any(c == _WEAK_GROUND for _, c in hits)
    ) and cols.present.isdisjoint(cues.auxiliaries):
        return False  # no cue anywhere in the document
    starts = _sentence_starts(doc, cols)
    lowers, window, auxiliaries = cols.lowers, cues.window, cues.auxiliaries
    for i, condition in hits:
        k = bisect.bisect_right(starts, i) - 1
        begin = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(lowers)
        # who struck stands before the word (a subject, a modifier, "it" after the state) or
        # after a "by"/"from" that follows it ("strikes by Israeli jets")
        agent = next((j for j in range(i + 1, end) if lowers[j] in cues.agent_preps), end)
        stands = [*range(begin, i), *range(agent + 1, end)]
        if any(begin <= a < i or agent < a < end for a in named.attackers_at):
            return True
        # a demonym just before the word may be the state's own strike ("Israeli strikes")
        if any(max(begin, i - MODIFIER_WINDOW) <= a < i for a in named.demonyms_at):
            return True
        if any(lowers[p] in cues.force for p in stands):
            return True
        if condition == _WEAK_GROUND and cues.into in lowers[i:end]:
            return True
        if any(lowers[j] in auxiliaries for j in range(max(0, i - window), i)):
            return True
    return False


def possible_types(doc: Doc, types: Iterable[str] | None = None) -> tuple[str, ...]:
    """The event types ``doc`` (tokenized; a parsed Doc works too) could hold, in order.

    Args:
        doc: a ``Doc`` from ``nlp.make_doc(text)`` (or a fully processed one).
        types: the event types to consider; every registered one (:mod:`bilat.event_types`)
            by default.

    An empty result means no bilat extractor can find an event in the document;
    :func:`ruled_out` says why.
    """
    return tuple(t for t, why in _screen(doc, types, explain=False).items() if why is None)


def ruled_out(doc: Doc, types: Iterable[str] | None = None) -> dict[str, str]:
    """Why the pre-filter rules out each event type it rules out for ``doc``.

    The answer to an empty :class:`bilat.Extraction`: the document was not parsed for
    these types, and each reason names the test that failed (see the module docstring).
    Types missing from the result were possible, so the extractors ran and found nothing.

    >>> import spacy
    >>> why = ruled_out(spacy.blank("en").make_doc("Heavy rain hit Turin on Monday."))
    >>> why["deportation"]
    'no trigger word of the deportation lexicon'
    """
    return {t: why for t, why in _screen(doc, types, explain=True).items() if why is not None}


def _articled(event_type: str) -> str:
    """The type's name with its article ("an agreement"), for the reasons."""
    from bilat.event_types import find

    spec = find(event_type)
    return f"a {event_type}" if spec is None else spec.article

_NO_REASON = "ruled out"
"""The reason :func:`possible_types` records when it is not asked to explain."""


def _screen(doc: Doc, types: Iterable[str] | None, explain: bool) -> dict[str, str | None]:
    """Each wanted type with ``None`` when possible, else why not (a fixed string unless
    ``explain``)."""
    from bilat.event_types import names

    wanted = names() if types is None else tuple(types)
    triggerless = _triggerless(wanted)
    cols = _Columns(doc)
    present = cols.present
    triggered: set[str] = set()
    weak: dict[str, list[tuple[int, int]]] = {}
    for t in wanted:
        plain, hits = _find_triggers(t, cols)
        if plain:
            triggered.add(t)
        elif hits:
            weak[t] = hits

    def no_trigger(t: str) -> str:
        if not explain:
            return _NO_REASON
        if t in weak:
            return ("only weak strike words, none with an attacker, force or passive "
                    "where its sentence could name one")
        if t in triggerless:
            return (f"no trigger word of the {t} lexicon, and no title word or leader's "
                    "name for an official abroad")
        return f"no trigger word of the {t} lexicon"

    if _no_state_count():
        triggered.update(weak)
        return {t: None if t in triggered or t in triggerless else no_trigger(t)
                for t in wanted}
    if not triggered and not weak and not any(t in triggerless for t in wanted):
        return {t: no_trigger(t) for t in wanted}
    named = _scan_states(doc, cols, positions=bool(weak))
    leader = named.leader
    triggered.update(t for t, hits in weak.items() if _weak_counts(hits, doc, cols, named))
    out: dict[str, str | None] = {}
    for t in wanted:
        needs = _needs(t)
        states, actors = needs.min_states, needs.min_actors
        # visits of officials "in" a foreign city need no trigger word, only a person:
        # a titled one ("Foreign Minister X") or a leader the leaders file names
        reasons = [] if t in triggered or (
            t in triggerless and (leader or not present.isdisjoint(_person_cue_ids()))
        ) else [no_trigger(t)]
        if len(named.codes) < states:
            reasons.append(f"it names {len(named.codes)} possible state(s) and "
                           f"{_articled(t)} needs {states}")
        elif len(named.actor_codes) < actors:
            reasons.append(f"it names {len(named.actor_codes)} state(s) as more than a mere "
                           f"place and {_articled(t)} needs {actors}")
        if not reasons:
            out[t] = None
        else:
            out[t] = "; ".join(reasons) if explain else _NO_REASON
    return out


def _triggerless(types: Iterable[str]) -> frozenset[str]:
    """Those of ``types`` with a rule that needs no trigger word (``PrefilterNeeds.triggerless``:
    visits, see :func:`possible_types`)."""
    return frozenset(t for t in types if _needs(t).triggerless)


def _no_state_count() -> bool:
    """Whether states cannot be counted: the gazetteers cannot be read, or the pipeline at
    work added names of its own (:class:`bilat.lexicons.Additions`), which no index here
    holds; then only trigger words decide."""
    from bilat.lexicons import active

    extra = active()
    return gazetteer_index() is None or (extra is not None and extra.adds_names)


def could_hold_events(doc: Doc, types: Iterable[str] | None = None) -> bool:
    """``True`` unless ``doc`` surely holds no event of ``types`` (:func:`possible_types`)."""
    return bool(possible_types(doc, types))
