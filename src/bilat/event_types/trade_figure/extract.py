"""Trade figures: a money value of trade, exports, imports, a balance, investment, a pledge,
a loan or aid between two states.

The extractor is money-centred. In each sentence every money amount
(:func:`bilat.normalise.find_money`) is attached to the flow trigger
(``bilat/event_types/trade_figure/lexicon.json``) nearest to it in the dependency tree, provided the
path between them runs only through "value" verbs ("stood at", "rose to", "totalled") or the
trigger itself ("exported 1.5 billion stg"). The two states then come from the trigger's
syntax:

* nouns: possessor or modifier ("Taiwan's surplus", "Norwegian imports", "U.S. deficit") and
  ``with``/``to``/``from``/``between``/``in``/``for`` phrases on the noun, on the verb it hangs
  from or inside the money phrase ("exports to India", "trade between A and B");
* verbs: subject ("Australia sold ...") and ``to``/``from``/``in`` phrases or an indirect
  object ("sold Britain ...").

Fallbacks, used only with a clear marker: a trigger marked bilateral ("bilateral trade",
"two-way trade") or carrying a ``with``/``to``/``from``/``between`` phrase whose object is not
a state ("imports from that country") takes the other state named in its sentence; a
definite or repeated flow noun with no state of its own ("the deficit", "exports" right after
"exports to the U.S.") takes the pair of the immediately preceding sentence.

A figure with only one state (a country with the world) is not reported. A bracketed
conversion ("6.2 billion stg (9.8 billion dlrs)") is the same figure and is skipped; an amount
without a currency takes the currency of the previous figure in the same paragraph; a bare
"dlrs" right after a qualified dollar ("H.K. dlrs") in the same sentence keeps that dollar.
``period`` is the DATE next to the amount (else the one attached to the trigger); an amount
introduced by "from"/"compared with" without its own date covers the year before the previous
figure's. Forecasts and targets are ``planned``.

Purchases between two states ("pledged $4bn to buy American jets", "a $5bn deal to buy
Russian systems") are imports of the buyer from the seller (``_purchase``); buying a firm is
not one. Aid a state "receives" takes the donor from the aid noun's modifier or, failing
that, the pair of the story; a donor's next pledge with no recipient goes to the previous
aid figure's recipient. An amount with its own partner phrase ("... and with B, Y") takes
that partner; "with its neighbour" and "compared to a Y surplus" keep the pair already set.

Figure lists and partners outside the sentence (see ``docs/extractors.md``): a change
("rose 900 mln dlrs to ...") is no figure (:mod:`bilat.syntax.figures`); each amount of a
list takes the partner phrase nearest before it; a partner-only export, import or balance
belongs to the state the story reports on; a coordinated flow shares the pair just named; a
bilateral flow with one state takes the story's other protagonist; a state's flow keeps the
partner it was named with earlier; a loan or aid naming only its giver goes to the recipient
of the donor before it or to the story's dominant state. Levies ("tariffs worth X") and
conditional consequents ("would remain at X") are no figures.

Direction (``source_country`` → ``partner_country``): the exporter, the investor, the donor
or lender, the state with the surplus; for imports the exporting state (the one imported
from) is the source. Total trade has no direction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.trade_figure.amounts import _money_root, _sentence_money
from bilat.event_types.trade_figure.attachment import _usable
from bilat.event_types.trade_figure.figures import _figure_at
from bilat.event_types.trade_figure.lexicon import _REPORTED_FLOWS
from bilat.event_types.trade_figure.mentions import _is_verb
from bilat.event_types.trade_figure.pairs import _sentence_pair
from bilat.event_types.trade_figure.roles import _roles
from bilat.event_types.trade_figure.state import _DocumentState, _open_sentence, _SentenceState
from bilat.events import Event
from bilat.syntax.lexicon import STATE_NAME_KINDS
from bilat.triggers import load_lexicon

if TYPE_CHECKING:

    from bilat.context import DocumentContext


__all__ = ["extract_trade_figures"]


def _close_sentence(context: DocumentContext, state: _DocumentState,
                    here: _SentenceState) -> None:
    """Settle the pair a sentence hands on, and the partners its flows name."""
    if here.pair_here is None:
        here.pair_here, here.label_here = _sentence_pair(
            context, here.sent, here.triggers, here.mentions, here.carried)
    for trigger in here.triggers:
        if trigger.label in _REPORTED_FLOWS and not _is_verb(trigger.head):
            roles = _roles(context, trigger, None)
            if len(roles.owners) == 1 and len(roles.targets) == 1 and not roles.foreign:
                state.bilateral_of[(roles.owners[0], trigger.label)] = roles.targets[0]
    if here.pair_here is not None:
        state.recent_pair, state.recent_label = here.pair_here, here.label_here
    state.previous_pair, state.previous_label = here.pair_here, here.label_here


def extract_trade_figures(context: DocumentContext) -> list[Event]:
    """Every trade-figure mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("trade_figure")
    found: list[Event] = []
    state = _DocumentState()
    for sent in context.sentences:
        here = _open_sentence(context, state, sent, [t for t in lexicon.find(sent) if _usable(t)])
        if not here.triggers:
            # "The two countries also signed ...": the pair and its flow stay in view
            state.previous_pair = here.pair_here
            state.previous_label = state.recent_label if here.refers_back else None
            continue
        here.mentions = [m for m in context.actors.within(sent.start, sent.end)
                         if m.kind in STATE_NAME_KINDS]
        hint = here.mentions[0].country if here.mentions else (
            here.carried[0] if here.carried else None)
        moneys = _sentence_money(context, sent, hint)
        aligned = [(m, sp) for m in moneys if (sp := _money_root(context, m)) is not None]
        here.spans = [sp for _, sp in aligned]
        for money, span in aligned:
            figure = _figure_at(context, state, here, money, span)
            if figure is not None:
                found.append(figure)
        _close_sentence(context, state, here)
    return found
