"""Which services a message names and what it asks about them (`services.yaml`, `facets.yaml`: the one source).

"3018 c'est payant ?", "does take it down cost anything", "stopncii会看到我照片吗" ask one thing about one service
before the person uses it. A card answers the situation ("Do not pay" for a message with "payant" in it); the
guidance's own lines about that service answer the question (answer/service_facts.py).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from assistant.understand.names import named_in, names_pattern, names_table

SERVICES_FILE = Path(__file__).with_name("services.yaml")
FACETS_FILE = Path(__file__).with_name("facets.yaml")
_SENTENCE_END = re.compile(r"(?<=[.?!;])\s+|(?<=[。？！；])\s*|\n+")  # not inside "3.5" or "stopncii.org"
COMPARED = "what-it-is"  # the facet asked when a message names two services and asks nothing else about them


@cache
def services() -> dict[str, re.Pattern[str]]:
    """Each service and the pattern of its names, read once."""
    return names_table(SERVICES_FILE)


@cache
def facets() -> dict[str, dict[str, dict[str, re.Pattern[str]]]]:
    """Each facet's patterns: {"asks"|"says": {language: pattern}}, read once."""
    data = yaml.safe_load(FACETS_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, dict[str, dict[str, re.Pattern[str]]]] = {}
    for facet, sides in data.items():
        out[facet] = {side: {lang: pattern for lang, words in (sides.get(side) or {}).items()
                             if (pattern := names_pattern([str(w) for w in words])) is not None}
                      for side in ("asks", "says")}
    return out


@cache
def _near() -> frozenset[str]:
    """The facets read only in a sentence that names a service (`near: true` in facets.yaml)."""
    data = yaml.safe_load(FACETS_FILE.read_text(encoding="utf-8")) or {}
    return frozenset(facet for facet, sides in data.items() if sides.get("near"))


def named_services(text: str) -> tuple[str, ...]:
    """The services a message names, in the order it first names them."""
    return named_in(text, services())


def asked_facets(text: str, language: str) -> tuple[str, ...]:
    """What the message asks about a service (cost, hours, ...), in facets.yaml's order; read only in the words of
    the message with the services' own names taken out ("3114" is not an hour)."""
    whole = text or ""
    # A facet marked `near` (words that ask many things: "what's", "for kids") asks about a service only in a
    # sentence that names it: in "I've heard of eSafety but don't know if that's for kids. What's the right order?",
    # "for kids" asks about eSafety and "what's" about the order.
    sentences = _SENTENCE_END.split(whole)
    near = " / ".join(sentence for sentence in sentences if named_services(sentence))
    for pattern in services().values():
        whole, near = pattern.sub(" ", whole), pattern.sub(" ", near)
    asked = tuple(facet for facet, sides in facets().items()
                  if (pattern := sides["asks"].get(language)) is not None
                  and pattern.search(near if facet in _near() else whole))
    # Two services named in one sentence and nothing else asked about them ("12338 ou 12377 ?", "3018 or 3919 for
    # my ex's pics?"): the person is choosing between them, and what each one is answers that.
    if not asked and any(len(named_services(sentence)) >= 2 for sentence in sentences) and COMPARED in facets():
        asked = (COMPARED,)
    return asked


def says_facet(line: str, facet: str, language: str) -> bool:
    """Whether a guidance line says what the facet asks ("free", "24/7")."""
    pattern = facets().get(facet, {}).get("says", {}).get(language)
    return pattern is not None and pattern.search(line) is not None


def names_service(text: str, service: str) -> bool:
    """Whether a text names the service."""
    pattern = services().get(service)
    return pattern is not None and pattern.search(text) is not None
