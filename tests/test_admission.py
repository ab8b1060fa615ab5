"""Sentence admission parses less of a document and loses nothing: same events, same offsets."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.admission import ADMISSIONS, Admitted, admit, check_admission, paragraph_spans, units
from bilat.chunking import move_value, shift_value
from bilat.values import Evidence

# A made-up wire story, written for this test. The visit in the fifth paragraph names its
# visitor by surname only: "Petrakov" refers back to the minister the lede introduces.
# Paragraphs of football, weather and a concert hold no trigger and no name, and need not
# be parsed.
ARTICLE = """SOFIA, March 3 (Wire) - Bulgarian Energy Minister Ivan Petrakov said on Tuesday
that gas prices would rise.

Work on the route has been delayed for months by rows over the cost.

The local football side lost again at the weekend and now sits bottom of the table.

The weather stayed mild all week, and forecasters expected more of the same until Sunday.

Petrakov arrived in Athens on Wednesday for talks on the pipeline.

Work is due to start next year.

A concert in the old theatre drew a large crowd, and the orchestra played two encores.

Tickets for next month's festival go on sale on Friday, the organisers said.
"""

# A story without paragraph breaks: "the two countries" are the states of the sentence
# before; sentence windows still drop the filler.
RUN_ON = (
    "Bulgaria and Greece opened talks on Tuesday on a gas pipeline. The two countries "
    "signed an agreement on the pipeline on Wednesday, officials said. The weather stayed "
    "mild all week, and forecasters expected more of the same. The football side lost "
    "again at the weekend. A concert drew a large crowd, and the orchestra played two "
    "encores. Tickets for the festival go on sale on Friday."
)


def _dicts(result: Any) -> list[dict[str, Any]]:
    return [event.to_dict() for event in result]


def _admitted(blank: Any, text: str) -> Admitted:
    """What sentence admission parses of ``text`` for the types the pre-filter leaves."""
    from bilat.prefilter import possible_types

    doc = blank.make_doc(text)
    return Admitted.of(text, admit(doc, possible_types(doc)))


def _same_events(nlp: Any, text: str, published: str) -> Any:
    """The extraction of ``text`` by sentence admission, checked to hold the events of
    whole-document parsing."""
    import bilat

    by_sentence = bilat.Extractor(nlp, admission="sentence").extract(text, published)
    by_document = bilat.Extractor(nlp, admission="document").extract(text, published)
    assert _dicts(by_sentence) == _dicts(by_document)
    return by_sentence


def test_admission_setting_is_checked() -> None:
    assert ADMISSIONS == ("sentence", "document")
    assert check_admission("document") == "document"
    with pytest.raises(ValueError, match="admission must be one of"):
        check_admission("paragraphs")
    with pytest.raises(TypeError, match="must be a str"):
        check_admission(True)


def test_extractor_refuses_an_unknown_admission(nlp: Any) -> None:
    import bilat

    with pytest.raises(ValueError, match="admission"):
        bilat.Extractor(nlp, admission="words")
    assert bilat.Extractor(nlp).admission == "sentence"


@pytest.mark.parametrize("text", [ARTICLE, RUN_ON])
def test_filler_is_not_parsed_and_the_events_are_the_same(nlp: Any, blank: Any,
                                                         text: str) -> None:
    kept = _admitted(blank, text)
    assert "Petrakov arrived" in kept.text or "two countries signed" in kept.text
    assert "orchestra" not in kept.text and "football" not in kept.text
    assert len(kept.text) < len(text)
    by_sentence = _same_events(nlp, text, "2026-03-04")
    assert by_sentence.events and all(text[ev.start:ev.end] == ev.text
                                      for e in by_sentence for ev in e.evidence)


def test_an_official_named_in_the_lede_is_the_visitor_paragraphs_later(nlp: Any) -> None:
    import bilat

    found = bilat.Extractor(nlp, admission="sentence").extract(ARTICLE, "2026-03-04")
    visits = [e for e in found if e.type == "visit"]
    assert [(e.visitor_country, e.host_country) for e in visits] == [("BGR", "GRC")]
    assert visits[0].visitor is not None and visits[0].visitor.name == "Ivan Petrakov"
    evidence = visits[0].evidence[0]
    assert evidence.start == ARTICLE.index("Petrakov arrived")
    assert ARTICLE[evidence.start:evidence.end] == evidence.text


# A made-up wire digest, written for this test: the meeting in the last paragraph names no
# place of its own, so it is held where the story is filed, the dateline of a lede that is
# not a seed (no trigger word in it).
FILED = """Dollar firms in quiet trade

