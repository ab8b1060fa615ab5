"""The trade-figure word lists: read from the lexicon file, and a broken file fails loudly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bilat.event_types.trade_figure import lexicon
from bilat.lexicons import LexiconError
from bilat.lexicons.types import parse_type_file


@pytest.fixture
def fake_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Swap the lexicon file for one built from a dict the test fills in."""
    data: dict[str, Any] = {}
    lexicon.words.cache_clear()
    lexicon.flow_preps.cache_clear()
    monkeypatch.setattr(lexicon, "_lexicon", lambda: parse_type_file(
        {"type": "trade_figure", "triggers": [], **data}, "trade_figure",
        "bilat/event_types/trade_figure/lexicon.json"))
    yield data
    lexicon.words.cache_clear()
    lexicon.flow_preps.cache_clear()


def test_shipped_word_lists_load() -> None:
    assert "companies" in lexicon.words("firm_nouns")
    assert "two countries" in lexicon.words("pair_anaphors")
    assert lexicon.flow_preps("target_preps")["import"] == ("from", "with")
    assert lexicon.flow_preps("owner_preps")["export"] == ("from",)


def test_words_are_lower_cased(fake_file: dict[str, Any]) -> None:
    fake_file["firm_nouns"] = ["Firms", "BANKS"]
    assert lexicon.words("firm_nouns") == frozenset({"firms", "banks"})


def test_missing_key_names_file_and_key(fake_file: dict[str, Any]) -> None:
    with pytest.raises(LexiconError,
                       match=r"trade_figure/lexicon\.json: no word list 'firm_nouns'"):
        lexicon.words("firm_nouns")


@pytest.mark.parametrize("value", ["firms", [1, 2], {"a": "b"}, None])
def test_word_list_of_the_wrong_type_names_file_and_key(fake_file: dict[str, Any],
                                                         value: object) -> None:
    fake_file["firm_nouns"] = value
    with pytest.raises(LexiconError,
                       match=r"trade_figure/lexicon\.json: '?firm_nouns"):
        lexicon.words("firm_nouns")


def test_preposition_table_of_the_wrong_type_names_file_key_and_flow(
        fake_file: dict[str, Any]) -> None:
    fake_file["target_preps"] = ["to"]
    with pytest.raises(LexiconError,
                       match=r"trade_figure/lexicon\.json: 'target_preps' is one word"):
        lexicon.flow_preps("target_preps")
    lexicon.flow_preps.cache_clear()
    fake_file["target_preps"] = {"export": ["to", 3]}
    with pytest.raises(LexiconError,
                       match=r"trade_figure/lexicon\.json: target_preps\['export'\]\[1\]"):
        lexicon.flow_preps("target_preps")


@pytest.mark.parametrize("module", ["extract", "figures", "pairs", "state"])
def test_a_trade_module_imports_first_without_a_cycle(module: str) -> None:
    # bilat.extractors imports the trade package; the package must not import bilat.extractors
    # at module level, or importing one of its modules first (as a registry may) fails
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import bilat.event_types.trade_figure.{module}"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
