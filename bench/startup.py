"""Restart time as a person sees it: `python -m assistant serve` started, to the first question answered.

    python bench/startup.py [--runs 3] [--importtime]

Uses the checkout's own settings and index (var/index, built beforehand: `recourse kb build`), as `make run` does
after the first time. Each run starts `python -m assistant serve` on a free port and, from the moment the process
is started, posts one question to `POST /api/ask` every 50 ms until an answer comes back. It prints, per run, the
seconds to: the server's first response of any kind, the "ready" line the server prints, and the first answer,
and the load average (other work on the machine slows start-up). With --importtime it runs once more under
`python -X importtime` and prints the slowest top-level imports (cumulative), which is where start-up goes before
any model is loaded.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TIMEOUT = 180.0
QUESTION = {"question": "Someone posted my photos in a Telegram group. What do I do?", "jurisdiction": "UK"}

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"  # local traffic only, never a proxy

import httpx  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def environment() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return env


def one_run(extra: list[str], log: Path) -> dict[str, float]:
    """Start the server, wait for its first answer, stop it; the seconds to each milestone."""
    port = free_port()
    marks: dict[str, float] = {}
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, *extra, "-m", "assistant", "serve", "--host", HOST,
                                 "--port", str(port)], stdout=subprocess.PIPE, stderr=out, env=environment(),
                                cwd=ROOT)

    def watch_stdout() -> None:
        for line in proc.stdout:
            if b"ready at" in line and "ready line" not in marks:
                marks["ready line"] = time.perf_counter() - started

    threading.Thread(target=watch_stdout, daemon=True).start()
    try:
        with httpx.Client(trust_env=False, timeout=30) as client:
            while time.perf_counter() - started < TIMEOUT:
                if proc.poll() is not None:
                    raise SystemExit(f"the server exited ({proc.returncode}); see {log}")
                try:
                    response = client.post(f"http://{HOST}:{port}/api/ask", json=QUESTION)
                except httpx.TransportError:
                    time.sleep(0.05)
                    continue
                marks.setdefault("first response", time.perf_counter() - started)
                if response.status_code == 200 and response.json().get("answer"):
                    marks["first answer"] = time.perf_counter() - started
                    return marks
                time.sleep(0.05)
        raise SystemExit(f"no answer within {TIMEOUT:.0f} s; see {log}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def slowest_imports(log: Path, top: int = 15) -> list[tuple[float, str]]:
    """Top-level packages by cumulative import time, from a `-X importtime` log."""
    totals: dict[str, float] = {}
    pattern = re.compile(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)")
    for line in log.read_text(errors="replace").splitlines():
        found = pattern.match(line)
        if found and len(found.group(2)) == 1:  # a top-level import (one space of indentation)
            name = found.group(3).split(".")[0]
            totals[name] = totals.get(name, 0.0) + int(found.group(1)) / 1e6
    return sorted(((s, n) for n, s in totals.items()), reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--importtime", action="store_true", help="also profile the imports once")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="recourse-startup-"))
    firsts = []
    for n in range(1, args.runs + 1):
        marks = one_run([], tmp / f"run{n}.log")
        firsts.append(marks["first answer"])
        load = os.getloadavg()[0]
        print(f"run {n}: first response {marks.get('first response', 0):.1f} s, ready line "
              f"{marks.get('ready line', 0):.1f} s, first answer {marks['first answer']:.1f} s "
              f"(load average {load:.1f} on {os.cpu_count()} cores)", flush=True)
    print(f"first answer: {min(firsts):.1f}-{max(firsts):.1f} s over {len(firsts)} restarts", flush=True)
    if args.importtime:
        log = tmp / "importtime.log"
        one_run(["-X", "importtime"], log)
        print("slowest top-level imports (cumulative seconds, one run under -X importtime, which adds overhead):")
        for seconds, name in slowest_imports(log):
            print(f"  {seconds:6.2f}  {name}")


if __name__ == "__main__":
    main()
