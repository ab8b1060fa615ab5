"""The attribute rules found by table lookup are the Matcher's, token for token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler

from bilat.attribute_rules import AttributeRuleTable, table_lookup

# Made-up news sentences, written for this test: contractions, "gonna", numbers, quotes,
# line breaks, possessives and abbreviations, where the shipped rules fix lemmas and tags.
SENTENCES = (
    "Japan's trade surplus with the U.S. rose to $4.2 billion in May, officials said.",
    "\"We ain't gonna sign it,\" the minister told reporters in Lima on Tuesday.",
    "The envoy didn't say whether talks would resume;  he left for Cairo at 9 a.m.",
    "Exports fell 3.5 pct to 12,400 tonnes\n\nwhile imports were flat.",
    "Ms. Ruiz, 54, arrives in Tokyo today -- her first trip abroad since 2019!",
    "Y'all can't go there, she said, and they're not going either.",
)


def _parsed_without_ruler(nlp: Any, texts: list[str]) -> list[Any]:
    skip = [name for name in ("attribute_ruler", "lemmatizer", "ner") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        return list(nlp.pipe(texts))


def _ruler(nlp: Any) -> AttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def test_the_table_finds_the_matchers_matches_on_news_sentences(nlp: Any) -> None:
    ruler = _ruler(nlp)
    table = AttributeRuleTable.of(ruler)
    assert table.size >= len(ruler.attrs) > 100  # every rule of the shipped pipeline read
    for doc in _parsed_without_ruler(nlp, list(SENTENCES)):
        assert table.match(doc) == sorted(AttributeRuler.match(ruler, doc)), doc.text


def test_the_table_finds_the_matchers_matches_on_the_shared_news(nlp: Any) -> None:
    from conftest import load_gold

    root = Path(__file__).resolve().parents[2] / "shared" / "eval"
    files = sorted(root.glob("*/*.jsonl"))
    if not files:
        pytest.skip("the shared gold sets are not here")
    texts = [d["text"] for path in files for d in load_gold(path)][::4]
    ruler = _ruler(nlp)
    table = AttributeRuleTable.of(ruler)
    for doc in _parsed_without_ruler(nlp, texts):
        assert table.match(doc) == sorted(AttributeRuler.match(ruler, doc))


def test_within_the_block_every_token_is_annotated_the_same(nlp: Any) -> None:
    ruler = _ruler(nlp)
    plain = list(nlp.pipe(SENTENCES))
    with table_lookup(nlp):
        assert "match" in vars(ruler)
        fast = list(nlp.pipe(SENTENCES))
    assert "match" not in vars(ruler)  # as it was after the block

    def annotations(doc: Any) -> list[tuple[str, str, str, str]]:
        return [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc]

    for a, b in zip(plain, fast, strict=True):
        assert annotations(a) == annotations(b)


def _blank_with_rules(rules: list[tuple[list[dict[str, Any]], dict[str, Any], int]]) -> Any:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for pattern, attrs, index in rules:
        ruler.add([pattern], attrs, index=index)
    return nlp


def test_a_pattern_the_table_cannot_read_keeps_the_matcher() -> None:
    nlp = _blank_with_rules([([{"LOWER": "talks"}], {"LEMMA": "talk"}, 0),
                             ([{"LOWER": "very", "OP": "+"}], {"LEMMA": "much"}, 0)])
    ruler = nlp.get_pipe("attribute_ruler")
    with pytest.raises(ValueError, match="attribute rule 1"):
        AttributeRuleTable.of(ruler)
    with table_lookup(nlp):
        assert "match" not in vars(ruler)
        doc = nlp("very very good talks")
    assert [t.lemma_ for t in doc] == ["much", "much", "", "talk"]


def test_rules_added_later_are_read() -> None:
    nlp = _blank_with_rules([([{"LOWER": "talks"}], {"LEMMA": "talk"}, 0)])
    with table_lookup(nlp):
        assert nlp("talks ended")[1].lemma_ == ""
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "ended"}]], {"LEMMA": "end"})
    with table_lookup(nlp):
        assert [t.lemma_ for t in nlp("talks ended")] == ["talk", "end"]


_WORDS = ["Talks", "talks", "ended", "in", "Lima", "gon", "na", "ai", "n't", "'s", ".", ",",
          "9", "the", "THE", "\n"]
_TOKEN_TEST = st.one_of(
    st.fixed_dictionaries({"LOWER": st.sampled_from([w.lower() for w in _WORDS])}),
    st.fixed_dictionaries({"ORTH": st.sampled_from(_WORDS)}),
    st.fixed_dictionaries({"LOWER": st.fixed_dictionaries(
        {"IN": st.lists(st.sampled_from([w.lower() for w in _WORDS]), max_size=3)})}),
    st.fixed_dictionaries({"LOWER": st.fixed_dictionaries(
        {"NOT_IN": st.lists(st.sampled_from([w.lower() for w in _WORDS]), max_size=3)})}),
    st.fixed_dictionaries({"LOWER": st.fixed_dictionaries(
        {"REGEX": st.sampled_from(["^t", "n'?t$", "a", "^\\W+$"])})}),
    st.fixed_dictionaries({"IS_SPACE": st.booleans()}),
    st.fixed_dictionaries({"IS_PUNCT": st.booleans(), "LOWER": st.sampled_from(["talks", "."])}),
    st.fixed_dictionaries({"IS_TITLE": st.booleans()}),
)
_RULE = st.tuples(st.lists(_TOKEN_TEST, min_size=1, max_size=3),
                  st.sampled_from([{"LEMMA": "x"}, {"LEMMA": "y"}, {"POS": "NOUN"},
                                   {"MORPH": "Number=Plur"}]),
                  st.integers(min_value=0, max_value=0))


@settings(max_examples=150, deadline=None)
@given(st.lists(_RULE, min_size=1, max_size=8),
       st.lists(st.sampled_from(_WORDS), max_size=25))
def test_any_rules_match_as_the_matcher_does(
        rules: list[tuple[list[dict[str, Any]], dict[str, Any], int]], words: list[str]) -> None:
    nlp = _blank_with_rules(rules)
    ruler = nlp.get_pipe("attribute_ruler")
    doc = nlp.make_doc(" ".join(words))
    table = AttributeRuleTable.of(ruler)
    assert table.match(doc) == sorted(AttributeRuler.match(ruler, doc))
    plain = [(t.lemma_, t.pos_, str(t.morph)) for t in nlp(doc.text)]
    with table_lookup(nlp):
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in nlp(doc.text)] == plain


def test_the_extractor_parses_with_the_table_and_leaves_the_ruler_as_it_was(
        bilat_extractor: Any, monkeypatch: Any) -> None:
    ruler = _ruler(bilat_extractor.nlp)
    looked_up: list[int] = []
    match = AttributeRuleTable.match

    def counting(self: AttributeRuleTable, doc: Any) -> list[tuple[int, int, int, int]]:
        looked_up.append(len(doc))
        return match(self, doc)

    monkeypatch.setattr(AttributeRuleTable, "match", counting)
    found = bilat_extractor.extract(
        "Japan's foreign minister arrived in Hanoi on Monday for talks on trade.", "2024-05-07")
    assert [(e.visitor_country, e.host_country) for e in found if e.type == "visit"] == [
        ("JPN", "VNM")]
    assert looked_up and "match" not in vars(ruler)
