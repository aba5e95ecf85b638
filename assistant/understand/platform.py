"""Which platforms a message names, read from `platforms.yaml` (the one source for the names).

A card's steps are the same for every platform; the person who writes "he posted it on twitter" asked about that
one. Each platform named maps to its own page in knowledge/, whose passage closest to the question the answer adds.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from assistant.understand.names import named_in, names_table

PLATFORMS_FILE = Path(__file__).with_name("platforms.yaml")
OTHER_PLATFORMS_FILE = Path(__file__).with_name("other_platforms.yaml")


@cache
def platforms() -> dict[str, re.Pattern[str]]:
    """Each platform page's group and the pattern of its names, read once."""
    return names_table(PLATFORMS_FILE)


def named_platforms(text: str) -> tuple[str, ...]:
    """The platform pages a message names, in the order it first names them ("X" and "Telegram": both)."""
    return named_in(text, platforms())


@cache
def _others() -> dict[str, re.Pattern[str]]:
    return names_table(OTHER_PLATFORMS_FILE)


def named_other_platforms(text: str) -> tuple[str, ...]:
    """The platforms with no page of their own a message names ("a QQ group", "on Roblox"): it is about them, not
    about a platform whose page says how to report there."""
    return named_in(text, _others())


@cache
def platform_keys() -> frozenset[str]:
    """The names a card's `platform=` may use: every platform either file knows."""
    return frozenset(platforms()) | frozenset(_others())
