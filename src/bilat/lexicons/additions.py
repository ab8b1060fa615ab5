"""Words a user adds to one pipeline, without editing the installed package.

An :class:`Additions` holds extra trigger records per event type, extra modality cues,
extra country names and extra officials, each checked by the schema of the shipped file it
extends. :func:`bilat.load` and the ``"bilat"`` spaCy component build one from their
arguments and make it *active* while they work (:func:`using`): the central readers
(:func:`bilat.triggers.load_lexicon`, :mod:`bilat.modality`, :mod:`bilat.actors.gazetteer`,
the pre-filter) consult the active additions. The active set lives in a
:class:`contextvars.ContextVar`, set for the length of one call, so two pipelines with
different additions never see each other's words, in one thread or several.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

from bilat.lexicons.files import CueRecord, LeaderRecord
from bilat.lexicons.schema import LexiconError, structure
from bilat.lexicons.types import TriggerRecord, parse_trigger, shipped_type_lexicon

__all__ = ["Additions", "active", "using"]

_ACTIVE: ContextVar[Additions | None] = ContextVar("bilat_additions", default=None)

_NAME_KINDS = ("country", "demonym", "capital", "body", "group")


def active() -> Additions | None:
    """The additions of the pipeline now at work, or ``None`` (the shipped lexicons only)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def using(additions: Additions | None) -> Iterator[None]:
    """Make ``additions`` the active set inside the ``with`` block (``None``: none)."""
    token = _ACTIVE.set(additions)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _known_codes() -> Mapping[str, Any]:
    from bilat.lexicons.files import read_checked

    countries: Mapping[str, Any] = read_checked("countries.json")["countries"]
    return countries


def _check_code(code: object, where: str) -> str:
    if not isinstance(code, str) or code not in _known_codes():
        raise LexiconError(f"{where}: {code!r} is no ISO 3166-1 alpha-3 code bilat knows "
                           "(countries.json); e.g. 'FRA', 'GBR', 'USA'")
    return code


def _check_date(value: str | None, where: str) -> None:
    if value is None:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise LexiconError(f"{where}: expected an ISO date such as '2024-05-01', "
                           f"got {value!r}") from None


