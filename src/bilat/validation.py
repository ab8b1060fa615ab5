"""Check event data read from outside (JSON Lines, dicts) against bilat's JSON Schema.

:meth:`bilat.Event.from_dict` calls :func:`check_event` before building an event, so a
wrong value is refused with a :class:`ValueError` naming the field
(``parties: expected array, got string 'GRC'``) instead of being converted into wrong
data (``('C', 'G', 'R')``). The rules are the shipped ``bilat/data/event.schema.json``
(generated from the classes by :mod:`bilat.schema`, which also gives the definitions of
event types registered from outside packages), read by a
small validator for the part of JSON Schema it uses (``type``, ``enum``, ``const``,
``pattern``, ``format: date``, ``properties``, ``required``, ``items``, ``anyOf``,
``$ref``), so jsonschema is not needed at run time. Two rules go beyond the schema:
dates must be ``YYYY-MM-DD`` exactly, and a key the schema requires may be left out only
where the class has a default for it (files written by older versions stay readable).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from importlib import resources
from typing import Any

__all__ = ["check_choice", "check_event", "check_value", "describe"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """``value`` if it is one of ``choices`` (the settings a keyword argument ``name``
    takes); a :class:`TypeError` for a value that is no ``str``, a :class:`ValueError`
    listing the choices otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {list(choices)}, not {value!r}")
    return value


@functools.cache
def _shipped() -> dict[str, Any]:
    text = resources.files("bilat").joinpath("data/event.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _schema() -> dict[str, Any]:
    """The shipped schema, with definitions added for event types registered besides the
    shipped ones (:mod:`bilat.event_types`), generated from their classes."""
    from bilat.events import EVENT_TYPES

    return _with_added(tuple(EVENT_TYPES.values()))


@functools.lru_cache(maxsize=4)
def _with_added(classes: tuple[type, ...]) -> dict[str, Any]:
    schema = _shipped()
    if all(cls.__name__ in schema["$defs"] for cls in classes):
        return schema
    from bilat.schema import add_event_definitions

    schema = {**schema, "$defs": dict(schema["$defs"]), "oneOf": list(schema["oneOf"])}
    add_event_definitions(schema, classes)
    return schema


def describe(value: Any) -> str:
    """A short description of a JSON value for an error message: ``string 'GRC'``."""
    names = {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "array",
        tuple: "array",
        dict: "object",
        type(None): "null",
    }
    kind = names.get(type(value), type(value).__name__)
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return kind if isinstance(value, (dict, list, tuple)) else f"{kind} {shown}"


def _is(kind: str, value: Any) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return (
            not isinstance(value, bool)
            and isinstance(value, (int, float))
            and math.isfinite(value)
        )
    if kind == "array":
        return isinstance(value, (list, tuple))
    if kind == "object":
        return isinstance(value, dict)
    return True


def _fail(path: str, message: str) -> ValueError:
    return ValueError(f"{path}: {message}" if path else message)


def _check(value: Any, schema: dict[str, Any], path: str, optional: frozenset[str]) -> None:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        _check(value, _schema()["$defs"][name], path, _optional(name))
        return
    if "anyOf" in schema:
        branches = schema["anyOf"]
        if value is None and any(b.get("type") == "null" for b in branches):
            return
        real = [b for b in branches if b.get("type") != "null"]
        _check(value, real[0], path, optional)
        return
    if "const" in schema and value != schema["const"]:
        raise _fail(path, f"expected {schema['const']!r}, got {describe(value)}")
    kinds = schema.get("type")
    if kinds is not None:
        allowed = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_is(kind, value) for kind in allowed):
            raise _fail(path, f"expected {' or '.join(allowed)}, got {describe(value)}")
    if value is None:
        return
    if "enum" in schema and value not in schema["enum"]:
        choices = [v for v in schema["enum"] if v is not None]
        raise _fail(path, f"expected one of {choices}, got {describe(value)}")
    if isinstance(value, str):
        pattern = schema.get("pattern")
        if pattern and not re.search(pattern, value):
            raise _fail(path, f"{value!r} does not match {pattern}")
        if schema.get("format") == "date":
            try:
                ok = bool(_DATE.fullmatch(value)) and bool(dt.date.fromisoformat(value))
            except ValueError:
                ok = False
            if not ok:
                raise _fail(path, f"expected a date as YYYY-MM-DD, got {value!r}")
    if isinstance(value, (list, tuple)) and "items" in schema:
        for index, item in enumerate(value):
            _check(item, schema["items"], f"{path}[{index}]", optional)
    if isinstance(value, dict) and "properties" in schema:
        for key, sub in schema["properties"].items():
            where = f"{path}.{key}" if path else key
            if key in value:
                _check(value[key], sub, where, optional)
            elif key in schema.get("required", ()) and key not in optional:
                raise _fail(where, "missing")


@functools.cache
def _optional(definition: str) -> frozenset[str]:
    """The keys of ``$defs[definition]`` its class has a default for (older files may lack
    them; ``to_dict`` always writes them)."""
    import attrs

    from bilat import values
    from bilat.events import EVENT_TYPES

    classes = {cls.__name__: cls for cls in EVENT_TYPES.values()}
    cls = classes.get(definition) or getattr(values, definition)
    names = {field.name for field in attrs.fields(cls) if field.default is not attrs.NOTHING}
    return frozenset(names)


def check_value(value: Any, definition: str, path: str = "") -> None:
    """Check ``value`` against ``$defs[definition]`` of the event schema.

    Raises:
        ValueError: naming the first field that breaks a rule.
    """
    _check(value, _schema()["$defs"][definition], path, _optional(definition))


def check_event(data: Any, path: str = "") -> None:
    """Check one event dict (as :meth:`bilat.Event.to_dict` writes it) against the schema.

    Raises:
        ValueError: ``data`` is not an object, its ``type`` is unknown, or a field breaks
            the schema; the message names the field (``date.start: expected a date ...``).
    """
    from bilat.events import EVENT_TYPES, event_class

    if not isinstance(data, dict):
        raise _fail(path, f"an event must be an object, got {describe(data)}")
    kind = data.get("type")
    cls = event_class(kind) if isinstance(kind, str) else None
    if cls is None:
        where = f"{path}.type" if path else "type"
        raise _fail(where, f"unknown event type {kind!r}; expected one of {sorted(EVENT_TYPES)}")
    check_value(data, cls.__name__, path)
