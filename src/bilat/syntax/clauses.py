"""Clause structure: voice, who acts, what is acted on, and where a noun argument attaches.

A passive clause puts the thing acted on in subject position ("the accord was signed by
Kenya and Tanzania", "a deal was reached"): its grammatical subject is the theme, and the
doers are the objects of the ``agent`` ("by") phrase, if any. These helpers give the roles
by meaning rather than by position, so an extractor can read "signed" the same way in both
voices.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "agents",
    "attached_verb",
    "governing_verb",
    "is_passive",
    "is_verbal",
    "themes",
]

_PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass", "csubjpass"})
_THEME_DEPS = frozenset({"dobj", "obj", "nsubjpass"})


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    out.extend(t for t in token.conjuncts if t not in out)
    return out


def is_passive(verb: Token, *, subjectless_participles: bool = False) -> bool:
    """Whether ``verb`` heads a passive clause ("was signed", "had been reached"), or is a
    reduced passive modifying a noun ("the accord signed by both sides").

    With ``subjectless_participles`` the reduced passive is read more widely and more
    strictly at once: any past participle heading an adverbial or noun-modifying clause
    with no subject or auxiliary of its own ("Expelled by Tunisia, the migrants ...",
    "migrants expelled by Tunisia"); then only ``nsubjpass``/``auxpass`` mark a full
    passive clause."""
    if subjectless_participles:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and
            not any(c.dep_ in {"nsubj", "aux"} for c in verb.children))
    if any(c.dep_ in _PASSIVE_DEPS for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def is_verbal(token: Token) -> bool:
    """Whether ``token`` is used as a verb: tagged ``VERB``/``AUX`` or with a ``VB*`` tag
    (a participle or gerund the coarse tagger calls a noun or adjective)."""
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def governing_verb(token: Token, max_hops: int = 4) -> Token | None:
    """The nearest verb or auxiliary above ``token`` (itself if it is one), within
    ``max_hops`` steps up the tree."""
    current = token
    for _ in range(max_hops):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def agents(verb: Token) -> list[Token]:
    """The doers named in a passive clause's "by" phrase, with their conjuncts ("signed by
    Kenya and Tanzania" gives Kenya and Tanzania); empty for an active verb."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(t for t in _with_conjuncts(obj) if t not in out)
    return out


def themes(verb: Token) -> list[Token]:
    """What the verb acts on, in either voice: its direct object, its passive subject, or
    for a reduced passive ("the accord signed in May") the noun it modifies."""
    out = [c for c in verb.children if c.dep_ in _THEME_DEPS]
    if not out and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head != verb:
        out.append(verb.head)
    return out


def attached_verb(noun: Token, stop_nouns: Collection[str] = (), max_hops: int = 6) -> Token | None:
    """The verb a noun is an argument of, climbing through prepositions and the nouns they
    hang from ("agreed on a deal", "began work on a trade agreement", "the implementation
    of a proposed MoU"). ``None`` when the climb passes a noun whose lemma is in
    ``stop_nouns`` (an attitude to the agreement, not an act on it: "interest in a swift
    agreement", "the shape of a final deal"), or finds no verb within ``max_hops``."""
    current = noun
    for _ in range(max_hops):
        if current.dep_ in {"conj", "appos"} and current.head != current:
            current = current.head
            continue
        head = current.head
        if head == current:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() in stop_nouns:
            return None
        current = head
    return None
