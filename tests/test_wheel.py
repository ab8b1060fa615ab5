"""The wheel holds every file the package reads at run time; CI installs and runs it.

The full check (fresh venv, ``pip install 'bilat-*.whl[model]'``, ``bilat extract`` and the
README usage from outside the checkout) is ``scripts/check_wheel.sh``, run by ``.ci/run``.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_wheel_check() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/check_wheel.sh" in ci
    assert "release" in ci  # the extra that installs build and twine
    script = (ROOT / "scripts" / "check_wheel.sh").read_text(encoding="utf-8")
    for step in ("-m build", "twine check", "venv", "[model]", "bilat\" extract", "## Usage"):
        assert step in script, step


@pytest.mark.slow
def test_wheel_holds_the_package_data(tmp_path: Path) -> None:
    pytest.importorskip("build")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (wheel,) = tmp_path.glob("bilat-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "src" / "bilat"
    wanted = {
        "bilat/" + path.relative_to(package).as_posix()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert wanted - names == set()
