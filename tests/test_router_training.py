"""What `recourse router train` reads and how it chooses thresholds: pure functions on small made-up data (the real
corpus and the shipped models are checked in test_routing.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant.safety import train
from assistant.safety.classifier import ROUTES
from assistant.safety.train import HELP_TURNED_AWAY_MAX, choose_thresholds, given_decisions, read_corpus


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


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """An answer batch folder with one tuning half: a help-seeker's question written for the answer batches."""
    folder = tmp_path / "data"
    folder.mkdir()
    _write(folder / "answers_firstsight9_tune.jsonl",
           [{"id": "a", "question": "my ex posted my pics, what now?", "language": "en", "audience": "survivor",
             "route": "answer", "expect": [["police"]]}])
    return folder


def test_a_training_message_word_for_word_in_the_test_split_is_left_out(corpus_dir: Path):
    corpus = read_corpus(corpus_dir, answers=None)
    train, batches = corpus.split(test=False)
    assert [r["text"] for r in train] == ["send me her nudes"] and batches == ["batch_a"]
    test, _ = corpus.split(test=True)
    assert [r["text"] for r in test] == ["help pls", "i want to die"]


def test_the_answer_batches_tuning_halves_are_read_as_help_seekers(corpus_dir: Path, answers: Path):
    _write(answers / "answers_firstsight9_holdout.jsonl",
           [{"id": "b", "question": "never to be trained on", "language": "en", "route": "answer", "expect": []}])
    corpus = read_corpus(corpus_dir, answers=answers)
    train, batches = corpus.split(test=False)
    assert ("my ex posted my pics, what now?", "answer", "answers_firstsight9_tune") in [
        (r["text"], r["route"], b) for r, b in zip(train, batches, strict=True)]
    assert "never to be trained on" not in [r["text"] for r in corpus.rows]
    assert corpus.digest() != read_corpus(corpus_dir, answers=None).digest()


def test_an_answer_batch_not_joined_yet_leaves_the_corpus_unchanged(corpus_dir: Path, answers: Path):
    """A new blind batch lands in bench/data to be measured before the router is retrained: until splits.yaml stops
    naming it, the corpus (and so the shipped models' digest) is the one they were trained on."""
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


def test_a_model_whose_retrain_did_worse_keeps_the_corpus_it_was_trained_on(corpus_dir: Path, answers: Path):
    """A batch can join one embedding model's corpus and not the other's (a retrain is adopted per model): the
    model named under answers_not_joined_by_model reads the corpus without it, the other with it."""
    without = read_corpus(corpus_dir, answers=None).digest()
    (corpus_dir / "splits.yaml").write_text(
        "test: [batch_t]\nanswers_not_joined: []\nanswers_not_joined_by_model:\n  e5: [answers_firstsight9_tune]\n",
        encoding="utf-8")
    assert read_corpus(corpus_dir, answers=answers, model="e5").digest() == without
    joined = read_corpus(corpus_dir, answers=answers, model="use")
    assert joined.digest() != without and "my ex posted my pics, what now?" in [r["text"] for r in joined.rows]


def test_a_malformed_answer_batch_line_names_the_file_line_and_field(corpus_dir: Path, answers: Path):
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
        then = given_decisions(probs, choose_thresholds(probs, y, overrides)[0], overrides)[1]
        return float(np.isin(then[helpers], [ROUTES.index("refuse"), ROUTES.index("out_of_scope")]).mean())

    assert turned_away() <= HELP_TURNED_AWAY_MAX
    monkeypatch.setattr(train, "HELP_TURNED_AWAY_MAX", 1.0)  # cost alone would turn more of them away
    assert turned_away() > HELP_TURNED_AWAY_MAX


def test_the_vote_follows_the_nearest_messages_not_the_largest_route():
    """Out of scope is rare in the corpus and comes in islands (a landlord, a phone plan): a message inside such an
    island is voted out of scope even though most messages, and most of its 15 neighbours' count, are answers."""
    from assistant.safety.classifier import neighbour_vote
    answer, out_of_scope = ROUTES.index("answer"), ROUTES.index("out_of_scope")
    labels = np.array([answer] * 95 + [out_of_scope] * 5)
    prior = np.bincount(labels, minlength=len(ROUTES)) / len(labels)
    similarity = np.full((1, 100), 0.30)
    similarity[0, 95:] = 0.80  # the five out-of-scope messages are the nearest
    vote = neighbour_vote(similarity, labels, np.where(prior > 0, prior, 1), k=15, temperature=0.05)
    assert vote.argmax() == out_of_scope and vote.sum() == pytest.approx(1.0)


