"""Trade figures: a money value of trade, exports, imports, a balance, investment, a pledge,
a loan or aid between two states.

The extractor is money-centred. In each sentence every money amount
(:func:`bilat.normalise.find_money`) is attached to the flow trigger
(``bilat/data/triggers/trade_figure.json``) nearest to it in the dependency tree, provided the
path between them runs only through "value" verbs ("stood at", "rose to", "totalled") or the
trigger itself ("exported 1.5 billion stg"). The two states then come from the trigger's
syntax:

* nouns: possessor or modifier ("Taiwan's surplus", "Norwegian imports", "U.S. deficit") and
  ``with``/``to``/``from``/``between``/``in``/``for`` phrases on the noun, on the verb it hangs
  from or inside the money phrase ("exports to India", "trade between A and B");
* verbs: subject ("Australia sold ...") and ``to``/``from``/``in`` phrases or an indirect
  object ("sold Britain ...").

Fallbacks, used only with a clear marker: a trigger marked bilateral ("bilateral trade",
"two-way trade") or carrying a ``with``/``to``/``from``/``between`` phrase whose object is not
a state ("imports from that country") takes the other state named in its sentence; a
definite or repeated flow noun with no state of its own ("the deficit", "exports" right after
"exports to the U.S.") takes the pair of the immediately preceding sentence.

A figure with only one state (a country with the world) is not reported. A bracketed
conversion ("6.2 billion stg (9.8 billion dlrs)") is the same figure and is skipped; an amount
without a currency takes the currency of the previous figure in the same paragraph; a bare
"dlrs" right after a qualified dollar ("H.K. dlrs") in the same sentence keeps that dollar.
``period`` is the DATE next to the amount (else the one attached to the trigger); an amount
introduced by "from"/"compared with" without its own date covers the year before the previous
figure's. Forecasts and targets are ``planned``.

Purchases between two states ("pledged $4bn to buy American jets", "a $5bn deal to buy
Russian systems") are imports of the buyer from the seller (``_purchase``); buying a firm is
not one. Aid a state "receives" takes the donor from the aid noun's modifier or, failing
that, the pair of the story; a donor's next pledge with no recipient goes to the previous
aid figure's recipient. An amount with its own partner phrase ("... and with B, Y") takes
that partner; "with its neighbour" and "compared to a Y surplus" keep the pair already set.

Figure lists and partners outside the sentence (see ``docs/extractors.md``): a change
("rose 900 mln dlrs to ...") is no figure (:mod:`bilat.syntax.figures`); each amount of a
list takes the partner phrase nearest before it; a partner-only export, import or balance
belongs to the state the story reports on; a coordinated flow shares the pair just named; a
bilateral flow with one state takes the story's other protagonist; a state's flow keeps the
partner it was named with earlier; a loan or aid naming only its giver goes to the recipient
of the donor before it or to the story's dominant state. Levies ("tariffs worth X") and
conditional consequents ("would remain at X") are no figures.

Direction (``source_country`` → ``partner_country``): the exporter, the investor, the donor
or lender, the state with the surplus; for imports the exporting state (the one imported
from) is the source. Total trade has no direction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import attrs

from bilat.events import Event, TradeFigure
from bilat.extractors.common import main_states, modality_for
from bilat.modality import modality_at
from bilat.syntax.arguments import conjuncts, pp_objects, subjects
from bilat.syntax.figures import (
    change_words,
    in_conditional_consequent,
    is_change_span,
    nearest_phrase_object,
    predicate_of,
)
from bilat.syntax.lexicon import STATE_NAME_KINDS
from bilat.triggers import load_lexicon, lower_hashes
from bilat.values import Modality, Money, Precision, TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DateMention, DocumentContext
    from bilat.triggers import Trigger

__all__ = ["extract_trade_figures"]

TRADE_MODALITIES = frozenset({"planned"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "csubj"})
_TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "total": ("with", "between", "to", "from"),
    "export": ("to", "into", "with"),
    "import": ("from", "with"),
    "balance": ("with", "between", "against", "to"),
    "investment": ("in", "into", "to"),
    "pledge": ("to", "for", "in"),
    "loan": ("to", "for"),
    "aid": ("to", "for"),
}
_OWNER_PREPS: dict[str, tuple[str, ...]] = {"export": ("from",), "import": ("into", "by")}
"""Phrases on a flow noun naming the state whose flow it is: "exports from A to B",
"imports into A from B"."""
_MARKER_PREPS = frozenset({"with", "between", "to", "from", "into"})
_RECEIVE_VERBS = frozenset({"receive", "received", "receives", "get", "got", "gets", "obtain",
                            "obtained", "secure", "secured", "seek", "sought", "seeks"})
_PRICE_UNIT = re.compile(
    r"^\s*(?:a|an|per|each)\s+(?:barrel|tonne|ton|ounce|share|unit|kilo|kg|pound|bushel|"
    r"gallon|litre|liter|head|day|hour|megawatt|mwh|kwh|tonnes|tons)\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n[ \t]+")
_BARE_DOLLAR = re.compile(r"^[\d.,\s]*(?:[a-z]+\s+)?(?:dlrs?|dollars?)$", re.IGNORECASE)
_COMPARE_WORDS = frozenset({"from", "with", "against", "versus", "vs", "vs.", "than"})
_FAVOUR = frozenset({"favour", "favor"})
_VALUE_ENTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "DATE", "QUANTITY"})
_PRONOUN_OWNERS = frozenset({"its", "their"})
_PAIR_ANAPHORS = frozenset({("two", "countries"), ("both", "countries"), ("two", "nations"),
                  ("both", "nations"), ("two", "sides"), ("both", "sides"), ("each", "side"),
                  ("two", "neighbours"), ("two", "neighbors"), ("two", "states"),
                  ("two", "allies"), ("two", "partners"), ("two", "governments")})
"""Two-word phrases that refer back to a pair of states named before."""
_BUY_LEMMAS = frozenset({"buy", "purchase", "acquire", "procure"})
_DEAL_NOUNS = frozenset({"deal", "deals", "contract", "contracts", "order", "orders",
                         "agreement", "package", "purchase", "sale"})
_ARMS_WORDS = frozenset({"arms", "weapons", "weapon", "military", "defence", "defense"})
# objects of "buy" that make the deal a company acquisition, not a trade between states
_FIRM_NOUNS = frozenset({"company", "companies", "firm", "firms", "maker", "makers", "group",
                         "stake", "stakes", "share", "shares", "bank", "banks", "producer",
                         "manufacturer", "operator", "business", "businesses", "unit",
                         "subsidiary", "rival", "carrier", "brand", "assets", "startup",
                         "chain", "retailer", "insurer", "developer", "plant", "factory"})
_MEASURE_NOUNS = frozenset({"level", "earnings", "earning", "revenue", "revenues", "bill",
                            "receipts", "receipt", "figure", "total"})
_TRANSFER_FLOWS = frozenset({"aid", "pledge", "loan"})
_REPORTED_FLOWS = frozenset({"export", "import", "balance"})
"""Flows a story reports for one state against partner after partner ("exports to A ...,
shipments to B ..."); a later figure of the flow with only a partner is that state's."""
_COUNTRY_OR_CAPITAL_KINDS = frozenset({"country", "capital"})
_SUBJECT_KINDS = STATE_NAME_KINDS | {"body"}


@lru_cache(maxsize=1)
def _config() -> dict[str, frozenset[str]]:
    path = resources.files("bilat") / "data" / "triggers" / "trade_figure.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    config = {
        key: frozenset(str(w).lower() for w in data.get(key, ()))
        for key in ("bilateral_markers", "anaphoric_markers", "value_verbs", "with_give_verbs",
                    "bilateral_words", "world_markers", "levy_nouns")
    }
    # a verb of change links a level to its flow as "stood at" does ("decreased to X")
    words = change_words()
    config["value_verbs"] |= words["change_forms"] | words["change_lemmas"]
    return config


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of ``data/triggers/trade_figure.json`` (lower-cased)."""
    path = resources.files("bilat") / "data" / "triggers" / "trade_figure.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in data[key])


@attrs.frozen
class _Roles:
    """What the syntax of one trigger says about the two states."""

    owners: tuple[str, ...]
    targets: tuple[str, ...]
    marker: bool  # a with/to/from/between phrase or "bilateral" marks a two-party figure
    anaphoric: bool  # "the deficit", "bilateral trade": may refer to the previous pair
    foreign: bool = False  # the partner is named but is no state ("with Europe")
    bilateral: bool = False  # "bilateral", "two-way": the figure is between two states


def _countries(context: DocumentContext, tokens: list[Token], depth: int = 2,
               kinds: frozenset[str] = STATE_NAME_KINDS) -> list[str]:
    """States mentioned by ``tokens`` (each token's own mention or one in its NP)."""
    out: list[str] = []
    for token in tokens:
        for mention in _np_mentions(context, token, depth, kinds):
            if mention.country not in out:
                out.append(mention.country)
    return out


def _negated_name(context: DocumentContext, mention: ActorMention) -> bool:
    """ "non-EU trade": the name excludes the state."""
    doc = context.doc
    prev = [t.lower_ for t in doc[max(0, mention.start - 2):mention.start]]
    return "non" in prev or any(t.endswith("non-") for t in prev) or \
        doc[mention.start].lower_.startswith("non-")


def _np_mentions(context: DocumentContext, token: Token, depth: int,
                 kinds: frozenset[str] = STATE_NAME_KINDS) -> list[ActorMention]:
    """State mentions on ``token`` or among its nominal dependents (not clauses)."""
    found: list[ActorMention] = []
    direct = context.actor_at(token.i)
    if direct is not None and direct.kind in kinds and direct.country:
        return [] if _negated_name(context, direct) else [direct]
    frontier = [token]
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in {"relcl", "acl", "advcl", "appos", "cc", "punct", "prep"}:
                    continue
                mention = context.actor_at(child.i)
                if mention is not None and mention.kind in kinds and mention.country:
                    if _negated_name(context, mention):
                        continue
                    if mention not in found:
                        found.append(mention)
                    continue
                if child.dep_ == "conj":
                    continue
                nxt.append(child)
        frontier = nxt
        if found:
            break
    return found


_SCALES = frozenset({"million", "mln", "billion", "bln", "bn", "trillion", "m", "thousand"})


def _is_amount(token: Token) -> bool:
    """An amount or date as the object of "rose to", "from": not a partner."""
    if token.like_num or any(ch.isdigit() for ch in token.text) or \
            token.ent_type_ in {"MONEY", "PERCENT", "DATE"}:
        return True
    return any(c.dep_ in {"nummod", "compound", "quantmod", "amod"} and
               (any(ch.isdigit() for ch in c.text) or c.lower_ in _SCALES)
               for c in token.children)


def _pp_targets(context: DocumentContext, token: Token, preps: tuple[str, ...],
                own: Token | None = None) -> tuple[list[str], bool]:
    """States in the ``preps`` phrases on ``token``, and whether such a phrase exists.

    A phrase whose object is an amount ("rose to 5 bln dlrs") or a date is no partner, nor
    is the phrase whose object is the flow noun ``own`` itself ("concerned with the U.S.
    deficit")."""
    objects = [o for o in pp_objects(token, preps) if not _is_amount(o) and o != own
               and not (o.lower_ in _flow_nouns() and o.dep_ != "conj")]
    if not objects:
        return [], False
    return _countries(context, objects), True


@lru_cache(maxsize=1)
def _flow_nouns() -> frozenset[str]:
    """One-word flow nouns of the lexicon ("exports", "shipments", "surplus"): the object of
    "with" on a verb ("rose to X, with shipments to B up 3 pct") is then another flow, not
    a partner."""
    return frozenset(w for entry in load_lexicon("trade_figure").entries
                     if len(entry.sequence) == 1 and "NOUN" in entry.pos
                     for w in entry.sequence[0])


def _subtree_targets(context: DocumentContext, token: Token, preps: tuple[str, ...],
                     depth: int = 3) -> tuple[list[str], bool]:
    """States in ``preps`` phrases anywhere in ``token``'s phrase (not crossing clauses)."""
    found: list[str] = []
    seen = False
    frontier = [token]
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            got, has = _pp_targets(context, node, preps)
            seen = seen or has
            found.extend(c for c in got if c not in found)
            for child in node.children:
                if child.dep_ not in _CLAUSE_DEPS | {"relcl", "conj"}:
                    nxt.append(child)
        frontier = nxt
    return found, seen


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def _pronoun_owner(context: DocumentContext, head: Token) -> list[str]:
    """ "its surplus": the nearest state named before it in the sentence."""
    doc = context.doc
    before = [m for m in context.actors.within(head.sent.start, head.i)
              if m.kind in STATE_NAME_KINDS and not _negated_name(context, m)
              and doc[m.end - 1].dep_ != "pobj"]
    if before:
        return [before[-1].country]
    sent = head.sent
    if sent.start == 0:
        return []
    previous = context.doc[sent.start - 1].sent
    for token in previous:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            return _countries(context, [token], depth=1)[:1]
    return []


@attrs.define
class _Draft:
    """Roles of a trade noun while they are being read."""

    owners: list[str]
    targets: list[str] = attrs.Factory(list)
    marker: bool = False


_NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def _noun_owners(context: DocumentContext, trigger: Trigger) -> list[str]:
    """The states modifying a trade noun ("Japan's exports", "U.S.-Japan trade")."""
    head = trigger.head
    first = head.doc[trigger.start]
    modifiers = [c for c in head.children
                 if c.dep_ in _NOUN_MODIFIER_DEPS and c.i < trigger.start]
    modifiers += [c for c in first.children if c.dep_ in _NOUN_MODIFIER_DEPS
                  and c.i < trigger.start and c not in modifiers]
    owners = _countries(context, modifiers, depth=1)
    if not owners and any(c.dep_ == "poss" and c.lower_ in _PRONOUN_OWNERS
                          for c in head.children):
        owners = _pronoun_owner(context, head)
    return owners


def _noun_targets(context: DocumentContext, trigger: Trigger, draft: _Draft,
                  of_objects: list[Token]) -> None:
    """The partners a trade noun's own phrases name: "with", "to", "between", or on its
    goods ("imports of soybeans from the US")."""
    head = trigger.head
    preps = _TARGET_PREPS[trigger.label]
    nouns = [head] + [t for t in head.doc[trigger.start:trigger.end] if t != head]
    between: list[str] = []
    for noun in nouns:
        got, has = _pp_targets(context, noun, preps)
        draft.targets += [c for c in got if c not in draft.targets]
        draft.marker = draft.marker or has
        between += [c for c in _countries(context, pp_objects(noun, ["between"]))
                    if c not in between]
    if not draft.targets:  # "imports of soybeans from the US": the partner hangs on the goods
        for goods in of_objects:
            got, has = _pp_targets(context, goods, preps)
            draft.targets += [c for c in got if c not in draft.targets]
            draft.marker = draft.marker or has
    if between:
        draft.targets = [c for c in between if c not in draft.owners] + [
            c for c in draft.targets if c not in between]
        draft.marker = True


def _noun_verb(head: Token) -> tuple[Token | None, bool]:
    """The verb a trade noun is an argument of, and whether it came with "with"."""
    verb = head.head if head.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "pobj"} else None
    given_with = verb is not None and verb.lower_ == "with" and head.dep_ == "pobj"
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    return verb, given_with


