"""DataFrame export, flat rows, JSONL round trips and the JSON Schema of Event.to_dict()."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import bilat
from bilat import (
    Agreement,
    Count,
    Deportation,
    Evidence,
    Money,
    Strike,
    TimeSpan,
    TradeFigure,
    Visit,
)
from bilat.export import COLUMNS, build_event_schema, event_row, event_schema, to_dataframe
from bilat.extraction import Extraction, read_jsonl, write_jsonl

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TEXT = (
    "Japanese investment in Vietnam reached $4.5 billion in 2025. "
    "Japan's minister will visit Hanoi."
)


def _events() -> list[Any]:
    first = Evidence.from_text(TEXT, 0, 60)
    second = Evidence.from_text(TEXT, 61, len(TEXT))
    return [
        TradeFigure(
            countries=["VNM", "JPN"],
            value=Money("4500000000", "USD", "$4.5 billion"),
            flow="investment",
            period=TimeSpan("2025-01-01", "2025-12-31", "year", "2025"),
            source_country="JPN",
            partner_country="VNM",
            evidence=[first],
        ),
        Visit(visitor_country="JPN", host_country="VNM", modality="planned", evidence=[second]),
        Agreement(parties=["VNM", "JPN"], modality="proposed"),
        Deportation(
            deporting_country="THA", origin_country="MMR", count=Count(500, None, "more than 500")
        ),
        Strike(
            attacker_country=None, target_country="SYR", kind="air", killed=Count(3, 3, "three")
        ),
    ]


def _extraction(index: int | None = None) -> Extraction:
    return Extraction(
        text=TEXT, events=_events(), published="2026-02-20", model="m", doc_index=index
    )


def test_event_row_has_every_column_and_flat_values() -> None:
    rows = [event_row(e, _extraction(), event_index=i) for i, e in enumerate(_extraction())]
    assert all(list(row) == list(COLUMNS) for row in rows)
    trade, visit, agreement, deportation, strike = rows
    assert trade["countries"] == "JPN;VNM"
    assert trade["value_amount"] == 4.5e9 and trade["value_currency"] == "USD"
    assert (trade["actor1_country"], trade["actor2_country"], trade["dyad"]) == (
        "JPN",
        "VNM",
        "JPN;VNM",
    )
    assert trade["period_start"].isoformat() == "2025-01-01"
    assert trade["cameo"] == "061" and trade["evidence_text"] == TEXT[:60]
    assert visit["visitor_country"] == "JPN" and visit["modality"] == "planned"
    assert visit["cameo"] == "042" and visit["plover_mode"] == "visit"
    assert agreement["parties"] == "JPN;VNM" and agreement["evidence_count"] == 0
    assert deportation["count_min"] == 500 and deportation["count_max"] is None
    assert strike["killed_min"] == 3 and strike["actor1_country"] is None
    assert strike["dyad"] == "SYR"


def test_dataframe_one_row_per_event() -> None:
    pd = pytest.importorskip("pandas")
    frame = bilat.to_dataframe([_extraction(), Extraction(text="nothing"), _extraction()])
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 10
    assert frame["doc_index"].tolist() == [0] * 5 + [2] * 5
    assert str(frame["date_start"].dtype).startswith("datetime64")
    assert str(frame["count_min"].dtype) == "Int64"
    assert frame.loc[0, "value_amount"] == pytest.approx(4.5e9)
    assert frame["published"].iloc[0] == pd.Timestamp("2026-02-20")
    assert _extraction().to_dataframe().equals(to_dataframe(_extraction()))


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'bilat\[pandas\]'"):
        to_dataframe([_extraction()])


def test_jsonl_round_trip() -> None:
    stream = io.StringIO()
    assert write_jsonl([_extraction(0), _extraction(1)], stream) == 2
    back = list(read_jsonl(io.StringIO(stream.getvalue())))
    assert [b.events for b in back] == [_extraction().events] * 2
    assert back[0].events[0].value.amount == 4500000000


def test_shipped_schema_matches_the_classes() -> None:
    assert event_schema() == build_event_schema(), "run: python scripts/build_schema.py"


def _validate(data: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, event_schema(), format_checker=jsonschema.FormatChecker())


def test_handmade_events_validate() -> None:
    for event in _events():
        _validate(json.loads(json.dumps(event.to_dict())))


def test_schema_rejects_broken_events() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data = _events()[1].to_dict()
    data["visitor_country"] = "Japan"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, event_schema())
    data = _events()[4].to_dict()
    data["kind"] = "laser"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, event_schema())


def test_real_extraction_output_validates(bilat_extractor: Any) -> None:
    texts = [(p.read_text(encoding="utf-8"), "2026-03-12") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts
    count = 0
    for extraction in bilat_extractor.pipe(texts):
        assert extraction.ok, extraction.error
        for event in json.loads(extraction.to_json())["events"]:
            _validate(event)
            count += 1
    assert count > 0
