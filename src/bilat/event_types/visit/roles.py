"""Visit roles by trigger label: who travels (``visitor_country``) to which state
(``host_country``) for each label of ``bilat/event_types/visit/lexicon.json``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.actors.document import TITLE_HEADS
from bilat.event_types.visit.lexicon import (
    entries_for,
    envoy_nouns,
    host_forms,
    official_words,
    resident_titles,
    visit_config,
    visit_nouns,
)
from bilat.event_types.visit.meetings import meeting_roles
from bilat.event_types.visit.mentions import (
    OFFICIAL_KINDS,
    Roles,
    by_objects,
    dateline_host,
    demonym_hosts,
    following_host,
    host_mentions,
    official_visitors,
    visitor_mentions,
)
from bilat.syntax.anaphora import subjects_above
from bilat.syntax.arguments import conjuncts, pp_objects, subjects
from bilat.syntax.clauses import governing_verb
from bilat.syntax.itinerary import attributive_noun, destinations, relative_place, venue_places
from bilat.syntax.lexicon import statement_verb_forms
from bilat.syntax.mentions import mention_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger
__all__ = ["stays_here", "trigger_roles"]



def _noun_hosts(context: DocumentContext, trigger: Trigger, verb: Token | None
                ) -> list[ActorMention]:
    """Where a travel noun goes: its own "to"/"in" phrase or listed stops, else (unless the
    entry is ``strict``) the words right after it or the "to"/"in" phrase of its verb; the
    "to" phrase of a leading verb ("led a delegation to Hanoi") in any case."""
    noun = trigger.head
    host_preps = trigger.entry.extra.get("host_preps", ["to", "in"])
    strict = bool(trigger.entry.extra.get("strict", False))
    hosts = host_mentions(context, pp_objects(noun, host_preps) if strict
                   else destinations(noun, host_preps))
    if not hosts and not strict:
        hosts = following_host(context, noun) or demonym_hosts(
            context, pp_objects(noun, ["to", "on", "in", "at"])
        )
    if hosts or verb is None or verb == noun:
        return hosts
    if not strict:
        return host_mentions(context, pp_objects(verb, ["to", "in"]))
    if noun.dep_ in {"dobj", "obj"} and verb.lower_ in visit_config("leading_verbs"):
        return host_mentions(context, pp_objects(verb, host_preps))
    return []


def _noun_roles(context: DocumentContext, trigger: Trigger) -> tuple[list[ActorMention],
                                                                     list[ActorMention]]:
    noun = trigger.head
    host_preps = trigger.entry.extra.get("host_preps", ["to", "in"])
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    of_visitors = [] if "of" in host_preps else pp_objects(noun, ["of"])  # not "a tour of Asia"
    visitors = official_visitors(context, possessors + by_objects(noun) + of_visitors)
    compounds = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    verb = governing_verb(noun.head if noun.dep_ == "pobj" else noun)
    hosts = _noun_hosts(context, trigger, verb)
    owned = bool(trigger.entry.extra.get("noun_needs_owner"))  # not "advised against travel"
    # "Vietnam welcomed Xi for a state visit": the subject of a hosting verb hosts
    if verb is not None and verb != noun and not visitors and not owned and \
            verb.lower_ not in host_forms():
        visitors = visitor_mentions(context, [s for s in subjects(verb) if s != noun])
    if not visitors and not owned:
        visitors = visitor_mentions(context, compounds)
    if not visitors:  # "Britain's trade minister said his trip to Tokyo would ...": the
        # official whose clause holds "his"
        visitors = official_visitors(context, [s for p in possessors
                                               if p.lower_ in _OWNER_PRONOUNS
                                               for s in subjects_above(p)])
    return visitors, hosts


_OWNER_PRONOUNS = frozenset({"his", "her", "their"})


def _travel_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"flew to Paris", "a visit to Moscow by Shultz"."""
    head = trigger.head
    if head.pos_ in {"NOUN", "PROPN"}:
        visitors, hosts = _noun_roles(context, trigger)
        return visitors, hosts, False
    described = attributive_noun(head)
    if described is not None:  # "told visiting U.S. Secretary of State George Shultz"
        visitors = [m for m in official_visitors(context, [described])
                    if m.kind in OFFICIAL_KINDS or described.lower_ in visit_config(
                        "official_nouns")]
        if visitors:
            return visitors, [], False
    object_host = bool(trigger.entry.extra.get("object_host"))
    hosts = host_mentions(context, destinations(head, ["to", "for", "into"],
                                         object_is_place=object_host))
    hosts = hosts or following_host(context, head)
    if not hosts and object_host:  # "McCain visited Mr Blair": where the one visited is
        hosts = [m for o in head.children if o.dep_ in {"dobj", "obj"}
                 if (m := mention_for(context, o, frozenset({"person"}), depth=1)) is not None]
    return official_visitors(context, subjects(head)), hosts, False


