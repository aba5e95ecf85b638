"""Precision and recall of the router on a labelled file (tests/data/routes.jsonl format): used by the routing
test, which holds the targets, and by bench/route_report.py, which prints the tables."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assistant.routing import ROUTES, Router


@dataclass
class RouteReport:
    confusion: Counter  # (expected, got) -> count
    misses: list[tuple[str, str, str, str]]  # (expected, got, language, text)
    by_language: dict[str, Counter] = field(default_factory=dict)  # language -> (expected, got) -> count

    def recall(self, route: str) -> float:
        total = sum(self.confusion[(route, got)] for got in ROUTES)
        return self.confusion[(route, route)] / total if total else 1.0

    def precision(self, route: str) -> float:
        total = sum(self.confusion[(expected, route)] for expected in ROUTES)
        return self.confusion[(route, route)] / total if total else 1.0

    def help_misrouted(self) -> float:
        """Share of help-seeking messages sent to refuse or out_of_scope: survivors turned away."""
        total = sum(self.confusion[("answer", got)] for got in ROUTES)
        bad = self.confusion[("answer", "refuse")] + self.confusion[("answer", "out_of_scope")]
        return bad / total if total else 0.0

    def language(self, language: str) -> RouteReport:
        """The same report restricted to one language."""
        return RouteReport(self.by_language.get(language, Counter()),
                           [m for m in self.misses if m[2] == language])

    def table(self) -> str:
        lines = [f"{'route':13s} {'precision':>9s} {'recall':>7s} {'n':>4s}"]
        for route in ROUTES:
            n = sum(self.confusion[(route, got)] for got in ROUTES)
            lines.append(f"{route:13s} {self.precision(route):9.3f} {self.recall(route):7.3f} {n:4d}")
        lines.append(f"help-seeking sent to refuse/out_of_scope: {100 * self.help_misrouted():.1f}%")
        return "\n".join(lines)

    def matrix(self) -> str:
        """Confusion matrix: one row per expected route, one column per route given."""
        lines = ["expected / got " + "".join(f"{route:>13s}" for route in ROUTES)]
        for expected in ROUTES:
            lines.append(f"{expected:15s}" + "".join(f"{self.confusion[(expected, got)]:13d}" for got in ROUTES))
        return "\n".join(lines)


def evaluate_routes(router: Router, path: Path) -> RouteReport:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # embedded in batches and passed to the router, as the service does with the vector it already has
    vectors = router.embeddings.embed_queries([row["text"] for row in rows]) if router.embeddings else [None] * len(rows)
    report = RouteReport(Counter(), [])
    for row, vector in zip(rows, vectors, strict=True):
        got = router.route(row["text"], row["language"], vector=vector).route
        report.confusion[(row["route"], got)] += 1
        report.by_language.setdefault(row["language"], Counter())[(row["route"], got)] += 1
        if got != row["route"]:
            report.misses.append((row["route"], got, row["language"], row["text"]))
    return report
