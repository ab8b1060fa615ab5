"""One route, the same events: ``nlp.add_pipe("bilat")`` gives what ``bilat.extract`` gives.

The equality test reads every shared gold document (dev and train) from ``../shared`` at
run time and skips when it is absent; no gold text is stored in the repository.
"""

from __future__ import annotations

import datetime as dt
import importlib
import warnings
from pathlib import Path
from typing import Any

import pytest
import spacy

import bilat
from bilat import api
from conftest import load_gold

WIRE = (
    "PAKISTAN AND AFGHANISTAN TRADE BLAME OVER BORDER STRIKE\n\n"
    "KABUL, Oct. 8 (Wire) - Pakistani drones struck a village in eastern Afghanistan on "
    "Tuesday, killing five people, local officials said.\n\n"
    "Pakistan deported more than 2,000 Afghan nationals last month, the United Nations said."
)


def _fresh(nlp: Any) -> Any:
    """A new copy of the session's trained pipeline (loaded from its package)."""
    return importlib.import_module(nlp.meta["lang"] + "_" + nlp.meta["name"]).load()


@pytest.fixture(scope="module")
def pipelines(nlp: Any) -> tuple[Any, Any]:
    """Two fresh copies of the trained pipeline: one for extract, one with the component."""
    plain, with_component = _fresh(nlp), _fresh(nlp)
    with_component.add_pipe("bilat")
    return plain, with_component


def _component_events(pipeline: Any, text: str, published: Any) -> list[dict[str, Any]]:
    doc = pipeline.make_doc(text)
    doc._.bilat_published = published
    return [e.to_dict() for e in pipeline(doc)._.bilat_events]


def _extract_events(pipeline: Any, text: str, published: Any) -> list[dict[str, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the paragraph step it adds, once
        return [e.to_dict() for e in bilat.extract(text, published, nlp=pipeline)]


@pytest.mark.model
def test_component_adds_the_paragraph_step(pipelines: tuple[Any, Any]) -> None:
    names = pipelines[1].pipe_names
    assert names.index("bilat_paragraphs") == names.index("parser") - 1
    assert names[-1] == "bilat"


@pytest.mark.model
def test_headline_and_dateline_story_gives_the_same_events(pipelines: tuple[Any, Any]) -> None:
    plain, with_component = pipelines
    expected = _extract_events(plain, WIRE, "2025-10-08")
    assert {e["type"] for e in expected} >= {"strike", "deportation"}
    assert _component_events(with_component, WIRE, "2025-10-08") == expected


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "train"])
def test_component_equals_extract_on_every_gold_document(
    pipelines: tuple[Any, Any], shared_dir: Path, split: str
) -> None:
    files = sorted((shared_dir / "eval" / split).glob("*.jsonl"))
    if not files:
        pytest.skip(f"no {split} gold under ../shared/eval")
    plain, with_component = pipelines
    records = [record for path in files for record in load_gold(path)]
    docs = []
    for record in records:
        doc = with_component.make_doc(record["text"])
        doc._.bilat_published = record.get("published")
        docs.append(doc)
    differ = []
    # the component through nlp.pipe (batched, as spaCy users run it); extract one by one
    for n, (record, doc) in enumerate(zip(records, with_component.pipe(docs), strict=True)):
        mine = [e.to_dict() for e in doc._.bilat_events]
        if mine != _extract_events(plain, record["text"], record.get("published")):
            differ.append(record.get("id", n))
    n = len(records)
    assert n > 0
    assert differ == [], f"{len(differ)} of {n} {split} documents differ: {differ[:10]}"


@pytest.mark.model
def test_evidence_spans_carry_the_type(pipelines: tuple[Any, Any]) -> None:
    doc = pipelines[1].make_doc(WIRE)
    doc._.bilat_published = dt.date(2025, 10, 8)
    doc = pipelines[1](doc)
    spans = doc.spans["bilat"]
    expected = [(e.type, ev.text) for e in doc._.bilat_events for ev in e.evidence]
    assert [(s.label_, s.text) for s in spans] == expected
    assert "strike" in {s.label_ for s in spans}


def test_component_needs_sentence_boundaries() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("bilat")
    with pytest.raises(ValueError, match=r"needs sentence boundaries.*sentencizer"):
        nlp("Greece deported 1,200 Turkish nationals last year.")


def test_component_warns_without_ner() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("bilat")
    with pytest.warns(UserWarning, match="without named entities"):
        nlp("Greece deported 1,200 Turkish nationals last year.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp("Greece deported 1,200 Turkish nationals last year.")  # once is enough


def test_published_reads_back_as_a_date() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("bilat")
    doc = nlp.make_doc("Greece and Turkey met.")
    assert doc._.bilat_published is None
    doc._.bilat_published = "2026-03-12T08:00:00Z"
    assert doc._.bilat_published == dt.date(2026, 3, 12)
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.bilat_published == dt.date(2026, 3, 12)


@pytest.mark.model
def test_load_says_when_it_adds_a_step(nlp: Any) -> None:
    mine = _fresh(nlp)
    before = list(mine.pipe_names)
    with pytest.warns(UserWarning, match="bilat_paragraphs"):
        bilat.load(mine)
    assert [n for n in mine.pipe_names if n != "bilat_paragraphs"] == before
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bilat.load(mine)  # already there: nothing added, nothing said


def test_extract_builds_one_extractor_per_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Any] = []
    real = api.Extractor

    def counting(model: Any) -> Any:
        built.append(model)
        return real(model)

    monkeypatch.setattr(api, "Extractor", counting)
    monkeypatch.setattr(api, "_by_name", {})
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for _ in range(3):
        bilat.extract("Greece deported 1,200 Turkish nationals.", nlp=nlp)
        bilat.extract("Greece deported 1,200 Turkish nationals.", nlp="blank:en")
    assert len(built) == 2