def _arrive_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"arrived in Beijing", "on his arrival in Tokyo"."""
    head = trigger.head
    anchor = head.head if head.dep_ == "pobj" else head
    hosts = host_mentions(context, pp_objects(head, ["in", "at", "to", "into"])
                   or relative_place(head))
    named = subjects(head) or [c for c in head.children if c.dep_ == "poss"]
    visitors = official_visitors(context, named)
    if not visitors and anchor is not head:
        visitors = visitor_mentions(context, subjects(anchor))
    if trigger.entry.extra.get("officials_only"):  # "she will also stop in Lima"
        visitors = [m for m in visitors if m.kind == "person"]
    return visitors, hosts, False


def _send_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"sent officials to Moscow": the sender's state visits."""
    head = trigger.head
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    if not any(o.lower_ in envoy_nouns() for o in objects):
        return [], [], False
    # "sent a delegation of officials to Seoul": the "to" phrase may hang on the "of" object
    members = [m for o in objects for m in pp_objects(o, ["of"])]
    places = pp_objects(head, ["to"]) + [t for o in objects + members
                                         for t in pp_objects(o, ["to"])]
    return visitor_mentions(context, subjects(head)), host_mentions(context, places), False


def _depart_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"left for Washington", "before his departure for Paris", "heads to Israel"."""
    head = trigger.head
    named = subjects(head) or [c for c in head.children if c.dep_ == "poss"]
    preps = trigger.entry.extra.get("host_preps", ["for"])
    return visitor_mentions(context, named), host_mentions(context, pp_objects(head, preps)), False


def _presence_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """Officials only: "Russians who could be in Syria" is no visit."""
    head = trigger.head
    named = subjects(head)
    official = any(t.lower_ in visit_config("official_nouns") for t in named)
    visitors = [m for m in visitor_mentions(context, named)
                if m.kind in OFFICIAL_KINDS or (official and m.kind == "demonym")]
    return visitors, host_mentions(context, pp_objects(head, ["in"])), True


def _return_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"returned from Egypt", "returning from his holiday in Egypt"."""
    head = trigger.head
    origins = pp_objects(head, ["from"])
    places = [*origins, *(o for t in origins for o in pp_objects(t, ["in", "to"]))]
    hosts = host_mentions(context, places)
    implicit = not any(t.lower_ in visit_nouns() for t in origins)
    return official_visitors(context, subjects(head)), hosts, implicit


