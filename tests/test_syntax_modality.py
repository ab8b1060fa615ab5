"""The tree half of the modality engine (``bilat.syntax.modality``) on hand-parsed
sentences, so each check and each of its named parameters is tested without a model."""

from __future__ import annotations

from typing import Any

from bilat.syntax.modality import (
    according_to_objects,
    argument_of,
    climbing_cue,
    hypothetical,
    negated,
    negation_on,
    path_up,
    planned,
    reporting_root,
    reporting_verb,
    threatened,
)

Row = tuple[str, int, str, str, str, str]


def _doc(blank: Any, rows: list[Row]) -> Any:
    """A parsed Doc from rows of (word, head index, dep, POS, tag, lemma)."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas)


def _could_trigger(blank: Any) -> Any:
    # "A Chilean strike could trigger a war."
    return _doc(blank, [
        ("A", 2, "det", "DET", "DT", "a"), ("Chilean", 2, "amod", "ADJ", "JJ", "chilean"),
        ("strike", 4, "nsubj", "NOUN", "NN", "strike"),
        ("could", 4, "aux", "AUX", "MD", "could"),
        ("trigger", 4, "ROOT", "VERB", "VB", "trigger"), ("a", 6, "det", "DET", "DT", "a"),
        ("war", 4, "dobj", "NOUN", "NN", "war"), (".", 4, "punct", "PUNCT", ".", "."),
    ])


def _triggered(blank: Any) -> Any:
    # "The Chilean strike triggered a war."
    return _doc(blank, [
        ("The", 2, "det", "DET", "DT", "the"), ("Chilean", 2, "amod", "ADJ", "JJ", "chilean"),
        ("strike", 3, "nsubj", "NOUN", "NN", "strike"),
        ("triggered", 3, "ROOT", "VERB", "VBD", "trigger"), ("a", 5, "det", "DET", "DT", "a"),
        ("war", 3, "dobj", "NOUN", "NN", "war"), (".", 3, "punct", "PUNCT", ".", "."),
    ])


def _threatened(blank: Any) -> Any:
    # "Peru threatened to bomb Chile."
    return _doc(blank, [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
        ("to", 3, "aux", "PART", "TO", "to"), ("bomb", 1, "xcomp", "VERB", "VB", "bomb"),
        ("Chile", 3, "dobj", "PROPN", "NNP", "Chile"), (".", 1, "punct", "PUNCT", ".", "."),
    ])


def _carried_out(blank: Any) -> Any:
    # "Peru did not carry out raids."
    return _doc(blank, [
        ("Peru", 3, "nsubj", "PROPN", "NNP", "Peru"), ("did", 3, "aux", "AUX", "VBD", "do"),
        ("not", 3, "neg", "PART", "RB", "not"), ("carry", 3, "ROOT", "VERB", "VB", "carry"),
        ("out", 3, "prt", "ADP", "RP", "out"), ("raids", 3, "dobj", "NOUN", "NNS", "raid"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])


def _plans_offensive(blank: Any) -> Any:
    # "Peru plans to launch an offensive."
    return _doc(blank, [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"), ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
        ("to", 3, "aux", "PART", "TO", "to"), ("launch", 1, "xcomp", "VERB", "VB", "launch"),
        ("an", 5, "det", "DET", "DT", "an"), ("offensive", 3, "dobj", "NOUN", "NN", "offensive"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])


def _said_bombed(blank: Any) -> Any:
    # "Bolivia said Chilean jets bombed a village."
    return _doc(blank, [
        ("Bolivia", 1, "nsubj", "PROPN", "NNP", "Bolivia"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("Chilean", 3, "amod", "ADJ", "JJ", "chilean"), ("jets", 4, "nsubj", "NOUN", "NNS", "jet"),
        ("bombed", 1, "ccomp", "VERB", "VBD", "bomb"), ("a", 6, "det", "DET", "DT", "a"),
        ("village", 4, "dobj", "NOUN", "NN", "village"), (".", 1, "punct", "PUNCT", ".", "."),
    ])


def _according_to(blank: Any) -> Any:
    # "Jets bombed the port, according to Bolivia."
    return _doc(blank, [
        ("Jets", 1, "nsubj", "NOUN", "NNS", "jet"), ("bombed", 1, "ROOT", "VERB", "VBD", "bomb"),
        ("the", 3, "det", "DET", "DT", "the"), ("port", 1, "dobj", "NOUN", "NN", "port"),
        (",", 1, "punct", "PUNCT", ",", ","), ("according", 1, "prep", "VERB", "VBG", "accord"),
        ("to", 5, "prep", "ADP", "IN", "to"), ("Bolivia", 6, "pobj", "PROPN", "NNP", "Bolivia"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])


def _deport(blank: Any, modal: str, tag: str) -> Any:
    # "Chile <modal> deport the migrants."
    return _doc(blank, [
        ("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"), (modal, 2, "aux", "AUX", tag, modal),
        ("deport", 2, "ROOT", "VERB", "VB", "deport"), ("the", 4, "det", "DET", "DT", "the"),
        ("migrants", 2, "dobj", "NOUN", "NNS", "migrant"), (".", 2, "punct", "PUNCT", ".", "."),
    ])


_STRIKE_WORDS = {"threat_lemmas": {"threaten"}, "marks": {"if"}, "of_nouns": {"risk"}}


def test_path_up_and_argument_of(blank: Any) -> None:
    doc = _could_trigger(blank)
    assert [t.text for t in path_up(doc[1], 5)] == ["Chilean", "strike", "trigger"]
    assert argument_of(doc[2], doc[4])
    assert not argument_of(doc[1], doc[4])


def test_a_modal_on_the_verb_of_its_argument_makes_a_strike_hypothetical(blank: Any) -> None:
    assert hypothetical(_could_trigger(blank)[2], **_STRIKE_WORDS)
    assert not hypothetical(_triggered(blank)[2], **_STRIKE_WORDS)


def test_a_threat_is_hypothetical_only_with_its_verb_listed(blank: Any) -> None:
    doc = _threatened(blank)
    assert threatened(doc[3], threat_lemmas={"threaten"})
    assert hypothetical(doc[3], **_STRIKE_WORDS)
    assert not threatened(doc[3], threat_lemmas={"warn"})
    assert not hypothetical(doc[3], threat_lemmas=set(), marks={"if"}, of_nouns={"risk"})


def test_a_negated_light_verb_negates_its_object(blank: Any) -> None:
    doc = _carried_out(blank)
    raids = doc[5]
    assert not negation_on(raids)
    assert negated(raids, light_verbs={"carry"})
    assert not negated(raids, light_verbs={"launch"})
    assert negation_on(doc[3])


def test_plan_word_above_the_trigger_or_a_future_reading_makes_it_planned(blank: Any) -> None:
    offensive = _plans_offensive(blank)[5]
    assert planned(offensive, future=False, plan_words={"plans"})
    assert not planned(offensive, future=False, plan_words=set())
    assert planned(offensive, future=True, plan_words=set())


def test_reporting_verb_is_found_only_among_the_given_verbs(blank: Any) -> None:
    doc = _said_bombed(blank)
    bombed = doc[4]
    verb = reporting_verb(bombed, verbs={"say"})
    assert verb is not None and verb.text == "said"
    assert reporting_verb(bombed, verbs={"deny"}) is None
    root = reporting_root(bombed, verbs={"said"})
    assert root is not None and root.text == "said"
    assert reporting_root(doc[1], verbs={"said"}) is None  # the root reports nothing of itself


def test_according_to_gives_its_object(blank: Any) -> None:
    doc = _according_to(blank)
    assert [t.text for t in according_to_objects(doc[:])] == ["Bolivia"]
    assert according_to_objects(_triggered(blank)[:]) == []


def test_climbing_cue_reads_modals_negation_and_proposals(blank: Any) -> None:
    climb = frozenset({"xcomp", "dobj"})
    assert climbing_cue(_deport(blank, "will", "MD")[2], proposal_words=set(),
                        climb_deps=climb) == "planned"
    assert climbing_cue(_deport(blank, "could", "MD")[2], proposal_words=set(),
                        climb_deps=climb) == "hypothetical"
    plans = _plans_offensive(blank)
    assert climbing_cue(plans[3], proposal_words={"plans"}, climb_deps=climb) == "proposed"
    assert climbing_cue(plans[3], proposal_words=set(), climb_deps=climb) is None
    assert climbing_cue(plans[3], proposal_words={"plans"}, climb_deps=set()) is None
    assert climbing_cue(_carried_out(blank)[3], proposal_words=set(),
                        climb_deps=climb) == "negated"
