"""Strike roles: whose forces (``attacker_country``) use force on which state (``target_country``).

Triggers and word lists live in ``bilat/data/triggers/strike.json``; each trigger's label is
the strike ``kind`` and its ``strength`` says whether the word is military by itself
("airstrike", "shelling", "incursion": *strong*) or only with a military actor and a
physical target ("attack", "hit", "strike", "raid": *weak*).

Attacker, from syntax:

* verbs: the subject ("Pakistani aircraft bombed ..."), or the passive agent ("was hit by
  Iranian gunboats");
* nouns: the possessor ("Turkey's incursion"), a demonym/country modifier ("US airstrikes",
  "US-led invasion"), a "by"/"from" phrase ("bombardment by Pakistani military aircraft"),
  or the subject of a light verb the noun is the object of ("US aircraft carried out
  strikes", "Turkey launched an offensive").

Non-state groups are never attackers. A weak trigger needs a state or military attacker
("Iran attacked ...", "Israeli jets raided ...") and a physical target.

Target, from syntax: a ship, aircraft or force of state B ("a Saudi supertanker", "a Russian
military jet": the flag state), else the territory named by the object or an "in/on/into/
against/at/near" phrase (a place inside B counts as B: "in Afghanistan's Paktika province",
"an attack on Mosul"), else a demonym on the object ("Pakistani villages"). A strike whose
territory is the attacker's own is domestic and dropped ("Syrian government airstrikes on
Daraa"). The attacker may be unknown only for a passive verb with a clear target ("Kharg
island was hit"); such a mention takes the attacker of a stated strike on the same target in
the document, if there is exactly one.

Attributes: ``kind`` from the trigger (a bombardment by aircraft is ``air``); ``killed`` and
``injured`` from a casualty phrase in the same sentence or the next ("killed at least 46
people", "more than 30 people ... were killed", "46 dead"); ``location`` from the named place
in the target phrase. Modality: ``claimed`` when a party to the strike (attacker or target
state, or one of its bodies or people) reports it through a reporting verb ("the Afghan
Taliban said bombardment by Pakistani aircraft ..."), with ``claimed_by``; ``planned`` for
threatened, planned or future operations; ``negated``/``denied`` from the ConText cues;
hypothetical strikes ("a US strike could trigger ...", "if Israel attacks ...") are dropped.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from bilat.events import Event, Strike
from bilat.extractors.common import (
    antecedent as person_antecedent,
)
from bilat.extractors.common import (
    conjuncts,
    governing_verb,
    is_non_state,
    pp_objects,
)
from bilat.syntax.agents import (
    ACCUSING_LEMMAS,
    accused_doer,
    gerund_host,
    joint_partners,
    leaders,
    means_host,
    modified_noun,
    raised_subject,
    sides,
)
from bilat.triggers import load_lexicon
from bilat.values import Actor, Count, Modality, Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_strikes"]

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


@attrs.frozen(slots=True)
class _Target:
    mention: ActorMention
    location: Place | None
    reference: bool = False  # the place is only a reference point ("east of Sidon")


# --------------------------------------------------------------------------- tokens


def _np_tokens(token: Token, depth: int = 4, appos: bool = True) -> list[Token]:
    """``token`` and the tokens of its noun phrase, without clauses and non-place PPs (and
    without appositions unless ``appos``)."""
    out = [token]
    if depth == 0:
        return out
    for child in token.children:
        if child.dep_ == "appos" and not appos:
            continue
        if child.dep_ in CLAUSE_DEPS and not (
                child.dep_ == "conj" and child.pos_ == "PROPN" and token.pos_ == "PROPN"):
            continue  # but coordinated names stay: "positions in Iraq and Syria"
        if child.dep_ == "prep" and child.lower_ in SKIP_NESTED_PREPS:
            continue
        out.extend(_np_tokens(child, depth - 1))
    return out


def _mentions_in(context: DocumentContext, tokens: list[Token]) -> list[ActorMention]:
    seen: list[ActorMention] = []
    for token in sorted(tokens, key=lambda t: t.i):
        mention = context.actor_at(token.i)
        if mention is not None and mention not in seen:
            seen.append(mention)
    return seen


def _is_passive(verb: Token) -> bool:
    """A passive verb, or a passive participle describing a noun ("a convoy struck by")."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "poss"})


def _is_verbal(trigger: Trigger) -> bool:
    head = trigger.head
    if head.dep_ in NOMINAL_DEPS and head.lower_.endswith("s") and trigger.label != "unspecified":
        return False  # "supported by US-led coalition airstrikes" mis-tagged as a verb
    if head.dep_ in NOMINAL_DEPS and head.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "aux", "dobj", "obj", "auxpass"} for c in head.children):
        return False  # "cross-border shelling from Syria killed ...": a noun
    return head.pos_ in {"VERB", "AUX"} or head.tag_.startswith("VB")


def _light_verb_of(noun: Token) -> Token | None:
    """The verb a trigger noun is the object of ("carried out strikes")."""
    head = noun.head
    if noun.dep_ in {"dobj", "obj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        return head
    if noun.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.head.pos_ == "VERB" \
            and head.lower_ in {"with", "in"}:
        return head.head
    if noun.dep_ == "conj":
        return _light_verb_of(noun.head)
    return None


# --------------------------------------------------------------------------- attacker


def _state_mention(context: DocumentContext, token: Token,
                   kinds: frozenset[str] = ATTACKER_KINDS) -> ActorMention | None:
    """The state mention of an attacker phrase: the token's own mention or one of its
    modifiers ("Pakistani military aircraft", "planes from Afghanistan", "US-led forces")."""
    tokens = _attacker_np(token)
    for mention in _mentions_in(context, tokens):
        if mention.kind in kinds:
            return mention
    if token.lower_ in {"he", "she"} and "person" in kinds:
        # "Trump was upset ... he ordered a missile strike": the person named before
        person = person_antecedent(context, token)
        if person is not None and person.kind == "person":
            return person
    # "its warplanes", "their jets", "Israel said it struck": the nearest state named
    # before, in the same sentence
    if token.lower_ in {"it", "they"} or any(
        t.lower_ in {"its", "their"} and t.dep_ == "poss" for t in tokens
    ):
        reporter = _reporting_subject(context, token)
        if reporter is not None:
            return reporter
        sent = token.sent
        before = [m for m in context.actors.within(sent.start, token.i)
                  if m.kind in {"country", "capital", "body"}]
        if before:
            return before[-1]
        return _previous_sentence_state(context, sent)
    return None


def _previous_sentence_state(context: DocumentContext, sent: Span) -> ActorMention | None:
    """The state an "its"/"their" opening a sentence refers to: the one state the sentence
    before names as a country, capital or body ("... tell Israel that it is not alone. Its
    overnight raid ..."); none when that sentence names several."""
    if sent.start == 0:
        return None
    previous = context.doc[sent.start - 1].sent
    states = [m for m in context.actors.within(previous.start, previous.end)
              if m.kind in {"country", "capital", "body"}]
    return states[-1] if len({m.country for m in states}) == 1 else None


def _reporting_subject(context: DocumentContext, pronoun: Token) -> ActorMention | None:
    """The state a pronoun in a reported clause refers to: the subject of the reporting
    verb ("Israel, wary of Iran, said it would continue to attack ...": Israel, not the
    nearer Iran)."""
    clause = pronoun.head
    while clause.dep_ in {"poss", "nsubj", "pobj", "prep"} and clause.head != clause:
        clause = clause.head  # from "its forces" up to the verb of its clause
    node = clause
    for _ in range(3):
        if node.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or node.head == node:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and (node.lower_ in REPORTING_VERBS or
                                             node.lemma_.lower() in REPORTING_VERBS):
            for subject in (c for c in node.children if c.dep_ == "nsubj"):
                mention = context.actor_at(subject.i)
                if mention is not None and mention.kind in {"country", "capital", "body"} \
                        and mention.start < pronoun.i:
                    return mention
            return None
    return None


def _attacker_np(token: Token, depth: int = 3) -> list[Token]:
    out = [token]
    if depth == 0:
        return out
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "appos":
            continue
        if child.dep_ == "prep" and child.lower_ not in {"from", "of"}:
            continue
        out.extend(_attacker_np(child, depth - 1))
    return out


def _is_military(token: Token) -> bool:
    words = _words()
    if token.lower_ in words.military:
        return True
    return any(c.lower_ in words.military and c.dep_ in {"compound", "amod"}
               for c in token.children)


def _attacker(context: DocumentContext, trigger: Trigger) -> tuple[ActorMention | None, bool,
                                                                     Token | None]:
    """The attacker mention, whether the attacker phrase is military, and its head token."""
    head = trigger.head
    candidates: list[Token] = []
    if _is_verbal(trigger):
        verb = head
        if _is_passive(verb):
            candidates = pp_objects(verb, ["by"]) + [
                o for c in verb.children if c.dep_ == "agent"
                for o in c.children if o.dep_ == "pobj"]
        else:
            candidates = _subjects(verb)
    else:
        modifiers, agents, light_subjects = _noun_agent_phrases(head)
        candidates = modifiers + agents + light_subjects
    for token in list(candidates):
        for clause in token.children:  # "missiles fired by Russia hit ..."
            if clause.dep_ == "acl" and clause.tag_ in {"VBN", "VBD"} and \
                    clause.lower_ in _words().launch:
                candidates += [o for c in clause.children if c.dep_ == "agent"
                               for o in c.children if o.dep_ == "pobj"]
                # "a missile fired from Yemen": launched from the state's territory
                candidates += [o for o in pp_objects(clause, ["from"])
                               if (m := context.actor_at(o.i)) is not None
                               and m.kind in {"country", "capital"}]
    for token in candidates:
        mention = _state_mention(context, token)
        if mention is not None:
            # "Iranian Revolutionary Guards": the demonym names the state, the body the force;
            # "US-led coalition (strikes)": forces under the state's command
            return mention, _is_force(context, mention, token), token
    military = next((t for t in candidates if _is_military(t)), None)
    return None, military is not None, military


def _is_force(context: DocumentContext, mention: ActorMention, token: Token) -> bool:
    """Whether an attacker phrase names armed forces: "Iranian Revolutionary Guards" (the
    demonym names the state, the body the force), "US-led coalition (strikes)" (forces
    under the state's command), "the Iranians" (a side in a war)."""
    return _is_military(token) or mention.kind == "body" or bool(leaders(token)) or any(
        m.kind == "body" for m in _mentions_in(context, _attacker_np(token))) or \
        _demonym_forces(mention, token)


def _demonym_forces(mention: ActorMention, token: Token) -> bool:
    """A plural demonym heading its own phrase with "the" ("the Iranians launched an
    assault", "the Russians shelled ..."): the side in a war, i.e. its forces; not "Iranian
    students" (the demonym only modifies) nor "thousands of Iranians" (a crowd)."""
    return mention.kind == "demonym" and mention.start <= token.i < mention.end and \
        token.tag_ in {"NNPS", "NNS"} and token.dep_ in {"nsubj", "nsubjpass", "pobj"} and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _agentless_noun(context: DocumentContext, trigger: Trigger) -> bool:
    """A strike noun whose phrase names no one who could have struck: no possessor, no
    name, organisation, non-state party or force among its modifiers, no "by"/"from"
    phrase, no subject of a light verb ("the cross-border ground assault on Afrin", but
    not "a rebel assault", "Hamas's attack", "militants carried out an attack")."""
    if _is_verbal(trigger):
        return False
    modifiers, agents, light_subjects = _noun_agent_phrases(trigger.head)
    if agents or light_subjects:
        return False
    return not any(child.dep_ == "poss" or child.pos_ == "PROPN" or child.ent_type_ or
                   _is_military(child) or is_non_state(context, child) for child in modifiers)


_AGENT_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})


