"""An embedded event store: a DuckDB database file of documents, events and happenings.

Schema (``docs/dataset.md`` describes every column):

* ``documents``: one row per ingested document (``doc_id``, ``outlet``, ``published``,
  ``content_hash``, ``n_events``, ``error``, ``model``, ``text``, ``ingested_at``);
* ``events``: one row per extracted event (``event_id`` is ``"<doc_id>:<index>"``), with
  flat columns for querying and the full ``Event.to_dict()`` as JSON in ``data``;
* ``happenings``: one row per happening after :meth:`EventStore.merge` (``type``,
  ``n_documents``, ``n_sources``, the dyad, the resolved modality and attributes);
* ``mentions``: which event (of which document, outlet, day, evidence) reports which
  happening;
* ``meta``: the merge rules the happenings were built with.

Ingestion is streaming and idempotent: documents are written in batches, each batch in one
transaction that first deletes whatever the store held for those documents. A document
already stored with the same content (text, publication date and outlet) is skipped
before extraction, so an ingest killed mid-way and run again loses and duplicates nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from bilat.dataset.happenings import (
    Happening,
    Mention,
    MergeRules,
    goldstein,
    group_happenings,
    role_countries,
)
from bilat.events import Event

if TYPE_CHECKING:
    import pandas

    from bilat.extraction import Extraction
    from bilat.extractor import Extractor

__all__ = ["SCHEMA", "EventStore", "IngestReport", "content_hash"]

INSTALL_HINT = "bilat.dataset needs DuckDB and pandas: pip install 'bilat[dataset]'"

SCHEMA: dict[str, str] = {
    "documents": """
        doc_id VARCHAR NOT NULL, outlet VARCHAR, published DATE, content_hash VARCHAR NOT NULL,
        n_events INTEGER NOT NULL, error VARCHAR, model VARCHAR, text VARCHAR,
        ingested_at TIMESTAMP NOT NULL""",
    "events": """
        event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        type VARCHAR NOT NULL, source VARCHAR, target VARCHAR, parties VARCHAR,
        date_start DATE, date_end DATE, date_precision VARCHAR, modality VARCHAR NOT NULL,
        cameo VARCHAR, plover VARCHAR, goldstein DOUBLE, flow VARCHAR, amount DOUBLE,
        currency VARCHAR, period_start DATE, period_end DATE, count_min BIGINT,
        data VARCHAR NOT NULL""",
    "happenings": """
        happening_id VARCHAR NOT NULL, type VARCHAR NOT NULL, source VARCHAR, target VARCHAR,
        parties VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR,
        modality VARCHAR NOT NULL, modalities VARCHAR, cameo VARCHAR, plover VARCHAR,
        goldstein DOUBLE, n_mentions INTEGER NOT NULL, n_documents INTEGER NOT NULL,
        n_sources INTEGER NOT NULL, first_report DATE, last_report DATE, attributes VARCHAR,
        mode VARCHAR NOT NULL""",
    "mentions": """
        happening_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
        outlet VARCHAR, published DATE, evidence VARCHAR""",
    "meta": "key VARCHAR NOT NULL, value VARCHAR",
}
"""The store's tables and their columns (DuckDB DDL)."""

_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(part.split()[0] for part in ddl.replace("\n", " ").split(","))
    for table, ddl in SCHEMA.items()
}
_TYPES: dict[str, dict[str, str]] = {
    table: {
        part.split()[0]: part.split()[1]
        for part in (p.strip() for p in ddl.replace("\n", " ").split(","))
    }
    for table, ddl in SCHEMA.items()
}


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover - only without the extra
        raise ImportError(INSTALL_HINT) from exc
    return duckdb


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - only without the extra
        raise ImportError(INSTALL_HINT) from exc
    return pandas


def content_hash(text: str, published: Any = None, outlet: Any = None) -> str:
    """A document's content hash: what must change for a re-ingest to extract it again."""
    payload = json.dumps([text, None if published is None else str(published)[:10], outlet])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


@attrs.frozen(slots=True, kw_only=True)
class IngestReport:
    """What one ingest did.

    Attributes:
        documents_seen: documents read from the input.
        documents_stored: documents written (new or changed).
        documents_skipped: documents already stored with the same content.
        events_stored: events written.
        failed: documents whose extraction failed (stored with their ``error``).
        seconds: wall time of the ingest.
    """

    documents_seen: int = 0
    documents_stored: int = 0
    documents_skipped: int = 0
    events_stored: int = 0
    failed: int = 0
    seconds: float = 0.0


