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

from assistant.safety.sentences import sentences
from assistant.understand.age import stated_ages
from assistant.understand.brevity import is_short
from assistant.understand.names import named_in, names_pattern, names_table

SERVICES_FILE = Path(__file__).with_name("services.yaml")
FACETS_FILE = Path(__file__).with_name("facets.yaml")
# Two services named together are compared only with a word that offers the choice ("12338 ou 12377 ?"), not when one
# belongs to the other ("Report Remove de Childline").
_CHOICE = re.compile(r"(?i)\b(?:or|vs|versus|which|difference|ou|lequel|laquelle|différence)\b|还是|或者|哪个|区别|/")
COMPARED = "what-it-is"  # the facet asked when a message names two services and asks nothing else about them
AGED = "who-for"  # the facet asked when a question names a service and an age and asks nothing else about it
_ASKS = re.compile(r"[?？]|[吗嘛么呢]\s*$")  # a sentence that asks


@cache
def services() -> dict[str, re.Pattern[str]]:
    """Each service and the pattern of its names, read once."""
    return names_table(SERVICES_FILE)


@cache
def _facets_file() -> dict:
    return yaml.safe_load(FACETS_FILE.read_text(encoding="utf-8")) or {}


@cache
def facets() -> dict[str, dict[str, dict[str, re.Pattern[str]]]]:
    """Each facet's patterns: {"asks"|"says": {language: pattern}}, read once."""
    out: dict[str, dict[str, dict[str, re.Pattern[str]]]] = {}
    for facet, sides in _facets_file().items():
        out[facet] = {side: {lang: pattern for lang, words in (sides.get(side) or {}).items()
                             if (pattern := names_pattern([str(w) for w in words])) is not None}
                      for side in ("asks", "says")}
    return out


@cache
def _near() -> dict[str, int]:
    """The facets read only near a service's name, and how many sentences after the one naming it they are read in
    too (`near: N` in facets.yaml)."""
    return {facet: int(sides["near"]) for facet, sides in _facets_file().items() if sides.get("near") is not None}


def _without_names(text: str) -> str:
    for pattern in services().values():
        text = pattern.sub(" ", text)
    return text


def named_services(text: str) -> tuple[str, ...]:
    """The services a message names, in the order it first names them."""
    return named_in(text, services())


def asked_facets(text: str, language: str) -> tuple[str, ...]:
    """What the message asks about a service (cost, hours, ...), in facets.yaml's order; read only in the words of
    the message with the services' own names taken out ("3114" is not an hour)."""
    whole = text or ""
    # A facet with `near: N` (words that ask many things: "what's", "for me") asks about a service only in a sentence
    # that names it or in the N sentences after it: in "I've heard of eSafety but don't know if that's for kids.
    # What's the right order?", "for kids" asks about eSafety and "what's" about the order; in "On m'a conseillé
    # Report Remove. Ça marche pour moi ?" the second sentence asks about Report Remove. Each reach is read once.
    parts = sentences(whole) or [whole]
    naming = [i for i, sentence in enumerate(parts) if named_services(sentence)]
    read: dict[int | None, str] = {}

    def words(after: int | None) -> str:
        if after not in read:
            near = whole if after is None else " / ".join(
                parts[j] for j in sorted({j for i in naming for j in range(i, i + after + 1)}) if j < len(parts))
            read[after] = _without_names(near)
        return read[after]

    asked = tuple(facet for facet, sides in facets().items()
                  if (pattern := sides["asks"].get(language)) is not None and pattern.search(words(_near().get(facet))))
    # Two services offered as a choice in one sentence and nothing else asked about them ("12338 ou 12377 ?", "3018
    # or 3919 for my ex's pics?"): the person is choosing between them, and what each one is answers that.
    if not asked and COMPARED in facets() and any(
            len(named_services(sentence)) >= 2 and _CHOICE.search(sentence) for sentence in parts):
        asked = (COMPARED,)
    # A question that names a service and an age and asks nothing else about it ("stopncii ok for my 16yo?",
    # "StopNCII si j'ai 16 ans ?", "我女儿15岁能用StopNCII吗"): whether the service is for someone that age is what it
    # asks, however it is worded. Not a story that mentions both ("I used StopNCII when I was 17, and now ...").
    if not asked and AGED in facets() and any(
            named_services(sentence) and stated_ages(sentence) and (_ASKS.search(sentence) or is_short(whole))
            for sentence in parts):
        asked = (AGED,)
    return asked


def says_facet(line: str, facet: str, language: str) -> bool:
    """Whether a guidance line says what the facet asks ("free", "24/7")."""
    pattern = facets().get(facet, {}).get("says", {}).get(language)
    return pattern is not None and pattern.search(line) is not None


def names_service(text: str, service: str) -> bool:
    """Whether a text names the service."""
    pattern = services().get(service)
    return pattern is not None and pattern.search(text) is not None
