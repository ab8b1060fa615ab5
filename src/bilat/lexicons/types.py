"""The lexicon of one event type: ``bilat/event_types/<type>/lexicon.json``, checked.

A type's file holds ``type`` (its name), ``about`` (prose), ``triggers`` (the trigger
records) and, beside them, the **named word lists** its extractor reads: each a list of
strings, or an object of such lists (named groups, e.g. ``weapon_nouns`` by kind).

A trigger record::

    {"id": "visit", "label": "travel", "forms": ["visit", "visits", "visited"],
     "pos": ["NOUN", "VERB"]}
    {"id": "state_visit", "label": "travel", "sequence": [["state"], ["visit", "visits"]]}

``id`` (required), ``label`` (default: the id), ``forms`` (one token) or ``sequence`` (one
list of forms per token), ``pos`` (Universal POS tags the head token may have), ``head``
(which token of the sequence anchors it; default the last). Any other key is a flag the
type's extractor reads (``"strength": "weak"``, ``"object_host": true``): a boolean, number,
string or list of strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from bilat.lexicons.schema import LexiconError, string_list, word_groups

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["CORE_TRIGGER_KEYS", "UPOS", "TriggerRecord", "TypeLexicon", "parse_trigger",
           "parse_type_file", "shipped_type_lexicon"]

UPOS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "SPACE"})
"""The Universal POS tags a trigger's ``pos`` may name (spaCy's ``token.pos_``)."""

CORE_TRIGGER_KEYS = ("id", "label", "forms", "sequence", "pos", "head")
_TOP_KEYS = frozenset({"type", "about", "triggers"})

Words = tuple[str, ...]


@attrs.frozen
class TriggerRecord:
    """A checked trigger record: ``sequence`` holds one tuple of lower-cased forms per token
    (``forms`` is a one-token sequence); ``extra`` the type's own flags."""

    id: str
    label: str
    sequence: tuple[Words, ...]
    pos: Words = ()
    head: int = -1
    extra: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)


def _flag(value: object, where: str) -> object:
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return list(string_list(value, where))
    raise LexiconError(f"{where}: expected true/false, a number, a string or a list of "
                       f"strings (a flag of the type's extractor), got {type(value).__name__}")


def _sequence(raw: Mapping[str, Any], where: str) -> tuple[Words, ...]:
    if "sequence" in raw:
        steps = raw["sequence"]
        if not isinstance(steps, list) or not steps:
            raise LexiconError(f"{where}.sequence: expected a non-empty list of lists of word "
                               "forms, one list per token")
        sequence = tuple(string_list(step, f"{where}.sequence[{i}]")
                         for i, step in enumerate(steps))
    else:
        sequence = (string_list(raw["forms"], f"{where}.forms"),)
    for i, step in enumerate(sequence):
        if not step or not all(form.strip() for form in step):
            key = "forms" if "sequence" not in raw else f"sequence[{i}]"
            raise LexiconError(f"{where}.{key}: expected one or more non-empty word forms")
    return tuple(tuple(form.lower() for form in step) for step in sequence)


def parse_trigger(raw: object, where: str, flags: frozenset[str] | None = None) -> TriggerRecord:
    """Check one trigger record and build it.

    Args:
        raw: the record as parsed JSON (or as a user passed it).
        where: the file or argument and the record's place, for messages.
        flags: the extra keys allowed; ``None`` allows any (a shipped file's own flags).

    Raises:
        LexiconError: a missing ``id`` or word forms, a value of the wrong type, an unknown
            POS tag, a ``head`` outside the sequence, or (with ``flags``) an unknown key.
    """
    if not isinstance(raw, Mapping):
        raise LexiconError(f"{where}: expected a trigger record (an object), "
                           f"got {type(raw).__name__}")
    trigger_id = raw.get("id")
    if not isinstance(trigger_id, str) or not trigger_id:
        raise LexiconError(f"{where}.id: missing or not a non-empty string")
    where = f"{where} (id {trigger_id!r})"
    if "sequence" not in raw and "forms" not in raw:
        raise LexiconError(f"{where}: needs 'forms' (one token) or 'sequence' (several)")
    label = raw.get("label", trigger_id)
    if not isinstance(label, str) or not label:
        raise LexiconError(f"{where}.label: expected a non-empty string")
    sequence = _sequence(raw, where)
    pos = string_list(raw.get("pos", []), f"{where}.pos")
    bad = [p for p in pos if p not in UPOS]
    if bad:
        raise LexiconError(f"{where}.pos: unknown tag {bad[0]!r}; expected Universal POS "
                           f"tags such as 'VERB', 'NOUN' ({sorted(UPOS)})")
    head = raw.get("head", -1)
    if isinstance(head, bool) or not isinstance(head, int) \
            or not (head == -1 or 0 <= head < len(sequence)):
        raise LexiconError(f"{where}.head: expected a token index of its sequence "
                           f"(0 to {len(sequence) - 1}, or -1 for the last), got {head!r}")
    extra: dict[str, Any] = {}
    for key, value in raw.items():
        if key in CORE_TRIGGER_KEYS:
            continue
        if flags is not None and key not in flags:
            raise LexiconError(
                f"{where}: unknown key {key!r}; expected some of {list(CORE_TRIGGER_KEYS)}"
                + (f" or of this type's flags {sorted(flags)}" if flags else "")
            )
        extra[key] = _flag(value, f"{where}.{key}")
    return TriggerRecord(id=trigger_id, label=label, sequence=sequence, pos=pos,
                         head=head, extra=extra)


