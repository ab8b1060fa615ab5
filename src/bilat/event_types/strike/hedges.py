"""How the text holds a strike: hypothetical, planned, negated, claimed or denied, and
triggers that are no strike at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.attacker import (
    _state_mention,
)
from bilat.event_types.strike.phrases import (
    _into_phrase,
)
from bilat.event_types.strike.words import (
    CLAIM_VERBS,
    HYPOTHETICAL_MARKS,
    HYPOTHETICAL_NOUNS,
    PLAN_WORDS,
    THREAT_LEMMAS,
    _words,
)
from bilat.syntax.agents import acting_subjects
from bilat.syntax.modality import (
    according_to_objects,
    hypothetical,
    negated,
    planned,
    reporting_root,
    reporting_verb,
)
from bilat.values import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

# "the threat of a strike" is weighed by the threat rule (a threatening verb), not the noun
_HYPOTHETICAL_OF_NOUNS = HYPOTHETICAL_NOUNS - {"threat", "threats"}
_CLAIMANT_KINDS = frozenset({"country", "demonym", "capital", "body", "person", "group"})


def _hypothetical(trigger: Trigger) -> bool:
    """A strike that is only imagined: "a US strike could trigger ...", "if Israel attacks",
    "Iran threatened to strike" (:func:`bilat.syntax.modality.hypothetical` with the strike
    lexicon's threat verbs, marks and nouns)."""
    return hypothetical(trigger.head, threat_lemmas=THREAT_LEMMAS, marks=HYPOTHETICAL_MARKS,
                        of_nouns=_HYPOTHETICAL_OF_NOUNS)


def _planned(context: DocumentContext, trigger: Trigger) -> bool:
    head = trigger.head
    return planned(head, future=context.tense(head) == "future", plan_words=PLAN_WORDS)


def _negated(trigger: Trigger) -> bool:
    return negated(trigger.head, light_verbs=_words().light_verbs)


def _reporter(context: DocumentContext, verb: Token, parties: set[str]) -> Actor | None:
    """The party among ``parties`` that is the subject of the reporting ``verb``."""
    for subject in acting_subjects(verb):
        mention = _state_mention(context, subject, _CLAIMANT_KINDS)
        if mention is not None and mention.country in parties:
            name = " ".join(t.text for t in subject.subtree
                            if t.dep_ not in {"relcl", "appos", "punct"}
                            ) if len(list(subject.subtree)) <= 8 else mention.text
            return Actor(name=name, country=mention.country)
    return None


def _claimant(context: DocumentContext, trigger: Trigger,
              parties: set[str], verbs: frozenset[str] = CLAIM_VERBS) -> Actor | None:
    """The party (attacker or target side) that reports the strike, if one does; with
    ``verbs=DENYING_VERBS`` the party that denies it ("Turkey denied that its jets had
    bombed ...")."""
    head = trigger.head
    verb = reporting_verb(head, verbs=verbs)
    if verb is not None:
        return _reporter(context, verb, parties)
    if verbs is not CLAIM_VERBS:
        return None
    # "..., according to Iraq's military"
    for obj in according_to_objects(head.sent):
        mention = _state_mention(context, obj)
        if mention is not None and mention.country in parties:
            return Actor(name=mention.text, country=mention.country)
    # "..., Iraq said." (reporting clause after the report)
    root = reporting_root(head, verbs=CLAIM_VERBS)
    if root is not None:
        for subject in acting_subjects(root):
            mention = _state_mention(context, subject)
            if mention is not None and mention.country in parties:
                return Actor(name=mention.text, country=mention.country)
    return None


def _excluded(trigger: Trigger) -> bool:
    words = _words()
    head = trigger.head
    start = trigger.start
    doc = head.doc
    if start > 0 and doc[start - 1].lower_ in words.not_before:
        return True
    # ("first strike" is a doctrine; "the first incursion" is an operation)
    modifiers = words.not_before if trigger.entry.id == "strike" else words.not_before - {"first"}
    if any(c.lower_ in modifiers and c.dep_ in {"compound", "amod", "poss"}
           for c in head.children):
        return True
    if any(c.dep_ in {"dobj", "obj"} and c.lower_ in words.not_objects for c in head.children):
        return True
    # "a new offensive" is often tagged ADJ; "offensive weapons", "an offensive remark" are not
    if head.pos_ == "ADJ" and head.dep_ not in {"dobj", "obj", "pobj", "nsubj", "nsubjpass",
                                                "conj", "appos", "attr"}:
        return True
    # "crossed the river into ...": a crossing is a move of force only into somewhere
    if trigger.entry.id == "cross" and not _into_phrase(head):
        return True
    # "on strike", "went on strike"
    return trigger.entry.id == "strike" and head.dep_ == "pobj" and head.head.lower_ == "on"
