"""Stated figures in the dependency tree: levels versus changes, and the parts of a figure
list that share one predicate.

News states a figure's level and its change in the same breath: "the deficit rose 900 mln
dlrs to 2.6 billion dlrs" gives the level 2.6 billion and the change 900 mln; "imports fell
300 mln dlrs", "up 900 mln dlrs each", "an increase of 5 billion" state only changes. Lists
share one predicate between several partners: "the deficit with A rose to X, with B
increased to Y and with C to Z"; "exported X to A and imported Y".

The words are data (``bilat/data/figures.json``); the helpers only walk the tree, so they
serve any figure: money, counts of people, percentages.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bilat.lexicons.files import FigureWordsFile, typed

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

__all__ = ["change_words", "in_conditional_consequent", "is_change_amount", "is_change_span",
           "nearest_phrase_object", "predicate_of"]

_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "quantmod", "nmod"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "npadvmod", "attr"})


@cache
def change_words() -> dict[str, frozenset[str]]:
    """The word lists of ``figures.json``: ``change_lemmas``, ``change_nouns``,
    ``change_forms`` and ``change_adverbs``, lower-cased."""
    data = typed("figures.json", FigureWordsFile)
    return {
        "change_lemmas": frozenset(w.lower() for w in data.change_lemmas),
        "change_nouns": frozenset(w.lower() for w in data.change_nouns),
        "change_forms": frozenset(w.lower() for w in data.change_forms),
        "change_adverbs": frozenset(w.lower() for w in data.change_adverbs),
    }


def _is_change_verb(token: Token) -> bool:
    words = change_words()
    return token.pos_ in {"VERB", "AUX"} and (
        token.lemma_.lower() in words["change_lemmas"] or token.lower_ in words["change_forms"]
    )


def is_change_amount(root: Token) -> bool:
    """``root``, the head token of a stated amount, gives a change, not a level.

    True for the direct measure of a change verb ("rose 900 mln dlrs", "increased 700 mln
    dlrs to ..."), its "by" phrase ("fell by 2 billion"), an "up"/"down" phrase ("up 900 mln
    dlrs") and the modifier or "of" phrase of a change noun ("a 600 mln dlr increase", "an
    increase of 5 billion"). A level reached ("rose to 2.6 billion", "totalled 5 billion")
    and a level compared ("up from 5 billion") are not changes.
    """
    words = change_words()
    head = root.head
    if head == root:
        return False
    if root.dep_ in _OBJECT_DEPS and _is_change_verb(head):
        return True
    if root.dep_ in {"pobj"} and head.lower_ == "by" and head.head != head and (
        _is_change_verb(head.head) or head.head.lemma_.lower() in words["change_nouns"]
    ):
        return True
    if head.lower_ in words["change_adverbs"] and head.i < root.i and \
            not any(c.lower_ == "from" for c in head.children if c.i < root.i):
        return True
    previous = root.doc[root.left_edge.i - 1] if root.left_edge.i > 0 else None
    if previous is not None and previous.lower_ in words["change_adverbs"] and \
            previous.head in {root, head} | set(root.ancestors):
        return True
    if root.dep_ in _MODIFIER_DEPS and head.pos_ == "NOUN" and \
            head.lemma_.lower() in words["change_nouns"]:
        return True
    return (root.dep_ == "pobj" and head.lower_ == "of" and head.head != head
            and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in words["change_nouns"])


def is_change_span(span: Span) -> bool:
    """The amount ``span`` gives a change, not a level (:func:`is_change_amount`).

    The words right before the amount decide first, as parsers often run "by $300 million to
    $1.5 billion" into one quantity: after "to" or "from" it is a level; right after a change
    word ("rose", "up", "increased by") it is a change. Otherwise the tree decides."""
    words = change_words()
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 3):span.start] if not t.is_space]
    if before and before[-1].lower_ in {"to", "from"}:
        return False
    if before and before[-1].lower_ == "by":
        before = before[:-1]
        if before and (before[-1].lower_ in words["change_forms"]
                       or before[-1].lemma_.lower() in words["change_nouns"]):
            return True
    elif before and before[-1].lower_ in words["change_forms"] and \
            before[-1].pos_ in {"VERB", "AUX", "ADV", "ADP", "PART"}:
        return True
    return is_change_amount(span.root)


def predicate_of(token: Token, max_hops: int = 6) -> Token | None:
    """The verb a figure hangs from: ``token`` itself when it is a verb, else the nearest
    verb above it, or ``None``."""
    node = token
    for _ in range(max_hops + 1):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def nearest_phrase_object(doc: Doc, start: int, end: int, preps: frozenset[str],
                          is_amount: Callable[[Token], bool]) -> Token | None:
    """The object of the preposition phrase (one of ``preps``) nearest before token ``end``
    and not before ``start``, skipping phrases that introduce an amount or a date.

    In a figure list the partner of each amount is the phrase right before it: "shipments
    to A fell 5 pct to X and to B by 3 pct to Y" (Y: B); "the deficit with A rose to X,
    with B increased to Y" (Y: B). ``is_amount`` tells an amount or date object ("to X")
    from a partner."""
    for i in range(end - 1, start - 1, -1):
        token = doc[i]
        if token.lower_ not in preps or token.dep_ not in {"prep", "conj", "dative", "mark"}:
            continue
        if token.dep_ == "mark":  # "... with Japan increased to Y": parsed as a clause
            objects = [c for c in token.head.children
                       if c.dep_ in {"nsubj", "nsubjpass"} and c.i > token.i]
        else:
            objects = [c for c in token.children if c.dep_ in {"pobj", "pcomp"}]
        # "and with B 50 billion": the amount may hang on the partner's preposition too
        partners = [o for o in objects if not is_amount(o)]
        if partners:
            return partners[0]
    return None


_CONDITIONAL_MARKS = frozenset({"if", "unless"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "'d"})


def in_conditional_consequent(token: Token, max_hops: int = 4) -> bool:
    """``token`` sits in the main clause of a conditional that states what *would* happen:
    "even if all barriers were removed, trade would remain below X" (a hypothetical, no
    fact). The clause's verb has a "would"/"could"/"might" auxiliary and an adverbial
    clause opened by "if" or "unless"."""
    verb = predicate_of(token, max_hops)
    if verb is None:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in verb.children):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS
                                         for m in c.children)
               for c in verb.children)
