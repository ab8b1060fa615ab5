"""The visit word lists load through :mod:`bilat.lexicons` (via ``bilat.syntax.lexicon``): a
missing or malformed key fails with the file and the key named."""

from __future__ import annotations

import pytest

from bilat.event_types.visit import lexicon
from bilat.lexicons import LexiconError
from bilat.lexicons.types import parse_type_file
from bilat.syntax.lexicon import type_word_map, type_words


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
    with pytest.raises(LexiconError,
                       match=r"event_types/visit/lexicon\.json: no word list 'stop_nounz'"):
        type_words("visit", "stop_nounz")
    with pytest.raises(LexiconError,
                       match=r"event_types/visit/lexicon\.json: no word list 'seatz'"):
        type_word_map("visit", "seatz")


def _visit(**lists: object) -> dict[str, object]:
    return {"type": "visit", "triggers": [{"id": "visit", "forms": ["visit"]}], **lists}


def test_a_malformed_value_is_refused() -> None:
    with pytest.raises(LexiconError, match=r"x\.json: nouns: expected a list of strings"):
        parse_type_file(_visit(nouns="trip"), "visit", "x.json")
    with pytest.raises(LexiconError, match=r"x\.json: nouns\[1\]: expected a string"):
        parse_type_file(_visit(nouns=["trip", 3]), "visit", "x.json")
    with pytest.raises(LexiconError, match=r"x\.json: seats\['brussels'\]: expected a list"):
        parse_type_file(_visit(seats={"brussels": 1}), "visit", "x.json")
    with pytest.raises(LexiconError, match=r"visit/lexicon\.json: 'stop_nouns' is no word map"):
        type_word_map("visit", "stop_nouns")
    lexicon_ = parse_type_file(_visit(seats={"Brussels": ["BEL", "EUU"]}), "visit", "x.json")
    with pytest.raises(LexiconError, match=r"x\.json: 'seats' is no word map"):
        lexicon_.word_map("seats")


def test_word_lists_and_maps_are_lower_cased() -> None:
    lexicon_ = parse_type_file(_visit(k=["Parliament", "DIET"], seats={"Brussels": "BEL"}),
                               "visit", "x.json")
    assert lexicon_.word_set("k") == {"parliament", "diet"}
    assert lexicon_.word_map("seats") == {"brussels": "BEL"}
