"""A plain LangChain RAG beside Recourse, scored the same way on the same questions, in one run.

    .venv/bin/python bench/baseline.py [--file ../shared/eval/dev.jsonl] [--show]

The baseline: the same passages (chunk_document over the validated knowledge base) in a langchain_chroma.Chroma
with the same embedding model, similarity top-4, answer = the 4 passages joined (each prefixed with its [n] marker,
so the marker check of citation validity can apply), citations = those 4 passages, route always "answer", language
detected from the question. Recourse answers the same questions from its own temporary index over a copy of the
same knowledge/. Both are scored by assistant.evaluation.score and printed side by side.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply  # noqa: E402  (offline, single-threaded BLAS: before numpy loads)

apply()

from assistant.evaluation.scoring import read_questions, score
from assistant.index.embeddings import make_embeddings
from assistant.knowledge.chunking import chunk_document
from assistant.knowledge.validation import validate_knowledge
from assistant.service import Recourse
from assistant.settings import Settings
from assistant.understand.language import detect_language

TOP_K = 4


def build_baseline(knowledge: Path, persist: Path, model: str):
    from langchain_chroma import Chroma  # uv sync --extra bench

    docs, problems = validate_knowledge(knowledge)
    if problems:
        print(f"warning: {len(problems)} knowledge problems (indexing the parsed documents anyway)", file=sys.stderr)
    chunks = [chunk for doc in docs for chunk in chunk_document(doc)]
    store = Chroma(collection_name="baseline", embedding_function=make_embeddings(model),
                   persist_directory=str(persist), collection_metadata={"hnsw:space": "cosine"})
    start = time.perf_counter()
    batch = 256
    for i in range(0, len(chunks), batch):
        part = chunks[i:i + batch]
        store.add_texts([c.text for c in part], metadatas=[dict(c.metadata) for c in part], ids=[c.id for c in part])
    print(f"baseline index: {len(chunks)} passages in {time.perf_counter() - start:.1f} s")
    return store, {d.meta.id: d.body for d in docs}


def baseline_ask(store, question: str, jurisdiction: str | None, id: str) -> dict:
    start = time.perf_counter()
    hits = store.similarity_search(question, k=TOP_K)
    citations = [{"n": n, "doc_id": d.metadata["doc_id"], "title": d.metadata["title"],
                  "section": d.metadata["section"], "url": d.metadata["url"], "text": d.page_content}
                 for n, d in enumerate(hits, 1)]
    answer = "\n\n".join(f"[{c['n']}] {c['text']}" for c in citations)
    total = (time.perf_counter() - start) * 1000
    return {"id": id, "route": "answer", "language": detect_language(question), "jurisdiction": jurisdiction,
            "answer": answer, "citations": citations, "timing_ms": {"total": total}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--model", default="use", choices=["use", "e5"])
    parser.add_argument("--show", action="store_true", help="list each system's misses")
    args = parser.parse_args()

    questions = read_questions(args.file)
    tmp = Path(tempfile.mkdtemp(prefix="recourse-baseline-"))
    try:
        knowledge = tmp / "knowledge"
        shutil.copytree(ROOT / "knowledge", knowledge)

        store, documents = build_baseline(knowledge, tmp / "baseline-chroma", args.model)
        store.similarity_search("warm up", k=TOP_K)
        base_results = [baseline_ask(store, q.question, q.jurisdiction, q.id) for q in questions]
        base = score(questions, base_results, documents)

        service = Recourse(Settings(knowledge_dir=knowledge, index_dir=tmp / "index", embedding_model=args.model),
                           notify=lambda _: None)
        start = time.perf_counter()
        service.build(full=True)
        print(f"recourse index: {time.perf_counter() - start:.1f} s")
        service.warm_up()
        ours_results = [service.ask(q.question, q.jurisdiction, id=q.id).to_dict() for q in questions]
        ours = score(questions, ours_results, documents)

        print(f"\n{args.file} ({len(questions)} questions, model {args.model})\n")
        left, right = base.table().splitlines(), ours.table().splitlines()
        print(f"{'':22s}{'LangChain top-4':<24s}Recourse")
        for a, b in zip(left, right, strict=True):
            label, value_a = a[:22], a[22:]
            print(f"{label}{value_a:<24s}{b[22:]}")
        if args.show:
            for name, s in (("baseline", base), ("recourse", ours)):
                print(f"\n{name} misses:")
                for miss in s.misses:
                    print(f"  {miss}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
