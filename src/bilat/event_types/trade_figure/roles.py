"""What the syntax of one trade trigger says about the two states of a figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.event_types.trade_figure.lexicon import (
    _NOUN_MODIFIER_DEPS,
    _SUBJECT_KINDS,
    _TRANSFER_FLOWS,
    _config,
    flow_preps,
    words,
)
from bilat.event_types.trade_figure.mentions import (
    _countries,
    _is_amount,
    _is_verb,
    _negated_name,
    _pp_targets,
    _pronoun_owner,
    _subtree_targets,
)
from bilat.syntax.arguments import pp_objects, subjects
from bilat.syntax.lexicon import STATE_NAME_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.context import DocumentContext
    from bilat.triggers import Trigger


@attrs.frozen
class _Roles:
    """What the syntax of one trigger says about the two states."""

    owners: tuple[str, ...]
    targets: tuple[str, ...]
    marker: bool  # a with/to/from/between phrase or "bilateral" marks a two-party figure
    anaphoric: bool  # "the deficit", "bilateral trade": may refer to the previous pair
    foreign: bool = False  # the partner is named but is no state ("with Europe")
    bilateral: bool = False  # "bilateral", "two-way": the figure is between two states


@attrs.define
class _Draft:
    """Roles of a trade noun while they are being read."""

    owners: list[str]
    targets: list[str] = attrs.Factory(list)
    marker: bool = False


def _noun_owners(context: DocumentContext, trigger: Trigger) -> list[str]:
    """The states modifying a trade noun ("Japan's exports", "U.S.-Japan trade")."""
    head = trigger.head
    first = head.doc[trigger.start]
    modifiers = [c for c in head.children
                 if c.dep_ in _NOUN_MODIFIER_DEPS and c.i < trigger.start]
    modifiers += [c for c in first.children if c.dep_ in _NOUN_MODIFIER_DEPS
                  and c.i < trigger.start and c not in modifiers]
    owners = _countries(context, modifiers, depth=1)
    if not owners and any(c.dep_ == "poss" and c.lower_ in words("pronoun_owners")
                          for c in head.children):
        owners = _pronoun_owner(context, head)
    return owners


def _noun_targets(context: DocumentContext, trigger: Trigger, draft: _Draft,
                  of_objects: list[Token]) -> None:
    """The partners a trade noun's own phrases name: "with", "to", "between", or on its
    goods ("imports of soybeans from the US")."""
    head = trigger.head
    preps = flow_preps("target_preps")[trigger.label]
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
    if verb.lower_ in words("receive_verbs"):
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
        got, has = _pp_targets(context, verb, flow_preps("target_preps")[trigger.label], own=head)
        draft.targets, draft.marker = got, draft.marker or has
    if not draft.owners and head.dep_ in {"dobj", "attr"}:
        draft.owners = _countries(context, subjects(verb), depth=1)
        if verb.lower_ in words("receive_verbs") and draft.owners:
            draft.owners, draft.targets = draft.targets, draft.owners
            if not draft.owners:  # "Ghana received a loan from China": the giver
                draft.owners = _countries(context, pp_objects(verb, ["from"]), depth=1,
                                          kinds=_SUBJECT_KINDS)[:1]


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


def _owners_by_phrase(context: DocumentContext, trigger: Trigger, draft: _Draft) -> None:
    """The owner named by a phrase ("exports from A", "imports into A") and the first state of
    a hyphenated pair ("U.S.-Japan trade")."""
    flow = trigger.label
    owner_preps = flow_preps("owner_preps")
    if not draft.owners and flow in owner_preps:
        draft.owners = [c for c in _countries(context, pp_objects(trigger.head, owner_preps[flow]))
                        if c not in draft.targets][:1]
    # a hyphenated pair modifying the noun: "U.S.-Japan trade", "Sino-Soviet trade"
    if len(draft.owners) >= 2 and flow in {"total", "balance"}:
        draft.targets = draft.owners[1:] + draft.targets
        draft.owners = draft.owners[:1]


def _open_roles(context: DocumentContext, trigger: Trigger, money_root: Token | None,
                draft: _Draft, of_objects: list[Token]) -> None:
    """Roles the noun's phrases and verb left open: partners on the amount, the lender in a
    "from" phrase, the origin of the goods ("imports of Japanese cars")."""
    head = trigger.head
    flow = trigger.label
    if money_root is not None and not draft.targets:
        got, has = _subtree_targets(context, money_root, flow_preps("target_preps")[flow])
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


def _noun_roles(context: DocumentContext, trigger: Trigger, money_root: Token | None) -> _Roles:
    """The roles of a flow noun: its modifiers and phrases, then its verb, then the rest."""
    head = trigger.head
    draft = _Draft(_noun_owners(context, trigger))
    of_objects = pp_objects(head, ["of"]) if trigger.label in {"import", "export"} else []
    _noun_targets(context, trigger, draft, of_objects)
    _owners_by_phrase(context, trigger, draft)
    _roles_through_verb(context, trigger, draft)
    _open_roles(context, trigger, money_root, draft, of_objects)
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
    targets, has = _subtree_targets(context, np_head, flow_preps("target_preps")[flow])
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
    preps = flow_preps("target_preps")[flow]
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
    if head.lower_ in words("receive_verbs") and owners:
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
        for obj in pp_objects(token, words("marker_preps")):
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
    if money_root.dep_ not in {"dobj", "obj"} or verb.lower_ not in words("receive_verbs"):
        return None
    for subject in subjects(verb):
        mention = context.actor_at(subject.i)
        if mention is not None and mention.kind in STATE_NAME_KINDS:
            return mention.country
    return None
