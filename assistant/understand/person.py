"""What the message tells us about the person: language, place, age, who is asking and the platforms it names.

One pure function reads them all, so every later stage (routing, choosing guidance, composing) works from the same
reading, and the reading can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.understand.age import detect_minor
from assistant.understand.audience import detect_audience
from assistant.understand.language import detect_language
from assistant.understand.place import detect_jurisdiction
from assistant.understand.platform import named_platforms


@dataclass(frozen=True)
class Person:
    """Who is asking and from where, as far as the message and the interface say."""

    language: str
    place: str | None  # a JURISDICTIONS code; None when unknown
    minor: bool | None  # someone in the images is under 18 (True), adult (False), or not said (None)
    audience: str | None  # survivor, friend, parent, educator, counsellor, person-who-shared; None when not said
    platforms: tuple[str, ...] = ()  # the platform pages the message names ("discord", "x-twitter"), in its order


def understand(text: str, jurisdiction: str | None = None, language_hint: str | None = None) -> Person:
    """Read the person from the message; the place the interface gives wins over one the message names."""
    return Person(language=detect_language(text, hint=language_hint),
                  place=jurisdiction or detect_jurisdiction(text),
                  minor=detect_minor(text), audience=detect_audience(text), platforms=named_platforms(text))
