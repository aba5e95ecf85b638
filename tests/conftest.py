"""Shared fixtures: real embedding model, real Chroma (embedded, and a real `chroma run` server), real guidance.

All state goes to temporary folders; nothing touches the developer's own index.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from assistant.privacy import apply

apply()  # telemetry off, before any library that has it is imported
from assistant.index.embeddings import OfflineEmbeddings, make_embeddings
from assistant.safety.policy import RouteDecision
from assistant.safety.router import Router
from assistant.safety.train import read_corpus
from assistant.service import Recourse
from assistant.settings import PROJECT_ROOT, Settings
from assistant.understand.script import normalised

KNOWLEDGE = PROJECT_ROOT / "knowledge"
SMALL_GROUPS = ("telegram", "sextortion", "france-law")  # a small knowledge base for build tests
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl"


@cache
def shared_embeddings(name: str) -> OfflineEmbeddings:
    """One loaded embedding model per name for the whole session: loading e5 or USE again in each module cost time
    and tested nothing more (the models hold no state between calls)."""
    return make_embeddings(name)


@cache
def split_vectors(name: str) -> tuple[list[dict], list[str], np.ndarray]:
    """The router corpus's test split (never trained on), read as the service reads a message (`normalised`), and its
    vectors from model `name`, computed once for every test that routes or scores it (about 40 s with e5)."""
    rows, _ = read_corpus().split(test=True)
    texts = [normalised(row["text"]) for row in rows]
    return rows, texts, shared_embeddings(name).embed_queries(texts)


@cache
def split_decisions(name: str) -> list[RouteDecision]:
    """How the shipped router (model `name`) routes each message of the test split, computed once: the routing and
    scope tests read the same decisions. Routing a message also embeds its sentences one by one (the crisis check
    of each sentence), which took e5 a minute for the split, and did so once per test that routed it."""
    _, texts, vectors = split_vectors(name)
    router = Router(shared_embeddings(name))
    return [router.route(text, "", vector=vector) for text, vector in zip(texts, vectors, strict=True)]


def make_settings(tmp: Path, knowledge: Path, **overrides) -> Settings:
    return Settings(knowledge_dir=knowledge, index_dir=tmp / "index", **overrides)


def copy_groups(dest: Path, groups=SMALL_GROUPS) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for group in groups:
        shutil.copytree(KNOWLEDGE / group, dest / group)
    return dest


@pytest.fixture
def small_kb(tmp_path: Path) -> Path:
    """A writable copy of three real topics in three languages."""
    return copy_groups(tmp_path / "knowledge")


@pytest.fixture
def small_settings(tmp_path: Path, small_kb: Path) -> Settings:
    return make_settings(tmp_path, small_kb)


def serve_then_publish(settings: Settings, kb: Path) -> tuple[Recourse, str]:
    """An app serving the small knowledge base (checking for new generations on every question), then another
    process publishing a new generation with one added line ("Zanzibar marmalade protocol"). Returns the app, which
    still serves the first generation, and the new generation's name."""
    settings = settings.model_copy(update={"index_check_seconds": 0.0})
    service = Recourse(settings)
    service.build()
    first = service.snapshot().generation.name
    path = kb / "telegram" / "en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n## Publish check\n\n- Zanzibar marmalade protocol.\n",
                    encoding="utf-8")
    second = Recourse(settings).build().generation
    assert second != first
    return service, second


def wait_for_generation(service: Recourse, name: str, seconds: float = 30.0) -> None:
    """Until the app serves generation `name` (it loads it in the background), then check it holds the new line."""
    deadline = time.monotonic() + seconds
    while service.snapshot().generation.name != name and time.monotonic() < deadline:
        time.sleep(0.1)
    assert service.snapshot().generation.name == name
    assert any("Zanzibar" in r["text"] for r in service.snapshot().records.values())


@pytest.fixture(scope="session")
def full_service(tmp_path_factory) -> Recourse:
    """The whole knowledge base indexed once, in an embedded Chroma, with the default model."""
    tmp = tmp_path_factory.mktemp("full")
    service = Recourse(make_settings(tmp, KNOWLEDGE), notify=lambda _: None)
    service.build()
    return service


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` on 127.0.0.1 and a free port; yields (host, port, process)."""
    path = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    exe = Path(sys.executable).with_name("chroma")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield "127.0.0.1", port, proc
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
