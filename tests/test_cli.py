"""The command line, run as a subprocess on real files and on bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BORDER = EXAMPLES / "border_talks.txt"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "bilat", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="module")
def needs_model(nlp: Any) -> None:
    """Skip where no trained pipeline is installed (the CLI would run on a blank one)."""


def test_missing_file_exit_2() -> None:
    result = run("extract", "no/such/article.txt")
    assert result.returncode == 2
    assert b"bilat: cannot read no/such/article.txt: No such file" in result.stderr
    assert result.stdout == b""


def test_bad_published_exit_2() -> None:
    result = run("extract", str(BORDER), "--published", "12/03/2026")
    assert result.returncode == 2
    assert b"--published" in result.stderr and b"ISO 8601" in result.stderr


def test_unknown_type_exit_2() -> None:
    result = run("extract", str(BORDER), "--types", "visit,meeting")
    assert result.returncode == 2
    assert b"unknown event type meeting" in result.stderr


def test_usage_error_exit_2() -> None:
    result = run("extract")
    assert result.returncode == 2
    assert b"usage:" in result.stderr


def test_binary_file_exit_2(tmp_path: Path, needs_model: None) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02" + bytes(range(256)))
    result = run("extract", str(binary))
    assert result.returncode == 2
    assert b"cannot decode" in result.stderr and b"--encoding" in result.stderr


def test_nul_bytes_are_binary(tmp_path: Path, needs_model: None) -> None:
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"abc\x00\x00\x00def")
    result = run("extract", str(binary))
    assert result.returncode == 2
    assert b"binary file" in result.stderr


def test_other_encodings_with_flag(tmp_path: Path, needs_model: None) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre fran\u00e7ais est arriv\u00e9 \u00e0 Rabat.".encode("latin-1"))
    assert run("extract", str(latin)).returncode == 2
    result = run("extract", str(latin), "--encoding", "latin-1", "--format", "jsonl")
    assert result.returncode == 0, result.stderr


def test_missing_model_is_explained() -> None:
    result = run("extract", str(BORDER), "--model", "en_core_web_nonexistent")
    assert result.returncode == 1
    assert b"not installed" in result.stderr and b"pip install" in result.stderr


def test_readme_command_prints_a_table(needs_model: None) -> None:
    result = run("extract", "examples/border_talks.txt", "--published", "2026-03-12", "-f", "table")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("examples/border_talks.txt: ")
    assert "type" in out and "countries" in out and "TUR" in out and "GRC" in out


def test_jsonl_is_the_default_for_a_pipe(needs_model: None) -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("*.txt"))
    result = run("extract", *files, "--published", "2026-03-12")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["source"] for line in lines] == files
    assert all(line["published"] == "2026-03-12" for line in lines)
    assert all("text" not in line for line in lines)
    events = [e for line in lines for e in line["events"]]
    assert events and all(e["type"] and "cameo" in e for e in events)


def test_json_csv_and_stdin(needs_model: None) -> None:
    text = BORDER.read_bytes()
    as_json = run("extract", "-", "--format", "json", "--include-text", stdin=text)
    assert as_json.returncode == 0, as_json.stderr
    (record,) = json.loads(as_json.stdout)
    assert record["source"] == "<stdin>" and record["text"] == text.decode()
    as_csv = run("extract", str(BORDER), "--format", "csv", "--types", "visit")
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.decode())))
    assert rows and {row["type"] for row in rows} == {"visit"}
    assert rows[0]["cameo"] == "042"


def test_missing_file_among_good_ones_stops_before_work(needs_model: None) -> None:
    result = run("extract", str(BORDER), "gone.txt")
    assert result.returncode == 2
    assert b"gone.txt" in result.stderr and result.stdout == b""


def test_progress_bar_on_request(needs_model: None) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    result = run("extract", *files, "--progress", "-f", "jsonl")
    assert result.returncode == 0
    assert b"articles" in result.stderr and b"100%" in result.stderr


def test_console_script_is_declared() -> None:
    from importlib.metadata import entry_points

    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("bilat") == "bilat.cli:main"


def test_stream_jsonl_example(tmp_path: Path, needs_model: None) -> None:
    articles = tmp_path / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as stream:
        for path in sorted(EXAMPLES.glob("*.txt")):
            record = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
            stream.write(json.dumps({**record, "published": "2026-03-12"}) + "\n")
        stream.write(json.dumps({"id": "bad-date", "text": "x", "published": "soon"}) + "\n")
    events = tmp_path / "events.jsonl"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "stream_jsonl.py"), str(articles), str(events)],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 1 and b"1 article(s) could not be processed" in result.stderr
    lines = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines][-1] == "bad-date"
    assert "error" in lines[-1] and all("error" not in line for line in lines[:-1])
    assert sum(len(line["events"]) for line in lines) > 0
