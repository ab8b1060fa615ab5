"""``bilat dataset``: build, merge, query and export an event store from the command line.

::

    bilat dataset build ARTICLES.jsonl --db events.duckdb     # id, text, published, outlet
    bilat dataset merge --db events.duckdb [--mode one_a_day] [--window visit=3]
    bilat dataset timeline USA CHN --db events.duckdb --freq M [--plot out.png]
    bilat dataset export --db events.duckdb --format parquet --out DIR

``build`` streams the articles through the extractor into the store in batches, each batch
one transaction, skipping articles already stored with the same content: run it again
after an interruption and it resumes. It then merges the events into happenings.

Exit status: 0 on success; 2 for bad usage or unreadable input; 1 when the run fails;
130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from bilat.cli import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, CliError

__all__ = ["main"]

PROG = "bilat dataset"
DatasetCliError = CliError
"""An error reported as ``bilat dataset: MESSAGE`` with an exit status (the ``bilat``
command's own error type and exit codes)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Build an event dataset from many articles: store, merge, time series.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    build = commands.add_parser(
        "build",
        help="extract articles into the store (resumable) and merge them into happenings",
        description="Extract the articles of a JSONL file (one object per line: id, text, "
        "published, outlet) into the store. Articles already stored with the same content "
        "are skipped, so an interrupted build resumes when run again.",
    )
    build.add_argument("articles", metavar="ARTICLES.jsonl", help="articles, or '-' for stdin")
    _db(build)
    build.add_argument("--model", "-m", metavar="NAME", help="spaCy pipeline name or path")
    build.add_argument("--batch-size", type=int, default=64, help="documents per transaction")
    build.add_argument(
        "--extracted",
        action="store_true",
        help="the lines are already extracted (Extraction.to_dict() plus id/outlet)",
    )
    build.add_argument("--no-text", action="store_true", help="do not keep article texts")
    build.add_argument("--no-merge", action="store_true", help="skip the merge step")
    build.add_argument(
        "--progress",
        choices=("bar", "log", "none"),
        default=None,
        help="a progress bar, a line per committed batch, or nothing (default: bar on a "
        "terminal, else nothing)",
    )

    merge = commands.add_parser("merge", help="(re)build the happenings from the stored events")
    _db(merge)
    _rules(merge)

    timeline = commands.add_parser(
        "timeline", help="a dyad's counts per period by type, with its Goldstein series"
    )
    timeline.add_argument("a", metavar="A", help="ISO3 code of one state")
    timeline.add_argument("b", metavar="B", help="ISO3 code of the other")
    _db(timeline)
    timeline.add_argument("--freq", choices=("D", "W", "M", "Q", "Y"), default="M")
    timeline.add_argument("--unit", choices=("happenings", "events"), default="happenings")
    timeline.add_argument("--directed", action="store_true", help="only A → B")
    timeline.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    timeline.add_argument("--plot", metavar="OUT.png", help="also draw the timeline to a file")

    export = commands.add_parser("export", help="write the tables as Parquet or CSV files")
    _db(export)
    export.add_argument("--format", "-f", choices=("parquet", "csv"), default="parquet")
    export.add_argument("--out", required=True, metavar="DIR", help="output directory")
    return parser


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store file")


def _rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=("happenings", "one_a_day"), default="happenings")
    parser.add_argument(
        "--window",
        action="append",
        default=[],
        metavar="TYPE=DAYS",
        help="merge window of one event type in days (repeatable), e.g. visit=3",
    )


def _merge_rules(args: argparse.Namespace) -> Any:
    from bilat.dataset.happenings import MergeRules, default_windows

    windows = default_windows()
    for item in args.window:
        kind, sep, days = item.partition("=")
        if not sep or kind not in windows or not days.lstrip("-").isdigit():
            raise DatasetCliError(
                f"bad --window {item!r}: expected TYPE=DAYS with TYPE one of {sorted(windows)}"
            )
        windows[kind] = int(days)
    return MergeRules(windows=windows, mode=args.mode)


def _lines(name: str, stdin: IO[str]) -> Iterator[dict[str, Any]]:
    if name == "-":
        stream: IO[str] = stdin
    else:
        path = Path(name)
        if not path.is_file():
            raise DatasetCliError(f"{name}: no such file")
        stream = path.open(encoding="utf-8")
    try:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DatasetCliError(f"{name}, line {number}: not valid JSON ({exc})") from exc
            if not isinstance(record, dict) or "id" not in record:
                raise DatasetCliError(f"{name}, line {number}: expected an object with an 'id'")
            yield record
    finally:
        if stream is not stdin:
            stream.close()


def _open(db: str, *, must_exist: bool) -> Any:
    from bilat.dataset.store import EventStore

    if must_exist and not Path(db).is_file():
        raise DatasetCliError(f"{db}: no such store (build it with 'bilat dataset build')")
    return EventStore(db)


