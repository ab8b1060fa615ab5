"""Closed-class word sets and actor-kind sets the syntax helpers and extractors share.

The word sets live in ``bilat/data/syntax.json`` and are read once; a missing key fails with
the file and the key named. The kind sets say which actor mentions (see
:class:`bilat.actors.ActorMention`) may fill a role; each name says what it holds, since the
event types want different ones.
"""

from __future__ import annotations

from functools import cache

from bilat.lexicons.files import SyntaxWordsFile, read_json
from bilat.lexicons.schema import structure
from bilat.lexicons.types import shipped_type_lexicon

__all__ = [
    "STATE_NAME_KINDS",
    "STATE_OR_OFFICIAL_KINDS",
    "STATE_PARTY_KINDS",
    "SYNTAX_WORD_KEYS",
    "future_modals",
    "hypothetical_modals",
    "parse_syntax_words",
    "relative_pronouns",
    "statement_verb_forms",
    "syntax_words",
    "type_word_map",
    "type_words",
]

STATE_PARTY_KINDS = frozenset({"country", "demonym", "capital", "person", "body", "group"})
"""Mentions that can stand for a state as a party: its name, people, capital, officials,
bodies and groups of states ("the EU")."""

STATE_OR_OFFICIAL_KINDS = frozenset({"country", "capital", "demonym", "body", "person"})
"""Mentions that can stand for one state acting: as :data:`STATE_PARTY_KINDS` without
groups of states."""

STATE_NAME_KINDS = frozenset({"country", "demonym", "capital"})
"""Mentions that name a state itself (its name, people or capital), no official or body."""

SYNTAX_WORD_KEYS = ("hypothetical_modals", "future_modals", "relative_pronouns",
                    "statement_verb_forms")
_FILE = "syntax.json"


def parse_syntax_words(data: object, source: str = f"bilat/data/{_FILE}"
                       ) -> dict[str, frozenset[str]]:
    """Check and lower-case the word sets of a ``syntax.json``-shaped mapping (schema:
    :class:`bilat.lexicons.files.SyntaxWordsFile`).

    Raises:
        LexiconError: (a ``ValueError``) ``data`` is no mapping, lacks a key of
            :data:`SYNTAX_WORD_KEYS`, has an unknown key, or a value that is not a list of
            strings; the message names ``source`` and the key.
    """
    words = structure(data, SyntaxWordsFile, f"{source}: ")
    return {key: frozenset(w.lower() for w in getattr(words, key)) for key in SYNTAX_WORD_KEYS}


@cache
def syntax_words() -> dict[str, frozenset[str]]:
    """Every word set of ``bilat/data/syntax.json``, lower-cased, read once (checked by
    :func:`parse_syntax_words`)."""
    return parse_syntax_words(read_json(_FILE))


def hypothetical_modals() -> frozenset[str]:
    """Modal auxiliaries of possibility or obligation ("could", "might", "should")."""
    return syntax_words()["hypothetical_modals"]


def future_modals() -> frozenset[str]:
    """Auxiliaries of the future and of reported future ("will", "'ll", "would")."""
    return syntax_words()["future_modals"]


def relative_pronouns() -> frozenset[str]:
    """Pronouns that open a relative clause ("who", "which", "that", "whom")."""
    return syntax_words()["relative_pronouns"]


def statement_verb_forms() -> frozenset[str]:
    """Inflected forms of verbs that report a statement as made ("said", "announced",
    "confirmed"): a narrow list of forms, matched on the token's lower-cased text."""
    return syntax_words()["statement_verb_forms"]


def type_words(event_type: str, key: str) -> frozenset[str]:
    """The word list ``key`` of ``bilat/event_types/<event_type>/lexicon.json``, lower-cased (read
    through :func:`bilat.lexicons.shipped_type_lexicon`; a missing or malformed key fails
    with the file and the key named)."""
    return shipped_type_lexicon(event_type).word_set(key)


def type_word_map(event_type: str, key: str) -> dict[str, str]:
    """The word map ``key`` of ``bilat/event_types/<event_type>/lexicon.json`` (word -> string,
    words lower-cased; see :meth:`bilat.lexicons.TypeLexicon.word_map`)."""
    return shipped_type_lexicon(event_type).word_map(key)
