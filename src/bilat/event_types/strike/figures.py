"""A strike's casualty counts and its kind (air, drone, missile, artillery, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.words import (
    AIR_NOUNS,
    DRONE_NOUNS,
    _Words,
    _words,
)
from bilat.values import Count

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


def _casualties(context: DocumentContext, sent: Span) -> tuple[Count | None, Count | None]:
    """Killed and injured counts stated in ``sent``."""
    from bilat.normalise import find_counts

    words = _words()
    doc = context.doc
    killed: Count | None = None
    injured: Count | None = None
    for count in find_counts(sent.text):
        if count.start_char is None or count.end_char is None:
            continue
        start = sent.start_char + count.start_char
        end = sent.start_char + count.end_char
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        which = _casualty_kind(span, words)
        if which is None:
            continue
        located = Count(min=count.min, max=count.max, text=count.text, start_char=start,
                        end_char=end)
        if which == "killed" and killed is None:
            killed = located
        elif which == "injured" and injured is None:
            injured = located
    return killed, injured


def _casualty_kind(span: Span, words: _Words) -> str | None:
    doc = span.doc
    root = span.root
    noun = root.head if root.dep_ in {"nummod", "quantmod"} else root
    # "killed at least 46 people", "killing 90 people", "wounding 230 others"
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 3):span.start]]
    for word in reversed(before):
        if word in words.killed:
            return "killed"
        if word in words.injured:
            return "injured"
        if word in {",", ";", "and"}:
            break
    # "people were killed", "people died", "30 people, many of them children, were killed"
    verb = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}:
        if verb.lower_ in words.killed:
            return "killed"
        if verb.lower_ in words.injured:
            return "injured"
    # "46 dead", "12 people dead", "30 killed"
    after = [t.lower_ for t in doc[noun.i + 1:min(span.sent.end, noun.i + 3)]]
    for word in after[:2]:
        if word in words.killed:
            return "killed"
        if word in words.injured:
            return "injured"
    if span.end < len(doc) and doc[span.end].lower_ in words.killed | words.injured:
        return "killed" if doc[span.end].lower_ in words.killed else "injured"
    return None


def _kind(trigger: Trigger, attacker_token: Token | None) -> str:
    kind = trigger.label
    if kind not in {"unspecified", "ground"} or attacker_token is None:
        return kind
    words = {attacker_token.lower_} | {c.lower_ for c in attacker_token.children}
    if words & DRONE_NOUNS:
        return "drone"
    if words & AIR_NOUNS:
        return "air"
    if attacker_token.lower_ in {"warship", "warships", "gunboats", "gunboat", "navy",
                                 "frigate", "submarine", "boats"}:
        return "naval"
    return kind
