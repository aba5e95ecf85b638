"""The blind questions the situation model learns from: how a label is chosen, what the shipped file holds, and a bad
line's error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer.labels import LabelledQuestion, best_card, labels_digest, read_labelled_questions
from assistant.settings import LABELS_FILE, PROJECT_ROOT

CARDS = {path.name for path in (PROJECT_ROOT / "knowledge" / "cards").iterdir() if path.is_dir()}


def test_the_card_with_the_most_facts_is_the_label():
    facts = {"sextortion-pay": 3, "leaked-in-group": 1, "police": 1, "myths": 1}
    assert best_card(facts, current="leaked-in-group", probability={}) == "sextortion-pay"


def test_a_question_every_card_answers_as_well_teaches_nothing():
    assert best_card({"a": 2, "b": 2, "c": 2}, current="a", probability={}) is None
    assert best_card({"a": 0, "b": 0}, current="a", probability={}) is None
    # the best card beats the median by less than one fact
    assert best_card({"a": 2, "b": 2, "c": 1}, current="c", probability={}, margin=1.0) is None


def test_of_tied_cards_the_one_given_stays_else_the_likeliest():
    facts = {"a": 3, "b": 3, "c": 1, "d": 1, "e": 1}
    assert best_card(facts, current="b", probability={"a": 0.9}) == "b"
    assert best_card(facts, current="c", probability={"a": 0.2, "b": 0.6}) == "b"


def test_too_many_tied_cards_is_no_label():
    facts = {f"card{i}": 2 for i in range(9)} | {f"other{i}": 0 for i in range(12)}
    assert best_card(facts, current=None, probability={}, max_ties=8) is None
    assert best_card(facts, current=None, probability={}, max_ties=9) is not None


def test_the_shipped_labels_name_served_cards_and_only_tuning_halves():
    """A hold-out half measures the model: a question from one must never be a label. A card renamed since the labels
    were made would silently lose them."""
    labels = read_labelled_questions(LABELS_FILE)
    assert len(labels) > 500
    assert {q.card for q in labels} <= CARDS
    assert all(q.source.split("/")[0].endswith("_tune") for q in labels)
    assert {q.language for q in labels} == {"zh", "en", "fr"}
    held_out = {json.loads(line)["question"]
                for path in (PROJECT_ROOT / "bench" / "data").glob("answers_firstsight*_holdout.jsonl")
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert held_out and not {q.text for q in labels} & held_out


def test_a_bad_line_names_the_file_the_line_and_the_field(tmp_path: Path):
    path = tmp_path / "labels.jsonl"
    path.write_text('{"text": "he wants money", "language": "en", "card": "sextortion-pay", "source": "b/1"}\n'
                    '{"text": "is it a crime", "language": "en", "source": "b/2"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels\.jsonl:2: field 'card'"):
        read_labelled_questions(path)


def test_the_digest_follows_the_labels():
    one = [LabelledQuestion("he wants money", "en", "sextortion-pay", "b/1")]
    other = [LabelledQuestion("he wants money", "en", "ex-threatens", "b/1")]
    assert labels_digest(one) != labels_digest(other)
    assert labels_digest(one) == labels_digest(list(one))


@pytest.mark.parametrize("question, jurisdiction, card", [
    # Questions of two hold-out halves (never labelled): without the labels they got the card on myths ("can I just
    # ignore him?") and the one on whether the other person is told ("...unless i send more").
    ("在Bumble上认识的人让我发照片,发了以后他说要发到我领英上,要500镑。我能不能直接不理他?", "UK", "sextortion-pay"),
    ("im 15 and someone on insta is saying theyll send my pics to my school unless i send more. adelaide. "
     "i cant tell my parents", "AU", "minor-images"),
])
def test_the_situation_model_learns_from_blind_questions(full_service, question, jurisdiction, card):
    assert full_service.ask(question, jurisdiction).card == card

