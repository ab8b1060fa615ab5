"""Strike roles: whose forces (``attacker_country``) use force on which state (``target_country``).

Triggers and word lists live in ``bilat/event_types/strike/lexicon.json``; each trigger's label is
the strike ``kind`` and its ``strength`` says whether the word is military by itself
("airstrike", "shelling", "incursion": *strong*) or only with a military actor and a
physical target ("attack", "hit", "strike", "raid": *weak*).

Attacker, from syntax:

* verbs: the subject ("Pakistani aircraft bombed ..."), or the passive agent ("was hit by
  Iranian gunboats");
* nouns: the possessor ("Turkey's incursion"), a demonym/country modifier ("US airstrikes",
  "US-led invasion"), a "by"/"from" phrase ("bombardment by Pakistani military aircraft"),
  or the subject of a light verb the noun is the object of ("US aircraft carried out
  strikes", "Turkey launched an offensive").

Non-state groups are never attackers. A weak trigger needs a state or military attacker
("Iran attacked ...", "Israeli jets raided ...") and a physical target.

Target, from syntax: a ship, aircraft or force of state B ("a Saudi supertanker", "a Russian
military jet": the flag state), else the territory named by the object or an "in/on/into/
against/at/near" phrase (a place inside B counts as B: "in Afghanistan's Paktika province",
"an attack on Mosul"), else a demonym on the object ("Pakistani villages"). A strike whose
territory is the attacker's own is domestic and dropped ("Syrian government airstrikes on
Daraa"). The attacker may be unknown only for a passive verb with a clear target ("Kharg
island was hit"); such a mention takes the attacker of a stated strike on the same target in
the document, if there is exactly one.

Attributes: ``kind`` from the trigger (a bombardment by aircraft is ``air``); ``killed`` and
``injured`` from a casualty phrase in the same sentence or the next ("killed at least 46
people", "more than 30 people ... were killed", "46 dead"); ``location`` from the named place
in the target phrase. Modality: ``claimed`` when a party to the strike (attacker or target
state, or one of its bodies or people) reports it through a reporting verb ("the Afghan
Taliban said bombardment by Pakistani aircraft ..."), with ``claimed_by``; ``planned`` for
threatened, planned or future operations; ``negated`` for a negation on the trigger or its
light verb, ``denied`` (with ``claimed_by``) when a party denies it through a denying verb;
these are the tree checks of :mod:`bilat.syntax.modality`. Hypothetical strikes ("a US
strike could trigger ...", "if Israel attacks ...") are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.strike.hedges import (
    _hypothetical,
)
from bilat.event_types.strike.mentions import (
    _strike_mentions,
)
from bilat.event_types.strike.records import (
    _Found,
)
from bilat.event_types.strike.sides import (
    _counter_strike,
)
from bilat.event_types.strike.words import (
    ANAPHOR_SPAN,
    REFERENCE_WORDS,
)
from bilat.events import Event, Strike
from bilat.triggers import load_lexicon
from bilat.values import Place

if TYPE_CHECKING:

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_strikes"]


def _fill_unknown_attackers(found: list[Strike]) -> list[Strike]:
    """Give a mention with no stated attacker the attacker of a stated strike on the same
    target, when the document names exactly one."""
    known: dict[str, set[str]] = {}
    for event in found:
        if event.attacker_country is not None and event.target_country is not None:
            known.setdefault(event.target_country, set()).add(event.attacker_country)
    out: list[Strike] = []
    for event in found:
        if event.attacker_country is None and event.target_country is not None:
            attackers = known.get(event.target_country, set())
            if len(attackers) == 1:
                event = attrs.evolve(event, attacker_country=next(iter(attackers)))
        out.append(event)
    return out


def _repaired(trigger: Trigger) -> Trigger:
    """A strike noun the tagger took for an adjective of a direction word ("launched a new
    offensive east of Kharkiv": "offensive" as an adjective of "east") stands for the
    phrase the direction word heads, which takes the verb and the "of" place."""
    head = trigger.head
    if head.dep_ == "amod" and head.pos_ == "ADJ" and head.head.lower_ in REFERENCE_WORDS \
            and head.head.dep_ in {"dobj", "obj", "pobj", "nsubj", "nsubjpass"}:
        return attrs.evolve(trigger, head=head.head)
    return trigger


def extract_strikes(context: DocumentContext) -> list[Event]:
    """Every strike mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("strike")
    found: list[_Found] = []
    # the last strike's sentence number, end and attacker
    last: tuple[int, int, ActorMention] | None = None
    for number, sent in enumerate(context.sentences):
        for found_trigger in lexicon.find(sent):
            trigger = _repaired(found_trigger)
            # (a strike across text left unparsed is further back than the sentences count)
            antecedent = last[2] if last is not None and number - last[0] <= ANAPHOR_SPAN \
                and not context.left_out_between(last[1], sent.start_char) else None
            got = [_continued(f, found) for f in _strike_mentions(context, trigger, antecedent)]
            if not _hypothetical(trigger):
                got.extend(_counter_strike(context, trigger, got, antecedent))
            found.extend(got)
            named = next((f.attacker for f in got if f.attacker is not None), None)
            if named is not None:
                last = (number, sent.end_char, named)
    found = _without_reversed(found)
    filled = _fill_unknown_attackers([f.event for f in found])
    # a bare noun ("the assault on Afrin") the document attributes to no one is dropped
    kept = [(event, f) for event, f in zip(filled, found, strict=True)
            if not (f.unattributed and event.attacker_country is None)]
    return list(_best_locations([event for event, _ in kept],
                                [f.reference for _, f in kept],
                                [f.unattributed for _, f in kept]))


def _without_reversed(found: list[_Found]) -> list[_Found]:
    """Drop a strike read from a demonym before a strike noun that names no target ("the
    Libyan bombing") when the document states the strike the other way round (US planes
    bombing Libya): the demonym names the target's side there, not the attacker."""
    stated = {(f.event.attacker_country, f.event.target_country)
              for f in found if not f.modifier_only}
    return [f for f in found if not (
        f.modifier_only and (f.event.target_country, f.event.attacker_country) in stated)]


def _continued(mention: _Found, before: list[_Found]) -> _Found:
    """A follow-up by the same forces ("The planes attacked Palestinian targets in ...")
    whose target is only a demonym is the strike just reported on a named territory: it
    takes that strike's target state."""
    if not mention.anaphoric or mention.territorial:
        return mention
    event = mention.event
    previous = next((f for f in reversed(before)
                     if f.event.attacker_country == event.attacker_country), None)
    if previous is None or not previous.territorial or previous.event.target_country is None:
        return mention
    country = previous.event.target_country
    location = event.location
    if location is not None:
        location = Place(name=location.name, country=country)
    return attrs.evolve(mention, event=attrs.evolve(event, target_country=country,
                                                    location=location), territorial=True)


def _best_locations(events: list[Strike], references: list[bool],
                    borrowed: list[bool] | None = None) -> list[Strike]:
    """Give every mention of one strike (same attacker and target) the place the document
    names for it first, preferring a place named outright over a reference point ("targets
    east of Sidon" then "targets in the Darb al-Sim area": Darb al-Sim), and a mention that
    names the attacker over one that got it from another mention (``borrowed``)."""
    if borrowed is None:
        borrowed = [False] * len(events)
    best: dict[tuple[str | None, str | None], tuple[Place, tuple[bool, bool]]] = {}
    for event, reference, lent in zip(events, references, borrowed, strict=True):
        if event.location is None:
            continue
        key = (event.attacker_country, event.target_country)
        held = best.get(key)
        rank = (lent, reference)
        if held is None or rank < held[1]:
            best[key] = (event.location, rank)
    out: list[Strike] = []
    for event in events:
        chosen = best.get((event.attacker_country, event.target_country))
        if chosen is not None and chosen[0] != event.location:
            event = attrs.evolve(event, location=chosen[0])
        out.append(event)
    return out
