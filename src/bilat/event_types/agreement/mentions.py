"""The states an agreement names: on a phrase ("the EU-Turkey deal", "the Government of
India"), in a sentence or the one before it ("the two sides"), or as the story's
protagonists; and the state names that are no party (venues, currency units)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from bilat.actors import resolve_country
from bilat.event_types.agreement.words import is_accord_noun, word_lists
from bilat.syntax.arguments import conjuncts, pp_objects
from bilat.syntax.lexicon import STATE_PARTY_KINDS
from bilat.syntax.mentions import (
    main_states,
    mention_for,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext


GROUP_REFERENCE = regex.compile(
    r"\b(?:(?P<n>two|three|four)\s+(?:[\w-]+\s+)?(?:countries|nations|states|sides|"
    r"neighbou?rs|governments|leaders|ministers|allies|capitals|powers|presidents|premiers|"
    r"delegations|heads\s+of\s+state)|both\s+(?:countries|sides|nations|governments|leaders|"
    r"presidents|delegations)|(?P<multi>three-way|trilateral|tripartite|four-way)\s+"
    r"(?:summit|talks|meeting|conference)|(?:^|\s)they$|^the\s+(?:neighbou?rs|allies)$|"
    r"^(?:the\s+)?(?P<bare>two|both)$)",
    regex.IGNORECASE,
)


GROUP_REFERENCE_REACH = 3
"""How many sentences back "the two sides" may look for the two states it stands for."""


JOINED_NAMES = regex.compile(r"[-/\u2013]")


def party_countries(context: DocumentContext, tokens: list[Token]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        # "Assad's allies, Russia and Iran": the apposition names them
        named = [a for c in token.children if c.dep_ == "appos" for a in conjuncts(c)]
        for each in [*conjuncts(token), *named]:
            mention = mention_for(context, each, STATE_PARTY_KINDS) or \
                body_of(context, each) or defined_body(context, each)
            if mention is not None and mention.country not in out:
                out.append(mention.country)
    return out


def defined_body(context: DocumentContext, token: Token) -> ActorMention | None:
    """The state of a body the story defines by an apposition ("SACE, the official Italian
    export credit agency", "Coface, the French export credit agency"), at a later mention
    of its name ("an agreement between Mexico and SACE"): the state named in the
    apposition, whose head is a word of ``state_body_heads``."""
    if token.pos_ != "PROPN" or context.actor_at(token.i) is not None:
        return None
    heads = word_lists()["state_body_heads"]
    for other in context.doc:
        if other.lower_ != token.lower_:
            continue
        for appos in (c for c in other.children if c.dep_ == "appos"):
            if appos.lower_ not in heads:
                continue
            named = [m for m in context.actors.within(appos.left_edge.i, appos.i)
                     if m.kind in {"country", "demonym"}]
            if len({m.country for m in named}) == 1:
                return named[0]
    return None


def body_of(context: DocumentContext, token: Token) -> ActorMention | None:
    """The state of a public body named "X of <country>" that the resolver takes for an
    organisation ("the Government of India", "the Ministry of Finance of Japan", "the
    central bank of Nigeria"): a head of ``state_body_heads`` whose "of" phrase names a
    country. A bank only with a word of ``state_bank_modifiers`` ("central"), as "Bank of
    America" or "Bank of China" is a company."""
    heads = word_lists()["state_body_heads"]
    if token.lower_ not in heads and not (
            token.lower_ == "bank" and any(c.lower_ in word_lists()["state_bank_modifiers"]
                                           for c in token.children)):
        return None
    for obj in pp_objects(token, ["of"]):
        for each in [obj, *pp_objects(obj, ["of"])]:  # "the Ministry of Finance of Japan"
            mention = context.actor_at(each.i)
            if mention is not None and mention.kind == "country":
                return mention
    return None


def joined_countries(context: DocumentContext, token: Token) -> list[str]:
    """The states of one token that joins two or more state names with a hyphen or slash
    and that the actor resolver left whole ("U.S.-British", "U.S./Japan", "Sino-Soviet"):
    every part must name a state, and two distinct states at least."""
    if context.actor_at(token.i) is not None or not JOINED_NAMES.search(token.text):
        return []
    parts = [part for part in JOINED_NAMES.split(token.text) if part]
    codes = [resolve_country(part, when=context.published) for part in parts]
    found = [code for code in codes if code is not None]
    if len(parts) < 2 or len(found) != len(parts) or len(set(found)) < 2:
        return []
    return list(dict.fromkeys(found))


def modifier_mentions(context: DocumentContext, noun: Token) -> list[tuple[str, str]]:
    """``(country, kind)`` of the states named before an agreement noun inside its phrase,
    leaving out brokers and references ("a US-brokered deal", "a US-friendly treaty")."""
    out: list[tuple[str, str]] = []
    for token in context.doc[noun.left_edge.i : noun.i]:
        out.extend((country, "country") for country in joined_countries(context, token)
                   if all(country != known for known, _ in out))
    brokers = word_lists()["non_party_modifiers"]
    for mention in context.actors.within(noun.left_edge.i, noun.i):
        if mention.kind not in STATE_PARTY_KINDS:
            continue
        after = [t for t in context.doc[mention.end : min(mention.end + 2, noun.i)]
                 if t.text not in {"-", "\u2013"}]
        if after and after[0].lower_ in brokers:
            continue
        if all(country != mention.country for country, _ in out):
            out.append((mention.country, mention.kind))
    return out


def named_for_venue(context: DocumentContext, noun: Token) -> bool:
    """Whether the only state before an agreement noun is a capital right before it: where
    it was made, not who made it ("the Paris accord", "the Minsk agreements")."""
    named = modifier_mentions(context, noun)
    if [kind for _, kind in named] != ["capital"]:
        return False
    # "the Paris Club accord" too, but not a possessor: "Seoul's deal with Tokyo"
    return not any(t.dep_ == "poss" or t.lower_ in {"'s", "\u2019s"}
                   for t in context.doc[noun.left_edge.i : noun.i])


def modifier_countries(context: DocumentContext, noun: Token) -> list[str]:
    """States named inside the noun phrase before the noun ("the EU-Turkey refugee deal")."""
    if named_for_venue(context, noun):
        return []
    return [country for country, _ in modifier_mentions(context, noun)]


def group_reference(context: DocumentContext, tokens: list[Token], sent: Span, *,
                     pronoun: bool = True) -> list[str]:
    """States for "the two countries"/"both sides": those of this and the previous sentence.
    A bare "they" counts only with ``pronoun`` (the subject of an act of agreeing, not of any
    verb an agreement noun hangs from)."""
    for token in tokens:
        phrase = context.doc[token.left_edge.i : token.right_edge.i + 1].text
        match = GROUP_REFERENCE.search(phrase)
        if match is None or (not pronoun and match.group(0).strip().lower() == "they"):
            continue
        word = (match.group("n") or match.group("multi") or match.group("bare") or "").lower()
        wanted = {"three": 3, "four": 4, "three-way": 3, "trilateral": 3, "tripartite": 3,
                  "four-way": 4}.get(word, 2)
        return states_around(context, sent, wanted, back=GROUP_REFERENCE_REACH) or \
            main_states(context, wanted, STATE_PARTY_KINDS)
    return []


def states_around(context: DocumentContext, sent: Span, wanted: int = 2,
                   back: int = 1) -> list[str]:
    """The states named in this sentence and the one before it, when exactly ``wanted``;
    with fewer, the window grows a sentence at a time up to ``back`` sentences before it
    ("Lula met Fernandez. They discussed trade. The two presidents signed ...")."""
    start = sent.start
    found: list[str] = []
    for _ in range(max(1, back)):
        if start > 0:
            start = context.doc[start - 1].sent.start
        found = []
        for mention in context.actors.within(start, sent.end):
            if mention.kind in STATE_PARTY_KINDS and mention.country not in found:
                found.append(mention.country)
        if len(found) >= wanted:
            break
    return found if len(found) == wanted else []


def extend_parties(parties: list[str], countries: list[str]) -> None:
    """Add each of ``countries`` not yet in ``parties``, in order."""
    for country in countries:
        if country not in parties:
            parties.append(country)


def names_party(context: DocumentContext, token: Token) -> bool:
    """Whether ``token`` is part of a mention of a state that can be a party."""
    mention = context.actor_at(token.i)
    return mention is not None and mention.kind in STATE_PARTY_KINDS


def protagonist_partner(context: DocumentContext, noun: Token, parties: list[str]) -> list[str]:
    """"Japan must meet the conditions of the agreement" in a story about Japan and the
    United States: a definite agreement noun with one party named is with the story's other
    protagonist (:func:`main_states`), when that party is one of the two."""
    if len(parties) != 1 or not any(c.dep_ == "det" and c.lower_ == "the"
                                    for c in noun.children):
        return parties  # not "Mr Blair's reported treaty": his proposal
    if any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and not names_party(context, c)
           for c in noun.children):
        return parties  # "the Kyoto treaty": a named, many-sided treaty
    protagonists = main_states(context, 2, STATE_PARTY_KINDS)
    if parties[0] not in protagonists:
        return parties
    return [parties[0], *[c for c in protagonists if c != parties[0]]]


def names_venue(context: DocumentContext, start: int, end: int) -> bool:
    """Whether the capital at tokens ``[start, end)`` names the place of an agreement, not a
    state acting: the object of "in"/"at" ("the accord reached in Paris") or a modifier of
    a noun phrase holding an agreement noun ("the Paris Club umbrella agreement", "Paris
    accord policy", "the Minsk agreements")."""
    last = context.doc[end - 1]
    if last.dep_ == "pobj" and last.head.lower_ in {"in", "at"}:
        return True  # "the currency agreement reached in Paris"
    if last.dep_ not in {"compound", "nmod"} or last.head.i <= last.i:
        return False
    if end < len(context.doc) and context.doc[end].text in {"-", "\u2013", "/"}:
        return False  # "the Moscow-Beijing pact": the capitals are the parties
    head = last.head
    while head.dep_ in {"compound", "nmod"} and head.head.i > head.i:
        head = head.head  # "Paris Club umbrella agreement": up the chain of modifiers
    return any(is_accord_noun(t) for t in context.doc[end : head.i + 1])


def names_unit(context: DocumentContext, end: int) -> bool:
    """Whether a state name ending before token ``end`` only qualifies a currency or unit
    ("201 Malaysian/Singapore cents", "in U.S. dollars"), a word of ``unit_nouns``."""
    units = word_lists()["unit_nouns"]
    return any(t.lower_ in units for t in context.doc[end : min(end + 3, len(context.doc))]
               if t.i <= context.doc[end - 1].head.i)


def two_named(context: DocumentContext, sent: Span) -> list[str]:
    """The states a sentence names, when it names exactly two (a capital naming where an
    agreement was made left out)."""
    named = {m.country for m in context.actors.within(sent.start, sent.end)
             if m.kind in STATE_PARTY_KINDS and not names_unit(context, m.end)
             and not (m.kind in {"capital", "country"} and names_venue(context, m.start, m.end))}
    return sorted(named) if len(named) == 2 else []
