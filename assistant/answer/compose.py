"""The grounded answer: composed from retrieved passages, with no generative model.

An invented phone number or law can hurt someone, so the default answer only quotes sentences of the passages it
cites. Each line ends with a marker [n]; markers are numbered in order of first use, and each citation carries the
exact passage the lines were taken from. The same passages always give the same answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from langchain_core.documents import Document

from assistant.answer.messages import message
from assistant.answer.types import Block, Citation, ComposedAnswer, Line
from assistant.index.lexical import tokenize
from assistant.knowledge.chunking import LINE_SOURCE
from assistant.understand.place import foreign_places, member_states
from assistant.vocabulary import BULLET

_BULLET = BULLET
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý0-9«\"“(])|(?<=[。！？])")
RUNNER_UP = 0.7  # a passage from another page must score at least this share of the best one
SAME_PAGE = 0.45  # another section of the best page needs less
REDUNDANT = 0.75  # passages this similar (cosine) say the same thing; quote only the first
OUTLINE_SECTIONS = 5
RESERVED = 260  # characters kept free under the budget for the question back or the place's help lines
_BROAD = re.compile(
    r"what (?:should|do|can|could|must) (?:i|we) do|what now|what are my options|help me|where do i start|"
    r"que (?:dois-je |puis-je |faut-il |peut-on |pouvons-nous )?faire|quoi faire|que faire|aidez[- ]moi|"
    r"怎么办|该怎么做|怎么处理|如何处理|该做什么|能做什么|怎么做", re.I)
_SUBHEADING = re.compile(r"\*\*[^*]+\*\*:?")  # a line that is only bold text labels what follows
_CONTACT = re.compile(r"\d{3,}|https?://|www\.", re.I)
_BOLD_NUMBER = re.compile(r"\*\*[\d +-]{2,}\*\*")  # a number to call, in bold: "**116 123**"
_PHONE = re.compile(_BOLD_NUMBER.pattern + r"|\b\d{2,}(?:[ -]\d+)*\b")


def passage_units(text: str) -> list[str]:
    """The quotable units of a passage (its bullets, and the sentences of its paragraphs), without line sources."""
    return [unit for unit, _ in sourced_units(text)]


def sourced_units(text: str) -> list[tuple[str, str | None]]:
    """The quotable units of a passage, each with the sources its own line names, space-separated (None: the
    section's source). For guidance passages only: the split is cached by text, and nothing a person typed may be."""
    return list(_sourced_units(text))


@lru_cache(maxsize=8192)
def _sourced_units(text: str) -> tuple[tuple[str, str | None], ...]:
    """Cached: only guidance passages are split (the composer splits the same ones for every answer)."""
    result = []
    for unit in _raw_units(text):
        match = LINE_SOURCE.search(unit)
        result.append((unit[:match.start()].rstrip(), match.group(1)) if match else (unit, None))
    return tuple((unit, url) for unit, url in result if unit)


def _raw_units(text: str) -> list[str]:
    """The quotable units of a passage as written: its bullets, and the sentences of its paragraphs."""
    units: list[str] = []
    bullet_open = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "|", ">", "<!--")) or _SUBHEADING.fullmatch(line):
            bullet_open = False
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            units.append(bullet.group(1).strip())
            bullet_open = True
        elif bullet_open and raw.startswith((" ", "\t")):
            units[-1] += " " + line
        else:
            bullet_open = False
            units.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return units


def crisis_units(text: str, limit: int) -> list[str]:
    """Lines to call first: from each part of a crisis section ("if you are in danger", "if you are thinking of
    suicide"), its first numbers, so that a short answer still shows both kinds of help for every place."""
    units = passage_units(text)
    if len(units) <= limit:
        return units
    parts: list[list[str]] = [[]]
    for raw in text.splitlines():
        if _SUBHEADING.fullmatch(raw.strip()) and parts[-1]:
            parts.append([])
        parts[-1] += passage_units(raw)
    numbers = [[u for u in part if _PHONE.search(u)] for part in parts]
    # Each part's first number before any part's second: with room for two lines, China's section gives 110 and
    # the psychological assistance line 12356, not 110 and the ambulance (both in "if you are in danger").
    firsts = [part[0] for part in numbers if part]
    picked = (firsts + numbers[0][1:2])[:limit]
    if not picked:  # words to the person, not numbers: the first lines say the most
        return units[:limit]
    return [u for u in units if u in picked][:limit]


