"""Precision and recall of the router on a labelled file (tests/data/routes.jsonl format): used by the routing
test, which holds the targets, and by bench/route_report.py, which prints the table."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from assistant.routing import ROUTES, Router


@dataclass
class RouteReport:
    confusion: Counter  # (expected, got) -> count
    misses: list[tuple[str, str, str, str]]  # (expected, got, language, text)

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

    def table(self) -> str:
        lines = [f"{'route':13s} {'precision':>9s} {'recall':>7s} {'n':>4s}"]
        for route in ROUTES:
            n = sum(self.confusion[(route, got)] for got in ROUTES)
            lines.append(f"{route:13s} {self.precision(route):9.3f} {self.recall(route):7.3f} {n:4d}")
        lines.append(f"help-seeking sent to refuse/out_of_scope: {100 * self.help_misrouted():.1f}%")
        return "\n".join(lines)


def evaluate_routes(router: Router, path: Path) -> RouteReport:
    confusion: Counter = Counter()
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        got = router.route(row["text"], row["language"]).route
        confusion[(row["route"], got)] += 1
        if got != row["route"]:
            misses.append((row["route"], got, row["language"], row["text"]))
    return RouteReport(confusion, misses)
