"""bilat's NumPy decoder of spaCy's entity recogniser: exactly spaCy's entities, put back
after."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bilat
from bilat.entity_decoding import (
    ENTITY_DECODERS,
    EntityDecoder,
    check_entity_decoder,
    numpy_entities,
)

# Made-up news text, written for this test: entities of many kinds and lengths, at the
# start and end of sentences, next to sentence breaks, white space and punctuation.
SENTENCES = (
    "Kenyan President Amina Odhiambo flew to Addis Ababa on Monday for talks with "
    "Ethiopia's prime minister.",
    "The European Union and the Association of Southeast Asian Nations agreed on Friday "
    "to resume trade talks suspended in March 2021.",
    "Exports rose 12.5 percent to $3.1 billion in the first quarter of 2026, the Bank of "
    "Chile said.",
    "Mexico.  Brazil.\n\nArgentina and Uruguay signed the accord in Montevideo.",
    "Paris",
    "",
    "   ",
    "He said it would take three weeks.",
    "UNITED NATIONS, March 3 (Reuters) - Secretary-General Ban Ki-moon met Foreign "
    "Minister Sergei Lavrov at the U.N. headquarters in New York on Tuesday.",
    "Oil output at the North Sea's Brent field fell 4% in May; Norway's Equinor ASA "
    "blamed maintenance.\nThe Kremlin declined to comment.",
)

# words to build random text from: names the recogniser labels, common words, numbers,
# punctuation and white space
WORDS = ("Paris", "France", "Angela", "Merkel", "the", "United", "States", "Bank", "of",
         "China", "said", "on", "Monday", "12", "percent", "$", "5", "million", ",", ".",
         "\n", "  ", "-", "and", "New", "York", "Times", "1987", "March", "Ltd", "'s", "(",
         ")", "minister", "visited", "Tokyo", "Kim", "Jong-un")


def _ents(docs: list[Any]) -> list[list[tuple[int, int, str, int, str]]]:
    return [[(e.start, e.end, e.label_, e.kb_id, doc[e.start].ent_iob_) for e in doc.ents]
            + [(t.i, t.i, t.ent_iob_, t.ent_type, "") for t in doc if not t.ent_type]
            for doc in docs]


def _stock(nlp: Any, texts: list[str], batch_size: int = 64) -> list[Any]:
    with numpy_entities(nlp, "spacy") as swapped:
        assert swapped is False
        return list(nlp.pipe(texts, batch_size=batch_size))


def _decoded(nlp: Any, texts: list[str], batch_size: int = 64) -> list[Any]:
    with numpy_entities(nlp, "auto") as swapped:
        assert swapped is True
        return list(nlp.pipe(texts, batch_size=batch_size))


def test_bad_settings_are_refused_clearly(blank: Any) -> None:
    assert check_entity_decoder("auto") == "auto"
    assert set(ENTITY_DECODERS) == {"auto", "spacy"}
    with pytest.raises(ValueError, match="entity_decoder must be one of"):
        check_entity_decoder("numpy")
    with pytest.raises(TypeError, match="entity_decoder must be a str"):
        check_entity_decoder(True)
    with pytest.raises(ValueError, match="entity_decoder must be one of"):
        bilat.Extractor(blank, entity_decoder="fast")


def test_a_pipeline_without_a_recogniser_is_left_alone(blank: Any) -> None:
    before = list(blank.pipeline)
    with numpy_entities(blank, "auto") as swapped:
        assert swapped is False
        assert list(blank.pipeline) == before


def test_the_recogniser_is_stood_in_for_and_put_back(nlp: Any) -> None:
    recogniser = nlp.get_pipe("ner")
    with numpy_entities(nlp) as swapped:
        assert swapped is True
        inside = dict(nlp.pipeline)["ner"]
        assert inside is not recogniser
        assert inside.name == recogniser.name  # everything else is the recogniser's
    assert nlp.get_pipe("ner") is recogniser
    with pytest.raises(RuntimeError, match="boom"), numpy_entities(nlp):
        raise RuntimeError("boom")
    assert nlp.get_pipe("ner") is recogniser


def test_only_spacys_own_greedy_recogniser_qualifies(nlp: Any) -> None:
    import spacy
    from spacy.pipeline import EntityRecognizer

    assert EntityDecoder.of(nlp.get_pipe("ner")) is not None
    assert EntityDecoder.of(nlp.get_pipe("parser")) is None
    beam = spacy.blank("en")
    beam.add_pipe("beam_ner")
    beam.get_pipe("beam_ner").add_label("GPE")
    beam.initialize()
    assert EntityDecoder.of(beam.get_pipe("beam_ner")) is None

    class OwnRecogniser(EntityRecognizer):  # type: ignore[misc]
        pass

    own = OwnRecogniser(beam.vocab, beam.get_pipe("beam_ner").model)
    assert EntityDecoder.of(own) is None


@pytest.mark.parametrize("batch_size", [1, 2, 7, 64])
def test_the_entities_are_spacys_on_news_sentences(nlp: Any, batch_size: int) -> None:
    texts = [*SENTENCES, " ".join(SENTENCES), "\n\n".join(reversed(SENTENCES))]
    stock = _stock(nlp, texts, batch_size)
    assert sum(len(doc.ents) for doc in stock) >= 40  # the text holds entities
    assert _ents(_decoded(nlp, texts, batch_size)) == _ents(stock)


def test_one_document_through_the_stand_in_gets_spacys_entities(nlp: Any) -> None:
    with numpy_entities(nlp):
        got = [nlp(text) for text in SENTENCES]
    assert _ents(got) == _ents(_stock(nlp, list(SENTENCES)))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=60), min_size=1,
                max_size=6))
def test_the_entities_are_spacys_on_random_text(nlp: Any, texts: list[list[str]]) -> None:
    joined = [" ".join(words) for words in texts]
    assert _ents(_decoded(nlp, joined, 4)) == _ents(_stock(nlp, joined, 4))


def test_entities_set_before_the_recogniser_leave_the_batch_to_spacy(nlp: Any) -> None:
    ruled = _fresh_copy()
    ruler = ruled.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns([{"label": "ORG", "pattern": "Addis Ababa"}])
    texts = list(SENTENCES)
    stock = _stock(ruled, texts, 64)
    assert any(e.label_ == "ORG" and e.text == "Addis Ababa" for e in stock[0].ents)
    decoder = EntityDecoder.of(ruled.get_pipe("ner"))
    assert decoder is not None
    assert not decoder.takes([ruled.make_doc("x"), ruled.get_pipe("entity_ruler")(
        ruled.make_doc("Talks in Addis Ababa."))])
    assert _ents(_decoded(ruled, texts, 64)) == _ents(stock)


def test_a_label_added_later_is_decoded_as_spacy_does(nlp: Any) -> None:
    from bilat.entity_decoding import _decoder

    grown = _fresh_copy()
    recogniser = grown.get_pipe("ner")
    texts = list(SENTENCES)
    before = _ents(_decoded(grown, texts))
    first = _decoder(recogniser)
    assert first is not None and len(first.label_names) == 19  # none and 18 labels
    recogniser.add_label("WEAPON")  # new actions, scored as unseen classes by spaCy
    assert recogniser.model.attrs["unseen_classes"]
    stock = _stock(grown, texts)
    assert _ents(_decoded(grown, texts)) == _ents(stock)
    again = _decoder(recogniser)
    assert again is not first and again is not None and "WEAPON" in again.label_names
    assert before == _ents(stock)  # the new classes never win: the entities stay
    names = [recogniser.moves.get_class_name(i) for i in range(recogniser.moves.n_moves)]
    recogniser.model.attrs["unseen_classes"].add(names.index("U-GPE"))
    stock = _stock(grown, texts)
    assert _ents(stock) != before  # "Paris" is no longer a one-word place
    assert _ents(_decoded(grown, texts)) == _ents(stock)


def _fresh_copy() -> Any:
    """A second pipeline like the session's, to change without touching it."""
    from conftest import _trained_pipeline

    return _trained_pipeline()


