"""Soak: many mixed calls, ordinary and hostile, against `recourse serve`, with the server's memory sampled.

    python bench/soak.py [--calls 20000] [--every 1000] [--concurrency 8] [--groups telegram first-hour ...]

Copies a few topics of knowledge/ to a temporary folder (a small knowledge base: the index is built in seconds and
memory is the app's, not the guidance's), starts `python -m assistant serve` on a free port with everything it
writes captured in one file, and sends --calls calls from --concurrency connections, in a fixed mix:

- ordinary questions to `POST /api/ask` and to the Gradio API (`/gradio_api/call/ask`, then its event stream);
- the chat handler as the page calls it (queue/join, then the session's stream), each from a new session;
- oversized bodies (over RECOURSE_MAX_REQUEST_BYTES) and over-long messages (100,000 characters, under the limit);
- hostile JSON: not JSON, nested 20,000 deep, wrong types, missing and extra fields, lone surrogates, a newline
  and a token in the place, the wrong number of Gradio inputs.

The server's VmRSS is sampled every --every calls and once more after 15 s idle. It prints the curve and the counts:
answered, clean 4xx (and Gradio's clean error events), server 5xx, transport failures, and the tracebacks and
"request failed" tags in the server's log. Exit status 1 when there was a 5xx or a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
GROUPS = ("telegram", "first-hour", "crisis-lines", "sextortion", "france-law")
MAX_BODY = 1_048_576  # the default RECOURSE_MAX_REQUEST_BYTES

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"  # local traffic only, never a proxy

import httpx  # noqa: E402

QUESTIONS = [
    ("Someone posted my photos in a Telegram group. What do I do?", "UK"),
    ("How do I report a Telegram channel that shares my pictures?", None),
    ("Someone is threatening to share my nudes unless I pay", "US"),
    ("有人威胁要公开我的私密照片，我该怎么办？", "CN"),
    ("Quelqu'un a publié mes photos intimes, est-ce illégal ?", "FR"),
    ("What should I do in the first hour?", "AU"),
    ("I want to end my life", None),
    ("nudes leaked", ""),
    ("😢😢😢", None),
    ("Who can I call for help?", "EU"),
]


def hostile_bodies(token: str) -> list[tuple[str, bytes, str]]:
    """(path, body, content type): requests no well-behaved client sends."""
    q = QUESTIONS[0][0]
    as_json = lambda value: json.dumps(value).encode()  # noqa: E731
    return [
        ("/api/ask", b"{", "application/json"),
        ("/api/ask", b"[" * 20_000 + b"]" * 20_000, "application/json"),
        ("/api/ask", b'{"question": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_000 + b"}", "application/json"),
        ("/api/ask", as_json({"question": [q] * 50}), "application/json"),
        ("/api/ask", as_json({"question": None}), "application/json"),
        ("/api/ask", as_json({"question": 1e308, "jurisdiction": 42}), "application/json"),
        ("/api/ask", as_json({"question": q, "jurisdiction": f"UK\nINFO forged {token}"}), "application/json"),
        ("/api/ask", as_json({"question": q, "extra": token}), "application/json"),
        ("/api/ask", as_json({"jurisdiction": "UK"}), "application/json"),
        ("/api/ask", b'{"question": "my ex \\ud83d posted \\udfff my photos", "jurisdiction": "UK"}', "application/json"),
        ("/api/ask", b"\xff\xfe\x00{not utf-8", "application/json"),
        ("/api/ask", q.encode(), "text/plain"),
        ("/api/ask", b"", "application/json"),
        ("/api/ask", as_json(["question", q]), "application/json"),
        ("/gradio_api/call/ask", as_json({"data": [f"{token}\nINFO forged"]}), "application/json"),
        ("/gradio_api/call/ask", as_json({"data": [q, "UK", token]}), "application/json"),
        ("/gradio_api/call/ask", as_json({"data": token}), "application/json"),
        ("/gradio_api/call/ask", as_json({"data": [{token: [token]}, [token]]}), "application/json"),
        ("/gradio_api/call/ask", b"[" * 20_000, "application/json"),
        ("/gradio_api/queue/join", as_json({"data": [token], "fn_index": 10**9, "session_hash": token}),
         "application/json"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Soak:
    def __init__(self, url: str, client: httpx.AsyncClient, chat_fn: int):
        self.url, self.client, self.chat_fn = url, client, chat_fn
        self.counts: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.token = f"soak{uuid.uuid4().hex}"
        self.hostile = hostile_bodies(self.token)

    def tally(self, kind: str, status: int) -> None:
        self.kinds[kind] += 1
        if status < 300:
            self.counts["answered"] += 1
        elif status < 500:
            self.counts["clean 4xx"] += 1
        else:
            self.counts["server 5xx"] += 1

    async def call(self, n: int, rng: random.Random) -> None:
        pick = rng.random()
        question, place = QUESTIONS[n % len(QUESTIONS)]
        try:
            if pick < 0.35:
                reply = await self.client.post(f"{self.url}/api/ask", json={"question": question, "jurisdiction": place})
                self.tally("json api", reply.status_code)
            elif pick < 0.65:
                await self.gradio_api([question, place or ""])
            elif pick < 0.75:
                await self.chat([question, None, place or "unsure", "en"])
            elif pick < 0.78:
                body = b'{"question": "' + b"x" * (MAX_BODY + 1024) + b'"}'  # over the request limit
                reply = await self.client.post(f"{self.url}/api/ask", content=body,
                                               headers={"content-type": "application/json"})
                self.tally("oversized body", reply.status_code)
            elif pick < 0.80:
                reply = await self.client.post(f"{self.url}/api/ask", json={"question": question + " " + "a" * 100_000})
                self.tally("over-long message", reply.status_code)
            else:
                path, body, kind = self.hostile[n % len(self.hostile)]
                reply = await self.client.post(f"{self.url}{path}", content=body, headers={"content-type": kind})
                if reply.status_code == 200 and path.endswith("/call/ask"):
                    await self.read_event(reply.json()["event_id"], "hostile json")
                else:
                    self.tally("hostile json", reply.status_code)
        except httpx.HTTPError as exc:
            self.counts["transport failure"] += 1
            self.kinds[f"transport failure ({type(exc).__name__}, call {n % 100 / 100:.2f})"] += 1

    async def gradio_api(self, data: list) -> None:
        posted = await self.client.post(f"{self.url}/gradio_api/call/ask", json={"data": data})
        if posted.status_code != 200:
            self.tally("gradio api", posted.status_code)
            return
        await self.read_event(posted.json()["event_id"], "gradio api")

    async def read_event(self, event_id: str, kind: str) -> None:
        """The event stream of a Gradio API call: complete is an answer, error is a clean error (counted as 4xx)."""
        async with self.client.stream("GET", f"{self.url}/gradio_api/call/ask/{event_id}") as stream:
            async for line in stream.aiter_lines():
                if line.startswith("event: complete"):
                    self.tally(kind, 200)
                    return
                if line.startswith("event: error"):
                    self.tally(kind, 400)
                    return
        self.tally(kind, stream.status_code if stream.status_code >= 300 else 500)

    async def chat(self, data: list) -> None:
        session = uuid.uuid4().hex
        joined = await self.client.post(f"{self.url}/gradio_api/queue/join", json={
            "data": data, "fn_index": self.chat_fn, "session_hash": session, "event_data": None, "trigger_id": None})
        if joined.status_code != 200:
            self.tally("chat", joined.status_code)
            return
        async with self.client.stream("GET", f"{self.url}/gradio_api/queue/data",
                                      params={"session_hash": session}) as stream:
            async for line in stream.aiter_lines():
                if line.startswith("data:"):
                    item = json.loads(line[5:])
                    if item.get("msg") == "process_completed":
                        self.tally("chat", 200 if item.get("success") else 400)
                        return
                    if item.get("msg") == "unexpected_error":
                        self.tally("chat", 500)
                        return
        self.tally("chat", 500)


def chat_handler(url: str) -> int:
    config = httpx.get(f"{url}/config", timeout=10).json()
    ids = {c["id"]: c.get("props", {}).get("elem_id") for c in config["components"]}
    return next(dep["id"] for dep in config["dependencies"]
                if [ids.get(i) for i in dep["inputs"]][:1] == ["rc-input"] and len(dep["inputs"]) == 4)


async def run(url: str, pid: int, calls: int, every: int, concurrency: int) -> tuple[Soak, list[tuple[int, float]]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        soak = Soak(url, client, chat_handler(url))
        curve = [(0, rss_mb(pid))]
        done = 0
        next_call = 0

        async def worker(seed: int) -> None:
            nonlocal done, next_call
            rng = random.Random(seed)
            while next_call < calls:
                n, next_call = next_call, next_call + 1
                await soak.call(n, rng)
                done += 1
                if done % every == 0:
                    curve.append((done, rss_mb(pid)))
                    print(f"  {done:>6} calls  RSS {curve[-1][1]:6.0f} MB  {dict(soak.counts)}", flush=True)

        await asyncio.gather(*(worker(seed) for seed in range(concurrency)))
        return soak, curve


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=1000, help="sample the server's RSS every N calls")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--groups", nargs="+", default=list(GROUPS), help="topics of knowledge/ to serve")
    parser.add_argument("--idle", type=float, default=15.0, help="seconds idle before the last sample")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="recourse-soak-"))
    knowledge = tmp / "knowledge"
    for group in args.groups:
        shutil.copytree(ROOT / "knowledge" / group, knowledge / group)
    port, log_path = free_port(), tmp / "server.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GRADIO_", "RECOURSE_"))}
    env.update(RECOURSE_KNOWLEDGE_DIR=str(knowledge), RECOURSE_INDEX_DIR=str(tmp / "index"), PYTHONUNBUFFERED="1",
               PYTHONPATH=str(ROOT))
    url = f"http://{HOST}:{port}"
    with log_path.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--host", HOST, "--port", str(port)],
                                cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        else:
            print(log_path.read_text(errors="replace")[-3000:])
            raise SystemExit("the app did not start")
        print(f"serving {len(args.groups)} topics at {url}; RSS at start {rss_mb(proc.pid):.0f} MB", flush=True)
        start = time.monotonic()
        soak, curve = asyncio.run(run(url, proc.pid, args.calls, args.every, args.concurrency))
        elapsed = time.monotonic() - start
        time.sleep(args.idle)
        idle_rss = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    log = log_path.read_text(errors="replace")
    tracebacks = log.count("Traceback (most recent call last)")
    tags = log.count("request failed: ")
    leaked = soak.token in log or "forged" in log

    print(f"\n{args.calls} calls in {elapsed:.0f} s ({args.calls / elapsed:.0f}/s), {args.concurrency} connections")
    print("RSS curve (calls: MB): " + ", ".join(f"{n}: {mb:.0f}" for n, mb in curve)
          + f", after {args.idle:.0f} s idle: {idle_rss:.0f}")
    print(f"peak {max(mb for _, mb in curve):.0f} MB")
    print("calls by kind: " + ", ".join(f"{kind} {n}" for kind, n in sorted(soak.kinds.items())))
    counts = {key: soak.counts.get(key, 0) for key in ("answered", "clean 4xx", "server 5xx", "transport failure")}
    print("outcomes: " + ", ".join(f"{key} {n}" for key, n in counts.items()))
    print(f"server log: {tracebacks} tracebacks, {tags} 'request failed' tags, client values in the log: "
          f"{'YES' if leaked else 'none'}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if counts["server 5xx"] or tracebacks or leaked else 0


if __name__ == "__main__":
    raise SystemExit(main())
