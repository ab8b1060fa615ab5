"""Strike-specific views of a parse: noun-phrase extent, passive and verbal triggers, light
verbs, subjects, military and weapon words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.words import (
    ANAPHOR_DETS,
    CLAUSE_DEPS,
    NOMINAL_DEPS,
    SKIP_NESTED_PREPS,
    UNTIED_FORCES,
    _words,
)
from bilat.extractors.common import (
    conjuncts,
    pp_objects,
)
from bilat.syntax.agents import (
    accused_doer,
    gerund_host,
    raised_subject,
)
from bilat.syntax.lexicon import relative_pronouns

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _np_tokens(token: Token, depth: int = 4, appos: bool = True) -> list[Token]:
    """``token`` and the tokens of its noun phrase, without clauses and non-place PPs (and
    without appositions unless ``appos``)."""
    out = [token]
    if depth == 0:
        return out
    for child in token.children:
        if child.dep_ == "appos" and not appos:
            continue
        if child.dep_ in CLAUSE_DEPS and not (
                child.dep_ == "conj" and child.pos_ == "PROPN" and token.pos_ == "PROPN"):
            continue  # but coordinated names stay: "positions in Iraq and Syria"
        if child.dep_ == "prep" and child.lower_ in SKIP_NESTED_PREPS:
            continue
        out.extend(_np_tokens(child, depth - 1))
    return out

def _mentions_in(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
    seen: list[ActorMention] = []
    for token in sorted(tokens, key=lambda t: t.i):
        mention = context.actor_at(token.i)
        if mention is not None and mention not in seen:
            seen.append(mention)
    return seen

def _is_passive(verb: Token) -> bool:
    """A passive verb, or a passive participle describing a noun ("a convoy struck by")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")

def _is_verbal(trigger: Trigger) -> bool:
    head = trigger.head
    if head.dep_ in NOMINAL_DEPS and head.lower_.endswith("s") and trigger.label != "unspecified":
        return False  # "supported by US-led coalition airstrikes" mis-tagged as a verb
    if head.dep_ in NOMINAL_DEPS and head.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "aux", "dobj", "obj", "auxpass"} for c in head.children):
        return False  # "cross-border shelling from Syria killed ...": a noun
    return head.pos_ in {"VERB", "AUX"} or head.tag_.startswith("VB")

def _light_verb_of(noun: Token) -> Token | None:
    """The verb a trigger noun is the object of ("carried out strikes")."""
    head = noun.head
    if noun.dep_ in {"dobj", "obj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        return head
    if noun.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.head.pos_ == "VERB" \
            and head.lower_ in {"with", "in"}:
        return head.head
    if noun.dep_ == "conj":
        return _light_verb_of(noun.head)
    return None

def _subjects(verb: Token) -> list[Token]:
    current = verb
    for _ in range(4):
        # "accused India of firing ...", "were reported to have bombed ..."
        doers = accused_doer(current) or raised_subject(current)
        if doers:
            return [t for d in doers for t in conjuncts(d)]
        found: list[Token] = []
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"}:
                found.extend(conjuncts(child))
            elif child.dep_ == "agent":
                found.extend(o for o in child.children if o.dep_ == "pobj")
        if found:
            if current.dep_ == "relcl" and all(f.lower_ in relative_pronouns() for f in found):
                return [current.head]  # "the jets, which attacked ...": the jets
            return found
        if current.dep_ in {"xcomp", "conj", "acomp"} and current.head != current:
            current = current.head
            continue
        host = gerund_host(current)
        if host is not None:  # "violating the ceasefire by firing mortars"
            current = host
            continue
        # "were engaged in attacking ...", "involved in bombing ...": the engaged party
        if _gerund_of_prep(current):
            current = current.head.head
            passive = [c for c in current.children if c.dep_ == "nsubjpass"]
            if passive:
                if current.dep_ == "relcl" and all(p.lower_ in relative_pronouns()
                                                   for p in passive):
                    return [current.head]
                return [t for p in passive for t in conjuncts(p)]
            continue
        if current.dep_ in {"relcl", "acl"}:
            return [current.head]
        break
    return []

def _gerund_of_prep(token: Token) -> bool:
    """A verb in "engaged in bombing", "involved in attacking" (parsed pcomp or pobj)."""
    return (token.dep_ == "pcomp" or (token.dep_ == "pobj" and token.pos_ == "VERB")) and \
        token.head.dep_ == "prep" and token.head.head.pos_ in {"VERB", "AUX"}

def _path_up(token: Token, hops: int = 5) -> list[Token]:
    out = [token]
    current = token
    for _ in range(hops):
        if current.head == current:
            break
        current = current.head
        out.append(current)
    return out

def _argument_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is an argument of ``verb``: its subject or object, a coordinated
    one, or the object of a preposition on it ("a US strike could trigger", "fears of a
    strike could", "could face attacks on its bases")."""
    node = noun
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.head == verb:
        return True
    return node.dep_ == "pobj" and node.head.head == verb

def _is_military(token: Token) -> bool:
    words = _words()
    if token.lower_ in words.military:
        return True
    return any(c.lower_ in words.military and c.dep_ in {"compound", "amod"}
               for c in token.children)

def _attacker_np(token: Token, depth: int = 3) -> list[Token]:
    out = [token]
    if depth == 0:
        return out
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "appos":
            continue
        if child.dep_ == "prep" and child.lower_ not in {"from", "of"}:
            continue
        out.extend(_attacker_np(child, depth - 1))
    return out

def _weapon(token: Token) -> str | None:
    """The strike kind of a weapon phrase ("cruise missiles", "artillery shells", "dozens
    of drones", "a barrage of rockets"), or ``None`` when it names no weapon."""
    weapons = _words().weapons
    for each in conjuncts(token):
        modifiers = [c for c in each.children if c.dep_ in {"compound", "amod"}]
        if any(w.lower_ in _words().non_lethal for c in modifiers for w in c.subtree):
            continue  # "water cannon", "rubber bullets", "tear gas shells"
        words = [each, *modifiers, *pp_objects(each, ["of"])]
        for word in words:
            kind = weapons.get(word.lower_)
            if kind is not None:
                return kind
    return None

def _bare_forces(token: Token) -> bool:
    """A military noun naming no one ("the planes", "warplanes"): an anaphor for the
    forces of the strike just reported."""
    if token.lower_ in UNTIED_FORCES or token.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return False
    return all(c.dep_ == "punct" or (c.dep_ == "det" and c.lower_ in ANAPHOR_DETS)
               for c in token.children)

def _into_phrase(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "into" for c in head.children)
