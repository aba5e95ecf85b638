"""Where the person is, and which places a text speaks of, read from `places.yaml` (the one source for both).

The UI's choice (or --jurisdiction) always wins; a message fills the gap when it names a place ("I live in
Australia", "在杭州", "je suis à Lyon"), or, failing that, a platform or institution used only in one place (微信,
Pharos, eSafety). The answer side uses the same data to keep another place's helplines and laws out of an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from assistant.vocabulary import CJK, JURISDICTIONS

PLACES_FILE = Path(__file__).with_name("places.yaml")
_CJK = CJK


@dataclass(frozen=True)
class Place:
    """How one place shows in text: named outright, hinted at, or marked by its own services and laws."""

    code: str
    named: re.Pattern[str]  # names and cities
    hinted: re.Pattern[str] | None  # platforms and institutions used only there
    marked: re.Pattern[str]  # names, cities, helplines, laws and bodies: "this line is about that place"
    includes: tuple[str, ...]  # places whose rules count as this one's own (EU for France)


# What may stand before and after an entry: latin letters and numbers match as whole words (Chinese characters
# next to them do not join the word: "QQ群", "在Paris"); a number is not part of "60 000", "1-800-...", "2024/1385".
_WORD_BEFORE, _WORD_AFTER = r"(?<![A-Za-zÀ-ÿ0-9_.])", r"(?![A-Za-zÀ-ÿ0-9_]|\.[A-Za-z])"
_NUMBER_BEFORE = r"(?<![\dA-Za-z_/-])(?<!\d[ ,.\u00a0\u202f])"
_NUMBER_AFTER = r"(?![\dA-Za-z_]|[-/]\d|[ ,.\u00a0\u202f]\d)"


def _alternation(entries: list[str]) -> re.Pattern[str] | None:
    """One pattern for a list of entries, in their order.

    Entries in a row with the same surroundings share one lookbehind and one lookahead: `(?<!x)(?:a|b)(?!y)`
    matches exactly what `(?<!x)a(?!y)|(?<!x)b(?!y)` matches, in the same order, but a lookbehind that fails (inside
    a word) skips the whole row at once instead of being tried again for each of a hundred names. Reading the place
    of a message and stripping it took a third of a millisecond of each answer before.
    """
    runs: list[tuple[tuple[str, str, bool], list[str]]] = []
    for raw in entries:
        entry = str(raw)
        exact = entry.startswith("=")
        entry = entry.removeprefix("=")
        body = re.escape(entry).replace(r"\ ", r"\s+")
        if _CJK.search(entry):
            around = ("", "")
        elif entry[:1].isdigit():
            around = (_NUMBER_BEFORE, _NUMBER_AFTER)
        else:
            around = (_WORD_BEFORE, _WORD_AFTER)
        key = (*around, exact)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(body)
        else:
            runs.append((key, [body]))
    parts = []
    for (before, after, exact), bodies in runs:
        part = f"{before}(?:{'|'.join(bodies)}){after}"
        parts.append(part if exact else f"(?i:{part})")
    return re.compile("|".join(parts)) if parts else None


@cache
def places() -> dict[str, Place]:
    """Every covered place's patterns, read once from places.yaml (checked by a test: only known codes)."""
    data = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    result = {}
    for code, entry in data.items():
        if code not in JURISDICTIONS:
            raise ValueError(f"{PLACES_FILE}: {code}: not one of {', '.join(JURISDICTIONS)}")
        names = entry.get("names", []) + entry.get("cities", [])
        result[code] = Place(code=code, named=_alternation(names), hinted=_alternation(entry.get("hints", [])),
                             marked=_alternation(names + entry.get("markers", [])),
                             includes=tuple(entry.get("includes", [])))
    return result


def named_jurisdictions(text: str) -> set[str]:
    """Every place a text names outright (a country, a demonym or a city)."""
    return {code for code, place in places().items() if place.named.search(text)}


def marked_jurisdictions(text: str) -> frozenset[str]:
    """Every place a text is about: named, or one of its helplines, laws or bodies ("3018", "Take It Down Act").

    Cached: answers test the same guidance lines again and again.
    """
    return _marked(text)


@lru_cache(maxsize=16384)
def _marked(text: str) -> frozenset[str]:
    return frozenset(code for code, place in places().items() if place.marked.search(text))


def _one(found: set[str]) -> str | None:
    if len(found) == 1:
        return next(iter(found))
    for code in found:  # France and the EU: the person is in France
        place = places()[code]
        if place.includes and found == {code, *place.includes}:
            return code
    return None


def detect_jurisdiction(text: str) -> str | None:
    """The one place a message puts the person in, or None (no place, or several).

    A place named outright wins; platforms and institutions used only in one place count when none is named (a
    Chinese student in London who mentions WeChat is in the UK).
    """
    named = named_jurisdictions(text)
    if named:
        return _one(named)
    hinted = {code for code, place in places().items() if place.hinted is not None and place.hinted.search(text)}
    return _one(hinted)


def own_places(jurisdiction: str) -> set[str]:
    """The places whose guidance counts as the person's own: theirs, and the ones it includes (EU for France)."""
    place = places().get(jurisdiction)
    return {jurisdiction, *(place.includes if place else ())}


def foreign_places(text: str, jurisdiction: str | None) -> set[str]:
    """The places other than the person's own that a line of an answer is about (empty when the place is unknown)."""
    if not jurisdiction or jurisdiction == "GLOBAL":
        return set()
    return marked_jurisdictions(text) - own_places(jurisdiction)


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
