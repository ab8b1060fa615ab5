"""What the figures read so far hand on to the next amount and the next sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.trade_figure.amounts import _paragraph_break
from bilat.event_types.trade_figure.mentions import _main_states
from bilat.event_types.trade_figure.pairs import _names_pair
from bilat.syntax.lexicon import STATE_NAME_KINDS
from bilat.values import TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


@attrs.define
class _DocumentState:
    """What the figures read so far carry over to the next sentence."""

    previous_pair: tuple[str, str] | None = None
    previous_label: str | None = None
    recent_pair: tuple[str, str] | None = None
    recent_label: str | None = None  # the flow of the figure that set recent_pair
    last_currency: str | None = None
    dollar: str | None = None
    last_end: int = 0
    previous_named: list[str] = attrs.Factory(list)
    owner_of: dict[frozenset[str], str] = attrs.Factory(dict)  # pair -> owner of its last figure
    reporter: dict[str, str] = attrs.Factory(dict)  # flow -> the state that owned the last one
    bilateral_of: dict[tuple[str, str], str] = attrs.Factory(dict)  # (owner, flow) -> partner
    last_recipient: str | None = None  # who received the last loan, aid or pledge


@attrs.define
class _SentenceState:
    """One sentence's triggers, the pair it carries in, and what its figures set so far."""

    sent: Span
    triggers: list[Trigger]
    named_before: list[str]
    refers_back: bool
    carried: tuple[str, str] | None
    pair_here: tuple[str, str] | None
    label_here: str | None
    mentions: list[ActorMention] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    figure_pair: tuple[tuple[str, str], str] | None = None  # set by a figure here
    earlier: TimeSpan | None = None
    last_trigger: Trigger | None = None
    last_pair: tuple[str, ...] | None = None  # the pair of the last figure here
    last_owner: str | None = None  # and the state whose flow it was


def _carried_pair(context: DocumentContext, state: _DocumentState, named_before: list[str],
                  refers_back: bool) -> tuple[str, str] | None:
    """The pair a sentence inherits: the last figure's, the recent one for "the two
    countries", else the two states named just before or the document's protagonists."""
    carried = state.recent_pair if refers_back else state.previous_pair
    before = tuple(dict.fromkeys(named_before))
    if carried is None and len(before) == 2:
        # no figure set a pair yet: "Turkey and Greece signed ... Bilateral trade stood at"
        return (before[0], before[1])
    if carried is None and refers_back:
        # "the two neighbours" with no pair nearby: the document's two protagonists
        main = _main_states(context, 2, STATE_NAME_KINDS)
        if len(main) == 2:
            return (main[0], main[1])
    return carried


def _open_sentence(context: DocumentContext, state: _DocumentState, sent: Span,
                   triggers: list[Trigger]) -> _SentenceState:
    named_before, state.previous_named = state.previous_named, [
        m.country for m in context.actors.within(sent.start, sent.end)
        if m.kind in STATE_NAME_KINDS]
    if _paragraph_break(context.text, state.last_end, sent.start_char):
        state.last_currency = None
    state.last_end = sent.end_char
    refers_back = _names_pair(sent)
    carried = _carried_pair(context, state, named_before, refers_back)
    return _SentenceState(
        sent=sent, triggers=triggers, named_before=named_before, refers_back=refers_back,
        carried=carried, pair_here=carried if refers_back else None,
        label_here=triggers[0].label if refers_back and triggers else None)
