"""Print the router's precision and recall per route, for both embedding models, on the labelled sets.

    .venv/bin/python bench/route_report.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.embeddings import make_embeddings  # noqa: E402
from assistant.route_metrics import evaluate_routes  # noqa: E402
from assistant.routing import Router  # noqa: E402

for model in ("use", "e5"):
    router = Router(make_embeddings(model))
    for name in ("routes.jsonl", "routes_fresh.jsonl"):
        start = time.perf_counter()
        report = evaluate_routes(router, ROOT / "tests" / "data" / name)
        print(f"\n{model} on {name} ({time.perf_counter() - start:.1f} s)\n{report.table()}")
        for expected, got, language, text in report.misses:
            print(f"  expected {expected}, got {got} [{language}] {text[:80]}")
