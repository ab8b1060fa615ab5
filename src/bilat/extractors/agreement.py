"""Agreement roles: the states (``parties``) that agree, sign, conclude or negotiate.

Rules, by trigger label (``bilat/data/triggers/agreement.json``):

* ``sign`` verbs ("signed", "agreed", "concluded", "ratified", "accepted"): parties = the
  subjects, the objects of "with"/"between", and states named on the object ("accepted
  Seoul's proposal", "signed the Japan-Korea accord").
* ``reach`` verbs ("reached", "struck", "cut") count only with an agreement noun as object.
* ``accord`` nouns ("agreement", "treaty", "pact", "deal", "MoU", "ceasefire"): parties =
  states in the noun's modifiers ("EU-Turkey deal", "Turkish-American agreement"), the
  objects of "between"/"with"/"among", and the subjects of the verb it hangs from.
* ``decide`` ("the two sides decided") needs two states among its subjects.

"The two countries", "both sides" and "they" take the states of the sentence and the one
before it, when exactly two (or three, for "three") are named there. An agreement needs at
least two distinct states; companies and single states agreeing with themselves are not one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import regex

from bilat.actors import resolve_country
from bilat.events import Agreement, Event
from bilat.extractors.common import (
    as_scheduled,
    in_conditional,
    is_non_state,
    main_states,
    mention_for,
)
from bilat.modality import modality_at
from bilat.syntax.arguments import conjuncts, pp_objects, subjects
from bilat.syntax.clauses import agents, attached_verb, governing_verb, is_passive, themes
from bilat.syntax.lexicon import STATE_PARTY_KINDS, statement_verb_forms
from bilat.triggers import load_lexicon
from bilat.values import Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_agreements"]

AGREEMENT_MODALITIES = frozenset({"in_principle", "proposed", "planned", "negated", "denied"})
GROUP_REFERENCE = regex.compile(
    r"\b(?:(?P<n>two|three|four)\s+(?:[\w-]+\s+)?(?:countries|nations|states|sides|"
    r"neighbou?rs|governments|leaders|ministers|allies|capitals|powers|presidents|premiers|"
    r"delegations|heads\s+of\s+state)|both\s+(?:countries|sides|nations|governments|leaders|"
    r"presidents|delegations)|(?P<multi>three-way|trilateral|tripartite|four-way)\s+"
    r"(?:summit|talks|meeting|conference)|(?:^|\s)they$|^the\s+(?:neighbou?rs|allies)$|"
    r"^(?:the\s+)?(?P<bare>two|both)$)",
    regex.IGNORECASE,
)
GROUP_REFERENCE_REACH = 3
"""How many sentences back "the two sides" may look for the two states it stands for."""
_NOUN_VERB_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj", "attr", "pobj"})
JOINED_NAMES = regex.compile(r"[-/\u2013]")


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    """The non-trigger word lists of ``bilat/data/triggers/agreement.json``."""
    path = resources.files("bilat") / "data" / "triggers" / "agreement.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: frozenset(data.get(key, ())) for key in
            ("non_party_verbs", "non_party_nouns", "non_party_modifiers",
             "hypothetical_determiners", "unit_nouns", "state_body_heads",
             "state_bank_modifiers")}


def _non_party_verb(verb: Token | None) -> bool:
    """Whether ``verb`` comments on, brokers or weighs an agreement ("Japan viewed the
    accord", "Egypt mediated the deal"): its subjects are no parties."""
    return verb is not None and verb.lemma_.lower() in _word_lists()["non_party_verbs"]


def _countries(context: DocumentContext, tokens: list[Token]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        # "Assad's allies, Russia and Iran": the apposition names them
        named = [a for c in token.children if c.dep_ == "appos" for a in conjuncts(c)]
        for each in [*conjuncts(token), *named]:
            mention = mention_for(context, each, STATE_PARTY_KINDS) or _body_of(context, each)
            if mention is not None and mention.country not in out:
                out.append(mention.country)
    return out


def _body_of(context: DocumentContext, token: Token) -> ActorMention | None:
    """The state of a public body named "X of <country>" that the resolver takes for an
    organisation ("the Government of India", "the Ministry of Finance of Japan", "the
    central bank of Nigeria"): a head of ``state_body_heads`` whose "of" phrase names a
    country. A bank only with a word of ``state_bank_modifiers`` ("central"), as "Bank of
    America" or "Bank of China" is a company."""
    heads = _word_lists()["state_body_heads"]
    if token.lower_ not in heads and not (
            token.lower_ == "bank" and any(c.lower_ in _word_lists()["state_bank_modifiers"]
                                           for c in token.children)):
        return None
    for obj in pp_objects(token, ["of"]):
        for each in [obj, *pp_objects(obj, ["of"])]:  # "the Ministry of Finance of Japan"
            mention = context.actor_at(each.i)
            if mention is not None and mention.kind == "country":
                return mention
    return None


def joined_countries(context: DocumentContext, token: Token) -> list[str]:
    """The states of one token that joins two or more state names with a hyphen or slash
    and that the actor resolver left whole ("U.S.-British", "U.S./Japan", "Sino-Soviet"):
    every part must name a state, and two distinct states at least."""
    if context.actor_at(token.i) is not None or not JOINED_NAMES.search(token.text):
        return []
    parts = [part for part in JOINED_NAMES.split(token.text) if part]
    codes = [resolve_country(part, when=context.published) for part in parts]
    found = [code for code in codes if code is not None]
    if len(parts) < 2 or len(found) != len(parts) or len(set(found)) < 2:
        return []
    return list(dict.fromkeys(found))


def _modifier_mentions(context: DocumentContext, noun: Token) -> list[tuple[str, str]]:
    """``(country, kind)`` of the states named before an agreement noun inside its phrase,
    leaving out brokers and references ("a US-brokered deal", "a US-friendly treaty")."""
    out: list[tuple[str, str]] = []
    for token in context.doc[noun.left_edge.i : noun.i]:
        out.extend((country, "country") for country in joined_countries(context, token)
                   if all(country != known for known, _ in out))
    brokers = _word_lists()["non_party_modifiers"]
    for mention in context.actors.within(noun.left_edge.i, noun.i):
        if mention.kind not in STATE_PARTY_KINDS:
            continue
        after = [t for t in context.doc[mention.end : min(mention.end + 2, noun.i)]
                 if t.text not in {"-", "\u2013"}]
        if after and after[0].lower_ in brokers:
            continue
        if all(country != mention.country for country, _ in out):
            out.append((mention.country, mention.kind))
    return out


def _named_for_venue(context: DocumentContext, noun: Token) -> bool:
    """Whether the only state before an agreement noun is a capital right before it: where
    it was made, not who made it ("the Paris accord", "the Minsk agreements")."""
    named = _modifier_mentions(context, noun)
    if [kind for _, kind in named] != ["capital"]:
        return False
    # "the Paris Club accord" too, but not a possessor: "Seoul's deal with Tokyo"
    return not any(t.dep_ == "poss" or t.lower_ in {"'s", "\u2019s"}
                   for t in context.doc[noun.left_edge.i : noun.i])


def _modifier_countries(context: DocumentContext, noun: Token) -> list[str]:
    """States named inside the noun phrase before the noun ("the EU-Turkey refugee deal")."""
    if _named_for_venue(context, noun):
        return []
    return [country for country, _ in _modifier_mentions(context, noun)]


def _group_reference(context: DocumentContext, tokens: list[Token], sent: Span, *,
                     pronoun: bool = True) -> list[str]:
    """States for "the two countries"/"both sides": those of this and the previous sentence.
    A bare "they" counts only with ``pronoun`` (the subject of an act of agreeing, not of any
    verb an agreement noun hangs from)."""
    for token in tokens:
        phrase = context.doc[token.left_edge.i : token.right_edge.i + 1].text
        match = GROUP_REFERENCE.search(phrase)
        if match is None or (not pronoun and match.group(0).strip().lower() == "they"):
            continue
        word = (match.group("n") or match.group("multi") or match.group("bare") or "").lower()
        wanted = {"three": 3, "four": 4, "three-way": 3, "trilateral": 3, "tripartite": 3,
                  "four-way": 4}.get(word, 2)
        return _states_around(context, sent, wanted, back=GROUP_REFERENCE_REACH) or \
            main_states(context, wanted, STATE_PARTY_KINDS)
    return []


def _states_around(context: DocumentContext, sent: Span, wanted: int = 2,
                   back: int = 1) -> list[str]:
    """The states named in this sentence and the one before it, when exactly ``wanted``;
    with fewer, the window grows a sentence at a time up to ``back`` sentences before it
    ("Lula met Fernandez. They discussed trade. The two presidents signed ...")."""
    start = sent.start
    found: list[str] = []
    for _ in range(max(1, back)):
        if start > 0:
            start = context.doc[start - 1].sent.start
        found = []
        for mention in context.actors.within(start, sent.end):
            if mention.kind in STATE_PARTY_KINDS and mention.country not in found:
                found.append(mention.country)
        if len(found) >= wanted:
            break
    return found if len(found) == wanted else []


def _is_accord_noun(token: Token) -> bool:
    entry = next(
        (e for e in load_lexicon("agreement").entries if e.label == "accord"), None
    )
    return entry is not None and token.lower_ in entry.sequence[0]


def _verb_above(noun: Token) -> Token | None:
    """The verb an agreement noun is an argument of, unless an attitude noun stands
    between them ("interest in a swift agreement")."""
    return attached_verb(noun, _word_lists()["non_party_nouns"])


def _weighed(noun: Token) -> bool:
    """Whether an agreement noun hangs from an attitude noun ("interest in a swift
    agreement", "the shape of a final deal") below its verb."""
    stop = _word_lists()["non_party_nouns"]
    for ancestor in noun.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return False
        if ancestor.pos_ in {"NOUN", "PROPN"} and ancestor.lemma_.lower() in stop:
            return True
    return False


def _indefinite(noun: Token) -> bool:
    """An agreement noun with "a"/"an" or no determiner ("a swift agreement", "accord")."""
    dets = [c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}]
    return not dets or dets[0] in {"a", "an"}


def _link_possessors(noun: Token) -> list[Token]:
    """Possessors of the nouns an agreement noun hangs from below its verb: "Japan's
    violation of a trade pact", "Iran's breach of the deal"."""
    out: list[Token] = []
    for ancestor in noun.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            break
        if ancestor.pos_ in {"NOUN", "PROPN"}:
            out.extend(c for c in ancestor.children if c.dep_ == "poss")
    return out


def _consent(context: DocumentContext, noun: Token) -> bool:
    """"to obtain Russia's agreement": one state's consent, not an accord between states
    (the noun "agreement" with a one-state possessor and nothing agreed on or with)."""
    if noun.lemma_.lower() != "agreement" or noun.tag_ != "NN":
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if len(owners) != 1 or owners[0].conjuncts or owners[0].lower_ in {"their", "its"}:
        return False
    if pp_objects(noun, ["with", "between", "among", "on", "to", "over", "for"]) or any(
            c.dep_ in {"acl", "relcl", "compound", "amod"} for c in noun.children):
        return False
    return mention_for(context, owners[0], STATE_PARTY_KINDS) is not None


def _phrase(token: Token) -> list[Token]:
    """The tokens of a noun phrase without its clauses and appositions ("Turkey, which backs
    Syria's opposition" is Turkey alone)."""
    out = [token]
    for child in token.children:
        if child.dep_ not in {"relcl", "acl", "advcl", "appos", "punct"}:
            out.extend(_phrase(child))
    return out


def _explicit_partners(noun: Token) -> list[Token]:
    """The objects of "between"/"among" on an agreement noun: its parties, named outright."""
    return pp_objects(noun, ["between", "among"])


def _extend(parties: list[str], countries: list[str]) -> None:
    """Add each of ``countries`` not yet in ``parties``, in order."""
    for country in countries:
        if country not in parties:
            parties.append(country)


def _verb_subject_parties(context: DocumentContext, noun: Token, verb: Token,
                          sent: Span) -> list[str]:
    """The states of the verb an accord noun is an argument of: its subjects (or agents),
    its "with"/"between" partners, and the partners inside a subject's phrase."""
    subject_tokens = [t for t in (agents(verb) if is_passive(verb) else subjects(verb))
                      if t.i != noun.i]
    more = _countries(context, subject_tokens + pp_objects(verb, ["with", "between"]))
    for subject in subject_tokens:  # "its cooperation with Moscow includes a deal"
        if is_non_state(context, subject):
            continue
        for token in _phrase(subject):
            if (token.dep_ == "pobj" and token.head.lower_ in {"with", "between"}) or \
                    token.dep_ == "poss":
                _extend(more, _countries(context, [token]))
    if not more:
        more = _group_reference(context, subject_tokens, sent, pronoun=False)
    return more


def _noun_parties(context: DocumentContext, noun: Token, sent: Span) -> list[str]:
    if any(c.lower_ in {"great", "good"} for c in noun.children if c.dep_ == "amod"):
        return []
    if _weighed(noun) and _indefinite(noun):
        return []  # "interest in a swift agreement", "signs of accord": none is said to exist
    parties = _modifier_countries(context, noun)
    explicit = _explicit_partners(noun)
    partners = pp_objects(noun, ["with", "by"])
    _extend(parties, _countries(context, explicit + partners))
    if explicit:
        if not parties:  # "the agreement between the two countries"
            return _group_reference(context, explicit, sent, pronoun=False)
        return parties  # "an agreement between the Bank of England and US regulators"
    if partners and not _countries(context, partners):
        return []  # "an agreement with foreign banks": the counterpart is no state
    if _weighed(noun):
        return parties  # "support for the Iran nuclear deal": only the states the noun names
    _extend(parties, _countries(context, _link_possessors(noun)))
    verb = _verb_above(noun)
    if verb is None or _non_party_verb(verb):
        return parties
    _extend(parties, _verb_subject_parties(context, noun, verb, sent))
    return parties


def _object_parties(context: DocumentContext, objects: list[Token]) -> list[str]:
    """States named on what was agreed or signed: its modifiers, possessors and partners."""
    return [country for obj in objects for country in (
        _modifier_countries(context, obj)
        + _countries(context, [c for c in obj.children if c.dep_ == "poss"])
        + _countries(context, pp_objects(obj, ["with", "between"])))]


def _complement_counterpart(context: DocumentContext, verb: Token,
                            parties: list[str]) -> list[str]:
    """"Ukraine agreed to pay more for gas supplied by Turkmenistan": the one other state
    named inside what one party agreed to is the counterpart."""
    others = {
        m.country
        for complement in verb.children
        if complement.dep_ in {"xcomp", "ccomp"}
        for m in context.actors.within(complement.left_edge.i, complement.right_edge.i + 1)
        if m.kind in STATE_PARTY_KINDS and m.country not in parties
    }
    return list(others) if len(others) == 1 else []


def _speaker_state(context: DocumentContext, verb: Token, parties: list[str]) -> list[str]:
    """"Straw said the US had agreed to release them": agreed with the speaker's state."""
    if verb.dep_ != "ccomp" or verb.head.lower_ not in statement_verb_forms():
        return []
    return [c for c in _countries(context, subjects(verb.head)) if c not in parties][:1]


def _verb_parties(context: DocumentContext, verb: Token, sent: Span) -> list[str]:
    passive = is_passive(verb)
    # "the accord was signed by Kenya and Tanzania": the signers are the agents, and the
    # passive subject is what was signed ("a deal was reached between A and B")
    subject_tokens = agents(verb) if passive else subjects(verb)
    parties = _countries(context, subject_tokens)
    if not parties:
        parties = _group_reference(context, subject_tokens, sent)
    _extend(parties, _countries(context, pp_objects(verb, ["with", "between", "among"])))
    objects = themes(verb) if passive else [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    partners = pp_objects(verb, ["with"]) + [t for o in objects for t in pp_objects(o, ["with"])]
    if partners and not _countries(context, partners):
        return parties  # "concluded accords with government creditors": no state partner
    if verb.lower_.startswith("agree") or verb.lower_.startswith("accept"):
        objects += pp_objects(verb, ["to", "on"])  # "agreed to a South Korean proposal"
    _extend(parties, _object_parties(context, objects))
    if len(parties) == 1 and verb.lower_.startswith("agree"):
        parties.extend(_complement_counterpart(context, verb, parties))
    if len(parties) == 1 and not any(is_non_state(context, t) for t in subject_tokens):
        # not "Toyota and the Indian government signed a deal, Japanese officials said"
        parties.extend(_speaker_state(context, verb, parties))
    return parties


STRONG_ACCORDS = frozenset({
    "agreement", "agreements", "accord", "accords", "treaty", "treaties", "pact", "pacts",
    "memorandum", "memorandums", "memoranda", "mou", "mous", "ceasefire", "cease-fire", "truce",
    "armistice",
})


def _names_company(context: DocumentContext, noun: Token) -> bool:
    """Whether the sentence of an agreement noun names a company (a commercial deal); not
    the source a statement is attributed to ("..., a Board of Trade official said")."""
    source = _attribution(noun)
    return any(ent.label_ == "ORG" and context.actors.at(ent.start) is None
               and not (source is not None
                        and source.left_edge.i <= ent.start <= source.right_edge.i)
               for ent in noun.sent.ents)


def _attribution(noun: Token) -> Token | None:
    """The subject of the statement verb a clause holding ``noun`` is reported by ("the
    deal was signed, a ministry official said"), when ``noun`` is not inside it."""
    root = noun.sent.root
    if root.lower_ not in statement_verb_forms():
        return None
    for subject in subjects(root):
        if not subject.left_edge.i <= noun.i <= subject.right_edge.i:
            return subject
    return None


def _signing_of_accord(noun: Token) -> bool:
    """Whether a signing noun is the act of signing an agreement: "the signing of the
    treaty", "the accord's signature", "a signing ceremony", "at the signing"."""
    if any(_is_accord_noun(o) for o in pp_objects(noun, ["of"])):
        return True
    if any(c.dep_ == "poss" and _is_accord_noun(c) for c in noun.children):
        return True
    if noun.dep_ in {"compound", "nmod"}:
        return True  # "a signing ceremony"
    return noun.lower_.startswith("signing") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _hypothetical_noun(noun: Token) -> bool:
    """"any agreement", "such a deal": an agreement that is not said to exist."""
    return any(c.dep_ in {"det", "predet"} and c.lower_ in _word_lists()["hypothetical_determiners"]
               for c in noun.children)


def _may_take_sentence_states(context: DocumentContext, noun: Token) -> bool:
    """Whether an agreement noun whose parse names fewer than two parties may take the two
    states its sentence names: not when its partner is spelled out ("with foreign banks"),
    when it hangs from another noun ("interest in a swift agreement"), when the verb above
    it only comments on it ("viewed the accord"), for a generic plural ("extradition
    treaties") or when the signers are companies or other non-state parties."""
    if pp_objects(noun, ["between", "among", "with"]) or _hypothetical_noun(noun) or \
            _named_for_venue(context, noun):
        return False
    if noun.tag_ in {"NNP", "NNPS"} and noun.ent_type_ in {"LAW", "ORG"}:
        return False  # "the General Agreement on Tariffs and Trade": a named body or treaty
    if _weighed(noun):
        return False
    verb = _verb_above(noun)
    if _non_party_verb(verb):
        return False
    if noun.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children):
        return False
    return not _names_company(context, noun) and not _non_state_signers(context, noun)


def _accord_parties(context: DocumentContext, head: Token, sent: Span) -> list[str]:
    """"the Paris accord", "an agreement between A and B"."""
    if _consent(context, head):
        return []  # "to obtain Russia's agreement"
    parties = _noun_parties(context, head, sent)
    if (
        len(parties) < 2
        and head.lower_ in STRONG_ACCORDS
        and _may_take_sentence_states(context, head)
    ):
        return _two_named(context, sent) or _protagonist_partner(context, head, parties)
    return parties


def _names_party(context: DocumentContext, token: Token) -> bool:
    """Whether ``token`` is part of a mention of a state that can be a party."""
    mention = context.actor_at(token.i)
    return mention is not None and mention.kind in STATE_PARTY_KINDS


def _protagonist_partner(context: DocumentContext, noun: Token, parties: list[str]) -> list[str]:
    """"Japan must meet the conditions of the agreement" in a story about Japan and the
    United States: a definite agreement noun with one party named is with the story's other
    protagonist (:func:`main_states`), when that party is one of the two."""
    if len(parties) != 1 or not any(c.dep_ == "det" and c.lower_ == "the"
                                    for c in noun.children):
        return parties  # not "Mr Blair's reported treaty": his proposal
    if any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and not _names_party(context, c)
           for c in noun.children):
        return parties  # "the Kyoto treaty": a named, many-sided treaty
    protagonists = main_states(context, 2, STATE_PARTY_KINDS)
    if parties[0] not in protagonists:
        return parties
    return [parties[0], *[c for c in protagonists if c != parties[0]]]


