"""One attrs schema per lexicon file of ``bilat/data/``, and the loader that reads it.

:func:`read` parses ``bilat/data/<name>`` and checks it against its schema (an unknown key or
a value of the wrong type fails with the file and the key named), once per process. The
word lists become tuples in file order; objects stay ``dict``\\ s in file order. The
gazetteer tables (``countries.json``, ``places.json``, ``leaders.json``,
``officials.json``) are checked the same way but handed on as the parsed JSON, which the
resolver indexes itself (:func:`read_checked`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

import attrs

from bilat.lexicons.schema import check_data, structure

__all__ = [
    "SCHEMAS",
    "ActorWordsFile",
    "CountriesFile",
    "CueRecord",
    "CurrenciesFile",
    "CurrencyFamily",
    "FigureWordsFile",
    "GoldsteinFile",
    "HeadlineCaseFile",
    "HypotheticalCuesFile",
    "LeaderRecord",
    "LeadersFile",
    "ModalityCuesFile",
    "NameEntry",
    "NonStateHeadsFile",
    "NumberWordsFile",
    "OfficialRecord",
    "OfficialsFile",
    "PlacesFile",
    "PrefilterFile",
    "SportsTeamsFile",
    "SyntaxWordsFile",
    "data_path",
    "read",
    "read_checked",
    "read_json",
    "typed",
]

T = TypeVar("T")
Words = tuple[str, ...]

CUE_CATEGORIES = ("negated", "denied", "claimed", "in_principle", "proposed", "planned",
                  "terminate")
CueCategory = Literal["negated", "denied", "claimed", "in_principle", "proposed", "planned",
                      "terminate"]
NameKind = Literal["country", "demonym", "capital", "body", "group", "place"]


@attrs.frozen
class CueRecord:
    """A modality cue (``modality_cues.json``): ConText-style, as in medspaCy.

    ``literal`` is one or more words, matched on lower-cased tokens; ``direction`` says
    which triggers it covers (after it, before it, or both) within ``max_scope`` tokens of
    its sentence; a ``pseudo`` cue blocks the shorter cues inside it and says nothing.
    """

    category: CueCategory
    literal: str
    direction: Literal["forward", "backward", "both"]
    max_scope: int
    pseudo: bool = False

    def __attrs_post_init__(self) -> None:
        """Reject an empty literal or a negative scope."""
        if not self.literal.split():
            raise ValueError("literal: expected one or more words, got an empty string")
        if self.max_scope < 0:
            raise ValueError(f"max_scope: expected 0 or more, got {self.max_scope}")


@attrs.frozen
class ModalityCuesFile:
    """``modality_cues.json``: ``{"cues": [CueRecord, ...]}``."""

    cues: tuple[CueRecord, ...]
    about: str = ""


@attrs.frozen
class HypotheticalCuesFile:
    """``hypothetical_cues.json``: heads of a guessed clause and its marks ("if")."""

    governors: Words
    marks: Words
    about: str = ""


@attrs.frozen
class NonStateHeadsFile:
    """``non_state_heads.json``: nouns for non-state people and bodies."""

    heads: Words
    about: str = ""


@attrs.frozen
class CurrencyFamily:
    """One currency word family of ``currencies.json`` ("dollar", "pound", ...)."""

    words: Words
    default: str | None
    modifiers: dict[str, str]
    hints: dict[str, str]
    fixed_words: dict[str, str] = attrs.Factory(dict)


@attrs.frozen
class CurrenciesFile:
    """``currencies.json``: symbols, ISO codes and currency words."""

    prefixes: dict[str, str]
    prefix_hints: dict[str, dict[str, str]]
    codes: Words
    code_aliases: dict[str, str]
    families: dict[str, CurrencyFamily]


@attrs.frozen
class FigureWordsFile:
    """``figures.json``: words of change ("rose", "increase") for trade figures."""

    change_lemmas: Words
    change_nouns: Words
    change_forms: Words
    change_adverbs: Words
    about: str = ""


@attrs.frozen
class CountQualifiers:
    """``number_words.json`` ``count_qualifiers``: word -> qualifier, before or after."""

    before: dict[str, str]
    after: dict[str, str]


@attrs.frozen
class VagueCounts:
    """``number_words.json`` ``vague_counts``: "dozens", "a few", "thousands of"."""

    plurals: dict[str, tuple[int, int]]
    of_units: dict[str, int]
    few_words: dict[str, tuple[int, int]]
    units: dict[str, int]


@attrs.frozen
class NumberWordsFile:
    """``number_words.json``: spelled-out numbers, scales and count qualifiers."""

    units: dict[str, int]
    tens: dict[str, int]
    hundred: dict[str, int]
    scales: dict[str, int]
    attached_only_scales: Words
    count_qualifiers: CountQualifiers
    vague_counts: VagueCounts


@attrs.frozen
class HeadlineCaseFile:
    """``headline_case.json``: words an ALL-CAPS headline keeps in capitals or capitalised."""

    acronyms: Words
    capitalised: Words
    about: str = ""


@attrs.frozen
class SportsTeamsFile:
    """``sports_teams.json``: words before and after a place name that make a team name."""

    before: Words
    after: Words
    about: str = ""


@attrs.frozen
class SyntaxWordsFile:
    """``syntax.json``: closed-class words the syntax helpers share."""

    hypothetical_modals: Words
    future_modals: Words
    relative_pronouns: Words
    statement_verb_forms: Words


@attrs.frozen
class PrefilterFile:
    """``prefilter.json``: the pre-filter's own words (passive auxiliaries) and window."""

    passive_auxiliaries: Words
    passive_window: int
    about: str = ""


