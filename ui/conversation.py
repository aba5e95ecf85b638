"""One person's conversation, held in their browser session's state (gr.State) and nowhere else.

It is what the page shows: each question, how it was read (for follow-ups), the answer as it streams in, its
citations and route. It lives in memory for the session only; closing or leaving the page drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.service import AskResult

_LINE_END = re.compile(r"(?<=\n)")
MAX_TURNS = 40  # a conversation keeps its last turns (and the crisis turn): one session's memory is bounded


@dataclass
class Turn:
    id: int
    question: str
    asked_as: str | None = None  # the whole question, when the message was read as a follow-up
    place: str | None = None  # the place chosen for this question from the offered choices
    answer: str = ""  # Markdown with [n] markers (the whole answer once done; a notice when the service failed)
    blocks: list[dict[str, Any]] = field(default_factory=list)  # the typed answer; grows while it streams in
    citations: list[dict[str, Any]] = field(default_factory=list)
    route: str = "answer"
    language: str = "en"
    done: bool = False
    offer_places: bool = False  # the answer depends on the place, which is unknown: offer the choice
    crisis_lines: bool = False  # the answer leads with the lines to call (a crisis block)


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)
    crisis_turn: int | None = None  # the turn whose cited lines the crisis banner shows, once the route fired
    next_id: int = 1

    def questions(self) -> list[str]:
        """The person's earlier questions, oldest first, for reading follow-ups."""
        return [t.question for t in self.turns]

    def start(self, question: str, asked_as: str | None = None, place: str | None = None) -> Turn:
        turn = Turn(id=self.next_id, question=question, asked_as=asked_as, place=place)
        self.next_id += 1
        self.turns.append(turn)
        while len(self.turns) > MAX_TURNS:  # the oldest go first; the turn the crisis banner quotes stays
            self.turns.remove(next(t for t in self.turns if t.id != self.crisis_turn))
        return turn

    def crisis(self) -> Turn | None:
        return next((t for t in self.turns if t.id == self.crisis_turn), None)


def finish(conversation: Conversation, turn: Turn, result: AskResult) -> None:
    """Record the core's answer on the turn; a crisis route keeps the banner for the rest of the conversation."""
    turn.answer = result.answer
    turn.blocks = [block.to_dict() for block in result.blocks]
    turn.citations = [c.to_dict() for c in result.citations]
    turn.route = result.route
    turn.language = result.language
    turn.done = True
    turn.offer_places = result.needs_place and result.jurisdiction is None
    turn.crisis_lines = result.crisis_lines
    if (result.route == "crisis" or result.crisis_lines) and (conversation.crisis_turn is None or result.citations):
        conversation.crisis_turn = turn.id


def stream_blocks(blocks: list[dict[str, Any]], steps: int = 8) -> list[list[dict[str, Any]]]:
    """The typed answer in a few growing prefixes (whole lines only), so it appears progressively."""
    lines = [(i, j) for i, block in enumerate(blocks) for j in range(max(1, len(block["lines"])))]
    if len(lines) <= 1:
        return [blocks]
    size = max(1, -(-len(lines) // steps))
    prefixes = []
    for end in range(size, len(lines), size):
        last_block, last_line = lines[end - 1]
        prefix = [dict(b) for b in blocks[:last_block + 1]]
        prefix[-1] = {**prefix[-1], "lines": prefix[-1]["lines"][:last_line + 1]}
        prefixes.append(prefix)
    return prefixes + [blocks]


def stream_steps(answer: str, steps: int = 8) -> list[str]:
    """The answer cut at line ends into a few growing prefixes, so it appears progressively, never mid-marker."""
    lines = _LINE_END.split(answer)
    if len(lines) <= 1:
        return [answer]
    size = max(1, -(-len(lines) // steps))
    return ["".join(lines[:end]) for end in range(size, len(lines), size)] + [answer]
