"""How the text holds a strike: hypothetical, planned, negated, claimed or denied, and
triggers that are no strike at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.attacker import (
    _state_mention,
)
from bilat.event_types.strike.phrases import (
    _argument_of,
    _into_phrase,
    _path_up,
)
from bilat.event_types.strike.words import (
    CLAIM_VERBS,
    HYPOTHETICAL_MARKS,
    HYPOTHETICAL_NOUNS,
    PLAN_WORDS,
    THREAT_LEMMAS,
    _words,
)
from bilat.syntax.agents import (
    ACCUSING_LEMMAS,
    acting_subjects,
)
from bilat.syntax.clauses import governing_verb
from bilat.syntax.lexicon import future_modals, hypothetical_modals
from bilat.values import Actor

if TYPE_CHECKING:

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _hypothetical(trigger: Trigger) -> bool:
    """A strike that is only imagined: "a US strike could trigger ...", "if Israel attacks"."""
    head = trigger.head
    path = _path_up(head, 3)
    # "Iran threatened to strike Israel", "Turkey warned it would launch an offensive": a
    # threat names a strike that has not happened
    node = head
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "dobj"} or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in THREAT_LEMMAS:
            return True
    for node in path:
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        if node != head and not _argument_of(head, node):
            break  # "the development, a week into Turkey's offensive, could undermine ..."
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in hypothetical_modals():
                return True
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return True
        # "it would be foolish for Japan to strike back", "it could be a mistake to attack":
        # an infinitive judged by a modal "be" is only weighed, not done
        host = node.head
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and \
                node.dep_ in {"advcl", "xcomp", "ccomp", "csubj", "acl"} and \
                host.lemma_.lower() == "be" and any(
                    c.dep_ == "aux" and c.lower_ in hypothetical_modals() | {"would"}
                    for c in host.children):
            return True
        break
    return head.dep_ == "pobj" and head.head.lower_ == "of" and \
        head.head.head.lower_ in HYPOTHETICAL_NOUNS - {"threat", "threats"}


def _planned(context: DocumentContext, trigger: Trigger) -> bool:
    head = trigger.head
    if context.tense(head) == "future":
        return True
    for child in head.children:
        if child.lower_ in PLAN_WORDS and child.dep_ in {"amod", "compound", "aux"}:
            return True
    for node in _path_up(head, 4):
        if node is head:
            continue
        if node.lower_ in PLAN_WORDS:
            return True
        if node.pos_ in {"VERB", "AUX"} and any(
                c.dep_ == "aux" and c.lower_ in future_modals() for c in node.children):
            return True
        if node.pos_ == "VERB" and node.dep_ not in {"xcomp", "acl", "ccomp"} and \
                node.lower_ not in PLAN_WORDS:
            break
    return False


def _negated(trigger: Trigger) -> bool:
    head = trigger.head
    if any(c.dep_ == "neg" for c in head.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    verb = governing_verb(head)
    if verb is not None and verb is not head and head.dep_ in {"dobj", "nsubjpass"}:
        return any(c.dep_ == "neg" for c in verb.children) and \
            verb.lower_ in _words().light_verbs
    return False


def _claimant(context: DocumentContext, trigger: Trigger,
              parties: set[str], verbs: frozenset[str] = CLAIM_VERBS) -> Actor | None:
    """The party (attacker or target side) that reports the strike, if one does; with
    ``verbs=DENYING_VERBS`` the party that denies it ("Turkey denied that its jets had
    bombed ...")."""
    head = trigger.head
    node = head
    for _ in range(6):
        if node.head == node:
            break
        parent = node.head
        if parent.pos_ in {"VERB", "AUX"} and (parent.lower_ in verbs or
                                               parent.lemma_.lower() in verbs) \
                and (node.dep_ in {"ccomp", "dobj", "xcomp", "advcl", "parataxis", "conj"} or
                     (node.dep_ == "prep" and parent.lemma_.lower() in ACCUSING_LEMMAS)):
            for subject in acting_subjects(parent):
                mention = _state_mention(context, subject,
                                         frozenset({"country", "demonym", "capital", "body",
                                                    "person", "group"}))
                if mention is not None and mention.country in parties:
                    name = " ".join(t.text for t in subject.subtree
                                    if t.dep_ not in {"relcl", "appos", "punct"}
                                    ) if len(list(subject.subtree)) <= 8 else mention.text
                    return Actor(name=name, country=mention.country)
            return None
        node = parent
    if verbs is not CLAIM_VERBS:
        return None
    sent = head.sent
    # "..., according to Iraq's military"
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and \
                token.nbor().lower_ == "to":
            for obj in token.nbor().children:
                mention = _state_mention(context, obj)
                if mention is not None and mention.country in parties:
                    return Actor(name=mention.text, country=mention.country)
    # "..., Iraq said." (reporting clause after the report)
    root = sent.root
    if (root.lower_ in CLAIM_VERBS or root.lemma_.lower() in CLAIM_VERBS) and \
            head in list(root.subtree) and head != root:
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
