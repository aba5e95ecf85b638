"""The sentences of a message, so that a crisis said in one sentence is read on its own.

A message that asks an ordinary question and, in one sentence among several, says the person is on a balcony or has
the pills beside them ("How do I report the channel? I'm on the balcony and I want to jump.") is embedded as a whole
mostly by its question: the whole-message crisis probability stays low. Each sentence scored alone is not diluted.
The router treats any sentence at or above its own threshold (`Thresholds.crisis_sentence`, chosen for the costs on
held-out batches by `recourse router train`) as a crisis.
"""

from __future__ import annotations

import re

from assistant.vocabulary import CJK

# A sentence ends at . ! ? … (Latin or Chinese) or a line break.
_BOUNDARY = re.compile(r"(?<=[.!?。！？…])\s*|\n+")
MIN_CHARS = 4  # "Ok." or "嗯。" is not a sentence worth scoring
MAX_SENTENCES = 12  # a pasted wall of text: the first dozen sentences (the router reads the first 2,000 characters)


def sentences(text: str) -> list[str]:
    """The message's sentences, when it has at least two of them; a one-sentence message is the whole message."""
    parts = [part.strip() for part in _BOUNDARY.split(text or "") if part and len(part.strip()) >= MIN_CHARS]
    return parts[:MAX_SENTENCES] if len(parts) >= 2 else []


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _says_something(question: str) -> bool:
    """A question that carries its ask (three words, or four Chinese characters), not a tag that points back at the
    story: "sérieux ??", "c'est normal ?", "why?", "是吗？" are read with the message they end."""
    cjk = len(CJK.findall(question))
    words = len(_WORD.findall(CJK.sub(" ", question)))
    return cjk >= 4 or words >= 3 or (cjk >= 2 and words >= 1)


def asked_sentences(text: str) -> str | None:
    """The question of a longer message: its sentences that end in a question mark and say something; None for a
    message of one sentence (the whole message is its question), or without such a question."""
    questions = [part for part in sentences(text) if part.endswith(("?", "？")) and _says_something(part)]
    return " ".join(questions) if questions else None
