"""The spaCy component: factory and entry point, config, extensions, pickling, n_process=2."""

from __future__ import annotations

import datetime as dt
import pickle
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from bilat import Count, Evidence, Money, Strike, TimeSpan, TradeFigure, Visit
from bilat.component import BilatComponent
from bilat.events import EVENT_TYPES

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STORY = (
    "Turkish Foreign Minister Mehmet Aksoy arrived in Athens on Tuesday for talks with his "
    "Greek counterpart. Greece deported more than 1,200 Turkish nationals last year."
)


def test_factory_is_registered_as_entry_point() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names.get("bilat") == "bilat.component:make_bilat_component"


def test_add_pipe_on_blank_pipeline_with_config() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    component = nlp.add_pipe("bilat", config={"types": ["visit", "strike"]})
    assert isinstance(component, BilatComponent)
    assert component.types == ("visit", "strike")
    assert nlp.config["components"]["bilat"]["types"] == ["visit", "strike"]
    with pytest.warns(UserWarning, match="without named entities"):
        doc = nlp("Nothing bilateral happened in this sentence.")
    assert doc._.bilat_events == ()
    assert doc[0:3]._.bilat_events == ()
    reloaded = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert reloaded.get_pipe("bilat").types == ("visit", "strike")


def test_default_config_extracts_all_types() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert nlp.add_pipe("bilat").types == tuple(EVENT_TYPES)


def test_bad_config_is_rejected() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="unknown event types"):
        nlp.add_pipe("bilat", config={"types": ["meeting"]})
    with pytest.raises(ValueError, match="unknown modality"):
        nlp.add_pipe("bilat", name="b2", config={"modalities": ["rumoured"]})


def _sample_events(text: str) -> tuple[Any, ...]:
    return (
        Visit(
            visitor_country="TUR",
            host_country="GRC",
            date=TimeSpan("2026-03-10", "2026-03-10", "day", "on Tuesday"),
            evidence=[Evidence.from_text(text, 0, 105)],
        ),
        TradeFigure(
            countries=["GRC", "TUR"],
            value=Money("6200000000.25", "USD", "$6.2 billion"),
            evidence=[Evidence.from_text(text, 106, len(text))],
        ),
        Strike(target_country="SYR", kind="drone", killed=Count(4, None, "at least four")),
    )


def test_events_pickle() -> None:
    events = _sample_events(STORY)
    assert pickle.loads(pickle.dumps(events)) == events
    assert pickle.loads(pickle.dumps(BilatComponent(types=["visit"]))).types == ("visit",)


def test_span_events_overlap_evidence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("bilat")
    doc = nlp.make_doc(STORY)
    doc._.bilat_events = _sample_events(STORY)
    first = doc.char_span(0, 7)
    last = doc.char_span(len(STORY) - 5, len(STORY) - 1)
    assert first is not None and last is not None
    assert [e.type for e in first._.bilat_events] == ["visit"]
    assert [e.type for e in last._.bilat_events] == ["trade_figure"]
    assert len(doc[:]._.bilat_events) == 2


def test_events_survive_doc_serialisation_exactly() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("bilat")
    doc = nlp.make_doc(STORY)
    doc._.bilat_events = _sample_events(STORY)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.bilat_events == doc._.bilat_events
    assert again._.bilat_events[1].value.amount == doc._.bilat_events[1].value.amount
    docbin = DocBin(store_user_data=True, docs=[doc])
    (restored,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert restored._.bilat_events == doc._.bilat_events


def test_trained_pipeline_finds_events_and_reads_published(nlp: Any) -> None:
    pipeline = spacy.load(Path(nlp.path)) if getattr(nlp, "path", None) else None
    if pipeline is None:
        pytest.skip("pipeline has no path to reload from")
    pipeline.add_pipe("bilat")
    doc = pipeline.make_doc(STORY)
    doc._.bilat_published = "2026-03-12"
    doc = pipeline(doc)
    kinds = {e.type for e in doc._.bilat_events}
    assert "visit" in kinds
    visit = next(e for e in doc._.bilat_events if e.type == "visit")
    assert visit.date is not None and visit.date.start.isoformat() == "2026-03-10"
    for sent in doc.sents:
        for event in sent._.bilat_events:
            assert any(
                ev.start < sent.end_char and sent.start_char < ev.end for ev in event.evidence
            )


def test_bad_published_names_the_attribute(nlp: Any) -> None:
    pipeline = spacy.load(Path(nlp.path))
    pipeline.add_pipe("bilat")
    doc = pipeline.make_doc(STORY)
    with pytest.raises(ValueError, match=r"doc\._\.bilat_published"):
        doc._.bilat_published = "last Tuesday"


def test_n_process_2(nlp: Any) -> None:
    pipeline = spacy.load(Path(nlp.path))
    pipeline.add_pipe("bilat")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))][:3]

    def docs() -> list[Doc]:
        made = []
        for text in texts:
            doc = pipeline.make_doc(text)
            doc._.bilat_published = dt.date(2026, 3, 12)  # a date object travels too
            made.append(doc)
        return made

    single = [d._.bilat_events for d in pipeline.pipe(docs())]
    parallel = list(pipeline.pipe(docs(), n_process=2, batch_size=1))
    assert [d.text for d in parallel] == texts
    assert [d._.bilat_events for d in parallel] == single
    assert any(single)
    assert [d._.bilat_published for d in parallel] == [dt.date(2026, 3, 12)] * len(texts)
    assert [[(s.label_, s.start_char) for s in d.spans["bilat"]] for d in parallel] == [
        [(e.type, ev.start) for e in events for ev in e.evidence] for events in single
    ]
