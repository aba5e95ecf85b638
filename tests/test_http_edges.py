"""The running app's HTTP edge, as a hostile client meets it: validation, an honest log, and a request-size limit.

The app is `python -m assistant serve` in its own process (as `make run` starts it), over a small copy of the real
guidance, with everything it writes (stdout and stderr: our log, Gradio's and uvicorn's) captured in one file. The
test talks to it with plain HTTP, not gradio_client, so it can send what no well-behaved client would.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid

import httpx
import pytest

from assistant.answer.messages import message
from assistant.settings import PROJECT_ROOT
from tests.conftest import copy_groups, free_port

JURISDICTION_ERROR = "jurisdiction must be one of GLOBAL, CN, US, UK, AU, EU, FR, or empty"
QUESTION = "How do I report a Telegram group that shares my photos?"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base url, path of the captured server output): the real `recourse serve`."""
    tmp = tmp_path_factory.mktemp("http-edges")
    knowledge = copy_groups(tmp / "knowledge", ("telegram", "first-hour", "crisis-lines"))
    port = free_port()
    out = tmp / "server.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GRADIO_", "RECOURSE_"))}
    env.update(RECOURSE_KNOWLEDGE_DIR=str(knowledge), RECOURSE_INDEX_DIR=str(tmp / "index"), PYTHONUNBUFFERED="1")
    with out.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port",
                                 str(port)], cwd=PROJECT_ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"{url}/config", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"the app did not start:\n{out.read_text(errors='replace')[-3000:]}")
    yield url, out
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def call_ask(url: str, data: list) -> tuple[str, object]:
    """POST /gradio_api/call/ask, then read its event stream: ("complete", answer) or ("error", message).

    The body is escaped as a browser sends it (ASCII JSON), so a lone surrogate travels as "\\ud83d".
    """
    body = json.dumps({"data": data}).encode()
    posted = httpx.post(f"{url}/gradio_api/call/ask", content=body, headers={"content-type": "application/json"},
                        timeout=60)
    if posted.status_code != 200:
        return f"http {posted.status_code}", posted.text
    event_id = posted.json()["event_id"]
    kind, payload = "", None
    with httpx.stream("GET", f"{url}/gradio_api/call/ask/{event_id}", timeout=60) as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind in ("complete", "error"):
                payload = json.loads(line[5:])
                if kind == "error":
                    return kind, payload.get("error") if isinstance(payload, dict) else payload
                return kind, payload[0] if isinstance(payload, list) else payload
    return kind, payload


def queue_event(url: str, fn_index: int, data: list, session_hash: str) -> list[dict]:
    """Join the queue as the page does (any handler, by its index) and return the session's stream until done."""
    joined = httpx.post(f"{url}/gradio_api/queue/join", timeout=30,
                        json={"data": data, "fn_index": fn_index, "session_hash": session_hash,
                              "event_data": None, "trigger_id": None})
    if joined.status_code != 200:
        return [{"msg": "http", "status": joined.status_code}]
    messages = []
    with httpx.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session_hash},
                      timeout=30) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                item = json.loads(line[5:])
                messages.append(item)
                if item.get("msg") in ("process_completed", "close_stream", "unexpected_error"):
                    break
    return messages


def handlers(url: str) -> list[dict]:
    return httpx.get(f"{url}/config", timeout=10).json()["dependencies"]


def chat_handler(url: str) -> int:
    """The index of the send button's handler: the message, the conversation, the place and the language."""
    config = httpx.get(f"{url}/config", timeout=10).json()
    ids = {c["id"]: c.get("props", {}).get("elem_id") for c in config["components"]}
    for dep in config["dependencies"]:
        if [ids.get(i) for i in dep["inputs"]][0] == "rc-input" and len(dep["inputs"]) == 4:
            return dep["id"]
    raise AssertionError("no chat handler in the config")


# -- validation at the edge -------------------------------------------------------------------------------------
def test_the_ask_api_answers_known_places_and_refuses_anything_else(server):
    url, _ = server
    kind, answer = call_ask(url, [QUESTION, "UK"])
    assert kind == "complete" and answer["jurisdiction"] == "UK" and answer["citations"]
    kind, answer = call_ask(url, [QUESTION, ""])
    assert kind == "complete" and answer["jurisdiction"] is None
    for bad in (",UK,", "uk", 42, {"code": "UK"}, ["UK"], "UK\nINFO forged", "X" * 100_000):
        assert call_ask(url, [QUESTION, bad]) == ("error", JURISDICTION_ERROR), bad
    assert call_ask(url, [{"question": QUESTION}, "UK"]) == ("error", "question must be a string")