def _reach_parties(context: DocumentContext, head: Token, sent: Span) -> list[str]:
    """"reached a deal", "a deal was reached": only when what is reached is an accord."""
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if not any(_is_accord_noun(o) for o in objects):
        return []
    parties = _verb_parties(context, head, sent)
    if len(set(parties)) < 2 and _agentless_signing(head) and _plain_reach(head):
        # "After talks between Egypt and Sudan, a deal was reached on the river's water."
        return _two_named(context, sent) or _states_around(context, sent) or parties
    return parties


def _plain_reach(verb: Token) -> bool:
    """A passive "was reached" said outright, with no partner named anywhere in its clause
    (not "could not be finalised", not "reached through negotiations with Britain"; "after
    talks between Egypt and Sudan" names both sides)."""
    return not any(t.lower_ == "with" for t in verb.subtree) and \
        not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def _decide_parties(context: DocumentContext, head: Token, sent: Span) -> list[str]:
    """"the two sides decided to set up a commission", not "will decide the shape of"."""
    if not any(c.dep_ in {"xcomp", "ccomp"} for c in head.children):
        return []
    parties = _verb_parties(context, head, sent)
    return parties if len(parties) >= 2 else []


def _signing_parties(context: DocumentContext, trigger: Trigger, sent: Span) -> list[str]:
    """Parties of a signing or another act on an accord, as a noun or a verb."""
    head = trigger.head
    if head.pos_ in {"NOUN", "PROPN"}:  # "the signing of the treaty"
        if not _signing_of_accord(head):
            return []  # "date of birth and signature"
        parties = _noun_parties(context, head, sent)
    else:
        parties = _verb_parties(context, head, sent)
    signing = trigger.entry.id in {"sign", "signing"}
    if not parties and signing and not _non_state_signers(context, head) and \
            not pp_objects(head, ["with", "between"]) and not _named_partners(head):
        # the parse found nobody: an act of signing in a sentence that names exactly two
        # states is between them
        parties = _two_named(context, sent)
        if not parties and _agentless_signing(head):
            # "A defence pact was also signed." after a sentence on the two leaders
            parties = _states_around(context, sent)
    return parties


