"""Scoring answers against a question file (the format of shared/eval/dev.jsonl), by the rules of eval/README.md.

Pure functions: each takes an answer and what was expected and says whether it met it. The CLI reads the files and
prints the table. What counts:
- facts: each expected group needs one of its terms in the answer text (NFKC, case-insensitive); titles of the
  citations do not count, because a person reads the answer, not the titles;
- grounding: every marker matches a citation, numbered in order of first use; every cited passage stands verbatim in
  its document; every citation has a source address;
- place: when the person's place is known (given, or stated in the message), no line names another place's helplines,
  laws or bodies (EU rules count as France's own);
- length: the answer body is at most the phone budget.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.understand.language import detect_language
from assistant.understand.place import detect_jurisdiction, foreign_places
from assistant.vocabulary import percentile

PHONE_BUDGET = 1400  # characters of answer body a phone screen holds (settings.answer_max_chars by default)
ROUTES = ("answer", "crisis", "refuse", "out_of_scope")


@dataclass
class Question:
    id: str
    question: str
    language: str
    routes: list[str]
    expect: list[list[str]]
    jurisdiction: str | None = None  # the place the person chose in the interface
    place: str | None = None  # the person's place, given or stated in the message

    @property
    def known_place(self) -> str | None:
        return self.place or self.jurisdiction or detect_jurisdiction(self.question)


def read_questions(path: Path) -> list[Question]:
    """Questions from a JSONL file; a malformed line is named by its line number."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            route = row.get("route", "answer")
            questions.append(Question(id=str(row.get("id", number)), question=row["question"],
                                      language=row.get("language", ""), jurisdiction=row.get("jurisdiction"),
                                      place=row.get("place"), routes=route if isinstance(route, list) else [route],
                                      expect=row.get("expect", [])))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}:{number}: not a question line ({exc})") from None
    return questions


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def facts_found(answer: str, expect: list[list[str]]) -> list[bool]:
    """For each expected group: is one of its terms in the answer text?"""
    haystack = _fold(answer)
    return [any(_fold(term) in haystack for term in group) for group in expect]


def citations_valid(citations: list[dict[str, Any]], documents: dict[str, str]) -> bool:
    """Every cited passage stands verbatim in the document it names, and has a source address."""
    return all(c["text"] and c["text"] in documents.get(c["doc_id"], "") and c.get("url") for c in citations)


def markers_match(answer: str, citations: list[dict[str, Any]]) -> bool:
    """Markers [n] in the answer are exactly the citation numbers, numbered 1..k in order of first use."""
    used: list[int] = []
    for marker in re.findall(r"\[(\d+)\]", answer):
        if int(marker) not in used:
            used.append(int(marker))
    return used == [c["n"] for c in citations] == list(range(1, len(citations) + 1))


def place_violations(answer: str, place: str | None) -> set[str]:
    """The other places whose helplines, laws or bodies the answer names, when the person's place is known."""
    return set().union(*(foreign_places(line, place) for line in answer.splitlines())) if answer else set()


@dataclass
class Scores:
    total: int = 0
    route_ok: int = 0
    facts_expected: int = 0
    facts_found: int = 0
    answer_facts_expected: int = 0
    answer_facts_found: int = 0
    citations_ok: int = 0
    language_ok: int = 0
    with_place: int = 0
    place_violations: int = 0
    over_budget: int = 0
    lengths: list[int] = field(default_factory=list)
    by_route: dict[str, list[int]] = field(default_factory=dict)  # expected route -> [right, total]
    help_turned_away: int = 0
    help_total: int = 0
    latencies: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def percentile(self, p: float, values: list[float] | None = None) -> float:
        return percentile(self.latencies if values is None else values, p)

    def table(self) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "n/a"

        routes = "  ".join(f"{route} {pct(*self.by_route[route])}" for route in ROUTES if route in self.by_route)
        return "\n".join([
            f"questions             {self.total}",
            f"route accuracy        {pct(self.route_ok, self.total)}",
            f"  recall by route     {routes}",
            f"  help turned away    {pct(self.help_turned_away, self.help_total)}",
            f"fact coverage         {pct(self.facts_found, self.facts_expected)}",
            f"  on answer questions {pct(self.answer_facts_found, self.answer_facts_expected)}",
            f"grounded citations    {pct(self.citations_ok, self.total)}",
            f"answer language       {pct(self.language_ok, self.total)}",
            f"place violations      {pct(self.place_violations, self.with_place)} of answers with a known place",
            f"over phone budget     {pct(self.over_budget, self.total)} (p50 {self.percentile(50, self.lengths):.0f},"
            f" max {max(self.lengths, default=0)} characters)",
            f"latency p50 / p95     {self.percentile(50):.0f} ms / {self.percentile(95):.0f} ms",
        ])


def score(questions: list[Question], results: list[dict[str, Any]], documents: dict[str, str],
          budget: int = PHONE_BUDGET) -> Scores:
    """Score results (ask contract dicts, same order as questions)."""
    scores = Scores()
    for q, r in zip(questions, results, strict=True):
        scores.total += 1
        scores.latencies.append(float(r.get("timing_ms", {}).get("total", 0.0)))
        for expected in q.routes:
            right_total = scores.by_route.setdefault(expected, [0, 0])
            right_total[1] += 1
            right_total[0] += r["route"] == expected
        if r["route"] in q.routes:
            scores.route_ok += 1
        else:
            scores.misses.append(f"{q.id}: route {r['route']}, expected {'/'.join(q.routes)}")
        if q.routes == ["answer"]:
            scores.help_total += 1
            scores.help_turned_away += r["route"] in ("refuse", "out_of_scope")
        found = facts_found(r["answer"], q.expect)
        scores.facts_expected += len(found)
        scores.facts_found += sum(found)
        if "answer" in q.routes:
            scores.answer_facts_expected += len(found)
            scores.answer_facts_found += sum(found)
        for group, ok in zip(q.expect, found, strict=True):
            if not ok:
                scores.misses.append(f"{q.id}: missing fact {group}")
        if citations_valid(r["citations"], documents) and markers_match(r["answer"], r["citations"]):
            scores.citations_ok += 1
        else:
            scores.misses.append(f"{q.id}: a citation or marker does not check out")
        answer_language = detect_language(r["answer"])
        if q.language in ("", r["language"]) and answer_language == r["language"]:
            scores.language_ok += 1
        else:
            scores.misses.append(f"{q.id}: answered in {answer_language}, asked in {q.language or r['language']}")
        place = q.known_place
        if place and place != "GLOBAL":
            scores.with_place += 1
            wrong = place_violations(r["answer"], place)
            if wrong:
                scores.place_violations += 1
                scores.misses.append(f"{q.id}: person in {place}, answer names {', '.join(sorted(wrong))}")
        scores.lengths.append(len(r["answer"]))
        if len(r["answer"]) > budget:
            scores.over_budget += 1
            scores.misses.append(f"{q.id}: answer is {len(r['answer'])} characters (budget {budget})")
    return scores
