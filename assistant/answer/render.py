"""Markdown from a typed answer: one rendering among others (the chat page draws the blocks itself)."""

from __future__ import annotations

import re

from assistant.answer.types import Block, Line

_BRACKETED_NUMBER = re.compile(r"\[(\d+)\]")


def _text(text: str) -> str:
    """A quoted line's own "[2025]" (a court citation) escaped, so it is never read as a marker."""
    return _BRACKETED_NUMBER.sub(r"\\[\1\\]", text)


def _line(line: Line) -> str:
    return f"{_text(line.text)} [{line.n}]" if line.n is not None else _text(line.text)


def to_markdown(blocks: list[Block]) -> str:
    """Blocks as Markdown: plain paragraphs for our own words, a numbered list for steps, bullets for quotes."""
    parts: list[str] = []
    for block in blocks:
        if block.kind in ("lead", "ack", "question", "close"):
            parts.append("\n".join(_line(line) for line in block.lines))
        elif block.kind == "note":
            parts.append("\n".join(f"_{_line(line)}_" for line in block.lines))
        elif block.kind == "direct":
            parts.append("\n".join(f"**{_text(line.text)}**" + (f" [{line.n}]" if line.n is not None else "")
                                   for line in block.lines))
        elif block.kind == "steps":
            numbered = [f"{i}. {_line(line)}" for i, line in enumerate(block.lines, 1)]
            parts.append("\n".join(([f"**{block.heading}**"] if block.heading else []) + numbered))
        else:
            bullets = [f"- {_line(line)}" for line in block.lines]
            parts.append("\n".join(([f"**{block.heading}**"] if block.heading else []) + bullets))
    return "\n\n".join(p for p in parts if p).strip()
