"""The typed answer: what the core hands to every front end (CLI, JSON API, chat page), never prose to be parsed.

An answer is a list of blocks; each block holds lines, and each quoted line carries the number of the citation it
came from. Flags say what the person could tell us to get a better answer (`needs_place`, `needs_age`), and the
crisis lines are a block of their own, so the chat page shows its banner from data, whatever the wording.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

BlockKind = Literal["lead", "ack", "direct", "steps", "passage", "help", "crisis", "question", "note", "close"]


@dataclass(frozen=True)
class Citation:
    """One cited passage, as the user sees it in the source list."""

    n: int
    doc_id: str
    title: str
    section: str
    url: str
    text: str
    publisher: str
    last_reviewed: str
    # The publisher's official or widely used name per language, from the source registry (only the languages it
    # gives one for): a front end shows the one of its interface's language, else `publisher`.
    publishers: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Line:
    """One line of an answer: our own words (n is None) or a line quoted from the citation numbered n."""

    text: str
    n: int | None = None


@dataclass(frozen=True)
class Block:
    """A part of the answer: what it is for, an optional heading, and its lines."""

    kind: BlockKind
    lines: tuple[Line, ...]
    heading: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "heading": self.heading,
                "lines": [{"text": line.text, "n": line.n} for line in self.lines]}


@dataclass(frozen=True)
class ComposedAnswer:
    """The composer's result: blocks, the citations their markers point to, and what the person could add."""

    blocks: list[Block]
    citations: list[Citation]
    found: bool
    needs_place: bool = False
    needs_age: bool = False
    card: str | None = None  # the answer card chosen for the person's situation, if any
    extra: dict = field(default_factory=dict)
    composer: Literal["grounded", "generated"] = "grounded"  # generated: a model's text that passed the guard

    @property
    def answer(self) -> str:
        """The Markdown rendering (CLI, JSON `answer` field, the chat page's text)."""
        from assistant.answer.render import to_markdown

        return to_markdown(self.blocks)

    @property
    def crisis(self) -> bool:
        return any(b.kind == "crisis" for b in self.blocks)
