"""The grounded answer: composed from retrieved passages, with no generative model.

An invented phone number or law can hurt someone, so the default answer only quotes sentences of the passages it
cites. Each line ends with a marker [n]; markers are numbered in order of first use, and each citation carries the
exact passage the lines were taken from. The same passages always give the same answer.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from langchain_core.documents import Document

from assistant.lexical import tokenize
from assistant.messages import message

_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý0-9«\"“(])|(?<=[。！？])")
RUNNER_UP = 0.7  # a second passage must score at least this share of the best one
_CONTACT = re.compile(r"\d{3,}|https?://|www\.", re.I)


@dataclass(frozen=True)
class Citation:
    """One cited passage, as the user sees it in the source list."""

    n: int
    doc_id: str
    title: str
    section: str
    url: str
    text: str
    publisher: str
    last_reviewed: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ComposedAnswer:
    answer: str
    citations: list[Citation]
    found: bool


def passage_units(text: str) -> list[str]:
    """The quotable units of a passage: its bullets, and the sentences of its paragraphs."""
    units: list[str] = []
    bullet_open = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "|", ">")):
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


def _pick_units(units: list[str], query_terms: set[str], language: str, limit: int) -> list[str]:
    """The units most about the question, kept in the passage's own order."""
    if len(units) <= limit:
        return units
    scored = []
    for index, unit in enumerate(units):
        overlap = len(query_terms & set(tokenize(unit, language)))
        scored.append((overlap * 2.0 + 1.0 / (1 + index), index))
    keep = sorted(index for _, index in sorted(scored, reverse=True)[:limit])
    return [units[i] for i in keep]


def select_passages(candidates: list[Document], max_passages: int) -> list[Document]:
    """The relevant passages worth quoting: the best one, then close runners-up from at most two per document."""
    relevant = [d for d in candidates if d.metadata.get("relevant")]
    if not relevant:
        return []
    best = relevant[0].metadata["score"]
    chosen: list[Document] = []
    per_doc: dict[str, int] = {}
    for doc in relevant:
        if len(chosen) >= max_passages or doc.metadata["score"] < best * RUNNER_UP:
            break
        doc_id = doc.metadata["doc_id"]
        if per_doc.get(doc_id, 0) >= 2:
            continue
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        chosen.append(doc)
    return chosen


def _citation(n: int, doc: Document) -> Citation:
    meta = doc.metadata
    return Citation(n=n, doc_id=meta["doc_id"], title=meta["title"], section=meta["section"], url=meta["url"],
                    text=doc.page_content, publisher=meta.get("publisher", ""),
                    last_reviewed=meta.get("last_reviewed", ""))


def compose_answer(question: str, language: str, passages: list[Document], *, jurisdiction: str | None,
                   help_passage: Document | None = None, max_chars: int = 1400) -> ComposedAnswer:
    """Quote the passages into a short cited answer; see the module docstring for the rules it keeps."""
    if not passages:
        return ComposedAnswer(message("nothing_found", language), [], False)
    query_terms = set(tokenize(question, language))
    lines = [message("lead", language), ""]
    citations: list[Citation] = []
    used = 0
    for position, doc in enumerate(passages):
        limit = 7 if position == 0 else 3
        units = _pick_units(passage_units(doc.page_content), query_terms, language, limit)
        if not units:
            continue
        n = len(citations) + 1
        block = [f"**{doc.metadata['section']}**"]
        for unit in units:
            if used > max_chars and len(block) > 1:
                break
            block.append(f"- {unit} [{n}]")
            used += len(unit)
        if position > 0 and used > max_chars * 1.3:
            break
        citations.append(_citation(n, doc))
        lines += block + [""]

    quoted = " ".join(d.page_content for d in passages)
    if help_passage is not None and not _CONTACT.search(quoted) and help_passage.id not in {d.id for d in passages}:
        units = passage_units(help_passage.page_content)[:3]
        if units:
            n = len(citations) + 1
            lines.append(f"**{message('help_heading', language)}: {help_passage.metadata['section']}**")
            lines += [f"- {unit} [{n}]" for unit in units] + [""]
            citations.append(_citation(n, help_passage))

    place_specific = any(",GLOBAL," not in d.metadata.get("jurisdictions", ",GLOBAL,") for d in passages)
    if jurisdiction is None and place_specific:
        lines.append(f"_{message('place_note', language)}_")
    return ComposedAnswer("\n".join(lines).strip(), citations, True)
