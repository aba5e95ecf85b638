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


def named_services(text: str) -> tuple[str, ...]:
    """The services a message names, in the order it first names them."""
    return named_in(text, services())


def asked_facets(text: str, language: str) -> tuple[str, ...]:
    """What the message asks about a service (cost, hours, ...), in facets.yaml's order; read only in the words of
    the message with the services' own names taken out ("3114" is not an hour)."""
    rest = text or ""
    for pattern in services().values():
        rest = pattern.sub(" ", rest)
    return tuple(facet for facet, sides in facets().items()
                 if (pattern := sides["asks"].get(language)) is not None and pattern.search(rest))


def says_facet(line: str, facet: str, language: str) -> bool:
    """Whether a guidance line says what the facet asks ("free", "24/7")."""
    pattern = facets().get(facet, {}).get("says", {}).get(language)
    return pattern is not None and pattern.search(line) is not None


def names_service(text: str, service: str) -> bool:
    """Whether a text names the service."""
    pattern = services().get(service)
    return pattern is not None and pattern.search(text) is not None
