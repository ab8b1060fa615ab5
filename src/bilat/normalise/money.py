"""Money amounts in news text: "$60 billion", "51.48 billion dlrs", "400 mln stg", "€3bn".

The grammar (prefix symbol or code, number, scale word, range, currency word with its
modifier) is code here; the currency vocabulary is data in ``bilat/data/currencies.json``.
Amounts are exact :class:`~decimal.Decimal` values in units of the currency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any

import attrs
import regex

from bilat.lexicons.files import FigureWordsFile, read_checked, typed
from bilat.normalise.numbers import (
    NUMBER,
    SCALE,
    clean_decimal,
    scaled_value,
)
from bilat.values import Money

__all__ = ["find_money", "parse_money", "render_money"]

_MAX_TEXT = 1_000_000  # characters scanned; longer input is cut (documents are far shorter)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_checked("currencies.json")
    return data


def _alt(words: Iterable[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s{1,3}").replace(" ", r"\s{1,3}")
        for w in sorted(words, key=len, reverse=True)
    )


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


@attrs.frozen
class _Lexicon:
    pattern: Any
    prefixes: dict[str, str]
    prefix_hints: dict[str, dict[str, str]]
    codes: frozenset[str]
    code_aliases: dict[str, str]
    word_family: dict[str, str]
    families: dict[str, dict[str, Any]]


@cache
def _lexicon() -> _Lexicon:
    d = _data()
    prefixes = {_norm(k): v for k, v in d["prefixes"].items()}
    codes = frozenset(d["codes"])
    families: dict[str, dict[str, Any]] = d["families"]
    word_family: dict[str, str] = {}
    modifiers: set[str] = set()
    for name, fam in families.items():
        for w in fam["words"]:
            word_family[_norm(w)] = name
        modifiers.update(fam["modifiers"])
    # Symbols are case-sensitive ("Rs", "DM", "RMB"); codes too; words and modifiers are not.
    pre = _alt([*d["prefixes"], *codes])
    code_alt = _alt(codes)
    amount = r"(?P<{n}num>{num})(?P<{n}scale>{scale})?"
    first = amount.format(n="a", num=NUMBER, scale=SCALE)
    second = amount.format(n="b", num=NUMBER, scale=SCALE)
    pattern = rf"""
        (?P<between>(?i:\bbetween)\s{{1,3}})?
        (?:(?P<pre>(?<![\w$£€¥])(?:{pre}))(?:\s{{0,2}}|\.\s{{0,2}}))?
        {first}
        (?:
            (?P<sep>\s{{0,3}}[-–—]\s{{0,3}}|\s{{1,3}}(?i:to)\s{{1,3}}|(?(between)\s{{1,3}}(?i:and)\s{{1,3}}|(?!)))
            (?:(?P<pre2>{pre})\s{{0,2}})?
            {second}
        )?
        (?:
            [\s-]{{1,3}}(?:(?i:of)\s{{1,3}})?
            (?:
                (?P<code>\b(?:{code_alt})\b)
              | (?i:(?:(?P<mod>\b(?:{_alt(modifiers)}))[\s-]{{1,3}})?
                    (?P<word>\b(?:{_alt(word_family)})))(?!\w)
            )
        )?
    """
    return _Lexicon(
        pattern=regex.compile(pattern, regex.VERBOSE | regex.V0),
        prefixes=prefixes,
        prefix_hints={_norm(k): v for k, v in d["prefix_hints"].items()},
        codes=codes,
        code_aliases=d["code_aliases"],
        word_family=word_family,
        families=families,
    )


# Words that may follow a currency-less amount ("exports rose to 5.2 billion in 1986") and
# still leave it money-like; any other word ("5 mln shares", "two million people") does not.
_BARE_FOLLOWERS = frozenset(
    [
        "in",
        "on",
        "at",
        "from",
        "to",
        "for",
        "last",
        "this",
        "next",
        "a",
        "an",
        "the",
        "and",
        "or",
        "by",
        "during",
        "compared",
        "against",
        "versus",
        "vs",
        "while",
        "with",
        "after",
        "before",
        "since",
        "according",
        "but",
        "as",
        "year",
        "years",
    ]
)
# Money verbs and "worth" after a currency-less amount ("bought 170 mln worth of goods", "the
# 3.5 billion exported to the U.S."): the amount is the thing traded, so still money-like
# (the caller supplies the currency from an earlier figure).
_MONEY_FOLLOWERS = frozenset(
    [
        "worth",
        "exported",
        "imported",
        "sold",
        "bought",
        "spent",
        "invested",
        "lent",
        "loaned",
        "pledged",
        "promised",
        "paid",
        "earned",
        "shipped",
        "borrowed",
        "allocated",
        "earmarked",
        "granted",
        "provided",
        "donated",
        "received",
        "owed",
        "committed",
        "disbursed",
    ]
)
_WON_VERB_FOLLOWERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "by",
        "in",
        "over",
        "against",
        "on",
        "at",
        "re-election",
        "reelection",
        "approval",
        "support",
        "seats",
        "seat",
        "votes",
        "vote",
        "praise",
        "backing",
        "power",
        "office",
    ]
)
_YEAR = regex.compile(r"(?:1[6-9]|20|21)\d\d")


def _word_currency(
    lex: _Lexicon,
    word: str,
    mod: str | None,
    country_hint: str | None,
    published: dt.date | None,
) -> str | None:
    fam_name = lex.word_family.get(_norm(word))
    if fam_name is None:
        return None
    fam = lex.families[fam_name]
    fixed = {_norm(k): v for k, v in fam.get("fixed_words", {}).items()}
    if _norm(word) in fixed:
        return str(fixed[_norm(word)])
    if mod:
        mods = {_norm(k): v for k, v in fam["modifiers"].items()}
        if _norm(mod) in mods:
            return str(mods[_norm(mod)])
    if country_hint and country_hint.upper() in fam["hints"]:
        return str(fam["hints"][country_hint.upper()])
    if fam_name == "rouble" and published is not None and published.year < 1992:
        return "SUR"
    default = fam["default"]
    return None if default is None else str(default)


def _prefix_currency(lex: _Lexicon, pre: str, country_hint: str | None) -> str:
    key = _norm(pre)
    hints = lex.prefix_hints.get(key, {})
    if country_hint and country_hint.upper() in hints:
        return hints[country_hint.upper()]
    return lex.prefixes.get(key) or lex.code_aliases.get(pre, pre)


def _next_word(text: str, pos: int) -> str:
    m = regex.match(r"\s{0,3}([A-Za-z][\w-]{0,30})", text[pos : pos + 40])
    return m.group(1).lower() if m else ""


@cache
def _change_words() -> frozenset[str]:
    return frozenset(w.lower() for w in typed("figures.json", FigureWordsFile).change_forms)


def _after_change_word(text: str, start: int) -> bool:
    """The amount at ``start`` follows a change word ("rose", "up", "increased by")."""
    m = regex.search(r"(?i)\b([a-z]+)(?:\s{1,3}by)?\s{1,3}$", text[max(0, start - 24) : start])
    return m is not None and m.group(1).lower() in _change_words()


def _glued_or_year(text: str, m: Any) -> bool:
    """The match's first number is no amount: glued to a word before it ("FY19", "G7"), or
    a bare year ("1986") that a second, scaled number follows ("1986 to 11 billion")."""
    a_start = m.start("anum")
    if a_start > 0 and text[a_start - 1].isalpha():
        return True
    return bool(
        m.group("bnum")
        and not m.group("ascale")
        and m.group("bscale")
        and _YEAR.fullmatch(m.group("anum") or "")
    )


def _from_match(
    m: Any,
    text: str,
    lex: _Lexicon,
    country_hint: str | None,
    published: dt.date | None,
) -> list[Money]:
    """Zero, one or two Money values read from one pattern match."""
    pre, pre2 = m.group("pre"), m.group("pre2")
    code, word, mod = m.group("code"), m.group("word"), m.group("mod")
    a_num, a_scale = m.group("anum"), m.group("ascale")
    b_num, b_scale = m.group("bnum"), m.group("bscale")
    end = m.end()
    currency: str | None = None
    if pre:
        currency = _prefix_currency(lex, pre, country_hint)
    elif pre2 and b_num:
        currency = _prefix_currency(lex, pre2, country_hint)
    if code:
        currency = currency or lex.code_aliases.get(code, code)
    elif word:
        fam = lex.word_family.get(_norm(word))
        after = _next_word(text, end)
        reject = (fam == "pound" and after == "of") or (
            fam == "won"
            and (
                after in _WON_VERB_FOLLOWERS
                or (
                    not (a_scale or b_scale) and _YEAR.fullmatch((b_num or a_num) or "") is not None
                )
            )
        )
        if reject:
            end = (
                m.end("bscale")
                if b_scale
                else m.end("bnum")
                if b_num
                else (m.end("ascale") if a_scale else m.end("anum"))
            )
        elif not currency:
            currency = _word_currency(lex, word, mod, country_hint, published)
            if currency is None:
                currency = None
    has_currency_text = bool(pre or pre2 or code or (word and end == m.end()))
    if not has_currency_text:
        # a bare amount is money only with a scale word and nothing noun-like after it
        if not (a_scale or b_scale):
            return []
        nxt = _next_word(text, end)
        if nxt and nxt not in _BARE_FOLLOWERS and nxt not in _MONEY_FOLLOWERS:
            return []
        if not b_num and _YEAR.fullmatch(a_num or ""):
            return []
    if not pre and _glued_or_year(text, m):
        # "in 1986 to 11 billion marks", "from FY19 to $6bn": the first number is a year or
        # part of a word, not the low end of a range; only the second amount is money
        if not b_num or (not has_currency_text and not b_scale):
            return []
        second = m.start("pre2") if pre2 else m.start("bnum")
        high = scaled_value(b_num, b_scale)
        if high is None:
            return []
        return [Money(clean_decimal(high), currency, text[second:end], None, second, end)]
    low = scaled_value(a_num, a_scale)
    if low is None:
        return []
    high = scaled_value(b_num, b_scale) if b_num else None
    if b_num and high is None:
        return []
    if high is not None and a_scale is None and b_scale is not None:
        borrowed = scaled_value(a_num, b_scale)
        if borrowed is not None and borrowed <= high:
            low = borrowed
    start = m.start("between") if m.group("between") else m.start()
    if m.group("between"):
        start = m.end("between")
    sep = (m.group("sep") or "").strip().lower()
    if (
        high is not None
        and sep == "to"
        and (
            regex.search(r"(?i)\bfrom\s{1,3}$", text[max(0, start - 10) : start])
            or _after_change_word(text, start)
        )
    ):
        # "rose from 3.2 to 5.1 billion dlrs": two amounts, not a range; so is "rose 200 mln
        # to 7.2 billion" (a change, then the level it reached)
        if a_scale is None and b_scale is not None:
            low = scaled_value(a_num, b_scale) or low
        first_end = m.end("ascale") if a_scale else m.end("anum")
        return [
            Money(clean_decimal(low), currency, text[start:first_end], None, start, first_end),
            Money(
                clean_decimal(high),
                currency,
                text[m.start("pre2") if pre2 else m.start("bnum") : end],
                None,
                m.start("pre2") if pre2 else m.start("bnum"),
                end,
            ),
        ]
    if high is not None and high < low:
        high = None
        end = m.end("ascale") if a_scale else m.end("anum")
    return [
        Money(
            clean_decimal(low),
            currency,
            text[start:end],
            None if high is None else clean_decimal(high),
            start,
            end,
        )
    ]


def find_money(
    text: str, *, country_hint: str | None = None, published: dt.date | None = None
) -> list[Money]:
    """Every money expression in ``text``, in order and not overlapping.

    ``country_hint`` (ISO 3166-1 alpha-3) picks the currency of words several states share
    ("160 mln crowns" near Norway is NOK, "Rs 5 billion" near Pakistan is PKR);
    ``published`` dates the text ("roubles" before 1992 are Soviet, ``SUR``).
    A figure without any currency ("5.2 billion") is returned with ``currency=None`` only
    when it has a scale word and no noun follows it ("5 mln shares" is not money).
    """
    if not isinstance(text, str) or not text:
        return []
    text = text[:_MAX_TEXT]
    lex = _lexicon()
    out: list[Money] = []
    for m in lex.pattern.finditer(text):
        if not m.group(0):
            continue
        try:
            found = _from_match(m, text, lex, country_hint, published)
        except (ValueError, ArithmeticError):
            continue
        for money in found:
            if (
                out
                and money.start_char is not None
                and out[-1].end_char is not None
                and (money.start_char < out[-1].end_char)
            ):
                continue
            out.append(money)
    return out


def parse_money(
    text: str, *, country_hint: str | None = None, published: dt.date | None = None
) -> Money | None:
    """The first money expression in ``text``, or ``None``.

    ``parse_money("51.48 billion dlrs")`` is ``Money(Decimal("51480000000"), "USD", ...)``;
    ``parse_money("$5 million-$10 million")`` has ``amount=5e6`` and ``max_amount=1e7``.
    ``Money.text``/``start_char``/``end_char`` give the matched span within ``text``.
    Never raises; see :func:`find_money` for the keywords.
    """
    found = find_money(text, country_hint=country_hint, published=published)
    return found[0] if found else None


def render_money(money: Money) -> str:
    """Write ``money`` back as text that :func:`parse_money` reads to the same amount.

    ``"51480000000 USD"``; an amount without currency is written with a scale word
    (``"5.2 billion"``) because a bare number is not read as money.
    """
    if money.currency:
        return f"{format(money.amount, 'f')} {money.currency}"
    scales = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 10**3))
    for word, size in scales:
        if abs(money.amount) >= size:
            return f"{format(clean_decimal(money.amount / size), 'f')} {word}"
    # below a thousand: fewest decimals ("1.2" is "0.0012 thousand", which reads back;
    # "0.0000012 million" has more decimals than a figure in news text and does not)
    return f"{format(clean_decimal(money.amount / 10**3), 'f')} thousand"
