"""Agreement extractor: one test per rule of ``bilat.event_types.agreement``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bilat.events import Agreement
from bilat.values import Modality

PUBLISHED = "2024-03-13"


def agreements(extractor: Any, text: str) -> list[Agreement]:
    result = extractor.extract(text, published=PUBLISHED)
    for event in result.events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text
    return [e for e in result.events if isinstance(e, Agreement)]


def parties(extractor: Any, text: str) -> list[frozenset[str]]:
    return [frozenset(e.parties) for e in agreements(extractor, text)]


# --- sign verbs ---------------------------------------------------------------------------


def test_coordinated_subjects_signed_a_treaty(bilat_extractor: Any) -> None:
    text = "Kenya and Tanzania signed a treaty on border security on Friday."
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"KEN", "TZA"}
    assert event.modality is Modality.ASSERTED
    assert event.date is not None and event.date.text == "Friday"


def test_signed_an_accord_with_a_state(bilat_extractor: Any) -> None:
    text = "Vietnam signed an accord with South Korea on Tuesday to expand nuclear cooperation."
    assert parties(bilat_extractor, text) == [frozenset({"VNM", "KOR"})]


def test_concluded_an_agreement(bilat_extractor: Any) -> None:
    text = "Kazakhstan and Uzbekistan concluded an agreement on water sharing on Wednesday."
    assert parties(bilat_extractor, text) == [frozenset({"KAZ", "UZB"})]


def test_states_named_on_the_signed_object(bilat_extractor: Any) -> None:
    text = "Tokyo signed the Japan-Vietnam accord on Monday."
    assert parties(bilat_extractor, text) == [frozenset({"JPN", "VNM"})]


def test_accepted_another_states_proposal(bilat_extractor: Any) -> None:
    text = "Japan accepted South Korea's proposal on Monday."
    assert parties(bilat_extractor, text) == [frozenset({"JPN", "KOR"})]


def test_accepted_proposal_is_asserted(bilat_extractor: Any) -> None:
    text = "Japan accepted South Korea's proposal on Monday."
    (event,) = agreements(bilat_extractor, text)
    assert event.modality is Modality.ASSERTED


def test_agreed_to_supply_names_the_counterpart_inside_the_clause(bilat_extractor: Any) -> None:
    text = "Turkmenistan agreed to supply more gas to Ukraine."
    assert parties(bilat_extractor, text) == [frozenset({"TKM", "UKR"})]


# --- reach verbs --------------------------------------------------------------------------


def test_reached_an_agreement(bilat_extractor: Any) -> None:
    text = "Pakistan and Iran reached an agreement on Monday to boost border trade."
    assert parties(bilat_extractor, text) == [frozenset({"PAK", "IRN"})]


def test_reach_without_agreement_noun_is_nothing(bilat_extractor: Any) -> None:
    text = "Delegations from Pakistan and Iran reached Tehran on Monday."
    assert agreements(bilat_extractor, text) == []


# --- accord nouns -------------------------------------------------------------------------


def test_hyphenated_modifier_pair_on_deal(bilat_extractor: Any) -> None:
    text = "Officials said the EU-Turkey deal on migrants would be reviewed in June."
    assert parties(bilat_extractor, text) == [frozenset({"EUU", "TUR"})]


def test_demonym_pair_on_agreement(bilat_extractor: Any) -> None:
    text = "Officials said the Turkish-American agreement on jets was signed in Ankara."
    assert parties(bilat_extractor, text) == [frozenset({"TUR", "USA"})]


def test_pact_between_two_states(bilat_extractor: Any) -> None:
    text = "The pact between Armenia and Azerbaijan was signed in Washington."
    assert parties(bilat_extractor, text) == [frozenset({"ARM", "AZE"})]


def test_great_deal_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = "The minister said the scheme was a great deal for farmers in Ghana and Nigeria."
    assert agreements(bilat_extractor, text) == []


# --- decide -------------------------------------------------------------------------------


def test_two_states_decided_jointly(bilat_extractor: Any) -> None:
    text = "China and Russia decided to hold joint naval drills in July."
    assert parties(bilat_extractor, text) == [frozenset({"CHN", "RUS"})]


def test_one_state_deciding_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = "China decided on Monday to hold naval drills near Taiwan's coast."
    assert agreements(bilat_extractor, text) == []


# --- group references ---------------------------------------------------------------------


def test_two_countries_take_states_of_previous_sentence(bilat_extractor: Any) -> None:
    text = ("Indonesian and Malaysian ministers met in Jakarta on Monday. The two countries "
            "agreed to jointly patrol the Strait of Malacca.")
    assert parties(bilat_extractor, text) == [frozenset({"IDN", "MYS"})]


def test_three_countries_take_three_states(bilat_extractor: Any) -> None:
    text = ("Leaders of Brazil, Argentina and Chile met in Santiago on Monday. The three "
            "countries agreed to build a rail link.")
    assert parties(bilat_extractor, text) == [frozenset({"BRA", "ARG", "CHL"})]


def test_trilateral_summit_endorsement(bilat_extractor: Any) -> None:
    text = ("Leaders at a trilateral summit of Japan, South Korea and China endorsed a plan to "
            "resume free trade talks.")
    assert parties(bilat_extractor, text) == [frozenset({"JPN", "KOR", "CHN"})]


# --- modality -----------------------------------------------------------------------------


def test_agreed_in_principle(bilat_extractor: Any) -> None:
    text = "Egypt and Sudan agreed in principle on Monday to share data on Nile water levels."
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"EGY", "SDN"}
    assert event.modality is Modality.IN_PRINCIPLE


def test_proposed_mou(bilat_extractor: Any) -> None:
    text = "Officials said Nepal and India were still discussing a proposed MoU on power trade."
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"NPL", "IND"}
    assert event.modality is Modality.PROPOSED


def test_did_not_sign_is_negated(bilat_extractor: Any) -> None:
    text = "Greece and Turkey did not sign a declaration at the end of the meeting."
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"GRC", "TUR"}
    assert event.modality is Modality.NEGATED


def test_but_ends_the_scope_of_a_later_rejection(bilat_extractor: Any) -> None:
    text = "Germany and France agreed a deal on Thursday, but Italy rejected the treaty."
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"DEU", "FRA"}
    assert event.modality is Modality.ASSERTED


# --- not agreements -----------------------------------------------------------------------


def test_deal_between_companies_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = "Airbus signed a deal with Air China for 100 jets on Thursday."
    assert agreements(bilat_extractor, text) == []


def test_agreement_between_state_companies_is_not_between_states(bilat_extractor: Any) -> None:
    text = "Russia's Gazprom signed an agreement with China's CNPC on gas supplies."
    assert agreements(bilat_extractor, text) == []


def test_single_state_ratifying_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = "Turkey ratified the treaty on Tuesday."
    assert agreements(bilat_extractor, text) == []


def test_businessmen_signing_a_memorandum_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = ("Indian businessmen signed a memorandum with their Nepalese counterparts in "
            "Kathmandu.")
    assert agreements(bilat_extractor, text) == []


def test_in_a_sign_of_is_not_a_signing(bilat_extractor: Any) -> None:
    text = "In a sign of warming ties, Turkey and Armenia reopened a border crossing."
    assert agreements(bilat_extractor, text) == []


# --- rules added after the first dev round ---------------------------------------------


def test_hypothetical_agreement_is_not_an_event(bilat_extractor: Any) -> None:
    text = ("Analysts said Kenya and Somalia could end the dispute if they agreed a new "
            "maritime border treaty.")
    assert agreements(bilat_extractor, text) == []


def test_concluding_talks_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = "Spanish Prime Minister Pedro Alvarez concluded his visit to Rabat on Friday."
    assert agreements(bilat_extractor, text) == []


def test_concluding_an_accord_is_an_agreement(bilat_extractor: Any) -> None:
    text = "Spain concluded a fisheries accord with Morocco on Friday."
    assert [a.parties for a in agreements(bilat_extractor, text)] == [("ESP", "MAR")]


def test_allies_named_in_apposition_are_the_parties(bilat_extractor: Any) -> None:
    text = "Ankara struck a deal with Syria's allies, Russia and Iran, on the border zone."
    parties = {a.parties for a in agreements(bilat_extractor, text)}
    assert ("IRN", "RUS", "TUR") in parties
    assert all("SYR" not in p for p in parties)


def test_agreement_reported_by_the_other_side(bilat_extractor: Any) -> None:
    text = ("Canadian Foreign Minister Anne Roy said China had agreed to release the two "
            "detained engineers.")
    assert [a.parties for a in agreements(bilat_extractor, text)] == [("CAN", "CHN")]


def test_one_state_agreeing_alone_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = "Brazil agreed to cut its import tariffs on steel next year."
    assert agreements(bilat_extractor, text) == []


def test_what_investors_bet_on_is_not_an_agreement(bilat_extractor: Any) -> None:
    text = ("Shares rose as investors bet that Japan and South Korea would reach a trade deal "
            "this year.")
    assert agreements(bilat_extractor, text) == []


def test_discussing_a_possible_deal_is_proposed(bilat_extractor: Any) -> None:
    text = "Spain and Portugal are discussing a possible deal on water sharing, officials said."
    found = agreements(bilat_extractor, text)
    assert [(a.parties, a.modality) for a in found] == [(("ESP", "PRT"), Modality.PROPOSED)]


@pytest.mark.parametrize(
    ("verb", "modality", "day"),
    [
        ("sign", Modality.PLANNED, dt.date(2024, 4, 5)),  # the present of schedules
        ("signed", Modality.ASSERTED, dt.date(2024, 3, 29)),  # the Friday before
    ],
)
def test_signing_on_a_weekday_by_tense(
    bilat_extractor: Any, verb: str, modality: Modality, day: dt.date
) -> None:
    result = bilat_extractor.extract(f"Brazil and Argentina {verb} a trade accord on Friday "
                                     "in Buenos Aires, diplomats said.", "2024-04-03")
    (agreement,) = [e for e in result.events if isinstance(e, Agreement)]
    assert agreement.modality is modality
    assert agreement.date is not None and agreement.date.start == day
