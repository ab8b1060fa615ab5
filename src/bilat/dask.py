"""Scale out on a Dask cluster: a ``dask.bag`` of articles in, a bag of events out.

Needs the optional extra: ``pip install 'bilat[dask]'`` (``dask[bag]`` and ``distributed``).

>>> import dask.bag as db                                                  # doctest: +SKIP
>>> from bilat.dask import extract_bag                                     # doctest: +SKIP
>>> articles = db.read_text("articles-*.jsonl").map(json.loads)            # doctest: +SKIP
>>> events = extract_bag(articles)          # model=None: as bilat.load()   # doctest: +SKIP
>>> events.map(json.dumps).to_textfiles("events-*.jsonl", last_endline=True)  # doctest: +SKIP

(``last_endline=True`` ends every part with a newline, so the parts concatenate into valid
JSON Lines; run it under ``if __name__ == "__main__":`` in a script, as ``LocalCluster``
workers re-import it.)

Each worker process loads the spaCy pipeline once (:func:`worker_extractor` keeps one
:class:`~bilat.Extractor` per process and model) and runs :meth:`bilat.Extractor.pipe`
over each partition, so a partition is parsed in batches and documents the pre-filter rules
out are never parsed. See ``docs/scaling.md`` for ``dask.dataframe`` and Spark.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from dask.bag import Bag

    from bilat.extraction import Extraction
    from bilat.extractor import Extractor

__all__ = ["extract_bag", "extract_partition", "worker_extractor"]

Output = Literal["events", "extractions", "records"]

_INSTALL_HINT = "bilat.dask needs Dask: pip install 'bilat[dask]'"
_CACHE: dict[tuple[str | None, tuple[str, ...] | None], Extractor] = {}
_CACHE_LOCK = threading.Lock()


def _require_dask() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError(_INSTALL_HINT) from exc
    return dask.bag


def worker_extractor(
    model: str | None = None, types: Iterable[str] | None = None
) -> Extractor:
    """The :class:`~bilat.Extractor` of this process for ``model``, built on first use.

    Every task that runs in a worker process shares it, so the pipeline loads once per
    process however many partitions the worker handles.
    """
    key = (model, None if types is None else tuple(types))
    with _CACHE_LOCK:
        extractor = _CACHE.get(key)
        if extractor is None:
            from bilat.extractor import Extractor

            extractor = Extractor(model, types=key[1])
            _CACHE[key] = extractor
    return extractor


def _pairs(
    records: Iterable[Any], text_key: str, published_key: str
) -> Iterator[Any]:
    for record in records:
        if isinstance(record, Mapping):
            yield record.get(text_key), record.get(published_key)
        else:  # a bare text (or anything else: the extractor reports what is wrong)
            yield record, None


def extract_partition(
    records: Iterable[Any],
    *,
    model: str | None = None,
    types: Iterable[str] | None = None,
    text_key: str = "text",
    published_key: str = "published",
    id_key: str | None = "id",
    output: Output = "events",
    batch_size: int = 32,
) -> list[Any]:
    """Extract the events of one partition (a list of texts or of article records).

    The function :func:`extract_bag` maps over partitions; use it directly with any engine
    that hands you an iterable of records (Spark's ``mapPartitions``, Ray, multiprocessing).

    Args:
        records: texts, or mappings with the text under ``text_key`` and the publication date
            (ISO string, date or ``None``) under ``published_key``.
        model: the spaCy pipeline name or path each worker loads (``None``: best installed).
        types: the event types to extract (all by default).
        text_key: the key of the article text in a record.
        published_key: the key of its publication date.
        id_key: with ``output="events"``, the record key copied onto each event dict as
            ``"doc_id"`` (skipped when a record lacks it or is a bare text).
        output: ``"events"`` (a flat list of event dicts, ``Event.to_dict()``),
            ``"extractions"`` (one :class:`~bilat.Extraction` per record, in order) or
            ``"records"`` (one ``Extraction.to_dict()`` per record, in order).
        batch_size: documents per spaCy batch.
    """
    records = list(records)
    extractor = worker_extractor(model, types)
    results: Iterator[Extraction] = extractor.pipe(
        _pairs(records, text_key, published_key), batch_size=batch_size
    )
    if output == "extractions":
        return list(results)
    if output == "records":
        return [result.to_dict() for result in results]
    if output != "events":
        raise ValueError(f"output must be 'events', 'extractions' or 'records', not {output!r}")
    events: list[dict[str, Any]] = []
    for record, result in zip(records, results, strict=True):
        doc_id = record.get(id_key) if id_key and isinstance(record, Mapping) else None
        for event in result:
            data = event.to_dict()
            if doc_id is not None:
                data["doc_id"] = doc_id
            events.append(data)
    return events


def extract_bag(
    bag: Bag,
    *,
    model: str | None = None,
    types: Iterable[str] | None = None,
    text_key: str = "text",
    published_key: str = "published",
    id_key: str | None = "id",
    output: Output = "events",
    batch_size: int = 32,
) -> Bag:
    """A lazy ``dask.bag`` of the events of a bag of articles (see :func:`extract_partition`).

    Args:
        bag: a ``dask.bag.Bag`` of texts or of article records (dicts), e.g.
            ``db.read_text(...).map(json.loads)`` or ``ddf.to_bag(format="dict")``.
        model: a spaCy pipeline *name or path* (it must be picklable: each worker loads it
            once); ``None`` picks the best installed English pipeline on each worker.
        types, text_key, published_key, id_key, output, batch_size: as for
            :func:`extract_partition`.

    Returns:
        With ``output="events"``, a bag of event dicts (``Event.to_dict()`` plus ``doc_id``);
        otherwise one item per input article, in order.

    Raises:
        ImportError: Dask is not installed (``pip install 'bilat[dask]'``).
    """
    _require_dask()
    chosen = None if types is None else tuple(types)
    # bind the options here: dask's own keyword arguments ("output"...) would clash
    task = functools.partial(
        extract_partition,
        model=model,
        types=chosen,
        text_key=text_key,
        published_key=published_key,
        id_key=id_key,
        output=output,
        batch_size=batch_size,
    )
    untyped: Any = bag  # Bag.map_partitions has no annotations
    result: Bag = untyped.map_partitions(task)
    return result