def _transfer_through_verb(context: DocumentContext, trigger: Trigger, verb: Token,
                           given_with: bool, draft: _Draft) -> None:
    """Giver and receiver of a loan or aid from the verb it is given with."""
    head = trigger.head
    if given_with and verb.lower_ in _config()["with_give_verbs"]:
        # "Japan will provide Indonesia with a $1bn loan": giver = subject, receiver = object
        if not draft.owners:
            draft.owners = _countries(context, subjects(verb), depth=1)
        if not draft.targets:
            draft.targets = _countries(
                context, [c for c in verb.children if c.dep_ == "dobj"], depth=1)
    if trigger.label in _TRANSFER_FLOWS and not draft.owners and \
            not draft.targets and head.dep_ == "pobj" and head.head.lower_ == "for":
        # "South Korea signed with Japan for a 44.6 billion yen credit": the subject
        # receives, the "with" partner gives
        partners = _countries(context, pp_objects(verb, ["with"]), depth=1)
        takers = _countries(context, subjects(verb), depth=1)
        if len(partners) == 1 and len(takers) == 1 and partners != takers:
            draft.owners, draft.targets, draft.marker = partners, takers, True


def _given_in(head: Token) -> Token | None:
    """The verb of "gave X in aid", "extended X in loans": a transfer noun after "in" on the
    verb or on the amount that is the verb's object."""
    if head.dep_ != "pobj" or head.head.lower_ != "in" or head.head.dep_ != "prep":
        return None
    host = head.head.head
    if _is_amount(host) and host.dep_ in {"dobj", "obj"} and _is_verb(host.head):
        return host.head
    if _is_verb(host) and any(_is_amount(c) for c in host.children if c.dep_ in {"dobj", "obj"}):
        return host
    return None


def _transfer_given_in(context: DocumentContext, trigger: Trigger, draft: _Draft) -> None:
    """Giver and receiver of "the U.S. gave X in aid to Egypt", "Britain gave Ukraine X in
    military aid", "Egypt received X in aid from the U.S."."""
    verb = _given_in(trigger.head) if trigger.label in _TRANSFER_FLOWS else None
    if verb is None:
        return
    doers = _countries(context, subjects(verb), depth=1, kinds=_SUBJECT_KINDS)
    if verb.lower_ in _RECEIVE_VERBS:
        givers = _countries(context, pp_objects(verb, ["from"]), depth=1, kinds=_SUBJECT_KINDS)
        takers = doers
    else:
        givers = doers
        takers = _countries(context, [c for c in verb.children if c.dep_ in {"dative", "iobj"}
                                      or (c.dep_ == "dobj" and not _is_amount(c))], depth=1)
    if not givers or not takers:
        return  # (a one-sided "receive X in U.S. aid" is read from the aid noun)
    if not draft.owners:
        draft.owners = givers
        draft.marker = True
    if not draft.targets:
        draft.targets = [c for c in takers if c not in draft.owners]


