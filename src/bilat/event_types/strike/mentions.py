"""The strike mentions of one trigger, step by step: read the attacker, admit it, find the
targets, build one event per target."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.strike.attacker import (
    _agentless_noun,
    _anonymous_agent,
    _attacker,
    _co_attackers,
    _coordinated,
    _state_modifier,
    _state_move_into,
    _weapon_fired,
    _weapon_subject,
)
from bilat.event_types.strike.figures import (
    _casualties,
    _kind,
)
from bilat.event_types.strike.hedges import (
    _claimant,
    _excluded,
    _hypothetical,
    _negated,
    _planned,
)
from bilat.event_types.strike.phrases import (
    _bare_forces,
    _is_military,
    _verbal_trigger,
)
from bilat.event_types.strike.records import (
    _Found,
    _Reading,
    _Target,
)
from bilat.event_types.strike.sides import (
    _two_sided,
    _violation,
)
from bilat.event_types.strike.targets import (
    _possessed_target,
    _target_phrases,
    _targets,
)
from bilat.event_types.strike.theatre import (
    _document_theatre,
    _theatre,
)
from bilat.event_types.strike.words import (
    DENYING_VERBS,
    TERRITORY_KINDS,
    _words,
)
from bilat.events import Strike
from bilat.syntax.arguments import pp_objects
from bilat.syntax.clauses import is_passive
from bilat.triggers import load_lexicon
from bilat.values import Actor, Count, Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _special_mentions(context: DocumentContext, trigger: Trigger) -> list[_Found] | None:
    """The mentions of a trigger read by its own rule (two-sided fighting, a ceasefire
    violation) or none at all (excluded or hypothetical); ``None`` for an ordinary one."""
    if _excluded(trigger) or _hypothetical(trigger):
        return []
    if trigger.entry.extra.get("two_sided"):
        return _two_sided(context, trigger)
    if trigger.entry.extra.get("violation"):
        return _violation(context, trigger)
    return None


def _with_antecedent(reading: _Reading, antecedent: ActorMention | None) -> _Reading:
    """"Israeli jets bombed ... . The planes attacked targets in ...": bare forces are the
    forces of the strike just reported; and a person is no attacker of a weak word ("the
    president attacked the plan": words, not force)."""
    attacker = reading.attacker
    if attacker is None and antecedent is not None and reading.token is not None and \
            reading.military and _bare_forces(reading.token):
        attacker = antecedent
    anaphoric = attacker is not None and attacker is antecedent
    if attacker is not None and attacker.kind == "person" and reading.weak:
        attacker = None
    return attrs.evolve(reading, attacker=attacker, anaphoric=anaphoric)


def _unknown_attacker_allowed(context: DocumentContext, trigger: Trigger,
                              reading: _Reading) -> bool:
    """Unknown attackers only for an agentless passive ("Kharg was hit"), one done by an
    anonymous weapon ("struck by a drone"), or a bare noun ("the assault on Afrin") that a
    stated strike on the same target attributes."""
    if reading.unattributed:
        return True
    head = trigger.head
    if not (_verbal_trigger(trigger) and is_passive(head)):
        return False
    return (reading.token is None and not pp_objects(head, ["by"])
            and not any(c.dep_ == "agent" for c in head.children)) or \
        _anonymous_agent(context, head)


def _admitted(context: DocumentContext, trigger: Trigger, reading: _Reading) -> _Reading | None:
    """The reading if its attacker may make a strike of the trigger, else ``None``: a weak
    word needs a state or military attacker (or is an agentless passive); civilians
    ("tourists from Germany invaded the beaches") attack no one."""
    attacker, token, weak = reading.attacker, reading.token, reading.weak
    if weak and attacker is None and not (_verbal_trigger(trigger) and is_passive(trigger.head)):
        return None
    if token is not None and token.lower_ in _words().civilians:
        return None
    if weak and attacker is not None and not reading.military and attacker.kind not in {
            "country", "capital"} and not _state_move_into(context, trigger, token) \
            and not _state_modifier(context, trigger, token):
        return None
    unattributed = attacker is None and not weak and _agentless_noun(context, trigger)
    reading = attrs.evolve(reading, unattributed=unattributed)
    if attacker is None and not _unknown_attacker_allowed(context, trigger, reading):
        return None
    return reading


def _strike_targets(context: DocumentContext, trigger: Trigger, reading: _Reading,
                    phrases: list[Token], fired: str | None) -> list[_Target]:
    """The targets of a strike: named in its phrases, possessed by the attacker's
    enemy, else (for a stated attacker) the theatre of its sentence or its article."""
    attacker, weak = reading.attacker, reading.weak
    # a launched weapon is force enough: any phrase naming a place is a target
    targets = _targets(context, phrases, weak and fired is None)
    if not targets and attacker is not None:
        targets = _possessed_target(context, phrases, attacker.country)
    if reading.unattributed:
        targets = [t for t in targets if t.mention.kind in TERRITORY_KINDS]
    if not targets and attacker is not None and not trigger.entry.extra.get("no_theatre") and (
            not weak or (reading.military and reading.token is not None and
                         _is_military(reading.token))):
        # (what is shot down is an aircraft: its state, not the place, is the target)
        # a weak word counts only with a military attacker, and only in its own sentence
        # a weak word hitting a physical target ("jets hit 20 targets") may take the state
        # the sentence before names
        physical = any(p.lower_ in _words().targets | _words().ships for p in phrases)
        targets = _theatre(context, trigger, attacker.country,
                           2 if not weak else 1 if physical else 0, placed=weak)
        if not targets and not weak:
            targets = _document_theatre(context, trigger, attacker.country)
    return targets


def _strike_modality(context: DocumentContext, trigger: Trigger, parties: set[str]
                     ) -> tuple[Modality, Actor | None]:
    """Negated, planned, denied or claimed (with who denies or claims), else asserted."""
    if _negated(trigger):
        return Modality.NEGATED, None
    if _planned(context, trigger):
        return Modality.PLANNED, None
    claimed_by = _claimant(context, trigger, parties, DENYING_VERBS)
    if claimed_by is not None:
        return Modality.DENIED, claimed_by
    claimed_by = _claimant(context, trigger, parties)
    if claimed_by is not None:
        return Modality.CLAIMED, claimed_by
    return Modality.ASSERTED, None


def _needed_weapon(trigger: Trigger) -> tuple[bool, str | None]:
    """Whether the trigger needs a weapon (launched: "fired missiles"; as its subject:
    "missiles killed"), and the kind of the weapon found there."""
    if trigger.entry.extra.get("needs_weapon"):
        return True, _weapon_fired(trigger)
    if trigger.entry.extra.get("weapon_subject"):
        return True, _weapon_subject(trigger)
    return False, None


def _may_report_strike(trigger: Trigger) -> bool:
    """Whether a strike word may report a strike: not "killed" with no weapon as its
    subject ("At least 14 people were killed")."""
    return not trigger.entry.extra.get("weapon_subject") or _weapon_subject(trigger) is not None


def _strike_casualties(context: DocumentContext, sent: Span) -> tuple[Count | None, Count | None]:
    """The killed and injured of a strike: in its sentence, else in the next one when that
    one reports no strike of its own."""
    killed, injured = _casualties(context, sent)
    following = context.next_sentence(sent) if killed is None and injured is None else None
    if following is not None and not any(_may_report_strike(t)
                                         for t in load_lexicon("strike").find(following)):
        killed, injured = _casualties(context, following)
    return killed, injured


def _strike_events(context: DocumentContext, trigger: Trigger, reading: _Reading,
                   targets: list[_Target], fired: str | None
                   ) -> tuple[list[Strike], list[tuple[bool, bool]]]:
    """One strike event per target state other than the attacker's, with whether each
    target's place is only a reference point and whether it was named as a territory."""
    attacker = reading.attacker
    head = trigger.head
    sent = head.sent
    parties = {t.mention.country for t in targets}
    if attacker is not None:
        parties.add(attacker.country)
    modality, claimed_by = _strike_modality(context, trigger, parties)
    killed, injured = _strike_casualties(context, sent)
    date = context.date_for(
        head,
        sent,
        tense="future" if modality is Modality.PLANNED else None,
        fallback=modality in {Modality.ASSERTED, Modality.CLAIMED},
    )
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    out: list[Strike] = []
    references: list[tuple[bool, bool]] = []
    for target in targets:
        if attacker is not None and target.mention.country == attacker.country:
            continue
        references.append((target.reference, target.mention.kind in TERRITORY_KINDS))
        out.append(
            Strike(
                attacker_country=attacker.country if attacker is not None else None,
                target_country=target.mention.country,
                kind=fired if fired is not None else _kind(trigger, reading.token),
                killed=killed,
                injured=injured,
                location=target.location,
                date=date,
                modality=modality,
                claimed_by=claimed_by,
                evidence=evidence,
                rule=f"strike.{trigger.entry.id}",
            )
        )
    if reading.unattributed:  # it only names the place of a strike the document attributes
        out = [attrs.evolve(e, date=None, killed=None, injured=None,
                            rule=f"{e.rule}.unattributed") for e in out]
    return out, references


def _with_co_attackers(context: DocumentContext, trigger: Trigger, reading: _Reading,
                       found: list[_Found]) -> list[_Found]:
    """The mentions plus the same strike by each state said to act with the attacker."""
    attacker = reading.attacker
    if attacker is None:
        return found
    for partner in _co_attackers(context, trigger, attacker.country):
        found.extend(_Found(attrs.evolve(f.event, attacker_country=partner,
                                         rule=f"strike.{trigger.entry.id}.co"),
                            f.reference, attacker, f.territorial, reading.anaphoric)
                     for f in list(found) if f.event.attacker_country == attacker.country
                     and f.event.target_country != partner)
    return found


def _is_weak(trigger: Trigger) -> bool:
    """A weak trigger (``"strength": "weak"``) not made strong by its modifier."""
    return trigger.entry.extra.get("strength") == "weak" and not _strong_compound(trigger)


def _strong_compound(trigger: Trigger) -> bool:
    """A weak strike noun made strong by its modifier when the two words are not adjacent
    tokens (an "air" and "raid" split by a line break in wire copy): "an Iraqi air raid"."""
    head = trigger.head
    return not _verbal_trigger(trigger) and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in _words().strong_modifiers
        for c in head.children)


