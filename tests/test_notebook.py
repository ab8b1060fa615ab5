"""Execute examples/bilat_tour.ipynb so it cannot rot (needs the 'notebook' extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "bilat_tour.ipynb"


def test_tour_notebook_runs(nlp: Any) -> None:
    from conftest import run_notebook

    notebook, outputs = run_notebook(NOTEBOOK, "matplotlib", "pandas")
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("bilat-seg" in h and "data-bilat-types" in h for h in html), "no HTML view"
    assert any(o.get("data", {}).get("image/png") for o in outputs), "no plot"
    plot = next(c.source for c in notebook.cells if "counts.plot" in c.source)
    assert "colour_hex" in plot, "the plot uses the HTML view's type colours"
    assert any('data-bilat-mark="trigger"' in h for h in html), "no trigger marks"
