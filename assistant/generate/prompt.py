"""What the model is given: a fixed system prompt, and the grounded answer's material, numbered as its citations.

The model sees only what the grounded answer was built from (its planned lines and the passages they quote), so every
fact it may use has a number the guard can check it against. The person's message is not sent: the grounded answer
already answers it, and the model's job is only to say that answer shorter and warmer, in the person's language.
"""

from __future__ import annotations

import re

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from assistant.answer.types import ComposedAnswer
from assistant.understand.person import Person

LANGUAGE_NAMES = {"en": "English", "fr": "French (français)", "zh": "Simplified Chinese (简体中文)"}
_NOTE = re.compile(r"\s*<!--.*?-->", re.S)  # a line's source note: the citation shows it, the model need not
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
PASSAGE_CHARS = 280  # of the rest of each passage shown to the model: the quoted lines come first

SYSTEM_PROMPT = """You help people whose intimate images were shared without their consent.
Rewrite the answer made of the numbered sources' lines below for the person: short, warm and calm, in plain
words, at most 6 sentences.
Rules:
- Use only facts from the numbered sources. Never add a phone number, website, law, amount, date or deadline
  that is not written in the source you cite.
- End every sentence with the number of the source it comes from, like this: [1]
- Write only in {language}.
- No headings, no lists, no greeting, no sign-off."""


def material(answer: ComposedAnswer, person: Person) -> str:
    """The numbered sources, in the grounded answer's order: the lines it quotes from each, then the passage's start
    (once per passage: several citations may point into one passage, one per source page), and who is asking."""
    quoted: dict[int, list[str]] = {}
    for block in answer.blocks:
        for line in block.lines:
            if line.n is not None:
                quoted.setdefault(line.n, []).append(line.text)
    quoted_all = [text for texts in quoted.values() for text in texts]
    shown: set[str] = set()
    sources = []
    for citation in answer.citations:
        own = list(dict.fromkeys(quoted.get(citation.n, [])))
        lines = [f"- {text}" for text in own]
        passage = _NOTE.sub("", citation.text).strip()
        if passage not in shown:  # the rest of the passage, without the lines already quoted from it
            shown.add(passage)
            said = set(quoted_all)
            rest = "\n".join(line for line in passage.splitlines() if _LIST_MARK.sub("", line).strip() not in said)
            if rest.strip():
                lines.append(rest if len(rest) <= PASSAGE_CHARS else rest[:PASSAGE_CHARS] + "…")
        sources.append(f"[{citation.n}] {citation.title}\n" + "\n".join(lines))
    who = [f"Language: {LANGUAGE_NAMES.get(person.language, person.language)}"]
    if person.place:
        who.append(f"Place: {person.place}")
    if person.audience:
        who.append(f"Asking: {person.audience}")
    return "\n\n".join(["Sources", *sources, "\n".join(who)])


def messages(answer: ComposedAnswer, person: Person) -> list[BaseMessage]:
    """The chat messages sent to the model."""
    system = SYSTEM_PROMPT.format(language=LANGUAGE_NAMES.get(person.language, person.language))
    return [SystemMessage(system), HumanMessage(material(answer, person))]