def _strike_mentions(context: DocumentContext, trigger: Trigger,
                     antecedent: ActorMention | None = None,
                     forced: ActorMention | None = None) -> list[_Found]:
    """The strike mentions of one trigger: read the attacker, admit it, find the targets,
    build one event per target (``forced``: the attacker already chosen among coordinated
    ones; ``antecedent``: the attacker of the strike just reported)."""
    special = _special_mentions(context, trigger)
    if special is not None:
        return special
    needs, fired = _needed_weapon(trigger)
    if needs and fired is None:
        return []
    weak = _is_weak(trigger)
    attacker, military, attacker_token = _attacker(context, trigger)
    if forced is not None:
        attacker = forced
    elif attacker is not None and attacker_token is not None:
        partners = _coordinated(context, attacker_token, attacker)
        if partners:  # one strike per state: "airstrikes by Syrian and Russian jets"
            found = _strike_mentions(context, trigger, antecedent, attacker)
            for other in partners:
                found.extend(_strike_mentions(context, trigger, antecedent, other))
            return found
    reading = _admitted(context, trigger, _with_antecedent(
        _Reading(attacker, military, attacker_token, weak), antecedent))
    if reading is None:
        return []
    phrases = _target_phrases(trigger, reading.token)
    targets = _strike_targets(context, trigger, reading, phrases, fired)
    if not targets:
        return []
    attacker = reading.attacker
    if attacker is not None and all(t.mention.country == attacker.country for t in targets):
        return []  # domestic
    out, references = _strike_events(context, trigger, reading, targets, fired)
    modifier_only = not phrases and attacker is not None and attacker.kind == "demonym" and \
        reading.token is not None and reading.token.dep_ == "amod" and not _verbal_trigger(trigger)
    found = [_Found(event, ref, attacker, territorial, reading.anaphoric, reading.unattributed,
                    modifier_only)
             for event, (ref, territorial) in zip(out, references, strict=True)]
    return _with_co_attackers(context, trigger, reading, found)
