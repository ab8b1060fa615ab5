"""The shared syntax helpers (``bilat.syntax.arguments``, ``clauses``, ``lexicon``) on
hand-parsed sentences, so the rules are tested without a statistical model; and the guard
that no extractor keeps its own copy of them (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bilat.syntax.arguments import conjuncts, doers, np_tokens, patients, pp_objects, subjects
from bilat.syntax.clauses import governing_verb, is_passive, is_verbal
from bilat.syntax.lexicon import (
    STATE_NAME_KINDS,
    STATE_OR_OFFICIAL_KINDS,
    STATE_PARTY_KINDS,
    SYNTAX_WORD_KEYS,
    future_modals,
    hypothetical_modals,
    parse_syntax_words,
    statement_verb_forms,
    syntax_words,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "bilat"


def _doc(blank: Any, rows: list[tuple[str, int, str, str, str]]) -> Any:
    """A parsed Doc from rows of (word, head index, dep, POS, tag)."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(blank.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def _texts(tokens: list[Any]) -> list[str]:
    return [t.text for t in tokens]


@pytest.fixture
def signed(blank: Any) -> Any:
    # "Chile and Peru signed a treaty."
    return _doc(blank, [
        ("Chile", 3, "nsubj", "PROPN", "NNP"), ("and", 0, "cc", "CCONJ", "CC"),
        ("Peru", 0, "conj", "PROPN", "NNP"), ("signed", 3, "ROOT", "VERB", "VBD"),
        ("a", 5, "det", "DET", "DT"), ("treaty", 3, "dobj", "NOUN", "NN"),
        (".", 3, "punct", "PUNCT", "."),
    ])


@pytest.fixture
def deported(blank: Any) -> Any:
    # "The migrants were deported by Tunisia to Libya."
    return _doc(blank, [
        ("The", 1, "det", "DET", "DT"), ("migrants", 3, "nsubjpass", "NOUN", "NNS"),
        ("were", 3, "auxpass", "AUX", "VBD"), ("deported", 3, "ROOT", "VERB", "VBN"),
        ("by", 3, "agent", "ADP", "IN"), ("Tunisia", 4, "pobj", "PROPN", "NNP"),
        ("to", 3, "prep", "ADP", "IN"), ("Libya", 6, "pobj", "PROPN", "NNP"),
        (".", 3, "punct", "PUNCT", "."),
    ])


@pytest.fixture
def expelled(blank: Any) -> Any:
    # "Expelled by Tunisia, the migrants reached Libya."
    return _doc(blank, [
        ("Expelled", 6, "advcl", "VERB", "VBN"), ("by", 0, "agent", "ADP", "IN"),
        ("Tunisia", 1, "pobj", "PROPN", "NNP"), (",", 6, "punct", "PUNCT", ","),
        ("the", 5, "det", "DET", "DT"), ("migrants", 6, "nsubj", "NOUN", "NNS"),
        ("reached", 6, "ROOT", "VERB", "VBD"), ("Libya", 6, "dobj", "PROPN", "NNP"),
        (".", 6, "punct", "PUNCT", "."),
    ])


@pytest.fixture
def relative(blank: Any) -> Any:
    # "Officials who visited Rome met the pope."
    return _doc(blank, [
        ("Officials", 4, "nsubj", "NOUN", "NNS"), ("who", 2, "nsubj", "PRON", "WP"),
        ("visited", 0, "relcl", "VERB", "VBD"), ("Rome", 2, "dobj", "PROPN", "NNP"),
        ("met", 4, "ROOT", "VERB", "VBD"), ("the", 6, "det", "DET", "DT"),
        ("pope", 4, "dobj", "NOUN", "NN"), (".", 4, "punct", "PUNCT", "."),
    ])


@pytest.fixture
def plans(blank: Any) -> Any:
    # "India plans to visit Nepal."
    return _doc(blank, [
        ("India", 1, "nsubj", "PROPN", "NNP"), ("plans", 1, "ROOT", "VERB", "VBZ"),
        ("to", 3, "aux", "PART", "TO"), ("visit", 1, "xcomp", "VERB", "VB"),
        ("Nepal", 3, "dobj", "PROPN", "NNP"), (".", 1, "punct", "PUNCT", "."),
    ])


@pytest.fixture
def nationals(blank: Any) -> Any:
    # "nationals of Mali and Chad with visas"
    return _doc(blank, [
        ("nationals", 0, "ROOT", "NOUN", "NNS"), ("of", 0, "prep", "ADP", "IN"),
        ("Mali", 1, "pobj", "PROPN", "NNP"), ("and", 2, "cc", "CCONJ", "CC"),
        ("Chad", 2, "conj", "PROPN", "NNP"), ("with", 0, "prep", "ADP", "IN"),
        ("visas", 5, "pobj", "NOUN", "NNS"),
    ])


def test_conjuncts_keep_the_token_first(signed: Any) -> None:
    assert _texts(conjuncts(signed[0])) == ["Chile", "Peru"]
    assert _texts(conjuncts(signed[5])) == ["treaty"]


def test_active_clause_subjects_doers_and_patients(signed: Any) -> None:
    verb = signed[3]
    assert _texts(subjects(verb)) == ["Chile", "Peru"]
    assert _texts(doers(verb)) == ["Chile", "Peru"]
    assert _texts(patients(verb)) == ["treaty"]
    assert not is_passive(verb)


