"""Which trigger an amount states: tree and linear links, levies and comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.trade_figure.lexicon import (
    _config,
    flow_preps,
    words,
)
from bilat.event_types.trade_figure.mentions import _is_amount, _is_verb
from bilat.syntax.figures import (
    predicate_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.triggers import Trigger


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """Tokens from ``a`` up to the lowest common ancestor and from ``b`` up to it."""
    chain_a = [a]
    while chain_a[-1].head != chain_a[-1] and len(chain_a) < 12:
        chain_a.append(chain_a[-1].head)
    index = {t.i: k for k, t in enumerate(chain_a)}
    chain_b = [b]
    while chain_b[-1].i not in index:
        if chain_b[-1].head == chain_b[-1] or len(chain_b) > 12:
            return None
        chain_b.append(chain_b[-1].head)
    return chain_a[: index[chain_b[-1].i] + 1], chain_b


def _breaks_attachment(token: Token, trigger: Trigger, lca: Token) -> bool:
    """A token on the path from an amount to a trigger that separates them: a levy noun,
    a verb other than a value verb, or a clause boundary below their common head."""
    if token == trigger.head or trigger.start <= token.i < trigger.end:
        return False
    value_verbs = _config()["value_verbs"]
    if token.lower_ in _config()["levy_nouns"]:
        return True  # "tariffs worth X on Japanese exports": the money is the levy's
    if _is_verb(token) and token.dep_ not in {"amod", "compound"} and \
            token.lower_ not in value_verbs and token.lemma_.lower() not in value_verbs:
        return True  # (a participle modifying a noun, "a X untied credit", is no clause)
    return token != lca and token.dep_ in {"ccomp", "parataxis", "csubj"}


def _attachment(money_root: Token, trigger: Trigger) -> int | None:
    """Tree distance from the money to the trigger, or ``None`` if they are not linked by
    the trigger itself or a value verb."""
    head = trigger.head
    paths = _path(money_root, head)
    if paths is None:
        return None
    up_money, up_trigger = paths
    lca = up_money[-1]
    distance = len(up_money) + len(up_trigger) - 2
    if distance > 6:
        return None
    inner = up_money[1:] + up_trigger[1:-1]
    if any(_breaks_attachment(token, trigger, lca) for token in inner):
        return None
    if lca != head and _is_verb(lca):
        # "the surplus boosted reserves to $50bn": the money measures the other object
        objects = [c for c in lca.children if c.dep_ in {"dobj", "obj"} and not _is_amount(c)]
        if any(o not in up_money and o not in up_trigger for o in objects):
            return None  # (an amount object is the change: "rose 5 bln dlrs to 20 bln")
    return distance


def _usable(trigger: Trigger) -> bool:
    """Drop a trigger word used as a modifier of a non-flow noun ("trade unions")."""
    head = trigger.head
    single = trigger.end - trigger.start == 1
    if single and head.dep_ == "compound" and head.head.lemma_.lower() in words("measure_nouns"):
        return True  # "export levels", "import bill", "export earnings" measure the flow
    return not (single and head.dep_ == "compound" and head.head.pos_ in {"NOUN", "PROPN"})


def _breaks_linear_link(token: Token, trigger: Trigger) -> bool:
    """A token between a trigger and a later amount that separates them: a levy noun, a
    clause break, a verb other than a value verb, or another object."""
    value_verbs = _config()["value_verbs"]
    if token.lower_ in _config()["levy_nouns"]:
        return True
    if token.text in {";", ":", "(", ")"} or token.lower_ in words("linear_breaks"):
        return True
    if _is_verb(token) and token.lower_ not in value_verbs and \
            token.lemma_.lower() not in value_verbs and token.lower_ not in {"to"}:
        return True
    return token.dep_ in {"dobj", "obj"} and token.head.i != trigger.head.i and \
        not _is_amount(token)  # "the surplus boosted reserves to $50bn"


def _linear_attachment(money: Span, trigger: Trigger, sent: Span,
                       others: list[Span]) -> int | None:
    """Fallback when the parse links the money nowhere: the trigger shortly before the
    amount, with only value verbs and no other amount between them."""
    if trigger.end > money.start or money.start - trigger.end > 10:
        return None
    inside = {i for o in others for i in range(o.start, o.end)}
    if any(token.i not in inside and _breaks_linear_link(token, trigger)
           for token in sent.doc[trigger.end:money.start]):
        return None
    between = [o for o in others if trigger.end <= o.start < money.start]
    compared = _word_before(money) in words("compare_words")
    if len(between) > (1 if compared else 0):
        return None
    return 10 + money.start - trigger.end


def _choose_trigger(money: Span, triggers: list[Trigger], sent: Span,
                    others: list[Span]) -> Trigger | None:
    before = money.doc[money.start - 1] if money.start > sent.start else None
    if before is not None and before.lower_ == "worth":
        # "imports from the EC worth X and exports worth Y": "worth" measures what precedes
        near = [(d, t) for t in triggers
                if (d := _linear_attachment(money, t, sent, others)) is not None]
        if near:
            return min(near, key=lambda dt_: dt_[0])[1]
    scored = [(d, t) for t in triggers if (d := _attachment(money.root, t)) is not None]
    if not scored:
        scored = [(d, t) for t in triggers
                  if (d := _linear_attachment(money, t, sent, others)) is not None]
    if not scored:
        return None
    return min(scored, key=lambda dt_: (dt_[0], abs(dt_[1].head.i - money.root.i)))[1]


def _levy_amount(span: Span) -> bool:
    """The amount ``span`` is the value of a tariff, duty, sanction or fine ("tariffs worth
    up to X", "X in punitive duties"), not of the flow they hit."""
    doc = span.doc
    levies = _config()["levy_nouns"]
    for token in reversed(doc[max(span.sent.start, span.start - 5):span.start]):
        if token.lower_ in levies:
            return True
        if token.lower_ not in words("levy_fillers"):
            break
    after = [t for t in doc[span.end:min(span.sent.end, span.end + 4)] if not t.is_space]
    if after and after[0].lower_ in {"in", "of"}:
        for token in after[1:]:
            if token.lower_ in levies:
                return True
            if token.pos_ not in {"ADJ", "NOUN"}:
                break
    return False


def _stands_for_flow(span: Span, trigger: Trigger) -> bool:
    """The amount's clause has "those"/"that" with a partner phrase as subject, standing
    for the flow just named ("... and those to Paraguay surged to Y")."""
    verb = predicate_of(span.root)
    if verb is None:
        return False
    preps = flow_preps("target_preps")[trigger.label]
    return any(s_.lower_ in {"those", "that"} and any(
        c.dep_ == "prep" and c.lower_ in preps for c in s_.children)
        for s_ in verb.children if s_.dep_ in {"nsubj", "nsubjpass"})


def _word_before(span: Span) -> str:
    """The lower-cased word before ``span`` in its sentence (line breaks skipped)."""
    for token in reversed(span.doc[span.sent.start:span.start]):
        if not token.is_space:
            return token.lower_
    return ""


def _compared(span: Span) -> bool:
    """The amount ``span`` is introduced as a value compared with ("from", "against",
    "compared with", "versus", "up from")."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 4):span.start]
              if not t.is_space]
    return bool(before) and (before[-1] in words("compare_words") - {"with"} or before[-2:] in (
        ["compared", "with"], ["compared", "to"], ["as", "against"]))
