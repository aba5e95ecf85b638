"""How well the situation model picks the card, measured on the cards' own example messages (5-fold), against the
nearest example alone.

    .venv/bin/python bench/card_model.py

Prints, per language, the share of held-out examples whose card is picked right: the nearest example (cosine, within
the language), and the logistic regression on the embedding and character n-grams, trained on the examples of all
three languages (assistant/answer/cards.py). Run after `kb build`, on the current index.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402  (offline, single-threaded BLAS: before numpy loads)

apply()

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from assistant.answer.cards import FEATURES, C  # noqa: E402
from assistant.safety.classifier import features  # noqa: E402
from assistant.service import Recourse  # noqa: E402
from assistant.settings import get_settings  # noqa: E402


def main() -> None:
    snapshot = Recourse(get_settings()).snapshot()
    ids = [cid for lang in sorted(snapshot.examples) for cid in snapshot.examples[lang][0]]
    vectors = np.stack([snapshot.vectors[cid] for cid in ids])
    labels = np.array([snapshot.records[cid]["metadata"]["group"] for cid in ids])
    languages = np.array([snapshot.records[cid]["metadata"]["language"] for cid in ids])
    texts = [snapshot.records[cid]["text"] for cid in ids]
    matrix = features(texts, vectors, FEATURES)
    nearest = np.zeros(len(ids), bool)
    model = np.zeros(len(ids), bool)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(matrix, labels):
        fitted = LogisticRegression(C=C, max_iter=3000).fit(matrix[train], labels[train])
        model[test] = fitted.predict(matrix[test]) == labels[test]
        for row in test:  # the nearest training example in the same language
            same = train[languages[train] == languages[row]]
            nearest[row] = labels[same[np.argmax(vectors[same] @ vectors[row])]] == labels[row]
    print(f"{len(ids)} examples, {len(set(labels))} cards")
    for language in ("en", "zh", "fr"):
        rows = languages == language
        print(f"{language}: nearest example {nearest[rows].mean():.1%}, situation model {model[rows].mean():.1%}")


if __name__ == "__main__":
    main()
