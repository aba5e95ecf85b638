"""The router's and the situation model's features are computed without scikit-learn's per-call checks; these tests
hold them to scikit-learn's own definition, bit for bit, so no route or card can change."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from assistant.answer.cards import FEATURES as CARD_FEATURES
from assistant.safety.classifier import RouterModel, blend, features, model_path, softmax_scores, vectorizer
from assistant.safety.train import read_corpus
from tests.conftest import shared_embeddings, split_vectors


def reference(texts: list[str], vectors: np.ndarray, config) -> sparse.csr_matrix:
    """The features as first written: scikit-learn's HashingVectorizer beside the embedding."""
    grams = vectorizer(config).transform(texts) * config.char_weight
    return sparse.hstack([sparse.csr_matrix(np.asarray(vectors, dtype=np.float32)), grams], format="csr")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    # Every message of the router's corpus, plus the edges: empty, spaces, a lone character, mixed scripts.
    return [r["text"] for r in read_corpus().rows] + ["", "   ", "a", "救", "éé É", "kms!!! 求资源 nudes 226-2-1"]


@pytest.mark.parametrize("config", ["router", "cards"])
def test_ngram_features_equal_scikit_learns_bit_for_bit(texts, config):
    config = RouterModel.load(model_path("usem3-multilingual-v3")).config if config == "router" else CARD_FEATURES
    vectors = np.random.default_rng(0).standard_normal((len(texts), 8)).astype(np.float32)
    vectors[:, 3] = 0.0  # an exact zero is left out of the sparse row, as csr_matrix leaves it out
    ours, theirs = features(texts, vectors, config), reference(texts, vectors, config)
    theirs.sort_indices()
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


def test_router_probabilities_are_unchanged_on_the_test_split():
    _, texts, vectors = split_vectors("use")
    model = RouterModel.load(model_path(shared_embeddings("use").name))
    scores = np.asarray(reference(texts, vectors, model.config) @ model.coef.T + model.intercept, dtype=np.float64)
    scores -= scores.max(axis=1, keepdims=True)
    expected = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    linear = softmax_scores(texts, vectors, model.config, model.coef_t, model.intercept)
    assert np.array_equal(linear, expected)
    one = np.vstack([softmax_scores([t], v[None, :], model.config, model.coef_t, model.intercept)
                     for t, v in zip(texts[:50], vectors[:50], strict=True)])
    assert np.array_equal(one, expected[:50])
    # The shipped model blends the linear model with the nearest messages' vote (classifier.Neighbours), for every
    # route but crisis, whose probability stays the linear model's.
    crisis = model.classes.index("crisis")
    blended = (blend(expected, model.neighbours.vote(vectors), model.neighbours.weight, crisis)
               if model.neighbours else expected)
    assert np.allclose(model.probabilities(texts, vectors), blended, rtol=0, atol=1e-9)
    assert np.array_equal(model.probabilities(texts, vectors)[:, crisis], expected[:, crisis])
    assert np.array_equal(model.crisis_probability(texts, vectors), expected[:, crisis])  # the sentence check's
