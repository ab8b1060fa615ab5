"""The ``bilat`` command line (also ``python -m bilat``).

::

    bilat extract ARTICLE.txt [MORE.txt ...] [--published 2026-03-12] [--format table]
    cat article.txt | bilat extract - --published 2026-03-12 --format jsonl
    bilat extract articles.jsonl --n-process 2 > events.jsonl

Each text file is one article; a JSON Lines file (``.jsonl``/``.ndjson``, or any FILE with
``--input jsonl``) holds one article per line as ``{"id", "text", "published"}``. Output
goes to standard output in the chosen ``--format`` (``table`` when standard output is a
terminal, else ``jsonl``); a progress bar goes to standard error when several files are
read from a terminal session.

Like ``cat`` and ``grep``, a FILE that cannot be read (missing, a directory, unreadable,
not text, a bad JSON line) is reported on standard error and skipped; the others are
processed, and the exit status says so at the end. Files are checked with ``stat``, never
opened twice, so named pipes and standard input are read once.

Exit status: 0 on success; 2 for bad usage or unreadable input (a missing file, a file
that is not text in the ``--encoding``, a bad JSON line, a bad ``--published`` date, an
unknown type); 1 when the run itself fails (the spaCy pipeline named by ``--model`` is not
installed or is not a spaCy pipeline, an article could not be processed, the output cannot
be written); 130 when interrupted (``--format json`` still closes its array).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import stat
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import IO, Any

from bilat.event_types import names as _type_names

__all__ = ["main"]

PROG = "bilat"
FORMATS = ("table", "jsonl", "json", "csv")
INPUTS = ("auto", "text", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class CliError(Exception):
    """An error reported as ``bilat: MESSAGE`` with an exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    from bilat import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract typed bilateral-relations events from English news text.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    extract = commands.add_parser(
        "extract",
        help="extract the events of one or more articles",
        description="Extract the events of each FILE (one article per file; '-' reads "
        "standard input) and print them.",
    )
    extract.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="article text file, JSON Lines file of articles, or '-' for standard input",
    )
    extract.add_argument(
        "--input",
        choices=INPUTS,
        default="auto",
        help="how to read each FILE: 'text' (one article), 'jsonl' (one {\"id\", \"text\", "
        "\"published\"} article per line); default 'auto': jsonl for .jsonl/.ndjson files",
    )
    extract.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (ISO 8601, e.g. 2026-03-12) for resolving 'on Tuesday', "
        "'last month'; applies to every FILE",
    )
    extract.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
    extract.add_argument(
        "--model",
        "-m",
        metavar="NAME",
        help="spaCy pipeline name or path (default: $BILAT_SPACY_MODEL or the best "
        "installed English pipeline); never downloaded",
    )
    extract.add_argument(
        "--types",
        "-t",
        metavar="TYPES",
        help=f"comma-separated event types to extract (default: all of {','.join(_type_names())})",
    )
    extract.add_argument(
        "--encoding", default="utf-8", help="text encoding of the files (default: utf-8)"
    )
    extract.add_argument(
        "--include-text",
        action="store_true",
        help="include each article's text in json/jsonl output",
    )
    extract.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on standard error (default: on a terminal, for several files or "
        "JSON Lines input)",
    )
    extract.add_argument(
        "--n-process",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; -1 for one per CPU)",
    )
    return parser


def _types(value: str | None) -> list[str] | None:
    if value is None:
        return None
    chosen = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in chosen if t not in _type_names()]
    if unknown or not chosen:
        raise CliError(
            f"--types: unknown event type {', '.join(unknown) or repr(value)}; "
            f"choose from {', '.join(_type_names())}"
        )
    return chosen


def _problem(name: str) -> str | None:
    """Why ``name`` cannot be read, found with ``stat`` alone (never opened: opening a
    named pipe to check it would eat what its writer sends), or ``None``."""
    if name == "-":
        return None
    try:
        info = os.stat(name)
    except FileNotFoundError:
        return f"cannot read {name}: No such file"
    except OSError as exc:
        return f"cannot read {name}: {exc.strerror or exc}"
    if stat.S_ISDIR(info.st_mode):
        return f"cannot read {name}: Is a directory"
    return None


