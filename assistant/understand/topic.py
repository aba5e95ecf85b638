"""Which situation with a law of its own a message names (a sexual deepfake), read from `topics.yaml`.

The law card says whether sharing a real intimate image is a crime where the person is; a deepfake has its own law
in several places (France's art. 226-8-1, China's art. 1019 of the Civil Code, the TAKE IT DOWN Act's "digital
forgeries"). A teacher or a friend who writes about one gets their own card, and that situation's law beside it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from assistant.understand.names import names_pattern

TOPICS_FILE = Path(__file__).with_name("topics.yaml")


@cache
def topics() -> dict[str, re.Pattern[str]]:
    """Each situation's card and the pattern of its words, read once."""
    data = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8")) or {}
    return {group: pattern for group, words in data.items() if (pattern := names_pattern(words)) is not None}


def law_topic(text: str) -> str | None:
    """The card of the situation with its own law that the message names first, or None."""
    found = [(m.start(), group) for group, pattern in topics().items() if (m := pattern.search(text or ""))]
    return min(found)[1] if found else None
