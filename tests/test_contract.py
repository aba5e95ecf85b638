"""The `ask` contract that the UI, the evaluation and later issues rely on."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from assistant.evaluation.scoring import citations_valid, markers_match, place_violations
from assistant.knowledge.documents import load_documents
from assistant.settings import PROJECT_ROOT
from tests.conftest import KNOWLEDGE, SHARED_EVAL

FIELDS = {"id", "route", "language", "jurisdiction", "answer", "citations", "timing_ms"}
CITATION_FIELDS = {"n", "doc_id", "title", "section", "url", "text"}


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    docs, _ = load_documents(KNOWLEDGE)
    return {d.meta.id: d.body for d in docs}


QUESTIONS = [
    ("Someone posted my intimate photos in a Telegram group. What should I do first?", None, "en"),
    ("有人在电报群里传播我的私密照片，我该怎么办？", "CN", "zh"),
    ("Quelqu'un a publié mes photos intimes sans mon accord. Que faire ?", None, "fr"),
    ("Est-ce que diffuser des images intimes sans consentement est puni en France ?", "FR", "fr"),
    ("在中国，偷拍和传播别人的私密视频违法吗？", "CN", "zh"),
]


@pytest.mark.parametrize("question, place, language", QUESTIONS)
def test_answers_are_cited_in_the_question_language(full_service, bodies, question, place, language):
    result = full_service.ask(question, place).to_dict()
    assert set(result) >= FIELDS
    assert result["route"] == "answer" and result["language"] == language
    assert result["citations"], result["answer"]
    for citation in result["citations"]:
        assert set(citation) >= CITATION_FIELDS
        assert citation["url"].startswith(("https://", "http://"))
        assert citation["doc_id"].endswith(f"-{language}") or language == "en"
    assert markers_match(result["answer"], result["citations"])
    assert citations_valid(result["citations"], bodies)
    if language == "zh":
        assert len(re.findall(r"[\u4e00-\u9fff]", result["answer"])) > 40
    assert result["timing_ms"]["total"] > 0


def test_every_quoted_line_comes_from_the_passage_it_cites(full_service):
    for question in ("How do I stop my images being shared on Facebook and Instagram?",
                     "Is it a crime in France to share someone's nudes?", "有人在电报群里传播我的私密照片，我该怎么办？"):
        result = full_service.ask(question)
        texts = {c.n: c.text for c in result.citations}
        quoted = [line for block in result.blocks for line in block.lines if line.n is not None]
        assert quoted
        for line in quoted:
            assert line.text in texts[line.n]
            assert re.search(re.escape(line.text) + r"\**\s\[" + str(line.n) + r"\]", result.answer)


def test_the_same_question_gives_the_same_answer(full_service):
    first = full_service.ask("What evidence should I collect before I report?")
    second = full_service.ask("What evidence should I collect before I report?")
    assert first.answer == second.answer and first.citations == second.citations


@pytest.mark.parametrize("question", [
    "What's a good recipe for pork dumplings?",
    "What is the boiling point of tungsten in kelvin?",
])
def test_an_unrelated_question_gets_no_unrelated_citations(full_service, question):
    result = full_service.ask(question)
    assert result.citations == []
    assert result.route == "out_of_scope" or "could not find" in result.answer


def test_a_known_jurisdiction_ranks_its_own_guidance_first(full_service):
    question = "Is it a crime to share someone's intimate images without consent?"
    uk = full_service.ask(question, "UK")
    assert "66B" in uk.citations[0].text
    au = full_service.ask(question, "AU")
    assert "Australia" in au.citations[0].text and "66B" not in au.answer


def test_the_answer_to_the_question_comes_first_then_the_persons_own_help(full_service):
    result = full_service.ask("Someone is threatening to share my photos unless I pay", "UK")
    direct = [b for b in result.blocks if b.kind == "direct"]
    assert direct and "do not pay" in direct[0].lines[0].text.lower()  # the literal question's answer, first
    assert "0345 6000 459" in result.answer  # the UK's own helpline in the steps
    assert place_violations(result.answer, "UK") == set()


def run_cli(*args: str, stdin: str | None = None, env_extra: dict | None = None, settings=None):
    env = {**os.environ, **(env_extra or {})}
    if settings is not None:
        env["RECOURSE_INDEX_DIR"] = str(settings.index_dir)
        env["RECOURSE_KNOWLEDGE_DIR"] = str(settings.knowledge_dir)
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=PROJECT_ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=600)


def test_cli_ask_json_builds_a_missing_index_and_keeps_stdout_clean(small_settings):
    done = run_cli("ask", "Should I pay the person threatening me?", "--json", settings=small_settings)
    assert done.returncode == 0, done.stderr
    assert "Building the index" in done.stderr
    result = json.loads(done.stdout)
    assert set(result) >= FIELDS and result["citations"]


def test_cli_ask_jsonl_keeps_order_and_ids(small_settings, tmp_path):
    questions = tmp_path / "q.jsonl"
    rows = [{"id": "a", "question": "Comment porter plainte en France ?", "jurisdiction": "FR"},
            {"id": "b", "question": "电报上怎么举报？"},
            {"id": "c", "question": "Should I pay?"}]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    done = run_cli("ask", "--jsonl", str(questions), settings=small_settings)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert [o["language"] for o in out] == ["fr", "zh", "en"]
    assert out[0]["jurisdiction"] == "FR"


def test_cli_validate_reports_file_line_and_field(small_settings, small_kb):
    path = small_kb / "telegram" / "zh.md"
    path.write_text(path.read_text(encoding="utf-8").replace("language: zh", "language: de"), encoding="utf-8")
    done = run_cli("kb", "validate", settings=small_settings)
    assert done.returncode == 1
    assert f"{path}:4: language:" in done.stdout


@pytest.mark.skipif(not SHARED_EVAL.exists(), reason="shared/eval/dev.jsonl is not beside the project")
def test_cli_eval_prints_the_figures(small_settings):
    done = run_cli("eval", str(SHARED_EVAL), settings=small_settings)
    assert done.returncode == 0, done.stderr
    for label in ("route accuracy", "fact coverage", "grounded citations", "answer language", "place violations",
                  "over phone budget", "latency p50"):
        assert label in done.stdout


def test_the_core_never_imports_gradio(small_settings):
    code = ("import sys; from assistant import Recourse; "
            "assert not any(m == 'gradio' or m.startswith('gradio.') for m in sys.modules), 'gradio imported'")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_relevance_floor_marks_unrelated_passages_irrelevant(full_service):
    retriever = full_service.retriever(full_service.snapshot())
    unrelated = retriever.invoke("What is the boiling point of tungsten in kelvin?", language="en")
    assert unrelated and not any(d.metadata["relevant"] for d in unrelated)
    related = retriever.invoke("How do I report a Telegram channel sharing my photos?", language="en")
    assert related[0].metadata["relevant"]