def _noun_agent_phrases(head: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """Where a strike noun may name who struck: its modifiers before it ("Israeli",
    "Hamas's"), the objects of its "by"/"from" phrases, and the subjects of the light verb
    it is the object of ("militants carried out an attack")."""
    modifiers = [c for c in head.children if c.dep_ in _AGENT_MODIFIER_DEPS and c.i < head.i]
    agents = pp_objects(head, ["by", "from"])
    for target in pp_objects(head, ["of", "on", "against"]):
        # "the bombardment of Iraqi positions by American aircraft": "by" parsed on the target
        agents += pp_objects(target, ["by"])
    light = _light_verb_of(head)
    verbs = _words().light_verbs
    light_subjects = _subjects(light) if light is not None and (
        light.lower_ in verbs or light.lemma_.lower() in verbs) else []
    if not light_subjects:  # "blamed Israel for the strike"
        light_subjects = [t for d in accused_doer(head) for t in conjuncts(d)]
    if not light_subjects:  # "the coalition took Raqqa after a campaign of bombardment"
        host = means_host(head)
        light_subjects = [t for t in (_subjects(host) if host is not None else [])
                          if _is_military(t) or leaders(t)]
    return modifiers, agents, light_subjects


def _subjects(verb: Token) -> list[Token]:
    current = verb
    for _ in range(4):
        # "accused India of firing ...", "were reported to have bombed ..."
        doers = accused_doer(current) or raised_subject(current)
        if doers:
            return [t for d in doers for t in conjuncts(d)]
        found: list[Token] = []
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"}:
                found.extend(conjuncts(child))
            elif child.dep_ == "agent":
                found.extend(o for o in child.children if o.dep_ == "pobj")
        if found:
            if current.dep_ == "relcl" and all(f.lower_ in RELATIVE_PRONOUNS for f in found):
                return [current.head]  # "the jets, which attacked ...": the jets
            return found
        if current.dep_ in {"xcomp", "conj", "acomp"} and current.head != current:
            current = current.head
            continue
        host = gerund_host(current)
        if host is not None:  # "violating the ceasefire by firing mortars"
            current = host
            continue
        # "were engaged in attacking ...", "involved in bombing ...": the engaged party
        if _gerund_of_prep(current):
            current = current.head.head
            passive = [c for c in current.children if c.dep_ == "nsubjpass"]
            if passive:
                if current.dep_ == "relcl" and all(p.lower_ in RELATIVE_PRONOUNS
                                                   for p in passive):
                    return [current.head]
                return [t for p in passive for t in conjuncts(p)]
            continue
        if current.dep_ in {"relcl", "acl"}:
            return [current.head]
        break
    return []


# --------------------------------------------------------------------------- target


def _target_phrases(trigger: Trigger, attacker_token: Token | None) -> list[Token]:
    """Noun phrases that can name the target, most direct first."""
    head = trigger.head
    out: list[Token] = []
    if _is_verbal(trigger):
        launched = bool(trigger.entry.extra.get("needs_weapon"))  # its object is a weapon
        if _is_passive(head) and not launched:
            out += [c for c in head.children if c.dep_ == "nsubjpass"]
            described = modified_noun(head)  # "a convoy struck by a Turkish missile"
            if described is not None and not any(c.dep_ == "nsubjpass"
                                                 for c in head.children):
                out.append(described)
        elif not launched:
            out += [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        else:  # "launched drones at Israel": the target hangs from the weapon
            for weapon in (c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}):
                for each in conjuncts(weapon):
                    out += [t for t in _preps(each) if t.head.lower_ != "of"]
            if trigger.entry.id in {"cross_into", "fire_on", "shoot_down", "open_fire",
                                    "wage_war"}:
                out += [t for t in head.doc[trigger.start:trigger.end + 1]
                        if t.dep_ == "pobj" and t.head.i == trigger.end - 1]
        out += _preps(head)
    else:
        out += _preps(head)
        light = _light_verb_of(head)
        if light is not None:
            out += _preps(light)
            if head.dep_ == "nsubjpass" or head.dep_ == "nsubj":
                out += [c for c in light.children if c.dep_ in {"dobj", "obj"}]
        elif head.dep_ in {"nsubj"} and head.head.pos_ == "VERB":
            out += _preps(head.head)
            verb = head.head
            words = _words()
            if verb.lower_ in words.killed | words.injured | HARM_VERBS:
                # "strikes killed 12 people in eastern Syria": where the victims were
                out += [t for o in verb.children if o.dep_ in {"dobj", "obj"}
                        for t in _preps(o)]
    if attacker_token is not None:
        out += _preps(attacker_token)
    expanded: list[Token] = []
    for token in out:
        for each in conjuncts(token):
            if each not in expanded:
                expanded.append(each)
    return expanded


def _preps(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"} and obj.lower_ not in CONTEXT_NOUNS:
                    out.append(obj)
        elif child.dep_ == "prep" and any(g.lower_ == "of" and g.dep_ == "prep"
                                          for g in child.children):
            pass
        # "east of Sidon", "north of the border"
        for grand in child.children:
            if grand.dep_ == "prep" and grand.lower_ == "of" and child.lower_ in {
                    "east", "west", "north", "south", "outside", "inside", "near", "off"}:
                out.extend(o for o in grand.children if o.dep_ == "pobj")
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in {"east", "west", "north", "south",
                                                       "northeast", "northwest", "southeast",
                                                       "southwest"}:
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ == "of":
                    out.extend(o for o in grand.children if o.dep_ == "pobj")
    return out


def _location_name(context: DocumentContext, tokens: list[Token],
                   mention: ActorMention) -> str | None:
    """The named place inside a target phrase ("Paktika", "Ouadi Doum", "Darb al-Sim")."""
    if mention.kind in {"place", "capital"}:
        return mention.text
    doc = context.doc
    indices = {t.i for t in tokens}
    for ent in context.entities:
        if ent.label_ in {"GPE", "LOC", "FAC"} and ent.start in indices:
            other = context.actor_at(ent.start)
            if other is not None and other.kind in {"country", "demonym"}:
                continue
            name = ent.text
            if name.lower().startswith("the "):
                name = name[4:]
            return name
    for token in sorted(tokens, key=lambda t: t.i):
        if token.pos_ == "PROPN" and token.dep_ == "compound" and \
                context.actor_at(token.i) is None:
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {
                    "compound", "amod"} and context.actor_at(start - 1) is None:
                start -= 1
            return str(doc[start:token.i + 1].text)
    return None


def _is_reference(token: Token, hops: int = 6) -> bool:
    """A place reached only as a reference point ("east of Sidon", "south of the port town
    of Tyre"), rather than named as where the strike fell."""
    current = token
    for _ in range(hops):
        if current.dep_ == "pobj" and current.head.lower_ == "of" and \
                current.head.head.lower_ in REFERENCE_WORDS:
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _named_by_place_noun(token: Token) -> bool:
    """A name a place noun vouches for, whatever the NER made of it: "the town of Gulbub",
    "Lavan island"."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lower_ in PLACE_NOUNS:
        return True
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head != token:
        token = token.head  # "Kafr" in "the Kafr Asad area"
    return token.dep_ == "compound" and token.head.lower_ in PLACE_NOUNS


def _unresolved_place(context: DocumentContext, tokens: list[Token]) -> str | None:
    """A place name the actor resolver does not know ("Kharg", "Darb al-Sim"): a GPE, LOC
    or FAC entity in the phrase, else a proper noun that no entity claims for a person,
    group or organisation."""
    doc = context.doc
    indices = {t.i for t in tokens}
    for ent in context.entities:
        if ent.label_ in {"GPE", "LOC", "FAC"} and ent.start in indices and \
                context.actor_at(ent.start) is None:
            name = ent.text
            return name[4:] if name.lower().startswith("the ") else name
    for token in sorted(tokens, key=lambda t: t.i):
        if token.pos_ != "PROPN" or context.actor_at(token.i) is not None or \
                not token.text[:1].isupper():
            continue
        if token.ent_type_ in NON_PLACE_ENTS and not _named_by_place_noun(token):
            continue
        start = token.i  # "Gaza City": the name a known place begins
        while start - 1 in indices and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= token.i:
            start -= 1
        end = token.i + 1
        while end < len(doc) and end in indices:
            if doc[end].pos_ == "PROPN":
                end += 1
            elif doc[end].text in NAME_JOINERS and end + 1 < len(doc) and \
                    end + 1 in indices and doc[end + 1].pos_ == "PROPN":
                end += 2  # "Darb al-Sim", "Tel el-Kebir"
            else:
                break
        return str(doc[start:end].text)
    return None


def _targets(context: DocumentContext, phrases: list[Token], weak: bool) -> list[_Target]:
    """Target states named by the target phrases (see the module docstring).

    A target with no named place of its own takes a place the actor resolver cannot place
    ("hit south of Kharg", "assault on Zarqa") from another target phrase of the same
    trigger; a place reached only as a reference point ("east of Sidon") is marked so."""
    words = _words()
    territorial: list[_Target] = []
    demonyms: list[_Target] = []
    loose = _loose_place(context, phrases)
    settled: Token | None = None
    for phrase in phrases:
        if settled is not None and phrase not in settled.conjuncts:
            break  # after the first territorial phrase, only its conjuncts ("Syria and Iraq")
        if settled is not None and phrase.lower_ not in words.targets | words.ships:
            own = context.actor_at(phrase.i)
            if own is None or own.kind not in TERRITORY_KINDS:
                continue  # a list running on past the targets: "Libya, the oil slump"
        named = context.actor_at(phrase.i)
        # a phrase that is a name needs no apposition ("Libya, the Chernobyl disaster"); a
        # place may sit deep in it ("the village of Um al-Keif in Tal Tamer, Hasakeh, Syria")
        tokens = _np_tokens(phrase, 6,
                            appos=named is None or named.kind not in TERRITORY_KINDS)
        mentions = _mentions_in(context, tokens)
        reference = _is_reference(phrase)
        head_word = phrase.lower_
        if head_word in words.ships or any(  # "an Iranian consulate building"
                c.dep_ == "compound" and c.lower_ in words.ships and c.i < phrase.i
                for c in phrase.children):
            flag = [m for m in mentions if m.kind in FORCES_KINDS
                    and m.start <= phrase.i and m.end <= phrase.i + 1]
            modifiers = [m for m in flag if any(
                context.actor_at(c.i) == m for c in phrase.subtree if c.i < phrase.i)]
            if modifiers:
                return [_with_loose_place(_Target(modifiers[0], None), loose)]
        if weak and head_word not in words.targets | words.ships and not any(
                m.start <= phrase.i < m.end and m.kind in TERRITORY_KINDS for m in mentions):
            # "struck Hezbollah in Lebanon", "strikes against militias in Iraq and Syria":
            # a hit whose object is no place is located by the object's "in" phrase
            located = [t for p in phrase.children if p.dep_ == "prep" and p.lower_ in {
                "in", "inside"} for o in p.children if o.dep_ == "pobj"
                for c in conjuncts(o) for t in c.subtree]
            if not any(m.kind in TERRITORY_KINDS and m.start <= t.i < m.end
                       for m in _mentions_in(context, located) for t in located):
                continue
            tokens = located
            mentions = _mentions_in(context, tokens)
        found = [m for m in mentions if m.kind in TERRITORY_KINDS]
        if found:
            # the named place first: "Afghanistan's Paktika province" is located at Paktika
            found.sort(key=lambda m: m.kind == "country")
            for mention in found:
                if all(t.mention.country != mention.country for t in territorial):
                    name = _location_name(context, tokens, mention)
                    place = Place(name=name, country=mention.country) if name else None
                    territorial.append(_Target(mention, place, reference or _is_reference(
                        context.doc[mention.start])))
            settled = phrase if settled is None else settled
            continue
        for mention in mentions:
            if mention.kind in {"demonym", "body"} and \
                    all(t.mention.country != mention.country for t in demonyms):
                name = _location_name(context, tokens, mention)
                place = Place(name=name, country=mention.country) if name else None
                demonyms.append(_Target(mention, place, reference))
    if territorial:
        # a named place richer than the bare country ("Paktika" over "Afghanistan")
        out: list[_Target] = []
        for target in territorial:
            if target.location is None:
                richer = next((t for t in territorial
                               if t.location is not None
                               and t.mention.country == target.mention.country), None)
                if richer is not None:
                    target = _Target(target.mention, richer.location, richer.reference)
            out.append(_with_loose_place(target, loose))
        return out
    return [_with_loose_place(t, loose) for t in demonyms[:1]]


def _possessed_target(context: DocumentContext, phrases: list[Token],
                      attacker: str) -> list[_Target]:
    """A target named only by "its"/"their" ("accused India of firing into its territory",
    "shelled their border posts"): the state named last before it in the sentence, other
    than the attacker."""
    words = _words()
    for phrase in phrases:
        if phrase.lower_ not in words.targets | words.ships:
            continue
        if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in phrase.children):
            continue
        before = [m for m in context.actors.within(phrase.sent.start, phrase.i)
                  if m.kind in {"country", "capital", "body"} and m.country != attacker]
        if before:
            return [_Target(before[-1], None)]
    return []


def _loose_place(context: DocumentContext, phrases: list[Token]) -> tuple[str, bool] | None:
    """The first unresolved place named by a target phrase, and whether it is only a
    reference point; a place named outright beats an earlier reference point."""
    found: tuple[str, bool] | None = None
    for phrase in phrases:
        reference = _is_reference(phrase)
        if found is not None and (reference or not found[1]):
            continue
        # "the tanker Avaj" names a ship, not a place
        tokens = [t for t in _np_tokens(phrase) if not _vessel_name(t)]
        name = _unresolved_place(context, tokens)
        if name is not None:
            found = (name, reference)
    return found


def _vessel_name(token: Token) -> bool:
    """A proper noun naming a vessel: next to a vessel word ("the tanker Avaj", "the Avaj
    tanker", "the supertanker Khark-5")."""
    if token.pos_ != "PROPN":
        return False
    doc = token.doc
    for step in (-1, 1):
        i = token.i + step
        while 0 <= i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].text == "-"):
            i += step
        if 0 <= i < len(doc) and doc[i].lower_ in VESSEL_NOUNS:
            return True
    return False


def _with_loose_place(target: _Target, loose: tuple[str, bool] | None) -> _Target:
    """``target`` located at an unresolved place when it has none (or only a reference
    point while the loose place is not one); the country stays the target state's."""
    if loose is None:
        return target
    name, reference = loose
    if target.location is None or (target.reference and not reference):
        return _Target(target.mention, Place(name=name, country=target.mention.country),
                       reference)
    return target


# --------------------------------------------------------------------------- attributes


def _casualties(context: DocumentContext, sent: Span) -> tuple[Count | None, Count | None]:
    """Killed and injured counts stated in ``sent``."""
    from bilat.normalise import find_counts

    words = _words()
    doc = context.doc
    killed: Count | None = None
    injured: Count | None = None
    for count in find_counts(sent.text):
        if count.start_char is None or count.end_char is None:
            continue
        start = sent.start_char + count.start_char
        end = sent.start_char + count.end_char
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        which = _casualty_kind(span, words)
        if which is None:
            continue
        located = Count(min=count.min, max=count.max, text=count.text, start_char=start,
                        end_char=end)
        if which == "killed" and killed is None:
            killed = located
        elif which == "injured" and injured is None:
            injured = located
    return killed, injured


def _casualty_kind(span: Span, words: _Words) -> str | None:
    doc = span.doc
    root = span.root
    noun = root.head if root.dep_ in {"nummod", "quantmod"} else root
    # "killed at least 46 people", "killing 90 people", "wounding 230 others"
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 3):span.start]]
    for word in reversed(before):
        if word in words.killed:
            return "killed"
        if word in words.injured:
            return "injured"
        if word in {",", ";", "and"}:
            break
    # "people were killed", "people died", "30 people, many of them children, were killed"
    verb = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}:
        if verb.lower_ in words.killed:
            return "killed"
        if verb.lower_ in words.injured:
            return "injured"
    # "46 dead", "12 people dead", "30 killed"
    after = [t.lower_ for t in doc[noun.i + 1:min(span.sent.end, noun.i + 3)]]
    for word in after[:2]:
        if word in words.killed:
            return "killed"
        if word in words.injured:
            return "injured"
    if span.end < len(doc) and doc[span.end].lower_ in words.killed | words.injured:
        return "killed" if doc[span.end].lower_ in words.killed else "injured"
    return None


