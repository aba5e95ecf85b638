"""Hybrid retrieval: dense vectors and BM25, fused by reciprocal rank, on langchain-core's retriever.

The dense search runs over the snapshot's copy of the vectors read from Chroma: exact cosine over a few thousand
passages takes well under a millisecond, where a Chroma query cost about 1 ms plus a network hop to a server, and it
keeps answering while a Chroma server restarts.

Passages come only from documents in the question's language. When the person's jurisdiction is known, its
documents rank first and GLOBAL guidance stays alongside; guidance for other places sinks. A passage counts as
relevant only above a similarity floor, so an unrelated question gets "nothing found", not unrelated citations.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.index.lexical import LexicalIndex, lexical_indexes
from assistant.index.passage_file import read_passages, write_passages
from assistant.index.store import Generation, VectorStore

RRF_K = 10  # measured with bench/embeddings.py: sharper than the usual 60 on a corpus this small
LEXICAL_WEIGHT = 0.6  # BM25's share of the fused score, relative to the dense ranking
HOME_WEIGHT = 2.0  # the person's own jurisdiction ranks first (bench/embeddings.py: no loss from 1.35 to 2.0)
GLOBAL_WEIGHT = 1.0
ELSEWHERE_WEIGHT = 0.45  # guidance for another place
UNKNOWN_PLACE_WEIGHT = 0.8  # place-specific guidance when we do not know where the person is
OTHER_AUDIENCE_WEIGHT = 0.6  # a page written for someone else (e.g. for people who regret sharing images)


@dataclass
class IndexSnapshot:
    """What retrieval needs from one index generation, read once and kept in memory (a few MB).

    Everything a question needs is worked out here, when the generation is loaded (in a background thread while
    the previous one answers), so the first questions after a swap do no more work than any other.
    """

    generation: Generation
    records: dict[str, dict[str, Any]]
    vectors: dict[str, np.ndarray]
    lexical: dict[str, LexicalIndex]
    dense: dict[str, tuple[list[str], np.ndarray]]  # language -> (ids, one unit-length row per passage)
    examples: dict[str, tuple[list[str], np.ndarray]] = field(default_factory=dict)  # cards' example messages
    _by_doc: dict[str, list[str]] = field(default_factory=dict, repr=False)  # passages of each page, in order
    _docs_by_group: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)
    _topics: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)  # (topic, language) -> pages
    _cards: dict[tuple[str, str], list[str]] = field(default_factory=dict, repr=False)  # (group, language) -> sections

    @classmethod
    def load(cls, store: VectorStore, generation: Generation, cache_dir: Path | None = None,
             pause: float = 0.0, passages_dir: Path | None = None, keep_passages: bool = False) -> IndexSnapshot:
        """Read a generation; its BM25 indexes come from `cache_dir` when `kb build` left them there, its passages
        from `passages_dir` when it left them there (else from Chroma; `keep_passages`: then write them there).
        `pause`: seconds between pieces of the read (a background load under traffic spreads its work out)."""
        passages = read_passages(passages_dir, generation, pause) if passages_dir is not None else None
        if passages is None:
            passages = store.passages(generation, pause=pause)
            if keep_passages and passages_dir is not None:
                write_passages(passages_dir, generation, passages)
        ids, texts, metadatas, matrix = passages
        records = {cid: {"text": text, "metadata": meta} for cid, text, meta in zip(ids, texts, metadatas, strict=True)}
        vectors = dict(zip(ids, matrix, strict=True))  # rows of one matrix: no copies
        by_language: dict[str, list[str]] = {}
        examples_by_language: dict[str, list[str]] = {}
        for cid in sorted(records):
            kind = records[cid]["metadata"].get("kind", "page")
            # Pages answer by retrieval; cards are chosen by their example messages, never retrieved as passages.
            target = by_language if kind == "page" else examples_by_language if kind == "example" else None
            if target is not None:
                target.setdefault(records[cid]["metadata"]["language"], []).append(cid)
        time.sleep(0)
        lexical = lexical_indexes({lang: (ids, [_lexical_text(records[i]) for i in ids], lang)
                                   for lang, ids in by_language.items()}, cache_dir)
        time.sleep(0)
        dense = {lang: (ids, np.stack([vectors[i] for i in ids])) for lang, ids in by_language.items()}
        examples = {lang: (ids, np.stack([vectors[i] for i in ids])) for lang, ids in examples_by_language.items()}
        time.sleep(0)
        return cls(generation, records, vectors, lexical, dense, examples, *_orders(records))

    def document(self, chunk_id: str) -> Document:
        record = self.records[chunk_id]
        return passage_document(chunk_id, record["text"], dict(record["metadata"]))

    def with_topic(self, topic: str, language: str) -> list[str]:
        """The passages of one language's pages that carry a topic."""
        return self._topics.get((topic, language), [])

    def page_sections(self, doc_id: str) -> list[Document]:
        """Every passage of one page, in the page's own order."""
        return [self.document(cid) for cid in self._by_doc.get(doc_id, [])]

    def search(self, vector: list[float], k: int, language: str) -> list[tuple[str, float]]:
        """The k passages of one language nearest to a query vector (exact cosine), best first."""
        ids, matrix = self.dense.get(language, ([], None))
        if not ids:
            return []
        scores = matrix @ np.asarray(vector, dtype=np.float32)
        top = np.argpartition(-scores, k - 1)[:k] if k < len(ids) else np.arange(len(ids))
        return sorted(((ids[i], float(scores[i])) for i in top), key=lambda pair: (-pair[1], pair[0]))

    def card_sections(self, group: str, language: str) -> list[Document]:
        """A card's sections in one language, in the card's order (its examples left out), listed when the generation
        was loaded: picking them out of the card's dozens of example messages took a question's time."""
        return [self.document(cid) for cid in self._cards.get((group, language), [])]

    def group_sections(self, group: str, language: str) -> list[Document]:
        """Every passage of a translation group's page in one language, in the page's order."""
        return [d for doc_id in self._docs_by_group.get((group, language), []) for d in self.page_sections(doc_id)]

    def similarity(self, a: Document, b: Document) -> float:
        """Cosine similarity of two indexed passages."""
        return float(self.vectors[a.id] @ self.vectors[b.id])