WASHINGTON, March 3 (Wire) - The dollar edged higher against the yen on Tuesday as
traders waited for the jobs figures.

Bond prices were little changed in thin trading, dealers said.

The weather stayed mild all week, and forecasters expected more of the same.

Jordanian Foreign Minister Karim Haddad held talks with Secretary of State Mary Collins.
"""


def test_a_sentence_holding_the_dateline_is_parsed(nlp: Any, blank: Any) -> None:
    kept = _admitted(blank, FILED)
    assert kept.text.startswith("Dollar firms")  # the headline
    assert "WASHINGTON, March 3" in kept.text  # the dateline, though no seed
    assert "Bond prices" not in kept.text and "weather" not in kept.text
    by_sentence = _same_events(nlp, FILED, "1987-03-04")
    assert [(e.visitor_country, e.host_country) for e in by_sentence
            if e.type == "visit"] == [("JOR", "USA")]


# A made-up report, written for this test: the casualties are in the sentence after the
# strike, which states none of its own.
CASUALTIES = """Turkish jets struck Kurdish militia positions near the Syrian town of Kobani on
Monday, the defence ministry said.

At least 14 people were killed and 20 wounded, a monitoring group said.

The weather stayed cold and wet across the region all week.

Shops in the capital stayed open late for the holiday.
"""


def test_the_casualties_of_the_sentence_after_a_strike_are_read(nlp: Any, blank: Any) -> None:
    kept = _admitted(blank, CASUALTIES)
    assert "At least 14 people" in kept.text  # states a count
    assert "weather" not in kept.text and "Shops" not in kept.text
    by_sentence = _same_events(nlp, CASUALTIES, "2026-03-04")
    strikes = [e for e in by_sentence if e.type == "strike"]
    assert [(e.attacker_country, e.target_country) for e in strikes] == [("TUR", "SYR")]
    assert strikes[0].killed is not None and strikes[0].killed.min == 14


def test_a_reader_never_takes_a_later_sentence_for_the_next_one(nlp: Any) -> None:
    from bilat.actors.unparsed import Unparsed
    from bilat.context import DocumentContext

    text = "Jets struck the port. Crowds gathered in the square. Five people were killed."
    doc = nlp(text)
    first, second, third = list(doc.sents)
    whole = DocumentContext(doc, None)
    assert whole.next_sentence(first) == second and whole.next_sentence(third) is None
    # the same text where left-out text stood before the last sentence
    cut = DocumentContext(doc, None, unparsed=Unparsed(gaps=(third.start_char,)))
    assert cut.next_sentence(first) == second
    assert cut.next_sentence(second) is None
    assert cut.left_out_between(first.start_char, third.start_char + 1)
    assert not cut.left_out_between(first.start_char, second.end_char)


# A made-up report, written for this test: "the jets" of the last paragraph are five
# sentences after the strike that names them, too far to refer back to it; the four
# between are filler that is not parsed, the two before "the jets" only as its reach.
FAR_BACK = """Israeli jets struck targets in Gaza on Monday, the army said.

The football season opened with a draw at the weekend.

Tickets for the concert sold out within an hour.

Shops in the old city stayed open late for the holiday.

Traffic was heavy on the coast road all afternoon.