def _kind(trigger: Trigger, attacker_token: Token | None) -> str:
    kind = trigger.label
    if kind not in {"unspecified", "ground"} or attacker_token is None:
        return kind
    words = {attacker_token.lower_} | {c.lower_ for c in attacker_token.children}
    if words & DRONE_NOUNS:
        return "drone"
    if words & AIR_NOUNS:
        return "air"
    if attacker_token.lower_ in {"warship", "warships", "gunboats", "gunboat", "navy",
                                 "frigate", "submarine", "boats"}:
        return "naval"
    return kind


def _path_up(token: Token, hops: int = 5) -> list[Token]:
    out = [token]
    current = token
    for _ in range(hops):
        if current.head == current:
            break
        current = current.head
        out.append(current)
    return out


def _argument_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is an argument of ``verb``: its subject or object, a coordinated
    one, or the object of a preposition on it ("a US strike could trigger", "fears of a
    strike could", "could face attacks on its bases")."""
    node = noun
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.head == verb:
        return True
    return node.dep_ == "pobj" and node.head.head == verb


def _hypothetical(trigger: Trigger) -> bool:
    """A strike that is only imagined: "a US strike could trigger ...", "if Israel attacks"."""
    head = trigger.head
    path = _path_up(head, 3)
    # "Iran threatened to strike Israel", "Turkey warned it would launch an offensive": a
    # threat names a strike that has not happened
    node = head
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "dobj"} or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in THREAT_LEMMAS:
            return True
    for node in path:
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        if node != head and not _argument_of(head, node):
            break  # "the development, a week into Turkey's offensive, could undermine ..."
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX:
                return True
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return True
        # "it would be foolish for Japan to strike back", "it could be a mistake to attack":
        # an infinitive judged by a modal "be" is only weighed, not done
        host = node.head
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and \
                node.dep_ in {"advcl", "xcomp", "ccomp", "csubj", "acl"} and \
                host.lemma_.lower() == "be" and any(
                    c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | {"would"}
                    for c in host.children):
            return True
        break
    return head.dep_ == "pobj" and head.head.lower_ == "of" and \
        head.head.head.lower_ in HYPOTHETICAL_NOUNS - {"threat", "threats"}


