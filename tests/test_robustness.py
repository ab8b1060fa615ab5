"""Robustness: the input contract, long documents, hostile text, determinism, threads, batches.

Timeouts below are hang detectors (a pattern that backtracks catastrophically never
finishes); nothing here measures or asserts speed.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import inspect
import json
import multiprocessing
import os
import pkgutil
import re
import subprocess
import sys
import threading
import tracemalloc
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import regex
import spacy

import bilat
from bilat import engine
from bilat.chunking import chunk_spans, sanitize
from bilat.extraction import Extraction
from bilat.extractor import Extractor
from bilat.markup import strip_markup
from strategies import assert_offsets_exact

VISIT = "French President Emmanuel Macron visited China on Tuesday for talks with Xi Jinping."
VISIT_2 = "Indian Prime Minister Narendra Modi arrived in Tokyo on Saturday for a two-day visit."
FILLER = (
    "Markets were calm through the afternoon and traders expected little movement. "
    "The committee reviewed the budget, and the weather stayed mild.\n\n"
)


@pytest.fixture(scope="module")
def blank() -> Extractor:
    """An extractor on spacy.blank('en') + sentencizer: fast, no statistical parse."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Extractor(nlp)


def _dump(result: Extraction) -> str:
    return result.to_json()


# -- the input contract ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "name"),
    [(b"Macron visited China.", "bytes"), (None, "NoneType"), (42, "int"),
     (["a", "b"], "list"), (bytearray(b"x"), "bytearray"), (3.5, "float")],
)
def test_text_must_be_a_str(blank: Extractor, value: object, name: str) -> None:
    with pytest.raises(TypeError, match=rf"text must be a str, not {name}"):
        blank.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=name):
        bilat.extract(value, nlp=blank.nlp)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_decode(blank: Extractor) -> None:
    with pytest.raises(TypeError, match=r"decode"):
        blank.extract(VISIT.encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("published", ["yesterday", "2024-13-45", "", "21/05/2025", "2025-5"])
def test_unreadable_published_is_a_value_error_naming_it(
    blank: Extractor, published: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(published))):
        blank.extract(VISIT, published)


def test_published_of_another_type_is_a_type_error(blank: Extractor) -> None:
    with pytest.raises(TypeError, match="int"):
        blank.extract(VISIT, 20250521)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published", [dt.date(2025, 5, 21), dt.datetime(2025, 5, 21, 9, 30), "2025-05-21",
                  "2025-05-21T09:30:00Z", " 2025-05-21 "],
)
def test_readable_published_forms(blank: Extractor, published: Any) -> None:
    assert blank.extract(VISIT, published).published == dt.date(2025, 5, 21)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t ", "\u00a0\u2003\u3000", "\r\n"])
def test_empty_or_white_space_text_gives_an_empty_extraction(
    blank: Extractor, text: str
) -> None:
    result = blank.extract(text, "2025-05-21")
    assert len(result) == 0 and result.ok
    assert result.text == text
    assert result.published == dt.date(2025, 5, 21)


# -- markup --------------------------------------------------------------------------------

HTML = (
    "<html><body><h1>Paris and Beijing</h1>"
    f"<p>{VISIT}</p><script>document.write('<p>x</p>')</script>"
    "<p>Officials said &quot;trade&quot; was discussed.</p></body></html>"
)


@pytest.mark.model
def test_raw_markup_is_read_as_given_with_exact_offsets(bilat_extractor: Extractor) -> None:
    result = bilat_extractor.extract(HTML, "2024-05-01")
    assert result.text == HTML
    assert_offsets_exact(HTML, result)


@pytest.mark.model
def test_stripped_markup_keeps_offsets_into_the_original(bilat_extractor: Extractor) -> None:
    clean = strip_markup(HTML)
    result = bilat_extractor.extract(clean, "2024-05-01")
    visits = result.of_type("visit")
    assert visits, "the visit in the <p> is found once the tags are blanked"
    assert assert_offsets_exact(clean, result) > 0
    for event in result:
        for ev in event.evidence:
            # the same offsets in the original HTML hold the same words
            assert strip_markup(HTML[ev.start : ev.end]) == ev.text
    evidence = visits[0].evidence[0]
    assert VISIT in evidence.text
    assert evidence.start + evidence.text.index(VISIT) == HTML.index(VISIT)


# -- long documents ------------------------------------------------------------------------