@attrs.frozen
class Reach:
    """How many sentences before and after a seed sentence are parsed with it, and when:
    every list of ``all_of`` has a word in the seed sentence (a word, ``"@key"`` for the
    word list ``key`` of the type's own lexicon file, ``"@trigger:label"`` for the words of
    its trigger entries of that label, ``"@number"`` for a number word or numeral); with
    ``window``, a word of each later list within that many tokens before a word of the
    first; with ``states_below``, the sentence names fewer states than that. No condition:
    always. ``actors``: the extractor takes the seed's actors from those sentences, so a
    seed naming none of its own counts when the rule holds."""

    before: int
    after: int = 0
    all_of: tuple[Words, ...] = ()
    states_below: int | None = None
    window: int | None = None
    actors: bool = False


@attrs.frozen
class AdmissionFile:
    """``admission.json``: what :mod:`bilat.admission` parses of an admitted document (each
    type's reach, the anaphor words and the title window; see the file's ``about``)."""

    reach: dict[str, tuple[Reach, ...]]
    default_reach: Reach
    anaphors: Words
    anaphor_types: Words
    person_window: int
    named_host_labels: dict[str, Words]
    counts_ahead: dict[str, int] = attrs.Factory(dict)
    about: str = ""


@attrs.frozen
class GoldsteinFile:
    """``goldstein.json``: Goldstein weight by CAMEO code."""

    weights: dict[str, float]


@attrs.frozen
class ActorWordsFile:
    """``actor_words.json``: the words :mod:`bilat.actors.document` builds titles, names
    and bodies from (see the file's ``_about`` of each list)."""

    title_heads: Words
    title_mods: Words
    not_official_heads: Words
    home_title_heads: Words
    portfolio_heads: Words
    title_trim: Words
    honorifics: Words
    name_particles: Words
    body_heads: Words
    body_mods: Words
    possessive: Words
    foreign_spellings: Words
    place_preps: Words
    personish: Words
    sentence_end: Words
    ner_to_kind: dict[str, str]
    not_place_labels: Words
    contextual_bodies: Words
    hyphen_suffixes: Words = ()


@attrs.frozen
class Era:
    """A dated code of a gazetteer name: the code it had until ``end``."""

    end: str
    code: str | None


@attrs.frozen
class NameEntry:
    """A name of ``countries.json`` (``entries``/``exact``): what state it names, as what."""

    name: str
    code: str | None
    kind: NameKind
    source: str
    eras: tuple[Era, ...] = ()
    candidates: Words = ()
    nowhen: str | None = None


