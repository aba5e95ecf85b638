"""Building the index: incremental by content, atomic by generation, one writer at a time.

Each build validates every document first (a broken file never half-enters the index), reuses the vectors of
passages whose text has not changed, embeds only new or changed passages, and writes the result as a new
generation that becomes active only when complete. The new generation is the spare one when the store keeps one
(a generation two builds old, which no reader uses: `VectorStore.recycle`), so that only the passages that differ
from it are written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from filelock import FileLock, Timeout

from assistant.index.embeddings import BATCH, OfflineEmbeddings
from assistant.index.store import STORE_FORMAT, Generation, VectorStore, from_chroma, to_chroma
from assistant.knowledge.chunking import Chunk, chunk_document
from assistant.knowledge.documents import KnowledgeDoc, KnowledgeError
from assistant.knowledge.validation import validate_knowledge
from assistant.settings import Settings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total) passages embedded


@dataclass
class BuildReport:
    """What a build did, for the maintainer's summary line."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    embedded: int = 0
    written: int = 0  # passages written to the store (all of them, or only those that differ from the spare's)
    passages: int = 0
    seconds: float = 0.0
    generation: str = ""
    rebuilt_because: str = ""

    def summary(self) -> str:
        return (f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
                f"unchanged {len(self.unchanged)} documents; {self.embedded} of {self.passages} passages embedded; "
                f"{self.seconds:.1f} s")


def fingerprint(docs: list[KnowledgeDoc], model: str, chunks: dict[str, list[Chunk]] | None = None) -> str:
    """One hash of every passage, its metadata and the model: equal fingerprints mean the index is current.

    Hashing the chunks rather than the files means a change in how passages are cut or described (a new version
    of Recourse) also counts as a change, and is applied without re-embedding unchanged text; so does a change in
    how the store writes them (STORE_FORMAT). `chunks`: each document's chunks (by id), when already cut.
    """
    digest = hashlib.sha256(f"{model} store-format-{STORE_FORMAT}".encode())
    for doc in sorted(docs, key=lambda d: d.meta.id):
        for chunk in (chunks[doc.meta.id] if chunks is not None else chunk_document(doc)):
            digest.update(json.dumps([chunk.id, chunk.metadata], sort_keys=True).encode())
    return digest.hexdigest()


def load_valid_documents(settings: Settings) -> list[KnowledgeDoc]:
    """The knowledge base, or KnowledgeError listing every problem."""
    docs, problems = validate_knowledge(settings.knowledge_dir)
    if problems:
        raise KnowledgeError(problems)
    return docs


def index_status(store: VectorStore, docs: list[KnowledgeDoc],
                 chunks: dict[str, list[Chunk]] | None = None) -> tuple[str, Generation | None]:
    """'missing', 'model-mismatch', 'stale' or 'current', with the active generation."""
    active = store.active()
    if active is None:
        return "missing", None
    if (active.model, active.dimension) != (store.embeddings.name, store.embeddings.dimension):
        return "model-mismatch", active
    if active.fingerprint != fingerprint(docs, store.embeddings.name, chunks):
        return "stale", active
    return "current", active


class BuildBusy(RuntimeError):
    """Another process is building the index."""


def build_index(settings: Settings, store: VectorStore, *, full: bool = False, progress: Progress | None = None,
                prepare: Callable[[Generation], None] | None = None) -> BuildReport:
    """Bring the index up to date with the knowledge folder; see the module docstring for the guarantees.

    `prepare` runs on the new generation, complete but not yet published: what the apps would otherwise work out
    while answering, when they swap it in, is made then (BM25 indexes, the situation model) and kept beside it.
    """
    start = time.perf_counter()
    docs = load_valid_documents(settings)
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(settings.index_dir / "build.lock"))
    try:
        lock.acquire(timeout=600)
    except Timeout:
        raise BuildBusy(f"another build holds {lock.lock_file}") from None
    try:
        return _build(settings, store, docs, full, progress, start, prepare)
    finally:
        lock.release()


def _build(settings: Settings, store: VectorStore, docs: list[KnowledgeDoc], full: bool,
           progress: Progress | None, start: float, prepare: Callable[[Generation], None] | None) -> BuildReport:
    embeddings: OfflineEmbeddings = store.embeddings
    # Each document is cut once per build (the fingerprint needs the cuts twice, the new generation once: cutting
    # every document took 2.7 s of a 10 s one-document update).
    cut = {doc.meta.id: chunk_document(doc) for doc in docs}
    status, active = index_status(store, docs, cut)
    report = BuildReport()
    if status == "model-mismatch":
        report.rebuilt_because = (f"the index was built with {active.model} ({active.dimension} dimensions) but "
                                  f"settings ask for {embeddings.name} ({embeddings.dimension}); rebuilding")
        log.warning(report.rebuilt_because)
    reusable = active is not None and status != "model-mismatch" and not full
    previous = store.records(active) if reusable else {}

    chunks: list[Chunk] = [c for doc in docs for c in cut[doc.meta.id]]
    report.passages = len(chunks)
    before = {r["metadata"]["doc_id"]: r["metadata"]["doc_hash"] for r in previous.values()}
    for doc in docs:
        old = before.get(doc.meta.id)
        bucket = report.added if old is None else report.unchanged if old == doc.content_hash else report.updated
        bucket.append(doc.meta.id)
    report.removed = sorted(set(before) - {d.meta.id for d in docs})

    if status == "current" and not full:
        report.generation = active.name
        report.seconds = time.perf_counter() - start
        return report

    spare = store.spare() if reusable else None
    if spare is not None:
        # Rewrite the spare: keep its passages that are still wanted as they are, delete the rest, add what is
        # missing (a one-document update writes a few passages, not all of them).
        generation = store.recycle(spare, fingerprint(docs, embeddings.name, cut))
        wanted = {c.id: c for c in chunks}
        have = store.records(generation)
        stale = [cid for cid, record in have.items()
                 if cid not in wanted or record["text"] != wanted[cid].text
                 or record["metadata"] != from_chroma(to_chroma(wanted[cid].metadata))]
        store.delete(generation, stale)
        kept = set(have) - set(stale)
        missing = [c for c in chunks if c.id not in kept]
    else:
        generation = store.create(fingerprint(docs, embeddings.name, cut))
        missing = chunks
    stored = store.vectors(active, [c.id for c in missing if c.id in previous]) if reusable else {}
    reused = [c for c in missing if c.id in stored]
    store.add(generation, [c.id for c in reused], [c.text for c in reused], [c.metadata for c in reused],
              [stored[c.id] for c in reused])
    report.written = len(missing)
    fresh = [c for c in missing if c.id not in stored]
    done = 0
    for batch_start, vectors in zip(range(0, len(fresh), BATCH), embeddings.batches([c.embed_text for c in fresh]), strict=False):
        batch = fresh[batch_start:batch_start + len(vectors)]
        store.add(generation, [c.id for c in batch], [c.text for c in batch], [c.metadata for c in batch], vectors)
        done += len(batch)
        if progress:
            progress(done, len(fresh))
    report.embedded = len(fresh)
    if prepare is not None:
        prepare(generation)
    store.publish(generation)
    store.prune()
    report.generation = generation.name
    report.seconds = time.perf_counter() - start
    log.info("index build: %s", report.summary())
    return report


def terminal_progress() -> Progress | None:
    """A tqdm progress bar when stderr is a terminal, nothing otherwise (CI logs stay readable)."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bar: dict[str, tqdm] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, unit="passage", desc="embedding", file=sys.stderr)
        bar["bar"].update(done - bar["bar"].n)
        if done >= total:
            bar["bar"].close()

    return update
