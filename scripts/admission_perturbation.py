#!/usr/bin/env python3
"""Check sentence admission on text it was not tuned on (see docs/scaling.md).

    PYTHONPATH=src python scripts/admission_perturbation.py ../shared/eval/{dev,train}/*.jsonl
    PYTHONPATH=src python scripts/admission_perturbation.py --every 1 ../shared/eval/*/*.jsonl

The reach rules of ``bilat/data/admission.json`` are checked on the gold articles as they
are (tests/test_admission.py). This moves every article's sentences apart: after every
``--every``-th sentence (admission unit) that ends in ".", "!" or "?", it inserts a neutral
sentence drawn from the articles' own (no trigger of any event type, no actor word), then
extracts the changed text twice, by sentence and by whole document, and prints how many
articles give different events, with their ids.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import bilat
from bilat import admission, prefilter


def _units(nlp: object, text: str) -> tuple[object, list[object]]:
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    return doc, admission.units(doc, prefilter._Columns(doc), text)


def neutral_sentences(extractor: bilat.Extractor, texts: list[str]) -> list[str]:
    """Sentences of ``texts`` that seed no event type and name no actor."""
    found = []
    for text in texts:
        doc, units = _units(extractor.nlp, text)
        cols = prefilter._Columns(doc)
        parts = [cols.window(u.first, u.last) for u in units]
        scan = admission._Scan(doc, cols, units, parts)
        for k, (unit, part) in enumerate(zip(units, parts, strict=True)):
            sentence = text[unit.start:unit.end].strip()
            if 40 < len(sentence) < 200 and "\n" not in sentence and \
                    sentence[-1] in ".!?" and not scan.actor(k) and \
                    not admission.seed_types(doc, part, extractor.types):
                found.append(sentence)
    return found


def spread(extractor: bilat.Extractor, text: str, pool: list[str], every: int,
           rng: random.Random) -> str:
    """``text`` with a sentence of ``pool`` after every ``every``-th sentence that ends
    one (not at a line break)."""
    _, units = _units(extractor.nlp, text)
    pieces = []
    for k, unit in enumerate(units):
        piece = text[unit.start:unit.end]
        stripped = piece.rstrip(" ")
        if k % every == every - 1 and stripped[-1:] in ".!?":
            piece = f"{stripped} {rng.choice(pool)}{piece[len(stripped):]}"
        pieces.append(piece)
    return "".join(pieces)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--every", type=int, default=2, help="insert after every N-th sentence")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    docs = [json.loads(line) for path in args.gold
            for line in path.read_text(encoding="utf-8").splitlines() if line]
    whole = bilat.Extractor(admission="document")
    by_sentence = bilat.Extractor(whole.nlp, admission="sentence")
    pool = neutral_sentences(whole, [d["text"] for d in docs])
    rng = random.Random(args.seed)
    started = time.perf_counter()
    differ = []
    for doc in docs:
        text = spread(whole, doc["text"], pool, args.every, rng)
        day = doc.get("published")
        a = [e.to_dict() for e in whole.extract(text, day).events]
        b = [e.to_dict() for e in by_sentence.extract(text, day).events]
        if a != b:
            differ.append(doc.get("id", "?"))
    print(f"every {args.every}: {len(differ)} of {len(docs)} articles differ "
          f"({len(pool)} neutral sentences; {time.perf_counter() - started:.0f} s)")
    for name in differ:
        print(" ", name)


if __name__ == "__main__":
    main()
