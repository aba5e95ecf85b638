"""Scoring answers against a question file (the format of shared/eval/dev.jsonl).

Pure functions: each takes an answer and what was expected and says whether it met it. The CLI reads the files and
prints the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.understand.language import detect_language


@dataclass
class Question:
    id: str
    question: str
    language: str
    routes: list[str]
    expect: list[list[str]]
    jurisdiction: str | None = None


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
                                      routes=route if isinstance(route, list) else [route],
                                      expect=row.get("expect", [])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a question line ({exc})") from None
    return questions


def facts_found(answer: str, cited_titles: list[str], expect: list[list[str]]) -> list[bool]:
    """For each expected group: is one of its terms in the answer or a cited title (case-insensitive)?"""
    haystack = (answer + "\n" + "\n".join(cited_titles)).lower()
    return [any(term.lower() in haystack for term in group) for group in expect]


def citations_valid(citations: list[dict[str, Any]], documents: dict[str, str]) -> bool:
    """Every cited passage stands verbatim in the document it names."""
    return all(c["text"] and c["text"] in documents.get(c["doc_id"], "") for c in citations)


def markers_match(answer: str, citations: list[dict[str, Any]]) -> bool:
    """Markers [n] in the answer are exactly the citation numbers, numbered 1..k in order of first use."""
    import re

    used = []
    for marker in re.findall(r"\[(\d+)\]", answer):
        if int(marker) not in used:
            used.append(int(marker))
    return used == [c["n"] for c in citations] == list(range(1, len(citations) + 1))


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
    latencies: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def table(self) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "n/a"

        return "\n".join([
            f"questions             {self.total}",
            f"route accuracy        {pct(self.route_ok, self.total)}",
            f"fact coverage         {pct(self.facts_found, self.facts_expected)}",
            f"  on answer questions {pct(self.answer_facts_found, self.answer_facts_expected)}",
            f"citation validity     {pct(self.citations_ok, self.total)}",
            f"answer language       {pct(self.language_ok, self.total)}",
            f"latency p50 / p95     {self.percentile(50):.0f} ms / {self.percentile(95):.0f} ms",
        ])


def score(questions: list[Question], results: list[dict[str, Any]], documents: dict[str, str]) -> Scores:
    """Score results (ask contract dicts, same order as questions)."""
    scores = Scores()
    for q, r in zip(questions, results, strict=True):
        scores.total += 1
        scores.latencies.append(float(r["timing_ms"]["total"]))
        if r["route"] in q.routes:
            scores.route_ok += 1
        else:
            scores.misses.append(f"{q.id}: route {r['route']}, expected {'/'.join(q.routes)}")
        found = facts_found(r["answer"], [c["title"] for c in r["citations"]], q.expect)
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
    return scores
