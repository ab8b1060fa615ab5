"""bilat.lexicons: every data file checked by its schema, failing with the file and key named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.lexicons import (
    SCHEMAS,
    LexiconError,
    read,
    read_checked,
    shipped_type_lexicon,
    structure,
    type_lexicon,
)
from bilat.lexicons.files import CueRecord, ModalityCuesFile, NumberWordsFile, read_json
from bilat.lexicons.schema import check_data
from bilat.lexicons.types import parse_type_file

DATA = Path(__file__).resolve().parents[1] / "src" / "bilat" / "data"
EVENT_TYPES = DATA.parent / "event_types"
TYPES = sorted(p.parent.name for p in EVENT_TYPES.glob("*/lexicon.json"))


def test_every_lexicon_file_has_a_schema() -> None:
    shipped = {p.name for p in DATA.glob("*.json")}
    not_lexicons = {"event.schema.json", "cameo_plover.json"}
    assert shipped - not_lexicons == set(SCHEMAS)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_shipped_file_fits_its_schema(name: str) -> None:
    # the fast check and the full structuring agree on the shipped file
    data = read_json(name)
    check_data(data, SCHEMAS[name], name)
    assert isinstance(structure(data, SCHEMAS[name], f"{name}: "), SCHEMAS[name])


@pytest.mark.parametrize("event_type", TYPES)
def test_every_trigger_file_fits(event_type: str) -> None:
    lexicon = shipped_type_lexicon(event_type)
    assert lexicon.triggers
    assert len({r.id for r in lexicon.triggers}) == len(lexicon.triggers)
    for key in lexicon.lists:
        value = lexicon.lists[key]
        words = lexicon.words(key) if isinstance(value, tuple) else lexicon.groups(key)
        assert words


def _with(name: str, change: Any) -> Any:
    path = EVENT_TYPES / name if name.endswith("/lexicon.json") else DATA / name
    data = json.loads(path.read_text("utf-8"))
    change(data)
    return data


def test_misspelled_key_names_file_and_key() -> None:
    data = _with("figures.json", lambda d: d.update(change_noun=["rise"]))
    with pytest.raises(LexiconError, match=r"^bilat/data/figures\.json: unknown key "
                                           r"'change_noun'; expected one of \["):
        structure(data, SCHEMAS["figures.json"], "bilat/data/figures.json: ")


def test_wrong_type_deep_inside_names_the_path() -> None:
    data = _with("number_words.json",
                 lambda d: d["vague_counts"]["plurals"].update(dozens=[12, "144"]))
    with pytest.raises(LexiconError, match=r"number_words\.json: vague_counts\.plurals"
                                           r"\['dozens'\]\[1\]: expected a whole number, "
                                           r"got '144'"):
        structure(data, NumberWordsFile, "number_words.json: ")


def test_missing_key_is_named() -> None:
    with pytest.raises(LexiconError, match=r"x\.json: cues: missing"):
        structure({"about": "no cues"}, ModalityCuesFile, "x.json: ")


def test_comment_keys_are_skipped_and_bool_is_no_number() -> None:
    cue = {"_note": "ok", "category": "planned", "literal": "set to",
           "direction": "forward", "max_scope": 4}
    assert structure(cue, CueRecord, "c").max_scope == 4
    with pytest.raises(LexiconError, match=r"c\.max_scope: expected a whole number, got True"):
        structure({**cue, "max_scope": True}, CueRecord, "c")
    with pytest.raises(LexiconError, match=r"c: literal: expected one or more words"):
        structure({**cue, "literal": "  "}, CueRecord, "c")


def test_gazetteer_check_fails_like_structure(tmp_path: Path) -> None:
    data = _with("leaders.json", lambda d: d["leaders"][3].update(contry="FRA"))
    with pytest.raises(LexiconError, match=r"leaders\.json: leaders\[3\]: unknown key 'contry'"):
        check_data(data, SCHEMAS["leaders.json"], "leaders.json: ")
    assert read_checked("leaders.json")["leaders"]


def test_type_lexicon_word_lists_fail_with_file_and_key() -> None:
    strike = type_lexicon("strike")
    assert "missile" in strike.groups("weapon_nouns")
    assert strike.words("ship_nouns")
    with pytest.raises(LexiconError, match=r"bilat/event_types/strike/lexicon\.json: no word list "
                                           r"'ship_noun'"):
        strike.words("ship_noun")
    with pytest.raises(LexiconError, match="holds named groups"):
        strike.words("weapon_nouns")
    with pytest.raises(LexiconError, match="is one word list"):
        strike.groups("ship_nouns")


def test_trigger_file_word_lists_are_checked() -> None:
    data = _with("visit/lexicon.json", lambda d: d.update(envoy_nouns=["envoy", 3]))
    with pytest.raises(LexiconError, match=r"visit\.json: envoy_nouns\[1\]: expected a string"):
        parse_type_file(data, "visit", "visit.json")
    data = _with("visit/lexicon.json", lambda d: d["triggers"][0].update(pos=["verb"]))
    with pytest.raises(LexiconError, match=r"triggers\[0\] \(id '\w+'\)\.pos: unknown tag 'verb'"):
        parse_type_file(data, "visit", "visit.json")
    data = _with("visit/lexicon.json", lambda d: d["triggers"][0].update(head=3))
    with pytest.raises(LexiconError, match=r"\.head: expected a token index"):
        parse_type_file(data, "visit", "visit.json")


def test_read_is_cached_and_typed() -> None:
    assert read("syntax.json") is read("syntax.json")
    assert "will" in read("syntax.json").future_modals


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5),
                     st.floats(allow_nan=False))
_json = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12)


@pytest.mark.parametrize("schema", [ModalityCuesFile, NumberWordsFile, SCHEMAS["leaders.json"]])
@given(value=_json)
def test_any_json_is_built_or_refused_with_a_message(schema: type, value: Any) -> None:
    # the fast check and the full structuring agree, and a refusal is a LexiconError
    try:
        built = structure(value, schema, "f.json: ")
    except LexiconError as exc:
        assert str(exc).startswith("f.json")
        assert not _fast_check(schema, value)
    else:
        assert attrs.has(type(built))
        assert _fast_check(schema, value)


def _fast_check(schema: type, value: Any) -> bool:
    from bilat.lexicons.schema import checker

    return checker(schema)(value)
