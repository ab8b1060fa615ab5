"""Deportation extractor: roles, counts, groups and modality on news-style sentences."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.events import Deportation


def deportations(extractor: Any, text: str) -> list[Deportation]:
    result = extractor.extract(text, published="2024-05-01")
    return [e for e in result.events if isinstance(e, Deportation)]


def keys(extractor: Any, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.deporting_country, e.origin_country) for e in deportations(extractor, text)}


def test_mass_expulsion_with_lower_bound(bilat_extractor: Any) -> None:
    text = "Iran has expelled more than 300,000 Afghan migrants since January."
    (event,) = deportations(bilat_extractor, text)
    assert (event.deporting_country, event.origin_country) == ("IRN", "AFG")
    assert event.count is not None and event.count.min == 300_000
    assert event.group == "migrants"


def test_vague_count(bilat_extractor: Any) -> None:
    text = "Pakistan deported tens of thousands of Afghans last year."
    (event,) = deportations(bilat_extractor, text)
    assert event.count is not None and event.count.min == 20_000


def test_diplomat_expulsion(bilat_extractor: Any) -> None:
    text = "Britain expelled three Russian diplomats on Wednesday over the spying affair."
    (event,) = deportations(bilat_extractor, text)
    assert (event.deporting_country, event.origin_country) == ("GBR", "RUS")
    assert event.group == "diplomats"
    assert event.count is not None and event.count.min == 3


def test_persona_non_grata(bilat_extractor: Any) -> None:
    text = "Kenya declared two Somali diplomats persona non grata on Friday."
    assert keys(bilat_extractor, text) == {("KEN", "SOM")}


def test_ordered_to_leave(bilat_extractor: Any) -> None:
    text = "Ghana ordered four Nigerian diplomats to leave the country within 72 hours."
    assert keys(bilat_extractor, text) == {("GHA", "NGA")}


def test_noun_with_from_phrase(bilat_extractor: Any) -> None:
    text = "Ties suffered after the expulsion of 40 Filipino workers from Kuwait."
    assert keys(bilat_extractor, text) == {("KWT", "PHL")}


def test_destination_gives_origin(bilat_extractor: Any) -> None:
    text = "Thailand forcibly returned 109 Uighurs to China in July."
    assert keys(bilat_extractor, text) == {("THA", "CHN")}


def test_government_plan_is_proposed(bilat_extractor: Any) -> None:
    text = "The British government plans to deport the men to Jordan."
    (event,) = deportations(bilat_extractor, text)
    assert event.modality.value == "proposed"


def test_future_deportation_is_planned(bilat_extractor: Any) -> None:
    text = "Germany will deport 200 Afghan asylum seekers next month."
    (event,) = deportations(bilat_extractor, text)
    assert event.modality.value == "planned"
    assert event.group == "refugees"


def test_rejected_extradition_is_negated(bilat_extractor: Any) -> None:
    text = "A Spanish court rejected a request to extradite Mexican national Luis Ortega."
    (event,) = deportations(bilat_extractor, text)
    assert (event.deporting_country, event.origin_country) == ("ESP", "MEX")
    assert event.modality.value == "negated"


def test_supposed_to_have_been_deported_is_negated(bilat_extractor: Any) -> None:
    text = ("Belgian police are hunting a Moroccan who was supposed to have been deported "
            "by Belgium.")
    (event,) = deportations(bilat_extractor, text)
    assert event.origin_country == "MAR"
    assert event.modality.value == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the bill had been deported to the back of the queue.",
        "The company repatriated its profits from Ireland last year.",
        "Iran released two British prisoners on Monday.",
        "The Kenyan runner returned home to Nairobi after the race.",
    ],
)
def test_not_deportations(bilat_extractor: Any, text: str) -> None:
    assert deportations(bilat_extractor, text) == []