def _pick_units(units: list[str], query_terms: set[str], language: str, limit: int) -> list[str]:
    """The units most about the question, in the passage's order."""
    if len(units) <= limit:
        return units
    scored = []
    for index, unit in enumerate(units):
        overlap = len(query_terms & set(tokenize(unit, language)))
        scored.append((overlap * 2.0 + 1.0 / (1 + index), index))
    keep = sorted(index for _, index in sorted(scored, reverse=True)[:limit])
    return [units[i] for i in keep]


def is_intro(doc: Document) -> bool:
    return doc.metadata.get("section") == doc.metadata.get("title")


Similarity = Callable[[Document, Document], float]
Plan = list[tuple[Document, int]]  # passages to quote, each with the most lines to take from it


def _relevance(doc: Document) -> float:
    return doc.metadata.get("fused", doc.metadata["score"]) or 1e-9


def select_passages(candidates: list[Document], max_passages: int, similarity: Similarity | None = None) -> list[Document]:
    """The relevant passages worth quoting: the best one, then close runners-up that add something new.

    A runner-up must score near the best one (or be another section of the best page), must not repeat a passage
    already chosen (two pages saying "do not pay" in other words), and one page gives at most two passages. A page's
    intro only summarises: when a section of the same page is also relevant, the section is quoted instead.
    """
    relevant = [d for d in candidates if d.metadata.get("relevant")]
    with_sections = {d.metadata["doc_id"] for d in relevant if not is_intro(d)}
    relevant = [d for d in relevant if not (is_intro(d) and d.metadata["doc_id"] in with_sections)]
    if not relevant:
        return []
    best = relevant[0]
    chosen: list[Document] = [best]
    per_doc: dict[str, int] = {best.metadata["doc_id"]: 1}
    for doc in relevant[1:]:
        if len(chosen) >= max_passages:
            break
        doc_id = doc.metadata["doc_id"]
        # The person's own place orders the answer but does not raise the bar for runners-up: its law must not crowd
        # out the advice that applies everywhere. Penalties (another place, another audience) still count.
        share = min(doc.metadata["score"], _relevance(doc)) / _relevance(best)
        if share < (SAME_PAGE if doc_id == best.metadata["doc_id"] else RUNNER_UP) or per_doc.get(doc_id, 0) >= 2:
            continue
        if similarity and any(similarity(doc, other) >= REDUNDANT for other in chosen):
            continue
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        chosen.append(doc)
    return chosen


def is_broad(question: str) -> bool:
    """'What do I do?': the person needs the page's steps in order, not one passage in depth."""
    return bool(_BROAD.search(question))


def plan_answer(question: str, chosen: list[Document], page_sections: Callable[[str], list[Document]]) -> Plan:
    """Which passages to quote and how much of each.

    A broad question gets the best page's sections in the page's own order (the order a person acts in), a line or
    two from each; a specific one gets the best passage in depth and a few lines from each runner-up.
    """
    if not chosen:
        return []
    if is_broad(question):
        sections = [s for s in page_sections(chosen[0].metadata["doc_id"]) if not is_intro(s)]
        if len(sections) >= 3:
            return [(section, 2) for section in sections[:OUTLINE_SECTIONS]]
    return [(doc, 6 if position == 0 else 3) for position, doc in enumerate(chosen)]


# A line that tells of someone's death ("after which she took her own life", a court case's facts): chosen on one shared
# word, and the frightened person reading it did not ask for it.
_DEATH = re.compile(r"(?i:took (?:her|his|their) own life|died by suicide|killed (?:her|him|them)sel(?:f|ves)|"
                    r"donné la mort|mis fin à ses jours|s'est suicidée?)|自杀身亡|自尽")


