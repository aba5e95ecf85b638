"""Questions written blind, labelled with the card whose answer holds the most of the facts a caseworker gives.

The situation model (`cards.SituationModel`) learns which card a message describes from the cards' example messages,
written by the people who wrote the cards. People who never saw the cards write differently, and the questions of
the blind answer batches' tuning halves (`bench/data/answers_firstsight*_tune.jsonl`) say so in their own words.
Each of them is answered once with every card (`bench/card_labels.py`); the card whose answer holds the most of the
question's expected facts is its label, when that card clearly beats the others (`best_card`). The model then
trains on the examples and on these questions, so it learns from how people actually describe their situation,
not from rules fitted to the questions seen. The hold-out halves are never labelled: they measure it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from assistant.safety.metrics import json_lines
from assistant.settings import LABELS_FILE

# A question is labelled only when its best card holds at least MARGIN more facts than the median card (a question
# that every card answers as well teaches nothing), and when at most MAX_TIES cards share the best count. Chosen on
# the spent hold-out halves 1-22 (never labelled), USE: margin 1 with 3 / 8 / any ties -> +40 / +54 / +49 facts of
# 5,833; margin 0.5 with 8 -> +53; each label counted twice -> +42 (bench/data/README.md).
MARGIN = 1.0
MAX_TIES = 8


@dataclass(frozen=True)
class LabelledQuestion:
    """One blind question and the card that answers it; `source` is the batch file and question id."""

    text: str
    language: str
    card: str
    source: str


def best_card(facts: Mapping[str, int], current: str | None, probability: Mapping[str, float],
              margin: float = MARGIN, max_ties: int = MAX_TIES) -> str | None:
    """The card to label a question with, from the facts each card's answer held (`facts`: only the cards the
    person may be given); None when no card clearly answers it better than the rest. Of several cards with the
    most facts, the one the question already got (`current`), else the one the situation model finds likeliest:
    a label then moves the model only where another card answers better."""
    if not facts:
        return None
    best = max(facts.values())
    tied = [card for card, found in facts.items() if found == best]
    if best == 0 or best - median(facts.values()) < margin or len(tied) > max_ties:
        return None
    if current in tied:
        return current
    return max(tied, key=lambda card: (probability.get(card, 0.0), card))


def read_labelled_questions(path: Path = LABELS_FILE) -> list[LabelledQuestion]:
    """The labelled questions; a line that is not JSON or lacks a field names the file, the line and the field. An
    absent file (a package built without it) is no labels."""
    if not path.exists():
        return []
    return [LabelledQuestion(row["text"], row["language"], row["card"], row["source"])
            for _, row in json_lines(path, ("text", "language", "card", "source"))]


def write_labelled_questions(rows: Iterable[LabelledQuestion], path: Path = LABELS_FILE) -> None:
    """One JSON object per line, in the order given (the batches' order), written whole then renamed."""
    partial = path.with_name(f".{path.name}.tmp")
    partial.write_text("".join(json.dumps({"text": r.text, "language": r.language, "card": r.card,
                                           "source": r.source}, ensure_ascii=False) + "\n" for r in rows),
                       encoding="utf-8")
    partial.replace(path)


def labels_digest(rows: Iterable[LabelledQuestion]) -> str:
    """What the situation model depends on in the labels: each question's text and card."""
    blob = json.dumps([[r.text, r.card] for r in rows], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]
