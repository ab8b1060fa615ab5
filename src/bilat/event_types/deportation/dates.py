"""The date of a deportation: a date in the trigger's own clause or one above it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.values import TimeSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from bilat.context import DocumentContext


_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "parataxis", "csubj"})


_MODIFIER_CLAUSES = frozenset({"relcl", "acl"})


def _clause_path(token: Token) -> list[Token]:
    """The clause heads above ``token``, innermost first (the root clause last)."""
    out: list[Token] = []
    current = token
    for _ in range(40):
        if current.dep_ in _CLAUSE_DEPS or current.head == current:
            out.append(current)
        if current.head == current:
            break
        current = current.head
    return out


def _date_fits(date_root: Token, trigger: Token) -> bool:
    """Whether a date at ``date_root`` can date the event at ``trigger``: it sits in the
    trigger's clause or a clause above it, never in a side clause ("after talks last month,
    ...") and never above a relative clause, whose date belongs to the noun it describes ("a
    meeting last month where the minister raised the deportation of ...")."""
    current = date_root
    for _ in range(6):  # the date hangs off the trigger itself
        if current == trigger:
            return True
        if current.head == current:
            break
        current = current.head
    date_clause = _clause_path(date_root)[0]
    path = _clause_path(trigger)
    if date_clause not in path:
        return False
    return all(clause.dep_ not in _MODIFIER_CLAUSES for clause in path[:path.index(date_clause)])


def own_date(context: DocumentContext, head: Token, sent: Span) -> TimeSpan | None:
    """The date of the deportation at ``head``: :meth:`DocumentContext.date_for`'s choice
    when it fits the trigger's clause (see :func:`_date_fits`), else the nearest date that
    does, else none (a background mention takes its date from another mention)."""
    date = context.date_for(head, sent)
    if date is None or not context.has_parser:
        return date
    doc = context.doc
    fitting = [m for m in context.dates_in(sent)
               if _date_fits(doc[m.start:m.end].root, head)]
    if any(m.timespan == date for m in fitting):
        return date
    if not fitting:
        return None
    return min(fitting, key=lambda m: min(abs(m.start - head.i), abs(m.end - head.i))).timespan