The jets also bombed a bridge in Lebanon, witnesses said.
"""


def test_a_strike_across_unparsed_text_is_not_the_one_just_reported(nlp: Any) -> None:

    by_sentence = _same_events(nlp, FAR_BACK, "2026-03-04")
    assert [(e.attacker_country, e.target_country) for e in by_sentence
            if e.type == "strike"] == [("ISR", "PSE")]


def test_the_two_countries_are_those_of_the_sentence_before(nlp: Any) -> None:
    import bilat

    found = bilat.Extractor(nlp, admission="sentence").extract(RUN_ON, "2026-03-04")
    assert [sorted(e.parties) for e in found if e.type == "agreement"] == [["BGR", "GRC"]]


def test_pipe_and_long_texts_agree_with_whole_documents(nlp: Any) -> None:
    """Batches, chunked long texts and worker processes give the same events too."""
    import bilat

    texts = [ARTICLE, RUN_ON, "Heavy rain hit Turin on Monday.", ARTICLE.upper()]
    on = bilat.Extractor(nlp, admission="sentence")
    off = bilat.Extractor(nlp, admission="document")
    expected = [_dicts(r) for r in off.pipe(texts, published="2026-03-04", batch_size=2)]
    assert [_dicts(r) for r in on.pipe(texts, published="2026-03-04", batch_size=2)] == expected
    assert [_dicts(on.extract(t, "2026-03-04")) for t in texts] == expected
    long_text = "\n\n".join([ARTICLE] * 3)
    on.chunk_chars = off.chunk_chars = len(ARTICLE) + 10
    assert _dicts(on.extract(long_text, "2026-03-04")) == _dicts(
        off.extract(long_text, "2026-03-04"))


def test_nothing_admitted_when_no_sentence_can_hold_an_event(blank: Any) -> None:
    text = ("Talks with the club's sponsor continue.\n\nThe coach said the players were "
            "tired.\n\nRain is expected in the north on Sunday.")
    assert admit(blank.make_doc(text), ("visit",)) == []


# -- offsets -------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.sampled_from(list("ab .\n  XY")), min_size=1, max_size=80)


@st.composite
def _source_and_ranges(draw: Any) -> tuple[str, list[tuple[int, int]]]:
    source = draw(_TEXT)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(source)), max_size=8))) |
                  {0, len(source)})
    pieces = list(itertools.pairwise(cuts))
    chosen = [p for p in pieces if draw(st.booleans())]
    return source, chosen


@given(_source_and_ranges(), st.data())
def test_every_admitted_span_maps_to_the_same_source_text(
    case: tuple[str, list[tuple[int, int]]], data: Any
) -> None:
    source, ranges = case
    kept = Admitted.of(source, ranges)
    assert kept.text == "".join(source[a:b] for a, b in kept.ranges)
    assert len(kept.text) == sum(b - a for a, b in ranges)
    if not kept.text:
        return
    # any span inside one kept range of the admitted text is the same text in the source
    k = data.draw(st.integers(0, len(kept.ranges) - 1))
    start_of = sum(b - a for a, b in kept.ranges[:k])
    length = kept.ranges[k][1] - kept.ranges[k][0]
    lo = data.draw(st.integers(0, length))
    hi = data.draw(st.integers(lo, length))
    start, end = kept.span(start_of + lo, start_of + hi)
    assert source[start:end] == kept.text[start_of + lo:start_of + hi]
    if lo < hi:  # (an empty span where two ranges meet may map to either side)
        assert kept.ranges[k][0] <= start < end <= kept.ranges[k][1]
    moved = kept.restore(Evidence(start=start_of + lo, end=start_of + hi,
                                  text=kept.text[start_of + lo:start_of + hi]), source)
    assert (moved.start, moved.end, moved.text) == (start, end, source[start:end])


@given(st.integers(-50, 50), st.integers(0, 40), st.integers(0, 40))
def test_shift_is_a_move_by_a_constant(delta: int, start: int, length: int) -> None:
    evidence = Evidence(start=start + 60, end=start + 60 + length, text="x" * length)
    assert shift_value(evidence, delta) == move_value(
        evidence, lambda a, b: (a + delta, b + delta))


@given(st.text(alphabet=st.sampled_from(list("ab.\n \tC")), max_size=120))
def test_paragraphs_and_sentences_cover_the_text(text: str) -> None:
    import spacy

    from bilat.prefilter import _Columns

    spans = paragraph_spans(text)
    if text:
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    doc = spacy.blank("en").make_doc(text)
    found = units(doc, _Columns(doc))
    if found:
        assert found[0].start == 0 and found[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(found))


# -- the audit on the shared gold documents ---------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("gold_set", ["dev", "train"])
def test_gold_set_identical_by_sentence_and_by_document(
    nlp: Any, shared_dir: Path, gold_set: str
) -> None:
    """Every shared gold document (dev and train) gives exactly the same events when only
    its admitted sentences are parsed as when the whole document is."""
    import bilat
    from bilat.values import parse_published
    from conftest import load_gold

    files = sorted((shared_dir / "eval" / gold_set).glob("*.jsonl"))
    if not files:
        pytest.skip(f"no {gold_set} set under ../shared/eval/{gold_set}")
    docs = [doc for path in files for doc in load_gold(path)]
    pairs = [(d["text"], d.get("published")) for d in docs]
    by_sentence = bilat.Extractor(nlp, admission="sentence")
    by_document = bilat.Extractor(nlp, admission="document")
    for doc, a, b in zip(docs, by_sentence.pipe(pairs), by_document.pipe(pairs), strict=True):
        assert _dicts(a) == _dicts(b), doc["id"]
    # not vacuous: many documents are parsed only in part, and a good share of the words
    # of those parsed at all is left out (about a quarter on these sets today)
    cut = kept_chars = parsed_chars = 0
    for text, day in pairs:
        clean = by_sentence._prepare(text)
        screened = by_sentence._tokens(clean, parse_published(day))
        if screened is None:
            continue
        parsed_chars += len(clean)
        if isinstance(screened[0], Admitted):
            cut += 1
            kept_chars += len(screened[0].text)
        else:
            kept_chars += len(clean)
    assert cut > len(pairs) // 4
    assert kept_chars < 0.9 * parsed_chars


@pytest.mark.parametrize("joined", ["U.S.-British", "Franco-German", "Japan/Korea"])
def test_states_written_as_one_token_keep_their_sentence(blank: Any, joined: str) -> None:
    """A sentence naming its states only in one token ("U.S.-British") may hold an actor
    mention: it is parsed with the rest, far from the paragraphs that name the states."""
    filler = " ".join(f"The orchestra played its {n} concert of the season on Sunday."
                      for n in ("first", "second", "third", "fourth", "fifth", "sixth"))
    text = (f"Ministers met on Monday to review the budget.\n\n{filler}\n\n"
            f"The rule would carry out a {joined} agreement announced in January.\n\n{filler}")
    from bilat.prefilter import possible_types

    doc = blank.make_doc(text)
    kept = Admitted.of(text, admit(doc, possible_types(doc) or ("agreement",)))
    assert f"{joined} agreement" in kept.text


def test_a_hyphenated_word_of_no_state_does_not_keep_its_sentence(blank: Any) -> None:
    filler = " ".join(f"The orchestra played its {n} concert of the season on Sunday."
                      for n in ("first", "second", "third", "fourth", "fifth", "sixth"))
    text = (f"Ministers met on Monday to review the budget.\n\n{filler}\n\n"
            f"A long-term cost-sharing agreement takes effect in January.\n\n{filler}")
    doc = blank.make_doc(text)
    kept = Admitted.of(text, admit(doc, ("agreement",)))
    assert "cost-sharing agreement" not in kept.text


# -- an official placed in a city: the visit extractor reads the "in" on the name --------


@pytest.mark.parametrize(("sentence", "seeds"), [
    ("Diplomats with Shultz in Peking expect a deal within weeks.", {"visit"}),
    ("Yeutter, in Wellington this week, expects a deal on beef quotas.", {"visit"}),
    ("Aides to President Ortega in Havana played down the rift.", {"visit"}),
    # no name ends right before the "in": nobody is placed in the city
    ("Food prices in Peking rose by a tenth last month.", set()),
    ("The number of private cars in Tokyo has doubled since 1990.", set()),
    ("Rents for offices in central Havana fell for a third year.", set()),
])
def test_only_a_name_placed_in_a_city_is_a_visit_seed(blank: Any, sentence: str,
                                                      seeds: set[str]) -> None:
    from bilat.admission import seed_types
    from bilat.prefilter import _Columns

    doc = blank.make_doc(sentence)
    assert seed_types(doc, _Columns(doc), ("visit",)) == seeds


# -- a trade figure is an amount of money: the extractor reads no other value ----------


@pytest.mark.parametrize(("sentence", "seeds"), [
    ("Chile's exports to China rose to 3.1 billion dollars in 2025.", {"trade_figure"}),
    ("Exports to Japan were worth 450 mln stg last year.", {"trade_figure"}),
    ("Norway pledged 40 million crowns in aid to Malawi.", {"trade_figure"}),
    ("Ghana's imports from Italy totalled $2.3bn in the first half.", {"trade_figure"}),
    # numbers that are no money: a year, a share, a quantity, a count
    ("Exports to Japan have grown every year since 2019.", set()),
    ("Imports from Mexico rose 4.5 percent in the first quarter.", set()),
    ("Argentina's wheat exports to Brazil reached 3.2 million tonnes.", set()),
    ("The two countries signed 12 trade accords during the visit.", set()),
])
def test_a_trade_figure_seed_needs_an_amount_of_money(blank: Any, sentence: str,
                                                     seeds: set[str]) -> None:
    from bilat.admission import _Scan, seed_types, units
    from bilat.prefilter import _Columns

    doc = blank.make_doc(sentence)
    cols = _Columns(doc)
    found = units(doc, cols, sentence)
    parts = [cols.window(u.first, u.last) for u in found]
    scan = _Scan(doc, cols, found, parts, sentence)
    assert len(found) == 1
    assert seed_types(doc, parts[0], ("trade_figure",), money=lambda: scan.money(0)) == seeds


# -- an agreement whose parties are those of the sentence before ---------------------


@pytest.mark.parametrize(("sentence", "seeds"), [
    ("The pact was signed at State House.", {"agreement"}),  # passive: parties before
    ("A defence accord was also signed on Monday.", {"agreement"}),
    ("Both signed a border agreement.", {"agreement"}),  # an anaphor
    # no actor, no passive and no word referring back: no agreement can be read
    ("The border agreement awaits ratification.", set()),
    ("Signing ceremonies usually follow within weeks.", set()),
])
def test_an_agreement_taking_its_parties_from_before_seeds_without_a_name(
        blank: Any, sentence: str, seeds: set[str]) -> None:
    from bilat.admission import seed_types
    from bilat.prefilter import _Columns

    doc = blank.make_doc(sentence)
    assert seed_types(doc, _Columns(doc), ("agreement",), actor=lambda: False,
                      names=lambda: False, person=lambda: False) == seeds


def test_a_passive_agreement_after_the_head_keeps_its_parties(nlp: Any) -> None:

    text = ("Markets steady\n\nShares ended little changed on Monday in thin trade.\n\n"
            "Kenya's president met his Ugandan counterpart in Nairobi on Sunday.\n\n"
            "The pact was signed at State House.\n")
    by_sentence = _same_events(nlp, text, "2024-03-11")
    assert [sorted(e.parties) for e in by_sentence if e.type == "agreement"] == [["KEN", "UGA"]]


# -- a verb that deports only with a particle: "sent 40 men back" ---------------------


@pytest.mark.parametrize(("sentence", "seeds"), [
    ("Border guards sent 40 Afghan men back to Kabul on Friday.", {"deportation"}),
    ("The authorities put the families on a flight home within hours.", {"deportation"}),
    ("Officers flew the detainees home on a chartered plane.", {"deportation"}),
    ("Greece expelled two Turkish diplomats.", {"deportation"}),  # no particle needed
    # the same verbs with no "back" or "home" move things, not deportees
    ("The minister put the plan to parliament on Tuesday.", set()),
    ("Officials sent the trade figures to Brussels last week.", set()),
    ("The airline flew 2 million passengers to Madrid last year.", set()),
])
def test_a_verb_that_needs_a_particle_seeds_only_with_it(blank: Any, sentence: str,
                                                         seeds: set[str]) -> None:
    from bilat.admission import seed_types
    from bilat.prefilter import _Columns

    doc = blank.make_doc(sentence)
    assert seed_types(doc, _Columns(doc), ("deportation",)) == seeds


@pytest.mark.parametrize(("event_type", "seed", "reads_ahead"), [
    ("visit", "Petrakov arrived in Athens on Wednesday for two days of talks.", False),
    ("trade_figure", "Exports to Greece rose to 4 billion euros last year.", False),
    ("strike", "Israeli jets struck targets near Damascus on Monday.", True),
])
def test_the_sentence_after_a_seed_is_parsed_only_if_its_extractor_reads_it(
        blank: Any, event_type: str, seed: str, reads_ahead: bool) -> None:
    """Visit and trade extractors read nothing past their sentence (the strike extractor
    reads the next one for casualties): what follows a seed of theirs stays unparsed."""
    text = ("Ministers met on Monday to review the budget.\n\n"
            "The weather stayed mild all week.\n\n"
            f"{seed} The orchestra played two encores.")
    doc = blank.make_doc(text)
    kept = Admitted.of(text, admit(doc, (event_type,)))
    assert seed in kept.text
    assert ("orchestra" in kept.text) is reads_ahead


# -- what the left-out sentences name ------------------------------------------------

# Made-up stories, written for these tests. In each, the sentence that says who the
# visitor is holds no event word, so it is not parsed; the visit sentence needs it.
INTRODUCED_EARLIER = """WARSAW, May 5 (Wire) - Poland expects its largest grain harvest in a \
decade, Polish farm groups said on Monday.

