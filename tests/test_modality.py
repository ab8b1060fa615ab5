"""ConText-style modality cues (``bilat.modality``): scopes, directions, priorities, data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilat import modality
from bilat.lexicons.files import ModalityCuesFile
from bilat.lexicons.schema import structure
from bilat.modality import cue_matches, load_cues, modality_at
from bilat.values import Modality


def at(nlp: Any, text: str, trigger: str, **kwargs: Any) -> Modality:
    """Modality of the first token spelled ``trigger`` (may span words: "draft treaty")."""
    doc = nlp(text)
    words = trigger.split()
    for token in doc:
        if [t.text for t in doc[token.i : token.i + len(words)]] == words:
            found, _ = modality_at(token.sent, token.i, token.i + len(words), **kwargs)
            return found
    raise AssertionError(f"{trigger!r} not in {text!r}")


# --- directions and scopes ----------------------------------------------------------------


def test_no_cue_is_asserted(nlp: Any) -> None:
    assert at(nlp, "Chile and Peru signed a fisheries accord on Monday.", "signed") \
        is Modality.ASSERTED


def test_forward_cue_covers_following_trigger(nlp: Any) -> None:
    assert at(nlp, "Chile will sign a fisheries accord with Peru.", "sign") is Modality.PLANNED


def test_forward_cue_does_not_cover_preceding_trigger(nlp: Any) -> None:
    text = "Chile signed a fisheries accord with Peru, and officials will review it."
    assert at(nlp, text, "signed") is Modality.ASSERTED


def test_forward_cue_beyond_its_scope_does_not_apply(nlp: Any) -> None:
    # "never" reaches four tokens; the trigger sits much further on
    text = ("Chile never, in all the long years of border talks with its neighbour, "
            "signed anything.")
    assert at(nlp, text, "signed") is Modality.ASSERTED


def test_backward_cue_covers_preceding_trigger(nlp: Any) -> None:
    text = "A fisheries accord was not reached after two days of talks in Lima."
    assert at(nlp, text, "accord") is Modality.NEGATED


def test_both_direction_cue_covers_preceding_trigger(nlp: Any) -> None:
    text = "The minister's visit to Lima was postponed because of the floods."
    assert at(nlp, text, "visit") is Modality.NEGATED


def test_but_terminates_a_scope(nlp: Any) -> None:
    with_stop = "Lima claimed the talks collapsed but Chile signed the fisheries accord."
    without = "Lima claimed that Chile signed the fisheries accord."
    assert at(nlp, without, "signed") is Modality.CLAIMED
    assert at(nlp, with_stop, "signed") is Modality.ASSERTED


def test_semicolon_terminates_a_scope(nlp: Any) -> None:
    text = "Lima claimed the talks collapsed; Chile signed the fisheries accord."
    assert at(nlp, text, "signed") is Modality.ASSERTED


def test_scope_never_leaves_the_sentence(nlp: Any) -> None:
    text = "Officials in Lima will meet on Friday. Chile signed the accord on Monday."
    assert at(nlp, text, "signed") is Modality.ASSERTED


def test_trigger_that_is_itself_a_cue(nlp: Any) -> None:
    text = "Nepal and India are studying a draft treaty on power trade."
    assert at(nlp, text, "draft treaty") is Modality.PROPOSED


def test_in_principle_cue_after_trigger(nlp: Any) -> None:
    text = "Egypt and Sudan agreed in principle to share river data."
    assert at(nlp, text, "agreed") is Modality.IN_PRINCIPLE


# --- priorities and filters ---------------------------------------------------------------


def test_negation_beats_plan(nlp: Any) -> None:
    assert at(nlp, "Chile will never sign the accord.", "sign") is Modality.NEGATED


def test_claim_beats_plan(nlp: Any) -> None:
    text = "Lima claimed that Chile will sign the accord."
    assert at(nlp, text, "sign") is Modality.CLAIMED


def test_in_principle_beats_proposed(nlp: Any) -> None:
    text = "The proposed accord was agreed in principle by both sides."
    assert at(nlp, text, "accord") is Modality.IN_PRINCIPLE


def test_allowed_categories_filter_out_others(nlp: Any) -> None:
    text = "Chile will never sign the accord."
    assert at(nlp, text, "sign", allowed=frozenset({"planned"})) is Modality.PLANNED


def test_modality_at_returns_the_deciding_cue(nlp: Any) -> None:
    doc = nlp("Chile is due to sign the accord.")
    sign = next(t for t in doc if t.text == "sign")
    found, match = modality_at(doc[:], sign.i, sign.i + 1)
    assert found is Modality.PLANNED
    assert match is not None and doc[match.start : match.end].text == "is due to"


# --- matching -----------------------------------------------------------------------------


def test_longest_cue_wins_at_a_position(nlp: Any) -> None:
    doc = nlp("Kabul has not confirmed the strike.")
    (match,) = cue_matches(doc[:])
    assert match.cue.category == "claimed"
    assert match.cue.words == ("has", "not", "confirmed")


def test_pseudo_cue_blocks_the_shorter_cue_inside_it(nlp: Any) -> None:
    doc = nlp("Chile no longer buys Peruvian gas.")
    assert cue_matches(doc[:]) == []
    assert at(nlp, "Chile no longer buys Peruvian gas.", "buys") is Modality.ASSERTED


def test_cues_match_case_insensitively(nlp: Any) -> None:
    assert at(nlp, "CHILE WILL SIGN THE ACCORD", "SIGN") is Modality.PLANNED


# --- data file ----------------------------------------------------------------------------


def test_shipped_cue_file_loads_longest_first() -> None:
    cues = load_cues()
    assert cues
    lengths = [len(c.words) for c in cues]
    assert lengths == sorted(lengths, reverse=True)
    assert {c.category for c in cues} >= {"negated", "planned", "in_principle", "terminate"}


def _load_from(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cues: list[dict[str, Any]]
               ) -> Any:
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "modality_cues.json"
    path.write_text(json.dumps({"cues": cues}))
    checked = structure(json.loads(path.read_text()), ModalityCuesFile, f"{path}: ")
    return [modality._cue(record) for record in checked.cues]


def test_cue_file_with_unknown_category_raises(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    bad = [{"category": "rumoured", "literal": "reportedly", "direction": "forward",
            "max_scope": 5}]
    with pytest.raises(ValueError, match=r"modality_cues\.json: cues\[0\]\.category: expected "
                       r"one of \['negated'.*got 'rumoured'"):
        _load_from(monkeypatch, tmp_path, bad)


def test_cue_file_with_unknown_direction_raises(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    bad = [{"category": "planned", "literal": "will", "direction": "sideways", "max_scope": 5}]
    with pytest.raises(ValueError, match=r"cues\[0\]\.direction: expected one of "
                       r"\['forward', 'backward', 'both'\], got 'sideways'"):
        _load_from(monkeypatch, tmp_path, bad)


def test_cue_file_reads_pseudo_flag(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    good = [{"category": "negated", "literal": "No Longer", "direction": "forward",
             "max_scope": 3, "pseudo": True}]
    (cue,) = _load_from(monkeypatch, tmp_path, good)
    assert cue.pseudo and cue.words == ("no", "longer")
