"""Matrix products of a spaCy pipeline's models by NumPy's BLAS, on one thread.

spaCy's CPU pipelines run their neural networks on thinc's ``NumpyOps``, which multiplies
matrices with BLIS (the ``blis`` package, built into thinc's wheels). Most of a small
pipeline's time is these products: the token-to-vector layers of the tagger, parser and
entity recogniser, and the parser's and recogniser's feature layers. Where NumPy is linked
with an optimised BLAS (OpenBLAS, as in NumPy's wheels on PyPI, or MKL), NumPy's product
of these shapes runs several times faster than BLIS's on one core (on the 2-core AMD EPYC
machines of ``docs/benchmarks.md``: about 100 GFLOPS against 31, and
``en_core_web_sm`` as a whole 1.4 times as fast).

:func:`numpy_matmul` makes every thinc model of a pipeline use thinc's own
``NumpyOps(use_blis=False)`` (the same operations, whose matrix product is
``numpy.dot``) for as long as the ``with`` block lasts, with NumPy's BLAS held to one
thread (as BLIS runs, so that ``n_process`` workers do not compete for cores), and puts
everything back after it. Only the order in which float32 sums are rounded changes: on
the 360 shared gold articles every tag, dependency arc and entity the pipeline gives is
the same either way (``tests/test_matmul.py`` compares them on news text).

The swap is made only where it is known to help and to be safe: models on plain
``NumpyOps`` with BLIS (not a GPU, not Apple's or a user's own ops), and NumPy linked with
OpenBLAS or MKL (:func:`numpy_blas`). ``Extractor(matmul="thinc")`` leaves the pipeline
as it is.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from bilat.validation import check_choice

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MATMULS", "check_matmul", "numpy_blas", "numpy_matmul"]

MATMULS = ("auto", "numpy", "thinc")
"""The ``matmul`` settings of :class:`bilat.Extractor`: NumPy's BLAS where it is an
optimised one (``"auto"``), NumPy's BLAS wherever the pipeline runs on BLIS
(``"numpy"``), or the pipeline's own ops untouched (``"thinc"``)."""

# BLAS libraries (threadpoolctl's ``internal_api``) whose single-threaded products beat
# BLIS's generic kernels: the ones NumPy's own wheels and conda's builds link.
_FAST_BLAS = frozenset({"openblas", "mkl"})


def check_matmul(matmul: object) -> str:
    """``matmul`` if it is one of :data:`MATMULS`; a clear error otherwise."""
    return check_choice("matmul", matmul, MATMULS)


@cache
def _controller() -> Any:
    """threadpoolctl's view of the BLAS libraries loaded in this process (NumPy's)."""
    import numpy  # noqa: F401  (loads NumPy's BLAS, so the controller sees it)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def numpy_blas() -> str | None:
    """The BLAS NumPy multiplies with, as threadpoolctl names it (``"openblas"``,
    ``"mkl"``, ...), or ``None`` when none is found."""
    found = _controller().select(user_api="blas").lib_controllers
    return str(found[0].internal_api) if found else None


@cache
def _fast_numpy() -> bool:
    return numpy_blas() in _FAST_BLAS


@cache
def _numpy_ops() -> Any:
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=False)


# Per pipeline: the components it was walked for, and every node of their thinc models.
_NODES: weakref.WeakKeyDictionary[Any, tuple[tuple[int, ...], list[Any]]] = \
    weakref.WeakKeyDictionary()


def _nodes(nlp: Language) -> list[Any]:
    """Every layer of every thinc model of ``nlp``'s components (walked again when its
    components change)."""
    version = tuple(id(proc) for _, proc in nlp.pipeline)
    known = _NODES.get(nlp)
    if known is not None and known[0] == version:
        return known[1]
    nodes: list[Any] = []
    seen: set[int] = set()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not callable(getattr(model, "walk", None)):
            continue
        for node in model.walk():
            if id(node) not in seen:
                seen.add(id(node))
                nodes.append(node)
    _NODES[nlp] = (version, nodes)
    return nodes


def _on_blis(nodes: list[Any]) -> bool:
    """Whether every node runs on plain ``NumpyOps`` with BLIS (and there is one)."""
    from thinc.api import NumpyOps

    return bool(nodes) and all(
        type(node.ops) is NumpyOps and getattr(node.ops, "use_blis", False) for node in nodes
    )


@contextmanager
def numpy_matmul(nlp: Language, matmul: str = "auto") -> Iterator[bool]:
    """Within the block, ``nlp``'s thinc models multiply matrices with NumPy's BLAS on one
    thread; after it, each model's ops and the BLAS's thread count are as they were.

    Args:
        nlp: the pipeline.
        matmul: ``"auto"`` swaps only when NumPy's BLAS is OpenBLAS or MKL; ``"numpy"``
            whenever the models run on BLIS; ``"thinc"`` never.

    Yields:
        Whether the models were swapped.
    """
    check_matmul(matmul)
    nodes = _nodes(nlp) if matmul != "thinc" else []
    swap = bool(nodes) and _on_blis(nodes) and (matmul == "numpy" or _fast_numpy())
    if not swap:
        yield False
        return
    ops = _numpy_ops()
    before = [node.ops for node in nodes]
    with _controller().limit(limits=1, user_api="blas"):
        try:
            for node in nodes:
                node.ops = ops
            yield True
        finally:
            for node, old in zip(nodes, before, strict=True):
                node.ops = old
