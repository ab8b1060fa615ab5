"""Matplotlib views of a dataset: a dyad's timeline and a dyad heat map.

Colours are the HTML view's type colours (:data:`bilat.display.TYPE_COLOURS`), so a visit
is the same blue in a notebook's highlighted text and in these plots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilat.dataset.timeseries import Unit, conflict_cooperation, dyad_counts, dyad_frame
from bilat.display import TYPE_COLOURS

if TYPE_CHECKING:
    import pandas

    from bilat.dataset.store import EventStore

__all__ = ["plot_dyad_heatmap", "plot_timeline", "type_colour"]

_FALLBACK = (127, 127, 127)


def type_colour(kind: str) -> tuple[float, float, float]:
    """The matplotlib RGB colour of an event type (the HTML view's colour)."""
    r, g, b = TYPE_COLOURS.get(kind, _FALLBACK)
    return r / 255, g / 255, b / 255


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - only without matplotlib
        raise ImportError("plots need matplotlib: pip install 'bilat[dataset]'") from exc
    return plt


def plot_timeline(
    data: EventStore | pandas.DataFrame,
    a: str,
    b: str,
    *,
    freq: str = "M",
    unit: Unit = "happenings",
    ax: Any = None,
    goldstein: bool = True,
) -> Any:
    """Stacked bars of one dyad's happenings per period by type, and its Goldstein line.

    Args:
        data: a store, or a frame of its happenings.
        a: one state of the dyad (ISO3 code).
        b: the other state (either direction).
        freq: ``"D"``, ``"W"``, ``"M"``, ``"Q"`` or ``"Y"``.
        unit: ``"happenings"`` or raw ``"events"``.
        ax: the matplotlib axes to draw on (a new figure if ``None``).
        goldstein: draw the net Goldstein score per period on a second axis.

    Returns:
        The axes with the bars.
    """
    plt = _pyplot()
    frame = dyad_frame(data, unit)
    counts = dyad_counts(frame, a, b, freq=freq, by=("type",), unit=unit)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.5))
    title = f"{a.upper()} – {b.upper()}: {unit} per period"
    if counts.empty:
        ax.set_title(title + " (none)")
        return ax
    table = counts.pivot_table(
        index="period", columns="type", values="count", aggfunc="sum", fill_value=0
    ).sort_index()
    width = _bar_width(table.index, freq)
    bottom = None
    for kind in [t for t in TYPE_COLOURS if t in table.columns]:
        values = table[kind].to_numpy()
        ax.bar(table.index, values, width=width, bottom=bottom, color=type_colour(kind),
               label=kind, align="edge")
        bottom = values if bottom is None else bottom + values
    ax.set_ylabel(f"{unit}")
    ax.set_title(title)
    if goldstein:
        series = conflict_cooperation(frame, a, b, freq=freq, unit=unit)
        if not series.empty:
            twin = ax.twinx()
            twin.plot(series["period"], series["goldstein"], color="black", marker="o",
                      linewidth=1, label="Goldstein (net)")
            twin.axhline(0, color="grey", linewidth=0.5)
            twin.set_ylabel("Goldstein (net)")
    ax.legend(loc="upper left", fontsize="small", frameon=False)
    ax.figure.autofmt_xdate()
    return ax


def _bar_width(index: Any, freq: str) -> float:
    days = {"D": 0.8, "W": 6.0, "M": 25.0, "Q": 80.0, "Y": 330.0}
    return days.get(freq, 25.0)


def plot_dyad_heatmap(
    data: EventStore | pandas.DataFrame,
    *,
    kind: str | None = None,
    top: int = 12,
    unit: Unit = "happenings",
    ax: Any = None,
) -> Any:
    """A source × target heat map of the busiest states' happenings.

    With ``kind`` (an event type) cells shade from white to that type's colour by count;
    without, each cell takes the colour of its most frequent type, shaded by the total.

    Args:
        data: a store, or a frame of its happenings.
        kind: one event type, or ``None`` for all.
        top: how many states (by number of happenings) form the rows and columns.
        unit: ``"happenings"`` or raw ``"events"``.
        ax: the axes to draw on (a new figure if ``None``).

    Returns:
        The axes.
    """
    plt = _pyplot()
    import numpy as np

    frame = dyad_frame(data, unit)
    frame = frame[frame["source"].notna() & frame["target"].notna()]
    if kind is not None:
        frame = frame[frame["type"] == kind]
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 5.5))
    if frame.empty:
        ax.set_title("no dyads")
        return ax
    busy = (
        frame["source"].value_counts().add(frame["target"].value_counts(), fill_value=0)
        .sort_values(ascending=False)
    )
    states = sorted(busy.index[:top])
    frame = frame[frame["source"].isin(states) & frame["target"].isin(states)]
    cells = frame.groupby(["source", "target", "type"]).size()
    n = len(states)
    where = {s: i for i, s in enumerate(states)}
    totals = np.zeros((n, n))
    image = np.ones((n, n, 3))
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for (source, target, kind_), count in cells.items():
        i, j = where[source], where[target]
        totals[i, j] += count
        if count > best.get((source, target), (0, ""))[0]:
            best[(source, target)] = (int(count), kind_)
    peak = totals.max() or 1.0
    for (source, target), (_, kind_) in best.items():
        i, j = where[source], where[target]
        shade = 0.25 + 0.75 * totals[i, j] / peak
        colour = np.array(type_colour(kind_))
        image[i, j] = 1 - shade * (1 - colour)
    ax.imshow(image, interpolation="nearest")
    ax.set_xticks(range(n), states, rotation=90)
    ax.set_yticks(range(n), states)
    ax.set_xlabel("target")
    ax.set_ylabel("source")
    for i in range(n):
        for j in range(n):
            if totals[i, j]:
                ax.text(j, i, str(int(totals[i, j])), ha="center", va="center", fontsize=7)
    shown = sorted({k for _, k in best.values()}, key=list(TYPE_COLOURS).index)
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=type_colour(k), label=k) for k in shown],
        loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False,
    )
    ax.set_title(f"{unit} by dyad" + (f" ({kind})" if kind else ""))
    return ax