@attrs.frozen
class CountryRecord:
    """A state of ``countries.json``: its English name and ISO alpha-2 code."""

    name: str
    alpha2: str | None
    source: str


@attrs.frozen
class CountriesFile:
    """``countries.json``: states, populations, and every name to its state."""

    countries: dict[str, CountryRecord]
    populations: dict[str, int]
    entries: dict[str, NameEntry]
    exact: dict[str, NameEntry]


@attrs.frozen
class PlacesFile:
    """``places.json``: city/region name -> (ISO3 code, population)."""

    sources: Words
    places: dict[str, tuple[str, int]]


@attrs.frozen
class LeaderRecord:
    """A reviewed leader of ``leaders.json`` (or a user's official, see
    :class:`bilat.lexicons.Additions`)."""

    name: str
    country: str
    title: str
    start: str | None = None
    end: str | None = None
    surname: str | None = None
    aliases: Words = ()


@attrs.frozen
class LeadersFile:
    """``leaders.json``: reviewed heads of state and government, dated."""

    leaders: tuple[LeaderRecord, ...]
    ambiguous_surnames: Words = ()


@attrs.frozen
class OfficialRecord:
    """A generated official of ``officials.json`` (Phoenix actor dictionary)."""

    name: str
    country: str
    role: str
    start: str | None
    source: str
    end: str | None = None
    aliases: Words = ()


@attrs.frozen
class OfficialsFile:
    """``officials.json``: government officials with dated roles."""

    officials: tuple[OfficialRecord, ...]


SCHEMAS: dict[str, type] = {
    "modality_cues.json": ModalityCuesFile,
    "hypothetical_cues.json": HypotheticalCuesFile,
    "non_state_heads.json": NonStateHeadsFile,
    "currencies.json": CurrenciesFile,
    "figures.json": FigureWordsFile,
    "number_words.json": NumberWordsFile,
    "headline_case.json": HeadlineCaseFile,
    "sports_teams.json": SportsTeamsFile,
    "syntax.json": SyntaxWordsFile,
    "prefilter.json": PrefilterFile,
    "admission.json": AdmissionFile,
    "goldstein.json": GoldsteinFile,
    "actor_words.json": ActorWordsFile,
    "countries.json": CountriesFile,
    "places.json": PlacesFile,
    "leaders.json": LeadersFile,
    "officials.json": OfficialsFile,
}
"""Every lexicon file of ``bilat/data/`` (trigger files aside: :mod:`bilat.lexicons.types`)
and its schema."""


def data_path(name: str) -> str:
    """How messages name a package data file: ``bilat/data/<name>``."""
    return f"bilat/data/{name}"


def read_json(name: str) -> Any:
    """The parsed JSON of ``bilat/data/<name>`` (``name`` may hold a ``/``)."""
    ref = resources.files("bilat").joinpath("data", *name.split("/"))
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def read(name: str) -> Any:
    """``bilat/data/<name>`` structured into its schema (:data:`SCHEMAS`), once per process.

    Raises:
        LexiconError: the file does not fit its schema (file and key named).
        KeyError: ``name`` is no lexicon file.
    """
    return structure(read_json(name), SCHEMAS[name], f"{data_path(name)}: ")


def read_checked(name: str) -> Any:
    """The parsed JSON of ``bilat/data/<name>`` after checking it against its schema (for
    the gazetteer tables, whose resolver indexes the JSON itself); read anew on each call."""
    data = read_json(name)
    check_data(data, SCHEMAS[name], f"{data_path(name)}: ")
    return data


def typed(name: str, cls: type[T]) -> T:
    """:func:`read` with its type: ``typed("figures.json", FigureWordsFile)``."""
    value = read(name)
    if not isinstance(value, cls):  # pragma: no cover - SCHEMAS and the caller disagree
        raise TypeError(f"{data_path(name)} has schema {type(value).__name__}, not {cls.__name__}")
    return value
