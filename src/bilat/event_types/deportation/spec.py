"""The deportation type's entry in the event-type registry (:mod:`bilat.event_types`)."""

from __future__ import annotations

from bilat.event_types import Column, EventSpec, Merging, PrefilterNeeds, View
from bilat.events import Deportation

SPEC = EventSpec(
    name="deportation",
    event_class=Deportation,
    extractor="bilat.event_types.deportation.extract:extract_deportations",
    view=View(
        colour=(148, 103, 189),
        summary="bilat.event_types.deportation.view:summary",
        columns=(
            Column("deporting_country", "deporting_country"),
            Column("origin_country", "origin_country"),
            Column("count_min", "count.min"),
            Column("count_max", "count.max"),
            Column("count_text", "count.text"),
            Column("group", "group"),
        ),
        article="a deportation",
    ),
    dyad=("deporting_country", "origin_country"),
    prefilter=PrefilterNeeds(min_states=1),  # the origin may be left open
    merging=Merging(window=30, attributes=("count.min", "count.max", "group")),
)
"""Deportations: a state expels, deports or forcibly returns people of another."""
