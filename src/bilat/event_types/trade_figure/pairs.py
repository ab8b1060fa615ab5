"""The two states of a figure from its roles, its sentence or the previous pair, and
the figure's direction."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from bilat.event_types.trade_figure.lexicon import _pair_anaphor_hashes, words
from bilat.event_types.trade_figure.mentions import _is_verb, _main_states, _named_in
from bilat.event_types.trade_figure.partners import _partner_phrase
from bilat.event_types.trade_figure.roles import _Roles, _roles
from bilat.syntax.lexicon import STATE_NAME_KINDS
from bilat.triggers import lower_hashes

if TYPE_CHECKING:
    from spacy.tokens import Span

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _marked_pair(context: DocumentContext, sent: Span, roles: _Roles,
                 known: list[str]) -> tuple[str, ...] | None:
    """The pair of a marked two-party figure ("with", "bilateral") from the states its
    sentence names: the one known state and the one other, or the only two named."""
    named = _named_in(context, sent)
    others = [c for c in named if c not in known]
    if len(known) == 1 and known[0] in roles.targets:
        # two partner phrases ("with A ... and with B") make no pair without an owner
        partners = {m.country for m in context.actors.within(sent.start, sent.end)
                    if _partner_phrase(context.doc[m.end - 1])}
        others = [c for c in others if c not in partners]
    if len(known) == 1 and len(others) == 1:
        return (known[0], others[0])
    if not known and len(named) == 2:
        return tuple(named)
    return None


def _pair(context: DocumentContext, sent: Span, roles: _Roles,
          previous: tuple[str, str] | None) -> tuple[tuple[str, ...], str]:
    """The two states of a figure and how they were found (empty if not two).

    ``previous`` is the pair the preceding sentence established (or that "the two
    countries" in this sentence refers to)."""
    known = list(dict.fromkeys(roles.owners + roles.targets))
    if len(known) == 2:
        return tuple(known), "syntax"
    if len(known) > 2 or roles.foreign:
        return (), ""
    if roles.marker:
        found = _marked_pair(context, sent, roles, known)
        if found is not None:
            return found, "sentence"
    if not known and roles.anaphoric and previous is not None:
        named = _named_in(context, sent)
        if len(named) == 2 and set(named) != set(previous):
            # "Brazil was West Germany's main supplier, but shipments fell to X": the two
            # states of this sentence, not the pair before
            return tuple(named), "sentence"
    if previous is not None and (roles.anaphoric or roles.marker) and \
            all(c in previous for c in known):
        return previous, "previous"
    if roles.bilateral and len(known) == 1:
        # "Japan's bilateral surplus" in a story about Japan and the U.S.: the other
        # protagonist is the partner
        main = _main_states(context, 2, STATE_NAME_KINDS)
        if known[0] in main:
            return (main[0], main[1]), "protagonists"
    return (), ""


def _names_pair(sent: Span) -> bool:
    """ "the two countries", "both sides": the sentence refers back to a known pair (a line
    break between the two words is skipped)."""
    hashes = lower_hashes(sent)
    if _pair_anaphor_hashes().isdisjoint(pairwise(hashes)):
        if not any(t.is_space for t in sent):
            return False
        hashes = [h for h, t in zip(hashes, sent, strict=True) if not t.is_space]
    return not _pair_anaphor_hashes().isdisjoint(pairwise(hashes))


def _direction(flow: str, trigger: Trigger, roles: _Roles, pair: tuple[str, ...]
               ) -> tuple[str | None, str | None]:
    if flow == "total" or not (roles.owners or roles.targets):
        return None, None
    if roles.owners:
        owner = roles.owners[0]
    elif roles.targets[0] in pair:  # "exports to B", "aid to B", A from the pair: A's flow
        owner = next((c for c in pair if c != roles.targets[0]), "")
    else:
        return None, None
    if owner not in pair:
        return None, None
    other = next((c for c in pair if c != owner), None)
    words = {trigger.head.lower_, trigger.head.doc[trigger.start].lower_}
    deficit = any(w.startswith("deficit") for w in words)
    if flow == "import" or (flow == "balance" and deficit):
        return other, owner
    return owner, other


def _in_favour_of(context: DocumentContext, span: Span, sent: Span) -> str | None:
    """ "six billion dlrs in Japan's favour": the state the balance favours."""
    window = context.doc[span.end:min(sent.end, span.end + 6)]
    for token in window:
        if token.lower_ in words("favour_words"):
            for child in token.children:
                if child.dep_ == "poss":
                    mention = context.actor_at(child.i)
                    if mention is not None and mention.kind in STATE_NAME_KINDS:
                        return mention.country
    return None


def _is_repeat(trigger: Trigger, roles: _Roles, previous_label: str | None) -> bool:
    """A bare flow noun repeating the previous sentence's flow ("exports were ...")."""
    head = trigger.head
    return (previous_label == trigger.label and not roles.owners and not roles.targets
            and not _is_verb(head) and not any(c.dep_ == "poss" for c in head.children))


def _parallel(trigger: Trigger, roles: _Roles, pair: tuple[str, str], label: str) -> bool:
    """A same-flow trigger owned by one state of a pair set earlier in the sentence.

    Not for balances: the other state's balance with the first is the same figure seen from
    the other side, so a balance of its own ("the U.S. deficit") is one with the world."""
    return (trigger.label == label and label != "balance" and len(roles.owners) == 1
            and not roles.targets
            and roles.owners[0] in pair and not roles.foreign)


def _sentence_pair(context: DocumentContext, sent: Span, triggers: list[Trigger],
                   mentions: list[ActorMention], carried: tuple[str, str] | None
                   ) -> tuple[tuple[str, str] | None, str | None]:
    """The pair of states a sentence without a figure sets up for the next one: a trigger
    with two states ("trade between A and B"), a bilateral trigger in a sentence naming
    exactly two states ("bilateral trade ... A's visit to B"), or an anaphoric trigger
    ("the trade") that keeps the pair the previous sentence set up."""
    named = list(dict.fromkeys(m.country for m in mentions))
    for trigger in triggers:
        roles = _roles(context, trigger, None)
        known = list(dict.fromkeys(roles.owners + roles.targets))
        if len(known) == 2:
            return (known[0], known[1]), trigger.label
    for trigger in triggers:
        roles = _roles(context, trigger, None)
        if (trigger.entry.extra.get("bilateral") or roles.marker) and len(named) == 2:
            return (named[0], named[1]), trigger.label
        if carried is not None and roles.anaphoric and all(c in carried for c in named):
            return carried, trigger.label
    return None, None
