"""Generated answers behind the guard: ask the model, check its text, and show it only when the guard passes.

Only help-seekers' answers (route `answer`) with citations are ever sent; crisis, refusal and out-of-scope answers keep
their fixed words and never reach the model. On any failure (the guard, a timeout, an endpoint error) the grounded
answer is returned unchanged and the reason tag is logged, never the text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from langchain_core.language_models import BaseChatModel

from assistant.answer.types import Block, ComposedAnswer, Line
from assistant.generate.guard import Embed, Verdict, check
from assistant.generate.prompt import messages
from assistant.understand.person import Person

log = logging.getLogger(__name__)

KEPT_BLOCKS = ("question",)  # the grounded answer's own question back (place, age) follows the generated text


@dataclass(frozen=True)
class Outcome:
    """What generation did for one answer: the answer to show and the reason tags (empty when generated)."""

    answer: ComposedAnswer
    reasons: tuple[str, ...]
    text: str = ""  # what the model wrote (for tests and benchmarks; never logged)

    @property
    def composer(self) -> str:
        return self.answer.composer


def generated_text(model: BaseChatModel, grounded: ComposedAnswer, person: Person) -> tuple[str, bool]:
    """The model's text for this answer, and whether it was cut off at the token limit (raises whatever the endpoint
    raises: the caller falls back)."""
    reply = model.invoke(messages(grounded, person))
    content = reply.content
    if isinstance(content, list):  # some servers send parts
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    text = re.sub(r"<think>.*?</think>", "", str(content), flags=re.S).strip()  # reasoning models' notes
    return text, reply.response_metadata.get("finish_reason") == "length"


def shown_answer(grounded: ComposedAnswer, verdict: Verdict) -> ComposedAnswer:
    """The generated sentences as the answer, each citing its supporting passage, renumbered in order of first use."""
    numbers: dict[int, int] = {}
    for _, n in verdict.sentences:
        numbers.setdefault(n, len(numbers) + 1)
    by_n = {c.n: c for c in grounded.citations}
    citations = [replace(by_n[old], n=new) for old, new in numbers.items()]
    lines = tuple(Line(sentence, numbers[n]) for sentence, n in verdict.sentences)
    kept = [block for block in grounded.blocks if block.kind in KEPT_BLOCKS]
    return replace(grounded, blocks=[Block("lead", lines), *kept], citations=citations, composer="generated")


def compose_generated(model: BaseChatModel, grounded: ComposedAnswer, person: Person, question: str, *,
                      embed: Embed, floor: float, max_chars: int) -> Outcome:
    """The generated answer when the guard passes it, else the grounded one; never raises."""
    if not grounded.found or not grounded.citations:
        return Outcome(grounded, ("nothing_to_rephrase",))
    try:
        text, cut_off = generated_text(model, grounded, person)
    except Exception as exc:  # an endpoint down, slow or broken must never break an answer
        tag = "timeout" if "timeout" in type(exc).__name__.lower() else "endpoint_error"
        log.warning("generate composer=grounded reason=%s error=%s", tag, type(exc).__name__)
        return Outcome(grounded, (tag,))
    passages = {c.n: c.text for c in grounded.citations}
    verdict = check(text, passages, person.language, embed=embed, floor=floor, max_chars=max_chars, named=question)
    reasons = (("cut_off",) if cut_off else ()) + verdict.reasons  # a text cut mid-way is never shown
    if reasons:
        log.info("generate composer=grounded reasons=%s chars=%d", ",".join(reasons), len(text))
        return Outcome(grounded, reasons, text)
    log.info("generate composer=generated sentences=%d chars=%d", len(verdict.sentences), len(text))
    return Outcome(shown_answer(grounded, verdict), (), text)
