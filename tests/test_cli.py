"""The command line, run as a subprocess on real files and on bad input."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BORDER = EXAMPLES / "border_talks.txt"


def run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "bilat", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
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


def test_bad_files_among_good_ones_are_reported_and_skipped(
    tmp_path: Path, needs_model: None
) -> None:
    """Like cat and grep: every readable FILE is processed, each bad one is named on
    standard error, and the exit status says so at the end."""
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF\xff\xfe\x00\x01")
    files = [str(BORDER), "gone.txt", str(tmp_path), str(EXAMPLES / "drone_strike.txt"),
             str(binary)]
    result = run("extract", *files, "--published", "2026-03-12")
    assert result.returncode == 2
    sources = [json.loads(line)["source"] for line in result.stdout.decode().splitlines()]
    assert sources == [str(BORDER), str(EXAMPLES / "drone_strike.txt")]
    errors = result.stderr.decode().splitlines()
    assert errors == [
        "bilat: cannot read gone.txt: No such file",
        f"bilat: cannot read {tmp_path}: Is a directory",
        f"bilat: cannot decode {binary} as utf-8 (byte 0xff at offset 4); if it is text in "
        "another encoding, pass --encoding (e.g. --encoding latin-1)",
    ]


def test_only_bad_files_fail_before_loading_a_pipeline() -> None:
    result = run("extract", "gone.txt", "also-gone.txt", "--model", "en_core_web_nonexistent")
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        "bilat: cannot read gone.txt: No such file",
        "bilat: cannot read also-gone.txt: No such file",
    ]


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


# -- odd inputs and outputs (issue 17) -------------------------------------------------------


def test_a_named_pipe_is_read_once(tmp_path: Path, needs_model: None) -> None:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    text = BORDER.read_bytes()

    def feed() -> None:
        with fifo.open("wb") as stream:  # blocks until the CLI opens the pipe
            stream.write(text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        result = run("extract", str(fifo), "--published", "2026-03-12", timeout=120)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):  # let the writer go
            os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        pytest.fail("bilat extract hung on a named pipe")
    writer.join(5)
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert line["source"] == str(fifo) and line["events"]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_module_that_is_no_pipeline_is_never_imported(how: str) -> None:
    args = ["--model", "this"] if how == "option" else []
    env = {"BILAT_SPACY_MODEL": "this"} if how == "environment" else None
    result = run("extract", str(BORDER), *args, env=env)
    assert result.returncode == 1
    assert b"Beautiful is better than ugly" not in result.stdout + result.stderr
    assert b"not a spaCy pipeline package" in result.stderr
    assert result.stdout == b""


def test_a_directory_that_is_no_pipeline_is_refused(tmp_path: Path) -> None:
    result = run("extract", str(BORDER), "--model", str(tmp_path))
    assert result.returncode == 1
    assert b"not a saved spaCy pipeline" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_a_full_disk_gives_one_line_and_status_1(fmt: str, needs_model: None) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "bilat", "extract", str(BORDER), "-f", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=300,
        )
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    lines = [line for line in lines if "warning:" not in line]
    assert lines == ["bilat: cannot write output: No space left on device"]


def _articles_jsonl(path: Path, copies: int = 1) -> list[dict[str, Any]]:
    records = []
    for number in range(copies):
        for article in sorted(EXAMPLES.glob("*.txt")):
            records.append(
                {
                    "id": f"{article.stem}-{number}",
                    "text": article.read_text(encoding="utf-8"),
                    "published": "2026-03-12",
                }
            )
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record) + "\n")
    return records


def test_sigint_closes_the_json_array(tmp_path: Path, needs_model: None) -> None:
    articles = tmp_path / "many.jsonl"
    _articles_jsonl(articles, copies=200)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bilat", "extract", str(articles), "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    first = os.read(proc.stdout.fileno(), 2)  # "[\n": results are coming (unbuffered read)
    assert first == b"[\n"
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    records = json.loads(first + rest)
    assert 1 <= len(records) < 800
    assert b"interrupted" in err


def test_json_lines_input(tmp_path: Path, needs_model: None) -> None:
    articles = tmp_path / "articles.jsonl"
    records = _articles_jsonl(articles)
    with articles.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "no-text"}\n')
        stream.write("not json\n")
        stream.write(json.dumps({"id": "late", "text": BORDER.read_text(encoding="utf-8")}) + "\n")
    result = run("extract", str(articles), "--n-process", "2", "--published", "2020-01-01")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["id"] for line in lines] == [r["id"] for r in records] + ["late"]
    assert [line["published"] for line in lines] == ["2026-03-12"] * len(records) + [
        "2020-01-01"
    ]
    n = len(records)
    assert lines[0]["source"] == f"{articles}:1"
    assert result.stderr.decode().splitlines() == [
        f"bilat: {articles}:{n + 1}: 'text' must be a string, not NoneType",
        f"bilat: {articles}:{n + 2}: not a JSON object: Expecting value: line 1 column 1 (char 0)",
    ]
    same = run("extract", "-", "--input", "jsonl", stdin=articles.read_bytes())
    assert [json.loads(x)["id"] for x in same.stdout.decode().splitlines()] == [
        line["id"] for line in lines
    ]


def test_warns_once_about_unresolved_relative_dates(needs_model: None) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    result = run("extract", *files)
    assert result.returncode == 0
    assert result.stderr.decode().count("relative dates") == 1
    assert b"--published" in result.stderr
    dated = run("extract", *files, "--published", "2026-03-12")
    assert b"relative dates" not in dated.stderr


def _run_on_terminal(args: list[str], columns: int = 80) -> tuple[int, str]:
    """Run the CLI with standard output and error on one pseudo-terminal of ``columns``."""
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bilat", "extract", *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        cwd=ROOT,
        env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(primary)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def _screen_lines(raw: str) -> list[str]:
    """The lines a terminal shows: ANSI escapes removed, carriage returns resolved."""
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", raw)
    lines = []
    for line in plain.replace("\r\n", "\n").split("\n"):
        lines.append(line.split("\r")[-1])
    return lines


def test_table_fits_an_80_column_terminal(needs_model: None) -> None:
    status, raw = _run_on_terminal(["examples/border_talks.txt", "--published", "2026-03-12"])
    assert status == 0, raw
    lines = _screen_lines(raw)
    assert lines[0].startswith("examples/border_talks.txt: ")
    assert max(len(line.rstrip()) for line in lines) <= 80
    table = "\n".join(lines)
    assert "Foreign" in table and "Minister" in table  # wrapped at words, not inside them
    assert "GRC" in table and "TUR" in table


def test_progress_and_tables_share_a_terminal(needs_model: None) -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("*.txt"))
    status, raw = _run_on_terminal([*files, "--published", "2026-03-12", "--progress"])
    assert status == 0, raw
    lines = [line.rstrip() for line in _screen_lines(raw)]
    assert max(len(line) for line in lines) <= 80
    headings = [line for line in lines if line.endswith("(published 2026-03-12)")]
    assert [h.split(":")[0] for h in headings] == files  # each heading on a line of its own
    assert any("4/4" in line for line in lines)
    for line in lines:  # no table line has bar characters in it, and no bar line has cells
        assert not ("━" in line and ("→" in line or "+" in line))
