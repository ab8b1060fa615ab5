"""bilat.dataset: cross-document happenings, the DuckDB store, time series, plots, CLI."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")

from bilat import Agreement, Strike, TradeFigure, Visit  # noqa: E402
from bilat.dataset import (  # noqa: E402
    EventStore,
    Mention,
    MergeRules,
    conflict_cooperation,
    dyad_counts,
    goldstein,
    group_happenings,
    partition_key,
)

# Written for these tests, in wire style: one visit reported three times (planned, then
# done, by three outlets), a second visit of the same pair five weeks later, one air strike
# reported by two outlets with different death tolls, one agreement, one trade figure.
ARTICLES = [
    {"id": "afp-1", "outlet": "AFP", "published": "2024-02-20",
     "text": "Indian Prime Minister Narendra Modi will visit Japan next month, "
             "the foreign ministry said on Tuesday."},
    {"id": "reu-1", "outlet": "Reuters", "published": "2024-03-05",
     "text": "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday for a two-day visit."},
    {"id": "ap-1", "outlet": "AP", "published": "2024-03-06",
     "text": "Modi began a visit to Japan on Monday, his first trip to Tokyo since 2022."},
    {"id": "reu-2", "outlet": "Reuters", "published": "2024-04-09",
     "text": "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday "
             "for talks on defence."},
    {"id": "reu-3", "outlet": "Reuters", "published": "2024-05-02",
     "text": "Israeli aircraft struck targets near Damascus on Wednesday, killing 12 people, "
             "Syrian state media said."},
    {"id": "ap-2", "outlet": "AP", "published": "2024-05-02",
     "text": "An Israeli air strike near Damascus on Wednesday killed at least 15 people, "
             "a monitoring group said."},
    {"id": "afp-2", "outlet": "AFP", "published": "2024-06-12",
     "text": "Kenya and Ethiopia signed an agreement on cross-border trade in Nairobi on Tuesday."},
    {"id": "reu-4", "outlet": "Reuters", "published": "2024-06-13",
     "text": "Ethiopia and Kenya signed a trade pact in Nairobi on Tuesday, officials said."},
    {"id": "reu-5", "outlet": "Reuters", "published": "1987-06-10",
     "text": "Japan's trade surplus with the United States widened to 8.3 billion dlrs in May, "
             "the Finance Ministry said."},
    {"id": "ap-3", "outlet": "AP", "published": "1987-06-11",
     "text": "Japan's trade surplus with the United States stood at 8.30 billion dlrs in May, "
             "officials said."},
    {"id": "afp-3", "outlet": "AFP", "published": "2024-06-14",
     "text": "Rain is forecast for most of the week, with sunshine returning on Saturday."},
]


@pytest.fixture(scope="module")
def extractor(nlp: Any) -> Any:
    from bilat import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="module")
def store(extractor: Any) -> Any:
    with EventStore(":memory:") as built:
        built.ingest(ARTICLES, extractor, batch_size=4)
        built.merge()
        yield built


def _by_type(happenings: list[Any], kind: str) -> list[Any]:
    return [h for h in happenings if h.type == kind]


def _mention(doc: str, event: Any, published: str, outlet: str = "X", index: int = 0) -> Mention:
    return Mention.of(doc, index, event, outlet=outlet, published=published)


def _day(value: str) -> dict[str, str]:
    return {"start": value, "end": value, "precision": "day"}


# -- merging, on extracted events --------------------------------------------------------------


def test_reports_of_one_visit_become_one_happening_and_the_next_visit_stays_apart(
    store: Any,
) -> None:
    happenings = store.merge()
    # the signing "in Nairobi" of reu-4 is an implicit visit of Ethiopia to Kenya (events.md:
    # a meeting held in B that an official of A attends); the Modi reports are the rest
    (signing,) = [h for h in _by_type(happenings, "visit")
                  if {m.doc_id for m in h.mentions} == {"reu-4"}]
    assert signing.mentions[0].event.implicit
    visits = [h for h in _by_type(happenings, "visit") if h is not signing]
    assert len(visits) == 2
    first, second = visits
    assert {m.doc_id for m in first.mentions} == {"afp-1", "reu-1", "ap-1"}
    assert (first.n_documents, first.n_sources) == (3, 3)
    # planned in February, reported done in March: one happening that took place
    assert first.modality == "asserted"
    assert dict(first.modalities) == {"asserted": 2, "planned": 1}
    assert first.date.start == dt.date(2024, 3, 4) and first.date.precision.value == "day"
    assert first.first_report == dt.date(2024, 2, 20)
    assert first.last_report == dt.date(2024, 3, 6)
    assert [m.doc_id for m in second.mentions] == ["reu-2"]
    assert (first.source, first.target, first.cameo, first.goldstein) == ("IND", "JPN", "042", 1.9)


def test_disagreeing_death_tolls_stay_visible(store: Any) -> None:
    (strike,) = _by_type(store.merge(), "strike")
    assert strike.n_documents == 2
    killed = strike.attribute("killed.min")
    assert killed is not None and killed.disputed
    assert dict(killed.votes) == {12: 1, 15: 1}
    assert strike.attribute("location.name").votes == (("Damascus", 2),)
    assert strike.goldstein == -10.0


def test_agreement_and_trade_figure_reports_merge(store: Any) -> None:
    happenings = store.merge()
    (agreement,) = _by_type(happenings, "agreement")
    assert agreement.parties == ("ETH", "KEN") and agreement.n_documents == 2
    (figure,) = _by_type(happenings, "trade_figure")  # 8.3 and 8.30 billion: one figure
    assert figure.n_documents == 2 and figure.cameo is None and figure.goldstein is None


# -- merging, hand-made cross-document cases ----------------------------------------------------


def test_two_visits_a_month_apart_stay_two_unless_the_window_says_otherwise() -> None:
    march = Visit(visitor_country="FRA", host_country="DEU", date=_day("2024-03-04"))
    april = Visit(visitor_country="FRA", host_country="DEU", date=_day("2024-04-08"))
    mentions = [
        _mention("a", march, "2024-03-05", "AFP"),
        _mention("b", march, "2024-03-05", "AP"),
        _mention("c", april, "2024-04-08", "AFP"),
    ]
    assert [h.n_documents for h in group_happenings(mentions)] == [2, 1]
    wide = MergeRules(windows={"visit": 40})
    assert [h.n_documents for h in group_happenings(mentions, wide)] == [3]


def test_visits_of_the_reverse_direction_are_another_happening() -> None:
    there = Visit(visitor_country="FRA", host_country="DEU", date=_day("2024-03-04"))
    back = Visit(visitor_country="DEU", host_country="FRA", date=_day("2024-03-04"))
    happenings = group_happenings(
        [_mention("a", there, "2024-03-05"), _mention("b", back, "2024-03-05")]
    )
    assert len(happenings) == 2


def test_a_plan_never_carried_out_in_its_window_stays_planned() -> None:
    plan = Visit(visitor_country="CHN", host_country="BRA", modality="planned",
                 date={"start": "2024-05-01", "end": "2024-05-31", "precision": "month"})
    done = Visit(visitor_country="CHN", host_country="BRA", date=_day("2024-09-10"))
    happenings = group_happenings(
        [_mention("a", plan, "2024-04-20"), _mention("b", done, "2024-09-11")]
    )
    assert [h.modality for h in happenings] == ["planned", "asserted"]


def test_undated_plan_then_report_is_one_happening_that_took_place() -> None:
    plan = Visit(visitor_country="CHN", host_country="BRA", modality="planned")
    done = Visit(visitor_country="CHN", host_country="BRA", date=_day("2024-03-12"))
    (happening,) = group_happenings(
        [_mention("a", plan, "2024-02-20"), _mention("b", done, "2024-03-13")]
    )
    assert happening.modality == "asserted" and happening.n_documents == 2


def test_two_events_of_one_document_are_never_merged() -> None:
    first = Visit(visitor_country="FRA", host_country="DEU", date=_day("2024-03-04"))
    second = Visit(visitor_country="FRA", host_country="DEU", date=_day("2024-03-06"))
    happenings = group_happenings(
        [_mention("a", first, "2024-03-07", index=0), _mention("a", second, "2024-03-07", index=1)]
    )
    assert len(happenings) == 2


def _figure(amount: float, flow: str = "balance", year: str = "1986") -> TradeFigure:
    return TradeFigure(
        countries=("JPN", "USA"), value={"amount": amount, "currency": "USD"}, flow=flow,
        period={"start": f"{year}-01-01", "end": f"{year}-12-31", "precision": "year"},
    )


def test_trade_figures_need_flow_period_and_amount_within_rounding() -> None:
    same = [
        _mention("a", _figure(51.48e9), "1987-02-01"),
        _mention("b", _figure(51.5e9), "1987-02-02"),
    ]
    assert len(group_happenings(same)) == 1
    other_flow = [same[0], _mention("c", _figure(51.5e9, flow="export"), "1987-02-02")]
    assert len(group_happenings(other_flow)) == 2
    other_year = [same[0], _mention("d", _figure(51.5e9, year="1985"), "1987-02-02")]
    assert len(group_happenings(other_year)) == 2
    other_amount = [same[0], _mention("e", _figure(52.1e9), "1987-02-02")]
    assert len(group_happenings(other_amount)) == 2


def test_icews_one_a_day_mode() -> None:
    # the same undated strike reported on two days: one happening, but one-a-day makes two
    strike = Strike(attacker_country="TUR", target_country="IRQ", kind="air")
    mentions = [
        _mention("a", strike, "2024-01-10"),
        _mention("b", strike, "2024-01-10"),
        _mention("c", strike, "2024-01-11"),
    ]
    assert len(group_happenings(mentions)) == 1
    daily = group_happenings(mentions, MergeRules(mode="one_a_day"))
    assert sorted(h.n_documents for h in daily) == [1, 2]
    # and one-a-day keeps apart what the code tells apart: signing (057) vs intent (030)
    signed = Agreement(parties=("ARG", "BRA"), date=_day("2024-01-10"))
    intent = Agreement(parties=("ARG", "BRA"), date=_day("2024-01-10"), modality="proposed")
    pair = [_mention("a", signed, "2024-01-10"), _mention("b", intent, "2024-01-10")]
    assert len(group_happenings(pair, MergeRules(mode="one_a_day"))) == 2
    assert len(group_happenings(pair)) == 1


def test_merge_is_independent_of_input_order_and_of_partitioning(store: Any) -> None:
    mentions = list(store.mentions())
    expected = [h.to_dict() for h in group_happenings(mentions)]
    shuffled = mentions[:]
    random.Random(7).shuffle(shuffled)
    assert [h.to_dict() for h in group_happenings(shuffled)] == expected
    partitions: dict[str, list[Mention]] = {}
    for mention in mentions:
        partitions.setdefault(partition_key(mention), []).append(mention)
    assert len(partitions) > 3
    pieces = [h for part in partitions.values() for h in group_happenings(part)]
    assert sorted(json.dumps(h.to_dict(), sort_keys=True) for h in pieces) == sorted(
        json.dumps(h, sort_keys=True) for h in expected
    )


# -- the store ----------------------------------------------------------------------------------


def test_store_tables_and_sql(store: Any) -> None:
    assert store.count("documents") == len(ARTICLES)
    assert store.count("events") == 11
    rows = store.sql(
        "SELECT type, n_documents FROM happenings ORDER BY type, n_documents"
    ).fetchall()
    assert rows == [("agreement", 2), ("strike", 2), ("trade_figure", 2), ("visit", 1),
                    ("visit", 1), ("visit", 3)]
    # every event reports exactly one happening
    assert store.sql("SELECT count(DISTINCT event_id) FROM mentions").fetchall() == [(11,)]
    assert store.count("mentions") == 11
    quiet = store.sql("SELECT n_events FROM documents WHERE doc_id = 'afp-3'").fetchall()
    assert quiet == [(0,)]


def test_reingest_is_idempotent_and_a_changed_document_replaces_its_events(
    extractor: Any,
) -> None:
    with EventStore(":memory:") as fresh:
        fresh.ingest(ARTICLES[:4], extractor)
        before = fresh.events()
        again = fresh.ingest(ARTICLES[:4], extractor)
        assert (again.documents_skipped, again.documents_stored) == (4, 0)
        pd.testing.assert_frame_equal(fresh.events(), before)
        changed = dict(ARTICLES[3], text="Japanese Foreign Minister Yoko Kamikawa arrived in "
                                         "New Delhi on Monday for talks.")
        report = fresh.ingest([changed], extractor)
        assert report.documents_stored == 1
        rows = fresh.sql("SELECT source, target FROM events WHERE doc_id = 'reu-2'").fetchall()
        assert rows == [("JPN", "IND")]
        assert fresh.count("documents") == 4 and fresh.count("events") == 4
        assert fresh.happenings_stale


def test_ingest_records_and_dataframe_give_the_same_events(extractor: Any, tmp_path: Path) -> None:
    results = extractor.pipe([(a["text"], a["published"]) for a in ARTICLES[:6]])
    lines = [
        json.dumps({**r.to_dict(), "id": a["id"], "outlet": a["outlet"]})
        for a, r in zip(ARTICLES[:6], results, strict=True)
    ]
    with EventStore(tmp_path / "a.duckdb") as from_jsonl:
        from_jsonl.ingest_records(json.loads(line) for line in lines)
        from_jsonl.ingest_records(json.loads(line) for line in lines)  # again: no duplicates
        jsonl_events = from_jsonl.events()
    with EventStore(":memory:") as from_frame:
        from_frame.ingest_dataframe(pd.DataFrame(ARTICLES[:6]), extractor)
        frame_events = from_frame.events()
    assert len(jsonl_events) == 6
    pd.testing.assert_frame_equal(jsonl_events, frame_events)


def test_export_parquet_and_csv(store: Any, tmp_path: Path) -> None:
    parquet = store.export(tmp_path / "pq", format="parquet")
    csv = store.export(tmp_path / "csv", format="csv")
    assert [p.name for p in parquet] == [
        "documents.parquet", "events.parquet", "happenings.parquet", "mentions.parquet"
    ]
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/events.parquet')")
    assert n.fetchall() == [(11,)]
    happenings = pd.read_csv(tmp_path / "csv" / "happenings.csv")
    assert sorted(happenings["n_documents"]) == [1, 1, 2, 2, 2, 3]
    assert {p.suffix for p in csv} == {".csv"}


def test_a_store_file_is_reopened_with_its_data(extractor: Any, tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with EventStore(path) as first:
        first.ingest(ARTICLES[4:6], extractor)
        first.merge()
    with EventStore(path, read_only=True) as reopened:
        assert reopened.count("events") == 2
        assert reopened.happenings()["n_documents"].tolist() == [2]


# -- time series and plots ----------------------------------------------------------------------


def test_dyad_counts_per_month_by_type_and_modality(store: Any) -> None:
    counts = dyad_counts(store, "JPN", "IND", freq="M")
    assert counts[["period", "source", "target", "type", "count"]].values.tolist() == [
        [pd.Timestamp("2024-03-01"), "JPN", "IND", "visit", 1],
        [pd.Timestamp("2024-04-01"), "JPN", "IND", "visit", 1],
    ]
    raw = dyad_counts(store, "IND", "JPN", freq="M", unit="events", by=("modality",))
    assert raw.groupby("modality")["count"].sum().to_dict() == {"asserted": 3, "planned": 1}
    everything = dyad_counts(store, freq="Y", by=("type", "cameo"))
    assert everything["count"].sum() == 6


def test_conflict_cooperation_series_uses_goldstein_weights(store: Any) -> None:
    conflict = conflict_cooperation(store, "SYR", "ISR", freq="M")
    assert conflict[["n", "conflict", "cooperation", "goldstein"]].values.tolist() == [
        [1, -10.0, 0.0, -10.0]
    ]
    cooperation = conflict_cooperation(store, "KEN", "ETH", freq="M")
    # the agreement (CAMEO 057, +8.0) and the implicit visit of its signing (042, +1.9)
    assert cooperation["goldstein"].tolist() == [9.9]


def test_every_cameo_code_bilat_emits_has_a_goldstein_weight() -> None:
    from bilat.codes import mapping

    codes = {
        rule["cameo"]
        for kind, entry in mapping().items()
        if not kind.startswith("_")
        for rule in [*entry["rules"], *([entry["reverse"]] if "reverse" in entry else [])]
        if rule.get("cameo")
    }
    assert codes and all(goldstein(code) is not None for code in codes)
    assert goldstein("042") < goldstein("057") and goldstein("174") < 0


def test_plots_use_the_html_views_type_colours(store: Any, tmp_path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from matplotlib.colors import to_rgb

    from bilat.dataset import plot_dyad_heatmap, plot_timeline
    from bilat.display import TYPE_COLOURS

    ax = plot_timeline(store, "IND", "JPN")
    colours = {to_rgb(p.get_facecolor()) for p in ax.patches}
    assert colours == {tuple(c / 255 for c in TYPE_COLOURS["visit"])}
    assert sum(p.get_height() for p in ax.patches) == 2
    heat = plot_dyad_heatmap(store)
    assert {t.get_text() for t in heat.get_xticklabels()} >= {"IND", "JPN", "ISR", "SYR"}
    heat.figure.savefig(tmp_path / "heat.png")
    assert (tmp_path / "heat.png").stat().st_size > 1000


# -- command line and import cost ---------------------------------------------------------------


def test_cli_build_timeline_export(nlp: Any, tmp_path: Path, capsys: Any) -> None:
    from bilat.cli import main

    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES[:6]), encoding="utf-8")
    db = str(tmp_path / "events.duckdb")
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    assert main(["dataset", "build", str(articles), "--db", db, "--model", model]) == 0
    out = capsys.readouterr().out
    assert "6 documents read, 6 stored" in out and "3 happenings" in out
    assert main(["dataset", "build", str(articles), "--db", db, "--model", model]) == 0
    assert "6 already stored" in capsys.readouterr().out
    png = tmp_path / "timeline.png"
    assert main(["dataset", "timeline", "IND", "JPN", "--db", db, "--plot", str(png),
                 "--format", "csv"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table == ["period,visit,goldstein", "2024-03-01,1,1.9", "2024-04-01,1,1.9"]
    assert png.stat().st_size > 1000
    assert main(["dataset", "export", "--db", db, "--format", "csv", "--out",
                 str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "happenings.csv").is_file()
    assert main(["dataset", "merge", "--db", db, "--mode", "one_a_day"]) == 0
    assert "happenings (one_a_day)" in capsys.readouterr().out


def test_cli_usage_errors(tmp_path: Path, capsys: Any) -> None:
    from bilat.cli import main

    assert main(["dataset", "timeline", "IND", "JPN", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such store" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "fine"}\nnot json\n', encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    assert main(["dataset", "build", str(bad), "--db", db, "--extracted"]) == 2
    assert "line 2: not valid JSON" in capsys.readouterr().err
    assert main(["dataset", "merge", "--db", db, "--window", "visit=soon"]) == 2


def test_import_bilat_dataset_stays_light() -> None:
    code = (
        "import sys, json\nimport bilat, bilat.dataset\n"
        "from bilat.dataset import MergeRules\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    loaded = {m.split(".")[0] for m in json.loads(out.splitlines()[-1])}
    assert not loaded & {"duckdb", "pandas", "matplotlib", "spacy", "dask"}


# -- properties of the merge --------------------------------------------------------------------

_STATES = ("FRA", "DEU", "JPN", "IND")


@st.composite
def _visit_mentions(draw: Any) -> list[Mention]:
    n = draw(st.integers(min_value=1, max_value=14))
    out = []
    for i in range(n):
        visitor, host = draw(st.permutations(_STATES))[:2]
        published = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 90)))
        date = None
        if draw(st.booleans()):
            day = published - dt.timedelta(days=draw(st.integers(0, 10)))
            month = draw(st.booleans())
            last = calendar.monthrange(day.year, day.month)[1]
            date = (
                {"start": day.replace(day=1).isoformat(),
                 "end": day.replace(day=last).isoformat(), "precision": "month"}
                if month
                else _day(day.isoformat())
            )
        modality = draw(st.sampled_from(["asserted", "planned", "claimed"]))
        visit = Visit(visitor_country=visitor, host_country=host, date=date, modality=modality)
        doc = f"d{draw(st.integers(0, n))}"
        out.append(Mention.of(doc, i, visit, outlet=f"o{i % 3}", published=published))
    return out


@given(_visit_mentions(), st.randoms(use_true_random=False))
def test_every_mention_lands_in_one_happening_whatever_the_order(
    mentions: list[Mention], rnd: Any
) -> None:
    happenings = group_happenings(mentions)
    placed = [m.event_id for h in happenings for m in h.mentions]
    assert sorted(placed) == sorted(m.event_id for m in mentions)
    for h in happenings:
        assert len({m.doc_id for m in h.mentions}) == h.n_documents == h.n_mentions
        assert len({(m.event.visitor_country, m.event.host_country) for m in h.mentions}) == 1
    shuffled = mentions[:]
    rnd.shuffle(shuffled)
    assert [h.to_dict() for h in group_happenings(shuffled)] == [h.to_dict() for h in happenings]
    daily = group_happenings(mentions, MergeRules(mode="one_a_day"))
    assert sum(h.n_mentions for h in daily) == len(mentions)


def test_an_id_given_twice_keeps_its_last_version(extractor: Any) -> None:
    older = dict(ARTICLES[1])
    newer = dict(ARTICLES[1], text=ARTICLES[6]["text"], published=ARTICLES[6]["published"])
    with EventStore(":memory:") as fresh:
        fresh.ingest([older, newer], extractor)  # one batch
        assert fresh.sql("SELECT doc_id, type FROM events").fetchall() == [("reu-1", "agreement")]
        fresh.ingest([older], extractor, batch_size=1)  # a later batch replaces it again
        assert fresh.sql("SELECT doc_id, type FROM events").fetchall() == [("reu-1", "visit")]
        assert fresh.count("documents") == 1


def test_a_document_that_cannot_be_read_is_stored_with_its_error(extractor: Any) -> None:
    broken = {"id": "bad-1", "outlet": "AP", "published": "2024-03-05", "text": None}
    with EventStore(":memory:") as fresh:
        report = fresh.ingest([broken, ARTICLES[1]], extractor)
        assert (report.documents_stored, report.failed, report.events_stored) == (2, 1, 1)
        rows = fresh.sql("SELECT doc_id, n_events, error IS NOT NULL FROM documents "
                         "ORDER BY doc_id").fetchall()
        assert rows == [("bad-1", 0, True), ("reu-1", 1, False)]
