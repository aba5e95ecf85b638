"""How well the guard separates faithful generated answers from faulty ones, on tests/data/guard_cases.jsonl.

    .venv/bin/python bench/guard.py [use|e5] [--json]

Prints the share of injected faults caught (must be 100%), the share of faithful rewrites passed (must be >= 90%),
both per fault type and language, and the closeness measurement behind the similarity floor: each faithful
sentence's cosine to the passage it cites, against each sentence cited to an unrelated passage (the floor on the
embedding model must lie between the two). `--json` prints the figures as one JSON object (tests/test_guard.py).
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402

apply()

from assistant.evaluation.scoring import PHONE_BUDGET  # noqa: E402
from assistant.generate.guard import check, closeness, split_sentences  # noqa: E402
from assistant.index.embeddings import make_embeddings  # noqa: E402

CASES = ROOT / "tests" / "data" / "guard_cases.jsonl"


def load_cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def cached(embed):
    """The embedding with a memory: the cases share their passages, so each text is embedded once."""
    seen: dict[str, np.ndarray] = {}

    def embed_texts(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in seen]
        if missing:
            seen.update(zip(missing, embed(missing), strict=True))
        return np.stack([seen[t] for t in texts])

    return embed_texts


def run(model: str = "use") -> dict:
    embeddings = make_embeddings(model)
    embed = cached(embeddings.embed_queries)
    floor = embeddings.source_floor
    cases = load_cases()
    by_type: dict[str, Counter] = defaultdict(Counter)
    reasons: dict[str, Counter] = defaultdict(Counter)
    missed: list[str] = []
    for case in cases:
        passages = {int(n): text for n, text in case["passages"].items()}
        verdict = check(case["text"], passages, case["language"], embed=embed, floor=floor, max_chars=PHONE_BUDGET,
                        named=case["question"])
        key = case["fault"] if case["expect"] == "fail" else "faithful"
        right = verdict.passed == (case["expect"] == "pass")
        by_type[key]["right"] += right
        by_type[key]["all"] += 1
        by_type[f"{key}/{case['language']}"]["right"] += right
        by_type[f"{key}/{case['language']}"]["all"] += 1
        reasons[key].update(verdict.reasons)
        if not right:
            missed.append(f"{case['id']}: {','.join(verdict.reasons) or 'passed'}")
    faithful, unrelated = [], []
    for case in cases:
        if case["fault"] not in ("none", "unrelated_passage"):
            continue
        passages = {int(n): text for n, text in case["passages"].items()}
        for sentence, numbers in split_sentences(case["text"]):
            if not numbers or numbers[0] not in passages:
                continue
            near = closeness(embed, sentence, passages[numbers[0]])
            if case["fault"] == "none":
                faithful.append(near)
            elif numbers[0] == len(passages):  # the sentence re-cited to the unrelated passage (the last one)
                unrelated.append(near)
    faults = [k for k in by_type if "/" not in k and k != "faithful"]
    caught = sum(by_type[k]["right"] for k in faults)
    total = sum(by_type[k]["all"] for k in faults)
    return {
        "model": embeddings.name, "floor": floor, "cases": len(cases),
        "faults_caught": caught, "faults": total, "faithful_passed": by_type["faithful"]["right"],
        "faithful": by_type["faithful"]["all"],
        "per_type": {k: [v["right"], v["all"]] for k, v in sorted(by_type.items())},
        "reasons": {k: dict(v.most_common()) for k, v in sorted(reasons.items())},
        "closeness": {"faithful": _spread(faithful), "unrelated": _spread(unrelated)},
        "wrong": missed,
    }


def _spread(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    return {"n": len(values), "min": round(ordered[0], 3), "p05": round(ordered[int(0.05 * len(ordered))], 3),
            "median": round(statistics.median(ordered), 3), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
            "max": round(ordered[-1], 3)}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    figures = run(args[0] if args else "use")
    if "--json" in sys.argv:
        print(json.dumps(figures, ensure_ascii=False))
        return
    print(f"guard on {figures['cases']} cases, {figures['model']}, floor {figures['floor']}")
    print(f"faults caught: {figures['faults_caught']}/{figures['faults']} "
          f"({100 * figures['faults_caught'] / figures['faults']:.1f}%)")
    print(f"faithful passed: {figures['faithful_passed']}/{figures['faithful']} "
          f"({100 * figures['faithful_passed'] / figures['faithful']:.1f}%)")
    print("\nper type (right/all) and the reasons the guard gave:")
    for key, (right, total) in figures["per_type"].items():
        if "/" not in key:
            tags = ", ".join(f"{t} {n}" for t, n in figures["reasons"].get(key, {}).items())
            print(f"  {key:20s} {right:3d}/{total:<3d}  {tags}")
    print("\ncloseness to the cited passage (cosine to its nearest line):")
    for name, spread in figures["closeness"].items():
        print(f"  {name:10s} {spread}")
    if figures["wrong"]:
        print("\nwrong verdicts:")
        for line in figures["wrong"]:
            print("  " + line)


if __name__ == "__main__":
    main()