def _planned(context: DocumentContext, trigger: Trigger) -> bool:
    head = trigger.head
    if context.tense(head) == "future":
        return True
    for child in head.children:
        if child.lower_ in PLAN_WORDS and child.dep_ in {"amod", "compound", "aux"}:
            return True
    for node in _path_up(head, 4):
        if node is head:
            continue
        if node.lower_ in PLAN_WORDS:
            return True
        if node.pos_ in {"VERB", "AUX"} and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in node.children):
            return True
        if node.pos_ == "VERB" and node.dep_ not in {"xcomp", "acl", "ccomp"} and \
                node.lower_ not in PLAN_WORDS:
            break
    return False


def _negated(trigger: Trigger) -> bool:
    head = trigger.head
    if any(c.dep_ == "neg" for c in head.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    verb = governing_verb(head)
    if verb is not None and verb is not head and head.dep_ in {"dobj", "nsubjpass"}:
        return any(c.dep_ == "neg" for c in verb.children) and \
            verb.lower_ in _words().light_verbs
    return False


def _claimant(context: DocumentContext, trigger: Trigger,
              parties: set[str], verbs: frozenset[str] = REPORTING_VERBS) -> Actor | None:
    """The party (attacker or target side) that reports the strike, if one does; with
    ``verbs=DENYING_VERBS`` the party that denies it ("Turkey denied that its jets had
    bombed ...")."""
    head = trigger.head
    node = head
    for _ in range(6):
        if node.head == node:
            break
        parent = node.head
        if parent.pos_ in {"VERB", "AUX"} and (parent.lower_ in verbs or
                                               parent.lemma_.lower() in verbs) \
                and (node.dep_ in {"ccomp", "dobj", "xcomp", "advcl", "parataxis", "conj"} or
                     (node.dep_ == "prep" and parent.lemma_.lower() in ACCUSING_LEMMAS)):
            for subject in _subjects(parent):
                mention = _state_mention(context, subject,
                                         frozenset({"country", "demonym", "capital", "body",
                                                    "person", "group"}))
                if mention is not None and mention.country in parties:
                    name = " ".join(t.text for t in subject.subtree
                                    if t.dep_ not in {"relcl", "appos", "punct"}
                                    ) if len(list(subject.subtree)) <= 8 else mention.text
                    return Actor(name=name, country=mention.country)
            return None
        node = parent
    if verbs is not REPORTING_VERBS:
        return None
    sent = head.sent
    # "..., according to Iraq's military"
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and \
                token.nbor().lower_ == "to":
            for obj in token.nbor().children:
                mention = _state_mention(context, obj)
                if mention is not None and mention.country in parties:
                    return Actor(name=mention.text, country=mention.country)
    # "..., Iraq said." (reporting clause after the report)
    root = sent.root
    if (root.lower_ in REPORTING_VERBS or root.lemma_.lower() in REPORTING_VERBS) and \
            head in list(root.subtree) and head != root:
            for subject in _subjects(root):
                mention = _state_mention(context, subject)
                if mention is not None and mention.country in parties:
                    return Actor(name=mention.text, country=mention.country)
    return None


# --------------------------------------------------------------------------- main


def _excluded(trigger: Trigger) -> bool:
    words = _words()
    head = trigger.head
    start = trigger.start
    doc = head.doc
    if start > 0 and doc[start - 1].lower_ in words.not_before:
        return True
    # ("first strike" is a doctrine; "the first incursion" is an operation)
    modifiers = words.not_before if trigger.entry.id == "strike" else words.not_before - {"first"}
    if any(c.lower_ in modifiers and c.dep_ in {"compound", "amod", "poss"}
           for c in head.children):
        return True
    if any(c.dep_ in {"dobj", "obj"} and c.lower_ in words.not_objects for c in head.children):
        return True
    # "a new offensive" is often tagged ADJ; "offensive weapons", "an offensive remark" are not
    if head.pos_ == "ADJ" and head.dep_ not in {"dobj", "obj", "pobj", "nsubj", "nsubjpass",
                                                "conj", "appos", "attr"}:
        return True
    # "crossed the river into ...": a crossing is a move of force only into somewhere
    if trigger.entry.id == "cross" and not _into_phrase(head):
        return True
    # "on strike", "went on strike"
    return trigger.entry.id == "strike" and head.dep_ == "pobj" and head.head.lower_ == "on"


def _theatre(context: DocumentContext, trigger: Trigger, attacker: str,
             back: int = 2, placed: bool = False) -> list[_Target]:
    """The state a strike with no stated target happens in, when the text makes it plain:
    one foreign state named as a territory (else by demonym) in the same sentence or the one
    before, which is also one of the two states other than the attacker that the document
    names most ("Russia's military intervention" in an article about Syria; "US-led
    coalition airstrikes" retaking Raqqa).
    A sentence that names no foreign state is passed over for the one before it. With
    ``placed``, a state from an earlier sentence counts only as the place where something
    happens there ("its campaign ... in Syria", not "talks with Egypt")."""
    head = trigger.head
    if head.lower_ in {"intervention", "interventions"} and trigger.entry.id == "incursion":
        return []  # a bare "intervention" may be diplomatic
    for token in _np_tokens(head):
        if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in {
                "in", "on", "into", "near", "at", "inside", "around"} and \
                context.actor_at(token.i) is None:
            return []  # a named place we cannot place: "a campaign ... in Sinai"
    counts: Counter[str] = Counter(m.country for m in context.actors.mentions
                                   if m.kind in TERRITORY_KINDS | {"demonym"}
                                   and m.country != attacker)
    salient = {c for c, _ in counts.most_common(2)}
    sent = head.sent
    doc = head.doc
    sentences = [sent]
    for _ in range(back):  # the sentence before, or two before past a sentence naming no one
        if sentences[-1].start == 0:
            break
        sentences.append(doc[sentences[-1].start - 1].sent)
    for each in sentences:
        mentions = _theatre_mentions(context, each, attacker)
        for kinds in (TERRITORY_KINDS, frozenset({"demonym"})):
            found = [m for m in mentions if m.kind in kinds]
            countries = {m.country for m in found}
            if len(countries) > 1:
                return []
            if countries:
                country = next(iter(countries))
                if country not in salient:
                    return []
                if placed and each is not sent and not any(
                        m.kind == "place" or (doc[m.end - 1].dep_ == "pobj" and doc[
                            m.end - 1].head.lower_ in {"in", "inside", "into", "across"})
                        for m in found):
                    return []
                place = next((m for m in found if m.kind == "place"), None)
                location = Place(name=place.text, country=country) if place else None
                return [_Target(found[0], location)]
    return []


def _theatre_mentions(context: DocumentContext, sent: Span,
                      attacker: str) -> list[ActorMention]:
    """The states of ``sent`` that may be a strike's theatre: not the attacker, not a
    speaker's state ("one U.S. official told Reuters"), not a partner's ("in a joint effort
    with Iran")."""
    doc = sent.doc
    speakers = _words().speakers
    partner_preps = _words().partner_preps
    return [m for m in context.actors.within(sent.start, sent.end)
            if m.country != attacker and not (
                m.kind in {"demonym", "country"} and
                doc[m.end - 1].dep_ in {"compound", "amod", "nmod"} and
                doc[m.end - 1].head.lower_ in speakers) and not (
                doc[m.end - 1].dep_ == "pobj" and
                doc[m.end - 1].head.lower_ in partner_preps)]


def _document_theatre(context: DocumentContext, trigger: Trigger,
                      attacker: str) -> list[_Target]:
    """The state a strike naming no target happens in when the whole article is about
    one foreign state: named as a territory or by demonym at least
    ``THEATRE_MIN_MENTIONS`` times and at least twice as often as any other state but the
    attacker ("Its overnight bombing raid ..." in an article about Syria's war)."""
    head = trigger.head
    if head.lower_ in {"intervention", "interventions"} and trigger.entry.id == "incursion":
        return []  # a bare "intervention" may be diplomatic
    sent = head.sent
    if any(m.kind in TERRITORY_KINDS for m in context.actors.within(sent.start, sent.end)):
        return []  # the sentence places it ("... as in Ghouta, near Damascus")
    counts: Counter[str] = Counter(m.country for m in context.actors.mentions
                                   if m.kind in TERRITORY_KINDS | {"demonym"}
                                   and m.country != attacker)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < THEATRE_MIN_MENTIONS or (
            len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return []
    country = ranked[0][0]
    mention = next(m for m in context.actors.mentions if m.country == country and
                   m.kind in TERRITORY_KINDS | {"demonym"})
    return [_Target(mention, None)]


def _into_phrase(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "into" for c in head.children)


def _state_move_into(context: DocumentContext, trigger: Trigger,
                     attacker_token: Token | None) -> bool:
    """A ground move by a state named as such ("a Turkish push into ...", "Turkey's
    offensive into ..."): the attacker word is the state itself, not people of it."""
    if trigger.label != "ground" or attacker_token is None or not _into_phrase(trigger.head):
        return False
    mention = context.actor_at(attacker_token.i)
    return mention is not None and mention.kind in {"demonym", "country", "capital", "body"} \
        and attacker_token.dep_ in {"amod", "poss", "compound"}


@attrs.frozen(slots=True)
class _Found:
    """A strike mention with what later mentions need: whether its location is only a
    reference point, and the attacker mention it named."""

    event: Strike
    reference: bool
    attacker: ActorMention | None
    territorial: bool = False  # the target was named as a territory, not by a demonym
    anaphoric: bool = False  # the attacker came from the strike before ("the planes")
    unattributed: bool = False  # a bare noun naming no attacker ("the assault on Afrin")
    modifier_only: bool = False  # the attacker is a demonym before a noun naming no target


def _state_modifier(context: DocumentContext, trigger: Trigger,
                    attacker_token: Token | None) -> bool:
    """A strike noun modified by the state itself ("Israeli strikes on Gaza", "Russia's raids
    on ...", "US attacks against ..."): the state's own act, as with a military noun."""
    if attacker_token is None or _is_verbal(trigger):
        return False
    mention = context.actor_at(attacker_token.i)
    return mention is not None and mention.kind in {"demonym", "country", "capital", "body"} \
        and attacker_token.dep_ in {"amod", "poss", "compound", "nmod"} \
        and attacker_token.head == trigger.head \
        and mention.start >= trigger.start - MODIFIER_WINDOW


def _bare_forces(token: Token) -> bool:
    """A military noun naming no one ("the planes", "warplanes"): an anaphor for the
    forces of the strike just reported."""
    if token.lower_ in UNTIED_FORCES or token.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return False
    return all(c.dep_ == "punct" or (c.dep_ == "det" and c.lower_ in ANAPHOR_DETS)
               for c in token.children)


def _weapon(token: Token) -> str | None:
    """The strike kind of a weapon phrase ("cruise missiles", "artillery shells", "dozens
    of drones", "a barrage of rockets"), or ``None`` when it names no weapon."""
    weapons = _words().weapons
    for each in conjuncts(token):
        modifiers = [c for c in each.children if c.dep_ in {"compound", "amod"}]
        if any(w.lower_ in _words().non_lethal for c in modifiers for w in c.subtree):
            continue  # "water cannon", "rubber bullets", "tear gas shells"
        words = [each, *modifiers, *pp_objects(each, ["of"])]
        for word in words:
            kind = weapons.get(word.lower_)
            if kind is not None:
                return kind
    return None


def _weapon_fired(trigger: Trigger) -> str | None:
    """For a verb of launching ("fired", "lobbed", "launched", "dropped"): the kind of the
    weapon it launches, named by its object, its passive subject or the noun it describes
    ("Russia fired cruise missiles at ...", "shells were lobbed into ...", "rockets fired
    at ..."); ``None`` when it launches no weapon ("launched a satellite", "fired staff")."""
    head = trigger.head
    phrases = [c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    described = modified_noun(head)
    if described is not None:
        phrases.append(described)
    for phrase in phrases:
        kind = _weapon(phrase)
        if kind is not None:
            return kind
    return None


def _first_force(context: DocumentContext, tokens: list[Token]) -> ActorMention | None:
    """The first of ``tokens`` that names a state (its name, capital or a body) or its
    forces ("Indian troops"): who violates a truce or repels an attack."""
    for token in tokens:
        mention = _state_mention(context, token)
        if mention is not None and (mention.kind in {"country", "capital", "body"} or
                                    _is_military(token)):
            return mention
    return None


def _violation(context: DocumentContext, trigger: Trigger) -> list[_Found]:
    """A ceasefire violation: force used across a truce line ("Pakistan violated the
    ceasefire", "ceasefire violations by Indian troops", "the truce was breached by ...").
    The violator (the subject of the verb, or the agent of the violation noun) is the
    attacker, a state or its forces; the target is the state the text names as hit, else
    the one other state named in the sentence (the side that reports it)."""
    head = trigger.head
    violate = _words().violate
    node = head.head
    agents: list[Token] = []
    if head.dep_ in {"dobj", "obj"} and node.lower_ in violate and node.pos_ == "VERB":
        agents = _subjects(node)
    elif head.dep_ == "nsubjpass" and node.lower_ in violate:
        agents = [o for c in node.children if c.dep_ == "agent"
                  for o in c.children if o.dep_ == "pobj"]
    elif head.dep_ in {"compound", "amod", "nmod"} and node.lower_ in violate:
        modifiers, by_phrases, light = _noun_agent_phrases(node)
        agents = [m for m in modifiers if m != head] + by_phrases + light
    else:
        return []
    attacker = _first_force(context, agents)
    if attacker is None:
        return []
    phrases = _preps(node) + _preps(head)
    targets = [t for t in _targets(context, phrases, True)
               if t.mention.country != attacker.country]
    if not targets:
        targets = _possessed_target(context, phrases, attacker.country)
    if not targets:
        sent = head.sent
        others = {m.country: m for m in context.actors.within(sent.start, sent.end)
                  if m.kind in FORCES_KINDS | TERRITORY_KINDS and m.country != attacker.country}
        if len(others) != 1:
            return []
        targets = [_Target(next(iter(others.values())), None)]
    sent = head.sent
    parties = {attacker.country} | {t.mention.country for t in targets}
    claimed_by = _claimant(context, trigger, parties)
    killed, injured = _casualties(context, sent)
    date = context.date_for(node, sent, fallback=True)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    return [_Found(Strike(attacker_country=attacker.country,
                          target_country=target.mention.country, kind="unspecified",
                          killed=killed, injured=injured, location=target.location,
                          date=date, modality=Modality.ASSERTED if claimed_by is None
                          else Modality.CLAIMED, claimed_by=claimed_by, evidence=evidence,
                          rule=f"strike.{trigger.entry.id}"), False, attacker)
            for target in targets]


def _two_sided(context: DocumentContext, trigger: Trigger) -> list[_Found]:
    """A reciprocal fight between the forces of two states ("Indian and Pakistani troops
    exchanged fire", "Afghan forces clashed with Pakistani border guards"): two strikes,
    one each way. The sides must be forces (a military noun among the words before the
    verb) or states named as such ("India and Pakistan exchanged fire"); "clashed" needs
    the forces ("India and China clashed over trade" is words)."""
    head = trigger.head
    tokens = sides(head)
    parties: list[ActorMention] = []
    for token in tokens:
        mention = context.actor_at(token.i)
        if mention is not None and mention.kind in FORCES_KINDS and \
                all(p.country != mention.country for p in parties):
            parties.append(mention)
    if len(parties) != 2:
        return []
    forces = any(_is_military(t) for t in tokens if t.i < head.i)
    states = all(p.kind in {"country", "capital", "body"} for p in parties)
    if not forces and (trigger.entry.id == "clash" or not states):
        return []
    sent = head.sent
    modality = Modality.NEGATED if _negated(trigger) else (
        Modality.PLANNED if _planned(context, trigger) else Modality.ASSERTED)
    place = _loose_place(context, _preps(head))
    date = context.date_for(head, sent, tense="future" if modality is Modality.PLANNED
                            else None, fallback=modality is Modality.ASSERTED)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    out: list[_Found] = []
    for attacker, target in ((parties[0], parties[1]), (parties[1], parties[0])):
        event = Strike(attacker_country=attacker.country, target_country=target.country,
                       kind=trigger.label if trigger.label != "unspecified" else "ground",
                       location=None if place is None else Place(name=place[0],
                                                                 country=None),
                       date=date, modality=modality, evidence=evidence,
                       rule=f"strike.{trigger.entry.id}")
        out.append(_Found(event, False, attacker))
    return out


def _counter_strike(context: DocumentContext, trigger: Trigger, own: list[_Found],
                    antecedent: ActorMention | None) -> list[_Found]:
    """Force used to repel an attack: "Iraqi forces repulsed the attack, killing thousands of
    Iranians", "they crushed a new Iranian offensive near Basra". The defender (subject of
    the repelling verb, a state or its forces) strikes the forces of the attack's own
    attacker: the attacker of the strike the noun itself reports (``own``), else, for a
    noun naming no one ("the attack"), of the strike just reported (``antecedent``)."""
    head = trigger.head
    if _is_verbal(trigger) or head.dep_ not in {"dobj", "obj", "nsubjpass"}:
        return []
    verb = head.head
    if verb.lower_ not in _words().repel:
        return []
    if head.dep_ == "nsubjpass":
        defenders = [o for c in verb.children if c.dep_ == "agent"
                     for o in c.children if o.dep_ == "pobj"]
    else:
        defenders = _subjects(verb)
    defender = _first_force(context, defenders)
    if defender is None:
        return []
    owner = next((f.attacker for f in own if f.attacker is not None), None)
    if owner is None:
        named, _, named_token = _attacker(context, trigger)
        if named is None and named_token is None:
            owner = antecedent  # "repulsed the attack": the strike just reported
        elif _target_phrases(trigger, named_token):
            return []  # "blocked the French attack on the rules": its target is no place
        else:
            owner = named  # "crushes new Iranian offensive"
    if owner is None or owner.country == defender.country or owner.kind == "person":
        return []
    sent = head.sent
    places = _targets(context, _preps(head) + _preps(verb), False)
    location = next((t.location for t in places if t.location is not None), None)
    parties = {defender.country, owner.country}
    claimed_by = _claimant(context, trigger, parties)
    killed, injured = _casualties(context, sent)
    date = context.date_for(verb, sent, fallback=True)
    event = Strike(attacker_country=defender.country, target_country=owner.country,
                   kind="ground", killed=killed, injured=injured, location=location,
                   date=date, modality=Modality.ASSERTED if claimed_by is None
                   else Modality.CLAIMED, claimed_by=claimed_by,
                   evidence=(context.evidence(sent.start_char, sent.end_char),),
                   rule=f"strike.{trigger.entry.id}.repelled")
    return [_Found(event, False, defender)]


def _coordinated(context: DocumentContext, attacker_token: Token,
                 attacker: ActorMention) -> list[ActorMention]:
    """Other states named alongside the attacker in its own phrase: "Syrian and Russian
    jets", "by Israel and the US", "the regime and Russia"."""
    words = [*attacker_token.conjuncts]
    for child in attacker_token.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"}:
            words.extend(child.conjuncts)
    out: list[ActorMention] = []
    for word in words:
        mention = context.actor_at(word.i)
        if mention is not None and mention.kind in ATTACKER_KINDS - {"person"} and \
                mention.country != attacker.country and \
                all(m.country != mention.country for m in out):
            out.append(mention)
    return out


def _anonymous_agent(context: DocumentContext, verb: Token) -> bool:
    """The passive ``verb`` is done by weapons or craft of no named side only."""
    agents = pp_objects(verb, ["by"]) + [o for c in verb.children if c.dep_ == "agent"
                                         for o in c.children if o.dep_ == "pobj"]
    return bool(agents) and all(_anonymous_weapon(context, a) for a in agents)


def _anonymous_weapon(context: DocumentContext, token: Token | None) -> bool:
    """A passive's agent that is a weapon or craft of no named side ("struck by a drone",
    "hit by a missile"): the attacker is unknown, as with no agent at all; never a
    non-state group's ("by a Houthi missile") or one with any name or pronoun."""
    if token is None or token.dep_ != "pobj" or not (
            _is_military(token) or _weapon(token) is not None):
        return False
    if any(c.dep_ in {"acl", "relcl"} and any(
            g.dep_ in {"agent", "nsubj"} or (g.dep_ == "prep" and g.lower_ in {"by", "from"})
            for g in c.children) for c in token.children):
        return False  # "rockets fired by Hezbollah", "drones launched from Yemen"
    phrase = _attacker_np(token)
    return not _mentions_in(context, phrase) and not any(
        t.ent_type_ or t.pos_ in {"PROPN", "PRON"} or t.dep_ == "poss"
        or is_non_state(context, t) for t in phrase)


@attrs.frozen(slots=True)
class _Reading:
    """Who a strike mention's attacker is, as read from its trigger: the state mention (or
    ``None``), whether the attacker phrase is military, its head token, and how it was
    found."""

    attacker: ActorMention | None
    military: bool
    token: Token | None
    weak: bool
    anaphoric: bool = False  # the attacker came from the strike before ("the planes")
    unattributed: bool = False  # a bare strong noun naming no one ("the assault on Afrin")


def _special_mentions(context: DocumentContext, trigger: Trigger) -> list[_Found] | None:
    """The mentions of a trigger read by its own rule (two-sided fighting, a ceasefire
    violation) or none at all (excluded or hypothetical); ``None`` for an ordinary one."""
    if _excluded(trigger) or _hypothetical(trigger):
        return []
    if trigger.entry.extra.get("two_sided"):
        return _two_sided(context, trigger)
    if trigger.entry.extra.get("violation"):
        return _violation(context, trigger)
    return None


def _with_antecedent(reading: _Reading, antecedent: ActorMention | None) -> _Reading:
    """"Israeli jets bombed ... . The planes attacked targets in ...": bare forces are the
    forces of the strike just reported; and a person is no attacker of a weak word ("the
    president attacked the plan": words, not force)."""
    attacker = reading.attacker
    if attacker is None and antecedent is not None and reading.token is not None and \
            reading.military and _bare_forces(reading.token):
        attacker = antecedent
    anaphoric = attacker is not None and attacker is antecedent
    if attacker is not None and attacker.kind == "person" and reading.weak:
        attacker = None
    return attrs.evolve(reading, attacker=attacker, anaphoric=anaphoric)


def _unknown_attacker_allowed(context: DocumentContext, trigger: Trigger,
                              reading: _Reading) -> bool:
    """Unknown attackers only for an agentless passive ("Kharg was hit"), one done by an
    anonymous weapon ("struck by a drone"), or a bare noun ("the assault on Afrin") that a
    stated strike on the same target attributes."""
    if reading.unattributed:
        return True
    head = trigger.head
    if not (_is_verbal(trigger) and _is_passive(head)):
        return False
    return (reading.token is None and not pp_objects(head, ["by"])
            and not any(c.dep_ == "agent" for c in head.children)) or \
        _anonymous_agent(context, head)


def _admitted(context: DocumentContext, trigger: Trigger, reading: _Reading) -> _Reading | None:
    """The reading if its attacker may make a strike of the trigger, else ``None``: a weak
    word needs a state or military attacker (or is an agentless passive); civilians
    ("tourists from Germany invaded the beaches") attack no one."""
    attacker, token, weak = reading.attacker, reading.token, reading.weak
    if weak and attacker is None and not (_is_verbal(trigger) and _is_passive(trigger.head)):
        return None
    if token is not None and token.lower_ in _words().civilians:
        return None
    if weak and attacker is not None and not reading.military and attacker.kind not in {
            "country", "capital"} and not _state_move_into(context, trigger, token) \
            and not _state_modifier(context, trigger, token):
        return None
    unattributed = attacker is None and not weak and _agentless_noun(context, trigger)
    reading = attrs.evolve(reading, unattributed=unattributed)
    if attacker is None and not _unknown_attacker_allowed(context, trigger, reading):
        return None
    return reading


def _strike_targets(context: DocumentContext, trigger: Trigger, reading: _Reading,
                    phrases: list[Token], fired: str | None) -> list[_Target]:
    """The targets of a strike: named in its phrases, possessed by the attacker's
    enemy, else (for a stated attacker) the theatre of its sentence or its article."""
    attacker, weak = reading.attacker, reading.weak
    # a launched weapon is force enough: any phrase naming a place is a target
    targets = _targets(context, phrases, weak and fired is None)
    if not targets and attacker is not None:
        targets = _possessed_target(context, phrases, attacker.country)
    if reading.unattributed:
        targets = [t for t in targets if t.mention.kind in TERRITORY_KINDS]
    if not targets and attacker is not None and not trigger.entry.extra.get("no_theatre") and (
            not weak or (reading.military and reading.token is not None and
                         _is_military(reading.token))):
        # (what is shot down is an aircraft: its state, not the place, is the target)
        # a weak word counts only with a military attacker, and only in its own sentence
        # a weak word hitting a physical target ("jets hit 20 targets") may take the state
        # the sentence before names
        physical = any(p.lower_ in _words().targets | _words().ships for p in phrases)
        targets = _theatre(context, trigger, attacker.country,
                           2 if not weak else 1 if physical else 0, placed=weak)
        if not targets and not weak:
            targets = _document_theatre(context, trigger, attacker.country)
    return targets


def _strike_modality(context: DocumentContext, trigger: Trigger, parties: set[str]
                     ) -> tuple[Modality, Actor | None]:
    """Negated, planned, denied or claimed (with who denies or claims), else asserted."""
    if _negated(trigger):
        return Modality.NEGATED, None
    if _planned(context, trigger):
        return Modality.PLANNED, None
    claimed_by = _claimant(context, trigger, parties, DENYING_VERBS)
    if claimed_by is not None:
        return Modality.DENIED, claimed_by
    claimed_by = _claimant(context, trigger, parties)
    if claimed_by is not None:
        return Modality.CLAIMED, claimed_by
    return Modality.ASSERTED, None


def _strike_casualties(context: DocumentContext, sent: Span) -> tuple[Count | None, Count | None]:
    """The killed and injured of a strike: in its sentence, else in the next one when that
    one reports no strike of its own."""
    killed, injured = _casualties(context, sent)
    if killed is None and injured is None and sent.end < len(context.doc):
        following = context.doc[sent.end].sent
        if not any(True for _ in load_lexicon("strike").find(following)):
            killed, injured = _casualties(context, following)
    return killed, injured


def _strike_events(context: DocumentContext, trigger: Trigger, reading: _Reading,
                   targets: list[_Target], fired: str | None
                   ) -> tuple[list[Strike], list[tuple[bool, bool]]]:
    """One strike event per target state other than the attacker's, with whether each
    target's place is only a reference point and whether it was named as a territory."""
    attacker = reading.attacker
    head = trigger.head
    sent = head.sent
    parties = {t.mention.country for t in targets}
    if attacker is not None:
        parties.add(attacker.country)
    modality, claimed_by = _strike_modality(context, trigger, parties)
    killed, injured = _strike_casualties(context, sent)
    date = context.date_for(
        head,
        sent,
        tense="future" if modality is Modality.PLANNED else None,
        fallback=modality in {Modality.ASSERTED, Modality.CLAIMED},
    )
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    out: list[Strike] = []
    references: list[tuple[bool, bool]] = []
    for target in targets:
        if attacker is not None and target.mention.country == attacker.country:
            continue
        references.append((target.reference, target.mention.kind in TERRITORY_KINDS))
        out.append(
            Strike(
                attacker_country=attacker.country if attacker is not None else None,
                target_country=target.mention.country,
                kind=fired if fired is not None else _kind(trigger, reading.token),
                killed=killed,
                injured=injured,
                location=target.location,
                date=date,
                modality=modality,
                claimed_by=claimed_by,
                evidence=evidence,
                rule=f"strike.{trigger.entry.id}",
            )
        )
    if reading.unattributed:  # it only names the place of a strike the document attributes
        out = [attrs.evolve(e, date=None, killed=None, injured=None,
                            rule=f"{e.rule}.unattributed") for e in out]
    return out, references


def _with_co_attackers(context: DocumentContext, trigger: Trigger, reading: _Reading,
                       found: list[_Found]) -> list[_Found]:
    """The mentions plus the same strike by each state said to act with the attacker."""
    attacker = reading.attacker
    if attacker is None:
        return found
    for partner in _co_attackers(context, trigger, attacker.country):
        found.extend(_Found(attrs.evolve(f.event, attacker_country=partner,
                                         rule=f"strike.{trigger.entry.id}.co"),
                            f.reference, attacker, f.territorial, reading.anaphoric)
                     for f in list(found) if f.event.attacker_country == attacker.country
                     and f.event.target_country != partner)
    return found


def _strike_mentions(context: DocumentContext, trigger: Trigger,
                     antecedent: ActorMention | None = None,
                     forced: ActorMention | None = None) -> list[_Found]:
    """The strike mentions of one trigger: read the attacker, admit it, find the targets,
    build one event per target (``forced``: the attacker already chosen among coordinated
    ones; ``antecedent``: the attacker of the strike just reported)."""
    special = _special_mentions(context, trigger)
    if special is not None:
        return special
    fired: str | None = None
    if trigger.entry.extra.get("needs_weapon"):
        fired = _weapon_fired(trigger)
        if fired is None:
            return []
    weak = trigger.entry.extra.get("strength") == "weak"
    attacker, military, attacker_token = _attacker(context, trigger)
    if forced is not None:
        attacker = forced
    elif attacker is not None and attacker_token is not None:
        partners = _coordinated(context, attacker_token, attacker)
        if partners:  # one strike per state: "airstrikes by Syrian and Russian jets"
            found = _strike_mentions(context, trigger, antecedent, attacker)
            for other in partners:
                found.extend(_strike_mentions(context, trigger, antecedent, other))
            return found
    reading = _admitted(context, trigger, _with_antecedent(
        _Reading(attacker, military, attacker_token, weak), antecedent))
    if reading is None:
        return []
    phrases = _target_phrases(trigger, reading.token)
    targets = _strike_targets(context, trigger, reading, phrases, fired)
    if not targets:
        return []
    attacker = reading.attacker
    if attacker is not None and all(t.mention.country == attacker.country for t in targets):
        return []  # domestic
    out, references = _strike_events(context, trigger, reading, targets, fired)
    modifier_only = not phrases and attacker is not None and attacker.kind == "demonym" and \
        reading.token is not None and reading.token.dep_ == "amod" and not _is_verbal(trigger)
    found = [_Found(event, ref, attacker, territorial, reading.anaphoric, reading.unattributed,
                    modifier_only)
             for event, (ref, territorial) in zip(out, references, strict=True)]
    return _with_co_attackers(context, trigger, reading, found)


def _gerund_of_prep(token: Token) -> bool:
    """A verb in "engaged in bombing", "involved in attacking" (parsed pcomp or pobj)."""
    return (token.dep_ == "pcomp" or (token.dep_ == "pobj" and token.pos_ == "VERB")) and \
        token.head.dep_ == "prep" and token.head.head.pos_ in {"VERB", "AUX"}


def _co_attackers(context: DocumentContext, trigger: Trigger, attacker: str) -> list[str]:
    """States said to act alongside the attacker of a strike verb: "the German jets, which
    like their American counterparts were attacking ...", "Turkish troops, along with Qatari
    units, shelled ..." (only on the verb chain whose subject is the attacker, so "Like
    France, Germany condemned the Russian airstrikes" adds no one)."""
    if not _is_verbal(trigger):
        return _joint_attackers(context, trigger, attacker)
    out: list[str] = []
    node = trigger.head
    for _ in range(3):
        for child in node.children:
            if child.dep_ != "prep":
                continue
            word = child.lower_
            if word == "with" and child.i > 0 and child.doc[child.i - 1].lower_ in {
                    "along", "together"}:
                word = "along with"
            if word not in {"like", "alongside", "along with"}:
                continue
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                for each in conjuncts(obj):
                    mention = _state_mention(context, each)
                    if mention is not None and mention.country != attacker and \
                            mention.country not in out:
                        out.append(mention.country)
        if _gerund_of_prep(node):
            node = node.head.head  # "were engaged in attacking"
        elif node.dep_ in {"xcomp", "conj"} and node.head.pos_ in {"VERB", "AUX"}:
            node = node.head
        else:
            break
    return out


def _joint_attackers(context: DocumentContext, trigger: Trigger, attacker: str) -> list[str]:
    """States said to do a strike noun's act with the attacker ("Moscow's intervention,
    launched in a joint effort with Iran"; "French airstrikes, conducted together with
    British jets")."""
    out: list[str] = []
    for partner in joint_partners(trigger.head, _words().joint_nouns, _words().light_verbs):
        mention = _state_mention(context, partner, FORCES_KINDS)
        if mention is not None and mention.country != attacker and mention.country not in out:
            out.append(mention.country)
    return out


def _fill_unknown_attackers(found: list[Strike]) -> list[Strike]:
    """Give a mention with no stated attacker the attacker of a stated strike on the same
    target, when the document names exactly one."""
    known: dict[str, set[str]] = {}
    for event in found:
        if event.attacker_country is not None and event.target_country is not None:
            known.setdefault(event.target_country, set()).add(event.attacker_country)
    out: list[Strike] = []
    for event in found:
        if event.attacker_country is None and event.target_country is not None:
            attackers = known.get(event.target_country, set())
            if len(attackers) == 1:
                event = attrs.evolve(event, attacker_country=next(iter(attackers)))
        out.append(event)
    return out


def _repaired(trigger: Trigger) -> Trigger:
    """A strike noun the tagger took for an adjective of a direction word ("launched a new
    offensive east of Kharkiv": "offensive" as an adjective of "east") stands for the
    phrase the direction word heads, which takes the verb and the "of" place."""
    head = trigger.head
    if head.dep_ == "amod" and head.pos_ == "ADJ" and head.head.lower_ in REFERENCE_WORDS \
            and head.head.dep_ in {"dobj", "obj", "pobj", "nsubj", "nsubjpass"}:
        return attrs.evolve(trigger, head=head.head)
    return trigger


def extract_strikes(context: DocumentContext) -> list[Event]:
    """Every strike mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("strike")
    found: list[_Found] = []
    last: tuple[int, ActorMention] | None = None  # sentence number, attacker of last strike
    for number, sent in enumerate(context.sentences):
        for found_trigger in lexicon.find(sent):
            trigger = _repaired(found_trigger)
            antecedent = last[1] if last is not None and number - last[0] <= ANAPHOR_SPAN \
                else None
            got = [_continued(f, found) for f in _strike_mentions(context, trigger, antecedent)]
            if not _hypothetical(trigger):
                got.extend(_counter_strike(context, trigger, got, antecedent))
            found.extend(got)
            named = next((f.attacker for f in got if f.attacker is not None), None)
            if named is not None:
                last = (number, named)
    found = _without_reversed(found)
    filled = _fill_unknown_attackers([f.event for f in found])
    # a bare noun ("the assault on Afrin") the document attributes to no one is dropped
    kept = [(event, f) for event, f in zip(filled, found, strict=True)
            if not (f.unattributed and event.attacker_country is None)]
    return list(_best_locations([event for event, _ in kept],
                                [f.reference for _, f in kept],
                                [f.unattributed for _, f in kept]))


def _without_reversed(found: list[_Found]) -> list[_Found]:
    """Drop a strike read from a demonym before a strike noun that names no target ("the
    Libyan bombing") when the document states the strike the other way round (US planes
    bombing Libya): the demonym names the target's side there, not the attacker."""
    stated = {(f.event.attacker_country, f.event.target_country)
              for f in found if not f.modifier_only}
    return [f for f in found if not (
        f.modifier_only and (f.event.target_country, f.event.attacker_country) in stated)]


def _continued(mention: _Found, before: list[_Found]) -> _Found:
    """A follow-up by the same forces ("The planes attacked Palestinian targets in ...")
    whose target is only a demonym is the strike just reported on a named territory: it
    takes that strike's target state."""
    if not mention.anaphoric or mention.territorial:
        return mention
    event = mention.event
    previous = next((f for f in reversed(before)
                     if f.event.attacker_country == event.attacker_country), None)
    if previous is None or not previous.territorial or previous.event.target_country is None:
        return mention
    country = previous.event.target_country
    location = event.location
    if location is not None:
        location = Place(name=location.name, country=country)
    return attrs.evolve(mention, event=attrs.evolve(event, target_country=country,
                                                    location=location), territorial=True)


def _best_locations(events: list[Strike], references: list[bool],
                    borrowed: list[bool] | None = None) -> list[Strike]:
    """Give every mention of one strike (same attacker and target) the place the document
    names for it first, preferring a place named outright over a reference point ("targets
    east of Sidon" then "targets in the Darb al-Sim area": Darb al-Sim), and a mention that
    names the attacker over one that got it from another mention (``borrowed``)."""
    if borrowed is None:
        borrowed = [False] * len(events)
    best: dict[tuple[str | None, str | None], tuple[Place, tuple[bool, bool]]] = {}
    for event, reference, lent in zip(events, references, borrowed, strict=True):
        if event.location is None:
            continue
        key = (event.attacker_country, event.target_country)
        held = best.get(key)
        rank = (lent, reference)
        if held is None or rank < held[1]:
            best[key] = (event.location, rank)
    out: list[Strike] = []
    for event in events:
        chosen = best.get((event.attacker_country, event.target_country))
        if chosen is not None and chosen[0] != event.location:
            event = attrs.evolve(event, location=chosen[0])
        out.append(event)
    return out
