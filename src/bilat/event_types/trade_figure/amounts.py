"""The money of a sentence, its currency and the period a figure covers."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

from bilat.event_types.trade_figure.attachment import _word_before
from bilat.event_types.trade_figure.lexicon import (
    _BARE_DOLLAR,
    _PARAGRAPH,
    _price_unit,
    words,
)
from bilat.values import Money, Precision, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span

    from bilat.context import DateMention, DocumentContext
    from bilat.triggers import Trigger


def _money_root(context: DocumentContext, money: Money) -> Span | None:
    assert money.start_char is not None and money.end_char is not None
    return context.doc.char_span(money.start_char, money.end_char, alignment_mode="expand")


def _sentence_money(context: DocumentContext, sent: Span, hint: str | None) -> list[Money]:
    """Money amounts in ``sent`` with document offsets, minus conversions and unit prices."""
    from bilat.normalise import find_money

    text = sent.text
    found = find_money(text, country_hint=hint, published=context.published)
    out: list[Money] = []
    previous_end: int | None = None
    for money in found:
        if money.start_char is None or money.end_char is None:
            continue
        before = text[:money.start_char].rstrip()
        after = text[money.end_char:]
        if previous_end is not None and before.endswith("(") and \
                len(before) - 1 - previous_end <= 3:
            previous_end = money.end_char
            continue  # a bracketed conversion of the amount before it
        previous_end = money.end_char
        if _price_unit().match(after) or before.lower().endswith(("below", "beneath")):
            continue
        if re.match(r"^\s*(?:pct|per\s*cent|percent|%)", after, re.IGNORECASE):
            continue
        out.append(
            attrs.evolve(
                money,
                start_char=sent.start_char + money.start_char,
                end_char=sent.start_char + money.end_char,
            )
        )
    return out


def _previous_year(span: TimeSpan) -> TimeSpan | None:
    if span.precision is not Precision.YEAR:
        return None
    year = span.start.year - 1
    return TimeSpan(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31),
                    precision=Precision.YEAR, text=span.text)


def _adjacent_date(context: DocumentContext, span: Span, dates: list[DateMention],
                   others: list[Span]) -> tuple[TimeSpan, bool] | None:
    """A date right after the amount, with no other amount between ("X in 1986", "X by
    1990": a target), or a possessive date right before it ("December's 4.4 billion")."""
    for mention in dates:
        if span.end <= mention.start <= span.end + 4 and \
                not any(span.end <= m.start < mention.start for m in others):
            target = context.doc[mention.start - 1].lower_ == "by" or \
                mention.timespan.text.lower().startswith("by ")
            return mention.timespan, target
    for mention in dates:
        gap = [t.lower_ for t in context.doc[mention.end:span.start]]
        if mention.end <= span.start and all(w in {"'s", "'", "’s"} for w in gap):
            return mention.timespan, False  # "December's 4.4 billion"
    return None


def _free_date(context: DocumentContext, span: Span, trigger: Trigger,
               dates: list[DateMention], others: list[Span]) -> tuple[TimeSpan | None, bool]:
    """The date no other amount claims that hangs from the trigger or the amount, else the
    nearest such date."""
    claimed = set()
    for other in others:
        for mention in dates:
            if other.end <= mention.start <= other.end + 4:
                claimed.add(mention.start)
    free = [m for m in dates if m.start not in claimed]
    if not free:
        return None, False
    for mention in free:
        root = context.doc[mention.start:mention.end].root
        node = root
        for _ in range(4):
            if node == trigger.head or node == span.root:
                return mention.timespan, context.doc[mention.start - 1].lower_ == "by"
            if node.head == node:
                break
            node = node.head
    best = min(free, key=lambda m: min(abs(m.start - span.start), abs(m.end - span.end)))
    return best.timespan, context.doc[best.start - 1].lower_ == "by"


def _period(context: DocumentContext, sent: Span, span: Span, trigger: Trigger,
            moneys: list[Span], earlier: TimeSpan | None) -> tuple[TimeSpan | None, bool]:
    """The period of the amount at ``span`` and whether it is a "by <year>" target."""
    dates = context.dates_in(sent)
    others = [m for m in moneys if m.start != span.start]
    adjacent = _adjacent_date(context, span, dates, others)
    if adjacent is not None:
        return adjacent
    if _word_before(span) in words("compare_words") and earlier is not None:
        return _previous_year(earlier), False
    return _free_date(context, span, trigger, dates, others)


def _paragraph_break(text: str, start: int, end: int) -> bool:
    return bool(_PARAGRAPH.search(text[start:end])) or start == 0


def _currency(money: Money, last: str | None, dollar: str | None) -> str | None:
    """The currency of ``money``: its own, the previous figure's when it names none, or a
    qualified dollar ("H.K. dlrs") named before when it says only "dlrs"."""
    if money.currency is None:
        return last
    if money.currency == "USD" and dollar is not None and _BARE_DOLLAR.match(money.text.strip()):
        return dollar
    return money.currency
