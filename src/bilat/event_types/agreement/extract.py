"""Agreement roles: the states (``parties``) that agree, sign, conclude or negotiate.

Rules, by trigger label (``bilat/event_types/agreement/lexicon.json``):

* ``sign`` verbs ("signed", "agreed", "concluded", "ratified", "accepted"): parties = the
  subjects, the objects of "with"/"between", and states named on the object ("accepted
  Seoul's proposal", "signed the Japan-Korea accord").
* ``reach`` verbs ("reached", "struck", "cut") count only with an agreement noun as object.
* ``accord`` nouns ("agreement", "treaty", "pact", "deal", "MoU", "ceasefire"): parties =
  states in the noun's modifiers ("EU-Turkey deal", "Turkish-American agreement"), the
  objects of "between"/"with"/"among", and the subjects of the verb it hangs from.
* ``decide`` ("the two sides decided") needs two states among its subjects.

"The two countries", "both sides" and "they" take the states of the sentence and the one
before it, when exactly two (or three, for "three") are named there. An agreement needs at
least two distinct states; companies and single states agreeing with themselves are not one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.agreement.mentions import party_countries
from bilat.event_types.agreement.nouns import accord_parties, hypothetical_noun, verb_above
from bilat.event_types.agreement.verbs import decide_parties, reach_parties, signing_parties
from bilat.event_types.agreement.words import is_accord_noun
from bilat.events import Agreement, Event
from bilat.modality import modality_at
from bilat.syntax.arguments import pp_objects, subjects
from bilat.syntax.clauses import agents, is_passive, themes
from bilat.syntax.mentions import (
    as_scheduled,
    in_conditional,
)
from bilat.triggers import load_lexicon
from bilat.values import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_agreements"]


AGREEMENT_MODALITIES = frozenset({"in_principle", "proposed", "planned", "negated", "denied"})


def _parties(context: DocumentContext, trigger: Trigger, sent: Span) -> list[str]:
    label = trigger.label
    if label == "accord":
        return accord_parties(context, trigger.head, sent)
    if label == "reach":
        return reach_parties(context, trigger.head, sent)
    if label == "decide":
        return decide_parties(context, trigger.head, sent)
    return signing_parties(context, trigger, sent)


def _party_sets(context: DocumentContext, trigger: Trigger, parties: list[str]) -> list[list[str]]:
    """One party set per agreement: "Kenya signed agreements with Ethiopia and Somalia" is
    two bilateral agreements (one signer, several partners, a plural agreement noun), while
    "a trade pact with Mexico and Canada" or "France, Germany and Italy signed a
    declaration" is one."""
    head = trigger.head
    if head.pos_ in {"NOUN", "PROPN"}:
        nouns, verb = [head], verb_above(head)
    else:
        nouns, verb = [t for t in themes(head) if is_accord_noun(t)], head
    if verb is None or not nouns or not all(n.tag_ in {"NNS", "NNPS"} for n in nouns):
        return [parties]
    if len(set(parties)) > 2 and any(c.lower_ == "bilateral" for n in nouns for c in n.children):
        # "Ghana, Togo and Benin signed bilateral agreements": one agreement per pair
        return [[a, b] for k, a in enumerate(parties) for b in parties[k + 1 :]]
    return _one_signer_sets(context, verb, nouns, parties)


def _one_signer_sets(context: DocumentContext, verb: Token, nouns: list[Token],
                     parties: list[str]) -> list[list[str]]:
    """"Kenya signed agreements with Ethiopia and Somalia": one set per partner of the one
    signer; ``[parties]`` when the sentence is not of that shape."""
    signers = party_countries(context, agents(verb) if is_passive(verb) else subjects(verb))
    partners = party_countries(context,
                               [t for n in [verb, *nouns] for t in pp_objects(n, ["with"])])
    if len(signers) != 1 or len(partners) < 2 or signers[0] in partners or \
            set(signers + partners) != set(parties):
        return [parties]
    return [[signers[0], partner] for partner in partners]


def _modality(trigger: Trigger, sent: Span) -> Modality:
    """The modality of the agreement at ``trigger`` from the cues of its sentence."""
    modality, cue = modality_at(sent, trigger.start, trigger.end, allowed=AGREEMENT_MODALITIES)
    head = trigger.head
    if (
        modality is Modality.PROPOSED
        and cue is not None
        and trigger.label == "sign"
        and head.pos_ == "VERB"
        and head.tag_ in {"VBD", "VBN", "VBZ"}
        and head.left_edge.i <= cue.start <= head.right_edge.i
        and cue.start > head.i
    ):
        # "accepted Seoul's proposal", "agreed to a proposal": the act is done
        modality = Modality.ASSERTED
    if modality is Modality.ASSERTED and hypothetical_noun(head):
        modality = Modality.PROPOSED  # "any accord with Moscow": none exists yet
    return modality


def extract_agreements(context: DocumentContext) -> list[Event]:
    """Every agreement mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("agreement")
    found: list[Event] = []
    for sent in context.sentences:
        for trigger in lexicon.find(sent):
            if in_conditional(trigger.head):
                continue
            parties = _parties(context, trigger, sent)
            if len(set(parties)) < 2:
                continue
            party_sets = _party_sets(context, trigger, parties)
            modality = _modality(trigger, sent)
            # "sign an accord on Friday" in Wednesday's paper: still to come
            modality, date = as_scheduled(context, trigger.head, sent, modality)
            when = context.date_for(trigger.head, sent) if date is None else date
            found.extend(
                Agreement(
                    parties=tuple(each),
                    date=when,
                    modality=modality,
                    evidence=(context.evidence(sent.start_char, sent.end_char),),
                    rule=f"agreement.{trigger.entry.id}",
                )
                for each in party_sets
            )
    return found
