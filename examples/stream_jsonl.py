"""Stream a JSON Lines file of articles to a JSON Lines file of events.

Each input line is ``{"id": ..., "text": ..., "published": "YYYY-MM-DD"}`` (``published``
may be missing or null). Each output line is the article's ``id`` plus bilat's result
(``published``, ``model``, ``events``; ``error`` when an article could not be processed).
Articles are read, parsed and written one batch at a time, so files of any size work::

    python examples/stream_jsonl.py articles.jsonl events.jsonl
    python examples/stream_jsonl.py articles.jsonl - --n-process 2 | head
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import bilat


def read_articles(stream: IO[str], ids: list[Any]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(text, published)`` per line, remembering each line's id in ``ids``."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        article = json.loads(line)
        ids.append(article.get("id", number))
        yield article.get("text") or "", article.get("published")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="JSONL file of articles, or - for standard input")
    parser.add_argument("target", help="JSONL file to write events to, or - for standard output")
    parser.add_argument("--model", help="spaCy pipeline name or path")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes")
    args = parser.parse_args(argv)

    extractor = bilat.load(args.model)
    ids: list[Any] = []
    failed = 0
    with contextlib.ExitStack() as stack:
        source: IO[str] = sys.stdin
        target: IO[str] = sys.stdout
        if args.source != "-":
            source = stack.enter_context(open(args.source, encoding="utf-8"))
        if args.target != "-":
            target = stack.enter_context(open(args.target, "w", encoding="utf-8"))
        results = extractor.pipe(read_articles(source, ids), n_process=args.n_process)
        for result in results:
            index = result.doc_index if result.doc_index is not None else 0
            record = {"id": ids[index], **result.to_dict(include_text=False)}
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
            failed += not result.ok
    if failed:
        print(f"{failed} article(s) could not be processed; see their 'error'", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
