"""The router's learned model: a multinomial logistic regression (scikit-learn) over two kinds of features, blended
with a vote of the labelled messages nearest to the message.

- the message's embedding, the vector the service computes anyway for retrieval (so routing costs no extra model);
- hashed character n-grams of the normalised text, which catch slang, typos and Chinese words the sentence
  embedding blurs (求资源, "kms", "nudes");
- the nearest labelled messages (`Neighbours`): a linear model draws one boundary per route, but "out of scope" is
  a landlord, a phone plan and a jailbreak at once, and a request to refuse comes in many unrelated shapes. The
  labels of the most similar messages the corpus holds follow those many islands; blended with the linear model's
  probabilities for every route but crisis (`blend`; weight chosen out of fold), they catch more refusals and more
  out-of-scope messages. Crisis stays the linear model's alone.

The trained model is stored as plain arrays in an ``.npz`` file, one per embedding model, with its thresholds and
a digest of the corpus it was trained on: no pickle, so loading it runs no code. Prediction is the model's own
formula (softmax of a linear score, blended with the vote), a few milliseconds a message.
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
class Neighbours:
    """The training messages' embeddings and routes, for a vote of the `k` nearest (cosine) to a message.

    Each vote is weighted by exp(similarity / temperature), relative to the nearest, and divided by the route's share
    of the corpus, so a large route does not win by its size. Exact brute force: a few thousand vectors take about a
    millisecond. Stored as int8 rows with one scale each (a quarter of float32; cosines change in the third decimal).
    """

    vectors: np.ndarray  # (n, dim) float32, unit length
    labels: np.ndarray  # (n,) index into the model's classes
    k: int
    temperature: float
    weight: float  # the share of the vote in the blended probabilities

    @classmethod
    def of(cls, vectors: np.ndarray, labels: np.ndarray, k: int, temperature: float, weight: float) -> Neighbours:
        return cls(unit_rows(vectors), np.asarray(labels, dtype=np.int64), k, temperature, weight)

    @cached_property
    def prior(self) -> np.ndarray:
        counts = np.bincount(self.labels, minlength=int(self.labels.max()) + 1).astype(np.float64)
        return counts / counts.sum()

    def vote(self, vectors: np.ndarray) -> np.ndarray:
        """P(route) by the nearest messages' labels, one row per message (columns: the model's classes)."""
        return neighbour_vote(unit_rows(vectors) @ self.vectors.T, self.labels, self.prior, self.k, self.temperature)


def blend(linear: np.ndarray, vote: np.ndarray, weight: float, crisis: int) -> np.ndarray:
    """The linear model's probabilities with the vote at `weight` for every route but crisis, whose probability stays
    the linear model's.

    Why crisis is kept out of the vote: a crisis said in one sentence after an ordinary question ("how do I report a
    channel? I can't go on") is labelled crisis whole, so its neighbours include plain questions; blended, the vote
    lifted crisis on plain questions ("How do I report a Telegram channel?") and they were given the lines to call
    first (tried and reverted, thirteenth session). The vote helps where the linear model is weak, refusals and out of
    scope; crisis keeps the linear model, the sentence check and the patterns. The other routes share what the
    linear model leaves after crisis, in the blend's proportions.
    """
    mixed = (1 - weight) * linear + weight * vote
    mixed[:, crisis] = 0.0
    mixed *= (1 - linear[:, crisis:crisis + 1]) / np.maximum(mixed.sum(axis=1, keepdims=True), 1e-12)
    mixed[:, crisis] = linear[:, crisis]
    return mixed


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1)


def neighbour_vote(similarity: np.ndarray, labels: np.ndarray, prior: np.ndarray, k: int,
                   temperature: float) -> np.ndarray:
    """The weighted, prior-corrected vote of each row's `k` most similar columns (see `Neighbours`)."""
    k = min(k, similarity.shape[1])
    nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    sims = np.take_along_axis(similarity, nearest, axis=1).astype(np.float64)
    weights = np.exp((sims - sims.max(axis=1, keepdims=True)) / temperature)
    votes = np.zeros((len(similarity), len(prior)))
    for route in range(len(prior)):
        votes[:, route] = (weights * (labels[nearest] == route)).sum(axis=1) / prior[route]
    return votes / votes.sum(axis=1, keepdims=True)


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
    neighbours: Neighbours | None = None  # None: the linear model alone (models trained before the vote)

    def probabilities(self, texts: list[str], vectors: np.ndarray, rows=None) -> np.ndarray:
        """P(route | message) for each message, columns in `self.classes` order. `rows`: the messages' `features`
        for this model's config, when already made (the scope model reads the same ones)."""
        linear = softmax_scores(texts, vectors, self.config, self.coef_t, self.intercept, rows)
        if self.neighbours is None or self.neighbours.weight == 0:
            return linear
        return blend(linear, self.neighbours.vote(vectors), self.neighbours.weight, self.classes.index("crisis"))

    def crisis_probability(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        """P(crisis | message), the linear model's alone: the vote never moves crisis (`blend`), so the sentence check
        skips it."""
        return softmax_scores(texts, vectors, self.config, self.coef_t, self.intercept)[:, self.classes.index("crisis")]

    @cached_property
    def coef_t(self) -> np.ndarray:
        """The weights transposed, contiguous: a sparse row times `coef.T` copied all of it on every message."""
        return np.ascontiguousarray(self.coef.T)

    def save(self, path: Path) -> None:
        meta = {"embedding_model": self.embedding_model, "classes": list(self.classes),
                "config": asdict(self.config), "thresholds": asdict(self.thresholds), "provenance": self.provenance}
        extra = {}
        if self.neighbours is not None:
            nb = self.neighbours
            meta["neighbours"] = {"k": nb.k, "temperature": nb.temperature, "weight": nb.weight}
            scale = np.abs(nb.vectors).max(axis=1, keepdims=True) / 127
            scale = np.where(scale > 0, scale, 1).astype(np.float32)
            extra = {"neighbour_rows": np.round(nb.vectors / scale).astype(np.int8),
                     "neighbour_scale": scale.ravel(), "neighbour_labels": nb.labels.astype(np.int8)}
        save_linear(path, self.coef, self.intercept, meta, extra)

    @classmethod
    def load(cls, path: Path) -> RouterModel:
        coef, intercept, meta = load_linear(path)
        neighbours = None
        if "neighbours" in meta:
            with np.load(path, allow_pickle=False) as arrays:
                rows = arrays["neighbour_rows"].astype(np.float32) * arrays["neighbour_scale"][:, None]
                labels = arrays["neighbour_labels"].astype(np.int64)
            neighbours = Neighbours.of(rows, labels, **meta["neighbours"])
        return cls(embedding_model=meta["embedding_model"], classes=tuple(meta["classes"]), coef=coef,
                   intercept=intercept, config=FeatureConfig(**meta["config"]), thresholds=Thresholds(**meta["thresholds"]),
                   provenance=meta["provenance"], neighbours=neighbours)


def softmax_scores(texts: list[str], vectors: np.ndarray, config: FeatureConfig, coef_t: np.ndarray,
                   intercept: np.ndarray, rows=None) -> np.ndarray:
    """A linear model's class probabilities over `features` (softmax of the scores), one row per message; `rows`:
    those features, when already made."""
    rows = features(texts, vectors, config) if rows is None else rows
    scores = np.asarray(rows @ coef_t + intercept, dtype=np.float64)
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def save_linear(path: Path, coef: np.ndarray, intercept: np.ndarray, meta: dict,
                extra: dict[str, np.ndarray] | None = None) -> None:
    """A linear model as plain arrays (no pickle, so loading runs no code), with its metadata as JSON and any
    `extra` arrays beside it."""
    # Only the n-gram columns that some training message used are non-zero: store the matrix sparse.
    matrix = sparse.csr_matrix(np.asarray(coef, dtype=np.float32))
    np.savez_compressed(path, data=matrix.data, indices=matrix.indices, indptr=matrix.indptr,
                        shape=np.array(matrix.shape), intercept=np.asarray(intercept, dtype=np.float32),
                        meta=np.array(json.dumps(meta, sort_keys=True, ensure_ascii=False)), **(extra or {}))


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
