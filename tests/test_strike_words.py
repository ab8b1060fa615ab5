"""The strike lexicon loader: every word list comes from ``strike.json`` and a missing or
malformed key fails naming the file and the key."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.event_types.strike import words


def test_the_shipped_lists_load() -> None:
    assert "said" in words.CLAIM_VERBS
    assert "east" in words.REFERENCE_WORDS
    assert words.word_lists("weapon_nouns")["drone"] >= {"drone", "drones"}


@pytest.mark.parametrize(("data", "message"), [
    ({}, "missing key 'plan_words'"),
    ({"plan_words": "plan"}, "key 'plan_words' must be a list of strings"),
    ({"plan_words": ["plan", 3]}, "key 'plan_words' must be a list of strings"),
])
def test_a_bad_list_names_the_file_and_the_key(monkeypatch: pytest.MonkeyPatch,
                                               data: dict[str, Any], message: str) -> None:
    monkeypatch.setattr(words, "_lexicon", lambda: data)
    with pytest.raises(ValueError, match=r"strike\.json") as error:
        words.word_list("plan_words")
    assert message in str(error.value)


def test_a_bad_mapping_names_the_sub_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "_lexicon", lambda: {"weapon_nouns": {"air": ["bomb", None]}})
    with pytest.raises(ValueError, match=r"strike\.json: key 'weapon_nouns'\.air"):
        words.word_lists("weapon_nouns")
    monkeypatch.setattr(words, "_lexicon", lambda: {"weapon_nouns": ["bomb"]})
    with pytest.raises(ValueError, match="must map names"):
        words.word_lists("weapon_nouns")
