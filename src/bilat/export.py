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

import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from bilat.codes import codes_for
from bilat.event_types import EventSpec, find, specs
from bilat.events import EVENT_TYPES, FLOWS, STRIKE_KINDS, Event
from bilat.extraction import Extraction
from bilat.values import Actor, Count, Evidence, Money, Place, TimeSpan

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

SCHEMA_ID = "https://bilat.readthedocs.io/schema/event.schema.json"
_OPTIONAL_KEYS = frozenset({"start_char", "end_char", "max_amount"})
_CODE_PATTERN = "^[A-Z]{3}$"
_ROLE_HINT = "ISO 3166-1 alpha-3 code"
_EXTRA_EVENT_KEYS: dict[str, dict[str, Any]] = {
    "cameo": {
        "type": ["string", "null"],
        "pattern": "^[0-9]{2,4}$",
        "description": "CAMEO event code (bilat.codes)",
    },
    "plover": {"type": ["string", "null"], "description": "PLOVER event category"},
    "plover_mode": {"type": ["string", "null"], "description": "PLOVER mode"},
}
_ENUM_FIELDS: dict[str, tuple[str, ...]] = {"flow": FLOWS, "kind": STRIKE_KINDS}
_VALUE_TYPES: tuple[type, ...] = (Evidence, Actor, Place, TimeSpan, Money, Count)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    out = dict(schema)
    kind = out.get("type")
    if isinstance(kind, str):
        out["type"] = [kind, "null"]
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def _type_schema(hint: Any, name: str) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        inner = _type_schema(rest[0], name) if len(rest) == 1 else {}
        return _nullable(inner) if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], name)}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if hint in _VALUE_TYPES:
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is dt.date:
        return {"type": "string", "format": "date"}
    if hint is Decimal:
        return {"type": "number"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is str:
        if name in _ENUM_FIELDS:
            return {"type": "string", "enum": list(_ENUM_FIELDS[name])}
        if name.endswith("_country") or name in {"parties", "countries"}:
            return {"type": "string", "pattern": _CODE_PATTERN, "description": _ROLE_HINT}
        return {"type": "string"}
    raise TypeError(f"no JSON Schema for field {name!r} of type {hint!r}")


def _object_schema(cls: type, *, title: str, description: str | None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], field.name)
        if field.name == "type":
            continue
        properties[field.name] = schema
        if field.name not in _OPTIONAL_KEYS:
            required.append(field.name)
    out: dict[str, Any] = {"title": title, "type": "object"}
    if description:
        out["description"] = " ".join(description.split())
    out["properties"] = properties
    out["required"] = required
    return out


def build_event_schema() -> dict[str, Any]:
    """Generate the JSON Schema of :meth:`bilat.Event.to_dict` from the attrs classes.

    ``scripts/build_schema.py`` writes it to ``bilat/data/event.schema.json``; a test checks
    the shipped file matches, so the schema cannot drift from the classes.
    """
    defs: dict[str, Any] = {}
    for value_type in _VALUE_TYPES:
        doc = (value_type.__doc__ or "").split("\n\n")[0]
        defs[value_type.__name__] = _object_schema(
            value_type, title=value_type.__name__, description=doc
        )
    one_of = []
    for kind, cls in EVENT_TYPES.items():
        doc = (cls.__doc__ or "").split("\n\n")[0]
        schema = _object_schema(cls, title=cls.__name__, description=doc)
        schema["properties"] = {"type": {"const": kind}, **schema["properties"]}
        schema["properties"].update(_EXTRA_EVENT_KEYS)
        schema["required"] = ["type", *schema["required"]]
        schema["additionalProperties"] = True
        defs[cls.__name__] = schema
        one_of.append({"$ref": f"#/$defs/{cls.__name__}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "bilat event",
        "description": "One event as bilat.Event.to_dict() returns it "
        "(generated by scripts/build_schema.py from the classes; do not edit).",
        "oneOf": one_of,
        "$defs": defs,
    }


@functools.lru_cache(maxsize=1)
def _shipped_schema() -> str:
    return resources.files("bilat").joinpath("data/event.schema.json").read_text("utf-8")


def event_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one event's :meth:`~bilat.Event.to_dict`.

    Validate a JSONL line's events with, for example,
    ``jsonschema.validate(event_dict, bilat.export.event_schema())``.
    """
    schema: dict[str, Any] = json.loads(_shipped_schema())
    return schema
