"""The router's learned model: a multinomial logistic regression (scikit-learn) over two kinds of features.

- the message's embedding, the vector the service computes anyway for retrieval (so routing costs no extra model);
- hashed character n-grams of the normalised text, which catch slang, typos and Chinese words the sentence
  embedding blurs (求资源, "kms", "nudes").

The trained model is stored as plain arrays in an ``.npz`` file, one per embedding model, with its thresholds and
a digest of the corpus it was trained on: no pickle, so loading it runs no code. Prediction is the model's own
formula (softmax of a linear score), which keeps routing within a fraction of a millisecond.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from assistant.safety.patterns import normalize

ROUTES: tuple[str, ...] = ("answer", "crisis", "refuse", "out_of_scope")
MODELS_DIR = Path(__file__).with_name("models")


@dataclass(frozen=True)
class FeatureConfig:
    """How text becomes features; stored with the model so training and serving cannot disagree."""

    ngram_min: int = 1
    ngram_max: int = 3
    hash_bits: int = 16
    char_weight: float = 1.0  # scale of the n-gram block against the unit-length embedding


@dataclass(frozen=True)
class Thresholds:
    """The policy's cut-offs on the model's probabilities, chosen for the costs by `recourse router train`."""

    crisis_possible: float  # at or above: the lines to call come first, with a gentle check
    crisis_likely: float  # at or above: the crisis answer speaks to someone in crisis
    refuse: float  # at or above, with no help-seeking signal: refused
    out_of_scope: float  # at or above, with no help-seeking signal: out of scope
    help: float  # answer probability at or above this is a help-seeking signal that blocks refuse and out_of_scope
    # One sentence of a longer message at or above this, scored alone: the lines to call come first (a crisis said
    # in one sentence among ordinary ones). Above 1: not used (models trained before it).
    crisis_sentence: float = 1.01


def vectorizer(config: FeatureConfig) -> HashingVectorizer:
    """The n-gram block as scikit-learn defines it; `features` computes the same numbers (tests/test_routing.py)."""
    return HashingVectorizer(analyzer="char_wb", ngram_range=(config.ngram_min, config.ngram_max),
                             n_features=2 ** config.hash_bits, alternate_sign=False, norm="l2",
                             preprocessor=normalize, dtype=np.float32)


@lru_cache(maxsize=8)
def _analyzer(config: FeatureConfig) -> Callable[[str], list[str]]:
    return vectorizer(config).build_analyzer()


def _hashed_grams(text: str, config: FeatureConfig) -> tuple[np.ndarray, np.ndarray]:
    """One message's n-gram block as HashingVectorizer computes it (murmurhash3 of each n-gram's UTF-8 bytes into
    2**hash_bits buckets, counts, l2 norm taken in double), without its per-call input checks, which took three
    quarters of the time of routing a message: (sorted bucket indices, float32 values)."""
    n_features = 2 ** config.hash_bits
    hashes = [murmurhash3_32(gram, seed=0) for gram in _analyzer(config)(text)]
    # As sklearn's _hashing_fast: abs(-2**31) is undefined in C, so that hash has a bucket of its own formula.
    buckets = np.array([(2147483647 - (n_features - 1)) % n_features if h == -2147483648 else abs(h) % n_features
                        for h in hashes], dtype=np.int32)
    indices, counts = np.unique(buckets, return_counts=True)
    counts = counts.astype(np.float32)
    norm = np.sqrt(np.sum(counts.astype(np.float64) ** 2))
    values = (counts / norm).astype(np.float32) if norm > 0 else counts
    return indices.astype(np.int32), values


def features(texts: list[str], vectors: np.ndarray, config: FeatureConfig) -> sparse.csr_matrix:
    """One row per message: the embedding, then the weighted n-gram block.

    Built directly as one CSR matrix holding exactly what `hstack([csr(vectors), vectorizer(config).transform(texts)
    * char_weight])` holds, in the same order, so every score computed from it is the same to the last bit.
    """
    dense = np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
    width = dense.shape[1]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    indptr = [0]
    for row, text in zip(dense, texts, strict=True):
        columns = np.flatnonzero(row).astype(np.int32)
        buckets, values = _hashed_grams(text, config)
        indices += [columns, buckets + np.int32(width)]
        data += [row[columns], values * config.char_weight]
        indptr.append(indptr[-1] + len(columns) + len(buckets))
    return sparse.csr_matrix((np.concatenate(data) if data else np.zeros(0, np.float32),
                              np.concatenate(indices) if indices else np.zeros(0, np.int32),
                              np.array(indptr, dtype=np.int32)),
                             shape=(len(texts), width + 2 ** config.hash_bits))


@dataclass
class RouterModel:
    """Weights, thresholds and provenance of one trained router (one per embedding model)."""

    embedding_model: str
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    config: FeatureConfig
    thresholds: Thresholds
    provenance: dict  # corpus digest, splits, hyper-parameters: what `router train` needs to reproduce it

    def probabilities(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """P(route | message) for each message, columns in `self.classes` order."""
        return softmax_scores(texts, vectors, self.config, self.coef_t, self.intercept)

    @cached_property
    def coef_t(self) -> np.ndarray:
        """The weights transposed, contiguous: a sparse row times `coef.T` copied all of it on every message."""
        return np.ascontiguousarray(self.coef.T)

    def save(self, path: Path) -> None:
        save_linear(path, self.coef, self.intercept,
                    {"embedding_model": self.embedding_model, "classes": list(self.classes),
                     "config": asdict(self.config), "thresholds": asdict(self.thresholds),
                     "provenance": self.provenance})

    @classmethod
    def load(cls, path: Path) -> RouterModel:
        coef, intercept, meta = load_linear(path)
        return cls(embedding_model=meta["embedding_model"], classes=tuple(meta["classes"]), coef=coef,
                   intercept=intercept, config=FeatureConfig(**meta["config"]), thresholds=Thresholds(**meta["thresholds"]),
                   provenance=meta["provenance"])


def softmax_scores(texts: list[str], vectors: np.ndarray, config: FeatureConfig, coef_t: np.ndarray,
                   intercept: np.ndarray) -> np.ndarray:
    """A linear model's class probabilities over `features` (softmax of the scores), one row per message."""
    scores = np.asarray(features(texts, vectors, config) @ coef_t + intercept, dtype=np.float64)
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def save_linear(path: Path, coef: np.ndarray, intercept: np.ndarray, meta: dict) -> None:
    """A linear model as plain arrays (no pickle, so loading runs no code), with its metadata as JSON."""
    # Only the n-gram columns that some training message used are non-zero: store the matrix sparse.
    matrix = sparse.csr_matrix(np.asarray(coef, dtype=np.float32))
    np.savez_compressed(path, data=matrix.data, indices=matrix.indices, indptr=matrix.indptr,
                        shape=np.array(matrix.shape), intercept=np.asarray(intercept, dtype=np.float32),
                        meta=np.array(json.dumps(meta, sort_keys=True, ensure_ascii=False)))


def load_linear(path: Path) -> tuple[np.ndarray, np.ndarray, dict]:
    """(coef, intercept, metadata) of a model written by `save_linear`."""
    with np.load(path, allow_pickle=False) as arrays:
        meta = json.loads(str(arrays["meta"]))
        coef = sparse.csr_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=tuple(arrays["shape"]))
        intercept = arrays["intercept"].astype(np.float64)
    return coef.toarray(), intercept, meta


def model_path(embedding_name: str, folder: Path = MODELS_DIR) -> Path:
    """Where the router trained on this embedding model's vectors is kept."""
    return folder / f"router-{embedding_name}.npz"
