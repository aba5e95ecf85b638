"""A generation's passages kept beside the index in plain files, so a running app adopts a new generation quickly.

Reading every passage, its metadata and its vector back from Chroma took about 230 ms of Python's lock on 2,800
passages, and a running app did it while answering, when it swapped a new generation in. `kb build` now writes them,
before it publishes the generation, as one folder per generation: `records.jsonl` (a header line, then one
`[id, text, metadata]` line per passage, in Chroma's order) and `vectors.npy` (float32 rows in the same order, which
the app memory-maps). No pickle. The header names the generation (name, fingerprint, creation time, model,
dimension) and the format, and holds a SHA-256 of each file: a file of another generation, of an older format, cut
short or damaged is never used, and the caller reads Chroma instead (as an app does whose index was built on another
machine, with a Chroma server).

Metadata are kept as Chroma returns them (tag lists as lists) and go through the same `from_chroma`, so a snapshot
read from here equals one read from Chroma: same ids in the same order, same records, the same vector bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.index.store import Generation, from_chroma, to_chroma

log = logging.getLogger(__name__)

FORMAT = 1  # change it with the layout: files of another format are not read
KEEP = 2  # folders kept: the newest generation's and its predecessor's (a running app may be reading it)
PARSE_BATCH = 200  # lines parsed between two pauses (about 1 ms of Python's lock each)
MAX_PAUSE = 0.001  # a pause as long as a batch's work is enough to let waiting threads have the lock
RECORDS = "records.jsonl"
VECTORS = "vectors.npy"

Passages = tuple[list[str], list[str], list[dict[str, Any]], np.ndarray]


def _header(generation: Generation, count: int, records_digest: str, vectors_digest: str) -> dict[str, Any]:
    return {"format": FORMAT, "generation": generation.name, "fingerprint": generation.fingerprint,
            "created": generation.created, "model": generation.model, "dimension": generation.dimension,
            "count": count, "records_sha256": records_digest, "vectors_sha256": vectors_digest}


def write_passages(folder: Path, generation: Generation, passages: Passages) -> None:
    """Keep a generation's passages (as `VectorStore.passages` returned them) in `folder`/<generation name>.

    Written whole in a folder of its own, then renamed, so a reader never sees half of it. A failure to write is
    logged and otherwise ignored: the apps then read the generation from Chroma.
    """
    ids, texts, metadatas, matrix = passages
    target = folder / generation.name
    partial = folder / f".{generation.name}.{os.getpid()}.{threading.get_native_id()}.tmp"
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        body = "".join(json.dumps([cid, text, to_chroma(meta)], ensure_ascii=False) + "\n"
                       for cid, text, meta in zip(ids, texts, metadatas, strict=True)).encode()
        vectors = np.ascontiguousarray(matrix, dtype="<f4")
        np.save(partial / VECTORS, vectors, allow_pickle=False)
        header = _header(generation, len(ids), hashlib.sha256(body).hexdigest(),
                         hashlib.sha256(vectors.tobytes()).hexdigest())
        (partial / RECORDS).write_bytes(json.dumps(header).encode() + b"\n" + body)
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    except OSError as exc:
        log.warning("passage file not written (%s); apps will read the generation from Chroma", type(exc).__name__)
        shutil.rmtree(partial, ignore_errors=True)
        return
    kept = sorted((f for f in folder.iterdir() if f.is_dir() and not f.name.startswith(".")),
                  key=lambda f: f.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def read_passages(folder: Path, generation: Generation, pause: float = 0.0) -> Passages | None:
    """The passages `write_passages` kept for this generation, or None when there are none that can be trusted
    (missing, another generation's, another format, damaged): the caller then reads Chroma.

    The vectors are memory-mapped, not copied. The records are parsed PARSE_BATCH lines at a time with a pause
    between (`pause` seconds, at most MAX_PAUSE, at least a yield), so that threads answering questions meanwhile
    get their turns: a background load takes about 70 ms here, where Chroma's paged read took 1.7 s.
    """
    path = folder / generation.name
    if not (path / RECORDS).exists():
        return None
    try:
        return _read(path, generation, pause)
    except Exception as exc:  # a damaged file can fail in many ways; none may stop the app
        log.warning("passage file not used (%s); reading the generation from Chroma", type(exc).__name__)
        return None


class _Mismatch(ValueError):
    """The file is not this generation's, or not whole."""


def _read(path: Path, generation: Generation, pause: float) -> Passages:
    data = (path / RECORDS).read_bytes()
    first, _, body = data.partition(b"\n")
    header = json.loads(first)
    if header != _header(generation, header.get("count"), header.get("records_sha256"),
                         header.get("vectors_sha256")):
        raise _Mismatch("another generation or format")
    if hashlib.sha256(body).hexdigest() != header["records_sha256"]:  # hashlib leaves the lock free
        raise _Mismatch("records damaged")
    mapped = np.load(path / VECTORS, mmap_mode="r", allow_pickle=False)
    if mapped.dtype != np.dtype("<f4") or mapped.shape != (header["count"], generation.dimension):
        raise _Mismatch("vectors of another shape")
    matrix = np.asarray(mapped)  # a plain array over the mapped file: the answer path's arithmetic stays as fast
    if hashlib.sha256(memoryview(matrix).cast("B")).hexdigest() != header["vectors_sha256"]:
        raise _Mismatch("vectors damaged")
    del data, first
    lines = body.split(b"\n")
    if lines.pop() != b"" or len(lines) != header["count"]:
        raise _Mismatch("records cut short")
    ids: list[str] = []
    texts: list[str] = []
    metadatas: list[dict[str, Any]] = []
    for start in range(0, header["count"], PARSE_BATCH):
        for line in lines[start:start + PARSE_BATCH]:
            cid, text, meta = json.loads(line)
            ids.append(cid)
            texts.append(text)
            metadatas.append(from_chroma(meta))
        time.sleep(min(pause, MAX_PAUSE))
    return ids, texts, metadatas, matrix
