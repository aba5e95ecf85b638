"""What the model is given: a fixed system prompt, and the grounded answer's material, numbered as its citations.

The model sees only what the grounded answer was built from (its planned lines and the passages they quote), so every
fact it may use has a number the guard can check it against. The person's message is not sent: the grounded answer
already answers it, and the model's job is only to say that answer shorter and warmer, in the person's language.
"""

from __future__ import annotations

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from assistant.answer.types import ComposedAnswer
from assistant.understand.person import Person

LANGUAGE_NAMES = {"en": "English", "fr": "French (français)", "zh": "Simplified Chinese (简体中文)"}
PASSAGE_CHARS = 700  # of each passage shown to the model (the ANSWER lines quote the parts that matter)

SYSTEM_PROMPT = """You help people whose intimate images were shared without their consent.
Rewrite the ANSWER below for the person: short, warm and calm, in plain words, at most 6 sentences.
Rules:
- Use only facts from the numbered SOURCES. Never add a phone number, website, law, amount, date or deadline
  that is not written in the source you cite.
- End every sentence with the number of the source it comes from, like this: [1]
- Write only in {language}.
- No headings, no lists, no greeting, no sign-off."""


def material(answer: ComposedAnswer, person: Person) -> str:
    """The grounded answer's lines with their markers, the numbered passages they quote, and who is asking."""
    answer_lines = [line.text + (f" [{line.n}]" if line.n is not None else "")
                    for block in answer.blocks for line in block.lines if line.n is not None]
    sources = []
    for citation in answer.citations:
        passage = citation.text if len(citation.text) <= PASSAGE_CHARS else citation.text[:PASSAGE_CHARS] + "…"
        sources.append(f"[{citation.n}] {citation.title}: {citation.section}\n{passage}")
    who = [f"Language: {LANGUAGE_NAMES.get(person.language, person.language)}"]
    if person.place:
        who.append(f"Place: {person.place}")
    if person.audience:
        who.append(f"Asking: {person.audience}")
    return "\n".join(["SOURCES", *sources, "", "ANSWER", *answer_lines, "", *who])


def messages(answer: ComposedAnswer, person: Person) -> list[BaseMessage]:
    """The chat messages sent to the model."""
    system = SYSTEM_PROMPT.format(language=LANGUAGE_NAMES.get(person.language, person.language))
    return [SystemMessage(system), HumanMessage(material(answer, person))]
