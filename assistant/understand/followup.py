"""Follow-up messages: a short message that leans on the conversation becomes a whole question.

The core answers one question at a time. "And in France?" after a question about the law means "the same question,
for France"; "how do I report it there?" after naming a platform means "report it on that platform". This module
turns such a message into a question the core can answer on its own, from the person's earlier questions in the
same conversation. It is pure (no state, no I/O), so the UI keeps the conversation and this only reads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant.understand.place import detect_jurisdiction, places
from assistant.vocabulary import CJK

MAX_WORDS = 7  # en/fr: a follow-up is a few words; a longer message stands on its own
MAX_CJK = 14  # zh: characters, for the same reason
MAX_CHARS = 600  # a chain of follow-ups never grows the question past this

_CJK = CJK
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
# Words that point back at something said earlier ("report it there", "le signaler là-bas", "在那里举报").
_REFERENCE = re.compile(
    r"\b(?:there|it|its|that|this|these|those|them|they|him|her|he|she|same)\b"
    r"|(?i:là-bas|\bl[àa]\b(?=\s*[?!.]|$)|\by\b|\bça\b|\bcela\b|\bceux-ci\b|\bil\b|\belle\b|\bils\b|\blui\b"
    r"|\b(?:le|la|les|l['’])\s*(?=[a-zéè]+(?:er|ir|re)\b))"
    r"|那里|那边|那儿|这里|这个平台|那个平台|该平台|它|他们|她们|这个|那个|这些|那些|呢[？?]?\s*$",
    re.I,
)
# A place named with the little words around it ("in the UK", "en France", "au Royaume-Uni", "在英国").
_PREPOSITION = r"(?i:\b(?:in|for|from|en|au|aux|à|dans|pour)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?|在|于)?"
_FILLER = re.compile(r"\b(?:and|what|about|how|in|the|for|et|en|au|aux|pour|quoi|qu['’]en|est-il|de|du|des|la|le|"
                     r"les|ou|or|so|then|alors|et\s+si|what's|is|it|c['’]est)\b|[那在呢么吗的是还有如果？?，,。.!！\s]", re.I)


@dataclass(frozen=True)
class FollowUp:
    """What to ask the core for one message of a conversation."""

    question: str  # the message itself, or the message read together with the earlier question it leans on
    jurisdiction: str | None  # the place the message names (for a follow-up: the place of the whole question)
    combined: bool  # True when the message was read as a follow-up


@cache
def _named_with_preposition() -> tuple[re.Pattern[str], ...]:
    """Each place's names with the little words before them, compiled once (not looked up for every message)."""
    return tuple(re.compile(_PREPOSITION + f"(?:{place.named.pattern})") for place in places().values())


_BEFORE_PUNCTUATION = re.compile(r"\s+([?.!,;:？。！，；：])")
_LEADING = re.compile(r"^[\s,，、;；:：]+")
_SPACES = re.compile(r"\s{2,}")


def strip_places(text: str) -> str:
    """The text without the places it names (and their prepositions), tidied."""
    for pattern in _named_with_preposition():
        text = pattern.sub(" ", text)
    text = _BEFORE_PUNCTUATION.sub(r"\1", text)
    text = _LEADING.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _size(text: str) -> int:
    """Words for en/fr, characters for Chinese: how long a message is for a reader."""
    return len(_CJK.findall(text)) + len(_WORD.findall(_CJK.sub(" ", text)))


def _is_short(text: str) -> bool:
    return _size(text) <= (MAX_CJK if _CJK.search(text) else MAX_WORDS)


def _only_names_a_place(text: str) -> bool:
    """"And in France?", "et au Royaume-Uni ?", "那在法国呢？": a place and nothing else that carries meaning."""
    return detect_jurisdiction(text) is not None and not _FILLER.sub("", strip_places(text)).strip(" -")


def _join(topic: str, message: str) -> str:
    chinese = bool(_CJK.search(topic[-1:] + message[:1]))
    if topic and topic[-1] not in "?.!？。！":
        topic += "。" if chinese else "."
    separator = "" if chinese else " "
    return (topic + separator + message)[-MAX_CHARS:]


def resolve_followup(previous: Sequence[str], message: str) -> FollowUp:
    """The question to ask for `message`, given the person's earlier questions in this conversation (oldest first).

    A short message that names only a place asks the earlier question again for that place; a short message that
    points back ("there", "it", "là-bas", "那里") is read after the earlier question. Anything else stands alone.
    """
    topic: str | None = None
    for earlier in previous:
        topic = _fold(topic, earlier.strip())[1]
    question, _, combined = _fold(topic, message.strip())
    named = detect_jurisdiction(message)
    place = named or (detect_jurisdiction(question) if combined else None)
    return FollowUp(question=question, jurisdiction=place, combined=combined)


def _fold(topic: str | None, message: str) -> tuple[str, str, bool]:
    """(question to ask, topic for the next message, combined?) for one message after `topic`."""
    if not topic or not message or not _is_short(message):
        return message, message or (topic or ""), False
    names_a_place = detect_jurisdiction(message) is not None
    if _only_names_a_place(message):
        return _join(strip_places(topic), message), topic, True  # the same question, elsewhere
    if names_a_place or _REFERENCE.search(message):
        question = _join(strip_places(topic) if names_a_place else topic, message)
        return question, question, True
    return message, message, False
