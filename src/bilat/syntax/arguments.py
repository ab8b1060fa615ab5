"""Arguments of a predicate: subjects, doers, the people or things acted on, prepositional
objects, coordinated words and the extent of a noun phrase.

Two readings of "subject" are kept apart by name, because the event types need both:

* :func:`subjects`: whom a clause is about, inherited up infinitives, coordinations,
  adverbial clauses and prepositions ("plans to visit", "after completing a trip"), with a
  relative clause's noun standing in for its pronoun ("Funaro, who is in Rome") and the
  noun a non-finite clause modifies ("an invitation to visit");
* :func:`doers`: who does what a verb says, the active subject or the "by" phrase of a
  passive, inherited only through infinitives and coordination.

:func:`patients` is the other side of :func:`doers`: what the verb acts on in either voice.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from bilat.syntax.clauses import is_passive
from bilat.syntax.lexicon import relative_pronouns

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "NP_CLAUSE_DEPS",
    "OBJECT_DEPS",
    "SUBJECT_DEPS",
    "conjuncts",
    "doers",
    "np_tokens",
    "patients",
    "pp_objects",
    "subjects",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
NP_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc",
                            "punct", "mark"})
"""Dependencies that leave a noun phrase for a clause, a coordinated phrase or punctuation."""

_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp"})
_DOER_DEPS = frozenset({"nsubj", "csubj"})
_SUBJECT_RELATIVES = frozenset({"who", "that", "which"})  # "whom" is never a subject


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Thailand and Indonesia")."""
    out = [token]
    out.extend(t for t in token.conjuncts if t not in out)
    return out


def subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``, inherited up ``xcomp``/``conj``/``advcl``/``prep`` chains ("plans
    to visit", "after completing a trip"); a relative clause's subject is the noun it
    modifies ("Funaro, who is in Rome")."""
    current = verb
    for _ in range(5):
        found = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if found:
            out: list[Token] = []
            for subject in found:
                if subject.dep_ == "agent":
                    out.extend(c for c in subject.children if c.dep_ == "pobj")
                elif subject.lower_ in relative_pronouns() and current.dep_ == "relcl":
                    out.extend(conjuncts(current.head))
                else:
                    out.extend(conjuncts(subject))
            return out
        if current.dep_ in {"relcl", "acl"}:
            # "an invitation to visit", "his plan to travel": the noun, its possessor and,
            # for an object noun, the subject of its verb ("Trump received an invitation")
            noun = current.head
            out = [noun, *(c for c in noun.children if c.dep_ == "poss")]
            if noun.dep_ in {"dobj", "obj"} and noun.head != noun:
                out += subjects(noun.head)
            return out
        if current.dep_ in _CLIMB_DEPS and current.head != current:
            current = current.head
            continue
        break
    return []


def doers(verb: Token, max_hops: int = 4) -> list[Token]:
    """Who does what ``verb`` says: its active subjects (with their conjuncts) or the objects
    of its "by" phrase, inherited up ``xcomp``/``conj`` chains ("ordered to expel", "arrested
    and deported"). A passive subject is no doer; empty when none is found within
    ``max_hops`` clauses."""
    current = verb
    for _ in range(max_hops):
        found: list[Token] = []
        for child in current.children:
            if child.dep_ in _DOER_DEPS:
                found.extend(conjuncts(child))
            elif child.dep_ == "agent":
                found.extend(o for o in child.children if o.dep_ == "pobj")
        if found:
            return found
        if current.dep_ in {"xcomp", "conj"} and current.head != current:
            current = current.head
            continue
        break
    return []


def _passive_patients(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    node = verb
    # "a Tunisian who was rejected and was supposed to have been deported": climb the
    # xcomp/conj chain to the clause that names the subject
    for _ in range(3):
        if found:
            break
        if node.dep_ in {"relcl", "acl"}:
            found = [node.head]
        elif node.dep_ in {"xcomp", "conj"} and node.head != node:
            node = node.head
            found = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        elif node.dep_ in {"pcomp", "advcl"} and node.head != node:
            # "were flown home after being expelled": the people of the main clause
            node = node.head.head if node.head.dep_ == "prep" else node.head
            found = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        else:
            break
    return found


def patients(verb: Token) -> list[Token]:
    """Who or what ``verb`` acts on, with conjuncts: the direct object of an active verb;
    for a passive (:func:`~bilat.syntax.clauses.is_passive` with subjectless participles)
    the passive subject, found up infinitive and coordinated clauses, through an adverbial
    clause ("were flown home after being expelled") or as the noun a participle modifies
    ("migrants expelled by Tunisia"). A relative pronoun stands for its noun."""
    if is_passive(verb, subjectless_participles=True):
        found = _passive_patients(verb)
    else:
        found = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    out: list[Token] = []
    for token in found:
        if token.lower_ in _SUBJECT_RELATIVES and token.head.dep_ == "relcl":
            token = token.head.head
        out.extend(conjuncts(token))
    return out


def pp_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions in ``preps`` attached to ``token`` (with conjuncts)."""
    wanted = {p.lower() for p in preps}
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in wanted:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    out.extend(conjuncts(obj))
    return out


def np_tokens(token: Token, depth: int = 4, *,
              keep_preps: Collection[str] | None = ("of", "from", "in"),
              skip_preps: Collection[str] = (),
              appos: bool = True,
              coordinated_names: bool = False) -> list[Token]:
    """``token`` and the tokens of the noun phrase it heads, ``depth`` levels down, in tree
    order (not sorted): clauses, coordination and punctuation (:data:`NP_CLAUSE_DEPS`) are
    left out, and so are prepositional phrases other than ``keep_preps`` (all kept when
    ``None``) or in ``skip_preps``.

    Args:
        appos: keep the appositions of ``token`` itself ("the capital, Amman"); those
            deeper down are always kept.
        coordinated_names: keep a proper name coordinated with a proper name
            ("positions in Iraq and Syria").
    """
    out = [token]
    if depth == 0:
        return out
    for child in token.children:
        if child.dep_ == "appos" and not appos:
            continue
        if child.dep_ in NP_CLAUSE_DEPS and not (
                coordinated_names and child.dep_ == "conj" and child.pos_ == "PROPN"
                and token.pos_ == "PROPN"):
            continue
        if child.dep_ == "prep" and (
                (keep_preps is not None and child.lower_ not in keep_preps)
                or child.lower_ in skip_preps):
            continue
        out.extend(np_tokens(child, depth - 1, keep_preps=keep_preps, skip_preps=skip_preps,
                             coordinated_names=coordinated_names))
    return out
