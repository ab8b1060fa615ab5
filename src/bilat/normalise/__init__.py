"""Normalisers for the values events carry: dates, money and counts.

* :func:`parse_date` — a date phrase to a :class:`~bilat.values.TimeSpan` with its precision,
  resolved against the publication date;
* :func:`parse_money` / :func:`find_money` — money expressions to
  :class:`~bilat.values.Money` (exact ``Decimal`` amount, ISO 4217 currency);
* :func:`parse_count` / :func:`find_counts` — counts with bounds to
  :class:`~bilat.values.Count`.

Each keeps the matched text and its character offsets within the input, and never raises
on any ``str``. See ``docs/normalisation.md``.
"""

from __future__ import annotations

from bilat.normalise.counts import find_counts, parse_count
from bilat.normalise.dates import parse_date
from bilat.normalise.money import find_money, parse_money, render_money

__all__ = [
    "find_counts",
    "find_money",
    "parse_count",
    "parse_date",
    "parse_money",
    "render_money",
]
