"""Agreement parties found from a verb: signing, agreeing, reaching or deciding ("Kenya and
Uganda sealed a pact", "a deal was reached", "the two sides decided")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.agreement.mentions import (
    extend_parties,
    group_reference,
    modifier_countries,
    party_countries,
    states_around,
    two_named,
)
from bilat.event_types.agreement.nouns import non_state_signers, noun_parties, signing_of_accord
from bilat.event_types.agreement.words import is_accord_noun
from bilat.syntax.arguments import pp_objects, subjects
from bilat.syntax.clauses import agents, is_passive, themes
from bilat.syntax.lexicon import STATE_PARTY_KINDS, statement_verb_forms
from bilat.syntax.mentions import (
    is_non_state,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _object_parties(context: DocumentContext, objects: list[Token]) -> list[str]:
    """States named on what was agreed or signed: its modifiers, possessors and partners."""
    return [country for obj in objects for country in (
        modifier_countries(context, obj)
        + party_countries(context, [c for c in obj.children if c.dep_ == "poss"])
        + party_countries(context, pp_objects(obj, ["with", "between"])))]


def _complement_counterpart(context: DocumentContext, verb: Token,
                            parties: list[str]) -> list[str]:
    """"Ukraine agreed to pay more for gas supplied by Turkmenistan": the one other state
    named inside what one party agreed to is the counterpart."""
    others = {
        m.country
        for complement in verb.children
        if complement.dep_ in {"xcomp", "ccomp"}
        for m in context.actors.within(complement.left_edge.i, complement.right_edge.i + 1)
        if m.kind in STATE_PARTY_KINDS and m.country not in parties
    }
    return list(others) if len(others) == 1 else []


def _speaker_state(context: DocumentContext, verb: Token, parties: list[str]) -> list[str]:
    """"Straw said the US had agreed to release them": agreed with the speaker's state."""
    if verb.dep_ != "ccomp" or verb.head.lower_ not in statement_verb_forms():
        return []
    return [c for c in party_countries(context, subjects(verb.head)) if c not in parties][:1]


def verb_parties(context: DocumentContext, verb: Token, sent: Span) -> list[str]:
    passive = is_passive(verb)
    # "the accord was signed by Kenya and Tanzania": the signers are the agents, and the
    # passive subject is what was signed ("a deal was reached between A and B")
    subject_tokens = agents(verb) if passive else subjects(verb)
    parties = party_countries(context, subject_tokens)
    if not parties:
        parties = group_reference(context, subject_tokens, sent)
    extend_parties(parties,
                   party_countries(context, pp_objects(verb, ["with", "between", "among"])))
    objects = themes(verb) if passive else [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    partners = pp_objects(verb, ["with"]) + [t for o in objects for t in pp_objects(o, ["with"])]
    if partners and not party_countries(context, partners):
        return parties  # "concluded accords with government creditors": no state partner
    if verb.lower_.startswith("agree") or verb.lower_.startswith("accept"):
        objects += pp_objects(verb, ["to", "on"])  # "agreed to a South Korean proposal"
    extend_parties(parties, _object_parties(context, objects))
    if len(parties) == 1 and verb.lower_.startswith("agree"):
        parties.extend(_complement_counterpart(context, verb, parties))
    if len(parties) == 1 and not any(is_non_state(context, t) for t in subject_tokens):
        # not "Toyota and the Indian government signed a deal, Japanese officials said"
        parties.extend(_speaker_state(context, verb, parties))
    return parties


def reach_parties(context: DocumentContext, head: Token, sent: Span) -> list[str]:
    """"reached a deal", "a deal was reached": only when what is reached is an accord."""
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if not any(is_accord_noun(o) for o in objects):
        return []
    parties = verb_parties(context, head, sent)
    if len(set(parties)) < 2 and agentless_signing(head) and _plain_reach(head):
        # "After talks between Egypt and Sudan, a deal was reached on the river's water."
        return two_named(context, sent) or states_around(context, sent) or parties
    return parties


def _plain_reach(verb: Token) -> bool:
    """A passive "was reached" said outright, with no partner named anywhere in its clause
    (not "could not be finalised", not "reached through negotiations with Britain"; "after
    talks between Egypt and Sudan" names both sides)."""
    return not any(t.lower_ == "with" for t in verb.subtree) and \
        not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def decide_parties(context: DocumentContext, head: Token, sent: Span) -> list[str]:
    """"the two sides decided to set up a commission", not "will decide the shape of"."""
    if not any(c.dep_ in {"xcomp", "ccomp"} for c in head.children):
        return []
    parties = verb_parties(context, head, sent)
    return parties if len(parties) >= 2 else []


def named_partners(head: Token) -> bool:
    """Whether what was signed names its partners ("signed the pact with Acme Corp"): the
    parse then has found them, and found no state among them."""
    objects = themes(head) if head.pos_ in {"VERB", "AUX"} else pp_objects(head, ["of"])
    return any(pp_objects(o, ["with", "between"]) for o in objects)


def agentless_signing(verb: Token) -> bool:
    """A passive signing of a definite or indefinite agreement with no "by" phrase and no
    state named on it ("the pact was signed at State House")."""
    return (
        verb.pos_ == "VERB"
        and is_passive(verb)
        and verb.dep_ != "acl"
        and not agents(verb)
        and any(is_accord_noun(t) and not t.tag_.endswith("S") for t in themes(verb))
    )


def signing_parties(context: DocumentContext, trigger: Trigger, sent: Span) -> list[str]:
    """Parties of a signing or another act on an accord, as a noun or a verb."""
    head = trigger.head
    if head.pos_ in {"NOUN", "PROPN"}:  # "the signing of the treaty"
        if not signing_of_accord(head):
            return []  # "date of birth and signature"
        parties = noun_parties(context, head, sent)
    else:
        parties = verb_parties(context, head, sent)
    signing = trigger.entry.id in {"sign", "signing"}
    if not parties and signing and not non_state_signers(context, head) and \
            not pp_objects(head, ["with", "between"]) and not named_partners(head):
        # the parse found nobody: an act of signing in a sentence that names exactly two
        # states is between them
        parties = two_named(context, sent)
        if not parties and agentless_signing(head):
            # "A defence pact was also signed." after a sentence on the two leaders
            parties = states_around(context, sent)
    return parties
