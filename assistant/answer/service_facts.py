"""The guidance's own lines that answer what a message asks about a service it names ("3018 c'est payant ?").

Pure: the passages come in, the chosen lines go out. A line answers when it says the facet asked ("free", "24/7",
`facets.yaml`) and is about the service: it names it, or its section's heading does ("3018: the French helpline ...",
"Who can use StopNCII.org"). Lines about another place than the person's are never chosen (`quotable`).
"""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.answer.cards import Quote, for_adults_only
from assistant.answer.compose import quotable, tells_of_a_death
from assistant.understand.age import detect_minor
from assistant.understand.service import names_service, says_facet

MAX_FACT_LINES = 2  # the answer to the question asked, before the card's answer to the situation


def service_facts(service: str, asked: tuple[str, ...], passages: list[Document], language: str,
                  place: str | None, members: frozenset[str], minor: bool | None = None) -> list[Quote]:
    """At most MAX_FACT_LINES lines, one per facet asked in the message's order, each the first line of the
    guidance (in page order) that says it and names the service in itself; only when none does, one whose section
    heading names it."""
    chosen: list[Quote] = []
    for facet in asked:
        best: tuple[int, Quote] | None = None
        for doc in passages:
            heading = str(doc.metadata.get("section", ""))
            if minor and for_adults_only(heading):
                continue
            in_heading = names_service(heading, service)
            for unit, url in quotable(doc, place, members):
                if not says_facet(unit, facet, language) or tells_of_a_death(unit):
                    continue
                if minor is not None and detect_minor(unit) not in (None, minor):
                    continue
                rank = 0 if names_service(unit, service) else 1 if in_heading else None
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
