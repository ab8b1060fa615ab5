"""The theatre of a strike that names no target: a foreign state named nearby, or the
one the whole article is about."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from bilat.event_types.strike.phrases import (
    _phrase_tokens,
)
from bilat.event_types.strike.records import (
    _Target,
)
from bilat.event_types.strike.words import (
    TERRITORY_KINDS,
    THEATRE_MIN_MENTIONS,
    _words,
)
from bilat.values import Place

if TYPE_CHECKING:
    from spacy.tokens import Span

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _theatre(context: DocumentContext, trigger: Trigger, attacker: str,
             back: int = 2, placed: bool = False) -> list[_Target]:
    """The state a strike with no stated target happens in, when the text makes it plain:
    one foreign state named as a territory (else by demonym) in the same sentence or the one
    before, which is also one of the two states other than the attacker that the document
    names most ("Russia's military intervention" in an article about Syria; "US-led
    coalition airstrikes" retaking Raqqa).
    A sentence that names no foreign state is passed over for the one before it. With
    ``placed``, a state from an earlier sentence counts only as the place where something
    happens there ("its campaign ... in Syria", not "talks with Egypt")."""
    head = trigger.head
    if head.lower_ in {"intervention", "interventions"} and trigger.entry.id == "incursion":
        return []  # a bare "intervention" may be diplomatic
    for token in _phrase_tokens(head):
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in {
                "in", "on", "into", "near", "at", "inside", "around"} and \
                context.actor_at(token.i) is None:
            return []  # a named place we cannot place: "a campaign ... in Sinai"
    counts: Counter[str] = Counter(m.country for m in context.actors.named
                                   if m.kind in TERRITORY_KINDS | {"demonym"}
                                   and m.country != attacker)
    salient = {c for c, _ in counts.most_common(2)}
    sent = head.sent
    doc = head.doc
    sentences = [sent]
    for _ in range(back):  # the sentence before, or two before past a sentence naming no one
        if sentences[-1].start == 0:
            break
        sentences.append(doc[sentences[-1].start - 1].sent)
    for each in sentences:
        mentions = _theatre_mentions(context, each, attacker)
        for kinds in (TERRITORY_KINDS, frozenset({"demonym"})):
            found = [m for m in mentions if m.kind in kinds]
            countries = {m.country for m in found}
            if len(countries) > 1:
                return []
            if countries:
                country = next(iter(countries))
                if country not in salient:
                    return []
                if placed and each is not sent and not any(
                        m.kind == "place" or (doc[m.end - 1].dep_ == "pobj" and doc[
                            m.end - 1].head.lower_ in {"in", "inside", "into", "across"})
                        for m in found):
                    return []
                place = next((m for m in found if m.kind == "place"), None)
                location = Place(name=place.text, country=country) if place else None
                return [_Target(found[0], location)]
    return []


def _theatre_mentions(context: DocumentContext, sent: Span,
                      attacker: str) -> list[ActorMention]:
    """The states of ``sent`` that may be a strike's theatre: not the attacker, not a
    speaker's state ("one U.S. official told Reuters"), not a partner's ("in a joint effort
    with Iran")."""
    doc = sent.doc
    speakers = _words().speakers
    partner_preps = _words().partner_preps
    return [m for m in context.actors.within(sent.start, sent.end)
            if m.country != attacker and not (
                m.kind in {"demonym", "country"} and
                doc[m.end - 1].dep_ in {"compound", "amod", "nmod"} and
                doc[m.end - 1].head.lower_ in speakers) and not (
                doc[m.end - 1].dep_ == "pobj" and
                doc[m.end - 1].head.lower_ in partner_preps)]


def _document_theatre(context: DocumentContext, trigger: Trigger,
                      attacker: str) -> list[_Target]:
    """The state a strike naming no target happens in when the whole article is about
    one foreign state: named as a territory or by demonym at least
    ``THEATRE_MIN_MENTIONS`` times and at least twice as often as any other state but the
    attacker ("Its overnight bombing raid ..." in an article about Syria's war)."""
    head = trigger.head
    if head.lower_ in {"intervention", "interventions"} and trigger.entry.id == "incursion":
        return []  # a bare "intervention" may be diplomatic
    sent = head.sent
    if any(m.kind in TERRITORY_KINDS for m in context.actors.within(sent.start, sent.end)):
        return []  # the sentence places it ("... as in Ghouta, near Damascus")
    counts: Counter[str] = Counter(m.country for m in context.actors.named
                                   if m.kind in TERRITORY_KINDS | {"demonym"}
                                   and m.country != attacker)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < THEATRE_MIN_MENTIONS or (
            len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return []
    mention = context.actors.first_named(ranked[0][0], TERRITORY_KINDS | {"demonym"})
    return [] if mention is None else [_Target(mention, None)]
