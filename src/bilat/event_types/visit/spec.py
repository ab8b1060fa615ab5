"""The visit type's entry in the event-type registry (:mod:`bilat.event_types`)."""

from __future__ import annotations

from bilat.event_types import Column, EventSpec, Merging, PrefilterNeeds, View
from bilat.events import Visit

SPEC = EventSpec(
    name="visit",
    event_class=Visit,
    extractor="bilat.event_types.visit.extract:extract_visits",
    view=View(
        colour=(31, 119, 180),
        summary="bilat.event_types.visit.view:summary",
        columns=(
            Column("visitor_country", "visitor_country"),
            Column("host_country", "host_country"),
            Column("visitor_name", "visitor.name"),
            Column("visitor_title", "visitor.title"),
            Column("implicit", "implicit"),
            Column("location_name", "location.name"),
            Column("location_country", "location.country"),
        ),
        article="a visit",
    ),
    dyad=("visitor_country", "host_country"),
    prefilter=PrefilterNeeds(
        min_states=2,  # visitor and host must be different states
        min_actors=1,  # the visitor is never a mere place (the host may be)
        triggerless=True,  # an official "in" a foreign city needs no trigger word
    ),
    merging=Merging(window=7, attributes=("visitor.name", "visitor.title", "location.name")),
)
"""Visits: an official of one state travels to another."""
