"""Trade figures on unseen news shapes: changes versus levels, figure lists with several
partners, previous values, partners named outside the sentence, and the precision traps
(world totals, tariffs, company deals). Sentences are our own, in wire and news style."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from bilat.events import TradeFigure
from bilat.normalise import find_money
from bilat.syntax.figures import is_change_span

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _figures(extractor: Any, text: str, published: str | None = "1988-05-10"
             ) -> list[TradeFigure]:
    result = extractor.extract(text, published=published)
    return [e for e in result.events if isinstance(e, TradeFigure)]


def _keys(figures: list[TradeFigure]) -> set[tuple[tuple[str, ...], Decimal]]:
    return {(f.countries, f.value.amount) for f in figures if f.value is not None}


def _amount_span(nlp: Any, text: str, prefix: str) -> Any:
    """The span of the money amount that starts with ``prefix``, as the extractor finds it."""
    doc = nlp(text)
    money = next(m for m in find_money(text) if m.text.startswith(prefix))
    span = doc.char_span(money.start_char, money.end_char, alignment_mode="expand")
    assert span is not None
    return span


# -- changes are no figures ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Sweden's trade deficit with Norway rose 400 mln dlrs to 2.9 billion dlrs in 1987.",
         "400"),
        ("Kenyan imports from India fell by $300 million to $1.5 billion last year.", "$300"),
        ("Exports to Chile were up 250 mln dlrs in the quarter, the ministry said.", "250"),
        ("The surplus showed a 600 mln dlr increase over the year.", "600"),
    ],
)
def test_change_amounts_are_recognised(nlp: Any, text: str, amount: str) -> None:
    assert is_change_span(_amount_span(nlp, text, amount))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Sweden's trade deficit with Norway rose to 2.9 billion dlrs in 1987.", "2.9"),
        ("Kenyan imports from India totalled $1.5 billion last year.", "$1.5"),
        ("Exports to Chile were 250 mln dlrs, up from 200 mln dlrs.", "250"),
    ],
)
def test_levels_are_not_changes(nlp: Any, text: str, amount: str) -> None:
    assert not is_change_span(_amount_span(nlp, text, amount))


def test_change_then_level_gives_only_the_level(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Sweden's trade deficit with Norway rose 400 mln dlrs "
                                      "to 2.9 billion dlrs in 1987, officials said.")
    assert _keys(found) == {(("NOR", "SWE"), Decimal("2900000000"))}


def test_change_by_then_level(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Kenyan imports from India fell by $300 million to "
                                      "$1.5 billion last year.", "2018-03-01")
    assert _keys(found) == {(("IND", "KEN"), Decimal("1500000000"))}


def test_a_change_alone_is_no_figure(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Peruvian exports to Chile increased 250 mln dlrs in "
                                      "the quarter, the ministry said.")
    assert found == []


def test_year_before_to_is_not_an_amount(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Finnish exports to Sweden grew by 4 pct in 2019 to "
                                      "$12.5 billion.", "2020-02-01")
    assert _keys(found) == {(("FIN", "SWE"), Decimal("12500000000"))}


# -- a state's figure with the world is no bilateral figure --------------------------------


def test_the_other_states_balance_after_a_bilateral_one_is_with_the_world(
        bilat_extractor: Any) -> None:
    text = ("South Korea's 7 billion dlr trade surplus with the United States has angered "
            "lawmakers, who are also concerned with the record 150 billion dlr U.S. trade "
            "deficit.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("KOR", "USA"), Decimal("7000000000"))}


def test_a_regional_partner_is_no_state(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Spanish exports to Latin America fell to 900 mln dlrs "
                                      "last year.")
    assert found == []


# -- one predicate, many partners ------------------------------------------------------------


def test_each_listed_partner_gets_its_own_amount(bilat_extractor: Any) -> None:
    text = ("Sweden's trade deficit with Norway rose 200 mln dlrs to 2.9 billion dlrs, with "
            "Denmark increased 100 mln dlrs to 1.4 billion dlrs and with Finland fell to "
            "800 mln dlrs in 1987.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {
        (("NOR", "SWE"), Decimal("2900000000")),
        (("DNK", "SWE"), Decimal("1400000000")),
        (("FIN", "SWE"), Decimal("800000000")),
    }
    assert {f.flow for f in found} == {"balance"}


def test_a_regional_partner_in_a_list_drops_only_its_own_amount(bilat_extractor: Any) -> None:
    text = ("Italy's surplus with Latin America narrowed to 1.1 billion dlrs and with "
            "Egypt to 450 mln dlrs last year.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("EGY", "ITA"), Decimal("450000000"))}


def test_the_reported_state_owns_later_figures_with_a_partner_only(
        bilat_extractor: Any) -> None:
    text = ("Austrian exports to Eastern Europe declined by 3 pct last year to 40 billion "
            "schillings.\n\nShipments to Poland fell 9 pct to 6.1 billion schillings and to "
            "Hungary by 2 pct to 8.3 billion schillings, the institute said.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {
        (("AUT", "POL"), Decimal("6100000000")),
        (("AUT", "HUN"), Decimal("8300000000")),
    }
    assert all(f.source_country == "AUT" and f.flow == "export" for f in found)


def test_a_partner_only_figure_with_no_reported_state_stays_unpaired(
        bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Shipments to Poland fell 9 pct to 6.1 billion "
                                      "schillings, the institute said.")
    assert found == []


# -- the partner named outside the sentence -------------------------------------------------


def test_a_bilateral_figure_takes_the_stories_other_protagonist(bilat_extractor: Any) -> None:
    text = ("Brazilian lawmakers pressed Argentina on Tuesday to open its market, as "
            "Argentina's trade minister arrived in Brasilia.\n\n"
            "Argentina's central bank governor was expected to join him later.\n\n"
            "Argentina's bilateral trade deficit widened to 2.4 billion dlrs last year.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("ARG", "BRA"), Decimal("2400000000"))}


def test_a_states_flow_keeps_the_partner_named_earlier(bilat_extractor: Any) -> None:
    text = ("Greek officials want to cut Greece's trade deficit with Germany, the finance "
            "ministry said.\n\nThe ministry gave no forecast. Greece's trade deficit stood "
            "at 3.2 billion euros in 2011, against 3.9 billion for 2010.")
    found = _figures(bilat_extractor, text, "2012-03-01")
    assert _keys(found) == {(("DEU", "GRC"), Decimal("3200000000")),
                            (("DEU", "GRC"), Decimal("3900000000"))}
    periods = {f.value.amount: f.period.start.year for f in found
               if f.value is not None and f.period is not None}
    assert periods == {Decimal("3200000000"): 2011, Decimal("3900000000"): 2010}


def test_an_overall_balance_does_not_take_the_earlier_partner(bilat_extractor: Any) -> None:
    text = ("Greek officials want to cut Greece's trade deficit with Germany, the finance "
            "ministry said.\n\nThe ministry gave no forecast. Greece's overall trade deficit "
            "stood at 20 billion euros in 2011.")
    assert _figures(bilat_extractor, text, "2012-03-01") == []


def test_one_state_figure_in_a_one_state_story_stays_unpaired(bilat_extractor: Any) -> None:
    text = "Greece's bilateral trade deficit stood at 3.2 billion euros in 2011."
    assert _figures(bilat_extractor, text, "2012-03-01") == []


def test_a_change_object_does_not_cut_the_level_from_its_flow(bilat_extractor: Any) -> None:
    text = ("Canada's merchandise trade deficit was a record 9 billion dlrs in 1987.\n\n"
            "The trade deficit with Japan for all of 1987 rose 1.1 billion dlrs to 5.4 "
            "billion dlrs and with Mexico the deficit decreased 200 mln dlrs to 1.3 billion "
            "dlrs.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("CAN", "JPN"), Decimal("5400000000")),
                            (("CAN", "MEX"), Decimal("1300000000"))}


# -- hypotheticals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Even if all barriers were removed, trade between Chile and Peru would remain below "
        "2 billion dlrs a year, he said.",
        "If sanctions were lifted, Iranian exports to India could reach $10 billion.",
    ],
)
def test_what_would_happen_if_is_no_figure(bilat_extractor: Any, text: str) -> None:
    assert _figures(bilat_extractor, text) == []


def test_a_stated_figure_beside_a_condition_stays(bilat_extractor: Any) -> None:
    text = ("Trade between Chile and Peru reached 2 billion dlrs last year and would grow "
            "if barriers were removed, he said.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("CHL", "PER"), Decimal("2000000000"))}


# -- loans and aid whose recipient is the story's own state -----------------------------------

_KENYA_STORY = ("Kenya is arranging funds for its new railway, the finance ministry said on "
                "Monday.\n\nKenya expects the line to open in 1990. Kenya's treasury said "
                "talks with commercial banks would start next month.\n\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "The first 50 mln dlr tranche of a 200 mln dlr loan from the Italian government will "
        "be disbursed in June.",
        "Italy's export credit agency announced a 200 mln dlr untied credit last week.",
    ],
)
def test_a_donor_only_loan_goes_to_the_storys_state(bilat_extractor: Any,
                                                    sentence: str) -> None:
    found = _figures(bilat_extractor, _KENYA_STORY + sentence)
    assert (("ITA", "KEN"), Decimal("200000000")) in _keys(found)
    assert all(f.countries == ("ITA", "KEN") and f.flow == "loan" for f in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Italy and a group of other industrial nations granted a 200 mln dlr bridge loan.",
        "Italy signed a 200 mln dlr loan package with its creditor banks.",
        "Italy pledged 200 mln dlrs to the World Bank's development fund.",
    ],
)
def test_a_loan_with_a_named_counterpart_is_not_given_to_the_story(bilat_extractor: Any,
                                                                   sentence: str) -> None:
    assert _figures(bilat_extractor, _KENYA_STORY + sentence) == []


# -- the value of a levy is no trade figure ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Washington threatened to impose tariffs worth up to 300 mln dlrs on Japanese "
        "electronics exports to the United States.",
        "Canada will levy 120 mln dlrs in punitive duties on imports from Brazil.",
        "The EU imposed sanctions worth $2 billion on Russian exports to Europe.",
    ],
)
def test_a_levy_on_a_flow_is_not_the_flow(bilat_extractor: Any, text: str) -> None:
    assert _figures(bilat_extractor, text) == []


def test_the_flow_a_levy_hits_still_counts(bilat_extractor: Any) -> None:
    text = ("Washington imposed tariffs on $200 million of Japanese electronics exports to "
            "the United States.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("JPN", "USA"), Decimal("200000000"))}


# -- coordinated flows share their pair -------------------------------------------------------


def test_a_coordinated_verb_shares_the_pair(bilat_extractor: Any) -> None:
    text = ("Poland exported 400 mln dlrs worth of goods to Sweden in 1987 and imported "
            "650 mln dlrs worth, the ministry said.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("POL", "SWE"), Decimal("400000000")),
                            (("POL", "SWE"), Decimal("650000000"))}
    assert {f.value.amount: f.flow for f in found if f.value is not None} == {
        Decimal("400000000"): "export", Decimal("650000000"): "import"}


def test_a_coordinated_noun_shares_the_pair(bilat_extractor: Any) -> None:
    text = ("Last year Canada was Mexico's second trading partner, with Mexican imports from "
            "Canada worth 3.1 billion dlrs and exports worth 1.2 billion dlrs.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("CAN", "MEX"), Decimal("3100000000")),
                            (("CAN", "MEX"), Decimal("1200000000"))}


def test_a_coordinated_flow_with_its_own_partner_is_not_shared(bilat_extractor: Any) -> None:
    text = ("Poland exported 400 mln dlrs worth of goods to Sweden in 1987 and imported "
            "650 mln dlrs worth from Latin America.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("POL", "SWE"), Decimal("400000000"))}


def test_those_with_a_partner_stands_for_the_flow(bilat_extractor: Any) -> None:
    text = ("Austrian exports to Eastern Europe declined by 3 pct last year to 40 billion "
            "schillings.\n\nExports to Poland went up by 2 pct to 6.1 billion schillings and "
            "those to Hungary surged by 9 pct to 8.3 billion schillings, the institute said.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("AUT", "POL"), Decimal("6100000000")),
                            (("AUT", "HUN"), Decimal("8300000000"))}


def test_a_bare_flow_takes_its_own_sentences_two_states(bilat_extractor: Any) -> None:
    text = ("Spanish exports to Portugal fell to 2 billion euros in 2012.\n\n"
            "Morocco was France's main African supplier, but shipments fell to 1.4 billion "
            "euros from 1.6 billion in 2011.")
    found = _figures(bilat_extractor, text, "2013-02-01")
    assert _keys(found) == {(("ESP", "PRT"), Decimal("2000000000")),
                            (("FRA", "MAR"), Decimal("1400000000")),
                            (("FRA", "MAR"), Decimal("1600000000"))}


# -- figures with a previous value ------------------------------------------------------------


@pytest.mark.parametrize("gap", [" ", "\n"])
def test_a_compared_value_across_a_line_wrap_is_the_previous_figure(bilat_extractor: Any,
                                                                    gap: str) -> None:
    text = ("Trade between Chile and Peru jumped 80 pct in 1986, the minister said.\n\n"
            f"He said trade last year totalled 1.3 billion dlrs versus{gap}700 mln dlrs in "
            "1985.")
    found = _figures(bilat_extractor, text, "1987-03-05")
    assert _keys(found) == {(("CHL", "PER"), Decimal("1300000000")),
                            (("CHL", "PER"), Decimal("700000000"))}
    periods = {f.value.amount: f.period.start.year for f in found
               if f.value is not None and f.period is not None}
    assert periods[Decimal("700000000")] == 1985


def test_a_partner_only_flow_belongs_to_the_state_reported_on(bilat_extractor: Any) -> None:
    text = ("Thailand's record 3.2 billion dlr trade deficit with Japan is bound to shrink, "
            "the commerce minister said.\n\nHe gave no timetable for talks.\n\n"
            "He said the trade mission is looking for 900 mln "
            "dlrs in purchases from Japanese companies.")
    found = _figures(bilat_extractor, text)
    assert _keys(found) == {(("JPN", "THA"), Decimal("3200000000")),
                            (("JPN", "THA"), Decimal("900000000"))}
    purchase = next(f for f in found if f.value is not None
                    and f.value.amount == Decimal("900000000"))
    assert purchase.flow == "import" and purchase.partner_country == "THA"


# -- more shapes: donors in turn, absolute "with" clauses, modified bilateral nouns -------------


def test_one_donor_per_sentence_keeps_the_recipient(bilat_extractor: Any) -> None:
    text = ("Donors raised their aid to Ukraine at the Berlin conference on Tuesday.\n\n"
            "Japan raised its pledge to Ukraine to $4.5 billion from $3 billion last year. "
            "Germany increased its pledge to 8 billion euros from 6 billion euros.")
    found = _figures(bilat_extractor, text, "2024-06-12")
    assert _keys(found) == {(("JPN", "UKR"), Decimal("4500000000")),
                            (("JPN", "UKR"), Decimal("3000000000")),
                            (("DEU", "UKR"), Decimal("8000000000")),
                            (("DEU", "UKR"), Decimal("6000000000"))}
    assert all(f.source_country in {"JPN", "DEU"} for f in found)


def test_a_with_clause_naming_another_flow_is_no_partner(bilat_extractor: Any) -> None:
    text = ("Germany's exports rose to 1.6 trillion euros last year, with shipments to the "
            "United States up 3 percent.")
    assert _figures(bilat_extractor, text, "2024-02-01") == []


def test_a_second_partner_phrase_holding_its_amount(bilat_extractor: Any) -> None:
    text = ("The European Union's trade surplus with the US was 157 billion euros, and with "
            "Switzerland 50 billion euros.")
    found = _figures(bilat_extractor, text, "2024-01-10")
    assert _keys(found) == {(("EUU", "USA"), Decimal("157000000000")),
                            (("CHE", "EUU"), Decimal("50000000000"))}


def test_bilateral_modifying_a_compound_marks_the_figure(bilat_extractor: Any) -> None:
    text = ("Vietnam and the United States upgraded their ties during Biden's visit to "
            "Hanoi.\n\nBilateral goods trade reached $100 billion last year, officials said.")
    found = _figures(bilat_extractor, text, "2023-09-11")
    assert _keys(found) == {(("USA", "VNM"), Decimal("100000000000"))}


# -- wire copy: line wraps and "mln" parsed as an adjective ------------------------------------


def test_the_two_countries_across_a_line_wrap_refers_back(bilat_extractor: Any) -> None:
    text = ("Trade between Chile and Peru rose to 1.3 billion dlrs last year, the minister "
            "said.\n\nHe said the accord signed last July had worked.\n\nThe accord "
            "provided for capital goods trade between the two\ncountries to rise to 2.0 "
            "billion dlrs over four years.")
    found = _figures(bilat_extractor, text, "1987-03-05")
    assert (("CHL", "PER"), Decimal("2000000000")) in _keys(found)


def test_a_coordinated_level_after_a_first_amount_object(bilat_extractor: Any) -> None:
    text = ("Thai investment in Vietnam Is expected to nearly double to 80 mln U.S. Dlrs "
            "in calendar 1988\nand rise to 400 mln dlrs a year by 1992, a five-year forecast "
            "said.")
    found = _figures(bilat_extractor, text, "1987-06-01")
    assert _keys(found) == {(("THA", "VNM"), Decimal("80000000")),
                            (("THA", "VNM"), Decimal("400000000"))}


def test_signing_with_a_state_for_a_credit(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Indonesia signed with Japan for a 30 billion yen credit "
                                      "facility, officials said.", "1988-04-01")
    assert _keys(found) == {(("IDN", "JPN"), Decimal("30000000000"))}
    assert found[0].source_country == "JPN" and found[0].flow == "loan"


def test_signing_with_a_bank_for_a_credit_is_no_state_loan(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Indonesia signed with Citibank for a 300 mln dlr "
                                      "credit facility, officials said.", "1988-04-01")
    assert found == []
