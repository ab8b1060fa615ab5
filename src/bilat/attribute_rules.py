"""The matches of a spaCy ``AttributeRuler``, found by table lookup instead of its Matcher.

spaCy's trained English pipelines end their tagging with an ``attribute_ruler``: some 180
token patterns ("TAG NN" -> POS NOUN, "LOWER 'gon' + 'na'" -> LEMMA go) that map the
tagger's fine-grained tags to coarse parts of speech and fix a few lemmas. Its ``Matcher``
tries every pattern at every token, which costs about a tenth of the whole pipeline's time
on news text. Almost all of these patterns are single-token equality tests, so
:class:`AttributeRuleTable` indexes them by the values they test and finds, for every
token, the same matches in a few dictionary lookups; the few others (a regular
expression, several tokens) are checked only where their first token's values fit.

:func:`table_lookup` lets a ruler use the table for as long as the ``with`` block lasts:
the ruler's own ``set_annotations`` then applies the matches, in spaCy's order, so every
token gets exactly the part of speech, morphology and lemma the Matcher would have given
it (``tests/test_attribute_rules.py`` compares the two on real news). A ruler with a
pattern the table cannot read (an operator, an extension attribute, a predicate other than
equality, ``IN``, ``NOT_IN`` or ``REGEX``) keeps its Matcher.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["AttributeRuleTable", "table_lookup"]

# token attributes a pattern may test, read from ``Doc.to_array``: strings (as hashes)
# and flags (0 or 1)
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"})
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER",
                         "IS_UPPER", "IS_TITLE", "LIKE_NUM"})
_ALIASES = {"TEXT": "ORTH"}


class _Unsupported(Exception):
    """A pattern the table cannot read."""


class _Test:
    """One predicate of a token pattern: the attribute's column and what it must hold."""

    __slots__ = ("attr", "kind", "regex", "values")

    def __init__(self, attr: str, kind: str, values: frozenset[int] = frozenset(),
                 regex: re.Pattern[str] | None = None) -> None:
        self.attr, self.kind, self.values, self.regex = attr, kind, values, regex


