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

from typing import TYPE_CHECKING

import regex
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["COMPONENT_NAME", "add_paragraph_boundaries", "mark_paragraphs"]

COMPONENT_NAME = "bilat_paragraphs"
_BREAK = regex.compile(r"\n[ \t\r\f\v]*\n|\n(?:[ ]{2,}|\t)")


def mark_paragraphs(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each paragraph break in ``doc``."""
    from bilat.context import dateline_spans

    text = doc.text
    after_dateline = {end for _, end in dateline_spans(text)}
    last_end: int | None = None  # end offset of the previous non-space token
    for token in doc:
        if token.is_space:
            continue
        if last_end is not None and (
            _BREAK.search(text, last_end, token.idx) or last_end in after_dateline
        ):
            token.is_sent_start = True
        last_end = token.idx + len(token.text)
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
