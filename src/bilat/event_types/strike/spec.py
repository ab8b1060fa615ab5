"""The strike type's entry in the event-type registry (:mod:`bilat.event_types`)."""

from __future__ import annotations

from bilat.event_types import Column, EventSpec, Merging, PrefilterNeeds, View
from bilat.events import Strike

SPEC = EventSpec(
    name="strike",
    event_class=Strike,
    extractor="bilat.event_types.strike.extract:extract_strikes",
    view=View(
        colour=(214, 39, 40),
        summary="bilat.event_types.strike.view:summary",
        columns=(
            Column("attacker_country", "attacker_country"),
            Column("target_country", "target_country"),
            Column("kind", "kind"),
            Column("killed_min", "killed.min"),
            Column("killed_max", "killed.max"),
            Column("injured_min", "injured.min"),
            Column("injured_max", "injured.max"),
            Column("location_name", "location.name"),
            Column("location_country", "location.country"),
        ),
        article="a strike",
    ),
    dyad=("attacker_country", "target_country"),
    prefilter=PrefilterNeeds(
        min_states=1,  # the attacker may be unknown
        weak_triggers=True,  # "hit", "attack": only with a cue of force in the sentence
    ),
    merging=Merging(window=1, attributes=("kind", "killed.min", "injured.min", "location.name")),
)
"""Strikes: forces of one state use force on another's territory or forces."""
