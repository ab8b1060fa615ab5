"""The trade_figure type's entry in the event-type registry (:mod:`bilat.event_types`)."""

from __future__ import annotations

from bilat.event_types import Column, EventSpec, Merging, PrefilterNeeds, View
from bilat.events import TradeFigure

SPEC = EventSpec(
    name="trade_figure",
    event_class=TradeFigure,
    extractor="bilat.event_types.trade_figure.extract:extract_trade_figures",
    view=View(
        colour=(214, 140, 20),
        summary="bilat.event_types.trade_figure.view:summary",
        columns=(
            Column("countries", "countries"),
            Column("value_amount", "value.amount"),
            Column("value_max_amount", "value.max_amount"),
            Column("value_currency", "value.currency"),
            Column("value_text", "value.text"),
            Column("flow", "flow"),
            Column("period_start", "period.start"),
            Column("period_end", "period.end"),
            Column("period_precision", "period.precision"),
            Column("source_country", "source_country"),
            Column("partner_country", "partner_country"),
        ),
        article="a trade figure",
    ),
    dyad=("countries",),
    direction=("source_country", "partner_country"),
    prefilter=PrefilterNeeds(
        min_states=2,  # a figure between two states (not with the world)
        min_actors=2,  # both sides are states named as such, never a city
    ),
    merging=Merging(
        window=0,  # one figure is one period's: reports of it name the same period
        # the scoring contract's identity: roles, flow, currency, amount at 3 digits
        key=("countries", "flow", "value.currency", "value.amount"),
        time="period",
        undated=False,  # a figure without a period is not dated by its report
        attributes=("value.amount", "period.start", "source_country"),
    ),
)
"""Trade figures: a money value of trade, investment, a pledge, loan or aid."""
