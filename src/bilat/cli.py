"""The ``bilat`` command line (also ``python -m bilat``).

::

    bilat extract ARTICLE.txt [MORE.txt ...] [--published 2026-03-12] [--format table]
    cat article.txt | bilat extract - --published 2026-03-12 --format jsonl

Each file is one article. Output goes to standard output in the chosen ``--format``
(``table`` when standard output is a terminal, else ``jsonl``); a progress bar goes to
standard error when several files are read from a terminal session.

Exit status: 0 on success; 2 for bad usage or unreadable input (a missing file, a file
that is not text in the ``--encoding``, a bad ``--published`` date, an unknown type); 1
when the run itself fails (the spaCy pipeline named by ``--model`` is not installed, or an
article could not be processed); 130 when interrupted.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from bilat.events import EVENT_TYPES

__all__ = ["main"]

PROG = "bilat"
FORMATS = ("table", "jsonl", "json", "csv")
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
    extract.add_argument("files", nargs="+", metavar="FILE", help="article text file, or '-'")
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
        help=f"comma-separated event types to extract (default: all of {','.join(EVENT_TYPES)})",
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
        help="progress bar on standard error (default: for several files on a terminal)",
    )
    return parser


def _types(value: str | None) -> list[str] | None:
    if value is None:
        return None
    chosen = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in chosen if t not in EVENT_TYPES]
    if unknown or not chosen:
        raise CliError(
            f"--types: unknown event type {', '.join(unknown) or repr(value)}; "
            f"choose from {', '.join(EVENT_TYPES)}"
        )
    return chosen


def _check_files(files: Sequence[str]) -> None:
    for name in files:
        if name == "-":
            continue
        path = Path(name)
        if not path.exists():
            raise CliError(f"cannot read {name}: No such file")
        if path.is_dir():
            raise CliError(f"cannot read {name}: Is a directory")
        try:
            with path.open("rb"):
                pass
        except OSError as exc:
            raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None


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


def _read(name: str, encoding: str, stdin: IO[bytes]) -> str:
    if name == "-":
        return _decode("<stdin>", stdin.read(), encoding)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None
    return _decode(name, data, encoding)


# --- output -------------------------------------------------------------------------------


def _table(source: str, extraction: Any, out: IO[str]) -> None:
    from bilat.display import event_summary, roles_text

    count = len(extraction)
    out.write(f"{source}: {count} event{'s' if count != 1 else ''}")
    if extraction.published is not None:
        out.write(f" (published {extraction.published.isoformat()})")
    out.write("\n")
    if extraction.error:
        out.write(f"  error: {extraction.error}\n")
    rows = []
    for number, event in enumerate(extraction, 1):
        date = ""
        if event.date is not None:
            date = event.date.start.isoformat()
            if event.date.end != event.date.start:
                date = f"{date}..{event.date.end.isoformat()}"
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
    if not rows:
        out.write("\n")
        return
    header = ["#", "type", "countries", "date", "modality", "cameo", "details"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  " + "  ".join([*cells, row[-1]]).rstrip() + "\n")
    out.write("\n")


class _Writer:
    def __init__(self, fmt: str, out: IO[str], include_text: bool) -> None:
        self.fmt, self.out, self.include_text = fmt, out, include_text
        self.first = True
        self.csv: Any = None

    def _record(self, source: str, extraction: Any) -> dict[str, Any]:
        return {"source": source, **extraction.to_dict(include_text=self.include_text)}

    def write(self, source: str, extraction: Any) -> None:
        if self.fmt == "table":
            _table(source, extraction, self.out)
        elif self.fmt == "jsonl":
            self.out.write(json.dumps(self._record(source, extraction), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write("[\n" if self.first else ",\n")
            record = self._record(source, extraction)
            self.out.write(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            from bilat.export import COLUMNS, event_row

            if self.csv is None:
                self.csv = csv.DictWriter(self.out, fieldnames=["source", *COLUMNS])
                self.csv.writeheader()
            for index, event in enumerate(extraction):
                row = event_row(event, extraction, event_index=index)
                self.csv.writerow({"source": source, **{k: _cell(v) for k, v in row.items()}})
        self.first = False
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.first else "\n]\n")
        elif self.fmt == "csv" and self.csv is None:
            from bilat.export import COLUMNS

            csv.DictWriter(self.out, fieldnames=["source", *COLUMNS]).writeheader()
        self.out.flush()


def _cell(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


# --- the command --------------------------------------------------------------------------


def _load(model: str | None, types: list[str] | None, err: IO[str]) -> Any:
    from bilat.extractor import Extractor
    from bilat.pipeline_loading import ModelNotFoundError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        try:
            extractor = Extractor(model, types=types)
        except ModelNotFoundError as exc:
            raise CliError(str(exc), EXIT_FAILURE) from None
        except (OSError, ValueError) as exc:
            raise CliError(f"cannot load spaCy pipeline {model!r}: {exc}", EXIT_FAILURE) from None
    for warning in caught:
        err.write(f"{PROG}: warning: {warning.message}\n")
    return extractor


def _extract(args: argparse.Namespace, out: IO[str], err: IO[str], stdin: IO[bytes]) -> int:
    from bilat.extractor import parse_published

    try:
        published = parse_published(args.published)
    except ValueError as exc:
        raise CliError(f"--published: {exc}") from None
    types = _types(args.types)
    if args.files.count("-") > 1:
        raise CliError("'-' (standard input) can be given only once")
    try:
        "".encode(args.encoding)
    except LookupError:
        raise CliError(f"--encoding: unknown encoding {args.encoding!r}") from None
    _check_files(args.files)
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    extractor = _load(args.model, types, err)

    status = EXIT_OK
    sources: list[str] = []

    def documents() -> Iterator[str]:
        nonlocal status
        for name in args.files:
            try:
                text = _read(name, args.encoding, stdin)
            except CliError as exc:
                err.write(f"{PROG}: {exc}\n")
                status = max(status, exc.status)
                continue
            sources.append("<stdin>" if name == "-" else name)
            yield text

    show = args.progress if args.progress is not None else (len(args.files) > 1 and err.isatty())
    writer = _Writer(fmt, out, args.include_text)
    from tqdm import tqdm

    with tqdm(
        total=len(args.files), desc="articles", unit="doc", file=err, disable=not show
    ) as bar:
        for extraction in extractor.pipe(documents(), published=published, batch_size=16):
            index = extraction.doc_index if extraction.doc_index is not None else 0
            source = sources[index]
            if extraction.error:
                err.write(f"{PROG}: {source}: {extraction.error}\n")
                status = max(status, EXIT_FAILURE) if status != EXIT_USAGE else status
            writer.write(source, extraction)
            bar.update(1)
    writer.close()
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
    except CliError as exc:
        err.write(f"{PROG}: {exc}\n")
        return exc.status
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`bilat extract ... | head`): stop quietly
        sys.stdout = None
        return EXIT_OK
