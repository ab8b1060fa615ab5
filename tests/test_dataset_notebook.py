"""Execute examples/dataset_tour.ipynb (needs the 'notebook' and 'dataset' extras, ../shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "dataset_tour.ipynb"
SHARED = ROOT.parent / "shared" / "eval"


def test_dataset_notebook_runs(nlp: Any) -> None:
    if not any(SHARED.glob("*/*.jsonl")):
        pytest.skip("the shared articles (../shared/eval) are not present")
    from conftest import run_notebook

    _, outputs = run_notebook(NOTEBOOK, "matplotlib", "pandas", "duckdb")
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("n_documents" in h for h in html), "no happenings table"
    assert sum(1 for o in outputs if o.get("data", {}).get("image/png")) >= 2, "no plots"