def tells_of_a_death(line: str) -> bool:
    """A line that tells of a victim's suicide (a guiding case: "after which she took her own life"): never quoted to
    a frightened person who asked something else, whichever composer answers."""
    return bool(_DEATH.search(line))


class Citations:
    """Citations numbered in order of first use: one per passage and source, so a line links to the page that says it.
    """

    def __init__(self, first: int = 1):
        self.first = first
        self.items: list[Citation] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def cite(self, doc: Document, urls: str | None = None) -> int:
        """The number of the citation for a line of `doc` whose own sources are `urls` (None: the passage's)."""
        meta = doc.metadata
        named = _line_sources(meta.get("line_sources") or "{}")
        rank = {"official": 0, "press": 1, "secondary": 2}
        # The most reliable of the line's own sources is the one the person sees; their order breaks ties.
        candidates = [u for u in (urls or "").split() if u in named]
        url = min(candidates, key=lambda u: rank.get(named[u][1], 3)) if candidates else meta["url"]
        key = (doc.id or meta["doc_id"], url)
        if key not in self._numbers:
            publisher = named[url][0] if url in named else meta.get("publisher", "")
            n = self.first + len(self.items)
            self.items.append(Citation(n=n, doc_id=meta["doc_id"], title=meta["title"], section=meta["section"],
                                       url=url, text=doc.page_content, publisher=publisher,
                                       last_reviewed=meta.get("last_reviewed", "")))
            self._numbers[key] = n
        return self._numbers[key]

    def line(self, doc: Document, unit: str, url: str | None) -> Line:
        return Line(unit, self.cite(doc, url))


@lru_cache(maxsize=8192)
def _line_sources(raw: str) -> dict[str, list[str]]:
    """A passage's own line sources (url -> [publisher, class]), parsed once per passage: read, never changed."""
    return json.loads(raw)


def shown_heading(doc: Document, jurisdiction: str | None, members: frozenset[str] | None = None) -> str:
    """A passage's section heading, or none when it names another place than the person's ("... in Australia and
    France" above the line about France; "... under section 66B" above a line for a person in Glasgow, `members`
    being the nations and member states their message names): the lines under it are already the person's own."""
    heading = doc.metadata["section"]
    return "" if foreign_places(heading, jurisdiction, members) else heading


def quotable(doc: Document, jurisdiction: str | None,
             members: frozenset[str] | None = None) -> list[tuple[str, str | None]]:
    """A passage's units that may be shown to this person: none that is about another place than theirs (nor, with
    `members`, the members the person's message names, about another EU member state or UK nation)."""
    return [(u, url) for u, url in sourced_units(doc.page_content) if not foreign_places(u, jurisdiction, members)]


def _every_place(doc: Document) -> bool:
    """The crisis page's section that names every place ("Lines to call, place by place: China, ..."): one line per
    place, each with its emergency number and its line to talk to someone."""
    places = doc.metadata.get("jurisdictions", ())
    return "GLOBAL" not in places and len(places) > 1


def _in_one_line(doc: Document) -> bool:
    """The crisis page's section that gives every place's numbers in a single line ("In danger / to talk to someone:
    China 110 / 12356; ..."), for a possible crisis with the place unknown: an every-place section of one line."""
    return _every_place(doc) and len(sourced_units(doc.page_content)) == 1


def place_line(doc: Document, jurisdiction: str) -> str:
    """The every-place section's line for one place (its units about no other place), or "" when it has none."""
    return next((u for u, _ in quotable(doc, jurisdiction) if _PHONE.search(u)), "")


def _numbers(unit: str) -> int:
    """How many numbers to call a line gives in bold ("**17** or **112** ..., **3114** ...": 3)."""
    return len(_BOLD_NUMBER.findall(unit))


