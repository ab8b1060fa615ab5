"""Deportation roles: which state (``deporting_country``) expels people of which state
(``origin_country``).

Triggers and word lists live in ``bilat/data/triggers/deportation.json``:

* verbs ("deport", "expel", "repatriate", "extradite", "forcibly return", "push back",
  "sent back", "flown home"; the last two only for a phrase that names people):
  the deporting state is the subject, the passive agent ("were expelled by Iran") or the
  state the people are sent out of ("deported from Germany"); the deportees are the object
  (or the passive subject);
* nouns ("deportation", "expulsion", "extradition"): the deportees are the "of" phrase, the
  deporting state the possessor ("Britain's expulsion of ..."), the "by"/"from" phrase or
  the subject of a verb that carries the act out ("Pakistan began the repatriation of ...");
* "declared ... persona non grata" and "ordered ... to leave": the subject of the verb
  expels its object.

The origin state is the nationality of the deportees ("Afghan nationals", "Afghans", "two
Soviet diplomats", "citizens of Iraq"); failing that, the destination ("deported ... to
Algeria"), as people are deported to their own state; for an extradition, failing both, the
state that asked for it. Deportees must be people ("deported to the back of the queue",
"repatriated profits" are not deportations). When the text names no deporting state (a
passive with no agent, "from the kingdom"), it is the state the passage is about: the
nearest earlier state in the sentence, else the state the document mentions most; the
latter only when the deportees' nationality is stated, and never when the verb's stated
subject names no state ("it" is the state named before it in the sentence). Troops and
forces are not deportees ("expel Iranian forces from Syria").

Attributes: ``count`` from the deportees phrase ("more than 80,000", "tens of thousands"),
``group`` (diplomats, refugees, migrants, nationals) from its head noun. Modality:
``negated`` ("was supposed to have been deported", "a court rejected the request to
extradite", "did not expel"); ``proposed`` for a plan or policy under discussion ("a plan to
deport", "plans to deport"); ``planned`` for a decided future act ("will deport").
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from bilat.events import Deportation, Event
from bilat.extractors.common import modality_for, state_antecedent
from bilat.syntax.arguments import conjuncts, doers, np_tokens, patients, pp_objects
from bilat.syntax.clauses import is_passive, is_verbal
from bilat.syntax.lexicon import STATE_OR_OFFICIAL_KINDS, future_modals, hypothetical_modals
from bilat.triggers import load_lexicon
from bilat.values import Count, Modality, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_deportations"]

DEPORTER_KINDS = frozenset({"country", "capital", "body", "person", "demonym", "place"})
ORIGIN_KINDS = frozenset({"demonym", "country", "capital", "person"})
DESTINATION_KINDS = frozenset({"country", "capital"})


@attrs.frozen(slots=True)
class _Words:
    groups: dict[str, frozenset[str]]
    order_verbs: frozenset[str]
    not_objects: frozenset[str]
    light_verbs: frozenset[str]  # verbs a deportation noun is the act of ("carried out")
    deporter_nouns: frozenset[str]  # nouns whose owner deports ("Pakistan's plan")
    request_nouns: frozenset[str]  # nouns whose owner asks for an extradition
    proposal_words: frozenset[str]  # words that make a deportation proposed
    homeland_nouns: frozenset[str]  # "sent back to their home countries"
    not_from: frozenset[str]  # "expelled from the match": an activity or a body, no state

    def group_of(self, word: str) -> str | None:
        for group, words in self.groups.items():
            if word in words:
                return group
        return None


@lru_cache(maxsize=1)
def _words() -> _Words:
    path = resources.files("bilat") / "data" / "triggers" / "deportation.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    groups = {g: frozenset(w.lower() for w in ws) for g, ws in data["group_words"].items()}
    return _Words(
        groups=groups,
        order_verbs=frozenset(w.lower() for w in data["order_verbs"]),
        not_objects=frozenset(w.lower() for w in data["not_objects"]),
        light_verbs=frozenset(w.lower() for w in data["light_verbs"]),
        deporter_nouns=frozenset(w.lower() for w in data["deporter_nouns"]),
        request_nouns=frozenset(w.lower() for w in data["request_nouns"]),
        proposal_words=frozenset(w.lower() for w in data["proposal_words"]),
        homeland_nouns=frozenset(w.lower() for w in data["homeland_nouns"]),
        not_from=frozenset(w.lower() for w in data["not_from"]),
    )


def _mention_in(context: DocumentContext, token: Token,
                kinds: frozenset[str]) -> ActorMention | None:
    for t in sorted(np_tokens(token), key=lambda t: t.i):
        mention = context.actor_at(t.i)
        if mention is not None and mention.kind in kinds:
            return mention
    return None


def _deporter_from_noun(context: DocumentContext, noun: Token) -> ActorMention | None:
    """The acting state of a noun the trigger hangs from: "Pakistan's repatriation drive",
    "the court rejected the request to extradite" (the court's state, not the requester's)."""
    if noun.lower_ in _words().deporter_nouns:
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod"}:
                mention = _mention_in(context, child, DEPORTER_KINDS)
                if mention is not None:
                    return mention
    verb = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"} and verb.pos_ in {"VERB", "AUX"}:
        for subject in doers(verb):
            mention = _mention_in(context, subject, DEPORTER_KINDS)
            if mention is not None and noun.lower_ not in _words().request_nouns | {"request"}:
                return mention
            if mention is not None and mention.kind in {"body", "place", "country",
                                                        "capital", "demonym"}:
                return mention
    return None


def _requester(context: DocumentContext, trigger: Trigger) -> ActorMention | None:
    """For an extradition: the state that asked for it ("Australia's request to extradite")."""
    node = trigger.head
    for _ in range(3):
        if node.lower_ in _words().request_nouns:
            for child in node.children:
                if child.dep_ in {"poss", "compound", "amod"}:
                    return _mention_in(context, child, ORIGIN_KINDS - {"person"})
        if node.head == node:
            break
        node = node.head
    return None


def _declare_verb(trigger: Trigger) -> Token | None:
    """The "declare" verb of a "persona non grata" trigger."""
    head = trigger.head
    node = head
    for _ in range(3):
        if node.lower_.startswith("declar"):
            return node
        if node.head == node:
            break
        node = node.head
    sent = head.sent
    for token in reversed(head.doc[max(sent.start, trigger.start - 10):trigger.start]):
        if token.lower_.startswith("declar"):
            return token
    return None


_Roles = tuple["ActorMention | None", list["Token"], list["Token"]]


def _first_mention(context: DocumentContext, tokens: list[Token],
                   kinds: frozenset[str]) -> ActorMention | None:
    """The first mention of one of ``kinds`` in the phrases of ``tokens``, in their order."""
    for token in tokens:
        mention = _mention_in(context, token, kinds)
        if mention is not None:
            return mention
    return None


def _order_roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """Roles of an order to leave ("ordered the diplomats to leave") or a "persona non
    grata" declaration."""
    head = trigger.head
    verb = head.head if head.dep_ != "ROOT" else head
    if trigger.label == "leave":
        if head.dep_ not in {"xcomp", "ccomp"} or verb.lower_ not in _words().order_verbs:
            return None, [], []
        deportees = patients(verb)
    else:
        found = _declare_verb(trigger)
        if found is None:
            return None, [], []
        verb = found
        # "declared two diplomats persona non grata": the parse varies; take the noun
        # phrases between the verb and the trigger, or the passive subject
        deportees = [t for t in head.doc[verb.i + 1:trigger.start]
                     if (t.pos_ in {"NOUN", "PROPN"} and t.head.i >= trigger.start - 1)
                     or (t.dep_ in {"dobj", "nsubj"} and t.head in (verb, head))]
        deportees = [t for t in deportees if t.dep_ not in {"compound", "amod", "poss"}]
        if not deportees:
            deportees = patients(verb)
    acting = next((_mention_in(context, s, DEPORTER_KINDS) for s in doers(verb)), None)
    if acting is None and is_passive(verb, subjectless_participles=True):
        acting = next((_mention_in(context, t, DEPORTER_KINDS)
                       for t in pp_objects(verb, ["by"])), None)
    return acting, deportees, []


