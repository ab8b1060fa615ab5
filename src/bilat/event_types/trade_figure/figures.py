"""The figure one amount states, from its trigger, roles, pair, period and modality."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.trade_figure.amounts import _currency, _period
from bilat.event_types.trade_figure.attachment import (
    _choose_trigger,
    _compared,
    _levy_amount,
    _stands_for_flow,
)
from bilat.event_types.trade_figure.lexicon import (
    _BARE_DOLLAR,
    _COUNTRY_OR_CAPITAL_KINDS,
    _REPORTED_FLOWS,
    _TRANSFER_FLOWS,
    TRADE_MODALITIES,
)
from bilat.event_types.trade_figure.mentions import _is_verb, _main_states, _trigger_modality
from bilat.event_types.trade_figure.pairs import (
    _direction,
    _in_favour_of,
    _is_repeat,
    _pair,
    _parallel,
)
from bilat.event_types.trade_figure.partners import (
    _donor_only,
    _in_comparison,
    _listed_partner,
    _names_recipient,
    _only_partners_besides,
    _own_partner,
    _owned_flow_noun,
    _pronoun_partner,
)
from bilat.event_types.trade_figure.purchase import _purchase
from bilat.event_types.trade_figure.roles import _Roles, _roles
from bilat.event_types.trade_figure.state import _DocumentState, _SentenceState
from bilat.events import TradeFigure
from bilat.modality import modality_at
from bilat.syntax.figures import (
    in_conditional_consequent,
    is_change_span,
)
from bilat.values import Modality, Money

if TYPE_CHECKING:
    from spacy.tokens import Span

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _purchase_figure(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                     money: Money, span: Span, bought: tuple[str, str, str]
                     ) -> TradeFigure | None:
    """A purchase ("Iran bought X worth of Chinese goods") as a figure of its own."""
    currency = _currency(money, state.last_currency, state.dollar)
    if currency is None:
        return None
    state.last_currency = currency
    sent = here.sent
    seller, buyer, flow = bought
    period, _ = _period(context, sent, span, here.triggers[0], here.spans, here.earlier)
    modality, _ = modality_at(sent, span.start, span.end, allowed=TRADE_MODALITIES)
    return TradeFigure(
        countries=(seller, buyer), value=attrs.evolve(money, currency=currency),
        flow=flow, period=period, source_country=seller, partner_country=buyer,
        modality=modality,
        evidence=(context.evidence(sent.start_char, sent.end_char),),
        rule="trade_figure.purchase")


def _trigger_for(context: DocumentContext, here: _SentenceState, span: Span) -> Trigger | None:
    """The trigger an amount states, else the last figure's when the amount continues it."""
    others = [o for o in here.spans if o.start != span.start]
    trigger = _choose_trigger(span, here.triggers, here.sent, others)
    last = here.last_trigger
    if trigger is not None or last is None:
        return trigger
    if _own_partner(context, span.root, last)[0] or _stands_for_flow(span, last) or \
            _compared(span):
        # "its surplus with A was X and with B, Y": the elided flow of the last figure;
        # "exports to A rose to X and those to B surged to Y"; "the shortfall, at X in 1986
        # against Y for 1985": the previous value of the figure just stated
        return last
    return None


def _with_stated_partners(context: DocumentContext, roles: _Roles, trigger: Trigger,
                          span: Span) -> _Roles:
    """The roles with the partner an amount's own phrase or list position names."""
    own_states, has_own = _own_partner(context, span.root, trigger)
    if has_own and set(own_states) != set(roles.targets):
        roles = attrs.evolve(roles, targets=tuple(c for c in own_states
                                                  if c not in roles.owners),
                             foreign=not own_states, marker=True)
    listed = _listed_partner(context, span, trigger)
    if listed is not None and (set(listed[0]) != set(roles.targets) or listed[1]):
        # "shipments to A fell to X and to B by 3 pct to Y": each amount its partner
        roles = attrs.evolve(roles, targets=tuple(c for c in listed[0]
                                                  if c not in roles.owners),
                             foreign=listed[1], marker=True)
    return roles


def _with_reporter(context: DocumentContext, state: _DocumentState, sent: Span,
                   trigger: Trigger, roles: _Roles) -> _Roles:
    """Note who owns a reported flow, or give an ownerless one the state reported on."""
    if trigger.label not in _REPORTED_FLOWS:
        return roles
    if len(roles.owners) == 1:
        state.reporter[trigger.label] = state.reporter[""] = roles.owners[0]
    elif not roles.owners and len(roles.targets) == 1 and not roles.foreign and \
            not _is_verb(trigger.head):
        # the state that owned the last such flow, else the last flow of any kind
        owner = state.reporter.get(trigger.label) or state.reporter.get("")
        if owner is not None and owner != roles.targets[0] and \
                _only_partners_besides(context, sent, owner):
            # "West German exports to Latin America fell ... Shipments to Mexico
            # fell to X": the flow's owner is the one the story reports on
            roles = attrs.evolve(roles, owners=(owner,))
    return roles


