"""The pre-filter loses no event, and rules out ordinary event-free news."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from bilat.prefilter import (
    MIN_ACTORS,
    MIN_STATES,
    could_hold_events,
    possible_types,
    states_named,
)

# Event-free news paragraphs, written for this test: sports, weather, markets, culture.
EVENT_FREE = [
    # sports
    "Manchester United came from behind to beat Everton 2-1 at Old Trafford on Saturday, "
    "with the winner arriving in stoppage time after a long spell of pressure from the home side.",
    "The defending champions were knocked out in the quarter-finals after a penalty shootout, "
    "their coach saying afterwards that his players had run out of ideas in the second half.",
    "Serena Williams eased into the third round with a straight-sets win, dropping only four "
    "games in just over an hour on a sun-baked centre court.",
    "The Lakers snapped a five-game losing streak with a 112-104 win, their guard scoring 31 "
    "points and grabbing nine rebounds in front of a sell-out crowd.",
    # weather
    "Heavy rain is expected across the north-west on Thursday, forecasters said, with up to "
    "50 mm in places and a risk of localised flooding before it clears by the weekend.",
    "Temperatures will climb into the low thirties by Sunday as a ridge of high pressure builds, "
    "and the weather service urged the elderly to stay indoors during the afternoon heat.",
    "A band of snow moved in overnight, closing several mountain roads and delaying the morning "
    "commute by up to an hour in the hills above the city.",
    # markets and company earnings
    "Shares in the retailer fell 6 percent after it reported third-quarter earnings below "
    "analysts' forecasts and cut its outlook for the holiday season.",
    "The benchmark index closed 0.4 percent higher, led by technology stocks, while the yield on "
    "the ten-year note slipped to its lowest level in a month.",
    "The carmaker said quarterly profit rose 12 percent to $1.9 billion on strong demand for "
    "its electric models, and it raised its full-year dividend.",
    "Oil prices edged lower on Tuesday as traders weighed rising inventories against hopes of "
    "stronger demand, with the benchmark crude contract down 30 cents a barrel.",
    # culture
    "The novel, her fourth, follows three sisters over a single summer and has been shortlisted "
    "for the prize, the judges calling it tender, funny and quietly devastating.",
    "The museum's new wing opens to the public next month with an exhibition of early "
    "photography, including prints that have not been shown for more than a century.",
    "The band's farewell tour sold out within minutes, prompting complaints about ticket "
    "resellers and the prices charged on secondary websites.",
]

# Sentences written for this test, each holding an event of one type.
EVENTFUL = {
    "visit": "Pakistani Prime Minister Shehbaz Sharif arrived in Beijing on Monday for a "
    "four-day official visit.",
    "agreement": "India and Bangladesh signed an agreement on river water sharing on Tuesday.",
    "trade_figure": "Japan's exports to the United States rose to $12 billion last year.",
    "deportation": "Iran deported 1,200 Afghan migrants across the border last week.",
    "strike": "Israeli aircraft struck targets in southern Lebanon overnight, the army said.",
}


# Event-free paragraphs written for this test whose only trigger-like words are weak strike
# words ("hit", "strike", "attack", "raid", "fire") with a place named: no force, no state
# attacker, no passive, so the strike extractor could not use them.
WEAK_WORDS_ONLY = [
    "Thunderstorms hit parts of Turin in the afternoon, flooding underpasses and cutting "
    "power to several streets near the station.",
    "Their strike partnership has produced 31 goals this season, and the attacking "
    "midfielder behind them signed a new contract in Lyon on Friday.",
    "Bargain hunters raided the shelves in Manchester on Tuesday as the chain's closing-down "
    "sale began, queueing from six in the morning.",
    "The new album hits the shops in Melbourne next week, and fans opened fire on social "
    "media at the price of the deluxe edition.",
    "The striker hit the post twice before the break as the visitors pressed in Glasgow, "
    "and the home keeper made a string of fine saves.",
    # a capital that is no attacker: after the word, or in another sentence
    "Thunderstorms hit parts of Dublin on Thursday, flooding streets near the river.",
    "The club's strike partnership of two teenagers has scored 19 goals, and the pair "
    "will sign new contracts in Lisbon next week.",
    "Officials in Madrid welcomed the forecast. Storms then hit the coast near Valencia, "
    "cutting power to thousands of homes.",
]

# Sentences written for this test, each with a strike or deportation event that a tighter
# filter must keep: weak words with a state attacker, a force, a body, a passive, a move
# "into"; strong words alone; deportations with one state named.
MUST_PASS = {
    "strike": [
        "Israeli jets struck targets in Gaza overnight, the military said.",
        "Iran attacked two Kuwaiti tankers in the Gulf on Monday.",
        "Israel hit Hezbollah positions in southern Lebanon after rockets were fired.",
        "The Turkish army raided villages across the border in northern Iraq.",
        "The oil terminal on Kharg island was hit late on Tuesday, Iranian officials said.",
        "A Turkish push into northern Syria began at dawn.",
        "Pakistani helicopters fired on positions near the Afghan border.",
        "Russian shelling of Kharkiv killed four people on Sunday.",
        "Washington launched cruise missile strikes on Syrian airfields.",
        "Saudi-led air strikes pounded the Yemeni capital Sanaa.",
    ],
    "deportation": [
        "Norway expelled two Russian diplomats on Wednesday, accusing them of spying.",
        "Germany deported 45 Afghan men on a charter flight from Leipzig.",
        "Thailand forcibly returned dozens of Uyghurs, rights groups said.",
    ],
}


@pytest.mark.parametrize("text", EVENT_FREE)
def test_rejects_event_free_paragraphs(blank: Any, text: str) -> None:
    assert possible_types(blank.make_doc(text)) == ()
    assert not could_hold_events(blank.make_doc(text))


@pytest.mark.parametrize(("event_type", "text"), sorted(EVENTFUL.items()))
def test_keeps_eventful_sentences(blank: Any, event_type: str, text: str) -> None:
    assert event_type in possible_types(blank.make_doc(text))


@pytest.mark.parametrize("text", WEAK_WORDS_ONLY)
def test_weak_strike_words_alone_are_ruled_out(blank: Any, text: str) -> None:
    assert "strike" not in possible_types(blank.make_doc(text))


@pytest.mark.parametrize(
    ("event_type", "text"),
    [(t, text) for t, texts in sorted(MUST_PASS.items()) for text in texts],
)
def test_keeps_realistic_strikes_and_deportations(blank: Any, event_type: str, text: str) -> None:
    assert event_type in possible_types(blank.make_doc(text))


def test_weak_strike_word_counts_with_each_force_cue(blank: Any) -> None:
    base = "Storms hit the coast near Turin on Monday."
    assert "strike" not in possible_types(blank.make_doc(base))
    for variant in (
        "Warplanes hit the coast near Turin on Monday.",  # a military noun
        "The government hit the coast near Turin on Monday.",  # a body head
        "Rome hit the coast near Turin on Monday.",  # a capital
        "The coast near Turin was hit on Monday.",  # an agentless passive
    ):
        assert "strike" in possible_types(blank.make_doc(variant)), variant


def test_weak_strike_cue_must_stand_where_an_attacker_can(blank: Any) -> None:
    ruled_out = (
        "Heavy rain hit the suburbs of Vienna on Monday.",  # a capital after the word
        "Talks ended in Vienna. Heavy rain hit the suburbs on Monday.",  # another sentence
        "Heavy rain hit the suburbs, and troops were sent to help.",  # "troops" after it
    )
    for text in ruled_out:
        assert "strike" not in possible_types(blank.make_doc(text)), text
    kept = (
        "Vienna hit the suburbs of Bratislava on Monday.",  # a capital before the word
        "The raid by Russian troops hit the suburbs on Monday.",  # after "by"
        "A raid from Syrian jets hit the suburbs on Monday.",  # after "from"
        "The U.S. military said it hit the suburbs of Kandahar.",  # "U.S." cuts no sentence
        'Tehran said: "Our forces hit the base." Nothing else was said.',
    )
    for text in kept:
        assert "strike" in possible_types(blank.make_doc(text)), text


@given(st.lists(st.sampled_from(["Israel", "hit", "the", "U.S.", ".", "!", "?", '"', "\n",
                                 "rain", "Storms", "by", "jets", "'s", "said", "Gen."]),
                max_size=30))
def test_sentence_cuts_follow_a_stop_before_a_capital(words: list[str]) -> None:
    """Sentences are cut only after ".", "!" or "?" (quotes and spaces may follow) and
    before a capitalised word or an opening quote; never twice in one place."""
    from bilat.prefilter import _Columns, _sentence_starts

    doc = spacy.blank("en").make_doc(" ".join(words))
    starts = _sentence_starts(doc, _Columns(doc))
    assert starts[0] == 0 and starts == sorted(set(starts))
    for start in starts[1:]:
        k = start - 1
        while k > 0 and (doc[k].is_space or doc[k].text in {'"', "\u201d", "'", "\u2019"}):
            k -= 1
        assert doc[k].text in {".", "!", "?"}, (doc.text, start)
        assert doc[start].text[:1].isupper() or doc[start].text[:1] in {'"', "\u201c", "'"}


@pytest.mark.parametrize(("text", "first_words"), [
    ('The envoy left Kenya. "On Monday we talk," he said.', ["The", '"']),
    ('She said "no." Then she left Rome.', ["She", "Then"]),
    ('He called it "a disgrace". Talks ended.', ["He", "Talks"]),
    ("Trade fell. 'We expected it,' a trader said.", ["Trade", "'"]),
    ('Talks ended.\n"We are done," she said.', ["Talks", '"']),
])
def test_an_opening_quote_starts_the_next_sentence(text: str, first_words: list[str]) -> None:
    """A straight quote after a stop and a space opens the next sentence (the parser puts
    it there); one right after the stop closes the sentence it ends."""
    from bilat.prefilter import _Columns, _sentence_starts

    doc = spacy.blank("en").make_doc(text)
    assert [doc[i].text for i in _sentence_starts(doc, _Columns(doc))] == first_words


def test_strike_words_extract_nothing_when_ruled_out(nlp: Any) -> None:
    """The full extractor agrees: these paragraphs hold no strike."""
    import bilat
    from bilat.events import Strike

    full = bilat.Extractor(nlp, prefilter=False)
    for text in WEAK_WORDS_ONLY:
        found = full.extract(text, "2024-05-07")
        assert not [e for e in found if isinstance(e, Strike)], text


def test_state_count_distinct_and_capped(blank: Any) -> None:
    doc = blank.make_doc("Talks in Paris and Lyon ended, and French officials flew to Berlin.")
    assert states_named(doc, enough=5) == 2  # FRA (Paris, Lyon, French) and DEU
    assert states_named(doc, enough=1) == 1
    one = blank.make_doc("Police in Manchester and Liverpool said the match passed off quietly.")
    assert states_named(one, enough=5) == 1


def test_two_state_types_need_two_states(blank: Any) -> None:
    doc = blank.make_doc("The French president will visit the new factory on Friday.")
    assert MIN_STATES["visit"] == 2
    assert "visit" not in possible_types(doc)


def test_lower_cased_copy_is_kept(blank: Any) -> None:
    doc = blank.make_doc("pakistan and china signed an agreement in beijing on friday.")
    assert "agreement" in possible_types(doc)


def test_types_restrict_the_check(blank: Any) -> None:
    doc = blank.make_doc(EVENTFUL["agreement"])
    assert possible_types(doc, ["strike"]) == ()
    assert possible_types(doc, ["agreement"]) == ("agreement",)


def test_extractor_skips_ruled_out_documents(nlp: Any) -> None:
    import bilat

    on = bilat.Extractor(nlp)
    off = bilat.Extractor(nlp, prefilter=False)
    texts = [*EVENT_FREE[:4], EVENTFUL["agreement"], EVENT_FREE[5], EVENTFUL["visit"]]
    results = list(on.pipe(texts, published="2024-05-07", batch_size=3))
    assert [r.doc_index for r in results] == list(range(len(texts)))
    assert [r.text for r in results] == texts
    baseline = list(off.pipe(texts, published="2024-05-07", batch_size=3))
    assert [[e.to_dict() for e in r] for r in results] == [
        [e.to_dict() for e in r] for r in baseline
    ]
    assert on.extract(EVENT_FREE[0]).events == ()


@pytest.mark.model
@pytest.mark.parametrize("gold_set", ["dev", "train"])
def test_gold_set_identical_with_and_without_filter(
    nlp: Any, shared_dir: Path, gold_set: str
) -> None:
    """Every shared gold document (dev and train) gives exactly the same events with the
    filter as without it."""
    import bilat
    from conftest import load_gold

    files = sorted((shared_dir / "eval" / gold_set).glob("*.jsonl"))
    if not files:
        pytest.skip(f"no {gold_set} set under ../shared/eval/{gold_set}")
    docs = [doc for path in files for doc in load_gold(path)]
    filtered = bilat.Extractor(nlp)
    full = bilat.Extractor(nlp, prefilter=False)
    pairs = [(d["text"], d.get("published")) for d in docs]
    with_filter = list(filtered.pipe(pairs))
    without = list(full.pipe(pairs))
    single = [filtered.extract(text, published) for text, published in pairs]
    for doc, a, b, c in zip(docs, with_filter, without, single, strict=True):
        expected = [e.to_dict() for e in b]
        assert [e.to_dict() for e in a] == expected, doc["id"]
        assert [e.to_dict() for e in c] == expected, doc["id"]
    # the filter must not be vacuous: the set does hold events
    assert sum(len(r) for r in without) > 0


def test_places_alone_cannot_be_parties(blank: Any) -> None:
    """Two cities of different states and a deal: no agreement or trade figure is possible,
    because a mere place never becomes a party or a trading state."""
    doc = blank.make_doc(
        "The Munich side agreed a deal for the Porto winger on Friday, and exports of "
        "replica shirts from the Munich store have doubled."
    )
    named = possible_types(doc)
    assert "agreement" not in named
    assert "trade_figure" not in named


def test_capitals_and_countries_can_be_parties(blank: Any) -> None:
    for text in (
        "Berlin and Lisbon agreed a deal on energy links on Friday.",
        "Germany and Portugal agreed a deal on energy links on Friday.",
    ):
        assert "agreement" in possible_types(blank.make_doc(text)), text
    assert MIN_ACTORS["agreement"] == 2


def test_a_visit_needs_a_visitor_but_the_host_may_be_a_place(blank: Any) -> None:
    hosted = blank.make_doc("The Japanese trade minister arrived in Porto on Monday.")
    assert "visit" in possible_types(hosted)
    places_only = blank.make_doc("The orchestra arrived in Porto from Munich on Monday.")
    assert "visit" not in possible_types(places_only)


def test_an_ambiguous_name_counts_when_a_place_settles_it(blank: Any) -> None:
    """'Korea' resolves from the rest of the document, even from a mere place (Busan): it is
    then a country, so it counts as a party."""
    doc = blank.make_doc("Japan and Korea signed a fisheries agreement in Busan on Monday.")
    assert "agreement" in possible_types(doc)
    alone = blank.make_doc("Japan and Korea signed a fisheries agreement on Monday.")
    assert "agreement" not in possible_types(alone)


def test_place_only_deal_extracts_nothing(nlp: Any) -> None:
    """The full extractor agrees (and the session's pre-filter audit re-checks it)."""
    import bilat
    from bilat.events import Agreement, TradeFigure

    full = bilat.Extractor(nlp, prefilter=False)
    found = full.extract(
        "The Munich side agreed a deal for the Porto winger on Friday, and exports of "
        "replica shirts from the Munich store have doubled.",
        "2024-05-07",
    )
    assert not [e for e in found if isinstance(e, Agreement | TradeFigure)]


def test_pipe_reads_ahead_a_bounded_window(nlp: Any) -> None:
    """Ruled-out documents do not count towards a parse batch, but pipe never reads more
    than WINDOW_BATCHES batches ahead of what it has yielded."""
    import itertools

    import bilat
    from bilat.extractor import WINDOW_BATCHES

    pulled = 0

    def endless() -> Any:
        nonlocal pulled
        for text in itertools.cycle(EVENT_FREE):
            pulled += 1
            yield text

    results = bilat.Extractor(nlp).pipe(endless(), batch_size=4)
    first = next(results)
    assert first.doc_index == 0
    assert first.events == ()
    assert pulled <= 4 * WINDOW_BATCHES + 1


def test_pipe_fills_parse_batches_across_ruled_out_documents(nlp: Any) -> None:
    import bilat

    texts = [EVENT_FREE[i % len(EVENT_FREE)] for i in range(30)]
    texts[3], texts[17], texts[29] = EVENTFUL["agreement"], EVENTFUL["visit"], EVENTFUL["strike"]
    results = list(bilat.Extractor(nlp).pipe(texts, published="2024-05-07", batch_size=2))
    assert [r.doc_index for r in results] == list(range(30))
    assert [r.text for r in results] == texts
    with_events = [i for i, r in enumerate(results) if r.events]
    assert with_events == [3, 17, 29]


def test_ambiguous_leader_surnames_count_only_with_a_title(blank: Any, nlp: Any) -> None:
    """"Fischer" (a footballer as often as a foreign minister) is a leader only after a
    title, as in the actor resolver; full names always count."""
    import bilat

    bare = "Fischer arrived in Paris on Monday for talks."
    assert possible_types(blank.make_doc(bare)) == ()
    full = bilat.Extractor(nlp, prefilter=False)
    assert full.extract(bare, "2003-05-05").events == ()
    for text in ("Foreign Minister Fischer arrived in Paris on Monday for talks.",
                 "Joschka Fischer arrived in Paris on Monday for talks."):
        assert "visit" in possible_types(blank.make_doc(text)), text
        assert [(e.visitor_country, e.host_country)
                for e in full.extract(text, "2003-05-05")] == [("DEU", "FRA")]


def test_ruled_out_says_why_for_every_type_it_rules_out(blank: Any) -> None:
    """``ruled_out`` explains exactly the types ``possible_types`` leaves out (on this
    module's sentences, and on the dev articles where ``../shared`` is present)."""
    from bilat.events import EVENT_TYPES
    from bilat.prefilter import ruled_out
    from conftest import SHARED, load_gold

    texts = [*EVENT_FREE, *EVENTFUL.values(), *WEAK_WORDS_ONLY,
             *(t for texts in MUST_PASS.values() for t in texts)]
    for path in sorted((SHARED / "eval" / "dev").glob("*.jsonl")):
        texts += [record["text"] for record in load_gold(path)]
    for text in texts:
        doc = blank.make_doc(text)
        why = ruled_out(doc)
        assert set(why) == set(EVENT_TYPES) - set(possible_types(doc)), text[:80]
        assert all(isinstance(reason, str) and reason for reason in why.values())


def test_ruled_out_names_the_failed_test(blank: Any) -> None:
    from bilat.prefilter import ruled_out

    why = ruled_out(blank.make_doc(WEAK_WORDS_ONLY[0]))
    assert "weak strike words" in why["strike"]
    assert why["deportation"] == "no trigger word of the deportation lexicon"
    one_state = ruled_out(blank.make_doc("France signed an agreement with the company."))
    assert one_state["agreement"] == "it names 1 possible state(s) and an agreement needs 2"
    places = ruled_out(blank.make_doc("Porto signed a deal with a club from Munich."))
    assert "more than a mere place" in places["agreement"]
    assert ruled_out(blank.make_doc(EVENTFUL["agreement"]), ["agreement"]) == {}
    assert set(ruled_out(blank.make_doc(EVENTFUL["agreement"]), ["strike"])) == {"strike"}


def test_a_launch_verb_counts_only_where_a_weapon_is_named(blank: Any) -> None:
    """A verb of launching ("sent", "fired", "dropped") gives the strike extractor an event
    only with a weapon as what is launched, so a document naming no weapon is not parsed
    for strikes; one naming a weapon is."""
    for text in (
        "Olsen was sent off after 30 minutes, and the visitors dropped two points at home.",
        "The board fired its chief executive on Monday after the airline dropped a route.",
    ):
        assert "strike" not in possible_types(blank.make_doc(text)), text
    for text in (
        "Russian forces fired cruise missiles at Kyiv overnight, officials said.",
        "Mortar shells were fired into Lebanon from across the border on Sunday.",
    ):
        assert "strike" in possible_types(blank.make_doc(text)), text


@pytest.mark.parametrize("text", [
    "Officials signed the U.S./Japan agreement on semiconductors on Monday.",
    "Officials signed a U.S.-British agreement on Monday.",
    "The Sino-Soviet accord on border trade was signed in the spring.",
])
def test_states_written_as_one_token_count(blank: Any, nlp: Any, text: str) -> None:
    """Two states joined in one token are two parties for the agreement extractor, so the
    filter counts both: it keeps the document, and the events are those of a full parse."""
    import bilat

    assert "agreement" in possible_types(blank.make_doc(text))
    with_filter = bilat.Extractor(nlp).extract(text, "2024-01-02")
    without = bilat.Extractor(nlp, prefilter=False).extract(text, "2024-01-02")
    assert [e.to_dict() for e in with_filter.events] == [e.to_dict() for e in without.events]


def test_a_hyphenated_common_word_names_no_state(blank: Any) -> None:
    assert possible_types(blank.make_doc("A long-term cost-sharing agreement was signed.")) == ()
