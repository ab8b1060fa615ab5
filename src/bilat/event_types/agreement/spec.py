"""The agreement type's entry in the event-type registry (:mod:`bilat.event_types`)."""

from __future__ import annotations

from bilat.event_types import Column, EventSpec, Merging, PrefilterNeeds, View
from bilat.events import Agreement

SPEC = EventSpec(
    name="agreement",
    event_class=Agreement,
    extractor="bilat.event_types.agreement.extract:extract_agreements",
    view=View(
        colour=(44, 160, 44),
        summary="bilat.event_types.agreement.view:summary",
        columns=(Column("parties", "parties"), Column("agreement_name", "name")),
        article="an agreement",
    ),
    dyad=("parties",),
    prefilter=PrefilterNeeds(
        min_states=2,  # at least two distinct parties
        min_actors=2,  # parties: countries, demonyms, capitals, bodies, groups, people
    ),
    merging=Merging(window=7, attributes=("name",)),
)
"""Agreements: two or more states agree, sign, renew or negotiate."""
