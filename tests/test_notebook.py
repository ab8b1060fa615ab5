"""Execute examples/bilat_tour.ipynb so it cannot rot (needs the 'notebook' extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "bilat_tour.ipynb"


def test_tour_notebook_runs(nlp: Any) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("bilat-seg" in h and "data-bilat-types" in h for h in html), "no HTML view"
    assert any(o.get("data", {}).get("image/png") for o in outputs), "no plot"
    plot = next(c.source for c in notebook.cells if "counts.plot" in c.source)
    assert "colour_hex" in plot, "the plot uses the HTML view's type colours"
    assert any('data-bilat-mark="trigger"' in h for h in html), "no trigger marks"
