"""Deportation roles by trigger: the deporting state and the phrases naming the deportees
and where they are sent, for verbs ("Tunisia deported 40 migrants to Libya"), nouns
("Pakistan's deportation of Afghans"), orders to leave and "persona non grata"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.deportation.words import deportation_words
from bilat.syntax.arguments import doers, np_tokens, patients, pp_objects
from bilat.syntax.clauses import is_passive, is_verbal
from bilat.syntax.mentions import state_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


DEPORTER_KINDS = frozenset({"country", "capital", "body", "person", "demonym", "place"})


ORIGIN_KINDS = frozenset({"demonym", "country", "capital", "person"})


DESTINATION_KINDS = frozenset({"country", "capital"})


def mention_in(context: DocumentContext, token: Token,
                kinds: frozenset[str]) -> ActorMention | None:
    for t in sorted(np_tokens(token), key=lambda t: t.i):
        mention = context.actor_at(t.i)
        if mention is not None and mention.kind in kinds:
            return mention
    return None


def _deporter_from_noun(context: DocumentContext, noun: Token) -> ActorMention | None:
    """The acting state of a noun the trigger hangs from: "Pakistan's repatriation drive",
    "the court rejected the request to extradite" (the court's state, not the requester's)."""
    if noun.lower_ in deportation_words().deporter_nouns:
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod"}:
                mention = mention_in(context, child, DEPORTER_KINDS)
                if mention is not None:
                    return mention
    verb = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"} and verb.pos_ in {"VERB", "AUX"}:
        for subject in doers(verb):
            mention = mention_in(context, subject, DEPORTER_KINDS)
            requests = deportation_words().request_nouns | {"request"}
            if mention is not None and noun.lower_ not in requests:
                return mention
            if mention is not None and mention.kind in {"body", "place", "country",
                                                        "capital", "demonym"}:
                return mention
    return None


def extradition_requester(context: DocumentContext, trigger: Trigger) -> ActorMention | None:
    """For an extradition: the state that asked for it ("Australia's request to extradite")."""
    node = trigger.head
    for _ in range(3):
        if node.lower_ in deportation_words().request_nouns:
            for child in node.children:
                if child.dep_ in {"poss", "compound", "amod"}:
                    return mention_in(context, child, ORIGIN_KINDS - {"person"})
        if node.head == node:
            break
        node = node.head
    return None


def _declare_verb(trigger: Trigger) -> Token | None:
    """The "declare" verb of a "persona non grata" trigger."""
    head = trigger.head
    node = head
    for _ in range(3):
        if node.lower_.startswith("declar"):
            return node
        if node.head == node:
            break
        node = node.head
    sent = head.sent
    for token in reversed(head.doc[max(sent.start, trigger.start - 10):trigger.start]):
        if token.lower_.startswith("declar"):
            return token
    return None


Roles = tuple["ActorMention | None", list["Token"], list["Token"]]


def first_mention(context: DocumentContext, tokens: list[Token],
                   kinds: frozenset[str]) -> ActorMention | None:
    """The first mention of one of ``kinds`` in the phrases of ``tokens``, in their order."""
    for token in tokens:
        mention = mention_in(context, token, kinds)
        if mention is not None:
            return mention
    return None


def _order_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """Roles of an order to leave ("ordered the diplomats to leave") or a "persona non
    grata" declaration."""
    head = trigger.head
    verb = head.head if head.dep_ != "ROOT" else head
    if trigger.label == "leave":
        orders = deportation_words().order_verbs
        if head.dep_ not in {"xcomp", "ccomp"} or verb.lower_ not in orders:
            return None, [], []
        deportees = patients(verb)
    else:
        found = _declare_verb(trigger)
        if found is None:
            return None, [], []
        verb = found
        # "declared two diplomats persona non grata": the parse varies; take the noun
        # phrases between the verb and the trigger, or the passive subject
        deportees = [t for t in head.doc[verb.i + 1:trigger.start]
                     if (t.pos_ in {"NOUN", "PROPN"} and t.head.i >= trigger.start - 1)
                     or (t.dep_ in {"dobj", "nsubj"} and t.head in (verb, head))]
        deportees = [t for t in deportees if t.dep_ not in {"compound", "amod", "poss"}]
        if not deportees:
            deportees = patients(verb)
    acting = next((mention_in(context, s, DEPORTER_KINDS) for s in doers(verb)), None)
    if acting is None and is_passive(verb, subjectless_participles=True):
        acting = next((mention_in(context, t, DEPORTER_KINDS)
                       for t in pp_objects(verb, ["by"])), None)
    return acting, deportees, []


