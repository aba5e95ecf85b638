"""Generated hostile input, to the service and to the running app's HTTP edge: a clean answer or a clean error, always.

Hypothesis makes the input: any unicode (lone surrogates, control and direction characters, emoji), strings far
over the length limit, nested JSON, and values of the wrong type in every field. `Recourse.ask` must answer or refuse
the place with its one ValueError; `POST /api/ask` and the Gradio API of `recourse serve` (a subprocess, its output
captured) must answer 200 or a clean 4xx, and the server's log must hold no traceback. The example counts keep the
whole module under about a minute; the examples are not stored (database=None).
"""

from __future__ import annotations

import json
import time

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.service import AskResult, Recourse
from tests.conftest import copy_groups, make_settings
from tests.test_http_edges import call_ask, server  # noqa: F401  (the real server, a fixture)

JURISDICTION_ERROR = "jurisdiction must be one of GLOBAL, CN, US, UK, AU, EU, FR, or empty"
ROUTES = {"answer", "crisis", "refuse", "out_of_scope"}
SETTINGS = dict(deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])

# Text a keyboard never makes, mixed with text it does.
odd = st.one_of(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
                st.characters(max_codepoint=0x9F, categories=["Cc"]),  # control characters
                st.sampled_from(["\u202e", "\u200b", "\u2066", "\ufeff", "\U0001F622", "\n", "\r\n"]))
words = st.sampled_from(["my ex posted my nudes", "telegram", "有人威胁我", "aidez-moi", "revenge porn", " ", ""])
text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=200),  # any code point, surrogates included
    st.lists(st.one_of(odd, words), max_size=40).map("".join),
    st.tuples(st.text(max_size=30), st.integers(1, 20_000)).map(lambda p: p[0] * p[1]),  # up to ~600,000 chars
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
places = st.one_of(st.sampled_from(["UK", "FR", "CN", "GLOBAL", "", None, "uk", ",UK,", "UK\nINFO forged"]),
                   json_values)


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> Recourse:
    tmp = tmp_path_factory.mktemp("hostile")
    knowledge = copy_groups(tmp / "knowledge", ("telegram", "first-hour", "crisis-lines"))
    recourse = Recourse(make_settings(tmp, knowledge), notify=lambda _: None)
    recourse.build()
    return recourse


def assert_answer(answer: dict) -> None:
    assert answer["route"] in ROUTES and isinstance(answer["answer"], str) and answer["answer"].strip()
    assert answer["language"] in ("en", "zh", "fr")
    json.dumps(answer, ensure_ascii=False).encode("utf-8")  # no lone surrogate left in what is sent back


@settings(max_examples=250, **SETTINGS)
@given(question=st.one_of(text, json_values), place=places)
def test_the_service_answers_anything_or_refuses_the_place_cleanly(service, question, place):
    try:
        result = service.ask(question, place)
    except ValueError as exc:
        assert str(exc) == JURISDICTION_ERROR
        return
    assert isinstance(result, AskResult)
    assert_answer(result.to_dict())


def post_json(url: str, body: bytes) -> httpx.Response:
    return httpx.post(f"{url}/api/ask", content=body, headers={"content-type": "application/json"}, timeout=60)


@settings(max_examples=200, **SETTINGS)
@given(body=st.one_of(
    st.fixed_dictionaries({"question": st.one_of(text, json_values)},
                          optional={"jurisdiction": places, "id": st.one_of(text, json_values),
                                    "extra": json_values}),
    json_values,
))
def test_the_json_api_answers_or_refuses_cleanly(server, body):  # noqa: F811
    url, _ = server
    encoded = json.dumps(body).encode()  # ensure_ascii: a lone surrogate travels as \\udxxx, as a browser sends it
    response = post_json(url, encoded)
    assert response.status_code in (200, 400, 413, 422), (response.status_code, response.text[:300])
    if response.status_code == 200:
        assert_answer(response.json())
    else:
        assert "Traceback" not in response.text


@settings(max_examples=60, **SETTINGS)
@given(data=st.lists(st.one_of(text, json_values), max_size=4))
def test_the_gradio_api_answers_or_errs_cleanly(server, data):  # noqa: F811
    url, _ = server
    kind, payload = call_ask(url, data)
    assert kind in ("complete", "error") or kind.startswith("http 4"), (kind, str(payload)[:300])
    if kind == "complete":
        assert_answer(payload)


def test_and_the_server_log_holds_no_traceback(server):  # noqa: F811
    """Last in the module: after every example above, the captured output of the server."""
    _, log_path = server
    time.sleep(0.5)
    log = log_path.read_text(errors="replace")
    assert "ask route=" in log
    assert "Traceback" not in log and "Exception in ASGI application" not in log
