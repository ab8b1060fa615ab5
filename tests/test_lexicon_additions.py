"""Words a user adds to one pipeline (bilat.load(...) arguments, the component's config):
checked like the shipped lexicons, used by the extractors and the pre-filter, never leaking
into another pipeline."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path
from typing import Any

import pytest
import spacy

import bilat
from bilat.lexicons import Additions, LexiconError, active, type_lexicon, using
from bilat.modality import modality_at
from bilat.triggers import load_lexicon
from bilat.values import Modality

SAIL = {"visit": [{"id": "sail", "label": "travel", "pos": ["VERB"],
                   "forms": ["sail", "sails", "sailed", "sailing"]}]}
SAILED = "Indian Prime Minister Narendra Modi sailed to Sri Lanka on Tuesday."
PENCILLED = {"category": "planned", "literal": "pencilled in", "direction": "forward",
             "max_scope": 4}


def _load(nlp: Any, **additions: Any) -> bilat.Extractor:
    with warnings.catch_warnings():  # it adds its paragraph step to the session pipeline
        warnings.simplefilter("ignore", UserWarning)
        return bilat.load(nlp, **additions)


def _visits(extractor: bilat.Extractor, text: str) -> list[dict[str, Any]]:
    return [e.to_dict() for e in extractor.extract(text, "2026-03-12") if e.type == "visit"]


# --- checked like the shipped files --------------------------------------------------------


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"triggers": {"vist": [{"id": "x", "forms": ["x"]}]}},
     r"triggers: unknown event type 'vist'; expected some of \['visit'"),
    ({"triggers": {"visit": [{"id": "sail", "label": "voyage", "forms": ["sailed"]}]}},
     r"triggers\['visit'\]\[0\] \(id 'sail'\): label 'voyage' is none the visit extractor "
     r"knows; expected one of \["),
    ({"triggers": {"visit": [{"id": "tour", "label": "travel", "forms": ["toured"]}]}},
     r"id 'tour' is already used \(by bilat/event_types/visit/lexicon\.json"),
    ({"triggers": {"visit": [{"id": "sail", "label": "travel", "froms": ["sailed"]}]}},
     r"needs 'forms' \(one token\) or 'sequence'"),
    ({"triggers": {"visit": [{"id": "sail", "label": "travel", "forms": ["sailed"],
                              "poss": ["VERB"]}]}},
     r"\(id 'sail'\): unknown key 'poss'; expected some of \['id', 'label', 'forms'"),
    ({"triggers": {"visit": [{"id": "sail", "label": "travel", "forms": ["sailed"],
                              "pos": ["Verb"]}]}},
     r"\(id 'sail'\)\.pos: unknown tag 'Verb'"),
    ({"triggers": {"visit": [{"id": "sail", "label": "travel", "forms": "sailed"}]}},
     r"\(id 'sail'\)\.forms: expected a list of strings, got 'sailed'"),
    ({"triggers": {"strike": [{"id": "zap", "label": "air", "forms": ["zapped"],
                               "strength": 2.5, "two_sided": {"a": 1}}]}},
     r"\(id 'zap'\)\.two_sided: expected true/false, a number, a string or a list"),
    ({"modality_cues": [{**PENCILLED, "category": "rumoured"}]},
     r"modality_cues\[0\]\.category: expected one of \['negated'.*got 'rumoured'"),
    ({"modality_cues": [{**PENCILLED, "max_scope": "4"}]},
     r"modality_cues\[0\]\.max_scope: expected a whole number, got '4'"),
    ({"modality_cues": [{**PENCILLED, "scope": 4}]},
     r"modality_cues\[0\]: unknown key 'scope'"),
    ({"country_names": {"Blighty": "UK"}},
     r"country_names\['Blighty'\]: 'UK' is no ISO 3166-1 alpha-3 code bilat knows"),
    ({"country_names": {"Blighty": {"code": "GBR", "kind": "nation"}}},
     r"country_names\['Blighty'\]\.kind: expected one of \['country'"),
    ({"officials": [{"name": "Jane Roe", "country": "FRA"}]},
     r"officials\[0\]\.title: missing"),
    ({"officials": [{"name": "Jane Roe", "country": "FRA", "title": "Minister",
                     "start": "May 2024"}]},
     r"officials\[0\]\.start: expected an ISO date"),
])
def test_a_bad_addition_fails_naming_what_is_wrong(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        Additions.build(source="bilat.load()", **kwargs)


def test_no_additions_is_none_and_good_ones_are_kept() -> None:
    assert Additions.build() is None
    assert Additions.build(triggers={}, modality_cues=[]) is None
    extra = Additions.build(triggers=SAIL, modality_cues=[PENCILLED],
                            country_names={"Blighty": "GBR"})
    assert extra is not None and extra.adds_names
    assert [r.id for r in extra.triggers["visit"]] == ["sail"]
    assert repr(extra) == "Additions(1 visit trigger(s), 1 cue(s), 1 name(s))"


# --- through the central readers, for the active set only -----------------------------------


def test_trigger_lexicon_has_the_additions_only_while_active() -> None:
    shipped = load_lexicon("visit")
    extra = Additions.build(triggers=SAIL)
    assert "sailed" not in shipped.first_forms
    with using(extra):
        assert active() is extra
        assert "sailed" in load_lexicon("visit").first_forms
        assert load_lexicon("visit") is load_lexicon("visit")  # compiled once per set
        assert load_lexicon("strike") is load_lexicon.__globals__["_shipped_lexicon"]("strike")
        assert [r.id for r in type_lexicon("visit").triggers][-1] == "sail"
    assert active() is None
    assert load_lexicon("visit") is shipped


def test_added_cue_gives_its_modality(blank: Any) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Talks with Chile were pencilled in by aides.")
    sent = next(iter(doc.sents))
    talks = 0  # "Talks"
    cue_doc = nlp("Her visit to Paris is pencilled in for May.")
    visit = next(t.i for t in cue_doc if t.text == "visit")
    extra = Additions.build(modality_cues=[{**PENCILLED, "direction": "both"}])
    assert modality_at(sent, talks, talks + 1)[0] is Modality.ASSERTED
    with using(extra):
        assert modality_at(sent, talks, talks + 1)[0] is Modality.PLANNED
        csent = next(iter(cue_doc.sents))
        assert modality_at(csent, visit, visit + 1)[0] is Modality.PLANNED
    assert modality_at(sent, talks, talks + 1)[0] is Modality.ASSERTED


# --- end to end on the trained pipeline -----------------------------------------------------


def test_added_verb_gives_an_event_the_shipped_lexicon_misses(nlp: Any) -> None:
    shipped, added = _load(nlp), _load(nlp, triggers=SAIL)
    assert _visits(shipped, SAILED) == []
    (visit,) = _visits(added, SAILED)
    assert visit["visitor_country"] == "IND"
    assert visit["visitor"]["name"] == "Narendra Modi"
    # and a sentence without the verb is left alone
    assert _visits(added, "Indian fishermen sailed home on Tuesday.") == []


def test_added_verb_passes_the_prefilter(nlp: Any) -> None:
    from bilat.prefilter import possible_types

    doc = nlp.make_doc("Fishermen from India sailed to Sri Lanka on Tuesday.")
    assert possible_types(doc) == ()
    with using(Additions.build(triggers=SAIL)):
        assert possible_types(doc) == ("visit",)
    assert possible_types(doc) == ()


def test_added_names_and_officials_resolve(nlp: Any) -> None:
    text = ("Jane Roe flew to Blighty on Monday for two days of talks with British "
            "officials.")
    plain = _load(nlp)
    extended = _load(nlp, country_names={"Blighty": "GBR"},
                     officials=[{"name": "Jane Roe", "country": "FRA",
                                 "title": "Foreign Minister", "start": "2025-01-01"}])
    assert not any(v["visitor_country"] == "FRA" for v in _visits(plain, text))
    (visit,) = _visits(extended, text)
    assert (visit["visitor_country"], visit["host_country"]) == ("FRA", "GBR")
    assert bilat.resolve_country("Blighty") is None  # the shipped resolver is untouched


def test_added_cue_changes_an_event_modality(nlp: Any) -> None:
    text = "Japan's foreign minister is pencilled in to visit Brazil in June."
    (plain,) = _visits(_load(nlp), text)
    (cued,) = _visits(_load(nlp, modality_cues=[PENCILLED]), text)
    assert (plain["modality"], cued["modality"]) == ("asserted", "planned")


def test_two_pipelines_do_not_leak(nlp: Any) -> None:
    sailing, plain = _load(nlp, triggers=SAIL), _load(nlp)
    for _ in range(2):  # interleaved, in both orders
        assert len(_visits(sailing, SAILED)) == 1
        assert _visits(plain, SAILED) == []
    assert bilat.extract(SAILED, "2026-03-12", nlp=nlp).events == ()
    results: dict[str, int] = {}

    def run(name: str, extractor: bilat.Extractor) -> None:
        results[name] = sum(len(_visits(extractor, SAILED)) for _ in range(3))

    threads = [threading.Thread(target=run, args=("sailing", sailing)),
               threading.Thread(target=run, args=("plain", plain))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {"sailing": 3, "plain": 0}


def test_additions_survive_pickling(nlp: Any) -> None:
    import pickle

    extractor = _load(nlp, triggers=SAIL)
    copy = pickle.loads(pickle.dumps(extractor.additions))
    assert copy is not None and copy.cache == {}
    with using(copy):
        assert "sailed" in load_lexicon("visit").first_forms


def test_component_config_adds_words_per_component(nlp: Any) -> None:
    path = getattr(nlp, "path", None)
    if path is None:
        pytest.skip("pipeline has no path to reload from")
    sailing = spacy.load(Path(path))
    sailing.add_pipe("bilat", config={"triggers": SAIL, "types": ["visit"]})
    plain = spacy.load(Path(path))
    plain.add_pipe("bilat", config={"types": ["visit"]})
    assert [e.type for e in sailing(SAILED)._.bilat_events] == ["visit"]
    assert plain(SAILED)._.bilat_events == ()
    assert sailing.config["components"]["bilat"]["triggers"] == SAIL
    bad = spacy.blank("en")
    bad.add_pipe("sentencizer")
    with pytest.raises(LexiconError, match=r"^\[components\.bilat\]: modality_cues\[0\]"):
        bad.add_pipe("bilat", config={"modality_cues": [{"literal": "pencilled in"}]})