Prices fell for a third week in a row.

Deputy Prime Minister Marek Zielinski has overseen farm policy since last year.

Storage space is short in the east of the country.

The local football side lost again at the weekend.

Zielinski arrives in Kyiv on Thursday for talks on grain transit.
"""

# No dateline; the story's state is named only in left-out sentences, and the minister
# is that state's ("Finance Minister Ana Ruiz", no nationality word).
STATE_OF_THE_STORY = """The copper price rose again on Tuesday, traders said.

Output at the big mines was steady in May.

Peru is the world's second-largest producer of the metal.

Peruvian mining towns in the Andes depend on it.

The local football side lost again at the weekend.

Finance Minister Ana Ruiz arrives in Tokyo on Monday for talks with bankers.
"""


@pytest.mark.parametrize(("text", "left_out", "visit"), [
    (INTRODUCED_EARLIER, "Deputy Prime Minister Marek Zielinski", ("POL", "UKR")),
    (STATE_OF_THE_STORY, "Peru is", ("PER", "JPN")),
])
def test_what_a_left_out_sentence_names_still_counts(nlp: Any, text: str, left_out: str,
                                                     visit: tuple[str, str]) -> None:
    import bilat
    from bilat import engine

    on = bilat.Extractor(nlp, admission="sentence")
    kept, _ = on._tokens(text, None) or (None, None)
    assert isinstance(kept, Admitted) and kept.unparsed is not None
    assert left_out not in kept.text and "arrives in" in kept.text
    by_sentence = on.extract(text, "2026-05-05")
    by_document = bilat.Extractor(nlp, admission="document").extract(text, "2026-05-05")
    assert _dicts(by_sentence) == _dicts(by_document)
    assert [(e.visitor_country, e.host_country) for e in by_sentence] == [visit]
    # without what the left-out text names, the parsed sentences alone hold no visit
    assert engine.extract_events(nlp(kept.text), None) == ()


def test_left_out_mentions_and_people(blank: Any) -> None:
    from bilat.actors.unparsed import find_unparsed

    text = INTRODUCED_EARLIER
    doc = blank.make_doc(text)
    start = text.index("Deputy")
    end = text.index("The local")
    found = find_unparsed(doc, [(start, end, 120)], None, context=text.index("Prices"))
    assert [(m.text, m.country, m.kind) for m in found.mentions] == [
        ("Marek Zielinski", "POL", "person")]
    assert all(text[m.source_start:m.source_start + len(m.text)] == m.text and m.at == 120
               for m in found.mentions)
    assert [(p.full, p.country, "zielinski" in p.keys) for p in found.people] == [
        ("Marek Zielinski", "POL", True)]
    # the head is read for the story's state but its own names are not returned
    assert find_unparsed(doc, [], None, context=start).mentions == ()


def test_left_out_mentions_count_in_the_document_wide_readers(blank: Any) -> None:
    from bilat.actors import ActorMention, DocumentActors
    from bilat.actors.unparsed import Unparsed, UnparsedMention

    doc = blank.make_doc("The minister spoke. Talks in Lima went on.")
    outside = tuple(UnparsedMention(at=at, source_start=0, text=word, country="CHL",
                                    kind="country") for at, word in [(0, "Chile"), (20, "Chile")])
    alone = DocumentActors(doc)
    actors = DocumentActors(doc, unparsed=Unparsed(mentions=outside))
    assert alone.home_state() is None and actors.home_state() == "CHL"
    assert [m.country for m in actors.named] == ["CHL", "CHL", "PER"]
    assert actors.mentions == alone.mentions  # the parsed text's own mentions are as before
    first = actors.first_named("CHL")
    assert isinstance(first, ActorMention) and first.start == first.end == 0
    assert (first.text, first.kind) == ("Chile", "country")
    assert actors.first_named("PER") == alone.mentions[0]
    assert actors.first_named("ARG") is None


@given(_source_and_ranges())
def test_the_gaps_and_the_kept_ranges_cover_the_source(
        case: tuple[str, list[tuple[int, int]]]) -> None:
    source, ranges = case
    kept = Admitted.of(source, ranges)
    if not kept.ranges:
        assert kept.gaps == ()
        return
    pieces = sorted([*kept.ranges, *((a, b) for a, b, _ in kept.gaps)])
    assert pieces[0][0] == 0 and pieces[-1][1] == len(source)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(pieces))
    for start, _, at in kept.gaps:  # ``at``: how much kept text comes before the gap
        assert at == sum(b - a for a, b in kept.ranges if b <= start)


def test_a_person_named_in_the_sentence_left_out_just_before_counts_for_he(nlp: Any) -> None:
    """A left-out mention stands before the parsed token its text stood before: one placed
    at "He" itself is earlier than "He" and makes its person the more salient one."""
    from bilat.actors.unparsed import Unparsed, UnparsedMention
    from bilat.context import DocumentContext
    from bilat.syntax.mentions import antecedent

    text = ("Italian Foreign Minister Marco Rossi met French Foreign Minister Paul Girard on "
            "Monday.\n\nHe said the talks went well.")
    doc = nlp(text)
    he = next(t for t in doc if t.text == "He")
    rossi = UnparsedMention(at=he.idx, source_start=0, text="Rossi", country="ITA",
                            kind="person", person="Marco Rossi")
    alone = antecedent(DocumentContext(doc, None), he)
    named_before = antecedent(DocumentContext(doc, None, unparsed=Unparsed(mentions=(rossi,))), he)
    assert alone is not None and alone.text == "Paul Girard"  # a tie: the nearest
    assert named_before is not None and named_before.text == "Marco Rossi"


# -- reach only where the extractor reads beyond its sentence -------------------------

_FILLER = "The orchestra played two encores at the old theatre."


@pytest.mark.parametrize(("event_type", "seed", "reads_back"), [
    # "their home countries": where the deportees come from is said nearby
    ("deportation", "Britain deported the men to their home countries on Friday.", True),
    ("deportation", "Britain deported 40 Albanian men to Tirana on Friday.", False),
    # "the talks": where the meeting told of just before is held
    ("visit", "The talks in Rome ended with a joint statement from both ministers.", True),
    ("visit", "Ruiz flew to Madrid on Monday for a meeting with bankers.", False),
    ("visit", "Ruiz arrived in Madrid on Monday for talks on the budget.", False),  # not theirs
    ("visit", "Tomorrow's Group of Seven meeting will be chaired by Italy.", True),
    # "the two sides": the states a numbered group stands for
    ("visit", "The two sides held talks on grain transit in Warsaw on Monday.", True),
    # "they agreed": the parties named before; a passive deal names no agent
    ("agreement", "They signed a fisheries accord on Tuesday.", True),
    ("agreement", "A fisheries accord was signed by officials on Tuesday.", True),
    ("agreement", "Chile signed a fisheries accord with Peru on Tuesday.", False),
    # "its surplus": the owner is the subject of the sentence before
    ("trade_figure", "Its surplus with Japan rose to 4 billion dollars last year.", True),
    ("trade_figure", "Chile's exports to Peru rose to 4 billion dollars last year.", False),
    ("trade_figure", "Exports rose to 4 billion dollars last year.", True),  # no state
])
def test_sentences_before_a_seed_are_parsed_only_when_its_extractor_reads_them(
        blank: Any, event_type: str, seed: str, reads_back: bool) -> None:
    text = f"Ministers met on Monday to review the budget.\n\nThe weather was mild.\n\n" \
           f"{_FILLER} {seed}"
    doc = blank.make_doc(text)
    kept = Admitted.of(text, admit(doc, (event_type,)))
    assert seed in kept.text
    assert ("orchestra" in kept.text) is reads_back


def test_the_reach_rules_read_the_lexicons_they_name(blank: Any) -> None:
    """'@key' reads the type's lexicon word list, '@trigger:label' its trigger words, and
    an unknown label is a clear error."""
    from bilat.admission import _reach_words
    from bilat.event_types.deportation.words import deportation_words

    words, numerals = _reach_words("deportation", "@homeland_nouns")
    assert words == deportation_words().homeland_nouns and not numerals
    meet, _ = _reach_words("visit", "@trigger:meet")
    assert {"talks", "meeting", "summit"} <= meet and "flew" not in meet
    assert _reach_words("visit", "@number")[1]
    with pytest.raises(ValueError, match="no trigger entries labelled 'nonesuch'"):
        _reach_words("visit", "@trigger:nonesuch")


def test_a_reach_window_needs_two_word_lists() -> None:
    from bilat.admission import _reach_rule
    from bilat.lexicons.files import Reach

    rule = _reach_rule("visit", Reach(before=2, window=3, all_of=(("talks",), ("the",))))
    assert rule.window == 3 and len(rule.groups) == 2
    with pytest.raises(ValueError, match="needs at least two all_of lists"):
        _reach_rule("visit", Reach(before=2, window=3, all_of=(("talks",),)))


# -- a visit word that takes its host from its own sentence needs a name there -----------


@pytest.mark.parametrize(("sentence", "seeds"), [
    ("Minister Ruiz flew to Madrid on Monday.", {"visit"}),
    ("The foreign minister arrived in Nairobi late on Sunday.", {"visit"}),
    ("The minister said in Davos that growth would slow.", {"visit"}),
    # the host can only be a name of this sentence, and there is none
    ("The minister said he would go ahead with the budget.", set()),
    ("The prime minister left early on Friday, aides said.", set()),
    ("The minister arrived late and said in reply that rates would rise.", set()),
    # a meeting may be placed by the dateline or a sentence before: no name needed
    ("The minister held talks with bankers on Monday.", {"visit"}),
])
def test_a_travel_word_seeds_only_with_a_name_in_its_sentence(blank: Any, sentence: str,
                                                              seeds: set[str]) -> None:
    from bilat.admission import _Scan, seed_types, units
    from bilat.prefilter import _Columns

    doc = blank.make_doc(sentence)
    cols = _Columns(doc)
    found = units(doc, cols)
    parts = [cols.window(u.first, u.last) for u in found]
    scan = _Scan(doc, cols, found, parts)
    assert seed_types(doc, parts[0], ("visit",), lambda: scan.actor(0),
                      lambda: scan.names(0), lambda: scan.person(0)) == seeds


def test_a_meeting_word_a_pipeline_adds_keeps_its_reach(blank: Any) -> None:
    """'@trigger:meet' reads the lexicon in force: a meeting noun an extractor adds keeps
    the sentences before "the conclave" for that extractor, and only for it."""
    from bilat.lexicons import Additions, using

    seed = "The conclave in Rome ended with a joint statement on Monday."
    conclave = Additions.build(triggers={"visit": [
        {"id": "conclave", "label": "meet", "pos": ["NOUN"], "forms": ["conclave"]}]})
    seed_only = f"Prices rose.\n\nThe weather was mild.\n\n{_FILLER}\n\nRain fell.\n\n{seed}"
    doc = blank.make_doc(seed_only)
    assert admit(doc, ("visit",)) == []  # no trigger without the addition
    with using(conclave):
        kept = Admitted.of(seed_only, admit(doc, ("visit",)))
    assert seed in kept.text and "orchestra" in kept.text
