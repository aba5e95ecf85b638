"""The guard on generated answers: its figures on the test set of real passages, and the checks a reader can follow."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import numpy as np

from assistant.answer.types import Block, Citation, ComposedAnswer, Line
from assistant.generate.compose import shown_answer
from assistant.generate.guard import Source, Verdict, check, fact_problems, split_sentences
from assistant.settings import PROJECT_ROOT

FAULT_TYPES = {"phone_digit", "law_other", "url_invented", "marker_missing", "wrong_language", "unrelated_passage",
               "deadline_invented", "amount_changed", "uncited", "date_changed"}


def test_the_guard_catches_every_injected_fault_and_passes_the_faithful_rewrites():
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "bench" / "guard.py"), "--json"], capture_output=True,
                          text=True, timeout=600, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout)
    assert figures["cases"] >= 200
    assert figures["faults_caught"] == figures["faults"], figures["wrong"]
    assert figures["faithful_passed"] >= 0.9 * figures["faithful"], figures["wrong"]
    per_type = figures["per_type"]
    assert FAULT_TYPES <= set(per_type)
    for language in ("zh", "en", "fr"):  # every language has faithful rewrites and faults
        assert per_type[f"faithful/{language}"][1] >= 10
        assert per_type[f"unrelated_passage/{language}"][1] >= 10
    # The similarity floor lies between the faithful sentences and those cited to an unrelated passage.
    closeness = figures["closeness"]
    assert closeness["unrelated"]["max"] < figures["floor"] < closeness["faithful"]["min"]


def test_the_case_file_is_what_the_builder_makes_from_the_knowledge_base():
    spec = importlib.util.spec_from_file_location("guard_cases", PROJECT_ROOT / "bench" / "guard_cases.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    stored = [json.loads(line) for line in builder.CASES.read_text(encoding="utf-8").splitlines()]
    assert stored == builder.build_cases(), "run bench/guard_cases.py after changing the guidance or the cases"


def test_numbers_are_compared_without_their_spaces_dashes_and_dots():
    source = Source.read("- In the UK, the Revenge Porn Helpline is on 0345 6000 459.\n- Fine: up to 60 000 €.")
    assert fact_problems("Call 0345-6000-459 or 03456000459.", source, "") == []
    assert fact_problems("Call 0345 6000 458.", source, "") == ["phone"]
    assert fact_problems("The fine is up to 60.000 €.", source, "") == []


def test_deadlines_written_in_words_are_checked_like_digits():
    source = Source.read("X removes content no later than 48 hours after a valid report. 举报后 3 个月内处理。")
    assert fact_problems("X removes it within forty-eight hours.", source, "") == []
    assert fact_problems("X removes it within two days.", source, "") == ["deadline"]
    assert fact_problems("三个月内处理。", source, "") == []
    assert fact_problems("六个月内处理。", source, "") == ["deadline"]


def test_markers_end_sentences_and_a_sentence_without_one_is_uncited():
    assert split_sentences("Report it in the app. [1] Call 3018 [2]。\n- Keep notes") == [
        ("Report it in the app.", [1]), ("Call 3018", [2]), ("Keep notes", [])]
    verdict = check("Call 3018 [1]. Keep notes.", {1: "Call 3018. Keep notes."}, "en", embed=_letters, floor=0.0,
                    max_chars=1400)
    assert not verdict.passed and "uncited" in verdict.reasons


def test_the_shown_answer_renumbers_the_citations_it_uses():
    citations = [Citation(n, f"doc-{n}", "t", "s", f"https://example.org/{n}", f"passage {n}", "p", "2026-01-01")
                 for n in (1, 2, 3)]
    grounded = ComposedAnswer([Block("steps", tuple(Line(f"line {n}", n) for n in (1, 2, 3)))], citations, True)
    shown = shown_answer(grounded, Verdict(True, (), (("first", 3), ("second", 1), ("third", 3))))
    assert shown.composer == "generated"
    assert [(c.n, c.url) for c in shown.citations] == [(1, "https://example.org/3"), (2, "https://example.org/1")]
    assert [(line.text, line.n) for line in shown.blocks[0].lines] == [("first", 1), ("second", 2), ("third", 1)]


def _letters(texts):
    """A tiny deterministic embedding for the pure checks above (letter counts, unit length)."""
    rows = np.array([[t.lower().count(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789"] for t in texts], float)
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
