#!/usr/bin/env python3
"""Build bilat's dated officials table (package data) from the Phoenix actor dictionary.

    python scripts/build_officials.py [PHOENIX_COUNTRIES_ACTORS_TXT]
    # default input: ../shared/resources/petrarch2/Phoenix.Countries.actors.txt
    # writes src/bilat/data/officials.json

The input is the MIT-licensed ``Phoenix.Countries.actors.txt`` of the PETRARCH-2 coder (Open
Event Data Alliance, 2014): people by country with dated roles, ``[DZAGOV 030101-080630]``
meaning Algerian government from 2003-01-01 to 2008-06-30. Only *government* roles (``GOV``)
are kept: bilat resolves an official to the state they serve, and a former leader, a
business figure or an opposition politician (``ELI``, ``BUS``, ``OPP``) is not that state's
official.

What is kept, and why (precision first: a wrong state is worse than none):

* A person's primary name and the synonyms that are *names*: two words or more, none of them
  a title ("President", "Minister"), a country word ("Soviet", "Russian") or an initial-only
  token. Single-word names ("Suharto") and bare surnames are left out: a lone surname is
  resolved inside a document only after the full name introduced it (bilat's in-document
  coreference), as for the hand-reviewed leaders file.
* Names that the hand-reviewed ``leaders.json`` already has are left to it.
* A name that Phoenix gives to government people of two states is kept for both; the resolver
  then finds no single state for it and leaves the role empty unless the date decides.
* Only codes of states bilat's countries table knows are kept (a CAMEO-only code is dropped).
* Two-digit years are read as 19YY, except 00-14 (the file was generated in January 2014):
  ``070723`` is 2007-07-23. A role open at one end (``>030101``) keeps that end open.

Every record says where it came from (``source``: file and line), and the output keeps the
licence notice of the input beside the data.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bilat.actors.gazetteer import normalise  # noqa: E402

DEFAULT_INPUT = ROOT.parent / "shared" / "resources" / "petrarch2" / "Phoenix.Countries.actors.txt"
OUTPUT = ROOT / "src" / "bilat" / "data" / "officials.json"
LEADERS = ROOT / "src" / "bilat" / "data" / "leaders.json"
COUNTRIES = ROOT / "src" / "bilat" / "data" / "countries.json"

# CAMEO country codes that are not ISO 3166-1 alpha-3 (or that events.md codes otherwise).
CAMEO_TO_ISO = {"KSV": "XKX", "TMP": "TLS", "FRY": "YUG", "ROM": "ROU", "ZAR": "COD"}

# Words that make a synonym a description rather than a name ("PRESIDENT_GORBACHEV").
NOT_NAME_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "general", "leader", "king",
    "queen", "prince", "princess", "emperor", "sheikh", "sheik", "emir", "sultan", "chancellor",
    "premier", "foreign", "defense", "defence", "interior", "finance", "chief", "head",
    "speaker", "senator", "governor", "ambassador", "envoy", "commander", "marshal",
    "colonel", "col", "gen", "lt", "major", "admiral", "dr", "mr", "mrs", "ms", "sir", "lord",
    "lady", "his", "her", "majesty", "highness", "former", "late", "new", "acting", "deputy",
    "first", "state", "council", "party", "army", "government", "ministry", "mayor",
    "pope", "cardinal", "bishop", "ayatollah", "supreme", "crown", "royal", "chairman",
    "director", "official", "spokesman", "spokeswoman", "the", "of", "and", "for",
}

_ROLE = re.compile(r"^\s+\[([A-Z]{3})([A-Z]{3})[A-Z]*\s*([<>])?(\d{6,8})?(?:-(\d{6,8}))?\]")
_NAME = re.compile(r"^\+?([A-Z][A-Z'.\-]*(?:_[A-Z][A-Z'.\-]*)*)_?\s*(?:#.*)?$")


def _date(text: str | None) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` as ISO, or ``None`` when absent or not a real date."""
    if not text:
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 14 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return datetime.date(year, max(month, 1), max(day, 1)).isoformat()
    except ValueError:
        return None