def _parties(context: DocumentContext, trigger: Trigger, sent: Span) -> list[str]:
    label = trigger.label
    if label == "accord":
        return _accord_parties(context, trigger.head, sent)
    if label == "reach":
        return _reach_parties(context, trigger.head, sent)
    if label == "decide":
        return _decide_parties(context, trigger.head, sent)
    return _signing_parties(context, trigger, sent)


def _named_partners(head: Token) -> bool:
    """Whether what was signed names its partners ("signed the pact with Acme Corp"): the
    parse then has found them, and found no state among them."""
    objects = themes(head) if head.pos_ in {"VERB", "AUX"} else pp_objects(head, ["of"])
    return any(pp_objects(o, ["with", "between"]) for o in objects)


def _agentless_signing(verb: Token) -> bool:
    """A passive signing of a definite or indefinite agreement with no "by" phrase and no
    state named on it ("the pact was signed at State House")."""
    return (
        verb.pos_ == "VERB"
        and is_passive(verb)
        and verb.dep_ != "acl"
        and not agents(verb)
        and any(_is_accord_noun(t) and not t.tag_.endswith("S") for t in themes(verb))
    )


def _party_sets(context: DocumentContext, trigger: Trigger, parties: list[str]) -> list[list[str]]:
    """One party set per agreement: "Kenya signed agreements with Ethiopia and Somalia" is
    two bilateral agreements (one signer, several partners, a plural agreement noun), while
    "a trade pact with Mexico and Canada" or "France, Germany and Italy signed a
    declaration" is one."""
    head = trigger.head
    if head.pos_ in {"NOUN", "PROPN"}:
        nouns, verb = [head], _verb_above(head)
    else:
        nouns, verb = [t for t in themes(head) if _is_accord_noun(t)], head
    if verb is None or not nouns or not all(n.tag_ in {"NNS", "NNPS"} for n in nouns):
        return [parties]
    if len(set(parties)) > 2 and any(c.lower_ == "bilateral" for n in nouns for c in n.children):
        # "Ghana, Togo and Benin signed bilateral agreements": one agreement per pair
        return [[a, b] for k, a in enumerate(parties) for b in parties[k + 1 :]]
    signers = _countries(context, agents(verb) if is_passive(verb) else subjects(verb))
    partners = _countries(context, [t for n in [verb, *nouns] for t in pp_objects(n, ["with"])])
    if len(signers) != 1 or len(partners) < 2 or signers[0] in partners or \
            set(signers + partners) != set(parties):
        return [parties]
    return [[signers[0], partner] for partner in partners]


