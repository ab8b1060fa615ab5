"""The public API: loading pipelines, input checks, published dates, results."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import pytest
import spacy

import bilat
from bilat.extractor import parse_published
from bilat.pipeline_loading import ENV_VAR, ModelNotFoundError, load_pipeline, pipeline_name


def test_import_exposes_the_public_api() -> None:
    for name in ("extract", "load", "Extractor", "Extraction", "Visit", "resolve_country",
                 "parse_date", "parse_money", "parse_count", "ModelNotFoundError"):
        assert hasattr(bilat, name), name
    with pytest.raises(AttributeError):
        bilat.no_such_thing  # noqa: B018


def test_a_passed_language_is_used_as_is() -> None:
    nlp = spacy.blank("en")
    extractor = bilat.load(nlp)
    assert extractor.nlp is nlp


def test_a_missing_pipeline_name_says_how_to_install() -> None:
    with pytest.raises(ModelNotFoundError, match=r"bilat\[model\]"):
        load_pipeline("en_core_web_nonexistent")


def test_environment_variable_names_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "blank:en")
    nlp = load_pipeline(None)
    assert pipeline_name(nlp) == "blank:en"
    monkeypatch.setenv(ENV_VAR, "en_core_web_nonexistent")
    with pytest.raises(ModelNotFoundError):
        load_pipeline(None)


def test_blank_fallback_warns_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr("bilat.pipeline_loading.installed_pipelines", lambda: [])
    with pytest.warns(UserWarning, match=r"pip install 'bilat\[model\]'"):
        nlp = load_pipeline(None)
    assert pipeline_name(nlp) == "blank:en"


def test_non_english_pipelines_are_refused() -> None:
    with pytest.raises(ValueError, match="English"):
        load_pipeline(spacy.blank("de"))


def test_wrong_model_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        load_pipeline(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2025-05-21", dt.date(2025, 5, 21)),
        ("2025-05-21T08:30:00Z", dt.date(2025, 5, 21)),
        (dt.datetime(1987, 3, 2, 12, 0), dt.date(1987, 3, 2)),
        (dt.date(1987, 3, 2), dt.date(1987, 3, 2)),
    ],
)
def test_published_accepts_dates_datetimes_and_iso(value: Any, expected: Any) -> None:
    assert parse_published(value) == expected


def test_unreadable_published_names_the_value() -> None:
    extractor = bilat.load(spacy.blank("en"))
    with pytest.raises(ValueError, match="21/05/2025"):
        extractor.extract("Talks were held.", published="21/05/2025")
    with pytest.raises(TypeError):
        extractor.extract("Talks were held.", published=20250521)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_text_must_be_a_str(bad: Any) -> None:
    extractor = bilat.load(spacy.blank("en"))
    with pytest.raises(TypeError, match=type(bad).__name__):
        extractor.extract(bad)


def test_empty_text_gives_an_empty_extraction() -> None:
    extractor = bilat.load(spacy.blank("en"))
    result = extractor.extract("   \n ", published="2025-05-21")
    assert len(result) == 0
    assert result.published == dt.date(2025, 5, 21)
    assert result.model == "blank:en"


def test_unknown_types_are_refused() -> None:
    with pytest.raises(ValueError, match="picnic"):
        bilat.Extractor(spacy.blank("en"), types=["visit", "picnic"])


def test_extraction_records_the_pipeline(bilat_extractor: Any) -> None:
    result = bilat_extractor.extract("Talks were held in Geneva.")
    assert result.model.startswith("en_core_web_sm")
    assert result.text == "Talks were held in Geneva."


def test_pipe_keeps_order_and_reports_bad_documents(bilat_extractor: Any) -> None:
    docs: list[Any] = [
        "The French president arrived in Berlin on Monday for talks.",
        b"not text",
        ("Japan signed a trade accord with Australia.", "1987-03-20"),
        ("Some text.", "not a date"),
    ]
    results = list(bilat_extractor.pipe(docs))
    assert [r.doc_index for r in results] == [0, 1, 2, 3]
    assert results[0].ok and results[2].ok
    assert results[1].error is not None and "TypeError" in results[1].error
    assert results[3].error is not None and "not a date" in results[3].error
    assert results[2].published == dt.date(1987, 3, 20)
    with pytest.raises(TypeError):
        list(bilat_extractor.pipe(docs, fail_fast=True))


def test_no_warning_when_a_pipeline_is_passed() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bilat.load(spacy.blank("en"))