def test_text_beyond_max_length_is_chunked() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 2_000
    extractor = Extractor(nlp)
    text = (VISIT + " " + FILLER) * 60
    assert len(text) > 5 * nlp.max_length
    result = extractor.extract(text, "2024-05-01")
    assert result.ok and result.text == text
    assert_offsets_exact(text, result)
    with pytest.raises(ValueError):  # spaCy itself refuses it
        nlp(text)


@pytest.mark.model
def test_an_event_on_both_sides_of_a_chunk_border_is_one_event(nlp: Any) -> None:
    extractor = Extractor(nlp)
    extractor.chunk_chars = 600
    text = VISIT + "\n\n" + FILLER * 6 + VISIT + "\n\n"
    spans = list(chunk_spans(text, 600))
    first, last = text.index(VISIT), text.rindex(VISIT)
    assert not any(s <= first and last < e for s, e in spans), "the mentions are in two chunks"
    result = extractor.extract(text, "2024-05-01")
    visits = [e for e in result.of_type("visit") if e.key == ("visit", "FRA", "CHN")]
    assert len(visits) == 1
    starts = [ev.start for ev in visits[0].evidence]
    assert starts == [0, text.rindex(VISIT)]
    assert_offsets_exact(text, result)


@pytest.mark.model
def test_a_sentence_across_the_nominal_limit_stays_whole(nlp: Any) -> None:
    extractor = Extractor(nlp)
    extractor.chunk_chars = 400
    lead = "x " * 150  # the visit sentence runs over character 400
    text = lead + "Officials said so. " + VISIT + " " + FILLER
    cut = next(iter(chunk_spans(text, 400)))[1]
    assert cut <= text.index(VISIT)
    result = extractor.extract(text, "2024-05-01")
    visits = result.of_type("visit")
    assert len(visits) == 1
    assert visits[0].evidence[0].text == VISIT
    assert_offsets_exact(text, result)


@pytest.mark.model
def test_chunked_and_whole_extraction_agree(nlp: Any, bilat_extractor: Extractor) -> None:
    paragraphs = [VISIT, FILLER, VISIT_2, FILLER, VISIT, FILLER, VISIT_2]
    text = "\n\n".join(p.strip() for p in paragraphs)
    whole = bilat_extractor.extract(text, "2024-05-01")
    chunked_extractor = Extractor(nlp)
    chunked_extractor.chunk_chars = 300
    chunked = chunked_extractor.extract(text, "2024-05-01")
    assert len(list(chunk_spans(text, 300))) > 2
    assert [e.key for e in chunked] == [e.key for e in whole]
    assert [e.evidence for e in chunked] == [e.evidence for e in whole]


