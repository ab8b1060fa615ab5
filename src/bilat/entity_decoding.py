"""spaCy's entity recogniser decoded in NumPy: the same entities, a fraction of the time.

spaCy's ``ner`` component finds entities with a greedy transition system (BILUO: begin,
in, last, unit, out). Its compiled decoding loop asks, for every token and each of the
recogniser's actions (74 for the English pipelines), whether the action is allowed; on
spaCy 3.8's wheels each of those checks takes Python's global interpreter lock several
times, and on news text the loop costs more than the recogniser's neural network: about
half of ``en_core_web_sm``'s time is the recogniser, most of it this loop.

:class:`EntityDecoder` runs the same decoding for a whole batch of documents at once with
NumPy arrays, one step per token position:

- the recogniser's own network gives the token vectors and the precomputed feature
  layer (thinc, as spaCy calls it);
- each state's three features (the next token, the first token of an open entity, the
  token before the next) are summed in spaCy's order, maxed over the pieces, and scored
  by the output layer with the same BLIS product spaCy's loop calls, with the rows in the
  same order;
- the allowed actions are spaCy's rules for a document with no preset entities (no
  entity across a sentence start, none starting on white space, an open entity closed by
  its own label), and the best allowed action is the first highest score, as in spaCy.

The entities are therefore exactly spaCy's: ``tests/test_entity_decoding.py`` compares
them on news-style sentences, random text and real news articles. :func:`numpy_entities`
stands the decoder in for every recogniser that qualifies, for as long as the ``with``
block lasts, and puts the pipeline back after it. A recogniser qualifies when it is
spaCy's own ``EntityRecognizer`` with greedy decoding, its stock model (a feature layer of
three features and an output layer) on CPU arrays, BILUO actions and no post-processing
hooks. A batch holding a document whose entities were set before the recogniser (an
``entity_ruler`` earlier in the pipeline, say) is left to spaCy, whose rules for preset
entities the decoder does not repeat.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from bilat.validation import check_choice

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ENTITY_DECODERS", "EntityDecoder", "check_entity_decoder", "numpy_entities"]

ENTITY_DECODERS = ("auto", "spacy")
"""The ``entity_decoder`` settings of :class:`bilat.Extractor`: bilat's NumPy decoder for
every recogniser that qualifies (``"auto"``), or spaCy's own loop (``"spacy"``)."""

# the BILUO moves of spaCy's ``BiluoPushDown``, by the letter its action names start with
_BEGIN, _IN, _LAST, _UNIT, _OUT = range(1, 6)
_MOVES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT}


def check_entity_decoder(value: object) -> str:
    """``value`` if it is one of :data:`ENTITY_DECODERS`; a clear error otherwise."""
    return check_choice("entity_decoder", value, ENTITY_DECODERS)


