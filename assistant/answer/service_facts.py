"""The guidance's own lines that answer what a message asks about a service it names ("3018 c'est payant ?").

Pure: the passages come in, the chosen lines go out. A line answers when it says the facet asked ("free", "24/7",
`facets.yaml`) and is about the service: it names it, or its section's heading does ("3018: the French helpline ...",
"Who can use StopNCII.org"). Lines about another place than the person's are never chosen (`quotable`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from langchain_core.documents import Document

from assistant.answer.cards import Quote, for_adults_only, spoken_to_helpers
from assistant.answer.compose import quotable, tells_of_a_death
from assistant.understand.age import detect_minor
from assistant.understand.service import named_services, names_service, says_facet, services

WHO_FOR = "who-for"  # the facet that asks whom a service is for (facets.yaml)
ON_MY_OWN = "on-my-own"  # the facet that asks whether a young person can use it without an adult (facets.yaml)
MAX_FACT_LINES = 2  # the answer to the question asked, before the card's answer to the situation


SUBJECT_CHARS = 16  # a line naming the service this early is about it ("Le 12338 est ...", "PHAROS is ...")


def _about(unit: str, service: str) -> int:
    """0 when the line's subject is the service (it is named in its first words: "PHAROS is the official French
    portal"), 1 when the line only names it on the way ("For the most serious cases, 3018 can pass the report on to
    PHAROS, the official ..."): asked what PHAROS is, the first says it."""
    match = services()[service].search(unit.lstrip("*"))
    return 0 if match is not None and match.start() <= SUBJECT_CHARS else 1


def _saying(doc: Document, facet: str, language: str, place: str | None, members: frozenset[str],
            minor: bool | None, other_age_ok: bool = False, helper: bool = True) -> Iterator[tuple[str, str | None]]:
    """A passage's lines that say what the facet asks and may be shown to this person: of their place (`quotable`),
    never telling of a death, and, unless `other_age_ok`, not for the other age (nor from a section for adults only,
    to a minor); to someone who is not `helper`, no line spoken to those who help (`cards.spoken_to_helpers`). How
    long is said with a number and its unit (`_answers`): "adoptée sous le numéro S. 146" has the word of "sous 48
    heures" and no duration."""
    if minor and for_adults_only(str(doc.metadata.get("section", ""))) and not other_age_ok:
        return
    for unit, url in quotable(doc, place, members):
        if not _answers(unit, facet, language) or tells_of_a_death(unit):
            continue
        if not helper and spoken_to_helpers(unit):
            continue
        if minor is not None and detect_minor(unit) not in (None, minor) and not other_age_ok:
            continue
        yield unit, url


def service_facts(service: str, asked: tuple[str, ...], passages: list[Document], language: str,
                  place: str | None, members: frozenset[str], minor: bool | None = None,
                  helper: bool = True) -> list[Quote]:
    """At most MAX_FACT_LINES lines, one per facet asked in the message's order, each the first line of the
    guidance (in page order) that says it and is about the service (names it in its first words); else the first
    that names it anywhere; only when none does, one whose section heading names it. `helper`: whether the person
    writes about someone else (a parent, a friend, a teacher); if not, no line spoken to helpers."""
    chosen: list[Quote] = []
    for facet in asked:
        best: tuple[int, Quote] | None = None
        # Asked whom a service is for, a line for the other age answers too ("revenge porn helpline pour les
        # mineurs ?": "... supports adults"; "Take It Down for adults?": "... is for images taken before you were
        # 18"); for any other facet a line for the other age is not theirs.
        # Asked whether they can use it without an adult, the line that says so names an adult ("on your own,
        # without the help of an adult") and reads as for adults: it is theirs too.
        other_age_ok = facet in (WHO_FOR, ON_MY_OWN)
        for doc in passages:
            in_heading = names_service(str(doc.metadata.get("section", "")), service)
            for unit, url in _saying(doc, facet, language, place, members, minor, other_age_ok, helper):
                # A line under a heading that names the service is about it only when it names no other one instead
                # ("Take It Down ... does not work on encrypted services", under "StopNCII, Take It Down and ...").
                rank = (_about(unit, service) if names_service(unit, service)
                        else 2 if in_heading and not named_services(unit) else None)
                if rank is None or any(unit == said for _, said, _ in chosen):
                    continue
                if best is None or rank < best[0]:
                    best = (rank, (doc, unit, url))
                if rank == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is not None:
            chosen.append(best[1])
        if len(chosen) == MAX_FACT_LINES:
            break
    return chosen


HOW_LONG = "how-long"  # the facet that asks how long something takes (facets.yaml)
_MARKS = re.compile(r"\[\d+\]|^\s*\d+\.\s")  # citation numbers and a step's number are not a duration's
# A duration: a number and its unit ("48 hours", "6 ans", "48小时", "三年"), not any number (3018, 24/7)
_DURATION = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:hours?\b|hrs?\b|h\b|days?\b|weeks?\b|months?\b|years?\b"
                     r"|heures?\b|jours?\b|semaines?\b|mois\b|ans\b|années?\b|个?小时|天|日内|周|个月|年)", re.I)


# The facets answered when the message names no service. Not "abroad" (facets.yaml): its lines say either that the
# person's place acts wherever the other person is (eSafety) or wherever the company is (the Digital Services Act),
# and said first to every message that names another country they led 31 answers over the tuning halves and spent
# hold-outs with a line about companies when the ex was abroad (+2 facts); asked of a service named, it stays.
UNNAMED = (HOW_LONG,)


def _answers(line: str, facet: str, language: str) -> bool:
    """Whether a line says what the facet asks; for how long, with a number and its unit."""
    return says_facet(line, facet, language) and (facet != HOW_LONG or bool(_DURATION.search(line)))


def says_already(text: str, facet: str, language: str) -> bool:
    """Whether an answer already has a line that says it ("... within 48 hours ...", "... wherever the person
    lives")."""
    return any(_answers(_MARKS.sub("", line), facet, language) for line in text.splitlines())


def unnamed_fact(facet: str, passages: list[Document], closeness: Callable[[Document], float], language: str,
                 place: str | None, members: frozenset[str], minor: bool | None = None) -> list[Quote]:
    """The line that answers a facet asked of no service named: "how long?" ("ils ont combien de temps pour
    l'enlever ?": "... within 48 hours of a valid request"). Of the passages the answer draws on (its card's sections,
    then the retrieved ones), the one closest to the question with a line of the person's place that says it; its
    first such line. Why: the card's steps hold the duration for the place, but not first, and a cut answer lost
    it."""
    best: tuple[float, Quote] | None = None
    for doc in passages:
        line = next((line for line in _saying(doc, facet, language, place, members, minor)
                     if _answers(line[0], facet, language)), None)
        if line is None:
            continue
        score = closeness(doc)
        if best is None or score > best[0]:
            best = (score, (doc, *line))
    return [best[1]] if best is not None else []
