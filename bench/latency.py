"""Index build time and warm `ask` latency, in-process.

    .venv/bin/python bench/latency.py [--model use|e5] [--rounds 5]

Builds the whole knowledge base from scratch into a temporary index (full build), times three one-document updates,
then asks every question of shared/eval/dev.jsonl (plus the labelled extra questions) several rounds after one
warm-up round, and prints p50/p95/p99 of the total and of each stage.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402  (offline, single-threaded BLAS: before numpy loads)

apply()

from assistant.service import Recourse
from assistant.settings import Settings
from assistant.vocabulary import percentile


def questions() -> list[tuple[str, str | None]]:
    rows = []
    dev = ROOT.parent / "shared" / "eval" / "dev.jsonl"
    for path in (dev, ROOT / "bench" / "retrieval_extra.jsonl"):
        if path.exists():
            rows += [(r["question"], r.get("jurisdiction")) for r in map(json.loads, path.open(encoding="utf-8"))]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="use", choices=["use", "e5"])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="recourse-bench-"))
    knowledge = tmp / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    settings = Settings(knowledge_dir=knowledge, index_dir=tmp / "index", embedding_model=args.model)
    service = Recourse(settings, notify=lambda _: None)

    start = time.perf_counter()
    report = service.build(full=True)
    print(f"full build: {time.perf_counter() - start:.1f} s ({report.passages} passages, {len(report.added)} documents)")

    # Three edits in a row: the first two write a new generation each; from the third on, a build rewrites the spare
    # generation the store keeps (only the passages that differ), which is what a maintainer's edits meet.
    page = knowledge / "telegram" / "en.md"
    for n in ("A", "B", "C"):
        page.write_text(page.read_text(encoding="utf-8").replace("## ", f"## Updated {n}: ", 1), encoding="utf-8")
        start = time.perf_counter()
        report = service.build()
        print(f"one-document update {n}: {time.perf_counter() - start:.2f} s ({report.embedded} passages embedded, "
              f"{report.written} written)")

    service.warm_up()
    asked = questions()
    for question, place in asked:  # one warm-up round
        service.ask(question, place)
    totals: list[float] = []
    stages: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for question, place in asked:
            result = service.ask(question, place)
            totals.append(result.timing_ms["total"])
            for stage, ms in result.timing_ms.items():
                stages.setdefault(stage, []).append(ms)
    print(f"warm ask ({len(totals)} asks, {service.embeddings.name}): p50 {percentile(totals, 50):.1f} ms, "
          f"p95 {percentile(totals, 95):.1f} ms, p99 {percentile(totals, 99):.1f} ms, mean {statistics.mean(totals):.1f} ms")
    for stage, values in stages.items():
        if stage != "total":
            print(f"  {stage:9s} p50 {percentile(values, 50):6.1f} ms  p95 {percentile(values, 95):6.1f} ms")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
