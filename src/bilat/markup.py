"""Blank out HTML/XML markup without moving a single character.

bilat reads the text it is given as is: offsets always index the caller's string, and
tags left in it are just more characters (harmless, but they hide sentence breaks and can
split names). Callers with HTML or XML should pass it through :func:`strip_markup` first.
It returns a string of exactly the same length in which

* every tag (``<p class="x">``, ``</a>``, ``<br/>``), comment, ``<!DOCTYPE>``,
  ``<?xml?>`` and CDATA marker (``<![CDATA[``, ``]]>``) becomes spaces, except that
  block-level tags (``p``, ``div``, ``br``, ``li``, headings, table rows, ...) become a
  paragraph break (``"\\n\\n"`` then spaces) so sentences in different blocks stay apart;
* the content of ``<script>``, ``<style>`` and ``<noscript>`` elements becomes spaces;
* character references (``&amp;``, ``&#8217;``, ``&#x2019;``) become the character they
  stand for followed by spaces to the reference's length.

So ``len(strip_markup(html)) == len(html)``, every event offset into the stripped text is
also the offset of the same words in the original markup, and ``Extraction.text`` is the
stripped text that evidence is cut from.

The scanner is a single left-to-right pass with ``str.find`` (no backtracking regex), so
hostile input such as ``"<!--" * 100000`` costs linear time.
"""

from __future__ import annotations

import html
import re

__all__ = ["has_markup", "strip_markup"]

_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "head", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)
_RAW = frozenset({"script", "style", "noscript"})
_TAG_NAME = re.compile(r"</?\s{0,8}([A-Za-z][A-Za-z0-9:-]{0,40})")
_RAW_CLOSE = re.compile(r"</(?:script|style|noscript)", re.IGNORECASE)
_ENTITY = re.compile(r"\]\]>|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP_HINT = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,40}[\s/>]|&(?:#[0-9]{1,7}|[A-Za-z]{2,31});")


def has_markup(text: str) -> bool:
    """Whether ``text`` looks like it holds HTML/XML tags or character references."""
    return _MARKUP_HINT.search(text) is not None


def _blank(length: int, block: bool) -> str:
    if block and length >= 2:
        return "\n\n" + " " * (length - 2)
    return " " * length


def _tag_end(text: str, start: int) -> int:
    """Index just past the ``>`` closing the tag that opens at ``start``, quotes respected."""
    i = start + 1
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == ">":
            return i + 1
        if ch in "\"'":
            close = text.find(ch, i + 1)
            nxt = text.find(">", i + 1)
            # an unbalanced quote: give up on quoting, end at the next ">"
            if close < 0 or (nxt >= 0 and text.find("<", i + 1, close) >= 0):
                return n if nxt < 0 else nxt + 1
            i = close + 1
            continue
        if ch == "<":
            return i  # "a < b <c>": the first "<" was not a tag after all
        i += 1
    return n


def _entities(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        ref = match.group(0)
        if ref == "]]>":
            return "   "
        char = html.unescape(ref)
        if char == ref or len(char) > len(ref):
            return ref
        return char + " " * (len(ref) - len(char))

    return _ENTITY.sub(replace, text)


def strip_markup(text: str) -> str:
    """Return ``text`` with markup blanked out; the result has exactly ``len(text)`` chars.

    Text without ``<`` or ``&`` comes back unchanged. See the module docstring for what is
    blanked and how.
    """
    if "<" not in text and "&" not in text:
        return text
    out: list[str] = []
    n = len(text)
    pos = 0
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            out.append(_entities(text[pos:]))
            break
        out.append(_entities(text[pos:lt]))
        end = _markup_end(text, lt)
        if end is None:  # a bare "<", as in "a < b"
            out.append("<")
            pos = lt + 1
            continue
        name_match = _TAG_NAME.match(text, lt, end)
        name = name_match.group(1).lower() if name_match else ""
        out.append(_blank(end - lt, name in _BLOCK))
        pos = end
        if name in _RAW and not text.startswith("</", lt):
            close = _RAW_CLOSE.search(text, pos)
            stop = n if close is None else close.start()
            out.append(" " * (stop - pos))
            pos = stop
    result = "".join(out)
    assert len(result) == n, "strip_markup must keep the length"
    return result


def _markup_end(text: str, lt: int) -> int | None:
    """End of the markup construct starting at ``text[lt] == "<"``, or None if it is not one."""
    if text.startswith("<!--", lt):
        close = text.find("-->", lt + 4)
        return len(text) if close < 0 else close + 3
    if text.startswith("<![CDATA[", lt):
        return lt + 9
    nxt = text[lt + 1 : lt + 2]
    if not nxt or not (nxt.isalpha() or nxt in "/!?"):
        return None
    return _tag_end(text, lt)
