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
from bilat.syntax.arguments import conjuncts, np_tokens, pp_objects
from bilat.syntax.clauses import is_verbal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _phrase_tokens(token: Token, depth: int = 4, appos: bool = True) -> list[Token]:
    """``token`` and the tokens of its noun phrase for the strike rules: every prepositional
    phrase but those of :data:`SKIP_NESTED_PREPS` ("for", "with", "during", ...), and
    coordinated names ("positions in Iraq and Syria"); appositions only with ``appos``."""
    return np_tokens(token, depth, keep_preps=None, skip_preps=SKIP_NESTED_PREPS, appos=appos,
                     coordinated_names=True)


def _mentions_in(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
    seen: list[ActorMention] = []
    for token in sorted(tokens, key=lambda t: t.i):
        mention = context.actor_at(token.i)
        if mention is not None and mention not in seen:
            seen.append(mention)
    return seen


def _verbal_trigger(trigger: Trigger) -> bool:
    """Whether a trigger is used as a verb (:func:`bilat.syntax.clauses.is_verbal`), except a
    plural strike noun or a gerund with no verbal dependents the tagger took for a verb."""
    head = trigger.head
    if head.dep_ in NOMINAL_DEPS and head.lower_.endswith("s") and trigger.label != "unspecified":
        return False  # "supported by US-led coalition airstrikes" mis-tagged as a verb
    if head.dep_ in NOMINAL_DEPS and head.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "aux", "dobj", "obj", "auxpass"} for c in head.children):
        return False  # "cross-border shelling from Syria killed ...": a noun
    return is_verbal(head)


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