@attrs.frozen(slots=True, kw_only=True)
class _Doc:
    doc_id: str
    outlet: str | None
    published: dt.date | None
    content_hash: str
    text: str | None
    model: str | None
    error: str | None
    events: tuple[Event, ...]
    replaces: bool = False  # the store holds an older version of this document


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text[:10] or None


def _published(value: Any) -> dt.date | None:
    text = _iso(value)
    if text is None or text.lower() in {"nat", "none", "nan"}:
        return None
    return dt.date.fromisoformat(text)


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a DataFrame
        return None
    text = str(value)
    return text or None


def _event_row(doc_id: str, index: int, event: Event) -> dict[str, Any]:
    from bilat.export import dyad

    data = event.to_dict()
    source, target = dyad(event)
    value = data.get("value") or {}
    period = data.get("period") or {}
    date = data.get("date") or {}
    count = data.get("count") or data.get("killed") or {}
    return {
        "event_id": f"{doc_id}:{index}",
        "doc_id": doc_id,
        "idx": index,
        "type": event.type,
        "source": source,
        "target": target,
        "parties": ";".join(role_countries(event)) or None,
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "modality": event.modality.value,
        "cameo": data.get("cameo"),
        "plover": data.get("plover"),
        "goldstein": goldstein(data.get("cameo")),
        "flow": data.get("flow"),
        "amount": value.get("amount"),
        "currency": value.get("currency"),
        "period_start": period.get("start"),
        "period_end": period.get("end"),
        "count_min": count.get("min"),
        "data": json.dumps(data, ensure_ascii=False),
    }


def _event_of(data: Any) -> Event | None:
    try:
        return Event.from_dict(data)
    except (ValueError, TypeError, KeyError):
        return None