def test_out_of_fold_scores_never_use_the_messages_own_batch():
    """Each batch's messages are voted on by the other batches only, like the linear model: the same sentence
    labelled differently in two batches gets the other batch's label, so the vote's out-of-fold cost is honest."""
    from assistant.safety.classifier import FeatureConfig
    rng = np.random.default_rng(0)
    texts, vectors, y, groups = [], [], [], []
    for batch in range(5):
        for route in range(len(ROUTES)):
            for _ in range(3):
                texts.append(f"message {route}")
                # Each batch a little apart: with its own batch included, a message's nearest would be its own.
                vector = np.eye(16)[route] + 0.5 * np.eye(16)[8 + batch] + 0.01 * rng.standard_normal(16)
                vectors.append(vector)
                y.append(route if batch else (route + 1) % len(ROUTES))  # batch 0 labels every route wrong
                groups.append(f"b{batch}")
    scored = train.out_of_fold(texts, np.array(vectors, dtype=np.float32), np.array(y), groups,
                               FeatureConfig(char_weight=0.0), 1.0)
    batch0 = np.array(groups) == "b0"
    true_route = np.repeat(np.arange(len(ROUTES)), 3)
    assert (scored.vote[batch0].argmax(axis=1) == true_route).all(), "batch 0's own wrong labels were used"
    probs, sentence_max = scored.blend(0.5)
    assert np.allclose(probs.sum(axis=1), 1.0) and not sentence_max.any()
    crisis = ROUTES.index("crisis")
    assert np.array_equal(probs[:, crisis], scored.linear[:, crisis])


def test_the_vote_moves_every_route_but_crisis():
    """Crisis stays the linear model's probability whatever the neighbours say (a plain question near crisis
    messages must not be given the lines to call); the other routes follow the blend, in its proportions."""
    from assistant.safety.classifier import blend
    crisis, refuse = ROUTES.index("crisis"), ROUTES.index("refuse")
    linear = np.zeros((1, len(ROUTES)))
    linear[0, ROUTES.index("answer")], linear[0, crisis] = 0.9, 0.1
    vote = np.zeros((1, len(ROUTES)))
    vote[0, crisis], vote[0, refuse] = 0.5, 0.5
    mixed = blend(linear, vote, 0.5, crisis)
    assert mixed[0, crisis] == pytest.approx(0.1)  # the vote's half for crisis is ignored
    assert mixed.sum() == pytest.approx(1.0)
    # What is left (0.9) is shared as the blend without crisis shares it: answer 0.45 against refuse 0.25.
    assert mixed[0, refuse] == pytest.approx(0.9 * 0.25 / 0.70)


def test_the_grid_search_scores_every_threshold_as_the_policy_routes():
    """`_grid_costs` scores the whole threshold grid at once with matrix products; every cell must equal the cost and
    the share of help-seekers turned away of `given_decisions` with those thresholds (checked on a sample of cells over
    made-up probabilities with crisis overrides), or the chosen thresholds would not be the ones the policy needs."""
    rng = np.random.default_rng(3)
    n = 600
    y = rng.integers(0, len(ROUTES), n)
    logits = rng.normal(size=(n, len(ROUTES))) * 1.5
    logits[np.arange(n), y] += 1.5
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    overrides = rng.random(n) < 0.03
    costs, away = train._grid_costs(probs, y, overrides)
    helpers = y == ROUTES.index("answer")
    turned = [ROUTES.index("refuse"), ROUTES.index("out_of_scope")]
    for i, j, k, m in zip(*(rng.integers(0, size, 40) for size in costs.shape), strict=True):
        t = train.Thresholds(float(train.CRISIS_GRID[i]), 1.0, float(train.GRID[k]), float(train.GRID[m]),
                             float(train.HELP_GRID[::-1][j]))
        given, then = given_decisions(probs, t, overrides)
        assert costs[i, j, k, m] == pytest.approx(train.expected_cost(y, given, then), abs=1e-9)
        assert away[i, j, k, m] == np.isin(then[helpers], turned).mean()
