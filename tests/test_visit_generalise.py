"""Visits the way unseen news tells them (issue 14): wrapped wire copy, officials named by
role, tours and itineraries, meetings abroad. Sentences are our own, in news style."""

from __future__ import annotations

from typing import Any

from bilat.events import Visit

PUBLISHED = "2024-03-13"  # a Wednesday


def visits(extractor: Any, text: str, published: str | None = PUBLISHED) -> list[Visit]:
    result = extractor.extract(text, published=published)
    return [e for e in result.events if isinstance(e, Visit)]


def keys(extractor: Any, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.visitor_country, e.host_country) for e in visits(extractor, text)}


# --- wire copy wrapped inside a title or a name ---------------------------------------------


def test_title_and_name_wrapped_over_lines(bilat_extractor: Any) -> None:
    text = ("Chilean Foreign Trade Minister\nAlvaro Montes Lagos said on Tuesday his\n"
            "two-week trip to Canada would end in Ottawa.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("CHL", "CAN")
    assert event.visitor is not None and event.visitor.name.endswith("Lagos")


def test_name_wrapped_between_given_name_and_surname(bilat_extractor: Any) -> None:
    text = ("Crowds lined the route of Austrian President Ingrid\nVolkmar's motorcade. "
            "Volkmar arrived in Lima on Monday.")
    assert keys(bilat_extractor, text) == {("AUT", "PER")}


def test_paragraph_break_does_not_join_names(nlp: Any) -> None:
    from bilat.context import DocumentContext

    doc = nlp("He met the Danish Prime Minister.\n\nLars Holm stayed home.")
    people = [m for m in DocumentContext(doc, None).actors.mentions if m.kind == "person"]
    assert people == []


# --- officials named by their role -------------------------------------------------------------


def test_the_prime_minister_is_the_one_named_before(bilat_extractor: Any) -> None:
    text = ("Portuguese Prime Minister Rui Carvalho called for calm on the markets. "
            "The prime minister, on the second day of a three-day visit to Brazil, "
            "said growth would return.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("PRT", "BRA")
    assert event.visitor is not None and event.visitor.name.endswith("Carvalho")


def test_the_nationality_leader_possessive(bilat_extractor: Any) -> None:
    text = ("Swiss President Anna Keller met business leaders on Monday. "
            "Talks on trade opened the Swiss leader's visit to Kenya.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("CHE", "KEN")
    assert event.visitor is not None and event.visitor.name.endswith("Keller")


def test_the_prime_minister_with_two_prime_ministers_named_stays_unresolved(
    bilat_extractor: Any,
) -> None:
    text = ("Portuguese Prime Minister Rui Carvalho spoke to Greek Prime Minister Nikos "
            "Pappas by phone. The prime minister will travel to Morocco next week.")
    assert keys(bilat_extractor, text) == set()


def test_a_president_is_no_description_of_one_person(bilat_extractor: Any) -> None:
    text = ("Swiss President Anna Keller spoke on Monday. "
            "A president of a football club flew to Kenya on Tuesday.")
    assert keys(bilat_extractor, text) == set()


# --- one journey, many stops --------------------------------------------------------------------


def test_places_of_things_visited_are_hosts(bilat_extractor: Any) -> None:
    text = ("Irish President Mary Doyle will visit a school in Ghana and a clinic in Togo "
            "next week.")
    assert keys(bilat_extractor, text) == {("IRL", "GHA"), ("IRL", "TGO")}


def test_visited_site_in_a_foreign_capital(bilat_extractor: Any) -> None:
    text = "Dutch Prime Minister Jan de Vries visited a camp in the Jordanian capital Amman."
    assert keys(bilat_extractor, text) == {("NLD", "JOR")}


def test_tour_which_includes_two_states(bilat_extractor: Any) -> None:
    text = ("Austrian Chancellor Karl Weber arrived in Lima on Monday, opening a South "
            "American tour which includes Chile and Uruguay.")
    assert keys(bilat_extractor, text) == {("AUT", "PER"), ("AUT", "CHL"), ("AUT", "URY")}


def test_tour_with_stops_in_a_list(bilat_extractor: Any) -> None:
    text = ("Spanish Foreign Minister Ana Ruiz left on Sunday on a regional tour with stops "
            "in Ghana, Nigeria and Senegal.")
    assert keys(bilat_extractor, text) == {("ESP", "GHA"), ("ESP", "NGA"), ("ESP", "SEN")}


def test_tour_of_two_states(bilat_extractor: Any) -> None:
    text = "Japanese Prime Minister Ken Sato began a tour of Vietnam and Laos on Tuesday."
    assert keys(bilat_extractor, text) == {("JPN", "VNM"), ("JPN", "LAO")}


def test_will_also_stop_in_a_capital(bilat_extractor: Any) -> None:
    text = ("Canadian Prime Minister Paul Roy flies to Tokyo on Friday. Roy will also stop "
            "in Seoul on the way home.")
    assert keys(bilat_extractor, text) == {("CAN", "JPN"), ("CAN", "KOR")}


def test_meeting_of_a_body_placed_in_a_foreign_city(bilat_extractor: Any) -> None:
    text = ("British Chancellor Gordon Brown will chair a meeting of the Commission for "
            "Africa in Cape Town on Friday.")
    assert keys(bilat_extractor, text) == {("GBR", "ZAF")}


def test_domestic_tour_stops_are_no_visits(bilat_extractor: Any) -> None:
    text = ("French President Claire Martin began a tour of Lyon and Marseille on Monday, "
            "with stops in Nice and Toulon.")
    assert keys(bilat_extractor, text) == set()


def test_buses_stopping_in_a_city_are_no_visit(bilat_extractor: Any) -> None:
    text = "Polish buses stopped in Berlin on Monday after the border closed."
    assert keys(bilat_extractor, text) == set()


def test_football_team_tour_is_no_visit(bilat_extractor: Any) -> None:
    text = "The Brazilian national team will tour Spain and Portugal in June."
    assert keys(bilat_extractor, text) == set()


def test_name_particle_before_a_line_break(bilat_extractor: Any) -> None:
    text = ("Crowds greeted Belgian King Albert von\nHolstein in Accra. Von Holstein's "
            "visit to Ghana ends on Friday.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("BEL", "GHA")
    assert event.visitor is not None and event.visitor.name == "Albert von Holstein"


# --- a visit whose travel word names no host ----------------------------------------------------


def test_visit_without_destination_takes_the_other_state_of_its_sentence(
    bilat_extractor: Any,
) -> None:
    text = ("Washington expects smooth talks during Italian Prime Minister Marco Greco's "
            "first official visit this week.")
    assert keys(bilat_extractor, text) == {("ITA", "USA")}


def test_met_the_host_during_a_visit(bilat_extractor: Any) -> None:
    text = ("Swedish President Eva Lind met Chilean President Jorge Soto on the first day "
            "of the Swedish leader's four-day visit.")
    assert keys(bilat_extractor, text) == {("SWE", "CHL")}


def test_visiting_a_site_takes_no_host_from_the_sentence(bilat_extractor: Any) -> None:
    text = ("Indian Prime Minister Ravi Rao visited the plant, which a Japanese firm "
            "built last year.")
    assert keys(bilat_extractor, text) == set()


def test_visit_to_a_non_state_destination_takes_no_host(bilat_extractor: Any) -> None:
    text = ("Mexican Finance Minister Luis Ortega, speaking after a visit to the World Bank, "
            "said Treasury Secretary James Baker backed the loan.")
    assert keys(bilat_extractor, text) == set()


def test_visit_with_two_other_states_named_stays_without_host(bilat_extractor: Any) -> None:
    text = ("During his visit, Greek Prime Minister Nikos Pappas criticised both Turkey "
            "and Russia.")
    assert keys(bilat_extractor, text) == set()


# --- officials the resolver does not know -------------------------------------------------------


def test_minister_with_an_unlisted_portfolio(bilat_extractor: Any) -> None:
    text = ("A commission headed by Peruvian Fisheries Development Minister Rosa Quispe will "
            "travel to Ecuador on Thursday.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("PER", "ECU")
    assert event.visitor is not None and event.visitor.title == "Fisheries Development Minister"


def test_minister_without_nationality_serves_the_story_state(bilat_extractor: Any) -> None:
    text = ("Kenya seeks debt relief\n\nKenya will ask its creditors for more time, Finance "
            "Minister Peter Otieno said. Otieno flew to London on Monday for talks with "
            "Kenya's lenders.")
    assert keys(bilat_extractor, text) == {("KEN", "GBR")}


def test_company_president_gets_no_home_state(bilat_extractor: Any) -> None:
    text = ("Kenya seeks debt relief\n\nKenya will ask its creditors for more time. "
            "Acme President John Mwangi flew to London on Monday.")
    assert keys(bilat_extractor, text) == set()


def test_no_home_state_when_no_state_is_named_twice(bilat_extractor: Any) -> None:
    text = "Finance Minister Peter Otieno flew to London on Monday."
    assert keys(bilat_extractor, text) == set()


# --- meetings abroad ------------------------------------------------------------------------------


def test_meetings_scheduled_in_a_capital_between_two_leaders(bilat_extractor: Any) -> None:
    text = ("The meetings scheduled next month in Ottawa between Canadian Prime Minister "
            "Paul Roy and Japanese Prime Minister Ken Sato will cover trade.")
    assert keys(bilat_extractor, text) == {("JPN", "CAN")}


def test_possessor_of_talks_abroad_attends_them(bilat_extractor: Any) -> None:
    text = ("Indian Finance Minister Arun Rao said his talks in Washington last week "
            "had gone well.")
    assert keys(bilat_extractor, text) == {("IND", "USA")}


def test_pronoun_in_a_fronted_phrase_is_the_subject_after_it(bilat_extractor: Any) -> None:
    text = ("Syrian President Bashar al-Assad was not invited. Following his talks with "
            "Chancellor Olaf Scholz in Berlin, Polish President Andrzej Duda said ties were "
            "strong.")
    assert keys(bilat_extractor, text) == {("POL", "DEU")}


def test_fronted_pronoun_before_an_unknown_name_is_not_the_earlier_person(
    bilat_extractor: Any,
) -> None:
    text = ("Syrian President Bashar al-Assad was not invited. Following his talks with "
            "Chancellor Olaf Scholz in Berlin, Zorbek said ties were strong.")
    assert keys(bilat_extractor, text) == set()


def test_domestic_meeting_is_no_visit(bilat_extractor: Any) -> None:
    text = ("The meetings scheduled next week in Paris between French President Claire "
            "Martin and French business leaders will cover tax.")
    assert keys(bilat_extractor, text) == set()


def test_visit_without_destination_in_a_story_about_the_host(bilat_extractor: Any) -> None:
    text = ("Bolivian miners block roads\n\nBolivian miners blocked roads into La Paz on "
            "Tuesday. The Bolivian government called for calm. Austrian President Ingrid "
            "Volkmar arrives on a four-day official tour on Friday.")
    (event,) = visits(bilat_extractor, text)
    assert (event.visitor_country, event.host_country) == ("AUT", "BOL")
    assert event.location is None


def test_visit_without_destination_in_a_story_about_the_visitor_has_no_host(
    bilat_extractor: Any,
) -> None:
    text = ("Austrian budget row\n\nAustria's parliament rejected the budget. The Austrian "
            "government will try again. Austrian President Ingrid Volkmar begins a "
            "four-day official tour on Friday.")
    assert keys(bilat_extractor, text) == set()


# --- more ways to say travel ---------------------------------------------------------------------


def test_delegation_is_now_in_a_state(bilat_extractor: Any) -> None:
    text = "A Chilean delegation is now in Japan for talks on copper exports."
    assert keys(bilat_extractor, text) == {("CHL", "JPN")}


def test_citizens_still_in_a_state_are_no_visit(bilat_extractor: Any) -> None:
    text = "Thousands of Chilean tourists are still in Japan after the storm."
    assert keys(bilat_extractor, text) == set()


def test_before_his_departure_for_a_capital(bilat_extractor: Any) -> None:
    text = ("Speaking before his departure for Rome, Egyptian Foreign Minister Sami Adel "
            "said the talks would focus on migration.")
    assert keys(bilat_extractor, text) == {("EGY", "ITA")}


def test_on_his_way_to_a_capital_where_he_will_arrive(bilat_extractor: Any) -> None:
    text = ("Kenyan President Daniel Kamau is on his way to Seoul, where he is to arrive "
            "on Sunday for talks.")
    found = visits(bilat_extractor, text)
    assert {(e.visitor_country, e.host_country) for e in found} == {("KEN", "KOR")}


def test_the_way_to_peace_is_no_trip(bilat_extractor: Any) -> None:
    text = ("Kenyan President Daniel Kamau said the only way to peace in Sudan was talks "
            "in Nairobi.")
    assert keys(bilat_extractor, text) == set()


def test_received_a_loan_from_a_state_is_no_hosting(bilat_extractor: Any) -> None:
    text = "Mexico on Monday received the first tranche of a loan from Japan's export bank."
    assert keys(bilat_extractor, text) == set()


def test_met_on_the_sidelines_of_a_summit_abroad(bilat_extractor: Any) -> None:
    text = ("Indian Prime Minister Ravi Rao met Chinese Premier Li Wen on the sidelines of "
            "the G20 summit in Osaka on Friday.")
    assert keys(bilat_extractor, text) == {("IND", "JPN"), ("CHN", "JPN")}


def test_spoke_at_a_meeting_of_ministers_in_a_foreign_capital(bilat_extractor: Any) -> None:
    text = ("German Foreign Minister Heiko Maas spoke at a meeting of EU foreign ministers "
            "in Vienna on Monday.")
    assert keys(bilat_extractor, text) == {("DEU", "AUT")}


def test_attended_a_funeral_abroad(bilat_extractor: Any) -> None:
    text = "Brazilian President Ana Costa attended the state funeral in Tokyo on Friday."
    assert keys(bilat_extractor, text) == {("BRA", "JPN")}


def test_signed_an_accord_in_a_foreign_capital(bilat_extractor: Any) -> None:
    text = ("Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Vidal "
            "signed the border accord in Madrid on Tuesday.")
    assert keys(bilat_extractor, text) == {("PER", "ESP"), ("CHL", "ESP")}


def test_attending_a_meeting_at_home_is_no_visit(bilat_extractor: Any) -> None:
    text = "Brazilian President Ana Costa attended a cabinet meeting in Brasilia on Friday."
    assert keys(bilat_extractor, text) == set()


def test_treaty_signed_long_ago_names_no_visitor(bilat_extractor: Any) -> None:
    text = "The treaty, signed in Paris in 1951, bound six states together."
    assert keys(bilat_extractor, text) == set()


def test_travel_advice_is_no_visit(bilat_extractor: Any) -> None:
    text = "The British government has advised against all travel to Syria since 2011."
    assert keys(bilat_extractor, text) == set()


def test_owned_travel_noun_is_a_visit(bilat_extractor: Any) -> None:
    text = "Iranian Foreign Minister Ali Rezaei's travel to Oman was kept secret."
    assert keys(bilat_extractor, text) == {("IRN", "OMN")}


def test_flew_into_and_touched_down_in(bilat_extractor: Any) -> None:
    text = "Ghanaian President Kofi Mensah flew into Madrid on Monday."
    assert keys(bilat_extractor, text) == {("GHA", "ESP")}
    text = "Ghanaian President Kofi Mensah touched down in Lisbon on Tuesday."
    assert keys(bilat_extractor, text) == {("GHA", "PRT")}


def test_jetted_off_to_a_capital(bilat_extractor: Any) -> None:
    text = "Ghanaian President Kofi Mensah jetted off to Paris on Monday for talks."
    assert keys(bilat_extractor, text) == {("GHA", "FRA")}


def test_a_rocket_touching_down_is_no_visit(bilat_extractor: Any) -> None:
    text = "The Russian capsule touched down in Kazakhstan on Monday."
    assert keys(bilat_extractor, text) == set()


# --- the traveller named outside the sentence -----------------------------------------------------


def test_unowned_trip_belongs_to_the_story_official(bilat_extractor: Any) -> None:
    text = ("South Korean Trade Minister Min-ho Park said exports were rising. Park said buyers "
            "were keen. The two-week trip to Canada ends on Friday.")
    assert keys(bilat_extractor, text) == {("KOR", "CAN")}


def test_unowned_trip_with_two_equal_officials_has_no_traveller(bilat_extractor: Any) -> None:
    text = ("South Korean Trade Minister Min-ho Park met Thai Trade Minister Somchai Wong. Park "
            "and Wong agreed on rice. The two-week trip to Canada ends on Friday.")
    assert keys(bilat_extractor, text) == set()


def test_unowned_trip_is_not_given_to_an_official_of_the_host(bilat_extractor: Any) -> None:
    text = ("Canadian Trade Minister Anne Roy said exports were rising. Roy said buyers "
            "were keen. The two-week trip to Canada by the buyers ends on Friday.")
    assert keys(bilat_extractor, text) == set()


def test_meeting_of_ministers_of_listed_states_abroad(bilat_extractor: Any) -> None:
    text = ("A meeting of the foreign ministers of France, Germany and Britain in Vienna "
            "ended on Monday.")
    assert keys(bilat_extractor, text) == {("FRA", "AUT"), ("DEU", "AUT"), ("GBR", "AUT")}


def test_meeting_of_eu_ministers_is_no_visit_of_the_union(bilat_extractor: Any) -> None:
    text = "A meeting of EU foreign ministers in Vienna ended on Monday."
    assert keys(bilat_extractor, text) == set()


def test_the_pope_visits_for_the_holy_see(bilat_extractor: Any) -> None:
    text = "Pope Francis arrived in Baghdad on Friday for a three-day visit."
    assert visits(bilat_extractor, text, published="2021-03-05")[0].visitor_country == "VAT"
    assert keys(bilat_extractor, text) == {("VAT", "IRQ")}


def test_a_pope_named_outside_his_reign_is_not_resolved(bilat_extractor: Any) -> None:
    text = "Pope Francis arrived in Baghdad on Friday for a three-day visit."
    assert visits(bilat_extractor, text, published="1990-03-05") == []


def test_country_possessive_title_and_name(bilat_extractor: Any) -> None:
    text = "Britain's Prime Minister Theresa May flew to Beijing on Monday."
    (event,) = visits(bilat_extractor, text, published="2018-01-29")
    assert (event.visitor_country, event.host_country) == ("GBR", "CHN")
    assert event.visitor is not None and event.visitor.name == "Theresa May"


def test_country_possessive_title_without_name(bilat_extractor: Any) -> None:
    text = "Norway's foreign minister flew to Havana on Monday."
    assert keys(bilat_extractor, text) == {("NOR", "CUB")}


def test_royal_titles(bilat_extractor: Any) -> None:
    text = "Japanese Emperor Naruhito arrived in Jakarta on Monday."
    assert keys(bilat_extractor, text) == {("JPN", "IDN")}
    text = "Queen Elizabeth arrived in Berlin on Tuesday for a state visit."
    assert visits(bilat_extractor, text, published="2015-06-23")[0].host_country == "DEU"


def test_company_possessive_chief_is_no_state_official(bilat_extractor: Any) -> None:
    text = "Toyota's chief executive flew to Mexico on Monday."
    assert keys(bilat_extractor, text) == set()


def test_heads_to_a_state_even_when_tagged_as_a_noun(bilat_extractor: Any) -> None:
    text = "Argentine President Javier Milei heads to Israel on Tuesday."
    assert keys(bilat_extractor, text) == {("ARG", "ISR")}


def test_voters_heading_to_the_polls_is_no_visit(bilat_extractor: Any) -> None:
    text = "Spanish voters head to the polls in Madrid on Sunday."
    assert keys(bilat_extractor, text) == set()


def test_welcomed_for_a_state_visit_only_the_guest_visits(bilat_extractor: Any) -> None:
    text = "Vietnam welcomed Chinese leader Xi Jinping for a two-day state visit on Tuesday."
    assert keys(bilat_extractor, text) == {("CHN", "VNM")}


def test_talks_deep_in_a_phrase_reach_their_verb(bilat_extractor: Any) -> None:
    text = ("Italian Prime Minister Marco Greco returned to Rome on Thursday after three "
            "days of talks in New York and Washington.")
    assert keys(bilat_extractor, text) == {("ITA", "USA")}


def test_passive_hosting_the_subject_is_the_guest(bilat_extractor: Any) -> None:
    text = ("Peruvian President Ana Flores was received by Chinese Premier Li Wen in Beijing "
            "on Monday.")
    assert keys(bilat_extractor, text) == {("PER", "CHN")}
    text = "Peruvian President Ana Flores was greeted by Chinese Premier Li Wen at the airport."
    assert keys(bilat_extractor, text) == {("PER", "CHN")}


def test_passive_welcome_of_a_team_is_no_visit(bilat_extractor: Any) -> None:
    text = "The Peruvian team was welcomed by fans in Beijing on Monday."
    assert keys(bilat_extractor, text) == set()


def test_possessive_pronoun_refers_to_its_clause_subject(bilat_extractor: Any) -> None:
    text = ("Chinese Premier Li Wen spoke first. Peruvian President Ana Flores thanked Li "
            "for the talks during her visit to Beijing.")
    assert keys(bilat_extractor, text) == {("PER", "CHN")}


def test_meeting_in_a_phrase_under_a_future_verb_is_planned(bilat_extractor: Any) -> None:
    from bilat.values import Modality

    text = ("British Chancellor Gordon Brown will visit a clinic in Ghana before chairing a "
            "meeting of the Commission for Africa in Nairobi.")
    found = visits(bilat_extractor, text)
    assert {(e.visitor_country, e.host_country) for e in found} == {("GBR", "GHA"),
                                                                      ("GBR", "KEN")}
    assert all(e.modality is Modality.PLANNED for e in found)


def test_phrase_under_a_past_verb_stays_asserted(bilat_extractor: Any) -> None:
    from bilat.values import Modality

    text = ("British Chancellor Gordon Brown visited a clinic in Ghana before chairing a "
            "meeting of the Commission for Africa in Nairobi.")
    found = visits(bilat_extractor, text)
    assert found and all(e.modality is Modality.ASSERTED for e in found)


def test_official_named_by_apposition(bilat_extractor: Any) -> None:
    text = "Wang Yi, China's foreign minister, arrived in Canberra on Monday."
    assert keys(bilat_extractor, text) == {("CHN", "AUS")}
    text = "Sergei Lavrov, the foreign minister of Russia, flew to Ankara on Monday."
    assert keys(bilat_extractor, text) == {("RUS", "TUR")}


def test_company_chief_by_apposition_is_no_official(bilat_extractor: Any) -> None:
    text = "Tim Cook, Apple's chief executive, flew to Beijing on Monday."
    assert keys(bilat_extractor, text) == set()
    text = "John Smith, a British tourist, arrived in Bangkok on Monday."
    assert keys(bilat_extractor, text) == set()


def test_a_national_who_travelled_is_no_state_visit(bilat_extractor: Any) -> None:
    text = "A British-born teenager who travelled to Syria in 2015 wants to come home."
    assert keys(bilat_extractor, text) == set()


def test_the_people_named_as_such_are_its_envoys(bilat_extractor: Any) -> None:
    text = ("Nigerian Finance Minister Chu Okongwu signed the accord in London on Tuesday. "
            "The Nigerians will go on to Paris on Wednesday for talks.")
    assert ("NGA", "FRA") in keys(bilat_extractor, text)


def test_official_in_a_country_as_an_aside(bilat_extractor: Any) -> None:
    text = ("French Foreign Minister Anne Roux, in New Zealand for informal trade talks, "
            "said progress was slow.")
    assert keys(bilat_extractor, text) == {("FRA", "NZL")}


def test_investment_in_a_country_is_no_aside(bilat_extractor: Any) -> None:
    text = "French Foreign Minister Anne Roux said investment in New Zealand was slow."
    assert keys(bilat_extractor, text) == set()
