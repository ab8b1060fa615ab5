"""Trigger lexicons (``bilat.triggers``): loading, validation and matching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy

from bilat import triggers
from bilat.extractors import EXTRACTORS
from bilat.lexicons.types import parse_type_file
from bilat.triggers import TriggerEntry, TriggerLexicon, load_lexicon

BLANK = spacy.blank("en")


def entry(id_: str, *steps: list[str], label: str = "x", pos: tuple[str, ...] = (),
          head: int = -1) -> TriggerEntry:
    return TriggerEntry(id=id_, label=label, sequence=tuple(frozenset(s) for s in steps),
                        pos=frozenset(pos), head=head)


def found(lexicon: TriggerLexicon, doc: Any) -> list[tuple[str, str, str]]:
    return [(t.entry.id, doc[t.start : t.end].text, t.head.text) for t in lexicon.find(doc)]


# --- shipped lexicons ---------------------------------------------------------------------


@pytest.mark.parametrize("event_type", sorted(EXTRACTORS))
def test_every_shipped_lexicon_loads(event_type: str) -> None:
    lexicon = load_lexicon(event_type)
    assert lexicon.event_type == event_type
    assert lexicon.entries
    assert all(all(step for step in e.sequence) for e in lexicon.entries)


def test_lexicon_is_loaded_once() -> None:
    assert load_lexicon("visit") is load_lexicon("visit")


def test_first_forms_hold_every_starting_word() -> None:
    forms = load_lexicon("visit").first_forms
    assert {"visit", "arrived", "left"} <= forms
    assert "for" not in forms  # only the second word of "left for"


def test_shipped_sequence_matches_with_its_head(nlp: Any) -> None:
    doc = nlp("German Chancellor Olaf Scholz left for Washington on Tuesday.")
    hits = [t for t in load_lexicon("visit").find(doc) if t.entry.id == "leave_for"]
    (hit,) = hits
    assert doc[hit.start : hit.end].text == "left for"
    assert hit.head.text == "left" and hit.label == "depart"


# --- matching -----------------------------------------------------------------------------


def test_longest_match_wins() -> None:
    lexicon = TriggerLexicon("t", [entry("visit", ["visit"]),
                                   entry("state_visit", ["state"], ["visit"])])
    doc = BLANK("Lula began a state visit to Beijing.")
    assert found(lexicon, doc) == [("state_visit", "state visit", "visit")]


def test_matches_do_not_overlap_and_scan_left_to_right() -> None:
    lexicon = TriggerLexicon("t", [entry("trade", ["trade"]),
                                   entry("trade_deal", ["trade"], ["deal"]),
                                   entry("deal", ["deal"])])
    doc = BLANK("The trade deal followed another deal.")
    assert [i for i, _, _ in found(lexicon, doc)] == ["trade_deal", "deal"]


def test_forms_match_case_insensitively() -> None:
    lexicon = TriggerLexicon("t", [entry("visit", ["visit"])])
    assert [i for i, _, _ in found(lexicon, BLANK("LULA VISIT TO CHINA"))] == ["visit"]


def test_head_index_chooses_the_anchor_token() -> None:
    lexicon = TriggerLexicon("t", [entry("leave_for", ["left"], ["for"], head=0)])
    assert found(lexicon, BLANK("Scholz left for Washington.")) == [
        ("leave_for", "left for", "left")]


def test_pos_filter_applies_with_a_tagger(nlp: Any) -> None:
    lexicon = TriggerLexicon("t", [entry("head", ["head", "heads"], pos=("VERB",))])
    assert found(lexicon, nlp("The head of state spoke on Monday.")) == []
    assert [i for i, _, _ in found(lexicon, nlp("Lula will head to China on Monday."))] == ["head"]


def test_pos_filter_is_ignored_without_a_tagger() -> None:
    lexicon = TriggerLexicon("t", [entry("head", ["head"], pos=("VERB",))])
    assert [i for i, _, _ in found(lexicon, BLANK("The head of state spoke."))] == ["head"]


def test_find_on_a_span_stays_inside_it() -> None:
    lexicon = TriggerLexicon("t", [entry("visit", ["visit"])])
    doc = BLANK("A visit was planned. Another visit followed.")
    hits = list(lexicon.find(doc[5:]))
    assert [t.start for t in hits] == [6]


# --- loading and validation ---------------------------------------------------------------


def _load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, data: Any) -> Any:
    """Load a trigger file of type ``name`` written to ``tmp_path`` through the same
    schema and compiler as the shipped files."""
    folder = tmp_path / "data" / "triggers"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    checked = parse_type_file(json.loads(path.read_text("utf-8")), name, str(path))
    return TriggerLexicon(name, [triggers._entry(r) for r in checked.triggers])


def test_file_entries_become_trigger_entries(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    data = {"type": "summit", "triggers": [
        {"id": "summit", "forms": ["Summit", "summits"], "pos": ["NOUN"], "note": "meetings"},
        {"id": "state_visit", "label": "travel", "sequence": [["state"], ["visit"]]},
    ]}
    lexicon = _load(monkeypatch, tmp_path, "summit", data)
    first, second = lexicon.entries
    assert first.label == "summit"  # the id when no label is given
    assert first.sequence == (frozenset({"summit", "summits"}),)
    assert first.pos == frozenset({"NOUN"})
    assert first.extra == {"note": "meetings"}
    assert second.sequence == (frozenset({"state"}), frozenset({"visit"}))


def test_file_of_another_type_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = {"type": "visit", "triggers": [{"id": "summit", "forms": ["summit"]}]}
    with pytest.raises(ValueError, match=r"summit\.json: type: expected 'summit', got 'visit'"):
        _load(monkeypatch, tmp_path, "summit", data)


def test_empty_forms_raise(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = {"type": "summit", "triggers": [{"id": "summit", "forms": []}]}
    with pytest.raises(ValueError, match=r"triggers\[0\] \(id 'summit'\)\.forms: expected one"):
        _load(monkeypatch, tmp_path, "summit", data)


def test_empty_sequence_step_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = {"type": "summit", "triggers": [{"id": "state_visit",
                                            "sequence": [["state"], []]}]}
    with pytest.raises(ValueError, match=r"sequence\[1\]: expected one or more"):
        _load(monkeypatch, tmp_path, "summit", data)


def test_entry_without_forms_or_sequence_raises_value_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = {"type": "summit", "triggers": [{"id": "summit", "label": "meet"}]}
    with pytest.raises(ValueError, match="needs 'forms'"):
        _load(monkeypatch, tmp_path, "summit", data)


def test_one_word_forms_by_label_and_part_of_speech() -> None:
    lexicon = TriggerLexicon("t", [
        entry("host", ["hosted", "welcomed"], label="host", pos=("VERB",)),
        entry("talks", ["talks"], label="meet", pos=("NOUN",)),
        entry("state_visit", ["state"], ["visit"], label="host", pos=("NOUN",)),
    ])
    assert lexicon.one_word_forms(label="host") == {"hosted", "welcomed"}
    assert lexicon.one_word_forms(pos="NOUN") == {"talks"}
    assert lexicon.one_word_forms(label="host", pos="NOUN") == frozenset()
    assert lexicon.one_word_forms() == {"hosted", "welcomed", "talks"}
