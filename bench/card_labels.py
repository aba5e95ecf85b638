"""Label the blind answer batches' tuning halves with the card that answers each question best, for the situation
model (assistant/answer/labels.py), and write assistant/answer/labelled_questions.jsonl.

Each question is answered with every card the person may be given (route answer, as `ask` would compose it), and
the facts each answer holds are counted (the same scoring as `recourse eval`). `labels.best_card` keeps a label only
when one card clearly answers better. The service runs without any labels here (`situation_labels=None`), so the
labels come from the cards and the examples alone and a rerun on the same guidance writes the same file. The
hold-out halves are read only to leave out a question also written, word for word, in one of them. Run it after the
cards change, or when a new blind batch's tuning half arrives, then `recourse kb build` (which retrains the situation
model); about 3 minutes with USE on a quiet 2-core machine.

    .venv/bin/python bench/card_labels.py [--check]   # --check: print what would change, write nothing
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402

apply()

from assistant.answer.labels import (  # noqa: E402
    LabelledQuestion,
    best_card,
    read_labelled_questions,
    write_labelled_questions,
)
from assistant.evaluation.scoring import facts_found  # noqa: E402
from assistant.safety.metrics import json_lines  # noqa: E402
from assistant.service import Recourse  # noqa: E402
from assistant.settings import LABELS_FILE, get_settings  # noqa: E402

BATCHES = ROOT / "bench" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="print what would change; write nothing")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    service = Recourse(get_settings().model_copy(update={"situation_labels": None}), notify=lambda _: None)
    # A question written word for word in a hold-out half too ("should i pay him", "能匿名举报吗") is not labelled:
    # the hold-out halves measure the model, and must not hold a question it learnt.
    held_out = {row["question"] for path in BATCHES.glob("answers_firstsight*_holdout.jsonl")
                for _, row in json_lines(path, ("question",))}
    labelled: list[LabelledQuestion] = []
    moved = 0
    for path in sorted(BATCHES.glob("answers_firstsight*_tune.jsonl")):
        for _, row in json_lines(path, ("id", "question", "language")):
            if row["question"] in held_out:
                continue
            chosen, answers = service.card_answers(row["question"], row.get("jurisdiction"))
            facts = {card: sum(facts_found(answer.answer, row["expect"])) for card, answer in answers.items()}
            snapshot = service.snapshot()
            vector = service.embeddings.query_vector(row["question"])
            probability = service.situations(snapshot).probabilities(row["question"], vector)
            card = best_card(facts, chosen, probability)
            if card is not None:
                labelled.append(LabelledQuestion(row["question"], row["language"], card, f"{path.stem}/{row['id']}"))
                moved += card != chosen
        print(f"{path.name}: {len(labelled)} labelled so far", flush=True)
    print(f"{len(labelled)} questions labelled, {moved} with a card other than the one they get without labels")
    print("by card:", ", ".join(f"{card} {n}" for card, n in Counter(q.card for q in labelled).most_common()))
    before = {(q.source, q.card) for q in read_labelled_questions()}
    after = {(q.source, q.card) for q in labelled}
    print(f"against {LABELS_FILE.name}: {len(after - before)} new or changed, {len(before - after)} gone")
    if not args.check:
        write_labelled_questions(labelled)
        print(f"wrote {LABELS_FILE}; run `recourse kb build` to retrain the situation model")


if __name__ == "__main__":
    main()