def _active_deporter(context: DocumentContext, verb: Token) -> ActorMention | None:
    """The deporter of an active deportation verb: its subject, the noun it modifies, or
    for an infinitive the noun it hangs from ("Pakistan's plan to deport")."""
    deporter: ActorMention | None = None
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        deporter = _deporter_from_noun(context, verb.head)
    else:
        for subject in doers(verb):
            deporter = _mention_in(context, subject, DEPORTER_KINDS)
            if deporter is None and subject.lower_ in {"it", "they"}:
                # "the UK said ... it attempted to extradite": the state named before
                deporter = state_antecedent(context, subject)
            if deporter is not None:
                break
    if deporter is None and verb.dep_ == "xcomp":
        deporter = _deporter_from_noun(context, verb.head)
    return deporter


def _verb_roles(context: DocumentContext, verb: Token) -> _Roles:
    """Roles of a deportation verb ("Tunisia deported 40 migrants to Libya")."""
    deportees = patients(verb)
    destinations = pp_objects(verb, ["to"])
    for child in verb.children:  # "sent back to", "home to"
        if child.dep_ in {"advmod", "prt"} and child.lower_ in {"back", "home"}:
            destinations += pp_objects(child, ["to"])
    if is_passive(verb, subjectless_participles=True):
        deporter = _first_mention(context, pp_objects(verb, ["by"]) + [
            o for c in verb.children if c.dep_ == "agent"
            for o in c.children if o.dep_ == "pobj"], DEPORTER_KINDS)
    else:
        deporter = _active_deporter(context, verb)
    if deporter is None:
        deporter = _first_mention(context, pp_objects(verb, ["from"]),
                                  DEPORTER_KINDS - {"demonym", "person"})
    return deporter, deportees, destinations


