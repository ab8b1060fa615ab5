"""How the views describe a trade figure."""

from __future__ import annotations

from typing import Any


def summary(event: Any) -> str:
    """The value, the flow and the period: "$6.2 billion (6,200,000,000 USD), total"."""
    parts: list[str] = []
    value = getattr(event, "value", None)
    if value is not None:
        amount = f"{value.amount:,.0f} {value.currency or '?'}"
        parts.append(f"{value.text} ({amount})" if value.text else amount)
    parts.append(str(getattr(event, "flow", "")))
    period = getattr(event, "period", None)
    if period is not None:
        parts.append(f"period {period.start.isoformat()}/{period.end.isoformat()}")
    return ", ".join(p for p in parts if p)
