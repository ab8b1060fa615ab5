"""Sports teams named after a place: "Real Madrid", "Manchester United", "Washington Capitals".

A place name inside a team name is neither a state actor nor a place: "Real Madrid will
travel to Munich" is no visit by Spain. :func:`is_team_name` tells, from the text right
before and right after a gazetteer name, whether the name is part of such a team name. The
words come from ``bilat/data/sports_teams.json``:

* ``before`` words ("Real", "Dynamo", "FC", "Universidad de") make a team of any place,
  capital or country name right after them ("Dynamo Kyiv", "AS Monaco");
* ``after`` words ("United", "FC", "Capitals") make a team of a place or capital name right
  before them ("Leeds United", "Washington Capitals"), never of a country, demonym or body
  name: title-case headlines put capitalised words after those ("Germany United on ...").

Words must be written as listed (case-sensitive), one white-space character from the name.
:class:`bilat.actors.DocumentActors` takes no mention from a team name, and the pre-filter
(:mod:`bilat.prefilter`) does not count it, so both agree.
"""

from __future__ import annotations

import functools

import regex

from bilat.lexicons.files import SportsTeamsFile, typed

__all__ = ["AFTER_KINDS", "is_team_name", "team_words"]

AFTER_KINDS = frozenset({"capital", "place"})
"""The kinds of gazetteer name that ``after`` words can make part of a team name (a place or
capital; never a country, demonym or body: see the module docstring)."""


@functools.lru_cache(maxsize=1)
def team_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``before`` and ``after`` words of ``sports_teams.json``."""
    data = typed("sports_teams.json", SportsTeamsFile)
    return data.before, data.after


def _alternation(words: tuple[str, ...]) -> str:
    # longest first, so "Atletico de" wins over "Atletico"; inner spaces match any one space
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(regex.escape(w).replace("\\ ", r"\s") for w in ordered)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    before, after = team_words()
    return (
        regex.compile(rf"(?<![\w'\u2019.-])(?:{_alternation(before)})\s\Z"),
        regex.compile(rf"\A\s(?:{_alternation(after)})(?![\w-])"),
    )


def is_team_name(before: str, after: str, *, after_allowed: bool) -> bool:
    """Whether the gazetteer name between ``before`` and ``after`` is part of a team name.

    Args:
        before: the text that ends right where the name starts (a few words are enough).
        after: the text that starts right where the name ends.
        after_allowed: whether ``after`` words count, i.e. the name is a place or capital
            (not a country, demonym or body).

    >>> is_team_name("Yesterday Real ", " beat Porto", after_allowed=True)
    True
    >>> is_team_name("They flew to ", " United", after_allowed=False)
    False
    """
    prefix, suffix = _patterns()
    if before and prefix.search(before) is not None:
        return True
    return after_allowed and bool(after) and suffix.match(after) is not None
