"""bilat.dask on a local dask.distributed cluster gives the single-process events."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

# Written for this test: a few event-bearing sentences between event-free ones.
ARTICLES = [
    {"id": "a1", "published": "2024-03-05",
     "text": "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday for a two-day visit."},
    {"id": "a2", "published": "2024-03-06",
     "text": "The home side won 3-0 in front of a crowd of 40,000, their third win in a row."},
    {"id": "a3", "published": "2024-03-07",
     "text": "Kenya and Ethiopia signed an agreement on cross-border trade in Nairobi on Tuesday."},
    {"id": "a4", "published": None,
     "text": "Rain is forecast for most of the week, with sunshine returning on Saturday."},
    {"id": "a5", "published": "1987-06-10",
     "text": "Japan's trade surplus with the United States widened to 8.3 billion dlrs in May, "
             "the Finance Ministry said."},
    {"id": "a6", "published": "2024-03-09",
     "text": "Shares in the bank rose 2 percent after it beat profit forecasts."},
]


@pytest.fixture(scope="module")
def client(nlp: Any) -> Any:  # ``nlp``: skip without a trained pipeline
    from distributed import Client, LocalCluster

    try:
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    except Exception:  # a sandbox without subprocess workers: threads still run 2 workers
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        )
    with cluster, Client(cluster) as client:
        yield client


def _sorted(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(events, key=lambda e: (e["doc_id"], repr(sorted(e.items()))))


def test_events_equal_single_process(client: Any) -> None:
    import dask.bag as db

    from bilat.dask import extract_bag, extract_partition

    assert len(client.scheduler_info()["workers"]) == 2
    bag = db.from_sequence(ARTICLES, npartitions=3)
    distributed = extract_bag(bag).compute()
    single = extract_partition(ARTICLES)
    assert single, "the articles hold events"
    assert _sorted(distributed) == _sorted(single)
    assert {e["doc_id"] for e in single} >= {"a1", "a3"}


def test_records_in_order(client: Any) -> None:
    import dask.bag as db

    from bilat.dask import extract_bag

    bag = db.from_sequence([a["text"] for a in ARTICLES], npartitions=2)
    records = extract_bag(bag, output="records").compute()
    assert [r["text"] for r in records] == [a["text"] for a in ARTICLES]
    assert all(r.get("error") is None for r in records)


def test_worker_extractor_is_cached(nlp: Any) -> None:
    from bilat.dask import worker_extractor

    assert worker_extractor() is worker_extractor()
    assert worker_extractor(types=["visit"]) is not worker_extractor()
