"""The JSON Schema of :meth:`bilat.Event.to_dict`, generated from the attrs classes.

:func:`build_schema` writes one definition per value class (:mod:`bilat.values`) and per
event class; ``scripts/build_schema.py`` ships the shipped types' schema as
``bilat/data/event.schema.json`` (through :func:`bilat.export.build_event_schema`). What a
field's type cannot say, its attrs metadata does: ``{"enum": (...)}`` for a string of a
closed set (a trade figure's ``flow``), ``{"codes": True}`` for a tuple of ISO 3166-1
alpha-3 codes (``parties``); a string field whose name ends in ``_country`` is a code too.
An event type from an outside package gets its definition the same way
(:func:`add_event_definitions`), so :mod:`bilat.validation` can check its events.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from bilat.values import Actor, Count, Evidence, Money, Place, TimeSpan

__all__ = ["SCHEMA_ID", "add_event_definitions", "build_schema", "event_definition"]

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


def _string_schema(name: str, metadata: Any) -> dict[str, Any]:
    if "enum" in metadata:
        return {"type": "string", "enum": list(metadata["enum"])}
    if name.endswith("_country") or metadata.get("codes"):
        return {"type": "string", "pattern": _CODE_PATTERN, "description": _ROLE_HINT}
    return {"type": "string"}


def _type_schema(hint: Any, name: str, metadata: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        inner = _type_schema(rest[0], name, metadata) if len(rest) == 1 else {}
        return _nullable(inner) if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], name, metadata)}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if hint in _VALUE_TYPES:
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {dt.date: {"type": "string", "format": "date"}, Decimal: {"type": "number"},
              bool: {"type": "boolean"}, int: {"type": "integer"}}
    if hint in simple:
        return dict(simple[hint])
    if hint is str:
        return _string_schema(name, metadata)
    raise TypeError(f"no JSON Schema for field {name!r} of type {hint!r}")


def _object_schema(cls: type, *, title: str, description: str | None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], field.name, field.metadata)
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


def event_definition(cls: type) -> dict[str, Any]:
    """The schema of one event class's :meth:`~bilat.Event.to_dict` (a ``$defs`` entry)."""
    doc = (cls.__doc__ or "").split("\n\n")[0]
    schema = _object_schema(cls, title=cls.__name__, description=doc)
    schema["properties"] = {"type": {"const": cls.type}, **schema["properties"]}  # type: ignore[attr-defined]
    schema["properties"].update(_EXTRA_EVENT_KEYS)
    schema["required"] = ["type", *schema["required"]]
    schema["additionalProperties"] = True
    return schema


def build_schema(event_classes: Iterable[type]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the events of ``event_classes``, in their order."""
    defs: dict[str, Any] = {}
    for value_type in _VALUE_TYPES:
        doc = (value_type.__doc__ or "").split("\n\n")[0]
        defs[value_type.__name__] = _object_schema(
            value_type, title=value_type.__name__, description=doc
        )
    one_of = []
    for cls in event_classes:
        defs[cls.__name__] = event_definition(cls)
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


def add_event_definitions(schema: dict[str, Any], event_classes: Iterable[type]) -> None:
    """Add to ``schema`` (in place) the event classes it has no definition of."""
    defs = schema.setdefault("$defs", {})
    for cls in event_classes:
        if cls.__name__ not in defs:
            defs[cls.__name__] = event_definition(cls)
            schema.setdefault("oneOf", []).append({"$ref": f"#/$defs/{cls.__name__}"})
