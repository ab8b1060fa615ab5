"""TradeFigure extractor: one behaviour per test, on short news-style sentences."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from bilat.events import TradeFigure
from bilat.triggers import load_lexicon

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _figures(extractor: Any, text: str, published: str | None = "2019-06-14"
             ) -> list[TradeFigure]:
    result = extractor.extract(text, published=published)
    return [e for e in result.events if isinstance(e, TradeFigure)]


def _one(extractor: Any, text: str, published: str | None = "2019-06-14") -> TradeFigure:
    found = _figures(extractor, text, published)
    assert len(found) == 1, [e.to_dict() for e in found]
    return found[0]


def test_lexicon_loads_with_flow_labels() -> None:
    lexicon = load_lexicon("trade_figure")
    labels = {e.label for e in lexicon.entries}
    assert labels == {"total", "export", "import", "balance", "investment", "pledge", "loan",
                      "aid"}


def test_possessor_surplus_with_partner(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Vietnam's trade surplus with Germany reached $4.2 billion "
                                "in 2018, officials said.")
    assert fig.countries == ("DEU", "VNM")
    assert fig.value is not None
    assert fig.value.amount == Decimal("4200000000") and fig.value.currency == "USD"
    assert fig.flow == "balance"
    assert fig.source_country == "VNM" and fig.partner_country == "DEU"


def test_period_year_from_attached_date(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Vietnam's trade surplus with Germany reached $4.2 billion "
                                "in 2018, officials said.")
    assert fig.period is not None and fig.period.start.year == 2018


def test_exports_to_partner_is_export_flow(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Chilean exports to South Korea rose to $3.1 billion last "
                                "year.")
    assert fig.countries == ("CHL", "KOR")
    assert fig.flow == "export"
    assert fig.source_country == "CHL"


def test_imports_from_partner_is_import_flow(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Kenyan imports from India totalled $1.8 billion in 2017.")
    assert fig.countries == ("IND", "KEN")
    assert fig.flow == "import"


def test_trade_between_two_states_is_total(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Trade between Peru and Mexico stood at $2.5 billion in "
                                "2016.")
    assert fig.countries == ("MEX", "PER")
    assert fig.flow == "total"
    assert fig.source_country is None


def test_wire_style_amount_and_currency(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Greece's trade deficit with Italy widened to 950 mln dlrs "
                                "in 1985, the statistics office said.", "1986-02-10")
    assert fig.value is not None
    assert fig.value.amount == Decimal("950000000") and fig.value.currency == "USD"
    assert fig.flow == "balance"
    assert fig.period is not None and fig.period.start.year == 1985


def test_deficit_holder_is_partner(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Greece's trade deficit with Italy widened to 950 mln dlrs "
                                "in 1985.", "1986-02-10")
    assert fig.source_country == "ITA" and fig.partner_country == "GRC"


def test_world_deficit_without_partner_is_not_a_figure(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "The U.S. trade deficit widened to $60 billion in "
                                     "March.") == []


def test_world_exports_without_partner_is_not_a_figure(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Brazil's exports rose to $21 billion in the first "
                                     "quarter.") == []


def test_trade_unions_are_not_trade(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Trade unions in Spain and Portugal demanded a $2 "
                                     "billion fund for laid-off workers.") == []


def test_percentages_are_not_figures(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Trade between Peru and Mexico rose 5 pct last year.") \
        == []


def test_unit_prices_are_not_figures(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Nigeria sold crude to India at 62 dlrs a barrel.") == []


def test_each_amount_is_its_own_figure_with_earlier_period(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Vietnam's trade surplus with Germany rose to $4.2 "
                                      "billion in 2018 from $3.6 billion.")
    by_amount = {f.value.amount: f for f in found if f.value is not None}
    assert set(by_amount) == {Decimal("4200000000"), Decimal("3600000000")}
    earlier = by_amount[Decimal("3600000000")].period
    assert earlier is not None and earlier.start.year == 2017


def test_bracketed_conversion_is_skipped(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Trade between Ireland and Canada amounted to 2.4 "
                                      "billion stg (3.1 billion dlrs) last year.", "1990-05-02")
    assert [f.value.currency for f in found if f.value is not None] == ["GBP"]


def test_currency_carries_to_later_amount(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor, "Denmark exported 1.2 billion stg worth of goods to "
                                      "Egypt last year while Danish imports from that country "
                                      "totalled 310 mln.", "1987-05-04")
    values = {(f.value.amount, f.value.currency) for f in found if f.value is not None}
    assert (Decimal("310000000"), "GBP") in values


def test_verb_sold_to_partner(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Last year Argentina sold $900 million of beef to Russia.")
    assert fig.countries == ("ARG", "RUS")
    assert fig.flow == "export"
    assert fig.source_country == "ARG"


def test_pledge_in_partner(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Japan has pledged $12 billion in port and rail projects in "
                                "Indonesia.")
    assert fig.countries == ("IDN", "JPN")
    assert fig.flow == "pledge"
    assert fig.source_country == "JPN"


def test_investment_in_partner(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "South Korean investment in Vietnam rose to $7 billion in "
                                "2019.")
    assert fig.countries == ("KOR", "VNM")
    assert fig.flow == "investment"


def test_aid_to_partner(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Sweden's aid to Mozambique totalled 400 mln crowns in "
                                "1985.", "1986-03-01")
    assert fig.countries == ("MOZ", "SWE")
    assert fig.flow == "aid"


def test_loan_flow(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "France's loan to Tunisia of 800 mln francs was approved "
                                "on Monday.", "1988-10-12")
    assert fig.flow == "loan"
    assert fig.countries == ("FRA", "TUN")


def test_giver_provides_receiver_with_a_loan(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Japan will provide Vietnam with a loan of $1.2 billion to "
                                "build a metro line, officials said.")
    assert fig.flow == "loan"
    assert fig.countries == ("JPN", "VNM")
    assert fig.source_country == "JPN"
    assert fig.partner_country == "VNM"


def test_supplied_with_aid_in_the_past(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Norway supplied Malawi with aid worth 300 million crowns "
                                "last year.", "1989-05-02")
    assert fig.countries == ("MWI", "NOR")
    assert fig.source_country == "NOR"


def test_forecast_is_planned(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Two-way trade between Chile and China is expected to rise "
                                "to $50 billion next year.")
    assert fig.modality.value == "planned"


def test_target_by_year_is_planned_with_that_period(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Trade between Egypt and Turkey is to reach $10 billion by "
                                "2023, the ministers said.")
    assert fig.modality.value == "planned"
    assert fig.period is not None and fig.period.start.year == 2023


def test_reported_figure_is_asserted(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Trade between Peru and Mexico stood at $2.5 billion in "
                                "2016.")
    assert fig.modality.value == "asserted"


def test_anaphoric_deficit_takes_previous_pair(bilat_extractor: Any) -> None:
    text = ("Spain is worried about its trade deficit with China. "
            "The deficit reached $30 billion last year, officials said.")
    fig = _one(bilat_extractor, text)
    assert fig.countries == ("CHN", "ESP")


def test_bare_exports_after_other_topic_are_not_carried(bilat_extractor: Any) -> None:
    text = ("Spain signed a tourism accord with China on Monday. "
            "Exports rose to $300 billion last year.")
    assert _figures(bilat_extractor, text) == []


def test_non_state_partner_is_not_a_figure(bilat_extractor: Any) -> None:
    text = ("Chilean exports to South Korea rose to $3.1 billion last year. "
            "Exports to Europe rose to $9 billion.")
    amounts = {f.value.amount for f in _figures(bilat_extractor, text) if f.value is not None}
    assert amounts == {Decimal("3100000000")}


def test_bilateral_trade_with_two_named_states(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Bilateral trade between Nepal and Bangladesh was worth $90 "
                                "million in 2015.")
    assert fig.countries == ("BGD", "NPL")
    assert fig.flow == "total"


def test_the_two_countries_refers_to_the_pair(bilat_extractor: Any) -> None:
    text = ("The president of Ghana arrived in Morocco for talks on bilateral trade. "
            "Trade between the two countries stood at $400 million last year.")
    fig = _one(bilat_extractor, text)
    assert fig.countries == ("GHA", "MAR")


def test_in_favour_of_is_a_balance(bilat_extractor: Any) -> None:
    text = ("Trade between Poland and Norway is lopsided, with an imbalance of some 2 "
            "billion dlrs in Norway's favour last year.")
    found = _figures(bilat_extractor, text, "1988-04-02")
    assert [(f.countries, f.flow, f.source_country) for f in found] == [
        (("NOR", "POL"), "balance", "NOR")]


def test_evidence_and_rule_are_recorded(bilat_extractor: Any) -> None:
    text = "Kenyan imports from India totalled $1.8 billion in 2017."
    fig = _one(bilat_extractor, text)
    assert fig.evidence and fig.evidence[0].text == text
    assert fig.rule.startswith("trade_figure.")


def test_no_parser_gives_no_figures() -> None:
    import spacy

    import bilat

    extractor = bilat.Extractor(spacy.blank("en"))
    result = extractor.extract("Trade between Peru and Mexico stood at $2.5 billion.")
    assert [e for e in result.events if isinstance(e, TradeFigure)] == []


# --- purchases between states, aid from the receiving side -------------------------------


def test_pledge_to_buy_weapons_is_an_import_from_the_seller(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "On Tuesday Athens pledged $3.9bn to buy American "
                                "Patriot air defence batteries.")
    assert set(fig.countries) == {"GRC", "USA"}
    assert fig.value is not None and fig.value.amount == Decimal("3900000000")
    assert fig.flow == "import"
    assert fig.source_country == "USA" and fig.partner_country == "GRC"


def test_deal_to_buy_with_seller_on_the_subject(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Algeria's military cooperation with Moscow includes a "
                                "$1.4bn deal to buy new submarines.")
    assert set(fig.countries) == {"DZA", "RUS"}
    assert fig.flow == "import" and fig.source_country == "RUS"


def test_deal_with_seller_in_the_previous_sentence(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "France hopes to win more orders in the Gulf. Under the 6 billion euro "
                     "deal signed last year, Qatar agreed to buy 36 Rafale fighters.")
    assert [(set(f.countries), f.value.amount if f.value else None) for f in found] == [
        ({"FRA", "QAT"}, Decimal("6000000000"))]


@pytest.mark.parametrize("text", [
    "Siemens signed a $1bn deal to buy a French turbine maker.",
    "The German group pledged $2bn to buy American gas turbines.",
    "China spent $3bn to buy crude oil on world markets last month.",
])
def test_no_purchase_figure_without_two_states(bilat_extractor: Any, text: str) -> None:
    assert _figures(bilat_extractor, text) == []


def test_aid_worded_from_the_receiver(bilat_extractor: Any) -> None:
    fig = _one(bilat_extractor, "Egypt will receive about 1.3 billion dlrs in U.S. military "
                                "aid this year.")
    assert fig.countries == ("EGY", "USA")
    assert fig.flow == "aid"
    assert fig.source_country == "USA" and fig.partner_country == "EGY"
    assert fig.period is not None and fig.period.start.year == 2019


def test_donor_pledge_goes_to_the_previous_recipient(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "Jordan will get 600 mln dlrs in U.S. economic aid this year. Next year "
                     "the U.S. administration has promised to ask Congress for 750 mln dlrs.",
                     "1991-02-01")
    pledge = [f for f in found if f.flow == "pledge"]
    assert len(pledge) == 1 and set(pledge[0].countries) == {"JOR", "USA"}
    assert pledge[0].period is not None and pledge[0].period.start.year == 1992


def test_pledge_to_an_agency_is_not_carried_to_the_previous_pair(bilat_extractor: Any
                                                                 ) -> None:
    found = _figures(bilat_extractor,
                     "The U.S. pledged 200 mln dlrs in aid to Jordan. Washington also "
                     "promised 50 mln dlrs to the UN refugee agency.")
    assert [f.value.amount for f in found if f.value] == [Decimal("200000000")]


def test_currency_carried_to_worth_amount(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "In 1985 Canada sold 612 mln Canadian dlrs' worth of wheat to Egypt and "
                     "bought 95.2 mln worth of cotton from Egypt.", "1986-04-02")
    got = {(f.flow, f.value.amount, f.value.currency) for f in found if f.value}
    assert ("import", Decimal("95200000"), "CAD") in got


def test_receiver_aid_takes_the_donor_of_the_story_pair(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "Japan and the Philippines signed an agreement that will channel aid to "
                     "Manila.\n\nUnder the accord, the Philippines will receive 60 billion yen "
                     "in aid this year.", "1990-05-02")
    assert [(set(f.countries), f.flow, f.source_country) for f in found] == [
        ({"JPN", "PHL"}, "aid", "JPN")]


def test_receiver_aid_without_a_donor_is_not_a_figure(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Kenya will receive about 90 mln stg in aid this year, "
                                     "officials said.") == []


def test_partner_of_a_coordinated_amount(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "Japan's surplus with the United States last year was 40.2 billion dlrs "
                     "and with EC nations, 12.1 billion dlrs.", "1990-05-02")
    got = {(f.countries, f.value.amount) for f in found if f.value}
    assert got == {(("JPN", "USA"), Decimal("40200000000")),
                   (("EUU", "JPN"), Decimal("12100000000"))}


def test_coordinated_amount_with_a_non_state_partner_is_dropped(bilat_extractor: Any
                                                                ) -> None:
    found = _figures(bilat_extractor,
                     "Japan's surplus with the United States last year was 40.2 billion dlrs "
                     "and with OPEC members, 12.1 billion dlrs.", "1990-05-02")
    assert [f.value.amount for f in found if f.value] == [Decimal("40200000000")]


def test_partner_named_by_a_possessive_takes_the_previous_pair(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "Mexico is the United States' third largest trading partner, with "
                     "two-way trade of more than 50 billion dlrs in 1987. But the U.S. ran up "
                     "a 9 billion dlr deficit in manufactured goods that year compared to a 3 "
                     "billion dlr surplus in farm trade with its neighbour.", "1988-04-07")
    got = {(f.countries, f.value.amount, f.flow) for f in found if f.value}
    assert (("MEX", "USA"), Decimal("9000000000"), "balance") in got
    assert (("MEX", "USA"), Decimal("3000000000"), "balance") in got


def test_world_balance_with_a_possessive_partner_phrase_needs_a_pair(bilat_extractor: Any
                                                                     ) -> None:
    assert _figures(bilat_extractor, "Brazil posted a 4 billion dlr surplus last year, "
                                     "largely on trade with its neighbours.") == []


def test_range_takes_the_lower_bound_for_each_side(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "The two prime ministers agreed to work towards bilateral trade of 3 "
                     "billion dlrs by 1992 between Spain and Poland. This would entail an "
                     "increase by each side of 200 to 300 mln dlrs over their present export "
                     "levels.", "1989-05-07")
    ranged = [f for f in found if f.value and f.value.max_amount is not None]
    assert len(ranged) == 1 and set(ranged[0].countries) == {"ESP", "POL"}
    assert ranged[0].value is not None and ranged[0].value.amount == Decimal("200000000")


def test_elided_flow_after_a_dash_clause(bilat_extractor: Any) -> None:
    found = _figures(bilat_extractor,
                     "The minister said Taiwan's trade surplus is causing friction - its "
                     "surplus with the United States last year was 7.1 billion dlrs and with "
                     "EC nations, 2.3 billion dlrs.", "1988-02-10")
    got = {(f.countries, f.value.amount) for f in found if f.value}
    assert (("EUU", "TWN"), Decimal("2300000000")) in got


def test_seller_in_a_phrase_inside_the_goods(bilat_extractor: Any) -> None:
    text = ("In 1986 Canada sold 612 mln Canadian dlrs' worth of\ngoods, including wheat and "
            "potash, to Egypt and bought\n95.2 mln worth of items, including cotton yarn, "
            "from Egypt.")
    found = _figures(bilat_extractor, text, "1987-03-20")
    got = {(f.flow, f.value.amount, f.value.currency, f.source_country)
           for f in found if f.value}
    assert ("import", Decimal("95200000"), "CAD", "EGY") in got


def test_two_partner_phrases_without_an_owner_are_no_pair(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Officials said the surplus with the United States was "
                                     "7.1 billion dlrs and with EC nations, 2.3 billion "
                                     "dlrs.", "1988-02-10") == []


def test_compared_figure_keeps_the_pair_of_the_first(bilat_extractor: Any) -> None:
    text = ("Mexico is the United States' third largest trading partner, with two-way trade "
            "of more than 50 billion dlrs in 1987. But the U.S. ran up a 9 billion dlr\n"
            "deficit in manufactured goods that year compared to a 3 billion dlr\nsurplus in "
            "farm trade with its neighbour.")
    found = _figures(bilat_extractor, text, "1988-04-07")
    got = {(f.countries, f.value.amount) for f in found if f.value}
    assert (("MEX", "USA"), Decimal("3000000000")) in got


def test_compared_figure_without_a_pair_before_is_dropped(bilat_extractor: Any) -> None:
    assert _figures(bilat_extractor, "Exports rose to 9 billion dlrs compared to a 3 billion "
                                     "dlr surplus in farm trade.", "1988-04-07") == []


def test_bilateral_trade_after_a_sentence_naming_the_pair(bilat_extractor: Any) -> None:
    text = ("Chile and Peru signed a port accord on Monday. Bilateral trade between the two "
            "neighbours stood at $4.1 billion last year.")
    found = _figures(bilat_extractor, text)
    assert [(f.countries, f.value.amount if f.value else None) for f in found] == [
        (("CHL", "PER"), Decimal("4100000000"))
    ]


def test_unmarked_figure_after_a_pair_sentence_is_not_bilateral(bilat_extractor: Any) -> None:
    text = "Chile and Peru signed a port accord on Monday. Exports rose to $4.1 billion last year."
    assert _figures(bilat_extractor, text) == []


def test_two_neighbours_take_the_document_protagonists(bilat_extractor: Any) -> None:
    text = ("Chile and Peru signed a port accord on Monday. Chile will dredge the harbour and "
            "Peru will build the road, officials in Chile and Peru said. "
            "The two ministers shook hands. "
            "Bilateral trade between the two neighbours stood at $4.1 billion last year.")
    found = _figures(bilat_extractor, text)
    assert [f.countries for f in found] == [("CHL", "PER")]


def test_partner_phrase_on_the_goods_imported(bilat_extractor: Any) -> None:
    text = "India's imports of crude oil from Iraq fell to $9.2 billion in 2018."
    found = _figures(bilat_extractor, text)
    assert [(f.countries, f.flow) for f in found] == [(("IND", "IRQ"), "import")]
