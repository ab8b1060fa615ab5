"""The agreement word lists of ``bilat/event_types/agreement/lexicon.json`` and the tests on
single words that read them (an agreement noun, a verb that only comments on an accord).

Every list is read through :mod:`bilat.lexicons` by :func:`word_lists`, which fails naming
the file and the key when a key is missing or is not a list of strings.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from bilat.lexicons import TypeLexicon, shipped_type_lexicon
from bilat.triggers import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

SOURCE = "bilat/event_types/agreement/lexicon.json"
WORD_LIST_KEYS = (
    "non_party_verbs", "non_party_nouns", "non_party_modifiers", "hypothetical_determiners",
    "unit_nouns", "state_body_heads", "state_bank_modifiers", "strong_accords",
    "quantity_modifiers", "topic_verbs",
)


def parse_word_lists(lexicon: TypeLexicon) -> dict[str, frozenset[str]]:
    """The word lists of ``WORD_LIST_KEYS`` in ``lexicon`` (the checked agreement file).

    Raises:
        LexiconError: (a ``ValueError``) naming the file and the key, when a key is missing
            or is not a list of strings.
    """
    return {key: frozenset(lexicon.words(key)) for key in WORD_LIST_KEYS}


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The non-trigger word lists of ``bilat/event_types/agreement/lexicon.json``."""
    return parse_word_lists(shipped_type_lexicon("agreement"))


def non_party_verb(verb: Token | None) -> bool:
    """Whether ``verb`` comments on, brokers or weighs an agreement ("Japan viewed the
    accord", "Egypt mediated the deal"): its subjects are no parties."""
    return verb is not None and verb.lemma_.lower() in word_lists()["non_party_verbs"]


def topic_verb(verb: Token | None) -> bool:
    """Whether ``verb`` talks about an agreement ("discuss", "debate": ``topic_verbs``)."""
    return verb is not None and verb.lemma_.lower() in word_lists()["topic_verbs"]


def is_strong_accord(token: Token) -> bool:
    """Whether ``token`` is an agreement noun that names an accord between states by itself
    ("treaty", "pact"; not "deal" or "understanding"), a word of ``strong_accords``."""
    return token.lower_ in word_lists()["strong_accords"]


def is_accord_noun(token: Token) -> bool:
    """Whether ``token`` is one of the agreement nouns of the ``accord`` trigger."""
    entry = next(
        (e for e in load_lexicon("agreement").entries if e.label == "accord"), None
    )
    return entry is not None and token.lower_ in entry.sequence[0]
