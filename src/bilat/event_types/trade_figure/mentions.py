"""The states a token or phrase names, for the trade-figure extractor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.trade_figure.lexicon import (
    _CLAUSE_DEPS,
    _COUNTRY_OR_CAPITAL_KINDS,
    _SUBJECT_KINDS,
    _flow_nouns,
    words,
)
from bilat.syntax.arguments import pp_objects
from bilat.syntax.lexicon import STATE_NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger
    from bilat.values import Modality


def _countries(context: DocumentContext, tokens: list[Token], depth: int = 2,
               kinds: frozenset[str] = STATE_NAME_KINDS) -> list[str]:
    """States mentioned by ``tokens`` (each token's own mention or one in its NP)."""
    out: list[str] = []
    for token in tokens:
        for mention in _np_mentions(context, token, depth, kinds):
            if mention.country not in out:
                out.append(mention.country)
    return out


def _negated_name(context: DocumentContext, mention: ActorMention) -> bool:
    """ "non-EU trade": the name excludes the state."""
    doc = context.doc
    prev = [t.lower_ for t in doc[max(0, mention.start - 2):mention.start]]
    return "non" in prev or any(t.endswith("non-") for t in prev) or \
        doc[mention.start].lower_.startswith("non-")


def _np_mentions(context: DocumentContext, token: Token, depth: int,
                 kinds: frozenset[str] = STATE_NAME_KINDS) -> list[ActorMention]:
    """State mentions on ``token`` or among its nominal dependents (not clauses)."""
    found: list[ActorMention] = []
    direct = context.actor_at(token.i)
    if direct is not None and direct.kind in kinds and direct.country:
        return [] if _negated_name(context, direct) else [direct]
    frontier = [token]
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in {"relcl", "acl", "advcl", "appos", "cc", "punct", "prep"}:
                    continue
                mention = context.actor_at(child.i)
                if mention is not None and mention.kind in kinds and mention.country:
                    if _negated_name(context, mention):
                        continue
                    if mention not in found:
                        found.append(mention)
                    continue
                if child.dep_ == "conj":
                    continue
                nxt.append(child)
        frontier = nxt
        if found:
            break
    return found


def _is_amount(token: Token) -> bool:
    """An amount or date as the object of "rose to", "from": not a partner."""
    if token.like_num or any(ch.isdigit() for ch in token.text) or \
            token.ent_type_ in {"MONEY", "PERCENT", "DATE"}:
        return True
    return any(c.dep_ in {"nummod", "compound", "quantmod", "amod"} and
               (any(ch.isdigit() for ch in c.text) or c.lower_ in words("scale_words"))
               for c in token.children)


def _pp_targets(context: DocumentContext, token: Token, preps: tuple[str, ...],
                own: Token | None = None) -> tuple[list[str], bool]:
    """States in the ``preps`` phrases on ``token``, and whether such a phrase exists.

    A phrase whose object is an amount ("rose to 5 bln dlrs") or a date is no partner, nor
    is the phrase whose object is the flow noun ``own`` itself ("concerned with the U.S.
    deficit")."""
    objects = [o for o in pp_objects(token, preps) if not _is_amount(o) and o != own
               and not (o.lower_ in _flow_nouns() and o.dep_ != "conj")]
    if not objects:
        return [], False
    return _countries(context, objects), True


def _subtree_targets(context: DocumentContext, token: Token, preps: tuple[str, ...],
                     depth: int = 3) -> tuple[list[str], bool]:
    """States in ``preps`` phrases anywhere in ``token``'s phrase (not crossing clauses)."""
    found: list[str] = []
    seen = False
    frontier = [token]
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            got, has = _pp_targets(context, node, preps)
            seen = seen or has
            found.extend(c for c in got if c not in found)
            for child in node.children:
                if child.dep_ not in _CLAUSE_DEPS | {"relcl", "conj"}:
                    nxt.append(child)
        frontier = nxt
    return found, seen


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def _pronoun_owner(context: DocumentContext, head: Token) -> list[str]:
    """ "its surplus": the nearest state named before it in the sentence."""
    doc = context.doc
    before = [m for m in context.actors.within(head.sent.start, head.i)
              if m.kind in STATE_NAME_KINDS and not _negated_name(context, m)
              and doc[m.end - 1].dep_ != "pobj"]
    if before:
        return [before[-1].country]
    sent = head.sent
    if sent.start == 0:
        return []
    previous = context.doc[sent.start - 1].sent
    for token in previous:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            return _countries(context, [token], depth=1)[:1]
    return []


def _state_of(context: DocumentContext, token: Token) -> str | None:
    """The state ``token`` names itself, or its possessor ("Turkey's", "its")."""
    mention = context.actor_at(token.i)
    if mention is not None and mention.kind in _COUNTRY_OR_CAPITAL_KINDS | {"body"} and \
            mention.country and not _negated_name(context, mention):
        return mention.country
    for child in token.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in words("pronoun_owners"):
            found = _pronoun_owner(context, token)
            return found[0] if found else None
        mention = context.actor_at(child.i)
        if mention is not None and mention.kind in _SUBJECT_KINDS and mention.country:
            return mention.country
    return None


def _named_in(context: DocumentContext, sent: Span) -> list[str]:
    """The distinct states a sentence names, in order."""
    return list(dict.fromkeys(m.country for m in context.actors.within(sent.start, sent.end)
                              if m.kind in STATE_NAME_KINDS))


def _main_states(context: DocumentContext, wanted: int, kinds: frozenset[str]) -> list[str]:
    """The story's protagonist states (:func:`bilat.syntax.mentions.main_states`).

    Imported on first call: ``bilat.extractors`` imports this package, so importing it at
    module level would close a cycle whenever this package is imported first."""
    from bilat.syntax.mentions import main_states

    return main_states(context, wanted, kinds)


def _trigger_modality(trigger: Trigger, allowed: frozenset[str]) -> Modality:
    """The ConText modality of a trigger (:func:`bilat.syntax.mentions.modality_for`),
    imported on first call for the same reason as :func:`_main_states`."""
    from bilat.syntax.mentions import modality_for

    return modality_for(trigger, allowed)
