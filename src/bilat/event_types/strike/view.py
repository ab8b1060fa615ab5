"""How the views describe a strike."""

from __future__ import annotations

from typing import Any

from bilat.event_types._view import count_text


def summary(event: Any) -> str:
    """The means, the dead and wounded and the place: "air, ≥46 killed, at Paktika"."""
    parts: list[str] = [str(getattr(event, "kind", ""))]
    killed = count_text(getattr(event, "killed", None))
    if killed:
        parts.append(f"{killed} killed")
    injured = count_text(getattr(event, "injured", None))
    if injured:
        parts.append(f"{injured} injured")
    location = getattr(event, "location", None)
    if location is not None:
        parts.append(f"at {location.name}")
    return ", ".join(p for p in parts if p)
