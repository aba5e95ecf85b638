"""Where the person is, when they say so in their message.

The UI's choice (or --jurisdiction) always wins; this only fills the gap when a message names a place, as in
"I live in Australia" or "在中国". A message naming several places is left undecided.
"""

from __future__ import annotations

import re

from assistant.knowledge.documents import JURISDICTIONS

PLACE_PATTERNS: dict[str, re.Pattern[str]] = {
    "CN": re.compile(r"\b(china|chinese law|mainland|prc|beijing|shanghai|guangzhou|shenzhen|chine)\b|中国|大陆|内地|国内|"
                     r"北京|上海|广州|深圳|公安|派出所|网信办|妇联", re.I),
    "US": re.compile(r"\b(US|USA|U\.S\.A?)(?![\w.])|(?i:\b(united states|america|american|californi\w*|texas|"
                     r"new york|florida|[ée]tats[- ]unis)\b)|美国"),
    "UK": re.compile(r"\b(uk|u\.k\.|united kingdom|england|english law|britain|british|scotland|wales|london|"
                     r"royaume[- ]uni|angleterre)\b|英国|英格兰", re.I),
    "AU": re.compile(r"\b(australia|australian|sydney|melbourne|brisbane|perth|australie)\b|澳大利亚|澳洲", re.I),
    "EU": re.compile(r"\bEU\b|(?i:\b(european union|europe|union européenne|germany|spain|italy|belgium|"
                     r"netherlands|allemagne|espagne|italie|belgique)\b)|欧盟|欧洲"),
    "FR": re.compile(r"\b(france|french law|paris|lyon|marseille)\b|法国", re.I),
}


def named_jurisdictions(text: str) -> set[str]:
    """Every jurisdiction a text names."""
    return {code for code, pattern in PLACE_PATTERNS.items() if pattern.search(text)}


def detect_jurisdiction(text: str) -> str | None:
    """The one jurisdiction a message names, or None."""
    found = named_jurisdictions(text)
    if found == {"EU", "FR"}:
        return "FR"
    return found.pop() if len(found) == 1 else None


def check_jurisdiction(value: object) -> str | None:
    """A place code a caller passed (the API, the chat's place, a JSONL row), checked against JURISDICTIONS.

    Empty means "not said" (None). Anything else that is not a known code raises ValueError, so an unknown value is
    never searched for, answered about or written to the log; the error names the allowed codes, never the value.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str) and value in JURISDICTIONS:
        return value
    raise ValueError(f"jurisdiction must be one of {', '.join(JURISDICTIONS)}, or empty")
