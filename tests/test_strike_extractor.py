"""Strike extractor: roles, kind, casualties, location and modality on news-style sentences."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.events import Strike


def strikes(extractor: Any, text: str) -> list[Strike]:
    result = extractor.extract(text, published="2024-05-01")
    return [e for e in result.events if isinstance(e, Strike)]


def keys(extractor: Any, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.attacker_country, e.target_country) for e in strikes(extractor, text)}


def test_demonym_subject_bombs_place_in_other_state(bilat_extractor: Any) -> None:
    text = "Russian jets bombed rebel positions near Idlib in northern Syria on Tuesday."
    assert keys(bilat_extractor, text) == {("RUS", "SYR")}


def test_by_phrase_gives_attacker_and_province_gives_location(bilat_extractor: Any) -> None:
    text = ("Officials said bombardment by Pakistani military aircraft in Afghanistan's "
            "eastern Khost province destroyed several houses.")
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("PAK", "AFG")
    assert event.location is not None and "Khost" in event.location.name


def test_killed_count_with_lower_bound(bilat_extractor: Any) -> None:
    text = "Israeli airstrikes on the Lebanese town of Nabatieh killed at least 12 people."
    (event,) = strikes(bilat_extractor, text)
    assert event.killed is not None and event.killed.min == 12 and event.killed.max is None


def test_killed_and_injured_counts(bilat_extractor: Any) -> None:
    text = ("Planes from Afghanistan attacked Pakistani villages on Thursday, killing 25 "
            "people and wounding 80 others.")
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("AFG", "PAK")
    assert event.killed is not None and event.killed.min == 25
    assert event.injured is not None and event.injured.min == 80


def test_attack_on_ship_targets_flag_state(bilat_extractor: Any) -> None:
    text = "Iraqi warplanes attacked a Greek tanker in the northern Gulf on Sunday."
    assert keys(bilat_extractor, text) == {("IRQ", "GRC")}


def test_shooting_down_a_jet_targets_its_state(bilat_extractor: Any) -> None:
    text = "Turkey shot down a Syrian military helicopter near the border in 2014."
    assert keys(bilat_extractor, text) == {("TUR", "SYR")}


def test_possessive_incursion_into_place(bilat_extractor: Any) -> None:
    text = "Turkey's incursion into Aleppo province drew sharp criticism from Damascus."
    assert ("TUR", "SYR") in keys(bilat_extractor, text)


def test_shelling_kind_is_artillery(bilat_extractor: Any) -> None:
    text = "Indian troops shelled Pakistani border posts in Kashmir overnight."
    (event,) = strikes(bilat_extractor, text)
    assert event.kind == "artillery"


def test_drone_strike_kind(bilat_extractor: Any) -> None:
    text = "A US drone strike in Yemen's Shabwa province killed four suspected militants."
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("USA", "YEM")
    assert event.kind == "drone"


def test_missile_attack_on_capital(bilat_extractor: Any) -> None:
    text = "Iranian missile attacks on Baghdad continued for a third day."
    assert keys(bilat_extractor, text) == {("IRN", "IRQ")}


def test_party_report_is_claimed(bilat_extractor: Any) -> None:
    text = "Iraq said its warplanes had struck an Iranian oil terminal on Kharg island."
    (event,) = strikes(bilat_extractor, text)
    assert event.modality.value == "claimed"
    assert event.claimed_by is not None and event.claimed_by.country == "IRQ"


def test_third_party_report_is_asserted(bilat_extractor: Any) -> None:
    text = "Israeli jets raided targets east of Tyre in southern Lebanon, local radio said."
    (event,) = strikes(bilat_extractor, text)
    assert event.modality.value == "asserted"


def test_threatened_offensive_is_planned(bilat_extractor: Any) -> None:
    text = "Turkey will launch an offensive into northern Syria within days, Erdogan said."
    events = [e for e in strikes(bilat_extractor, text) if e.attacker_country == "TUR"]
    assert events and all(e.modality.value == "planned" for e in events)


def test_hypothetical_strike_is_dropped(bilat_extractor: Any) -> None:
    text = "Analysts warned that a US strike on Iran could trigger a wider regional war."
    assert strikes(bilat_extractor, text) == []


def test_domestic_airstrikes_are_not_strikes(bilat_extractor: Any) -> None:
    text = "Syrian government airstrikes on Homs killed 15 civilians on Monday."
    assert strikes(bilat_extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers in Britain went on strike over pay on Monday.",
        "Japan hopes to strike a trade deal with Australia this year.",
        "The opposition leader began a hunger strike in Cairo.",
        "Police raided the offices of a newspaper in Istanbul.",
        "Lightning strikes sparked bushfires across New South Wales.",
        "The French president attacked the German proposal as unworkable.",
    ],
)
def test_non_military_uses_are_not_strikes(bilat_extractor: Any, text: str) -> None:
    assert strikes(bilat_extractor, text) == []


def test_passive_hit_with_no_attacker_takes_the_stated_one(bilat_extractor: Any) -> None:
    text = ("Iraqi warplanes struck Iran's Kharg island oil terminal on Monday. "
            "The terminal at Kharg island was hit again on Tuesday.")
    assert keys(bilat_extractor, text) == {("IRQ", "IRN")}


# --------------------------------------------------------------------------- recall rules


def test_relative_clause_attacker_and_coordinated_theatres(bilat_extractor: Any) -> None:
    text = ("The Dutch F-16s, which had been involved in bombing militant positions in Iraq "
            "and Syria, returned to their base in the Netherlands.")
    assert keys(bilat_extractor, text) == {("NLD", "IRQ"), ("NLD", "SYR")}


def test_planned_crossing_into_foreign_territory(bilat_extractor: Any) -> None:
    text = ("Iran's defence minister said Iranian troops were ready to cross the river into "
            "Iraq within days.")
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("IRN", "IRQ")
    assert event.kind == "ground"
    assert event.modality.value == "planned"


def test_state_push_into_foreign_territory(bilat_extractor: Any) -> None:
    text = "Analysts expect a Kenyan push into southern Somalia before the rains."
    assert keys(bilat_extractor, text) == {("KEN", "SOM")}


def test_people_crossing_a_border_are_not_a_strike(bilat_extractor: Any) -> None:
    text = "Thousands of Sudanese refugees crossed the border into Chad last week."
    assert strikes(bilat_extractor, text) == []


def test_domestic_troops_crossing_are_not_a_strike(bilat_extractor: Any) -> None:
    text = "Nigerian troops crossed the river into Borno state to pursue the insurgents."
    assert keys(bilat_extractor, text) <= {("NGA", None)}
    assert all(e.target_country != "NGA" for e in strikes(bilat_extractor, text))


def test_background_intervention_takes_the_theatre_state(bilat_extractor: Any) -> None:
    text = ("Libya's rival factions met in Tripoli on Monday. The talks follow years of "
            "fighting since Egypt's military intervention in 2020 tipped the balance.")
    assert keys(bilat_extractor, text) == {("EGY", "LBY")}


def test_coalition_airstrikes_against_a_group_in_a_named_city(bilat_extractor: Any) -> None:
    text = ("The recapture of Mosul was the work of Iraqi ground troops, backed by "
            "US-led coalition airstrikes against Islamic State.")
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("USA", "IRQ")
    assert event.location is not None and event.location.name == "Mosul"


def test_theatre_needs_one_foreign_state(bilat_extractor: Any) -> None:
    text = ("French and German diplomats met in Vienna. They discussed Russia's military "
            "intervention in 2015.")
    assert strikes(bilat_extractor, text) == []


def test_bare_intervention_is_not_given_a_theatre(bilat_extractor: Any) -> None:
    text = ("Voters in Moldova went to the polls on Sunday. Officials warned of Russia's "
            "intervention in the campaign.")
    assert strikes(bilat_extractor, text) == []


def test_earlier_sentence_names_the_theatre_past_a_stateless_one(bilat_extractor: Any) -> None:
    text = ("Ethiopian tanks rolled towards Mogadishu in Somalia. The move caught many by "
            "surprise. The initial incursion by Ethiopian troops met little resistance.")
    assert ("ETH", "SOM") in keys(bilat_extractor, text)


def test_first_incursion_is_an_operation(bilat_extractor: Any) -> None:
    text = ("Rebels in Lebanon recalled Israel's first big incursion into Lebanon, in 1978, "
            "as the worst.")
    assert ("ISR", "LBN") in keys(bilat_extractor, text)


def test_first_strike_doctrine_is_not_a_strike(bilat_extractor: Any) -> None:
    text = "China has pledged no first strike on any state, its defence ministry said."
    assert strikes(bilat_extractor, text) == []


def test_military_attacker_strikes_take_the_theatre_of_their_sentence(bilat_extractor: Any) -> None:
    text = ("Twelve civilians died on Monday when French jets carried out strikes in support "
            "of Malian troops fighting near Timbuktu.")
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("FRA", "MLI")
    assert event.location is not None and event.location.name == "Timbuktu"


def test_weak_strike_does_not_borrow_a_theatre_from_an_earlier_sentence(
        bilat_extractor: Any) -> None:
    text = ("Kenya closed its border with Somalia last year. Kenyan troops carried out "
            "strikes in support of police in the north on Monday.")
    assert all(e.target_country != "SOM" for e in strikes(bilat_extractor, text))


def test_like_phrase_adds_a_co_attacker(bilat_extractor: Any) -> None:
    text = ("The Danish jets, which like their British counterparts had been engaged in "
            "bombing militant positions in Iraq, flew home on Friday.")
    assert keys(bilat_extractor, text) == {("DNK", "IRQ"), ("GBR", "IRQ")}


def test_like_phrase_on_a_reporting_verb_adds_no_attacker(bilat_extractor: Any) -> None:
    text = "Like France, Germany condemned the Russian airstrikes on Aleppo in Syria."
    assert keys(bilat_extractor, text) == {("RUS", "SYR")}


def test_unplaced_named_location_blocks_the_theatre_guess(bilat_extractor: Any) -> None:
    text = ("Sudan's economy has suffered since the 1990s. Egypt's military campaign "
            "against smugglers in Sinai continued.")
    assert strikes(bilat_extractor, text) == []


def test_hypothetical_push_is_not_a_strike(bilat_extractor: Any) -> None:
    text = "A Turkish push into Syria could destabilise the whole region, analysts warned."
    assert strikes(bilat_extractor, text) == []


def test_domestic_push_is_not_a_strike(bilat_extractor: Any) -> None:
    text = "Syrian government forces pushed into rebel-held Idlib province on Monday."
    assert strikes(bilat_extractor, text) == []


def test_unresolved_place_is_the_location_of_a_strike(bilat_extractor: Any) -> None:
    found = strikes(bilat_extractor,
                    "Ethiopian jets bombed the Eritrean town of Gulbub on Monday, "
                    "residents said.")
    located = [s for s in found if s.target_country == "ERI" and s.location is not None]
    assert located and "gulbub" in located[0].location.name.lower()
    assert located[0].location.country == "ERI"



def test_unresolved_island_is_the_location(bilat_extractor: Any) -> None:
    found = strikes(bilat_extractor, "Iraqi jets hit the Iranian oil terminal at Lavan island "
                    "on Tuesday.")
    located = [s for s in found if s.target_country == "IRN" and s.location is not None]
    assert located and "lavan" in located[0].location.name.lower()


def test_ship_name_is_not_a_location(bilat_extractor: Any) -> None:
    found = strikes(bilat_extractor, "Iraqi warplanes attacked the Iranian tanker Shirvan "
                    "in the Gulf on Sunday.")
    assert all(s.location is None or "shirvan" not in s.location.name.lower() for s in found)


def test_follow_up_by_the_planes_refines_a_reference_point(bilat_extractor: Any) -> None:
    text = ("Syrian jets bombed rebel positions north of the Jordanian town of Ramtha on "
            "Monday, witnesses said. The planes attacked positions in the Kafr Asad "
            "area, a few kilometres north of Ramtha, and smoke rose over the valley.")
    found = [s for s in strikes(bilat_extractor, text) if s.attacker_country == "SYR"]
    assert {s.target_country for s in found} == {"JOR"}
    assert all(s.location is not None and "kafr" in s.location.name.lower() for s in found)


def test_bare_warplanes_take_the_attacker_of_the_strike_just_reported(
        bilat_extractor: Any) -> None:
    text = ("Iraq said today its warplanes had attacked two Iranian oil platforms. "
            "Shipping sources confirmed the raids. A military communique said warplanes "
            "hit the loading jetty at Iran's Lavan island terminal in the afternoon.")
    found = [s for s in strikes(bilat_extractor, text) if s.target_country == "IRN"]
    assert found and all(s.attacker_country == "IRQ" for s in found)
    assert any(s.location is not None and "lavan" in s.location.name.lower() for s in found)


def test_bare_warplanes_without_an_earlier_strike_stay_unattributed(
        bilat_extractor: Any) -> None:
    text = ("Talks on the border dispute resumed in Geneva. Diplomats said warplanes hit "
            "a fuel depot at Iran's Lavan island on Sunday.")
    assert all(s.attacker_country is None for s in strikes(bilat_extractor, text))


def test_reference_point_alone_still_locates_the_strike(bilat_extractor: Any) -> None:
    text = "Israeli jets bombed targets east of the Lebanese port of Tyre on Friday."
    (event,) = strikes(bilat_extractor, text)
    assert event.location is not None and "Tyre" in event.location.name


def test_state_pronoun_attacker_after_a_reporting_verb(bilat_extractor: Any) -> None:
    text = "Turkey said it struck Kurdish militant positions in northern Iraq on Sunday."
    found = strikes(bilat_extractor, text)
    assert [(s.attacker_country, s.target_country) for s in found] == [("TUR", "IRQ")]


# A strike noun naming no attacker ("the ground assault on X") is a mention of the strike
# the document attributes on the same target, and names its place.
UNATTRIBUTED = ("The ground assault on the northern city of Aleppo began at dawn on Sunday, "
                "after two days of shelling.")
ATTRIBUTED = "Turkish troops shelled Kurdish positions in Syria on Saturday, the army said."


def test_bare_assault_noun_names_the_place_of_the_attributed_strike(bilat_extractor: Any) -> None:
    (event,) = strikes(bilat_extractor, f"{UNATTRIBUTED} {ATTRIBUTED}")
    assert (event.attacker_country, event.target_country) == ("TUR", "SYR")
    assert event.location is not None and event.location.name == "Aleppo"
    assert len(event.evidence) == 2
    assert event.date is not None and event.date.text == "Saturday"  # not the bare noun's
    assert "unattributed" in event.rule


def test_bare_assault_noun_alone_is_no_strike(bilat_extractor: Any) -> None:
    assert strikes(bilat_extractor, UNATTRIBUTED) == []


def test_assault_by_a_non_state_party_lends_nothing(bilat_extractor: Any) -> None:
    text = ("A rebel ground assault on the northern city of Aleppo began at dawn on Sunday. "
            f"{ATTRIBUTED}")
    (event,) = strikes(bilat_extractor, text)
    assert event.location is None
    text = ("Militants carried out a ground attack on the northern city of Aleppo on Sunday. "
            f"{ATTRIBUTED}")
    (event,) = strikes(bilat_extractor, text)
    assert event.location is None


def test_place_of_the_attributed_mention_beats_a_bare_nouns(bilat_extractor: Any) -> None:
    text = ("Turkish jets bombed targets near Afrin on Saturday. The ground assault on the "
            "northern city of Aleppo began on Sunday.")
    (event,) = strikes(bilat_extractor, text)
    assert event.location is not None and event.location.name == "Afrin"


# --- launching weapons, state-modified nouns, accusations, raised and reciprocal subjects


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia fired cruise missiles at the Ukrainian city of Odesa overnight.",
         {("RUS", "UKR")}),
        ("Iran launched dozens of drones and ballistic missiles at Israel on Saturday.",
         {("IRN", "ISR")}),
        ("North Korea lobbed artillery shells into South Korean waters near the border.",
         {("PRK", "KOR")}),
        ("Chinese coast guard ships fired water cannon at a Philippine supply vessel.",
         {("CHN", "PHL")}),
    ],
)
def test_verbs_of_launching_a_weapon(bilat_extractor: Any, text: str,
                                     expected: set[tuple[str, str]]) -> None:
    assert keys(bilat_extractor, text) == expected


def test_launched_weapon_gives_the_kind(bilat_extractor: Any) -> None:
    (event,) = strikes(bilat_extractor, "Iran launched drones at Israel on Saturday.")
    assert event.kind == "drone"


@pytest.mark.parametrize(
    "text",
    [
        "Japan launched a weather satellite on a rocket from Tanegashima.",
        "Germany fired its coach after the defeat against Spain.",
        "France launched a new trade offensive in China with a delegation of executives.",
        "Britain dropped its objection to the Irish proposal on Monday.",
    ],
)
def test_launching_without_a_weapon_is_no_strike(bilat_extractor: Any, text: str) -> None:
    assert keys(bilat_extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli strikes on Gaza killed at least 30 people on Tuesday.", {("ISR", "PSE")}),
        ("Turkish raids on Kurdish positions in northern Iraq continued.", {("TUR", "IRQ")}),
        ("American attacks against targets in Yemen resumed overnight.", {("USA", "YEM")}),
    ],
)
def test_strike_noun_modified_by_the_state(bilat_extractor: Any, text: str,
                                           expected: set[tuple[str, str]]) -> None:
    assert keys(bilat_extractor, text) == expected


def test_accused_state_is_the_attacker_and_the_accuser_claims(bilat_extractor: Any) -> None:
    text = "Sudan accused South Sudan of bombing its border areas on Sunday."
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("SSD", "SDN")
    assert event.modality.value == "claimed"


def test_gerund_after_by_takes_the_subject_of_its_host(bilat_extractor: Any) -> None:
    text = ("Pakistan accused India of violating the ceasefire by firing mortars into its "
            "territory.")
    assert keys(bilat_extractor, text) == {("IND", "PAK")}


def test_raised_passive_subject_is_the_attacker(bilat_extractor: Any) -> None:
    text = "Iraqi planes were reported to have bombed Iranian towns near the border."
    assert keys(bilat_extractor, text) == {("IRQ", "IRN")}


def test_noun_described_by_a_passive_participle_is_the_target(bilat_extractor: Any) -> None:
    text = "A Greek tanker struck by an Iranian missile caught fire in the Gulf."
    assert keys(bilat_extractor, text) == {("IRN", "GRC")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian and Pakistani troops exchanged fire along the Line of Control.",
         {("IND", "PAK"), ("PAK", "IND")}),
        ("Afghan forces clashed with Pakistani troops at the Torkham crossing.",
         {("AFG", "PAK"), ("PAK", "AFG")}),
        ("Thailand and Cambodia exchanged artillery fire near the disputed temple.",
         {("THA", "KHM"), ("KHM", "THA")}),
    ],
)
def test_reciprocal_fighting_is_two_strikes(bilat_extractor: Any, text: str,
                                            expected: set[tuple[str, str]]) -> None:
    assert keys(bilat_extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "India and China clashed over trade at the summit in Geneva.",
        "Police clashed with protesters outside the Turkish embassy in Berlin.",
        "Dock workers in Rotterdam went on strike over pay on Monday.",
    ],
)
def test_words_and_domestic_clashes_are_no_strikes(bilat_extractor: Any, text: str) -> None:
    assert keys(bilat_extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistani troops violated the ceasefire by shelling Indian posts in the Poonch "
         "sector.", {("PAK", "IND")}),
        ("India said Pakistan violated the ceasefire along the Line of Control on Sunday.",
         {("PAK", "IND")}),
        ("Armenia reported new ceasefire violations by Azerbaijani forces overnight.",
         {("AZE", "ARM")}),
    ],
)
def test_ceasefire_violations(bilat_extractor: Any, text: str,
                              expected: set[tuple[str, str]]) -> None:
    assert keys(bilat_extractor, text) == expected


def test_ceasefire_violation_reported_by_the_target_is_claimed(bilat_extractor: Any) -> None:
    text = "India said Pakistan violated the ceasefire along the Line of Control on Sunday."
    (event,) = strikes(bilat_extractor, text)
    assert event.modality.value == "claimed"


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to respect the ceasefire in eastern Ukraine.",
        "Hamas and Fatah broke the truce in Gaza, witnesses said.",
        "The ceasefire between India and Pakistan has held since February.",
    ],
)
def test_ceasefire_without_a_state_violator_is_no_strike(bilat_extractor: Any,
                                                         text: str) -> None:
    assert keys(bilat_extractor, text) == set()


def test_repelling_an_attack_is_force_on_the_attackers(bilat_extractor: Any) -> None:
    text = ("Iranian troops attacked Iraqi positions east of Basra, but Iraqi forces "
            "repulsed the attack, killing hundreds of Iranians.")
    assert keys(bilat_extractor, text) == {("IRN", "IRQ"), ("IRQ", "IRN")}


def test_crushing_an_offensive_named_by_demonym(bilat_extractor: Any) -> None:
    text = "Iraq said its forces crushed a new Iranian offensive near the city of Basra."
    assert ("IRQ", "IRN") in keys(bilat_extractor, text)


def test_stopping_a_plan_is_no_counter_strike(bilat_extractor: Any) -> None:
    text = "Germany blocked the French attack on the budget rules in Brussels."
    assert keys(bilat_extractor, text) == set()


def test_coordinated_attackers_each_strike(bilat_extractor: Any) -> None:
    text = "Syrian and Russian jets bombed rebel-held towns in Idlib province on Monday."
    assert keys(bilat_extractor, text) == {("RUS", "SYR")}  # the Syrian ones are domestic


def test_coordinated_states_in_a_by_phrase(bilat_extractor: Any) -> None:
    text = "The bombardment of Iraqi positions by American and British aircraft continued."
    assert keys(bilat_extractor, text) == {("USA", "IRQ"), ("GBR", "IRQ")}


def test_pronoun_in_a_reported_clause_is_the_reporter(bilat_extractor: Any) -> None:
    text = ("Israel, wary of the Iran-backed militia near its borders, said on Sunday it "
            "would continue to attack positions inside Syria.")
    assert keys(bilat_extractor, text) == {("ISR", "SYR")}


def test_destroying_posts_of_another_state(bilat_extractor: Any) -> None:
    text = "The Indian army said it destroyed several Pakistani army posts on Friday."
    assert keys(bilat_extractor, text) == {("IND", "PAK")}


def test_shelling_from_a_state_tagged_as_a_verb_is_a_noun(bilat_extractor: Any) -> None:
    text = "Cross-border shelling from Syria killed two people in the Turkish town of Akcakale."
    (event,) = strikes(bilat_extractor, text)
    assert (event.attacker_country, event.target_country) == ("SYR", "TUR")
    assert event.killed is not None and event.killed.min == 2


def test_weapon_fired_by_a_state_in_the_subject(bilat_extractor: Any) -> None:
    text = "Missiles fired by Russia hit a shopping centre in Odesa on Monday."
    assert keys(bilat_extractor, text) == {("RUS", "UKR")}


def test_backer_of_a_non_state_group_is_not_the_attacker(bilat_extractor: Any) -> None:
    text = "Houthi rebels, backed by Iran, fired a missile at a US destroyer in the Red Sea."
    assert keys(bilat_extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "It would be foolish for Japan to strike back against the United States.",
        "Analysts said it could be a mistake for Israel to attack Iran's nuclear sites.",
        "Officials in Moscow threatened to shoot down incoming missiles over Syria.",
    ],
)
def test_weighed_strikes_and_unflagged_shoot_downs_are_none(bilat_extractor: Any,
                                                            text: str) -> None:
    assert keys(bilat_extractor, text) == set()


def test_capitalised_strike_noun_in_wire_copy(bilat_extractor: Any) -> None:
    text = "During the U.S. Bombing of alleged terrorist targets in Libya, France objected."
    assert keys(bilat_extractor, text) == {("USA", "LBY")}


def test_list_running_past_the_target_adds_no_target(bilat_extractor: Any) -> None:
    text = ("Traffic fell after the U.S. Bombing of Libya, the Chernobyl disaster and a "
            "slump in oil prices.")
    assert keys(bilat_extractor, text) == {("USA", "LBY")}


def test_modal_of_the_main_clause_does_not_make_a_nested_strike_hypothetical(
        bilat_extractor: Any) -> None:
    text = ("The latest development, nearly a week into Turkey's military offensive in "
            "northern Syria, could undermine Kurdish hopes.")
    assert keys(bilat_extractor, text) == {("TUR", "SYR")}


def test_body_in_the_attacker_phrase_is_a_force(bilat_extractor: Any) -> None:
    text = "Iranian Revolutionary Guards launched missiles at Kurdish groups in northern Iraq."
    assert keys(bilat_extractor, text) == {("IRN", "IRQ")}


def test_launched_negotiations_are_no_strike(bilat_extractor: Any) -> None:
    text = "The eighth round of trade negotiations was launched in Uruguay in 1986."
    assert keys(bilat_extractor, text) == set()


def test_location_keeps_the_whole_city_name(bilat_extractor: Any) -> None:
    text = "An Israeli strike on a residential building in Gaza City killed 18 people."
    (event,) = strikes(bilat_extractor, text)
    assert event.location is not None and event.location.name == "Gaza City"
    assert event.killed is not None and event.killed.min == 18


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel killed a senior Hezbollah commander in an airstrike in Beirut.",
         {("ISR", "LBN")}),
        ("The US military killed three militants in a drone strike in Yemen.",
         {("USA", "YEM")}),
        ("Russian air defences downed 15 Ukrainian drones over the Belgorod region.",
         {("RUS", "UKR")}),
        ("Russia pummelled Ukraine's energy grid with missiles and drones.",
         {("RUS", "UKR")}),
    ],
)
def test_killing_in_a_strike_downing_and_pummelling(bilat_extractor: Any, text: str,
                                                    expected: set[tuple[str, str]]) -> None:
    assert keys(bilat_extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Miners downed tools in South Africa on Monday.",
        "The storm downed power lines across Poland.",
        "Two Israelis were killed in an attack near Jenin, the army said.",
    ],
)
def test_downed_tools_and_unattributed_killings_are_no_strikes(bilat_extractor: Any,
                                                               text: str) -> None:
    assert keys(bilat_extractor, text) == set()


def test_opened_fire_at_names_its_subject(bilat_extractor: Any) -> None:
    text = "Venezuelan troops opened fire at Guyanese soldiers near the border on Tuesday."
    assert keys(bilat_extractor, text) == {("VEN", "GUY")}


def test_place_deep_in_a_report_style_target_phrase(bilat_extractor: Any) -> None:
    text = ("On 5 May, Turkish forces shelled the village of Um al-Keif in Tal Tamer, "
            "Al-Hasakeh, Syria. No fatalities were reported.")
    assert keys(bilat_extractor, text) == {("TUR", "SYR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain is waging war on Islamic State militants in Syria.", {("GBR", "SYR")}),
        ("Saudi Arabia has waged war in Yemen since 2015.", {("SAU", "YEM")}),
    ],
)
def test_waging_war_in_a_state(bilat_extractor: Any, text: str,
                               expected: set[tuple[str, str]]) -> None:
    assert keys(bilat_extractor, text) == expected


def test_waging_a_trade_war_is_no_strike(bilat_extractor: Any) -> None:
    text = "The United States is waging a trade war against China."
    assert keys(bilat_extractor, text) == set()


def test_he_is_the_person_named_before(bilat_extractor: Any) -> None:
    text = ("Joe Biden was so angered by the attack on US troops in Syria that he ordered "
            "a limited missile strike.")
    assert keys(bilat_extractor, text) == {("USA", "SYR")}
