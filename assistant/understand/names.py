"""One pattern for a list of names as the data files write them (places, platforms, topics): the one rule for
what counts as a name in a message, so "QQ群", "sur X", "在Paris" and "j'ai" are read the same way everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.vocabulary import CJK

# What may stand before and after an entry: latin letters and numbers match as whole words (Chinese characters
# next to them do not join the word: "QQ群", "在Paris"); a number is not part of "60 000", "1-800-...", "2024/1385".
_WORD_BEFORE, _WORD_AFTER = r"(?<![A-Za-zÀ-ÿ0-9_.])", r"(?![A-Za-zÀ-ÿ0-9_]|\.[A-Za-z])"
_NUMBER_BEFORE = r"(?<![\dA-Za-z_/-])(?<!\d[ ,.\u00a0\u202f])"
_NUMBER_AFTER = r"(?![\dA-Za-z_]|[-/]\d|[ ,.\u00a0\u202f]\d)"


@lru_cache(maxsize=64)
def _lowered(others: tuple[str, ...]) -> tuple[str, ...]:
    """Another place's names as they are compared: lower case, without the "=" of an exact-case entry (made once per
    list: places.yaml has thousands of names, each compared with every other place's)."""
    return tuple(other.removeprefix("=").lower() for other in others)


def _inside(entry: str, others: tuple[str, ...]) -> tuple[str, str]:
    """Lookarounds (before, after) that keep an entry from matching inside another place's longer name.

    "Ireland" (the EU) is part of "Northern Ireland" (the UK), 爱尔兰 of 北爱尔兰, "Irlande" of "Irlande du Nord": a
    person in Belfast would be read as in both places, so neither, and a line about Northern Ireland's law would be
    kept from the very people it is for. Computed from places.yaml, so a new name guards itself.
    """
    not_before, not_after = set(), set()
    low = entry.lower()
    for wider in _lowered(others):
        if low not in wider or wider == low:
            continue
        start = wider.find(low)
        before, after = wider[:start], wider[start + len(low):]
        # In any case: an entry matched as written ("=X") is still not read inside "Mr X" or "Site X".
        if before:
            not_before.add(f"(?<!(?i:{re.escape(before)}))")
        if after:
            not_after.add(f"(?!(?i:{re.escape(after).replace(chr(92) + ' ', chr(92) + 's+')}))")
    return "".join(sorted(not_before)), "".join(sorted(not_after))


def names_pattern(entries: list[str], others: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """One pattern for a list of entries, in their order (none of them inside one of `others`, another place's);
    None for no entries. "=AI" matches its case exactly; every other entry matches case-insensitively.

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
        if entry[:1].isalpha():  # a name's hyphen may be typed as a space: "saint brieuc", "aix en provence"
            body = body.replace(r"\-", r"[\s\-]")
        not_before, not_after = _inside(entry, others)
        body = f"{not_before}{body}{not_after}"
        if CJK.search(entry):
            around = ("", "")
        elif entry[:1].isdigit():
            around = (_NUMBER_BEFORE, _NUMBER_AFTER)
        elif not entry[:1].isalnum():  # a symbol ("£"): anywhere
            around = ("", "")
        else:  # a sign at the end ("A$800") ends the entry itself
            around = (_WORD_BEFORE, _WORD_AFTER if entry[-1:].isalnum() else "")
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


def names_table(path: Path) -> dict[str, re.Pattern[str]]:
    """Each key of a names file (platforms.yaml, services.yaml) and the pattern of its names. An entry starting with
    "!" is a longer name the others must not be read inside ("!site X", "!take it down act")."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for key, names in data.items():
        wider = tuple(str(n)[1:] for n in names if str(n).startswith("!"))
        if (pattern := names_pattern([str(n) for n in names if not str(n).startswith("!")], wider)) is not None:
            out[str(key)] = pattern
    return out


def named_in(text: str, table: dict[str, re.Pattern[str]]) -> tuple[str, ...]:
    """The keys of a names table a text names, in the order it first names them."""
    found = [(m.start(), key) for key, pattern in table.items() if (m := pattern.search(text or ""))]
    return tuple(key for _, key in sorted(found))