def _build(args: argparse.Namespace, out: IO[str], err: IO[str], stdin: IO[str]) -> int:
    if args.batch_size < 1:
        raise DatasetCliError("--batch-size must be at least 1")
    progress = args.progress or ("bar" if err.isatty() else "none")
    records = _lines(args.articles, stdin)
    bar: Any = None
    if progress == "bar":
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=err, desc="bilat dataset build")
    done = [0]

    def on_batch(report: Any) -> None:
        if bar is not None:
            bar.update(report.documents_seen - done[0])
            done[0] = report.documents_seen
        elif progress == "log":
            err.write(
                f"{PROG}: committed {report.documents_seen} documents "
                f"({report.documents_skipped} already stored), {report.events_stored} events\n"
            )
            err.flush()

    with _open(args.db, must_exist=False) as store:
        try:
            if args.extracted:
                report = store.ingest_records(
                    records, batch_size=args.batch_size, store_text=not args.no_text,
                    on_batch=on_batch,
                )
            else:
                from bilat.extractor import Extractor

                try:
                    extractor = Extractor(args.model)
                except (OSError, ImportError, ValueError) as exc:
                    raise DatasetCliError(str(exc), EXIT_FAILURE) from exc
                report = store.ingest(
                    records, extractor, batch_size=args.batch_size,
                    store_text=not args.no_text, on_batch=on_batch,
                )
        finally:
            if bar is not None:
                bar.close()
        happenings = None if args.no_merge else len(store.merge())
    rate = report.events_stored / report.seconds if report.seconds else 0.0
    out.write(
        f"{report.documents_seen} documents read, {report.documents_stored} stored, "
        f"{report.documents_skipped} already stored, {report.failed} failed; "
        f"{report.events_stored} events ({rate:.0f} events/s with extraction)"
        + ("" if happenings is None else f"; {happenings} happenings")
        + f" -> {args.db}\n"
    )
    return EXIT_OK


def _merge(args: argparse.Namespace, out: IO[str]) -> int:
    rules = _merge_rules(args)
    with _open(args.db, must_exist=True) as store:
        happenings = store.merge(rules)
    out.write(f"{len(happenings)} happenings ({rules.mode}) -> {args.db}\n")
    return EXIT_OK


def _timeline(args: argparse.Namespace, out: IO[str]) -> int:
    from bilat.dataset.timeseries import conflict_cooperation, dyad_counts

    with _open(args.db, must_exist=True) as store:
        frame = (
            store.happenings() if args.unit == "happenings" and not _stale(store) else None
        )
        if frame is None and args.unit == "happenings":
            store.merge()
            frame = store.happenings()
        data = frame if frame is not None else store.events()
        counts = dyad_counts(
            data, args.a, args.b, freq=args.freq, unit=args.unit, directed=args.directed
        )
        series = conflict_cooperation(
            data, args.a, args.b, freq=args.freq, unit=args.unit, directed=args.directed
        )
        if args.plot:
            import matplotlib

            matplotlib.use("Agg")
            from bilat.dataset.plot import plot_timeline

            ax = plot_timeline(data, args.a, args.b, freq=args.freq, unit=args.unit)
            ax.figure.savefig(args.plot, dpi=120, bbox_inches="tight")
    table = counts.pivot_table(
        index="period", columns="type", values="count", aggfunc="sum", fill_value=0
    )
    if not series.empty:
        table = table.join(series.set_index("period")[["goldstein"]], how="outer")
    table = table.reset_index()
    table["period"] = table["period"].dt.strftime("%Y-%m-%d")
    if args.format == "csv":
        table.to_csv(out, index=False)
    elif args.format == "json":
        out.write(table.to_json(orient="records") + "\n")
    elif table.empty:
        out.write(f"no {args.unit} between {args.a.upper()} and {args.b.upper()}\n")
    else:
        out.write(table.to_string(index=False) + "\n")
    return EXIT_OK


def _stale(store: Any) -> bool:
    return bool(store.happenings_stale)


def _export(args: argparse.Namespace, out: IO[str]) -> int:
    with _open(args.db, must_exist=True) as store:
        if store.happenings_stale:
            store.merge()
        paths = store.export(args.out, format=args.format)
    for path in paths:
        out.write(f"{path}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``bilat dataset`` with ``argv`` (the words after ``dataset``); return the status."""
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "build":
            return _build(args, out, err, sys.stdin)
        if args.command == "merge":
            return _merge(args, out)
        if args.command == "timeline":
            return _timeline(args, out)
        return _export(args, out)
    except DatasetCliError as exc:
        err.write(f"{PROG}: {exc}\n")
        return exc.status
    except ImportError as exc:
        err.write(f"{PROG}: {exc}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted (run the same command again to resume)\n")
        return EXIT_INTERRUPTED
