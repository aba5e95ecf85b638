"""How often a model's answer is shown, and why it is replaced, with the tiny test model (or an endpoint you name).

    .venv/bin/python bench/generation.py [--limit 30] [--max-tokens N] [--base-url URL --model NAME]

Without --base-url it starts llama.cpp's server (xllamacpp) with SmolLM2-135M-Instruct on 127.0.0.1, as the tests do,
and asks the answer-route questions of the shared dev set (../shared/eval/dev.jsonl). Prints how many generated answers
were shown and how many were replaced by the grounded answer, the reason tags counted, and the latency of the grounded
answer and of generation (median and worst). The guard's own figures are bench/guard.py's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402

apply()

from assistant.answer.types import ComposedAnswer  # noqa: E402
from assistant.generate.compose import compose_generated  # noqa: E402
from assistant.service import Recourse  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.understand.person import understand  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.llm_server import MAX_TOKENS, start, stop  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--base-url")
    parser.add_argument("--model", default="default")
    parser.add_argument("--max-tokens", type=int, default=MAX_TOKENS, help="the tests' cap by default")
    args = parser.parse_args()
    questions = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [q for q in questions if q.get("route") == "answer"][:args.limit]
    proc = None
    base_url = args.base_url
    if base_url is None:
        port = free_port()
        proc = start(port)
        base_url = f"http://127.0.0.1:{port}/v1"
    try:
        service = Recourse(Settings(llm_base_url=base_url, llm_model=args.model, llm_max_tokens=args.max_tokens,
                                    llm_timeout_seconds=120), notify=lambda _: None)
        model, service.chat_model = service.chat_model, None  # grounded answers first, then generation on its own
        service.ensure_index()
        embeddings = service.embeddings
        shown, reasons, grounded_ms, generate_ms, by_language = 0, Counter(), [], [], Counter()
        for item in questions:
            t = time.perf_counter()
            result = service.ask(item["question"], item.get("jurisdiction"))
            grounded_ms.append((time.perf_counter() - t) * 1000)
            if result.route != "answer":
                reasons["routed_elsewhere"] += 1
                continue
            grounded = ComposedAnswer(result.blocks, result.citations, True, result.needs_place, result.needs_age,
                                      result.card)
            person = understand(item["question"], item.get("jurisdiction"))
            t = time.perf_counter()
            outcome = compose_generated(model, grounded, person, item["question"], embed=embeddings.embed_queries,
                                        floor=embeddings.source_floor, max_chars=service.settings.answer_max_chars)
            generate_ms.append((time.perf_counter() - t) * 1000)
            if outcome.composer == "generated":
                shown += 1
                by_language[person.language] += 1
            reasons.update(outcome.reasons)
        asked = len(generate_ms)
        print(f"{len(questions)} answer-route questions of {DEV.name}; {asked} answered, sent to {base_url}")
        print(f"generated answer shown: {shown}/{asked}; replaced by the grounded answer: {asked - shown}/{asked}")
        if by_language:
            print("shown by language: " + ", ".join(f"{k} {v}" for k, v in sorted(by_language.items())))
        print("reason tags (an answer can have several):")
        for tag, count in reasons.most_common():
            print(f"  {tag:18s} {count}")
        for name, values in (("grounded answer", grounded_ms), ("generation + guard", generate_ms)):
            if values:
                print(f"{name}: median {statistics.median(values):.0f} ms, worst {max(values):.0f} ms")
    finally:
        if proc is not None:
            stop(proc)


if __name__ == "__main__":
    main()
