"""Who can visit and where: the actor mentions that fill a visit's roles, datelines,
the sentence's or story's host when the travel word names none."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.visit.lexicon import official_words, venue_seats, visit_config
from bilat.syntax.arguments import conjuncts, pp_objects
from bilat.syntax.itinerary import attributive_noun
from bilat.syntax.mentions import mention_for

if TYPE_CHECKING:

    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.actors.unparsed import UnparsedMention
    from bilat.context import DocumentContext
__all__ = [
    "Roles",
    "by_objects",
    "dateline_host",
    "demonym_hosts",
    "following_host",
    "host_mentions",
    "names_no_destination",
    "names_two_states",
    "non_state_leader",
    "official_visitors",
    "protagonist",
    "seat_mention",
    "sentence_host",
    "unowned",
    "visitor_mentions",
]

VISITOR_KINDS = frozenset({"person", "country", "demonym", "capital", "body", "group"})


HOST_KINDS = frozenset({"country", "capital", "place"})


OFFICIAL_KINDS = frozenset({"person", "body"})


def host_mentions(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for token in tokens:
        for each in conjuncts(token):
            mention = mention_for(context, each, HOST_KINDS, depth=2)
            if mention is not None and all(m.country != mention.country for m in out):
                out.append(mention)
    return out


def visitor_mentions(context: DocumentContext, tokens: list[Token],
              depth: int = 3) -> list[ActorMention]:
    """Visitors named by ``tokens``, their conjuncts ("Rouhani and Erdogan") and the
    states of an "of" phrase on an unnamed head ("the presidents of Iran and Turkey")."""
    out: list[ActorMention] = []
    expanded: list[Token] = []
    for token in tokens:
        for each in conjuncts(token):
            expanded.append(each)
            if context.actor_at(each.i) is None:  # "ministers from Brazil and Chile"
                expanded.extend(o for o in pp_objects(each, ["of", "from"]) if o not in expanded)
    for token in expanded:
        mention = mention_for(context, token, VISITOR_KINDS, depth=depth)
        if mention is not None and all(m.country != mention.country for m in out):
            out.append(mention)
        if mention is not None and mention.kind == "demonym":
            out.extend(m for m in _coordinated_demonyms(context, token)
                       if all(n.country != m.country for n in out))
    return out


def _coordinated_demonyms(context: DocumentContext, noun: Token) -> list[ActorMention]:
    """The nationalities coordinated on one noun: "Indian and Pakistani negotiators",
    "the Kenyan, Ugandan and Rwandan presidents" (each names a state of its own)."""
    found: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            for word in child.conjuncts:
                mention = context.actor_at(word.i)
                if mention is not None and mention.kind == "demonym":
                    found.append(mention)
    return found


def names_two_states(context: DocumentContext) -> bool:
    """Whether the document's actors name two states or more. A visit whose host is no
    named state (an unnamed "here", a city of :func:`venue_seats`) counts only then, as
    the pre-filter passes a document for visits only when it names two."""
    return len({m.country for m in context.actors.named}) >= 2


def seat_mention(token: Token) -> ActorMention:
    """A city of :func:`venue_seats` as the mention of the state it lies in."""
    from bilat.actors import ActorMention

    return ActorMention(start=token.i, end=token.i + 1, start_char=token.idx,
                        end_char=token.idx + len(token), text=token.text,
                        country=venue_seats()[token.lower_], kind="capital")


def official_visitors(context: DocumentContext, named: list[Token]) -> list[ActorMention]:
    """Visitors named by ``named``, where a nationality word counts only on an official
    ("the Chinese delegation arrived", not "the Russian capsule touched down" nor "a
    British-born teenager who travelled to Syria") or as the people itself ("the
    Nigerians will go on to Paris")."""
    officials = official_words()
    visitors = visitor_mentions(context, named)
    if any(t.lower_ in officials and not non_state_leader(t) for t in named):
        return visitors
    # "the Nigerians will go on to Paris": a people named as such refers to its envoys
    group = {m for t in named if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
             and (m := context.actor_at(t.i)) is not None and m.kind == "demonym"}
    return [m for m in visitors if m.kind != "demonym" or m in group]


def non_state_leader(noun: Token) -> bool:
    """Whether an official noun is a non-state group's: "Syrian opposition leaders",
    "rebel commanders" (``non_state_leaders``); its nationality names no visiting state."""
    words = visit_config("non_state_leaders")
    return any(c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in words
               for c in noun.children)


def demonym_hosts(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
    """A state named by demonym where the visit goes: "a visit to a Russian airbase on the
    Syrian coast" -> the most deeply attached demonym (Syria)."""
    found: list[ActorMention] = []
    for token in tokens:
        for node in token.subtree:
            mention = context.actor_at(node.i)
            if mention is not None and mention.kind == "demonym" and node.dep_ in {"amod",
                                                                                  "compound"}:
                found.append(mention)
    return found[-1:]


def following_host(context: DocumentContext, trigger: Token) -> list[ActorMention]:
    """Host named right after the trigger ("TRIP TO CHINA"), for parses that lose the PP."""
    doc = context.doc
    i = trigger.i + 1
    end = min(len(doc), trigger.sent.end, trigger.i + 4)
    while i < end and doc[i].lower_ not in {"to", "in"}:
        if doc[i].is_punct:
            return []
        i += 1
    i += 1
    while i < end + 2 and i < len(doc) and doc[i].lower_ in {"the", "a"}:
        i += 1
    mention = context.actor_at(i) if i < len(doc) else None
    return [mention] if mention is not None and mention.kind in HOST_KINDS else []


def by_objects(noun: Token) -> list[Token]:
    """Objects of "by" anywhere in the noun's phrase ("a visit to Moscow by Shultz")."""
    out: list[Token] = []
    for token in noun.subtree:
        if token.dep_ == "prep" and token.lower_ == "by" and token.head.i >= noun.i:
            out.extend(c for c in token.children if c.dep_ == "pobj")
    return out


Roles = tuple[list["ActorMention"], list["ActorMention"], bool]




SENTENCE_HOST_KINDS = frozenset({"country", "capital", "demonym", "person", "body"})


def unowned(context: DocumentContext, noun: Token) -> bool:
    """Whether a visit noun names no traveller of its own at all: no possessor, "by" or
    "of" phrase, nor a modifier naming a state ("the two-day trip to Japan")."""
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"by", "of"}) or
                   (c.dep_ in {"amod", "compound", "nmod"} and context.actor_at(c.i) is not None)
                   for c in noun.children)


