"""The strike lexicon loader: every word list comes from the strike lexicon and a missing or
malformed key fails naming the file and the key."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.event_types.strike import words
from bilat.lexicons import LexiconError
from bilat.lexicons.types import parse_type_file


def test_the_shipped_lists_load() -> None:
    assert "said" in words.CLAIM_VERBS
    assert "east" in words.REFERENCE_WORDS
    assert words.word_lists("weapon_nouns")["drone"] >= {"drone", "drones"}


def _file(**lists: Any) -> Any:
    """A strike lexicon built from ``lists`` (parsed as the shipped file is)."""
    return lambda: parse_type_file({"type": "strike", "triggers": [], **lists}, "strike",
                                   words.LEXICON_FILE)


@pytest.mark.parametrize(("data", "message"), [
    ({}, "no word list 'plan_words'"),
    ({"plan_words": "plan"}, "plan_words: expected a list of strings"),
    ({"plan_words": ["plan", 3]}, "plan_words[1]: expected a string"),
    ({"plan_words": {"a": ["plan"]}}, "'plan_words' holds named groups"),
])
def test_a_bad_list_names_the_file_and_the_key(monkeypatch: pytest.MonkeyPatch,
                                               data: dict[str, Any], message: str) -> None:
    monkeypatch.setattr(words, "_lexicon", _file(**data))
    with pytest.raises(LexiconError, match=r"event_types/strike/lexicon\.json: ") as error:
        words.word_list("plan_words")
    assert message in str(error.value)


def test_a_bad_mapping_names_the_sub_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "_lexicon", _file(weapon_nouns={"air": ["bomb", None]}))
    with pytest.raises(LexiconError, match=r"strike/lexicon\.json: weapon_nouns\['air'\]\[1\]"):
        words.word_lists("weapon_nouns")
    monkeypatch.setattr(words, "_lexicon", _file(weapon_nouns=["bomb"]))
    with pytest.raises(LexiconError, match="'weapon_nouns' is one word list"):
        words.word_lists("weapon_nouns")