def _active_deporter(context: DocumentContext, verb: Token) -> ActorMention | None:
    """The deporter of an active deportation verb: its subject, the noun it modifies, or
    for an infinitive the noun it hangs from ("Pakistan's plan to deport")."""
    deporter: ActorMention | None = None
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        deporter = _deporter_from_noun(context, verb.head)
    else:
        for subject in doers(verb):
            deporter = mention_in(context, subject, DEPORTER_KINDS)
            if deporter is None and subject.lower_ in deportation_words().state_pronouns:
                # "the UK said ... it attempted to extradite": the state named before
                deporter = state_antecedent(context, subject)
            if deporter is not None:
                break
    if deporter is None and verb.dep_ == "xcomp":
        deporter = _deporter_from_noun(context, verb.head)
    return deporter


def _verb_roles(context: DocumentContext, verb: Token) -> Roles:
    """Roles of a deportation verb ("Tunisia deported 40 migrants to Libya")."""
    deportees = patients(verb)
    destinations = pp_objects(verb, ["to"])
    for child in verb.children:  # "sent back to", "home to"
        if child.dep_ in {"advmod", "prt"} and child.lower_ in deportation_words().return_particles:
            destinations += pp_objects(child, ["to"])
    if is_passive(verb, subjectless_participles=True):
        deporter = first_mention(context, pp_objects(verb, ["by"]) + [
            o for c in verb.children if c.dep_ == "agent"
            for o in c.children if o.dep_ == "pobj"], DEPORTER_KINDS)
    else:
        deporter = _active_deporter(context, verb)
    if deporter is None:
        deporter = first_mention(context, pp_objects(verb, ["from"]),
                                  DEPORTER_KINDS - {"demonym", "person"})
    return deporter, deportees, destinations


def _noun_roles(context: DocumentContext, head: Token) -> Roles:
    """Roles of a deportation noun ("Pakistan's deportation of Afghans to Afghanistan")."""
    deportees = pp_objects(head, ["of"])
    destinations = pp_objects(head, ["to"])
    deporter = None
    for child in head.children:
        if child.dep_ == "poss":
            deporter = mention_in(context, child, DEPORTER_KINDS)
    if deporter is None:
        for token in pp_objects(head, ["by", "from"]):
            deporter = mention_in(context, token, DEPORTER_KINDS - {"person"}
                                   if token.head.lower_ == "from" else DEPORTER_KINDS)
            if deporter is not None:
                break
    if deporter is None:
        verb = head.head
        light = deportation_words().light_verbs
        if head.dep_ in {"dobj", "nsubjpass"} and (verb.lower_ in light or
                                                   verb.lemma_.lower() in light):
            deporter = first_mention(context, doers(verb), DEPORTER_KINDS)
        elif head.dep_ == "pobj" and head.head.head.pos_ in {"NOUN", "PROPN"}:
            deporter = _deporter_from_noun(context, head.head.head)
    return deporter, deportees, destinations


def roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """(deporter mention, deportee phrases, destination phrases) for one trigger."""
    if trigger.label in {"png", "leave"}:
        return _order_roles(context, trigger)
    if is_verbal(trigger.head):
        return _verb_roles(context, trigger.head)
    return _noun_roles(context, trigger.head)
