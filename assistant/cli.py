"""The `recourse` command (also `python -m assistant`): ask, eval, serve, kb, router and audience.

JSON goes to stdout only; messages about building the index go to stderr, so `ask --json` can be piped.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from assistant.privacy import apply as apply_privacy
from assistant.vocabulary import JURISDICTIONS, PLACES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recourse", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question (or a JSONL file of questions) with citations")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--jurisdiction", choices=PLACES, help="where the person is")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument("--jsonl", type=Path, help='file of {"id", "question", "jurisdiction"?} lines')

    ev = sub.add_parser("eval", help="score answers against a question file")
    ev.add_argument("file", type=Path)
    ev.add_argument("--show", action="store_true", help="list every miss")
    ev.add_argument("--results", type=Path, help="score these answers (JSONL from `ask --jsonl`) instead of asking")

    serve = sub.add_parser("serve", help="serve the web app")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)

    kb = sub.add_parser("kb", help="the knowledge base and its index")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    kb_sub.add_parser("validate", help="check every document; list every problem")
    build = kb_sub.add_parser("build", help="update the index (only changed documents are embedded)")
    build.add_argument("--full", action="store_true", help="rebuild from scratch in a new generation")
    kb_sub.add_parser("status", help="say whether the index is current")
    kb_sub.add_parser("stale", help="list documents past their review date")
    kb_sub.add_parser("sources", help="count official / press / secondary / blocked sources per jurisdiction")
    new = kb_sub.add_parser("new", help="scaffold a topic in en, zh and fr")
    new.add_argument("topic", help="topic id, e.g. dating-app-safety")

    router = sub.add_parser("router", help="the safety router's model")
    router_sub = router.add_subparsers(dest="router_command", required=True)
    train = router_sub.add_parser("train", help="rebuild the router's model from the labelled corpus, reproducibly")
    train.add_argument("--model", choices=["use", "e5", "all"], default="all", help="embedding model (default: both)")
    train.add_argument("--part", choices=["all", "scope"], default="all",
                       help="scope: only the out-of-scope model, for the router already trained")
    audience = sub.add_parser("audience", help="the model that reads who is asking")
    audience_sub = audience.add_subparsers(dest="audience_command", required=True)
    audience_train = audience_sub.add_parser(
        "train", help="rebuild it from the router's labelled corpus and the answer batches")
    audience_train.add_argument("--model", choices=["use", "e5", "all"], default="all",
                                help="embedding model (default: both)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    apply_privacy()  # before any library with telemetry (or numpy) is imported
    from assistant.index.errors import StoreUnavailable
    from assistant.knowledge.documents import KnowledgeError
    from assistant.settings import get_settings

    settings = get_settings()
    logging.basicConfig(level=settings.log_level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("bm25s", "jieba", "httpx", "chromadb"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        if args.command == "kb":
            return _kb(args)
        if args.command == "ask":
            return _ask(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "router":
            return _router(args)
        if args.command == "audience":
            return _audience(args)
        if args.command == "serve":
            from ui.app import serve

            serve(host=args.host, port=args.port)
            return 0
    except KnowledgeError as exc:
        print(f"The knowledge base has {len(exc.problems)} problem(s):\n{exc}", file=sys.stderr)
        return 1
    except StoreUnavailable as exc:
        print(f"The index is not available: {exc}", file=sys.stderr)
        return 3
    return 2


def _router(args: argparse.Namespace) -> int:
    from assistant.index.embeddings import MODELS, make_embeddings
    from assistant.safety.classifier import RouterModel, model_path
    from assistant.safety.train import read_corpus, train, train_scope

    for name in MODELS if args.model == "all" else [args.model]:
        embeddings = make_embeddings(name)
        if args.part == "scope":
            train_scope(embeddings, read_corpus(model=name), RouterModel.load(model_path(embeddings.name)))
            continue
        _, test = train(embeddings, read_corpus(model=name))
        print(f"{name}: test split {test.summary()}")
    return 0


def _audience(args: argparse.Namespace) -> int:
    from assistant.index.embeddings import MODELS, make_embeddings
    from assistant.understand.audience_model import train

    for name in MODELS if args.model == "all" else [args.model]:
        train(make_embeddings(name))
    return 0


def _kb(args: argparse.Namespace) -> int:
    from assistant.knowledge.validation import stale_documents, validate_knowledge
    from assistant.settings import get_settings

    settings = get_settings()
    if args.kb_command == "validate":
        docs, problems = validate_knowledge(settings.knowledge_dir)
        for problem in problems:
            print(problem)
        groups = {d.meta.group for d in docs}
        verdict = f"{len(problems)} problem(s)" if problems else "no problems"
        print(f"{len(docs)} documents in {len(groups)} groups; {verdict}.", file=sys.stderr)
        return 1 if problems else 0
    if args.kb_command == "stale":
        docs, _ = validate_knowledge(settings.knowledge_dir)
        stale = stale_documents(docs, date.today())
        for doc in stale:
            print(f"{doc.meta.review_due}  {doc.meta.id}  {doc.path}")
        print(f"{len(stale)} document(s) past review_due.", file=sys.stderr)
        return 0
    if args.kb_command == "sources":
        return _kb_sources(settings.knowledge_dir)
    if args.kb_command == "new":
        from assistant.knowledge.scaffold import scaffold_topic

        for path in scaffold_topic(settings.knowledge_dir, args.topic, date.today(), timedelta(days=183)):
            print(path)
        return 0
    from assistant.index.build import index_status, load_valid_documents, terminal_progress
    from assistant.index.store import StoreUnavailable
    from assistant.knowledge.documents import KnowledgeError
    from assistant.service import Recourse

    service = Recourse(settings)
    if args.kb_command == "status":
        status, active = index_status(service.store, load_valid_documents(settings))
        print(f"{status} ({active.name if active else 'no generation'}, {service.store.where})")
        return 0 if status == "current" else 1
    _build_gently()
    try:
        report = service.build(full=args.full, progress=terminal_progress())
    except (KnowledgeError, StoreUnavailable):
        raise
    except Exception as exc:  # a full disk, a killed server: say so plainly; the old index is untouched
        print(f"The build failed ({type(exc).__name__}: {exc}). The previous index, if any, is still the one "
              "answering; fix the cause and run the build again.", file=sys.stderr)
        return 4
    if report.rebuilt_because:
        print(report.rebuilt_because, file=sys.stderr)
    print(report.summary())
    return 0


BUILD_NICE = 10  # `kb build`'s CPU priority (nice value) where the system has one


def _build_gently() -> None:
    """Run the build at a lower CPU priority: on a machine that also serves, the apps' answers come first.

    bench/load.py --publish measured answers slowed by a build in another process on the same 2 cores. A whole
    process is lowered (not one thread of a process that also answers, where the lower thread can hold Python's lock).
    On an idle machine the build takes as long as before.
    """
    if hasattr(os, "nice"):
        try:
            os.nice(BUILD_NICE)
        except OSError:  # not permitted: the build runs at the usual priority
            pass


def _kb_sources(root: Path) -> int:
    """Unique source URLs per jurisdiction by registry class: the number to watch fall for weak sources."""
    from assistant.knowledge.documents import load_documents
    from assistant.knowledge.sources import CLASSES, REGISTRY_FILE, load_registry, source_counts

    registry, problems = load_registry(root / REGISTRY_FILE)
    for problem in problems:
        print(problem, file=sys.stderr)
    docs, _ = load_documents(root)
    counts = source_counts(docs, registry)
    columns = [*CLASSES, "unclassified"]
    print(f"{'':8}" + "".join(f"{c:>14}" for c in columns) + f"{'all':>8}")
    for place in [*JURISDICTIONS, "TOTAL"]:
        row = counts.get(place)
        if row:
            print(f"{place:8}" + "".join(f"{row[c]:>14}" for c in columns) + f"{sum(row.values()):>8}")
    print("Unique source URLs, classed by knowledge/sources.yaml; a URL counts under every jurisdiction of the "
          "documents citing it.", file=sys.stderr)
    return 1 if problems else 0


def _ask(args: argparse.Namespace) -> int:
    from assistant.service import Recourse

    if not args.question and not args.jsonl:
        print("ask needs a question or --jsonl FILE", file=sys.stderr)
        return 2
    service = Recourse()
    service.ensure_index()
    if args.jsonl:
        for number, line in enumerate(args.jsonl.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                question = str(row["question"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                print(f"{args.jsonl}:{number}: not a question line ({exc})", file=sys.stderr)
                return 2
            result = service.ask(question, row.get("jurisdiction"), id=row.get("id"))
            print(json.dumps(result.to_dict(), ensure_ascii=False), flush=True)
        return 0
    result = service.ask(args.question, args.jurisdiction)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(result.answer)
        if result.citations:
            print()
        for c in result.citations:
            print(f"[{c.n}] {c.title} - {c.section} ({c.publisher}) {c.url}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from assistant.evaluation import read_questions, score
    from assistant.knowledge.documents import load_documents
    from assistant.service import Recourse
    from assistant.settings import get_settings

    settings = get_settings()
    questions = read_questions(args.file)
    docs, _ = load_documents(settings.knowledge_dir)
    documents = {d.meta.id: d.body for d in docs}
    if args.results:
        results = [json.loads(line) for line in args.results.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        service = Recourse(settings)
        service.ensure_index()
        results = [service.ask(q.question, q.jurisdiction, id=q.id).to_dict() for q in questions]
    scores = score(questions, results, documents, budget=settings.answer_max_chars)
    print(scores.table())
    if args.show and scores.misses:
        print("\nMisses:")
        for miss in scores.misses:
            print(f"  {miss}")
    return 0