def _roles_through_verb(context: DocumentContext, trigger: Trigger, draft: _Draft) -> None:
    """What the verb a trade noun is an argument of says about its states."""
    head = trigger.head
    _transfer_given_in(context, trigger, draft)
    verb, given_with = _noun_verb(head)
    if verb is None or not _is_verb(verb):
        return
    _transfer_through_verb(context, trigger, verb, given_with, draft)
    if not draft.targets:
        got, has = _pp_targets(context, verb, _TARGET_PREPS[trigger.label], own=head)
        draft.targets, draft.marker = got, draft.marker or has
    if not draft.owners and head.dep_ in {"dobj", "attr"}:
        draft.owners = _countries(context, subjects(verb), depth=1)
        if verb.lower_ in _RECEIVE_VERBS and draft.owners:
            draft.owners, draft.targets = draft.targets, draft.owners


def _noun_flags(trigger: Trigger) -> tuple[bool, bool, bool]:
    """Whether a trade noun marks a two-party figure, says "bilateral", or refers back
    ("the deficit"): ``(marker, bilateral, anaphoric)``."""
    head = trigger.head
    bilateral_entry = bool(trigger.entry.extra.get("bilateral"))
    # modifiers of the noun and of its compounds ("bilateral goods trade")
    modifiers = [c for c in head.children if c.dep_ in {"amod", "compound", "nummod"}]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children
                  if g.dep_ == "amod" and g.i < c.i]
    marker = bilateral_entry or any(
        c.lower_ in _config()["bilateral_markers"] for c in modifiers)
    bilateral = bilateral_entry or any(
        c.lower_ in _config()["bilateral_words"] for c in modifiers if c.dep_ != "nummod")
    det = [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}]
    anaphoric = any(d in _config()["anaphoric_markers"] for d in det) or bilateral_entry
    return marker, bilateral, anaphoric


def _noun_roles(context: DocumentContext, trigger: Trigger, money_root: Token | None) -> _Roles:
    head = trigger.head
    flow = trigger.label
    draft = _Draft(_noun_owners(context, trigger))
    of_objects = pp_objects(head, ["of"]) if flow in {"import", "export"} else []
    _noun_targets(context, trigger, draft, of_objects)
    if not draft.owners and flow in _OWNER_PREPS:
        draft.owners = [c for c in _countries(context, pp_objects(head, _OWNER_PREPS[flow]))
                        if c not in draft.targets][:1]
    # a hyphenated pair modifying the noun: "U.S.-Japan trade", "Sino-Soviet trade"
    if len(draft.owners) >= 2 and flow in {"total", "balance"}:
        draft.targets = draft.owners[1:] + draft.targets
        draft.owners = draft.owners[:1]
    _roles_through_verb(context, trigger, draft)
    if money_root is not None and not draft.targets:
        got, has = _subtree_targets(context, money_root, _TARGET_PREPS[flow])
        draft.targets, draft.marker = got, draft.marker or has
    if flow in _TRANSFER_FLOWS and not draft.owners:
        # "a 1 bln dlr loan from the Japanese government": the lender
        draft.owners = _countries(context, pp_objects(head, ["from"]), depth=1,
                                  kinds=_SUBJECT_KINDS)[:1]
    if of_objects:
        origin = _countries(context, of_objects, depth=2)
        if flow == "import" and not draft.targets:
            draft.targets = origin
        elif flow == "export" and not draft.owners:
            draft.owners = origin
    marker, bilateral, anaphoric = _noun_flags(trigger)
    owners = draft.owners
    return _Roles(tuple(owners), tuple(t for t in draft.targets if t not in owners),
                  draft.marker or marker, anaphoric, bilateral=bilateral)


def _amount_targets(context: DocumentContext, trigger: Trigger, money_root: Token,
                    marker: bool) -> tuple[list[str], bool]:
    """Partners of a trade verb named around its amount rather than on the verb."""
    head = trigger.head
    flow = trigger.label
    # "bought 170 mln worth of items, including textiles, from India": the phrase may
    # hang anywhere in the amount's noun phrase
    np_head = money_root.head if money_root.dep_ in {"amod", "nummod", "compound",
                                                     "quantmod"} else money_root
    targets, has = _subtree_targets(context, np_head, _TARGET_PREPS[flow])
    marker = marker or has
    if not targets and flow in {"export", "import"}:
        # "... and bought X worth of items, including textiles, from India"
        direct = ("from",) if flow == "import" else ("to", "into")
        for child in head.children:
            if child.dep_ in {"prep", "dobj", "obj"} and child.i > head.i:
                got, has = _subtree_targets(context, child, direct)
                if got:
                    return got, True
    return targets, marker


def _verb_roles(context: DocumentContext, trigger: Trigger, money_root: Token | None) -> _Roles:
    head = trigger.head
    flow = trigger.label
    preps = _TARGET_PREPS[flow]
    # a state body as subject speaks for its state ("the U.S. administration promised")
    owners = _countries(context, subjects(head), depth=1, kinds=_SUBJECT_KINDS)
    targets, marker = _pp_targets(context, head, preps)
    datives = [c for c in head.children if c.dep_ in {"dative", "iobj"}
               or (c.dep_ == "dobj" and context.actor_at(c.i) is not None)]
    for country in _countries(context, datives, depth=1):
        if country not in targets:
            targets.append(country)
            marker = True
    if money_root is not None and not targets:
        targets, marker = _amount_targets(context, trigger, money_root, marker)
    if head.lower_ in _RECEIVE_VERBS and owners:
        owners, targets = targets, owners
    return _Roles(tuple(owners), tuple(t for t in targets if t not in owners), marker, False)


def _non_state_partner(context: DocumentContext, trigger: Trigger,
                       money_root: Token | None = None) -> bool:
    """ "imports from Europe", "surplus with OPEC": a named partner that is not one state;
    also on the amount's own phrase ("imported X worth from Latin America")."""
    tokens = list(trigger.head.doc[trigger.start:trigger.end])
    if trigger.head.head.pos_ in {"VERB", "AUX"}:
        tokens.append(trigger.head.head)
    if money_root is not None:
        tokens.append(money_root)
        if money_root.dep_ in {"amod", "nummod", "compound", "quantmod"}:
            tokens.append(money_root.head)
    for token in tokens:
        for obj in pp_objects(token, _MARKER_PREPS):
            names = [t for t in obj.subtree if t.pos_ == "PROPN" or t.ent_type_ in
                     {"GPE", "LOC", "NORP", "ORG"}]
            if names and not any(
                (m := context.actor_at(t.i)) is not None and m.kind in _SUBJECT_KINDS
                and not _negated_name(context, m) for t in obj.subtree
            ):
                return True
    return False


def _roles(context: DocumentContext, trigger: Trigger, money_root: Token | None) -> _Roles:
    if _is_verb(trigger.head):
        roles = _verb_roles(context, trigger, money_root)
    else:
        roles = _noun_roles(context, trigger, money_root)
    negated = any(m is not None and _negated_name(context, m)
                  for c in trigger.head.children if c.dep_ in {"amod", "compound", "nmod"}
                  for m in [context.actor_at(c.i)])
    if len(roles.owners) + len(roles.targets) < 2 and (
            negated or _non_state_partner(context, trigger, money_root)):
        roles = attrs.evolve(roles, foreign=True)
    if trigger.label in _TRANSFER_FLOWS and money_root is not None and not roles.targets:
        roles = _with_recipient(context, trigger, money_root, roles)
    return roles


def _with_recipient(context: DocumentContext, trigger: Trigger, money_root: Token,
                    roles: _Roles) -> _Roles:
    """A loan or aid with its recipient named on the amount, and its donor by a modifier."""
    recipient = _recipient(context, money_root)
    if recipient is None or recipient in roles.owners:
        return roles
    roles = attrs.evolve(roles, targets=(recipient,))
    if not roles.owners:
        # "U.S. military aid": the donor named by a modifier, a state body included
        donors = [m.country for c in trigger.head.children
                  if c.dep_ in {"nmod", "compound", "amod", "poss"}
                  for m in [context.actor_at(c.i)]
                  if m is not None and m.country and m.kind in STATE_NAME_KINDS | {"body"}
                  and m.country != recipient]
        roles = attrs.evolve(roles, owners=tuple(donors[:1]))
    return roles


def _recipient(context: DocumentContext, money_root: Token) -> str | None:
    """ "Egypt will receive 1.3 billion dlrs in U.S. aid": the state that receives the money."""
    verb = money_root.head
    if money_root.dep_ not in {"dobj", "obj"} or verb.lower_ not in _RECEIVE_VERBS:
        return None
    for subject in subjects(verb):
        mention = context.actor_at(subject.i)
        if mention is not None and mention.kind in STATE_NAME_KINDS:
            return mention.country
    return None


def _own_partner(context: DocumentContext, money_root: Token, trigger: Trigger
                 ) -> tuple[list[str], bool]:
    """ "(surplus with A was X) and with B, Y": the partner phrase the amount itself hangs
    from or carries, when it is not the trigger's own; ``(states, found)``."""
    preps = _TARGET_PREPS[trigger.label]
    own = {t.i for t in trigger.head.doc[trigger.start:trigger.end]}
    node = money_root
    for _ in range(3):
        if node.dep_ == "appos" and node.head != node:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.lower_ in preps and \
                node.head.head.i not in own and node.head.head.i > trigger.head.i and \
                not _is_amount(node):
            return _countries(context, [node]), True
        break
    for prep in money_root.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            objects = [o for o in prep.children if o.dep_ == "pobj" and not _is_amount(o)]
            states = _countries(context, objects)
            if states:  # "12.1 billion with the EC"; "X in aid" names no partner
                return states, True
    return [], False


