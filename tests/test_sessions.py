"""What the web app keeps per session is bounded: API calls keep nothing, tabs are capped and expire when idle.

The real app, served from this process over a small copy of three real topics, so the test can look at what Gradio
holds (its state holder and its queue) while a client talks to it over plain HTTP.
"""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from tests.conftest import copy_groups, free_port, make_settings
from tests.test_http_edges import QUESTION, call_ask, chat_handler, queue_event
from ui.conversation import MAX_TURNS, Conversation

MAX_SESSIONS = 8
IDLE_SECONDS = 4.0
SWEEP_WAIT = IDLE_SECONDS + 6  # the janitor sweeps every 2 s


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(app, url) with a small session cap and a short idle time."""
    from assistant.service import Recourse
    from ui.app import build_app, launch

    tmp = tmp_path_factory.mktemp("sessions")
    knowledge = copy_groups(tmp / "knowledge", ("telegram", "first-hour", "crisis-lines"))
    service = Recourse(make_settings(tmp, knowledge, max_sessions=MAX_SESSIONS, session_idle_seconds=IDLE_SECONDS),
                       notify=lambda _: None)
    service.build()
    app = build_app(service)
    port = free_port()
    launch(app, service.settings, host="127.0.0.1", port=port, block=False, quiet=True, service=service)
    yield app, f"http://127.0.0.1:{port}"
    app.close()


def held(app) -> dict[str, int]:
    queue = app._queue
    return {"sessions": len(app.state_holder.session_data), "last_used": len(app.state_holder.time_last_used),
            "undelivered": len(queue.pending_event_ids_session), "messages": len(queue.pending_messages_per_session)}


def wait_until_empty(app, seconds: float) -> dict[str, int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(held(app).values()):
        time.sleep(0.2)
    return held(app)


EMPTY = {"sessions": 0, "last_used": 0, "undelivered": 0, "messages": 0}


def test_gradio_api_calls_leave_nothing_behind_once_answered(served):
    app, url = served
    assert wait_until_empty(app, SWEEP_WAIT) == EMPTY
    for n in range(30):
        kind, answer = call_ask(url, [f"{QUESTION} ({n})", "UK"])
        assert kind == "complete" and answer["citations"]
    assert held(app)["sessions"] <= MAX_SESSIONS
    assert wait_until_empty(app, 4) == EMPTY  # well before the idle time: an API call's session goes once read


def test_an_answer_not_yet_read_is_kept_until_it_is_read(served):
    app, url = served
    event = httpx.post(f"{url}/gradio_api/call/ask", json={"data": [QUESTION, "UK"]}, timeout=30).json()["event_id"]
    time.sleep(3)  # a sweep has run since the answer was ready
    with httpx.stream("GET", f"{url}/gradio_api/call/ask/{event}", timeout=30) as stream:
        assert "event: complete" in list(stream.iter_lines())


def test_the_json_api_holds_no_session(served):
    app, url = served
    wait_until_empty(app, SWEEP_WAIT)
    for n in range(30):
        response = httpx.post(f"{url}/api/ask", json={"question": f"{QUESTION} ({n})", "jurisdiction": "UK"},
                              timeout=30)
        assert response.status_code == 200
        assert held(app) == EMPTY


def test_chat_sessions_are_capped_and_dropped_when_idle(served):
    app, url = served
    wait_until_empty(app, SWEEP_WAIT)
    handler = chat_handler(url)
    for _ in range(3 * MAX_SESSIONS):
        done = queue_event(url, handler, [QUESTION, None, "UK", "en"], uuid.uuid4().hex)[-1]
        assert done["msg"] == "process_completed" and done["success"]
        assert held(app)["sessions"] <= MAX_SESSIONS
    conversations = [value for session in list(app.state_holder.session_data.values())
                     for value in session.state_data.values() if isinstance(value, Conversation)]
    assert conversations and all(len(c.turns) == 1 for c in conversations)
    assert wait_until_empty(app, SWEEP_WAIT) == EMPTY


def test_a_conversation_keeps_its_last_turns_and_the_crisis_turn():
    conversation = Conversation()
    conversation.start("first")
    conversation.crisis_turn = conversation.start("I want to end my life").id
    for n in range(3 * MAX_TURNS):
        conversation.start(f"question {n}")
    assert len(conversation.turns) == MAX_TURNS
    assert conversation.crisis() is not None and conversation.crisis().question == "I want to end my life"
    assert conversation.turns[-1].question == f"question {3 * MAX_TURNS - 1}"
    assert "first" not in conversation.questions()
