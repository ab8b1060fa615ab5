"""Visit roles: who travels (``visitor_country``) to which state (``host_country``).

Rules, by trigger label (``bilat/data/triggers/visit.json``):

* ``travel`` verbs ("visit", "travel", "fly", "head"): visitor = subject; host = direct
  object ("visited Iraq") or the object of "to" ("flew to Tokyo").
* ``travel`` nouns ("visit", "trip", "tour"): visitor = possessor ("Zardari's visit"), the
  object of "by", or the subject of the verb the noun hangs from ("Dar was in China on a
  visit", "Brown began a visit to Beijing"); host = object of "to"/"in" on the noun or on
  that verb.
* ``arrive`` ("arrived in Sochi"), ``depart`` ("left for Washington"), ``presence`` ("was in
  London"), ``return`` ("returned from Egypt"): visitor = subject, host = the place.
* ``host`` ("Putin hosted Assad in Sochi"): visitor = object; host = subject's state.
* ``meet`` (meetings and talks held in a place): every official present whose state differs
  from the place's state visits it; such visits are ``implicit``.

A host is a country, its capital, or a place inside it; a visitor is a person with a
known state, a state, a demonym or a government body. Visitor and host must differ.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from bilat.events import Event, Visit
from bilat.extractors.common import (
    actor_of,
    as_scheduled,
    in_conditional,
    mention_for,
    modality_for,
)
from bilat.normalise.numbers import number_value
from bilat.syntax.arguments import conjuncts, pp_objects, subjects
from bilat.syntax.clauses import governing_verb
from bilat.syntax.itinerary import (
    attributive_noun,
    coordinations,
    destinations,
    group_count_word,
    meeting_venues,
    relative_place,
    venue_places,
)
from bilat.syntax.lexicon import statement_verb_forms
from bilat.triggers import load_lexicon
from bilat.values import Modality, Place

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger, TriggerEntry
    from bilat.values import TimeSpan

__all__ = ["extract_visits"]

VISITOR_KINDS = frozenset({"person", "country", "demonym", "capital", "body", "group"})
HOST_KINDS = frozenset({"country", "capital", "place"})
OFFICIAL_KINDS = frozenset({"person", "body"})
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "mission", "journey"})
VISIT_MODALITIES = frozenset({"planned", "negated"})


def _hosts(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for token in tokens:
        for each in conjuncts(token):
            mention = mention_for(context, each, HOST_KINDS, depth=2)
            if mention is not None and all(m.country != mention.country for m in out):
                out.append(mention)
    return out


def _visitors(context: DocumentContext, tokens: list[Token],
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
    return out


@cache
def _visit_config(key: str) -> frozenset[str]:
    """A word list from the visit trigger file (``envoy_nouns``, ``official_nouns``)."""
    path = resources.files("bilat") / "data" / "triggers" / "visit.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8")).get(key, ()))


@cache
def _host_forms() -> frozenset[str]:
    """The word forms of the ``host`` triggers ("hosted", "welcomed", "received")."""
    path = resources.files("bilat") / "data" / "triggers" / "visit.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["triggers"]
    return frozenset(f for e in entries if e["label"] == "host" for f in e.get("forms", ()))


@cache
def _venue_seats() -> dict[str, str]:
    """City -> state, for meeting venues whose name the gazetteer keeps for a body
    (``venue_seats`` in the visit trigger file)."""
    path = resources.files("bilat") / "data" / "triggers" / "visit.json"
    seats = json.loads(path.read_text(encoding="utf-8")).get("venue_seats", {})
    return {str(k).lower(): str(v) for k, v in seats.items()}


def _names_two_states(context: DocumentContext) -> bool:
    """Whether the document's actors name two states or more. A visit whose host is no
    named state (an unnamed "here", a city of :func:`_venue_seats`) counts only then, as
    the pre-filter passes a document for visits only when it names two."""
    return len({m.country for m in context.actors.mentions}) >= 2


def _seat_mention(token: Token) -> ActorMention:
    """A city of :func:`_venue_seats` as the mention of the state it lies in."""
    from bilat.actors import ActorMention

    return ActorMention(start=token.i, end=token.i + 1, start_char=token.idx,
                        end_char=token.idx + len(token), text=token.text,
                        country=_venue_seats()[token.lower_], kind="capital")


def envoy_nouns() -> frozenset[str]:
    """Nouns for envoys a state sends (``envoy_nouns`` in the visit trigger file)."""
    return _visit_config("envoy_nouns")


def _official_visitors(context: DocumentContext, named: list[Token]) -> list[ActorMention]:
    """Visitors named by ``named``, where a nationality word counts only on an official
    ("the Chinese delegation arrived", not "the Russian capsule touched down" nor "a
    British-born teenager who travelled to Syria") or as the people itself ("the
    Nigerians will go on to Paris")."""
    officials = _visit_config("official_nouns") | envoy_nouns()
    visitors = _visitors(context, named)
    if any(t.lower_ in officials for t in named):
        return visitors
    # "the Nigerians will go on to Paris": a people named as such refers to its envoys
    group = {m for t in named if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
             and (m := context.actor_at(t.i)) is not None and m.kind == "demonym"}
    return [m for m in visitors if m.kind != "demonym" or m in group]


def _demonym_hosts(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
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


def _following_host(context: DocumentContext, trigger: Token) -> list[ActorMention]:
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


def _by_objects(noun: Token) -> list[Token]:
    """Objects of "by" anywhere in the noun's phrase ("a visit to Moscow by Shultz")."""
    out: list[Token] = []
    for token in noun.subtree:
        if token.dep_ == "prep" and token.lower_ == "by" and token.head.i >= noun.i:
            out.extend(c for c in token.children if c.dep_ == "pobj")
    return out


def _noun_hosts(context: DocumentContext, trigger: Trigger, verb: Token | None
                ) -> list[ActorMention]:
    """Where a travel noun goes: its own "to"/"in" phrase or listed stops, else (unless the
    entry is ``strict``) the words right after it or the "to"/"in" phrase of its verb; the
    "to" phrase of a leading verb ("led a delegation to Hanoi") in any case."""
    noun = trigger.head
    host_preps = trigger.entry.extra.get("host_preps", ["to", "in"])
    strict = bool(trigger.entry.extra.get("strict", False))
    hosts = _hosts(context, pp_objects(noun, host_preps) if strict
                   else destinations(noun, host_preps))
    if not hosts and not strict:
        hosts = _following_host(context, noun) or _demonym_hosts(
            context, pp_objects(noun, ["to", "on", "in", "at"])
        )
    if hosts or verb is None or verb == noun:
        return hosts
    if not strict:
        return _hosts(context, pp_objects(verb, ["to", "in"]))
    if noun.dep_ in {"dobj", "obj"} and verb.lower_ in _visit_config("leading_verbs"):
        return _hosts(context, pp_objects(verb, host_preps))
    return []


def _noun_roles(context: DocumentContext, trigger: Trigger) -> tuple[list[ActorMention],
                                                                     list[ActorMention]]:
    noun = trigger.head
    host_preps = trigger.entry.extra.get("host_preps", ["to", "in"])
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    of_visitors = [] if "of" in host_preps else pp_objects(noun, ["of"])  # not "a tour of Asia"
    visitors = _official_visitors(context, possessors + _by_objects(noun) + of_visitors)
    compounds = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    verb = governing_verb(noun.head if noun.dep_ == "pobj" else noun)
    hosts = _noun_hosts(context, trigger, verb)
    owned = bool(trigger.entry.extra.get("noun_needs_owner"))  # not "advised against travel"
    # "Vietnam welcomed Xi for a state visit": the subject of a hosting verb hosts
    if verb is not None and verb != noun and not visitors and not owned and \
            verb.lower_ not in _host_forms():
        visitors = _visitors(context, [s for s in subjects(verb) if s != noun])
    if not visitors and not owned:
        visitors = _visitors(context, compounds)
    return visitors, hosts


_Roles = tuple[list["ActorMention"], list["ActorMention"], bool]


def _travel_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"flew to Paris", "a visit to Moscow by Shultz"."""
    head = trigger.head
    if head.pos_ in {"NOUN", "PROPN"}:
        visitors, hosts = _noun_roles(context, trigger)
        return visitors, hosts, False
    described = attributive_noun(head)
    if described is not None:  # "told visiting U.S. Secretary of State George Shultz"
        visitors = [m for m in _official_visitors(context, [described])
                    if m.kind in OFFICIAL_KINDS or described.lower_ in _visit_config(
                        "official_nouns")]
        if visitors:
            return visitors, [], False
    object_host = bool(trigger.entry.extra.get("object_host"))
    hosts = _hosts(context, destinations(head, ["to", "for", "into"],
                                         object_is_place=object_host))
    hosts = hosts or _following_host(context, head)
    if not hosts and object_host:  # "McCain visited Mr Blair": where the one visited is
        hosts = [m for o in head.children if o.dep_ in {"dobj", "obj"}
                 if (m := mention_for(context, o, frozenset({"person"}), depth=1)) is not None]
    return _official_visitors(context, subjects(head)), hosts, False


def _arrive_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"arrived in Beijing", "on his arrival in Tokyo"."""
    head = trigger.head
    anchor = head.head if head.dep_ == "pobj" else head
    hosts = _hosts(context, pp_objects(head, ["in", "at", "to", "into"])
                   or relative_place(head))
    named = subjects(head) or [c for c in head.children if c.dep_ == "poss"]
    visitors = _official_visitors(context, named)
    if not visitors and anchor is not head:
        visitors = _visitors(context, subjects(anchor))
    if trigger.entry.extra.get("officials_only"):  # "she will also stop in Lima"
        visitors = [m for m in visitors if m.kind == "person"]
    return visitors, hosts, False


def _send_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"sent officials to Moscow": the sender's state visits."""
    head = trigger.head
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    if not any(o.lower_ in envoy_nouns() for o in objects):
        return [], [], False
    # "sent a delegation of officials to Seoul": the "to" phrase may hang on the "of" object
    members = [m for o in objects for m in pp_objects(o, ["of"])]
    places = pp_objects(head, ["to"]) + [t for o in objects + members
                                         for t in pp_objects(o, ["to"])]
    return _visitors(context, subjects(head)), _hosts(context, places), False


def _depart_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"left for Washington", "before his departure for Paris", "heads to Israel"."""
    head = trigger.head
    named = subjects(head) or [c for c in head.children if c.dep_ == "poss"]
    preps = trigger.entry.extra.get("host_preps", ["for"])
    return _visitors(context, named), _hosts(context, pp_objects(head, preps)), False


def _presence_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """Officials only: "Russians who could be in Syria" is no visit."""
    head = trigger.head
    named = subjects(head)
    official = any(t.lower_ in _visit_config("official_nouns") for t in named)
    visitors = [m for m in _visitors(context, named)
                if m.kind in OFFICIAL_KINDS or (official and m.kind == "demonym")]
    return visitors, _hosts(context, pp_objects(head, ["in"])), True


def _return_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"returned from Egypt", "returning from his holiday in Egypt"."""
    head = trigger.head
    origins = pp_objects(head, ["from"])
    places = [*origins, *(o for t in origins for o in pp_objects(t, ["in", "to"]))]
    hosts = _hosts(context, places)
    implicit = not any(t.lower_ in VISIT_NOUNS for t in origins)
    return _official_visitors(context, subjects(head)), hosts, implicit


def _host_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"Xi received Modi in Beijing", "Modi was received by Xi"."""
    head = trigger.head
    passive = [c for c in head.children if c.dep_ == "nsubjpass"]
    # "Modi was received by Xi in Beijing": the passive subject is the guest
    guests = passive or [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    visitors = _visitors(context, guests, depth=1)  # not "received a credit from Japan"
    if passive:
        visitors = [m for m in visitors if m.kind in OFFICIAL_KINDS]
    agents = [o for a in head.children if a.dep_ == "agent" for o in a.children
              if o.dep_ == "pobj"]
    places = pp_objects(head, ["in", "at"]) + [p for a in agents
                                                for p in pp_objects(a, ["in", "at"])]
    hosts = _hosts(context, venue_places(places))
    if not hosts:
        hosting = agents if passive else subjects(head)
        hosts = [m for m in _visitors(context, hosting) if m.kind != "demonym"]
    return visitors, hosts, True


def _meet_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    return _meeting_roles(context, trigger.head)


def _address_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"speaking to the Bolivian Congress", "an address to the Indian parliament": the
    speaker visits the legislature's state; else where the speech is given ("a speech in
    Cairo", "speaking at a conference in Tokyo")."""
    head = trigger.head
    audience = pp_objects(head, ["to", "before"])
    if head.pos_ == "VERB":
        audience += [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    houses = [a for a in audience if a.lower_ in _visit_config("legislature_nouns")]
    if not houses:
        return _meeting_roles(context, head)
    hosts = [m for m in (mention_for(context, h, _LEGISLATURE_KINDS, depth=2) for h in houses)
             if m is not None]
    if head.pos_ == "VERB":
        visitors = _official_visitors(context, subjects(head))
    else:
        visitors = _meeting_roles(context, head)[0] or _visitors(
            context, [c for c in head.children if c.dep_ == "poss"])
    return visitors, hosts, True


_LEGISLATURE_KINDS = frozenset({"country", "demonym", "body", "capital"})


def _statement_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"Lavrov said in Beijing", "told reporters in Tokyo", "Japan pledged in Paris": the
    speaker is in that city (a resident envoy is no visitor)."""
    head = trigger.head
    places = [p for p in pp_objects(head, ["in", "at"]) if p.i > head.i]  # not "In Caracas, X said"
    places += [p for o in head.children
               if o.dep_ in {"dobj", "dative"} for p in pp_objects(o, ["in", "at"])]
    hosts = [m for m in _hosts(context, venue_places(places)) if m.kind in {"capital", "place"}]
    if len(hosts) != 1:
        return [], [], True
    named = [t for t in subjects(head) if t.lower_ not in RESIDENT_TITLES]
    official = any(t.lower_ in _visit_config("official_nouns") for t in named)
    visitors = [m for m in _visitors(context, named)
                if (m.kind in OFFICIAL_KINDS | {"country"} or (official and m.kind == "demonym"))
                and not set((m.title or "").lower().split()) & RESIDENT_TITLES]
    return visitors, hosts, True


def _here_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """"BEIJING - The Japanese foreign minister said here on Tuesday": an official whose
    clause says "here" is where the story is filed (no host without a dateline)."""
    head = trigger.head
    verb = head.head
    if head.dep_ != "advmod" or verb.pos_ not in {"VERB", "AUX"}:
        return [], [], True
    named = subjects(verb)
    official = any(t.lower_ in _visit_config("official_nouns") for t in named)
    visitors = [m for m in _visitors(context, named)
                if m.kind in OFFICIAL_KINDS or (official and m.kind == "demonym")]
    return visitors, dateline_host(context, head.sent), True


def _stays_here(trigger: Trigger) -> bool:
    """Whether a "here" with no dateline still says a visit took or takes place: a stay or
    a meeting ("was here for the signing", "will meet the creditors here"), not a
    statement ("said here")."""
    verb = trigger.head.head
    if trigger.label != "here" or verb.lower_ in statement_verb_forms():
        return False
    return verb.lemma_ == "be" or any(
        entry.label in {"meet", "arrive", "travel"} for entry in _entries_for(verb.lower_))


@cache
def _entries_for(form: str) -> tuple[TriggerEntry, ...]:
    """The one-word visit trigger entries a word form matches."""
    return tuple(e for e in load_lexicon("visit").entries
                 if len(e.sequence) == 1 and form in e.sequence[0])


_ROLE_READERS: dict[str, Callable[[DocumentContext, Trigger], _Roles]] = {
    "travel": _travel_roles,
    "arrive": _arrive_roles,
    "send": _send_roles,
    "depart": _depart_roles,
    "presence": _presence_roles,
    "return": _return_roles,
    "host": _host_roles,
    "meet": _meet_roles,
    "here": _here_roles,
    "statement": _statement_roles,
    "address": _address_roles,
}


def _roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """Visitors, hosts and whether the visit is implicit, for one trigger."""
    reader = _ROLE_READERS.get(trigger.label)
    return ([], [], False) if reader is None else reader(context, trigger)


def _meeting_places(context: DocumentContext, head: Token, verb: Token | None,
                    partners: list[Token], objects: list[Token]) -> list[ActorMention]:
    """The capital, place or seat of government a meeting is held in (``partners`` gains
    the "with"/"between" objects of clauses on the meeting)."""
    places = meeting_venues(head, verb, partners, objects)
    hosts = [m for m in _hosts(context, places) if m.kind in {"capital", "place"}]
    if not hosts:  # "at the London School of Economics", "in a Geneva hotel": the city named
        hosts = [m for p in places for c in p.children if c.dep_ == "compound"
                 if (m := context.actor_at(c.i)) is not None and m.kind in {"capital", "place"}]
    if not hosts and _names_two_states(context):  # "EU ministers met in Brussels": the city
        hosts = [_seat_mention(p) for p in places if p.lower_ in _venue_seats()]
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
                   or m.country not in UNIONS]
    if verb is not None:
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
        (c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that", "those"})
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


def _meeting_roles(context: DocumentContext, head: Token) -> _Roles:
    verb = governing_verb(head, max_hops=6) if head.pos_ in {"NOUN", "PROPN"} else head
    partners = pp_objects(head, ["with", "between"])
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    if head.pos_ == "VERB":  # "met Merkel in Berlin": the one met is a participant too
        partners += objects
    hosts = _meeting_places(context, head, verb, partners, objects)
    kinds = OFFICIAL_KINDS | {"country"}
    if not hosts and _definite(head):  # "Tomorrow's Group of Seven meeting", "the talks"
        hosts = _earlier_meeting_place(context, head)
        kinds = frozenset({"country"})  # the states that meet, not someone speaking of it
    if not hosts:  # "WASHINGTON - Jordan's foreign minister held talks with Shultz"
        hosts = dateline_host(context, head.sent)
    if len(hosts) != 1:
        return [], [], True
    people = _meeting_people(context, head, verb, partners)
    visitors = [m for m in _visitors(context, people) if m.kind in kinds]
    for person in people:  # "the two sides held talks in Miami"
        visitors += [m for m in _group_members(context, person)
                     if all(v.country != m.country for v in visitors)]
    return visitors, hosts, True


_GROUP_WINDOW = 8  # sentences back to look for the list a numbered group counts
_MEMBER_KINDS = frozenset({"country", "demonym", "body", "person", "capital"})


def _group_members(context: DocumentContext, noun: Token) -> list[ActorMention]:
    """The states a numbered group refers to: "the six nations" -> the nearest earlier
    list of six states ("Canada, Britain, France, Japan, the U.S. and West Germany
    agreed ..."); "the two sides" with no such list -> the states the sentence before
    names, when there are no more than two."""
    if noun.lower_ not in _visit_config("group_nouns"):
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


UNIONS = frozenset({"EUU"})  # a meeting "of EU ministers" is one of its member states

RESIDENT_TITLES = frozenset({"ambassador", "envoy", "consul", "correspondent", "attache",
                             "charge", "spokesman", "spokeswoman"})


def _presence_visits(context: DocumentContext) -> list[Event]:
    """Officials placed in another state's city: "officials with Shultz in Peking"."""
    found: list[Event] = []
    for person in context.actors.mentions:
        if person.kind != "person":
            continue
        title = (person.title or "").lower()
        if any(word in RESIDENT_TITLES for word in title.split()):
            continue
        head = context.doc[person.end - 1]
        # "Yeutter, in New Zealand for talks, said": an aside may name the country itself
        aside = any(c.dep_ == "prep" and c.lower_ == "in" and c.i > 0 and
                    context.doc[c.i - 1].text == "," for c in head.children)
        kinds = {"capital", "place", "country"} if aside else {"capital", "place"}
        hosts = [m for m in _hosts(context, pp_objects(head, ["in"]))
                 if m.kind in kinds and m.country != person.country]
        for host in hosts:
            sent = head.sent
            found.append(
                Visit(
                    visitor_country=person.country,
                    host_country=host.country,
                    visitor=actor_of(person),
                    location=Place(name=host.text, country=host.country),
                    implicit=True,
                    date=context.date_for(head, sent),
                    evidence=(context.evidence(sent.start_char, sent.end_char),),
                    rule="visit.person_in_place",
                )
            )
    return found


_EMBEDDED_DEPS = frozenset({"advcl", "prep", "pcomp", "pobj", "xcomp", "dobj", "conj", "acl"})


def _future_clause(context: DocumentContext, head: Token) -> bool:
    """Whether the trigger's clause is future, or the trigger sits in a non-finite phrase
    under a future verb ("He will visit Tanzania before chairing a meeting in Cape Town",
    "will be in Berlin, his first stop on a tour")."""
    tense = context.tense(head)
    if tense is not None:
        return tense == "future"
    node = head
    for _ in range(6):
        if node.dep_ not in _EMBEDDED_DEPS or node.head == node:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.tag_ not in {"VBG", "VBN"}:
            return context.tense(node) == "future"
    return False


SENTENCE_HOST_KINDS = frozenset({"country", "capital", "demonym", "person", "body"})


def _unowned(context: DocumentContext, noun: Token) -> bool:
    """Whether a visit noun names no traveller of its own at all: no possessor, "by" or
    "of" phrase, nor a modifier naming a state ("the two-day trip to Japan")."""
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"by", "of"}) or
                   (c.dep_ in {"amod", "compound", "nmod"} and context.actor_at(c.i) is not None)
                   for c in noun.children)


def _protagonist(context: DocumentContext, noun: Token,
                 hosts: list[ActorMention]) -> list[ActorMention]:
    """The official a story follows, for "the trip to Japan" with no traveller in its
    sentence: the person named most often before the noun (at least twice, more often than
    anyone else), from a state other than the host."""
    counts: dict[str, list[ActorMention]] = {}
    for m in context.actors.within(0, noun.i):
        if m.kind == "person":
            counts.setdefault((m.person or m.text).split()[-1].lower(), []).append(m)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return []
    person = ranked[0][-1]
    if any(h.country == person.country for h in hosts):
        return []
    return [person]


def _names_no_destination(head: Token) -> bool:
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


def _sentence_host(context: DocumentContext, sent: Span,
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
    first = next(m for m in context.actors.mentions if m.country == home)
    return [attrs.evolve(first, kind="country")]  # the state, not a place the text names


def _completed_roles(context: DocumentContext, trigger: Trigger, sent: Span) -> _Roles:
    """A trigger's roles, with a missing host or visitor taken from the sentence where the
    trigger allows it (``host_in_sentence``)."""
    visitors, hosts, implicit = _roles(context, trigger)
    if not trigger.entry.extra.get("host_in_sentence"):
        return visitors, hosts, implicit
    if visitors and not hosts and _names_no_destination(trigger.head):
        hosts = _sentence_host(context, sent, visitors)
    if hosts and not visitors and trigger.head.pos_ in {"NOUN", "PROPN"} and \
            _unowned(context, trigger.head):
        visitors = _protagonist(context, trigger.head, hosts)
    return visitors, hosts, implicit


def _modality_and_date(context: DocumentContext, trigger: Trigger,
                       sent: Span) -> tuple[Modality, TimeSpan | None]:
    modality = modality_for(trigger, VISIT_MODALITIES)
    if modality is Modality.ASSERTED and _future_clause(context, trigger.head):
        modality = Modality.PLANNED
    # "begins a state visit on Tuesday" in Sunday's paper: still to come
    modality, date = as_scheduled(context, trigger.head, sent, modality)
    if date is None:
        date = context.date_for(
            trigger.head,
            sent,
            tense="future" if modality is Modality.PLANNED else None,
            fallback=modality is Modality.ASSERTED,
        )
    return modality, date


def _trigger_visits(context: DocumentContext, trigger: Trigger, sent: Span) -> list[Event]:
    """The visits one trigger states: one per visitor and host of different states."""
    if in_conditional(trigger.head):
        return []  # "if Putin visits Kyiv", "analysts bet he would travel to Kyiv"
    visitors, hosts, implicit = _completed_roles(context, trigger, sent)
    if visitors and not hosts and _stays_here(trigger):
        return _unplaced_visits(context, trigger, sent, visitors)
    if not visitors or not hosts:
        return []
    modality, date = _modality_and_date(context, trigger, sent)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    return [
        Visit(
            visitor_country=visitor.country,
            host_country=host.country,
            visitor=actor_of(visitor),
            location=(Place(name=host.text, country=host.country)
                      if host.kind in {"capital", "place"} else None),
            implicit=implicit,
            date=date,
            modality=modality,
            evidence=evidence,
            rule=f"visit.{trigger.entry.id}",
        )
        for visitor in visitors for host in hosts if visitor.country != host.country
    ]


def _unplaced_visits(context: DocumentContext, trigger: Trigger, sent: Span,
                     visitors: list[ActorMention]) -> list[Event]:
    """Visits "here" in a story with no dateline: the host is unknown (``None``). Only in a
    story naming some other state too, as a visit is between two (what the pre-filter's
    two-state minimum assumes): a story naming one state is domestic news."""
    if not _names_two_states(context):
        return []
    modality, date = _modality_and_date(context, trigger, sent)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    return [Visit(visitor_country=visitor.country, visitor=actor_of(visitor), implicit=True,
                  date=date, modality=modality, evidence=evidence,
                  rule=f"visit.{trigger.entry.id}") for visitor in visitors]


def extract_visits(context: DocumentContext) -> list[Event]:
    """Every visit mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("visit")
    found: list[Event] = _presence_visits(context)
    for sent in context.sentences:
        for trigger in lexicon.find(sent):
            found += _trigger_visits(context, trigger, sent)
    return found
