"""The tree half of bilat's modality engine: negation, hypothesis, plans and reporting read
from a dependency parse.

:mod:`bilat.modality` reads modality from ConText cues (``bilat/data/modality_cues.json``)
in a window of tokens around a trigger; the checks here read it from the trigger's place in
the tree instead ("a US strike could trigger ...": a modal on the verb the strike is an
argument of). Every check takes the word lists it needs as named parameters, so each event
type states how it differs (which verbs carry a threat, which nouns mark a plan) and shares
the walk.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from bilat.syntax.agents import ACCUSING_LEMMAS
from bilat.syntax.clauses import governing_verb
from bilat.syntax.lexicon import future_modals, hypothetical_modals

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "according_to_objects",
    "argument_of",
    "climbing_cue",
    "has_aux",
    "hypothetical",
    "negated",
    "negation_on",
    "path_up",
    "planned",
    "reporting_root",
    "reporting_verb",
    "threatened",
]

_THREAT_CLIMB_DEPS = frozenset({"xcomp", "ccomp", "dobj"})
_WEIGHED_DEPS = frozenset({"advcl", "xcomp", "ccomp", "csubj", "acl"})
_PLAN_MODIFIER_DEPS = frozenset({"amod", "compound", "aux"})
_PLAN_CLIMB_DEPS = frozenset({"xcomp", "acl", "ccomp"})
_AUX_DEPS = frozenset({"aux", "auxpass"})
_REPORTED_DEPS = frozenset({"ccomp", "dobj", "xcomp", "advcl", "parataxis", "conj"})


def path_up(token: Token, hops: int = 5) -> list[Token]:
    """``token`` and up to ``hops`` of its heads, nearest first, stopping at the root."""
    out = [token]
    current = token
    for _ in range(hops):
        if current.head == current:
            break
        current = current.head
        out.append(current)
    return out


def argument_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is an argument of ``verb``: its subject or object, a coordinated
    one, or the object of a preposition on it ("a US strike could trigger", "fears of a
    strike could", "could face attacks on its bases")."""
    node = noun
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.head == verb:
        return True
    return node.dep_ == "pobj" and node.head.head == verb


def has_aux(node: Token, words: Collection[str],
            deps: Collection[str] = frozenset({"aux"})) -> bool:
    """Whether ``node`` has an auxiliary (a child whose label is one of ``deps``) among
    ``words`` ("could", "will")."""
    return any(c.dep_ in deps and c.lower_ in words for c in node.children)


