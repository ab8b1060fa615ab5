"""Agreement parties found from an agreement noun ("an accord between A and B", "Seoul's
deal with Tokyo", "the treaty A and B signed") and the tests on it (consent, attitude
nouns, named treaties, company deals)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.agreement.mentions import (
    extend_parties,
    group_reference,
    modifier_countries,
    named_for_venue,
    party_countries,
    protagonist_partner,
    two_named,
)
from bilat.event_types.agreement.words import (
    is_accord_noun,
    is_strong_accord,
    non_party_verb,
    topic_verb,
    word_lists,
)
from bilat.syntax.arguments import pp_objects, subjects
from bilat.syntax.clauses import agents, attached_verb, governing_verb, is_passive
from bilat.syntax.lexicon import STATE_PARTY_KINDS, statement_verb_forms
from bilat.syntax.mentions import (
    is_non_state,
    mention_for,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext


_NOUN_VERB_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj", "attr", "pobj"})


def verb_above(noun: Token) -> Token | None:
    """The verb an agreement noun is an argument of, unless an attitude noun stands
    between them ("interest in a swift agreement")."""
    return attached_verb(noun, word_lists()["non_party_nouns"])


def _weighed(noun: Token) -> bool:
    """Whether an agreement noun hangs from an attitude noun ("interest in a swift
    agreement", "the shape of a final deal") below its verb."""
    stop = word_lists()["non_party_nouns"]
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


def _verb_subject_parties(context: DocumentContext, noun: Token, verb: Token,
                          sent: Span) -> list[str]:
    """The states of the verb an accord noun is an argument of: its subjects (or agents),
    its "with"/"between" partners, and the partners inside a subject's phrase."""
    subject_tokens = [t for t in (agents(verb) if is_passive(verb) else subjects(verb))
                      if t.i != noun.i]
    more = party_countries(context, subject_tokens + pp_objects(verb, ["with", "between"]))
    for subject in subject_tokens:  # "its cooperation with Moscow includes a deal"
        if is_non_state(context, subject):
            continue
        for token in _phrase(subject):
            if (token.dep_ == "pobj" and token.head.lower_ in {"with", "between"}) or \
                    token.dep_ == "poss":
                extend_parties(more, party_countries(context, [token]))
    if not more:
        more = group_reference(context, subject_tokens, sent, pronoun=False)
    return more


def noun_parties(context: DocumentContext, noun: Token, sent: Span) -> list[str]:
    if any(c.lower_ in word_lists()["quantity_modifiers"]
           for c in noun.children if c.dep_ == "amod"):  # "a great deal of"
        return []
    if _weighed(noun) and _indefinite(noun):
        return []  # "interest in a swift agreement", "signs of accord": none is said to exist
    parties = modifier_countries(context, noun)
    explicit = _explicit_partners(noun)
    partners = pp_objects(noun, ["with", "by"])
    extend_parties(parties, party_countries(context, explicit + partners))
    if explicit:
        if not parties:  # "the agreement between the two countries"
            return group_reference(context, explicit, sent, pronoun=False)
        return parties  # "an agreement between the Bank of England and US regulators"
    if partners and not party_countries(context, partners):
        return []  # "an agreement with foreign banks": the counterpart is no state
    if _weighed(noun):
        return parties  # "support for the Iran nuclear deal": only the states the noun names
    extend_parties(parties, party_countries(context, _link_possessors(noun)))
    verb = verb_above(noun)
    if verb is None or non_party_verb(verb) or (
            topic_verb(verb) and (parties or named_for_venue(context, noun))):
        return parties  # "to discuss the Iran nuclear deal", "the Paris accord": not theirs
    extend_parties(parties, _verb_subject_parties(context, noun, verb, sent))
    return parties


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


def signing_of_accord(noun: Token) -> bool:
    """Whether a signing noun is the act of signing an agreement: "the signing of the
    treaty", "the accord's signature", "a signing ceremony", "at the signing"."""
    if any(is_accord_noun(o) for o in pp_objects(noun, ["of"])):
        return True
    if any(c.dep_ == "poss" and is_accord_noun(c) for c in noun.children):
        return True
    if noun.dep_ in {"compound", "nmod"}:
        return True  # "a signing ceremony"
    return noun.lower_.startswith("signing") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def hypothetical_noun(noun: Token) -> bool:
    """"any agreement", "such a deal": an agreement that is not said to exist."""
    return any(c.dep_ in {"det", "predet"} and c.lower_ in word_lists()["hypothetical_determiners"]
               for c in noun.children)


def non_state_signers(context: DocumentContext, head: Token) -> bool:
    """Whether the signers are businessmen, companies or other non-state parties."""
    verb = governing_verb(head) or head
    return any(is_non_state(context, t) for t in subjects(verb))


def _may_take_sentence_states(context: DocumentContext, noun: Token) -> bool:
    """Whether an agreement noun whose parse names fewer than two parties may take the two
    states its sentence names: not when its partner is spelled out ("with foreign banks"),
    when it hangs from another noun ("interest in a swift agreement"), when the verb above
    it only comments on it ("viewed the accord"), for a generic plural ("extradition
    treaties") or when the signers are companies or other non-state parties."""
    if pp_objects(noun, ["between", "among", "with"]) or hypothetical_noun(noun) or \
            named_for_venue(context, noun):
        return False
    if noun.tag_ in {"NNP", "NNPS"} and noun.ent_type_ in {"LAW", "ORG"}:
        return False  # "the General Agreement on Tariffs and Trade": a named body or treaty
    if _weighed(noun):
        return False
    verb = verb_above(noun)
    if non_party_verb(verb) or (topic_verb(verb) and modifier_countries(context, noun)):
        return False
    if noun.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children):
        return False
    return not _names_company(context, noun) and not non_state_signers(context, noun)


def accord_parties(context: DocumentContext, head: Token, sent: Span) -> list[str]:
    """"the Paris accord", "an agreement between A and B"."""
    if _consent(context, head):
        return []  # "to obtain Russia's agreement"
    parties = noun_parties(context, head, sent)
    if (
        len(parties) < 2
        and is_strong_accord(head)
        and _may_take_sentence_states(context, head)
    ):
        return two_named(context, sent) or protagonist_partner(context, head, parties)
    return parties
