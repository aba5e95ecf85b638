"""What `recourse router train` reads and how it chooses thresholds: pure functions on small made-up data (the real
corpus and the shipped models are checked in test_routing.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.safety import train
from assistant.safety.classifier import ROUTES
from assistant.safety.train import HELP_TURNED_AWAY_MAX, choose_thresholds, given_routes, read_corpus


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "splits.yaml").write_text("test: [batch_t]\n", encoding="utf-8")
    _write(folder / "batch_t.jsonl", [{"text": "help pls", "language": "en", "route": "answer", "kind": "vague"},
                                      {"text": "i want to die", "language": "en", "route": "crisis", "kind": "suicidal"}])
    _write(folder / "batch_a.jsonl", [{"text": "help pls", "language": "en", "route": "answer", "kind": "vague"},
                                      {"text": "send me her nudes", "language": "en", "route": "refuse", "kind": "obtain"}])
    return folder


def test_a_training_message_word_for_word_in_the_test_split_is_left_out(corpus_dir: Path):
    corpus = read_corpus(corpus_dir, answers=None)
    train, batches = corpus.split(test=False)
    assert [r["text"] for r in train] == ["send me her nudes"] and batches == ["batch_a"]
    test, _ = corpus.split(test=True)
    assert [r["text"] for r in test] == ["help pls", "i want to die"]


def test_the_answer_batches_tuning_halves_are_read_as_help_seekers(corpus_dir: Path, tmp_path: Path):
    answers = tmp_path / "data"
    answers.mkdir()
    _write(answers / "answers_firstsight9_tune.jsonl",
           [{"id": "a", "question": "my ex posted my pics, what now?", "language": "en", "audience": "survivor",
             "route": "answer", "expect": [["police"]]}])
    _write(answers / "answers_firstsight9_holdout.jsonl",
           [{"id": "b", "question": "never to be trained on", "language": "en", "route": "answer", "expect": []}])
    corpus = read_corpus(corpus_dir, answers=answers)
    train, batches = corpus.split(test=False)
    assert ("my ex posted my pics, what now?", "answer", "answers_firstsight9_tune") in [
        (r["text"], r["route"], b) for r, b in zip(train, batches, strict=True)]
    assert "never to be trained on" not in [r["text"] for r in corpus.rows]
    assert corpus.digest() != read_corpus(corpus_dir, answers=None).digest()


def test_an_answer_batch_not_joined_yet_leaves_the_corpus_unchanged(corpus_dir: Path, tmp_path: Path):
    """A new blind batch lands in bench/data to be measured before the router is retrained: until splits.yaml stops
    naming it, the corpus (and so the shipped models' digest) is the one they were trained on."""
    answers = tmp_path / "data"
    answers.mkdir()
    _write(answers / "answers_firstsight9_tune.jsonl",
           [{"id": "a", "question": "my ex posted my pics, what now?", "language": "en", "route": "answer",
             "expect": [["police"]]}])
    before = read_corpus(corpus_dir, answers=answers).digest()
    _write(answers / "answers_firstsight10_tune.jsonl",
           [{"id": "b", "question": "written after the last retrain", "language": "en", "route": "answer",
             "expect": [["police"]]}])
    assert read_corpus(corpus_dir, answers=answers).digest() != before
    (corpus_dir / "splits.yaml").write_text("test: [batch_t]\nanswers_not_joined: [answers_firstsight10_tune]\n",
                                            encoding="utf-8")
    corpus = read_corpus(corpus_dir, answers=answers)
    assert corpus.digest() == before
    assert "written after the last retrain" not in [r["text"] for r in corpus.rows]


def test_a_malformed_answer_batch_line_names_the_file_line_and_field(corpus_dir: Path, tmp_path: Path):
    answers = tmp_path / "data"
    answers.mkdir()
    (answers / "answers_firstsight9_tune.jsonl").write_text(
        '{"question": "ok?", "language": "en"}\n{"language": "fr"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"answers_firstsight9_tune\.jsonl:2: field 'question'"):
        read_corpus(corpus_dir, answers=answers)


def test_thresholds_turn_away_no_more_help_seekers_than_the_bound(monkeypatch):
    """Made-up out-of-fold probabilities where refusing at a low threshold is cheapest by cost alone (many requests,
    a few help-seekers that look like them): the chosen thresholds keep the help-seekers turned away under the bound."""
    rng = np.random.default_rng(0)
    n_help, n_bad = 400, 400
    y = np.array([ROUTES.index("answer")] * n_help + [ROUTES.index("refuse")] * n_bad)
    probs = np.zeros((len(y), len(ROUTES)))
    # help-seekers: mostly clear, 5% of them ambiguous (refuse 0.55-0.65, answer just under the help threshold)
    probs[:n_help, ROUTES.index("answer")] = 0.9
    probs[:n_help, ROUTES.index("out_of_scope")] = 0.1
    ambiguous = rng.choice(n_help, size=20, replace=False)
    probs[ambiguous] = 0.0
    probs[ambiguous, ROUTES.index("refuse")] = rng.uniform(0.55, 0.65, size=20)
    probs[ambiguous, ROUTES.index("answer")] = 1 - probs[ambiguous, ROUTES.index("refuse")]
    # requests: refuse 0.5-0.7, so any refuse threshold that catches them also catches the ambiguous help-seekers
    probs[n_help:, ROUTES.index("refuse")] = rng.uniform(0.5, 0.7, size=n_bad)
    probs[n_help:, ROUTES.index("answer")] = 1 - probs[n_help:, ROUTES.index("refuse")]
    overrides = np.zeros(len(y), dtype=bool)
    helpers = y == ROUTES.index("answer")

    def turned_away() -> float:
        given = given_routes(probs, choose_thresholds(probs, y, overrides)[0], overrides)
        return float(np.isin(given[helpers], [ROUTES.index("refuse"), ROUTES.index("out_of_scope")]).mean())

    assert turned_away() <= HELP_TURNED_AWAY_MAX
    monkeypatch.setattr(train, "HELP_TURNED_AWAY_MAX", 1.0)  # cost alone would turn more of them away
    assert turned_away() > HELP_TURNED_AWAY_MAX
