"""Scale-out: extraction on a 2-worker cluster into Parquet, merged by dyad, as in one process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")
pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")

from bilat.dataset import EventStore, group_happenings  # noqa: E402

# Written for this test: two outlets on one visit and one strike, an agreement, a quiet day.
ARTICLES = [
    {"id": "w1", "outlet": "Wire A", "published": "2024-03-05",
     "text": "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday for a two-day visit."},
    {"id": "w2", "outlet": "Wire B", "published": "2024-03-06",
     "text": "Modi began a visit to Japan on Monday, his first trip to Tokyo since 2022."},
    {"id": "w3", "outlet": "Wire A", "published": "2024-05-02",
     "text": "Israeli aircraft struck targets near Damascus on Wednesday, killing 12 people."},
    {"id": "w4", "outlet": "Wire B", "published": "2024-05-02",
     "text": "An Israeli air strike near Damascus on Wednesday killed at least 15 people."},
    {"id": "w5", "outlet": "Wire A", "published": "2024-06-12",
     "text": "Kenya and Ethiopia signed an agreement on cross-border trade in Nairobi on Tuesday."},
    {"id": "w6", "outlet": "Wire B", "published": "2024-06-14",
     "text": "Rain is forecast for most of the week, with sunshine returning on Saturday."},
]


@pytest.fixture(scope="module")
def client(nlp: Any) -> Any:  # ``nlp``: skip without a trained pipeline
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with cluster, Client(cluster) as connected:
        yield connected


def _canonical(happenings: list[Any]) -> list[str]:
    return sorted(json.dumps(h.to_dict(), sort_keys=True) for h in happenings)


def test_cluster_extraction_and_merge_equal_single_process(
    client: Any, nlp: Any, tmp_path: Path
) -> None:
    import dask.bag as db

    from bilat import Extractor
    from bilat.dataset.scaleout import extract_to_parquet, merge_bag

    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    bag = db.from_sequence(ARTICLES, npartitions=2)
    paths = extract_to_parquet(bag, tmp_path / "parts", model=model).compute()
    assert len(paths) == 2 and all(Path(p).suffix == ".parquet" for p in paths)

    with EventStore(tmp_path / "cluster.duckdb") as cluster_store:
        cluster_store.ingest_parquet(paths)
        again = cluster_store.ingest_parquet(str(tmp_path / "parts" / "*.parquet"))
        assert again.documents_skipped == len(ARTICLES)  # idempotent
        cluster_events = cluster_store.events()
        mentions = list(cluster_store.mentions())
    with EventStore(":memory:") as local:
        local.ingest(ARTICLES, Extractor(nlp))
        local_events = local.events()
        local_mentions = list(local.mentions())
    assert len(cluster_events) == 5
    pd.testing.assert_frame_equal(cluster_events, local_events)

    merged = merge_bag(db.from_sequence(mentions, npartitions=3)).compute()
    expected = group_happenings(local_mentions)
    assert [h.n_documents for h in expected].count(2) == 2  # the visit and the strike
    assert _canonical(merged) == _canonical(expected)