def _noun_roles(context: DocumentContext, head: Token) -> _Roles:
    """Roles of a deportation noun ("Pakistan's deportation of Afghans to Afghanistan")."""
    deportees = pp_objects(head, ["of"])
    destinations = pp_objects(head, ["to"])
    deporter = None
    for child in head.children:
        if child.dep_ == "poss":
            deporter = _mention_in(context, child, DEPORTER_KINDS)
    if deporter is None:
        for token in pp_objects(head, ["by", "from"]):
            deporter = _mention_in(context, token, DEPORTER_KINDS - {"person"}
                                   if token.head.lower_ == "from" else DEPORTER_KINDS)
            if deporter is not None:
                break
    if deporter is None:
        verb = head.head
        if head.dep_ in {"dobj", "nsubjpass"} and (verb.lower_ in _words().light_verbs or
                                                   verb.lemma_.lower() in _words().light_verbs):
            deporter = _first_mention(context, doers(verb), DEPORTER_KINDS)
        elif head.dep_ == "pobj" and head.head.head.pos_ in {"NOUN", "PROPN"}:
            deporter = _deporter_from_noun(context, head.head.head)
    return deporter, deportees, destinations


def _roles(context: DocumentContext, trigger: Trigger) -> _Roles:
    """(deporter mention, deportee phrases, destination phrases) for one trigger."""
    if trigger.label in {"png", "leave"}:
        return _order_roles(context, trigger)
    if is_verbal(trigger.head):
        return _verb_roles(context, trigger.head)
    return _noun_roles(context, trigger.head)


