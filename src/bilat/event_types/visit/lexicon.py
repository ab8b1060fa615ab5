"""The visit word lists of ``bilat/event_types/visit/lexicon.json``, read through the one checked
loader of :mod:`bilat.syntax.lexicon`: a missing key, or one that is not a list of strings,
fails at load with the file and the key named."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bilat.syntax.lexicon import type_word_map, type_words
from bilat.triggers import load_lexicon

if TYPE_CHECKING:
    from bilat.triggers import TriggerEntry

__all__ = [
    "definite_determiners",
    "entries_for",
    "envoy_nouns",
    "host_forms",
    "official_words",
    "resident_titles",
    "union_codes",
    "venue_seats",
    "visit_config",
    "visit_nouns",
]


@cache
def visit_config(key: str) -> frozenset[str]:
    """A word list of the visit trigger file (``envoy_nouns``, ``official_nouns``, ...)."""
    return type_words("visit", key)


def host_forms() -> frozenset[str]:
    """The word forms of the ``host`` triggers ("hosted", "welcomed", "received") of the
    lexicon in force: host words a pipeline adds count for that pipeline only."""
    return load_lexicon("visit").one_word_forms(label="host")


@cache
def venue_seats() -> dict[str, str]:
    """City -> state, for meeting venues whose name the gazetteer keeps for a body
    (``venue_seats`` in the visit trigger file)."""
    return type_word_map("visit", "venue_seats")


def envoy_nouns() -> frozenset[str]:
    """Nouns for envoys a state sends (``envoy_nouns``)."""
    return visit_config("envoy_nouns")


@cache
def official_words() -> frozenset[str]:
    """Nouns that make a nationality on them a state's officials: ``official_nouns`` and
    the envoy nouns ("the Japanese foreign minister", "a Chinese delegation")."""
    return visit_config("official_nouns") | envoy_nouns()


def visit_nouns() -> frozenset[str]:
    """Nouns for a journey ("returned from his visit to Egypt" is no implicit visit)."""
    return visit_config("visit_nouns")


def resident_titles() -> frozenset[str]:
    """Title words of officials posted abroad, who do not visit where they serve
    ("the Chinese ambassador said in London")."""
    return visit_config("resident_titles")


def definite_determiners() -> frozenset[str]:
    """Determiners of a meeting noun that refer back to one already told of ("the talks")."""
    return visit_config("definite_determiners")


@cache
def union_codes() -> frozenset[str]:
    """Codes of unions of states whose ministers' meeting is one of the member states ("a
    meeting of EU ministers")."""
    return frozenset(code.upper() for code in visit_config("union_codes"))


@cache
def entries_for(form: str) -> tuple[TriggerEntry, ...]:
    """The one-word visit trigger entries a word form matches."""
    return tuple(e for e in load_lexicon("visit").entries
                 if len(e.sequence) == 1 and form in e.sequence[0])
