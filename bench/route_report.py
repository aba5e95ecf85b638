"""Print the router's precision and recall per route and per language, the confusion matrix and the time to route one
message, for both embedding models, on the labelled sets.

    .venv/bin/python bench/route_report.py [--misses]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.embeddings import make_embeddings  # noqa: E402
from assistant.route_metrics import evaluate_routes  # noqa: E402
from assistant.routing import Router, read_exemplars  # noqa: E402

SETS = ("routes.jsonl", "routes_fresh.jsonl", "routes_batch3.jsonl", "routes_batch4.jsonl")


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
        return f"median {statistics.median(values):.1f} ms, p95 {statistics.quantiles(values, n=20)[-1]:.1f} ms"

    return f"route() with embedding: {summary(whole)}; with the vector given: {summary(given)}"


def main() -> None:
    show_misses = "--misses" in sys.argv
    texts = [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / SETS[0]).read_text().splitlines() if line]
    for model in ("use", "e5"):
        router = Router(make_embeddings(model))
        start = time.perf_counter()
        router.route("warm up", "en")
        print(f"\n=== {router.embeddings.name}: model and {len(read_exemplars())} exemplars ready in "
              f"{time.perf_counter() - start:.1f} s")
        print(timing(router, texts))
        for name in SETS:
            report = evaluate_routes(router, ROOT / "tests" / "data" / name)
            print(f"\n--- {name}, all languages\n{report.table()}\n{report.matrix()}")
            for language in ("en", "zh", "fr"):
                print(f"--- {name}, {language}\n{report.language(language).table()}")
            if show_misses:
                for expected, got, language, text in report.misses:
                    print(f"  expected {expected}, got {got} [{language}] {text[:90]}")


if __name__ == "__main__":
    main()