def _people(context: DocumentContext, token: Token, strict: bool = False) -> bool:
    """Whether ``token`` heads a phrase naming people; ``strict`` (for verbs that move
    goods as well as people: "sent back") asks for a people word, not just a state inside
    the phrase ("waste sent back to its country of origin, normally Germany")."""
    words = _words()
    if token.lower_ in words.not_objects:
        return False
    if words.group_of(token.lower_) is not None:
        return True
    if not strict and _origin(context, token) is not None:  # "tens of thousands of Afghans"
        return True
    mention = context.actor_at(token.i)
    if mention is not None and mention.kind in {"demonym", "person"}:
        return True
    for obj in pp_objects(token, ["of"]):  # "hundreds of migrants", "a group of nurses"
        if obj.lower_ not in words.not_objects and (
                words.group_of(obj.lower_) is not None or obj.ent_type_ == "NORP"):
            return True
    if token.ent_type_ in {"PERSON", "NORP"} or token.lower_ in {"them", "him", "her",
                                                                  "they", "some", "all"}:
        return True
    return token.pos_ == "NUM" or (any(
        c.dep_ == "nummod" for c in token.children) and token.pos_ in {"NOUN", "PROPN"})


def _origin(context: DocumentContext, phrase: Token) -> ActorMention | None:
    """The nationality of a deportee phrase ("Afghan nationals", "citizens of Iraq")."""
    mention = _mention_in(context, phrase, ORIGIN_KINDS | {"body"})
    if mention is not None and mention.kind == "body":
        return None
    return mention


def _count(context: DocumentContext, phrase: Token) -> Count | None:
    from bilat.normalise import find_counts

    tokens = sorted(np_tokens(phrase), key=lambda t: t.i)
    start, end = tokens[0].i, phrase.i + 1
    doc = context.doc
    span = doc[start:end]
    for count in find_counts(span.text):
        if count.start_char is None or count.end_char is None:
            continue
        offset = span.start_char
        return Count(min=count.min, max=count.max, text=count.text,
                     start_char=offset + count.start_char, end_char=offset + count.end_char)
    return None


def _group(context: DocumentContext, phrase: Token) -> str | None:
    words = _words()
    group = words.group_of(phrase.lower_)
    if group is not None:
        return group
    for child in phrase.children:
        if child.dep_ == "compound":
            group = words.group_of(child.lower_)
            if group is not None:
                return group
    mention = context.actor_at(phrase.i)
    if mention is not None and mention.kind == "demonym":
        return "nationals"
    return None


_CLIMB_FOR_MODALITY = frozenset({"xcomp", "acl", "pobj", "prep", "dobj", "nsubjpass",
                                 "compound", "conj", "relcl", "ccomp"})
_CUE_MODALITY: dict[str, Modality | None] = {
    "negated": Modality.NEGATED, "hypothetical": None, "proposed": Modality.PROPOSED,
    "planned": Modality.PLANNED}


def _node_cue(node: Token, head: Token, hop: int) -> str | None:
    """The modality cue on one node above the trigger ``head``: "negated", "hypothetical"
    (a modal on the trigger itself), "proposed" (a plan, a proposal), "planned" (a future
    auxiliary), or ``None``."""
    if any(c.dep_ == "neg" for c in node.children) or any(
            c.dep_ == "det" and c.lower_ == "no" for c in node.children):
        return "negated"
    if node.pos_ in {"VERB", "AUX"}:
        auxes = {c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}}
        if hop == 0 and auxes & hypothetical_modals() and node is head:
            return "hypothetical"
        if node.lower_ in _words().proposal_words and node is not head:
            return "proposed"
        if auxes & future_modals():
            return "planned"
    if node.lower_ in _words().proposal_words and node is not head:
        return "proposed"
    if any(c.lower_ in _words().proposal_words and c.dep_ in {"amod", "compound"}
           for c in node.children):
        return "proposed"
    return None


