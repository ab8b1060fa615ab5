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
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for module in ("ipykernel", "matplotlib", "pandas", "duckdb"):
        pytest.importorskip(module)
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
    assert any("n_documents" in h for h in html), "no happenings table"
    assert sum(1 for o in outputs if o.get("data", {}).get("image/png")) >= 2, "no plots"
