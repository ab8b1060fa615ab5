"""The deportation word lists of ``bilat/event_types/deportation/lexicon.json``, read through
:mod:`bilat.lexicons` (:func:`parse_deportation_words`), which fails naming the file and
the key when a key is missing or is not a list of strings (``group_words``: an object of
such lists)."""

from __future__ import annotations

from functools import lru_cache

import attrs

from bilat.lexicons import TypeLexicon, shipped_type_lexicon

SOURCE = "bilat/event_types/deportation/lexicon.json"
LIST_KEYS = ("order_verbs", "not_objects", "light_verbs", "deporter_nouns", "request_nouns",
             "proposal_words", "homeland_nouns", "not_from", "return_particles",
             "state_pronouns", "people_pronouns")


@attrs.frozen(slots=True)
class DeportationWords:
    """The word lists of the deportation extractor, lower-cased."""

    groups: dict[str, frozenset[str]]
    order_verbs: frozenset[str]
    not_objects: frozenset[str]
    light_verbs: frozenset[str]  # verbs a deportation noun is the act of ("carried out")
    deporter_nouns: frozenset[str]  # nouns whose owner deports ("Pakistan's plan")
    request_nouns: frozenset[str]  # nouns whose owner asks for an extradition
    proposal_words: frozenset[str]  # words that make a deportation proposed
    homeland_nouns: frozenset[str]  # "sent back to their home countries"
    not_from: frozenset[str]  # "expelled from the match": an activity or a body, no state
    return_particles: frozenset[str]  # "sent back to", "flown home to": a destination
    state_pronouns: frozenset[str]  # "it", "they": the state named before them
    people_pronouns: frozenset[str]  # "them", "some": deportees without a people word

    def group_of(self, word: str) -> str | None:
        """The deportee group ``word`` names ("diplomats", "refugees", ...), if any."""
        for group, words in self.groups.items():
            if word in words:
                return group
        return None


def parse_deportation_words(lexicon: TypeLexicon) -> DeportationWords:
    """The word lists of ``lexicon`` (the checked deportation file), lower-cased.

    Raises:
        LexiconError: (a ``ValueError``) naming the file and the key, when a key is missing
            or malformed.
    """
    return DeportationWords(
        groups={g: frozenset(w.lower() for w in ws)
                for g, ws in lexicon.groups("group_words").items()},
        **{key: lexicon.word_set(key) for key in LIST_KEYS},
    )


@lru_cache(maxsize=1)
def deportation_words() -> DeportationWords:
    """The word lists of ``bilat/event_types/deportation/lexicon.json`` (read once)."""
    return parse_deportation_words(shipped_type_lexicon("deportation"))
