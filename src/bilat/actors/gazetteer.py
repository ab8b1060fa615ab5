"""Name -> ISO 3166-1 alpha-3 resolution from bilat's shipped gazetteer (package data).

The tables are built by ``scripts/build_gazetteer.py`` and loaded lazily, once, on first use.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from typing import Any

from bilat.lexicons import active as active_additions
from bilat.lexicons.files import read_checked

__all__ = [
    "is_case_sensitive",
    "leaders_named",
    "lookup",
    "normalise",
    "resolve_country",
    "resolve_place",
]

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]+")
_DROP = re.compile(r"[,()\[\]\"\u201c\u201d;:!?]+")
_WS = re.compile(r"\s+")
_CODE = re.compile(r"^[A-Z]{3}$")
_MAX_LEN = 120


@functools.lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Strip diacritics, unify apostrophes/dashes, drop brackets and commas, collapse spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.translate(_APOS)
    elif "`" in text:
        text = text.translate(_APOS)
    text = _DASHES.sub(" ", text)
    text = _DROP.sub(" ", text)
    text = _WS.sub(" ", text).strip()
    # possessive and leading article
    if text.endswith("'s") or text.endswith("'S"):
        text = text[:-2].rstrip()
    elif text.endswith("'") and len(text) > 1:
        text = text[:-1].rstrip()
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    # a sentence-final full stop, unless the name is an abbreviation ("U.S.")
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1].rstrip()
    return text


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The case-insensitive lookup key of a name: ``"the Kremlin's"`` -> ``"kremlin"``."""
    return _fold(text).lower()


def is_case_sensitive(name: str) -> bool:
    """Acronyms that are also English words ("US", "EC", "PA") only match in capitals."""
    letters = name.replace(".", "").replace(" ", "")
    return (
        bool(letters)
        and letters.isalpha()
        and letters.isupper()
        and len(letters) <= 5
        and ("." not in name)
    )


def _load(name: str) -> Any:
    """``bilat/data/<name>``, checked against its schema (:mod:`bilat.lexicons.files`)."""
    return read_checked(name)


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Any]:
    data: dict[str, Any] = _load("countries.json")
    return data


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, Any]:
    data: dict[str, Any] = _load("places.json")["places"]
    return data


@functools.lru_cache(maxsize=1)
def _leaders() -> dict[str, Any]:
    try:
        data: dict[str, Any] = _load("leaders.json")
    except FileNotFoundError:  # pragma: no cover - shipped with the package
        return {"leaders": [], "by_key": {}, "ambiguous_surnames": set(),
                "title_case_only": set()}
    by_key: dict[str, list[dict[str, Any]]] = {}
    short: set[str] = set()
    for rec in data.get("leaders", []):
        names = {rec["name"], *rec.get("aliases", [])}
        surname = rec.get("surname") or rec["name"].split()[-1]
        # a two-letter "surname" ("Un" of Kim Jong Un) would match acronyms such as "UN";
        # one the file gives outright ("Xi") counts, written in title case only
        if len(surname) > 2:
            names.add(surname)
        elif rec.get("surname"):
            names.add(surname)
            short.add(normalise(surname))
        for n in names:
            by_key.setdefault(normalise(n), []).append(rec)
    reviewed = set(by_key)
    for rec in _officials():
        # generated from the Phoenix dictionary: full names and name aliases only, never a
        # bare surname (that resolves in a document after the full name introduced it), and
        # never a name the reviewed leaders file has
        for n in (rec["name"], *rec.get("aliases", [])):
            key = normalise(n)
            if key not in reviewed:
                by_key.setdefault(key, []).append(rec)
    data["by_key"] = by_key
    data["title_case_only"] = short
    data["ambiguous_surnames"] = {normalise(s) for s in data.get("ambiguous_surnames", [])}
    return data


