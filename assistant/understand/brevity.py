"""Whether a message is too short to say what happened: emoji or punctuation only, or one word.

"😭", "🙏🙏", "help", "leaked", "telegram", "救命": too little for the router or the retriever to read (the router's
probabilities on one symbol are noise, and a search for "?" finds nothing). A caseworker answers these with a
gentle question back and the first steps, never a refusal or "nothing found"; the service does the same.
"""

from __future__ import annotations

import re

from assistant.vocabulary import CJK

_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")  # letters or digits (CJK too); "x.com", "can't": one word
# The most Chinese characters a "word" of one message has: 救命, 泄露, 呜呜呜, 被偷拍了.
_CJK_WORD = 4
# Faces and hearts that say someone is crying, afraid or hurting. A message of these alone, when the router thinks
# a crisis is possible, keeps the lines to call first (a caseworker would not risk it); a 🙏, a 👍 or a ❤️ alone
# does not lead with them (the first steps still open with the emergency number).
DISTRESS = frozenset("😭😢😿🥺😞😔😟🙁☹😣😖😫😩😥😰😨😱💔🆘")


def is_wordless(text: str) -> bool:
    """No letter or digit at all: emoji, punctuation or symbols only."""
    return _WORD.search(text) is None


def is_brief(text: str) -> bool:
    """Wordless, or a single word ("help", "leaked?", "telegram", "救命"): too little to tell the situation."""
    words = _WORD.findall(text)
    if len(words) > 1:
        return False
    if not words:
        return True
    cjk = len(CJK.findall(words[0]))
    return cjk <= _CJK_WORD if cjk else True


# A message of this many words or fewer says too little for the guidance to be found reliably ("too late? was 2 yrs
# ago"), or for its intent to be read as surely as a sentence's: when its answer would leave the person without
# steps, they get a question back and the first steps (service.py), and the router refuses it only when very sure
# (`policy.SHORT_REFUSE`). Measured on 1,400 labelled messages with the router of 2026-12-01, at this length it
# refused 7 help-seekers and 9 requests (all were then answered with a question back); with the router of 2026-12-02
# and the stricter bar, none of the 5 short help-seekers it had refused, and about half the short requests.
SHORT_WORDS = 6


def word_count(text: str) -> float:
    """Words in a message; two Chinese characters count as one word (Chinese is written without spaces)."""
    count = 0.0
    for word in _WORD.findall(text):
        cjk = len(CJK.findall(word))
        count += max(1.0, cjk / 2) if cjk else 1.0
    return count


def is_short(text: str) -> bool:
    """At most SHORT_WORDS words: too few for the guidance to be found, or the intent read, reliably."""
    return word_count(text) <= SHORT_WORDS


def shows_distress(text: str) -> bool:
    """A crying, frightened or broken-heart emoji (or 🆘) is in the message."""
    return any(char in DISTRESS for char in text)
