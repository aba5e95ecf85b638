"""Who is asking: the survivor, a friend, a parent or teacher, or the person who shared the images.

Guidance for one of them can mislead another (a survivor asking "what do I do?" must not be answered with the
page for people who regret sharing someone's images), so retrieval prefers pages written for the person asking.
Only clear first-person phrases count; anything else is left undecided.
"""

from __future__ import annotations

import re

_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("person-who-shared", re.compile(
        r"\bi (?:have |had |)(?:shared|posted|sent|leaked|forwarded|uploaded) (?:her|his|their|my ex'?s?|someone'?s?|a "
        r"girl'?s?|other people'?s?)\b|\bj'ai (?:partagé|publié|diffusé|envoyé|transféré|posté) (?:les|ses|des) "
        r"(?:photos|images|vidéos|nudes)\b|我(?:把|将)?(?:她|他|别人|前女友|前男友)的.{0,6}(?:发|传|分享|转发)|"
        r"我(?:发|传|分享|转发)了(?:她|他|别人|前女友|前男友)", re.I)),
    ("parent", re.compile(
        r"\bmy (?:\d+[- ]year[- ]old )?(?:daughter|son|child|kid|teen|teenager|student|pupil)s?\b|"
        r"\b(?:ma fille|mon fils|mon enfant|mes enfants|mon ado|mon élève|mes élèves)\b|"
        r"我(?:的)?(?:女儿|儿子|孩子|学生)", re.I)),
    ("friend", re.compile(
        r"\bmy (?:best )?(?:friend|roommate|sister|brother|colleague)'?s?\b|\b(?:mon ami|mon amie|une amie|un ami|"
        r"ma sœur|ma soeur|ma copine|mon pote)\b|(?:朋友|闺蜜|室友|同事|姐姐|妹妹)", re.I)),
    ("survivor", re.compile(
        r"\b(?:my|me|myself|i)\b|\b(?:mes|mon|ma|moi|je|j')\b|我", re.I)),
]


def detect_audience(text: str) -> str | None:
    """The role a message is written from, or None when it does not say."""
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return None
