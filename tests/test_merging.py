"""Document-level merging (``bilat.merging.merge_mentions``) and its effect through the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bilat.events import Agreement, Visit
from bilat.merging import merge_mentions
from bilat.values import Actor, Evidence, Modality, Precision, TimeSpan

TEXT = ("Chile's foreign minister is in Lima. She arrived in Lima on Monday. "
        "Talks end on Tuesday. Chile and Peru signed a fisheries accord.")


def ev(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence.from_text(TEXT, start, start + len(fragment))


def month_fallback() -> TimeSpan:
    return TimeSpan(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 13), precision="month")


def day(d: int, text: str = "on Monday") -> TimeSpan:
    return TimeSpan(start=dt.date(2024, 3, d), end=dt.date(2024, 3, d), precision="day",
                    text=text)


def visit(evidence: str, host: str = "PER", **kwargs: Any) -> Visit:
    return Visit(visitor_country="CHL", host_country=host, evidence=(ev(evidence),), **kwargs)


# --- unit: merge_mentions ----------------------------------------------------------------


def test_mentions_with_one_key_merge_into_one_event_with_all_evidence() -> None:
    (merged,) = merge_mentions([visit("She arrived in Lima on Monday."),
                                visit("Chile's foreign minister is in Lima.")])
    assert [e.text for e in merged.evidence] == ["Chile's foreign minister is in Lima.",
                                                 "She arrived in Lima on Monday."]


def test_identical_evidence_is_kept_once() -> None:
    (merged,) = merge_mentions([visit("Talks end on Tuesday."), visit("Talks end on Tuesday.")])
    assert len(merged.evidence) == 1


def test_visits_to_different_hosts_stay_distinct() -> None:
    merged = merge_mentions([visit("Chile's foreign minister is in Lima.", host="PER"),
                             visit("Talks end on Tuesday.", host="BOL")])
    assert {e.host_country for e in merged} == {"PER", "BOL"}


def test_agreement_parties_in_any_order_share_a_key() -> None:
    first = Agreement(parties=("PER", "CHL"), evidence=(ev("Chile and Peru signed"),))
    second = Agreement(parties=("CHL", "PER"), evidence=(ev("a fisheries accord."),))
    assert len(merge_mentions([first, second])) == 1


def test_stated_date_beats_publication_month_fallback() -> None:
    (merged,) = merge_mentions([
        visit("Chile's foreign minister is in Lima.", date=month_fallback()),
        visit("She arrived in Lima on Monday.", date=day(11)),
    ])
    assert merged.date == day(11)


def test_first_stated_date_wins_over_a_later_different_one() -> None:
    (merged,) = merge_mentions([
        visit("She arrived in Lima on Monday.", date=day(11)),
        visit("Talks end on Tuesday.", date=day(12, "on Tuesday")),
    ])
    assert merged.date == day(11)


def test_later_more_precise_date_of_the_same_time_refines_the_first() -> None:
    march = TimeSpan(start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31),
                     precision="month", text="in March")
    (merged,) = merge_mentions([
        visit("Chile's foreign minister is in Lima.", date=march),
        visit("She arrived in Lima on Monday.", date=day(11)),
    ])
    assert merged.date is not None and merged.date.precision is Precision.DAY


def test_modality_most_mentions_agree_on() -> None:
    (merged,) = merge_mentions([
        visit("Chile's foreign minister is in Lima.", modality=Modality.PLANNED),
        visit("She arrived in Lima on Monday.", modality=Modality.PLANNED),
        visit("Talks end on Tuesday."),
    ])
    assert merged.modality is Modality.PLANNED


def test_asserted_majority_stays_asserted() -> None:
    (merged,) = merge_mentions([
        visit("Chile's foreign minister is in Lima."),
        visit("She arrived in Lima on Monday."),
        visit("Talks end on Tuesday.", modality=Modality.PLANNED),
    ])
    assert merged.modality is Modality.ASSERTED


def test_tie_goes_to_the_earliest_hedged_mention_with_its_claimant() -> None:
    claimant = Actor(name="Peru's foreign ministry", country="PER")
    (merged,) = merge_mentions([
        visit("Talks end on Tuesday.", modality=Modality.PLANNED),
        visit("Chile's foreign minister is in Lima.", modality=Modality.CLAIMED,
              claimed_by=claimant),
    ])
    assert merged.modality is Modality.CLAIMED
    assert merged.claimed_by == claimant


def test_other_fields_take_the_first_non_empty_value() -> None:
    person = Actor(name="Alberto van Klaveren", title="Foreign Minister", country="CHL")
    (merged,) = merge_mentions([visit("Chile's foreign minister is in Lima."),
                                visit("She arrived in Lima on Monday.", visitor=person)])
    assert merged.visitor == person


def test_rules_are_joined_in_mention_order() -> None:
    (merged,) = merge_mentions([visit("She arrived in Lima on Monday.", rule="visit.arrive"),
                                visit("Chile's foreign minister is in Lima.", rule="visit.be_in")])
    assert merged.rule == "visit.be_in+visit.arrive"


def test_events_come_out_in_order_of_first_evidence() -> None:
    merged = merge_mentions([visit("Talks end on Tuesday.", host="BOL"),
                             visit("Chile's foreign minister is in Lima.", host="PER")])
    assert [e.host_country for e in merged] == ["PER", "BOL"]


def test_explicit_mention_keeps_merged_visit_explicit() -> None:
    (merged,) = merge_mentions([
        visit("She arrived in Lima on Monday.", implicit=False),
        visit("Talks end on Tuesday.", implicit=True),
    ])
    assert not merged.implicit


# --- through the extractor ----------------------------------------------------------------


def test_two_mentions_of_one_visit_become_one_event(bilat_extractor: Any) -> None:
    text = ("Indian Prime Minister Narendra Modi arrived in Paris on Thursday. Modi arrived "
            "in Paris to a warm welcome from officials.")
    result = bilat_extractor.extract(text, published="2024-03-13")
    (event,) = [e for e in result.events if isinstance(e, Visit)]
    assert (event.visitor_country, event.host_country) == ("IND", "FRA")
    assert len(event.evidence) == 2
    assert all(text[e.start : e.end] == e.text for e in event.evidence)


def test_visits_to_two_hosts_in_one_story_stay_two(bilat_extractor: Any) -> None:
    text = ("Japanese Prime Minister Fumio Kishida visited Vietnam on Monday. Kishida then "
            "flew to Manila on Wednesday.")
    result = bilat_extractor.extract(text, published="2024-03-13")
    found = {(e.host_country, e.date.start if e.date else None)
             for e in result.events if isinstance(e, Visit)}
    assert found == {("VNM", dt.date(2024, 3, 11)), ("PHL", dt.date(2024, 3, 13))}


def test_stated_date_of_a_later_mention_beats_the_fallback(bilat_extractor: Any) -> None:
    text = ("Iranian President Ebrahim Raisi is in Beijing. Raisi arrived in Beijing on "
            "Tuesday.")
    result = bilat_extractor.extract(text, published="2024-03-13")
    (event,) = [e for e in result.events if isinstance(e, Visit)]
    assert event.date is not None
    assert event.date.start == dt.date(2024, 3, 12) and event.date.text == "Tuesday"


def test_arrival_merged_with_presence_is_not_implicit(bilat_extractor: Any) -> None:
    text = ("Indian Prime Minister Narendra Modi arrived in Paris on Thursday. Modi was in "
            "Paris on Thursday for talks.")
    result = bilat_extractor.extract(text, published="2024-03-13")
    (event,) = [e for e in result.events if isinstance(e, Visit)]
    assert not event.implicit


def test_one_in_principle_mention_outweighs_unmarked_ones() -> None:
    accord = "Chile and Peru signed a fisheries accord."
    (merged,) = merge_mentions([
        Agreement(parties=["CHL", "PER"], evidence=(ev("Chile's foreign minister is in Lima."),)),
        Agreement(parties=["CHL", "PER"], evidence=(ev("Talks end on Tuesday."),)),
        Agreement(parties=["CHL", "PER"], evidence=(ev(accord),), modality=Modality.IN_PRINCIPLE),
    ])
    assert merged.modality is Modality.IN_PRINCIPLE


def test_one_claimed_mention_keeps_its_claimant() -> None:
    claimant = Actor(name="the Peruvian army", country="PER")
    (merged,) = merge_mentions([
        visit("Chile's foreign minister is in Lima."),
        visit("She arrived in Lima on Monday."),
        visit("Talks end on Tuesday.", modality=Modality.CLAIMED, claimed_by=claimant),
    ])
    assert merged.modality is Modality.CLAIMED
    assert merged.claimed_by == claimant
