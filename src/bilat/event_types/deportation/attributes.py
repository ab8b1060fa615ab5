"""Deportation attributes: the count and group of the deportees and the modality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.deportation.words import deportation_words
from bilat.syntax.arguments import np_tokens
from bilat.syntax.mentions import modality_for
from bilat.syntax.modality import climbing_cue
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


def deportation_modality(context: DocumentContext, trigger: Trigger) -> Modality | None:
    """The deportation's modality, or ``None`` when it is only hypothetical."""
    head = trigger.head
    cue = modality_for(trigger, frozenset({"negated", "denied"}))
    if cue is not Modality.ASSERTED:
        return cue
    if trigger.label == "leave":
        return Modality.ASSERTED  # the order to leave is the expulsion
    found = climbing_cue(head, proposal_words=deportation_words().proposal_words,
                         climb_deps=_CLIMB_FOR_MODALITY)
    if found is not None:
        return _CUE_MODALITY[found]
    if context.tense(head) == "future":
        return Modality.PLANNED
    return Modality.ASSERTED
