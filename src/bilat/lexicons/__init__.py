"""bilat's lexicons: every word list of ``bilat/data/``, read through one module and checked.

* :func:`read` gives a data file structured into its attrs schema
  (:data:`~bilat.lexicons.files.SCHEMAS`); a file with an unknown key or a value of the
  wrong type fails at load with a :class:`LexiconError` naming the file and the key.
* :func:`type_lexicon` gives an event type's ``event_types/<type>/lexicon.json``: its checked
  trigger records and its named word lists (:class:`TypeLexicon`), with the active additions.
* :class:`Additions` holds the words a user adds to one pipeline (``bilat.load(...)``
  arguments or the spaCy component's config), checked by the same schemas, and
  :func:`using` makes them active for a call.

See ``docs/lexicons.md`` for the files, their schemas and how to add words.
"""

from __future__ import annotations

from bilat.lexicons.additions import Additions, active, using
from bilat.lexicons.files import SCHEMAS, read, read_checked, typed
from bilat.lexicons.schema import LexiconError, structure
from bilat.lexicons.types import TriggerRecord, TypeLexicon, shipped_type_lexicon

__all__ = [
    "SCHEMAS",
    "Additions",
    "LexiconError",
    "TriggerRecord",
    "TypeLexicon",
    "active",
    "read",
    "read_checked",
    "shipped_type_lexicon",
    "structure",
    "type_lexicon",
    "typed",
    "using",
]


def type_lexicon(event_type: str) -> TypeLexicon:
    """The lexicon of ``event_type``: the shipped ``event_types/<type>/lexicon.json``, checked,
    plus the trigger records the active :class:`Additions` add to it.

    The extractors' API for their word lists: ``type_lexicon("strike").words("ship_nouns")``
    (a missing key fails naming the file and the key), ``.groups("weapon_nouns")``,
    ``.triggers``.

    Raises:
        FileNotFoundError: the type has no lexicon file.
        LexiconError: the file does not fit its schema.
    """
    shipped = shipped_type_lexicon(event_type)
    extra = active()
    if extra is None or event_type not in extra.triggers:
        return shipped
    key = ("type_lexicon", event_type)
    found: TypeLexicon | None = extra.cache.get(key)
    if found is None:
        import attrs

        found = attrs.evolve(shipped, triggers=shipped.triggers + extra.triggers[event_type])
        extra.cache[key] = found
    return found
