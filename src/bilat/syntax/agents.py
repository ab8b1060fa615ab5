"""Who does what a verb says when its subject is not its own ``nsubj``.

News reports put the doer of an act in places the parse does not call the subject:

* an accusation: "Sudan accused South Sudan of bombing its border" (the accused, the object
  of "accused", bombed), "Kabul blamed Islamabad for the shelling";
* a raising verb in the passive: "Iraqi planes were reported to have bombed ..." (the
  passive subject of "reported" bombed);
* a gerund under a preposition: "violating the ceasefire by firing mortars" (the subject of
  "violating" fired);
* a passive participle modifying a noun: "a convoy struck by a Turkish missile" (the noun is
  what was struck, not who struck);
* a reciprocal verb: "Indian and Pakistani troops exchanged fire", "clashed with Afghan
  forces" (each side acts on the other).

Each helper takes a spaCy token and returns tokens; none reads actor mentions, so every
extractor can use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.syntax.arguments import conjuncts
from bilat.syntax.lexicon import relative_pronouns

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ACCUSING_LEMMAS", "LEADING_WORDS", "MEANS_PREPS", "accused_doer", "acting_subjects",
           "gerund_host", "gerund_of_prep", "joint_partners", "leaders", "means_host",
           "modified_noun", "raised_subject", "sides"]

ACCUSING_LEMMAS = frozenset({"accuse", "blame", "charge", "condemn", "criticise", "criticize",
                             "denounce", "fault", "slam", "rebuke"})
"""Verbs whose object is said to have done what their "of"/"for" phrase says."""

RAISING_LEMMAS = frozenset({"report", "say", "believe", "think", "allege", "claim", "know",
                            "understand", "suspect", "see", "seem", "appear", "expect"})
"""Verbs that lend their passive subject to an infinitive ("were said to have attacked")."""


MEANS_PREPS = frozenset({"after", "following", "through", "amid"})
"""Prepositions that make an act the means or run-up of the verb they attach to ("took the
city after a campaign of bombardment")."""

LEADING_WORDS = frozenset({"led", "headed", "commanded", "spearheaded"})
"""Participles that make their hyphenated modifier the one in charge ("US-led coalition")."""


def leaders(token: Token) -> list[Token]:
    """Who leads the forces or operation ``token`` names, by an "X-led" modifier: "the
    US-led coalition" -> [US]; "Saudi-led strikes" -> [Saudi]; ``token`` may be the
    participle itself. Empty when no such modifier."""
    participles = [token] if token.lower_ in LEADING_WORDS else [
        c for c in token.children if c.dep_ in {"amod", "compound", "acl"}
        and c.lower_ in LEADING_WORDS]
    out: list[Token] = []
    for participle in participles:
        out.extend(c for c in participle.children if c.i < participle.i and c.dep_ in {
            "npadvmod", "compound", "nmod", "poss", "nsubj", "amod", "advmod"})
    return out


def _lemma(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def accused_doer(verb: Token) -> list[Token]:
    """The accused of an accusation whose "of"/"for" phrase is ``verb`` (a gerund) or holds
    the noun ``verb``: "accused South Sudan of bombing" -> [South Sudan]; "blamed Israel
    for the strike" -> [Israel]. Empty when ``verb`` is not in such a phrase."""
    prep = verb.head
    if verb.dep_ not in {"pcomp", "pobj"} or prep.dep_ != "prep" or \
            prep.lower_ not in {"of", "for"}:
        return []
    accuser = prep.head
    if _lemma(accuser) not in ACCUSING_LEMMAS:
        return []
    objects = [c for c in accuser.children if c.dep_ in {"dobj", "obj"}]
    if not objects and any(c.dep_ in {"nsubjpass", "auxpass"} for c in accuser.children):
        objects = [c for c in accuser.children if c.dep_ == "nsubjpass"]  # "was accused of"
    return objects


def raised_subject(verb: Token) -> list[Token]:
    """The passive subject a raising verb lends to ``verb``, an infinitive under it: "Iraqi
    planes were reported to have bombed ..." -> [planes]."""
    if verb.dep_ != "xcomp":
        return []
    head = verb.head
    if _lemma(head) not in RAISING_LEMMAS:
        return []
    return [c for c in head.children if c.dep_ == "nsubjpass"]


def gerund_host(verb: Token) -> Token | None:
    """The verb whose subject does what a gerund after a preposition says: "violating the
    ceasefire by firing mortars" -> violating; "after shelling the town" -> the main verb."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in {
            "by", "after", "before", "while", "when", "in", "through", "since"}:
        return None
    host = prep.head
    return host if host.pos_ in {"VERB", "AUX"} else None


def modified_noun(verb: Token) -> Token | None:
    """The noun a passive participle describes, i.e. what the act was done to: "a convoy
    struck by a Turkish missile" -> convoy; "the oilfield hit in 1986" -> oilfield; "a ship,
    which was hit by a drone" -> ship."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ in {"auxpass"} for c in verb.children):
        return verb.head
    return None


def sides(verb: Token) -> list[Token]:
    """The parties of a reciprocal verb ("clashed", "exchanged fire"), as the tokens that may
    name them: the subject with its coordinated words ("Indian and Pakistani troops",
    "India and Pakistan") and the object of a "with" phrase ("clashed with Afghan
    forces"), subject side first."""
    out: list[Token] = []
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ in {"relcl", "acl"}:
        subjects = [verb.head]  # "troops who clashed with ..."
    for subject in subjects:
        for each in [subject, *subject.conjuncts]:
            out.append(each)
            for mod in each.children:  # "Indian and Pakistani troops"
                if mod.dep_ in {"amod", "compound", "nmod", "poss"}:
                    out.extend([mod, *mod.conjuncts])
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.extend([obj, *obj.conjuncts])
                    out.extend(c for c in obj.children
                               if c.dep_ in {"amod", "compound", "nmod", "poss"})
    return out


def means_host(noun: Token, preps: frozenset[str] = MEANS_PREPS) -> Token | None:
    """The verb whose ``preps`` phrase holds ``noun`` as the act by which its subject got
    there, directly or as the "of" object of the phrase's noun: "the coalition took over
    Raqqa after a campaign of intense bombardment" -> took (for "bombardment"); "captured
    the town following heavy shelling" -> captured. ``None`` otherwise."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "a campaign of bombardment", "weeks of shelling"
    if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.lower_ not in preps:
        return None
    verb = node.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def joint_partners(noun: Token, joint_nouns: frozenset[str],
                   participles: frozenset[str]) -> list[Token]:
    """Who a noun's act is done together with, on the noun or on a participle of
    ``participles`` describing it: "intervention, launched in a joint effort with Iran"
    (``joint_nouns`` holds "effort"), "an offensive alongside Turkish troops", "strikes
    carried out together with France" (but not "condemned along with Britain").
    Coordinated partners are all returned ("with Iran and Hezbollah")."""
    hosts = [noun, *(c for c in noun.children
                     if c.dep_ == "acl" and c.lower_ in participles)]
    out: list[Token] = []
    for host in hosts:
        for prep in (c for c in host.children if c.dep_ == "prep"):
            out.extend(_partners_of(prep, joint_nouns))
    return [c for token in out for c in [token, *(t for t in token.conjuncts if t.i > token.i)]]


def _partners_of(prep: Token, joint_nouns: frozenset[str]) -> list[Token]:
    """The partners one prepositional phrase names: "alongside X", "together with X", "in a
    joint effort with X"."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    out: list[Token] = []
    if prep.lower_ == "alongside" or (prep.lower_ == "with" and before in {
            "together", "along", "jointly"}):
        out.extend(objects)
    for obj in objects:
        if obj.lower_ in joint_nouns:
            out.extend(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "with"
                       for o in p.children if o.dep_ == "pobj")
    return out


def gerund_of_prep(token: Token) -> bool:
    """A verb in "engaged in bombing", "involved in attacking" (parsed pcomp or pobj)."""
    return (token.dep_ == "pcomp" or (token.dep_ == "pobj" and token.pos_ == "VERB")) and \
        token.head.dep_ == "prep" and token.head.head.pos_ in {"VERB", "AUX"}


def acting_subjects(verb: Token, max_hops: int = 4) -> list[Token]:
    """Who does what ``verb`` says, wherever a news report puts the doer: the accused
    ("accused India of firing"), a raised passive subject ("were reported to have bombed"),
    the active subject or "by" agent (with conjuncts), up ``xcomp``/``conj``/``acomp``
    chains, from a gerund to its host ("violating the ceasefire by firing"), from a gerund
    under a preposition to the engaged party ("were engaged in attacking"), and from a
    relative or noun-modifying clause to its noun ("the jets, which attacked ..."). Empty
    when none is found within ``max_hops`` clauses."""
    current = verb
    for _ in range(max_hops):
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
            if current.dep_ == "relcl" and all(f.lower_ in relative_pronouns() for f in found):
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
        if gerund_of_prep(current):
            current = current.head.head
            passive = [c for c in current.children if c.dep_ == "nsubjpass"]
            if passive:
                if current.dep_ == "relcl" and all(p.lower_ in relative_pronouns()
                                                   for p in passive):
                    return [current.head]
                return [t for p in passive for t in conjuncts(p)]
            continue
        if current.dep_ in {"relcl", "acl"}:
            return [current.head]
        break
    return []
