"""Where a journey goes: every place a travel predicate names, one per stop.

One predicate often names many destinations: "visited the U.S., England and France", "will
visit an orphanage in Tanzania and a clinic in Mozambique", "a tour which includes Bolivia
and Guatemala", "a regional tour with stops in Ghana, Nigeria and Senegal", "a tour of
Vietnam and Laos" (with "of" among the prepositions). :func:`destinations` returns the
tokens that name them (each conjunct on its own); the caller decides which of them are
states or places.

The word lists (verbs of a tour's content, nouns for its stops) live in the visit trigger
file, ``bilat/event_types/visit/lexicon.json`` (``itinerary_verbs``, ``stop_nouns``).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bilat.syntax.arguments import pp_objects
from bilat.syntax.lexicon import type_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

__all__ = [
    "attributive_noun",
    "coordinations",
    "described_noun",
    "destinations",
    "group_count_word",
    "itinerary_verbs",
    "meeting_venues",
    "relative_place",
    "sideline_objects",
    "stop_nouns",
    "venue_places",
]

_OBJECT_DEPS = frozenset({"dobj", "obj"})
_SITE_PREPS = ("in", "at")


@cache
def _words(key: str) -> frozenset[str]:
    return type_words("visit", key)


def itinerary_verbs() -> frozenset[str]:
    """Verbs that list a journey's stops ("a tour which includes ...", "takes in")."""
    return _words("itinerary_verbs")


def stop_nouns() -> frozenset[str]:
    """Nouns for a journey's stops ("stops in", "legs in", "stopovers in")."""
    return _words("stop_nouns")


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for each in (token, *token.conjuncts):
            if each not in out:
                out.append(each)
    return out


def _pp(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    return [obj for child in token.children
            if child.dep_ == "prep" and child.lower_ in wanted
            for obj in child.children if obj.dep_ in {"pobj", "pcomp"}]


def _sites(objects: list[Token]) -> list[Token]:
    """The places where things visited stand: "an orphanage in Tanzania" -> Tanzania."""
    return [site for obj in objects for site in _with_conjuncts(_pp(obj, _SITE_PREPS))]


def _stops(head: Token) -> list[Token]:
    """Stops named by "with stops in A, B and C" on ``head``."""
    return [site for noun in _pp(head, ["with", "including"])
            if noun.lower_ in stop_nouns()
            for site in _with_conjuncts(_pp(noun, ["in", "at"]))]


def destinations(head: Token, preps: Iterable[str], *,
                 object_is_place: bool = False) -> list[Token]:
    """Tokens naming where the journey of ``head`` (a travel verb or noun) goes.

    Args:
        head: the travel word ("visited", "tour", "flew").
        preps: prepositions on ``head`` whose objects are destinations ("to", "for").
        object_is_place: the direct object is the destination ("visited Iraq"); then the
            places of things visited count too ("visited a school in Tanzania").

    A journey's listed stops count too ("a tour which includes A and B", "with stops in A
    and B"). Every conjunct is returned on its own, in order of discovery.
    """
    objects = _with_conjuncts(c for c in head.children if c.dep_ in _OBJECT_DEPS) \
        if object_is_place else []
    found = objects + _with_conjuncts(_pp(head, preps))
    found += _sites(objects)
    if objects:  # "visited a camp in Amman" with the PP on the verb
        found += _with_conjuncts(_pp(head, _SITE_PREPS))
    found += _sites(_with_conjuncts(_pp(head, ["to"])))
    found += _stops(head)
    if head.pos_ in {"NOUN", "PROPN"}:
        for clause in head.children:
            if clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() in itinerary_verbs():
                found += _with_conjuncts(c for c in clause.children if c.dep_ in _OBJECT_DEPS)
                found += _with_conjuncts(_pp(clause, ["to", "in"]))
        if head.dep_ in {"pobj", "dobj"}:  # "left on a tour with stops in ...": PP on the verb
            found += _stops(head.head.head if head.dep_ == "pobj" else head.head)
    out: list[Token] = []
    for token in found:  # "the Jordanian capital, Amman": the apposition names it too
        for each in (token, *(c for c in token.children if c.dep_ == "appos")):
            if each not in out:
                out.append(each)
    return out


def relative_place(head: Token) -> list[Token]:
    """The place a "where" clause holding ``head`` describes: "Tokyo, where he is to arrive
    on Sunday" -> Tokyo. Climbs infinitive and coordinated verbs to the relative clause."""
    node = head
    for _ in range(4):
        if node.dep_ == "relcl":
            if any(c.lower_ == "where" and c.dep_ == "advmod" for c in node.children):
                return [node.head]
            return []
        if node.dep_ not in {"xcomp", "conj", "aux"} or node.head == node:
            return []
        node = node.head
    return []


def venue_places(tokens: Iterable[Token], depth: int = 3) -> list[Token]:
    """``tokens`` and the places of the gatherings they name: "at a meeting of EU foreign
    ministers in Luxembourg" -> meeting, Luxembourg; "on the sidelines of the G20 summit in
    Osaka" -> sidelines, Osaka. Follows "of" to reach the "in"/"at" phrase, never takes
    the "of" object itself (the EU is not the venue)."""
    out: list[Token] = []
    frontier = _with_conjuncts(tokens)
    out.extend(frontier)
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ != "prep" or child.lower_ not in {"of", "in", "at"}:
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    nxt.append(obj)
                    if child.lower_ != "of":
                        out.extend(t for t in _with_conjuncts([obj]) if t not in out)
        frontier = nxt
    return out


def sideline_objects(head: Token) -> list[Token]:
    """Objects of "on the sidelines of", "on the margins of" on ``head`` (the
    ``sideline_nouns`` of the visit trigger file)."""
    return [obj for obj in _pp(head, ["on"]) if obj.lower_ in _words("sideline_nouns")]


def described_noun(modifier: Token) -> Token:
    """The head of the noun phrase a participle modifies, past compound titles: "visiting
    British Trade Minister Michael Howard" -> Howard; "the visiting delegation" ->
    delegation."""
    node = modifier.head
    for _ in range(6):
        if node.dep_ != "compound" or node.head == node:
            break
        node = node.head
    return node


def group_count_word(noun: Token) -> str | None:
    """The word that counts a group: "the two sides" -> "two", "both countries" -> "both",
    "the six nations" -> "six"; ``None`` for an uncounted noun ("the nations")."""
    for child in noun.children:
        if child.dep_ == "nummod" or (child.dep_ in {"det", "predet"} and child.lower_ == "both"):
            return child.lower_
    return None


def coordinations(tokens: Iterable[Token]) -> list[list[Token]]:
    """The coordinated phrases among ``tokens``, each as its members in order ("Canada,
    Britain, France and Japan" -> [Canada, Britain, France, Japan])."""
    return [[token, *token.conjuncts] for token in tokens
            if token.dep_ != "conj" and token.conjuncts]


def attributive_noun(participle: Token) -> Token | None:
    """The noun a present participle stands before as a modifier: "visiting British Trade
    Minister Michael Howard" -> Howard (``amod``), and the same phrase misparsed as a verb
    with its object ("told visiting U.S. Secretary of State George Shultz", where the
    participle follows a verb or preposition and its object's phrase starts right after
    it) -> Shultz. ``None`` for a verb with a subject ("Kohl is visiting Paris")."""
    if participle.tag_ != "VBG":
        return None
    if participle.dep_ in {"amod", "acl", "compound"} and participle.i < participle.head.i:
        return described_noun(participle)
    doc = participle.doc
    if participle.i == 0 or doc[participle.i - 1].pos_ not in {"VERB", "ADP", "DET", "PUNCT"} or \
            any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in participle.children):
        return None
    objects = [c for c in participle.children if c.dep_ in {"dobj", "obj"}]
    if participle.dep_ == "advcl" and not objects:  # ", visiting British Minister Howard told"
        objects = [c for c in participle.head.children if c.dep_ == "nsubj"]
    if len(objects) == 1 and min(t.i for t in objects[0].subtree) == participle.i + 1:
        return objects[0]
    return None


