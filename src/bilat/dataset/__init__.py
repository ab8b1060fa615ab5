"""From articles to an event dataset: cross-document happenings, an event store, time series.

Needs the optional extra: ``pip install 'bilat[dataset]'`` (DuckDB and pandas; matplotlib
for the plots). Nothing heavy is imported until a name below is used.

>>> from bilat.dataset import EventStore                                  # doctest: +SKIP
>>> with EventStore("events.duckdb") as store:                            # doctest: +SKIP
...     store.ingest(articles)            # dicts: id, text, published, outlet
...     store.merge()                     # events of many documents -> happenings
...     store.sql("SELECT type, count(*) FROM happenings GROUP BY type").df()

See ``docs/dataset.md`` for the schema, the merge rules and the measured merge quality.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Attribute",
    "EventStore",
    "Happening",
    "IngestReport",
    "Mention",
    "MergeRules",
    "bcubed",
    "conflict_cooperation",
    "dyad_counts",
    "goldstein",
    "group_happenings",
    "partition_key",
    "plot_dyad_heatmap",
    "plot_timeline",
]

_LAZY: dict[str, str] = {
    "Attribute": "bilat.dataset.happenings",
    "Happening": "bilat.dataset.happenings",
    "MergeRules": "bilat.dataset.happenings",
    "Mention": "bilat.dataset.happenings",
    "goldstein": "bilat.dataset.happenings",
    "group_happenings": "bilat.dataset.happenings",
    "partition_key": "bilat.dataset.happenings",
    "EventStore": "bilat.dataset.store",
    "IngestReport": "bilat.dataset.store",
    "dyad_counts": "bilat.dataset.timeseries",
    "conflict_cooperation": "bilat.dataset.timeseries",
    "plot_timeline": "bilat.dataset.plot",
    "plot_dyad_heatmap": "bilat.dataset.plot",
    "bcubed": "bilat.dataset.evaluation",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bilat.dataset' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
