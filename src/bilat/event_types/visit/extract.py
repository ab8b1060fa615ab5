"""Visit roles: who travels (``visitor_country``) to which state (``host_country``).

Rules, by trigger label (``bilat/event_types/visit/lexicon.json``):

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

from typing import TYPE_CHECKING

from bilat.event_types.visit.lexicon import resident_titles
from bilat.event_types.visit.mentions import (
    Roles,
    host_mentions,
    names_no_destination,
    names_two_states,
    protagonist,
    sentence_host,
    unowned,
)
from bilat.event_types.visit.roles import stays_here, trigger_roles
from bilat.events import Event, Visit
from bilat.syntax.arguments import pp_objects
from bilat.syntax.mentions import actor_of, as_scheduled, in_conditional, modality_for
from bilat.triggers import load_lexicon
from bilat.values import Modality, Place

if TYPE_CHECKING:

    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger
    from bilat.values import TimeSpan
__all__ = ["extract_visits"]

VISIT_MODALITIES = frozenset({"planned", "negated"})


def _presence_visits(context: DocumentContext) -> list[Event]:
    """Officials placed in another state's city: "officials with Shultz in Peking"."""
    found: list[Event] = []
    for person in context.actors.mentions:
        if person.kind != "person":
            continue
        title = (person.title or "").lower()
        if any(word in resident_titles() for word in title.split()):
            continue
        head = context.doc[person.end - 1]
        # "Yeutter, in New Zealand for talks, said": an aside may name the country itself
        aside = any(c.dep_ == "prep" and c.lower_ == "in" and c.i > 0 and
                    context.doc[c.i - 1].text == "," for c in head.children)
        kinds = {"capital", "place", "country"} if aside else {"capital", "place"}
        hosts = [m for m in host_mentions(context, pp_objects(head, ["in"]))
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


def _completed_roles(context: DocumentContext, trigger: Trigger, sent: Span) -> Roles:
    """A trigger's roles, with a missing host or visitor taken from the sentence where the
    trigger allows it (``host_in_sentence``)."""
    visitors, hosts, implicit = trigger_roles(context, trigger)
    if not trigger.entry.extra.get("host_in_sentence"):
        return visitors, hosts, implicit
    if visitors and not hosts and names_no_destination(trigger.head):
        hosts = sentence_host(context, sent, visitors)
    if hosts and not visitors and trigger.head.pos_ in {"NOUN", "PROPN"} and \
            unowned(context, trigger.head):
        visitors = protagonist(context, trigger.head, hosts)
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
    if visitors and not hosts and stays_here(trigger):
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
    if not names_two_states(context):
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
