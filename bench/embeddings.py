"""Compare the embedding models inside Recourse's own retrieval, on labelled questions.

For each question the label lists the topics (knowledge/ folders) that answer it. Prints, per model, hit@1 and
hit@3 (a passage of a right topic first / in the top three) for dense retrieval alone and for the hybrid
(dense + BM25) that Recourse uses, the relevance-floor separation, the index build time and the query latency.

    .venv/bin/python bench/embeddings.py [use|e5] [--reuse]   # indexes in /tmp/recourse-bench-*
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402  (offline, single-threaded BLAS: before numpy loads)

apply()

from assistant.service import Recourse
from assistant.settings import Settings
from assistant.understand.audience import detect_audience
from assistant.understand.language import detect_language
from assistant.understand.place import detect_jurisdiction

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
UNRELATED = ["What's a good recipe for pork dumplings?", "Write me a poem about the ocean.",
             "What is the boiling point of tungsten?", "Who won the football world cup in 2018?",
             "How do I sort a list in Python?", "What will the weather be tomorrow in Paris?",
             "Recommend a good novel to read", "How do I change a car tyre?", "明天北京天气怎么样？", "给我讲个笑话",
             "红烧肉怎么做？", "怎么学好英语？", "Quelle est la capitale du Canada ?", "Donne-moi une recette de crêpes",
             "Comment apprendre la guitare ?", "Écris un poème sur la mer", "How do I file my taxes?",
             "What's the best phone to buy?", "我的电脑很慢怎么办", "Comment réparer mon vélo ?"]


def labelled() -> list[tuple[str, str, str | None, list[str]]]:
    """(id, question, jurisdiction given by the user or None, right topics)."""
    rows = []
    questions = {}
    if DEV.exists():
        questions = {row["id"]: row for row in map(json.loads, DEV.open(encoding="utf-8"))}
    for line in (ROOT / "bench" / "retrieval_labels.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in questions:
            q = questions[row["id"]]
            rows.append((row["id"], q["question"], q.get("jurisdiction"), row["groups"]))
    for line in (ROOT / "bench" / "retrieval_extra.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        rows.append((row["id"], row["question"], row.get("jurisdiction"), row["groups"]))
    return rows


def measure(model: str, rebuild: bool = True) -> dict:
    settings = Settings(embedding_model=model, index_dir=Path(f"/tmp/recourse-bench-{model}"))
    service = Recourse(settings, notify=lambda _: None)
    start = time.perf_counter()
    service.build(full=rebuild)
    build_s = time.perf_counter() - start
    snapshot = service.snapshot()
    retriever = service.retriever(snapshot)
    ids = sorted(snapshot.records)
    matrix = np.stack([snapshot.vectors[i] for i in ids])
    languages = np.array([snapshot.records[i]["metadata"]["language"] for i in ids])
    hits = {"dense@1": 0, "dense@3": 0, "hybrid@1": 0, "hybrid@3": 0}
    latencies, best_in = [], []
    rows = labelled()
    for _, question, place, groups in rows:
        language = detect_language(question)
        t = time.perf_counter()
        vector = service.embeddings.embed_query(question)
        latencies.append((time.perf_counter() - t) * 1000)
        scores = np.where(languages == language, matrix @ np.asarray(vector), -9)
        dense = [snapshot.records[ids[k]]["metadata"]["group"] for k in np.argsort(-scores)[:3]]
        best_in.append(float(scores.max()))
        hybrid = [d.metadata["group"] for d in retriever.invoke(question, language=language, query_vector=vector,
                                                                jurisdiction=place or detect_jurisdiction(question),
                                                                audience=detect_audience(question))[:3]]
        hits["dense@1"] += dense[0] in groups
        hits["dense@3"] += any(g in groups for g in dense)
        hits["hybrid@1"] += bool(hybrid) and hybrid[0] in groups
        hits["hybrid@3"] += any(g in groups for g in hybrid)
    best_out = []
    for question in UNRELATED:
        language = detect_language(question)
        scores = np.where(languages == language, matrix @ np.asarray(service.embeddings.embed_query(question)), -9)
        best_out.append(float(scores.max()))
    return {"model": service.embeddings.name, "questions": len(rows), "passages": len(ids), "build_s": build_s,
            **hits, "query_ms_p50": statistics.median(latencies),
            "floor_gap": (min(best_in), max(best_out))}


def main() -> None:
    rebuild = "--reuse" not in sys.argv
    models = [a for a in sys.argv[1:] if not a.startswith("--")] or ["use", "e5"]
    for model in models:
        r = measure(model, rebuild)
        n = r["questions"]
        print(f"{r['model']}: {r['passages']} passages, full build {r['build_s']:.1f} s, query embed p50 "
              f"{r['query_ms_p50']:.1f} ms")
        print(f"  dense  hit@1 {r['dense@1']}/{n}  hit@3 {r['dense@3']}/{n}")
        print(f"  hybrid hit@1 {r['hybrid@1']}/{n}  hit@3 {r['hybrid@3']}/{n}")
        print(f"  lowest in-domain best similarity {r['floor_gap'][0]:.3f}, highest unrelated {r['floor_gap'][1]:.3f}")


if __name__ == "__main__":
    main()