def _officials() -> list[dict[str, Any]]:
    """Government officials with dated roles, generated from the Phoenix actor dictionary
    (``data/officials.json``, built by ``scripts/build_officials.py``, MIT)."""
    try:
        records: list[dict[str, Any]] = _load("officials.json")["officials"]
    except FileNotFoundError:  # pragma: no cover - shipped with the package
        return []
    return records


def _date(text: str | None) -> datetime.date | None:
    if not text:
        return None
    return datetime.date.fromisoformat(text)


def _entry_code(entry: dict[str, Any], when: datetime.date | None) -> str | None:
    eras = entry.get("eras")
    if eras:
        if when is None:
            if "nowhen" in entry:
                return entry["nowhen"]  # type: ignore[no-any-return]
        else:
            for era in eras:  # sorted by end date
                end = _date(era.get("end"))
                if end is not None and when <= end:
                    return era.get("code")  # type: ignore[no-any-return]
    code = entry.get("code")
    return code if isinstance(code, str) else None


def lookup(name: str) -> dict[str, Any] | None:
    """The raw gazetteer entry for ``name`` (countries table only), or ``None``.

    Exact-case acronyms are tried first ("US" but not "us"), then the case-insensitive key.
    An entry with ``code: None`` is a deliberate non-answer (ambiguous or not a state).
    """
    if not isinstance(name, str) or not name or len(name) > _MAX_LEN:
        return None
    table = _countries()
    folded = _fold(name)
    if not folded:
        return None
    extra = active_additions()
    if extra is not None and extra.names:  # a user's name wins over the shipped table's
        added = extra.names.get(folded.lower())
        if added is not None:
            return dict(added)
    hit = table["exact"].get(folded)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    key = folded.lower()
    return table["entries"].get(key)  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def _exact_lower() -> frozenset[str]:
    return frozenset(k.lower() for k in _countries()["exact"])


def first_words() -> frozenset[str]:
    """First word of every countries-table key (a cheap pre-filter for n-gram matching),
    with the names the pipeline at work added (:class:`bilat.lexicons.Additions`)."""
    extra = active_additions()
    if extra is None or not extra.names:
        return _shipped_first_words()
    found: frozenset[str] | None = extra.cache.get("first_words")
    if found is None:
        added = {key.split(" ")[0] for key in extra.names}
        found = extra.cache["first_words"] = _shipped_first_words() | added
    return found


@functools.lru_cache(maxsize=1)
def _shipped_first_words() -> frozenset[str]:
    table = _countries()
    words = {k.split(" ")[0] for k in table["entries"]}
    words |= {normalise(k).split(" ")[0] for k in table["exact"]}
    return frozenset(w for w in words if w)


@functools.lru_cache(maxsize=1)
def place_first_words() -> frozenset[str]:
    """First word of every places-table key."""
    return frozenset(k.split(" ")[0] for k in _places())


def _leaders_by_key() -> dict[str, list[dict[str, Any]]]:
    """Leader records by name key, with the officials the pipeline at work added (an added
    official's names replace the shipped records of the same name)."""
    shipped: dict[str, list[dict[str, Any]]] = _leaders()["by_key"]
    extra = active_additions()
    if extra is None or not extra.officials:
        return shipped
    found: dict[str, list[dict[str, Any]]] | None = extra.cache.get("leaders_by_key")
    if found is None:
        added: dict[str, list[dict[str, Any]]] = {}
        for official in extra.officials:
            rec = {"name": official.name, "country": official.country,
                   "title": official.title, "start": official.start, "end": official.end,
                   "aliases": list(official.aliases), "source": "user"}
            names = {official.name, *official.aliases}
            if official.surname:
                names.add(official.surname)
            for n in names:
                added.setdefault(normalise(n), []).append(rec)
        found = extra.cache["leaders_by_key"] = {**shipped, **added}
    return found


def leader_first_words() -> frozenset[str]:
    """First word of every leader name, alias and surname key (with added officials)."""
    extra = active_additions()
    if extra is None or not extra.officials:
        return _shipped_leader_first_words()
    found: frozenset[str] | None = extra.cache.get("leader_first_words")
    if found is None:
        found = frozenset(k.split(" ")[0] for k in _leaders_by_key())
        extra.cache["leader_first_words"] = found
    return found