def _modality(context: DocumentContext, trigger: Trigger) -> Modality | None:
    """The deportation's modality, or ``None`` when it is only hypothetical."""
    head = trigger.head
    cue = modality_for(trigger, frozenset({"negated", "denied"}))
    if cue is not Modality.ASSERTED:
        return cue
    if trigger.label == "leave":
        return Modality.ASSERTED  # the order to leave is the expulsion
    node = head
    for hop in range(4):
        found = _node_cue(node, head, hop)
        if found is not None:
            return _CUE_MODALITY[found]
        if node.dep_ not in _CLIMB_FOR_MODALITY or node.head == node:
            break
        node = node.head
    if context.tense(head) == "future":
        return Modality.PLANNED
    return Modality.ASSERTED


def _homeland(context: DocumentContext, token: Token) -> bool:
    """A destination that is the deportees' own state, unnamed: "their home countries",
    "the countries from which they come"."""
    return token.lower_ in _words().homeland_nouns and not any(
        context.actor_at(t.i) is not None for t in np_tokens(token))


def _origins_nearby(context: DocumentContext, trigger: Trigger) -> list[ActorMention]:
    """The states the deportees come from, said in a nearby sentence: "The men are from
    Algeria, Tunisia and Egypt", "detainees from Libya and Sudan" (nearest sentence first,
    up to three sentences either side)."""
    doc = trigger.head.doc
    sent = trigger.head.sent
    sentences = [sent]
    before, after = sent, sent
    for _ in range(3):
        if before.start > 0:
            before = doc[before.start - 1].sent
            sentences.append(before)
        if after.end < len(doc):
            after = doc[after.end].sent
            sentences.append(after)
    words = _words()
    for each in sentences:
        found: list[ActorMention] = []
        for token in each:
            if token.dep_ != "prep" or token.lower_ != "from":
                continue
            head = token.head
            if not (head.lemma_.lower() == "be" or words.group_of(head.lower_) is not None):
                continue
            for obj in (o for o in token.children if o.dep_ == "pobj"):
                for place in conjuncts(obj):
                    mention = context.actor_at(place.i)
                    if mention is not None and mention.kind in DESTINATION_KINDS and \
                            all(m.country != mention.country for m in found):
                        found.append(mention)
        if found:
            return found
    return []


def _unresolved_subject(trigger: Trigger) -> bool:
    """An active deportation verb whose stated subject names no state ("the club expelled",
    "it attempted to extradite" with no state before it): someone else acts, so the
    passage's state is not the deporter."""
    head = trigger.head
    return trigger.label not in {"png", "leave"} and is_verbal(head) and \
        not is_passive(head, subjectless_participles=True) and bool(doers(head))


def _context_state(context: DocumentContext, trigger: Trigger,
                   exclude: set[str], document: bool = True) -> ActorMention | None:
    """The state a passage is about when the text names no deporting state: the nearest
    one named before the trigger in its sentence, else (``document``) the state the
    document names most."""
    sent = trigger.head.sent
    before = [m for m in context.actors.within(sent.start, trigger.start)
              if m.kind in {"country", "capital", "place", "body"} and m.country not in exclude]
    if before:
        return before[-1]
    if not document:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, ActorMention] = {}
    for mention in context.actors.mentions:
        if mention.kind in STATE_OR_OFFICIAL_KINDS | {"place"} and mention.country not in exclude:
            counts[mention.country] += 1
            first.setdefault(mention.country, mention)
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return first[ranked[0][0]]


_Origins = list[tuple["ActorMention", "Token | None"]]


def _coordinated_origins(context: DocumentContext, mention: ActorMention | None,
                         phrase: Token) -> list[ActorMention]:
    """A deportee nationality and the ones coordinated with it ("Syrian and Afghan
    migrants", "Afghan, Iranian and Bangladeshi nationals", "diplomats from Latvia and
    Estonia"): one origin each. Coordinated deportee phrases ("85 Guatemalans and 60
    Hondurans") are deportees of their own, with their own counts."""
    if mention is None:
        return []
    out = [mention]
    named = context.doc[mention.end - 1]
    if named.i == phrase.i:
        return out
    for token in conjuncts(named):
        other = context.actor_at(token.i)
        if other is not None and other.kind in ORIGIN_KINDS and other not in out:
            out.append(other)
    return out


