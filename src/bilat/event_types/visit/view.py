"""How the views describe a visit."""

from __future__ import annotations

from typing import Any


def summary(event: Any) -> str:
    """The visitor, where and whether the visit is implicit: "Prime Minister X, in Ankara"."""
    parts: list[str] = []
    visitor = getattr(event, "visitor", None)
    if visitor is not None and visitor.name:
        parts.append(" ".join(p for p in (visitor.title, visitor.name) if p))
    location = getattr(event, "location", None)
    if location is not None:
        parts.append(f"in {location.name}")
    if getattr(event, "implicit", False):
        parts.append("(implicit)")
    return ", ".join(p for p in parts if p)
