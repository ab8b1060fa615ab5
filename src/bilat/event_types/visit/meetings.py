"""Meetings as visits: where a meeting is held and who attends it, including attendees
named in an earlier sentence ("the two sides", "tomorrow's meeting of A, B and C")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.visit.lexicon import (
    definite_determiners,
    official_words,
    union_codes,
    venue_seats,
    visit_config,
)
from bilat.event_types.visit.mentions import (
    OFFICIAL_KINDS,
    Roles,
    dateline_host,
    host_mentions,
    names_two_states,
    non_state_leader,
    seat_mention,
    visitor_mentions,
)
from bilat.normalise.numbers import number_value
from bilat.syntax.arguments import pp_objects, subjects
from bilat.syntax.clauses import governing_verb
from bilat.syntax.itinerary import coordinations, group_count_word, meeting_venues
from bilat.syntax.mentions import mention_for
from bilat.triggers import load_lexicon

if TYPE_CHECKING:

    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
__all__ = ["meeting_roles"]

def _meeting_places(context: DocumentContext, head: Token, verb: Token | None,
                    partners: list[Token], objects: list[Token]) -> list[ActorMention]:
    """The capital, place or seat of government a meeting is held in (``partners`` gains
    the "with"/"between" objects of clauses on the meeting)."""
    places = meeting_venues(head, verb, partners, objects)
    hosts = [m for m in host_mentions(context, places) if m.kind in {"capital", "place"}]
    if not hosts:  # "at the London School of Economics", "in a Geneva hotel": the city named
        hosts = [m for p in places for c in p.children if c.dep_ == "compound"
                 if (m := context.actor_at(c.i)) is not None and m.kind in {"capital", "place"}]
    if not hosts and names_two_states(context):  # "EU ministers met in Brussels": the city
        hosts = [seat_mention(p) for p in places if p.lower_ in venue_seats()]
    if not hosts:  # "met ... at the White House", "talks at the Kremlin": a seat of government
        hosts = [m for m in (mention_for(context, p, frozenset({"body"}), depth=1) for p in places)
                 if m is not None]
    return hosts


def _meeting_people(context: DocumentContext, head: Token, verb: Token | None,
                    partners: list[Token]) -> list[Token]:
    """The tokens that may name a meeting's participants."""
    people: list[Token] = list(partners)
    if head.pos_ in {"NOUN", "PROPN"}:  # "his talks in Washington"
        people += [c for c in head.children if c.dep_ == "poss"]
        # "a meeting of the foreign ministers of France and Spain in Vienna" (of EU
        # ministers: the members, not the Union, are there)
        members = [p for o in pp_objects(head, ["of"]) for p in (o, *pp_objects(o, ["of"]))]
        people += [p for p in members if (m := mention_for(context, p)) is None
                   or m.country not in union_codes()]
    if verb is not None and verb.lemma_.lower() not in visit_config("observer_verbs"):
        # not "China welcomed the talks in Geneva": the subject only watches or judges them
        people += subjects(verb) or _outer_subjects(verb)
        if head.dep_ in {"nsubj", "nsubjpass"} and head.head == verb:
            # "the summit in Nairobi brought together leaders of Uganda and Rwanda"
            people += [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        if verb != head:
            people += pp_objects(verb, ["with", "between"])
    return [p for p in people if p != head]  # "the meeting ended": not a participant


_PLACE_WINDOW = 3  # sentences back to look for where a definite meeting is held


def _definite(noun: Token) -> bool:
    """Whether a meeting noun refers back to one already told of: "the talks", "these
    meetings", "tomorrow's meeting" (not "a meeting", nor a verb)."""
    return noun.pos_ in {"NOUN", "PROPN"} and any(
        (c.dep_ == "det" and c.lower_ in definite_determiners())
        or c.dep_ == "poss" for c in noun.children)


def _earlier_meeting_place(context: DocumentContext, head: Token) -> list[ActorMention]:
    """Where the meeting told of just before is held ("a series of talks in Washington
    ... Tomorrow's Group of Seven meeting"): the one place of the nearest earlier meeting
    word within a few sentences."""
    sentences = context.sentences
    index = next(i for i, s in enumerate(sentences) if s.start <= head.i < s.end)
    lexicon = load_lexicon("visit")
    for sent in reversed(sentences[max(0, index - _PLACE_WINDOW):index + 1]):
        earlier = [t.head for t in lexicon.find(sent)
                   if t.label == "meet" and t.head.i < head.i and t.head.pos_ in {"NOUN", "PROPN"}]
        for noun in reversed(earlier):
            verb = governing_verb(noun, max_hops=6)
            places = _meeting_places(context, noun, verb, pp_objects(noun, ["with", "between"]), [])
            if len(places) == 1:
                return places
    return []


def _outer_subjects(verb: Token, hops: int = 2) -> list[Token]:
    """The subjects of the nearest clause above a subjectless one: "In a speech delivered
    in Cairo, pitched as the centrepiece of his tour, Pompeo called for ...", where
    "pitched" heads a clause of its own."""
    node = verb
    for _ in range(hops):
        if node.head == node or node.dep_ not in {"ccomp", "advcl", "conj", "xcomp"}:
            return []
        node = node.head
        found = subjects(node)
        if found:
            return found
    return []


def meeting_roles(context: DocumentContext, head: Token) -> Roles:
    verb = governing_verb(head, max_hops=6) if head.pos_ in {"NOUN", "PROPN"} else head
    partners = pp_objects(head, ["with", "between"])
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    if head.pos_ == "VERB":  # "met Merkel in Berlin": the one met is a participant too
        partners += objects
    hosts = _meeting_places(context, head, verb, partners, objects)
    kinds = OFFICIAL_KINDS | {"country", "capital"}  # "Washington and Beijing held talks"
    if not hosts and _definite(head):  # "Tomorrow's Group of Seven meeting", "the talks"
        hosts = _earlier_meeting_place(context, head)
        kinds = frozenset({"country"})  # the states that meet, not someone speaking of it
    if not hosts:  # "WASHINGTON - Jordan's foreign minister held talks with Shultz"
        hosts = dateline_host(context, head.sent)
    if len(hosts) != 1:
        return [], [], True
    people = _meeting_people(context, head, verb, partners)
    visitors = [m for m in visitor_mentions(context, people) if m.kind in kinds]
    if "person" in kinds:  # "the Japanese foreign minister held talks in Paris"
        visitors += [m for m in _demonym_officials(context, people)
                     if all(v.country != m.country for v in visitors)]
    for person in people:  # "the two sides held talks in Miami"
        visitors += [m for m in _group_members(context, person)
                     if all(v.country != m.country for v in visitors)]
    return visitors, hosts, True


def _demonym_officials(context: DocumentContext, people: list[Token]) -> list[ActorMention]:
    """States named by a nationality on an official noun among ``people`` ("the Japanese
    foreign minister", "Iranian officials"), as the travel readers take them; not on
    other nouns ("Japanese businessmen")."""
    officials = official_words()
    named = [p for p in people if p.lower_ in officials and not non_state_leader(p)]
    return [m for m in visitor_mentions(context, named) if m.kind == "demonym"]


_GROUP_WINDOW = 8  # sentences back to look for the list a numbered group counts


_MEMBER_KINDS = frozenset({"country", "demonym", "body", "person", "capital"})


def _group_members(context: DocumentContext, noun: Token) -> list[ActorMention]:
    """The states a numbered group refers to: "the six nations" -> the nearest earlier
    list of six states ("Canada, Britain, France, Japan, the U.S. and West Germany
    agreed ..."); "the two sides" with no such list -> the states the sentence before
    names, when there are no more than two."""
    if noun.lower_ not in visit_config("group_nouns"):
        return []
    word = group_count_word(noun)
    value = 2 if word == "both" else (number_value(word) if word else None)
    if value is None or value != int(value) or not 2 <= value <= 30:
        return []
    count = int(value)
    sentences = context.sentences
    index = next(i for i, s in enumerate(sentences) if s.start <= noun.i < s.end)
    listed = _listed_states(context, sentences[max(0, index - _GROUP_WINDOW):index], count)
    if listed or index == 0:
        return listed
    before = sentences[index - 1]
    named: list[ActorMention] = []
    for m in context.actors.within(before.start, before.end):
        if m.kind in _MEMBER_KINDS - {"capital"} and all(n.country != m.country for n in named):
            named.append(m)
    return named if len(named) <= count else []


def _listed_states(context: DocumentContext, sentences: list[Span],
                   count: int) -> list[ActorMention]:
    """The states of the last coordinated list in ``sentences`` that names exactly
    ``count`` distinct states."""
    for sent in reversed(sentences):
        for members in reversed(coordinations(sent)):
            found: list[ActorMention] = []
            for token in members:
                m = mention_for(context, token, _MEMBER_KINDS, depth=2)
                if m is not None and all(f.country != m.country for f in found):
                    found.append(m)
            if len(found) == count:
                return found
    return []


