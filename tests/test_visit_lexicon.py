"""The visit word lists load through one checked loader (``bilat.syntax.lexicon``): a missing
or malformed key fails with the file and the key named."""

from __future__ import annotations

import pytest

from bilat.event_types.visit import lexicon
from bilat.syntax.lexicon import parse_word_list, parse_word_map, type_word_map, type_words


def test_every_visit_word_list_loads() -> None:
    assert "delegation" in lexicon.envoy_nouns()
    assert "ambassador" in lexicon.resident_titles()
    assert "trip" in lexicon.visit_nouns()
    assert "the" in lexicon.definite_determiners()
    assert lexicon.union_codes() == frozenset({"EUU"})
    assert lexicon.venue_seats()["brussels"] == "BEL"
    assert {"hosted", "welcomed"} <= lexicon.host_forms()
    for key in ("official_nouns", "legislature_nouns", "group_nouns", "leading_verbs",
                "itinerary_verbs", "stop_nouns", "sideline_nouns"):
        assert lexicon.visit_config(key), key


def test_a_missing_key_names_the_file_and_the_key() -> None:
    with pytest.raises(ValueError, match=r"visit\.json: key 'stop_nounz' is missing"):
        type_words("visit", "stop_nounz")
    with pytest.raises(ValueError, match=r"x\.json: key 'seats' is missing"):
        parse_word_map({}, "seats", "x.json")


def test_a_malformed_value_is_refused() -> None:
    with pytest.raises(ValueError, match=r"x\.json: key 'nouns' must be a list of strings"):
        parse_word_list({"nouns": "trip"}, "nouns", "x.json")
    with pytest.raises(ValueError, match="must be a list of strings"):
        parse_word_list({"nouns": ["trip", 3]}, "nouns", "x.json")
    with pytest.raises(ValueError, match="must map strings to strings"):
        parse_word_map({"seats": {"brussels": 1}}, "seats", "x.json")
    with pytest.raises(ValueError, match="must map strings to strings"):
        type_word_map("visit", "stop_nouns")


def test_word_lists_are_lower_cased() -> None:
    assert parse_word_list({"k": ["Parliament", "DIET"]}, "k", "x.json") == {"parliament", "diet"}
