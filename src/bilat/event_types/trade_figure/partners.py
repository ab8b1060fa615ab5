"""Partners named beside an amount, in lists, by pronouns or only by the donor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.trade_figure.lexicon import (
    _config,
    flow_preps,
    words,
)
from bilat.event_types.trade_figure.mentions import _countries, _is_amount, _is_verb
from bilat.syntax.arguments import conjuncts, pp_objects
from bilat.syntax.figures import (
    nearest_phrase_object,
)
from bilat.syntax.lexicon import STATE_NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _own_partner(context: DocumentContext, money_root: Token, trigger: Trigger
                 ) -> tuple[list[str], bool]:
    """ "(surplus with A was X) and with B, Y": the partner phrase the amount itself hangs
    from or carries, when it is not the trigger's own; ``(states, found)``."""
    preps = flow_preps("target_preps")[trigger.label]
    own = {t.i for t in trigger.head.doc[trigger.start:trigger.end]}
    node = money_root
    for _ in range(3):
        if node.dep_ == "appos" and node.head != node:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.lower_ in preps and \
                node.head.head.i not in own and node.head.head.i > trigger.head.i and \
                not _is_amount(node):
            return _countries(context, [node]), True
        break
    for prep in money_root.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            objects = [o for o in prep.children if o.dep_ == "pobj" and not _is_amount(o)]
            states = _countries(context, objects)
            if states:  # "12.1 billion with the EC"; "X in aid" names no partner
                return states, True
    return [], False


def _listed_partner(context: DocumentContext, span: Span, trigger: Trigger
                    ) -> tuple[tuple[str, ...], bool] | None:
    """The partner phrase nearest before the amount ``span`` when it is not the noun
    trigger's own: ``(states, foreign)``, ``foreign`` for a named partner that is no state
    ("with Latin America", "with industrialised countries"); ``None`` when there is none or
    it names several states or no one in particular."""
    if _is_verb(trigger.head) or trigger.end >= span.start:
        return None
    obj = nearest_phrase_object(context.doc, trigger.end, span.start,
                                frozenset(flow_preps("target_preps")[trigger.label]), _is_amount)
    if obj is None:
        return None
    states = _countries(context, conjuncts(obj))
    if len(states) == 1:
        return (states[0],), False
    if states:
        return None
    named = obj.pos_ == "PROPN" or obj.ent_type_ in {"GPE", "LOC", "NORP", "ORG"}
    if named or (obj.lower_ in words("collective_nouns") and not any(
            c.dep_ == "poss" or c.lower_ in words("pair_determiners")
            for c in obj.children)):
        return (), True  # "with Latin America", "with industrial countries"
    return None  # "between both countries", "with its neighbours": someone named before


def _owned_flow_noun(context: DocumentContext, trigger: Trigger) -> bool:
    """A flow noun owned by a state named in its modifier ("France's deficit", "a French
    surplus"; a pronoun, "its surplus", may mean any of the state's balances), not
    marked as a total with the world ("overall", "global") nor as a total of parts ("a
    surplus, including ... with A and ... with B")."""
    head = trigger.head
    if _is_verb(head):
        return False
    tokens = [head, *head.doc[trigger.start:trigger.end]]
    modifiers = [c for t in tokens for c in t.children
                 if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i < head.i]
    if any(c.lower_ in _config()["world_markers"] for c in modifiers) or any(
            t.lower_ in _config()["world_markers"] for t in tokens):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"including", "of"} for c in head.children):
        return False
    return any((m := context.actor_at(c.i)) is not None and m.kind in STATE_NAME_KINDS
               for c in modifiers)


def _only_partners_besides(context: DocumentContext, sent: Span, owner: str) -> bool:
    """Every state ``sent`` names, other than ``owner``, is a partner ("to Mexico")."""
    return all(m.country == owner or _partner_phrase(context.doc[m.end - 1])
               for m in context.actors.within(sent.start, sent.end) if m.kind in STATE_NAME_KINDS)


def _partner_phrase(token: Token) -> bool:
    """``token`` names the object of a partner preposition ("with EC nations"), one of its
    conjuncts ("to A and B"), a member it lists ("with Asian states, including A and B"),
    or the subject a partner "with" introduces ("with Japan increased to ...")."""
    for _ in range(8):
        if token.dep_ in {"compound", "amod", "nmod", "conj", "appos"} and token.head != token:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in words("list_introducers") and \
                token.head.head != token.head:
            token = token.head.head
        else:
            break
    if token.dep_ in {"nsubj", "nsubjpass"} and any(
            c.dep_ == "mark" and c.lower_ in words("marker_preps") and c.i < token.i
            for c in token.head.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in words("marker_preps")


def _in_comparison(token: Token) -> bool:
    """``token`` is the object of "compared to/with", "against", "versus"."""
    node = token
    for _ in range(3):
        if node.head == node:
            return False
        node = node.head
        if node.lower_ in words("comparison_heads"):
            return True
    return False


def _pronoun_partner(sent: Span) -> bool:
    """ "with its neighbour", "to their partner": a partner named only by a possessive."""
    return any(t.dep_ == "pobj" and t.head.lower_ in {"with", "to", "from"}
               and any(c.dep_ == "poss" and c.lower_ in words("pronoun_owners") for c in t.children)
               for t in sent)


def _names_recipient(*tokens: Token) -> bool:
    """A "to"/"for" phrase on ``tokens`` names who gets the money ("to the UN agency")."""
    return any(c.dep_ in {"dative", "prep"} and c.lower_ in {"to", "for"}
               and any(o.dep_ == "pobj" and not _is_amount(o) for o in c.children)
               for t in tokens for c in t.children)


def _names_counterpart(token: Token) -> bool:
    """``token`` has an indirect object or a "to"/"for"/"with"/"between" phrase naming
    someone (not an amount): a recipient or counterpart of a transfer."""
    for child in token.children:
        if child.dep_ in {"dative", "iobj"}:
            return True
        if child.dep_ == "prep" and child.lower_ in {"to", "for", "with", "between"} and \
                any(o.dep_ == "pobj" and not _is_amount(o) for o in child.children):
            return True
    return False


def _donor_only(context: DocumentContext, trigger: Trigger, money_root: Token,
                donor: str) -> bool:
    """A loan, aid or pledge whose text names its giver alone: in a "from" phrase ("a loan
    from the Japanese government"), as a modifier ("a Japanese credit") or as the subject
    of a giving verb ("Japan's Ex-Im bank announced a credit"), with no phrase naming a
    recipient or a counterpart ("to the fund", "with its creditor banks") and no giver
    coordinated with others ("the U.S. and other industrial nations granted")."""
    head = trigger.head
    verb = head.head if head.dep_ in {"dobj", "obj", "nsubjpass", "attr"} else None
    tokens = [head, money_root] + ([verb] if verb is not None else [])
    if any(_names_counterpart(token) for token in tokens):
        return False

    def names_donor(token: Token) -> bool:
        return any((m := context.actor_at(t.i)) is not None and m.country == donor
                   for t in token.subtree)

    if any(names_donor(o) for o in pp_objects(head, ["from"])):
        return True
    if any(c.dep_ in {"poss", "amod", "compound", "nmod"} and names_donor(c)
           for c in head.children):
        return True
    if verb is None or verb.lemma_.lower() not in words("give_lemmas"):
        return False
    givers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(names_donor(g) and not any(c.dep_ == "conj" for c in g.children)
               for g in givers)
