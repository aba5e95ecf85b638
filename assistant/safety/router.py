"""Routing every message before retrieval: answer, crisis, refuse or out_of_scope.

A learned classifier (`classifier.py`, trained by `recourse router train` on the labelled corpus in `corpus/`) gives
each route a probability; the crisis patterns (`crisis_patterns.yaml`) can only add crisis; the refuse patterns
(`refuse_patterns.yaml`) are read only for a message of a few words, which the model reads least surely; the policy
(`policy.py`) turns both into a route with thresholds chosen for the costs; a message it answers is put out of scope
when the scope model (`scope.py`) is very sure it is not about intimate images at all. Offline, deterministic, and a few
milliseconds once the message is embedded (the service passes the vector it already computed for retrieval; the vote
of the nearest labelled messages takes 1-2 ms of it).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.safety.classifier import ROUTES, RouterModel, features, model_path
from assistant.safety.patterns import courtesy_pattern, crisis_pattern, help_pattern, refuse_pattern
from assistant.safety.policy import RouteDecision, decide, short_refuse
from assistant.safety.scope import ScopeModel, scope_path
from assistant.safety.sentences import sentences
from assistant.understand.brevity import is_short
from assistant.understand.script import normalised

if TYPE_CHECKING:
    from assistant.index.embeddings import OfflineEmbeddings

MAX_CHARS = 2000  # what a person can type; longer messages are read up to here


class Router:
    """Routes messages with the model trained on the given embedding model's vectors, loaded on first use.

    With no embedding model (`Router(None)`) only the crisis patterns run and everything else is answered.
    """

    def __init__(self, embeddings: OfflineEmbeddings | None, model: Path | None = None, scope: Path | None = None):
        self.embeddings = embeddings
        self.model_file = model or (model_path(embeddings.name) if embeddings else None)
        self.scope_file = scope or (scope_path(embeddings.name) if embeddings else None)
        self._model: RouterModel | None = None
        self._scope: ScopeModel | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> RouterModel:
        with self._lock:
            if self._model is None:
                if self.model_file is None or not self.model_file.exists():
                    raise FileNotFoundError(f"no router model at {self.model_file}: run `recourse router train`")
                self._model = RouterModel.load(self.model_file)
                if self.embeddings and self._model.embedding_model != self.embeddings.name:
                    raise ValueError(f"{self.model_file} was trained on {self._model.embedding_model} vectors, "
                                     f"not {self.embeddings.name}")
            return self._model

    @property
    def scope(self) -> ScopeModel | None:
        """The out-of-scope model (`scope.py`), or None when it has not been trained (the router works without it)."""
        with self._lock:
            if self._scope is None and self.scope_file is not None and self.scope_file.exists():
                scope = ScopeModel.load(self.scope_file)
                if self.embeddings and scope.embedding_model != self.embeddings.name:
                    raise ValueError(f"{self.scope_file} was trained on {scope.embedding_model} vectors, "
                                     f"not {self.embeddings.name}")
                self._scope = scope
            return self._scope

    def probabilities(self, text: str, vector=None, rows=None) -> dict[str, float]:
        """P(route | message), from the model alone; `rows`: the message's features, when already made."""
        if vector is None:
            vector = self.embeddings.embed_query(text)
        row = self.model.probabilities([text], np.asarray(vector, dtype=np.float32).reshape(1, -1), rows)[0]
        return {route: float(row[self.model.classes.index(route)]) for route in ROUTES}

    def route(self, text: str, language: str = "", vector=None) -> RouteDecision:
        """Decide how to handle a message. `vector`: the message already embedded as a query (skips embedding), as
        `normalised` reads it (the service embeds it so).

        `language` is accepted for callers' convenience; the model and patterns read every language.
        """
        text = normalised((text or "")[:MAX_CHARS])  # Simplified characters, straight apostrophes (understand/script.py)
        if not text.strip():
            return RouteDecision("answer", "empty")
        pattern = crisis_pattern(text)
        if pattern is None and courtesy_pattern(text):
            # "Thanks.", "Bonsoir.": the model reads a thank-you alone as a goodbye (courtesy_patterns.yaml)
            return RouteDecision("answer", "pattern:courtesy")
        if self.embeddings is None:
            return RouteDecision("crisis", "pattern:crisis", "likely") if pattern else RouteDecision("answer", "no_model")
        # A crisis pattern decides the route; the model still decides what follows the lines to call.
        if vector is None:
            vector = self.embeddings.embed_query(text)
        vector = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        rows = features([text], vector, self.model.config)  # made once: the scope model reads the same ones
        p = self.probabilities(text, vector, rows)
        thresholds = self.model.thresholds
        whole_says_crisis = pattern is not None or p["crisis"] >= thresholds.crisis_possible
        helped = help_pattern(text)
        short = is_short(text)
        decision = decide(p, thresholds, pattern, 0.0 if whole_says_crisis else self.sentence_crisis(text),
                          helped, short_bar=short_refuse(self.model.embedding_model) if short else None,
                          refuse_pattern=refuse_pattern(text) if short else None)
        if decision.route == "answer" and helped is None and self.out_of_scope(text, vector, rows):
            # Answered by the four-way model, with no crisis signal and no help-seeking pattern, but very surely not
            # about intimate images (a password reset, a parcel scam): the scope model's reading (`scope.py`).
            return RouteDecision("out_of_scope", "model:scope")
        return decision

    def out_of_scope(self, text: str, vector=None, rows=None) -> bool:
        """Whether the scope model is at or above its threshold that the message is not about intimate images.
        `rows`: the message's features for the router's config, when already made (read only if the scope model's
        config is the same)."""
        scope = self.scope
        if scope is None:
            return False
        if vector is None:
            vector = self.embeddings.embed_query(text)
        vector = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        shared = rows if rows is not None and scope.config == self.model.config else None
        return bool(scope.probability([text], vector, shared)[0] >= scope.threshold)

    def sentence_crisis(self, text: str) -> float:
        """The highest crisis probability among the message's sentences, each scored alone (0 for one sentence, or
        for a model trained without a sentence threshold). The sentences are embedded together, in one call."""
        parts = sentences(text)
        if not parts or self.model.thresholds.crisis_sentence > 1:
            return 0.0
        vectors = np.asarray(self.embeddings.embed_queries(parts), dtype=np.float32)
        return float(self.model.crisis_probability(parts, vectors).max())