def _non_state_signers(context: DocumentContext, head: Token) -> bool:
    """Whether the signers are businessmen, companies or other non-state parties."""
    verb = governing_verb(head) or head
    return any(is_non_state(context, t) for t in subjects(verb))


def _names_venue(context: DocumentContext, start: int, end: int) -> bool:
    """Whether the capital at tokens ``[start, end)`` names the place of an agreement, not a
    state acting: the object of "in"/"at" ("the accord reached in Paris") or a modifier of
    a noun phrase holding an agreement noun ("the Paris Club umbrella agreement", "Paris
    accord policy", "the Minsk agreements")."""
    last = context.doc[end - 1]
    if last.dep_ == "pobj" and last.head.lower_ in {"in", "at"}:
        return True  # "the currency agreement reached in Paris"
    if last.dep_ not in {"compound", "nmod"} or last.head.i <= last.i:
        return False
    if end < len(context.doc) and context.doc[end].text in {"-", "\u2013", "/"}:
        return False  # "the Moscow-Beijing pact": the capitals are the parties
    head = last.head
    while head.dep_ in {"compound", "nmod"} and head.head.i > head.i:
        head = head.head  # "Paris Club umbrella agreement": up the chain of modifiers
    return any(_is_accord_noun(t) for t in context.doc[end : head.i + 1])


