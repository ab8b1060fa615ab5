"""ALL-CAPS headlines are re-cased for the parser without moving any offset."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bilat.headlines import is_caps_line, truecase_headlines


def test_names_days_and_first_word_get_capitals() -> None:
    assert truecase_headlines("JAPAN'S PRIME MINISTER VISITS CHINA NEXT WEEK") == (
        "Japan's prime minister visits China next week"
    )
    assert truecase_headlines("TALKS WITH SOUTH KOREA TO RESUME ON TUESDAY") == (
        "Talks with South Korea to resume on Tuesday"
    )


def test_acronyms_and_dotted_abbreviations_stay_in_capitals() -> None:
    assert truecase_headlines("U.S. SAYS NATO TALKS WITH USSR TO RESUME") == (
        "U.S. says NATO talks with USSR to resume"
    )
    assert truecase_headlines("W. GERMANY, CHILE SIGN TWO AID ACCORDS") == (
        "W. Germany, Chile sign two aid accords"
    )


def test_only_all_caps_lines_change() -> None:
    text = "KENYA, UGANDA AGREE ON RAIL LINK\n\nKenya and Uganda agreed on Friday to build a line."
    out = truecase_headlines(text)
    assert out.splitlines()[0] == "Kenya, Uganda agree on rail link"
    assert out.split("\n\n", 1)[1] == text.split("\n\n", 1)[1]
    plain = "Kenya and Uganda agreed on Friday. OPEC met in Vienna."
    assert truecase_headlines(plain) is plain


def test_caps_line_needs_two_words() -> None:
    assert is_caps_line("IRAN SEIZES TANKER")
    assert not is_caps_line("NATO")
    assert not is_caps_line("Iran seizes tanker")
    assert not is_caps_line("BY JANE DOE, Reuters")


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_length_and_letters_are_kept(text: str) -> None:
    out = truecase_headlines(text)
    assert len(out) == len(text)
    assert all(a.lower() == b.lower() for a, b in zip(out, text, strict=True))


@given(st.lists(st.sampled_from(["IRAN", "SEIZES", "U.S.", "TANKER", "IN", "GULF", "NATO",
                                 "SAYS", "KING", "FAHD'S", "VISIT", "1987", "-", "\u00c9TAT"]),
                min_size=1, max_size=12))
def test_headline_words_keep_their_letters(words: list[str]) -> None:
    text = " ".join(words)
    out = truecase_headlines(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower()


def test_extractor_reads_a_caps_headline_and_cites_the_original(bilat_extractor: Any) -> None:
    text = ("JAPAN'S PRIME MINISTER VISITS CHINA NEXT WEEK\n\n"
            "The talks will focus on trade and fishing rights, officials said.")
    found = bilat_extractor.extract(text, "2024-04-03")
    visits = [e for e in found if e.type == "visit"]
    assert [(v.visitor_country, v.host_country) for v in visits] == [("JPN", "CHN")]
    (evidence,) = visits[0].evidence
    assert evidence.text == text[evidence.start:evidence.end]
    assert evidence.text.isupper()  # cut from the original, not the re-cased copy
    assert visits[0].modality.value == "planned"


def test_recasing_can_be_switched_off(nlp: Any) -> None:
    import bilat

    text = "JAPAN'S PRIME MINISTER VISITS CHINA NEXT WEEK"
    assert bilat.Extractor(nlp, recase_headlines=False).extract(text, "2024-04-03").events == ()