def _stated_origins(context: DocumentContext, trigger: Trigger,
                    deporter: ActorMention | None, deportees: list[Token]) -> _Origins:
    """The deportees' own states: their nationality, or a "from" phrase when the deporter
    is named ("Algeria expelled hundreds of migrants from Niger")."""
    origins: _Origins = []
    for phrase in deportees:
        for mention in _coordinated_origins(context, _origin(context, phrase), phrase):
            if all(o.country != mention.country for o, _ in origins):
                origins.append((mention, phrase))
    if origins or deporter is None or not is_verbal(trigger.head) or any(
            c.dep_ == "poss" for t in deportees for c in t.children):
        return origins
    # a named deporter, so "from" gives where the people come from
    for token in pp_objects(trigger.head, ["from"]):
        source = _mention_in(context, token, DESTINATION_KINDS)
        if source is not None and source.country != deporter.country:
            return [(each, deportees[0] if deportees else None)
                    for each in _coordinated_origins(context, source, trigger.head)]
    return origins


def _destination_origins(context: DocumentContext, trigger: Trigger, deportees: list[Token],
                         destinations: list[Token]) -> _Origins:
    """Where the deportees are sent, taken as their origin: the destinations named, the
    states of a "home countries" phrase, or the state requesting an extradition."""
    first = deportees[0] if deportees else None
    origins: _Origins = []
    for token in destinations:
        for each in conjuncts(token):
            mention = _mention_in(context, each, DESTINATION_KINDS)
            if mention is not None and all(o.country != mention.country for o, _ in origins):
                origins.append((mention, first))
    if not origins and any(_homeland(context, t) for t in destinations):
        for mention in _origins_nearby(context, trigger):
            origins.append((mention, first))
    if not origins and trigger.label == "extradite":
        requester = _requester(context, trigger)
        if requester is not None:
            origins.append((requester, first))
    return origins


def _destination_named(context: DocumentContext, trigger: Trigger, stated_origin: bool,
                       destinations: list[Token]) -> bool:
    """For an entry marked ``destination`` (a verb that also moves people inside a state,
    "returned 200 families to their homes"): whether the deportees' nationality is stated
    or a state is named as where they are sent ("returned 50 minors to Morocco"). Such a
    verb also needs its deporting state named ("will be returned to the UK" names none)."""
    if not trigger.entry.extra.get("destination") or stated_origin:
        return True
    return any(_mention_in(context, each, DESTINATION_KINDS) is not None
               for token in destinations for each in conjuncts(token))


def _particle_apart(trigger: Trigger) -> bool:
    """For an entry with a ``particle`` list: whether the verb has one of those words as
    a particle after its object ("sent 40 men back to China"; "sent back" next to the verb
    is the ``send_back`` entry's)."""
    wanted = trigger.entry.extra.get("particle")
    if not wanted:
        return True
    head = trigger.head
    return any(c.dep_ in {"advmod", "prt"} and c.lower_ in wanted and c.i > head.i + 1
               for c in head.children)


def _mentions(context: DocumentContext, trigger: Trigger) -> list[Deportation]:
    if not _particle_apart(trigger):
        return []
    deporter, deportees, destinations = _roles(context, trigger)
    strict = bool(trigger.entry.extra.get("strict_people"))
    deportees = [t for t in deportees if _people(context, t, strict)]
    if not deportees and trigger.label not in {"extradite"}:
        return []
    if any(t.lower_ in _words().not_from for t in pp_objects(trigger.head, ["from"])):
        return []  # "expelled from the match", "expelled from the party"
    modality = _modality(context, trigger)
    if modality is None:
        return []
    origins = _stated_origins(context, trigger, deporter, deportees)
    stated_origin = bool(origins)  # the deportees' own nationality, not their destination
    if not origins:
        origins = _destination_origins(context, trigger, deportees, destinations)
    if not origins or not _destination_named(context, trigger, stated_origin, destinations):
        return []
    if deporter is None and not _unresolved_subject(trigger) and \
            not trigger.entry.extra.get("destination"):
        # the state the passage is about; the whole document's only when the text says who
        # the deportees are ("repatriated ... to the US, Russia": maybe by their own state)
        deporter = _context_state(context, trigger, {o.country for o, _ in origins},
                                  document=stated_origin)
    if deporter is None:
        return []
    head = trigger.head
    sent = head.sent
    date = _own_date(context, head, sent)
    evidence = (context.evidence(sent.start_char, sent.end_char),)
    return [
        Deportation(
            deporting_country=deporter.country,
            origin_country=origin.country,
            count=_count(context, deportee) if deportee is not None else None,
            group=_group(context, deportee) if deportee is not None else None,
            date=date,
            modality=modality,
            evidence=evidence,
            rule=f"deportation.{trigger.entry.id}",
        )
        for origin, deportee in origins if origin.country != deporter.country
    ]


