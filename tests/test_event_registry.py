"""The event-type registry: the shipped specs, and a made-up sixth type added from outside.

The sixth type, ``sanction`` (one state imposes sanctions on another), is defined here, in a
test module, and added twice: through :func:`bilat.event_types.register` and through a fake
``bilat.event_types`` entry point (and once through a real one, in a fresh process). The
engine must run its extractor, the views and the table export must show it, its codes and
its JSON Schema must come with it, and the pre-filter must honour its needs.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import types
import warnings
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

import bilat
import bilat.event_types as registry
from bilat import Event
from bilat.event_types import Column, EventSpec, PrefilterNeeds, View

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Canada announced new sanctions on Iran on Monday, freezing the assets of six officials "
    "it accused of supplying drones."
)
ONE_STATE = "Canada announced new sanctions on Monday against six shipping firms."


def _code(value: Any) -> str | None:
    return None if value is None else str(value)


@attrs.frozen(slots=True, kw_only=True)
class Sanction(Event):
    """``sanctioning_country`` imposes sanctions on ``target_country``."""

    type: ClassVar[str] = "sanction"
    ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("sanctioning_country", "target_country")

    sanctioning_country: str | None = attrs.field(default=None, converter=_code)
    target_country: str | None = attrs.field(default=None, converter=_code)
    measure: str | None = None

    def _own_dict(self) -> dict[str, Any]:
        return {
            "sanctioning_country": self.sanctioning_country,
            "target_country": self.target_country,
            "measure": self.measure,
        }


def extract_sanctions(context: Any) -> list[Event]:
    """One Sanction per "sanctions" word: the first state before it imposes them on the
    first other state after it, in its sentence."""
    found: list[Event] = []
    for sent in context.sentences:
        for token in sent:
            if token.lower_ not in {"sanction", "sanctions", "sanctioned"}:
                continue
            before = [context.actor_at(i) for i in range(sent.start, token.i)]
            after = [context.actor_at(i) for i in range(token.i + 1, sent.end)]
            source = next((m.country for m in before if m is not None), None)
            target = next((m.country for m in after if m is not None and m.country != source),
                          None)
            if source and target:
                found.append(Sanction(
                    sanctioning_country=source, target_country=target,
                    measure="asset freeze" if "assets" in sent.text else None,
                    evidence=[context.sentence_evidence(token)], rule="sanction.test",
                ))
    return found


def summary(event: Any) -> str:
    return str(event.measure or "")


CODES = {"rules": [{"cameo": "163", "cameo_label": "Impose embargo, boycott, or sanctions",
                    "plover": "COERCE", "plover_mode": None}]}

SPEC = EventSpec(
    name="sanction",
    event_class=Sanction,
    extractor=f"{__name__}:extract_sanctions",
    view=View(
        colour=(140, 86, 75),
        summary=f"{__name__}:summary",
        columns=(Column("sanctioning_country", "sanctioning_country"),
                 Column("target_country", "target_country"),
                 Column("sanction_measure", "measure")),
    ),
    dyad=("sanctioning_country", "target_country"),
    prefilter=PrefilterNeeds(min_states=2, min_actors=2),
    codes=CODES,
)


@pytest.fixture
def sanction() -> Any:
    """The sixth type, registered for one test."""
    registry.register(SPEC)
    try:
        yield SPEC
    finally:
        registry.unregister("sanction")


# --- the shipped registry ------------------------------------------------------------------


def test_the_shipped_types_in_their_order() -> None:
    assert registry.names()[:5] == registry.BUILTIN_TYPES
    assert [s.event_class for s in registry.specs()[:5]] == [
        bilat.Visit, bilat.Agreement, bilat.TradeFigure, bilat.Deportation, bilat.Strike]
    assert registry.get("trade_figure").article == "a trade figure"
    assert registry.find("sanction") is None
    with pytest.raises(KeyError, match="unknown event type 'sanction'"):
        registry.get("sanction")


def test_every_shipped_type_has_codes_a_view_and_a_summary() -> None:
    from bilat.codes import mapping

    for spec in registry.specs()[:5]:
        assert spec.name in mapping(), spec.name
        assert spec.view.columns and spec.view.summary, spec.name
        assert spec.load_extractor().__module__.startswith("bilat."), spec.name
    strike = bilat.Strike(kind="air", killed=bilat.Count(3, 3, "three"))
    assert registry.get("strike").summary(strike) == "air, 3 killed"


def test_a_spec_checks_its_parts() -> None:
    with pytest.raises(ValueError, match="must agree"):
        EventSpec(name="embargo", event_class=Sanction, extractor="m:f",
                  view=View(colour=(1, 2, 3)), dyad=("target_country",))
    with pytest.raises(ValueError, match="module:function"):
        attrs.evolve(SPEC, extractor="no_colon_here")
    with pytest.raises(ValueError, match="three integers"):
        View(colour=(1, 2, 300))
    with pytest.raises(ValueError, match="one or two fields"):
        attrs.evolve(SPEC, dyad=("a", "b", "c"))


def test_a_name_is_registered_once(sanction: EventSpec) -> None:
    with pytest.raises(ValueError, match="registered already"):
        registry.register(attrs.evolve(SPEC))
    with pytest.raises(ValueError, match="registered already"):
        registry.register(attrs.evolve(registry.get("visit"), extractor="m:f"))
    with pytest.raises(ValueError, match="cannot be removed"):
        registry.unregister("visit")


# --- a sixth type through register() ---------------------------------------------------------


def test_registering_adds_the_type_everywhere(sanction: EventSpec) -> None:
    from bilat.display import TYPE_COLOURS
    from bilat.extractors import EXTRACTORS
    from bilat.prefilter import MIN_ACTORS, MIN_STATES

    assert registry.names()[-1] == "sanction"
    assert bilat.EVENT_TYPES["sanction"] is Sanction
    assert EXTRACTORS["sanction"] is extract_sanctions
    assert TYPE_COLOURS["sanction"] == (140, 86, 75)
    assert (MIN_STATES["sanction"], MIN_ACTORS["sanction"]) == (2, 2)


def test_unregistering_removes_it_again() -> None:
    registry.register(SPEC)
    registry.unregister("sanction")
    assert "sanction" not in registry.names() and "sanction" not in bilat.EVENT_TYPES
    assert Sanction(target_country="IRN").cameo is None


def test_the_engine_runs_its_extractor(sanction: EventSpec, nlp: Any) -> None:
    from bilat.engine import extract_events

    events = extract_events(nlp(TEXT), dt.date(2026, 3, 2))
    found = [e for e in events if isinstance(e, Sanction)]
    assert [(e.sanctioning_country, e.target_country) for e in found] == [("CAN", "IRN")]
    assert found[0].evidence[0].text == TEXT
    only = extract_events(nlp(TEXT), dt.date(2026, 3, 2), types=["visit"])
    assert not any(isinstance(e, Sanction) for e in only)


def test_the_extractor_runs_it_and_its_codes_and_dict(sanction: EventSpec, nlp: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        extractor = bilat.Extractor(nlp, types=["sanction"])
    result = extractor.extract(TEXT, published="2026-03-02")
    (event,) = result.events
    data = event.to_dict()
    assert data["type"] == "sanction" and data["measure"] == "asset freeze"
    assert (data["cameo"], data["plover"]) == ("163", "COERCE")
    assert bilat.Event.from_dict(data) == event
    with pytest.raises(ValueError, match="sanctioning_country"):
        bilat.Event.from_dict({**data, "sanctioning_country": ["CAN"]})


def test_display_and_export_show_it(sanction: EventSpec) -> None:
    from bilat.display import event_html, event_summary, extraction_html, roles_text
    from bilat.export import columns, dyad, event_row, event_schema, to_dataframe

    event = Sanction(sanctioning_country="CAN", target_country="IRN", measure="asset freeze",
                     evidence=[bilat.Evidence.from_text(TEXT, 0, len(TEXT))])
    assert roles_text(event) == "CAN → IRN"
    assert event_summary(event) == "asset freeze"
    card = event_html(event)
    assert "rgb(140,86,75)" in card and "asset freeze" in card and "CAMEO 163" in card
    page = extraction_html(bilat.Extraction(text=TEXT, events=[event]))
    assert 'data-bilat-types="sanction"' in page
    assert dyad(event) == ("CAN", "IRN")
    row = event_row(event)
    assert list(row) == list(columns())
    assert row["sanction_measure"] == "asset freeze" and row["dyad"] == "CAN;IRN"
    assert columns().index("sanction_measure") < columns().index("location_name")
    visit_row = event_row(bilat.Visit(visitor_country="CAN", host_country="IRN"))
    assert visit_row["sanction_measure"] is None
    pytest.importorskip("pandas")
    frame = to_dataframe(bilat.Extraction(text=TEXT, events=[event]))
    assert frame.loc[0, "sanctioning_country"] == "CAN"
    schema = event_schema()
    assert schema["$defs"]["Sanction"]["properties"]["type"] == {"const": "sanction"}
    assert {"$ref": "#/$defs/Sanction"} in schema["oneOf"]


def test_the_prefilter_honours_its_needs(sanction: EventSpec, blank: Any) -> None:
    from bilat.prefilter import possible_types, ruled_out

    two = blank.make_doc(TEXT)
    one = blank.make_doc(ONE_STATE)
    assert "sanction" in possible_types(two)
    assert "sanction" not in possible_types(one)
    assert ruled_out(one, ["sanction"]) == {
        "sanction": "it names 1 possible state(s) and a sanction needs 2"}
    # the shipped types are unaffected: a deportation needs one state only
    assert "sanction" in possible_types(two, ["sanction", "deportation"])


# --- a sixth type through an entry point ---------------------------------------------------


def _entry_points(*points: EntryPoint) -> Any:
    def entry_points(*, group: str) -> list[EntryPoint]:
        return [p for p in points if p.group == group]

    return entry_points


def test_an_entry_point_adds_the_type(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    from bilat.engine import extract_events

    plugin = types.ModuleType("fake_bilat_plugin")
    plugin.make_spec = lambda: SPEC  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_bilat_plugin", plugin)
    point = EntryPoint(name="sanction", value="fake_bilat_plugin:make_spec",
                       group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr("importlib.metadata.entry_points", _entry_points(point))
    try:
        assert registry.load_entry_points(reload=True) == ("sanction",)
        assert registry.get("sanction") is SPEC
        events = extract_events(nlp(TEXT), dt.date(2026, 3, 2), types=["sanction"])
        assert [e.type for e in events] == ["sanction"]
    finally:
        registry.unregister("sanction")


def test_a_broken_entry_point_is_skipped_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint(name="broken", value="no_such_bilat_plugin:SPEC",
                       group=registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr("importlib.metadata.entry_points", _entry_points(point))
    with pytest.warns(RuntimeWarning, match="no_such_bilat_plugin"):
        assert registry.load_entry_points(reload=True) == ()
    assert registry.names() == registry.BUILTIN_TYPES


def test_an_installed_entry_point_in_a_fresh_process(tmp_path: Path) -> None:
    """A real distribution on the path: its type is known to from_dict without any call."""
    (tmp_path / "sanction_plugin.py").write_text(textwrap.dedent('''
        from typing import Any, ClassVar
        import attrs
        from bilat import Event
        from bilat.event_types import EventSpec, PrefilterNeeds, View

        @attrs.frozen(slots=True, kw_only=True)
        class Sanction(Event):
            type: ClassVar[str] = "sanction"
            ROLE_FIELDS: ClassVar[tuple[str, ...]] = ("sanctioning_country", "target_country")
            sanctioning_country: str | None = None
            target_country: str | None = None

            def _own_dict(self) -> dict[str, Any]:
                return {"sanctioning_country": self.sanctioning_country,
                        "target_country": self.target_country}

        def extract(context: Any) -> list[Event]:
            return []

        SPEC = EventSpec(name="sanction", event_class=Sanction,
                         extractor="sanction_plugin:extract", view=View(colour=(140, 86, 75)),
                         dyad=("sanctioning_country", "target_country"),
                         prefilter=PrefilterNeeds(min_states=2))
    '''), encoding="utf-8")
    info = tmp_path / "sanction_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sanction-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[bilat.event_types]\nsanction = sanction_plugin:SPEC\n")
    code = textwrap.dedent('''
        import json, bilat
        event = bilat.Event.from_dict({"type": "sanction", "sanctioning_country": "CAN",
                                       "target_country": "IRN"})
        import bilat.event_types as registry
        print(json.dumps([type(event).__name__, list(registry.names())]))
    ''')
    path = f"{tmp_path}:{ROOT / 'src'}"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": path, "PATH": "/usr/bin:/bin"})
    name, names = json.loads(out.stdout.splitlines()[-1])
    assert name == "Sanction"
    assert names == [*registry.BUILTIN_TYPES, "sanction"]


# --- a sixth type through the dataset merge --------------------------------------------------


@pytest.fixture
def register_sanction() -> Any:
    """Register a variant of the sixth type (its own merging rules) for one test."""
    added: list[str] = []

    def add(spec: EventSpec) -> EventSpec:
        registry.register(spec)
        added.append(spec.name)
        return spec

    try:
        yield add
    finally:
        for name in dict.fromkeys(added):
            if registry.find(name) is not None:
                registry.unregister(name)


def _sanction_mention(doc: str, day: str | None, published: str, *, source: str = "CAN",
                      target: str = "IRN", measure: str | None = "asset freeze") -> Any:
    from bilat.dataset.happenings import Mention

    date = None if day is None else bilat.TimeSpan(start=day, end=day, precision="day")
    event = Sanction(sanctioning_country=source, target_country=target, measure=measure,
                     date=date)
    return Mention.of(doc, 0, event, outlet=doc, published=published)


def test_the_dataset_merge_reads_its_window_and_attributes(register_sanction: Any) -> None:
    from bilat.dataset.happenings import MergeRules, default_windows, group_happenings
    from bilat.event_types import Merging

    register_sanction(attrs.evolve(SPEC, merging=Merging(window=2, attributes=("measure",))))
    assert default_windows()["sanction"] == 2 and default_windows()["strike"] == 1
    assert MergeRules().window("sanction") == 2
    mentions = [
        _sanction_mention("a", "2026-03-02", "2026-03-02"),
        _sanction_mention("b", "2026-03-04", "2026-03-04", measure="travel ban"),
        _sanction_mention("c", "2026-03-04", "2026-03-05"),
        _sanction_mention("d", "2026-03-07", "2026-03-07"),  # 5 days on: past its window
        _sanction_mention("e", "2026-03-02", "2026-03-02", target="RUS"),
    ]
    happenings = group_happenings(mentions)
    by_docs = sorted((h.target, sorted(m.doc_id for m in h.mentions)) for h in happenings)
    assert by_docs == [("IRN", ["a", "b", "c"]), ("IRN", ["d"]), ("RUS", ["e"])]
    first = next(h for h in happenings if h.n_documents == 3)
    assert (first.type, first.source, first.cameo) == ("sanction", "CAN", "163")
    measure = first.attribute("measure")
    assert measure is not None and measure.value == "asset freeze" and measure.disputed
    assert first.to_dict()["attributes"]["measure"]["votes"] == [["asset freeze", 2],
                                                               ["travel ban", 1]]
    wide = group_happenings(mentions, MergeRules(windows={"sanction": 10}))
    assert sorted(h.n_documents for h in wide) == [1, 4]
    daily = group_happenings(mentions, MergeRules(mode="one_a_day"))
    assert sorted(h.n_documents for h in daily) == [1, 1, 1, 2]  # b and c share a day


def test_the_dataset_merge_reads_its_key(register_sanction: Any) -> None:
    from bilat.dataset.happenings import group_happenings
    from bilat.event_types import Merging

    mentions = [
        _sanction_mention("a", "2026-03-02", "2026-03-02", source="CAN"),
        _sanction_mention("b", "2026-03-02", "2026-03-02", source="GBR"),
    ]
    register_sanction(SPEC)  # the default key: its roles, so two senders are two happenings
    assert len(group_happenings(mentions)) == 2
    registry.unregister("sanction")
    register_sanction(attrs.evolve(SPEC, merging=Merging(key=("target_country", "measure"))))
    (joint,) = group_happenings(mentions)
    assert joint.n_documents == 2 and joint.parties in {("CAN", "IRN"), ("GBR", "IRN")}


def test_the_dataset_merge_defaults_for_a_spec_without_merging(register_sanction: Any) -> None:
    from bilat.dataset.happenings import MergeRules, group_happenings

    register_sanction(SPEC)
    assert SPEC.merging.window == 7 and SPEC.merging.attributes == ()
    assert MergeRules().window("sanction") == 7
    # undated reports take their time from publication: five days apart is one happening
    undated = [_sanction_mention("a", None, "2026-03-02"),
               _sanction_mention("b", None, "2026-03-07")]
    (happening,) = group_happenings(undated)
    assert happening.n_documents == 2 and happening.attributes == () and happening.date is None