class Additions:
    """A user's additions to the shipped lexicons, checked (see the module docstring).

    Build it with :meth:`build`; every argument is optional:

    Args:
        triggers: event type -> list of trigger records, each shaped as in
            ``bilat/event_types/<type>/lexicon.json`` (``id``, ``label``, ``forms`` or
            ``sequence``, ``pos``, ``head``, and the type's own flags). The ``label`` must
            be one the type's extractor knows (a label of the shipped file) and the ``id``
            a new one.
        modality_cues: list of cue records shaped as in ``modality_cues.json``
            (``category``, ``literal``, ``direction``, ``max_scope``, ``pseudo``).
        country_names: name -> ISO 3166-1 alpha-3 code (``{"Blighty": "GBR"}``), or name
            -> ``{"code": ..., "kind": ...}`` with ``kind`` one of ``country`` (default),
            ``demonym``, ``capital``, ``body``, ``group``. An added name wins over a
            shipped one.
        officials: list of records shaped as in ``leaders.json`` (``name``, ``country``,
            ``title``, optional ``start``/``end`` ISO dates, ``aliases``, ``surname``).
        source: how messages name where the additions came from.

    Raises:
        LexiconError: (from :meth:`build`) an addition that does not fit; the message names
            the argument, the entry and the key.
    """

    def __init__(
        self,
        triggers: Mapping[str, tuple[TriggerRecord, ...]],
        cues: tuple[CueRecord, ...],
        names: Mapping[str, Mapping[str, Any]],
        officials: tuple[LeaderRecord, ...],
        config: Mapping[str, Any],
    ) -> None:
        self.triggers = triggers
        self.cues = cues
        self.names = names
        self.officials = officials
        self.config = config
        self.cache: dict[Any, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickle all but the compiled-lexicon cache (rebuilt on first use)."""
        state = dict(self.__dict__)
        state["cache"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        parts = [f"{len(v)} {k} trigger(s)" for k, v in self.triggers.items()]
        parts += [f"{len(self.cues)} cue(s)"] if self.cues else []
        parts += [f"{len(self.names)} name(s)"] if self.names else []
        parts += [f"{len(self.officials)} official(s)"] if self.officials else []
        return f"Additions({', '.join(parts) or 'none'})"

    @property
    def adds_names(self) -> bool:
        """Whether these additions name states (country names or officials)."""
        return bool(self.names or self.officials)

    @classmethod
    def build(
        cls,
        *,
        triggers: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
        modality_cues: Sequence[Mapping[str, Any]] | None = None,
        country_names: Mapping[str, str | Mapping[str, Any]] | None = None,
        officials: Sequence[Mapping[str, Any]] | None = None,
        source: str = "additions",
    ) -> Additions | None:
        """Check the arguments (see the class docstring); ``None`` when all are empty."""
        config = {"triggers": triggers, "modality_cues": modality_cues,
                  "country_names": country_names, "officials": officials}
        config = {k: v for k, v in config.items() if v}
        if not config:
            return None
        return cls(
            triggers=_triggers(triggers or {}, f"{source}: triggers"),
            cues=_cues(modality_cues or (), f"{source}: modality_cues"),
            names=_names(country_names or {}, f"{source}: country_names"),
            officials=_officials(officials or (), f"{source}: officials"),
            config=config,
        )


def _triggers(raw: object, where: str) -> dict[str, tuple[TriggerRecord, ...]]:
    if not isinstance(raw, Mapping):
        raise LexiconError(f"{where}: expected an object: event type -> list of triggers")
    out: dict[str, tuple[TriggerRecord, ...]] = {}
    for event_type, records in raw.items():
        try:
            shipped = shipped_type_lexicon(str(event_type))
        except FileNotFoundError:
            from bilat.events import EVENT_TYPES

            raise LexiconError(f"{where}: unknown event type {event_type!r}; expected some "
                               f"of {list(EVENT_TYPES)}") from None
        at = f"{where}[{event_type!r}]"
        if not isinstance(records, Sequence) or isinstance(records, (str, bytes)):
            raise LexiconError(f"{at}: expected a list of trigger records")
        labels = sorted({r.label for r in shipped.triggers})
        taken = {r.id for r in shipped.triggers}
        parsed: list[TriggerRecord] = []
        for i, item in enumerate(records):
            record = parse_trigger(item, f"{at}[{i}]", shipped.flags())
            if record.label not in labels:
                raise LexiconError(f"{at}[{i}] (id {record.id!r}): label {record.label!r} "
                                   f"is none the {event_type} extractor knows; expected "
                                   f"one of {labels}")
            if record.id in taken:
                raise LexiconError(f"{at}[{i}]: id {record.id!r} is already used (by "
                                   f"{shipped.source} or an earlier addition); choose a new id")
            taken.add(record.id)
            parsed.append(record)
        if parsed:
            out[str(event_type)] = tuple(parsed)
    return out


def _cues(raw: object, where: str) -> tuple[CueRecord, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, (str, bytes)):
        raise LexiconError(f"{where}: expected a list of cue records")
    return tuple(structure(dict(item) if isinstance(item, Mapping) else item, CueRecord,
                           f"{where}[{i}]") for i, item in enumerate(raw))


def _names(raw: object, where: str) -> dict[str, Mapping[str, Any]]:
    from bilat.actors.gazetteer import normalise

    if not isinstance(raw, Mapping):
        raise LexiconError(f"{where}: expected an object: name -> ISO3 code")
    out: dict[str, Mapping[str, Any]] = {}
    for name, value in raw.items():
        at = f"{where}[{name!r}]"
        if not isinstance(name, str) or not normalise(name):
            raise LexiconError(f"{at}: expected a name with letters")
        kind: object = "country"
        if isinstance(value, Mapping):
            unknown = sorted(set(value) - {"code", "kind"})
            if unknown:
                raise LexiconError(f"{at}: unknown key {unknown[0]!r}; expected 'code', 'kind'")
            code, kind = value.get("code"), value.get("kind", "country")
        else:
            code = value
        code = _check_code(code, f"{at}.code" if isinstance(value, Mapping) else at)
        if kind not in _NAME_KINDS:
            raise LexiconError(f"{at}.kind: expected one of {list(_NAME_KINDS)}, got {kind!r}")
        out[normalise(name)] = {"name": name, "code": code, "kind": kind, "source": "user"}
    return out


def _officials(raw: object, where: str) -> tuple[LeaderRecord, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, (str, bytes)):
        raise LexiconError(f"{where}: expected a list of official records")
    out: list[LeaderRecord] = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        record = structure(dict(item) if isinstance(item, Mapping) else item, LeaderRecord, at)
        _check_code(record.country, f"{at}.country")
        _check_date(record.start, f"{at}.start")
        _check_date(record.end, f"{at}.end")
        out.append(record)
    return tuple(out)
