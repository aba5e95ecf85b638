"""One name per organisation and service in each language, checked against the translations.

A survivor who reads "复仇色情求助热线" on one page and "报复色情求助热线" on the next cannot tell whether these are
one helpline or two, and a search for the name they were given finds only half the pages. So
`knowledge/glossary.yaml` lists, for each organisation, service or term, the forms a document in each language may
use, and `kb validate` names every line of a Chinese or French document that calls an entry by another name.

The check only knows the names the glossary lists: a mention is any form of the entry in any language, or one of
its known wrong forms; it is accepted when it lies inside one of the forms listed for the document's language.
That way "复仇色情求助热线（Revenge Porn Helpline）" is accepted in Chinese while a bare "Revenge Porn Helpline" is not,
if the glossary says so. URLs and source notes are left out: a web address is not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.knowledge.documents import KnowledgeDoc, Problem

GLOSSARY_FILE = "glossary.yaml"
CHECKED_LANGUAGES: tuple[str, ...] = ("zh", "fr")
_LANGUAGE_KEYS: tuple[str, ...] = ("en", "zh", "fr")
_ALLOWED_KEYS = frozenset({*_LANGUAGE_KEYS, "wrong", "note"})
_COMMENT = re.compile(r"<!--.*?-->")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class GlossaryEntry:
    """An organisation, service or term: the forms each language may use, and forms that are known to be wrong."""

    key: str
    accepted: dict[str, tuple[str, ...]]
    wrong: tuple[str, ...]
    line: int

    def mention_forms(self) -> tuple[str, ...]:
        """Every string that names this entry, whatever the language, longest first so that overlaps resolve."""
        forms = {form for names in self.accepted.values() for form in names} | set(self.wrong)
        return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def _entry_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(f"{key}:") or line.strip().startswith(f"- key: {key}"):
            return number
    return 1


def parse_glossary(path: Path, text: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Read the glossary, reporting each malformed entry with its line instead of stopping at the first."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(path, mark.line + 1 if mark else 1, "glossary", f"YAML error: {error}")]
    entries_data = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries_data, dict):
        return [], [Problem(path, 1, "entries", "the glossary needs a mapping 'entries: {key: {en, zh, fr}}'")]
    entries: list[GlossaryEntry] = []
    problems: list[Problem] = []
    for key, body in entries_data.items():
        line = _entry_line(text, str(key))
        if not isinstance(body, dict):
            problems.append(Problem(path, line, str(key), "an entry is a mapping with en, zh and fr lists"))
            continue
        unknown = sorted(set(map(str, body)) - _ALLOWED_KEYS)
        if unknown:
            problems.append(Problem(path, line, str(key), f"unknown field(s): {', '.join(unknown)}"))
        accepted: dict[str, tuple[str, ...]] = {}
        for language in _LANGUAGE_KEYS:
            names = body.get(language)
            if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
                problems.append(Problem(path, line, f"{key}.{language}",
                                        "a non-empty list of names (the first is the preferred one)"))
                continue
            accepted[language] = tuple(names)
        wrong = body.get("wrong", [])
        if not isinstance(wrong, list) or not all(isinstance(n, str) and n.strip() for n in wrong):
            problems.append(Problem(path, line, f"{key}.wrong", "a list of names that must not be used"))
            wrong = []
        if len(accepted) == len(_LANGUAGE_KEYS):
            entries.append(GlossaryEntry(str(key), accepted, tuple(wrong), line))
    return entries, problems


def load_glossary(root: Path) -> tuple[list[GlossaryEntry], list[Problem]]:
    """The glossary beside the documents; a knowledge base without one simply has nothing to check."""
    path = root / GLOSSARY_FILE
    if not path.exists():
        return [], []
    return parse_glossary(path, path.read_text(encoding="utf-8"))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _spans(line: str, form: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(form)) for m in re.finditer(re.escape(form), line)]


def misnamed_mentions(line: str, entry: GlossaryEntry, language: str) -> list[str]:
    """The names of `entry` in `line` that are not inside a form the glossary accepts for `language`."""
    line = _URL.sub(_blank, _COMMENT.sub(_blank, line))
    allowed = [span for form in entry.accepted[language] for span in _spans(line, form)]
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for form in entry.mention_forms():
        for start, end in _spans(line, form):
            if any(s <= start and end <= e for s, e in taken):
                continue  # part of a longer name already looked at
            taken.append((start, end))
            if not any(s <= start and end <= e for s, e in allowed):
                found.append(form)
    return found


def check_names(docs: list[KnowledgeDoc], entries: list[GlossaryEntry]) -> list[Problem]:
    """Every line of a zh or fr document that names a glossary entry by a form its language does not accept."""
    problems: list[Problem] = []
    forms = [(entry, tuple(entry.mention_forms())) for entry in entries]
    for doc in docs:
        language = doc.meta.language
        if language not in CHECKED_LANGUAGES:
            continue
        for number, line in enumerate(doc.body.splitlines(), doc.body_line):
            for entry, names in forms:
                if not any(name in line for name in names):  # most lines name no entry: skip the careful look
                    continue
                for form in misnamed_mentions(line, entry, language):
                    preferred = entry.accepted[language][0]
                    problems.append(Problem(doc.path, number, "body",
                                            f"'{form}' names glossary entry '{entry.key}'; in {language} write "
                                            f"'{preferred}' (accepted: {' | '.join(entry.accepted[language])})"))
    return problems


def check_glossary(root: Path, docs: list[KnowledgeDoc]) -> list[Problem]:
    """Load the glossary and check the documents against it; problems in the glossary itself come first."""
    entries, problems = load_glossary(root)
    return problems + check_names(docs, entries)
