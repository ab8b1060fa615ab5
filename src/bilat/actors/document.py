"""Actor mentions in a spaCy ``Doc``: countries, demonyms, capitals, places, people, bodies.

Works on any English pipeline. On ``spacy.blank("en")`` it matches the gazetteer by token
n-grams (longest first); on trained pipelines it also uses NER spans (GPE/NORP/ORG/PERSON/LOC/
FAC) to add mentions the gazetteer misses and to keep person names such as "Michael Jordan"
from resolving to a state.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from bilat.actors import gazetteer as gz
from bilat.actors.teams import AFTER_KINDS, is_team_name
from bilat.actors.unparsed import IntroducedPerson, Unparsed, UnparsedMention
from bilat.lexicons.files import ActorWordsFile, typed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ActorMention", "DocumentActors"]

MAX_NGRAM = 8

# The word lists (titles, honorifics, name particles, bodies...) are data:
# bilat/data/actor_words.json, checked by its schema (bilat.lexicons.files.ActorWordsFile).
_WORDS = typed("actor_words.json", ActorWordsFile)
TITLE_HEADS = frozenset(_WORDS.title_heads)
TITLE_MODS = frozenset(_WORDS.title_mods)
TITLE_WORDS = TITLE_HEADS | TITLE_MODS
# Title heads that do not make a state official when they follow a name.
_NOT_OFFICIAL_HEADS = frozenset(_WORDS.not_official_heads)
HOME_TITLE_HEADS = frozenset(_WORDS.home_title_heads)
PORTFOLIO_HEADS = frozenset(_WORDS.portfolio_heads)
TITLE_TRIM = frozenset(_WORDS.title_trim)
HONORIFICS = frozenset(_WORDS.honorifics)
NAME_PARTICLES = frozenset(_WORDS.name_particles)
BODY_HEADS = frozenset(_WORDS.body_heads)
BODY_MODS = frozenset(_WORDS.body_mods)
POSSESSIVE = frozenset(_WORDS.possessive)
_FOREIGN_SPELLINGS = frozenset(_WORDS.foreign_spellings)
_PLACE_PREPS = frozenset(_WORDS.place_preps)
PERSONISH = frozenset(_WORDS.personish)
_HYPHEN_SUFFIXES = frozenset(_WORDS.hyphen_suffixes)
_SENT_END = frozenset(_WORDS.sentence_end)
_NER_TO_KIND = dict(_WORDS.ner_to_kind)
_NOT_PLACE_LABELS = frozenset(_WORDS.not_place_labels)
# Bodies whose name every state uses: only the state the rest of the doc names.
_CONTEXTUAL_BODIES = frozenset(_WORDS.contextual_bodies)


@attrs.frozen(slots=True)
class ActorMention:
    """One mention of a state actor in a Doc (token and character offsets)."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    country: str
    kind: str
    person: str | None = None
    title: str | None = None


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper()