def _name(raw: str) -> str | None:
    """``MIKHAIL_SERGEYEVICH_GORBACHEV_`` -> ``Mikhail Sergeyevich Gorbachev``, or ``None``
    when the entry is not a person's name of two words or more."""
    words = [w for w in raw.strip("_").split("_") if w]
    if len(words) < 2:
        return None
    for w in words:
        bare = w.strip(".'-").lower()
        if len(bare) < 2 or bare in NOT_NAME_WORDS or not bare.replace("-", "").isalpha():
            return None
    return " ".join(w.capitalize() if "-" not in w else "-".join(
        p.capitalize() for p in w.split("-")) for w in words)


def _country_words() -> set[str]:
    """Every one-word key of bilat's countries table (names, demonyms, capitals)."""
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    return {k for k in data["entries"] if " " not in k}


def parse(path: Path) -> list[dict[str, object]]:
    """Government roles of people in a Phoenix ``.actors`` file, one record per role."""
    country_words = _country_words()
    records: list[dict[str, object]] = []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    names: list[tuple[str, int]] = []  # the current entry's names and their lines
    roles: list[tuple[str, str | None, str | None, int]] = []
    is_person = False

    def flush() -> None:
        if is_person and names and roles:
            primary, line = names[0]
            aliases = sorted({n for n, _ in names[1:] if normalise(n) != normalise(primary)})
            for country, start, end, role_line in roles:
                records.append({
                    "name": primary,
                    "aliases": aliases,
                    "country": country,
                    "role": "GOV",
                    "start": start,
                    "end": end,
                    "source": f"{path.name}:{line}-{role_line}",
                })

    for number, text in enumerate(lines, 1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        role = _ROLE.match(text)
        if role:
            code, kind, bound, first, second = role.groups()
            if kind != "GOV":
                continue
            code = CAMEO_TO_ISO.get(code, code)
            if bound == ">":
                start, end = _date(first), None
            elif bound == "<":
                start, end = None, _date(first)
            else:
                start, end = _date(first), _date(second)
            roles.append((code, start, end, number))
            continue
        if text.startswith((" ", "\t")):
            continue
        if text.startswith("+"):
            match = _NAME.match(text.split("#")[0].strip())
            name = _name(match.group(1)) if match else None
            if name and is_person and not any(
                w.lower() in country_words for w in name.split()
            ):
                names.append((name, number))
            continue
        # a new entry: a primary name line ("NAME_  # CountryInfo.txt" or "NAME_ [CODE]")
        flush()
        names, roles = [], []
        head = text.split("#")[0].strip()
        is_person = "[" not in head  # "AFGHANISTAN_  [AFG]" is a state, not a person
        match = _NAME.match(head)
        name = _name(match.group(1)) if match and is_person else None
        if name is None or any(w.lower() in country_words for w in name.split()):
            is_person = False
            continue
        names.append((name, number))
    flush()
    return records


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    if not source.is_file():
        print(f"no Phoenix actors file at {source}", file=sys.stderr)
        return 2
    licence_path = source.parent / "LICENSE"
    licence = licence_path.read_text(encoding="utf-8") if licence_path.is_file() else ""
    leaders = json.loads(LEADERS.read_text(encoding="utf-8"))
    reviewed = set()
    for rec in leaders["leaders"]:
        reviewed.add(normalise(rec["name"]))
        reviewed.update(normalise(a) for a in rec.get("aliases", []))
    states = set(json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"])
    records = [
        r for r in parse(source)
        if normalise(str(r["name"])) not in reviewed and r["country"] in states
    ]
    for r in records:
        r["aliases"] = [a for a in r["aliases"] if normalise(a) not in reviewed]  # type: ignore[attr-defined]
        if not r["aliases"]:
            del r["aliases"]
    out = {
        "_about": (
            "Government officials by state with dated roles, generated by "
            "scripts/build_officials.py from Phoenix.Countries.actors.txt of the PETRARCH-2 "
            "coder (openeventdata/petrarch2); each record's source gives the input lines. "
            "Only GOV roles, names of two words or more; names in leaders.json are left to "
            "it. Do not edit by hand: change the script and rebuild."
        ),
        "_licence": licence.strip(),
        "officials": records,
    }
    # one record per line: small to ship, easy to diff and to grep
    rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    head = json.dumps({k: v for k, v in out.items() if k != "officials"}, ensure_ascii=False,
                      indent=1)[:-2]
    OUTPUT.write_text(f'{head},\n "officials": [\n{rows}\n]}}\n', encoding="utf-8")
    people = len({str(r["name"]) for r in records})
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(records)} roles of {people} people")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
