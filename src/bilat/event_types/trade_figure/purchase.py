"""Purchases between two states: "Warsaw pledged $4.2bn to buy American jets"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.event_types.trade_figure.lexicon import _SUBJECT_KINDS, words
from bilat.event_types.trade_figure.mentions import _countries, _is_verb, _pronoun_owner, _state_of
from bilat.syntax.arguments import pp_objects, subjects
from bilat.syntax.lexicon import STATE_NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext


def _governor(anchor: Token) -> Token | None:
    """The verb a deal noun or amount is the object, prepositional object or subject of."""
    if anchor.dep_ in {"dobj", "obj"} and _is_verb(anchor.head):
        return anchor.head
    if anchor.dep_ == "pobj" and anchor.head.head != anchor.head and \
            _is_verb(anchor.head.head):
        return anchor.head.head
    if anchor.dep_ in {"nsubj", "nsubjpass"}:
        return anchor.head
    return None


def _amount_head(money_root: Token) -> Token:
    """The noun an amount's number words hang from ("1.8 billion dlrs worth": worth)."""
    node = money_root
    while node.dep_ in {"compound", "nummod", "quantmod"} and node.head != node:
        node = node.head
    return node


def _deal_noun(node: Token) -> Token | None:
    """The deal noun an amount belongs to ("a $5bn deal", "a deal worth ...")."""
    deal_nouns = words("deal_nouns")
    if node.dep_ in {"amod", "nmod", "compound", "nummod"} and node.head.lower_ in deal_nouns:
        return node.head
    return node if node.lower_ in deal_nouns else None


def _buying_verb(deal: Token | None, node: Token, governor: Token | None) -> Token | None:
    """The verb of buying: on the deal ("a deal to buy"), on the clause ("pledged X to buy"),
    or the governor itself ("a deal it bought", "bought $2bn (worth) of U.S. goods")."""
    buy_lemmas = words("buy_lemmas")
    if deal is not None:
        buy = next((c for c in deal.children if c.dep_ in {"relcl", "acl"}
                    and c.lemma_.lower() in buy_lemmas), None)
        if buy is not None:
            return buy
    if governor is None:
        return None
    buy = next((c for c in governor.children if c.dep_ in {"advcl", "xcomp"}
                and c.lemma_.lower() in buy_lemmas), None)
    if buy is None and governor.lemma_.lower() in buy_lemmas and (
            deal is not None or node.dep_ in {"dobj", "obj"}):
        return governor
    return buy


def _deal_and_buy(money_root: Token) -> tuple[Token | None, Token | None, Token | None]:
    """``(deal, buy, governor)`` around an amount: the deal noun it belongs to, the buying
    verb of the deal or of the clause, and the verb the deal (or amount) is an argument of."""
    node = _amount_head(money_root)
    deal = _deal_noun(node)
    governor = _governor(deal or node)
    return deal, _buying_verb(deal, node, governor), governor


def _firms_state(context: DocumentContext, token: Token) -> str | None:
    """The state whose firms or banks ``token`` names: "Japanese companies", "U.S. banks",
    "his country's firms" (a state noun owned by a pronoun: the state named before). Only a
    plural stands for the state's business as a whole: "a German group" is one firm."""
    if token.tag_ != "NNS" or (token.lower_ not in words("firm_nouns")
                               and token.lemma_.lower() not in words("firm_nouns")):
        return None
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            found = _countries(context, [child], depth=1)
            if len(found) == 1:
                return found[0]
        elif child.dep_ == "poss" and child.lower_ in words("state_nouns") and any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children):
            found = _pronoun_owner(context, child)
            return found[0] if found else None
    return None


def _buyer(context: DocumentContext, deal: Token | None, buy: Token,
           governor: Token | None) -> tuple[str | None, list[Token]]:
    """The buying state (the deal's owner or the clause's subject, or the state of the
    firms that are the subject) and the subjects read."""
    if deal is not None:
        buyer = _state_of(context, deal)
        if buyer is not None:
            return buyer, []
    subject_tokens = subjects(governor if governor is not None else buy) or subjects(buy)
    for subject in subject_tokens:
        buyer = _state_of(context, subject) or _firms_state(context, subject)
        if buyer is not None:
            return buyer, subject_tokens
    return None, subject_tokens


def _securities(goods: list[Token]) -> bool:
    """What is bought is bonds or other securities: an investment in the issuer."""
    return any(g.lower_ in words("security_nouns") for g in goods)


def _sellers(context: DocumentContext, buyer: str, goods: list[Token], buy: Token,
             subject_tokens: list[Token], sent: Span, previous_named: list[str]) -> list[str]:
    """The states a purchase may be from, in order of evidence. Bonds name their issuer also
    by a state body ("U.S. Treasury bonds")."""
    kinds = _SUBJECT_KINDS if _securities(goods) else STATE_NAME_KINDS
    sellers = [c for c in _countries(context, goods, depth=3, kinds=kinds) if c != buyer]
    sellers += [c for c in _countries(context, pp_objects(buy, ["from"]))
                if c != buyer and c not in sellers]
    if not sellers:
        sellers = [c for c in _countries(context, [o for s_ in subject_tokens
                                                    for o in pp_objects(s_, ["with"])])
                   if c != buyer]
    if not sellers:
        here = [m.country for m in context.actors.within(sent.start, sent.end)
                if m.kind in STATE_NAME_KINDS and m.country != buyer]
        if not here:
            sellers = [c for c in dict.fromkeys(previous_named) if c != buyer]
    return sellers


def _purchase(context: DocumentContext, money_root: Token, sent: Span,
              previous_named: list[str]) -> tuple[str, str, str] | None:
    """A state buying from another state: ``(seller, buyer, flow)`` or ``None``.

    "Warsaw pledged $4.2bn to buy American jets", "a $5bn deal to buy Russian systems",
    "Under the 3 billion stg deal, Qatar agreed to buy 24 jets from Britain". The buyer is
    the state itself (not a firm) that is the subject of the clause or owns the deal; the
    seller is named on what is bought, in a "from" phrase, in a "with" phrase on the
    subject ("its cooperation with Moscow includes a deal to buy ..."), or is the one other
    state the previous sentence names. Buying a company ("a deal to buy a French maker")
    is no trade between states."""
    deal, buy, governor = _deal_and_buy(money_root)
    if buy is None:
        return None
    goods = [c for c in buy.children if c.dep_ in {"dobj", "obj"}]
    if (goods and goods[0] in money_root.ancestors) or money_root in goods:
        # "bought $2bn of American soybeans": what is bought follows the amount
        goods = pp_objects(goods[0], ["of"])
    firms = words("firm_nouns")
    if any(g.lower_ in firms or g.lemma_.lower() in firms for g in goods):
        return None
    buyer, subject_tokens = _buyer(context, deal, buy, governor)
    if buyer is None:
        return None
    sellers = _sellers(context, buyer, goods, buy, subject_tokens, sent, previous_named)
    if len(sellers) != 1:
        return None
    if _securities(goods):
        # "Japan bought $2bn of Indonesian bonds": the buyer invests in the issuer
        return buyer, sellers[0], "investment"
    deal_words = {c.lower_ for c in (deal.children if deal is not None else ())}
    flow = "export" if deal_words & words("arms_words") else "import"
    return sellers[0], buyer, flow
