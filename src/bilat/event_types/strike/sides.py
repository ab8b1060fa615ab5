"""Strikes of both sides: two-sided fighting, ceasefire violations and counter-strikes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.attacker import (
    _attacker,
    _first_force,
    _noun_agent_phrases,
)
from bilat.event_types.strike.figures import (
    _casualties,
)
from bilat.event_types.strike.hedges import (
    _claimant,
    _negated,
    _planned,
)
from bilat.event_types.strike.phrases import (
    _is_military,
    _verbal_trigger,
)
from bilat.event_types.strike.records import (
    _Found,
    _Target,
)
from bilat.event_types.strike.targets import (
    _loose_place,
    _possessed_target,
    _preps,
    _target_phrases,
    _targets,
)
from bilat.event_types.strike.words import (
    FORCES_KINDS,
    TERRITORY_KINDS,
    _words,
)
from bilat.events import Strike
from bilat.syntax.agents import (
    acting_subjects,
    sides,
)
from bilat.values import Modality, Place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _violation(context: DocumentContext, trigger: Trigger) -> list[_Found]:
    """A ceasefire violation: force used across a truce line ("Pakistan violated the
    ceasefire", "ceasefire violations by Indian troops", "the truce was breached by ...").
    The violator (the subject of the verb, or the agent of the violation noun) is the
    attacker, a state or its forces; the target is the state the text names as hit, else
    the one other state named in the sentence (the side that reports it)."""
    head = trigger.head
    violate = _words().violate
    node = head.head
    agents: list[Token] = []
    if head.dep_ in {"dobj", "obj"} and node.lower_ in violate and node.pos_ == "VERB":
        agents = acting_subjects(node)
    elif head.dep_ == "nsubjpass" and node.lower_ in violate:
        agents = [o for c in node.children if c.dep_ == "agent"
                  for o in c.children if o.dep_ == "pobj"]
    elif head.dep_ in {"compound", "amod", "nmod"} and node.lower_ in violate:
        modifiers, by_phrases, light = _noun_agent_phrases(node)
        agents = [m for m in modifiers if m != head] + by_phrases + light
    else:
        return []
    attacker = _first_force(context, agents)
    if attacker is None:
        return []
    phrases = _preps(node) + _preps(head)
    targets = [t for t in _targets(context, phrases, True)
               if t.mention.country != attacker.country]
    if not targets:
        targets = _possessed_target(context, phrases, attacker.country)
    if not targets:
        sent = head.sent
        others = {m.country: m for m in context.actors.within(sent.start, sent.end)
                  if m.kind in FORCES_KINDS | TERRITORY_KINDS and m.country != attacker.country}
        if len(others) != 1:
            return []
        targets = [_Target(next(iter(others.values())), None)]
    sent = head.sent
    parties = {attacker.country} | {t.mention.country for t in targets}
    claimed_by = _claimant(context, trigger, parties)
    killed, injured = _casualties(context, sent)
    date = context.date_for(node, sent, fallback=True)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    return [_Found(Strike(attacker_country=attacker.country,
                          target_country=target.mention.country, kind="unspecified",
                          killed=killed, injured=injured, location=target.location,
                          date=date, modality=Modality.ASSERTED if claimed_by is None
                          else Modality.CLAIMED, claimed_by=claimed_by, evidence=evidence,
                          rule=f"strike.{trigger.entry.id}"), False, attacker)
            for target in targets]


def _two_sided(context: DocumentContext, trigger: Trigger) -> list[_Found]:
    """A reciprocal fight between the forces of two states ("Indian and Pakistani troops
    exchanged fire", "Afghan forces clashed with Pakistani border guards"): two strikes,
    one each way. The sides must be forces (a military noun among the words before the
    verb) or states named as such ("India and Pakistan exchanged fire"); "clashed" needs
    the forces ("India and China clashed over trade" is words)."""
    head = trigger.head
    tokens = sides(head)
    parties: list[ActorMention] = []
    for token in tokens:
        mention = context.actor_at(token.i)
        if mention is not None and mention.kind in FORCES_KINDS and \
                all(p.country != mention.country for p in parties):
            parties.append(mention)
    if len(parties) != 2:
        return []
    forces = any(_is_military(t) for t in tokens if t.i < head.i)
    states = all(p.kind in {"country", "capital", "body"} for p in parties)
    if not forces and (trigger.entry.id == "clash" or not states):
        return []
    sent = head.sent
    modality = Modality.NEGATED if _negated(trigger) else (
        Modality.PLANNED if _planned(context, trigger) else Modality.ASSERTED)
    place = _loose_place(context, _preps(head))
    date = context.date_for(head, sent, tense="future" if modality is Modality.PLANNED
                            else None, fallback=modality is Modality.ASSERTED)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    out: list[_Found] = []
    for attacker, target in ((parties[0], parties[1]), (parties[1], parties[0])):
        event = Strike(attacker_country=attacker.country, target_country=target.country,
                       kind=trigger.label if trigger.label != "unspecified" else "ground",
                       location=None if place is None else Place(name=place[0],
                                                                 country=None),
                       date=date, modality=modality, evidence=evidence,
                       rule=f"strike.{trigger.entry.id}")
        out.append(_Found(event, False, attacker))
    return out


def _counter_strike(context: DocumentContext, trigger: Trigger, own: list[_Found],
                    antecedent: ActorMention | None) -> list[_Found]:
    """Force used to repel an attack: "Iraqi forces repulsed the attack, killing thousands of
    Iranians", "they crushed a new Iranian offensive near Basra". The defender (subject of
    the repelling verb, a state or its forces) strikes the forces of the attack's own
    attacker: the attacker of the strike the noun itself reports (``own``), else, for a
    noun naming no one ("the attack"), of the strike just reported (``antecedent``)."""
    head = trigger.head
    if _verbal_trigger(trigger) or head.dep_ not in {"dobj", "obj", "nsubjpass"}:
        return []
    verb = head.head
    if verb.lower_ not in _words().repel:
        return []
    if head.dep_ == "nsubjpass":
        defenders = [o for c in verb.children if c.dep_ == "agent"
                     for o in c.children if o.dep_ == "pobj"]
    else:
        defenders = acting_subjects(verb)
    defender = _first_force(context, defenders)
    if defender is None:
        return []
    owner = next((f.attacker for f in own if f.attacker is not None), None)
    if owner is None:
        named, _, named_token = _attacker(context, trigger)
        if named is None and named_token is None:
            owner = antecedent  # "repulsed the attack": the strike just reported
        elif _target_phrases(trigger, named_token):
            return []  # "blocked the French attack on the rules": its target is no place
        else:
            owner = named  # "crushes new Iranian offensive"
    if owner is None or owner.country == defender.country or owner.kind == "person":
        return []
    sent = head.sent
    places = _targets(context, _preps(head) + _preps(verb), False)
    location = next((t.location for t in places if t.location is not None), None)
    parties = {defender.country, owner.country}
    claimed_by = _claimant(context, trigger, parties)
    killed, injured = _casualties(context, sent)
    date = context.date_for(verb, sent, fallback=True)
    event = Strike(attacker_country=defender.country, target_country=owner.country,
                   kind="ground", killed=killed, injured=injured, location=location,
                   date=date, modality=Modality.ASSERTED if claimed_by is None
                   else Modality.CLAIMED, claimed_by=claimed_by,
                   evidence=(context.evidence(sent.start_char, sent.end_char),),
                   rule=f"strike.{trigger.entry.id}.repelled")
    return [_Found(event, False, defender)]