def _decode(name: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CliError(
            f"cannot decode {name} as {encoding} (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); if it is text in another encoding, pass --encoding "
            "(e.g. --encoding latin-1)"
        ) from None
    if "\x00" in text:
        raise CliError(f"cannot read {name}: it looks like a binary file, not text")
    return text.removeprefix("\ufeff")


def _open(name: str, stdin: IO[bytes]) -> IO[bytes]:
    if name == "-":
        return stdin
    try:
        return open(name, "rb")  # closed by the caller
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None


def _is_jsonl(name: str, mode: str) -> bool:
    return mode == "jsonl" or (mode == "auto" and name.lower().endswith(JSONL_SUFFIXES))


class _Article:
    """One article to extract: where it came from, and its text and date."""

    __slots__ = ("ident", "published", "source", "text")

    def __init__(self, source: str, text: str, published: Any, ident: Any = None) -> None:
        self.source, self.text, self.published, self.ident = source, text, published, ident


def _jsonl_articles(
    name: str, stream: IO[bytes], encoding: str, default: Any
) -> Iterator[_Article | CliError]:
    """The articles of a JSON Lines stream, read line by line; a bad line is a CliError
    (reported by the caller), the lines after it go on."""
    label = "<stdin>" if name == "-" else name
    for number, raw in enumerate(stream, 1):
        where = f"{label}:{number}"
        try:
            line = _decode(where, raw, encoding)
        except CliError as exc:
            yield exc
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield CliError(f"{where}: not a JSON object: {exc}")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield CliError(f"{where}: expected an object with a 'text', not {kind}")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield CliError(f"{where}: 'text' must be a string, not {type(text).__name__}")
            continue
        ident = record.get("id")
        published = record.get("published", default)
        yield _Article(where, text, default if published is None else published, ident)


def _articles(
    names: Sequence[str], mode: str, encoding: str, stdin: IO[bytes], default: Any
) -> Iterator[_Article | CliError]:
    """Every article of every FILE in order; each unreadable file or line is a CliError."""
    for name in names:
        problem = _problem(name)
        if problem is not None:
            yield CliError(problem)
            continue
        try:
            stream = _open(name, stdin)
        except CliError as exc:
            yield exc
            continue
        try:
            if _is_jsonl(name, mode):
                yield from _jsonl_articles(name, stream, encoding, default)
                continue
            label = "<stdin>" if name == "-" else name
            try:
                data = stream.read()
            except OSError as exc:
                yield CliError(f"cannot read {name}: {exc.strerror or exc}")
                continue
            try:
                yield _Article(label, _decode(name, data, encoding), default)
            except CliError as exc:
                yield exc
        finally:
            if stream is not stdin:
                stream.close()


# --- output -------------------------------------------------------------------------------


def _table_rows(extraction: Any) -> list[list[str]]:
    from bilat.display import event_summary, roles_text

    rows = []
    for number, event in enumerate(extraction, 1):
        date = "" if event.date is None else _date_cell(event.date)
        modality = event.modality.value
        if event.claimed_by is not None and (event.claimed_by.name or event.claimed_by.country):
            modality += f" by {event.claimed_by.name or event.claimed_by.country}"
        rows.append(
            [
                str(number),
                event.type,
                roles_text(event),
                date,
                modality,
                event.cameo or "-",
                event_summary(event),
            ]
        )
    return rows


def _date_cell(span: Any) -> str:
    """A time span as short as its precision allows: ``2026-03-10``, ``2026-04``, ``2025``,
    else ``start .. end``."""
    start, end, precision = span.start, span.end, span.precision.value
    if start == end:
        return str(start.isoformat())
    if precision == "month" and (start.year, start.month) == (end.year, end.month):
        return str(start.isoformat())[:7]
    if precision == "year" and start.year == end.year:
        return str(start.year)
    return f"{start.isoformat()} .. {end.isoformat()}"


def _table(source: str, extraction: Any, console: Any) -> None:
    """One article as a heading and a table that fits the console's width (``rich``:
    cells wrap at word boundaries, never past the right edge)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    count = len(extraction)
    heading = f"{source}: {count} event{'s' if count != 1 else ''}"
    if extraction.published is not None:
        heading += f" (published {extraction.published.isoformat()})"
    console.print(Text(_printable(heading), style="bold"))
    if extraction.error:
        console.print(Text(_printable(f"  error: {extraction.error}")))
    rows = _table_rows(extraction)
    if rows:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
        for name in ("#", "type", "countries", "date", "modality", "cameo"):
            table.add_column(name, overflow="fold", no_wrap=name in ("#", "cameo"))
        table.add_column("details", overflow="fold")
        for row in rows:
            table.add_row(*(Text(_printable(cell)) for cell in row))
        console.print(table)
    console.print()


def _printable(text: str) -> str:
    """``text`` with lone surrogates (which no terminal or UTF-8 file can take) as U+FFFD."""
    from bilat.extraction import replace_surrogates

    return replace_surrogates(text)


class OutputError(CliError):
    """Standard output cannot be written (a full disk: ``> /dev/full``)."""


class _Writer:
    """Writes each article's result in the chosen format; any failure to write becomes an
    :class:`OutputError` (one ``bilat:`` line, exit status 1)."""

    def __init__(self, fmt: str, out: IO[str], include_text: bool, console: Any = None) -> None:
        self.fmt, self.out, self.include_text = fmt, out, include_text
        self.console = console
        self.first = True
        self.closed = False
        self.csv: Any = None

    def _record(self, article: _Article, extraction: Any) -> dict[str, Any]:
        record: dict[str, Any] = {"source": article.source}
        if article.ident is not None:
            record["id"] = article.ident
        return {**record, **extraction.to_dict(include_text=self.include_text)}

    def write(self, article: _Article, extraction: Any) -> None:
        try:
            self._write(article, extraction)
            self.out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write output: {exc.strerror or exc}", EXIT_FAILURE) from None

    def _write(self, article: _Article, extraction: Any) -> None:
        from bilat.extraction import json_text

        source = article.source if article.ident is None else f"{article.ident}"
        if self.fmt == "table":
            _table(source, extraction, self.console)
        elif self.fmt == "jsonl":
            self.out.write(json_text(self._record(article, extraction)) + "\n")
        elif self.fmt == "json":  # one write per record, so Ctrl-C leaves whole records
            record = json_text(self._record(article, extraction), indent=2)
            opener = "[\n" if self.first else ",\n"
            self.first = False
            self.out.write(opener + record)
        else:
            from bilat.export import COLUMNS, event_row

            if self.csv is None:
                self.csv = csv.DictWriter(self.out, fieldnames=["source", "id", *COLUMNS])
                self.csv.writeheader()
            for index, event in enumerate(extraction):
                row = event_row(event, extraction, event_index=index)
                cells = {k: _cell(v) for k, v in row.items()}
                self.csv.writerow({"source": source, "id": article.ident, **cells})
        self.first = False

    def close(self) -> None:
        """End the output (``--format json`` closes its array); safe to call twice."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.fmt == "json":
                self.out.write("[]\n" if self.first else "\n]\n")
            elif self.fmt == "csv" and self.csv is None:
                from bilat.export import COLUMNS

                csv.DictWriter(self.out, fieldnames=["source", "id", *COLUMNS]).writeheader()
            self.out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write output: {exc.strerror or exc}", EXIT_FAILURE) from None


def _cell(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return _printable(value)
    return "" if value is None else value


# --- the command --------------------------------------------------------------------------


def _load(model: str | None, types: list[str] | None, err: IO[str]) -> Any:
    from bilat.extractor import Extractor
    from bilat.pipeline_loading import ModelNotFoundError, NotAPipelineError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        try:
            extractor = Extractor(model, types=types)
        except (ModelNotFoundError, NotAPipelineError) as exc:
            raise CliError(str(exc), EXIT_FAILURE) from None
        except (OSError, ValueError) as exc:
            raise CliError(f"cannot load spaCy pipeline {model!r}: {exc}", EXIT_FAILURE) from None
    for warning in caught:
        err.write(f"{PROG}: warning: {warning.message}\n")
    return extractor


def _unresolved_relative_date(extraction: Any) -> bool:
    """Whether an event of ``extraction`` (read without a publication date) lacks a date
    while its evidence holds one that a publication date would resolve ("on Tuesday")."""
    import datetime as dt

    from bilat.normalise.dates import parse_date

    if extraction.published is not None:
        return False
    someday = dt.date(2000, 1, 5)
    for event in extraction:
        if event.date is not None:
            continue
        for ev in event.evidence:
            if parse_date(ev.text) is None and parse_date(ev.text, someday) is not None:
                return True
    return False


def _same_terminal(out: IO[str], err: IO[str]) -> bool:
    try:
        return out.isatty() and err.isatty() and os.path.samestat(
            os.fstat(out.fileno()), os.fstat(err.fileno())
        )
    except (OSError, ValueError, AttributeError):
        return False


class _Progress:
    """A ``rich`` progress bar on standard error, or nothing."""

    def __init__(self, show: bool, total: int | None, err: IO[str]) -> None:
        self.bar: Any = None
        self.task: Any = None
        if not show:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        console = Console(file=err, highlight=False)
        self.bar = Progress(
            TextColumn("articles"),
            BarColumn(),
            TaskProgressColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.bar.add_task("articles", total=total)

    @property
    def console(self) -> Any:
        return None if self.bar is None else self.bar.console

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            if self.bar.tasks[0].total is None:
                self.bar.update(self.task, total=self.bar.tasks[0].completed)
            self.bar.stop()


def _extract(args: argparse.Namespace, out: IO[str], err: IO[str], stdin: IO[bytes]) -> int:
    from bilat.extractor import parse_published

    try:
        published = parse_published(args.published)
    except ValueError as exc:
        raise CliError(f"--published: {exc}") from None
    types = _types(args.types)
    if args.files.count("-") > 1:
        raise CliError("'-' (standard input) can be given only once")
    if args.n_process == 0 or args.n_process < -1:
        raise CliError(
            f"--n-process: must be at least 1 (or -1 for one per CPU), not {args.n_process}"
        )
    try:
        "".encode(args.encoding)
    except LookupError:
        raise CliError(f"--encoding: unknown encoding {args.encoding!r}") from None
    problems = [_problem(name) for name in args.files]
    if all(problems):  # nothing to read at all: say so before loading a pipeline
        for problem in problems:
            err.write(f"{PROG}: {problem}\n")
        return EXIT_USAGE
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    extractor = _load(args.model, types, err)

    status = EXIT_OK
    pending: dict[int, _Article] = {}
    warned = False

    def documents() -> Iterator[tuple[str, Any]]:
        nonlocal status
        index = 0
        for article in _articles(args.files, args.input, args.encoding, stdin, published):
            if isinstance(article, CliError):
                err.write(f"{PROG}: {article}\n")
                status = max(status, article.status)
                continue
            pending[index] = article
            index += 1
            yield article.text, article.published

    any_jsonl = any(_is_jsonl(name, args.input) for name in args.files)
    several = len(args.files) > 1 or any_jsonl
    show = args.progress if args.progress is not None else (several and err.isatty())
    total = None if any_jsonl else len(args.files)
    with _Progress(bool(show), total, err) as progress:
        console = None
        if fmt == "table":
            from rich.console import Console

            # sharing one terminal with the bar: print through the bar's console, so the
            # table lines go above the bar instead of through it
            share = progress.console is not None and _same_terminal(out, err)
            console = progress.console if share else Console(file=out, highlight=False)
        writer = _Writer(fmt, out, args.include_text, console)
        try:
            results = extractor.pipe(
                documents(), batch_size=16, n_process=args.n_process
            )
            for extraction in results:
                index = extraction.doc_index if extraction.doc_index is not None else 0
                article = pending.pop(index)
                if extraction.error:
                    err.write(f"{PROG}: {article.source}: {extraction.error}\n")
                    status = max(status, EXIT_FAILURE) if status != EXIT_USAGE else status
                writer.write(article, extraction)
                progress.advance()
                if not warned and _unresolved_relative_date(extraction):
                    warned = True
                    err.write(
                        f"{PROG}: warning: no publication date, so relative dates such as "
                        "'on Tuesday' or 'last month' stay unresolved; pass --published DATE "
                        "(or a 'published' field in JSON Lines input)\n"
                    )
        finally:
            writer.close()  # also on Ctrl-C or an error: a json array is always closed
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["dataset"]:  # `bilat dataset ...`: see bilat.dataset.cli
        from bilat.dataset.cli import main as dataset_main

        return dataset_main(words[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        return _extract(args, out, err, sys.stdin.buffer)
    except OutputError as exc:
        _silence_stdout()
        err.write(f"{PROG}: {exc}\n")
        return exc.status
    except CliError as exc:
        err.write(f"{PROG}: {exc}\n")
        return exc.status
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`bilat extract ... | head`): stop quietly
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush of
    what could not be written raises nothing more at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = None
