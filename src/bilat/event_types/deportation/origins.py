"""Who the deportees are and where they come from: people phrases, their nationality
(several when coordinated), their destination as origin, and the state a passage is
about when the text names no deporting state."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from bilat.event_types.deportation.roles import (
    DESTINATION_KINDS,
    ORIGIN_KINDS,
    extradition_requester,
    mention_in,
)
from bilat.event_types.deportation.words import deportation_words
from bilat.syntax.arguments import conjuncts, doers, np_tokens, pp_objects
from bilat.syntax.clauses import is_passive, is_verbal
from bilat.syntax.lexicon import STATE_OR_OFFICIAL_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def is_people(context: DocumentContext, token: Token, strict: bool = False) -> bool:
    """Whether ``token`` heads a phrase naming people; ``strict`` (for verbs that move
    goods as well as people: "sent back") asks for a people word, not just a state inside
    the phrase ("waste sent back to its country of origin, normally Germany")."""
    words = deportation_words()
    if token.lower_ in words.not_objects:
        return False
    if words.group_of(token.lower_) is not None:
        return True
    if not strict and origin_of(context, token) is not None:  # "tens of thousands of Afghans"
        return True
    mention = context.actor_at(token.i)
    if mention is not None and mention.kind in {"demonym", "person"}:
        return True
    for obj in pp_objects(token, ["of"]):  # "hundreds of migrants", "a group of nurses"
        if obj.lower_ not in words.not_objects and (
                words.group_of(obj.lower_) is not None or obj.ent_type_ == "NORP"):
            return True
    if token.ent_type_ in {"PERSON", "NORP"} or token.lower_ in words.people_pronouns:
        return True
    return token.pos_ == "NUM" or (any(
        c.dep_ == "nummod" for c in token.children) and token.pos_ in {"NOUN", "PROPN"})


def origin_of(context: DocumentContext, phrase: Token) -> ActorMention | None:
    """The nationality of a deportee phrase ("Afghan nationals", "citizens of Iraq")."""
    mention = mention_in(context, phrase, ORIGIN_KINDS | {"body"})
    if mention is not None and mention.kind == "body":
        return None
    return mention


def _homeland(context: DocumentContext, token: Token) -> bool:
    """A destination that is the deportees' own state, unnamed: "their home countries",
    "the countries from which they come"."""
    return token.lower_ in deportation_words().homeland_nouns and not any(
        context.actor_at(t.i) is not None for t in np_tokens(token))


def _origins_nearby(context: DocumentContext, trigger: Trigger) -> list[ActorMention]:
    """The states the deportees come from, said in a nearby sentence: "The men are from
    Algeria, Tunisia and Egypt", "detainees from Libya and Sudan" (nearest sentence first,
    up to three sentences either side)."""
    doc = trigger.head.doc
    sent = trigger.head.sent
    sentences = [sent]
    before, after = sent, sent
    for _ in range(3):
        if before.start > 0:
            before = doc[before.start - 1].sent
            sentences.append(before)
        if after.end < len(doc):
            after = doc[after.end].sent
            sentences.append(after)
    words = deportation_words()
    for each in sentences:
        found: list[ActorMention] = []
        for token in each:
            if token.dep_ != "prep" or token.lower_ != "from":
                continue
            head = token.head
            if not (head.lemma_.lower() == "be" or words.group_of(head.lower_) is not None):
                continue
            for obj in (o for o in token.children if o.dep_ == "pobj"):
                for place in conjuncts(obj):
                    mention = context.actor_at(place.i)
                    if mention is not None and mention.kind in DESTINATION_KINDS and \
                            all(m.country != mention.country for m in found):
                        found.append(mention)
        if found:
            return found
    return []


Origins = list[tuple["ActorMention", "Token | None"]]


def coordinated_origins(context: DocumentContext, mention: ActorMention | None,
                         phrase: Token) -> list[ActorMention]:
    """A deportee nationality and the ones coordinated with it ("Syrian and Afghan
    migrants", "Afghan, Iranian and Bangladeshi nationals", "diplomats from Latvia and
    Estonia"): one origin each. Coordinated deportee phrases ("85 Guatemalans and 60
    Hondurans") are deportees of their own, with their own counts."""
    if mention is None:
        return []
    out = [mention]
    named = context.doc[mention.end - 1]
    if named.i == phrase.i:
        return out
    for token in conjuncts(named):
        other = context.actor_at(token.i)
        if other is not None and other.kind in ORIGIN_KINDS and other not in out:
            out.append(other)
    return out


def stated_origins(context: DocumentContext, trigger: Trigger,
                    deporter: ActorMention | None, deportees: list[Token]) -> Origins:
    """The deportees' own states: their nationality, or a "from" phrase when the deporter
    is named ("Algeria expelled hundreds of migrants from Niger")."""
    origins: Origins = []
    for phrase in deportees:
        for mention in coordinated_origins(context, origin_of(context, phrase), phrase):
            if all(o.country != mention.country for o, _ in origins):
                origins.append((mention, phrase))
    if origins or deporter is None or not is_verbal(trigger.head) or any(
            c.dep_ == "poss" for t in deportees for p in (t, *pp_objects(t, ["of"]))
            for c in p.children):  # "its nationals", "12 of its citizens"
        return origins
    # a named deporter, so "from" gives where the people come from
    for token in pp_objects(trigger.head, ["from"]):
        source = mention_in(context, token, DESTINATION_KINDS)
        if source is not None and source.country != deporter.country:
            return [(each, deportees[0] if deportees else None)
                    for each in coordinated_origins(context, source, trigger.head)]
    return origins


def destination_origins(context: DocumentContext, trigger: Trigger, deportees: list[Token],
                         destinations: list[Token]) -> Origins:
    """Where the deportees are sent, taken as their origin: the destinations named, the
    states of a "home countries" phrase, or the state requesting an extradition."""
    first = deportees[0] if deportees else None
    origins: Origins = []
    for token in destinations:
        for each in conjuncts(token):
            mention = mention_in(context, each, DESTINATION_KINDS)
            if mention is not None and all(o.country != mention.country for o, _ in origins):
                origins.append((mention, first))
    if not origins and any(_homeland(context, t) for t in destinations):
        for mention in _origins_nearby(context, trigger):
            origins.append((mention, first))
    if not origins and trigger.label == "extradite":
        requester = extradition_requester(context, trigger)
        if requester is not None:
            origins.append((requester, first))
    return origins


def destination_named(context: DocumentContext, trigger: Trigger, stated_origin: bool,
                       destinations: list[Token]) -> bool:
    """For an entry marked ``destination`` (a verb that also moves people inside a state,
    "returned 200 families to their homes"): whether the deportees' nationality is stated
    or a state is named as where they are sent ("returned 50 minors to Morocco"). Such a
    verb also needs its deporting state named ("will be returned to the UK" names none)."""
    if not trigger.entry.extra.get("destination") or stated_origin:
        return True
    return any(mention_in(context, each, DESTINATION_KINDS) is not None
               for token in destinations for each in conjuncts(token))


def unresolved_subject(trigger: Trigger) -> bool:
    """An active deportation verb whose stated subject names no state ("the club expelled",
    "it attempted to extradite" with no state before it): someone else acts, so the
    passage's state is not the deporter."""
    head = trigger.head
    return trigger.label not in {"png", "leave"} and is_verbal(head) and \
        not is_passive(head, subjectless_participles=True) and bool(doers(head))


def context_state(context: DocumentContext, trigger: Trigger,
                   exclude: set[str], document: bool = True) -> ActorMention | None:
    """The state a passage is about when the text names no deporting state: the nearest
    one named before the trigger in its sentence, else (``document``) the state the
    document names most."""
    sent = trigger.head.sent
    before = [m for m in context.actors.within(sent.start, trigger.start)
              if m.kind in {"country", "capital", "place", "body"} and m.country not in exclude]
    if before:
        return before[-1]
    if not document:
        return None
    kinds = STATE_OR_OFFICIAL_KINDS | {"place"}
    counts: Counter[str] = Counter(m.country for m in context.actors.named
                                   if m.kind in kinds and m.country not in exclude)
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return context.actors.first_named(ranked[0][0], kinds)
