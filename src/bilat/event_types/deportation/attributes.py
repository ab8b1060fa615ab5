"""Deportation attributes: the count and group of the deportees and the modality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.deportation.words import deportation_words
from bilat.extractors.common import modality_for
from bilat.syntax.arguments import np_tokens
from bilat.syntax.lexicon import future_modals, hypothetical_modals
from bilat.values import Count, Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def deportee_count(context: DocumentContext, phrase: Token) -> Count | None:
    from bilat.normalise import find_counts

    tokens = sorted(np_tokens(phrase), key=lambda t: t.i)
    start, end = tokens[0].i, phrase.i + 1
    doc = context.doc
    span = doc[start:end]
    for count in find_counts(span.text):
        if count.start_char is None or count.end_char is None:
            continue
        offset = span.start_char
        return Count(min=count.min, max=count.max, text=count.text,
                     start_char=offset + count.start_char, end_char=offset + count.end_char)
    return None


def deportee_group(context: DocumentContext, phrase: Token) -> str | None:
    words = deportation_words()
    group = words.group_of(phrase.lower_)
    if group is not None:
        return group
    for child in phrase.children:
        if child.dep_ == "compound":
            group = words.group_of(child.lower_)
            if group is not None:
                return group
    mention = context.actor_at(phrase.i)
    if mention is not None and mention.kind == "demonym":
        return "nationals"
    return None


_CLIMB_FOR_MODALITY = frozenset({"xcomp", "acl", "pobj", "prep", "dobj", "nsubjpass",
                                 "compound", "conj", "relcl", "ccomp"})


_CUE_MODALITY: dict[str, Modality | None] = {
    "negated": Modality.NEGATED, "hypothetical": None, "proposed": Modality.PROPOSED,
    "planned": Modality.PLANNED}


def _node_cue(node: Token, head: Token, hop: int) -> str | None:
    """The modality cue on one node above the trigger ``head``: "negated", "hypothetical"
    (a modal on the trigger itself), "proposed" (a plan, a proposal), "planned" (a future
    auxiliary), or ``None``."""
    if any(c.dep_ == "neg" for c in node.children) or any(
            c.dep_ == "det" and c.lower_ == "no" for c in node.children):
        return "negated"
    if node.pos_ in {"VERB", "AUX"}:
        auxes = {c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}}
        if hop == 0 and auxes & hypothetical_modals() and node is head:
            return "hypothetical"
        if node.lower_ in deportation_words().proposal_words and node is not head:
            return "proposed"
        if auxes & future_modals():
            return "planned"
    if node.lower_ in deportation_words().proposal_words and node is not head:
        return "proposed"
    if any(c.lower_ in deportation_words().proposal_words and c.dep_ in {"amod", "compound"}
           for c in node.children):
        return "proposed"
    return None


def deportation_modality(context: DocumentContext, trigger: Trigger) -> Modality | None:
    """The deportation's modality, or ``None`` when it is only hypothetical."""
    head = trigger.head
    cue = modality_for(trigger, frozenset({"negated", "denied"}))
    if cue is not Modality.ASSERTED:
        return cue
    if trigger.label == "leave":
        return Modality.ASSERTED  # the order to leave is the expulsion
    node = head
    for hop in range(4):
        found = _node_cue(node, head, hop)
        if found is not None:
            return _CUE_MODALITY[found]
        if node.dep_ not in _CLIMB_FOR_MODALITY or node.head == node:
            break
        node = node.head
    if context.tense(head) == "future":
        return Modality.PLANNED
    return Modality.ASSERTED