def test_passive_clause_separates_doers_from_patients(deported: Any) -> None:
    verb = deported[3]
    assert is_passive(verb)
    assert _texts(doers(verb)) == ["Tunisia"]
    assert _texts(patients(verb)) == ["migrants"]
    # subjects() is whom the clause is about: the passive subject and the agent both
    assert _texts(subjects(verb)) == ["migrants", "Tunisia"]
    assert _texts(pp_objects(verb, ["to"])) == ["Libya"]
    assert pp_objects(verb, ["from"]) == []


def test_subjectless_participle_is_passive_only_when_asked(expelled: Any) -> None:
    participle = expelled[0]
    assert not is_passive(participle)
    assert is_passive(participle, subjectless_participles=True)
    assert _texts(patients(participle)) == ["migrants"]  # the people of the main clause
    assert _texts(doers(participle)) == ["Tunisia"]


def test_relative_clause_subject_is_the_noun_for_subjects_not_doers(relative: Any) -> None:
    verb = relative[2]
    assert _texts(subjects(verb)) == ["Officials"]
    assert _texts(doers(verb)) == ["who"]


def test_infinitive_inherits_the_subject_and_governing_verb_climbs(plans: Any) -> None:
    visit, nepal = plans[3], plans[4]
    assert _texts(subjects(visit)) == ["India"]
    assert _texts(doers(visit)) == ["India"]
    assert governing_verb(nepal) == visit
    assert governing_verb(visit) == visit
    assert governing_verb(nepal, max_hops=1) is None


def test_np_tokens_options(nationals: Any) -> None:
    head = nationals[0]
    assert _texts(np_tokens(head)) == ["nationals", "of", "Mali"]
    assert _texts(np_tokens(head, coordinated_names=True)) == ["nationals", "of", "Mali", "Chad"]
    assert _texts(np_tokens(head, keep_preps=None)) == ["nationals", "of", "Mali", "with",
                                                        "visas"]
    assert _texts(np_tokens(head, keep_preps=None, skip_preps={"with"})) == [
        "nationals", "of", "Mali"]
    assert _texts(np_tokens(head, depth=0)) == ["nationals"]


def test_is_verbal_reads_the_fine_tag(blank: Any) -> None:
    # "Shelling resumed": a gerund the coarse tagger may call a noun is still verbal
    doc = _doc(blank, [("Shelling", 1, "nsubj", "NOUN", "VBG"),
                       ("resumed", 1, "ROOT", "VERB", "VBD")])
    assert is_verbal(doc[0])
    assert is_verbal(doc[1])
    noun = _doc(blank, [("talks", 0, "ROOT", "NOUN", "NNS")])
    assert not is_verbal(noun[0])


def test_subjects_on_the_trained_pipeline(nlp: Any) -> None:
    doc = nlp("Kenya and Tanzania signed the border accord on Monday.")
    verb = next(t for t in doc if t.lower_ == "signed")
    assert _texts(subjects(verb)) == ["Kenya", "Tanzania"]
    assert _texts(patients(verb)) == ["accord"]


def test_word_sets_load_and_are_distinct() -> None:
    words = syntax_words()
    assert set(words) == set(SYNTAX_WORD_KEYS)
    assert "could" in hypothetical_modals()
    assert "will" in future_modals()
    assert not hypothetical_modals() & future_modals()
    assert "said" in statement_verb_forms()
    assert STATE_NAME_KINDS < STATE_OR_OFFICIAL_KINDS < STATE_PARTY_KINDS


def test_word_set_file_is_validated() -> None:
    good = {key: ["A"] for key in SYNTAX_WORD_KEYS}
    assert parse_syntax_words(good)["future_modals"] == frozenset({"a"})
    with pytest.raises(ValueError, match=r"unknown key.*future_modal'"):
        parse_syntax_words({**good, "future_modal": ["will"]}, "syntax.json")
    with pytest.raises(ValueError, match="relative_pronouns: expected a list, got 'who'"):
        parse_syntax_words({**good, "relative_pronouns": "who"})
    missing = dict(good)
    del missing["hypothetical_modals"]
    with pytest.raises(ValueError, match="hypothetical_modals"):
        parse_syntax_words(missing)


# every extractor now takes these from bilat.syntax (strike switched over in issue 13)
_NOT_YET_SWITCHED: set[str] = set()
_HELPER_DEFS = re.compile(
    r"^def _?(subjects|doers|patients|objects|np_tokens|pp_objects|conjuncts|is_passive|"
    r"is_verbal|governing_verb|path_up|argument_of|negation_on|has_aux|threatened|"
    r"reporting_verb|climbing_cue)\(|"
    r"^(STATE_KINDS|REPORTING_VERBS|HYPOTHETICAL_AUX|FUTURE_AUX|RELATIVE_PRONOUNS) = ",
    re.MULTILINE,
)


def test_no_syntax_helper_is_defined_outside_the_syntax_package() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("syntax/") or relative in _NOT_YET_SWITCHED:
            continue
        offenders += [f"{relative}: {m.group(0)}" for m in
                      _HELPER_DEFS.finditer(path.read_text(encoding="utf-8"))]
    assert offenders == []
