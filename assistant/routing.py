"""Routing every message before retrieval: answer, crisis, refuse or out_of_scope.

Until the safety classifier lands, every message is answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Route = Literal["answer", "crisis", "refuse", "out_of_scope"]
ROUTES: tuple[str, ...] = ("answer", "crisis", "refuse", "out_of_scope")


@dataclass(frozen=True)
class RouteDecision:
    route: Route
    reason: str = ""


def route_message(text: str, language: str) -> RouteDecision:
    """Decide how to handle a message."""
    return RouteDecision("answer", "default")
