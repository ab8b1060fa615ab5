"""The docs site builds in strict mode (broken links fail); skipped without mkdocs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "site" / "events" / "index.html").is_file()
    # docstrings' Sphinx roles are rewritten (scripts/griffe_sphinx_roles.py), never raw
    role = re.compile(r":(?:meth|func|class|mod|data|attr|exc|obj):<code>[^<]*")
    raw = [
        f"{page.parent.name}: {hit}"
        for page in (tmp_path / "site").rglob("*.html")
        for hit in role.findall(page.read_text(encoding="utf-8"))
    ]
    assert raw == []
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert 'href="../events/#bilat.events.Event"' in api  # a role became a link
    shutil.rmtree(tmp_path / "site", ignore_errors=True)


def test_every_docs_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert page.name in config, f"docs/{page.name} is not in mkdocs.yml nav"


def test_codes_table_matches_the_data() -> None:
    from bilat.codes import mapping

    page = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    for kind, entry in mapping().items():
        if kind.startswith("_"):
            continue
        for rule in entry["rules"]:
            if rule["cameo"]:
                assert f"| {rule['cameo']} | {rule['cameo_label']} |" in page, rule
