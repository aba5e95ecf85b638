"""What the message tells us about the person: language, place, age, who is asking, the platforms and
services it names and what it asks about them.

One pure function reads them all, so every later stage (routing, choosing guidance, composing) works from the same
reading, and the reading can be tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.understand.age import detect_minor
from assistant.understand.audience import detect_audience
from assistant.understand.audience_model import HELPER_ROLES
from assistant.understand.gender import names_a_man
from assistant.understand.language import detect_language
from assistant.understand.place import detect_jurisdiction
from assistant.understand.platform import named_other_platforms, named_platforms
from assistant.understand.service import asked_facets, named_services


@dataclass(frozen=True)
class Person:
    """Who is asking and from where, as far as the message and the interface say."""

    language: str
    place: str | None  # a JURISDICTIONS code; None when unknown
    minor: bool | None  # someone in the images is under 18 (True), adult (False), or not said (None)
    audience: str | None  # survivor, friend, parent, educator, counsellor, person-who-shared; None when not said
    platforms: tuple[str, ...] = ()  # the platform pages the message names ("discord", "x-twitter"), in its order
    services: tuple[str, ...] = ()  # the services it names ("3018", "stopncii"), in its order
    facets: tuple[str, ...] = ()  # what it asks about them ("cost", "hours"; understand/facets.yaml)
    man: bool = False  # the message says the person in the images is a man or a boy (understand/gender.py)
    apps: tuple[str, ...] = ()  # every platform it names, with a page or not ("qq", "discord"): a card's variants

    @property
    def helps_someone(self) -> bool:
        """The writer asks for someone else (a friend, a parent, a teacher, a counsellor): the lines spoken to the
        person in the images ("you matter", "tell a trusted adult") are not said to them, and theirs are."""
        return self.audience in HELPER_ROLES


def understand(text: str, jurisdiction: str | None = None, language_hint: str | None = None, *,
               as_typed: str | None = None) -> Person:
    """Read the person from the message; the place the interface gives wins over one the message names.
    `as_typed`: the message before a shouted one was lowered (`script.unshouted`); the place is read from it, since
    a capital tells a town from a word."""
    language = detect_language(text, hint=language_hint)
    services = named_services(text)
    platforms = named_platforms(text)
    return Person(language=language, place=jurisdiction or detect_jurisdiction(as_typed or text),
                  minor=detect_minor(text), audience=detect_audience(text), platforms=platforms,
                  services=services, facets=asked_facets(text, language) if services else (),
                  man=names_a_man(text), apps=platforms + named_other_platforms(text))
