"""Flat tables and a JSON Schema for bilat output: pandas, CSV and validation.

* :func:`event_row` turns one event into a flat ``dict`` with the stable column names in
  :data:`COLUMNS` (one row per event; the same columns for every type, ``None`` where a
  type has no such field);
* :func:`to_dataframe` builds a :class:`pandas.DataFrame` of many extractions (pandas is
  an optional extra: ``pip install 'bilat[pandas]'``);
* :func:`event_schema` returns the JSON Schema of :meth:`bilat.Event.to_dict`, shipped as
  ``bilat/data/event.schema.json`` and generated from the classes by
  :func:`build_event_schema` (``python scripts/build_schema.py``).

JSON Lines files of whole extractions are written and read by
:func:`bilat.write_jsonl`/:func:`bilat.read_jsonl`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

from bilat.codes import codes_for
from bilat.event_types import EventSpec, find, specs
from bilat.events import Event
from bilat.extraction import Extraction
from bilat.schema import SCHEMA_ID as SCHEMA_ID
from bilat.values import Actor, Evidence, TimeSpan

if TYPE_CHECKING:
    import pandas

__all__ = [
    "COLUMNS",
    "PANDAS_HINT",
    "build_event_schema",
    "columns",
    "dyad",
    "event_row",
    "event_rows",
    "event_schema",
    "to_dataframe",
]

PANDAS_HINT = "pip install 'bilat[pandas]'"

_HEAD_COLUMNS: tuple[str, ...] = (
    "doc_index",
    "event_index",
    "type",
    "actor1_country",
    "actor2_country",
    "dyad",
    "modality",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
)
"""The columns every row starts with."""

_TAIL_COLUMNS: tuple[str, ...] = (
    "location_name",
    "location_country",
    "claimed_by_name",
    "claimed_by_country",
    "cameo",
    "plover",
    "plover_mode",
    "rule",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "evidence_count",
    "published",
    "model",
)
"""The columns every row ends with (a type's view may fill ``location_*``)."""


@functools.lru_cache(maxsize=4)
def _columns_of(specs: tuple[EventSpec, ...]) -> tuple[str, ...]:
    shared = {*_HEAD_COLUMNS, *_TAIL_COLUMNS}
    own = (column.name for spec in specs for column in spec.view.columns)
    return (*_HEAD_COLUMNS, *dict.fromkeys(c for c in own if c not in shared), *_TAIL_COLUMNS)


def columns() -> tuple[str, ...]:
    """The columns of :func:`event_row` now: the common ones, then each registered type's
    own (``View.columns`` in :mod:`bilat.event_types`, in the registry's order), then the
    common tail. :data:`COLUMNS` is the same list as it was when this module was imported."""
    return _columns_of(specs())


COLUMNS: tuple[str, ...] = columns()
"""The columns of :func:`event_row` and :func:`to_dataframe`, in order: the shipped types'
and those of the types registered when :mod:`bilat.export` was imported (see
:func:`columns`). Only ever added to."""

DATE_COLUMNS = ("date_start", "date_end", "period_start", "period_end", "published")


def dyad(event: Event) -> tuple[str | None, str | None]:
    """The event's two main countries, source first where the event has a direction.

    Visitor → host, deporting → origin, attacker → target; a trade figure's source →
    partner when the text gives a direction, else its two countries in code order; an
    agreement's first two parties in code order. The type's spec says which fields
    (``EventSpec.dyad`` and ``direction`` in :mod:`bilat.event_types`).
    """
    spec = find(event.type)
    return (None, None) if spec is None else spec.dyad_of(event)


def _joined(codes: Iterable[str]) -> str | None:
    joined = ";".join(codes)
    return joined or None


def _span(prefix: str, span: TimeSpan | None, row: dict[str, Any], *, text: bool) -> None:
    row[f"{prefix}_start"] = None if span is None else span.start
    row[f"{prefix}_end"] = None if span is None else span.end
    row[f"{prefix}_precision"] = None if span is None else span.precision.value
    if text:
        row[f"{prefix}_text"] = None if span is None else span.text


def event_row(
    event: Event, extraction: Extraction | None = None, *, event_index: int | None = None
) -> dict[str, Any]:
    """One event as a flat ``dict`` with every name in :func:`columns`.

    Dates are :class:`datetime.date`, amounts ``float``, counts ``int``; set-valued roles
    (``parties``, ``countries``) are ISO3 codes joined by ``";"`` in code order; the
    evidence columns describe the first mention and ``evidence_count`` counts them all.
    """
    row: dict[str, Any] = dict.fromkeys(columns())
    if extraction is not None:
        row["doc_index"] = extraction.doc_index
        row["published"] = extraction.published
        row["model"] = extraction.model
    row["event_index"] = event_index
    row["type"] = event.type
    first, second = dyad(event)
    row["actor1_country"], row["actor2_country"] = first, second
    row["dyad"] = _joined(sorted(c for c in (first, second) if c))
    row["modality"] = event.modality.value
    _span("date", event.date, row, text=True)
    claimed: Actor | None = event.claimed_by
    row["claimed_by_name"] = None if claimed is None else claimed.name
    row["claimed_by_country"] = None if claimed is None else claimed.country
    codes = codes_for(event)
    row["cameo"], row["plover"], row["plover_mode"] = codes.cameo, codes.plover, codes.plover_mode
    row["rule"] = event.rule
    evidence: tuple[Evidence, ...] = event.evidence
    if evidence:
        row["evidence_start"] = evidence[0].start
        row["evidence_end"] = evidence[0].end
        row["evidence_text"] = evidence[0].text
    row["evidence_count"] = len(evidence)
    spec = find(event.type)
    for column in () if spec is None else spec.view.columns:
        row[column.name] = column.value(event)
    return row


def event_rows(extractions: Iterable[Extraction]) -> list[dict[str, Any]]:
    """:func:`event_row` for every event of every extraction, in order.

    ``doc_index`` is the extraction's own ``doc_index`` when set (as
    :meth:`bilat.Extractor.pipe` sets it), else its position in ``extractions``.
    """
    rows: list[dict[str, Any]] = []
    for position, extraction in enumerate(extractions):
        for index, event in enumerate(extraction):
            row = event_row(event, extraction, event_index=index)
            if row["doc_index"] is None:
                row["doc_index"] = position
            rows.append(row)
    return rows


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            f"bilat's DataFrame export needs pandas, which is not installed; run `{PANDAS_HINT}`"
        ) from exc
    return pandas


