"""Word lists and fixed sets of the trade-figure extractor."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from bilat.syntax.figures import (
    change_words,
)
from bilat.syntax.lexicon import STATE_NAME_KINDS
from bilat.triggers import load_lexicon

if TYPE_CHECKING:

    pass

TRADE_MODALITIES = frozenset({"planned"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "csubj"})
_TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "total": ("with", "between", "to", "from"),
    "export": ("to", "into", "with"),
    "import": ("from", "with"),
    "balance": ("with", "between", "against", "to"),
    "investment": ("in", "into", "to"),
    "pledge": ("to", "for", "in"),
    "loan": ("to", "for"),
    "aid": ("to", "for"),
}
_OWNER_PREPS: dict[str, tuple[str, ...]] = {"export": ("from",), "import": ("into", "by")}
"""Phrases on a flow noun naming the state whose flow it is: "exports from A to B",
"imports into A from B"."""
_MARKER_PREPS = frozenset({"with", "between", "to", "from", "into"})
_RECEIVE_VERBS = frozenset({"receive", "received", "receives", "get", "got", "gets", "obtain",
                            "obtained", "secure", "secured", "seek", "sought", "seeks"})
_PRICE_UNIT = re.compile(
    r"^\s*(?:a|an|per|each)\s+(?:barrel|tonne|ton|ounce|share|unit|kilo|kg|pound|bushel|"
    r"gallon|litre|liter|head|day|hour|megawatt|mwh|kwh|tonnes|tons)\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n[ \t]+")
_BARE_DOLLAR = re.compile(r"^[\d.,\s]*(?:[a-z]+\s+)?(?:dlrs?|dollars?)$", re.IGNORECASE)
_COMPARE_WORDS = frozenset({"from", "with", "against", "versus", "vs", "vs.", "than"})
_FAVOUR = frozenset({"favour", "favor"})
_VALUE_ENTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "DATE", "QUANTITY"})
_PRONOUN_OWNERS = frozenset({"its", "their"})
_PAIR_ANAPHORS = frozenset({("two", "countries"), ("both", "countries"), ("two", "nations"),
                  ("both", "nations"), ("two", "sides"), ("both", "sides"), ("each", "side"),
                  ("two", "neighbours"), ("two", "neighbors"), ("two", "states"),
                  ("two", "allies"), ("two", "partners"), ("two", "governments")})
"""Two-word phrases that refer back to a pair of states named before."""
_BUY_LEMMAS = frozenset({"buy", "purchase", "acquire", "procure"})
_DEAL_NOUNS = frozenset({"deal", "deals", "contract", "contracts", "order", "orders",
                         "agreement", "package", "purchase", "sale"})
_ARMS_WORDS = frozenset({"arms", "weapons", "weapon", "military", "defence", "defense"})
# objects of "buy" that make the deal a company acquisition, not a trade between states
_FIRM_NOUNS = frozenset({"company", "companies", "firm", "firms", "maker", "makers", "group",
                         "stake", "stakes", "share", "shares", "bank", "banks", "producer",
                         "manufacturer", "operator", "business", "businesses", "unit",
                         "subsidiary", "rival", "carrier", "brand", "assets", "startup",
                         "chain", "retailer", "insurer", "developer", "plant", "factory"})
_MEASURE_NOUNS = frozenset({"level", "earnings", "earning", "revenue", "revenues", "bill",
                            "receipts", "receipt", "figure", "total"})
_TRANSFER_FLOWS = frozenset({"aid", "pledge", "loan"})
_REPORTED_FLOWS = frozenset({"export", "import", "balance"})
"""Flows a story reports for one state against partner after partner ("exports to A ...,
shipments to B ..."); a later figure of the flow with only a partner is that state's."""
_COUNTRY_OR_CAPITAL_KINDS = frozenset({"country", "capital"})
_SUBJECT_KINDS = STATE_NAME_KINDS | {"body"}


@lru_cache(maxsize=1)
def _config() -> dict[str, frozenset[str]]:
    path = resources.files("bilat") / "data" / "triggers" / "trade_figure.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    config = {
        key: frozenset(str(w).lower() for w in data.get(key, ()))
        for key in ("bilateral_markers", "anaphoric_markers", "value_verbs", "with_give_verbs",
                    "bilateral_words", "world_markers", "levy_nouns")
    }
    # a verb of change links a level to its flow as "stood at" does ("decreased to X")
    words = change_words()
    config["value_verbs"] |= words["change_forms"] | words["change_lemmas"]
    return config


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of ``data/triggers/trade_figure.json`` (lower-cased)."""
    path = resources.files("bilat") / "data" / "triggers" / "trade_figure.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in data[key])


_SCALES = frozenset({"million", "mln", "billion", "bln", "bn", "trillion", "m", "thousand"})


@lru_cache(maxsize=1)
def _flow_nouns() -> frozenset[str]:
    """One-word flow nouns of the lexicon ("exports", "shipments", "surplus"): the object of
    "with" on a verb ("rose to X, with shipments to B up 3 pct") is then another flow, not
    a partner."""
    return frozenset(w for entry in load_lexicon("trade_figure").entries
                     if len(entry.sequence) == 1 and "NOUN" in entry.pos
                     for w in entry.sequence[0])


_NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


_COLLECTIVES = frozenset({"countries", "nations", "states", "economies", "partners",
                          "neighbours", "neighbors", "members", "regions"})


@lru_cache(maxsize=1)
def _pair_anaphor_hashes() -> frozenset[tuple[int, int]]:
    from spacy.strings import get_string_id

    return frozenset((get_string_id(a), get_string_id(b)) for a, b in _PAIR_ANAPHORS)


_GIVE_LEMMAS = frozenset({"grant", "extend", "provide", "offer", "approve", "lend", "pledge",
                          "give", "promise", "disburse", "announce", "commit", "allocate"})


_LEVY_FILLERS = frozenset({"worth", "of", "totalling", "totaling", "amounting", "to", "up",
                           "as", "much", "some", "about", "around", "nearly", "almost", "over",
                           "more", "than", "valued", "at", "an", "estimated"})
