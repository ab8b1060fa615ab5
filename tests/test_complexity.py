"""A ratchet on code complexity: no new hard-to-follow function, and the allow-list shrinks.

Every function or method whose cyclomatic complexity is rank D or worse on radon's scale
(21 and above) must be listed in ``tests/data/complexity_allowlist.json`` with at most its
listed complexity; a listed block that is gone or has dropped below D must leave the list.
So the list can only shrink, and a listed block can only get simpler.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")

SRC = Path(__file__).resolve().parents[1] / "src" / "bilat"
ALLOWLIST = Path(__file__).resolve().parent / "data" / "complexity_allowlist.json"
LIMIT = 21  # radon rank D starts here


def _blocks() -> dict[str, int]:
    """``module:qualified name`` -> complexity, for every block of rank D or worse."""
    found: dict[str, int] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        for block in radon_complexity.cc_visit(path.read_text(encoding="utf-8")):
            items = [block, *getattr(block, "methods", [])]
            for item in items:
                name = getattr(item, "fullname", item.name)
                if item.complexity >= LIMIT:
                    found[f"{module}:{name}"] = item.complexity
    return found


def _allowed() -> dict[str, int]:
    data: dict[str, int] = json.loads(ALLOWLIST.read_text(encoding="utf-8"))["blocks"]
    return data


def test_no_new_complex_block_and_listed_ones_get_no_worse() -> None:
    allowed = _allowed()
    over = {
        name: cc for name, cc in _blocks().items()
        if name not in allowed or cc > allowed[name]
    }
    assert not over, (
        f"blocks of complexity >= {LIMIT} not allowed (split them; do not raise the list): "
        f"{over}"
    )


def test_allowlist_only_shrinks() -> None:
    current = _blocks()
    stale = sorted(name for name in _allowed() if name not in current)
    assert not stale, f"no longer complex (or renamed): remove from {ALLOWLIST.name}: {stale}"


def test_allowlist_is_shorter_than_the_starting_point() -> None:
    # 32 blocks were rank D or worse when the ratchet was introduced (issue 13)
    assert len(_allowed()) <= 32