_COLLECTIVES = frozenset({"countries", "nations", "states", "economies", "partners",
                          "neighbours", "neighbors", "members", "regions"})


def _listed_partner(context: DocumentContext, span: Span, trigger: Trigger
                    ) -> tuple[tuple[str, ...], bool] | None:
    """The partner phrase nearest before the amount ``span`` when it is not the noun
    trigger's own: ``(states, foreign)``, ``foreign`` for a named partner that is no state
    ("with Latin America", "with industrialised countries"); ``None`` when there is none or
    it names several states or no one in particular."""
    if _is_verb(trigger.head) or trigger.end >= span.start:
        return None
    obj = nearest_phrase_object(context.doc, trigger.end, span.start,
                                frozenset(_TARGET_PREPS[trigger.label]), _is_amount)
    if obj is None:
        return None
    states = _countries(context, conjuncts(obj))
    if len(states) == 1:
        return (states[0],), False
    if states:
        return None
    named = obj.pos_ == "PROPN" or obj.ent_type_ in {"GPE", "LOC", "NORP", "ORG"}
    if named or (obj.lower_ in _COLLECTIVES and not any(
            c.dep_ == "poss" or c.lower_ in {"both", "two", "these", "those"}
            for c in obj.children)):
        return (), True  # "with Latin America", "with industrial countries"
    return None  # "between both countries", "with its neighbours": someone named before


def _owned_flow_noun(context: DocumentContext, trigger: Trigger) -> bool:
    """A flow noun owned by a state named in its modifier ("France's deficit", "a French
    surplus"; a pronoun, "its surplus", may mean any of the state's balances), not
    marked as a total with the world ("overall", "global") nor as a total of parts ("a
    surplus, including ... with A and ... with B")."""
    head = trigger.head
    if _is_verb(head):
        return False
    tokens = [head, *head.doc[trigger.start:trigger.end]]
    modifiers = [c for t in tokens for c in t.children
                 if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i < head.i]
    if any(c.lower_ in _config()["world_markers"] for c in modifiers) or any(
            t.lower_ in _config()["world_markers"] for t in tokens):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"including", "of"} for c in head.children):
        return False
    return any((m := context.actor_at(c.i)) is not None and m.kind in STATE_NAME_KINDS
               for c in modifiers)


def _only_partners_besides(context: DocumentContext, sent: Span, owner: str) -> bool:
    """Every state ``sent`` names, other than ``owner``, is a partner ("to Mexico")."""
    return all(m.country == owner or _partner_phrase(context.doc[m.end - 1])
               for m in context.actors.within(sent.start, sent.end) if m.kind in STATE_NAME_KINDS)


