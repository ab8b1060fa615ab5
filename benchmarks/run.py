"""bilat vs the bare spaCy pipeline it runs on: throughput, memory, import time, in one run.

Run from the repository root (the dev articles are read from ../shared/eval/dev)::

    .venv/bin/python benchmarks/run.py                  # everything (several minutes)
    .venv/bin/python benchmarks/run.py --memory-docs 0  # skip the 100k-document memory run
    .venv/bin/python benchmarks/run.py --profile dense  # cProfile bilat on the dense corpus

For each corpus (see ``benchmarks/corpora.py``) it times ``nlp.pipe`` of the very pipeline
object the :class:`bilat.Extractor` uses and ``Extractor.pipe`` over the same documents with
the same batch size, ``--repeats`` times alternately, keeps each one's best time, and prints
the throughput ratio bilat / bare spaCy (best time against best time: the targets are
checked on it). The *paired* column is the median, over the repetitions, of each bare
run's time over the bilat run right after it, which cancels slow drifts in the speed of a
shared machine; it is printed for judging noise, not checked. Then it streams
``--memory-docs`` short documents through ``Extractor.pipe`` sampling the resident set
size (RSS), and times ``import bilat`` in fresh interpreters. Targets (issue #7, and the
natural-mix ``news`` stream of the shared train and dev articles): stream ratio >= 2.0,
dense ratio >= 0.9, news ratio >= 2.5 (issue 18), import <= 0.3 s, RSS of the last 10% of documents
within 10% of the first 10%.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import DEV, TRAIN, Doc, dense, dev_articles, news_articles, short_documents, stream

TARGETS = {"stream": 2.0, "dense": 0.9, "news": 2.5}


def machine() -> dict[str, str]:
    """nproc, CPU model, Python, spaCy and model versions."""
    import spacy

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
    }


def words(docs: Iterable[Doc]) -> int:
    return sum(len(text.split()) for text, _ in docs)


def rss_mb() -> float:
    """The process's current resident set size in MiB (Linux /proc; else peak RSS)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


def parsed_text(extractor: Any, text: str) -> str | None:
    """What of ``text`` the extractor parses: all of it, the admitted sentences
    (:mod:`bilat.admission`), or nothing (``None``: the pre-filter rules it out)."""
    from bilat.admission import Admitted

    if len(text) > extractor._chunk_limit():
        return text  # chunked: not counted sentence by sentence
    screened = extractor._tokens(extractor._prepare(text))
    if screened is None:
        return None
    tokens = screened[0]
    return tokens.text if isinstance(tokens, Admitted) else text


