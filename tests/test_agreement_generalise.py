"""Agreements on unseen news shapes (issue 14): passives, explicit partners, brokers and
commentators, venues, several partners, hypothetical and scheduled agreements.

Every sentence is our own, written in news style.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bilat.events import Agreement
from bilat.values import Modality

MONDAY = "2024-03-11"


def agreements(extractor: Any, text: str, published: str = MONDAY) -> list[Agreement]:
    result = extractor.extract(text, published=published)
    return [e for e in result.events if isinstance(e, Agreement)]


def party_sets(extractor: Any, text: str) -> set[frozenset[str]]:
    return {frozenset(e.parties) for e in agreements(extractor, text)}


# --- passive voice: the agents sign, the passive subject is what was signed ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An accord on fishing rights was signed by Norway and Iceland in Reykjavik.",
         {"NOR", "ISL"}),
        ("The border treaty, signed by Peru and Chile in 1929, settled the dispute.",
         {"PER", "CHL"}),
        ("A deal was reached between Ethiopia and Eritrea to reopen the border crossings.",
         {"ETH", "ERI"}),
        ("The memorandum was initialled by Ghana's trade minister and his Togolese "
         "counterpart.", {"GHA", "TGO"}),
    ],
)
def test_passive_agreements_take_the_agents(bilat_extractor: Any, text: str,
                                            expected: set[str]) -> None:
    assert party_sets(bilat_extractor, text) == {frozenset(expected)}


def test_what_was_signed_is_no_party(bilat_extractor: Any) -> None:
    text = ("Oil prices fell in London and Tokyo on Friday. Only a month after they were "
            "signed, they have failed to calm the markets.")
    assert agreements(bilat_extractor, text) == []


# --- explicit partners ----------------------------------------------------------------------


def test_between_names_the_parties_not_the_commentator(bilat_extractor: Any) -> None:
    text = "Japan welcomed the agreement between Vietnam and Laos on river navigation."
    assert party_sets(bilat_extractor, text) == {frozenset({"VNM", "LAO"})}


def test_commentator_subject_of_a_verb_is_no_party(bilat_extractor: Any) -> None:
    text = "Germany viewed a January outline agreement between Paris and Madrid as useful."
    assert party_sets(bilat_extractor, text) == {frozenset({"FRA", "ESP"})}


@pytest.mark.parametrize(
    "text",
    [
        "Brazil hopes to reach an agreement with foreign banks on its debt, said a US official.",
        "Canada was part of a recent agreement between Ottawa and the Kurdish administration in "
        "Syria to bring home its citizens.",
        "Mexico has concluded eight accords with government creditors, a French official said.",
    ],
)
def test_a_partner_that_is_no_state_gives_no_agreement(bilat_extractor: Any, text: str) -> None:
    assert agreements(bilat_extractor, text) == []


# --- brokers, venues, mediators ---------------------------------------------------------------


def test_a_broker_named_on_the_noun_is_no_party(bilat_extractor: Any) -> None:
    text = "The US-brokered deal between Israel and the UAE was signed in Washington."
    assert party_sets(bilat_extractor, text) == {frozenset({"ISR", "ARE"})}


def test_a_us_friendly_treaty_is_no_agreement_with_the_us(bilat_extractor: Any) -> None:
    text = "He played down reports that Mr Blair was considering a new US-friendly treaty."
    assert agreements(bilat_extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "French Prime Minister Jacques Chirac said the Treasury Secretary was determined to "
        "support the Paris agreement on currencies.",
        "The German finance minister said the Louvre talks had confirmed the Paris accord.",
    ],
)
def test_a_capital_naming_the_accord_is_its_venue(bilat_extractor: Any, text: str) -> None:
    assert agreements(bilat_extractor, text) == []


def test_mediators_are_no_parties(bilat_extractor: Any) -> None:
    assert agreements(bilat_extractor, "Egypt mediated the ceasefire together with Qatar.") == []


# --- hypothetical and weighed agreements ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Germany has a keen interest in a swift agreement between Washington and Tokyo.",
        "Traders said the dollar could rise on signs of accord between the US and Japan.",
        "Russia, Iran and Turkey will decide the shape of a final deal for Syria.",
        "West German diplomats said they would insist on a Berlin clause in any EC-Comecon "
        "agreement.",
    ],
)
def test_weighed_or_hypothetical_agreements_are_none(bilat_extractor: Any, text: str) -> None:
    assert agreements(bilat_extractor, text) == []


def test_any_accord_with_a_state_is_proposed(bilat_extractor: Any) -> None:
    text = ("French officials said the United States might ignore European interests in any "
            "accord with Moscow on missiles.")
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"USA", "RUS"}
    assert event.modality is Modality.PROPOSED


def test_decided_to_with_two_states_is_a_joint_decision(bilat_extractor: Any) -> None:
    text = "Ethiopia and Kenya decided to open a joint border post at Moyale."
    assert party_sets(bilat_extractor, text) == {frozenset({"ETH", "KEN"})}


def test_a_signature_on_a_form_is_no_signing(bilat_extractor: Any) -> None:
    text = ("Voters in Belfast will have to give their date of birth and signature, officials "
            "in London and Dublin said.")
    assert agreements(bilat_extractor, text) == []


# --- where the agreement hangs: process nouns, possessors ------------------------------------


def test_violation_of_a_pact_names_the_violator(bilat_extractor: Any) -> None:
    text = ("Washington threatened tariffs in retaliation for Tokyo's alleged violation of a "
            "microchip trade pact.")
    assert party_sets(bilat_extractor, text) == {frozenset({"USA", "JPN"})}


def test_work_on_an_agreement_takes_the_workers(bilat_extractor: Any) -> None:
    text = ("Britain's prime minister hosted Turkey's premier, and the two countries began work "
            "on a free trade agreement.")
    assert party_sets(bilat_extractor, text) == {frozenset({"GBR", "TUR"})}



# --- several partners ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya signed agreements with Ethiopia and Somalia on border security.",
         {frozenset({"KEN", "ETH"}), frozenset({"KEN", "SOM"})}),
        ("China has concluded free trade agreements with Chile, Peru and Costa Rica.",
         {frozenset({"CHN", "CHL"}), frozenset({"CHN", "PER"}), frozenset({"CHN", "CRI"})}),
        # one agreement among three states stays one event
        ("The United States negotiated a trade pact with Mexico and Canada.",
         {frozenset({"USA", "MEX", "CAN"})}),
        ("France, Germany and Italy signed a joint declaration on migration.",
         {frozenset({"FRA", "DEU", "ITA"})}),
    ],
)
def test_several_partners(bilat_extractor: Any, text: str, expected: set[frozenset[str]]) -> None:
    assert party_sets(bilat_extractor, text) == expected


# --- modality -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tanzania is set to sign a gas deal with Mozambique on Monday.",
        "Indonesia and Malaysia were due to sign the fisheries agreement on Monday.",
        "Ghana will sign a power agreement with Togo on Monday.",
    ],
)
def test_scheduled_for_the_day_of_the_story(bilat_extractor: Any, text: str) -> None:
    (event,) = agreements(bilat_extractor, text)
    assert event.modality is Modality.PLANNED
    assert event.date is not None and event.date.start == dt.date(2024, 3, 11)


def test_next_weekday_is_a_week_ahead(bilat_extractor: Any) -> None:
    (event,) = agreements(bilat_extractor, "Ghana will sign a power deal with Togo next Monday.")
    assert event.date is not None and event.date.start == dt.date(2024, 3, 18)


@pytest.mark.parametrize(
    "text",
    [
        "UK SEEKS PACT WITH JAPAN ON FRAUD",
        "Britain's minister will travel to Tokyo to seek a memorandum between Britain and Japan.",
        "Washington and Moscow tabled verification plans for a prospective treaty on missiles.",
    ],
)
def test_sought_and_prospective_agreements_are_proposed(bilat_extractor: Any, text: str) -> None:
    (event,) = agreements(bilat_extractor, text)
    assert event.modality is Modality.PROPOSED


# --- company deals, multilateral bodies, consent ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Paris Club accord covered Mexico's official debt to its creditors.",
        "The Swedish firm said it signed the pact with Accor North American Corp, a subsidiary "
        "of a Paris-based hotel group.",
        "Russia demanded that Turkey, which backs Syria's opposition groups and is guarantor of "
        "the ceasefire, do more.",
        "Erdogan sent officials to Moscow last week to obtain Russia's agreement.",
    ],
)
def test_no_agreement_between_states(bilat_extractor: Any, text: str) -> None:
    assert agreements(bilat_extractor, text) == []


def test_close_to_a_deal_is_proposed(bilat_extractor: Any) -> None:
    text = "Canada and the United States are close to reaching a trade deal, officials said."
    (event,) = agreements(bilat_extractor, text)
    assert set(event.parties) == {"CAN", "USA"}
    assert event.modality is Modality.PROPOSED


def test_a_possessive_pair_still_agrees(bilat_extractor: Any) -> None:
    text = "Vietnam's agreement with Laos on river navigation took effect on Friday."
    assert party_sets(bilat_extractor, text) == {frozenset({"VNM", "LAO"})}


# --- partners named in the sentence before --------------------------------------------------

_MEETING = "Kenya's president met his Ugandan counterpart in Nairobi on Sunday. "


@pytest.mark.parametrize(
    "second",
    [
        "The two agreed to open a new border post.",
        "Both signed a defence pact.",
        "The pact was signed at State House.",
        "A defence pact was also signed.",
    ],
)
def test_partners_named_before(bilat_extractor: Any, second: str) -> None:
    assert party_sets(bilat_extractor, _MEETING + second) == {frozenset({"KEN", "UGA"})}


@pytest.mark.parametrize(
    "second",
    [
        "The two teams drew 1-1 in the evening match.",
        "A new constitution was signed into law by parliament.",
        "Several agreements were signed by local businessmen.",
    ],
)
def test_no_agreement_after_a_meeting(bilat_extractor: Any, second: str) -> None:
    assert agreements(bilat_extractor, _MEETING + second) == []


# --- every inflection of the agreeing verbs --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt and Sudan are close to clinching an accord on the Nile.", {"EGY", "SDN"}),
        ("Norway and Iceland, sealing a fisheries accord, ended the dispute.", {"NOR", "ISL"}),
        ("Fiji and Tonga are reaching an understanding on maritime borders.", {"FJI", "TON"}),
        ("Japan and India were finalising a nuclear pact on Friday.", {"JPN", "IND"}),
    ],
)
def test_progressive_forms(bilat_extractor: Any, text: str, expected: set[str]) -> None:
    assert party_sets(bilat_extractor, text) == {frozenset(expected)}


@pytest.mark.parametrize(
    "text",
    [
        "The company is cutting costs in Germany and France.",
        "Protesters were striking in Paris and Berlin on Friday.",
    ],
)
def test_progressive_forms_without_an_agreement(bilat_extractor: Any, text: str) -> None:
    assert agreements(bilat_extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul and Tokyo held talks on chips. The semiconductor agreement between the two "
         "countries was signed last July.", {frozenset({"JPN", "KOR"})}),
        ("Peru's president visited Chile. An accord between the two neighbours was reached on "
         "water rights.", {frozenset({"PER", "CHL"})}),
        ("Peru's president visited Chile. A deal between the two firms was announced.", set()),
    ],
)
def test_between_a_group_named_before(bilat_extractor: Any, text: str,
                                      expected: set[frozenset[str]]) -> None:
    assert party_sets(bilat_extractor, text) == expected