def crisis_plan(sections: list[Document], jurisdiction: str | None, *, compact: bool = False,
                asked: bool = False, helper: bool = False) -> Plan:
    """Crisis resources from the crisis-lines page: the words to the person first, then the lines to call.

    With a known place, that place's section in full after the words to the person (`compact`, a crisis the router
    only thinks possible: the first number of each of its parts, the emergency number and the line to talk to
    someone, so the answer to the person's question keeps its room; until 2026-12-04 only the first, and a friend in
    Cardiff who said "elle veut plus vivre" was asked whether she was thinking of ending her life and given 999
    without Samaritans' 116 123; `asked`, a likely crisis whose message also asks something: one line of words and
    each part's first two lines, the numbers, so the answer that follows is not cut to one step). With the place
    unknown, the section that gives every place's numbers one line each: a frightened person on a phone reads six
    short lines, not a wall of seven headed lists (`compact`: the section that gives them all in one line, so the
    answer after them keeps its steps)
    (the lead says the words to the person). A page without that section falls back on every place's own lines.
    `helper`: the writer is worried for someone else (a friend, a parent, a teacher, a counsellor): the words to the
    person in crisis ("You matter, and what is happening to you is not your fault") are not said to the writer; the
    helper's lead already says they can call on the other person's behalf.
    """
    general = [] if helper else [s for s in sections
                                 if "GLOBAL" in s.metadata.get("jurisdictions", ()) and not is_intro(s)]
    places = [s for s in sections if "GLOBAL" not in s.metadata.get("jurisdictions", ()) and not _every_place(s)]
    # The every-place section with a line per place; the page may also give them all in one line.
    summary = [s for s in sections if _every_place(s) and not _in_one_line(s)]
    one_line = [s for s in sections if _in_one_line(s)]
    if jurisdiction:
        mine = [s for s in places if jurisdiction in s.metadata.get("jurisdictions", ())]
        if mine:
            if compact:
                # The place's one line of the every-place section ("France: 17 or 112 if you are in danger, 3114 to
                # talk to someone"): the same two numbers as its own section's first lines, in a third of the room,
                # so the answer to the question after them keeps its steps. A place whose line there has one number
                # (the EU: 112) keeps its section's first lines, the emergency number and the line to talk to.
                if summary and _numbers(place_line(summary[0], jurisdiction)) >= 2:
                    return [(summary[0], 1)]
                return [(s, 2 if len(mine) == 1 else 1) for s in mine]
            if asked:
                return [(s, 1) for s in general[:1]] + [(s, 2) for s in mine]
            return [(s, 2) for s in general[:1]] + [(s, 5) for s in mine]
    if compact and one_line:
        # A possible crisis, the place unknown: every place's numbers in one line, so the answer to the question
        # after them keeps its steps (a list of six lines and its heading took a third of the phone budget).
        return [(one_line[0], 1)]
    if summary:
        return [(summary[0], 8)]
    # the lead already says the words to the person; every place's lines follow
    return [(s, 1 if compact else 3) for s in places]


