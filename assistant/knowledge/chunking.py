"""Heading-aware chunking: a chunk is one section of a document.

Guidance is written so that each `##` section stands alone, so a section is the natural unit to retrieve and to
cite. Only a section too long for the embedding model is split further, on paragraph and line boundaries, so that
every chunk's text still stands verbatim in its document (the citation check depends on that).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.knowledge.cards import parse_role, split_role_note
from assistant.knowledge.documents import KnowledgeDoc, Source
from assistant.understand.place import named_jurisdictions
from assistant.vocabulary import JURISDICTIONS

# Between the headings an example asks for, in its `answer` metadata (a store's metadata holds strings, not lists).
ANSWER_SEPARATOR = "\x1f"
MAX_CHUNK_CHARS = 1400  # about 350-450 e5 tokens in English, fewer characters in Chinese still under 512
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
SOURCE_NOTE = re.compile(r"^<!--\s*sources?:\s*(.+?)\s*-->\s*$", re.I)
# At the end of one line: the source(s) of that line; the first is the one its citation shows.
LINE_SOURCE = re.compile(r"\s*<!--\s*sources?:\s*(\S+(?:\s+\S+)*?)\s*-->\s*$", re.I)


@dataclass(frozen=True)
class Chunk:
    """One retrievable, citable passage."""

    id: str
    doc_id: str
    text: str  # exact text of the passage as it stands in the document
    section: str  # the heading path below the title, e.g. "Report a message"
    order: int
    # Tags (jurisdictions, topics, audience, asks) are tuples of strings; the store encodes them for Chroma.
    metadata: dict[str, str | int | float | bool | tuple[str, ...]] = field(default_factory=dict)

    @property
    def embed_text(self) -> str:
        """What the model sees: the title and heading give a short section its context; an example message is
        embedded as it stands, as the person's message will be."""
        if self.metadata.get("kind") == "example":
            return self.text
        return f"{self.metadata.get('title', '')} - {self.section}\n{self.text}"


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return slug[:48] or "section"


def _sections(body: str) -> list[tuple[list[str], str]]:
    """Split a Markdown body into (heading path, text) pairs, text kept verbatim."""
    sections: list[tuple[list[str], list[str]]] = []
    path: list[tuple[int, str]] = []
    current: list[str] = []
    in_fence = False
    for line in body.splitlines():
        if line.strip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            sections.append(([t for _, t in path], current))
            level, title = len(match.group(1)), match.group(2)
            path = [(lv, t) for lv, t in path if lv < level] + [(level, title)]
            current = []
        else:
            current.append(line)
    sections.append(([t for _, t in path], current))
    return [(p, "\n".join(lines).strip()) for p, lines in sections if "\n".join(lines).strip()]


_splitter = RecursiveCharacterTextSplitter(
    chunk_size=MAX_CHUNK_CHARS, chunk_overlap=0, separators=["\n\n", "\n", "。", ". ", " "], keep_separator="end"
)


def _pieces(text: str) -> list[str]:
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    pieces = [p.strip() for p in _splitter.split_text(text)]
    return [p for p in pieces if p and p in text] or [text]


def split_source_notes(text: str) -> tuple[str, list[str]]:
    """A section's text without its trailing ``<!-- source: URL -->`` lines, and the URLs those lines name.

    The note says which of the page's sources backs the section, so the citation links to the right page. It sits at
    the end of the section, so the remaining text still stands verbatim in the document.
    """
    lines = text.rstrip().splitlines()
    urls: list[str] = []
    while lines and SOURCE_NOTE.match(lines[-1].strip()):
        urls = SOURCE_NOTE.match(lines.pop().strip()).group(1).split() + urls
        while lines and not lines[-1].strip():
            lines.pop()
    return "\n".join(lines).strip(), [u for u in urls if u]


def primary_source(doc: KnowledgeDoc, text: str, noted: list[str] | None = None) -> Source:
    """The source a passage rests on: the most reliable one its source note names, else the one the passage names,
    else the most reliable of the page's sources."""
    by_url = {str(s.url): s for s in doc.meta.sources}
    rank = {"official": 0, "press": 1, "secondary": 2}
    named_in_note = [by_url.get(url) or by_url.get(url.rstrip("/") + "/") for url in noted or []]
    named_in_note = [source for source in named_in_note if source is not None]
    if named_in_note:  # the most reliable of them is the one the person sees; the note's order breaks ties
        return min(named_in_note, key=lambda source: rank[source.kind])
    lowered = text.lower()

    def score(source: Source) -> tuple[int, int]:
        host = (source.url.host or "").removeprefix("www.")
        publisher = re.sub(r"\s*\(.*?\)", "", source.publisher).strip().lower()
        named = 2 * bool(host and host in lowered) + bool(len(publisher) > 3 and publisher in lowered)
        return (named, -rank[source.kind])

    return max(doc.meta.sources, key=score)


