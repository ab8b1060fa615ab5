"""Mention helpers every event type shares: the actor mention an argument names (through
appositions, titles, pronouns and leaders), antecedents, the document's main states, the
conditional and scheduling checks of a trigger, and its modality from the cue engine.

Part of the syntax kernel (:mod:`bilat.syntax`): the event types walk the tree only through
these helpers and those of :mod:`bilat.syntax.arguments` and :mod:`bilat.syntax.clauses`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from bilat.actors.document import TITLE_HEADS
from bilat.lexicons.files import HypotheticalCuesFile, NonStateHeadsFile, typed
from bilat.modality import modality_at
from bilat.syntax.anaphora import clause_subject, fronted_subject, title_antecedent
from bilat.syntax.clauses import governing_verb
from bilat.syntax.lexicon import STATE_PARTY_KINDS
from bilat.values import Actor, Modality

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.actors import ActorMention
    from bilat.context import DocumentContext
    from bilat.triggers import Trigger
    from bilat.values import TimeSpan

__all__ = [
    "actor_of",
    "antecedent",
    "as_scheduled",
    "countries_in",
    "first_mention_in",
    "in_conditional",
    "is_non_state",
    "main_states",
    "mention_for",
    "modality_for",
]

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
STATE_PRONOUNS = frozenset({"it", "its"})
RELATIONAL_NOUNS = frozenset({"ally", "allies", "partner", "partners", "rival", "rivals",
                              "enemy", "enemies", "neighbour", "neighbours", "neighbor",
                              "neighbors", "backer", "backers", "opponent", "opponents",
                              "critics", "foes", "adversaries", "proxies", "sponsors"})


def _titled_apposition(context: DocumentContext, token: Token,
                       kinds: frozenset[str]) -> ActorMention | None:
    """"Britain's Prime Minister Theresa May": the person in apposition to a title."""
    for child in token.children:
        titled = context.actor_at(child.i) if child.dep_ == "appos" else None
        if titled is not None and titled.kind in kinds:
            return titled
    return None


def _refers(token: Token, kinds: frozenset[str]) -> bool:
    """Whether ``token`` is a pronoun that can refer to one of ``kinds``."""
    return (token.lower_ in PERSONAL_PRONOUNS and "person" in kinds) or (
        token.lower_ in STATE_PRONOUNS and "country" in kinds)


def _pronoun_referent(context: DocumentContext, token: Token) -> ActorMention | None:
    """The person a "he"/"his" or the state an "it"/"its" refers to."""
    if token.lower_ not in PERSONAL_PRONOUNS:
        return state_antecedent(context, token)
    named = fronted_subject(token)  # "After his talks in Rome, Garcia said"
    if named is None:  # "Modi was greeted by Li on his arrival": the clause's subject
        return clause_subject(context, token) or antecedent(context, token)
    found = context.actor_at(named.i)
    return found if found is not None and found.kind == "person" else None


def _leader(context: DocumentContext, token: Token, kinds: frozenset[str]) -> ActorMention | None:
    """"the Commissioners, led by President Delors": the leader named."""
    for child in token.children:
        if child.dep_ == "acl" and child.lower_ in {"led", "headed"}:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        found = context.actor_at(obj.i)
                        if found is not None and found.kind in kinds:
                            return found
    return None


def _subtree_mention(context: DocumentContext, token: Token, kinds: frozenset[str],
                     depth: int) -> ActorMention | None:
    """The first mention of ``kinds`` in ``token``'s phrase, breadth first, ``depth`` levels
    down, through modifiers and "of"/"from" phrases only."""
    frontier = [token]
    for _ in range(depth):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in {"relcl", "acl", "advcl", "conj", "cc", "appos", "prep"} and \
                        child.dep_ != "prep":
                    continue
                if child.dep_ == "prep" and child.lower_ not in {"of", "from"}:
                    continue
                if child.dep_ == "poss" and node.lower_ in RELATIONAL_NOUNS:
                    continue  # "Assad's allies" are not Syria
                found = context.actor_at(child.i)
                if found is not None and found.kind in kinds:
                    return found
                nxt.append(child)
        frontier = nxt
    return None


def mention_for(context: DocumentContext, token: Token, kinds: frozenset[str] = STATE_PARTY_KINDS,
                depth: int = 3) -> ActorMention | None:
    """The actor mention for a syntactic argument: the one covering ``token``, else the
    first one in its subtree within ``depth`` levels ("the Iraqi parliament", "Pakistan's
    foreign office")."""
    direct = context.actor_at(token.i)
    if direct is not None and direct.kind in kinds:
        return direct
    if direct is None and token.lower_ in TITLE_HEADS:  # "Britain's Prime Minister Theresa May"
        titled = _titled_apposition(context, token, kinds)
        if titled is not None:
            return titled
    if direct is None and is_non_state(context, token):
        return None  # "Indian businessmen", "Russia's Gazprom": not the state
    if _refers(token, kinds):
        return _pronoun_referent(context, token)
    if direct is None and "person" in kinds:  # "the prime minister", "the German leader"
        described = title_antecedent(context, token)
        if described is not None:
            return described
    return _leader(context, token, kinds) or _subtree_mention(context, token, kinds, depth)


@lru_cache(maxsize=1)
def _hypothetical_cues() -> tuple[frozenset[str], frozenset[str]]:
    data = typed("hypothetical_cues.json", HypotheticalCuesFile)
    return frozenset(data.governors), frozenset(data.marks)


def in_conditional(token: Token, max_hops: int = 3) -> bool:
    """Whether ``token`` sits in a hypothetical clause: under "if"/"unless", or in what
    someone bets, fears or believes would happen (``bilat/data/hypothetical_cues.json``)."""
    governors, marks = _hypothetical_cues()
    current = token
    for _ in range(max_hops):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in current.children):
            return True
        if current.head == current or current.dep_ == "advcl":
            return False
        if current.dep_ == "ccomp" and current.head.lower_ in governors:
            return True
        if current.dep_ not in {"xcomp", "aux", "dobj", "conj", "ccomp", "pobj", "prep"}:
            return False
        current = current.head
    return False