def _value_id(attr: str, value: object) -> int:
    from spacy.strings import get_string_id

    if attr in _FLAG_ATTRS:
        if not isinstance(value, (bool, int)):
            raise _Unsupported(f"{attr} tested against {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise _Unsupported(f"{attr} tested against {value!r}")
    return get_string_id(value)


def _tests(spec: object) -> list[_Test]:
    """The predicates of one token pattern (a dict of attribute -> value)."""
    if not isinstance(spec, dict):
        raise _Unsupported(f"token pattern {spec!r}")
    found: list[_Test] = []
    for key, value in spec.items():
        if not isinstance(key, str):
            raise _Unsupported(f"attribute {key!r}")
        attr = _ALIASES.get(key.upper(), key.upper())
        if attr not in _STRING_ATTRS | _FLAG_ATTRS:
            raise _Unsupported(f"attribute {key!r}")
        if not isinstance(value, dict):
            found.append(_Test(attr, "in", frozenset({_value_id(attr, value)})))
            continue
        if len(value) != 1:
            raise _Unsupported(f"predicate {value!r}")
        ((op, arg),) = value.items()
        if op in {"IN", "NOT_IN"} and isinstance(arg, list):
            found.append(_Test(attr, op.lower(), frozenset(_value_id(attr, v) for v in arg)))
        elif op == "REGEX" and isinstance(arg, str) and attr in _STRING_ATTRS:
            found.append(_Test(attr, "regex", regex=re.compile(arg)))
        else:
            raise _Unsupported(f"predicate {value!r}")
    return found


class _Pattern:
    """One pattern of one rule: the rule's ordinal and match id, the equality tests of its
    first token (its index key) and the tests left to check where they hold."""

    __slots__ = ("first_rest", "key_attrs", "keys", "later", "match_id", "ordinal", "simple")

    def __init__(self, ordinal: int, match_id: int, specs: Sequence[object]) -> None:
        if not specs:
            raise _Unsupported("empty pattern")
        first = _tests(specs[0])
        self.ordinal, self.match_id = ordinal, match_id
        keyed = sorted((t for t in first if t.kind == "in"), key=lambda t: t.attr)
        self.key_attrs = tuple(t.attr for t in keyed)
        self.keys = [tuple(values) for values in
                     itertools.product(*(sorted(t.values) for t in keyed))] if keyed else []
        self.first_rest = [t for t in first if t.kind != "in"]
        self.later = [_tests(spec) for spec in specs[1:]]
        self.simple = not self.first_rest and not self.later


class AttributeRuleTable:
    """The patterns of one ``AttributeRuler``, indexed by the values their first token tests.

    Raises:
        ValueError: from :meth:`of` when a pattern is one the table cannot read.
    """

    def __init__(self, patterns: Sequence[tuple[int, int, Sequence[object]]]) -> None:
        self._index: dict[tuple[str, ...], dict[tuple[int, ...], list[_Pattern]]] = {}
        self._open: list[_Pattern] = []  # no equality test on the first token
        attrs: set[str] = set()
        self.size = len(patterns)
        for ordinal, match_id, specs in patterns:
            try:
                pattern = _Pattern(ordinal, match_id, specs)
            except _Unsupported as err:
                raise ValueError(f"attribute rule {ordinal}: {err}") from None
            attrs.update(pattern.key_attrs)
            attrs.update(t.attr for t in pattern.first_rest)
            attrs.update(t.attr for tests in pattern.later for t in tests)
            if not pattern.key_attrs:
                self._open.append(pattern)
                continue
            table = self._index.setdefault(pattern.key_attrs, {})
            for key in pattern.keys:
                table.setdefault(key, []).append(pattern)
        self._attrs = tuple(sorted(attrs))

    @classmethod
    def of(cls, ruler: Any) -> AttributeRuleTable:
        """The table of a spaCy ``AttributeRuler`` (its patterns in the order added)."""
        rows = []
        for ordinal in range(len(ruler.attrs)):
            key = str(ordinal)
            match_id = ruler.vocab.strings[key]
            for specs in ruler.matcher.get(key)[1]:
                rows.append((ordinal, match_id, specs))
        return cls(rows)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns for ``doc``: ``(ordinal, match_id, start,
        end)`` of every match, sorted (later rules win)."""
        from spacy.attrs import IDS

        n = len(doc)
        if not n:
            return []
        array = doc.to_array([IDS[a] for a in self._attrs]).reshape(n, len(self._attrs))
        columns = {a: array[:, k].tolist() for k, a in enumerate(self._attrs)}
        strings = doc.vocab.strings
        found: list[tuple[int, int, int, int]] = []

        def holds(test: _Test, i: int) -> bool:
            return _holds(test, columns[test.attr][i], strings)

        def complete(pattern: _Pattern, i: int) -> None:
            end = i + 1 + len(pattern.later)
            if end > n or not all(holds(t, i) for t in pattern.first_rest):
                return
            for k, tests in enumerate(pattern.later, start=i + 1):
                if not all(holds(t, k) for t in tests):
                    return
            found.append((pattern.ordinal, pattern.match_id, i, end))

        for attrs, table in self._index.items():
            keys = zip(*(columns[a] for a in attrs), strict=True)
            for i, key in enumerate(keys):
                hits = table.get(key)
                if hits is None:
                    continue
                for pattern in hits:
                    if pattern.simple:  # one token, equality tests only: matched
                        found.append((pattern.ordinal, pattern.match_id, i, i + 1))
                    else:
                        complete(pattern, i)
        for pattern in self._open:
            if not pattern.first_rest:  # a first token that any token fits
                for i in range(n):
                    complete(pattern, i)
                continue
            # only where the first test holds, judged once per distinct value
            test = pattern.first_rest[0]
            column = columns[test.attr]
            fits = {value for value in set(column) if _holds(test, value, strings)}
            for i, value in enumerate(column):
                if value in fits:
                    complete(pattern, i)
        found.sort()
        return found


def _holds(test: _Test, value: int, strings: Any) -> bool:
    """Whether a token whose ``test.attr`` is ``value`` (a hash or a flag) passes ``test``."""
    if test.kind == "in":
        return value in test.values
    if test.kind == "not_in":
        return value not in test.values
    assert test.regex is not None
    return bool(test.regex.search(strings[value]))


_TABLES: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], AttributeRuleTable | None]] \
    = weakref.WeakKeyDictionary()


def _table(ruler: Any) -> AttributeRuleTable | None:
    """The ruler's table, built again when its patterns changed since (added, or cleared
    with a new Matcher); None when one of its patterns is one the table cannot read."""
    version = (len(ruler.attrs), id(ruler.matcher))
    known = _TABLES.get(ruler)
    if known is not None and known[0] == version:
        return known[1]
    try:
        table: AttributeRuleTable | None = AttributeRuleTable.of(ruler)
    except ValueError:
        table = None
    _TABLES[ruler] = (version, table)
    return table


@contextmanager
def table_lookup(nlp: Language) -> Iterator[None]:
    """Within the block, every ``AttributeRuler`` of ``nlp`` whose patterns the table reads
    finds its matches by :class:`AttributeRuleTable` (the same matches, faster); after
    it, each is as it was."""
    from spacy.pipeline import AttributeRuler

    swapped: list[Any] = []
    try:
        for _, proc in nlp.pipeline:
            if type(proc) is AttributeRuler and "match" not in vars(proc):
                table = _table(proc)
                if table is not None:
                    vars(proc)["match"] = table.match  # the instance's, over the class's
                    swapped.append(proc)
        yield
    finally:
        for proc in swapped:
            vars(proc).pop("match", None)
