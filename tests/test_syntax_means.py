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


def test_acting_subjects_climb_from_a_gerund_under_a_preposition(blank: Any) -> None:
    from bilat.syntax.agents import acting_subjects, gerund_of_prep

    # "Jets were engaged in bombing the town ." ("bombing" parsed as the object of "in")
    doc = _doc(blank, [
        ("Jets", 2, "nsubjpass", "NOUN"), ("were", 2, "auxpass", "AUX"),
        ("engaged", 2, "ROOT", "VERB"), ("in", 2, "prep", "ADP"),
        ("bombing", 3, "pobj", "VERB"), ("the", 6, "det", "DET"),
        ("town", 4, "dobj", "NOUN"), (".", 2, "punct", "PUNCT"),
    ])
    assert gerund_of_prep(doc[4])
    assert not gerund_of_prep(doc[2])
    assert [t.text for t in acting_subjects(doc[4])] == ["Jets"]
    assert acting_subjects(doc[4], max_hops=0) == []


def test_joint_partners_on_a_noun_and_its_participle(blank: Any) -> None:
    from bilat.syntax.agents import joint_partners

    # "an intervention launched in a joint effort with Iran and Syria"
    doc = _doc(blank, [
        ("an", 1, "det", "DET"), ("intervention", 1, "ROOT", "NOUN"),
        ("launched", 1, "acl", "VERB"), ("in", 2, "prep", "ADP"), ("a", 6, "det", "DET"),
        ("joint", 6, "amod", "ADJ"), ("effort", 3, "pobj", "NOUN"), ("with", 6, "prep", "ADP"),
        ("Iran", 7, "pobj", "PROPN"), ("and", 8, "cc", "CCONJ"), ("Syria", 8, "conj", "PROPN"),
    ])
    found = joint_partners(doc[1], frozenset({"effort"}), frozenset({"launched"}))
    assert [t.text for t in found] == ["Iran", "Syria"]
    assert joint_partners(doc[1], frozenset({"effort"}), frozenset({"condemned"})) == []
    assert joint_partners(doc[1], frozenset(), frozenset({"launched"})) == []
