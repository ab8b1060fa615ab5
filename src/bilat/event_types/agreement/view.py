"""How the views describe an agreement."""

from __future__ import annotations

from typing import Any


def summary(event: Any) -> str:
    """The agreement's name, where the text gives one."""
    name = getattr(event, "name", None)
    return str(name) if name else ""
