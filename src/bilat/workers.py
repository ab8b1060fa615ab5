"""bilat's own worker pool for :meth:`bilat.Extractor.pipe` with ``n_process > 1``.

spaCy's ``nlp.pipe(n_process=N)`` hangs when its consumer stops early (``break``,
``itertools.islice``, an exception): its workers stay blocked writing to their pipe, the
parent blocks in their clean-up, and the workers outlive it. It also parses only; bilat's
rules, and documents long enough to be chunked, would still run in the parent one at a
time. So bilat runs whole documents in its own processes:

* each worker holds a copy of the :class:`~bilat.Extractor` (inherited by ``fork`` where
  the platform has it, else pickled to ``spawn``-ed processes) and runs the serial path
  (pre-filter, ``nlp.pipe``, rules, chunking) on one batch of documents at a time;
* the parent keeps at most :data:`IN_FLIGHT_PER_WORKER` batches per worker in flight, so
  memory stays flat on an endless input, and yields results in input order;
* closing the generator, an exception in the consumer, ``fail_fast`` or Ctrl-C end the
  workers at once (``terminate``, then ``kill`` after :data:`STOP_TIMEOUT` seconds); the
  workers are daemonic and also exit when their parent dies, so none is ever orphaned;
* a worker that dies (killed, out of memory) makes the stream raise ``RuntimeError``
  instead of waiting for it forever.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from bilat.extraction import Extraction
    from bilat.extractor import Extractor, _Item

__all__ = ["IN_FLIGHT_PER_WORKER", "STOP_TIMEOUT", "WorkerError", "run_parallel"]

IN_FLIGHT_PER_WORKER = 2
"""Batches sent ahead per worker: enough to keep every worker busy, few enough for flat
memory."""

STOP_TIMEOUT = 5.0
"""Seconds a worker gets to exit after ``terminate`` before it is killed."""

_POLL = 0.5  # seconds between liveness checks while waiting for a result


class WorkerError(RuntimeError):
    """A worker process died before returning its batch (killed, out of memory)."""


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _dumps(value: Any) -> bytes:
    try:
        return pickle.dumps(value)
    except Exception:
        if isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], BaseException):
            seq, done, exc = value
            return pickle.dumps((seq, done, RuntimeError(f"{type(exc).__name__}: {exc}")))
        raise


def _work(
    extractor: Extractor,
    tasks: Any,
    results: Any,
    batch_size: int,
    fail_fast: bool,
    parent: int,
) -> None:
    """A worker's loop: read ``(seq, items)`` batches, send back ``(seq, results, error)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends us
    extractor._lock = threading.RLock()  # a lock held by another parent thread at fork
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:  # the parent died: do not linger as an orphan
                return
            continue
        if task is None:
            return
        seq, items = pickle.loads(task)
        done: list[Extraction] = []
        error: BaseException | None = None
        try:
            for result in extractor._serial(iter(items), batch_size, fail_fast):
                done.append(result)
        except Exception as exc:  # only with fail_fast: the results before it still count
            error = exc
        results.put(_dumps((seq, done, error)))


class _Pool:
    def __init__(
        self, extractor: Extractor, n_process: int, batch_size: int, fail_fast: bool
    ) -> None:
        ctx = _context()
        self.tasks: Any = ctx.Queue()
        self.results: Any = ctx.Queue()
        self.procs: list[BaseProcess] = []
        for _ in range(n_process):
            proc = ctx.Process(
                target=_work,
                args=(extractor, self.tasks, self.results, batch_size, fail_fast, os.getpid()),
                daemon=True,
                name="bilat-worker",
            )
            proc.start()
            self.procs.append(proc)

    def put(self, seq: int, items: list[_Item]) -> None:
        self.tasks.put(pickle.dumps((seq, items)))

    def get(self) -> tuple[int, list[Extraction], BaseException | None]:
        while True:
            try:
                data = self.results.get(timeout=_POLL)
            except queue.Empty:
                dead = [p for p in self.procs if p.exitcode is not None]
                if dead:
                    raise WorkerError(
                        f"a bilat worker process died (exit code {dead[0].exitcode}) "
                        "before returning its documents; was it killed or out of memory?"
                    ) from None
                continue
            seq, done, error = pickle.loads(data)
            return int(seq), list(done), error

    def finish(self) -> None:
        """Let idle workers exit on their own (every batch has been answered)."""
        for _ in self.procs:
            self.tasks.put(None)
        for proc in self.procs:
            proc.join(STOP_TIMEOUT)
        self.stop()

    def stop(self) -> None:
        """End every worker now and release the queues."""
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(STOP_TIMEOUT)
            if proc.is_alive():
                proc.kill()
                proc.join(STOP_TIMEOUT)
        for q in (self.tasks, self.results):
            q.cancel_join_thread()
            q.close()
        for proc in self.procs:
            with contextlib.suppress(ValueError):
                proc.close()


def run_parallel(
    extractor: Extractor,
    items: Iterator[_Item],
    batch_size: int,
    n_process: int,
    fail_fast: bool,
) -> Iterator[Extraction]:
    """Results of ``extractor`` on ``items``, computed by ``n_process`` workers, in order.

    Batches hold ``batch_size`` documents; a long document is sent alone, since its chunks
    make batches of their own. The generator's ``finally`` ends the workers whichever way
    it stops.
    """
    limit = extractor._chunk_limit()
    pool = _Pool(extractor, n_process, batch_size, fail_fast)
    finished = False
    try:
        pending: dict[int, tuple[list[Extraction], BaseException | None]] = {}
        sent = received = 0
        budget = max(1, n_process * IN_FLIGHT_PER_WORKER)
        exhausted = False
        batch: list[_Item] = []
        chars = 0
        while True:
            while not exhausted and sent - received < budget:
                item = next(items, None)
                if item is None:
                    exhausted = True
                else:
                    batch.append(item)
                    chars += len(item.text)
                if batch and (exhausted or len(batch) >= batch_size or chars >= limit):
                    pool.put(sent, batch)
                    sent += 1
                    batch, chars = [], 0
            if received == sent:
                break
            while received not in pending:
                seq, done, error = pool.get()
                pending[seq] = (done, error)
            done, error = pending.pop(received)
            received += 1
            yield from done
            if error is not None:
                raise error
        pool.finish()
        finished = True
    finally:
        if not finished:
            pool.stop()
