"""The two calls most users need: :func:`load` an extractor, :func:`extract` one document."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from bilat.extraction import Extraction
from bilat.extractor import Extractor, PublishedLike

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["extract", "load"]

_default: Extractor | None = None
_default_lock = threading.Lock()
_by_name: dict[str, Extractor] = {}
_by_pipeline: OrderedDict[int, Extractor] = OrderedDict()
_MAX_PIPELINES = 8
"""How many ``Language`` objects :func:`extract` keeps an extractor for (the oldest goes;
each cached extractor keeps its pipeline alive)."""


def load(
    model: Language | str | os.PathLike[str] | None = None,
    *,
    triggers: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    modality_cues: Sequence[Mapping[str, Any]] | None = None,
    country_names: Mapping[str, str | Mapping[str, Any]] | None = None,
    officials: Sequence[Mapping[str, Any]] | None = None,
) -> Extractor:
    """Return a ready :class:`~bilat.Extractor` on a spaCy pipeline.

    Args:
        model: a ``spacy.Language`` you already have, a pipeline package name or path, or
            ``None`` to use ``$BILAT_SPACY_MODEL`` or the best English pipeline installed
            (see :mod:`bilat.pipeline_loading`). Nothing is ever downloaded.
        triggers: extra trigger records per event type, shaped as in
            ``bilat/event_types/<type>/lexicon.json``:
            ``{"visit": [{"id": "tour", "label": "travel", "forms": ["toured"]}]}``.
        modality_cues: extra modality cues, shaped as in ``modality_cues.json``.
        country_names: extra names of states: ``{"Blighty": "GBR"}``.
        officials: extra officials, shaped as in ``leaders.json``
            (``name``, ``country``, ``title``, optional ``start``/``end``, ``aliases``).

    The additions are checked like the shipped lexicons (a bad entry raises
    :class:`bilat.lexicons.LexiconError` naming it) and belong to the returned extractor
    alone: another ``load`` does not see them. See ``docs/lexicons.md``.
    """
    return Extractor(model, triggers=triggers, modality_cues=modality_cues,
                     country_names=country_names, officials=officials)


def _default_extractor() -> Extractor:
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor(None)
        return _default


def _extractor_for(nlp: Language | str | os.PathLike[str]) -> Extractor:
    """The extractor for a pipeline given to :func:`extract`, built once per pipeline
    name or path, and once per ``Language`` object (the last few used)."""
    with _default_lock:
        if isinstance(nlp, (str, os.PathLike)):
            key = os.fspath(nlp)
            found = _by_name.get(key)
            if found is None:
                found = _by_name[key] = Extractor(key)
            return found
        cached = _by_pipeline.get(id(nlp))
        if cached is None or cached.nlp is not nlp:
            cached = _by_pipeline[id(nlp)] = Extractor(nlp)
            while len(_by_pipeline) > _MAX_PIPELINES:
                _by_pipeline.popitem(last=False)
        _by_pipeline.move_to_end(id(nlp))
        return cached


def extract(
    text: str,
    published: PublishedLike = None,
    *,
    nlp: Language | str | os.PathLike[str] | None = None,
) -> Extraction:
    """Extract the bilateral-relations events in one English news text.

    Args:
        text: the article (headline and body); offsets in the result index into it.
        published: the publication date (``date``, ``datetime`` or ISO string) that relative
            dates ("on Wednesday", "last month") are resolved against; ``None`` leaves them
            unresolved.
        nlp: a spaCy pipeline (object, name or path) to use instead of the default one.
            Either way the extractor is built once per pipeline and process and reused
            (a pipeline name or path is loaded once).

    Returns:
        An :class:`~bilat.Extraction`: a sequence of events plus the text.
    """
    extractor = _default_extractor() if nlp is None else _extractor_for(nlp)
    return extractor.extract(text, published)
