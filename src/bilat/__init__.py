"""bilat: typed, dated, country-resolved bilateral-relations events from English news.

>>> import bilat
>>> result = bilat.extract(text, published="2025-05-21")   # doctest: +SKIP
>>> for event in result:                                      # doctest: +SKIP
...     print(event.to_dict())

Importing bilat is cheap: spaCy, the model and the gazetteers load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bilat.events import EVENT_TYPES, Agreement, Deportation, Event, Strike, TradeFigure, Visit
from bilat.values import Actor, Count, Evidence, Modality, Money, Place, Precision, TimeSpan

if TYPE_CHECKING:
    from bilat.actors import resolve_country
    from bilat.api import extract, load
    from bilat.export import to_dataframe
    from bilat.extraction import Extraction, read_jsonl, write_jsonl
    from bilat.extractor import Extractor
    from bilat.normalise import find_counts, find_money, parse_count, parse_date, parse_money
    from bilat.pipeline_loading import ModelNotFoundError, load_pipeline

__version__ = "0.1.0.dev0"

# Public names that pull in heavier modules (spaCy, dateparser, gazetteers), loaded on first use.
_LAZY: dict[str, str] = {
    "extract": "bilat.api",
    "load": "bilat.api",
    "Extraction": "bilat.extraction",
    "read_jsonl": "bilat.extraction",
    "write_jsonl": "bilat.extraction",
    "Extractor": "bilat.extractor",
    "to_dataframe": "bilat.export",
    "ModelNotFoundError": "bilat.pipeline_loading",
    "load_pipeline": "bilat.pipeline_loading",
    "resolve_country": "bilat.actors",
    "parse_date": "bilat.normalise",
    "parse_money": "bilat.normalise",
    "parse_count": "bilat.normalise",
    "find_money": "bilat.normalise",
    "find_counts": "bilat.normalise",
}

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "Agreement",
    "Count",
    "Deportation",
    "Event",
    "Evidence",
    "Extraction",
    "Extractor",
    "Modality",
    "ModelNotFoundError",
    "Money",
    "Place",
    "Precision",
    "Strike",
    "TimeSpan",
    "TradeFigure",
    "Visit",
    "__version__",
    "extract",
    "find_counts",
    "find_money",
    "load",
    "load_pipeline",
    "parse_count",
    "parse_date",
    "parse_money",
    "read_jsonl",
    "resolve_country",
    "to_dataframe",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bilat' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
