"""The dated officials table generated from the Phoenix actor dictionary."""

from __future__ import annotations

import datetime
import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilat
from bilat.actors import gazetteer as gz

ROOT = Path(__file__).resolve().parents[1]


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_officials", ROOT / "scripts" / "build_officials.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_officials", module)
    spec.loader.exec_module(module)
    return module


def _shipped() -> dict[str, Any]:
    ref = resources.files("bilat").joinpath("data").joinpath("officials.json")
    with ref.open("r", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def test_shipped_table_keeps_licence_and_a_source_for_every_record() -> None:
    data = _shipped()
    assert "MIT License" in data["_licence"]
    assert "Open Event Data" in data["_licence"]
    records = data["officials"]
    assert len(records) > 10_000
    states = set(gz._countries()["countries"])
    for rec in records:
        assert rec["source"].startswith("Phoenix.Countries.actors.txt:")
        assert rec["role"] == "GOV"
        assert len(rec["name"].split()) >= 2, rec
        assert rec["country"] in states, rec


PHOENIX_SAMPLE = """\
# a made-up dictionary in the Phoenix format
RURITANIA_  [RUR]
+STRELSAU

JOHANNA_VAN_DER_BERG_  # CountryInfo.txt
+JOHANNA_BERG
+PRESIDENT_BERG
+RURITANIAN_LEADER_JOHANNA_BERG
+BERG
\t[RURGOV 950301-070723]
\t[RURELI]
KAROL_NOWAK_  # CountryInfo.txt
\t[RURGOV >081101]
\t[RURBUS 990101-001231]
MARTA_FLINT_  # CountryInfo.txt
\t[RURELI 900101-101231]
"""


def test_parser_keeps_government_roles_names_and_dates(tmp_path: Path) -> None:
    build = _builder()
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(PHOENIX_SAMPLE, encoding="utf-8")
    records = build.parse(path)
    by_name = {r["name"]: r for r in records}
    # an elite-only person is no official; a state entry is no person
    assert set(by_name) == {"Johanna Van Der Berg", "Karol Nowak"}
    berg = by_name["Johanna Van Der Berg"]
    assert (berg["start"], berg["end"]) == ("1995-03-01", "2007-07-23")
    # titled and one-word synonyms are descriptions or bare surnames, not names
    assert berg["aliases"] == ["Johanna Berg"]
    nowak = by_name["Karol Nowak"]
    assert (nowak["start"], nowak["end"]) == ("2008-11-01", None)
    assert all(r["source"].startswith(path.name + ":") for r in records)


@given(st.dates(min_value=datetime.date(1915, 1, 1), max_value=datetime.date(2014, 12, 31)))
def test_six_digit_dates_round_trip(day: datetime.date) -> None:
    build = _builder()
    assert build._date(day.strftime("%y%m%d")) == day.isoformat()
    assert build._date(day.strftime("%Y%m%d")) == day.isoformat()


def test_full_name_resolves_within_the_role_only() -> None:
    data = _shipped()
    rec = next(
        r for r in data["officials"]
        if r["start"] and r["end"] and not gz._leaders()["ambiguous_surnames"] & {r["name"]}
        and len(gz.leaders_named(r["name"])) == 1
    )
    start = datetime.date.fromisoformat(rec["start"])
    end = datetime.date.fromisoformat(rec["end"])
    assert gz.resolve_country(rec["name"], when=start) == rec["country"]
    assert gz.resolve_country(rec["name"], when=end + datetime.timedelta(days=400)) is None
    # a bare surname is never resolved from the generated table alone
    surname = rec["name"].split()[-1]
    if not gz.leaders_named(surname):
        assert gz.resolve_country(surname) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # no nationality word anywhere: the name alone says who travels
        ("Gela Bezhuashvili arrived in Ankara on Monday for two days of talks. Bezhuashvili "
         "is due to meet the Turkish prime minister on Tuesday.", "2006-03-01", ("GEO", "TUR")),
        ("Foreign Minister Gela Bezhuashvili will travel to Kiev next week, his ministry said.",
         "2006-03-01", ("GEO", "UKR")),
        # years after the role ended the name is nobody's official
        ("Gela Bezhuashvili arrived in Ankara on Monday for two days of talks.", "2012-03-01",
         None),
    ],
)
def test_officials_make_visitors(nlp: Any, text: str, published: str,
                                 expected: tuple[str, str] | None) -> None:
    events = [e for e in bilat.Extractor(nlp).extract(text, published) if e.type == "visit"]
    if expected is None:
        assert events == []
    else:
        assert [(e.to_dict()["visitor_country"], e.to_dict()["host_country"])
                for e in events] == [expected]
