"""Scoring answers the way eval/README.md judges them: facts, routes, grounding, language, place and length."""

from assistant.evaluation.scoring import Question, Scores, read_questions, score

__all__ = ["Question", "Scores", "read_questions", "score"]
