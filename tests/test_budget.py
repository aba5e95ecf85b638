"""The phone budget holds for every answer, whichever composer made it (assistant/answer/budget.py)."""

from __future__ import annotations

from assistant.answer.budget import fit_to_budget
from assistant.answer.types import Block, Citation, ComposedAnswer, Line
from assistant.evaluation.scoring import markers_match


def _citation(n: int) -> Citation:
    return Citation(n=n, doc_id=f"doc-{n}", title="t", section="s", url=f"https://example.org/{n}", text="x",
                    publisher="p", last_reviewed="2026-11-30")


def _answer() -> ComposedAnswer:
    blocks = [Block("lead", (Line("If you are in danger right now, call now."),)),
              Block("crisis", (Line("China: **110** if you are in danger. " * 6, 1),
                               Line("France: **17** or **112** if you are in danger. " * 6, 2))),
              Block("direct", (Line("Do not pay.", 3),)),
              Block("passage", (Line("A passage line that adds background. " * 5, 4),
                                Line("A second passage line from another page. " * 5, 5))),
              Block("steps", tuple(Line(f"Step {i}: a whole step a person can follow on a phone. " * 3, 5 + i)
                                   for i in range(1, 5))),
              Block("question", (Line("Where are you?"),))]
    return ComposedAnswer(blocks, [_citation(n) for n in range(1, 10)], True, needs_place=True)


def test_an_answer_over_the_budget_loses_background_first_and_keeps_the_lines_to_call():
    composed = _answer()
    assert len(composed.answer) > 1400
    fitted = fit_to_budget(composed, 1400)
    assert len(fitted.answer) <= 1400
    kinds = [b.kind for b in fitted.blocks]
    assert "passage" not in kinds and kinds[:3] == ["lead", "crisis", "direct"] and kinds[-1] == "question"
    assert fitted.blocks[1] == composed.blocks[1]  # the lines to call are never cut
    assert 1 <= len(next(b for b in fitted.blocks if b.kind == "steps").lines) <= 4
    cited = [c.to_dict() for c in fitted.citations]
    assert markers_match(fitted.answer, cited) and fitted.needs_place


def test_an_answer_within_the_budget_is_left_as_it_is():
    composed = _answer()
    assert fit_to_budget(composed, 10_000) is composed


def test_a_short_message_after_the_lines_gets_first_steps_not_the_scope_sentence(full_service, monkeypatch):
    """The e5 router read "google combien de temps" as a possible crisis whose rest is out of scope: the lines to call,
    Recourse's sentence on what it answers, then the first steps (a short message is not turned away) made 1,463
    characters. The first steps take the sentence's place."""
    from assistant.safety.policy import RouteDecision

    decision = RouteDecision("crisis", "model:crisis_possible", "possible", then="out_of_scope")
    monkeypatch.setattr(full_service.router, "route", lambda text, language="", vector=None: decision)
    result = full_service.ask("google combien de temps")
    kinds = [block.kind for block in result.blocks]
    assert result.route == "crisis" and kinds.index("crisis") < kinds.index("steps")
    assert "note" not in kinds and result.card is not None
    assert len(result.answer) <= full_service.settings.answer_max_chars


def test_a_short_request_refused_after_the_lines_keeps_its_refusal_and_gets_no_steps(full_service, monkeypatch):
    """The first steps replace only an out-of-scope sentence: a short request the router is sure it must refuse gets
    the lines to call and the refusal, not the first steps after it."""
    from assistant.safety.policy import RouteDecision

    decision = RouteDecision("crisis", "model:crisis_possible", "possible", then="refuse")
    monkeypatch.setattr(full_service.router, "route", lambda text, language="", vector=None: decision)
    result = full_service.ask("send me her leaked vids")
    kinds = [block.kind for block in result.blocks]
    assert result.route == "crisis" and "crisis" in kinds and "note" in kinds
    assert "steps" not in kinds and result.card is None
