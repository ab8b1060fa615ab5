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
dense ratio >= 0.9, news ratio >= 1.6, import <= 0.3 s, RSS of the last 10% of documents
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

TARGETS = {"stream": 2.0, "dense": 0.9, "news": 1.6}


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


def compare(name: str, docs: list[Doc], extractor: Any, batch_size: int,
            repeats: int) -> dict[str, Any]:
    """Best-of-``repeats`` times of bare nlp.pipe and Extractor.pipe over ``docs``."""
    from bilat.prefilter import possible_types

    nlp = extractor.nlp
    texts = [text for text, _ in docs]

    def bare() -> int:
        return sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))

    def bilat() -> int:
        return sum(len(r) for r in extractor.pipe(docs, batch_size=batch_size))

    bare_times, bilat_times = [], []
    events = 0
    for _ in range(repeats):
        t, _n = timed(bare)
        bare_times.append(t)
        t, events = timed(bilat)
        bilat_times.append(t)
    admitted = [text for text in texts if possible_types(nlp.make_doc(text), extractor.types)]
    parsed = len(admitted)
    n_words = words(docs)
    parsed_words = words((text, None) for text in admitted)
    best_bare, best_bilat = min(bare_times), min(bilat_times)
    return {
        "corpus": name,
        "docs": len(docs),
        "words": n_words,
        "parsed_docs": parsed,
        "parsed_words": parsed_words,
        "parsed_word_share": parsed_words / n_words if n_words else 0.0,
        "events": events,
        "bare_s": best_bare,
        "bilat_s": best_bilat,
        "bare_wps": n_words / best_bare,
        "bilat_wps": n_words / best_bilat,
        "ratio": best_bare / best_bilat,
        # each bilat run against the bare run just before it: machine drift cancels out
        "paired_ratio_median": statistics.median(
            b / c for b, c in zip(bare_times, bilat_times, strict=True)),
        "bare_all_s": bare_times,
        "bilat_all_s": bilat_times,
    }


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
    extractor = bilat.Extractor(args.model)
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
    print(f"{'corpus':8} {'docs':>6} {'words':>7} {'parsed':>6} {'events':>6} "
          f"{'spaCy s':>8} {'bilat s':>8} {'spaCy w/s':>9} {'bilat w/s':>9} {'ratio':>6} "
          f"{'paired':>6} {'w parsed':>8}")
    chosen = [name.strip() for name in args.corpora.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(corpora))
    if unknown:
        parser.error(f"unknown corpora: {', '.join(unknown)} (choose from {', '.join(corpora)})")
    for name in chosen:
        docs = corpora[name]
        r = compare(name, docs, extractor, args.batch_size, args.repeats)
        results["corpora"][name] = r
        print(f"{name:8} {r['docs']:>6} {r['words']:>7} {r['parsed_docs']:>6} {r['events']:>6} "
              f"{r['bare_s']:>8.2f} {r['bilat_s']:>8.2f} {r['bare_wps']:>9.0f} "
              f"{r['bilat_wps']:>9.0f} {r['ratio']:>6.2f} {r['paired_ratio_median']:>6.2f} "
              f"{r['parsed_word_share']:>8.1%}")
    if args.memory_docs:
        m = memory(extractor, args.memory_docs, args.batch_size)
        results["memory"] = m
        print(f"memory: {m['docs']} short docs in {m['seconds']:.0f} s ({m['events']} events); "
              f"RSS first 10% {m['rss_first10_mb']:.0f} MiB, last 10% "
              f"{m['rss_last10_mb']:.0f} MiB ({m['growth']:+.1%}); peak {m['peak_rss_mb']:.0f} MiB")
    imp = import_time(args.import_runs)
    results["import"] = imp
    print(f"import bilat: median {imp['median_s']:.3f} s over {imp['runs']} fresh interpreters")

    checks = {
        f"{name} ratio >= {TARGETS[name]}": results["corpora"][name]["ratio"] >= TARGETS[name]
        for name in chosen
    }
    checks["import <= 0.3 s"] = imp["median_s"] <= 0.3
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
