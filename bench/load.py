"""Cold start, resident memory and concurrent load against the real app, served as a subprocess on 127.0.0.1.

    .venv/bin/python bench/load.py [--seconds 60] [--sessions 1 10 50] [--two-processes] [--publish]

Copies knowledge/ to a temporary folder, builds its index with `python -m assistant kb build`, starts
`python -m assistant serve` on a free port and times process start to the first answer through the Gradio API
(Gradio's HTTP API: POST /gradio_api/call/ask, then its event stream). Samples the server's VmRSS
(/proc/PID/status) throughout. Then for each N runs N concurrent sessions for --seconds, each on its own connection
asking the questions of shared/eval/dev.jsonl one after another (no pause between an answer and the next question),
and prints throughput, p50/p95 latency, errors and the CPU the load generator itself used (it shares the 2 cores).

The sessions are asyncio tasks with httpx in this one process: gradio_client spends about 80 ms of CPU per question
(threads and polling per job), so with it the load generator, not the app, was using most of the machine.

With --two-processes it then starts a `chroma run` server on a free port, builds the index against it
(RECOURSE_CHROMA_HOST/PORT), starts two app processes on two ports sharing it, and splits the largest N across them.
Every subprocess is stopped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CHROMA = ROOT / ".venv" / "bin" / "chroma"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
HOST = "127.0.0.1"
START_TIMEOUT = 180.0

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"  # local traffic only, never a proxy

import httpx

from assistant.vocabulary import percentile  # cheap: no model, no side effect

PROCS: list[subprocess.Popen] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def questions() -> list[tuple[str, str | None]]:
    return [(r["question"], r.get("jurisdiction")) for r in map(json.loads, DEV.open(encoding="utf-8")) if r]


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class RssSampler(threading.Thread):
    """Polls a process's VmRSS every 0.2 s; keeps the peak and the latest value."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.last = pid, 0.0, 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            value = rss_mb(self.pid)
            if value is not None:
                self.last, self.peak = value, max(self.peak, value)
            self.stop.wait(0.2)


def spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = log.open("wb")
    proc = subprocess.Popen(args, stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    PROCS.append(proc)
    return proc


def stop_all() -> None:
    for proc in PROCS:
        if proc.poll() is None:
            proc.terminate()
    for proc in PROCS:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def build_index(env: dict[str, str], log: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([str(PYTHON), "-m", "assistant", "kb", "build"], env=env, cwd=ROOT,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"kb build failed ({result.returncode}):\n{tail(log)}")
    return time.perf_counter() - start


def start_app(port: int, env: dict[str, str], log: Path) -> tuple[subprocess.Popen, float]:
    """Start `assistant serve`; return the process and when it started (perf_counter)."""
    started = time.perf_counter()
    proc = spawn([str(PYTHON), "-m", "assistant", "serve", "--host", HOST, "--port", str(port)], env, log)
    return proc, started


async def ask_once(client: httpx.AsyncClient, url: str, question: str, place: str | None, timeout: float,
                   session: str | None = None) -> dict:
    """One question through Gradio's HTTP API (the queue, as the page uses it): POST the call, read its event stream.

    `session` is the session hash a browser tab keeps for its whole visit; without one Gradio starts a new session.
    """
    body = {"data": [question, place], "session_hash": session}
    posted = await client.post(f"{url}gradio_api/call/ask", json=body, timeout=timeout)
    posted.raise_for_status()
    event_id = posted.json()["event_id"]
    event = None
    async with client.stream("GET", f"{url}gradio_api/call/ask/{event_id}", timeout=timeout) as stream:
        async for line in stream.aiter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ").strip()
            elif line.startswith("data: ") and event in ("complete", "error"):
                if event == "error":
                    raise RuntimeError(f"the app answered with an error: {line[6:106]}")
                data = json.loads(line.removeprefix("data: "))
                return data[0] if isinstance(data, list) and data else {}
    raise RuntimeError(f"the event stream ended without an answer (last event: {event})")


def wait_first_answer(proc: subprocess.Popen, port: int, started: float, log: Path) -> float:
    """Seconds from process start to the first successful /ask answer."""
    url = f"http://{HOST}:{port}/"
    question, place = questions()[0]
    deadline = started + START_TIMEOUT

    async def attempt() -> bool:
        async with httpx.AsyncClient(trust_env=False) as client:
            answer = await ask_once(client, url, question, place, timeout=max(1.0, deadline - time.perf_counter()))
        return bool(answer.get("answer"))

    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"app on port {port} exited ({proc.returncode}):\n{tail(log)}")
        try:
            if asyncio.run(attempt()):
                return time.perf_counter() - started
        except (httpx.HTTPError, RuntimeError, KeyError, ValueError):  # not up yet
            pass
        time.sleep(0.05)
    raise SystemExit(f"app on port {port} gave no answer within {START_TIMEOUT:.0f} s:\n{tail(log)}")


def run_load(urls: list[str], sessions: int, seconds: float, timeline: list | None = None,
             stop: threading.Event | None = None) -> dict:
    """`sessions` concurrent sessions (each its own HTTP connection, spread round-robin over urls), asking in a
    loop for `seconds` (or until `stop` is set): each asks, waits for the whole answer, then asks the next
    question. `timeline` receives (began, ended) of every answer."""
    cpu = time.process_time()
    result = asyncio.run(_load(urls, sessions, seconds, timeline, stop))
    result["client_cpu"] = (time.process_time() - cpu) / result["elapsed"]
    return result


async def _load(urls: list[str], sessions: int, seconds: float, timeline: list | None = None,
                stop: threading.Event | None = None) -> dict:
    asked = questions()
    latencies: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    end = start + seconds

    async def session(index: int) -> None:
        url = urls[index % len(urls)]
        i = index  # each session starts at a different question
        hash_ = f"bench-{index}-{uuid.uuid4().hex[:8]}"
        async with httpx.AsyncClient(trust_env=False) as client:
            while time.perf_counter() < end and not (stop is not None and stop.is_set()):
                question, place = asked[i % len(asked)]
                i += 1
                began = time.perf_counter()
                try:
                    answer = await ask_once(client, url, question, place, timeout=120.0, session=hash_)
                    if answer.get("answer"):
                        latencies.append(time.perf_counter() - began)
                        if timeline is not None:
                            timeline.append((began, time.perf_counter()))
                    else:
                        errors.append(f"empty answer: {str(answer)[:100]}")
                except Exception as exc:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
                    await asyncio.sleep(0.05)

    await asyncio.gather(*(session(n) for n in range(sessions)))
    elapsed = time.perf_counter() - start
    return {"answers": len(latencies), "elapsed": elapsed, "throughput": len(latencies) / elapsed,
            "p50": percentile(latencies, 50) * 1000, "p95": percentile(latencies, 95) * 1000,
            "p99": percentile(latencies, 99) * 1000, "errors": len(errors), "sample_errors": sorted(set(errors))[:3]}


def report(label: str, r: dict) -> None:
    print(f"{label}: {r['answers']} answers in {r['elapsed']:.1f} s -> {r['throughput']:.1f} answers/s, "
          f"p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, p99 {r['p99']:.0f} ms, errors {r['errors']} "
          f"(load generator used {r['client_cpu']:.2f} of a core)", flush=True)
    for sample in r["sample_errors"]:
        print(f"    e.g. {sample}", flush=True)


def base_env(tmp: Path) -> dict[str, str]:
    knowledge = tmp / "knowledge"
    if not knowledge.exists():
        shutil.copytree(ROOT / "knowledge", knowledge)
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOURSE_")}
    env.update(RECOURSE_KNOWLEDGE_DIR=str(knowledge), RECOURSE_INDEX_DIR=str(tmp / "index"),
               RECOURSE_LOG_LEVEL="WARNING", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1",
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost", GRADIO_ANALYTICS_ENABLED="False")
    return env


def single_process(tmp: Path, args: argparse.Namespace) -> None:
    env = base_env(tmp)
    print(f"index build (kb build, subprocess): {build_index(env, tmp / 'build.log'):.1f} s", flush=True)
    port = free_port()
    proc, started = start_app(port, env, tmp / "app.log")
    sampler = RssSampler(proc.pid)
    sampler.start()
    cold = wait_first_answer(proc, port, started, tmp / "app.log")
    print(f"cold start (process start -> first /ask answer): {cold:.1f} s; RSS after first answer "
          f"{rss_mb(proc.pid) or 0:.0f} MB", flush=True)
    url = f"http://{HOST}:{port}/"
    for n in args.sessions:
        result = run_load([url], n, args.seconds)
        report(f"N={n:<3d} (1 process)", result)
        print(f"    server RSS: peak so far {sampler.peak:.0f} MB, now {rss_mb(proc.pid) or 0:.0f} MB", flush=True)
    sampler.stop.set()
    print(f"server RSS while serving: peak {sampler.peak:.0f} MB, after load {rss_mb(proc.pid) or 0:.0f} MB",
          flush=True)
    proc.terminate()


def publish_during_load(tmp: Path, args: argparse.Namespace) -> None:
    """10 sessions asking: for --seconds / 3, then while another process publishes a new index generation (an
    edited page, `kb build`), then for --seconds / 3 after the publish (so the window in which the app loads and
    swaps in the new generation has the same length however long the build took). Prints the p99 of the answers
    before the publish and the slowest answer from then on."""
    tmp = tmp / "publish"
    tmp.mkdir()
    env = base_env(tmp)
    build_index(env, tmp / "build.log")
    port = free_port()
    # The control (--no-swap): the same build on the same cores, but the app never looks for a new generation, so
    # what the build alone costs the answers can be told apart from what the swap costs them.
    app_env = {**env, "RECOURSE_INDEX_CHECK_SECONDS": "100000"} if args.no_swap else env
    proc, started = start_app(port, app_env, tmp / "app.log")
    wait_first_answer(proc, port, started, tmp / "app.log")
    timeline: list[tuple[float, float]] = []
    holder: dict = {}
    stop = threading.Event()
    loader = threading.Thread(target=lambda: holder.update(result=run_load([f"http://{HOST}:{port}/"], 10,
                                                                           10 * args.seconds, timeline, stop)))
    loader.start()
    time.sleep(args.seconds / 3)
    page = tmp / "knowledge" / "telegram" / "en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Publish check\n\n- A new line to publish.\n",
                    encoding="utf-8")
    first = httpx.get(f"http://{HOST}:{port}/healthz", timeout=10, trust_env=False).json()["generation"]
    publish_start = time.perf_counter()
    swapped = watch_swap(port, first, stop)  # from now: the app may swap before the build's process has exited
    took = build_index(env, tmp / "build2.log")
    published = time.perf_counter()
    time.sleep(args.seconds / 3)
    stop.set()
    loader.join()
    report("N=10 with a new index published during the run", holder["result"])
    before = sorted(end - began for began, end in timeline if end < publish_start)
    building = [end - began for began, end in timeline if publish_start <= end < published]
    after = [end - began for began, end in timeline if end >= published]
    p99_before = percentile(before, 99) * 1000 if before else 0.0

    def window(values: list[float]) -> str:
        over = sum(1 for v in values if v * 1000 > p99_before)
        return (f"{len(values)} answers, slowest {max(values, default=0) * 1000:.0f} ms, {over} over that p99 "
                f"(1% of them, {len(values) / 100:.0f}, would be at the same speed as before)")

    print(f"    before the publish: {len(before)} answers, p99 {p99_before:.0f} ms", flush=True)
    print(f"    while `kb build` ran in another process ({took:.1f} s, on the same 2 cores): {window(building)}")
    print(f"    after it published (the app loads the new generation in the background and swaps): {window(after)}",
          flush=True)
    # The app notices the new generation within RECOURSE_INDEX_CHECK_SECONDS (2 s) and loads it in about a second.
    swap = [end - began for began, end in timeline if published <= end < published + 5]
    print(f"      of which ended in the first 5 s after the publish: {window(swap)}", flush=True)
    if "at" in swapped:
        # Local in time, so less swayed by other work on the machine than the p99 of the minute before: the answers
        # in flight within 0.5 s of the swap, against the p99 of those that ended in the 10 s after it (from 2 s on).
        at = swapped["at"]
        near = [end - began for began, end in timeline if began <= at + 0.5 and end >= at - 0.5]
        later = [end - began for began, end in timeline if at + 2 <= end < at + 12]
        p99_later = percentile(later, 99) * 1000 if later else 0.0
        print(f"    swap seen on /healthz {at - published:+.1f} s after `kb build` exited; answers in flight within 0.5 s "
              f"of it: {len(near)}, slowest {max(near, default=0) * 1000:.0f} ms, "
              f"{sum(1 for v in near if v * 1000 > p99_later)} over the p99 of the 10 s after it "
              f"({p99_later:.0f} ms, {len(later)} answers)", flush=True)
    else:
        print("    the swap was not seen on /healthz", flush=True)
    proc.terminate()


def watch_swap(port: int, first: str, stop: threading.Event) -> dict:
    """Polls GET /healthz every 20 ms, in a thread, until the generation it serves is no longer `first`; the dict
    it returns then holds "at" (perf_counter, midway between the last poll with the old generation and this one)."""
    found: dict = {}

    def poll() -> None:
        last = time.perf_counter()
        with httpx.Client(trust_env=False) as client:
            while not stop.is_set():
                try:
                    generation = client.get(f"http://{HOST}:{port}/healthz", timeout=10).json()["generation"]
                except (httpx.HTTPError, ValueError, KeyError):
                    generation = first
                now = time.perf_counter()
                if generation != first:
                    found["at"] = (last + now) / 2
                    return
                last = now
                time.sleep(0.02)

    threading.Thread(target=poll, daemon=True).start()
    return found


def two_processes(tmp: Path, args: argparse.Namespace) -> None:
    tmp = tmp / "two"
    tmp.mkdir()
    env = base_env(tmp)
    chroma_port = free_port()
    chroma = spawn([str(CHROMA), "run", "--path", str(tmp / "chroma"), "--host", HOST, "--port", str(chroma_port)],
                   env, tmp / "chroma.log")
    deadline = time.time() + 60
    while True:
        try:
            with socket.create_connection((HOST, chroma_port), timeout=0.5):
                break
        except OSError:
            if chroma.poll() is not None or time.time() > deadline:
                raise SystemExit(f"chroma run did not start:\n{tail(tmp / 'chroma.log')}") from None
            time.sleep(0.2)
    env.update(RECOURSE_CHROMA_HOST=HOST, RECOURSE_CHROMA_PORT=str(chroma_port))
    print(f"\nchroma run on {HOST}:{chroma_port}; index build against it: "
          f"{build_index(env, tmp / 'build.log'):.1f} s", flush=True)
    ports = [free_port(), free_port()]
    while ports[1] == ports[0]:
        ports[1] = free_port()
    apps = [start_app(port, env, tmp / f"app{i}.log") for i, port in enumerate(ports)]
    samplers = []
    for proc, _ in apps:
        sampler = RssSampler(proc.pid)
        sampler.start()
        samplers.append(sampler)
    for i, ((proc, started), port) in enumerate(zip(apps, ports, strict=True)):
        cold = wait_first_answer(proc, port, started, tmp / f"app{i}.log")
        print(f"app {i + 1} on port {port}: first answer {cold:.1f} s after start (both started together)", flush=True)
    n = max(args.sessions)
    result = run_load([f"http://{HOST}:{port}/" for port in ports], n, args.seconds)
    report(f"N={n} split over 2 processes + chroma run", result)
    for i, ((proc, _), sampler) in enumerate(zip(apps, samplers, strict=True)):
        sampler.stop.set()
        print(f"    app {i + 1} RSS: peak {sampler.peak:.0f} MB, after load {rss_mb(proc.pid) or 0:.0f} MB")
    print(f"    chroma run RSS: {rss_mb(chroma.pid) or 0:.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each load run (15 for a quick run)")
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--two-processes", action="store_true",
                        help="then two app processes sharing one `chroma run` server, with the largest N")
    parser.add_argument("--only-two-processes", action="store_true", help="skip the single-process runs")
    parser.add_argument("--publish", action="store_true",
                        help="only: 10 sessions while another process publishes a new index generation")
    parser.add_argument("--no-swap", action="store_true",
                        help="with --publish: the control run, where the app never adopts the new generation")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="recourse-load-"))
    try:
        if args.publish:
            publish_during_load(tmp, args)
            return
        if not args.only_two_processes:
            single_process(tmp, args)
        if args.two_processes or args.only_two_processes:
            two_processes(tmp, args)
    finally:
        stop_all()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
