"""Dyad time series: counts per dyad and period, and a Goldstein conflict–cooperation series.

Both take an :class:`~bilat.dataset.EventStore` (its happenings, or its raw events with
``unit="events"``) or a DataFrame with the same columns, and return tidy pandas DataFrames.

The conflict–cooperation series weighs each happening by the Goldstein (1992) score of its
CAMEO code (``bilat/data/goldstein.json``): +8.0 for a signed agreement (057), +1.9 for a
visit (042), −5.0 for an expulsion (174), −10.0 for an air strike (195). Happenings
without a CAMEO code (a plain trade statistic) carry no weight and are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas

    from bilat.dataset.store import EventStore

__all__ = ["FREQUENCIES", "conflict_cooperation", "dyad_counts", "dyad_frame"]

FREQUENCIES = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}
"""Period codes accepted as ``freq``: day, week, month, quarter, year."""

Unit = Literal["happenings", "events"]


def _pandas() -> Any:
    from bilat.dataset.store import _pandas as load

    return load()


def dyad_frame(data: EventStore | pandas.DataFrame, unit: Unit = "happenings") -> pandas.DataFrame:
    """One row per happening (or event) with a ``day`` column: its date, else first report.

    Columns: ``type``, ``source``, ``target``, ``parties``, ``modality``, ``cameo``,
    ``plover``, ``goldstein``, ``day``.
    """
    pd = _pandas()
    if isinstance(data, pd.DataFrame):
        frame = data.copy()
    elif unit == "happenings":
        if data.happenings_stale or (data.count("happenings") == 0 and data.count("events")):
            data.merge()
        frame = data.happenings()
    elif unit == "events":
        frame = data.events()
    else:
        raise ValueError(f"unit must be 'happenings' or 'events', not {unit!r}")
    fallback = "first_report" if "first_report" in frame.columns else "published"
    day = frame["date_start"] if "date_start" in frame.columns else None
    if fallback in frame.columns:
        day = frame[fallback] if day is None else day.fillna(frame[fallback])
    frame["day"] = pd.to_datetime(day)
    return frame


def _period(frame: pandas.DataFrame, freq: str) -> Any:
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {sorted(FREQUENCIES)}, not {freq!r}")
    return frame["day"].dt.to_period(FREQUENCIES[freq]).dt.start_time


def _between(frame: pandas.DataFrame, a: str, b: str, directed: bool) -> Any:
    a, b = a.upper(), b.upper()
    forward = (frame["source"] == a) & (frame["target"] == b)
    if directed:
        return forward
    backward = (frame["source"] == b) & (frame["target"] == a)
    parties = frame["parties"].fillna("").str.split(";")
    both = parties.map(lambda codes: a in codes and b in codes)
    return forward | backward | both


def dyad_counts(
    data: EventStore | pandas.DataFrame,
    a: str | None = None,
    b: str | None = None,
    *,
    freq: str = "M",
    by: Sequence[str] = ("type",),
    unit: Unit = "happenings",
    directed: bool = False,
) -> pandas.DataFrame:
    """Counts per dyad per period, split by ``by`` (``type``, ``modality``, ``cameo``, ``plover``).

    Args:
        data: a store or a frame of its happenings/events.
        a: one state of the dyad to keep (ISO3); all dyads if ``a`` or ``b`` is ``None``.
        b: the other state (either direction unless ``directed``).
        freq: ``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"``.
        by: columns to split the counts by.
        unit: count ``"happenings"`` (merged across documents) or raw ``"events"``.
        directed: with ``a`` and ``b``, only ``a`` → ``b``.

    Returns:
        A tidy frame: ``period``, ``source``, ``target``, the ``by`` columns, ``count``;
        rows with no date at all are left out. With ``a``/``b`` the dyad is reported as
        ``a``, ``b`` whatever the direction.
    """
    frame = dyad_frame(data, unit)
    frame = frame[frame["day"].notna()]
    if a is not None and b is not None:
        frame = frame[_between(frame, a, b, directed)].copy()
        if not directed:
            frame["source"], frame["target"] = a.upper(), b.upper()
    frame = frame.assign(period=_period(frame, freq))
    keys = ["period", "source", "target", *by]
    counted = (
        frame.groupby(keys, dropna=False).size().reset_index(name="count")
        if len(frame)
        else _pandas().DataFrame(columns=[*keys, "count"])
    )
    return counted.sort_values(keys, na_position="last").reset_index(drop=True)


def conflict_cooperation(
    data: EventStore | pandas.DataFrame,
    a: str,
    b: str,
    *,
    freq: str = "M",
    unit: Unit = "happenings",
    directed: bool = False,
) -> pandas.DataFrame:
    """The Goldstein conflict–cooperation series of one dyad.

    Returns:
        One row per period with coded happenings: ``period``, ``n`` (coded happenings),
        ``cooperation`` (sum of positive weights), ``conflict`` (sum of negative weights),
        ``goldstein`` (the net sum) and ``goldstein_mean``.
    """
    frame = dyad_frame(data, unit)
    frame = frame[frame["day"].notna() & frame["goldstein"].notna()]
    frame = frame[_between(frame, a, b, directed)]
    frame = frame.assign(period=_period(frame, freq))
    weights = frame["goldstein"].astype(float)
    frame = frame.assign(
        cooperation=weights.clip(lower=0), conflict=weights.clip(upper=0), goldstein=weights
    )
    grouped = frame.groupby("period")
    out = grouped.agg(
        n=("goldstein", "size"),
        cooperation=("cooperation", "sum"),
        conflict=("conflict", "sum"),
        goldstein=("goldstein", "sum"),
        goldstein_mean=("goldstein", "mean"),
    ).reset_index()
    return out.sort_values("period").reset_index(drop=True)
