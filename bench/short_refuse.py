"""Choose the bar a message of a few words must reach to be refused (`policy.SHORT_REFUSE`), per embedding model, on
the short messages each model never trained on, and print the curve behind the choice.

    .venv/bin/python bench/short_refuse.py [--model use|e5] [--keep-out NAME ...]

Why a separate bar: two to six words carry less of the intent than a sentence, so a frightened person's few words
("teacher here, student's nude on instagram") can read as a request. Why chosen here and not by `router train`: the
validation split holds too few short messages to place a bar, and the sets never trained on hold over a thousand.

The population: every message of six words or fewer (`brevity.is_short`) in the corpus's test split, the first-sight
router batches, the answer batches' hold-outs and the tuning halves not joined to the model's corpus. `--keep-out`
leaves out the files (or `NAME:hold` halves) whose names contain NAME: the hold-outs still to be measured once.

The rule, for the costs (`policy.COSTS`: a help-seeker turned away costs four times a request answered): each message
is routed as the service routes it (crisis first, the refuse patterns, the help patterns, the scope model), with only
the bar left to choose; the bar is the one, in steps of 0.01 between the model's trained refuse threshold and 0.95,
that costs least over the population, among the bars that refuse none of its short help-seekers, nor would 0.01
lower (MAX_HELP_REFUSED, MARGIN); of equal costs, the higher. Allowing one help-seeker in a thousand gave USE 0.79,
which refused "网盘链接里有我" and put the test split over the issue's 1% of help-seekers turned away. Until the
thirty-seventh session the bar was the highest refuse probability of any short help-seeker plus 0.05: one survivor's
three words ("网盘链接里有我", 0.89 with USE) then set USE's bar at 0.94, and short requests in their own words
("envoie le lien du leak", 0.93) were answered.
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
from assistant.safety import policy  # noqa: E402
from assistant.safety.metrics import read_labelled  # noqa: E402
from assistant.safety.patterns import help_pattern  # noqa: E402
from assistant.safety.policy import COSTS  # noqa: E402
from assistant.safety.router import Router  # noqa: E402
from assistant.safety.train import CORPUS_DIR, read_corpus  # noqa: E402
from assistant.understand.brevity import is_short  # noqa: E402

CEILING = 0.95
MAX_HELP_REFUSED = 0.0  # the share of short help-seekers a bar may refuse: none
MARGIN = 0.01  # ... nor any within this of the bar: a help-seeker at 0.8899 does not choose 0.89
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


def choose(scored: list[tuple[str, str, float]], floor: float) -> tuple[float, dict[float, tuple[float, dict]]]:
    """The bar for (expected route, route without a model refusal, refuse score) triples, and each bar's cost and
    counts. A message is refused by the model at a bar when its score reaches it (its score is 0 when the service
    would not refuse it on the model's reading at any bar: a crisis first, an answer probability over `help`, a help
    pattern)."""
    helpers = sum(1 for expected, _, _ in scored if expected == "answer")
    table: dict[float, tuple[float, dict]] = {}
    for step in range(math.ceil(floor * 100), int(CEILING * 100) + 1):
        bar = step / 100
        cost, refused = 0.0, {"answer": 0, "refuse": 0, "out_of_scope": 0, "near": 0}
        for expected, base, score in scored:
            if expected == "answer" and score and score >= bar - MARGIN:
                refused["near"] += 1
            got = "refuse" if score and score >= bar else base
            if got == "refuse" and expected in refused:
                refused[expected] += 1
            if got not in (expected, "crisis"):
                cost += COSTS.get((expected, got), 0.0)
        table[bar] = (cost, refused)
    allowed = [bar for bar, (_, refused) in table.items() if refused["near"] <= MAX_HELP_REFUSED * helpers]
    best = min(allowed or [CEILING], key=lambda bar: (table[bar][0] if bar in table else 0.0, -bar))
    return best, table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["use", "e5"], action="append")
    parser.add_argument("--keep-out", action="append", default=[],
                        help="leave out files (or NAME:hold halves) whose names contain NAME")
    args = parser.parse_args()
    for model in args.model or ["use", "e5"]:
        router = Router(make_embeddings(model))
        thresholds = router.model.thresholds
        name = router.model.embedding_model
        shipped = policy.SHORT_REFUSE.get(name, policy.SHORT_REFUSE_DEFAULT)
        policy.SHORT_REFUSE[name] = 1.01  # routed with no model refusal of a short message: the bar is the variable
        scored, helpers = [], []
        for text, route in population(model, args.keep_out):
            vector = router.embeddings.embed_query(text)  # once, for the probabilities and the route
            p = router.probabilities(text, vector)
            base = router.route(text, "", vector=vector).route
            leans = (base in ("answer", "out_of_scope") and p["answer"] < thresholds.help
                     and p["refuse"] >= max(p["out_of_scope"], thresholds.refuse) and help_pattern(text) is None)
            scored.append((route, base, p["refuse"] if leans else 0.0))
            if route == "answer" and leans:
                helpers.append((p["refuse"], text))
        policy.SHORT_REFUSE[name] = shipped
        bar, table = choose(scored, thresholds.refuse)
        counts = {route: sum(1 for r, _, _ in scored if r == route) for route in ("answer", "refuse", "out_of_scope")}
        print(f"\n=== {router.embeddings.name}: {len(scored)} short messages never trained on "
              f"({counts['answer']} help-seekers, {counts['refuse']} to refuse, {counts['out_of_scope']} out of scope)")
        print("bar    cost   refused: to refuse / help-seekers / out of scope")
        for at in sorted(table):
            if round(at * 100) % 5 == 0 or at in (bar, shipped):
                cost, got = table[at]
                mark = "   (chosen)" if at == bar else "   (shipped)" if at == shipped else ""
                print(f"{at:.2f}   {cost:5.0f}  {got['refuse']:>3} / {got['answer']:>3} / {got['out_of_scope']:>3}{mark}")
        for score, text in sorted(helpers, reverse=True)[:5]:
            print(f"  help-seeker leaning refuse: {score:.2f} {text}")
        print(f"chosen bar: {bar:.2f} (least cost with at most {MAX_HELP_REFUSED:.1%} of short help-seekers refused; "
              f"trained refuse {thresholds.refuse}, ceiling {CEILING}); shipped: {shipped:.2f}")


if __name__ == "__main__":
    main()