def _with_anaphora(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                   trigger: Trigger, span: Span, roles: _Roles) -> _Roles:
    """Mark roles that refer back to an earlier figure's pair, and give a state's known flow
    its partner."""
    partner = state.bilateral_of.get((roles.owners[0], trigger.label)) \
        if len(roles.owners) == 1 and not roles.targets and not roles.foreign else None
    if partner is not None and _owned_flow_noun(context, trigger):
        # "France's trade deficit with the Soviet Union ... France's trade shortfall,
        # at X": the state's flow the story is about keeps its partner
        roles = attrs.evolve(roles, targets=(partner,), marker=True)
    bare = _is_repeat(trigger, roles, trigger.label)
    if _is_repeat(trigger, roles, state.previous_label) or (bare and here.pair_here) or (
            here.refers_back and not roles.owners and not roles.targets):
        roles = attrs.evolve(roles, anaphoric=True)
    if trigger.label in _TRANSFER_FLOWS and state.previous_label in _TRANSFER_FLOWS and \
            len(roles.owners) + len(roles.targets) == 1 and not roles.marker and \
            not _names_recipient(trigger.head, span.root):
        # "Turkey will receive ... in U.S. aid. Next year Washington promised ...":
        # the donor's next transfer goes to the same recipient
        roles = attrs.evolve(roles, anaphoric=True)
    return roles


def _figure_roles(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                  trigger: Trigger, span: Span) -> _Roles:
    roles = _with_stated_partners(context, _roles(context, trigger, span.root), trigger, span)
    roles = _with_reporter(context, state, here.sent, trigger, roles)
    return _with_anaphora(context, state, here, trigger, span, roles)


_Found = tuple[tuple[str, ...], str, _Roles]


def _pair_of_last_figure(here: _SentenceState, trigger: Trigger,
                         roles: _Roles) -> _Found | None:
    """The pair of the figure just stated, for a parallel or sibling flow."""
    figure_pair = here.figure_pair
    if figure_pair is None:
        return None
    pair, label = figure_pair
    if _parallel(trigger, roles, pair, label):
        # "A's exports to B fell to X, while B's exports rose to Y"
        return pair, "parallel", roles
    if not roles.foreign and trigger.label in _REPORTED_FLOWS and label in _REPORTED_FLOWS \
            and trigger.label != label and all(c in pair for c in roles.owners + roles.targets):
        # "exported X to the U.S. and imported Y", "imports from the EC worth X and
        # exports worth Y": the other flow of the pair just named
        if not roles.owners and here.last_owner is not None and here.last_owner in pair:
            roles = attrs.evolve(roles, owners=(here.last_owner,))
        return pair, "sibling", roles
    return None


def _pair_in_sentence(here: _SentenceState, trigger: Trigger, roles: _Roles) -> _Found | None:
    """The pair a figure shares with the figures before it in its sentence."""
    found = _pair_of_last_figure(here, trigger, roles)
    if found is not None:
        return found
    if here.last_pair is not None and not roles.owners and \
            not roles.targets and not roles.foreign and \
            _in_comparison(trigger.head):
        # "a X deficit in goods compared to a Y surplus in services": same pair
        return here.last_pair, "compared", roles
    carried = here.carried
    if carried is not None and len(roles.owners) == 1 and \
            not roles.targets and roles.owners[0] in carried and \
            not roles.foreign and _pronoun_partner(here.sent):
        # "the U.S. ran a X deficit in goods compared to a Y surplus in services
        # with its neighbour": the partner is the other state of the pair
        return carried, "previous", roles
    return None


def _transfer_pair(context: DocumentContext, state: _DocumentState, trigger: Trigger,
                   span: Span, roles: _Roles) -> _Found | None:
    """The other state of a loan, aid or pledge the syntax names only one side of."""
    if trigger.label not in _TRANSFER_FLOWS or roles.foreign:
        return None
    recent = state.recent_pair
    if recent is not None and not roles.owners and len(roles.targets) == 1 and \
            roles.targets[0] in recent:
        # "Turkey will receive 720 mln dlrs in aid" in a story about the pair's aid
        # accord: the donor is the other state of the pair
        return recent, "recipient", attrs.evolve(roles, owners=tuple(
            c for c in recent if c != roles.targets[0]))
    if len(roles.owners) != 1 or roles.targets:
        return None
    donor = roles.owners[0]
    recipient = state.last_recipient
    if recipient is not None and state.previous_label in _TRANSFER_FLOWS and \
            recipient != donor and not _names_recipient(trigger.head, span.root):
        # "Japan raised its pledge to Ukraine to X. Germany increased its pledge to
        # Y": one donor per sentence, the recipient named once
        return (donor, recipient), "recipient", attrs.evolve(roles, targets=(recipient,))
    if _donor_only(context, trigger, span.root, donor):
        # "Japan's Ex-Im bank announced a 900 mln dlr credit" in a story about
        # Indonesia's funding: the story's own state receives it
        main = _main_states(context, 1, _COUNTRY_OR_CAPITAL_KINDS)
        if main and main[0] != donor:
            return (donor, main[0]), "story", attrs.evolve(roles, targets=(main[0],))
    return None