def _line_sources(doc: KnowledgeDoc, text: str) -> str:
    """The sources named line by line in a passage, as JSON {url: [publisher, kind]} (Chroma metadata holds only
    scalars)."""
    by_url = {str(s.url): [s.publisher, s.kind] for s in doc.meta.sources}
    named = {}
    for line in text.splitlines():
        match = LINE_SOURCE.search(line)
        for url in match.group(1).split() if match else []:
            if url in by_url:
                named[url] = by_url[url]
    return json.dumps(named, ensure_ascii=False, sort_keys=True) if named else ""


def _section_places(section: str) -> list[str]:
    """A heading that names places ("Laws in Australia and China") makes its section about those places only."""
    return sorted(named_jurisdictions(section))


def _file_in_knowledge(doc: KnowledgeDoc) -> str:
    """The document's file as `group/language.md`: where the knowledge folder sits (a checkout, a wheel in any
    virtual environment) is not part of a passage, so moving it does not make the index stale."""
    return f"{doc.path.parent.name}/{doc.path.name}"


def chunk_document(doc: KnowledgeDoc) -> list[Chunk]:
    """The chunks of one document, with ids stable across runs: document id, section path, content hash."""
    meta = doc.meta
    chunks: list[Chunk] = []
    plain_section = ""  # the card's last section without platform=: the one a platform= variant below it replaces
    for headings, text in _sections(doc.body):
        # The H1 is the title; the section path is what lies below it.
        section_path = headings[1:] if headings and headings[0] == meta.title else headings
        section = " > ".join(section_path) or meta.title
        text, noted = split_source_notes(text)
        role_fields: dict[str, str | tuple[str, ...]] = {"kind": meta.kind}
        if meta.kind == "card":
            note, text = split_role_note(text)
            if note is None:
                continue  # the card's title paragraph, if any: never quoted (validation names a section without a role)
            role = parse_role(note, JURISDICTIONS)
            role_fields.update(role=role.role, for_place=role.place, for_age=role.age, for_audience=role.audience,
                               for_platform=",".join(role.platforms), asks=tuple(meta.asks))
            if role.platforms:
                role_fields["varies"] = plain_section
            else:
                plain_section = section
        if not text:
            continue
        for piece in _pieces(text):
            source = primary_source(doc, piece, noted)
            digest = hashlib.sha256(piece.encode("utf-8")).hexdigest()[:12]
            chunk_id = f"{meta.id}:{_slug(section)}:{digest}"
            order = len(chunks)
            chunks.append(Chunk(
                id=chunk_id,
                doc_id=meta.id,
                text=piece,
                section=section,
                order=order,
                metadata={
                    "doc_id": meta.id,
                    "group": meta.group,
                    "language": meta.language,
                    "title": meta.title,
                    "section": section,
                    "order": order,
                    "jurisdictions": tuple(_section_places(section) or meta.jurisdictions),
                    "topics": tuple(meta.topics),
                    "audience": tuple(meta.audience),
                    "url": str(source.url),
                    "publisher": source.publisher,
                    "last_reviewed": meta.last_reviewed.isoformat(),
                    "doc_hash": doc.content_hash,
                    "path": _file_in_knowledge(doc),
                    "line_sources": _line_sources(doc, piece),
                    **role_fields,
                },
            ))
    # The card's examples, then those of its particular answers (`answer`: the heading they ask for). All of them
    # are the card's: the situation model learns the card from both.
    # One example can ask for several answers (the same "they refuse to remove it" for each place's answer): it is
    # stored once, with every heading it asks for (`ANSWER_SEPARATOR`), so no answer loses its examples to another.
    asked: dict[str, list[str]] = {}
    for example in meta.examples:
        asked.setdefault(example, []).append("")
    for heading, examples in meta.answers.items():
        for example in examples:
            if heading not in asked.setdefault(example, []):
                asked[example].append(heading)
    for example, headings in asked.items():
        digest = hashlib.sha256(example.encode("utf-8")).hexdigest()[:12]
        chunks.append(Chunk(id=f"{meta.id}:example:{digest}", doc_id=meta.id, text=example, section="", order=-1,
                            metadata={"doc_id": meta.id, "group": meta.group, "language": meta.language,
                                      "kind": "example", "title": meta.title, "section": "", "order": -1,
                                      "answer": ANSWER_SEPARATOR.join(headings), "doc_hash": doc.content_hash,
                                      "path": _file_in_knowledge(doc)}))
    # Two identical passages in one document would collide; keep the first.
    unique: dict[str, Chunk] = {}
    for chunk in chunks:
        unique.setdefault(chunk.id, chunk)
    return list(unique.values())
