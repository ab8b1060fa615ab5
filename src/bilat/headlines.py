"""Re-case ALL-CAPS headlines for the parser, keeping every character offset.

Wire copy, 1980s newswire above all, heads each story with a line in capitals
("SAUDI ARABIA'S KING FAHD VISITS BRITAIN THIS WEEK"). spaCy's trained pipelines read
such a line badly: every word looks like a proper noun, the verb goes unnoticed, and a
title followed by any word looks like a title and a name ("PRIME MINISTER VISITS"). Before
parsing, :class:`bilat.Extractor` therefore writes each ALL-CAPS line in sentence case: the
first word, every name the actor gazetteers know (countries, demonyms, capitals, bodies,
places, leaders) and every day and month name get an initial capital; acronyms
(``data/headline_case.json``, exact-case country codes such as "US", words with inner full
stops such as "U.S.") stay in capitals; every other word is lower-cased ("Saudi Arabia's
King Fahd visits Britain this week").

Only the case changes, character by character, so the text keeps its length and every
offset: events found in the re-cased text point at the same characters of the original,
and their evidence is cut from the original (see :func:`bilat.chunking.shift_value`).
"""

from __future__ import annotations

from functools import cache

import regex

from bilat.lexicons.files import HeadlineCaseFile, typed

__all__ = ["is_caps_line", "truecase_headlines"]

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'\u2019&-]*")
_LINE = regex.compile(r"[^\n]+")
_UPPER = regex.compile(r"\p{Lu}")
_MAX_NGRAM = 4
_MIN_WORDS = 2


def is_caps_line(line: str) -> bool:
    """Whether ``line`` is written in capitals: at least two words of two or more letters
    and no lower-case letter."""
    if not line.isupper():
        return False
    long_words = [w for w in _WORD.findall(line) if sum(c.isalpha() for c in w) >= 2]
    return len(long_words) >= _MIN_WORDS


def truecase_headlines(text: str) -> str:
    """``text`` with each ALL-CAPS line in sentence case (same length, same offsets).

    Lines with any lower-case letter, and lines of fewer than two words, are left as they
    are; so is a text with no ALL-CAPS line (the same object comes back).
    """
    if not _UPPER.search(text):
        return text
    pieces: list[str] = []
    last = 0
    changed = False
    for match in _LINE.finditer(text):
        line = match.group()
        if not is_caps_line(line):
            continue
        recased = _recase(line)
        if recased != line:
            pieces.append(text[last : match.start()])
            pieces.append(recased)
            last = match.end()
            changed = True
    if not changed:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _lower(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _initial(text: str) -> str:
    """``text`` (lower-cased) with its first letter in capitals."""
    for i, c in enumerate(text):
        if c.isalpha():
            upper = c.upper()
            return text[:i] + (upper if len(upper) == 1 else c) + text[i + 1 :]
    return text


def _recase(line: str) -> str:
    words = list(_WORD.finditer(line))
    out = list(_lower(line))
    keep = _kept_in_capitals()
    names = _names()
    i = 0
    first = True
    while i < len(words):
        width = _name_width(words, i, names)
        for k in range(i, i + max(width, 1)):
            word = words[k]
            raw = word.group()
            bare = raw[:-2] if raw.endswith(("'S", "\u2019S")) else raw
            if bare in keep or "." in bare.rstrip("."):
                new = raw[: len(bare)] + _lower(raw[len(bare) :])  # "U.S.'s", "NATO's"
            elif width or first:
                new = _initial(_lower(raw))
            else:
                new = _lower(raw)
            out[word.start() : word.end()] = list(new)
            first = False
        i += max(width, 1)
    return "".join(out)


def _name_width(words: list[regex.Match[str]], i: int, names: frozenset[str]) -> int:
    """How many words from ``i`` on form a gazetteer name (0 if none)."""
    from bilat.actors.gazetteer import normalise

    for n in range(min(_MAX_NGRAM, len(words) - i), 0, -1):
        span = words[i : i + n]
        if any(span[k + 1].start() - span[k].end() != 1 for k in range(n - 1)):
            continue  # the words must be adjacent, one space apart
        key = normalise(" ".join(w.group() for w in span))
        if key in names and (n > 1 or len(key) > 2):
            return n
    return 0


@cache
def _case_lists() -> dict[str, frozenset[str]]:
    """``data/headline_case.json``: "acronyms" and "capitalised" (days and months)."""
    data = typed("headline_case.json", HeadlineCaseFile)
    return {"acronyms": frozenset(data.acronyms), "capitalised": frozenset(data.capitalised)}


@cache
def _names() -> frozenset[str]:
    """Every normalised name of the actor gazetteers, minus English function words, plus
    the day and month names of the package data."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from bilat.prefilter import gazetteer_index

    days = _case_lists()["capitalised"]
    index = gazetteer_index()
    if index is None:  # pragma: no cover - the gazetteers cannot be read
        return days
    return frozenset(name for name in index.codes if name not in STOP_WORDS) | days


@cache
def _kept_in_capitals() -> frozenset[str]:
    """Acronyms (package data) and the countries table's exact-case keys ("US", "UK")."""
    from bilat.actors import gazetteer as gz

    return _case_lists()["acronyms"] | {k for k in gz._countries()["exact"] if k.isupper()}
