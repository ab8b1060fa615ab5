"""Griffe extension for the docs site: Sphinx roles in docstrings become cross-references.

bilat's docstrings name other objects Sphinx-style (``:class:`~bilat.values.TimeSpan```,
``:meth:`Event.to_dict```), which help() and IDEs read well but mkdocstrings would show as
raw text. Before mkdocstrings renders a docstring, this extension rewrites each role as
an optional mkdocs-autorefs cross-reference: a link where the site documents the target,
plain code where it does not (``decimal.Decimal``), never a broken link.

Used from ``mkdocs.yml`` (``plugins.mkdocstrings.handlers.python.options.extensions``).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:meth|func|class|mod|data|attr|exc|obj|const):`(?P<target>[^`]+)`")


def convert(text: str) -> str:
    """``text`` with every Sphinx role replaced by an optional autorefs reference."""

    def repl(match: re.Match[str]) -> str:
        target = match.group("target").strip()
        shown = target
        if target.startswith("~"):
            target = target[1:]
            shown = target.rsplit(".", 1)[-1]
        if "<" in target and target.endswith(">"):  # :class:`title <path>`
            shown, target = (part.strip() for part in target[:-1].split("<", 1))
        target = target.rstrip("()")
        label = html.escape(shown)
        return (
            f'<autoref optional identifier="{html.escape(target, quote=True)}">'
            f"<code>{label}</code></autoref>"
        )

    return ROLE.sub(repl, text)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring as optional autorefs references."""

    def on_object(self, *, obj: Any, **kwargs: Any) -> None:
        """Convert the docstring of each object once the tree is built."""
        docstring = getattr(obj, "docstring", None)
        if docstring is not None and ":" in docstring.value:
            docstring.value = convert(docstring.value)