def passage_document(chunk_id: str, text: str, metadata: dict[str, Any]) -> Document:
    """A Document of one of the index's own passages, made without pydantic's validation of its fields.

    The fields are already what Document holds (a str id, the passage's str text, a dict of its own): they were
    checked when the index was built. An answer makes about seventy of these; validating them took half its time
    (4 µs against 2 µs each). The result is equal to `Document(id=..., page_content=..., metadata=...)`.
    """
    return Document.model_construct(id=chunk_id, page_content=text, metadata=metadata)


def _orders(records: dict[str, dict[str, Any]]) -> tuple[dict, dict, dict, dict]:
    """Each page's passages in order, each translation group's pages, each (topic, language)'s page passages, and
    each (group, language)'s card sections in order."""
    by_doc: dict[str, list[str]] = {}
    for cid in sorted(records, key=lambda c: records[c]["metadata"]["order"]):
        by_doc.setdefault(records[cid]["metadata"]["doc_id"], []).append(cid)
    groups: dict[tuple[str, str], set[str]] = {}
    topics: dict[tuple[str, str], list[str]] = {}
    for cid in sorted(records):
        meta = records[cid]["metadata"]
        groups.setdefault((meta["group"], meta["language"]), set()).add(meta["doc_id"])
        if meta.get("kind", "page") == "page":
            for topic in meta.get("topics", ()):
                topics.setdefault((topic, meta["language"]), []).append(cid)
    docs_by_group = {key: sorted(ids) for key, ids in groups.items()}
    cards = {key: [cid for doc_id in doc_ids for cid in by_doc.get(doc_id, [])
                   if records[cid]["metadata"].get("kind") == "card"] for key, doc_ids in docs_by_group.items()}
    return by_doc, docs_by_group, topics, {key: cids for key, cids in cards.items() if cids}


def _lexical_text(record: dict[str, Any]) -> str:
    meta = record["metadata"]
    # Headings are written to say what a section answers, so they count twice.
    return f"{meta.get('title', '')} {meta.get('section', '')} {meta.get('section', '')} {record['text']}"


def jurisdiction_weight(doc_jurisdictions: tuple[str, ...], jurisdiction: str | None) -> float:
    """How strongly a document's place counts for this person."""
    if not jurisdiction:
        return GLOBAL_WEIGHT if "GLOBAL" in doc_jurisdictions else UNKNOWN_PLACE_WEIGHT
    if jurisdiction in doc_jurisdictions:
        return HOME_WEIGHT
    if jurisdiction == "FR" and "EU" in doc_jurisdictions:
        return GLOBAL_WEIGHT  # EU law applies in France
    if "GLOBAL" in doc_jurisdictions:
        return GLOBAL_WEIGHT
    return ELSEWHERE_WEIGHT


class HybridRetriever(BaseRetriever):
    """Dense + BM25 retrieval over one snapshot; call with ``invoke(q, language=..., jurisdiction=...)``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    embeddings: Embeddings
    snapshot: IndexSnapshot
    candidates_k: int = 24
    relevance_floor: float = 0.80
    # Return only the passages above the floor: the answer path quotes nothing else, and making the other third of
    # the candidates into Documents cost it time. Off by default: evaluations read every candidate.
    relevant_only: bool = False

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                language: str = "en", jurisdiction: str | None = None, audience: str | None = None,
                                query_vector: list[float] | np.ndarray | None = None) -> list[Document]:
        vector = query_vector if query_vector is not None else self.embeddings.embed_query(query)
        dense = self.snapshot.search(vector, self.candidates_k, language)
        lexical_index = self.snapshot.lexical.get(language)
        lexical = lexical_index.search(query, self.candidates_k) if lexical_index else []

        query_array = np.asarray(vector, dtype=np.float32)
        lexical_scores = dict(lexical)
        fused: dict[str, float] = {}
        for rank, (cid, _) in enumerate(dense):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        for rank, (cid, _) in enumerate(lexical):
            fused[cid] = fused.get(cid, 0.0) + LEXICAL_WEIGHT / (RRF_K + rank + 1)
        results = []
        records, vectors = self.snapshot.records, self.snapshot.vectors
        for cid, score in fused.items():
            record = records.get(cid)
            if record is None:  # the store and the snapshot disagree: a newer generation is on its way
                continue
            similarity = float(vectors[cid] @ query_array)
            relevant = similarity >= self.relevance_floor
            if self.relevant_only and not relevant:
                continue
            meta = record["metadata"]
            weight = jurisdiction_weight(meta.get("jurisdictions", ()), jurisdiction)
            if audience and audience not in meta.get("audience", (audience,)):
                weight *= OTHER_AUDIENCE_WEIGHT
            results.append(passage_document(cid, record["text"], {
                **meta, "id": cid, "similarity": similarity, "bm25": lexical_scores.get(cid, 0.0),
                "score": score * weight, "fused": score, "relevant": relevant,
            }))
        results.sort(key=lambda d: (-d.metadata["score"], d.id))
        return results
