"""Visit extractor: one test per rule of ``bilat.event_types.visit`` on news-style sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bilat.events import Visit
from bilat.values import Modality, Precision

PUBLISHED = "2024-03-13"  # a Wednesday


def visits(extractor: Any, text: str, published: str | None = PUBLISHED) -> list[Visit]:
    result = extractor.extract(text, published=published)
    for event in result.events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text
    return [e for e in result.events if isinstance(e, Visit)]


def keys(extractor: Any, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.visitor_country, e.host_country) for e in visits(extractor, text)}


# --- travel verbs -------------------------------------------------------------------------


def test_arrive_in_capital_gives_visitor_host_and_day(bilat_extractor: Any) -> None:
    text = "French Foreign Minister Catherine Colonna arrived in Berlin on Monday."
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("FRA", "DEU")
    assert event.date is not None
    assert event.date.start == dt.date(2024, 3, 11)
    assert event.date.precision is Precision.DAY
    assert event.location is not None and event.location.name == "Berlin"
    assert event.visitor is not None and "Colonna" in event.visitor.name
    assert not event.implicit


def test_fly_to_capital(bilat_extractor: Any) -> None:
    text = "Chinese Foreign Minister Wang Yi flew to Tokyo on Wednesday."
    assert keys(bilat_extractor, text) == {("CHN", "JPN")}


def test_toured_country_as_direct_object(bilat_extractor: Any) -> None:
    text = "Turkish President Recep Tayyip Erdogan toured Algeria last week."
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("TUR", "DZA")
    assert event.date is not None and event.date.text == "last week"


def test_is_to_visit_two_countries_gives_two_planned_visits(bilat_extractor: Any) -> None:
    text = "Japanese Prime Minister Taro Kono is to visit Thailand and Indonesia next week."
    found = visits(bilat_extractor, text)
    assert {(e.visitor_country, e.host_country) for e in found} == {("JPN", "THA"),
                                                                      ("JPN", "IDN")}
    assert all(e.modality is Modality.PLANNED for e in found)


def test_left_for_capital(bilat_extractor: Any) -> None:
    text = "German Chancellor Olaf Scholz left for Washington on Tuesday."
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("DEU", "USA")
    assert event.location is not None and event.location.name == "Washington"


def test_returned_from_country(bilat_extractor: Any) -> None:
    text = "Indian Foreign Minister S. Jaishankar returned from Egypt on Sunday."
    assert keys(bilat_extractor, text) == {("IND", "EGY")}


# --- travel nouns -------------------------------------------------------------------------


def test_visit_noun_with_possessor(bilat_extractor: Any) -> None:
    text = "Pakistani Prime Minister Shehbaz Sharif's visit to Iraq was the first in years."
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("PAK", "IRQ")
    assert event.visitor is not None and event.visitor.name.endswith("Sharif")


def test_visit_noun_with_curly_apostrophe_possessor_keeps_clean_name(
    bilat_extractor: Any,
) -> None:
    text = "Pakistani President Asif Ali Zardari\u2019s visit to Iraq was his first."
    (event,) = visits(bilat_extractor, text)
    assert event.visitor is not None and event.visitor.name == "Asif Ali Zardari"


def test_visit_noun_with_by_object(bilat_extractor: Any) -> None:
    text = "A visit to Moscow by Secretary of State Antony Blinken was discussed on Monday."
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("USA", "RUS")


def test_visit_noun_takes_subject_of_governing_verb(bilat_extractor: Any) -> None:
    text = "Vietnamese Prime Minister Pham Minh Chinh began a visit to Japan on Monday."
    assert keys(bilat_extractor, text) == {("VNM", "JPN")}


def test_visit_noun_takes_host_from_verb(bilat_extractor: Any) -> None:
    text = "Vietnamese Prime Minister Pham Minh Chinh was in Japan on a three-day visit."
    assert keys(bilat_extractor, text) == {("VNM", "JPN")}


def test_headline_host_right_after_trigger(bilat_extractor: Any) -> None:
    text = "JAPANESE PREMIER'S TRIP TO TURKEY\n\nOfficials said the dates were not yet fixed."
    assert keys(bilat_extractor, text) == {("JPN", "TUR")}


# --- presence, hosting, meetings ----------------------------------------------------------


def test_was_in_capital_is_implicit_visit(bilat_extractor: Any) -> None:
    text = "Saudi Foreign Minister Prince Faisal bin Farhan was in London on Monday."
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("SAU", "GBR")
    assert event.implicit


def test_hosted_in_city_visitor_is_object(bilat_extractor: Any) -> None:
    text = ("Russian President Vladimir Putin hosted Syrian President Bashar al-Assad in "
            "Sochi on Monday.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("SYR", "RUS")
    assert event.implicit
    assert event.location is not None and event.location.name == "Sochi"


def test_hosted_without_place_takes_subjects_state(bilat_extractor: Any) -> None:
    text = "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva."
    assert keys(bilat_extractor, text) == {("BRA", "CHN")}


def test_meeting_in_foreign_capital_is_implicit_visit_of_the_foreigner(
    bilat_extractor: Any,
) -> None:
    text = ("Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip "
            "Erdogan in Ankara on Thursday.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("GRC", "TUR")
    assert event.implicit


def test_talks_held_in_foreign_capital(bilat_extractor: Any) -> None:
    text = ("German Foreign Minister Annalena Baerbock held talks in Cairo on Sunday with "
            "her Egyptian counterpart.")
    assert keys(bilat_extractor, text) == {("DEU", "EGY")}


def test_official_in_foreign_capital_is_implicit_visit(bilat_extractor: Any) -> None:
    text = ("Australian Foreign Minister Penny Wong in Beijing on Tuesday called for calm in "
            "the South China Sea.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("AUS", "CHN")
    assert event.implicit and event.rule == "visit.person_in_place"


def test_pronoun_visitor_resolves_to_previous_person(bilat_extractor: Any) -> None:
    text = ("Kenyan President William Ruto praised trade ties on Tuesday. He will visit Japan "
            "next month.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("KEN", "JPN")
    assert event.modality is Modality.PLANNED
    assert event.visitor is not None and "Ruto" in event.visitor.name


# --- dates --------------------------------------------------------------------------------


def test_planned_visit_month_is_read_forward(bilat_extractor: Any) -> None:
    text = "Secretary of State Antony Blinken will visit Moscow in June."
    (event,) = visits(bilat_extractor, text)
    assert event.modality is Modality.PLANNED
    assert event.date is not None and event.date.start == dt.date(2024, 6, 1)


def test_planned_visit_in_may_is_dated(bilat_extractor: Any) -> None:
    text = "Japanese Prime Minister Fumio Kishida will visit Turkey in May."
    (event,) = visits(bilat_extractor, text)
    assert event.date is not None and event.date.start == dt.date(2024, 5, 1)


def test_undated_current_visit_takes_publication_month(bilat_extractor: Any) -> None:
    text = "Pakistani Prime Minister Shehbaz Sharif's visit to Iraq was the first in years."
    (event,) = visits(bilat_extractor, text)
    assert event.date is not None
    assert event.date.start == dt.date(2024, 3, 1)
    assert event.date.precision is Precision.MONTH
    assert event.date.text == ""


def test_undated_planned_visit_has_no_date(bilat_extractor: Any) -> None:
    text = "Chinese Premier Li Qiang will travel to Australia, officials said."
    (event,) = visits(bilat_extractor, text)
    assert event.modality is Modality.PLANNED
    assert event.date is None


def test_undated_visit_without_publication_date_has_no_date(bilat_extractor: Any) -> None:
    text = "Pakistani Prime Minister Shehbaz Sharif's visit to Iraq was the first in years."
    (event,) = visits(bilat_extractor, text, published=None)
    assert event.date is None


# --- modality -----------------------------------------------------------------------------


def test_will_not_visit_is_negated(bilat_extractor: Any) -> None:
    text = "U.S. President Joe Biden will not visit Israel this month, the White House said."
    (event,) = visits(bilat_extractor, text)
    assert event.modality is Modality.NEGATED


def test_arrival_for_talks_on_a_topic_stays_asserted(bilat_extractor: Any) -> None:
    text = ("French Foreign Minister Catherine Colonna arrived in Berlin on Monday for talks "
            "on energy.")
    (event,) = visits(bilat_extractor, text)
    assert event.modality is Modality.ASSERTED


# --- negatives ----------------------------------------------------------------------------


def test_visit_to_a_museum_is_not_a_visit(bilat_extractor: Any) -> None:
    text = "Schoolchildren from Lyon went on a visit to the museum on Saturday."
    assert visits(bilat_extractor, text) == []


def test_official_visiting_a_factory_has_no_host(bilat_extractor: Any) -> None:
    text = "Indian Prime Minister Narendra Modi visited the factory on Friday."
    assert visits(bilat_extractor, text) == []


def test_resident_ambassador_in_capital_is_not_a_visit(bilat_extractor: Any) -> None:
    text = "The British ambassador in Moscow, Nigel Gould-Davies, was summoned on Monday."
    assert visits(bilat_extractor, text) == []


def test_trip_inside_own_country_is_not_a_visit(bilat_extractor: Any) -> None:
    text = "French President Emmanuel Macron visited Marseille on Thursday."
    assert visits(bilat_extractor, text) == []


def test_visiting_sports_team_is_not_a_visit(bilat_extractor: Any) -> None:
    text = "The visiting team from Brazil beat Argentina 2-1 in Buenos Aires."
    assert visits(bilat_extractor, text) == []


def test_meeting_at_a_seat_of_government_is_an_implicit_visit(bilat_extractor: Any) -> None:
    text = ("Japanese Prime Minister Kenji Sato met President Donald Trump at the White House "
            "on Friday.")
    found = visits(bilat_extractor, text)
    assert [(v.visitor_country, v.host_country, v.implicit) for v in found] == [
        ("JPN", "USA", True)
    ]


def test_presidents_of_two_states_both_visit(bilat_extractor: Any) -> None:
    text = "The presidents of Ghana and Togo arrived in Abuja on Monday for a regional summit."
    found = {(v.visitor_country, v.host_country) for v in visits(bilat_extractor, text)}
    assert found == {("GHA", "NGA"), ("TGO", "NGA")}


def test_hosted_conjoined_leaders_both_visit(bilat_extractor: Any) -> None:
    text = ("Putin hosted Iran's Hassan Rouhani and Turkey's Recep Tayyip Erdogan in Sochi "
            "on Wednesday.")
    found = {(v.visitor_country, v.host_country) for v in visits(bilat_extractor, text)}
    assert found == {("IRN", "RUS"), ("TUR", "RUS")}


def test_sending_officials_to_a_capital_is_a_visit(bilat_extractor: Any) -> None:
    text = "Erdogan sent officials to Moscow last week to seek Russian approval."
    found = {(v.visitor_country, v.host_country) for v in visits(bilat_extractor, text)}
    assert found == {("TUR", "RUS")}


def test_sending_troops_is_not_a_visit(bilat_extractor: Any) -> None:
    text = "Erdogan sent troops to the border with Syria last week."
    assert visits(bilat_extractor, text) == []


def test_visit_to_a_site_on_a_foreign_coast(bilat_extractor: Any) -> None:
    text = ("Vladimir Putin paid a surprise visit to a Russian airbase on the Syrian coast "
            "on Monday.")
    found = {(v.visitor_country, v.host_country) for v in visits(bilat_extractor, text)}
    assert found == {("RUS", "SYR")}


def test_surname_that_is_also_a_place_stays_the_person(bilat_extractor: Any) -> None:
    text = ("Pakistan Foreign Minister Ishaq Dar flew to Kabul on Monday. A rare meeting "
            "between Muttaqi and Dar in Kabul last month had eased tensions.")
    actors = {
        (v.visitor_country, v.host_country) for v in visits(bilat_extractor, text)
    }
    assert ("PAK", "AFG") in actors
    assert all(visitor != "TZA" for visitor, _ in actors)


def test_conditional_visit_is_not_an_event(bilat_extractor: Any) -> None:
    text = "If the Chinese president visits Manila next month, the dispute could ease."
    assert visits(bilat_extractor, text) == []


def test_meeting_placed_by_a_pp_on_the_person_met(bilat_extractor: Any) -> None:
    text = "President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday."
    found = {(v.visitor_country, v.host_country) for v in visits(bilat_extractor, text)}
    assert found == {("FRA", "DEU")}


def test_official_due_in_a_foreign_capital_is_a_planned_visit(bilat_extractor: Any) -> None:
    text = ("The Iranian foreign minister is due in Tokyo on Friday for talks with his "
            "Japanese counterpart.")
    found = visits(bilat_extractor, text)
    assert [(v.visitor_country, v.host_country, v.modality) for v in found] == [
        ("IRN", "JPN", Modality.PLANNED)
    ]


def test_citizens_due_in_a_city_are_not_a_visit(bilat_extractor: Any) -> None:
    text = "Thousands of Iranian fans are due in Tokyo on Friday for the final."
    assert visits(bilat_extractor, text) == []


# The present of schedules: a simple present with a time still to come is a plan.
def test_simple_present_with_a_coming_day_is_planned(bilat_extractor: Any) -> None:
    (visit,) = visits(bilat_extractor, "The Indian president begins a three-day state visit "
                                       "to Japan on Tuesday, officials said.", "2024-04-03")
    assert visit.modality is Modality.PLANNED
    assert visit.date is not None and visit.date.start == dt.date(2024, 4, 9)


def test_past_tense_with_the_same_day_is_asserted(bilat_extractor: Any) -> None:
    (visit,) = visits(bilat_extractor, "The Indian president began a three-day state visit "
                                       "to Japan on Tuesday, officials said.", "2024-04-03")
    assert visit.modality is Modality.ASSERTED
    assert visit.date is not None and visit.date.start == dt.date(2024, 4, 2)


def test_simple_present_today_stays_asserted(bilat_extractor: Any) -> None:
    (visit,) = visits(bilat_extractor, "The Indian president visits Japan today for talks on "
                                       "trade.", "2024-04-03")
    assert visit.modality is Modality.ASSERTED