def test_a_failing_batch_goes_to_spacys_error_handler(nlp: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy's compiled recognisers take no handler of their own: theirs raises the error
    def fail(self: Any, docs: list[Any]) -> None:
        raise ValueError("no entities today")

    recogniser = nlp.get_pipe("ner")
    monkeypatch.setattr(EntityDecoder, "annotate", fail)
    with pytest.raises(ValueError, match="no entities today"), numpy_entities(nlp):
        list(nlp.pipe(["Peru and Chile met.", "Oslo."], batch_size=8))
    with pytest.raises(ValueError, match="no entities today"), numpy_entities(nlp):
        nlp("Lima.")
    assert nlp.get_pipe("ner") is recogniser


def test_the_entities_are_spacys_on_gold_articles(nlp: Any, shared_dir: Path) -> None:
    from conftest import load_gold

    files = sorted((shared_dir / "eval").glob("*/*.jsonl"))
    if not files:
        pytest.skip("the shared gold sets are not here")
    texts = [d["text"] for path in files for d in load_gold(path)][::5]
    stock = _stock(nlp, texts, 32)
    assert sum(len(doc.ents) for doc in stock) > 1000
    assert _ents(_decoded(nlp, texts, 32)) == _ents(stock)


def test_the_extractor_gives_the_same_events_either_way(nlp: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        decoded = bilat.Extractor(nlp)
        stock = bilat.Extractor(nlp, entity_decoder="spacy")
    assert decoded.entity_decoder == "auto"
    texts = [
        "Kenyan President Amina Odhiambo flew to Addis Ababa on Monday for two days of "
        "talks with Ethiopia's prime minister.",
        "Norway and Iceland signed a fisheries accord in Reykjavik on Tuesday.",
        "Germany deported 43 Afghans to Kabul on a chartered flight from Leipzig.",
    ]
    got = [[e.to_dict() for e in decoded.extract(t, "2026-12-01")] for t in texts]
    want = [[e.to_dict() for e in stock.extract(t, "2026-12-01")] for t in texts]
    assert got == want
    assert sum(map(len, got)) >= 3  # the sentences hold events: the test can fail
    assert type(nlp.get_pipe("ner")).__name__ == "EntityRecognizer"
