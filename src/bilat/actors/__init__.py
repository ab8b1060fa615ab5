"""Actor / country resolution: every way news names a state -> ISO 3166-1 alpha-3.

``resolve_country`` and ``resolve_place`` work on strings; ``DocumentActors`` finds actor
mentions (countries, demonyms, capitals, places, people, bodies, ruling groups) in a spaCy Doc.
Data is package data loaded lazily on first use (see docs/actors.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilat.actors.gazetteer import resolve_country, resolve_place

if TYPE_CHECKING:
    from bilat.actors.document import ActorMention, DocumentActors

__all__ = ["ActorMention", "DocumentActors", "resolve_country", "resolve_place"]


def __getattr__(name: str) -> Any:
    # document.py imports spaCy types only for annotations, but keep it lazy anyway.
    if name in ("ActorMention", "DocumentActors"):
        from bilat.actors import document

        return getattr(document, name)
    raise AttributeError(f"module 'bilat.actors' has no attribute {name!r}")