def is_non_state(context: DocumentContext, token: Token) -> bool:
    """Whether ``token`` heads a non-state party: businessmen, banks, a company name
    ("Gazprom", tagged as an organisation or place but no state actor)."""
    if context.actor_at(token.i) is not None or token.lower_ in TITLE_HEADS:
        return False  # "Britain's Prime Minister": an official, not a company
    return (
        token.lower_ in non_state_heads()
        or token.ent_type_ == "ORG"
        or (
            token.pos_ == "PROPN"
            and token.ent_type_ != "PERSON"
            and (token.ent_type_ != "" or any(c.dep_ == "poss" for c in token.children))
        )
    )


@lru_cache(maxsize=1)
def non_state_heads() -> frozenset[str]:
    """Nouns for non-state people and bodies (``bilat/data/non_state_heads.json``)."""
    return frozenset(typed("non_state_heads.json", NonStateHeadsFile).heads)


def antecedent(context: DocumentContext, pronoun: Token, window: int = 80) -> ActorMention | None:
    """The person a "he"/"his"/"she" refers to, among the people named in the ``window``
    tokens before it: the most salient one (named most often in the document so far),
    the nearest on a tie."""
    start = max(0, pronoun.i - window)
    people = [m for m in context.actors.within(start, pronoun.i) if m.kind == "person"]
    if not people:
        return None
    earlier = [m for m in context.actors.named if m.kind == "person" and m.end <= pronoun.i]

    def salience(item: tuple[int, ActorMention]) -> tuple[int, int]:
        position, mention = item
        name = (mention.person or mention.text).split()[-1].lower()
        count = sum(1 for m in earlier if (m.person or m.text).split()[-1].lower() == name)
        return count, position

    return max(enumerate(people), key=salience)[1]


def main_states(context: DocumentContext, wanted: int = 2,
                kinds: frozenset[str] = STATE_PARTY_KINDS) -> list[str]:
    """The document's ``wanted`` protagonist states, when they clearly dominate its mentions
    (each named at least twice, and the next state at most half as often)."""
    counts: dict[str, int] = {}
    for mention in context.actors.named:
        if mention.kind in kinds:
            counts[mention.country] = counts.get(mention.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) < wanted or ranked[wanted - 1][1] < 2:
        return []
    if len(ranked) > wanted and ranked[wanted][1] * 2 > ranked[wanted - 1][1]:
        return []
    return [code for code, _ in ranked[:wanted]]


def state_antecedent(context: DocumentContext, pronoun: Token,
                     window: int = 30) -> ActorMention | None:
    """The state an "it"/"its" refers to: the nearest country or capital named before it
    in the same sentence (within ``window`` tokens)."""
    start = max(pronoun.sent.start, pronoun.i - window)
    states = [m for m in context.actors.within(start, pronoun.i)
              if m.kind in {"country", "capital"}]
    return states[-1] if states else None


def first_mention_in(context: DocumentContext, span: Span,
                     kinds: frozenset[str] = STATE_PARTY_KINDS) -> ActorMention | None:
    """The first actor mention of one of ``kinds`` inside ``span``."""
    for mention in context.actors.within(span.start, span.end):
        if mention.kind in kinds:
            return mention
    return None


def countries_in(context: DocumentContext, tokens: Iterable[Token],
                 kinds: frozenset[str] = STATE_PARTY_KINDS) -> Iterator[str]:
    """The distinct countries of the mentions found for ``tokens``, in order."""
    seen: set[str] = set()
    for token in tokens:
        mention = mention_for(context, token, kinds)
        if mention is not None and mention.country not in seen:
            seen.add(mention.country)
            yield mention.country


def actor_of(mention: ActorMention | None) -> Actor | None:
    """An :class:`~bilat.values.Actor` (name, title, country) for a person mention."""
    if mention is None or mention.kind != "person":
        return None
    return Actor(name=mention.person or mention.text, title=mention.title, country=mention.country)


def modality_for(trigger: Trigger, allowed: frozenset[str] | None = None) -> Modality:
    """The ConText modality of a trigger within its sentence."""
    sent = trigger.head.sent
    modality, _ = modality_at(sent, trigger.start, trigger.end, allowed=allowed)
    return modality


def as_scheduled(context: DocumentContext, head: Token, sent: Span,
                 modality: Modality) -> tuple[Modality, TimeSpan | None]:
    """An asserted event told in the simple present with a time still to come ("begins a
    three-day visit on Tuesday", "sign the accord on Friday"), the present of schedules, is
    planned on that date: ``(PLANNED, date)`` for the trigger ``head``. Anything else (another
    modality or tense, no such date, no publication date) is ``(modality, None)``."""
    published = context.published
    verb = governing_verb(head)
    if modality is not Modality.ASSERTED or published is None or verb is None or \
            verb.tag_ not in {"VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} for c in verb.children) or \
            context.tense(head) is not None:  # the parse already says past or future
        return modality, None
    date = context.date_for(head, sent, tense="future", fallback=False)
    if date is None or not date.text or date.start <= published:
        return modality, None
    return Modality.PLANNED, date
