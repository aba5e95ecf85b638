"""Checks across the whole knowledge base: the things no single file can know about itself.

Translations are checked against the English original by their numbers and URLs: those are the facts a
translator must never change (a phone number, an article, an amount, a deadline), and they can be compared
mechanically across three languages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from assistant.knowledge.cards import REQUIRED_ROLES, parse_role, split_role_note
from assistant.knowledge.chunking import LINE_SOURCE, SOURCE_NOTE, _sections
from assistant.knowledge.documents import KnowledgeDoc, Problem, load_documents
from assistant.knowledge.glossary import check_glossary
from assistant.knowledge.sources import REGISTRY_FILE, check_sources, load_registry
from assistant.vocabulary import BULLET, CRISIS_GROUP, FIRST_STEPS_GROUP, HELPLINES_TOPIC, JURISDICTIONS, LANGUAGES, PLACES

_URL = re.compile(r"https?://[^\s<>()\[\]\"'，。；：）（、]+")
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f,.]\d+)*")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _clean_url(url: str) -> str:
    return url.rstrip(".,;:!?*_`")


def body_urls(text: str) -> set[str]:
    """The full URLs written in a text."""
    return {_clean_url(u) for u in _URL.findall(text)}


def body_numbers(text: str) -> set[str]:
    """The numbers in a text, with thousands separators and spaces removed, URLs left out."""
    text = _URL.sub(" ", text)
    return {re.sub(r"[ \u00a0\u202f,.]", "", n) for n in _NUMBER.findall(text)}


def _host(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    return host.removeprefix("www.")


def _first_line(doc: KnowledgeDoc, needle: str) -> int:
    for offset, line in enumerate(doc.body.splitlines()):
        compact = re.sub(r"[ \u00a0\u202f,.]", "", line)
        if needle in line or needle in compact:
            return doc.body_line + offset
    return doc.body_line


def _nth_line(doc: KnowledgeDoc, line_text: str, n: int) -> int:
    """The file line number of the n-th body line that reads exactly `line_text` (the body's first line if none)."""
    seen = 0
    for number, line in enumerate(doc.body.splitlines(), doc.body_line):
        if line.strip() == line_text:
            seen += 1
            if seen == n:
                return number
    return doc.body_line


def _front_line(doc: KnowledgeDoc, needle: str) -> int:
    """The line of the front matter that holds `needle` (a key or a value), else the front matter's first line."""
    lines = doc.path.read_text(encoding="utf-8").splitlines()[:doc.body_line - 1]
    return next((number for number, line in enumerate(lines, 1) if needle in line), 1)


def check_translations(docs: list[KnowledgeDoc]) -> list[Problem]:
    """Each group has en, zh and fr, and the translations carry the original's numbers and URLs."""
    problems: list[Problem] = []
    by_id = {d.meta.id: d for d in docs}
    groups: dict[str, dict[str, KnowledgeDoc]] = defaultdict(dict)
    for doc in docs:
        if doc.meta.translation_of:
            original = by_id.get(doc.meta.translation_of)
            if original is None:
                problems.append(Problem(doc.path, 2, "translation_of",
                                        f"no document has id '{doc.meta.translation_of}'"))
                continue
            if original.meta.language != "en":
                problems.append(Problem(doc.path, 2, "translation_of",
                                        f"'{original.meta.id}' is not an English original"))
                continue
        group = groups[doc.meta.group]
        if doc.meta.language in group:
            problems.append(Problem(doc.path, 2, "language", f"group '{doc.meta.group}' already has a "
                                    f"'{doc.meta.language}' document: {group[doc.meta.language].path}"))
        group[doc.meta.language] = doc
    for name, group in sorted(groups.items()):
        any_doc = next(iter(group.values()))
        missing = [lang for lang in LANGUAGES if lang not in group]
        if missing:
            problems.append(Problem(any_doc.path, 2, "language",
                                    f"group '{name}' has no {', '.join(missing)} version"))
        original = group.get("en")
        if original is None:
            continue
        for lang in ("zh", "fr"):
            if lang in group:
                problems.extend(_compare_facts(original, group[lang]))
    return problems


def _compare_facts(original: KnowledgeDoc, translation: KnowledgeDoc) -> list[Problem]:
    problems = []
    for kind, extract in (("number", body_numbers), ("URL", body_urls)):
        want, have = extract(original.body), extract(translation.body)
        for extra in sorted(have - want):
            problems.append(Problem(translation.path, _first_line(translation, extra), "body",
                                    f"{kind} '{extra}' is not in the original {original.path}"))
        for lost in sorted(want - have):
            problems.append(Problem(translation.path, translation.body_line, "body",
                                    f"{kind} '{lost}' from the original {original.path} "
                                    f"(line {_first_line(original, lost)}) is missing"))
    return problems


def check_documents(docs: list[KnowledgeDoc]) -> list[Problem]:
    """Unique ids, URLs on a source's site, and relative links that resolve."""
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for doc in docs:
        if doc.meta.id in seen:
            problems.append(Problem(doc.path, 2, "id", f"'{doc.meta.id}' is also used by {seen[doc.meta.id]}"))
        seen.setdefault(doc.meta.id, doc.path)
        source_hosts = {_host(str(s.url)) for s in doc.meta.sources}
        for url in sorted(body_urls(doc.body)):
            host = _host(url)
            if not any(host == h or host.endswith("." + h) or h.endswith("." + host) for h in source_hosts):
                problems.append(Problem(doc.path, _first_line(doc, url), "body",
                                        f"URL {url} is not on the site of any source in the front matter"))
        source_urls = {str(s.url) for s in doc.meta.sources}
        for line_number, line in enumerate(doc.body.splitlines(), doc.body_line):
            note = SOURCE_NOTE.match(line.strip())
            inline = None if note else LINE_SOURCE.search(line)
            for url in note.group(1).split() if note else inline.group(1).split() if inline else []:
                if url and url not in source_urls:
                    problems.append(Problem(doc.path, line_number, "body",
                                            f"source note {url} is not a url in the front matter's sources"))
        # A heading path written twice is one section to the index when the texts match (the second is silently
        # dropped: a card's place variant of an answer given the same heading vanished), and an ambiguous citation
        # when they do not.
        paths: set[tuple[str, ...]] = set()
        written: dict[str, int] = defaultdict(int)  # heading line -> times seen so far
        for headings, _ in _sections(doc.body):
            if not headings:
                continue
            heading = "#" * len(headings) + " " + headings[-1]
            written[heading] += 1
            if tuple(headings) in paths:
                problems.append(Problem(doc.path, _nth_line(doc, heading, written[heading]), "body",
                                        f"heading '{headings[-1]}' is used twice in this document; each section "
                                        "needs its own heading"))
            paths.add(tuple(headings))
        for target in _LINK.findall(doc.body):
            if re.match(r"^(https?:|mailto:|tel:|#)", target):
                continue
            if not (doc.path.parent / target.split("#")[0]).exists():
                problems.append(Problem(doc.path, _first_line(doc, target), "body",
                                        f"link target '{target}' does not exist"))
    return problems


def check_cards(docs: list[KnowledgeDoc]) -> list[Problem]:
    """Every section of a card says its role, and a card has the parts every answer needs, for anyone."""
    problems: list[Problem] = []
    for doc in (d for d in docs if d.meta.kind == "card"):
        plain: set[str] = set()
        answer_headings: set[str] = set()
        base: tuple | None = None  # the last section without platform=: what a platform= variant below it varies
        for headings, text in _sections(doc.body):
            if len(headings) < 2:
                continue  # the title line and the words under it
            line = _first_line(doc, "## " + headings[-1])
            note, _ = split_role_note(text)
            if note is None:
                problems.append(Problem(doc.path, line, "body", f"section '{headings[-1]}' of a card needs a role "
                                        "comment on its first line, e.g. <!-- card: steps -->"))
                continue
            try:
                role = parse_role(note, JURISDICTIONS)
            except ValueError as exc:
                problems.append(Problem(doc.path, line + 1, "body", f"card role: {exc}"))
                continue
            if not role.qualified:
                plain.add(role.role)
            if role.role == "answer":
                answer_headings.add(headings[-1])
            kind = (role.role, role.place, role.age, role.audience)
            if not role.platforms:
                base = kind
            elif base != kind:
                problems.append(Problem(doc.path, line + 1, "body", "a platform= section varies the section just "
                                        "above it (after any other variants of it), which must have the same role and "
                                        "other qualifiers and no platform="))
        for heading in doc.meta.answers:
            if heading not in answer_headings:
                problems.append(Problem(doc.path, _front_line(doc, heading), "answers", f"'{heading}' is not the "
                                        "heading of one of this card's answer sections"))
        for missing in (r for r in REQUIRED_ROLES if r not in plain):
            problems.append(Problem(doc.path, doc.body_line, "body", f"a card needs a '{missing}' section without "
                                    "qualifiers (the one anyone gets)"))
    return problems


_ROLE_PLACE = re.compile(r"<!--\s*card:[^>]*\bplace=([A-Z]+)")


def check_places(docs: list[KnowledgeDoc]) -> list[Problem]:
    """A line written for one place (a page about one place, or a card section with `place=`) that names another
    place's city, law or helpline is never shown to the people it was written for: Recourse keeps other places'
    lines out of an answer, and reads places from places.yaml. Says which place the line reads as."""
    from assistant.understand.place import marked_jurisdictions, own_places

    problems: list[Problem] = []
    for doc in docs:
        single = [j for j in doc.meta.jurisdictions if j != "GLOBAL"]
        page_place = single[0] if len(doc.meta.jurisdictions) == 1 and single else None
        section_place = None
        for line_number, line in enumerate(doc.body.splitlines(), doc.body_line):
            if line.startswith("## "):
                section_place = None
            role = _ROLE_PLACE.search(line)
            if role:
                section_place = role.group(1)
            place = section_place or page_place
            item = BULLET.match(line)
            if not place or place == "GLOBAL" or not item:
                continue
            other = marked_jurisdictions(LINE_SOURCE.sub("", item.group(1))) - own_places(place)
            if other:
                problems.append(Problem(doc.path, line_number, "body", f"this line is for {place}, but it reads as "
                                        f"{', '.join(sorted(other))} (a name or marker in places.yaml), so people "
                                        f"in {place} would never see it"))
    return problems


_ROLE_FOR_MINORS = re.compile(r"<!--\s*card:\s*local\b(?=[^>]*\bage=minor)(?![^>]*\bplace=)")
_KEEPING_IMAGES = re.compile(r"(?i:screen ?shot|\bsave\b|enregistr|captur)|截图|截屏|保存")


def check_age_lines(docs: list[KnowledgeDoc]) -> list[Problem]:
    """A card's line for people under 18 (a `local age=minor` section, not one place's) that speaks of saving or
    screenshotting the images says it is for someone under 18. When the age is not known, the lines for each age are
    shown beside the general steps, which may say to photograph the screen; a bare "do not save or screenshot the
    images" there contradicts them, and nobody can tell whom it is for."""
    problems: list[Problem] = []
    for doc in docs:
        for_minors = False
        for line_number, line in enumerate(doc.body.splitlines(), doc.body_line):
            if line.startswith("## "):
                for_minors = False
            if line.lstrip().startswith("<!--") and "card:" in line:
                for_minors = bool(_ROLE_FOR_MINORS.search(line))
            item = BULLET.match(line)
            if not for_minors or not item:
                continue
            text = LINE_SOURCE.sub("", item.group(1))
            if _KEEPING_IMAGES.search(text) and "18" not in text:
                problems.append(Problem(doc.path, line_number, "body", "this line for people under 18 speaks of "
                                        "saving or screenshotting the images but does not say it is for someone under "
                                        "18: when the age is not known it is shown beside the steps for adults"))
    return problems


def check_registry(root: Path, docs: list[KnowledgeDoc]) -> list[Problem]:
    """Every cited domain against `root/sources.yaml` (see `assistant.knowledge.sources`).

    A folder without the file (a test's copy of a few topics, a scaffold) is not checked: the shipped knowledge base
    has one, and a test keeps it there.
    """
    path = root / REGISTRY_FILE
    if not path.exists():
        return []
    registry, problems = load_registry(path)
    if problems:  # a half-read registry would report every domain as unclassified; fix the file first
        return problems
    problems = check_sources(docs, registry)
    if (root / "README.md").exists():  # the whole knowledge base (with its guide), not a test's copy of a few topics
        problems += check_relied_on(root, docs)
    return problems


def check_relied_on(root: Path, docs: list[KnowledgeDoc]) -> list[Problem]:
    """The shipped knowledge base has what the code relies on: the crisis page in every language with a section for
    every place, a helplines page for every place in every language, and the first-steps card in every language
    (the answer to a message too short to read)."""
    problems: list[Problem] = []
    crisis = {d.meta.language: d for d in docs if d.meta.group == CRISIS_GROUP}
    first_steps = {d.meta.language for d in docs if d.meta.group == FIRST_STEPS_GROUP and d.meta.kind == "card"}
    for language in LANGUAGES:
        if language not in first_steps:
            problems.append(Problem(root, 0, "cards", f"no '{FIRST_STEPS_GROUP}' card in {language}: a message too "
                                    "short to read is answered with it"))
        doc = crisis.get(language)
        if doc is None:
            problems.append(Problem(root, 0, "crisis page", f"no '{CRISIS_GROUP}' document in {language}: the "
                                    "safety layer cites it to anyone in danger"))
            continue
        # A place is covered by a section of its own; the list of every place's numbers does not count.
        covered = {codes for codes, _ in _sections_with_places(doc) if codes and " " not in codes}
        missing = [code for code in PLACES if code not in covered]
        if missing:
            problems.append(Problem(doc.path, doc.body_line, "body", f"no section for {', '.join(missing)}: "
                                    "a person there in danger would get no lines to call"))
        helplines = {j for d in docs if d.meta.language == language and HELPLINES_TOPIC in d.meta.topics
                     for j in d.meta.jurisdictions}
        for code in (c for c in PLACES if c not in helplines):
            problems.append(Problem(root, 0, "topics", f"no {language} document with topic '{HELPLINES_TOPIC}' for "
                                    f"{code}"))
    return problems


def _sections_with_places(doc: KnowledgeDoc) -> list[tuple[str, str]]:
    """(heading, place codes it names) for each section of a document."""
    from assistant.understand.place import named_jurisdictions

    result = []
    for headings, _ in _sections(doc.body):
        heading = headings[-1] if headings else ""
        result.append((heading, " ".join(sorted(named_jurisdictions(heading)))))
    return [(codes, heading) for heading, codes in result]


def validate_knowledge(root: Path) -> tuple[list[KnowledgeDoc], list[Problem]]:
    """Parse and check the whole knowledge base; the documents are usable only when no problem is returned."""
    docs, problems = load_documents(root)
    problems += check_documents(docs)
    problems += check_translations(docs)
    problems += check_cards(docs)
    problems += check_places(docs)
    problems += check_age_lines(docs)
    problems += check_glossary(root, docs)
    problems += check_registry(root, docs)
    problems.sort(key=lambda p: (str(p.path), p.line, p.field))
    return docs, problems


def stale_documents(docs: list[KnowledgeDoc], today: date) -> list[KnowledgeDoc]:
    """Documents whose review date has passed, oldest first."""
    return sorted((d for d in docs if d.meta.review_due < today), key=lambda d: d.meta.review_due)
