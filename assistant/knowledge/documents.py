"""Knowledge documents: Markdown with YAML front matter, parsed and validated with pydantic.

A maintainer edits these files by hand, so every problem is reported with the file, the line and the field, and
all problems are collected at once: fixing one error only to meet the next is a poor way to spend an afternoon.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator, model_validator

Language = Literal["en", "zh", "fr"]
Jurisdiction = Literal["GLOBAL", "CN", "US", "UK", "AU", "EU", "FR"]
# The Literal types above spell the same values for pydantic; a test keeps them equal to assistant.vocabulary.

MIN_CARD_EXAMPLES = 10
MIN_ANSWER_EXAMPLES = 5  # per extra answer of a card (`answers:`): enough ways of asking that one question
_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


class Source(BaseModel):
    """Where a fact comes from; shown to the user beside every answer that uses the document."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    url: HttpUrl
    kind: Literal["official", "press", "secondary"]
    accessed: date


class FrontMatter(BaseModel):
    """The metadata every guidance document carries."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID_PATTERN)
    title: str = Field(min_length=1)
    language: Language
    translation_of: str | None = Field(default=None, pattern=_ID_PATTERN)
    jurisdictions: list[Jurisdiction] = Field(min_length=1)
    topics: list[str] = Field(min_length=1)
    audience: list[str] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    last_reviewed: date
    review_due: date
    reviewed_by: str = Field(min_length=1)
    kind: Literal["page", "card"] = "page"
    asks: list[Literal["age", "place"]] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    # A card's answer sections that answer one particular question of its situation ("Does StopNCII see my photo?"),
    # by heading: the messages that ask it. The card's plain answer answers the rest; the one whose examples are
    # closest to the message is shown (answer/cards.py).
    answers: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("jurisdictions", "topics", "audience", "asks")
    @classmethod
    def _no_duplicates(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists each value only once")
        return value

    @model_validator(mode="after")
    def _translation_rules(self) -> FrontMatter:
        if self.language == "en" and self.translation_of:
            raise ValueError("translation_of: an English document is an original; remove translation_of")
        if self.language != "en" and not self.translation_of:
            raise ValueError("translation_of: a zh or fr document names its English original's id")
        if self.review_due <= self.last_reviewed:
            raise ValueError("review_due: must come after last_reviewed")
        if self.kind == "card" and len(self.examples) < MIN_CARD_EXAMPLES:
            raise ValueError(f"examples: a card needs at least {MIN_CARD_EXAMPLES} example messages, the way people "
                             "type them; they are what the card is matched against")
        if self.kind == "page" and (self.examples or self.asks or self.answers):
            raise ValueError("kind: only a card (kind: card) has examples, asks and answers")
        for heading, asked in self.answers.items():
            if len(asked) < MIN_ANSWER_EXAMPLES:
                raise ValueError(f"answers: '{heading}' needs at least {MIN_ANSWER_EXAMPLES} example messages that "
                                 "ask its question")
        return self

    @property
    def group(self) -> str:
        """The translation group: the English original's id."""
        return self.translation_of or self.id


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located precisely enough to fix without searching."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class KnowledgeDoc:
    """A parsed, validated guidance document."""

    path: Path
    meta: FrontMatter
    body: str
    body_line: int  # 1-based line of the body's first line in the file

    @property
    def content_hash(self) -> str:
        """Hash of everything that reaches the index; unchanged hash means nothing to re-embed."""
        payload = self.meta.model_dump_json() + "\n" + self.body
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class KnowledgeError(Exception):
    """Raised when the knowledge base has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _yaml_line(root: yaml.Node | None, loc: tuple[Any, ...], default: int) -> int:
    """The file line of the YAML node at a pydantic error location (0-based YAML lines -> 1-based + offset)."""
    node = root
    line = node.start_mark.line if node is not None else default
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                key = next((k for k, _ in node.value if k.value == part), None)
                return (key.start_mark.line if key is not None else line)
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line
    return line


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "front matter"


# libyaml's parser when PyYAML's wheel has it (it does on Linux, macOS and Windows): loading 141 files at every start
# took 3 s in pure Python. Both parsers feed the same safe constructor, so the values are the same.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_document(path: Path, text: str) -> tuple[KnowledgeDoc | None, list[Problem]]:
    """Parse one file's text; returns the document, or None with the problems that stop it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, [Problem(path, 1, "front matter", "the file must start with '---', YAML, then '---'")]
    yaml_text = match.group(1)
    offset = 2  # the YAML starts on the file's second line
    try:
        data = yaml.load(yaml_text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + offset if mark is not None else offset
        return None, [Problem(path, line, "front matter", f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(data, dict):
        return None, [Problem(path, offset, "front matter", "must be a mapping of field: value")]

    problems: list[Problem] = []
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        root = yaml.compose(yaml_text, Loader=_YAML_LOADER)  # the node tree, only to name the line of each problem
        for err in exc.errors():
            loc = tuple(err["loc"])
            message = err["msg"]
            if not loc and message.startswith("Value error, ") and ": " in message:
                field, _, message = message.removeprefix("Value error, ").partition(": ")
                loc = (field,)
            line = _yaml_line(root, loc, 0) + offset
            problems.append(Problem(path, line, _field_name(loc), message.removeprefix("Value error, ")))
        return None, problems

    body = text[match.end():]
    body_line = text[: match.end()].count("\n") + 1
    if not re.search(r"^##\s+\S", body, re.MULTILINE):
        problems.append(Problem(path, body_line, "body", "needs at least one '## ' section"))
    if not re.search(r"^#\s+\S", body, re.MULTILINE):
        problems.append(Problem(path, body_line, "body", "needs a '# ' title line"))
    if problems:
        return None, problems
    return KnowledgeDoc(path=path, meta=meta, body=body, body_line=body_line), []


def knowledge_files(root: Path) -> list[Path]:
    """Every guidance file under root, in a stable order (README files are for people, not the index)."""
    return sorted(p for p in root.rglob("*.md") if p.name.lower() != "readme.md")


def load_documents(root: Path) -> tuple[list[KnowledgeDoc], list[Problem]]:
    """Parse every file under root; collect every problem rather than stopping at the first."""
    docs: list[KnowledgeDoc] = []
    problems: list[Problem] = []
    if not root.is_dir():
        return [], [Problem(root, 0, "knowledge_dir", "folder not found")]
    for path in knowledge_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(path, 0, "file", f"cannot be read as UTF-8 text: {exc}"))
            continue
        doc, found = parse_document(path, text)
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    return docs, problems
