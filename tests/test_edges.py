"""The core at its edges: text no keyboard should produce, messages over the length limit, places we do not know.

Everything runs through the real service over the whole knowledge base (`full_service`), as an answer is served.
"""

from __future__ import annotations

import pytest

from assistant.answer.messages import message
from assistant.service import MAX_QUESTION_CHARS, clean_message
from assistant.understand.place import check_jurisdiction
from assistant.vocabulary import JURISDICTIONS

QUESTION = "Someone posted my photos in a Telegram group. What do I do?"


def test_lone_surrogates_and_control_characters_are_cleaned_before_anything_reads_them():
    assert clean_message("my\ud83d ex\udc00 posted\x00 my\x85 photos\u202e") == "my  ex  posted  my  photos"
    assert clean_message("a real emoji stays \U0001F622") == "a real emoji stays \U0001F622"


def test_a_message_with_lone_surrogates_gets_a_normal_answer(full_service):
    """They used to raise UnicodeEncodeError in the embedding tokenizer (the API answered {"error": null})."""
    hostile = QUESTION.replace(" ", " \ud83d", 3) + "\udfff"
    result = full_service.ask(hostile)
    assert result.route == "answer" and result.language == "en"
    assert result.citations and result.answer
    assert "\ud83d" not in result.answer and "\udfff" not in result.answer


@pytest.mark.parametrize("language, question", [
    ("en", "Someone posted my photos in a Telegram group. What do I do? "),
    ("zh", "有人在电报群里传播我的照片，我该怎么办？"),
    ("fr", "Quelqu'un a publié mes photos dans un groupe Telegram. Que faire ? "),
])
def test_a_message_over_the_limit_is_refused_in_its_language_not_cut(full_service, language, question):
    long = (question * (MAX_QUESTION_CHARS // len(question) + 2))
    assert len(long.strip()) > MAX_QUESTION_CHARS
    result = full_service.ask(long, "FR")
    assert result.language == language
    assert result.answer == message("too_long", language) and result.citations == []
    assert result.jurisdiction == "FR"


def test_a_message_at_the_limit_is_answered(full_service):
    at_limit = (QUESTION + " " * MAX_QUESTION_CHARS)[:MAX_QUESTION_CHARS - 1] + "?"
    assert len(at_limit) == MAX_QUESTION_CHARS
    result = full_service.ask(at_limit)
    assert result.citations and result.answer != message("too_long", "en")


def test_the_too_long_sentence_says_so_in_every_language():
    assert message("too_long", "en").startswith("Your message is longer than 2,000 characters")
    assert "2,000" in message("too_long", "zh") and "2 000" in message("too_long", "fr")


@pytest.mark.parametrize("value", [",UK,", "uk", "FR\nINFO forged log line", 42, {"code": "UK"}, ["UK"], "X" * 10**6])
def test_an_unknown_jurisdiction_is_refused_without_echoing_it(full_service, value):
    with pytest.raises(ValueError) as caught:
        full_service.ask(QUESTION, value)
    assert str(caught.value) == "jurisdiction must be one of GLOBAL, CN, US, UK, AU, EU, FR, or empty"


def test_known_jurisdictions_and_empty_are_accepted():
    assert [check_jurisdiction(code) for code in JURISDICTIONS] == list(JURISDICTIONS)
    assert check_jurisdiction("") is None and check_jurisdiction(None) is None


def test_a_long_paste_that_speaks_of_suicide_still_gets_the_lines_to_call(full_service):
    """Past the length limit the person is asked to shorten the message, unless it says they may end their life."""
    paste = "He posted everything in the group chat. " * 40 + "I want to kill myself. " + "Screenshots below. " * 60
    result = full_service.ask(paste)
    assert result.route == "crisis" and "988" in result.answer and result.citations