def _sent_start(doc: Sequence[Token] | Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in _SENT_END or prev.is_space or "\n" in prev.whitespace_


class DocumentActors:
    """Actor mentions of a Doc; ``when`` (the document date) picks era-dependent codes."""

    def __init__(
        self,
        doc: Doc,
        when: datetime.date | None = None,
        *,
        text: str | None = None,
        unparsed: Unparsed | None = None,
    ) -> None:
        """Find the mentions; ``text`` is ``doc.text`` when the caller has it at hand
        (spaCy rebuilds it from the tokens on every access). ``unparsed``: what the text
        left out of ``doc`` names (:mod:`bilat.actors.unparsed`), when ``doc`` is only the
        admitted part of an article: its people count as introduced, and its mentions
        count in :attr:`named` and :meth:`home_state`."""
        self.doc = doc
        self.when = when
        self._doc_text = doc.text if text is None else text
        self._toks: list[Token] = list(doc)  # indexing a list is far cheaper than a Doc
        self._cap: list[bool] = [t.text[:1].isupper() for t in self._toks]  # == _is_cap
        self._taken: list[bool] = [False] * len(doc)
        self._found: list[ActorMention] = []
        self._people: dict[str, tuple[str, str, str | None]] = {}  # key -> (country, full, title)
        self._conflict: set[str] = set()
        self._home: str | None = None  # the story's home state, once computed ("" = none)
        self._persons_ner: list[tuple[int, int]] = []
        self._ner: list[Span] = []
        self._introduced: list[IntroducedPerson] = []
        self.elsewhere: tuple[UnparsedMention, ...] = ()
        """The mentions of the left-out text, each placed before the parsed token its
        text stood before (``start``)."""
        if unparsed is not None:
            self.elsewhere = self._place(unparsed.mentions)
            for person in unparsed.people:
                self._register_keys(person.keys, person.country, person.full, person.title)
        if doc.has_annotation("ENT_IOB"):
            self._ner = list(doc.ents)
            self._persons_ner = [(e.start, e.end) for e in self._ner if e.label_ == "PERSON"]
        with contextlib.suppress(Exception):  # never break extraction on odd input
            self._run()
        self.mentions: tuple[ActorMention, ...] = tuple(sorted(self._found, key=lambda m: m.start))
        self.named: tuple[ActorMention | UnparsedMention, ...] = self.mentions
        """Every mention of the whole article, in text order: :attr:`mentions` and, when
        part of it was left unparsed, :attr:`elsewhere`. What document-wide counts read
        (the protagonists, the state a story is about)."""
        if self.elsewhere:
            self.named = tuple(sorted(
                (*self.mentions, *self.elsewhere),
                key=lambda m: (m.start, isinstance(m, ActorMention))))
        self._by_token: dict[int, ActorMention] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def _place(self, outside: Sequence[UnparsedMention]) -> tuple[UnparsedMention, ...]:
        """``outside`` with each mention's ``start`` set: the first parsed token at or
        after the offset its left-out text stood at."""
        starts = [t.idx for t in self._toks]
        return tuple(attrs.evolve(m, start=bisect.bisect_left(starts, m.at)) for m in outside)

    # ------------------------------------------------------------------ public API
    def introduced(self) -> list[IntroducedPerson]:
        """The people this document introduces (by title and name, nationality and title,
        or the leaders file), under the keys later mentions may use."""
        return list(self._introduced)

    def at(self, i: int) -> ActorMention | None:
        """The mention covering token ``i``."""
        return self._by_token.get(i)

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Mentions inside the token range ``[start, end)``."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def country_of(self, span: Token | Span) -> str | None:
        """Country of the mention covering the head of ``span``, else of the first inside it."""
        doc = self.doc
        if hasattr(span, "i") and not hasattr(span, "start"):  # a Token
            m = self.at(span.i)
            return m.country if m else None
        start, end = span.start, span.end  # type: ignore[union-attr]
        if doc.has_annotation("DEP"):
            try:
                m = self.at(span.root.i)  # type: ignore[union-attr]
                if m:
                    return m.country
            except Exception:  # pragma: no cover
                pass
        for m in self.mentions:
            if m.start < end and m.end > start:
                return m.country
        return None

    def first_named(self, country: str,
                    kinds: frozenset[str] | None = None) -> ActorMention | None:
        """The article's first mention of ``country`` (of one of ``kinds``, any kind by
        default), from :attr:`named`. A mention in left-out text comes as a stand-in of no
        width at the parsed token its text stood before: its country, kind and words are
        the mention's, its place is not."""
        for m in self.named:
            if m.country != country or (kinds is not None and m.kind not in kinds):
                continue
            if isinstance(m, ActorMention):
                return m
            at = m.start  # at most len(doc): after the last parsed token
            char = self._toks[at].idx if at < len(self._toks) else len(self._doc_text)
            return ActorMention(at, at, char, char, m.text, m.country, m.kind, m.person,
                                m.title)
        return None

    def home_state(self) -> str | None:
        """The state the story is about: named (as a country, demonym, capital or body) at
        least twice and at least as often as any other, the first named on a tie."""
        return self._home_state()

    def person_country(self, name: str) -> str | None:
        """Country of a person the doc introduced ("Dar", "Ishaq Dar"), else the leaders file."""
        if not isinstance(name, str):
            return None
        key = gz.normalise(name)
        hit = self._people.get(key)
        if hit is not None and key not in self._conflict:
            return hit[0]
        recs = gz.leaders_named(name)
        if recs and not (gz.ambiguous_surname(name) and not _is_full(recs, key)):
            return gz.leader_country(recs, self.when)
        return None

    # ------------------------------------------------------------------ matching
    def _add(
        self,
        start: int,
        end: int,
        country: str,
        kind: str,
        person: str | None = None,
        title: str | None = None,
    ) -> None:
        sc, ec = self._chars(start, end)
        if person is not None and not person.isprintable():  # wrapped over lines: one space
            person = " ".join(person.split())
        if title is not None and not title.isprintable():
            title = " ".join(title.split())
        self._found.append(
            ActorMention(start, end, sc, ec, self._doc_text[sc:ec], country, kind, person, title)
        )
        self._take(start, end)

    def _take(self, start: int, end: int) -> None:
        """Mark tokens ``[start, end)`` as used, so no later pass makes a mention of them."""
        for i in range(start, end):
            self._taken[i] = True

    def _free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        """The character span of tokens ``[start, end)``."""
        doc = self._toks
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def _text(self, start: int, end: int) -> str:
        sc, ec = self._chars(start, end)
        return self._doc_text[sc:ec]

    def _team(self, start: int, end: int, kind: str) -> bool:
        """Whether the name over tokens ``[start, end)`` (of ``kind``) is part of a sports
        team's name ("Real Madrid", "Leeds United"); if so its tokens are taken, so no
        later pass (NER, places) makes a mention of it. See :mod:`bilat.actors.teams`."""
        sc, ec = self._chars(start, end)
        text = self._doc_text
        if not is_team_name(text[max(0, sc - _TEAM_WINDOW):sc], text[ec:ec + _TEAM_WINDOW],
                            after_allowed=kind in AFTER_KINDS):
            return False
        self._take(start, end)
        return True

    def _in_person(self, start: int, end: int) -> tuple[int, int] | None:
        for s, e in self._persons_ner:
            if s <= start and end <= e:
                return (s, e)
        return None

    def _gazetteer_hits(self) -> list[tuple[int, int, dict[str, Any]]]:
        """Longest gazetteer (countries table) matches, left to right, non-overlapping."""
        doc = self._toks
        n = len(doc)
        hits: list[tuple[int, int, dict[str, Any]]] = []
        starts = gz.first_words()
        breaks = [0]  # breaks[k]: tokens before k that hold or end in a paragraph break
        for tok in doc:
            newlines = tok.text.count("\n") + tok.whitespace_.count("\n")
            breaks.append(breaks[-1] + (newlines > 1))
        i = 0
        while i < n:
            tok = doc[i]
            if not self._cap[i] or tok.lower_ == "the" or tok.text in POSSESSIVE:
                i += 1
                continue
            best = None
            first = gz.normalise(tok.text).split(" ")[0]
            if first not in starts:
                i += 1
                continue
            for j in range(min(n, i + MAX_NGRAM), i, -1):
                last = doc[j - 1]
                if last.text in POSSESSIVE or (last.is_punct and j - 1 > i):
                    continue
                if breaks[j] - breaks[i] or last.is_space:
                    continue  # a paragraph break (a single wrapped newline is fine)
                entry = gz.lookup(self._text(i, j))
                if entry is not None:
                    best = (i, j, entry)
                    break
            if best is None:
                i += 1
                continue
            hits.append(best)
            i = best[1]
        return hits

    def _personish_blocked(self, start: int, end: int, entry: dict[str, Any]) -> bool:
        """'Michael Jordan', 'Chad Smith', 'George Washington': a person, not a state."""
        doc = self._toks
        key = gz.normalise(self._text(start, end))
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.lower_ in TITLE_WORDS | POSSESSIVE:
            return False
        span = self._in_person(start, end)
        if (
            span is not None
            and (key in PERSONISH or span != (start, end))
            and (span[0] < start or span[1] > end)
        ):
            return True
        if self._name_tail(start, end, entry):
            return True
        if key in PERSONISH or entry.get("kind") == "capital":
            prev = doc[start - 1] if start > 0 else None
            if (
                prev is not None
                and _is_cap(prev)
                and prev.is_alpha
                and not prev.is_stop
                and prev.lower_ not in TITLE_WORDS
                and prev.lower_ not in HONORIFICS
                and gz.lookup(prev.text) is None
                and not self._taken[start - 1]
            ):
                return True
            if (
                key in PERSONISH
                and nxt is not None
                and _is_cap(nxt)
                and nxt.is_alpha
                and gz.lookup(nxt.text) is None
                and nxt.lower_ not in TITLE_WORDS
            ):
                return True
        return False

    def _name_tail(self, start: int, end: int, entry: dict[str, Any]) -> bool:
        """'Kharg Island', 'Thomas Mann': a one-word foreign name of a state ("Island" is
        Iceland in Icelandic) closing a longer capitalised name is part of that name."""
        if end - start != 1 or entry.get("source") not in _FOREIGN_SPELLINGS or start == 0:
            return False
        prev = self._toks[start - 1]
        return (
            _is_cap(prev)
            and prev.is_alpha
            and not prev.is_stop
            and prev.lower_ not in TITLE_WORDS
            and gz.lookup(prev.text) is None
        )

    def _run(self) -> None:
        when = self.when
        pending: list[tuple[int, int, dict[str, Any]]] = []
        contextual: list[tuple[int, int, dict[str, Any], str]] = []
        for start, end, entry in self._gazetteer_hits():
            kind = entry.get("kind", "country")
            if self._team(start, end, kind) or self._personish_blocked(start, end, entry):
                continue
            code = gz._entry_code(entry, when)
            if code is None:
                self._take(start, end)  # deliberate non-answers still cover their tokens
                if entry.get("candidates"):
                    pending.append((start, end, entry))
                continue
            if len(code) != 3:
                continue
            if kind == "body" and gz.normalise(self._text(start, end)) in _CONTEXTUAL_BODIES:
                contextual.append((start, end, entry, code))
                self._take(start, end)
                continue
            self._add(start, end, code, kind)

        self._extend_bodies()
        self._ner_mentions()
        self._people_by_pattern()
        self._people_by_apposition()
        self._people_by_name()
        self._places()
        self._resolve_pending(pending, contextual)
        self._people_over_places()

    def _people_over_places(self) -> None:
        """A one-word place that is the surname of a person the document introduced is
        that person ("Dar" after "Foreign Minister Ishaq Dar", not Dar es Salaam)."""
        for index, mention in enumerate(self._found):
            if mention.kind not in {"place", "capital"} or mention.end - mention.start != 1:
                continue
            key = gz.normalise(mention.text)
            hit = self._people.get(key)
            if hit is None or key in self._conflict:
                continue
            self._found[index] = attrs.evolve(
                mention, country=hit[0], kind="person", person=hit[1], title=hit[2]
            )

    def _extend_bodies(self) -> None:
        """'Pakistan's foreign office', 'the Iraqi parliament' -> one body mention."""
        doc = self._toks
        out: list[ActorMention] = []
        for m in self._found:
            if m.kind not in ("country", "demonym"):
                out.append(m)
                continue
            j = m.end
            if j < len(doc) and doc[j].text in POSSESSIVE:
                j += 1
            k = j
            last_head = None
            while k < len(doc) and k - j < 4:
                w = doc[k].lower_
                if w in BODY_HEADS:
                    last_head = k
                elif w not in BODY_MODS:
                    break
                k += 1
            if (
                last_head is None
                or doc[j].lower_ in ("of", "the", "and")
                or (last_head + 1 < len(doc) and doc[last_head + 1].lower_ in TITLE_HEADS)
            ):
                out.append(m)
                continue
            end = last_head + 1
            if not self._free(m.end, end):
                out.append(m)
                continue
            sc, ec = self._chars(m.start, end)
            out.append(ActorMention(m.start, end, sc, ec, self._doc_text[sc:ec], m.country, "body"))
            self._take(m.start, end)
        self._found = out

    def _ner_mentions(self) -> None:
        for ent in self._ner:
            kind = _NER_TO_KIND.get(ent.label_)
            if kind is None or not self._free(ent.start, ent.end):
                continue
            text = ent.text
            entry = gz.lookup(text)
            code = None
            if entry is not None:
                code = gz._entry_code(entry, self.when)
                kind = entry.get("kind", kind) if code else kind
                if code is None:
                    continue
            if code is None and kind in ("place", "country"):
                code = gz.place_code(text)
                kind = "place"
            if code is not None and len(code) == 3 and not self._team(ent.start, ent.end, kind):
                self._add(ent.start, ent.end, code, kind)

    # ------------------------------------------------------------------ people
    def _past_wrap(self, j: int) -> int:
        """``j``, or the index after a line-wrap token there: wire copy breaks lines inside
        a sentence, and a lone newline between words is a white-space token of its own."""
        doc = self._toks
        while j < len(doc) and doc[j].is_space and doc[j].text.count("\n") <= 1:
            j += 1
        return j

    def _title_at(self, j: int) -> tuple[int, str] | None:
        """A title starting at token j: returns (end, title text)."""
        doc = self._toks
        j = self._past_wrap(j)
        k = j
        head_end = None
        while k < len(doc) and k - j < 7 and doc[k].lower_ in TITLE_WORDS:
            if doc[k].lower_ in TITLE_HEADS:
                head_end = k + 1
            k += 1
            if self._past_wrap(k) > k and self._past_wrap(k) < len(doc) and \
                    doc[self._past_wrap(k)].lower_ in TITLE_WORDS:
                k = self._past_wrap(k)  # "Foreign\nMinister": a title wrapped over two lines
        if head_end is None:
            return None
        end = k
        while end > j and doc[end - 1].lower_ in TITLE_TRIM:
            end -= 1
        # "Secretary of State", "Minister for Foreign Affairs": keep tail after head if capitalised
        end = max(end, head_end)
        if doc[j].lower_ in TITLE_TRIM:
            return None
        return end, self._text(j, end)

    def _portfolio_title_at(self, j: int) -> tuple[int, str] | None:
        """A minister's title with a portfolio of any capitalised words, right after a state
        ("Venezuelan Investment Fund Minister", "British Corporate Affairs Minister")."""
        doc = self._toks
        j = self._past_wrap(j)
        k = j
        head_end = None
        while k < len(doc) and k - j < 7 and _is_cap(doc[k]) and doc[k].is_alpha and \
                gz.lookup(doc[k].text) is None:
            if doc[k].lower_ in PORTFOLIO_HEADS:
                head_end = k + 1
            k = self._past_wrap(k + 1)
        if head_end is None or head_end - j < 2:
            return None
        return head_end, " ".join(self._text(j, head_end).split())

    def _name_at(self, j: int) -> tuple[int, int] | None:
        """A person name starting at token j (after optional comma and honorific)."""
        doc = self._toks
        n = len(doc)
        j = self._past_wrap(j)
        if j < n and doc[j].text == ",":
            j = self._past_wrap(j + 1)
        while j < n and doc[j].lower_ in HONORIFICS and _is_cap(doc[j]):
            j = self._past_wrap(j + 1)
        if j >= n:
            return None
        k = j
        while k < n and k - j < 5:
            step = self._name_step(j, k)
            if step is None:
                return None  # a state's name or demonym where the name would start
            if step == k:
                break
            k = step
        k = self._ner_name_end(j, k)
        return None if k == j else (j, k)

    def _name_step(self, j: int, k: int) -> int | None:
        """Where a name starting at token ``j`` goes on after token ``k``: past a
        capitalised word, a particle ("bin", "de"), a hyphen ("Al-Assad", "Min-ho": a
        short lower-case syllable joined to a capitalised word), or a line wrap
        (:meth:`_name_joint`); ``k`` where it ends; ``None`` when token ``j`` is a state's
        name or demonym."""
        t = self._toks[k]
        if _is_cap(t) and (t.is_alpha or "-" in t.text or t.text.endswith(".")) and (
                t.lower_ not in TITLE_WORDS or k > j):
            entry = gz.lookup(t.text)
            if entry is not None and entry.get("kind") in ("country", "demonym"):
                return None if k == j else k
            return k + 1
        return k if k == j else self._name_joint(k)

    def _name_joint(self, k: int) -> int:
        """Where a name goes on past token ``k`` inside it when that is no capitalised
        word: past a particle, a hyphen or a line wrap; ``k`` when the name ends there."""
        doc = self._toks
        n = len(doc)
        t = doc[k]
        after = self._past_wrap(k + 1)
        if t.lower_ in NAME_PARTICLES and after < n and (
                _is_cap(doc[after]) or doc[k + 1].text == "-"):
            return k + 1
        if t.text == "-" and k + 1 < n:
            if _is_cap(doc[k + 1]):
                return k + 1
            syllable = doc[k + 1]
            if syllable.is_alpha and syllable.is_lower and len(syllable.text) <= 4 and \
                    syllable.lower_ not in _HYPHEN_SUFFIXES and not t.whitespace_ and \
                    not doc[k - 1].whitespace_ and _is_cap(doc[k - 1]):
                return k + 2  # "Min-ho", "Jong-un": a given name of hyphenated syllables
        wrapped = self._past_wrap(k)
        if wrapped > k and wrapped < n and _is_cap(doc[wrapped]) and doc[wrapped].is_alpha \
                and doc[wrapped].lower_ not in TITLE_WORDS:
            return wrapped  # "Richard\nWeizsaecker": a name wrapped over two lines
        return k

    def _ner_name_end(self, j: int, k: int) -> int:
        """The end of a name starting at ``j`` that the rules end at ``k``: further, to the
        end of a PERSON entity starting there (up to six tokens), but never on a
        possessive ("Richard Weizsaecker's motorcade": the entity ran on into the "'s")."""
        ends = [min(e, s + 6) for s, e in self._persons_ner if s == j]
        if not ends:
            return k
        k = max(k, ends[-1])
        while k > j + 1 and self._toks[k - 1].text in POSSESSIVE:
            k -= 1
        return k

    def _register(self, start: int, end: int, country: str, title: str | None) -> None:
        doc = self._toks
        full = self._text(start, end)
        keys = [gz.normalise(full)]
        parts = [
            t
            for t in doc[start:end]
            if t.is_alpha and t.lower_ not in NAME_PARTICLES and len(t.text) > 1
        ]
        for part in parts[-1:] + parts[:1]:  # the last and first word (one if the same)
            if part.lower_ not in keys:
                keys.append(part.lower_)
        self._register_keys(keys, country, full, title, start)

    def _register_keys(self, keys: Sequence[str], country: str, full: str,
                       title: str | None, start: int = -1) -> None:
        """Record a person introduced under ``keys`` (whose name starts at token
        ``start``); a key two states claim is ambiguous."""
        self._introduced.append(IntroducedPerson(tuple(keys), country, full, title, start))
        for key in keys:
            old = self._people.get(key)
            if old is not None and old[0] != country:
                self._conflict.add(key)
            else:
                self._people[key] = (country, full, title)

    def _people_by_pattern(self) -> None:
        """NATIONALITY ['s] TITLE [,] [Dr.] NAME  and  TITLE NAME (leaders file)."""
        doc = self._toks
        for m in list(self._found):
            if m.kind not in ("country", "demonym", "capital", "body"):
                continue
            j = m.end
            if j < len(doc) and doc[j].text in POSSESSIVE:
                j += 1
            t = self._title_at(j) or self._portfolio_title_at(j)
            if t is None:
                continue
            tend, title = t
            name = self._name_at(tend)
            if name is None:
                continue
            s, e = name
            if not self._free(s, e):
                continue
            self._register(s, e, m.country, title)
            self._add(s, e, m.country, "person", person=self._text(s, e), title=title)
        # TITLE NAME with the leaders file: "President Reagan", "Foreign Minister Ishaq Dar"
        i = 0
        while i < len(doc):
            if not self._cap[i] or doc[i].lower_ not in TITLE_WORDS:
                i += 1
                continue
            t = self._title_at(i)
            if t is None:
                i += 1
                continue
            tend, title = t
            name = self._name_at(tend)
            if name is None:
                i = tend
                continue
            s, e = name
            if self._free(s, e):
                code = self._leader(self._text(s, e), allow_ambiguous=True)
                if code is None and self._home_official(i, title):
                    code = self._home_state()
                if code is not None:
                    self._register(s, e, code, title)
                    self._add(s, e, code, "person", person=self._text(s, e), title=title)
            i = e

    def _home_official(self, i: int, title: str) -> bool:
        """Whether the title at token ``i`` ("Finance Minister", "Prime Minister") names a
        government post and begins its noun phrase ("Chrysler President" does not)."""
        if not set(title.lower().split()) & HOME_TITLE_HEADS:
            return False
        prev = self._toks[i - 1] if i > 0 else None
        return prev is None or not (_is_cap(prev) and prev.is_alpha) or _sent_start(self._toks, i)

    def _home_state(self) -> str | None:
        """The state a story is about: named (as a country, demonym, capital or body) at
        least twice and at least as often as any other, the first named on a tie. A
        minister named without a nationality ("Finance Minister Dilson Funaro said") serves
        that state."""
        if self._home is None:
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            # a left-out mention stands just before the parsed token it is placed at
            placed = [(m.country, m.start * 2, m.kind) for m in self._found]
            placed += [(m.country, m.start * 2 - 1, m.kind) for m in self.elsewhere]
            for country, position, kind in placed:
                if kind in ("country", "demonym", "capital", "body"):
                    counts[country] = counts.get(country, 0) + 1
                    first[country] = min(first.get(country, position), position)
            ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
            self._home = ranked[0] if ranked and counts[ranked[0]] >= 2 else ""
        return self._home or None

    def _people_by_apposition(self) -> None:
        """NAME, [the] STATE['s] TITLE and NAME, [the] TITLE of|for STATE: "Wang Yi, China's
        foreign minister", "Willy de Clercq, External Relations Commissioner of the European
        Communities" (NER PERSON names only)."""
        doc = self._toks
        by_start = {m.start: m for m in self._found if m.kind in ("country", "demonym")}
        for s, e in self._persons_ner:
            if not self._free(s, e) or e >= len(doc) or doc[e].text != ",":
                continue
            j = self._past_wrap(e + 1)
            if j < len(doc) and doc[j].lower_ == "the":
                j = self._past_wrap(j + 1)
            state = by_start.get(j)
            title: tuple[int, str] | None = None
            if state is not None:  # "Wang Yi, China's foreign minister"
                k = state.end + (state.end < len(doc) and doc[state.end].text in POSSESSIVE)
                title = self._title_at(k) or self._portfolio_title_at(k)
            else:  # "Sergei Lavrov, the foreign minister of Russia"
                title = self._title_at(j) or self._portfolio_title_at(j)
                if title is not None:
                    k = self._past_wrap(title[0])
                    if k < len(doc) and doc[k].lower_ in ("of", "for"):
                        k = self._past_wrap(k + 1)
                        if k < len(doc) and doc[k].lower_ == "the":
                            k = self._past_wrap(k + 1)
                        state = by_start.get(k)
            if state is None or title is None or \
                    not set(title[1].lower().split()) & (TITLE_HEADS - _NOT_OFFICIAL_HEADS):
                continue
            self._register(s, e, state.country, title[1])
            self._add(s, e, state.country, "person", person=self._text(s, e), title=title[1])

    def _leader(self, name: str, *, allow_ambiguous: bool) -> str | None:
        recs = gz.leaders_named(name)
        if not recs:
            return None
        key = gz.normalise(name)
        if not allow_ambiguous and gz.ambiguous_surname(name) and not _is_full(recs, key):
            return None
        return gz.leader_country(recs, self.when)

    def _people_by_name(self) -> None:
        """Later (or earlier) mentions of registered people and of leaders by name."""
        doc = self._toks
        n = len(doc)
        leader_starts = gz.leader_first_words()
        person_starts = {k.split(" ")[0] for k in self._people}
        i = 0
        while i < n:
            if not self._cap[i] or self._taken[i]:
                i += 1
                continue
            done = False
            first = gz.normalise(doc[i].text).split(" ")[0]
            if first not in leader_starts and first not in person_starts:
                i += 1
                continue
            for j in range(min(n, i + 5), i, -1):
                if not self._free(i, j):
                    continue
                if j - 1 > i and not _is_cap(doc[j - 1]):
                    continue
                text = self._text(i, j)
                key = gz.normalise(text)
                hit = self._people.get(key)
                if hit is not None and key not in self._conflict:
                    # a capitalised word that is the start of a longer unknown name is not him
                    if (
                        j < n
                        and _is_cap(doc[j])
                        and doc[j].is_alpha
                        and not self._taken[j]
                        and (
                            gz.lookup(doc[j].text) is None
                            and j - i == 1
                            and doc[j].lower_ not in TITLE_WORDS
                            and not _sent_start(doc, j)
                        )
                    ):
                        continue
                    self._add(i, j, hit[0], "person", person=hit[1], title=hit[2])
                    i = j
                    done = True
                    break
                span = self._in_person(i, j)
                if self._ner and span is None and j - i == 1 and not gz.leaders_named(text):
                    continue
                code = self._leader(text, allow_ambiguous=False)
                if code is not None and _glued(doc, i, j):
                    code = None  # "Mazar-i-Sharif": part of a hyphenated compound
                if code is not None:
                    prev = doc[i - 1] if i > 0 else None
                    nxt = doc[j] if j < n else None
                    # "Bob Dar", "Putin Street": a different name
                    if j - i == 1 and (
                        (
                            prev is not None
                            and _is_cap(prev)
                            and prev.is_alpha
                            and not _sent_start(doc, i - 1)
                            and prev.lower_ not in HONORIFICS
                            and prev.lower_ not in TITLE_WORDS
                        )
                        or (
                            nxt is not None and _is_cap(nxt) and nxt.is_alpha and not self._taken[j]
                        )
                    ):
                        continue
                    recs = gz.leaders_named(text)
                    full = recs[0]["name"] if recs else text
                    self._register(i, j, code, None)
                    self._add(
                        i,
                        j,
                        code,
                        "person",
                        person=full if _is_full(recs, key) else text,
                        title=None,
                    )
                    i = j
                    done = True
                    break
            if not done:
                i += 1

    # ------------------------------------------------------------------ places and context
    def _places(self) -> None:
        doc = self._toks
        n = len(doc)
        place_starts = gz.place_first_words()
        in_person = [False] * n  # token inside a PERSON entity
        for s, e in self._persons_ner:
            in_person[s:e] = [True] * (e - s)
        not_places = [(e.start, e.end) for e in self._ner if e.label_ in _NOT_PLACE_LABELS]
        entity_spans = frozenset((e.start, e.end) for e in self._ner) | frozenset(
            self._persons_ner)
        i = 0
        while i < n:
            if self._taken[i] or not self._cap[i] or not doc[i].is_alpha:
                i += 1
                continue
            done = False
            if gz.normalise(doc[i].text).split(" ")[0] not in place_starts:
                i += 1
                continue
            for j in range(min(n, i + 6), i, -1):
                if not self._free(i, j) or not (
                    self._cap[j - 1] or (doc[j - 1].is_lower and j - i > 2)
                ):
                    continue
                if self._ner and not self._placed_entity(i, j, entity_spans):
                    if in_person[i] or in_person[j - 1]:  # starts or ends inside a person
                        continue
                    if any(s <= i and j <= e for s, e in not_places):
                        continue
                text = self._text(i, j)
                code = gz.place_code(text)
                if code is None or len(code) != 3:
                    continue
                if j - i == 1 and _sent_start(doc, i) and doc[i].text.isupper():
                    continue
                if j - i == 1 and doc[i].text.isupper() and len(doc[i].text) <= 4:
                    continue  # acronyms are rarely cities
                if not self._team(i, j, "place"):
                    self._add(i, j, code, "place")
                i = j
                done = True
                break
            if not done:
                i += 1

    def _placed_entity(self, start: int, end: int, spans: frozenset[tuple[int, int]]) -> bool:
        """A whole named entity the tagger called a person or organisation that stands right
        after a preposition of place ("strikes on Raqqa", "shelling near Rafah"): the place
        name it also is wins."""
        if start == 0 or (start, end) not in spans:
            return False
        return self._toks[start - 1].lower_ in _PLACE_PREPS

    def _resolve_pending(
        self,
        pending: list[tuple[int, int, dict[str, Any]]],
        contextual: list[tuple[int, int, dict[str, Any], str]],
    ) -> None:
        """Ambiguous names ("Korea", "Georgia", "Congolese") resolve from the rest of the doc."""
        codes = {m.country for m in self._found if m.kind != "person"} | {
            m.country for m in self._found if m.kind == "person"
        }
        places_usa = any(m.country == "USA" and m.kind == "place" for m in self._found)
        for start, end, entry in pending:
            cands = [c for c in entry.get("candidates", []) if c in codes]
            if len(cands) != 1:
                continue
            if cands[0] == "GEO" and places_usa:
                continue
            for i in range(start, end):
                self._taken[i] = False
            self._add(start, end, cands[0], entry.get("kind", "country"))
        for start, end, entry, code in contextual:
            if code in codes:
                for i in range(start, end):
                    self._taken[i] = False
                self._add(start, end, code, entry.get("kind", "body"))


# Team names: how much text on each side of a name to show bilat.actors.teams.
_TEAM_WINDOW = 40




def _glued(doc: Sequence[Token] | Doc, start: int, end: int) -> bool:
    """Tokens start..end are joined by a hyphen to a neighbour ("Mazar-i-Sharif")."""
    if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        return True
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def _is_full(recs: list[dict[str, Any]], key: str) -> bool:
    for r in recs:
        if gz.normalise(r["name"]) == key or key in {gz.normalise(a) for a in r.get("aliases", [])}:
            return True
    return False
