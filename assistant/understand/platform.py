"""Which platforms a message names, read from `platforms.yaml` (the one source for the names).

A card's steps are the same for every platform; the person who writes "he posted it on twitter" asked about that
one. Each platform named maps to its own page in knowledge/, whose passage closest to the question the answer adds.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from assistant.vocabulary import CJK

PLATFORMS_FILE = Path(__file__).with_name("platforms.yaml")
# Latin names match as whole words, with Chinese characters next to them allowed ("QQ群", "在Discord上").
_BEFORE, _AFTER = r"(?<![A-Za-zÀ-ÿ0-9_.@])", r"(?![A-Za-zÀ-ÿ0-9_]|\.[A-Za-z])"


def names_pattern(names: list[str]) -> re.Pattern[str]:
    """One pattern for names as the data files write them: latin names as whole words, case-insensitive ("=AI":
    its case exactly), Chinese names anywhere."""
    parts = []
    for raw in names:
        name = str(raw)
        exact = name.startswith("=")
        name = name.removeprefix("=")
        body = re.escape(name).replace(r"\ ", r"\s*")
        if not CJK.search(name):
            body = f"{_BEFORE}{body}{_AFTER}"
        parts.append(body if exact else f"(?i:{body})")
    return re.compile("|".join(parts))


@cache
def platforms() -> dict[str, re.Pattern[str]]:
    """Each platform page's group and the pattern of its names, read once."""
    data = yaml.safe_load(PLATFORMS_FILE.read_text(encoding="utf-8")) or {}
    return {group: names_pattern(names) for group, names in data.items()}


def named_platforms(text: str) -> tuple[str, ...]:
    """The platform pages a message names, in the order it first names them ("X" and "Telegram": both)."""
    found = [(m.start(), group) for group, pattern in platforms().items() if (m := pattern.search(text or ""))]
    return tuple(group for _, group in sorted(found))
