"""``import bilat`` stays cheap: no spaCy, no model, no dateparser until first use."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("spacy", "thinc", "dateparser", "dask", "distributed")


def _modules_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_import_bilat_does_not_import_spacy() -> None:
    modules = _modules_after("import bilat")
    assert "bilat" in modules
    assert _heavy(modules) == []


def test_public_types_and_lazy_names_stay_light() -> None:
    modules = _modules_after(
        "import bilat\nfrom bilat import Visit, Agreement, Modality, EVENT_TYPES\n"
        "import bilat.prefilter\nimport bilat.dask"
    )
    assert _heavy(modules) == []


def test_lazy_names_still_resolve() -> None:
    modules = _modules_after("import bilat\nassert bilat.Extractor.__name__ == 'Extractor'")
    assert "bilat.extractor" in modules