@attrs.frozen
class TypeLexicon:
    """A type's checked lexicon file: its trigger records and its named word lists.

    :meth:`words` and :meth:`groups` fail with the file and the key named when the key is
    absent or holds the other shape, so an extractor that reads a misspelled key fails at
    once instead of reading an empty list.
    """

    event_type: str
    source: str
    triggers: tuple[TriggerRecord, ...]
    lists: Mapping[str, Words | Mapping[str, Words]] = attrs.field(eq=False)
    about: str = ""

    def _get(self, key: str) -> Words | Mapping[str, Words]:
        try:
            return self.lists[key]
        except KeyError:
            raise LexiconError(
                f"{self.source}: no word list {key!r}; the file has {sorted(self.lists)}"
            ) from None

    def words(self, key: str) -> Words:
        """The word list ``key``, as in the file (order and case kept).

        Raises:
            LexiconError: no such key, or it holds named groups (use :meth:`groups`).
        """
        value = self._get(key)
        if not isinstance(value, tuple):
            raise LexiconError(f"{self.source}: {key!r} holds named groups "
                               f"{sorted(value)}, not one list; read it with groups()")
        return value

    def word_set(self, key: str) -> frozenset[str]:
        """:meth:`words` lower-cased, as a set (for ``token.lower_ in ...``)."""
        return frozenset(w.lower() for w in self.words(key))

    def groups(self, key: str) -> Mapping[str, Words]:
        """The named groups of word lists ``key`` (e.g. ``weapon_nouns`` by kind).

        Raises:
            LexiconError: no such key, or it holds a single list (use :meth:`words`).
        """
        value = self._get(key)
        if isinstance(value, tuple):
            raise LexiconError(f"{self.source}: {key!r} is one word list, not named groups; "
                               "read it with words()")
        return value

    def word_map(self, key: str) -> dict[str, str]:
        """The word map ``key`` (an object of word -> string, e.g. city -> state code), its
        words lower-cased.

        Raises:
            LexiconError: no such key, or it holds a list or groups of several words.
        """
        value = self._get(key)
        if isinstance(value, tuple) or not all(len(v) == 1 for v in value.values()):
            raise LexiconError(f"{self.source}: {key!r} is no word map (an object of word "
                               "-> string); read it with words() or groups()")
        return {word.lower(): mapped[0] for word, mapped in value.items()}

    def has(self, key: str) -> bool:
        """Whether the file has a word list ``key``."""
        return key in self.lists

    def flags(self) -> frozenset[str]:
        """Every extra key the type's trigger records use (``strength``, ``object_host``)."""
        return frozenset(k for record in self.triggers for k in record.extra)


def parse_type_file(data: object, event_type: str, source: str) -> TypeLexicon:
    """Check a parsed ``event_types/<type>/lexicon.json`` and build its :class:`TypeLexicon`.

    Raises:
        LexiconError: not an object, a wrong ``type``, a bad trigger record, or a named
            word list that is not a list of strings (or an object of such lists).
    """
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected an object with 'type' and 'triggers'")
    if data.get("type") != event_type:
        raise LexiconError(f"{source}: type: expected {event_type!r}, got {data.get('type')!r}")
    about = data.get("about", "")
    if not isinstance(about, str):
        raise LexiconError(f"{source}: about: expected a string")
    raw_triggers = data.get("triggers")
    if not isinstance(raw_triggers, list):
        raise LexiconError(f"{source}: triggers: missing or not a list of trigger records")
    triggers = tuple(parse_trigger(raw, f"{source}: triggers[{i}]")
                     for i, raw in enumerate(raw_triggers))
    seen: set[str] = set()
    for record in triggers:
        if record.id in seen:
            raise LexiconError(f"{source}: triggers: id {record.id!r} is used twice")
        seen.add(record.id)
    lists = {key: word_groups(value, f"{source}: {key}") for key, value in data.items()
             if key not in _TOP_KEYS and not key.startswith("_")}
    return TypeLexicon(event_type=event_type, source=source, triggers=triggers, lists=lists,
                       about=about)


@cache
def shipped_type_lexicon(event_type: str) -> TypeLexicon:
    """The package's ``bilat/event_types/<event_type>/lexicon.json``, checked, once per process.

    Raises:
        FileNotFoundError: the type has no lexicon file.
        LexiconError: the file does not fit (file and key named).
    """
    text = type_lexicon_file(event_type).read_text(encoding="utf-8")
    return parse_type_file(json.loads(text), event_type, type_lexicon_source(event_type))


def type_lexicon_file(event_type: str) -> Traversable:
    """Where the package keeps ``event_type``'s lexicon: ``bilat/event_types/<type>/lexicon.json``.

    Raises:
        FileNotFoundError: the type has no lexicon file in the package.
    """
    ref = resources.files("bilat.event_types").joinpath(event_type).joinpath("lexicon.json")
    if not ref.is_file():
        raise FileNotFoundError(type_lexicon_source(event_type))
    return ref


def type_lexicon_source(event_type: str) -> str:
    """How messages name ``event_type``'s lexicon file:
    ``bilat/event_types/<type>/lexicon.json``."""
    return f"bilat/event_types/{event_type}/lexicon.json"