def meeting_venues(head: Token, verb: Token | None, partners: list[Token],
                   objects: list[Token]) -> list[Token]:
    """Tokens that may name where a meeting (``head``: "met", "talks", "summit") is held.

    Args:
        head: the meeting word.
        verb: the verb it hangs on ("held talks", "at a meeting ... said"), if any.
        partners: the "with"/"between" objects found so far; the "with"/"between"
            objects of clauses on the meeting are appended to it ("the meetings scheduled
            in Washington between A and B").
        objects: the direct objects of a meeting verb ("attended a funeral in Tokyo").

    The "in"/"at" phrases of the meeting word, its clauses and its verb, "on the sidelines
    of" a gathering, each followed to the place of the gathering it names ("at a meeting of
    EU ministers in Luxembourg"); failing those, the place of the talks' topic ("talks on
    the dam in Washington") or of a partner ("a meeting between Muttaqi and Dar in Kabul").
    """
    places = pp_objects(head, _SITE_PREPS)
    if head.pos_ == "VERB":  # "attended a funeral in Tokyo": where the thing attended is
        places += [t for t in venue_places(objects) if t not in objects]
    for clause in head.children:  # "the meetings scheduled in Washington between A and B"
        if clause.dep_ in {"acl", "relcl"} and clause.pos_ == "VERB":
            places += pp_objects(clause, _SITE_PREPS)
            partners += pp_objects(clause, ["with", "between"])
    if verb is not None and verb != head:
        places += pp_objects(verb, _SITE_PREPS) + sideline_objects(verb)
    places += sideline_objects(head)
    places = venue_places(places)
    if not places:  # "talks on the dam in Washington": the PP hangs on the topic
        places = [p for topic in pp_objects(head, ["on", "about", "over"])
                  for p in pp_objects(topic, _SITE_PREPS)]
    if not places:  # "a meeting between Muttaqi and Dar in Kabul": the PP hangs on a name
        for partner in partners + pp_objects(head, ["of"]):  # "a meeting of the G7 in Rome"
            places += pp_objects(partner, _SITE_PREPS)
    return places
