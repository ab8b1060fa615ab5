"""Measuring the cross-document merge: gold happenings and B-cubed precision and recall.

The gold files (``shared/eval/*/*.jsonl``) annotate events per document. Gold happenings
across documents are built by one rule, independent of the merge's own (``docs/dataset.md``):
two gold events are one happening when they have the same scored key (type and roles; for
trade figures also currency and amount at three significant digits), the same flow, and
compatible times: their dates (trade figures: periods) agree at the coarser of their
precisions ("1987-03" and "1987-03-04" agree), where an event without a date is placed in
its document's publication month; connected components of that relation are the
happenings.

B-cubed (Bagga and Baldwin 1998) scores a clustering item by item: an item's precision is
the share of its predicted cluster that shares its gold cluster, its recall the share of
its gold cluster that shares its predicted cluster; both are averaged over items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, TypeVar

from bilat.dataset.happenings import Mention
from bilat.events import Event

__all__ = ["bcubed", "gold_event", "gold_happenings", "gold_key"]

K = TypeVar("K", bound=Hashable)

_SAME = {"SUN": "RUS", "SUR": "RUB"}


def bcubed(predicted: Mapping[K, Any], gold: Mapping[K, Any]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering over the items both mappings share.

    Args:
        predicted: item → predicted cluster id.
        gold: item → gold cluster id.

    >>> bcubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "y", 3: "y"})
    (0.6666666666666666, 0.6666666666666666)
    """
    items = [i for i in predicted if i in gold]
    if not items:
        return 0.0, 0.0
    by_pred: dict[Hashable, set[K]] = {}
    by_gold: dict[Hashable, set[K]] = {}
    for item in items:
        by_pred.setdefault(predicted[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        p, g = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(p & g)
        precision += both / len(p)
        recall += both / len(g)
    return precision / len(items), recall / len(items)


def _code(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return _SAME.get(value.upper(), value.upper())


def _sig3(value: Any) -> str | None:
    return None if value is None else f"{float(value):.3g}"


def gold_key(event: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The scored key of an event dict (gold or ``Event.to_dict()``), as the scorer forms it."""
    kind = event.get("type")
    if kind == "visit":
        return (kind, _code(event.get("visitor_country")), _code(event.get("host_country")))
    if kind == "agreement":
        return (kind, tuple(sorted({c for c in map(_code, event.get("parties") or []) if c})))
    if kind == "trade_figure":
        value = event.get("value") or {}
        countries = tuple(sorted({c for c in map(_code, event.get("countries") or []) if c}))
        return (kind, countries, _code(value.get("currency")), _sig3(value.get("amount")))
    if kind == "deportation":
        return (kind, _code(event.get("deporting_country")), _code(event.get("origin_country")))
    if kind == "strike":
        return (kind, _code(event.get("attacker_country")), _code(event.get("target_country")))
    return None


def _gold_time(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("start")
    return None if value in (None, "") else str(value)


def _agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def gold_happenings(documents: Iterable[Mapping[str, Any]]) -> dict[tuple[str, int], int]:
    """Gold happening ids for every gold event, as ``(doc_id, index) -> happening``.

    ``documents`` are gold lines (``id``, ``published``, ``events``); see the module
    docstring for the rule.
    """
    items: list[tuple[tuple[str, int], tuple[Any, ...], str | None]] = []
    for doc in documents:
        published = doc.get("published")
        month = None if published is None else str(published)[:7]
        for index, event in enumerate(doc.get("events") or []):
            key = gold_key(event)
            if key is None:
                continue
            if event.get("type") == "trade_figure":
                key = (*key, event.get("flow") or "total")
                when = _gold_time(event.get("period"))
            else:
                when = _gold_time(event.get("date")) or month
            items.append(((str(doc["id"]), index), key, when))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple[Any, ...], list[int]] = {}
    for i, (_, key, _) in enumerate(items):
        by_key.setdefault(key, []).append(i)
    for members in by_key.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                ti, tj = items[i][2], items[j][2]
                if ti is None or tj is None or _agree(ti, tj):
                    parent[find(i)] = find(j)
    return {item: find(i) for i, (item, _, _) in enumerate(items)}


def _span(value: Any) -> dict[str, Any] | None:
    """A gold date ("1987", "1987-03", "1987-03-04") as a ``TimeSpan`` dict."""
    text = _gold_time(value)
    if text is None:
        return None
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return {"start": f"{year}-01-01", "end": f"{year}-12-31", "precision": "year"}
    month = int(parts[1])
    if len(parts) == 2:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        return {"start": f"{year}-{month:02d}-01", "end": last.isoformat(), "precision": "month"}
    return {"start": text[:10], "end": text[:10], "precision": "day"}


def _count(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value
    return {"min": int(value), "max": None}


def gold_event(event: Mapping[str, Any]) -> Event | None:
    """A gold event dict as a bilat :class:`~bilat.Event` (``None`` if it cannot be one)."""
    data: dict[str, Any] = dict(event)
    data.pop("note", None)
    data["date"] = _span(event.get("date"))
    if "period" in event:
        data["period"] = _span(event.get("period"))
    for name in ("count", "killed"):
        if name in event:
            data[name] = _count(event.get(name))
    for name in ("visitor",):
        if isinstance(event.get(name), str):
            data[name] = {"name": event[name]}
    if isinstance(event.get("location"), str):
        data["location"] = {"name": event["location"]}
    if isinstance(event.get("claimed_by"), str):
        data["claimed_by"] = {"name": event["claimed_by"]}
    for role in ("visitor_country", "host_country", "deporting_country", "origin_country",
                 "attacker_country", "target_country"):
        if role in data:
            data[role] = _code(data[role])
    for role in ("parties", "countries"):
        if role in data:
            data[role] = [c for c in map(_code, data[role] or []) if c]
    if isinstance(data.get("value"), dict):
        data["value"] = {**data["value"], "currency": _code(data["value"].get("currency"))}
    try:
        return Event.from_dict(data)
    except (ValueError, TypeError, KeyError):
        return None


def gold_mentions(documents: Iterable[Mapping[str, Any]]) -> list[Mention]:
    """Every gold event as a :class:`Mention` (event id ``"<doc_id>:<index>"``)."""
    out = []
    for doc in documents:
        for index, event in enumerate(doc.get("events") or []):
            converted = gold_event(event)
            if converted is not None and gold_key(event) is not None:
                out.append(
                    Mention.of(
                        str(doc["id"]), index, converted,
                        outlet=_outlet(str(doc["id"])), published=doc.get("published"),
                    )
                )
    return out


def _outlet(doc_id: str) -> str:
    """The outlet a gold document id names ("reuters-110" is Reuters)."""
    return doc_id.split("-")[0]


def _as_item(event_id: str) -> tuple[str, int]:
    doc_id, _, index = event_id.rpartition(":")
    return doc_id, int(index)


def _predicted(mentions: list[Mention], rules: Any) -> dict[tuple[str, int], str]:
    from bilat.dataset.happenings import group_happenings

    out = {}
    for happening in group_happenings(mentions, rules):
        for mention in happening.mentions:
            out[_as_item(mention.event_id)] = happening.happening_id
    return out


def merge_quality(
    documents: Iterable[Mapping[str, Any]],
    extracted: Mapping[str, Iterable[Event]] | None = None,
    rules: Any = None,
) -> dict[str, Any]:
    """B-cubed precision and recall of the merge against :func:`gold_happenings`.

    Args:
        documents: gold lines (``id``, ``published``, ``events``).
        extracted: optionally, each document's extracted events by document id; each
            extracted event is matched to a gold event of its document with the same
            :func:`gold_key` and scored against that event's gold happening (unmatched
            extracted events are merged but not scored).
        rules: the :class:`~bilat.dataset.MergeRules` (defaults if ``None``).

    Returns:
        ``{"gold": {...}, "extracted": {...}}``, each with ``precision``, ``recall``,
        ``items`` (scored events) and ``happenings`` (predicted), plus ``gold_happenings``
        and, for extracted events, ``matched`` and ``unmatched`` counts.
    """
    from bilat.dataset.happenings import MergeRules

    rules = rules or MergeRules()
    docs = list(documents)
    gold = gold_happenings(docs)
    mentions = gold_mentions(docs)
    predicted = _predicted(mentions, rules)
    precision, recall = bcubed(predicted, gold)
    report: dict[str, Any] = {
        "gold": {
            "precision": precision,
            "recall": recall,
            "items": len([i for i in predicted if i in gold]),
            "happenings": len(set(predicted.values())),
            "gold_happenings": len(set(gold.values())),
        }
    }
    if extracted is None:
        return report
    published = {str(d["id"]): d.get("published") for d in docs}
    gold_keys: dict[str, list[tuple[tuple[Any, ...] | None, int]]] = {
        str(d["id"]): [(gold_key(e), i) for i, e in enumerate(d.get("events") or [])]
        for d in docs
    }
    ext_mentions: list[Mention] = []
    truth: dict[tuple[str, int], int] = {}
    unmatched = 0
    for doc_id, events in extracted.items():
        for index, event in enumerate(events):
            ext_mentions.append(
                Mention.of(doc_id, index, event, outlet=_outlet(doc_id),
                           published=published.get(doc_id))
            )
            key = gold_key(event.to_dict())
            match = next((i for k, i in gold_keys.get(doc_id, []) if k == key), None)
            if match is None or (doc_id, match) not in gold:
                unmatched += 1
                continue
            truth[(doc_id, index)] = gold[(doc_id, match)]
    ext_predicted = _predicted(ext_mentions, rules)
    precision, recall = bcubed(ext_predicted, truth)
    report["extracted"] = {
        "precision": precision,
        "recall": recall,
        "items": len(truth),
        "matched": len(truth),
        "unmatched": unmatched,
        "happenings": len(set(ext_predicted.values())),
        "gold_happenings": len(set(truth.values())),
    }
    return report
