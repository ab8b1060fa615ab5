"""A tiny spaCy component that starts a new sentence at every paragraph break.

News copy puts headlines, bylines and paragraphs on lines of their own, often without final
punctuation ("TAIWAN PLANS NEW TARIFF CUTS\\n\\nTaiwan plans ..."). Statistical parsers then
run a headline into the lede as one sentence and attach its words to the wrong verbs. This
component marks the token after a blank line, or after a line break followed by paragraph
indentation (two or more spaces or a tab, as in wire copy), as a sentence start before the
parser runs; the parser keeps preset boundaries. Plain line wraps inside a paragraph are
left alone. A wire dateline ("KABUL, Oct. 8 (Wire) -") ends where the story starts: the
word after its dash starts a sentence too, so the parser does not read the place and
date as part of the lede's clause.

:class:`bilat.Extractor` and the ``"bilat"`` pipeline component add it (as
``"bilat_paragraphs"``) in front of the parser of the pipeline they are given, once; the
extractor warns when that pipeline is one the caller passed in (``bilat.load(my_nlp)``).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["COMPONENT_NAME", "add_paragraph_boundaries", "mark_paragraphs"]

COMPONENT_NAME = "bilat_paragraphs"
_BREAK = regex.compile(r"\n[ \t\r\f\v]*\n|\n(?:[ ]{2,}|\t)")


def mark_paragraphs(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each paragraph break in ``doc``.

    A break lies in the white space between two words, so the text is searched once and
    only the word after each break (and after each dateline's last word) is touched."""
    from bilat.context import dateline_spans

    text = doc.text
    breaks = [m.end() for m in _BREAK.finditer(text)]
    datelines = {end for _, end in dateline_spans(text)}
    if not breaks and not datelines:
        return doc
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    columns = doc.to_array([IDX, LENGTH, IS_SPACE])
    words = [(int(idx), int(idx) + int(length))
             for idx, length, space in columns.tolist() if not space]
    positions = [i for i, (_, _, space) in enumerate(columns.tolist()) if not space]
    starts = [start for start, _ in words]
    marked: set[int] = set()
    for end in breaks:  # the first word after the break, if a word stands before it
        k = bisect.bisect_left(starts, end)
        if 0 < k < len(words):
            marked.add(k)
    for k in range(len(words) - 1):  # the word after a dateline's last word
        if words[k][1] in datelines:
            marked.add(k + 1)
    for k in sorted(marked):
        doc[positions[k]].is_sent_start = True
    return doc


@Language.component(COMPONENT_NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    """spaCy component wrapper of :func:`mark_paragraphs`."""
    return mark_paragraphs(doc)


def add_paragraph_boundaries(nlp: Language) -> bool:
    """Add the component before the parser of ``nlp`` (no-op without a parser or if present).

    Returns whether it was added.
    """
    if COMPONENT_NAME in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return False
    nlp.add_pipe(COMPONENT_NAME, before="parser")
    return True
