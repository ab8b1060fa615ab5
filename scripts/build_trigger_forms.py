"""Expand the lemmas of trigger entries into word forms, written back into the JSON.

A trigger entry of ``src/bilat/event_types/<type>/lexicon.json`` may give ``"lemmas"`` (with
``"pos"``) instead of listing every inflection by hand; the trigger matcher and the
token-only pre-filter read word forms (``"forms"``), so this script writes every inflection
that `lemminflect <https://github.com/bjascob/LemmInflect>`_ knows for each lemma into the
entry's ``"forms"`` (keeping any hand-listed forms), and records where they came from in
``"forms_source"``. Run it after editing a ``"lemmas"`` list::

    python scripts/build_trigger_forms.py            # rewrite the trigger files in place
    python scripts/build_trigger_forms.py --check    # exit 1 when a file is out of date

lemminflect is needed only here, at build time; bilat does not import it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EVENT_TYPES = Path(__file__).resolve().parents[1] / "src" / "bilat" / "event_types"
UPOS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}


def inflections(lemma: str, pos: list[str]) -> list[str]:
    """Every form of ``lemma`` for the parts of speech ``pos`` (the lemma itself first)."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    forms = [lemma]
    for tag in sorted({UPOS[p] for p in pos if p in UPOS}) or ["VERB"]:
        table = getAllInflections(lemma, upos=tag) or getAllInflectionsOOV(lemma, upos=tag)
        for values in table.values():
            forms.extend(values)
    out: list[str] = []
    for form in forms:
        form = form.lower()
        if form not in out:
            out.append(form)
    return out


def expand(entry: dict[str, object]) -> dict[str, object]:
    """``entry`` with ``forms`` holding every inflection of its ``lemmas``."""
    lemmas = entry.get("lemmas")
    if not isinstance(lemmas, list):
        return entry
    pos = entry.get("pos") or ["VERB"]
    assert isinstance(pos, list)
    hand = [str(f) for f in entry.get("hand_forms", [])]  # type: ignore[attr-defined]
    forms: list[str] = []
    for lemma in lemmas:
        for form in inflections(str(lemma), [str(p) for p in pos]):
            if form not in forms:
                forms.append(form)
    forms.extend(f for f in hand if f not in forms)
    out = dict(entry)
    out["forms"] = forms
    out["forms_source"] = "lemminflect inflections of 'lemmas' (+ 'hand_forms'), written by " \
        "scripts/build_trigger_forms.py"
    return out


def render(data: dict[str, object]) -> str:
    """The trigger file as written in the repository: one trigger entry per line."""
    lines = ["{"]
    items = list(data.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if key == "triggers" and isinstance(value, list):
            lines.append(f'  "{key}": [')
            for m, entry in enumerate(value):
                sep = "," if m < len(value) - 1 else ""
                lines.append("    " + json.dumps(entry, ensure_ascii=False) + sep)
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report out-of-date files")
    args = ap.parse_args(argv)
    stale = 0
    for path in sorted(EVENT_TYPES.glob("*/lexicon.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not any("lemmas" in e for e in data.get("triggers", [])):
            continue
        data["triggers"] = [expand(e) for e in data["triggers"]]
        text = render(data)
        if path.read_text(encoding="utf-8") != text:
            stale += 1
            if args.check:
                print(f"{path.parent.name}/{path.name} is out of date: "
                      "run scripts/build_trigger_forms.py")
            else:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