def compare(name: str, docs: list[Doc], extractor: Any, batch_size: int,
            repeats: int, n_process: int = 1,
            admissions: tuple[str, ...] = ("sentence",)) -> list[dict[str, Any]]:
    """Best-of-``repeats`` times of bare nlp.pipe and Extractor.pipe over ``docs``, both
    with ``n_process`` processes, interleaved: each repetition times the bare pipeline,
    then bilat with each of ``admissions`` (so every bilat run has a bare run just before
    it to be paired with). One result per admission.

    Each repetition also times the bare pipeline run as bilat runs it while it parses (the
    attribute rulers' table lookup, the extractor's ``matmul`` and ``entity_decoder``:
    ``Extractor._parsing``), so that ``same_parse_ratio`` shows what parsing less, plus
    bilat's own work, is worth on its own."""
    nlp = extractor.nlp
    texts = [text for text, _ in docs]

    def bare() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))

    def bare_same_parse() -> int:
        with extractor._parsing():
            return bare()

    def bilat(admission: str) -> int:
        extractor.admission = admission
        return sum(len(r) for r in extractor.pipe(docs, batch_size=batch_size,
                                                   n_process=n_process))

    bare_times: list[float] = []
    same_times: list[float] = []
    bilat_times: dict[str, list[float]] = {a: [] for a in admissions}
    events: dict[str, int] = {}
    for _ in range(repeats):
        t, _n = timed(bare)
        bare_times.append(t)
        same_times.append(timed(bare_same_parse)[0])
        for admission in admissions:
            t, events[admission] = timed(lambda a=admission: bilat(a))  # type: ignore[misc]
            bilat_times[admission].append(t)
    n_words = words(docs)
    best_bare = min(bare_times)
    out = []
    for admission in admissions:
        extractor.admission = admission
        parsed_texts = [p for p in (parsed_text(extractor, text) for text in texts)
                        if p is not None]
        parsed_words = words((text, None) for text in parsed_texts)
        times = bilat_times[admission]
        best_bilat = min(times)
        out.append({
            "corpus": name,
            "admission": admission,
            "n_process": n_process,
            "docs": len(docs),
            "words": n_words,
            "parsed_docs": len(parsed_texts),
            "parsed_words": parsed_words,
            "parsed_word_share": parsed_words / n_words if n_words else 0.0,
            "events": events[admission],
            "bare_s": best_bare,
            "bilat_s": best_bilat,
            "bare_wps": n_words / best_bare,
            "bilat_wps": n_words / best_bilat,
            "ratio": best_bare / best_bilat,
            "bare_same_parse_s": min(same_times),
            "same_parse_ratio": min(same_times) / best_bilat,
            # each bilat run against the bare run of the same repetition: drift cancels out
            "paired_ratio_median": statistics.median(
                b / c for b, c in zip(bare_times, times, strict=True)),
            "bare_all_s": bare_times,
            "bare_same_parse_all_s": same_times,
            "bilat_all_s": times,
        })
    return out