@functools.lru_cache(maxsize=1)
def _shipped_leader_first_words() -> frozenset[str]:
    return frozenset(k.split(" ")[0] for k in _leaders()["by_key"])


def _written_as_name(name: str, key: str) -> bool:
    """Whether ``name`` may be the leader key ``key``: a short surname the leaders file
    gives ("Xi") only in title case, never as an acronym or numeral ("XI")."""
    return key not in _leaders()["title_case_only"] or name.istitle()


def _leader_code(name: str, when: datetime.date | None) -> str | None:
    data = _leaders()
    key = normalise(name)
    recs = _leaders_by_key().get(key)
    if not recs or not _written_as_name(name, key):
        return None
    full = any(
        normalise(r["name"]) == key or key in {normalise(a) for a in r.get("aliases", [])}
        for r in recs
    )
    if not full and key in data["ambiguous_surnames"]:
        return None
    return leader_country(recs, when)


def leader_country(recs: list[dict[str, Any]], when: datetime.date | None) -> str | None:
    """The one state the leader records point to at ``when`` (any time when ``None``)."""
    codes: set[str] = set()
    for r in recs:
        if when is not None:
            start, end = _date(r.get("start")), _date(r.get("end"))
            if start is not None and when < start:
                continue
            if end is not None and when > end:
                continue
        codes.add(r["country"])
    if len(codes) == 1:
        return codes.pop()
    return None


def leaders_named(name: str) -> list[dict[str, Any]]:
    """Leader records whose full name, alias or surname is ``name``."""
    if not isinstance(name, str):
        return []
    key = normalise(name)
    return list(_leaders_by_key().get(key, [])) if _written_as_name(name, key) else []


def ambiguous_surname(name: str) -> bool:
    return normalise(name) in _leaders()["ambiguous_surnames"]


def resolve_country(name: str, *, when: datetime.date | None = None) -> str | None:
    """ISO 3166-1 alpha-3 code of the state ``name`` refers to, or ``None``.

    Accepts names, aliases, demonyms, capitals and seats of government ("Islamabad",
    "the Kremlin"), historical states ("Soviet Union" -> ``SUN``), the EU (``EUU``), and leaders
    from the dated leaders file ("Vladimir Putin"; a bare surname when ``when`` falls in the
    term, or when unambiguous across the file with ``when=None``). Ambiguous or unknown names
    ("Congo", "Korea", "Georgia", "Kurds") give ``None``. Never raises.
    """
    try:
        entry = lookup(name)
        if entry is not None:
            if entry.get("kind") == "place":
                return None
            code = _entry_code(entry, when)
        else:
            code = _leader_code(name, when) if len(name) <= _MAX_LEN else None
        if code is not None and _CODE.match(code):
            return code
        return None
    except Exception:  # pragma: no cover - defensive: never raise on user input
        return None


def resolve_place(name: str) -> str | None:
    """ISO3 of the state a city, province or region lies in ("Mosul" -> ``IRQ``), or ``None``.

    Countries and capitals resolve through :func:`resolve_country` first.
    """
    try:
        if not isinstance(name, str) or not name or len(name) > _MAX_LEN:
            return None
        entry = lookup(name)
        if entry is not None:
            code = _entry_code(entry, None)
            return code if code is not None and _CODE.match(code) else None
        hit = _places().get(normalise(name))
        if hit is None:
            return None
        code = hit[0]
        return code if isinstance(code, str) and _CODE.match(code) else None
    except Exception:  # pragma: no cover
        return None


def place_code(name: str) -> str | None:
    """ISO3 from the places table only (cities/provinces), or ``None``."""
    if not isinstance(name, str) or len(name) > _MAX_LEN:
        return None
    hit = _places().get(normalise(name))
    return hit[0] if hit else None