def test_lone_surrogates_through_the_api_get_a_normal_answer(server):
    url, _ = server
    body = '{"data": ["How do I report a \\ud83d Telegram group \\udfff that shares my photos?", "UK"]}'
    posted = httpx.post(f"{url}/gradio_api/call/ask", content=body, headers={"content-type": "application/json"})
    event_id = posted.json()["event_id"]
    with httpx.stream("GET", f"{url}/gradio_api/call/ask/{event_id}", timeout=60) as stream:
        lines = list(stream.iter_lines())
    assert "event: complete" in lines, lines
    answer = json.loads(lines[lines.index("event: complete") + 1][5:])[0]
    assert answer["route"] == "answer" and answer["citations"]


def test_a_message_over_the_limit_gets_the_sentence_through_the_api_and_the_chat(server):
    url, _ = server
    long = "Quelqu'un a publié mes photos dans un groupe Telegram, que faire ? " * 1500  # about 100,000 characters
    kind, answer = call_ask(url, [long, "FR"])
    assert kind == "complete" and answer["answer"] == message("too_long", "fr") and answer["citations"] == []

    stream = queue_event(url, chat_handler(url), [long, None, "FR", "en"], uuid.uuid4().hex)
    notes = [m for m in stream if m.get("msg") == "log"]
    assert [(n["level"], n["log"]) for n in notes] == [("warning", message("too_long", "fr"))]
    done = stream[-1]
    assert done["msg"] == "process_completed" and done["success"]
    # Nothing was answered and the box keeps the message (every output is left as it was).
    outputs = done["output"]["data"]
    assert all(out is None or (out["__type__"] == "update" and "value" not in out) for out in outputs), outputs


def test_the_chat_refuses_a_place_that_is_not_offered(server):
    url, _ = server
    done = queue_event(url, chat_handler(url), [QUESTION, None, "Narnia", "en"], uuid.uuid4().hex)[-1]
    assert done["msg"] == "process_completed" and not done["success"]
    done = queue_event(url, chat_handler(url), [QUESTION, None, "UK", "en"], uuid.uuid4().hex)[-1]
    assert done["msg"] == "process_completed" and done["success"]


# -- the log ----------------------------------------------------------------------------------------------------
def test_nothing_a_client_sends_reaches_the_server_log(server):
    """A newline (to forge a log line) and a unique token in every field of every handler, the wrong number of
    inputs, the URL, the query and the headers: neither the token nor the forged line may reach the log."""
    url, out = server
    token = f"tok{uuid.uuid4().hex}"
    hostile = f"{token}\nINFO forged {token}"
    before = out.stat().st_size

    def send(request, *args, **kwargs) -> None:
        try:
            request(*args, **kwargs)
        except httpx.HTTPError:  # a hostile request may be cut off; only the log matters here
            pass

    send(call_ask, url, [hostile, hostile])
    send(call_ask, url, [hostile, ""])  # answered: the log line of an answer has the route, never the text
    send(call_ask, url, [hostile])  # too few inputs: Gradio's own error message lists every input received
    send(call_ask, url, [hostile, hostile, hostile])
    send(call_ask, url, [{hostile: hostile}, [hostile]])
    for dep in handlers(url):
        width = len(dep["inputs"])
        for data in ([hostile] * width, [hostile] * max(0, width - 1), [{hostile: hostile}] * width):
            send(queue_event, url, dep["id"], data, session_hash=uuid.uuid4().hex)
    headers = {"User-Agent": token, "Referer": f"http://{token}/", "X-Forwarded-For": token, "Cookie": f"a={token}"}
    for path in (f"/?q={token}", f"/gradio_api/custom_component/{token}/client/{token}/{token}",
                 f"/gradio_api/file={token}", f"/{token}", f"/gradio_api/queue/data?session_hash={token}"):
        send(lambda p: httpx.get(f"{url}{p}", headers=headers, timeout=10).read(), path)
    send(httpx.post, f"{url}/gradio_api/queue/join", content=hostile.encode(), headers=headers, timeout=10)
    send(queue_event, url, 0, [hostile], session_hash=f"{token}\nINFO forged")

    time.sleep(1.0)  # let the server finish writing
    log = out.read_bytes()[before:].decode("utf-8", errors="replace")
    assert "ask route=" in log  # the answers were logged: the capture works
    assert "request failed: " in log  # and Gradio's error paths were taken
    assert token not in log
    assert "forged" not in log


