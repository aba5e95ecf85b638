"""The one list of languages and of places Recourse covers (cheap to import: the CLI's argument parser uses it)."""

from __future__ import annotations

import re

LANGUAGES: tuple[str, ...] = ("en", "zh", "fr")
JURISDICTIONS: tuple[str, ...] = ("GLOBAL", "CN", "US", "UK", "AU", "EU", "FR")
PLACES: tuple[str, ...] = tuple(j for j in JURISDICTIONS if j != "GLOBAL")  # places a person can be in

# What the code relies on finding in the knowledge base (kb validate checks the shipped one has them):
CRISIS_GROUP = "crisis-lines"  # the page the safety layer cites when someone is in danger: one section per place
HELPLINES_TOPIC = "helplines"  # pages whose sections give a place's helplines, added when an answer has none
FIRST_STEPS_GROUP = "first-steps"  # the card a message too short to read ("😭", "help") is answered with
LAW_CARD = "is-it-a-crime"  # the card that says whether something is a crime where the person is, place by place

# Chinese characters (the CJK unified ideographs, extension A and compatibility ideographs): one definition for the
# language detector, the tokenizer, follow-ups and place names.
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A Markdown bullet or numbered item, with its text: how guidance passages and answers mark their lines.
BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile by nearest rank (0 for no values): what the benchmarks and the evaluation report."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
