"""Overrides as data: explicit suicide, self-harm and danger patterns (`crisis_patterns.yaml`), plain signs of
help-seeking (`help_patterns.yaml`: asking for a helpline or whom to turn to, asking how to check for spyware or a
hidden camera, saying one wants no names or links), explicit short requests (`refuse_patterns.yaml`: "got maddies
nudes?", "hack my exs snap") and courtesy alone (`courtesy_patterns.yaml`: "thanks", "Bonsoir.", "好的谢谢").

The learned classifier routes every message. A crisis pattern can only add the crisis route, never remove one,
because a missed crisis is the costliest error the router can make; a help pattern can only stop a refusal, because
turning away someone who asks where to find help costs more than answering a bad request from vetted guidance; a
refuse pattern only refuses a message of a few words that asks in so many words for someone's images, an undressing
tool or a way into someone's account, never one that also asks for help, and never before the lines to call; a
courtesy pattern only keeps a thank-you from being read as a goodbye (a crisis pattern still comes first). Each
pattern carries the messages it must and must not match, so a test holds every pattern to its own examples.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.once import load_once

PATTERNS_FILE = Path(__file__).with_name("crisis_patterns.yaml")
HELP_PATTERNS_FILE = Path(__file__).with_name("help_patterns.yaml")
COURTESY_PATTERNS_FILE = Path(__file__).with_name("courtesy_patterns.yaml")
REFUSE_PATTERNS_FILE = Path(__file__).with_name("refuse_patterns.yaml")


@dataclass(frozen=True)
class CrisisPattern:
    id: str
    regex: re.Pattern[str]
    match: tuple[str, ...]
    no_match: tuple[str, ...]


def normalize(text: str) -> str:
    """Lower case, NFKC (full-width punctuation becomes ASCII), accents removed, one kind of apostrophe and space."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def read_patterns(path: Path = PATTERNS_FILE) -> list[CrisisPattern]:
    """The patterns of a YAML file; a malformed entry raises with the file, entry and field named."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    patterns = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, entry {number}"
        for key in ("id", "pattern", "match", "no_match"):
            if key not in entry:
                raise ValueError(f"{where}: missing field '{key}'")
        try:
            regex = re.compile(entry["pattern"])
        except re.error as exc:
            raise ValueError(f"{where} ({entry['id']}): field 'pattern' is not a valid regular expression: {exc}") from None
        patterns.append(CrisisPattern(entry["id"], regex, tuple(entry["match"]), tuple(entry["no_match"])))
    return patterns


@load_once
def _patterns() -> list[CrisisPattern]:
    return read_patterns()


@load_once
def _help_patterns() -> list[CrisisPattern]:
    return read_patterns(HELP_PATTERNS_FILE)


@load_once
def _refuse_patterns() -> list[CrisisPattern]:
    return read_patterns(REFUSE_PATTERNS_FILE)


@load_once
def _courtesy_patterns() -> list[CrisisPattern]:
    return read_patterns(COURTESY_PATTERNS_FILE)


def _first(patterns: list[CrisisPattern], text: str) -> str | None:
    normalized = normalize(text)
    for pattern in patterns:
        if pattern.regex.search(normalized):
            return pattern.id
    return None


def crisis_pattern(text: str) -> str | None:
    """The id of the first crisis pattern the message matches, or None."""
    return _first(_patterns(), text)


def help_pattern(text: str) -> str | None:
    """The id of the first help-seeking pattern the message matches (a helpline or whom to turn to asked for, a check
    for spyware or a hidden camera, no names or links wanted), or None."""
    return _first(_help_patterns(), text)


def refuse_pattern(text: str) -> str | None:
    """The id of the first explicit-request pattern the message matches ("got maddies nudes?", "hack my exs snap",
    "求班花裸照资源"), or None. The router reads it only for a message of a few words (`refuse_patterns.yaml`)."""
    return _first(_refuse_patterns(), text)


def courtesy_pattern(text: str) -> str | None:
    """The id of the courtesy pattern the message matches when it is only a greeting, a thank-you or an
    acknowledgement ("Thanks.", "ok merci 🙏", "好的谢谢"), or None."""
    return _first(_courtesy_patterns(), text)