# -- the size limit ---------------------------------------------------------------------------------------------
def raw_request(url: str, head: str, body: bytes = b"") -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(head.encode() + b"\r\n" + body)
        conn.shutdown(socket.SHUT_WR) if not body else None
        return conn.recv(4096)


@pytest.mark.parametrize("path", ["/gradio_api/call/ask", "/gradio_api/queue/join", "/gradio_api/upload"])
def test_a_100_mb_body_gets_413_without_being_read(server, path):
    """Content-Length says 100 MB; only 1 byte is sent, so an answer at all proves the body was not waited for."""
    url, _ = server
    head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {100 * 1024 * 1024}\r\n")
    start = time.monotonic()
    reply = raw_request(url, head, b"{")
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert time.monotonic() - start < 5


def test_a_chunked_body_over_the_limit_is_cut_off_with_413(server):
    """No Content-Length to trust: the server counts what it reads and stops at the limit."""
    url, _ = server

    def chunks():
        for _ in range(200):  # 200 x 64 KiB = 12.5 MiB offered
            yield b" " * 65536

    reply = httpx.post(f"{url}/gradio_api/call/ask", content=chunks(), headers={"content-type": "application/json"},
                       timeout=30)
    assert reply.status_code == 413


def test_a_body_under_the_limit_is_read(server):
    url, _ = server
    kind, answer = call_ask(url, [QUESTION + " " * 500_000, "UK"])  # padded to about 0.5 MB, blank after cleaning
    assert kind == "complete" and answer["citations"]


def test_the_plain_json_api_answers_with_the_ask_contract(server):
    url, _ = server
    response = httpx.post(f"{url}/api/ask", json={"question": QUESTION, "jurisdiction": "UK", "id": "q1"}, timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "q1" and body["route"] == "answer" and body["jurisdiction"] == "UK"
    assert body["citations"] and all(c["url"].startswith("http") for c in body["citations"])
    assert body["blocks"] and {"kind", "heading", "lines"} <= set(body["blocks"][0])
    assert body["composer"] == "grounded" and isinstance(body["needs_place"], bool)


@pytest.mark.parametrize("payload", [
    {"question": 42},
    {"question": QUESTION, "jurisdiction": "Mars"},
    {"question": QUESTION, "extra": "field"},
    {"jurisdiction": "UK"},
])
def test_the_plain_json_api_refuses_bad_input_clearly_and_never_echoes_it(server, payload):
    url, log_path = server
    token = f"tok-{uuid.uuid4().hex}\nforged log line"
    payload = {key: (token if value == "Mars" else value) for key, value in payload.items()}
    response = httpx.post(f"{url}/api/ask", json=payload, timeout=30)
    assert response.status_code == 422
    assert token not in response.text and token.split("\n")[0] not in response.text
    time.sleep(0.3)
    assert token.split("\n")[0] not in log_path.read_text(errors="replace")


def test_healthz_says_ready_with_the_generation_and_model(server):
    url, _ = server
    response = httpx.get(f"{url}/healthz", timeout=10)
    assert response.status_code == 200
    health = response.json()
    assert health["ready"] is True and health["generation"] and health["model"] and health["passages"] > 0


@pytest.mark.parametrize("path, body", [
    ("/gradio_api/queue/join", {"data": ["x"], "fn_index": 10**9, "session_hash": "s", "event_data": None}),
    ("/gradio_api/queue/join", {"data": ["x"], "fn_index": -5, "session_hash": "s", "event_data": None}),
    ("/gradio_api/call/no_such_api", {"data": ["x", "UK"]}),
    ("/gradio_api/api/no_such_api", {"data": ["x", "UK"]}),
])
def test_a_call_to_a_handler_that_does_not_exist_is_a_clean_404(server, path, body):
    """It was a 500 (KeyError out of Gradio's route)."""
    url, log_path = server
    before = log_path.stat().st_size
    response = httpx.post(f"{url}{path}", json=body, timeout=30)
    assert response.status_code == 404 and response.json() == {"detail": "no such handler"}
    time.sleep(0.3)
    assert "Traceback" not in log_path.read_bytes()[before:].decode(errors="replace")


def test_lone_surrogates_through_the_json_api_get_a_normal_answer(server):
    """pydantic refused the whole message (422) for half an emoji; every other edge makes it a space."""
    url, _ = server
    body = '{"question": "How do I report a \\ud83d Telegram group \\udfff that shares my photos?", "id": "\\udc00"}'
    response = httpx.post(f"{url}/api/ask", content=body, headers={"content-type": "application/json"}, timeout=30)
    assert response.status_code == 200
    assert response.json()["route"] == "answer" and response.json()["citations"]
