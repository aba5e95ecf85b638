"""Out of scope, read by a model of its own: is this message about intimate images at all?

The router's four-way model answers many requests that sit near the subject without being about it (a WeChat
password, a parcel-fee scam text, a divorce, a hacked game account): they share its words ("account", "threat",
"pay", "report") and the answer path then quotes a card at them ("Do not pay" to a bank scam). Teaching the
four-way model that border moved its crisis threshold every time (the batches written for it wait in
`corpus/pending/`, assistant/safety/corpus/README.md). This binary model learns only the border of scope, from every
labelled message including `pending/`, so it can use that data without touching how crisis is read.

It acts only where the router answers a message with no crisis signal and no help-seeking pattern: it never removes
the lines to call, never turns a refusal into anything else, and a message it puts out of scope gets the same
"Recourse only answers questions about ..." as the router's out of scope. Its threshold is chosen on out-of-fold
predictions (grouped by batch) for the policy's costs (`policy.COSTS`): a help-seeker put out of scope costs 20,
an unrelated message answered 1, so it speaks only when very sure.

Stored as plain arrays in an ``.npz`` beside the router's model, with its threshold and a digest of what it was
trained on; rebuilt by `recourse router train` (or `recourse router train --part scope`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.safety.classifier import MODELS_DIR, FeatureConfig, features, load_linear, save_linear
from assistant.safety.metrics import read_labelled
from assistant.safety.policy import COSTS

PENDING = "pending"  # the corpus's folder of batches the four-way model does not train on
C = 4.0
FOLDS = 5
THRESHOLD_GRID = np.round(np.arange(0.50, 0.99, 0.01), 3)


@dataclass
class ScopeModel:
    """Weights, threshold and provenance of one trained scope model (one per embedding model)."""

    embedding_model: str
    coef: np.ndarray  # (1, features)
    intercept: np.ndarray  # (1,)
    config: FeatureConfig
    threshold: float  # P(out of scope) at or above which an answered message is put out of scope
    provenance: dict

    @cached_property
    def coef_t(self) -> np.ndarray:
        return np.ascontiguousarray(self.coef.T)

    def probability(self, texts: list[str], vectors: np.ndarray, rows=None) -> np.ndarray:
        """P(out of scope | message), one value per message; `rows`: the messages' `features` for this model's
        config, when already made (the router's, which it shares)."""
        if rows is None:
            rows = features(texts, np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1), self.config)
        scores = np.asarray(rows @ self.coef_t, dtype=np.float64).ravel()
        return 1.0 / (1.0 + np.exp(-(scores + float(self.intercept[0]))))

    def save(self, path: Path) -> None:
        save_linear(path, self.coef, self.intercept,
                    {"embedding_model": self.embedding_model, "config": asdict(self.config),
                     "threshold": self.threshold, "provenance": self.provenance})

    @classmethod
    def load(cls, path: Path) -> ScopeModel:
        coef, intercept, meta = load_linear(path)
        return cls(meta["embedding_model"], coef, intercept, FeatureConfig(**meta["config"]), float(meta["threshold"]),
                   meta["provenance"])


def scope_path(embedding_name: str, folder: Path = MODELS_DIR) -> Path:
    return folder / f"scope-{embedding_name}.npz"


def pending_rows(corpus_dir: Path, tested: set[str]) -> tuple[list[dict], list[str]]:
    """The labelled messages of `corpus/pending/` (each file a batch), without any that is word for word in the test
    split."""
    rows, batches = [], []
    for path in sorted((corpus_dir / PENDING).glob("*.jsonl")):
        for row in read_labelled(path):
            if row["text"] not in tested:
                rows.append(row)
                batches.append(f"{PENDING}/{path.stem}")
    return rows, batches


def digest(rows: list[dict], batches: list[str]) -> str:
    blob = json.dumps([[b, r["text"], r["route"]] for b, r in zip(batches, rows, strict=True)], ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def choose_threshold(probability: np.ndarray, routes: list[str], answered: np.ndarray) -> tuple[float, float]:
    """The threshold with the lowest change in the policy's cost (`policy.COSTS`) over the messages the router
    answers (`answered`), from out-of-fold probabilities: each message put out of scope trades its cost answered for
    its cost out of scope. Returns (threshold, change in cost); ties go to the higher threshold. When no threshold
    lowers the cost, the threshold is above 1 and the model never acts."""
    change = np.array([COSTS.get((route, "out_of_scope"), 0.0) - COSTS.get((route, "answer"), 0.0)
                       for route in routes])
    best, best_cost = 1.01, 0.0
    for threshold in THRESHOLD_GRID[::-1]:
        cost = float(change[answered & (probability >= threshold)].sum())
        if cost < best_cost - 1e-9:
            best, best_cost = float(threshold), cost
    return best, best_cost


def _fit(matrix, y: np.ndarray):
    """The scope model's logistic regression (the same in every fold and in the final fit)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(matrix, y)


def out_of_fold(texts: list[str], vectors: np.ndarray, y: np.ndarray, groups: list[str],
                config: FeatureConfig) -> np.ndarray:
    """Each message's P(out of scope) from a model that did not see its batch (grouped cross-validation)."""
    from sklearn.model_selection import GroupKFold

    matrix = features(texts, vectors, config)
    out = np.zeros(len(texts))
    for train, held in GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(matrix, y, groups):
        out[held] = _fit(matrix[train], y[train]).predict_proba(matrix[held])[:, 1]
    return out


def train(embedding_name: str, rows: list[dict], batches: list[str], vectors: np.ndarray, answered: np.ndarray,
          config: FeatureConfig, out: Path | None = None, log: Callable[[str], None] = print) -> ScopeModel:
    """Fit the scope model on `rows` (the router's training messages and `pending/`, embedded as `vectors`), choose
    its threshold on out-of-fold predictions where the router answers (`answered`: the router's own out-of-fold
    decisions for the messages it trains on, its decisions for the rest), save and return it."""
    texts = [row["text"] for row in rows]
    routes = [row["route"] for row in rows]
    y = np.array([route == "out_of_scope" for route in routes], dtype=int)
    probability = out_of_fold(texts, vectors, y, batches, config)
    threshold, change = choose_threshold(probability, routes, answered)
    acted = answered & (probability >= threshold)
    moved = Counter(routes[i] for i in np.flatnonzero(acted))
    counts = {route: moved[route] for route in ("answer", "crisis", "refuse", "out_of_scope")}
    log(f"  scope: threshold {threshold} (out-of-fold cost change {change:+.1f}; of the messages the router answers "
        f"it puts out of scope {counts['out_of_scope']} unrelated, {counts['refuse']} requests to refuse, "
        f"{counts['answer']} help-seekers, {counts['crisis']} crisis)")
    fitted = _fit(features(texts, vectors, config), y)
    model = ScopeModel(embedding_name, fitted.coef_, fitted.intercept_, config, threshold,
                       {"corpus_digest": digest(rows, batches), "train_messages": len(rows),
                        "train_batches": sorted(set(batches)), "C": C, "folds": FOLDS,
                        "out_of_fold_cost_change": round(change, 1), "out_of_fold_acted": counts})
    path = out or scope_path(embedding_name)
    model.save(path)
    log(f"  saved {path} ({path.stat().st_size // 1024} KiB)")
    return model
