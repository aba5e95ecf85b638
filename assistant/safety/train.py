"""`recourse router train`: rebuild the router's model from the labelled corpus, reproducibly.

1. Read every batch in `corpus/`, and the tuning halves of the blind answer batches (bench/data, in a checkout) as
   help-seekers, each file a batch; `corpus/splits.yaml` names the batches held out as the test split (never trained
   on, never used to choose anything; a training message with the same text as a test message is left out).
2. Embed every message with the service's embedding model, as a query, exactly as the service does.
3. Choose the hyper-parameters and the policy's thresholds on out-of-fold predictions: each training batch is held
   out in turn (grouped cross-validation), so every choice is made on wording the model did not see, and the
   thresholds minimise the expected cost of the policy's mistakes (`policy.COSTS`, and `policy.LINES_FIRST_COSTS`
   for what follows the lines to call); the same fold models score
   each message's sentences one by one, for the sentence threshold (`sentences.py`).
4. Fit on all training batches, save the model with its thresholds and provenance, and report the test split.

Same corpus and same library versions give the same file.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant.safety.classifier import (
    ROUTES,
    FeatureConfig,
    Neighbours,
    RouterModel,
    Thresholds,
    blend,
    features,
    model_path,
    neighbour_vote,
    unit_rows,
)
from assistant.safety.metrics import ANSWER_BATCHES, RouteReport, read_labelled, read_questions_as_labelled, report
from assistant.safety.patterns import crisis_pattern, help_pattern
from assistant.safety.policy import COSTS, LINES_FIRST_COSTS, decide
from assistant.safety.scope import PENDING, ScopeModel, pending_rows, scope_path
from assistant.safety.scope import train as train_scope_model
from assistant.safety.sentences import sentences

CORPUS_DIR = Path(__file__).with_name("corpus")
# Searched on grouped cross-validation (a wider grid, C 2-32 and n-gram weights 0-3, chose these regions). Each
# point costs five fits; each threshold search takes about a second (`_grid_costs`); embedding the corpus is most of
# what is left (USE in under 10 minutes on 2 cores, e5 in about 30, 2026-12-02).
GRID_C = (4.0,)
GRID_CHAR_WEIGHT = (3.0, 5.0)
GRID_NGRAMS = ((1, 4), (2, 4))
FOLDS = 5
# The vote of the nearest labelled messages (classifier.Neighbours): how many, how sharply the nearest count, and the
# grid for its share of the blend. k and the temperature were chosen on out-of-fold cost (USE, k 10/15/30 and
# temperature 0.02/0.05/0.1); the share is chosen at each training on the same cost (0 keeps the linear model alone).
NEIGHBOURS_K = 15
NEIGHBOURS_TEMPERATURE = 0.05
GRID_VOTE_WEIGHT = (0.0, 0.3, 0.4, 0.5, 0.6)
# Threshold grids for the policy (probabilities).
CRISIS_GRID = np.round(np.concatenate([np.arange(0.02, 0.2, 0.01), np.arange(0.2, 0.61, 0.05)]), 3)
GRID = np.round(np.arange(0.3, 0.96, 0.05), 3)
HELP_GRID = np.round(np.arange(0.05, 0.61, 0.05), 3)
SENTENCE_GRID = np.round(np.arange(0.95, 0.29, -0.05), 3)  # from the highest: equal costs keep fewer lines first
LIKELY_PRECISION = 0.9  # "likely" crisis wording from the threshold where crisis precision reaches this
# The cost-optimal "possible crisis" threshold is an estimate from a few hundred crisis messages, and a missed crisis
# can cost a life: the threshold used is one step of CRISIS_GRID below it (a few more help-seekers see the lines to
# call first, with their whole answer after them). The one-sentence threshold (a crisis said in one sentence of a
# longer message) gets the same step of SENTENCE_GRID: at the cost optimum it moved from 0.80 to 0.95 when 342
# messages joined the corpus (eleventh session), and USE missed four more crisis messages of the test split, said in
# one sentence after a question ("... 填完我就去把事情了结了。"); with the step, 0.90, one more (299 -> 298 of 300).
# Disclosure: the step was added after seeing that.
CRISIS_MARGIN_STEPS = 1
# Turning a help-seeker away is the second costliest mistake, and the target for it on unseen wording is 1%: the
# thresholds are the cheapest whose out-of-fold rate of help-seekers refused or turned away stays at or under this
# (when some do). With cost alone the rate drifted to 1.1-1.6% on the test split once the corpus grew with requests
# dressed as help. (Half of it, 0.005, was tried: USE's refusals on the test split fell from 74.0% to 67.3%.)
HELP_TURNED_AWAY_MAX = 0.01


@dataclass
class Corpus:
    rows: list[dict]
    batches: list[str]  # the batch of each row
    test_batches: tuple[str, ...]

    def split(self, test: bool) -> tuple[list[dict], list[str]]:
        """The test split, or the training batches without any message that is word for word in the test split
        (writers of different batches both wrote "help pls": trained on, it would be a test message seen)."""
        tested = {self.rows[i]["text"] for i, b in enumerate(self.batches) if b in self.test_batches}
        keep = [i for i, b in enumerate(self.batches)
                if (b in self.test_batches) == test and (test or self.rows[i]["text"] not in tested)]
        return [self.rows[i] for i in keep], [self.batches[i] for i in keep]

    def digest(self) -> str:
        blob = json.dumps([[b, r["text"], r["route"]] for b, r in zip(self.batches, self.rows, strict=True)],
                          ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


def read_corpus(folder: Path = CORPUS_DIR, answers: Path | None = ANSWER_BATCHES, model: str | None = None) -> Corpus:
    """The labelled corpus, then the answer batches' tuning halves (`answers`; none when it is None or absent, as in
    an installed package): their questions are help-seekers written by people who never saw the corpus. A batch
    named under `answers_not_joined` in splits.yaml is left out: written after the router's last retrain, it joins
    at the next one (so adding a batch to bench/data does not change the corpus the shipped models were trained on).
    For one embedding model (`model`: "use" or "e5"), the batches named for it under `answers_not_joined_by_model`
    are left out too: a retrain is adopted for each model only when it does better on wording it never saw, and a
    model whose retrain did worse keeps the corpus it was trained on, so `router train` still rebuilds it exactly."""
    splits = yaml.safe_load((folder / "splits.yaml").read_text(encoding="utf-8"))
    not_joined = set(splits.get("answers_not_joined") or ())
    if model is not None:
        not_joined |= set((splits.get("answers_not_joined_by_model") or {}).get(model) or ())
    rows, batches = [], []
    for path in sorted(folder.glob("*.jsonl")):
        for row in read_labelled(path):
            rows.append(row)
            batches.append(path.stem)
    if answers is not None and answers.is_dir():
        for path in sorted(answers.glob("answers_firstsight*_tune.jsonl")):
            if path.stem in not_joined:
                continue
            for row in read_questions_as_labelled(path):
                rows.append(row)
                batches.append(path.stem)
    missing = set(splits["test"]) - set(batches)
    if missing:
        raise ValueError(f"{folder / 'splits.yaml'}: test batches {sorted(missing)} have no file in {folder}")
    return Corpus(rows, batches, tuple(splits["test"]))


def _labels(rows: list[dict]) -> np.ndarray:
    return np.array([ROUTES.index(r["route"]) for r in rows])


def fit(texts: list[str], vectors: np.ndarray, y: np.ndarray, config: FeatureConfig, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    model.fit(features(texts, vectors, config), y)
    return model


@dataclass
class Sentences:
    """The sentences of many messages (`sentences.py`), embedded once: `owner[k]` is the message sentence k is in."""

    texts: list[str]
    vectors: np.ndarray
    owner: np.ndarray

    @classmethod
    def of(cls, messages: list[str], embeddings) -> Sentences:
        texts, owner = [], []
        for index, message in enumerate(messages):
            for sentence in sentences(message):
                texts.append(sentence)
                owner.append(index)
        vectors = embeddings.embed_queries(texts) if texts else np.zeros((0, 1), dtype=np.float32)
        return cls(texts, np.asarray(vectors, dtype=np.float32), np.array(owner, dtype=int))

    def crisis_maxima(self, crisis_probability, messages: np.ndarray, count: int) -> np.ndarray:
        """Each message's highest sentence crisis probability (0 without sentences), for the messages in
        `messages` only, from `crisis_probability(texts, vectors)`."""
        out = np.zeros(count)
        chosen = np.flatnonzero(np.isin(self.owner, messages))
        if len(chosen):
            values = crisis_probability([self.texts[k] for k in chosen], self.vectors[chosen])
            np.maximum.at(out, self.owner[chosen], values)
        return out


@dataclass
class OutOfFold:
    """Each training message scored by models that did not see its batch: the linear model's probabilities, the
    vote of the nearest messages of the other batches, and the highest crisis probability among its sentences (the
    linear model's: the vote never moves crisis), so any share of the vote can be scored without refitting."""

    linear: np.ndarray  # (messages, routes)
    vote: np.ndarray  # (messages, routes)
    sentence_max: np.ndarray  # (messages,)

    def blend(self, weight: float) -> tuple[np.ndarray, np.ndarray]:
        """(probabilities, each message's highest sentence crisis probability) with the vote at `weight`."""
        probs = blend(self.linear, self.vote, weight, ROUTES.index("crisis")) if weight else self.linear
        return probs, self.sentence_max


def out_of_fold(texts: list[str], vectors: np.ndarray, y: np.ndarray, groups: list[str], config: FeatureConfig,
                c: float, parts: Sentences | None = None) -> OutOfFold:
    """Every training message (and its sentences) scored by the linear model and the nearest-message vote of a fold
    that did not see its batch."""
    count = len(ROUTES)
    linear, vote = np.zeros((len(texts), count)), np.zeros((len(texts), count))
    sentence_max = np.zeros(len(texts))
    crisis = ROUTES.index("crisis")
    units = unit_rows(vectors)
    for train, held in GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(texts, y, groups):
        model = fit([texts[i] for i in train], vectors[train], y[train], config, c)
        prior = np.bincount(y[train], minlength=count) / len(train)
        linear[held] = _columns(model, model.predict_proba(features([texts[i] for i in held], vectors[held], config)))
        vote[held] = neighbour_vote(units[held] @ units[train].T, y[train], prior, NEIGHBOURS_K, NEIGHBOURS_TEMPERATURE)
        if parts is not None:
            maxima = parts.crisis_maxima(
                lambda t, v, m=model: _columns(m, m.predict_proba(features(t, v, config)))[:, crisis], held, len(texts))
            sentence_max[held] = maxima[held]
    return OutOfFold(linear, vote, sentence_max)


def _columns(model: LogisticRegression, probs: np.ndarray) -> np.ndarray:
    """`probs` with one column per route in ROUTES order (a fold may lack a route)."""
    out = np.zeros((len(probs), len(ROUTES)))
    out[:, model.classes_] = probs
    return out


def expected_cost(y: np.ndarray, given: np.ndarray, then: np.ndarray) -> float:
    """The cost of giving routes `given` (and, after the lines to call, `then`) to messages labelled `y`."""
    lines = given == ROUTES.index("crisis")
    return float(np.where(lines, _lines_cost_matrix()[y, then], _cost_matrix()[y, given]).sum())


def given_decisions(probs: np.ndarray, t: Thresholds, overrides: np.ndarray,
                    sentence_max: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The policy applied to many messages at once (same rules as `policy.decide`): each message's route and what
    follows the lines to call (`then`: the route apart from crisis, which is the route itself when it is not crisis)."""
    a, c, r, o = (probs[:, ROUTES.index(k)] for k in ROUTES)
    rest = np.full(len(probs), ROUTES.index("answer"))
    blocked = a >= t.help
    rest[~blocked & (o >= t.out_of_scope)] = ROUTES.index("out_of_scope")
    rest[~blocked & (r >= t.refuse) & (r >= o)] = ROUTES.index("refuse")
    # A pattern, a likely or possible crisis, or one sentence: the lines first, before a refusal too.
    crisis = overrides | (c >= t.crisis_possible)
    if sentence_max is not None:
        crisis |= sentence_max >= t.crisis_sentence
    return np.where(crisis, ROUTES.index("crisis"), rest), rest


def _matrix(costs: dict[tuple[str, str], float]) -> np.ndarray:
    """[expected, given] (or [expected, then] for `policy.LINES_FIRST_COSTS`) as an array in ROUTES order."""
    cost = np.zeros((len(ROUTES), len(ROUTES)))
    for (expected, got), value in costs.items():
        cost[ROUTES.index(expected), ROUTES.index(got)] = value
    return cost


def _cost_matrix() -> np.ndarray:
    return _matrix(COSTS)


def _lines_cost_matrix() -> np.ndarray:
    """[expected, then]: the cost of the lines to call first, followed by `then`."""
    return _matrix(LINES_FIRST_COSTS)


def _grid_costs(probs: np.ndarray, y: np.ndarray, overrides: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The expected cost and the share of help-seekers turned away of `given_decisions` for every threshold of the
    grid at once, as arrays indexed [crisis, help (high to low), refuse, out of scope] in CRISIS_GRID, HELP_GRID[::-1]
    and GRID order: the same numbers as calling `given_decisions` 63,504 times, in a second instead of most of a
    minute.

    For a fixed crisis threshold each message has the lines to call first or not, which only changes what its route
    apart from crisis costs (`policy.LINES_FIRST_COSTS` or `policy.COSTS`). For a fixed help threshold each message is
    answered (a help-seeking signal) or free; a free message is refused when r >= t_refuse and r >= o, else out of
    scope when o >= t_oos, else answered. So the cost of the free messages is a sum over refuse columns plus a product
    of two indicator matrices (one matmul). A help-seeker refused or put out of scope is turned away, after the lines
    to call or not."""
    plain, first = _cost_matrix(), _lines_cost_matrix()
    a, c, r, o = (probs[:, ROUTES.index(k)] for k in ROUTES)
    answer, refuse, oos = ROUTES.index("answer"), ROUTES.index("refuse"), ROUTES.index("out_of_scope")
    helpers = (y == answer).astype(np.float64)
    n_helpers = max(helpers.sum(), 1.0)
    refused = ((r[:, None] >= GRID[None, :]) & (r >= o)[:, None]).astype(np.float64)  # (n, refuse thresholds)
    out = (o[:, None] >= GRID[None, :]).astype(np.float64)  # (n, oos thresholds)
    helps = HELP_GRID[::-1]
    costs = np.zeros((len(CRISIS_GRID), len(helps), len(GRID), len(GRID)))
    # Who is turned away does not depend on the crisis threshold: one [help, refuse, oos] array for every row.
    away = np.zeros((len(helps), len(GRID), len(GRID)))
    frees = [(a < th).astype(np.float64) for th in helps]  # no help-seeking signal, per help threshold
    for j, free in enumerate(frees):
        kept = free[:, None] * (1 - refused)
        away[j] = ((free * helpers) @ refused)[:, None] + (kept * helpers[:, None]).T @ out
    for i, tc in enumerate(CRISIS_GRID):
        lines = (overrides | (c >= tc)).astype(np.float64)
        c_answer, c_refuse, c_oos = (lines * first[y, k] + (1 - lines) * plain[y, k] for k in (answer, refuse, oos))
        for j, free in enumerate(frees):
            kept = free[:, None] * (1 - refused)  # free and not refused, per refuse threshold
            costs[i, j] = (c_answer @ (1 - free) + (free * c_refuse) @ refused + kept.T @ c_answer)[:, None] \
                + kept.T @ ((c_oos - c_answer)[:, None] * out)
    return costs, np.broadcast_to(away / n_helpers, costs.shape)


def choose_thresholds(probs: np.ndarray, y: np.ndarray, overrides: np.ndarray,
                      sentence_max: np.ndarray | None = None) -> tuple[Thresholds, float]:
    """The thresholds with the lowest expected cost among those that turn away at most HELP_TURNED_AWAY_MAX of the
    help-seekers (all thresholds when none does); ties go to more crisis recall and fewer refusals (the first in
    grid order). The sentence threshold is chosen last, the others held: it only adds crisis for messages the
    whole-message rule missed."""
    costs, away = _grid_costs(probs, y, overrides)
    flat, flat_away = costs.ravel(), away.ravel()
    allowed = flat_away <= HELP_TURNED_AWAY_MAX if (y == ROUTES.index("answer")).any() else np.ones_like(
        flat, dtype=bool)
    pick = int(np.argmin(np.where(allowed, flat, np.inf))) if allowed.any() else int(np.argmin(flat))
    i, j, k, m = np.unravel_index(pick, costs.shape)
    t = Thresholds(float(CRISIS_GRID[i]), 1.0, float(GRID[k]), float(GRID[m]), float(HELP_GRID[::-1][j]))
    position = int(np.searchsorted(CRISIS_GRID, t.crisis_possible))
    t = Thresholds(float(CRISIS_GRID[max(0, position - CRISIS_MARGIN_STEPS)]), 1.0, t.refuse, t.out_of_scope, t.help)
    cost = expected_cost(y, *given_decisions(probs, t, overrides))
    crisis = probs[:, ROUTES.index("crisis")]
    likely = 1.0
    for candidate in sorted(set(np.round(np.arange(t.crisis_possible, 1.0, 0.05), 3))):
        chosen = crisis >= candidate
        if chosen.any() and (y[chosen] == ROUTES.index("crisis")).mean() >= LIKELY_PRECISION:
            likely = float(candidate)
            break
    t = Thresholds(t.crisis_possible, max(likely, t.crisis_possible), t.refuse, t.out_of_scope, t.help)
    if sentence_max is not None:
        options = [Thresholds(t.crisis_possible, t.crisis_likely, t.refuse, t.out_of_scope, t.help, float(s))
                   for s in SENTENCE_GRID]
        costs = [expected_cost(y, *given_decisions(probs, o, overrides, sentence_max)) for o in options]
        best_index = int(np.argmin(costs))  # the first (the highest threshold) of equal costs: fewer lines first
        if costs[best_index] < cost - 1e-9:
            best_index = min(best_index + CRISIS_MARGIN_STEPS, len(options) - 1)  # the grid runs high to low
            t, cost = options[best_index], costs[best_index]
    return t, cost


def report_with(model: RouterModel, rows: list[dict], vectors: np.ndarray, parts: Sentences) -> RouteReport:
    """The report of the policy's decisions (routes, and what follows the lines to call) on labelled `rows`."""
    texts = [r["text"] for r in rows]
    probs = model.probabilities(texts, vectors)
    maxima = parts.crisis_maxima(model.crisis_probability, np.arange(len(rows)), len(rows))
    decisions = [decide(dict(zip(model.classes, map(float, p), strict=True)), model.thresholds, crisis_pattern(text),
                        float(m), help_pattern(text))
                 for text, p, m in zip(texts, probs, maxima, strict=True)]
    return report(rows, [d.route for d in decisions], [d.then for d in decisions])


def train(embeddings, corpus: Corpus, out: Path | None = None, log=print) -> tuple[RouterModel, RouteReport]:
    """Train, choose, save and test the router for one embedding model; returns the model and its test report."""
    rows, groups = corpus.split(test=False)
    test_rows, _ = corpus.split(test=True)
    texts = [r["text"] for r in rows]
    y = _labels(rows)
    log(f"{embeddings.name}: embedding {len(rows)} training and {len(test_rows)} test messages")
    vectors = embeddings.embed_queries(texts)
    test_vectors = embeddings.embed_queries([r["text"] for r in test_rows])
    parts = Sentences.of(texts, embeddings)
    test_parts = Sentences.of([r["text"] for r in test_rows], embeddings)
    log(f"  and {len(parts.texts)} sentences of training messages with more than one")
    overrides = np.array([crisis_pattern(t) is not None for t in texts])

    best = None
    for c, weight, (low, high) in itertools.product(GRID_C, GRID_CHAR_WEIGHT, GRID_NGRAMS):
        config = FeatureConfig(ngram_min=low, ngram_max=high, char_weight=weight)
        scored = out_of_fold(texts, vectors, y, groups, config, c, parts)
        # The features are chosen with the linear model alone, then the vote's share for them. Choosing both
        # together was tried (fifteenth session, corpus/README.md) and gave USE a lower crisis threshold that showed
        # the lines to call first to more help-seekers; it was not kept.
        probs, sentence_max = scored.blend(0.0)
        thresholds, cost = choose_thresholds(probs, y, overrides, sentence_max)
        given, then = given_decisions(probs, thresholds, overrides, sentence_max)
        log(f"  C={c:<5} n-grams {low}-{high} weight {weight:<4} out-of-fold cost {cost:8.1f}  "
            f"{report(rows, [ROUTES[i] for i in given], [ROUTES[i] for i in then]).summary()}")
        if best is None or cost < best[0]:
            best = (cost, c, config, thresholds, scored, 0.0)
    cost, c, config, thresholds, scored, vote_weight = best
    for share in GRID_VOTE_WEIGHT:
        if share == 0.0:
            continue
        probs, sentence_max = scored.blend(share)
        chosen, share_cost = choose_thresholds(probs, y, overrides, sentence_max)
        given, then = given_decisions(probs, chosen, overrides, sentence_max)
        log(f"  nearest-message vote at {share}: out-of-fold cost {share_cost:8.1f}  "
            f"{report(rows, [ROUTES[i] for i in given], [ROUTES[i] for i in then]).summary()}")
        if share_cost < cost:
            cost, thresholds, vote_weight = share_cost, chosen, share
    log(f"chosen: C={c}, {config}, vote {vote_weight}, {thresholds}")

    final = fit(texts, vectors, y, config, c)
    classes = tuple(ROUTES[i] for i in final.classes_)
    neighbours = (Neighbours.of(vectors, np.array([classes.index(ROUTES[i]) for i in y]), NEIGHBOURS_K,
                                NEIGHBOURS_TEMPERATURE, vote_weight) if vote_weight else None)
    model = RouterModel(embedding_model=embeddings.name, classes=classes, coef=final.coef_, intercept=final.intercept_,
                        config=config, thresholds=thresholds, neighbours=neighbours,
                        provenance={"corpus_digest": corpus.digest(), "train_messages": len(rows),
                                    "train_batches": sorted(set(groups)), "test_batches": list(corpus.test_batches),
                                    "C": c, "out_of_fold_cost": round(cost, 1), "folds": FOLDS})
    path = out or model_path(embeddings.name)
    model.save(path)
    test = report_with(model, test_rows, test_vectors, test_parts)
    log(f"saved {path} ({path.stat().st_size // 1024} KiB); test split: {test.summary()}")
    train_scope(embeddings, corpus, model, vectors=vectors, oof=scored.blend(vote_weight)[0], log=log,
                out=None if out is None else out.with_name(scope_path(embeddings.name).name))
    return model, test


def train_scope(embeddings, corpus: Corpus, router: RouterModel, vectors: np.ndarray | None = None,
                oof: np.ndarray | None = None, out: Path | None = None, log=print) -> ScopeModel:
    """Train the scope model (`scope.py`) for a trained router: on the router's training messages and the batches
    in `corpus/pending/`, its threshold chosen where the router answers: for the messages the router trains on, by
    its own out-of-fold probabilities (`oof`, computed here when not given, with the router's settings), for the
    pending ones by the router itself (it never saw them)."""
    rows, groups = corpus.split(test=False)
    tested = {r["text"] for r in corpus.split(test=True)[0]}
    extra, extra_groups = pending_rows(CORPUS_DIR, tested)
    texts = [r["text"] for r in rows]
    if vectors is None:
        log(f"{embeddings.name}: embedding {len(rows)} training messages")
        vectors = np.asarray(embeddings.embed_queries(texts), dtype=np.float32)
    if oof is None:
        log("  the router's out-of-fold probabilities, with its settings")
        scored = out_of_fold(texts, vectors, _labels(rows), groups, router.config, router.provenance["C"])
        oof = scored.blend(router.neighbours.weight if router.neighbours else 0.0)[0]
    log(f"  embedding {len(extra)} messages of {PENDING}/")
    extra_vectors = np.asarray(embeddings.embed_queries([r["text"] for r in extra]), dtype=np.float32)
    overrides = np.array([crisis_pattern(t) is not None for t in texts])
    given, _ = given_decisions(oof, router.thresholds, overrides)
    extra_probs = router.probabilities([r["text"] for r in extra], extra_vectors)
    extra_given = [decide(dict(zip(router.classes, map(float, p), strict=True)), router.thresholds,
                          crisis_pattern(r["text"]), 0.0, help_pattern(r["text"])).route
                   for r, p in zip(extra, extra_probs, strict=True)]
    all_rows = rows + extra
    answered = np.array([g == ROUTES.index("answer") for g in given] + [g == "answer" for g in extra_given])
    # A help-seeking pattern keeps a message answered whatever the scope model reads (as it stops a refusal).
    answered &= np.array([help_pattern(r["text"]) is None for r in all_rows])
    return train_scope_model(embeddings.name, all_rows, groups + extra_groups,
                             np.vstack([np.asarray(vectors, dtype=np.float32), extra_vectors]), answered,
                             router.config, out=out, log=log)
