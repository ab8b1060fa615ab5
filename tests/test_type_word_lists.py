"""The word-list loaders of the agreement and deportation packages: the shipped files load,
and a missing or malformed key fails naming the file and the key."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bilat.event_types.agreement.words import WORD_LIST_KEYS, parse_word_lists, word_lists
from bilat.event_types.deportation.words import (
    LIST_KEYS,
    deportation_words,
    parse_deportation_words,
)
from bilat.lexicons import LexiconError, TypeLexicon
from bilat.lexicons.types import parse_type_file


def _shipped(event_type: str) -> dict[str, Any]:
    from bilat.lexicons.types import type_lexicon_file

    text = type_lexicon_file(event_type).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _built(data: dict[str, Any]) -> TypeLexicon:
    event_type = data["type"]
    return parse_type_file(data, event_type, f"bilat/event_types/{event_type}/lexicon.json")


def test_the_shipped_lists_load() -> None:
    assert "treaty" in word_lists()["strong_accords"]
    assert set(word_lists()) == set(WORD_LIST_KEYS)
    assert deportation_words().group_of("diplomats") == "diplomats"
    assert "match" in deportation_words().not_from


@pytest.mark.parametrize("key", WORD_LIST_KEYS)
def test_agreement_missing_key_is_named(key: str) -> None:
    data = _shipped("agreement")
    del data[key]
    with pytest.raises(LexiconError, match=rf"agreement/lexicon\.json: no word list '{key}'"):
        parse_word_lists(_built(data))


def test_agreement_list_of_strings_only() -> None:
    data = _shipped("agreement")
    data["unit_nouns"] = ["cents", 3]
    with pytest.raises(LexiconError,
                       match=r"agreement/lexicon\.json: unit_nouns\[1\]: expected a str"):
        _built(data)


@pytest.mark.parametrize("key", LIST_KEYS)
def test_deportation_missing_key_is_named(key: str) -> None:
    data = _shipped("deportation")
    del data[key]
    with pytest.raises(LexiconError, match=rf"deportation/lexicon\.json: no word list '{key}'"):
        parse_deportation_words(_built(data))


def test_deportation_groups_must_be_lists() -> None:
    data = _shipped("deportation")
    data["group_words"]["refugees"] = "refugees"
    with pytest.raises(LexiconError, match=r"group_words\['refugees'\]: expected a list"):
        _built(data)
    data["group_words"] = ["refugees"]
    with pytest.raises(LexiconError, match=r"'group_words' is one word list"):
        parse_deportation_words(_built(data))
