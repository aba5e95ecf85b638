"""The phone budget, enforced on the finished answer: whatever path composed it, what a person reads fits.

Each composer estimates its own length as it goes (a heading's cost, a marker's), and an answer put together from two
(the lines to call, then the card's answer in the room left) can end a few characters over. This is the last word:
it measures the rendered answer and, while it is over, takes away the last line of what matters least, then numbers
the citations again in order of first use, so the markers and the source list still match.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.render import to_markdown
from assistant.answer.types import ComposedAnswer, Line

# What gives way, first to last: the help page's lines, then reference passages, then the last steps (one stays).
# Never the lines to call, the words to the person, the direct answer or the question back.
TRIM_ORDER: tuple[tuple[str, int], ...] = (("help", 0), ("passage", 0), ("steps", 1))


def fit_to_budget(composed: ComposedAnswer, max_chars: int) -> ComposedAnswer:
    """The answer unchanged when it fits in `max_chars` rendered characters, else trimmed as TRIM_ORDER says."""
    blocks = list(composed.blocks)
    if len(to_markdown(blocks)) <= max_chars:
        return composed
    while len(to_markdown(blocks)) > max_chars:
        for kind, keep in TRIM_ORDER:
            index = next((i for i in range(len(blocks) - 1, -1, -1)
                          if blocks[i].kind == kind and len(blocks[i].lines) > keep), None)
            if index is not None:
                lines = blocks[index].lines[:-1]
                blocks[index:index + 1] = [replace(blocks[index], lines=lines)] if lines else []
                break
        else:
            break  # only what is never cut is left
    return _renumbered(replace(composed, blocks=blocks))


def _renumbered(composed: ComposedAnswer) -> ComposedAnswer:
    """Citations still used, numbered 1..k in order of first use, and the lines' markers with them."""
    first = min((c.n for c in composed.citations), default=1)
    order: dict[int, int] = {}
    for block in composed.blocks:
        for line in block.lines:
            if line.n is not None and line.n not in order:
                order[line.n] = first + len(order)
    blocks = [replace(block, lines=tuple(Line(line.text, order.get(line.n) if line.n is not None else None)
                                         for line in block.lines))
              for block in composed.blocks]
    citations = sorted((replace(c, n=order[c.n]) for c in composed.citations if c.n in order), key=lambda c: c.n)
    return replace(composed, blocks=blocks, citations=citations)