def compose_answer(question: str, language: str, plan: Plan, *, jurisdiction: str | None,
                   help_passage: Document | None = None, max_chars: int = 1400, crisis: bool = False,
                   lead: str | None = None, close: bool = True, first_citation: int = 1,
                   facts: Sequence[tuple[Document, str, str | None]] = ()) -> ComposedAnswer:
    """Quote the planned passages into a short cited answer; see the module docstring for the rules it keeps.

    `lead` replaces the opening sentence; `close=False` leaves out the crisis answer's closing words (when the
    answer to the person's question follows them); `first_citation` numbers the citations after earlier ones.
    `facts`: the guidance's lines that answer what the message asks about a service it names ("12338 ou 12377 ?",
    answer/service_facts.py), said first, as a card's answer says them.
    A line about another place than the person's own is never quoted.
    """
    passages = [doc for doc, _ in plan]
    if not passages:
        return ComposedAnswer([Block("lead", (Line(message("nothing_found", language)),))], [], False)
    query_terms = set() if crisis else set(tokenize(question, language))
    members = member_states(question)
    blocks = [Block("lead", (Line(lead or message("crisis_lead" if crisis else "lead", language)),))]
    cites = Citations(first_citation)
    # What the person reads, in characters of the rendered answer; room is kept for the question back and the help.
    used = len(blocks[0].lines[0].text) + 2
    room = max_chars - (0 if crisis else RESERVED)
    said = {unit for _, unit, _ in facts}
    if facts:
        blocks.append(Block("direct", tuple(cites.line(doc, unit, url) for doc, unit, url in facts)))
        used += sum(len(unit) + 8 for unit in said)
    for doc, limit in plan:
        units = [(u, url) for u, url in quotable(doc, None if crisis else jurisdiction, members) if u not in said]
        # A possible crisis, the place known and named in the every-place section: that place's one line (not for
        # GLOBAL, which the section does not name: every place's line, as for an unknown place).
        one_place = crisis and _every_place(doc) and jurisdiction in doc.metadata.get("jurisdictions", ())
        if one_place:
            line = place_line(doc, jurisdiction)
            units = [(u, url) for u, url in units if u == line][:limit]
        elif crisis:
            keep = set(crisis_units(doc.page_content, limit))
            units = [(u, url) for u, url in units if u in keep][:limit]
            if jurisdiction is None and not _every_place(doc):  # the numbers only, so the list fits a phone
                units = [(u, url) for u, url in units if u.startswith("**")] or units[:1]
        else:
            units = _pick_sourced([(u, url) for u, url in units if not tells_of_a_death(u)], query_terms, language,
                                  limit)
        heading = shown_heading(doc, None if crisis else jurisdiction, members)
        if crisis and jurisdiction is None and _in_one_line(doc):
            heading = ""  # every place's numbers in one line, which says what they are for, after the words to the person
        elif crisis and jurisdiction is None:  # "China: if you are in danger ...": the place names the list
            heading = re.split(r"\s*[:：]", heading, maxsplit=1)[0]
        elif one_place:  # one place's line, which names its place: no heading over it
            heading = ""
        lines: list[Line] = []
        cost = len(heading) + 6
        for unit, url in units:
            first = len(blocks) == 1 + bool(facts) and not lines  # the best passage's first line always: it answers
            if used + cost + len(unit) + 8 > room and not crisis and not first:  # the lines to call are never cut
                break
            lines.append(cites.line(doc, unit, url))
            cost += len(unit) + 8
        if not lines:
            if crisis:
                continue
            break
        used += cost
        kind = "crisis" if crisis else "passage"
        if heading and blocks[-1].kind == kind and blocks[-1].heading == heading:
            # Two passages of one section (a long section is cut in pieces): one heading, one list.
            blocks[-1] = Block(kind, blocks[-1].lines + tuple(lines), heading)
        else:
            blocks.append(Block(kind, tuple(lines), heading))

    quoted = " ".join(d.page_content for d in passages)
    if help_passage is not None and not _CONTACT.search(quoted) and help_passage.id not in {d.id for d in passages}:
        units = quotable(help_passage, jurisdiction, members)[:3]
        while units and used + sum(len(u) + 8 for u, _ in units) + 40 > max_chars:
            units = units[:-1]
        if units:
            section = shown_heading(help_passage, jurisdiction, members)
            heading = f"{message('help_heading', language)}: {section}" if section else message("help_heading", language)
            blocks.append(Block("help", tuple(cites.line(help_passage, u, url) for u, url in units), heading))

    if crisis and close:
        blocks.append(Block("close", (Line(message("crisis_close", language)),)))
    place_specific = any("GLOBAL" not in d.metadata.get("jurisdictions", ("GLOBAL",)) for d in passages)
    needs_place = jurisdiction is None and place_specific and not crisis
    if needs_place:
        blocks.append(Block("question", (Line(message("place_note", language)),)))
    return ComposedAnswer(blocks, cites.items, True, needs_place=needs_place)


def _pick_sourced(units: list[tuple[str, str | None]], query_terms: set[str], language: str,
                  limit: int) -> list[tuple[str, str | None]]:
    picked = set(_pick_units([u for u, _ in units], query_terms, language, limit))
    return [(u, url) for u, url in units if u in picked][:limit]
