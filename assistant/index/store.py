"""The only module that touches Chroma; the rest of Recourse sees a narrow store interface.

An index is a series of *generations*, one Chroma collection each. A build writes a new generation and marks it
complete only at the very end; readers always use the newest complete one, and a complete generation never changes.
So a build that fails or is killed halfway leaves the previous generation answering, and a running app picks up a
finished build without a restart. The generation before the previous one is kept as a *spare* that never answers:
the next build renames it and rewrites only the passages that differ, instead of adding every passage to a new
collection. The same scheme works for embedded Chroma on disk and for a shared ``chroma run`` server.

Tags (a passage's jurisdictions, topics, audience, a card's asks) are tuples of strings everywhere else. Chroma
(1.x) stores a list as a metadata value, and `where={"topics": {"$contains": "helplines"}}` matches an element of it;
it refuses an empty list, so an empty tag list is left out here and read back as absent (readers default to `()`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from assistant.index.embeddings import OfflineEmbeddings
from assistant.index.errors import StoreUnavailable
from assistant.settings import Settings

log = logging.getLogger(__name__)

# How passages are written to Chroma; part of every generation's fingerprint, so a generation written another way
# reads as stale and is rebuilt (reusing its vectors). 2: tags as lists (1: ",GLOBAL,FR," strings).
STORE_FORMAT = 2
READ_PAGE = 100  # passages read from Chroma at a time
KEEP_GENERATIONS = 2  # the active one and its predecessor (which a reader may still be using)
# Chroma builds an HNSW graph of every vector added, but Recourse never asks Chroma for nearest neighbours: the apps
# read every passage and its vector (`passages`) and search them in memory. The smallest graph Chroma builds costs
# least: 4,775 made-up records took 7.8-8.3 s to add with the defaults and 3.6-4.6 s with this (busy 2-core
# machine); in a one-document update, profiled once each, Chroma's add took 5.7 s before and 5.1 s after, and full
# builds took 75.0 / 77.8 s before, 71.2 / 72.3 s after (a busy machine; twelfth session).
HNSW = {"space": "cosine", "ef_construction": 8, "max_neighbors": 4}


@dataclass(frozen=True)
class Generation:
    """One complete or in-progress index generation."""

    name: str
    model: str
    dimension: int
    fingerprint: str
    created: float
    complete: bool
    # A generation kept after it stopped answering, for the next build to rewrite (`recycle`): it never answers.
    spare: bool = False


def _client(settings: Settings) -> Any:
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        path = settings.index_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises several unrelated types for "cannot connect"
        # A failed open leaves a half-made client in chromadb's per-path cache; drop it so a retry starts clean.
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        raise StoreUnavailable(f"cannot open the Chroma index ({_where(settings)}): {exc}") from exc


def to_chroma(metadata: dict[str, Any]) -> dict[str, Any]:
    """A passage's metadata as Chroma stores it: tag tuples as lists, empty ones left out."""
    return {key: list(value) if type(value) in (tuple, list) else value for key, value in metadata.items()
            if value or type(value) not in (tuple, list)}


def from_chroma(metadata: dict[str, Any] | None) -> dict[str, Any]:
    """A passage's metadata as the rest of Recourse sees it: tags as tuples of strings."""
    return {key: tuple(value) if type(value) is list else value for key, value in (metadata or {}).items()}


def _where(settings: Settings) -> str:
    if settings.chroma_host:
        return f"server {settings.chroma_host}:{settings.chroma_port}"
    return f"folder {settings.index_dir / 'chroma'}"