def protagonist(context: DocumentContext, noun: Token,
                 hosts: list[ActorMention]) -> list[ActorMention]:
    """The official a story follows, for "the trip to Japan" with no traveller in its
    sentence: the person named most often before the noun (at least twice, more often than
    anyone else), from a state other than the host."""
    counts: dict[str, list[ActorMention | UnparsedMention]] = {}
    for m in context.actors.named:  # the whole article's, parsed or not, in text order
        if m.kind == "person" and m.end <= noun.i:
            counts.setdefault((m.person or m.text).split()[-1].lower(), []).append(m)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return []
    from bilat.actors import ActorMention

    last = ranked[0][-1]
    if any(h.country == last.country for h in hosts):
        return []
    if isinstance(last, ActorMention):
        return [last]
    # named last in a sentence that was not parsed: the same person, placed where it stood
    return [ActorMention(last.start, last.start, last.at, last.at, last.text, last.country,
                         last.kind, last.person, last.title)]


def names_no_destination(head: Token) -> bool:
    """Whether a travel noun leaves its destination unsaid: "his visit", not "a visit to
    the World Bank" (nor a verb: "visited the plant")."""
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
        return False
    if head.pos_ == "VERB":  # "visiting British Trade Minister Howard said": a bare modifier
        return attributive_noun(head) is not None
    return head.pos_ in {"NOUN", "PROPN"}


def dateline_host(context: DocumentContext, sent: Span) -> list[ActorMention]:
    """The place of the wire dateline a sentence is filed under ("TOKYO, March 3 -" or
    "ZEEBRUGGE, Belgium -"): the last dateline before it, for a digest of several items."""
    before = [(s, e) for s, e in context.datelines if e <= sent.start_char]
    if not before:
        return []
    start, end = before[-1]
    places = [m for m in context.actors.mentions
              if start <= m.start_char and m.end_char <= end and m.kind in HOST_KINDS]
    return places[-1:]


def sentence_host(context: DocumentContext, sent: Span,
                   visitors: list[ActorMention]) -> list[ActorMention]:
    """The host of a visit whose travel word names none: the one other state its sentence
    names ("the U.S. expects harmonious talks during Chirac's visit", "met Argentine
    President Alfonsin on the first day of the German leader's visit"); when the sentence
    names no other state, the story's home state ("Weizsaecker arrives on a four-day
    official tour on Friday" in a story about Bolivia). None when the sentence names
    several."""
    own = {m.country for m in visitors}
    others = [m for m in context.actors.within(sent.start, sent.end)
              if m.kind in SENTENCE_HOST_KINDS and m.country not in own]
    if len({m.country for m in others}) > 1:
        return []
    if others:
        return others[:1]
    filed = [m for m in dateline_host(context, sent) if m.country not in own]
    if filed:  # "TOKYO - Visiting British Trade Minister Michael Howard said"
        return filed
    home = context.actors.home_state()  # "arrives on a four-day tour on Friday": the story's state
    if home is None or home in own:
        return []
    first = context.actors.first_named(home)  # as the state, not a place the text names
    return [] if first is None else [attrs.evolve(first, kind="country")]