def _figure_pair(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                 trigger: Trigger, span: Span, roles: _Roles) -> _Found:
    """The two states of a figure, how they were found, and the roles completed by it."""
    pair, how = _pair(context, here.sent, roles, here.pair_here or here.carried)
    if how == "previous" and roles.owners and \
            state.owner_of.get(frozenset(pair), roles.owners[0]) != roles.owners[0]:
        # "Japan's surplus with the U.S. ... the U.S. deficit": a figure of the other
        # state is no repeat of the pair's figure (here: the U.S. deficit with all)
        pair, how = (), ""
    if pair:
        return pair, how, roles
    return _pair_in_sentence(here, trigger, roles) or \
        _transfer_pair(context, state, trigger, span, roles) or ((), how, roles)


def _note_dollar(state: _DocumentState, currency: str, money: Money) -> None:
    """Remember which dollar a story's bare "dlrs" mean."""
    if currency.endswith("D") and currency != "USD":
        state.dollar = currency
    elif currency == "USD" and not _BARE_DOLLAR.match(money.text.strip()):
        state.dollar = None


def _figure_flow(context: DocumentContext, sent: Span, span: Span, trigger: Trigger,
                 favoured: str | None, pair: tuple[str, ...]) -> str:
    flow = trigger.label
    after = context.doc[span.end:min(sent.end, span.end + 3)]
    if flow in {"export", "import"} and [t.lower_ for t in after][:2] == ["more", "than"]:
        flow = "balance"
    if favoured is not None and favoured in pair:
        flow = "balance"
    return flow


def _figure_modality(context: DocumentContext, sent: Span, span: Span, trigger: Trigger,
                     target: bool) -> Modality:
    modality = _trigger_modality(trigger, TRADE_MODALITIES)
    if modality is Modality.ASSERTED:
        modality, _ = modality_at(sent, span.start, span.end, allowed=TRADE_MODALITIES)
    if target or (modality is Modality.ASSERTED
                  and context.tense(span.root) == "future"):
        modality = Modality.PLANNED
    return modality


def _remember(state: _DocumentState, here: _SentenceState, trigger: Trigger, roles: _Roles,
              pair: tuple[str, ...], how: str, flow: str, partner: str | None) -> None:
    """Carry what a figure settled over to the next figures and sentences."""
    here.last_pair = pair
    here.last_owner = roles.owners[0] if roles.owners else None
    if flow in _TRANSFER_FLOWS:
        state.last_recipient = partner if partner in pair else None
    if how in {"syntax", "sentence", "protagonists"} and roles.owners:
        state.owner_of[frozenset(pair)] = roles.owners[0]
    if how in {"syntax", "sentence", "recipient", "protagonists"}:
        here.pair_here = (pair[0], pair[1])
        here.figure_pair = (here.pair_here, trigger.label)
    here.label_here = trigger.label


def _figure_at(context: DocumentContext, state: _DocumentState, here: _SentenceState,
               money: Money, span: Span) -> TradeFigure | None:
    """The figure an amount states, or ``None``; updates what later amounts inherit."""
    if _levy_amount(span):
        return None  # "tariffs worth up to 300 mln dlrs on Japanese exports"
    if is_change_span(span):
        return None  # "rose 900 mln dlrs to 2.6 billion": the change is no figure, the level is
    sent = here.sent
    bought = _purchase(context, span.root, sent, here.named_before)
    if bought is not None:
        return _purchase_figure(context, state, here, money, span, bought)
    trigger = _trigger_for(context, here, span)
    if trigger is None:
        return None
    here.last_trigger = trigger
    if in_conditional_consequent(trigger.head) or in_conditional_consequent(span.root):
        return None  # "even if barriers were removed, trade would remain at X"
    roles = _figure_roles(context, state, here, trigger, span)
    favoured = _in_favour_of(context, span, sent)
    if favoured is not None:
        roles = attrs.evolve(roles, marker=True)
    pair, how, roles = _figure_pair(context, state, here, trigger, span, roles)
    currency = _currency(money, state.last_currency, state.dollar)
    if currency is None:
        return None
    state.last_currency = currency
    if len(pair) != 2:
        return None
    _note_dollar(state, currency, money)
    flow = _figure_flow(context, sent, span, trigger, favoured, pair)
    period, target = _period(context, sent, span, trigger, here.spans, here.earlier)
    here.earlier = period or here.earlier
    modality = _figure_modality(context, sent, span, trigger, target)
    source, partner = _direction(flow, trigger, roles, pair)
    if favoured is not None and favoured in pair:
        source = favoured
        partner = next(c for c in pair if c != favoured)
    _remember(state, here, trigger, roles, pair, how, flow, partner)
    return TradeFigure(
        countries=pair,
        value=attrs.evolve(money, currency=currency),
        flow=flow,
        period=period,
        source_country=source,
        partner_country=partner,
        modality=modality,
        evidence=(context.evidence(sent.start_char, sent.end_char),),
        rule=f"trade_figure.{trigger.entry.id}.{how}",
    )
