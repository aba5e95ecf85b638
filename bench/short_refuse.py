"""Choose the bar a message of a few words must reach to be refused (`policy.SHORT_REFUSE`), per embedding model, on
the short messages each model never trained on, and print the curve behind the choice.

    .venv/bin/python bench/short_refuse.py [--model use|e5] [--keep-out NAME ...]

Why a separate bar: two to six words carry less of the intent than a sentence, so a frightened person's few words
("teacher here, student's nude on instagram") can read as a request. Why chosen here and not by `router train`: the
validation split holds too few short messages to place a bar, and the sets never trained on hold over a thousand.

The population: every message of six words or fewer (`brevity.is_short`) in the corpus's test split, the first-sight
router batches, the answer batches' hold-outs and the tuning halves not joined to the model's corpus. `--keep-out`
leaves out the files (or `NAME:hold` halves) whose names contain NAME: the hold-outs still to be measured once.

The rule, for the costs (`policy.COSTS`: a help-seeker turned away costs four times a request answered): the bar is
the highest refuse probability of any short help-seeker the policy would otherwise refuse (no crisis, answer
probability under `help`, refuse at least out of scope), help patterns ignored, plus a margin of 0.05 for wording
never seen; never below the model's trained refuse threshold and never above 0.95.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402  (offline, single-threaded BLAS: before numpy loads)

apply()

import yaml  # noqa: E402

from assistant.evaluation.scoring import read_questions  # noqa: E402
from assistant.index.embeddings import make_embeddings  # noqa: E402
from assistant.safety.metrics import read_labelled  # noqa: E402
from assistant.safety.router import Router  # noqa: E402
from assistant.safety.train import CORPUS_DIR, read_corpus  # noqa: E402
from assistant.understand.brevity import is_short  # noqa: E402

MARGIN = 0.05
CEILING = 0.95
DATA = ROOT / "bench" / "data"


def population(model: str, keep_out: list[str]) -> list[tuple[str, str]]:
    """(text, expected route) of every short message the model never trained on, minus the kept-out files/halves."""

    def kept_out(name: str, half: str = "") -> bool:
        for item in keep_out:
            stem, _, only = item.partition(":")
            if stem in name and (not only or only == half):
                return True
        return False

    rows: list[tuple[str, str]] = []
    corpus = read_corpus(model=model)
    test_rows, _ = corpus.split(test=True)
    rows += [(row["text"], row["route"]) for row in test_rows]
    for path in sorted(DATA.glob("routes_firstsight_*.jsonl")):
        rows += [(row["text"], row["route"]) for row in read_labelled(path)
                 if not kept_out(path.name, row.get("half", ""))]
    splits = yaml.safe_load((CORPUS_DIR / "splits.yaml").read_text(encoding="utf-8"))
    not_joined = set(splits.get("answers_not_joined") or ())
    not_joined |= set((splits.get("answers_not_joined_by_model") or {}).get(model) or ())
    for path in sorted(DATA.glob("answers_firstsight*_*.jsonl")):
        unseen = path.stem.endswith("_holdout") or path.stem in not_joined
        if unseen and not kept_out(path.name):
            rows += [(question.question, question.routes[0]) for question in read_questions(path)]
    return [(text, route) for text, route in rows if is_short(text)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["use", "e5"], action="append")
    parser.add_argument("--keep-out", action="append", default=[],
                        help="leave out files (or NAME:hold halves) whose names contain NAME")
    args = parser.parse_args()
    for model in args.model or ["use", "e5"]:
        router = Router(make_embeddings(model))
        thresholds = router.model.thresholds
        scored = []
        for text, route in population(model, args.keep_out):
            vector = router.embeddings.embed_query(text)  # once, for the probabilities and the route
            p = router.probabilities(text, vector)
            crisis = router.route(text, "", vector=vector).route == "crisis"
            leans = not crisis and p["answer"] < thresholds.help and p["refuse"] >= p["out_of_scope"]
            scored.append((route, p["refuse"] if leans else 0.0, text))
        helpers = [(score, text) for route, score, text in scored if route == "answer" and score > 0]
        highest = max((score for score, _ in helpers), default=0.0)
        bar = min(CEILING, max(thresholds.refuse, math.ceil((highest + MARGIN) * 100) / 100))
        counts = {route: sum(1 for r, _, _ in scored if r == route) for route in ("answer", "refuse", "out_of_scope")}
        print(f"\n=== {router.embeddings.name}: {len(scored)} short messages never trained on "
              f"({counts['answer']} help-seekers, {counts['refuse']} to refuse, {counts['out_of_scope']} out of scope)")
        print("bar    refused: to refuse / help-seekers / out of scope")
        for step in range(int(thresholds.refuse * 100), 96, 5):
            at = max(step / 100, thresholds.refuse)
            got = {route: sum(1 for r, score, _ in scored if r == route and score >= at) for route in counts}
            print(f"{at:.2f}   {got['refuse']:>3} / {got['answer']:>3} / {got['out_of_scope']:>3}")
        for score, text in sorted(helpers, reverse=True)[:5]:
            print(f"  help-seeker leaning refuse: {score:.2f} {text}")
        got = {route: sum(1 for r, score, _ in scored if r == route and score >= bar) for route in counts}
        print(f"{bar:.2f}   {got['refuse']:>3} / {got['answer']:>3} / {got['out_of_scope']:>3}   (the chosen bar)")
        print(f"chosen bar: {bar:.2f} (highest help-seeker {highest:.2f} + {MARGIN}; trained refuse "
              f"{thresholds.refuse}, ceiling {CEILING})")


if __name__ == "__main__":
    main()
