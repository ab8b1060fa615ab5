"""Scale-out with Dask: extraction on a cluster into Parquet partitions, merging by dyad.

Needs the extras ``bilat[dask,dataset]``.

>>> import dask.bag as db                                                  # doctest: +SKIP
>>> from bilat.dataset.scaleout import extract_to_parquet, merge_bag       # doctest: +SKIP
>>> articles = db.read_text("articles-*.jsonl").map(json.loads)            # doctest: +SKIP
>>> paths = extract_to_parquet(articles, "parts/").compute()               # doctest: +SKIP
>>> with EventStore("events.duckdb") as store:                             # doctest: +SKIP
...     store.ingest_parquet(paths)
...     mentions = db.from_sequence(list(store.mentions()), npartitions=8)
...     store.write_happenings(merge_bag(mentions).compute(), MergeRules())

Each partition of articles is extracted by :func:`bilat.dask.extract_partition` on a
worker and written as one Parquet file (named by a hash of its document ids, so a rerun
overwrites instead of adding). Merging groups mentions by :func:`partition_key` (the dyad)
and merges each group on its own: the merge never joins mentions of different keys, so the
result equals :func:`group_happenings` on everything.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.dataset.happenings import (
    Happening,
    Mention,
    MergeRules,
    group_happenings,
    partition_key,
)

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["extract_to_parquet", "merge_bag", "write_partition"]


def write_partition(
    records: Iterable[Mapping[str, Any]],
    out_dir: str,
    *,
    model: str | None = None,
    types: tuple[str, ...] | None = None,
    batch_size: int = 32,
) -> list[str]:
    """Extract one partition of articles and write it as one Parquet file; return its path.

    Rows: ``id``, ``outlet``, ``published``, ``content_hash``, ``text``, ``model``,
    ``error`` and ``events`` (the JSON list of ``Event.to_dict()``), which
    :meth:`bilat.dataset.EventStore.ingest_parquet` reads.
    """
    import duckdb
    import pandas

    from bilat.dask import extract_partition
    from bilat.dataset.store import _iso, _opt_str, content_hash

    records = list(records)
    if not records:
        return []
    results = extract_partition(
        records, model=model, types=types, output="records", batch_size=batch_size
    )
    rows = []
    for record, result in zip(records, results, strict=True):
        text = record.get("text")
        published = _iso(record.get("published"))
        outlet = _opt_str(record.get("outlet"))
        rows.append(
            {
                "id": str(record["id"]),
                "outlet": outlet,
                "published": published,
                "content_hash": content_hash(str(text), published, outlet),
                "text": text if isinstance(text, str) else None,
                "model": result.get("model"),
                "error": result.get("error"),
                "events": json.dumps(result.get("events", []), ensure_ascii=False),
            }
        )
    ids = "\n".join(sorted(r["id"] for r in rows))
    name = hashlib.sha1(ids.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    path = Path(out_dir) / f"part-{name}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = pandas.DataFrame(rows, columns=list(rows[0])).astype(object)
    con = duckdb.connect()
    try:
        con.register("part", frame)
        target = str(path).replace("'", "''")
        con.execute(
            "COPY (SELECT CAST(id AS VARCHAR) id, CAST(outlet AS VARCHAR) outlet, "
            "CAST(published AS DATE) published, CAST(content_hash AS VARCHAR) content_hash, "
            "CAST(text AS VARCHAR) text, CAST(model AS VARCHAR) model, "
            "CAST(error AS VARCHAR) error, CAST(events AS VARCHAR) events FROM part) "
            f"TO '{target}' (FORMAT parquet)"
        )
    finally:
        con.close()
    return [str(path)]


def extract_to_parquet(
    bag: Bag,
    out_dir: str | Path,
    *,
    model: str | None = None,
    types: Iterable[str] | None = None,
    batch_size: int = 32,
) -> Bag:
    """A lazy bag of the Parquet files written by extracting ``bag`` partition by partition.

    ``bag`` holds article mappings (``id``, ``text``, ``published``, ``outlet``). Call
    ``.compute()`` for the list of paths, then :meth:`~bilat.dataset.EventStore.ingest_parquet`.
    """
    task = functools.partial(
        write_partition,
        out_dir=str(out_dir),
        model=model,
        types=None if types is None else tuple(types),
        batch_size=batch_size,
    )
    untyped: Any = bag
    result: Bag = untyped.map_partitions(task)
    return result


def _merge_group(item: tuple[str, list[Mention]], rules: MergeRules) -> list[Happening]:
    return group_happenings(item[1], rules)


def merge_bag(mentions: Bag, rules: MergeRules | None = None) -> Bag:
    """Merge a bag of :class:`Mention` partitioned by dyad; a lazy bag of happenings.

    The happenings equal :func:`group_happenings` of all the mentions (order aside: sort
    them, or hand them to :meth:`~bilat.dataset.EventStore.write_happenings`).
    """
    chosen = rules or MergeRules()
    untyped: Any = mentions
    grouped = untyped.groupby(partition_key)
    result: Bag = grouped.map(functools.partial(_merge_group, rules=chosen)).flatten()
    return result
