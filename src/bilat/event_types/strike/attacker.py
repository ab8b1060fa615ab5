"""Who struck: the attacker state of a strike trigger, from its subject, agent, possessor,
modifier or light verb, with coordinated and co-acting states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.strike.phrases import (
    _attacker_np,
    _into_phrase,
    _is_military,
    _light_verb_of,
    _mentions_in,
    _verbal_trigger,
    _weapon,
)
from bilat.event_types.strike.words import (
    _AGENT_MODIFIER_DEPS,
    ATTACKER_KINDS,
    CLAIM_VERBS,
    FORCES_KINDS,
    MODIFIER_WINDOW,
    _words,
    word_list,
)
from bilat.syntax.agents import (
    accused_doer,
    acting_subjects,
    gerund_of_prep,
    joint_partners,
    leaders,
    means_host,
    modified_noun,
)
from bilat.syntax.arguments import conjuncts, pp_objects
from bilat.syntax.clauses import is_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger



# bilat.extractors imports this package, so its helpers are imported when first called: a
# module-level import would make importing a strike module first a circular import
def person_antecedent(context: DocumentContext, pronoun: Token) -> ActorMention | None:
    """:func:`bilat.syntax.mentions.antecedent`."""
    from bilat.syntax.mentions import antecedent

    return antecedent(context, pronoun)


def is_non_state(context: DocumentContext, token: Token) -> bool:
    """:func:`bilat.syntax.mentions.is_non_state`."""
    from bilat.syntax.mentions import is_non_state as non_state

    return non_state(context, token)


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
        if node.pos_ in {"VERB", "AUX"} and (node.lower_ in CLAIM_VERBS or
                                             node.lemma_.lower() in CLAIM_VERBS):
            for subject in (c for c in node.children if c.dep_ == "nsubj"):
                mention = context.actor_at(subject.i)
                if mention is not None and mention.kind in {"country", "capital", "body"} \
                        and mention.start < pronoun.i:
                    return mention
            return None
    return None


def _attacker(context: DocumentContext, trigger: Trigger) -> tuple[ActorMention | None, bool,
                                                                     Token | None]:
    """The attacker mention, whether the attacker phrase is military, and its head token."""
    head = trigger.head
    candidates: list[Token] = []
    if _verbal_trigger(trigger):
        verb = head
        if is_passive(verb):
            candidates = pp_objects(verb, ["by"]) + [
                o for c in verb.children if c.dep_ == "agent"
                for o in c.children if o.dep_ == "pobj"]
        else:
            candidates = acting_subjects(verb)
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
    if _verbal_trigger(trigger):
        return False
    modifiers, agents, light_subjects = _noun_agent_phrases(trigger.head)
    if agents or light_subjects:
        return False
    return not any(child.dep_ == "poss" or child.pos_ == "PROPN" or child.ent_type_ or
                   _is_military(child) or is_non_state(context, child) for child in modifiers)


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
    light_subjects = acting_subjects(light) if light is not None and (
        light.lower_ in verbs or light.lemma_.lower() in verbs) else []
    if not light_subjects:  # "blamed Israel for the strike"
        light_subjects = [t for d in accused_doer(head) for t in conjuncts(d)]
    if not light_subjects:  # "the coalition took Raqqa after a campaign of bombardment"
        host = means_host(head)
        light_subjects = [t for t in (acting_subjects(host) if host is not None else [])
                          if _is_military(t) or leaders(t)]
    return modifiers, agents, light_subjects


def _state_move_into(context: DocumentContext, trigger: Trigger,
                     attacker_token: Token | None) -> bool:
    """A ground move by a state named as such ("a Turkish push into ...", "Turkey's
    offensive into ..."): the attacker word is the state itself, not people of it."""
    if trigger.label != "ground" or attacker_token is None or not _into_phrase(trigger.head):
        return False
    mention = context.actor_at(attacker_token.i)
    return mention is not None and mention.kind in {"demonym", "country", "capital", "body"} \
        and attacker_token.dep_ in {"amod", "poss", "compound"}


def _state_modifier(context: DocumentContext, trigger: Trigger,
                    attacker_token: Token | None) -> bool:
    """A strike noun modified by the state itself ("Israeli strikes on Gaza", "Russia's raids
    on ...", "US attacks against ..."): the state's own act, as with a military noun."""
    if attacker_token is None or _verbal_trigger(trigger):
        return False
    mention = context.actor_at(attacker_token.i)
    return mention is not None and mention.kind in {"demonym", "country", "capital", "body"} \
        and attacker_token.dep_ in {"amod", "poss", "compound", "nmod"} \
        and attacker_token.head == trigger.head \
        and mention.start >= trigger.start - MODIFIER_WINDOW


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


def _first_force(context: DocumentContext, tokens: list[Token]) -> ActorMention | None:
    """The first of ``tokens`` that names a state (its name, capital or a body) or its
    forces ("Indian troops"): who violates a truce or repels an attack."""
    for token in tokens:
        mention = _state_mention(context, token)
        if mention is not None and (mention.kind in {"country", "capital", "body"} or
                                    _is_military(token)):
            return mention
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


def _weapon_subject(trigger: Trigger) -> str | None:
    """For a verb that needs a weapon as its subject ("Russian missiles killed seven
    civilians", "drones destroyed a depot"): the kind of that weapon; ``None`` when the
    subject is no weapon ("the earthquake killed", "police killed")."""
    aircraft = word_list("air_nouns")
    for subject in trigger.head.children:
        if subject.dep_ in {"nsubj", "csubj"}:
            kind = _weapon(subject)
            if kind is not None:
                return kind
            if any(each.lower_ in aircraft for each in conjuncts(subject)):
                return "air"  # "Israeli warplanes killed 12 people in Gaza"
    return None


def _co_attackers(context: DocumentContext, trigger: Trigger, attacker: str) -> list[str]:
    """States said to act alongside the attacker of a strike verb: "the German jets, which
    like their American counterparts were attacking ...", "Turkish troops, along with Qatari
    units, shelled ..." (only on the verb chain whose subject is the attacker, so "Like
    France, Germany condemned the Russian airstrikes" adds no one)."""
    if not _verbal_trigger(trigger):
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
        if gerund_of_prep(node):
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