class EntityDecoder:
    """Greedy BILUO decoding of one spaCy ``EntityRecognizer``, batch-wise in NumPy.

    Build one with :meth:`of`, which returns ``None`` for a recogniser the decoder does
    not reproduce exactly. :meth:`annotate` then sets on a batch of documents the entities
    the recogniser's own ``predict`` and ``set_annotations`` would set.
    """

    def __init__(self, recogniser: Any, actions: _Actions) -> None:
        self.recogniser = recogniser
        self.label_names = actions.label_names
        model = recogniser.model
        self._tok2vec, self._lower, self._upper = model.layers
        self._moves = np.array(actions.moves, dtype=np.int64)
        # every action's label as an index into label_names (0: no label)
        self._labels = np.array(actions.labels, dtype=np.int64)
        labelled = self._labels != 0
        self._begin = (self._moves == _BEGIN) & labelled
        self._in = (self._moves == _IN) & labelled
        self._last = (self._moves == _LAST) & labelled
        self._unit = (self._moves == _UNIT) & labelled
        self._out = self._moves == _OUT

    @classmethod
    def of(cls, recogniser: Any) -> EntityDecoder | None:
        """The decoder of ``recogniser``, or ``None`` when it is not spaCy's own greedy
        recogniser with the stock transition model on CPU arrays (the decoder would not
        give exactly its entities)."""
        from spacy.pipeline import EntityRecognizer
        from thinc.api import NumpyOps

        if type(recogniser) is not EntityRecognizer:
            return None
        if recogniser.cfg.get("beam_width", 1) != 1 or list(recogniser.postprocesses):
            return None
        if type(recogniser.moves).__name__ != "BiluoPushDown":
            return None
        model = recogniser.model
        if model.name != "parser_model" or len(model.layers) != 3 \
                or not model.attrs.get("has_upper"):
            return None
        _, lower, upper = model.layers
        if lower.name != "precomputable_affine" or not isinstance(lower.ops, NumpyOps):
            return None
        actions = _actions(recogniser)
        if actions is None or _blis_ops() is None:
            return None
        try:
            shapes_fit = lower.get_dim("nF") == 3 and upper.get_param("W").shape == (
                len(actions.moves), lower.get_dim("nO"))
        except (KeyError, ValueError, AttributeError):
            return None
        return cls(recogniser, actions) if shapes_fit else None

    @staticmethod
    def takes(docs: list[Doc]) -> bool:
        """Whether the decoder gives spaCy's entities for ``docs``: some document has a
        token, and none has entity annotation set before the recogniser."""
        from spacy.attrs import ENT_IOB, ENT_TYPE

        return any(len(doc) for doc in docs) and not any(
            doc.to_array([ENT_IOB, ENT_TYPE]).any() for doc in docs if len(doc))

    def entities(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """Every document's entities as ``(start, end, label index)`` token spans, in
        the order the recogniser closes them (documents as :meth:`takes` accepts)."""
        from spacy.attrs import IS_SPACE, SENT_START

        lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        total = int(lengths.sum())
        # per token: starts a sentence (spaCy's sent_start == 1), is white space
        starts = np.zeros(total + 1, dtype=bool)
        space = np.zeros(total, dtype=bool)
        for doc, offset in zip(docs, offsets.tolist(), strict=True):
            if len(doc):
                columns = doc.to_array([SENT_START, IS_SPACE])
                starts[offset:offset + len(doc)] = columns[:, 0] == 1
                space[offset:offset + len(doc)] = columns[:, 1] != 0
        features = self._features(docs)
        weights = _Weights.of(self.recogniser.model)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        state = _States(len(docs))
        active = np.flatnonzero(lengths > 0)
        for step in range(int(lengths.max())):
            if not len(active):
                break
            base = offsets[active]
            has_next = lengths[active] > step + 1
            scores = self._scores(features, weights, state, active, base, step)
            allowed = self._allowed(state, active, has_next,
                                    has_next & starts[base + step + 1], space[base + step])
            best = np.where(allowed, scores, -np.inf).argmax(axis=1)
            state.advance(active, step, self._moves[best], self._labels[best], found)
            if not has_next.all():
                active = active[has_next]
        return found

    def annotate(self, docs: list[Doc]) -> None:
        """Set on ``docs`` the entities the recogniser would set (as :meth:`takes`
        accepts them): every other token is outside an entity."""
        from spacy.attrs import ENT_KB_ID
        from spacy.tokens import Span

        for doc, spans in zip(docs, self.entities(docs), strict=True):
            kb_ids = doc.to_array(ENT_KB_ID) if spans else None
            ents = [Span(doc, start, end, label=self.label_names[label],
                         kb_id=int(kb_ids[start]))
                    for start, end, label in spans] if kb_ids is not None else []
            # spaCy sets its entities leaving other tokens unmodified, then marks every
            # token still unannotated as outside; with no entity set before (takes), that
            # is "outside" for every token not in an entity
            doc.set_ents(ents, default="outside")

    def _features(self, docs: list[Doc]) -> Any:
        """The feature layer's output for every token (row 0: the padding of a missing
        feature; token ``i`` of the batch at row ``i + 1``), as ``(rows, 3, hidden *
        pieces)`` float32."""
        vectors = self._tok2vec.predict(docs)
        cached = self._lower.predict(vectors)
        rows, n_features, width, pieces = cached.shape
        return np.ascontiguousarray(cached).reshape(rows, n_features, width * pieces)

    def _scores(self, features: Any, weights: _Weights, state: _States, active: Any,
                base: Any, step: int) -> Any:
        """The output layer's scores of the active states at token ``step``
        (``base``: their documents' first rows), as spaCy's ``predict_states`` gives
        them."""
        open_ = state.open[active]
        here = base + step
        first = np.where(open_, base + state.start[active] + 1, 0)
        before = np.where(open_, here, 0)
        # zero plus the three features in spaCy's order, then the bias: the same float32
        # roundings as its loop of saxpy calls
        hidden = (features[here + 1, 0] + np.float32(0.0)) + features[first, 1]
        hidden = (hidden + features[before, 2]) + weights.feature_bias
        hidden = np.ascontiguousarray(
            hidden.reshape(len(active), weights.width, -1).max(axis=2))
        scores = _blis_ops().gemm(hidden, weights.output, trans2=True)
        scores += weights.output_bias
        if len(weights.unseen):
            scores[:, weights.unseen] = scores.min()
        return scores

    def _allowed(self, state: _States, active: Any, has_next: Any, next_starts: Any,
                 space: Any) -> Any:
        """Which actions each active state may take (spaCy's ``is_valid`` rules for a
        document with no preset entities), as a ``(states, actions)`` bool array."""
        open_ = state.open[active]
        shut = ~open_
        same_label = self._labels[None, :] == state.label[active][:, None]
        begin = shut & has_next & ~next_starts & ~space
        inside = open_ & has_next & ~next_starts
        return ((self._begin & begin[:, None]) | (self._unit & (shut & ~space)[:, None])
                | (self._out & shut[:, None])
                | (((self._in & inside[:, None]) | (self._last & open_[:, None]))
                   & same_label))


class _Weights:
    """The parameters the decoding loop reads, fetched once per batch (a recogniser in
    training changes them): the feature layer's bias and width, the output layer's
    weights and bias, and the classes spaCy scores as unseen."""

    def __init__(self, feature_bias: Any, width: int, output: Any, output_bias: Any,
                 unseen: Any) -> None:
        self.feature_bias = feature_bias
        self.width = width
        self.output = output
        self.output_bias = output_bias
        self.unseen = unseen

    @classmethod
    def of(cls, model: Any) -> _Weights:
        _, lower, upper = model.layers
        unseen = np.array(sorted(model.attrs.get("unseen_classes", ())), dtype=np.int64)
        return cls(lower.get_param("b").reshape(-1), int(lower.get_dim("nO")),
                   upper.get_param("W"), upper.get_param("b"), unseen)


class _States:
    """The decoding state of a batch: per document, whether an entity is open, its
    first token and its label index."""

    def __init__(self, size: int) -> None:
        self.open = np.zeros(size, dtype=bool)
        self.start = np.zeros(size, dtype=np.int64)
        self.label = np.zeros(size, dtype=np.int64)

    def advance(self, active: Any, step: int, moves: Any, labels: Any,
                found: list[list[tuple[int, int, int]]]) -> None:
        """Apply each active state's chosen move at token ``step``, recording the
        entities closed."""
        begins = moves == _BEGIN
        if begins.any():
            chosen = active[begins]
            self.open[chosen] = True
            self.start[chosen] = step
            self.label[chosen] = labels[begins]
        closes = (moves == _LAST) | (moves == _UNIT)
        if closes.any():
            for k in np.flatnonzero(closes).tolist():
                doc = int(active[k])
                if moves[k] == _LAST:
                    found[doc].append((int(self.start[doc]), step + 1, int(self.label[doc])))
                    self.open[doc] = False
                else:
                    found[doc].append((step, step + 1, int(labels[k])))


@cache
def _blis_ops() -> Any:
    """thinc's ``NumpyOps`` on BLIS, whose product is the one spaCy's decoding loop calls
    (``None`` where thinc has no BLIS)."""
    from thinc.api import NumpyOps

    try:
        return NumpyOps(use_blis=True)
    except ValueError:
        return None


def _batches(items: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """``items`` in lists of ``size`` (the last one shorter), as spaCy's ``minibatch``."""
    batch: list[Doc] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Actions:
    """A recogniser's actions: each one's BILUO move and label (an index into
    ``label_names``, whose entry 0 is no label)."""

    def __init__(self, moves: list[int], labels: list[int], label_names: list[str]) -> None:
        self.moves = moves
        self.labels = labels
        self.label_names = label_names


def _actions(recogniser: Any) -> _Actions | None:
    """The recogniser's actions, read from their names once; ``None`` for an action that
    is not ``B-``, ``I-``, ``L-``, ``U-`` or ``O``."""
    moves: list[int] = []
    labels: list[int] = []
    index = {"": 0}
    for i in range(recogniser.moves.n_moves):
        name = recogniser.moves.get_class_name(i)
        if name == "O":
            moves.append(_OUT)
            labels.append(0)
            continue
        letter, dash, label = name.partition("-")
        if letter not in _MOVES or not dash:
            return None
        moves.append(_MOVES[letter])
        labels.append(index.setdefault(label, len(index)))
    return _Actions(moves, labels, list(index))


class _DecodedRecogniser:
    """Stands in for a recogniser in its pipeline: the same ``pipe`` and ``__call__``,
    batched as spaCy's parser batches (sorted by length, in quarters of the batch), with
    each batch the decoder takes decoded by it and any other left to the recogniser."""

    def __init__(self, recogniser: Any, decoder: EntityDecoder) -> None:
        self.recogniser = recogniser
        self.decoder = decoder

    def __getattr__(self, name: str) -> Any:
        return getattr(self.recogniser, name)

    def _annotate(self, docs: list[Doc]) -> None:
        if self.decoder.takes(docs):
            self.decoder.annotate(docs)
        else:
            self.recogniser.set_annotations(docs, self.recogniser.predict(docs))

    def __call__(self, doc: Doc) -> Doc:
        """The recogniser's ``__call__``: one document."""
        try:
            self._annotate([doc])
        except Exception as error:  # spaCy's handler decides (by default: raise)
            self.recogniser.get_error_handler()(self.recogniser.name, self.recogniser,
                                                [doc], error)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """The recogniser's ``pipe``: documents in order, annotated."""
        for in_order in _batches(docs, batch_size):
            try:
                by_length = sorted(in_order, key=len)
                for part in _batches(by_length, max(batch_size // 4, 2)):
                    self._annotate(part)
            except Exception as error:
                self.recogniser.get_error_handler()(self.recogniser.name, self.recogniser,
                                                    in_order, error)
            yield from in_order


# per recogniser: the number of actions it was judged with, and its decoder (None when it
# does not qualify); judged again when actions are added (a recogniser in training)
_DECODERS: weakref.WeakKeyDictionary[Any, tuple[int, EntityDecoder | None]] = \
    weakref.WeakKeyDictionary()


def _decoder(recogniser: Any) -> EntityDecoder | None:
    moves = getattr(recogniser, "moves", None)
    version = int(getattr(moves, "n_moves", -1))
    try:
        known = _DECODERS.get(recogniser)
    except TypeError:  # not weakly referenceable: judged every time
        return EntityDecoder.of(recogniser)
    if known is not None and known[0] == version:
        return known[1]
    decoder = EntityDecoder.of(recogniser)
    _DECODERS[recogniser] = (version, decoder)
    return decoder


@contextmanager
def numpy_entities(nlp: Language, entity_decoder: str = "auto") -> Iterator[bool]:
    """Within the block, every entity recogniser of ``nlp`` that qualifies
    (:meth:`EntityDecoder.of`) is decoded by :class:`EntityDecoder`; after it, the
    pipeline is as it was.

    Args:
        nlp: the pipeline.
        entity_decoder: ``"auto"`` decodes with NumPy where the recogniser qualifies;
            ``"spacy"`` leaves every recogniser to spaCy.

    Yields:
        Whether a recogniser was stood in for.
    """
    check_entity_decoder(entity_decoder)
    components = getattr(nlp, "_components", None)
    swapped: list[tuple[int, Any, _DecodedRecogniser]] = []
    if entity_decoder == "auto" and isinstance(components, list):
        for i, entry in enumerate(components):
            if not (isinstance(entry, tuple) and len(entry) == 2):
                continue
            name, proc = entry
            decoder = _decoder(proc)
            if decoder is not None:
                stand_in = _DecodedRecogniser(proc, decoder)
                components[i] = (name, stand_in)
                swapped.append((i, proc, stand_in))
    try:
        yield bool(swapped)
    finally:
        for i, proc, stand_in in swapped:
            if i < len(components or ()) and components is not None \
                    and components[i][1] is stand_in:
                components[i] = (components[i][0], proc)
