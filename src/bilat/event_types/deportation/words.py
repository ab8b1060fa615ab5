"""The deportation word lists of ``bilat/data/triggers/deportation.json``, read through one
loader (:func:`parse_deportation_words`) that fails naming the file and the key when a key
is missing or is not a list of strings (``group_words``: an object of such lists)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

SOURCE = "bilat/data/triggers/deportation.json"
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


def _word_list(data: dict[str, Any], key: str, source: str) -> frozenset[str]:
    if key not in data:
        raise ValueError(f"{source}: missing key {key!r}")
    words = data[key]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{source}: key {key!r} must be a list of strings")
    return frozenset(w.lower() for w in words)


def parse_deportation_words(data: Any, source: str = SOURCE) -> DeportationWords:
    """The word lists in ``data`` (the parsed JSON of ``source``).

    Raises:
        ValueError: naming ``source`` and the key, when a key is missing or malformed.
    """
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a JSON object")
    groups = data.get("group_words")
    if not isinstance(groups, dict):
        raise ValueError(f"{source}: key 'group_words' must be an object of word lists")
    return DeportationWords(
        groups={g: _word_list(groups, g, f"{source} group_words") for g in groups},
        **{key: _word_list(data, key, source) for key in LIST_KEYS},
    )


@lru_cache(maxsize=1)
def deportation_words() -> DeportationWords:
    """The word lists of ``bilat/data/triggers/deportation.json`` (read once)."""
    path = resources.files("bilat") / "data" / "triggers" / "deportation.json"
    return parse_deportation_words(json.loads(path.read_text(encoding="utf-8")))
