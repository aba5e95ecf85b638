"""Answer cards: the role comment that opens each section of a card, and what it qualifies.

A card (`kind: card`) is guidance for one situation, written in parts the composer puts together for the person:
`ack` (one calm sentence), `answer` (the literal question's answer), `steps` (what to do, everywhere), `local` (the
person's place's or age's own lines). Each section opens with `<!-- card: ROLE [place=XX] [age=minor|adult]
[audience=ROLE] [platform=APP,APP] -->`; knowledge/README.md explains how to write one.

A `platform=` section is a variant of the plain section just above it (the same role and other qualifiers, a heading
of its own): it replaces that section for a message that names one of its apps ("does whatsapp work with stopncii",
"leaked in a QQ group"), so a line about one app's place on a partner list is said only to people who named it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.understand.platform import platform_keys

ROLES = ("ack", "answer", "steps", "local")
AGES = ("minor", "adult")
AUDIENCES = ("survivor", "friend", "parent", "educator", "counsellor", "person-who-shared")
REQUIRED_ROLES = ("ack", "answer", "steps")  # each needs a section without qualifiers: the default for anyone
_ROLE_NOTE = re.compile(r"^\s*<!--\s*card:\s*(.*?)\s*-->\s*$", re.I)


@dataclass(frozen=True)
class CardRole:
    """What one section of a card is for, and whom it is for ("" when it is for anyone)."""

    role: str
    place: str = ""
    age: str = ""
    audience: str = ""
    platforms: tuple[str, ...] = ()  # the apps a variant section is for (understand/platforms.yaml's keys)

    @property
    def qualified(self) -> bool:
        return bool(self.place or self.age or self.audience or self.platforms)


def split_role_note(text: str) -> tuple[str | None, str]:
    """A section's role comment (its first line) and the rest of the section, verbatim."""
    lines = text.lstrip("\n").split("\n", 1)
    match = _ROLE_NOTE.match(lines[0])
    if not match:
        return None, text
    return match.group(1), (lines[1] if len(lines) > 1 else "").strip("\n")


def parse_role(note: str, places: tuple[str, ...], apps: frozenset[str] | None = None) -> CardRole:
    """`answer place=FR` -> CardRole; ValueError naming what is wrong. `apps`: the names `platform=` may list
    (default: every platform understand/platforms.yaml and other_platforms.yaml know)."""
    words = note.split()
    if not words or words[0] not in ROLES:
        raise ValueError(f"the role must be one of {', '.join(ROLES)} (got '{words[0] if words else ''}')")
    fields: dict[str, str] = {}
    for word in words[1:]:
        key, sep, value = word.partition("=")
        if not sep or key not in ("place", "age", "audience", "platform") or key in fields:
            raise ValueError(f"'{word}': qualifiers are place=, age=, audience= and platform=, each at most once")
        allowed = {"place": places, "age": AGES, "audience": AUDIENCES}.get(key)
        if allowed is not None and value not in allowed:
            raise ValueError(f"'{word}': {key} must be one of {', '.join(allowed)}")
        fields[key] = value
    named = tuple(fields.pop("platform").split(",")) if "platform" in fields else ()
    unknown = [app for app in named if app not in (platform_keys() if apps is None else apps)]
    if unknown:
        raise ValueError(f"'platform={','.join(named)}': {', '.join(repr(a) for a in unknown)} is not a platform in "
                         "understand/platforms.yaml or other_platforms.yaml")
    role = CardRole(words[0], **fields, platforms=named)
    if role.role == "local" and not (role.place or role.age):
        raise ValueError("a local section names the place= or age= it is for")
    return role
