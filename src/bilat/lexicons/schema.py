"""Structure JSON data into frozen attrs classes, failing with the file and the key named.

A small, strict relative of cattrs' ``structure`` for bilat's lexicon files. The field types
of an attrs class say what each key holds; :func:`structure` checks a parsed JSON value
against them and builds the instance:

* ``str``, ``int``, ``float``, ``bool`` (a ``bool`` is no number, an ``int`` is a float);
* ``Literal["a", "b"]``: one of the given strings;
* ``tuple[X, ...]``: a JSON list, each item an ``X``;
* ``dict[str, X]``: a JSON object, each value an ``X`` (order kept);
* ``X | None``: ``null`` or an ``X``;
* another attrs class: a JSON object with exactly its fields (those with a default may be
  left out); a key starting with ``_`` is a comment and skipped; any other unknown key fails;
* ``Any``: taken as it is.

Every error is a :class:`LexiconError` whose message starts with where the value was found:
``bilat/data/modality_cues.json: cues[3].direction: expected one of ['forward', ...], got
'forwards'``.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, Literal, TypeVar, get_args, get_origin

import attrs

__all__ = ["LexiconError", "check_data", "checker", "string_list", "structure", "word_groups"]

T = TypeVar("T")


class LexiconError(ValueError):
    """A lexicon file or a user's addition that does not fit its schema.

    The message names the source (a package file such as ``bilat/event_types/visit/lexicon.json``
    or the argument a user gave), the key path inside it and what was wrong.
    """


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _fail(where: str, expected: str, value: object) -> LexiconError:
    where = where[:-2] if where.endswith(": ") else where
    shown = repr(value) if isinstance(value, (str, int, float, bool)) else _json_type(value)
    return LexiconError(f"{where}: expected {expected}, got {shown}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if not where.endswith(": ") else f"{where}{key}"


def structure(value: object, tp: Any, where: str) -> Any:
    """``value`` (parsed JSON) checked against the type ``tp`` and built into it.

    Args:
        value: what ``json.loads`` gave (or what a user passed).
        tp: an attrs class or one of the types listed in the module docstring.
        where: the source and key path, for messages (``"bilat/data/x.json: cues[2]"``).

    Raises:
        LexiconError: the value does not fit; the message starts with ``where``.
    """
    if tp is Any:
        return value
    if attrs.has(tp):
        return _structure_class(value, tp, where)
    origin = get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return _structure_union(value, tp, where)
    if origin is Literal:
        allowed = get_args(tp)
        if value not in allowed or isinstance(value, bool):
            raise _fail(where, f"one of {list(allowed)}", value)
        return value
    if origin is tuple:
        return _structure_tuple(value, get_args(tp), where)
    if origin is dict:
        return _structure_dict(value, get_args(tp), where)
    return _scalar(value, tp, where)


def _structure_union(value: object, tp: Any, where: str) -> Any:
    args = get_args(tp)
    if value is None and type(None) in args:
        return None
    rest = [a for a in args if a is not type(None)]
    if len(rest) != 1:  # pragma: no cover - schema authoring error
        raise TypeError(f"unsupported union {tp!r}")
    return structure(value, rest[0], where)


def _structure_tuple(value: object, args: tuple[Any, ...], where: str) -> tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise _fail(where, "a list", value)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(structure(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
    if len(value) != len(args):
        raise _fail(where, f"a list of {len(args)} items", value)
    return tuple(structure(v, a, f"{where}[{i}]")
                 for i, (v, a) in enumerate(zip(value, args, strict=True)))


def _structure_dict(value: object, args: tuple[Any, ...], where: str) -> dict[Any, Any]:
    key_tp, item_tp = args
    if not isinstance(value, dict):
        raise _fail(where, "an object", value)
    out: dict[Any, Any] = {}
    for k, v in value.items():
        if key_tp is str and not isinstance(k, str):
            raise _fail(where, "an object with string keys", k)
        out[k] = structure(v, item_tp, f"{where}[{k!r}]")
    return out


def _scalar(value: object, tp: Any, where: str) -> Any:
    if tp is bool:
        if not isinstance(value, bool):
            raise _fail(where, "true or false", value)
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(where, "a whole number", value)
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _fail(where, "a number", value)
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise _fail(where, "a string", value)
        return value
    raise TypeError(f"unsupported schema type {tp!r}")  # pragma: no cover - schema bug


def _structure_class(value: object, cls: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise _fail(where, f"an object ({cls.__name__})", value)
    fields = attrs.fields_dict(cls)
    unknown = [k for k in value if not (isinstance(k, str) and k.startswith("_"))
               and k not in fields]
    if unknown:
        inside = where[:-2] if where.endswith(": ") else where
        raise LexiconError(
            f"{inside}: unknown key {unknown[0]!r}; expected one of {sorted(fields)} "
            "(keys starting with '_' are comments)"
        )
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in value:
            if field.default is attrs.NOTHING:
                raise LexiconError(f"{_at(where, name)}: missing (required key)")
            continue
        kwargs[field.alias or name] = structure(value[name], hints[name], _at(where, name))
    try:
        return cls(**kwargs)
    except LexiconError:
        raise
    except (TypeError, ValueError) as exc:  # a check of the class's own (__attrs_post_init__)
        inside = where[:-2] if where.endswith(": ") else where
        raise LexiconError(f"{inside}: {exc}") from None


def string_list(value: object, where: str) -> tuple[str, ...]:
    """``value`` as a tuple of strings, or a :class:`LexiconError` naming ``where``."""
    if not isinstance(value, (list, tuple)):
        raise _fail(where, "a list of strings", value)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise _fail(f"{where}[{i}]", "a string", item)
    return tuple(value)


def word_groups(value: object, where: str) -> tuple[str, ...] | dict[str, tuple[str, ...]]:
    """A named word list of a trigger file: a list of strings, or an object whose values are
    lists of strings (named groups, e.g. weapon kinds), or an object whose values are all
    strings (a word map, e.g. city -> state code; each value read as a one-word group);
    anything else fails naming ``where``."""
    if isinstance(value, dict):
        if value and all(isinstance(v, str) for v in value.values()):
            return {str(k): (str(v),) for k, v in value.items()}
        return {str(k): string_list(v, f"{where}[{k!r}]") for k, v in value.items()}
    if not isinstance(value, (list, tuple)):
        raise _fail(where, "a list of strings (or an object of such lists)", value)
    return string_list(value, where)


Check = typing.Callable[[object], bool]


_SCALAR_CHECKS: dict[Any, Check] = {
    bool: lambda v: v is True or v is False,
    int: lambda v: type(v) is int,
    float: lambda v: type(v) in (int, float),
    str: lambda v: type(v) is str,
}


@cache
def checker(tp: Any) -> Check:
    """A fast test that a parsed JSON value fits ``tp`` (no instance built, no message): for
    the large gazetteer tables. When it says no, :func:`structure` finds and names the fault.
    """
    if tp is Any:
        return lambda v: True
    if attrs.has(tp):
        return _class_checker(tp)
    origin = get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        parts = [checker(a) for a in get_args(tp) if a is not type(None)]
        optional = type(None) in get_args(tp)
        return lambda v: (optional and v is None) or any(c(v) for c in parts)
    if origin is Literal:
        allowed = frozenset(get_args(tp))
        return lambda v: isinstance(v, str) and v in allowed
    if origin is tuple:
        return _tuple_checker(get_args(tp))
    if origin is dict:
        value_check = checker(get_args(tp)[1])
        return lambda v: (isinstance(v, dict) and all(isinstance(k, str) for k in v)
                          and all(map(value_check, v.values())))
    if tp in _SCALAR_CHECKS:
        return _SCALAR_CHECKS[tp]
    raise TypeError(f"unsupported schema type {tp!r}")  # pragma: no cover - schema bug


def _tuple_checker(args: tuple[Any, ...]) -> Check:
    if len(args) == 2 and args[1] is Ellipsis:
        item = checker(args[0])
        return lambda v: isinstance(v, (list, tuple)) and all(map(item, v))
    items = [checker(a) for a in args]
    return lambda v: (isinstance(v, (list, tuple)) and len(v) == len(items)
                      and all(c(x) for c, x in zip(items, v, strict=True)))


_SIMPLE: dict[Any, tuple[type, ...]] = {str: (str,), int: (int,), bool: (bool,),
                                        float: (int, float)}


def _simple_types(tp: Any) -> tuple[type, ...] | None:
    """The exact Python types a scalar (or optional scalar) field accepts, else ``None``."""
    if tp in _SIMPLE:
        return _SIMPLE[tp]
    origin = get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = get_args(tp)
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and rest[0] in _SIMPLE and len(args) == 2:
            return (*_SIMPLE[rest[0]], type(None))
    return None


def _class_checker(cls: type) -> Check:
    fields = attrs.fields_dict(cls)
    hints = _hints(cls)
    simple = {n: t for n in fields if (t := _simple_types(hints[n])) is not None}
    nested = {n: checker(hints[n]) for n in fields if n not in simple}
    allowed = frozenset(fields)
    required = frozenset(n for n, f in fields.items() if f.default is attrs.NOTHING)
    has_post_init = hasattr(cls, "__attrs_post_init__")

    def check(v: object) -> bool:
        if type(v) is not dict:
            return False
        keys = v.keys()
        if not required <= keys:
            return False
        if not keys <= allowed and any(
            not (isinstance(k, str) and k.startswith("_")) for k in keys - allowed
        ):
            return False
        for key, accepted in simple.items():
            if key in v and type(v[key]) not in accepted:
                return False
        for key, c in nested.items():
            if key in v and not c(v[key]):
                return False
        return not has_post_init

    return check


def check_data(value: object, tp: Any, where: str) -> None:
    """Check ``value`` against ``tp`` without building it (fast), naming the fault like
    :func:`structure` when it does not fit.

    Raises:
        LexiconError: the value does not fit; the message starts with ``where``.
    """
    if not checker(tp)(value):
        structure(value, tp, where)
