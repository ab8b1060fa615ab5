"""Sports teams named after places are not states (Real Madrid is not Spain)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.actors import DocumentActors
from bilat.actors.teams import is_team_name, team_words
from bilat.prefilter import possible_types


def mentioned(nlp: Any, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.country) for m in DocumentActors(nlp(text)).mentions]


@pytest.mark.parametrize(
    ("before", "after", "allowed", "expected"),
    [
        ("Real ", " beat Porto", True, True),
        ("the Atletico de ", "", True, True),  # a word of two words
        ("Red\nStar ", "", False, True),  # a wrapped line is one space
        ("", " United", True, True),
        ("", " United's", True, True),
        ("", " United", False, False),  # after a country: a title-case headline
        ("Surreal ", "", True, False),  # only whole words
        ("Real  ", "", True, False),  # one space, no more
        ("real ", "", True, False),  # case-sensitive
        ("", " Uniteds", True, False),
        ("", " Saint-Germain", True, True),
        ("", " Saint-Germainville", True, False),
    ],
)
def test_team_words_around_a_name(before: str, after: str, allowed: bool, expected: bool) -> None:
    assert is_team_name(before, after, after_allowed=allowed) is expected


@given(st.text(max_size=30), st.text(max_size=30), st.booleans())
def test_any_text_gives_an_answer(before: str, after: str, allowed: bool) -> None:
    assert isinstance(is_team_name(before, after, after_allowed=allowed), bool)


@given(st.sampled_from(team_words()[0]), st.text(alphabet="abcdefgh", min_size=1, max_size=5))
def test_before_words_only_count_as_whole_words(word: str, glued: str) -> None:
    assert is_team_name(f"{word} ", "", after_allowed=False)
    assert not is_team_name(f"{glued}{word} ", "", after_allowed=False)


def test_team_data_is_clean() -> None:
    before, after = team_words()
    for word in (*before, *after):
        assert word == word.strip() and word[:1].isupper(), word
    assert len(set(before)) == len(before) and len(set(after)) == len(after)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Real Madrid beat Porto 2-0 on Saturday.", "Madrid"),
        ("Leeds United sacked their manager after the defeat.", "Leeds"),
        ("The Washington Capitals lost in overtime in Toronto.", "Washington"),
        ("Dynamo Kyiv signed the winger from Shakhtar Donetsk.", "Kyiv"),
        ("AS Monaco sold their captain last summer.", "Monaco"),
    ],
)
def test_a_team_name_is_no_state(any_nlp: Any, text: str, name: str) -> None:
    assert name not in [t for t, _ in mentioned(any_nlp, text)], mentioned(any_nlp, text)


def test_the_same_names_outside_a_team_are_states(any_nlp: Any) -> None:
    found = mentioned(any_nlp, "Officials in Madrid and Washington welcomed the deal, "
                                "and the United States said Monaco had agreed.")
    assert ("Madrid", "ESP") in found and ("Washington", "USA") in found
    assert ("Monaco", "MCO") in found


def test_words_after_a_country_do_not_make_a_team(blank: Any) -> None:
    # a title-case headline: "United" after a country name is no team
    assert ("Germany", "DEU") in mentioned(blank, "Germany United on Sanctions Against Iran")


def test_a_team_trip_is_no_visit(bilat_extractor: Any) -> None:
    text = ("Real Madrid will travel to Munich on Tuesday for the second leg, and Bayern "
            "Munich's squad flew to Lisbon for a friendly.")
    assert bilat_extractor.extract(text, "2024-03-04").events == ()
    real = bilat_extractor.extract(
        "Spain's foreign minister will travel to Munich on Tuesday for talks.", "2024-03-04")
    assert [(e.visitor_country, e.host_country) for e in real] == [("ESP", "DEU")]


def test_prefilter_rules_out_sports_copy(blank: Any) -> None:
    text = ("Real Madrid will travel to Amsterdam looking for a response, and a new deal "
            "for their captain is close, the club said.")
    assert possible_types(blank.make_doc(text)) == ()
    # the same words with a state named as such stay possible
    text_state = text.replace("Real Madrid", "Spain's foreign minister")
    assert "visit" in possible_types(blank.make_doc(text_state))
