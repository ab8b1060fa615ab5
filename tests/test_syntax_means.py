"""``bilat.syntax.agents.means_host`` on hand-parsed sentences (no statistical model)."""

from __future__ import annotations

from typing import Any

from bilat.syntax.agents import means_host


def _doc(blank: Any, rows: list[tuple[str, int, str, str]]) -> Any:
    from spacy.tokens import Doc

    words, heads, deps, pos = (list(col) for col in zip(*rows, strict=True))
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos)


def _took(blank: Any, prep: str) -> Any:
    # "Troops took the town <prep> weeks of shelling ."
    return _doc(blank, [
        ("Troops", 1, "nsubj", "NOUN"), ("took", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
        ("town", 1, "dobj", "NOUN"), (prep, 1, "prep", "ADP"), ("weeks", 4, "pobj", "NOUN"),
        ("of", 5, "prep", "ADP"), ("shelling", 6, "pobj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ])


def test_the_act_of_an_after_phrase_is_the_means_of_its_verb(blank: Any) -> None:
    doc = _took(blank, "after")
    assert means_host(doc[7]) == doc[1]  # through "weeks of"
    assert means_host(doc[5]) == doc[1]  # the phrase's own noun


def test_other_prepositions_and_other_nouns_are_no_means(blank: Any) -> None:
    doc = _took(blank, "during")
    assert means_host(doc[7]) is None
    assert means_host(_took(blank, "after")[3]) is None  # the object, not a phrase
    assert means_host(doc[7], frozenset({"during"})) == doc[1]
