"""The strike extractor's word lists and constants: the keyed lists of
``bilat/data/triggers/strike.json`` (read once, checked) and the small closed sets of the
rules."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:

    pass


ATTACKER_KINDS = frozenset({"country", "demonym", "capital", "body", "person"})

TERRITORY_KINDS = frozenset({"country", "capital", "place"})

FORCES_KINDS = frozenset({"country", "demonym", "capital", "body"})

TARGET_PREPS = frozenset({"in", "on", "into", "against", "at", "near", "over", "inside", "upon",
                          "onto", "toward", "towards", "across", "of"})

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc",
                         "punct", "mark"})

SKIP_NESTED_PREPS = frozenset({"for", "with", "during", "after", "before", "since", "despite",
                               "by", "from", "amid", "following", "because", "as", "like",
                               "to", "than", "under", "without", "between"})

REPORTING_VERBS = frozenset({
    "say", "said", "says", "saying", "claim", "claimed", "claims", "claiming", "report",
    "reported", "reports", "reporting", "announce", "announced", "announces", "tell", "told",
    "complain", "complained", "complains", "accuse", "accused", "accuses", "allege",
    "alleged", "alleges", "charge", "charged", "state", "stated", "insist", "insisted",
    "assert", "asserted", "maintain", "maintained", "quote", "quoted", "add", "added",
})

DENYING_VERBS = frozenset({"deny", "denied", "denies", "denying", "dispute", "disputed",
                           "disputes", "reject", "rejected", "rejects"})

HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "can"})

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})

HARM_VERBS = frozenset({"hit", "hits", "destroyed", "destroys", "damaged", "damages",
                        "flattened", "levelled", "leveled", "razed"})

THREAT_LEMMAS = frozenset({"threaten", "warn"})

HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})

HYPOTHETICAL_NOUNS = frozenset({"fear", "fears", "risk", "risks", "possibility", "danger",
                                "prospect", "prospects", "spectre", "specter", "threat",
                                "threats", "warning", "warnings"})

PLAN_WORDS = frozenset({
    "plan", "plans", "planned", "planning", "threaten", "threatened", "threatens",
    "threatening", "vow", "vowed", "vows", "prepare", "prepared", "prepares", "preparing",
    "determined", "intend", "intends", "intended", "propose", "proposed", "proposes",
    "pledge", "pledged", "pledges", "warn", "warned", "warns", "consider", "considering",
    "considered", "mull", "mulling", "poised", "ready", "readying", "decide", "decided",
    "expected", "set", "due", "imminent", "looming", "upcoming", "impending", "possible",
    "potential", "would-be", "contemplated", "contemplating", "weighing",
    "threat",
})

MODIFIER_WINDOW = 3

THEATRE_MIN_MENTIONS = 4  # mentions of a state that make it an article's theatre of war
"""How many tokens before a weak strike noun a demonym may start and still be the state
that strikes ("Israeli strikes", "Russian overnight raids"); the strike extractor takes a
demonym modifier as a state attacker only within this window, and the pre-filter admits
the word on the same condition."""

ANAPHOR_SPAN = 3  # sentences back to the strike a bare "the planes" refers to

ANAPHOR_DETS = frozenset({"the", "these", "those", "their", "its"})

UNTIED_FORCES = frozenset({"coalition", "militia", "militias", "missile", "missiles",
                           "rocket", "rockets"})

VESSEL_NOUNS = frozenset({"ship", "vessel", "tanker", "supertanker", "freighter", "boat",
                          "frigate", "destroyer", "warship", "trawler", "ferry", "carrier",
                          "gunboat", "submarine", "liner", "airliner", "cruiser", "corvette",
                          "yacht", "barge", "dhow"})

NAME_JOINERS = frozenset({"-", "al", "el", "ad", "as", "ash", "ar", "az", "an", "ed", "es"})

REFERENCE_WORDS = frozenset({"east", "west", "north", "south", "northeast", "northwest",
                             "southeast", "southwest", "outside", "off", "km", "kilometres",
                             "kilometers", "miles", "mile", "kms"})

PLACE_NOUNS = frozenset({"town", "city", "village", "villages", "port", "island", "area",
                         "province", "region", "district", "enclave", "valley", "camp",
                         "base", "airport", "airbase", "oilfield", "terminal", "harbour",
                         "harbor", "suburb", "neighbourhood", "neighborhood", "county",
                         "governorate", "strip", "peninsula", "outskirts"})

NON_PLACE_ENTS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL",
                            "MONEY", "PERCENT", "QUANTITY", "PRODUCT", "EVENT", "WORK_OF_ART",
                            "LAW", "LANGUAGE"})

RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})

NEG_WORDS = frozenset({"not", "n't", "never", "no"})

AIR_NOUNS = frozenset({"aircraft", "plane", "planes", "jet", "jets", "warplane", "warplanes",
                       "bomber", "bombers", "fighter", "fighters", "helicopter", "helicopters",
                       "gunship", "gunships", "air", "sorties"})

DRONE_NOUNS = frozenset({"drone", "drones", "uav", "uavs"})

CONTEXT_NOUNS = frozenset({"support", "response", "retaliation", "reprisal", "revenge",
                           "protest", "addition", "part", "spite", "violation", "defiance",
                           "coordination", "cooperation", "league", "charge", "control",
                           "favour", "favor", "aid", "wake", "face"})

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

@lru_cache(maxsize=1)
def _words() -> _Words:
    path = resources.files("bilat") / "data" / "triggers" / "strike.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return _Words(
        military=words("military_nouns"),
        ships=words("ship_nouns"),
        targets=words("target_nouns"),
        not_before=words("not_before"),
        not_objects=words("not_objects"),
        light_verbs=words("attacker_verbs"),
        killed=words("casualty_killed"),
        injured=words("casualty_injured"),
        weapons={str(w).lower(): kind for kind, ws in data["weapon_nouns"].items() for w in ws},
        repel=words("repel_verbs"),
        speakers=words("speaker_nouns"),
        violate=words("violate_verbs"),
        launch=frozenset(str(f).lower() for t in data["triggers"] if t.get("needs_weapon")
                         for f in t["forms"]),
        non_lethal=words("non_lethal_modifiers"),
        civilians=words("civilian_nouns"),
        partner_preps=words("partner_preps"),
        joint_nouns=words("joint_nouns"),
    )

NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "poss"})

_AGENT_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
