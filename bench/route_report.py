"""Print the safety router's figures: precision and recall per route and per language, the confusion matrix and
the time to route one message, for both embedding models, on

- the corpus's test split (batches never trained on nor used to choose anything), and
- each first-sight batch in bench/data/routes_firstsight_*.jsonl (written blind after training, measured once),
  each half on its own when the batch is split (`half`: tune, whose lines may be trained on, and hold).

    .venv/bin/python bench/route_report.py [--misses] [--model use|e5] [--only NAME]

`--only NAME` reports only the first-sight batches whose file name contains NAME (and not the test split): the way
to measure one new batch once, at first sight.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402  (offline, single-threaded BLAS: before numpy loads)

apply()

from assistant.index.embeddings import make_embeddings
from assistant.safety.metrics import evaluate_router, read_labelled
from assistant.safety.router import Router
from assistant.safety.train import read_corpus


def timing(router: Router, texts: list[str]) -> str:
    """Milliseconds per message: the whole route() (embedding included), and with the vector already computed."""
    whole, given = [], []
    for text in texts:
        start = time.perf_counter()
        router.route(text, "")
        whole.append((time.perf_counter() - start) * 1000)
        vector = router.embeddings.embed_query(text)
        start = time.perf_counter()
        router.route(text, "", vector=vector)
        given.append((time.perf_counter() - start) * 1000)

    def summary(values: list[float]) -> str:
        return f"median {statistics.median(values):.2f} ms, p95 {statistics.quantiles(values, n=20)[-1]:.2f} ms"

    return f"route() with embedding: {summary(whole)}; with the vector given: {summary(given)}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list every misrouted message")
    parser.add_argument("--model", choices=["use", "e5"], action="append")
    parser.add_argument("--only", help="only the first-sight batches whose file name contains this")
    args = parser.parse_args()
    corpus = read_corpus()
    test_rows, _ = corpus.split(test=True)
    sets = {} if args.only else {f"test split ({', '.join(corpus.test_batches)})": test_rows}
    for path in sorted((ROOT / "bench" / "data").glob("routes_firstsight_*.jsonl")):
        if args.only and args.only not in path.name:
            continue
        rows = read_labelled(path)
        halves = sorted({row.get("half", "") for row in rows})
        for half in halves:
            label = f", {half} half" if half else ""
            sets[f"first sight: {path.name}{label}"] = [row for row in rows if row.get("half", "") == half]
    for model in args.model or ["use", "e5"]:
        router = Router(make_embeddings(model))
        router.route("warm up", "en")
        print(f"\n=== {router.embeddings.name}: thresholds {router.model.thresholds}")
        print(timing(router, [row["text"] for row in test_rows[:300]]))
        for name, rows in sets.items():
            report = evaluate_router(router, rows)
            print(f"\n--- {name}: {report.summary()}\n{report.table()}\n{report.matrix()}")
            for language in ("en", "zh", "fr"):
                print(f"  {language}: {report.language(language).summary()}")
            if args.misses:
                for expected, got, language, text in report.misses:
                    print(f"  expected {expected}, got {got} [{language}] {text[:100]}")


if __name__ == "__main__":
    main()