class VectorStore:
    """Generations of passages with their vectors, in embedded Chroma or a Chroma server."""

    def __init__(self, settings: Settings, embeddings: OfflineEmbeddings):
        self.settings = settings
        self.embeddings = embeddings
        self.where = _where(settings)
        self._client = _client(settings)
        self._prefix = f"{settings.collection_prefix}-gen-"

    def _guard(self, action: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except StoreUnavailable:
            raise
        except Exception as exc:
            if settings_host := self.settings.chroma_host:
                raise StoreUnavailable(f"the Chroma server at {settings_host}:{self.settings.chroma_port} did not "
                                       f"answer while trying to {action}: {exc}") from exc
            raise

    # -- generations ---------------------------------------------------------------------------------------
    def generations(self) -> list[Generation]:
        """All generations, newest first."""
        collections = self._guard("list collections", self._client.list_collections)
        found = []
        for collection in collections:
            if not collection.name.startswith(self._prefix):
                continue
            meta = collection.metadata or {}
            found.append(Generation(
                name=collection.name,
                model=str(meta.get("model", "")),
                dimension=int(meta.get("dimension", 0)),
                fingerprint=str(meta.get("fingerprint", "")),
                created=float(meta.get("created", 0.0)),
                complete=bool(meta.get("complete", False)),
                spare=bool(meta.get("spare", False)),
            ))
        return sorted(found, key=lambda g: (g.created, g.name), reverse=True)

    def active(self) -> Generation | None:
        """The newest complete generation: the one that answers questions."""
        return next((g for g in self.generations() if g.complete), None)

    def _name(self, created: float) -> str:
        return f"{self._prefix}{time.strftime('%Y%m%d-%H%M%S', time.gmtime(created))}-{int(created * 1000) % 1000:03d}"

    def create(self, fingerprint: str) -> Generation:
        """Start a new, incomplete generation for the configured embedding model."""
        created = time.time()
        name = self._name(created)
        meta = self._metadata(fingerprint, created, complete=False)
        self._guard("create a collection", self._client.create_collection, name=name, metadata=meta,
                    configuration={"hnsw": HNSW}, embedding_function=None)
        return Generation(name, self.embeddings.name, self.embeddings.dimension, fingerprint, created, False)

    def _metadata(self, fingerprint: str, created: float, complete: bool, spare: bool = False) -> dict[str, Any]:
        meta = {"model": self.embeddings.name, "dimension": self.embeddings.dimension,
                "fingerprint": fingerprint, "created": created, "complete": complete}
        return {**meta, "spare": True} if spare else meta

    def spare(self) -> Generation | None:
        """The spare generation for the configured embedding model, if one is kept."""
        return next((g for g in self.generations() if g.spare
                     and (g.model, g.dimension) == (self.embeddings.name, self.embeddings.dimension)), None)

    def recycle(self, spare: Generation, fingerprint: str) -> Generation:
        """The spare's collection as a new, incomplete generation: renamed and dated now, its passages still those
        of an older build. The build then deletes and adds only the passages that differ, instead of adding every
        passage again (Chroma adding 4,775 passages was about half of a one-document update). The spare is two
        builds old, so no reader is using it; until published, the new generation is incomplete, and a build that
        fails leaves it so, to be removed by the next prune."""
        created = time.time()
        name = self._name(created)
        collection = self._guard("read the index", self._client.get_collection, spare.name)
        self._guard("rename a collection", collection.modify, name=name,
                    metadata=self._metadata(fingerprint, created, complete=False))
        return Generation(name, self.embeddings.name, self.embeddings.dimension, fingerprint, created, False)

    def publish(self, generation: Generation) -> Generation:
        """Mark a generation complete: the single write that switches readers over."""
        collection = self._client.get_collection(generation.name)
        collection.modify(metadata=self._metadata(generation.fingerprint, generation.created, complete=True))
        return Generation(**{**generation.__dict__, "complete": True})

    def prune(self, keep: int = KEEP_GENERATIONS) -> None:
        """Drop old complete generations and abandoned incomplete ones, keeping the newest of the rest (for the
        configured model) as the spare the next build rewrites."""
        generations = self.generations()
        complete = [g for g in generations if g.complete]
        newest = complete[0].created if complete else float("inf")
        spare_kept = False
        for generation in generations:
            if generation in complete[:keep] or (not generation.complete and not generation.spare
                                                 and generation.created >= newest):
                continue  # answering, or a build in progress
            ours = (generation.model, generation.dimension) == (self.embeddings.name, self.embeddings.dimension)
            if not spare_kept and ours and (generation.complete or generation.spare):
                spare_kept = True
                if not generation.spare:
                    collection = self._client.get_collection(generation.name)
                    collection.modify(metadata=self._metadata(generation.fingerprint, generation.created,
                                                              complete=False, spare=True))
                continue
            log.info("removing index generation %s", generation.name)
            self._client.delete_collection(generation.name)

    # -- passages --------------------------------------------------------------------------------------------
    def add(self, generation: Generation, ids: list[str], texts: list[str], metadatas: list[dict],
            vectors: list[list[float]]) -> None:
        """Add passages whose vectors are already computed (Chroma never embeds anything itself), in batches no
        larger than the client takes at once: a rebuild copies every unchanged passage into the new generation, and
        past 5,461 passages (embedded Chroma 1.5's limit) one call failed, so an edited page could not be indexed."""
        if ids:
            collection = self._client.get_collection(generation.name)
            size = self._guard("add passages", self._client.get_max_batch_size)
            for start in range(0, len(ids), size):
                end = start + size
                self._guard("add passages", collection.add, ids=ids[start:end], documents=texts[start:end],
                            metadatas=[to_chroma(m) for m in metadatas[start:end]], embeddings=vectors[start:end])

    def delete(self, generation: Generation, ids: list[str]) -> None:
        """Remove passages from a generation that is being built."""
        if ids:
            collection = self._client.get_collection(generation.name)
            self._guard("delete passages", collection.delete, ids=ids)

    def vectors(self, generation: Generation, ids: list[str]) -> dict[str, list[float]]:
        """The stored vectors of some of a generation's passages, by id."""
        if not ids:
            return {}
        collection = self._guard("read the index", self._client.get_collection, generation.name)
        data = self._guard("read the index", collection.get, ids=ids, include=["embeddings"])
        return {cid: [float(x) for x in vector] for cid, vector in zip(data["ids"], data["embeddings"], strict=True)}

    def ids(self, generation: Generation, where: dict[str, Any]) -> list[str]:
        """The ids of a generation's records whose metadata match `where` (nothing else is read)."""
        collection = self._guard("read the index", self._client.get_collection, generation.name)
        return list(self._guard("read the index", collection.get, where=where, include=[])["ids"])

    def passages(self, generation: Generation, page: int = READ_PAGE, pause: float = 0.0) -> tuple[
            list[str], list[str], list[dict], np.ndarray]:
        """Every passage of a generation: ids, texts, metadata, and the vectors as one float32 matrix.

        Read a page at a time, with a pause between pages (`pause` seconds, at least a yield): a running app reads a
        new generation in a background thread, and each pause lets the threads answering questions have the
        interpreter and the cores.
        """
        collection = self._guard("read the index", self._client.get_collection, generation.name)
        total = self._guard("read the index", collection.count)
        ids: list[str] = []
        texts: list[str] = []
        metadatas: list[dict] = []
        vectors: list[np.ndarray] = []
        for offset in range(0, total, page):
            data = self._guard("read the index", collection.get, include=["documents", "metadatas", "embeddings"],
                               limit=page, offset=offset)
            ids += data["ids"]
            texts += data["documents"]
            metadatas += [from_chroma(m) for m in data["metadatas"]]
            vectors.append(np.asarray(data["embeddings"], dtype=np.float32).reshape(len(data["ids"]), -1))
            time.sleep(pause)
        matrix = np.concatenate(vectors) if vectors else np.zeros((0, generation.dimension), dtype=np.float32)
        return ids, texts, metadatas, matrix

    def records(self, generation: Generation) -> dict[str, dict[str, Any]]:
        """Every passage of a generation: id -> {text, metadata} (vectors: `vectors` or `passages`)."""
        collection = self._guard("read the index", self._client.get_collection, generation.name)
        data = self._guard("read the index", collection.get, include=["documents", "metadatas"])
        return {chunk_id: {"text": data["documents"][i], "metadata": from_chroma(data["metadatas"][i])}
                for i, chunk_id in enumerate(data["ids"])}
