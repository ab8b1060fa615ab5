"""The records the strike rules pass between steps: a target, a found mention, an
attacker reading."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from bilat.events import Strike
from bilat.values import Place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from bilat.actors import ActorMention


@attrs.frozen(slots=True)
class _Target:
    mention: ActorMention
    location: Place | None
    reference: bool = False  # the place is only a reference point ("east of Sidon")


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
