"""Value types that events are built from: evidence, actors, places, times, money, counts.

Every value keeps the raw text it was read from next to the parsed value, and, where it was
found in a document, the character offsets of that text (``start_char``/``end_char``, as in
spaCy's ``Span``), so ``document[start_char:end_char] == text``.

All classes are frozen, slotted attrs classes; ``to_dict()`` gives plain JSON-ready data and
``from_dict()`` reads it back (see ``shared/docs/events.md`` for the contract).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

import attrs

__all__ = [
    "Actor",
    "Count",
    "Evidence",
    "Modality",
    "Money",
    "Place",
    "Precision",
    "PublishedLike",
    "TimeSpan",
    "parse_published",
]


class Modality(str, Enum):
    """How the text holds an event (``shared/docs/events.md``, "Modality")."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    PROPOSED = "proposed"
    IN_PRINCIPLE = "in_principle"
    CLAIMED = "claimed"
    DENIED = "denied"
    NEGATED = "negated"

    def __str__(self) -> str:
        return self.value


class Precision(str, Enum):
    """How precisely a :class:`TimeSpan` is known, finest first."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"

    def __str__(self) -> str:
        return self.value


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _check_offsets(instance: Any, _attribute: Any, _value: Any) -> None:
    start, end = instance.start_char, instance.end_char
    if (start is None) != (end is None):
        raise ValueError("start_char and end_char must both be set or both be None")
    if start is not None and end is not None and not 0 <= start <= end:
        raise ValueError(f"bad character offsets: {start}..{end}")


def _offsets_dict(start: int | None, end: int | None) -> dict[str, Any]:
    if start is None:
        return {}
    return {"start_char": start, "end_char": end}


@attrs.frozen(slots=True)
class Evidence:
    """A span of the input text that mentions an event: ``text == document[start:end]``."""

    start: int = attrs.field(converter=int)
    end: int = attrs.field(converter=int)
    text: str = attrs.field(converter=str)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad evidence offsets: {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"evidence text has {len(self.text)} characters but offsets span "
                f"{self.end - self.start}"
            )

    @classmethod
    def from_text(cls, document: str, start: int, end: int) -> Evidence:
        """Cut the evidence for ``document[start:end]`` out of ``document``."""
        return cls(start=start, end=end, text=document[start:end])

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        """Read what :meth:`to_dict` wrote."""
        return cls(start=data["start"], end=data["end"], text=data["text"])


@attrs.frozen(slots=True)
class Actor:
    """A person or body acting for a state: ``name``, optional ``title``, ``country`` (ISO3)."""

    name: str | None = attrs.field(default=None, converter=_opt_str)
    country: str | None = attrs.field(default=None, converter=_opt_str)
    title: str | None = attrs.field(default=None, converter=_opt_str)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"name", "title", "country"}``."""
        return {"name": self.name, "title": self.title, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        """Read what :meth:`to_dict` wrote."""
        return cls(name=data.get("name"), country=data.get("country"), title=data.get("title"))


@attrs.frozen(slots=True)
class Place:
    """A named place (city, province, site) and the state it lies in."""

    name: str = attrs.field(converter=str)
    country: str | None = attrs.field(default=None, converter=_opt_str)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"name", "country"}``."""
        return {"name": self.name, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        """Read what :meth:`to_dict` wrote."""
        return cls(name=data["name"], country=data.get("country"))


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@attrs.frozen(slots=True)
class TimeSpan:
    """A normalised time: the first and last day it covers, and how precisely it is known.

    "in December" in a story of 2025-05-21 is ``TimeSpan(2024-12-01, 2024-12-31, MONTH)``;
    a date is never made more precise than the text says.
    """

    start: dt.date = attrs.field(converter=_to_date)
    end: dt.date = attrs.field(converter=_to_date)
    precision: Precision = attrs.field(converter=Precision)
    text: str = attrs.field(default="", converter=str)
    start_char: int | None = attrs.field(default=None, converter=_opt_int, validator=_check_offsets)
    end_char: int | None = attrs.field(default=None, converter=_opt_int)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"time span ends ({self.end}) before it starts ({self.start})")

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"start", "end", "precision", "text"}`` (ISO dates) plus offsets if known."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision.value,
            "text": self.text,
            **_offsets_dict(self.start_char, self.end_char),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeSpan:
        """Read what :meth:`to_dict` wrote."""
        return cls(
            start=data["start"],
            end=data["end"],
            precision=data["precision"],
            text=data.get("text", ""),
            start_char=data.get("start_char"),
            end_char=data.get("end_char"),
        )


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):
        result = Decimal(repr(value))
    else:
        try:
            result = Decimal(str(value))
        except InvalidOperation as exc:
            raise ValueError(f"not a number: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"money amount must be finite, got {value!r}")
    return result


@attrs.frozen(slots=True)
class Money:
    """An amount of money in units of an ISO 4217 currency, with the text it came from.

    ``amount`` is a :class:`~decimal.Decimal` ("$1.2bn" is ``Decimal("1200000000")``);
    ``currency`` is ``None`` when the text gives none. ``max_amount`` is set for ranges
    ("$5 million-$10 million").
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    currency: str | None = attrs.field(default=None, converter=_opt_str)
    text: str = attrs.field(default="", converter=str)
    max_amount: Decimal | None = attrs.field(
        default=None, converter=attrs.converters.optional(_to_decimal)
    )
    start_char: int | None = attrs.field(default=None, converter=_opt_int, validator=_check_offsets)
    end_char: int | None = attrs.field(default=None, converter=_opt_int)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"amount", "currency", "text"}`` (amount as a float) plus extras if set."""
        out: dict[str, Any] = {
            "amount": float(self.amount),
            "currency": self.currency,
            "text": self.text,
        }
        if self.max_amount is not None:
            out["max_amount"] = float(self.max_amount)
        out.update(_offsets_dict(self.start_char, self.end_char))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Money:
        """Read what :meth:`to_dict` wrote."""
        return cls(
            amount=data["amount"],
            currency=data.get("currency"),
            text=data.get("text", ""),
            max_amount=data.get("max_amount"),
            start_char=data.get("start_char"),
            end_char=data.get("end_char"),
        )


@attrs.frozen(slots=True)
class Count:
    """A number of people or things with bounds: "more than 80,000" is ``min=80000, max=None``.

    An exact figure has ``min == max``; a vague one keeps only the bounds the text supports
    ("tens of thousands": 20,000 to 99,999).
    """

    min: int | None = attrs.field(default=None, converter=_opt_int)
    max: int | None = attrs.field(default=None, converter=_opt_int)
    text: str = attrs.field(default="", converter=str)
    start_char: int | None = attrs.field(default=None, converter=_opt_int, validator=_check_offsets)
    end_char: int | None = attrs.field(default=None, converter=_opt_int)

    def __attrs_post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError(f"count bounds out of order: min {self.min} > max {self.max}")

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"min", "max", "text"}`` plus offsets if known."""
        return {
            "min": self.min,
            "max": self.max,
            "text": self.text,
            **_offsets_dict(self.start_char, self.end_char),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Count:
        """Read what :meth:`to_dict` wrote."""
        return cls(
            min=data.get("min"),
            max=data.get("max"),
            text=data.get("text", ""),
            start_char=data.get("start_char"),
            end_char=data.get("end_char"),
        )


PublishedLike = dt.date | dt.datetime | str | None
"""What a publication date may be given as."""
"""What ``published=`` accepts: a date, a datetime, an ISO 8601 string, or ``None``."""


def parse_published(value: PublishedLike) -> dt.date | None:
    """Read a publication date given as ``date``, ``datetime``, ISO string or ``None``.

    Raises:
        ValueError: a string that is not an ISO 8601 date or datetime, naming the value.
        TypeError: any other type.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(stripped.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(
                f"published={value!r} is not an ISO 8601 date such as '2025-05-21'"
            ) from None
    raise TypeError(
        f"published must be a date, datetime, ISO string or None, not {type(value).__name__}"
    )