class EventStore:
    """A DuckDB event store (a file, or ``":memory:"``).

    Args:
        path: the database file (created if missing), or ``":memory:"``.
        read_only: open an existing file for queries only (several processes may).

    Use it as a context manager, or call :meth:`close`. ``con`` is the DuckDB connection:
    anything DuckDB can do (SQL, ``.df()``, ``COPY``) works on it.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        duckdb = _duckdb()
        self.path = str(path)
        self.con: Any = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            for table, ddl in SCHEMA.items():
                self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({ddl})")

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (changes are already committed)."""
        self.con.close()

    def __repr__(self) -> str:
        return f"EventStore({self.path!r})"

    # -- queries --------------------------------------------------------------------------

    def sql(self, query: str, params: Sequence[Any] | None = None) -> Any:
        """Run SQL on the store; returns a DuckDB relation (``.df()``, ``.fetchall()``)."""
        if params is None:
            return self.con.sql(query)
        return self.con.execute(query, list(params))

    def count(self, table: str) -> int:
        """The number of rows of one of the store's tables."""
        if table not in SCHEMA:
            raise ValueError(f"unknown table {table!r}; expected one of {sorted(SCHEMA)}")
        rows = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()
        return int(rows[0][0])

    def table(self, name: str) -> pandas.DataFrame:
        """A whole table as a pandas DataFrame (``documents`` without its text column)."""
        if name not in SCHEMA:
            raise ValueError(f"unknown table {name!r}; expected one of {sorted(SCHEMA)}")
        columns = [c for c in _COLUMNS[name] if not (name == "documents" and c == "text")]
        order = {"events": "doc_id, idx", "documents": "doc_id", "mentions": "event_id"}.get(
            name, "date_start NULLS LAST, type, happening_id" if name == "happenings" else "key"
        )
        frame: pandas.DataFrame = self.con.execute(
            f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}"
        ).df()
        return frame

    def events(self) -> pandas.DataFrame:
        """The ``events`` table joined with each event's document (outlet, published)."""
        frame: pandas.DataFrame = self.con.execute(
            "SELECT e.* EXCLUDE (data), d.outlet, d.published FROM events e "
            "JOIN documents d USING (doc_id) ORDER BY e.doc_id, e.idx"
        ).df()
        return frame

    def happenings(self) -> pandas.DataFrame:
        """The ``happenings`` table (build it with :meth:`merge`)."""
        return self.table("happenings")

    def mentions(self) -> Iterator[Mention]:
        """Every stored event as a :class:`~bilat.dataset.Mention`, in document order."""
        # a cursor of its own, so the store's connection stays free while this is read
        cursor = self.con.cursor()
        try:
            cursor.execute(
                "SELECT e.doc_id, e.idx, e.data, d.outlet, d.published FROM events e "
                "JOIN documents d USING (doc_id) ORDER BY e.doc_id, e.idx"
            )
            while True:
                rows = cursor.fetchmany(2048)
                if not rows:
                    return
                for doc_id, idx, data, outlet, published in rows:
                    event = _event_of(json.loads(data))
                    if event is not None:
                        yield Mention.of(
                            doc_id, int(idx), event, outlet=outlet, published=published
                        )
        finally:
            cursor.close()

    def stored_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The content hash stored for each of ``doc_ids`` that the store holds."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id IN "
            "(SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall()
        return {str(d): str(h) for d, h in rows}

    # -- writing --------------------------------------------------------------------------

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        pandas = _pandas()
        columns = _COLUMNS[table]
        frame = pandas.DataFrame.from_records(rows, columns=list(columns))
        for column in columns:  # all-None columns would otherwise be typed INTEGER
            frame[column] = frame[column].astype(object)
        casts = ", ".join(f"CAST({c} AS {_TYPES[table][c]}) AS {c}" for c in columns)
        self.con.register("_bilat_batch", frame)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT {casts} FROM _bilat_batch")
        finally:
            self.con.unregister("_bilat_batch")

    def _write(self, docs: Sequence[_Doc], *, store_text: bool) -> int:
        """Replace the stored rows of ``docs`` in one transaction; return the events written."""
        if not docs:
            return 0
        replaced = [d.doc_id for d in docs if d.replaces]
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat()
        doc_rows = [
            {
                "doc_id": d.doc_id,
                "outlet": d.outlet,
                "published": _iso(d.published),
                "content_hash": d.content_hash,
                "n_events": len(d.events),
                "error": d.error,
                "model": d.model,
                "text": d.text if store_text else None,
                "ingested_at": now,
            }
            for d in docs
        ]
        event_rows = [_event_row(d.doc_id, i, e) for d in docs for i, e in enumerate(d.events)]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in ("events", "documents") if replaced else ():
                self.con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                    [replaced],
                )
            self._insert("documents", doc_rows)
            self._insert("events", event_rows)
            self.con.execute(
                "DELETE FROM meta WHERE key = 'happenings_stale'; "
                "INSERT INTO meta VALUES ('happenings_stale', 'true')"
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(event_rows)

    def _run(
        self,
        batches: Iterable[tuple[int, list[_Doc]]],
        *,
        store_text: bool,
        on_batch: Callable[[IngestReport], None] | None,
    ) -> IngestReport:
        started = time.perf_counter()
        seen = stored = skipped = n_events = failed = 0

        def report() -> IngestReport:
            return IngestReport(
                documents_seen=seen,
                documents_stored=stored,
                documents_skipped=skipped,
                events_stored=n_events,
                failed=failed,
                seconds=time.perf_counter() - started,
            )

        for n_seen, docs in batches:
            n_events += self._write(docs, store_text=store_text)
            seen += n_seen
            stored += len(docs)
            skipped += n_seen - len(docs)
            failed += sum(1 for d in docs if d.error)
            if on_batch is not None:
                on_batch(report())
        return report()

    def _fresh(self, chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The records of ``chunk`` the store does not already hold with the same content."""
        stored = self.stored_hashes(r["id"] for r in chunk)
        latest = {r["id"]: r for r in chunk}  # an id given twice in a batch: the last wins
        out = []
        for record in chunk:
            if latest[record["id"]] is not record or stored.get(record["id"]) == record["hash"]:
                continue
            out.append({**record, "replace": record["id"] in stored})
        return out

    def ingest(
        self,
        articles: Iterable[Mapping[str, Any]],
        extractor: Extractor | None = None,
        *,
        batch_size: int = 64,
        store_text: bool = True,
        id_key: str = "id",
        text_key: str = "text",
        published_key: str = "published",
        outlet_key: str = "outlet",
        on_batch: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Extract and store articles, streaming, in batches of ``batch_size`` documents.

        Articles already stored with the same content are skipped before extraction
        (so a killed ingest resumes where it stopped); changed ones replace their events.

        Args:
            articles: mappings with an id, text, publication date and outlet (keys
                configurable); a pandas DataFrame's ``to_dict("records")`` or parsed JSONL.
            extractor: the :class:`~bilat.Extractor` to use (``bilat.load()`` if ``None``).
            batch_size: documents per extraction batch and per transaction.
            store_text: keep each document's text in ``documents.text``.
            on_batch: called with the running :class:`IngestReport` after each commit.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if extractor is None:
            from bilat.api import load

            extractor = load()
        chosen = extractor

        def batches() -> Iterator[tuple[int, list[_Doc]]]:
            for chunk in _chunks(articles, batch_size):
                records = []
                for article in chunk:
                    doc_id = _opt_str(article.get(id_key))
                    if doc_id is None:
                        raise ValueError(f"an article has no {id_key!r}: {dict(article)!r:.200}")
                    text = article.get(text_key)
                    published = _published(article.get(published_key))
                    outlet = _opt_str(article.get(outlet_key))
                    records.append(
                        {
                            "id": doc_id,
                            "text": text,
                            "published": published,
                            "outlet": outlet,
                            "hash": content_hash(str(text), published, outlet),
                        }
                    )
                fresh = self._fresh(records)
                results = chosen.pipe(
                    ((r["text"], r["published"]) for r in fresh), batch_size=batch_size
                )
                docs = [_doc_of(r, result) for r, result in zip(fresh, results, strict=True)]
                yield len(chunk), docs

        return self._run(batches(), store_text=store_text, on_batch=on_batch)

    def ingest_dataframe(
        self, frame: pandas.DataFrame, extractor: Extractor | None = None, **options: Any
    ) -> IngestReport:
        """:meth:`ingest` the rows of a DataFrame of articles (columns id, text, published,
        outlet)."""
        records = (row for row in frame.to_dict("records"))
        return self.ingest(records, extractor, **options)

    def ingest_records(
        self,
        records: Iterable[Mapping[str, Any]],
        *,
        batch_size: int = 256,
        store_text: bool = True,
        on_batch: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Store already-extracted documents: ``Extraction.to_dict()`` plus ``id``/``outlet``.

        Each record holds ``id``, ``events`` (event dicts), and optionally ``text``,
        ``published``, ``outlet``, ``model``, ``error`` (a JSONL written by
        ``bilat extract --format jsonl`` with ids added, or the parquet partitions of
        :func:`bilat.dataset.scaleout.extract_to_parquet`).
        """

        def batches() -> Iterator[tuple[int, list[_Doc]]]:
            for chunk in _chunks(records, batch_size):
                prepared = []
                for record in chunk:
                    doc_id = _opt_str(record.get("id"))
                    if doc_id is None:
                        raise ValueError(f"a record has no 'id': {dict(record)!r:.200}")
                    events = record.get("events") or []
                    if isinstance(events, str):
                        events = json.loads(events)
                    published = _published(record.get("published"))
                    outlet = _opt_str(record.get("outlet"))
                    text = _opt_str(record.get("text"))
                    digest = _opt_str(record.get("content_hash")) or content_hash(
                        text or json.dumps(events, sort_keys=True), published, outlet
                    )
                    prepared.append(
                        {
                            "id": doc_id,
                            "hash": digest,
                            "doc": _Doc(
                                doc_id=doc_id,
                                outlet=outlet,
                                published=published,
                                content_hash=digest,
                                text=text,
                                model=_opt_str(record.get("model")),
                                error=_opt_str(record.get("error")),
                                events=tuple(
                                    e for e in (_event_of(d) for d in events) if e is not None
                                ),
                            ),
                        }
                    )
                fresh = self._fresh(prepared)
                yield len(chunk), [attrs.evolve(r["doc"], replaces=r["replace"]) for r in fresh]

        return self._run(batches(), store_text=store_text, on_batch=on_batch)

    def ingest_parquet(
        self, paths: str | Path | Sequence[str | Path], **options: Any
    ) -> IngestReport:
        """Store the parquet partitions written on a cluster (see :mod:`bilat.dataset.scaleout`).

        ``paths`` is a file, a glob (``"out/*.parquet"``) or a list of files.
        """
        files = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
        cursor = self.con.execute(
            "SELECT id, outlet, published, content_hash, text, model, error, events "
            "FROM read_parquet(?) ORDER BY id",
            [files],
        )
        names = ("id", "outlet", "published", "content_hash", "text", "model", "error", "events")
        rows = cursor.fetchall()  # the reader must finish before the store writes
        return self.ingest_records((dict(zip(names, row, strict=True)) for row in rows), **options)

    def delete_documents(self, doc_ids: Iterable[str]) -> int:
        """Remove documents and their events; return how many documents were removed."""
        ids = list(doc_ids)
        present = len(self.stored_hashes(ids))
        self.con.execute("BEGIN TRANSACTION")
        for table in ("events", "documents"):
            self.con.execute(
                f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            )
        self.con.execute("COMMIT")
        return present

    # -- happenings -----------------------------------------------------------------------

    def merge(self, rules: MergeRules | None = None) -> list[Happening]:
        """Group the stored events into happenings and (re)write ``happenings``/``mentions``.

        Returns the happenings. Run it after ingesting; it replaces the previous merge.
        """
        rules = rules or MergeRules()
        happenings = group_happenings(self.mentions(), rules)
        self.write_happenings(happenings, rules)
        return happenings

    def write_happenings(self, happenings: Iterable[Happening], rules: MergeRules) -> int:
        """Replace the ``happenings`` and ``mentions`` tables (e.g. with a cluster's merge)."""
        rows: list[dict[str, Any]] = []
        mention_rows: list[dict[str, Any]] = []
        for h in happenings:
            data = h.to_dict()
            rows.append(
                {
                    "happening_id": h.happening_id,
                    "type": h.type,
                    "source": h.source,
                    "target": h.target,
                    "parties": ";".join(h.parties) or None,
                    "date_start": None if h.date is None else h.date.start.isoformat(),
                    "date_end": None if h.date is None else h.date.end.isoformat(),
                    "date_precision": None if h.date is None else h.date.precision.value,
                    "modality": h.modality,
                    "modalities": json.dumps(data["modalities"]),
                    "cameo": h.cameo,
                    "plover": h.plover,
                    "goldstein": h.goldstein,
                    "n_mentions": h.n_mentions,
                    "n_documents": h.n_documents,
                    "n_sources": h.n_sources,
                    "first_report": data["first_report"],
                    "last_report": data["last_report"],
                    "attributes": json.dumps(data["attributes"], ensure_ascii=False),
                    "mode": rules.mode,
                }
            )
            for m in data["mentions"]:
                mention_rows.append(
                    {
                        "happening_id": h.happening_id,
                        "event_id": m["event_id"],
                        "doc_id": m["doc_id"],
                        "outlet": m["outlet"],
                        "published": m["published"],
                        "evidence": json.dumps(m["evidence"]),
                    }
                )
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM happenings; DELETE FROM mentions")
            self._insert("happenings", rows)
            self._insert("mentions", mention_rows)
            self.con.execute(
                "DELETE FROM meta WHERE key IN ('happenings_stale', 'merge_rules'); "
                "INSERT INTO meta VALUES ('happenings_stale', 'false'), ('merge_rules', ?)",
                [json.dumps(rules.to_dict())],
            )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(rows)

    @property
    def happenings_stale(self) -> bool:
        """True when documents changed since the last :meth:`merge`."""
        rows = self.con.execute(
            "SELECT value FROM meta WHERE key = 'happenings_stale'"
        ).fetchall()
        return bool(rows) and rows[0][0] == "true"

    # -- export ---------------------------------------------------------------------------

    def export(
        self,
        out_dir: str | Path,
        *,
        format: str = "parquet",
        tables: Iterable[str] = ("documents", "events", "happenings", "mentions"),
    ) -> list[Path]:
        """Write tables to ``out_dir`` as ``<table>.parquet`` or ``<table>.csv``; return paths."""
        if format not in ("parquet", "csv"):
            raise ValueError(f"format must be 'parquet' or 'csv', not {format!r}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in tables:
            if table not in SCHEMA:
                raise ValueError(f"unknown table {table!r}; expected one of {sorted(SCHEMA)}")
            path = out / f"{table}.{format}"
            option = "FORMAT parquet" if format == "parquet" else "FORMAT csv, HEADER true"
            target = str(path).replace("'", "''")
            self.con.execute(f"COPY {table} TO '{target}' ({option})")
            written.append(path)
        return written


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _doc_of(record: Mapping[str, Any], result: Extraction) -> _Doc:
    return _Doc(
        doc_id=record["id"],
        outlet=record["outlet"],
        published=record["published"],
        content_hash=record["hash"],
        text=record["text"] if isinstance(record["text"], str) else None,
        model=result.model,
        error=result.error,
        events=tuple(result.events),
        replaces=bool(record.get("replace")),
    )