def to_dataframe(extractions: Extraction | Iterable[Extraction]) -> pandas.DataFrame:
    """One row per event of ``extractions``, with the columns in :func:`columns`.

    Date columns are ``datetime64``, amounts ``float``, counts nullable integers
    (``Int64``), ``implicit`` a nullable boolean; an extraction without events adds no row.

    Raises:
        ImportError: pandas is not installed (``pip install 'bilat[pandas]'``).
    """
    pd = _pandas()
    items = [extractions] if isinstance(extractions, Extraction) else list(extractions)
    names = columns()
    frame = pd.DataFrame(event_rows(items), columns=list(names))
    for name in DATE_COLUMNS:
        frame[name] = pd.to_datetime(frame[name])
    for name in names:
        if name.endswith(("_min", "_max")) and not name.startswith("value_"):
            frame[name] = frame[name].astype("Int64")
    for name in ("doc_index", "event_index", "evidence_start", "evidence_end", "evidence_count"):
        frame[name] = frame[name].astype("Int64")
    frame["value_amount"] = frame["value_amount"].astype("float64")
    frame["value_max_amount"] = frame["value_max_amount"].astype("float64")
    frame["implicit"] = frame["implicit"].astype("boolean")
    return frame


# --- JSON Schema -------------------------------------------------------------------------

def build_event_schema(event_specs: Iterable[EventSpec] | None = None) -> dict[str, Any]:
    """Generate the JSON Schema of :meth:`bilat.Event.to_dict` from the attrs classes.

    ``event_specs`` are the types it covers (:mod:`bilat.event_types`); by default the
    shipped ones, which is what ``scripts/build_schema.py`` writes to
    ``bilat/data/event.schema.json``. A test checks the shipped file matches, so the schema
    cannot drift from the classes.
    """
    from bilat.event_types import BUILTIN_TYPES, get
    from bilat.schema import build_schema

    chosen = [get(name) for name in BUILTIN_TYPES] if event_specs is None else event_specs
    return build_schema(spec.event_class for spec in chosen)


@functools.lru_cache(maxsize=1)
def _shipped_schema() -> str:
    return resources.files("bilat").joinpath("data/event.schema.json").read_text("utf-8")


def event_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one event's :meth:`~bilat.Event.to_dict`.

    The shipped schema, plus the definitions of any type registered besides the shipped ones
    (:mod:`bilat.event_types`). Validate a JSONL line's events with, for example,
    ``jsonschema.validate(event_dict, bilat.export.event_schema())``.
    """
    from bilat.schema import add_event_definitions

    schema: dict[str, Any] = json.loads(_shipped_schema())
    add_event_definitions(schema, (spec.event_class for spec in specs()))
    return schema
