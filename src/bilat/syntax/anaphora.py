"""Who an official's description or pronoun refers to.

:func:`title_antecedent`: definite descriptions ("the prime minister", "the German leader").
:func:`fronted_subject`: a pronoun in a phrase before its clause's subject ("After his talks
in Rome, Garcia said").

News names an official once ("French Prime Minister Jacques Chirac") and then by role
("the prime minister said", "on the first day of the German leader's visit"). Such a
description refers to the person named earlier in the document whose title it repeats, and
whose state agrees with any nationality word it carries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.actors.document import TITLE_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext

__all__ = ["clause_subject", "fronted_subject", "subjects_above", "title_antecedent"]

# Heads that never pick out one earlier official ("the officials", "a spokesman").
_NOT_UNIQUE = frozenset({"official", "officials", "spokesman", "spokeswoman", "spokesperson",
                         "representative", "diplomat", "counterpart", "head", "chief",
                         "general", "commander", "negotiator"})
# Heads that stand for any head of state or government ("the German leader").
_ANY_LEADER = frozenset({"leader", "ruler", "monarch", "strongman", "dictator"})
_LEADER_TITLES = frozenset({"president", "premier", "chancellor", "king", "queen", "emir",
                            "sultan", "prince", "leader", "ruler", "monarch"})
_STATE_KINDS = frozenset({"country", "demonym"})


def title_antecedent(context: DocumentContext, token: Token) -> ActorMention | None:
    """The person an official's definite description refers to, or ``None``.

    ``token`` must head a noun phrase "the [NATIONALITY] [modifiers] TITLE" ("the prime
    minister", "the West German president"); the answer is the person named before it
    whose title holds every modifier and the head word (any head of state or government
    for "leader"), from the nationality's state when one is given: the most often named,
    the nearest on a tie.
    """
    head = token.lower_
    if head not in TITLE_HEADS or head in _NOT_UNIQUE or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    country: str | None = None
    words: set[str] = set()
    for child in token.children:
        if child.dep_ not in {"amod", "compound"} or child.i > token.i:
            continue
        mention = context.actor_at(child.i)
        if mention is not None:
            if mention.kind not in _STATE_KINDS:
                return None  # "the Kremlin chief": a body, not a description
            country = mention.country
        elif child.is_alpha:
            words.add(child.lower_)
    if head in _ANY_LEADER and country is None:
        return None  # "the leader" alone: too vague to pick one person
    earlier = [m for m in context.actors.within(0, token.i) if m.kind == "person"]
    candidates = [m for m in earlier if _fits(m, head, words, country)]
    if not candidates:
        return None
    distinct = {(m.person or m.text).split()[-1].lower() for m in candidates}
    if head not in _ANY_LEADER and len(distinct) > 1 and country is None:
        # two prime ministers in the story: "the prime minister" is not settled by titles
        return None

    def salience(item: tuple[int, ActorMention]) -> tuple[int, int]:
        position, mention = item
        name = (mention.person or mention.text).split()[-1].lower()
        count = sum(1 for m in earlier if (m.person or m.text).split()[-1].lower() == name)
        return count, position

    return max(enumerate(candidates), key=salience)[1]


def _fits(person: ActorMention, head: str, words: set[str], country: str | None) -> bool:
    if country is not None and person.country != country:
        return False
    title = set((person.title or "").lower().split())
    if head in _ANY_LEADER:
        return bool(title & _LEADER_TITLES) and not title & {"vice", "deputy"}
    return head in title and words <= title


_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
_FRONTED_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})


def fronted_subject(pronoun: Token) -> Token | None:
    """The named subject a pronoun in a fronted phrase points forward to: "Following his
    talks with May, Yildirim said ..." -> "Yildirim", the subject of the clause the phrase
    opens ("Talking before his departure, Funaro said": through the subjectless verb).
    ``None`` unless the phrase stands before a proper-noun subject."""
    if pronoun.lower_ not in _PRONOUNS:
        return None
    node = pronoun
    for _ in range(8):
        if node.head == node:
            return None
        if node.dep_ in _FRONTED_DEPS and node.head.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                subject = subjects[0]
                return subject if subject.i > node.i and subject.pos_ == "PROPN" else None
        node = node.head
    return None


def clause_subject(context: DocumentContext, pronoun: Token) -> ActorMention | None:
    """The named person a pronoun refers back to inside its own sentence: the subject of
    the nearest clause above it ("Modi was greeted by Li on his arrival" -> Modi), when
    that subject is a person named before the pronoun."""
    if pronoun.lower_ not in _PRONOUNS:
        return None
    found = subjects_above(pronoun)
    if not found:
        return None
    mention = context.actor_at(found[0].i)
    return mention if mention is not None and mention.kind == "person" else None


def subjects_above(pronoun: Token, max_hops: int = 8) -> list[Token]:
    """The subjects, before ``pronoun``, of the nearest clause above it that has one
    ("Britain's trade minister said his trip ..." -> "minister")."""
    node = pronoun
    for _ in range(max_hops):
        if node.head == node:
            return []
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            found = [c for c in node.children
                     if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i]
            if found:
                return found
    return []
