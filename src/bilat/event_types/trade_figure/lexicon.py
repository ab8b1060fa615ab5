"""Word lists and fixed sets of the trade-figure extractor.

Every English word list lives in ``bilat/event_types/trade_figure/lexicon.json`` and is read
through :mod:`bilat.lexicons` by :func:`words` (a list of words) or :func:`flow_preps`
(prepositions by flow), which fail
with the file and the key named when a key is missing or holds the wrong type. What stays
here are parser labels (dependency and entity labels), flow labels and mention kinds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from bilat.lexicons import TypeLexicon, shipped_type_lexicon
from bilat.syntax.figures import change_words
from bilat.syntax.lexicon import STATE_NAME_KINDS
from bilat.triggers import load_lexicon

TRADE_MODALITIES = frozenset({"planned"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "csubj"})
_PARAGRAPH = re.compile(r"\n\s*\n|\n[ \t]+")
_BARE_DOLLAR = re.compile(r"^[\d.,\s]*(?:[a-z]+\s+)?(?:dlrs?|dollars?)$", re.IGNORECASE)
_VALUE_ENTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "DATE", "QUANTITY"})
_TRANSFER_FLOWS = frozenset({"aid", "pledge", "loan"})
_REPORTED_FLOWS = frozenset({"export", "import", "balance"})
"""Flows a story reports for one state against partner after partner ("exports to A ...,
shipments to B ..."); a later figure of the flow with only a partner is that state's."""
_COUNTRY_OR_CAPITAL_KINDS = frozenset({"country", "capital"})
_SUBJECT_KINDS = STATE_NAME_KINDS | {"body"}
_NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})

def _lexicon() -> TypeLexicon:
    """The checked trade-figure lexicon file (read once by :mod:`bilat.lexicons`)."""
    return shipped_type_lexicon("trade_figure")


@cache
def words(key: str) -> frozenset[str]:
    """The word list ``key`` of ``event_types/trade_figure/lexicon.json``, lower-cased.

    Raises:
        LexiconError: (a ``ValueError``) naming the file and the key, when the key is
            missing or its value is not a list of strings.
    """
    return _lexicon().word_set(key)


@cache
def flow_preps(key: str) -> Mapping[str, tuple[str, ...]]:
    """The prepositions by flow under ``key`` (``target_preps``, ``owner_preps``).

    Raises:
        LexiconError: (a ``ValueError``) naming the file and the key, when the key is
            missing or its value is not an object of lists of strings.
    """
    return _lexicon().groups(key)


@lru_cache(maxsize=1)
def _config() -> dict[str, frozenset[str]]:
    config = {
        key: words(key)
        for key in ("bilateral_markers", "anaphoric_markers", "value_verbs", "with_give_verbs",
                    "bilateral_words", "world_markers", "levy_nouns")
    }
    # a verb of change links a level to its flow as "stood at" does ("decreased to X")
    changes = change_words()
    config["value_verbs"] |= changes["change_forms"] | changes["change_lemmas"]
    return config


@lru_cache(maxsize=1)
def _price_unit() -> re.Pattern[str]:
    """ "a barrel", "per tonne" right after an amount: a unit price, no figure."""
    units = "|".join(re.escape(u) for u in _lexicon().words("price_units"))
    return re.compile(rf"^\s*(?:a|an|per|each)\s+(?:{units})\b", re.IGNORECASE)


def _flow_nouns() -> frozenset[str]:
    """One-word flow nouns of the lexicon ("exports", "shipments", "surplus"): the object of
    "with" on a verb ("rose to X, with shipments to B up 3 pct") is then another flow, not
    a partner. The lexicon is the one in force: a pipeline's added nouns count for it only."""
    return load_lexicon("trade_figure").one_word_forms(pos="NOUN")


@lru_cache(maxsize=1)
def _pair_anaphor_hashes() -> frozenset[tuple[int, int]]:
    """Two-word phrases that refer back to a pair of states named before ("the two
    countries"), as hashes of their lower-cased words."""
    from spacy.strings import get_string_id

    pairs = [phrase.split() for phrase in words("pair_anaphors")]
    return frozenset((get_string_id(a), get_string_id(b)) for a, b in pairs)