def _names_unit(context: DocumentContext, end: int) -> bool:
    """Whether a state name ending before token ``end`` only qualifies a currency or unit
    ("201 Malaysian/Singapore cents", "in U.S. dollars"), a word of ``unit_nouns``."""
    units = _word_lists()["unit_nouns"]
    return any(t.lower_ in units for t in context.doc[end : min(end + 3, len(context.doc))]
               if t.i <= context.doc[end - 1].head.i)


def _two_named(context: DocumentContext, sent: Span) -> list[str]:
    """The states a sentence names, when it names exactly two (a capital naming where an
    agreement was made left out)."""
    named = {m.country for m in context.actors.within(sent.start, sent.end)
             if m.kind in STATE_PARTY_KINDS and not _names_unit(context, m.end)
             and not (m.kind in {"capital", "country"} and _names_venue(context, m.start, m.end))}
    return sorted(named) if len(named) == 2 else []


def extract_agreements(context: DocumentContext) -> list[Event]:
    """Every agreement mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("agreement")
    found: list[Event] = []
    for sent in context.sentences:
        for trigger in lexicon.find(sent):
            if in_conditional(trigger.head):
                continue
            parties = _parties(context, trigger, sent)
            if len(set(parties)) < 2:
                continue
            party_sets = _party_sets(context, trigger, parties)
            modality, cue = modality_at(
                sent, trigger.start, trigger.end, allowed=AGREEMENT_MODALITIES
            )
            if (
                modality is Modality.PROPOSED
                and cue is not None
                and trigger.label == "sign"
                and trigger.head.pos_ == "VERB"
                and trigger.head.tag_ in {"VBD", "VBN", "VBZ"}
                and trigger.head.left_edge.i <= cue.start <= trigger.head.right_edge.i
                and cue.start > trigger.head.i
            ):
                # "accepted Seoul's proposal", "agreed to a proposal": the act is done
                modality = Modality.ASSERTED
            if modality is Modality.ASSERTED and _hypothetical_noun(trigger.head):
                modality = Modality.PROPOSED  # "any accord with Moscow": none exists yet
            # "sign an accord on Friday" in Wednesday's paper: still to come
            modality, date = as_scheduled(context, trigger.head, sent, modality)
            when = context.date_for(trigger.head, sent) if date is None else date
            found.extend(
                Agreement(
                    parties=tuple(each),
                    date=when,
                    modality=modality,
                    evidence=(context.evidence(sent.start_char, sent.end_char),),
                    rule=f"agreement.{trigger.entry.id}",
                )
                for each in party_sets
            )
    return found
