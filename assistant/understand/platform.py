"""Which platforms a message names, read from `platforms.yaml` (the one source for the names).

A card's steps are the same for every platform; the person who writes "he posted it on twitter" asked about that
one. Each platform named maps to its own page in knowledge/, whose passage closest to the question the answer adds.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from assistant.understand.names import names_pattern

PLATFORMS_FILE = Path(__file__).with_name("platforms.yaml")


@cache
def platforms() -> dict[str, re.Pattern[str]]:
    """Each platform page's group and the pattern of its names, read once."""
    data = yaml.safe_load(PLATFORMS_FILE.read_text(encoding="utf-8")) or {}
    out = {}
    for group, names in data.items():
        wider = tuple(str(n)[1:] for n in names if str(n).startswith("!"))  # "X" is not X in "site X"
        if (pattern := names_pattern([n for n in names if not str(n).startswith("!")], wider)) is not None:
            out[group] = pattern
    return out


def named_platforms(text: str) -> tuple[str, ...]:
    """The platform pages a message names, in the order it first names them ("X" and "Telegram": both)."""
    found = [(m.start(), group) for group, pattern in platforms().items() if (m := pattern.search(text or ""))]
    return tuple(group for _, group in sorted(found))