def _long_text(size: int) -> str:
    block = FILLER * 40 + VISIT + " " + VISIT_2 + "\n\n"
    return (block * (size // len(block) + 1))[:size]


@pytest.mark.slow
def test_a_ten_megabyte_document(blank: Extractor) -> None:
    text = _long_text(10_000_000)
    result = blank.extract(text, "2024-05-01")
    assert result.ok and result.text is text
    assert_offsets_exact(text, result)


def test_memory_stays_bounded_on_long_documents() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    extractor = Extractor(nlp, prefilter=False)
    extractor.chunk_chars = 50_000
    text = _long_text(1_000_000)
    tracemalloc.start()
    try:
        extractor.extract(text, "2024-05-01")
        _, chunked_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        doc = nlp(text)
        _, whole_peak = tracemalloc.get_traced_memory()
        del doc
    finally:
        tracemalloc.stop()
    # only one chunk's Doc is alive at a time: far below one Doc of the whole text
    assert chunked_peak < whole_peak / 3


# -- hostile text: regular expressions -----------------------------------------------------

N = 100_000
ADVERSARIAL: dict[str, str] = {
    "digits": "1" * N,
    "spaces": " " * N,
    "dollars": "$" * N,
    "comma digits": "1," * (N // 2),
    "dot digits": "1." * (N // 2),
    "letters": "a" * N,
    "capitals": "A" * N,
    "initials": "A." * (N // 2),
    "digit spaces": "1 " * (N // 2),
    "dashes": "1-" * (N // 2),
    "newlines": "\n" * N,
    "tags": "<" * N,
    "comments": "<!--" * (N // 4),
    "entities": "&#" * (N // 2),
    "quotes": "<a '" * (N // 4),
    "money soup": ("$1,000,000.00 billion dlrs to 5 " * (N // 32 + 1))[:N],
    "count soup": ("more than 1,1 to tens of thousands of " * (N // 38 + 1))[:N],
    "date soup": ("May 21-23, 1986/87 the first quarter of " * (N // 40 + 1))[:N],
    "combining": "e" + "\u0301" * (N - 1),
    "emoji zwj": "\U0001f468\u200d" * (N // 2),
    "words": "the " * (N // 4),
    "unclosed paren": "(" * N,
    "mixed": ("1, $ a\u200d 1.1 - A. " * (N // 20 + 1))[:N],
    "currency numbers": ("USD 1 " * (N // 6 + 1))[:N],
}
BUDGET = 30.0  # seconds per call: a hang detector; a catastrophic pattern takes hours


def _walk(value: Any, depth: int, seen: set[int]) -> Iterator[Any]:
    if id(value) in seen or depth > 4:
        return
    seen.add(id(value))
    if isinstance(value, (re.Pattern, regex.Pattern)):
        yield value
    elif isinstance(value, dict):
        if len(value) <= 5_000:
            for item in value.values():
                yield from _walk(item, depth + 1, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        if len(value) <= 5_000:
            for item in value:
                yield from _walk(item, depth + 1, seen)
    elif attrs.has(type(value)) and not isinstance(value, type):
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name, None), depth + 1, seen)


def _zero_arg_cached(value: Any) -> bool:
    if not isinstance(value, functools._lru_cache_wrapper):
        return False
    try:
        params = inspect.signature(value).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
               for p in params)


def _bilat_patterns() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    """Every compiled pattern reachable from bilat's modules (and their cached tables)."""
    found: dict[str, Any] = {}
    for info in sorted(pkgutil.walk_packages(bilat.__path__, "bilat."), key=lambda i: i.name):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional dependency (pandas, ...) is missing
            continue
        for name, value in sorted(vars(module).items()):
            if isinstance(value, types.ModuleType) or (
                (isinstance(value, type) or callable(value))
                and getattr(value, "__module__", info.name) != info.name
            ):
                continue  # imported from elsewhere: scanned in its own module
            roots = [value]
            if _zero_arg_cached(value):
                roots = [value()]  # build lazily compiled grammars and lexicons
            seen: set[int] = set()
            for i, pattern in enumerate(p for r in roots for p in _walk(r, 0, seen)):
                found[f"{info.name}.{name}[{i}]"] = pattern
    return found


PATTERNS = _bilat_patterns()


def test_patterns_were_found() -> None:
    modules = {name.rsplit(".", 1)[0] for name in PATTERNS}
    assert len(PATTERNS) >= 10
    assert {"bilat.chunking", "bilat.markup"} <= modules


def _run_guarded(calls: list[tuple[str, Callable[[], object]]], budget: float) -> None:
    """Run ``calls`` in a forked child; fail if one raises or runs past ``budget`` seconds."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def work() -> None:
        for label, call in calls:
            try:
                call()
            except BaseException as exc:  # report, then stop
                child.send(("error", label, f"{type(exc).__name__}: {exc}"))
                return
            child.send(("ok", label, ""))

    process = ctx.Process(target=work, daemon=True)
    process.start()
    try:
        for label, _ in calls:
            if not parent.poll(budget):
                pytest.fail(f"{label}: no result within {budget:.0f} s (backtracking?)")
            status, done, detail = parent.recv()
            assert status == "ok", f"{done} raised {detail}"
    finally:
        process.kill()
        process.join()


def _consume(pattern: Any, text: str) -> None:
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass


@pytest.mark.parametrize("name", sorted(n for n, p in PATTERNS.items()
                                        if isinstance(p, regex.Pattern)))
def test_regex_patterns_resist_backtracking(name: str) -> None:
    pattern = PATTERNS[name]
    for label, text in ADVERSARIAL.items():
        try:
            pattern.search(text, timeout=BUDGET)
            for _ in pattern.finditer(text, timeout=BUDGET):
                pass
        except TimeoutError:
            pytest.fail(f"{name} timed out on {label!r}")


def test_re_patterns_resist_backtracking() -> None:
    names = sorted(n for n, p in PATTERNS.items() if isinstance(p, re.Pattern))
    calls = [
        (f"{name} on {label!r}", functools.partial(_consume, PATTERNS[name], text))
        for name in names
        for label, text in ADVERSARIAL.items()
    ]
    _run_guarded(calls, BUDGET)


def _public_parsers() -> dict[str, Callable[[str], object]]:
    from bilat.actors import resolve_country, resolve_place
    from bilat.markup import has_markup
    from bilat.normalise import find_counts, find_money, parse_count, parse_date, parse_money

    day = dt.date(2025, 5, 21)
    return {
        "resolve_country": resolve_country,
        "resolve_country(when)": functools.partial(resolve_country, when=day),
        "resolve_place": resolve_place,
        "parse_date": parse_date,
        "parse_date(published, future)": lambda t: parse_date(t, day, tense="future"),
        "parse_money": parse_money,
        "find_money": functools.partial(find_money, country_hint="NOR", published=day),
        "parse_count": parse_count,
        "find_counts": find_counts,
        "strip_markup": strip_markup,
        "has_markup": has_markup,
        "sanitize": sanitize,
        "chunk_spans": lambda t: list(chunk_spans(t, 10_000)),
    }


def test_public_parsers_resist_hostile_text() -> None:
    parsers = _public_parsers()
    calls = [
        (f"{name} on {label!r}", functools.partial(parse, text))
        for name, parse in parsers.items()
        for label, text in ADVERSARIAL.items()
    ]
    _run_guarded(calls, BUDGET)


def _best_time(call: Callable[[], object], repeat: int = 3) -> float:
    import time

    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def _linear_baseline(text: str) -> None:
    """A scan that is linear for sure: every number and currency code, with their
    positions."""
    for _ in re.finditer(r"[A-Z]{3}|\d+", text):
        pass


@pytest.mark.parametrize(
    ("name", "unit"),
    [("find_counts", "USD 1 "), ("parse_count", "USD 1 "), ("find_money", "USD 1 ")],
)
def test_count_and_money_parsers_are_linear(name: str, unit: str) -> None:
    """Time per character grows no faster than a linear scan's when the input grows 16
    times: a ratio of ratios, so the machine's load cancels out. (Was quadratic: each
    count was checked against every money span, 148 s for 400,000 characters.)"""
    parse = _public_parsers()[name]
    small, big = unit * (6_000 // len(unit)), unit * (96_000 // len(unit))
    parse(small)  # warm the caches
    growth = _best_time(lambda: parse(big), 2) / _best_time(lambda: parse(small), 5)
    baseline = _best_time(lambda: _linear_baseline(big), 5) / _best_time(
        lambda: _linear_baseline(small), 5
    )
    assert growth / baseline < 4.0, f"{name}: {growth:.1f}x for 16x text (linear {baseline:.1f}x)"


def test_the_extractor_resists_hostile_text(blank: Extractor) -> None:
    def run(text: str) -> None:
        assert_offsets_exact(text, blank.extract(text, "2025-05-21"))

    calls = [(f"extract on {label!r}", functools.partial(run, text))
             for label, text in ADVERSARIAL.items()]
    _run_guarded(calls, 60.0)


@pytest.mark.model
def test_the_trained_extractor_resists_hostile_text(bilat_extractor: Extractor) -> None:
    def run(text: str) -> None:
        assert_offsets_exact(text, bilat_extractor.extract(text, "2025-05-21"))

    calls = [(f"extract on {label!r}", functools.partial(run, text[:5_000]))
             for label, text in ADVERSARIAL.items()]
    _run_guarded(calls, 60.0)


# -- hostile text: Unicode -----------------------------------------------------------------

ODD = {
    "rtl": "\u202eEmmanuel Macron\u202c \u0627\u0644\u0639\u0631\u0627\u0642 "
    "\u05e9\u05dc\u05d5\u05dd",
    "combining": "Pe\u0301rez Ni\u0303o Z\u0335\u0321a\u0336lgo",
    "emoji": "\U0001f1eb\U0001f1f7\U0001f91d\U0001f1e8\U0001f1f3 "
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "zero width": "Ma\u200bcron\u200d\u200c\ufeff",
    "nul": "\x00Macron\x00\x00",
    "surrogates": "\ud800Macron\udfff \udbff\udc00",
    "controls": "\x01\x1b[31m\x7f\x85\u2028\u2029",
    "line breaks": "\r\n\r\n\x0b\x0c\u2028",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_unicode_never_raises(blank: Extractor, name: str) -> None:
    for text in (ODD[name], ODD[name] + " " + VISIT, VISIT + ODD[name] + VISIT_2):
        result = blank.extract(text, "2024-05-01")
        assert result.text == text
        assert_offsets_exact(text, result)


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_unicode_keeps_offsets_exact(bilat_extractor: Extractor, name: str) -> None:
    text = ODD[name] + "\n\n" + VISIT + " " + ODD[name] + "\n\n" + VISIT_2
    result = bilat_extractor.extract(text, "2024-05-01")
    assert result.text == text
    assert assert_offsets_exact(text, result) > 0
    assert any(e.key == ("visit", "FRA", "CHN") for e in result)


@pytest.mark.model
def test_lone_surrogates_inside_evidence_are_kept(bilat_extractor: Extractor) -> None:
    text = VISIT.replace("on Tuesday", "on\ud800 Tuesday")
    result = bilat_extractor.extract(text, "2024-05-01")
    assert result.of_type("visit")
    assert "\ud800" in result[0].evidence[0].text
    assert_offsets_exact(text, result)


# -- determinism and threads ---------------------------------------------------------------

DOCS = [VISIT, VISIT_2, FILLER + VISIT, VISIT_2 + " " + VISIT, "Nothing happened.", ""] * 3


@pytest.mark.model
def test_same_input_same_output(bilat_extractor: Extractor) -> None:
    first = [_dump(bilat_extractor.extract(d, "2024-05-01")) for d in DOCS]
    second = [_dump(bilat_extractor.extract(d, "2024-05-01")) for d in reversed(DOCS)]
    assert first == list(reversed(second))
    piped = [_dump(r) for r in bilat_extractor.pipe(DOCS, published="2024-05-01")]
    assert [json.loads(p)["events"] for p in piped] == [json.loads(f)["events"] for f in first]


SCRIPT = """
import json, sys
import bilat
docs = json.loads(sys.stdin.read())
extractor = bilat.load()
print(json.dumps([extractor.extract(d, "2024-05-01").to_dict() for d in docs]))
"""


@pytest.mark.model
def test_same_output_across_processes(bilat_extractor: Extractor) -> None:
    here = [bilat_extractor.extract(d, "2024-05-01").to_dict() for d in DOCS[:6]]
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("BILAT_SPACY_MODEL", None)
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], input=json.dumps(DOCS[:6]), capture_output=True,
            text=True, env=env, timeout=600, check=True, cwd=Path(__file__).parent,
        )
        outputs.append(json.loads(done.stdout))
    model = outputs[0][0]["model"]
    if model != bilat_extractor.model_name:
        pytest.skip(f"the subprocess chose another pipeline ({model})")
    assert outputs[0] == outputs[1] == here


@pytest.mark.model
def test_threads_get_the_serial_results(bilat_extractor: Extractor) -> None:
    serial = [_dump(bilat_extractor.extract(d, "2024-05-01")) for d in DOCS]
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(offset, len(DOCS), 4):
                results[i] = _dump(bilat_extractor.extract(DOCS[i], "2024-05-01"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert [results[i] for i in range(len(DOCS))] == serial


def test_rules_never_run_in_two_threads_at_once(
    blank: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = engine.extract_events
    active = 0
    most = 0
    gate = threading.Lock()

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal active, most
        with gate:
            active += 1
            most = max(most, active)
        try:
            threading.Event().wait(0.002)  # give other threads the chance to overlap
            return real(*args, **kwargs)
        finally:
            with gate:
                active -= 1

    monkeypatch.setattr(engine, "extract_events", counting)
    extractor = Extractor(blank.nlp, prefilter=False)
    threads = [
        threading.Thread(target=lambda: [extractor.extract(VISIT) for _ in range(10)])
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1


# -- batches -------------------------------------------------------------------------------


def test_pipe_turns_bad_documents_into_error_results(blank: Extractor) -> None:
    docs: list[Any] = [
        VISIT,
        b"bytes",
        (VISIT, "not a date"),
        None,
        (VISIT,),
        ("", "2024-01-01"),
        (VISIT_2, dt.date(2024, 1, 1)),
        12,
    ]
    results = list(blank.pipe(docs, published="2024-05-01", batch_size=3))
    assert [r.doc_index for r in results] == list(range(len(docs)))
    assert [r.ok for r in results] == [True, False, False, False, False, True, True, False]
    assert results[1].error is not None and results[1].error.startswith("TypeError")
    assert "bytes" in results[1].error
    assert results[2].error is not None and "'not a date'" in results[2].error
    assert results[3].error is not None and "NoneType" in results[3].error
    assert results[4].error is not None and results[4].error.startswith("ValueError")
    assert results[6].published == dt.date(2024, 1, 1)
    assert results[0].published == dt.date(2024, 5, 1)
    assert all(len(r) == 0 for r in results if not r.ok)


def test_pipe_survives_a_failure_inside_extraction(
    blank: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = engine.extract_events

    def flaky(doc: Any, *args: Any, **kwargs: Any) -> Any:
        if "BOOM" in doc.text:
            raise RuntimeError("injected failure")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(engine, "extract_events", flaky)
    extractor = Extractor(blank.nlp, prefilter=False)
    docs = [VISIT, "BOOM " + VISIT, VISIT_2, "BOOM", VISIT]
    results = list(extractor.pipe(docs, batch_size=2))
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert results[1].error == "RuntimeError: injected failure"
    assert results[1].doc_index == 1 and results[1].text == docs[1]
    with pytest.raises(RuntimeError, match="injected"):
        extractor.extract("BOOM")


def test_pipe_fail_fast_raises_after_the_good_documents(
    blank: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs: list[Any] = [VISIT, VISIT_2, b"bad", VISIT]
    seen: list[int | None] = []
    with pytest.raises(TypeError, match="bytes"):
        for result in blank.pipe(docs, batch_size=10, fail_fast=True):
            seen.append(result.doc_index)
    assert seen == [0, 1]
    real = engine.extract_events

    def broken(doc: Any, *args: Any, **kwargs: Any) -> Any:
        if "BOOM" in doc.text:
            raise RuntimeError("injected failure")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(engine, "extract_events", broken)
    extractor = Extractor(blank.nlp, prefilter=False)
    with pytest.raises(RuntimeError, match="injected"):
        list(extractor.pipe([VISIT, "BOOM"], fail_fast=True))
    with pytest.raises(ValueError, match="'nope'"):
        list(blank.pipe([(VISIT, "nope")], fail_fast=True))


def test_pipe_survives_a_pipeline_component_that_fails() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    @spacy.Language.component("bilat_test_fragile")
    def fragile(doc: Any) -> Any:
        if "BOOM" in doc.text:
            raise RuntimeError("component failed")
        return doc

    nlp.add_pipe("bilat_test_fragile")
    extractor = Extractor(nlp, prefilter=False)
    docs = [VISIT, "BOOM", VISIT_2, VISIT, "BOOM again", ""]
    results = list(extractor.pipe(docs, batch_size=4))
    assert [r.doc_index for r in results] == list(range(6))
    assert [r.ok for r in results] == [True, False, True, True, False, True]
    assert results[1].error == "RuntimeError: component failed"
    with pytest.raises(RuntimeError):
        list(extractor.pipe(docs, fail_fast=True))


def test_pipe_chunks_long_documents_and_keeps_order() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 1_000
    extractor = Extractor(nlp)
    long_text = (VISIT + " " + FILLER) * 20
    docs = [VISIT, long_text, "  ", VISIT_2 + "\ud800"]
    results = list(extractor.pipe(docs, batch_size=2))
    assert [r.doc_index for r in results] == [0, 1, 2, 3]
    assert all(r.ok for r in results), [r.error for r in results]
    for doc, result in zip(docs, results, strict=True):
        assert result.text == doc
        assert_offsets_exact(doc, result)


@pytest.mark.model
def test_pipe_matches_extract(bilat_extractor: Extractor) -> None:
    docs = [VISIT, FILLER, VISIT_2 + "\ud800", b"x", VISIT]
    piped = list(bilat_extractor.pipe(docs, published="2024-05-01", batch_size=2))
    for doc, result in zip(docs, piped, strict=True):
        if isinstance(doc, str):
            assert result.events == bilat_extractor.extract(doc, "2024-05-01").events
        else:
            assert not result.ok


def test_pipe_with_worker_processes(blank: Extractor) -> None:
    docs: list[Any] = [VISIT, b"bad", VISIT_2, "", (VISIT, "nope")]
    results = list(blank.pipe(docs, n_process=2, batch_size=2))
    assert [r.doc_index for r in results] == list(range(5))
    assert [r.ok for r in results] == [True, False, True, True, False]


def test_pipe_rejects_a_bad_batch_size(blank: Extractor) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        list(blank.pipe([VISIT], batch_size=0))
