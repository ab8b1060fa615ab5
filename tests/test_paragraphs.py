"""Paragraph breaks start sentences (``bilat.paragraphs``)."""

from __future__ import annotations

from typing import Any

import spacy
from hypothesis import given
from hypothesis import strategies as st

from bilat.paragraphs import COMPONENT_NAME, add_paragraph_boundaries, mark_paragraphs


def sentences(extractor: Any, text: str) -> list[str]:
    return [s.text.strip() for s in extractor.nlp(text).sents]


BLANK = spacy.blank("en")


def starts(text: str) -> list[str]:
    """Tokens after the first that ``mark_paragraphs`` marks as sentence starts."""
    doc = mark_paragraphs(BLANK(text))
    return [t.text for t in doc if t.is_sent_start and t.i > 0]


def test_headline_and_blank_line_are_separate_sentences(bilat_extractor: Any) -> None:
    text = ("CHILE AND PERU SIGN FISHERIES PACT\n\nChile and Peru signed a fisheries accord "
            "in Lima on Monday.")
    sents = sentences(bilat_extractor, text)
    assert sents[0] == "CHILE AND PERU SIGN FISHERIES PACT"
    assert sents[1].startswith("Chile and Peru signed")


def test_wire_indentation_starts_a_paragraph(bilat_extractor: Any) -> None:
    text = ("LIMA, March 11 - Chile and Peru signed a fisheries accord on Monday\n    "
            "Officials said the accord covers anchovy stocks.")
    sents = sentences(bilat_extractor, text)
    assert any(s.startswith("Officials said") for s in sents)


def test_plain_line_wrap_is_not_a_break() -> None:
    text = "Chile and Peru signed a fisheries\naccord in Lima on Monday."
    assert starts(text) == []


def test_blank_line_with_spaces_is_a_break() -> None:
    assert starts("TALKS IN LIMA\n  \t\nOfficials met on Monday.") == ["Officials"]


def test_tab_indented_line_is_a_break() -> None:
    assert starts("Officials met on Monday\n\tThey agreed on quotas.") == ["They"]


def test_single_space_after_newline_is_a_wrap() -> None:
    assert starts("Officials met on\n Monday in Lima.") == []


def test_component_is_added_once_before_the_parser(nlp: Any) -> None:
    import bilat

    extractor = bilat.Extractor(nlp)
    add_paragraph_boundaries(extractor.nlp)
    names = extractor.nlp.pipe_names
    assert names.count(COMPONENT_NAME) == 1
    assert names.index(COMPONENT_NAME) < names.index("parser")


def test_component_is_not_added_without_a_parser() -> None:
    blank = spacy.blank("en")
    add_paragraph_boundaries(blank)
    assert COMPONENT_NAME not in blank.pipe_names


@given(st.lists(st.sampled_from(["Lima", "accord", ".", "\n", "\n\n", "\n    ", " ", "\t"]),
                max_size=30))
def test_marks_only_tokens_after_a_break(pieces: list[str]) -> None:
    text = " ".join(pieces)
    doc = mark_paragraphs(BLANK(text))
    previous_end: int | None = None
    for token in doc:
        if token.is_space:
            continue
        if token.is_sent_start and token.i > 0:
            assert previous_end is not None
            assert "\n" in text[previous_end : token.idx]
        previous_end = token.idx + len(token.text)


def _reference_starts(text: str) -> set[int]:
    """The marks by the rule stated word for word: a word starts a sentence when a break
    lies in the white space before it, or the word before it ends a dateline."""
    from bilat.context import dateline_spans
    from bilat.paragraphs import _BREAK

    doc = BLANK(text)
    dateline_ends = {end for _, end in dateline_spans(text)}
    marked: set[int] = set()
    last_end: int | None = None
    for token in doc:
        if token.is_space:
            continue
        if last_end is not None and (_BREAK.search(text, last_end, token.idx)
                                     or last_end in dateline_ends):
            marked.add(token.i)
        last_end = token.idx + len(token.text)
    return marked


@given(st.lists(st.sampled_from(["Lima", "accord", ".", "\n", "\n\n", "\n    ", " ", "\t",
                                 "\n \n", "KABUL, Oct. 8 (Wire) -", "LIMA (Reuters) -",
                                 "  ", "-"]), max_size=40))
def test_marks_exactly_the_words_the_rule_names(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = mark_paragraphs(BLANK(text))
    assert {t.i for t in doc if t.is_sent_start and t.i > 0} == _reference_starts(text)
