"""The pipeline's models multiplied by NumPy's BLAS: same annotations, put back after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from thinc.api import NumpyOps

import bilat
from bilat.matmul import MATMULS, check_matmul, numpy_blas, numpy_matmul

# Made-up news sentences, written for this test.
SENTENCES = (
    "Kenyan President Amina Odhiambo flew to Addis Ababa on Monday for two days of talks "
    "with Ethiopia's prime minister on the disputed border.",
    "Chile's exports of copper to China rose 12 percent to $3.1 billion in the first "
    "quarter, the central bank said in Santiago.",
    "Turkish jets struck positions near the Iraqi town of Zakho overnight, killing at "
    "least six people, local officials told Reuters.",
    "Norway and Iceland signed a fisheries accord in Reykjavik, ending a dispute that had "
    "dragged on since 2019.",
    "Germany deported 43 Afghans to Kabul on a chartered flight from Leipzig.",
)


def _nodes(nlp: Any) -> list[Any]:
    return [node for _, proc in nlp.pipeline
            if callable(getattr(getattr(proc, "model", None), "walk", None))
            for node in proc.model.walk()]


def _annotations(docs: list[Any]) -> list[Any]:
    return [([(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc],
             [(e.start, e.end, e.label_) for e in doc.ents]) for doc in docs]


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [int(lib["num_threads"]) for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_bad_settings_are_refused_clearly() -> None:
    assert check_matmul("auto") == "auto"
    assert set(MATMULS) == {"auto", "numpy", "thinc"}
    with pytest.raises(ValueError, match="matmul must be one of"):
        check_matmul("blis")
    with pytest.raises(TypeError, match="matmul must be a str"):
        check_matmul(None)
    with pytest.raises(ValueError, match="matmul must be one of"):
        bilat.Extractor(spacy_blank(), matmul="fast")


def spacy_blank() -> Any:
    import spacy

    return spacy.blank("en")


def test_a_pipeline_without_models_is_left_alone(blank: Any) -> None:
    with numpy_matmul(blank, "numpy") as swapped:
        assert swapped is False
        assert list(blank("Peru and Bolivia met.")) != []


def test_thinc_leaves_the_models_on_their_own_ops(nlp: Any) -> None:
    before = [node.ops for node in _nodes(nlp)]
    with numpy_matmul(nlp, "thinc") as swapped:
        assert swapped is False
        assert [node.ops for node in _nodes(nlp)] == before


def test_numpy_swaps_every_model_and_puts_it_back(nlp: Any) -> None:
    before = [node.ops for node in _nodes(nlp)]
    assert all(type(ops) is NumpyOps and ops.use_blis for ops in before)
    threads = _blas_threads()
    with numpy_matmul(nlp, "numpy") as swapped:
        assert swapped is True
        inside = [node.ops for node in _nodes(nlp)]
        assert all(type(ops) is NumpyOps and not ops.use_blis for ops in inside)
        assert all(n == 1 for n in _blas_threads())
    assert [node.ops for node in _nodes(nlp)] == before
    assert _blas_threads() == threads


def test_the_models_are_put_back_when_the_block_raises(nlp: Any) -> None:
    before = [node.ops for node in _nodes(nlp)]
    with pytest.raises(RuntimeError, match="boom"), numpy_matmul(nlp, "numpy"):
        raise RuntimeError("boom")
    assert [node.ops for node in _nodes(nlp)] == before


def test_auto_swaps_only_for_an_optimised_blas(nlp: Any) -> None:
    with numpy_matmul(nlp, "auto") as swapped:
        assert swapped is (numpy_blas() in {"openblas", "mkl"})


def test_numpy_gives_the_same_annotations_on_news_sentences(nlp: Any) -> None:
    texts = [*SENTENCES, " ".join(SENTENCES)]
    stock = _annotations(list(nlp.pipe(texts)))
    with numpy_matmul(nlp, "numpy"):
        swapped = _annotations(list(nlp.pipe(texts)))
    assert swapped == stock


def test_numpy_gives_the_same_annotations_on_gold_articles(nlp: Any, shared_dir: Path) -> None:
    from conftest import load_gold

    files = sorted((shared_dir / "eval").glob("*/*.jsonl"))
    if not files:
        pytest.skip("the shared gold sets are not here")
    texts = [d["text"] for path in files for d in load_gold(path)][::6]
    stock = _annotations(list(nlp.pipe(texts)))
    with numpy_matmul(nlp, "numpy"):
        swapped = _annotations(list(nlp.pipe(texts)))
    assert swapped == stock


def test_the_extractor_gives_the_same_events_either_way(nlp: Any) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fast = bilat.Extractor(nlp, matmul="numpy")
        stock = bilat.Extractor(nlp, matmul="thinc")
    before = [node.ops for node in _nodes(nlp)]
    got = [[e.to_dict() for e in fast.extract(t, "2026-11-30")] for t in SENTENCES]
    want = [[e.to_dict() for e in stock.extract(t, "2026-11-30")] for t in SENTENCES]
    assert got == want
    assert sum(map(len, got)) >= 4  # the sentences hold events: the test can fail
    assert [node.ops for node in _nodes(nlp)] == before