def memory(extractor: Any, n: int, batch_size: int) -> dict[str, Any]:
    """RSS while ``n`` short documents stream through ``Extractor.pipe``."""
    step = max(1, n // 100)
    samples: list[float] = []
    events = 0
    start = time.perf_counter()
    for i, result in enumerate(extractor.pipe(short_documents(n), batch_size=batch_size), 1):
        events += len(result)
        if i % step == 0:
            samples.append(rss_mb())
    elapsed = time.perf_counter() - start
    tenth = max(1, len(samples) // 10)
    first, last = statistics.mean(samples[:tenth]), statistics.mean(samples[-tenth:])
    return {
        "docs": n,
        "events": events,
        "seconds": elapsed,
        "rss_first10_mb": first,
        "rss_last10_mb": last,
        "growth": last / first - 1,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def import_time(runs: int) -> dict[str, Any]:
    """Median wall time of ``import bilat`` in fresh interpreters."""
    code = "import time; t = time.perf_counter(); import bilat; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return {"runs": runs, "median_s": statistics.median(times), "all_s": times}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: best installed)")
    parser.add_argument("--dev", type=Path, default=DEV, help="directory of dev *.jsonl")
    parser.add_argument("--train", type=Path, default=TRAIN,
                        help="directory of train *.jsonl (with --dev, the natural-mix stream)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=5,
                        help="timed runs per side, alternating (best kept: shared machines "
                             "are noisy)")
    parser.add_argument("--per-article", type=int, default=9,
                        help="event-free paragraphs per dev article in the stream")
    parser.add_argument("--dense-repeats", type=int, default=2)
    parser.add_argument("--memory-docs", type=int, default=100_000)
    parser.add_argument("--import-runs", type=int, default=7)
    parser.add_argument("--admission", default="sentence",
                        help="what of an admitted document bilat parses: sentence, document, "
                             "or both (two bilat rows per corpus, each timed against its own "
                             "bare runs); default sentence, as the extractor")
    parser.add_argument("--n-process", type=int, default=1,
                        help="processes for both sides (nlp.pipe and Extractor.pipe)")
    parser.add_argument("--corpora", default="stream,dense,news",
                        help="comma-separated corpora to time (stream, dense, news)")
    parser.add_argument("--profile", choices=["stream", "dense", "news"], default=None,
                        help="only cProfile Extractor.pipe on one corpus and print hot spots")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)

    import bilat

    articles = dev_articles(args.dev)
    if not articles:
        print(f"no dev articles under {args.dev}", file=sys.stderr)
        return 2
    admissions = ["document", "sentence"] if args.admission == "both" else [args.admission]
    extractor = bilat.Extractor(args.model, admission=admissions[-1])
    corpora = {
        "stream": stream(articles, args.per_article),
        "dense": dense(articles, args.dense_repeats),
        "news": news_articles(args.train, args.dev),
    }
    # warm up: load lexicons, gazetteers, dateparser, and the model's first batch
    list(extractor.pipe(articles[:8]))
    list(extractor.nlp.pipe([t for t, _ in articles[:8]]))

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in extractor.pipe(corpora[args.profile], batch_size=args.batch_size):
            pass
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return 0

    info = machine()
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}; Python {info['python']}; "
          f"spaCy {info['spacy']}; model {extractor.model_name}; batch_size {args.batch_size}")
    results: dict[str, Any] = {"machine": info, "model": extractor.model_name, "corpora": {}}
    print(f"n_process {args.n_process}")
    print(f"{'corpus':8} {'admit':>8} {'docs':>6} {'words':>7} {'parsed':>6} {'events':>6} "
          f"{'spaCy s':>8} {'bilat s':>8} {'spaCy w/s':>9} {'bilat w/s':>9} {'ratio':>6} "
          f"{'paired':>6} {'same-parse':>10} {'w parsed':>8}")
    chosen = [name.strip() for name in args.corpora.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(corpora))
    if unknown:
        parser.error(f"unknown corpora: {', '.join(unknown)} (choose from {', '.join(corpora)})")
    for name in chosen:
        rows = compare(name, corpora[name], extractor, args.batch_size, args.repeats,
                       args.n_process, tuple(admissions))
        for r in rows:
            key = name if r["admission"] == admissions[-1] else f"{name}/{r['admission']}"
            results["corpora"][key] = r
            print(f"{name:8} {r['admission']:>8} {r['docs']:>6} {r['words']:>7} "
                  f"{r['parsed_docs']:>6} {r['events']:>6} "
                  f"{r['bare_s']:>8.2f} {r['bilat_s']:>8.2f} {r['bare_wps']:>9.0f} "
                  f"{r['bilat_wps']:>9.0f} {r['ratio']:>6.2f} {r['paired_ratio_median']:>6.2f} "
                  f"{r['same_parse_ratio']:>10.2f} {r['parsed_word_share']:>8.1%}")
    if args.memory_docs:
        m = memory(extractor, args.memory_docs, args.batch_size)
        results["memory"] = m
        print(f"memory: {m['docs']} short docs in {m['seconds']:.0f} s ({m['events']} events); "
              f"RSS first 10% {m['rss_first10_mb']:.0f} MiB, last 10% "
              f"{m['rss_last10_mb']:.0f} MiB ({m['growth']:+.1%}); peak {m['peak_rss_mb']:.0f} MiB")
    if args.import_runs > 0:  # --import-runs 0 skips the import timing
        imp = import_time(args.import_runs)
        results["import"] = imp
        print(f"import bilat: median {imp['median_s']:.3f} s over {imp['runs']} fresh "
              "interpreters")

    checks = {
        f"{name} ratio >= {TARGETS[name]}": results["corpora"][name]["ratio"] >= TARGETS[name]
        for name in chosen
    }
    if "import" in results:
        checks["import <= 0.3 s"] = results["import"]["median_s"] <= 0.3
    if "memory" in results:
        checks["memory flat (last 10% within 10% of first)"] = abs(
            results["memory"]["growth"]) <= 0.10
    for check, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {check}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
