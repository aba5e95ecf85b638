"""Follow-ups read with the conversation, in English, Chinese and French (pure function, no index needed)."""

from __future__ import annotations

import pytest

from assistant.understand.followup import resolve_followup, strip_places


@pytest.mark.parametrize("previous, message, place, must_keep, must_drop", [
    # the same law question, for another place
    (["Is it illegal to share my nudes in the UK?"], "And in France?", "FR", ["illegal", "nudes", "France"], ["UK"]),
    (["Is sharing deepfakes illegal in the US?"], "What about the UK?", "UK", ["deepfakes", "UK"], ["US?"]),
    (["在英国，分享别人的私密照片违法吗？"], "那在法国呢？", "FR", ["私密照片违法", "法国"], ["英国"]),
    (["Est-ce que diffuser mes photos intimes est puni au Royaume-Uni ?"], "Et en France ?", "FR",
     ["puni", "France"], ["Royaume-Uni"]),
    # "there" / "it" after naming a platform
    (["Someone posted my photos on Telegram"], "How do I report it there?", None, ["Telegram", "report"], []),
    (["有人把我的照片发到了微博上"], "在那里怎么举报？", "CN", ["微博", "举报"], []),
    (["Quelqu'un a publié mes photos sur Snapchat."], "Comment le signaler là-bas ?", None, ["Snapchat", "signaler"], []),
])
def test_a_short_message_is_read_with_the_earlier_question(previous, message, place, must_keep, must_drop):
    result = resolve_followup(previous, message)
    assert result.combined
    assert result.jurisdiction == place
    for text in must_keep:
        assert text in result.question
    for text in must_drop:
        assert text not in result.question


@pytest.mark.parametrize("previous, message", [
    ([], "How do I report it there?"),  # nothing to lean on
    (["Someone posted my photos on Telegram"], "What is StopNCII?"),  # a new, self-contained question
    (["Someone posted my photos on Telegram"], "I found a hidden camera in my Airbnb bathroom, is it legal?"),
    (["有人把我的照片发到了微博上"], "我发现酒店房间里有偷拍摄像头，应该先做什么才能保护自己？"),
    (["Quelqu'un a publié mes photos sur Snapchat."], "Qu'est-ce que StopNCII ?"),
])
def test_a_self_contained_message_is_asked_as_it_is(previous, message):
    result = resolve_followup(previous, message)
    assert not result.combined
    assert result.question == message


def test_a_chain_of_places_keeps_the_first_topic():
    history = ["Is it illegal to share my nudes in the UK?", "And in France?"]
    result = resolve_followup(history, "What about Australia?")
    assert result.combined and result.jurisdiction == "AU"
    assert "nudes" in result.question and "Australia" in result.question
    assert "France" not in result.question and "UK" not in result.question


def test_a_place_after_a_platform_question_keeps_the_platform_and_the_action():
    history = ["Someone posted my photos on Telegram", "how do I report it there?"]
    result = resolve_followup(history, "and in France?")
    assert result.jurisdiction == "FR"
    assert "Telegram" in result.question and "report" in result.question


def test_the_place_named_earlier_carries_into_a_reference_follow_up():
    result = resolve_followup(["Someone shared my photos in France"], "Is it a crime?")
    assert result.combined and result.jurisdiction == "FR"


def test_a_standalone_message_names_its_own_place():
    assert resolve_followup([], "Is sextortion a crime in Australia?").jurisdiction == "AU"
    assert resolve_followup([], "Is sextortion a crime?").jurisdiction is None


def test_strip_places_removes_the_place_and_its_preposition():
    assert strip_places("Is it illegal to share my nudes in the UK?") == "Is it illegal to share my nudes?"
    assert strip_places("在英国，分享别人的私密照片违法吗？") == "分享别人的私密照片违法吗？"
    assert "Royaume" not in strip_places("Est-ce puni au Royaume-Uni ?")


def test_a_long_chain_stays_bounded():
    history = ["Someone posted my photos on Telegram"] + ["and what about that?"] * 50
    assert len(resolve_followup(history, "how do I report it there?").question) <= 600
