"""Deportation roles: which state (``deporting_country``) expels people of which state
(``origin_country``).

Triggers and word lists live in ``bilat/event_types/deportation/lexicon.json``:

* verbs ("deport", "expel", "repatriate", "extradite", "forcibly return", "push back",
  "sent back", "flown home"; the last two only for a phrase that names people):
  the deporting state is the subject, the passive agent ("were expelled by Iran") or the
  state the people are sent out of ("deported from Germany"); the deportees are the object
  (or the passive subject);
* nouns ("deportation", "expulsion", "extradition"): the deportees are the "of" phrase, the
  deporting state the possessor ("Britain's expulsion of ..."), the "by"/"from" phrase or
  the subject of a verb that carries the act out ("Pakistan began the repatriation of ...");
* "declared ... persona non grata" and "ordered ... to leave": the subject of the verb
  expels its object.

The origin state is the nationality of the deportees ("Afghan nationals", "Afghans", "two
Soviet diplomats", "citizens of Iraq"); failing that, the destination ("deported ... to
Algeria"), as people are deported to their own state; for an extradition, failing both, the
state that asked for it. Deportees must be people ("deported to the back of the queue",
"repatriated profits" are not deportations). When the text names no deporting state (a
passive with no agent, "from the kingdom"), it is the state the passage is about: the
nearest earlier state in the sentence, else the state the document mentions most; the
latter only when the deportees' nationality is stated, and never when the verb's stated
subject names no state ("it" is the state named before it in the sentence). Troops and
forces are not deportees ("expel Iranian forces from Syria").

Attributes: ``count`` from the deportees phrase ("more than 80,000", "tens of thousands"),
``group`` (diplomats, refugees, migrants, nationals) from its head noun. Modality:
``negated`` ("was supposed to have been deported", "a court rejected the request to
extradite", "did not expel"); ``proposed`` for a plan or policy under discussion ("a plan to
deport", "plans to deport"); ``planned`` for a decided future act ("will deport").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.deportation.attributes import (
    deportation_modality,
    deportee_count,
    deportee_group,
)
from bilat.event_types.deportation.dates import own_date
from bilat.event_types.deportation.origins import (
    Origins,
    context_state,
    destination_named,
    destination_origins,
    is_people,
    stated_origins,
    unresolved_subject,
)
from bilat.event_types.deportation.roles import roles
from bilat.event_types.deportation.words import deportation_words
from bilat.events import Deportation, Event
from bilat.syntax.arguments import pp_objects
from bilat.triggers import load_lexicon
from bilat.values import Count, Modality

if TYPE_CHECKING:
    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_deportations"]


def _particle_apart(trigger: Trigger) -> bool:
    """For an entry with a ``particle`` list: whether the verb has one of those words as
    a particle after its object ("sent 40 men back to China"; "sent back" next to the verb
    is the ``send_back`` entry's)."""
    wanted = trigger.entry.extra.get("particle")
    if not wanted:
        return True
    head = trigger.head
    return any(c.dep_ in {"advmod", "prt"} and c.lower_ in wanted and c.i > head.i + 1
               for c in head.children)


def _mentions(context: DocumentContext, trigger: Trigger) -> list[Deportation]:
    if not _particle_apart(trigger):
        return []
    deporter, deportees, destinations = roles(context, trigger)
    strict = bool(trigger.entry.extra.get("strict_people"))
    deportees = [t for t in deportees if is_people(context, t, strict)]
    if not deportees and trigger.label not in {"extradite"}:
        return []
    if any(t.lower_ in deportation_words().not_from for t in pp_objects(trigger.head, ["from"])):
        return []  # "expelled from the match", "expelled from the party"
    modality = deportation_modality(context, trigger)
    if modality is None:
        return []
    origins = stated_origins(context, trigger, deporter, deportees)
    stated_origin = bool(origins)  # the deportees' own nationality, not their destination
    if not origins:
        origins = destination_origins(context, trigger, deportees, destinations)
    if not origins or not destination_named(context, trigger, stated_origin, destinations):
        return []
    if deporter is None:
        deporter = _passage_state(context, trigger, origins, stated_origin)
    if deporter is None:
        return []
    return _events(context, trigger, deporter, origins, modality)


def _passage_state(context: DocumentContext, trigger: Trigger, origins: Origins,
                   stated_origin: bool) -> ActorMention | None:
    """The deporter when the text names none: the state the passage is about; the whole
    document's only when the text says who the deportees are ("repatriated ... to the US,
    Russia": maybe by their own state). None for a verb whose subject names no state, or
    for an entry marked ``destination``."""
    if unresolved_subject(trigger) or trigger.entry.extra.get("destination"):
        return None
    return context_state(context, trigger, {o.country for o, _ in origins},
                         document=stated_origin)


def _events(context: DocumentContext, trigger: Trigger, deporter: ActorMention,
            origins: Origins, modality: Modality) -> list[Deportation]:
    """One deportation per origin state other than the deporter's."""
    head = trigger.head
    sent = head.sent
    date = own_date(context, head, sent)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    return [
        Deportation(
            deporting_country=deporter.country,
            origin_country=origin.country,
            count=deportee_count(context, deportee) if deportee is not None else None,
            group=deportee_group(context, deportee) if deportee is not None else None,
            date=date,
            modality=modality,
            evidence=evidence,
            rule=f"deportation.{trigger.entry.id}",
        )
        for origin, deportee in origins if origin.country != deporter.country
    ]


def extract_deportations(context: DocumentContext) -> list[Event]:
    """Every deportation mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("deportation")
    found: list[Deportation] = []
    for sent in context.sentences:
        for trigger in lexicon.find(sent):
            found.extend(_mentions(context, trigger))
    return list(_share_counts(found))


def _share_counts(found: list[Deportation]) -> list[Deportation]:
    """Give every mention of one deportation the document's most precise count: a stated
    number ("more than 80,000") over a vague one ("tens of thousands"), the first of equals."""
    best: dict[tuple[str | None, str | None], Count] = {}
    for event in found:
        count = event.count
        if count is None:
            continue
        key = (event.deporting_country, event.origin_country)
        held = best.get(key)
        if held is None or (_numeric(count) and not _numeric(held)):
            best[key] = count
    out: list[Deportation] = []
    for event in found:
        count = best.get((event.deporting_country, event.origin_country))
        if count is not None and event.count != count:
            event = attrs.evolve(event, count=count)
        out.append(event)
    return out


def _numeric(count: Count) -> bool:
    return any(ch.isdigit() for ch in count.text or "")
