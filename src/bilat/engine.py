"""Run every event extractor over one parsed document and merge their mentions into events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bilat.events import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from bilat.actors.unparsed import Unparsed
    from bilat.lexicons import Additions

__all__ = ["extract_events"]


def extract_events(
    doc: Doc,
    published: dt.date | None,
    types: Iterable[str] | None = None,
    *,
    text: str | None = None,
    additions: Additions | None = None,
    unparsed: Unparsed | None = None,
) -> tuple[Event, ...]:
    """Return the merged events of ``doc``: one per real-world happening, every mention kept.

    Args:
        doc: a document processed by an English spaCy pipeline (any: NER and a parser help).
        published: the publication date that relative dates are resolved against.
        types: the event types to run; all of the registry's (:mod:`bilat.event_types`) by
            default.
        text: ``doc.text``, when the caller already holds it (saves rebuilding it).
        additions: words the pipeline adds to the shipped lexicons
            (:class:`bilat.lexicons.Additions`), in force for this document only.
        unparsed: when ``doc`` is only the admitted part of an article, what the rest of
            it names (:func:`bilat.actors.unparsed.find_unparsed`).
    """
    from bilat.context import DocumentContext
    from bilat.event_types import specs
    from bilat.lexicons import using
    from bilat.merging import merge_mentions

    context = DocumentContext(doc, published, text=text, additions=additions,
                              unparsed=unparsed)
    wanted = None if types is None else set(types)
    mentions: list[Event] = []
    with using(additions):
        for spec in specs():  # the registry's order: the shipped types, then any added
            if wanted is None or spec.name in wanted:
                mentions.extend(spec.extract(context))
    return merge_mentions(mentions)
