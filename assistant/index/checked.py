"""Remembering that the index was found current, so a restart does not check it all again.

Finding the index current means reading, validating and cutting every document (about a second). A restart with
nothing changed needs none of that: the same knowledge files, the same code that reads them and the same active
generation give the same verdict. `source_digest` hashes those files' bytes (a few milliseconds); the verdict is
kept beside the index with the generation it was given for, and anything different runs the full check.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)

CHECKED_FILE = "checked.json"
_CODE = Path(__file__).resolve().parent.parent  # the assistant package: how documents are read and cut


def source_digest(knowledge_dir: Path, model: str) -> str:
    """One hash of every knowledge file and every source file of the package, with the embedding model."""
    digest = hashlib.sha256(model.encode())
    for root, pattern in ((knowledge_dir, "*"), (_CODE, "*.py")):
        for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def was_checked(index_dir: Path, generation: str, digest: str) -> bool:
    """Whether this generation was found current for exactly these sources."""
    try:
        record = json.loads((index_dir / CHECKED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and record.get("generation") == generation and record.get("digest") == digest


def record_checked(index_dir: Path, generation: str, digest: str) -> None:
    """Keep the verdict (written whole, then renamed). A read-only index folder only costs the next start a check."""
    path = index_dir / CHECKED_FILE
    partial = path.with_name(f".{CHECKED_FILE}.tmp")
    try:
        partial.write_text(json.dumps({"generation": generation, "digest": digest}), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        log.warning("could not record the index check (%s)", type(exc).__name__)