def _partner_phrase(token: Token) -> bool:
    """``token`` names the object of a partner preposition ("with EC nations"), one of its
    conjuncts ("to A and B"), a member it lists ("with Asian states, including A and B"),
    or the subject a partner "with" introduces ("with Japan increased to ...")."""
    for _ in range(8):
        if token.dep_ in {"compound", "amod", "nmod", "conj", "appos"} and token.head != token:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in {"including", "like", "as"} and \
                token.head.head != token.head:
            token = token.head.head
        else:
            break
    if token.dep_ in {"nsubj", "nsubjpass"} and any(
            c.dep_ == "mark" and c.lower_ in _MARKER_PREPS and c.i < token.i
            for c in token.head.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _MARKER_PREPS


def _in_comparison(token: Token) -> bool:
    """``token`` is the object of "compared to/with", "against", "versus"."""
    node = token
    for _ in range(3):
        if node.head == node:
            return False
        node = node.head
        if node.lower_ in {"compared", "against", "versus", "vs", "vs."}:
            return True
    return False


def _pronoun_partner(sent: Span) -> bool:
    """ "with its neighbour", "to their partner": a partner named only by a possessive."""
    return any(t.dep_ == "pobj" and t.head.lower_ in {"with", "to", "from"}
               and any(c.dep_ == "poss" and c.lower_ in _PRONOUN_OWNERS for c in t.children)
               for t in sent)


def _names_recipient(*tokens: Token) -> bool:
    """A "to"/"for" phrase on ``tokens`` names who gets the money ("to the UN agency")."""
    return any(c.dep_ in {"dative", "prep"} and c.lower_ in {"to", "for"}
               and any(o.dep_ == "pobj" and not _is_amount(o) for o in c.children)
               for t in tokens for c in t.children)


def _state_of(context: DocumentContext, token: Token) -> str | None:
    """The state ``token`` names itself, or its possessor ("Turkey's", "its")."""
    mention = context.actor_at(token.i)
    if mention is not None and mention.kind in _COUNTRY_OR_CAPITAL_KINDS | {"body"} and \
            mention.country and not _negated_name(context, mention):
        return mention.country
    for child in token.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in _PRONOUN_OWNERS:
            found = _pronoun_owner(context, token)
            return found[0] if found else None
        mention = context.actor_at(child.i)
        if mention is not None and mention.kind in _SUBJECT_KINDS and mention.country:
            return mention.country
    return None


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


def _deal_and_buy(money_root: Token) -> tuple[Token | None, Token | None, Token | None]:
    """``(deal, buy, governor)`` around an amount: the deal noun it belongs to, the buying
    verb of the deal or of the clause, and the verb the deal (or amount) is an argument of."""
    node = money_root
    while node.dep_ in {"compound", "nummod", "quantmod"} and node.head != node:
        node = node.head
    deal: Token | None = None
    if node.dep_ in {"amod", "nmod", "compound", "nummod"} and node.head.lower_ in _DEAL_NOUNS:
        deal = node.head
    elif node.lower_ in _DEAL_NOUNS:
        deal = node
    buy: Token | None = None
    if deal is not None:
        buy = next((c for c in deal.children if c.dep_ in {"relcl", "acl"}
                    and c.lemma_.lower() in _BUY_LEMMAS), None)
    governor = _governor(deal or node)
    if buy is None and governor is not None:
        buy = next((c for c in governor.children if c.dep_ in {"advcl", "xcomp"}
                    and c.lemma_.lower() in _BUY_LEMMAS), None)
        if buy is None and governor.lemma_.lower() in _BUY_LEMMAS and (
                deal is not None or node.dep_ in {"dobj", "obj"}):
            buy = governor  # "a deal it bought", "bought $2bn (worth) of U.S. goods"
    return deal, buy, governor


def _firms_state(context: DocumentContext, token: Token) -> str | None:
    """The state whose firms or banks ``token`` names: "Japanese companies", "U.S. banks",
    "his country's firms" (a state noun owned by a pronoun: the state named before). Only a
    plural stands for the state's business as a whole: "a German group" is one firm."""
    if token.tag_ != "NNS" or (token.lower_ not in _FIRM_NOUNS
                               and token.lemma_.lower() not in _FIRM_NOUNS):
        return None
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            found = _countries(context, [child], depth=1)
            if len(found) == 1:
                return found[0]
        elif child.dep_ == "poss" and child.lower_ in _words("state_nouns") and any(
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


def _sellers(context: DocumentContext, buyer: str, goods: list[Token], buy: Token,
             subject_tokens: list[Token], sent: Span, previous_named: list[str]) -> list[str]:
    """The states a purchase may be from, in order of evidence."""
    sellers = [c for c in _countries(context, goods, depth=3) if c != buyer]
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
    if any(g.lower_ in _FIRM_NOUNS or g.lemma_.lower() in _FIRM_NOUNS for g in goods):
        return None
    buyer, subject_tokens = _buyer(context, deal, buy, governor)
    if buyer is None:
        return None
    sellers = _sellers(context, buyer, goods, buy, subject_tokens, sent, previous_named)
    if len(sellers) != 1:
        return None
    if any(g.lower_ in _words("security_nouns") for g in goods):
        # "Japan bought $2bn of Indonesian bonds": the buyer invests in the issuer
        return buyer, sellers[0], "investment"
    words = {c.lower_ for c in (deal.children if deal is not None else ())}
    flow = "export" if words & _ARMS_WORDS else "import"
    return sellers[0], buyer, flow


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """Tokens from ``a`` up to the lowest common ancestor and from ``b`` up to it."""
    chain_a = [a]
    while chain_a[-1].head != chain_a[-1] and len(chain_a) < 12:
        chain_a.append(chain_a[-1].head)
    index = {t.i: k for k, t in enumerate(chain_a)}
    chain_b = [b]
    while chain_b[-1].i not in index:
        if chain_b[-1].head == chain_b[-1] or len(chain_b) > 12:
            return None
        chain_b.append(chain_b[-1].head)
    return chain_a[: index[chain_b[-1].i] + 1], chain_b


def _breaks_attachment(token: Token, trigger: Trigger, lca: Token) -> bool:
    """A token on the path from an amount to a trigger that separates them: a levy noun,
    a verb other than a value verb, or a clause boundary below their common head."""
    if token == trigger.head or trigger.start <= token.i < trigger.end:
        return False
    value_verbs = _config()["value_verbs"]
    if token.lower_ in _config()["levy_nouns"]:
        return True  # "tariffs worth X on Japanese exports": the money is the levy's
    if _is_verb(token) and token.dep_ not in {"amod", "compound"} and \
            token.lower_ not in value_verbs and token.lemma_.lower() not in value_verbs:
        return True  # (a participle modifying a noun, "a X untied credit", is no clause)
    return token != lca and token.dep_ in {"ccomp", "parataxis", "csubj"}


def _attachment(money_root: Token, trigger: Trigger) -> int | None:
    """Tree distance from the money to the trigger, or ``None`` if they are not linked by
    the trigger itself or a value verb."""
    head = trigger.head
    paths = _path(money_root, head)
    if paths is None:
        return None
    up_money, up_trigger = paths
    lca = up_money[-1]
    distance = len(up_money) + len(up_trigger) - 2
    if distance > 6:
        return None
    inner = up_money[1:] + up_trigger[1:-1]
    if any(_breaks_attachment(token, trigger, lca) for token in inner):
        return None
    if lca != head and _is_verb(lca):
        # "the surplus boosted reserves to $50bn": the money measures the other object
        objects = [c for c in lca.children if c.dep_ in {"dobj", "obj"} and not _is_amount(c)]
        if any(o not in up_money and o not in up_trigger for o in objects):
            return None  # (an amount object is the change: "rose 5 bln dlrs to 20 bln")
    return distance


def _usable(trigger: Trigger) -> bool:
    """Drop a trigger word used as a modifier of a non-flow noun ("trade unions")."""
    head = trigger.head
    single = trigger.end - trigger.start == 1
    if single and head.dep_ == "compound" and head.head.lemma_.lower() in _MEASURE_NOUNS:
        return True  # "export levels", "import bill", "export earnings" measure the flow
    return not (single and head.dep_ == "compound" and head.head.pos_ in {"NOUN", "PROPN"})


def _money_root(context: DocumentContext, money: Money) -> Span | None:
    assert money.start_char is not None and money.end_char is not None
    return context.doc.char_span(money.start_char, money.end_char, alignment_mode="expand")


def _sentence_money(context: DocumentContext, sent: Span, hint: str | None) -> list[Money]:
    """Money amounts in ``sent`` with document offsets, minus conversions and unit prices."""
    from bilat.normalise import find_money

    text = sent.text
    found = find_money(text, country_hint=hint, published=context.published)
    out: list[Money] = []
    previous_end: int | None = None
    for money in found:
        if money.start_char is None or money.end_char is None:
            continue
        before = text[:money.start_char].rstrip()
        after = text[money.end_char:]
        if previous_end is not None and before.endswith("(") and \
                len(before) - 1 - previous_end <= 3:
            previous_end = money.end_char
            continue  # a bracketed conversion of the amount before it
        previous_end = money.end_char
        if _PRICE_UNIT.match(after) or before.lower().endswith(("below", "beneath")):
            continue
        if re.match(r"^\s*(?:pct|per\s*cent|percent|%)", after, re.IGNORECASE):
            continue
        out.append(
            attrs.evolve(
                money,
                start_char=sent.start_char + money.start_char,
                end_char=sent.start_char + money.end_char,
            )
        )
    return out


def _previous_year(span: TimeSpan) -> TimeSpan | None:
    if span.precision is not Precision.YEAR:
        return None
    year = span.start.year - 1
    return TimeSpan(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31),
                    precision=Precision.YEAR, text=span.text)


def _adjacent_date(context: DocumentContext, span: Span, dates: list[DateMention],
                   others: list[Span]) -> tuple[TimeSpan, bool] | None:
    """A date right after the amount, with no other amount between ("X in 1986", "X by
    1990": a target), or a possessive date right before it ("December's 4.4 billion")."""
    for mention in dates:
        if span.end <= mention.start <= span.end + 4 and \
                not any(span.end <= m.start < mention.start for m in others):
            target = context.doc[mention.start - 1].lower_ == "by" or \
                mention.timespan.text.lower().startswith("by ")
            return mention.timespan, target
    for mention in dates:
        gap = [t.lower_ for t in context.doc[mention.end:span.start]]
        if mention.end <= span.start and all(w in {"'s", "'", "’s"} for w in gap):
            return mention.timespan, False  # "December's 4.4 billion"
    return None


def _free_date(context: DocumentContext, span: Span, trigger: Trigger,
               dates: list[DateMention], others: list[Span]) -> tuple[TimeSpan | None, bool]:
    """The date no other amount claims that hangs from the trigger or the amount, else the
    nearest such date."""
    claimed = set()
    for other in others:
        for mention in dates:
            if other.end <= mention.start <= other.end + 4:
                claimed.add(mention.start)
    free = [m for m in dates if m.start not in claimed]
    if not free:
        return None, False
    for mention in free:
        root = context.doc[mention.start:mention.end].root
        node = root
        for _ in range(4):
            if node == trigger.head or node == span.root:
                return mention.timespan, context.doc[mention.start - 1].lower_ == "by"
            if node.head == node:
                break
            node = node.head
    best = min(free, key=lambda m: min(abs(m.start - span.start), abs(m.end - span.end)))
    return best.timespan, context.doc[best.start - 1].lower_ == "by"


def _period(context: DocumentContext, sent: Span, span: Span, trigger: Trigger,
            moneys: list[Span], earlier: TimeSpan | None) -> tuple[TimeSpan | None, bool]:
    """The period of the amount at ``span`` and whether it is a "by <year>" target."""
    dates = context.dates_in(sent)
    others = [m for m in moneys if m.start != span.start]
    adjacent = _adjacent_date(context, span, dates, others)
    if adjacent is not None:
        return adjacent
    if _word_before(span) in _COMPARE_WORDS and earlier is not None:
        return _previous_year(earlier), False
    return _free_date(context, span, trigger, dates, others)


def _named_in(context: DocumentContext, sent: Span) -> list[str]:
    """The distinct states a sentence names, in order."""
    return list(dict.fromkeys(m.country for m in context.actors.within(sent.start, sent.end)
                              if m.kind in STATE_NAME_KINDS))


def _marked_pair(context: DocumentContext, sent: Span, roles: _Roles,
                 known: list[str]) -> tuple[str, ...] | None:
    """The pair of a marked two-party figure ("with", "bilateral") from the states its
    sentence names: the one known state and the one other, or the only two named."""
    named = _named_in(context, sent)
    others = [c for c in named if c not in known]
    if len(known) == 1 and known[0] in roles.targets:
        # two partner phrases ("with A ... and with B") make no pair without an owner
        partners = {m.country for m in context.actors.within(sent.start, sent.end)
                    if _partner_phrase(context.doc[m.end - 1])}
        others = [c for c in others if c not in partners]
    if len(known) == 1 and len(others) == 1:
        return (known[0], others[0])
    if not known and len(named) == 2:
        return tuple(named)
    return None


def _pair(context: DocumentContext, sent: Span, roles: _Roles,
          previous: tuple[str, str] | None) -> tuple[tuple[str, ...], str]:
    """The two states of a figure and how they were found (empty if not two).

    ``previous`` is the pair the preceding sentence established (or that "the two
    countries" in this sentence refers to)."""
    known = list(dict.fromkeys(roles.owners + roles.targets))
    if len(known) == 2:
        return tuple(known), "syntax"
    if len(known) > 2 or roles.foreign:
        return (), ""
    if roles.marker:
        found = _marked_pair(context, sent, roles, known)
        if found is not None:
            return found, "sentence"
    if not known and roles.anaphoric and previous is not None:
        named = _named_in(context, sent)
        if len(named) == 2 and set(named) != set(previous):
            # "Brazil was West Germany's main supplier, but shipments fell to X": the two
            # states of this sentence, not the pair before
            return tuple(named), "sentence"
    if previous is not None and (roles.anaphoric or roles.marker) and \
            all(c in previous for c in known):
        return previous, "previous"
    if roles.bilateral and len(known) == 1:
        # "Japan's bilateral surplus" in a story about Japan and the U.S.: the other
        # protagonist is the partner
        main = main_states(context, 2, STATE_NAME_KINDS)
        if known[0] in main:
            return (main[0], main[1]), "protagonists"
    return (), ""


def _names_pair(sent: Span) -> bool:
    """ "the two countries", "both sides": the sentence refers back to a known pair (a line
    break between the two words is skipped)."""
    hashes = lower_hashes(sent)
    if _pair_anaphor_hashes().isdisjoint(pairwise(hashes)):
        if not any(t.is_space for t in sent):
            return False
        hashes = [h for h, t in zip(hashes, sent, strict=True) if not t.is_space]
    return not _pair_anaphor_hashes().isdisjoint(pairwise(hashes))


@lru_cache(maxsize=1)
def _pair_anaphor_hashes() -> frozenset[tuple[int, int]]:
    from spacy.strings import get_string_id

    return frozenset((get_string_id(a), get_string_id(b)) for a, b in _PAIR_ANAPHORS)


def _breaks_linear_link(token: Token, trigger: Trigger) -> bool:
    """A token between a trigger and a later amount that separates them: a levy noun, a
    clause break, a verb other than a value verb, or another object."""
    value_verbs = _config()["value_verbs"]
    if token.lower_ in _config()["levy_nouns"]:
        return True
    if token.text in {";", ":", "(", ")"} or token.lower_ in {"said", "says", "while",
                                                              "but", "whereas"}:
        return True
    if _is_verb(token) and token.lower_ not in value_verbs and \
            token.lemma_.lower() not in value_verbs and token.lower_ not in {"to"}:
        return True
    return token.dep_ in {"dobj", "obj"} and token.head.i != trigger.head.i and \
        not _is_amount(token)  # "the surplus boosted reserves to $50bn"


def _linear_attachment(money: Span, trigger: Trigger, sent: Span,
                       others: list[Span]) -> int | None:
    """Fallback when the parse links the money nowhere: the trigger shortly before the
    amount, with only value verbs and no other amount between them."""
    if trigger.end > money.start or money.start - trigger.end > 10:
        return None
    inside = {i for o in others for i in range(o.start, o.end)}
    if any(token.i not in inside and _breaks_linear_link(token, trigger)
           for token in sent.doc[trigger.end:money.start]):
        return None
    between = [o for o in others if trigger.end <= o.start < money.start]
    compared = _word_before(money) in _COMPARE_WORDS
    if len(between) > (1 if compared else 0):
        return None
    return 10 + money.start - trigger.end


def _direction(flow: str, trigger: Trigger, roles: _Roles, pair: tuple[str, ...]
               ) -> tuple[str | None, str | None]:
    if flow == "total" or not (roles.owners or roles.targets):
        return None, None
    if roles.owners:
        owner = roles.owners[0]
    elif roles.targets[0] in pair:  # "exports to B", "aid to B", A from the pair: A's flow
        owner = next((c for c in pair if c != roles.targets[0]), "")
    else:
        return None, None
    if owner not in pair:
        return None, None
    other = next((c for c in pair if c != owner), None)
    words = {trigger.head.lower_, trigger.head.doc[trigger.start].lower_}
    deficit = any(w.startswith("deficit") for w in words)
    if flow == "import" or (flow == "balance" and deficit):
        return other, owner
    return owner, other


def _in_favour_of(context: DocumentContext, span: Span, sent: Span) -> str | None:
    """ "six billion dlrs in Japan's favour": the state the balance favours."""
    window = context.doc[span.end:min(sent.end, span.end + 6)]
    for token in window:
        if token.lower_ in _FAVOUR:
            for child in token.children:
                if child.dep_ == "poss":
                    mention = context.actor_at(child.i)
                    if mention is not None and mention.kind in STATE_NAME_KINDS:
                        return mention.country
    return None


def _paragraph_break(text: str, start: int, end: int) -> bool:
    return bool(_PARAGRAPH.search(text[start:end])) or start == 0


def _choose_trigger(money: Span, triggers: list[Trigger], sent: Span,
                    others: list[Span]) -> Trigger | None:
    before = money.doc[money.start - 1] if money.start > sent.start else None
    if before is not None and before.lower_ == "worth":
        # "imports from the EC worth X and exports worth Y": "worth" measures what precedes
        near = [(d, t) for t in triggers
                if (d := _linear_attachment(money, t, sent, others)) is not None]
        if near:
            return min(near, key=lambda dt_: dt_[0])[1]
    scored = [(d, t) for t in triggers if (d := _attachment(money.root, t)) is not None]
    if not scored:
        scored = [(d, t) for t in triggers
                  if (d := _linear_attachment(money, t, sent, others)) is not None]
    if not scored:
        return None
    return min(scored, key=lambda dt_: (dt_[0], abs(dt_[1].head.i - money.root.i)))[1]


def _currency(money: Money, last: str | None, dollar: str | None) -> str | None:
    """The currency of ``money``: its own, the previous figure's when it names none, or a
    qualified dollar ("H.K. dlrs") named before when it says only "dlrs"."""
    if money.currency is None:
        return last
    if money.currency == "USD" and dollar is not None and _BARE_DOLLAR.match(money.text.strip()):
        return dollar
    return money.currency


_GIVE_LEMMAS = frozenset({"grant", "extend", "provide", "offer", "approve", "lend", "pledge",
                          "give", "promise", "disburse", "announce", "commit", "allocate"})


def _names_counterpart(token: Token) -> bool:
    """``token`` has an indirect object or a "to"/"for"/"with"/"between" phrase naming
    someone (not an amount): a recipient or counterpart of a transfer."""
    for child in token.children:
        if child.dep_ in {"dative", "iobj"}:
            return True
        if child.dep_ == "prep" and child.lower_ in {"to", "for", "with", "between"} and \
                any(o.dep_ == "pobj" and not _is_amount(o) for o in child.children):
            return True
    return False


def _donor_only(context: DocumentContext, trigger: Trigger, money_root: Token,
                donor: str) -> bool:
    """A loan, aid or pledge whose text names its giver alone: in a "from" phrase ("a loan
    from the Japanese government"), as a modifier ("a Japanese credit") or as the subject
    of a giving verb ("Japan's Ex-Im bank announced a credit"), with no phrase naming a
    recipient or a counterpart ("to the fund", "with its creditor banks") and no giver
    coordinated with others ("the U.S. and other industrial nations granted")."""
    head = trigger.head
    verb = head.head if head.dep_ in {"dobj", "obj", "nsubjpass", "attr"} else None
    tokens = [head, money_root] + ([verb] if verb is not None else [])
    if any(_names_counterpart(token) for token in tokens):
        return False

    def names_donor(token: Token) -> bool:
        return any((m := context.actor_at(t.i)) is not None and m.country == donor
                   for t in token.subtree)

    if any(names_donor(o) for o in pp_objects(head, ["from"])):
        return True
    if any(c.dep_ in {"poss", "amod", "compound", "nmod"} and names_donor(c)
           for c in head.children):
        return True
    if verb is None or verb.lemma_.lower() not in _GIVE_LEMMAS:
        return False
    givers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(names_donor(g) and not any(c.dep_ == "conj" for c in g.children)
               for g in givers)


_LEVY_FILLERS = frozenset({"worth", "of", "totalling", "totaling", "amounting", "to", "up",
                           "as", "much", "some", "about", "around", "nearly", "almost", "over",
                           "more", "than", "valued", "at", "an", "estimated"})


def _levy_amount(span: Span) -> bool:
    """The amount ``span`` is the value of a tariff, duty, sanction or fine ("tariffs worth
    up to X", "X in punitive duties"), not of the flow they hit."""
    doc = span.doc
    levies = _config()["levy_nouns"]
    for token in reversed(doc[max(span.sent.start, span.start - 5):span.start]):
        if token.lower_ in levies:
            return True
        if token.lower_ not in _LEVY_FILLERS:
            break
    after = [t for t in doc[span.end:min(span.sent.end, span.end + 4)] if not t.is_space]
    if after and after[0].lower_ in {"in", "of"}:
        for token in after[1:]:
            if token.lower_ in levies:
                return True
            if token.pos_ not in {"ADJ", "NOUN"}:
                break
    return False


def _stands_for_flow(span: Span, trigger: Trigger) -> bool:
    """The amount's clause has "those"/"that" with a partner phrase as subject, standing
    for the flow just named ("... and those to Paraguay surged to Y")."""
    verb = predicate_of(span.root)
    if verb is None:
        return False
    preps = _TARGET_PREPS[trigger.label]
    return any(s_.lower_ in {"those", "that"} and any(
        c.dep_ == "prep" and c.lower_ in preps for c in s_.children)
        for s_ in verb.children if s_.dep_ in {"nsubj", "nsubjpass"})


def _word_before(span: Span) -> str:
    """The lower-cased word before ``span`` in its sentence (line breaks skipped)."""
    for token in reversed(span.doc[span.sent.start:span.start]):
        if not token.is_space:
            return token.lower_
    return ""


def _compared(span: Span) -> bool:
    """The amount ``span`` is introduced as a value compared with ("from", "against",
    "compared with", "versus", "up from")."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 4):span.start]
              if not t.is_space]
    return bool(before) and (before[-1] in _COMPARE_WORDS - {"with"} or before[-2:] in (
        ["compared", "with"], ["compared", "to"], ["as", "against"]))


def _is_repeat(trigger: Trigger, roles: _Roles, previous_label: str | None) -> bool:
    """A bare flow noun repeating the previous sentence's flow ("exports were ...")."""
    head = trigger.head
    return (previous_label == trigger.label and not roles.owners and not roles.targets
            and not _is_verb(head) and not any(c.dep_ == "poss" for c in head.children))


def _parallel(trigger: Trigger, roles: _Roles, pair: tuple[str, str], label: str) -> bool:
    """A same-flow trigger owned by one state of a pair set earlier in the sentence.

    Not for balances: the other state's balance with the first is the same figure seen from
    the other side, so a balance of its own ("the U.S. deficit") is one with the world."""
    return (trigger.label == label and label != "balance" and len(roles.owners) == 1
            and not roles.targets
            and roles.owners[0] in pair and not roles.foreign)


def _sentence_pair(context: DocumentContext, sent: Span, triggers: list[Trigger],
                   mentions: list[ActorMention], carried: tuple[str, str] | None
                   ) -> tuple[tuple[str, str] | None, str | None]:
    """The pair of states a sentence without a figure sets up for the next one: a trigger
    with two states ("trade between A and B"), a bilateral trigger in a sentence naming
    exactly two states ("bilateral trade ... A's visit to B"), or an anaphoric trigger
    ("the trade") that keeps the pair the previous sentence set up."""
    named = list(dict.fromkeys(m.country for m in mentions))
    for trigger in triggers:
        roles = _roles(context, trigger, None)
        known = list(dict.fromkeys(roles.owners + roles.targets))
        if len(known) == 2:
            return (known[0], known[1]), trigger.label
    for trigger in triggers:
        roles = _roles(context, trigger, None)
        if (trigger.entry.extra.get("bilateral") or roles.marker) and len(named) == 2:
            return (named[0], named[1]), trigger.label
        if carried is not None and roles.anaphoric and all(c in carried for c in named):
            return carried, trigger.label
    return None, None


@attrs.define
class _DocumentState:
    """What the figures read so far carry over to the next sentence."""

    previous_pair: tuple[str, str] | None = None
    previous_label: str | None = None
    recent_pair: tuple[str, str] | None = None
    recent_label: str | None = None  # the flow of the figure that set recent_pair
    last_currency: str | None = None
    dollar: str | None = None
    last_end: int = 0
    previous_named: list[str] = attrs.Factory(list)
    owner_of: dict[frozenset[str], str] = attrs.Factory(dict)  # pair -> owner of its last figure
    reporter: dict[str, str] = attrs.Factory(dict)  # flow -> the state that owned the last one
    bilateral_of: dict[tuple[str, str], str] = attrs.Factory(dict)  # (owner, flow) -> partner
    last_recipient: str | None = None  # who received the last loan, aid or pledge


@attrs.define
class _SentenceState:
    """One sentence's triggers, the pair it carries in, and what its figures set so far."""

    sent: Span
    triggers: list[Trigger]
    named_before: list[str]
    refers_back: bool
    carried: tuple[str, str] | None
    pair_here: tuple[str, str] | None
    label_here: str | None
    mentions: list[ActorMention] = attrs.Factory(list)
    spans: list[Span] = attrs.Factory(list)
    figure_pair: tuple[tuple[str, str], str] | None = None  # set by a figure here
    earlier: TimeSpan | None = None
    last_trigger: Trigger | None = None
    last_pair: tuple[str, ...] | None = None  # the pair of the last figure here
    last_owner: str | None = None  # and the state whose flow it was


def _carried_pair(context: DocumentContext, state: _DocumentState, named_before: list[str],
                  refers_back: bool) -> tuple[str, str] | None:
    """The pair a sentence inherits: the last figure's, the recent one for "the two
    countries", else the two states named just before or the document's protagonists."""
    carried = state.recent_pair if refers_back else state.previous_pair
    before = tuple(dict.fromkeys(named_before))
    if carried is None and len(before) == 2:
        # no figure set a pair yet: "Turkey and Greece signed ... Bilateral trade stood at"
        return (before[0], before[1])
    if carried is None and refers_back:
        # "the two neighbours" with no pair nearby: the document's two protagonists
        main = main_states(context, 2, STATE_NAME_KINDS)
        if len(main) == 2:
            return (main[0], main[1])
    return carried


def _open_sentence(context: DocumentContext, state: _DocumentState, sent: Span,
                   triggers: list[Trigger]) -> _SentenceState:
    named_before, state.previous_named = state.previous_named, [
        m.country for m in context.actors.within(sent.start, sent.end)
        if m.kind in STATE_NAME_KINDS]
    if _paragraph_break(context.text, state.last_end, sent.start_char):
        state.last_currency = None
    state.last_end = sent.end_char
    refers_back = _names_pair(sent)
    carried = _carried_pair(context, state, named_before, refers_back)
    return _SentenceState(
        sent=sent, triggers=triggers, named_before=named_before, refers_back=refers_back,
        carried=carried, pair_here=carried if refers_back else None,
        label_here=triggers[0].label if refers_back and triggers else None)


def _purchase_figure(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                     money: Money, span: Span, bought: tuple[str, str, str]
                     ) -> TradeFigure | None:
    """A purchase ("Iran bought X worth of Chinese goods") as a figure of its own."""
    currency = _currency(money, state.last_currency, state.dollar)
    if currency is None:
        return None
    state.last_currency = currency
    sent = here.sent
    seller, buyer, flow = bought
    period, _ = _period(context, sent, span, here.triggers[0], here.spans, here.earlier)
    modality, _ = modality_at(sent, span.start, span.end, allowed=TRADE_MODALITIES)
    return TradeFigure(
        countries=(seller, buyer), value=attrs.evolve(money, currency=currency),
        flow=flow, period=period, source_country=seller, partner_country=buyer,
        modality=modality,
        evidence=(context.evidence(sent.start_char, sent.end_char),),
        rule="trade_figure.purchase")


def _trigger_for(context: DocumentContext, here: _SentenceState, span: Span) -> Trigger | None:
    """The trigger an amount states, else the last figure's when the amount continues it."""
    others = [o for o in here.spans if o.start != span.start]
    trigger = _choose_trigger(span, here.triggers, here.sent, others)
    last = here.last_trigger
    if trigger is not None or last is None:
        return trigger
    if _own_partner(context, span.root, last)[0] or _stands_for_flow(span, last) or \
            _compared(span):
        # "its surplus with A was X and with B, Y": the elided flow of the last figure;
        # "exports to A rose to X and those to B surged to Y"; "the shortfall, at X in 1986
        # against Y for 1985": the previous value of the figure just stated
        return last
    return None


def _with_stated_partners(context: DocumentContext, roles: _Roles, trigger: Trigger,
                          span: Span) -> _Roles:
    """The roles with the partner an amount's own phrase or list position names."""
    own_states, has_own = _own_partner(context, span.root, trigger)
    if has_own and set(own_states) != set(roles.targets):
        roles = attrs.evolve(roles, targets=tuple(c for c in own_states
                                                  if c not in roles.owners),
                             foreign=not own_states, marker=True)
    listed = _listed_partner(context, span, trigger)
    if listed is not None and (set(listed[0]) != set(roles.targets) or listed[1]):
        # "shipments to A fell to X and to B by 3 pct to Y": each amount its partner
        roles = attrs.evolve(roles, targets=tuple(c for c in listed[0]
                                                  if c not in roles.owners),
                             foreign=listed[1], marker=True)
    return roles


def _with_reporter(context: DocumentContext, state: _DocumentState, sent: Span,
                   trigger: Trigger, roles: _Roles) -> _Roles:
    """Note who owns a reported flow, or give an ownerless one the state reported on."""
    if trigger.label not in _REPORTED_FLOWS:
        return roles
    if len(roles.owners) == 1:
        state.reporter[trigger.label] = state.reporter[""] = roles.owners[0]
    elif not roles.owners and len(roles.targets) == 1 and not roles.foreign and \
            not _is_verb(trigger.head):
        # the state that owned the last such flow, else the last flow of any kind
        owner = state.reporter.get(trigger.label) or state.reporter.get("")
        if owner is not None and owner != roles.targets[0] and \
                _only_partners_besides(context, sent, owner):
            # "West German exports to Latin America fell ... Shipments to Mexico
            # fell to X": the flow's owner is the one the story reports on
            roles = attrs.evolve(roles, owners=(owner,))
    return roles


def _with_anaphora(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                   trigger: Trigger, span: Span, roles: _Roles) -> _Roles:
    """Mark roles that refer back to an earlier figure's pair, and give a state's known flow
    its partner."""
    partner = state.bilateral_of.get((roles.owners[0], trigger.label)) \
        if len(roles.owners) == 1 and not roles.targets and not roles.foreign else None
    if partner is not None and _owned_flow_noun(context, trigger):
        # "France's trade deficit with the Soviet Union ... France's trade shortfall,
        # at X": the state's flow the story is about keeps its partner
        roles = attrs.evolve(roles, targets=(partner,), marker=True)
    bare = _is_repeat(trigger, roles, trigger.label)
    if _is_repeat(trigger, roles, state.previous_label) or (bare and here.pair_here) or (
            here.refers_back and not roles.owners and not roles.targets):
        roles = attrs.evolve(roles, anaphoric=True)
    if trigger.label in _TRANSFER_FLOWS and state.previous_label in _TRANSFER_FLOWS and \
            len(roles.owners) + len(roles.targets) == 1 and not roles.marker and \
            not _names_recipient(trigger.head, span.root):
        # "Turkey will receive ... in U.S. aid. Next year Washington promised ...":
        # the donor's next transfer goes to the same recipient
        roles = attrs.evolve(roles, anaphoric=True)
    return roles


def _figure_roles(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                  trigger: Trigger, span: Span) -> _Roles:
    roles = _with_stated_partners(context, _roles(context, trigger, span.root), trigger, span)
    roles = _with_reporter(context, state, here.sent, trigger, roles)
    return _with_anaphora(context, state, here, trigger, span, roles)


_Found = tuple[tuple[str, ...], str, _Roles]


def _pair_of_last_figure(here: _SentenceState, trigger: Trigger,
                         roles: _Roles) -> _Found | None:
    """The pair of the figure just stated, for a parallel or sibling flow."""
    figure_pair = here.figure_pair
    if figure_pair is None:
        return None
    pair, label = figure_pair
    if _parallel(trigger, roles, pair, label):
        # "A's exports to B fell to X, while B's exports rose to Y"
        return pair, "parallel", roles
    if not roles.foreign and trigger.label in _REPORTED_FLOWS and label in _REPORTED_FLOWS \
            and trigger.label != label and all(c in pair for c in roles.owners + roles.targets):
        # "exported X to the U.S. and imported Y", "imports from the EC worth X and
        # exports worth Y": the other flow of the pair just named
        if not roles.owners and here.last_owner is not None and here.last_owner in pair:
            roles = attrs.evolve(roles, owners=(here.last_owner,))
        return pair, "sibling", roles
    return None


def _pair_in_sentence(here: _SentenceState, trigger: Trigger, roles: _Roles) -> _Found | None:
    """The pair a figure shares with the figures before it in its sentence."""
    found = _pair_of_last_figure(here, trigger, roles)
    if found is not None:
        return found
    if here.last_pair is not None and not roles.owners and \
            not roles.targets and not roles.foreign and \
            _in_comparison(trigger.head):
        # "a X deficit in goods compared to a Y surplus in services": same pair
        return here.last_pair, "compared", roles
    carried = here.carried
    if carried is not None and len(roles.owners) == 1 and \
            not roles.targets and roles.owners[0] in carried and \
            not roles.foreign and _pronoun_partner(here.sent):
        # "the U.S. ran a X deficit in goods compared to a Y surplus in services
        # with its neighbour": the partner is the other state of the pair
        return carried, "previous", roles
    return None


def _transfer_pair(context: DocumentContext, state: _DocumentState, trigger: Trigger,
                   span: Span, roles: _Roles) -> _Found | None:
    """The other state of a loan, aid or pledge the syntax names only one side of."""
    if trigger.label not in _TRANSFER_FLOWS or roles.foreign:
        return None
    recent = state.recent_pair
    if recent is not None and not roles.owners and len(roles.targets) == 1 and \
            roles.targets[0] in recent:
        # "Turkey will receive 720 mln dlrs in aid" in a story about the pair's aid
        # accord: the donor is the other state of the pair
        return recent, "recipient", attrs.evolve(roles, owners=tuple(
            c for c in recent if c != roles.targets[0]))
    if len(roles.owners) != 1 or roles.targets:
        return None
    donor = roles.owners[0]
    recipient = state.last_recipient
    if recipient is not None and state.previous_label in _TRANSFER_FLOWS and \
            recipient != donor and not _names_recipient(trigger.head, span.root):
        # "Japan raised its pledge to Ukraine to X. Germany increased its pledge to
        # Y": one donor per sentence, the recipient named once
        return (donor, recipient), "recipient", attrs.evolve(roles, targets=(recipient,))
    if _donor_only(context, trigger, span.root, donor):
        # "Japan's Ex-Im bank announced a 900 mln dlr credit" in a story about
        # Indonesia's funding: the story's own state receives it
        main = main_states(context, 1, _COUNTRY_OR_CAPITAL_KINDS)
        if main and main[0] != donor:
            return (donor, main[0]), "story", attrs.evolve(roles, targets=(main[0],))
    return None


def _figure_pair(context: DocumentContext, state: _DocumentState, here: _SentenceState,
                 trigger: Trigger, span: Span, roles: _Roles) -> _Found:
    """The two states of a figure, how they were found, and the roles completed by it."""
    pair, how = _pair(context, here.sent, roles, here.pair_here or here.carried)
    if how == "previous" and roles.owners and \
            state.owner_of.get(frozenset(pair), roles.owners[0]) != roles.owners[0]:
        # "Japan's surplus with the U.S. ... the U.S. deficit": a figure of the other
        # state is no repeat of the pair's figure (here: the U.S. deficit with all)
        pair, how = (), ""
    if pair:
        return pair, how, roles
    return _pair_in_sentence(here, trigger, roles) or \
        _transfer_pair(context, state, trigger, span, roles) or ((), how, roles)


def _note_dollar(state: _DocumentState, currency: str, money: Money) -> None:
    """Remember which dollar a story's bare "dlrs" mean."""
    if currency.endswith("D") and currency != "USD":
        state.dollar = currency
    elif currency == "USD" and not _BARE_DOLLAR.match(money.text.strip()):
        state.dollar = None


def _figure_flow(context: DocumentContext, sent: Span, span: Span, trigger: Trigger,
                 favoured: str | None, pair: tuple[str, ...]) -> str:
    flow = trigger.label
    after = context.doc[span.end:min(sent.end, span.end + 3)]
    if flow in {"export", "import"} and [t.lower_ for t in after][:2] == ["more", "than"]:
        flow = "balance"
    if favoured is not None and favoured in pair:
        flow = "balance"
    return flow


def _figure_modality(context: DocumentContext, sent: Span, span: Span, trigger: Trigger,
                     target: bool) -> Modality:
    modality = modality_for(trigger, TRADE_MODALITIES)
    if modality is Modality.ASSERTED:
        modality, _ = modality_at(sent, span.start, span.end, allowed=TRADE_MODALITIES)
    if target or (modality is Modality.ASSERTED
                  and context.tense(span.root) == "future"):
        modality = Modality.PLANNED
    return modality


def _remember(state: _DocumentState, here: _SentenceState, trigger: Trigger, roles: _Roles,
              pair: tuple[str, ...], how: str, flow: str, partner: str | None) -> None:
    """Carry what a figure settled over to the next figures and sentences."""
    here.last_pair = pair
    here.last_owner = roles.owners[0] if roles.owners else None
    if flow in _TRANSFER_FLOWS:
        state.last_recipient = partner if partner in pair else None
    if how in {"syntax", "sentence", "protagonists"} and roles.owners:
        state.owner_of[frozenset(pair)] = roles.owners[0]
    if how in {"syntax", "sentence", "recipient", "protagonists"}:
        here.pair_here = (pair[0], pair[1])
        here.figure_pair = (here.pair_here, trigger.label)
    here.label_here = trigger.label


def _figure_at(context: DocumentContext, state: _DocumentState, here: _SentenceState,
               money: Money, span: Span) -> TradeFigure | None:
    """The figure an amount states, or ``None``; updates what later amounts inherit."""
    if _levy_amount(span):
        return None  # "tariffs worth up to 300 mln dlrs on Japanese exports"
    if is_change_span(span):
        return None  # "rose 900 mln dlrs to 2.6 billion": the change is no figure, the level is
    sent = here.sent
    bought = _purchase(context, span.root, sent, here.named_before)
    if bought is not None:
        return _purchase_figure(context, state, here, money, span, bought)
    trigger = _trigger_for(context, here, span)
    if trigger is None:
        return None
    here.last_trigger = trigger
    if in_conditional_consequent(trigger.head) or in_conditional_consequent(span.root):
        return None  # "even if barriers were removed, trade would remain at X"
    roles = _figure_roles(context, state, here, trigger, span)
    favoured = _in_favour_of(context, span, sent)
    if favoured is not None:
        roles = attrs.evolve(roles, marker=True)
    pair, how, roles = _figure_pair(context, state, here, trigger, span, roles)
    currency = _currency(money, state.last_currency, state.dollar)
    if currency is None:
        return None
    state.last_currency = currency
    if len(pair) != 2:
        return None
    _note_dollar(state, currency, money)
    flow = _figure_flow(context, sent, span, trigger, favoured, pair)
    period, target = _period(context, sent, span, trigger, here.spans, here.earlier)
    here.earlier = period or here.earlier
    modality = _figure_modality(context, sent, span, trigger, target)
    source, partner = _direction(flow, trigger, roles, pair)
    if favoured is not None and favoured in pair:
        source = favoured
        partner = next(c for c in pair if c != favoured)
    _remember(state, here, trigger, roles, pair, how, flow, partner)
    return TradeFigure(
        countries=pair,
        value=attrs.evolve(money, currency=currency),
        flow=flow,
        period=period,
        source_country=source,
        partner_country=partner,
        modality=modality,
        evidence=(context.evidence(sent.start_char, sent.end_char),),
        rule=f"trade_figure.{trigger.entry.id}.{how}",
    )


def _close_sentence(context: DocumentContext, state: _DocumentState,
                    here: _SentenceState) -> None:
    """Settle the pair a sentence hands on, and the partners its flows name."""
    if here.pair_here is None:
        here.pair_here, here.label_here = _sentence_pair(
            context, here.sent, here.triggers, here.mentions, here.carried)
    for trigger in here.triggers:
        if trigger.label in _REPORTED_FLOWS and not _is_verb(trigger.head):
            roles = _roles(context, trigger, None)
            if len(roles.owners) == 1 and len(roles.targets) == 1 and not roles.foreign:
                state.bilateral_of[(roles.owners[0], trigger.label)] = roles.targets[0]
    if here.pair_here is not None:
        state.recent_pair, state.recent_label = here.pair_here, here.label_here
    state.previous_pair, state.previous_label = here.pair_here, here.label_here


def extract_trade_figures(context: DocumentContext) -> list[Event]:
    """Every trade-figure mention in the document (merged later by :mod:`bilat.merging`)."""
    if not context.has_parser:
        return []
    lexicon = load_lexicon("trade_figure")
    found: list[Event] = []
    state = _DocumentState()
    for sent in context.sentences:
        here = _open_sentence(context, state, sent, [t for t in lexicon.find(sent) if _usable(t)])
        if not here.triggers:
            # "The two countries also signed ...": the pair and its flow stay in view
            state.previous_pair = here.pair_here
            state.previous_label = state.recent_label if here.refers_back else None
            continue
        here.mentions = [m for m in context.actors.within(sent.start, sent.end)
                         if m.kind in STATE_NAME_KINDS]
        hint = here.mentions[0].country if here.mentions else (
            here.carried[0] if here.carried else None)
        moneys = _sentence_money(context, sent, hint)
        aligned = [(m, sp) for m in moneys if (sp := _money_root(context, m)) is not None]
        here.spans = [sp for _, sp in aligned]
        for money, span in aligned:
            figure = _figure_at(context, state, here, money, span)
            if figure is not None:
                found.append(figure)
        _close_sentence(context, state, here)
    return found
