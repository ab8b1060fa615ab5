"""The strike extractor's word lists and constants.

Every word list lives in ``bilat/event_types/strike/lexicon.json`` under a key of its own and is
read through :func:`word_list`, which fails naming the file and the key when the key is
missing or is not a list of strings. What stays here are the closed sets of the parse
(dependency labels, entity labels, mention kinds) and two numbers.
"""

from __future__ import annotations

from functools import cache

import attrs

from bilat.lexicons import TypeLexicon, shipped_type_lexicon

LEXICON_FILE = "bilat/event_types/strike/lexicon.json"


def _lexicon() -> TypeLexicon:
    """The checked strike lexicon file (read once by :mod:`bilat.lexicons`)."""
    return shipped_type_lexicon("strike")


def word_list(key: str) -> frozenset[str]:
    """The lower-cased words under ``key`` of the strike lexicon.

    Raises:
        LexiconError: (a ``ValueError``) naming the file and the key, when the key is
            missing or its value is not a list of strings.
    """
    return _lexicon().word_set(key)


def word_lists(key: str) -> dict[str, frozenset[str]]:
    """The lower-cased lists of words under each sub-key of ``key`` (named groups), checked
    as :func:`word_list` checks one."""
    return {name: frozenset(w.lower() for w in words)
            for name, words in _lexicon().groups(key).items()}


ATTACKER_KINDS = frozenset({"country", "demonym", "capital", "body", "person"})
TERRITORY_KINDS = frozenset({"country", "capital", "place"})
FORCES_KINDS = frozenset({"country", "demonym", "capital", "body"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc",
                         "punct", "mark"})
NON_PLACE_ENTS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL",
                            "MONEY", "PERCENT", "QUANTITY", "PRODUCT", "EVENT", "WORK_OF_ART",
                            "LAW", "LANGUAGE"})
NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "poss"})
_AGENT_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})

MODIFIER_WINDOW = 3
"""How many tokens before a weak strike noun a demonym may start and still be the state
that strikes ("Israeli strikes", "Russian overnight raids"); the strike extractor takes a
demonym modifier as a state attacker only within this window, and the pre-filter admits
the word on the same condition."""

THEATRE_MIN_MENTIONS = 4
"""Mentions of a state that make it an article's theatre of war (with twice as many as any
other state but the attacker)."""

ANAPHOR_SPAN = 3
"""Sentences back to the strike a bare "the planes" refers to."""

TARGET_PREPS = word_list("target_preps")
SKIP_NESTED_PREPS = word_list("skip_nested_preps")
CLAIM_VERBS = word_list("claim_verbs")
DENYING_VERBS = word_list("deny_verbs")
HARM_VERBS = word_list("harm_verbs")
THREAT_LEMMAS = word_list("threat_lemmas")
HYPOTHETICAL_MARKS = word_list("hypothetical_marks")
HYPOTHETICAL_NOUNS = word_list("hypothetical_nouns")
PLAN_WORDS = word_list("plan_words")
ANAPHOR_DETS = word_list("anaphor_dets")
UNTIED_FORCES = word_list("untied_forces")
VESSEL_NOUNS = word_list("vessel_nouns")
NAME_JOINERS = word_list("name_joiners")
REFERENCE_WORDS = word_list("reference_words")
PLACE_NOUNS = word_list("place_nouns")
NEG_WORDS = word_list("negation_words")
AIR_NOUNS = word_list("air_nouns")
DRONE_NOUNS = word_list("drone_nouns")
CONTEXT_NOUNS = word_list("context_nouns")


@attrs.frozen(slots=True)
class _Words:
    military: frozenset[str]
    ships: frozenset[str]
    targets: frozenset[str]
    not_before: frozenset[str]
    not_objects: frozenset[str]
    light_verbs: frozenset[str]
    killed: frozenset[str]
    injured: frozenset[str]
    weapons: dict[str, str]  # weapon noun -> strike kind
    repel: frozenset[str]
    speakers: frozenset[str]
    violate: frozenset[str]
    launch: frozenset[str]  # the word forms of the launching verbs
    non_lethal: frozenset[str]  # "water cannon", "tear gas shells", "rubber bullets"
    civilians: frozenset[str]  # "tourists", "companies": people of a state, not its forces
    partner_preps: frozenset[str]  # "with", "alongside": a partner's state is no theatre
    joint_nouns: frozenset[str]  # "a joint effort with Iran": the partner acts too
    strong_modifiers: frozenset[str]  # "air", "drone": make "raid", "attack" military


@cache
def _words() -> _Words:
    triggers = _lexicon().triggers
    return _Words(
        military=word_list("military_nouns"),
        ships=word_list("ship_nouns"),
        targets=word_list("target_nouns"),
        not_before=word_list("not_before"),
        not_objects=word_list("not_objects"),
        light_verbs=word_list("attacker_verbs"),
        killed=word_list("casualty_killed"),
        injured=word_list("casualty_injured"),
        weapons={w: kind for kind, ws in word_lists("weapon_nouns").items() for w in ws},
        repel=word_list("repel_verbs"),
        speakers=word_list("speaker_nouns"),
        violate=word_list("violate_verbs"),
        launch=frozenset(f for t in triggers if t.extra.get("needs_weapon")
                         for f in t.sequence[0]),
        non_lethal=word_list("non_lethal_modifiers"),
        civilians=word_list("civilian_nouns"),
        partner_preps=word_list("partner_preps"),
        joint_nouns=word_list("joint_nouns"),
        strong_modifiers=word_list("strong_modifiers"),
    )