def _host_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"Xi received Modi in Beijing", "Modi was received by Xi"."""
    head = trigger.head
    passive = [c for c in head.children if c.dep_ == "nsubjpass"]
    # "Modi was received by Xi in Beijing": the passive subject is the guest
    guests = passive or [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    visitors = visitor_mentions(context, guests, depth=1)  # not "received a credit from Japan"
    if passive:
        visitors = [m for m in visitors if m.kind in OFFICIAL_KINDS]
    else:  # "welcomed the Gaza ceasefire": a guest is named, or an official ("the Ukrainian
        # president", "a delegation from Vietnam"), not a thing a state is named on
        visitors = _named_or_official_guests(context, guests, visitors)
    agents = [o for a in head.children if a.dep_ == "agent" for o in a.children
              if o.dep_ == "pobj"]
    places = pp_objects(head, ["in", "at"]) + [p for a in agents
                                                for p in pp_objects(a, ["in", "at"])]
    hosts = host_mentions(context, venue_places(places))
    if not hosts:
        hosting = agents if passive else subjects(head)
        hosts = [m for m in visitor_mentions(context, hosting) if m.kind != "demonym"]
    return visitors, hosts, True


def _named_or_official_guests(context: DocumentContext, guests: list[Token],
                              visitors: list[ActorMention]) -> list[ActorMention]:
    """The visitors of a hosting verb's objects read from guests that are people: named
    actors, persons ("hosted Iran's Hassan Rouhani", whoever the gazetteer knows him as)
    or officials ("the Ukrainian president", "a delegation from Laos"); not a state named
    on a thing welcomed ("welcomed the Gaza ceasefire")."""
    officials = official_words() | TITLE_HEADS
    guests_proper = [w for g in guests for w in conjuncts(g)
                     if context.actor_at(w.i) is not None or w.ent_type_ == "PERSON"
                     or w.lower_ in officials]
    kept = visitor_mentions(context, guests_proper, depth=1)
    return [m for m in visitors if m in kept]


def _meet_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    return meeting_roles(context, trigger.head)


def _address_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"speaking to the Bolivian Congress", "an address to the Indian parliament": the
    speaker visits the legislature's state; else where the speech is given ("a speech in
    Cairo", "speaking at a conference in Tokyo")."""
    head = trigger.head
    audience = pp_objects(head, ["to", "before"])
    if head.pos_ == "VERB":
        audience += [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    houses = [a for a in audience if a.lower_ in visit_config("legislature_nouns")]
    if not houses:
        return meeting_roles(context, head)
    hosts = [m for m in (mention_for(context, h, _LEGISLATURE_KINDS, depth=2) for h in houses)
             if m is not None]
    if head.pos_ == "VERB":
        visitors = official_visitors(context, subjects(head))
    else:
        visitors = meeting_roles(context, head)[0] or visitor_mentions(
            context, [c for c in head.children if c.dep_ == "poss"])
    return visitors, hosts, True


_LEGISLATURE_KINDS = frozenset({"country", "demonym", "body", "capital"})


def _statement_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"Lavrov said in Beijing", "told reporters in Tokyo", "Japan pledged in Paris": the
    speaker is in that city (a resident envoy is no visitor)."""
    head = trigger.head
    places = [p for p in pp_objects(head, ["in", "at"]) if p.i > head.i]  # not "In Caracas, X said"
    places += [p for o in head.children
               if o.dep_ in {"dobj", "dative"} for p in pp_objects(o, ["in", "at"])]
    hosts = [m for m in host_mentions(context, venue_places(places))
             if m.kind in {"capital", "place"}]
    if len(hosts) != 1:
        return [], [], True
    named = [t for t in subjects(head) if t.lower_ not in resident_titles()]
    official = any(t.lower_ in visit_config("official_nouns") for t in named)
    visitors = [m for m in visitor_mentions(context, named)
                if (m.kind in OFFICIAL_KINDS | {"country"} or (official and m.kind == "demonym"))
                and not set((m.title or "").lower().split()) & resident_titles()]
    return visitors, hosts, True


def _here_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """"BEIJING - The Japanese foreign minister said here on Tuesday": an official whose
    clause says "here" is where the story is filed (no host without a dateline)."""
    head = trigger.head
    verb = head.head
    if head.dep_ != "advmod" or verb.pos_ not in {"VERB", "AUX"}:
        return [], [], True
    named = subjects(verb)
    official = any(t.lower_ in visit_config("official_nouns") for t in named)
    visitors = [m for m in visitor_mentions(context, named)
                if m.kind in OFFICIAL_KINDS or (official and m.kind == "demonym")]
    return visitors, dateline_host(context, head.sent), True


def stays_here(trigger: Trigger) -> bool:
    """Whether a "here" with no dateline still says a visit took or takes place: a stay or
    a meeting ("was here for the signing", "will meet the creditors here"), not a
    statement ("said here")."""
    verb = trigger.head.head
    if trigger.label != "here" or verb.lower_ in statement_verb_forms():
        return False
    return verb.lemma_ == "be" or any(
        entry.label in {"meet", "arrive", "travel"} for entry in entries_for(verb.lower_))


_ROLE_READERS: dict[str, Callable[[DocumentContext, Trigger], Roles]] = {
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


def trigger_roles(context: DocumentContext, trigger: Trigger) -> Roles:
    """Visitors, hosts and whether the visit is implicit, for one trigger."""
    reader = _ROLE_READERS.get(trigger.label)
    return ([], [], False) if reader is None else reader(context, trigger)