def negation_on(node: Token) -> bool:
    """Whether ``node`` is negated on itself: a ``neg`` child ("did not strike") or the
    determiner "no" ("no strikes")."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for c in node.children)


def negated(head: Token, *, light_verbs: Collection[str]) -> bool:
    """Whether the trigger ``head`` is negated: on itself (:func:`negation_on`), or as the
    object of a negated light verb among ``light_verbs`` ("did not carry out strikes")."""
    if negation_on(head):
        return True
    verb = governing_verb(head)
    if verb is not None and verb is not head and head.dep_ in {"dobj", "nsubjpass"}:
        return any(c.dep_ == "neg" for c in verb.children) and verb.lower_ in light_verbs
    return False


def threatened(head: Token, *, threat_lemmas: Collection[str], hops: int = 3) -> bool:
    """Whether the trigger ``head`` is what a threat names ("Iran threatened to strike",
    "warned it would launch an offensive"): a verb among ``threat_lemmas`` up a chain of
    complements and objects."""
    node = head
    for _ in range(hops):
        if node.dep_ not in _THREAT_CLIMB_DEPS or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in threat_lemmas:
            return True
    return False


def _weighed(verb: Token) -> bool:
    """An infinitive judged by a modal "be" ("it would be foolish to strike back", "it
    could be a mistake to attack"): only weighed, not done."""
    host = verb.head
    return has_aux(verb, {"to"}) and verb.dep_ in _WEIGHED_DEPS and \
        host.lemma_.lower() == "be" and has_aux(host, hypothetical_modals() | {"would"})


def _modal_clause(head: Token, marks: Collection[str], hops: int) -> bool:
    """Whether the first verb on the path up from ``head`` that it is an argument of (or
    ``head`` itself) bears a hypothetical modal, a mark among ``marks`` ("if"), or is a
    weighed infinitive."""
    for node in path_up(head, hops):
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        if node != head and not argument_of(head, node):
            return False  # "the development, a week into Turkey's offensive, could ..."
        return has_aux(node, hypothetical_modals()) or has_aux(node, marks, {"mark"}) or \
            _weighed(node)
    return False


def hypothetical(head: Token, *, threat_lemmas: Collection[str], marks: Collection[str],
                 of_nouns: Collection[str], hops: int = 3) -> bool:
    """Whether the trigger ``head`` is only imagined: threatened (:func:`threatened`), in a
    clause with a hypothetical modal or a mark among ``marks`` ("a US strike could trigger",
    "if Israel attacks"), or the object of "of" after one of ``of_nouns`` ("the risk of a
    strike")."""
    if threatened(head, threat_lemmas=threat_lemmas) or _modal_clause(head, marks, hops):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and \
        head.head.head.lower_ in of_nouns


def planned(head: Token, *, future: bool, plan_words: Collection[str], hops: int = 4) -> bool:
    """Whether the trigger ``head`` is planned: ``future`` (the caller's tense reading), a
    plan word on it ("planned strikes") or up its chain of complements ("plans to attack"),
    or a future modal on a verb of that chain."""
    if future or any(c.lower_ in plan_words and c.dep_ in _PLAN_MODIFIER_DEPS
                     for c in head.children):
        return True
    for node in path_up(head, hops)[1:]:
        if node.lower_ in plan_words:
            return True
        if node.pos_ in {"VERB", "AUX"} and has_aux(node, future_modals()):
            return True
        if node.pos_ == "VERB" and node.dep_ not in _PLAN_CLIMB_DEPS:
            return False
    return False


def _node_cue(node: Token, head: Token, proposal_words: Collection[str]) -> str | None:
    """The cue one node on the way up from the trigger ``head`` gives (see
    :func:`climbing_cue`)."""
    if negation_on(node):
        return "negated"
    verbal = node.pos_ in {"VERB", "AUX"}
    if verbal and node is head and has_aux(node, hypothetical_modals(), _AUX_DEPS):
        return "hypothetical"
    if node is not head and node.lower_ in proposal_words:
        return "proposed"
    if verbal and has_aux(node, future_modals(), _AUX_DEPS):
        return "planned"
    if any(c.lower_ in proposal_words and c.dep_ in {"amod", "compound"}
           for c in node.children):
        return "proposed"
    return None


def climbing_cue(head: Token, *, proposal_words: Collection[str],
                 climb_deps: Collection[str], hops: int = 4) -> str | None:
    """The first modality cue on the trigger ``head`` or on up to ``hops - 1`` heads above
    it, climbing only from a node whose label is in ``climb_deps``: ``"negated"`` (a
    negation, :func:`negation_on`), ``"hypothetical"`` (a hypothetical modal on the trigger
    verb itself: "could deport"), ``"proposed"`` (a word among ``proposal_words`` above it,
    "plans to expel", or modifying a node, "the proposed expulsion"), ``"planned"`` (a
    future modal: "will deport"); ``None`` when there is none."""
    node = head
    for _ in range(hops):
        found = _node_cue(node, head, proposal_words)
        if found is not None:
            return found
        if node.dep_ not in climb_deps or node.head == node:
            break
        node = node.head
    return None


def _reports(parent: Token, node: Token, verbs: Collection[str]) -> bool:
    if parent.pos_ not in {"VERB", "AUX"} or not (
            parent.lower_ in verbs or parent.lemma_.lower() in verbs):
        return False
    return node.dep_ in _REPORTED_DEPS or (
        node.dep_ == "prep" and parent.lemma_.lower() in ACCUSING_LEMMAS)


def reporting_verb(head: Token, *, verbs: Collection[str], hops: int = 6) -> Token | None:
    """The verb among ``verbs`` that reports (or, with denying verbs, denies) the trigger
    ``head``: the first such verb up to ``hops`` heads above it whose complement, object
    or clause holds it ("Iraq said Turkish jets bombed ...", "accused Israel of strikes")."""
    node = head
    for _ in range(hops):
        if node.head == node:
            break
        parent = node.head
        if _reports(parent, node, verbs):
            return parent
        node = parent
    return None


def according_to_objects(sent: Span) -> list[Token]:
    """The objects of every "according to" in ``sent`` ("..., according to Iraq's
    military")."""
    return [obj for token in sent
            if token.lower_ == "according" and token.i + 1 < sent.end and
            token.nbor().lower_ == "to"
            for obj in token.nbor().children]


def reporting_root(head: Token, *, verbs: Collection[str]) -> Token | None:
    """The root of ``head``'s sentence when it is a verb among ``verbs`` that reports the
    clause holding ``head`` ("..., Iraq said.")."""
    root = head.sent.root
    if (root.lower_ in verbs or root.lemma_.lower() in verbs) and \
            head in list(root.subtree) and head != root:
        return root
    return None