_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "parataxis", "csubj"})
_MODIFIER_CLAUSES = frozenset({"relcl", "acl"})


def _clause_path(token: Token) -> list[Token]:
    """The clause heads above ``token``, innermost first (the root clause last)."""
    out: list[Token] = []
    current = token
    for _ in range(40):
        if current.dep_ in _CLAUSE_DEPS or current.head == current:
            out.append(current)
        if current.head == current:
            break
        current = current.head
    return out


def _date_fits(date_root: Token, trigger: Token) -> bool:
    """Whether a date at ``date_root`` can date the event at ``trigger``: it sits in the
    trigger's clause or a clause above it, never in a side clause ("after talks last month,
    ...") and never above a relative clause, whose date belongs to the noun it describes ("a
    meeting last month where the minister raised the deportation of ...")."""
    current = date_root
    for _ in range(6):  # the date hangs off the trigger itself
        if current == trigger:
            return True
        if current.head == current:
            break
        current = current.head
    date_clause = _clause_path(date_root)[0]
    path = _clause_path(trigger)
    if date_clause not in path:
        return False
    return all(clause.dep_ not in _MODIFIER_CLAUSES for clause in path[:path.index(date_clause)])


def _own_date(context: DocumentContext, head: Token, sent: Span) -> TimeSpan | None:
    """The date of the deportation at ``head``: :meth:`DocumentContext.date_for`'s choice
    when it fits the trigger's clause (see :func:`_date_fits`), else the nearest date that
    does, else none (a background mention takes its date from another mention)."""
    date = context.date_for(head, sent)
    if date is None or not context.has_parser:
        return date
    doc = context.doc
    fitting = [m for m in context.dates_in(sent)
               if _date_fits(doc[m.start:m.end].root, head)]
    if any(m.timespan == date for m in fitting):
        return date
    if not fitting:
        return None
    return min(fitting, key=lambda m: min(abs(m.start - head.i), abs(m.end - head.i))).timespan


def extract_deportations(context: DocumentContext) -> list[Event]:
    """Every deportation mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("deportation")
    found: list[Deportation] = []
    for sent in context.sentences:
        for trigger in lexicon.find(sent):
            found.extend(_mentions(context, trigger))
    return list(_share_counts(found))


def _share_counts(found: list[Deportation]) -> list[Deportation]:
    """Give every mention of one deportation the document's most precise count: a stated
    number ("more than 80,000") over a vague one ("tens of thousands"), the first of equals."""
    best: dict[tuple[str | None, str | None], Count] = {}
    for event in found:
        count = event.count
        if count is None:
            continue
        key = (event.deporting_country, event.origin_country)
        held = best.get(key)
        if held is None or (_numeric(count) and not _numeric(held)):
            best[key] = count
    out: list[Deportation] = []
    for event in found:
        count = best.get((event.deporting_country, event.origin_country))
        if count is not None and event.count != count:
            event = attrs.evolve(event, count=count)
        out.append(event)
    return out


def _numeric(count: Count) -> bool:
    return any(ch.isdigit() for ch in count.text or "")
