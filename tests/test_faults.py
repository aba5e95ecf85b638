"""Faults a deployment meets: an unreadable index, a Chroma server that goes away, a disk that fills."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from assistant.service import Recourse
from tests.conftest import free_port, make_settings
from tests.test_contract import run_cli


def test_an_unreadable_index_is_moved_aside_and_rebuilt(small_settings):
    Recourse(small_settings).build()
    database = small_settings.index_dir / "chroma" / "chroma.sqlite3"
    database.write_bytes(os.urandom(100_000))
    done = run_cli("ask", "Should I pay the person threatening me?", "--json", settings=small_settings)
    assert done.returncode == 0, done.stderr
    assert "cannot be read" in done.stderr and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["citations"]
    assert any(p.name.startswith("chroma.unreadable-") for p in small_settings.index_dir.iterdir())


def start_chroma(path: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("chroma run did not start")


def test_the_chroma_server_stopping_mid_session(tmp_path, small_kb):
    port = free_port()
    server = start_chroma(tmp_path / "chroma-data", port)
    try:
        settings = make_settings(tmp_path, small_kb, chroma_host="127.0.0.1", chroma_port=port,
                                 index_check_seconds=0.0)
        service = Recourse(settings)
        service.build()
        before = service.ask("Should I pay the person threatening me?")
        server.terminate()
        server.wait(timeout=20)

        # The running app keeps answering from its copy of the index.
        during = service.ask("Should I pay the person threatening me?")
        assert during.answer == before.answer and during.citations
        # A process that never loaded the index gets a plain message, not a stack trace.
        done = run_cli("ask", "Should I pay?", "--json", settings=settings,
                       env_extra={"RECOURSE_CHROMA_HOST": "127.0.0.1", "RECOURSE_CHROMA_PORT": str(port)})
        assert done.returncode == 3 and "not available" in done.stderr and "Traceback" not in done.stderr

        server = start_chroma(tmp_path / "chroma-data", port)
        fresh = Recourse(settings)
        assert fresh.ask("Should I pay the person threatening me?").answer == before.answer
    finally:
        server.kill()


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_disk_that_fills_during_a_build_fails_it_cleanly(small_settings, small_kb):
    service = Recourse(small_settings)
    service.build()
    before = service.store.active()
    answer = service.ask("Should I pay the person threatening me?").answer
    biggest = max(p.stat().st_size for p in small_settings.index_dir.rglob("*") if p.is_file())

    env = {**os.environ, "RECOURSE_INDEX_DIR": str(small_settings.index_dir),
           "RECOURSE_KNOWLEDGE_DIR": str(small_kb)}
    done = subprocess.run([sys.executable, "-m", "assistant", "kb", "build", "--full"], env=env,
                          capture_output=True, text=True, timeout=600, preexec_fn=_limit_file_size(biggest + 4096),
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode != 0
    assert "The build failed" in done.stderr or "not available" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr

    fresh = Recourse(small_settings)
    assert fresh.store.active() == before
    assert fresh.ask("Should I pay the person threatening me?").answer == answer
