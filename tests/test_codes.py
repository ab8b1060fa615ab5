"""CAMEO and PLOVER codes: every event type, the mapping as data, and to_dict output."""

from __future__ import annotations

import pytest

from bilat import Agreement, Deportation, Event, Strike, TradeFigure, Visit
from bilat.codes import EventCodes, codes_for, mapping, reverse_codes
from bilat.events import EVENT_TYPES, STRIKE_KINDS


def test_visit_is_coded_from_the_visitor_side() -> None:
    visit = Visit(visitor_country="TUR", host_country="GRC")
    assert (visit.cameo, visit.plover, visit.plover_mode) == ("042", "CONSULT", "visit")
    reverse = reverse_codes(visit)
    assert reverse is not None and reverse.cameo == "043"


@pytest.mark.parametrize(
    ("modality", "cameo", "plover"),
    [
        ("asserted", "057", "SUPPORT"),
        ("negated", "057", "SUPPORT"),
        ("planned", "030", "AGREE"),
        ("proposed", "030", "AGREE"),
        ("in_principle", "030", "AGREE"),
    ],
)
def test_agreement_codes_follow_modality(modality: str, cameo: str, plover: str) -> None:
    agreement = Agreement(parties=["KEN", "TZA"], modality=modality)
    assert (agreement.cameo, agreement.plover) == (cameo, plover)


def test_deportation_is_cameo_174_and_plover_coerce_deport() -> None:
    event = Deportation(deporting_country="PAK", origin_country="AFG")
    assert codes_for(event) == EventCodes("174", "Expel or deport individuals", "COERCE", "deport")


@pytest.mark.parametrize(
    ("kind", "cameo"),
    [
        ("air", "195"),
        ("drone", "195"),
        ("missile", "195"),
        ("artillery", "194"),
        ("naval", "194"),
        ("ground", "190"),
        ("unspecified", "190"),
    ],
)
def test_strike_codes_by_means(kind: str, cameo: str) -> None:
    strike = Strike(attacker_country="ISR", target_country="LBN", kind=kind)
    assert strike.cameo == cameo
    assert strike.plover == "ASSAULT"


def test_every_strike_kind_is_coded() -> None:
    for kind in STRIKE_KINDS:
        assert Strike(kind=kind).cameo is not None


@pytest.mark.parametrize(
    ("flow", "cameo", "plover"),
    [
        ("total", None, None),
        ("export", None, None),
        ("balance", None, None),
        ("aid", "071", "AID"),
        ("loan", "071", "AID"),
        ("pledge", "0331", "AGREE"),
        ("investment", "061", "COOPERATE"),
    ],
)
def test_trade_figures_have_codes_only_for_acts(
    flow: str, cameo: str | None, plover: str | None
) -> None:
    figure = TradeFigure(countries=["JPN", "VNM"], flow=flow)
    assert (figure.cameo, figure.plover) == (cameo, plover)


def test_codes_are_in_to_dict_and_ignored_by_from_dict() -> None:
    visit = Visit(visitor_country="TUR", host_country="GRC")
    data = visit.to_dict()
    assert (data["cameo"], data["plover"], data["plover_mode"]) == ("042", "CONSULT", "visit")
    assert Event.from_dict(data) == visit


def test_mapping_covers_every_event_type() -> None:
    table = mapping()
    for kind in EVENT_TYPES:
        rules = table[kind]["rules"]
        assert rules, kind
        assert "when" not in rules[-1], f"{kind}: the last rule must be the default"
