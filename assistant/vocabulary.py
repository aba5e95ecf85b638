"""The one list of languages and of places Recourse covers (cheap to import: the CLI's argument parser uses it)."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "zh", "fr")
JURISDICTIONS: tuple[str, ...] = ("GLOBAL", "CN", "US", "UK", "AU", "EU", "FR")
PLACES: tuple[str, ...] = tuple(j for j in JURISDICTIONS if j != "GLOBAL")  # places a person can be in

# What the code relies on finding in the knowledge base (kb validate checks the shipped one has them):
CRISIS_GROUP = "crisis-lines"  # the page the safety layer cites when someone is in danger: one section per place
HELPLINES_TOPIC = "helplines"  # pages whose sections give a place's helplines, added when an answer has none
