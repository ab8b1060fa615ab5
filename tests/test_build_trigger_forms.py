"""scripts/build_trigger_forms.py: trigger entries given as lemmas carry all their forms."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_trigger_forms.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_trigger_forms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _entries() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for name in ("strike", "deportation"):
        path = resources.files("bilat") / "event_types" / name / "lexicon.json"
        out.extend(json.loads(path.read_text(encoding="utf-8"))["triggers"])
    return out


def test_lemma_entries_hold_their_lemmas_and_hand_forms() -> None:
    entries = [e for e in _entries() if "lemmas" in e]
    assert entries, "the strike lexicon gives some triggers as lemmas"
    for entry in entries:
        forms = set(entry["forms"])  # type: ignore[arg-type]
        assert set(entry["lemmas"]) <= forms  # type: ignore[arg-type]
        assert set(entry.get("hand_forms", [])) <= forms  # type: ignore[arg-type]


def test_trigger_files_are_up_to_date_with_their_lemmas() -> None:
    pytest.importorskip("lemminflect")
    assert _script().main(["--check"]) == 0


def test_inflections_cover_irregular_and_doubled_forms() -> None:
    pytest.importorskip("lemminflect")
    script = _script()
    assert {"shot", "shoots", "shooting"} <= set(script.inflections("shoot", ["VERB"]))
    assert {"lobbed", "lobbing"} <= set(script.inflections("lob", ["VERB"]))
