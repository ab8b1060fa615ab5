"""Reliability under early stops, odd files and hostile values (issue 17).

Worker-pool tests run in a subprocess with a timeout: a hang fails the test instead of
hanging the suite, and the subprocess reports its worker processes' ids so the test can
check that none outlives it.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
import spacy

from bilat.events import Event
from bilat.extraction import Extraction, read_jsonl, write_jsonl
from bilat.extractor import Extractor

ROOT = Path(__file__).resolve().parents[1]
VISIT = "French President Emmanuel Macron visited China on Tuesday for talks with Xi Jinping."
DEPORT = "Pakistan deported 500 Afghan nationals on Tuesday, officials said. "


@pytest.fixture(scope="module")
def blank() -> Extractor:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Extractor(nlp)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as stream:
            state = next(line for line in stream if line.startswith("State:"))
    except (FileNotFoundError, ProcessLookupError, StopIteration):
        return False
    return "Z" not in state.split()[1]


def _run_script(body: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(
        """
        import itertools, json, multiprocessing, os, sys, time
        import spacy
        import bilat
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        ex = bilat.Extractor(nlp, prefilter=False)
        TEXTS = [@DEPORT@ * 20] * 2000
        def workers():
            pids = [p.pid for p in multiprocessing.active_children()]
            print("WORKERS", json.dumps(pids), flush=True)
        """
    ).replace("@DEPORT@", repr(DEPORT)) + textwrap.dedent(body)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # a session of its own, so that a hang can be cleaned up with every worker it left
    with subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


EARLY_STOPS = {
    "break": """
        for r in ex.pipe(TEXTS, n_process=2, batch_size=8):
            workers()
            break
        """,
    "islice": """
        it = ex.pipe(TEXTS, n_process=2, batch_size=8)
        first = list(itertools.islice(it, 3))
        workers()
        del it
        """,
    "consumer_exception": """
        try:
            for r in ex.pipe(TEXTS, n_process=2, batch_size=8):
                workers()
                raise KeyError("consumer")
        except KeyError:
            pass
        """,
    "fail_fast": """
        docs = TEXTS[:50] + [b"not text"] + TEXTS
        try:
            for r in ex.pipe(docs, n_process=2, batch_size=8, fail_fast=True):
                if r.doc_index == 0:
                    workers()
        except TypeError as exc:
            print("RAISED", exc, flush=True)
        """,
}


@pytest.mark.parametrize("how", sorted(EARLY_STOPS))
def test_early_stop_ends_the_workers(how: str) -> None:
    body = textwrap.dedent(EARLY_STOPS[how]) + "\nprint('STOPPED', flush=True)\nworkers()\n"
    started = time.monotonic()
    try:
        result = _run_script(body, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail(f"pipe(n_process=2) hung after an early stop ({how})")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    lines = result.stdout.splitlines()
    assert "STOPPED" in lines
    before = [line for line in lines[: lines.index("STOPPED")] if line.startswith("WORKERS")]
    during = json.loads(before[-1].split(" ", 1)[1])
    after = json.loads(lines[-1].split(" ", 1)[1])
    assert len(during) >= 2, "the workers were not running while results came in"
    assert after == [], "workers still running after the stop"
    if how == "fail_fast":
        assert any(line.startswith("RAISED") for line in lines)
    time.sleep(0.5)
    assert not [pid for pid in during if _alive(pid)], "a worker outlived its parent"


def test_long_documents_run_in_the_workers(tmp_path: Path) -> None:
    log = tmp_path / "pids.txt"
    body = f"""
        from bilat.extractor import Extractor
        real = Extractor._chunked_events
        def spy(self, text, day):
            with open({str(log)!r}, "a") as stream:
                stream.write(f"{{os.getpid()}}\\n")
            return real(self, text, day)
        Extractor._chunked_events = spy
        ex.chunk_chars = 2_000
        docs = [TEXTS[0] * 3] * 6 + ["short"] * 4
        out = list(ex.pipe(docs, n_process=2, batch_size=4))
        assert [r.doc_index for r in out] == list(range(10)), out
        assert all(r.ok for r in out)
        print("PARENT", os.getpid())
        """
    result = _run_script(body)
    assert result.returncode == 0, result.stderr
    parent = int(result.stdout.split("PARENT")[1].split()[0])
    pids = {int(line) for line in log.read_text().split()}
    assert len(pids) >= 1 and parent not in pids


def test_parallel_results_equal_serial(blank: Extractor) -> None:
    docs: list[Any] = [VISIT, b"bad", DEPORT, "", (VISIT, "nope"), DEPORT * 300] * 3
    blank_small = Extractor(blank.nlp)
    blank_small.chunk_chars = 3_000
    serial = [r.to_json() for r in blank_small.pipe(docs, published="2025-03-04")]
    parallel = [
        r.to_json()
        for r in blank_small.pipe(docs, published="2025-03-04", n_process=2, batch_size=2)
    ]
    assert parallel == serial


def test_a_dead_worker_raises_instead_of_hanging(blank: Extractor) -> None:
    from bilat import workers

    def endless() -> Any:
        while True:
            yield DEPORT

    stream = blank.pipe(endless(), n_process=2, batch_size=4)
    next(stream)
    frame = stream.gi_frame  # type: ignore[attr-defined]
    pool = frame.f_locals["pool"]
    for proc in pool.procs:
        proc.kill()
    with pytest.raises(workers.WorkerError, match="died"):
        for _ in range(10_000):
            next(stream)
    stream.close()


# -- argument checks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"documents": "ab"}, TypeError, "single str"),
        ({"documents": b"ab"}, TypeError, "single bytes"),
        ({"documents": 12}, TypeError, "iterable"),
        ({"batch_size": "8"}, TypeError, "batch_size must be an int, not str"),
        ({"batch_size": 0}, ValueError, "batch_size must be at least 1"),
        ({"n_process": 0}, ValueError, "n_process must be at least 1"),
        ({"n_process": -2}, ValueError, "n_process must be at least 1"),
        ({"n_process": 2.0}, TypeError, "n_process must be an int"),
        ({"fail_fast": "yes"}, TypeError, "fail_fast must be a bool"),
    ],
)
def test_pipe_checks_its_arguments_at_call_time(
    blank: Extractor, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    args = {"documents": [VISIT], **kwargs}
    documents = args.pop("documents")
    with pytest.raises(error, match=match):
        blank.pipe(documents, **args)  # no iteration needed


@pytest.mark.parametrize(
    ("types", "error", "match"),
    [
        ("visit", TypeError, r"types=\['visit'\]"),
        ([], ValueError, "empty"),
        (["visit", 3], TypeError, "must be strings"),
        (["meeting"], ValueError, "unknown event types"),
        (5, TypeError, "list of event type names"),
    ],
)
def test_extractor_checks_types(blank: Extractor, types: Any, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        Extractor(blank.nlp, types=types)


def test_extractor_types_tuple_and_duplicates(blank: Extractor) -> None:
    assert Extractor(blank.nlp, types=("visit", "visit")).types == ("visit",)


# -- lone surrogates: whatever extract accepts, every writer writes ------------------------

SURROGATE_TEXT = (
    "Pakistan deported 500 Afghan nationals\ud800 across the border on Tuesday, "
    "officials said.\udfff"
)


def _surrogate_extraction() -> Extraction:
    start = SURROGATE_TEXT.index("Pakistan")
    end = SURROGATE_TEXT.index(" across")
    event = Event.from_dict(
        {
            "type": "deportation",
            "deporting_country": "PAK",
            "origin_country": "AFG",
            "evidence": [{"start": start, "end": end, "text": SURROGATE_TEXT[start:end]}],
        }
    )
    return Extraction(text=SURROGATE_TEXT, events=(event,), published=None, model="test")


@pytest.mark.parametrize("include_text", [True, False])
def test_lone_surrogates_round_trip_through_jsonl(tmp_path: Path, include_text: bool) -> None:
    extraction = _surrogate_extraction()
    path = tmp_path / "out.jsonl"
    assert write_jsonl([extraction], path, include_text=include_text) == 1
    raw = path.read_bytes()
    raw.decode("utf-8")  # valid UTF-8, with the surrogates escaped
    assert b"\\ud800" in raw
    (back,) = read_jsonl(path)
    assert back.events == extraction.events
    evidence = back.events[0].evidence[0]
    assert SURROGATE_TEXT[evidence.start : evidence.end] == evidence.text
    if include_text:
        assert back.text == SURROGATE_TEXT


def test_lone_surrogates_in_extract_results_write(bilat_extractor: Extractor) -> None:
    result = bilat_extractor.extract(SURROGATE_TEXT, "2025-03-04")
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # strict, like a file
    write_jsonl([result], stream, include_text=False)
    write_jsonl([result], stream)
    stream.seek(0)
    back = list(read_jsonl(stream))
    assert [b.events for b in back] == [result.events, result.events]
    assert back[1].text == SURROGATE_TEXT
    for event in back[1]:
        for ev in event.evidence:
            assert SURROGATE_TEXT[ev.start : ev.end] == ev.text


# -- read_jsonl: one kind of error, naming the line ------------------------------------------


def _good_line() -> str:
    return _surrogate_extraction().to_json()


BAD_LINES = {
    "not json": "{nope",
    "array": "[1, 2]",
    "string": '"text"',
    "deep": "[" * 100_000 + "]" * 100_000,
    "missing key": '{"events": [{"type": "visit", "evidence": [{"start": 0, "end": 3}]}]}',
    "infinite count": '{"events": [{"type": "deportation", "count": {"min": 1e400, '
    '"max": null, "text": "x"}}]}',
    "nan amount": '{"events": [{"type": "trade_figure", "value": {"amount": NaN, '
    '"currency": "USD", "text": "x"}}]}',
    "events not a list": '{"events": 5}',
    "event not an object": '{"events": ["visit"]}',
    "text not a string": '{"text": 5, "events": []}',
    "doc_index a string": '{"doc_index": "3", "events": []}',
    "published garbage": '{"published": "2026-01-01garbage", "events": []}',
    "unknown type": '{"events": [{"type": "meeting"}]}',
}


@pytest.mark.parametrize("name", sorted(BAD_LINES))
def test_read_jsonl_malformed_line_is_a_value_error_naming_the_line(name: str) -> None:
    source = io.StringIO(_good_line() + "\n\n" + BAD_LINES[name] + "\n" + _good_line() + "\n")
    results = read_jsonl(source)
    assert next(results).events
    with pytest.raises(ValueError, match=r"^line 3: "):
        next(results)


def test_read_jsonl_can_skip_and_report() -> None:
    lines = [_good_line(), BAD_LINES["array"], _good_line(), BAD_LINES["not json"]]
    seen: list[tuple[int, str]] = []
    results = list(
        read_jsonl(
            io.StringIO("\n".join(lines)),
            errors="skip",
            on_error=lambda number, exc: seen.append((number, str(exc))),
        )
    )
    assert len(results) == 2
    assert [n for n, _ in seen] == [2, 4]
    with pytest.warns(UserWarning, match="line 2"):
        assert len(list(read_jsonl(io.StringIO("\n".join(lines[:3])), errors="skip"))) == 2
    with pytest.raises(ValueError, match="errors must be"):
        list(read_jsonl(io.StringIO(""), errors="ignore"))  # type: ignore[arg-type]


# -- Event.from_dict validates like the JSON Schema ------------------------------------------

EVIDENCE = [{"start": 0, "end": 6, "text": "Athens"}]
BAD_EVENTS = [
    ({"type": "agreement", "parties": "GRC"}, "parties: expected array"),
    ({"type": "agreement", "parties": ["GRC", 7]}, r"parties\[1\]: expected string"),
    ({"type": "agreement", "parties": ["grc", "TUR"]}, r"parties\[0\]: 'grc' does not match"),
    ({"type": "visit", "implicit": "false"}, "implicit: expected boolean, got string"),
    ({"type": "visit", "visitor_country": 5}, "visitor_country: expected string or null"),
    ({"type": "visit", "evidence": [{"start": 0, "end": 6, "text": 6}]}, r"evidence\[0\].text"),
    ({"type": "visit", "evidence": "Athens"}, "evidence: expected array"),
    ({"type": "visit", "evidence": [{"start": "0", "end": 6, "text": "Athens"}]}, "start"),
    ({"type": "visit", "evidence": [{"start": 0, "end": 6}]}, r"evidence\[0\].text: missing"),
    (
        {"type": "visit", "date": {"start": "2026-01-01garbage", "end": "2026-01-02",
                                   "precision": "day", "text": ""}},
        "date.start: expected a date",
    ),
    (
        {"type": "visit", "date": {"start": "20260101", "end": "2026-01-02",
                                   "precision": "day", "text": ""}},
        "date.start: expected a date",
    ),
    ({"type": "visit", "modality": "maybe"}, "modality: expected one of"),
    ({"type": "visit", "rule": 5}, "rule: expected string"),
    ({"type": "strike", "kind": "laser"}, "kind: expected one of"),
    ({"type": "strike", "killed": {"min": "46", "max": None, "text": ""}}, "killed.min"),
    ({"type": "strike", "killed": {"min": True, "max": None, "text": ""}}, "killed.min"),
    ({"type": "trade_figure", "value": {"amount": "5", "currency": "USD", "text": ""}},
     "value.amount: expected number"),
    ({"type": "trade_figure", "countries": {"USA": 1}}, "countries: expected array"),
    ({"type": "deportation", "group": ["x"]}, "group: expected string or null"),
    ({"type": "meeting"}, "unknown event type"),
    ({"evidence": EVIDENCE}, "unknown event type"),
]


@pytest.mark.parametrize(("data", "match"), BAD_EVENTS)
def test_event_from_dict_refuses_wrong_values(data: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Event.from_dict(data)


def test_event_from_dict_refuses_a_non_dict() -> None:
    with pytest.raises(ValueError, match="must be an object"):
        Event.from_dict(["visit"])  # type: ignore[arg-type]


def test_event_from_dict_still_reads_what_to_dict_wrote() -> None:
    event = _surrogate_extraction().events[0]
    assert Event.from_dict(event.to_dict()) == event
    minimal = Event.from_dict({"type": "visit", "visitor_country": "GRC"})
    assert minimal.visitor_country == "GRC" and minimal.evidence == ()


def test_extraction_evidence_must_match_its_text() -> None:
    data = _surrogate_extraction().to_dict()
    data["events"][0]["evidence"][0]["text"] = "Pakistan deported 500 Afghan nationals!"
    with pytest.raises(ValueError, match=r"events\[0\].evidence\[0\]: text"):
        Extraction.from_dict(data)
    data["events"][0]["evidence"][0]["text"] = "x" * 4
    with pytest.raises(ValueError, match=r"events\[0\]\.evidence"):
        Extraction.from_dict(data)


# -- scale: the chunked path streams --------------------------------------------------------


def test_chunked_memory_does_not_grow_with_the_document(blank: Extractor) -> None:
    """Beside the caller's own text, peak memory is one chunk's work: the same for a text
    four times longer (the whole text used to be copied when a headline was re-cased)."""
    import tracemalloc

    extractor = Extractor(blank.nlp, prefilter=False)
    extractor.chunk_chars = 5_000
    block = (
        "Markets were calm through the afternoon and traders expected little movement.\n\n"
        * 40
        + "WORLD NEWS IN BRIEF\n\n"
    )
    peaks = []
    for size in (60_000, 240_000):
        text = (block * (size // len(block) + 1))[:size]
        extractor.extract(text[:20_000])  # warm caches outside the measurement
        tracemalloc.start()
        try:
            result = extractor.extract(text, "2024-05-01")
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert result.ok
    assert peaks[1] < 1.5 * peaks[0], f"peak {peaks[0]:,} B -> {peaks[1]:,} B for 4x the text"


def test_workers_started_with_spawn(blank: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is missing (macOS, Windows) the extractor is pickled to the workers."""
    import multiprocessing
    import pickle

    from bilat import workers

    again = pickle.loads(pickle.dumps(blank))
    assert again.types == blank.types and again.extract(VISIT).ok
    monkeypatch.setattr(workers, "_context", lambda: multiprocessing.get_context("spawn"))
    docs: list[Any] = [VISIT, b"bad", DEPORT]
    results = list(blank.pipe(docs, n_process=2, batch_size=1))
    assert [r.ok for r in results] == [True, False, True]
    assert [r.to_json() for r in results] == [r.to_json() for r in blank.pipe(docs)]
