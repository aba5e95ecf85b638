"""The source registry (`knowledge/sources.yaml`): which cited domains Recourse may show a survivor, and how far each
one may be trusted.

A person who taps "Open the source" must land on the page that says the fact, published by someone entitled to say
it, never on a spam page or a mirror of unknown origin. A front-matter `kind` is typed by whoever wrote the document;
the registry is one reviewed list, so one decision about a domain holds for every document that cites it.

Classes: `official` (governments, courts, law databases, the service or platform itself), `press` (reputable news),
`secondary` (law portals, NGOs' summaries: context only, never alone for a number, an article, a penalty or a
deadline) and `blocked` (spam, content farms, Q&A sites, mirrors, unrelated businesses: never cited).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

from assistant.knowledge.documents import KnowledgeDoc, Problem
from assistant.vocabulary import CJK, LANGUAGES

CLASSES: tuple[str, ...] = ("official", "press", "secondary", "blocked")
WEAK: frozenset[str] = frozenset({"secondary", "blocked"})
REGISTRY_FILE = "sources.yaml"
_FIELDS = ("class", "name", "why")
_OPTIONAL = ("names",)  # names: {zh: "...", fr: "..."}, the publisher's official or widely used name per language
_DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A source note on a line of its own (the section's), or at the end of a line of text (that line's own).
_NOTE_LINE = re.compile(r"^\s*<!--\s*sources?:\s*(.+?)\s*-->\s*$", re.I)
_INLINE_NOTE = re.compile(r"\s*<!--\s*sources?:\s*(.+?)\s*-->\s*$", re.I)
_HEADING = re.compile(r"^#{1,6}\s+\S")
_URL = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class DomainEntry:
    """One classified domain, with the registry line that classifies it (to point a maintainer at it)."""

    domain: str
    cls: str
    name: str
    why: str
    line: int
    names: tuple[tuple[str, str], ...] = ()  # (language, name): the publisher's own name in that language

    def name_in(self, language: str) -> str | None:
        """The publisher's name in a language, when the registry gives one."""
        return dict(self.names).get(language)


Registry = dict[str, DomainEntry]


def host_of(url: str) -> str:
    """The host a URL is on, lower case, without a leading `www.` (the same site either way)."""
    return (urlparse(url).hostname or "").lower().removeprefix("www.")


def lookup(registry: Registry, url_or_host: str) -> DomainEntry | None:
    """The entry for a host: its own, else the nearest parent domain's (`m.thepaper.cn` -> `thepaper.cn`).

    Parents let one entry cover a publisher's many sub-sites, and a child entry can still override its parent (a
    court's own account on a press platform, a blocked sub-domain of a reputable host).
    """
    host = host_of(url_or_host) if "://" in url_or_host else url_or_host.lower().removeprefix("www.")
    labels = host.split(".")
    for start in range(len(labels) - 1):
        entry = registry.get(".".join(labels[start:]))
        if entry is not None:
            return entry
    return None


def parse_registry(path: Path, text: str) -> tuple[Registry, list[Problem]]:
    """Read the registry's text; every malformed entry is reported with the file, its line and the field.

    The node tree (not the plain loaded values) is walked so that each problem points at the line to fix.
    """
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return {}, [Problem(path, line, "yaml", f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    domains = _mapping_value(root, "domains")
    if not isinstance(domains, yaml.MappingNode):
        line = (domains or root).start_mark.line + 1 if (domains or root) is not None else 1
        return {}, [Problem(path, line, "domains", "the file needs a 'domains:' mapping of domain: {class, name, why}")]
    registry: Registry = {}
    problems: list[Problem] = []
    for key, value in domains.value:
        domain, line = str(key.value).strip().lower(), key.start_mark.line + 1
        if not _DOMAIN.match(domain) or domain.startswith("www."):
            problems.append(Problem(path, line, f"domains.{domain}", "not a bare domain name (no scheme, path or www.)"))
            continue
        if domain in registry:
            problems.append(Problem(path, line, f"domains.{domain}",
                                    f"listed twice (first on line {registry[domain].line})"))
            continue
        if not isinstance(value, yaml.MappingNode):
            problems.append(Problem(path, line, f"domains.{domain}", "needs {class: ..., name: \"...\", why: \"...\"}"))
            continue
        fields = {str(k.value): v for k, v in value.value}
        bad = False
        for unknown in sorted(set(fields) - set(_FIELDS) - set(_OPTIONAL)):
            problems.append(Problem(path, fields[unknown].start_mark.line + 1, f"domains.{domain}.{unknown}",
                                    f"unknown field; the fields are {', '.join(_FIELDS + _OPTIONAL)}"))
            bad = True
        names, names_problems = _names(path, domain, fields.get("names"))
        problems += names_problems
        bad = bad or bool(names_problems)
        for name in _FIELDS:
            node = fields.get(name)
            if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
                problems.append(Problem(path, line, f"domains.{domain}.{name}", "missing or empty"))
                bad = True
        cls_node = fields.get("class")
        if isinstance(cls_node, yaml.ScalarNode) and cls_node.value and cls_node.value not in CLASSES:
            problems.append(Problem(path, cls_node.start_mark.line + 1, f"domains.{domain}.class",
                                    f"'{cls_node.value}' is not one of {', '.join(CLASSES)}"))
            bad = True
        if not bad:
            registry[domain] = DomainEntry(domain, fields["class"].value, fields["name"].value.strip(),
                                           fields["why"].value.strip(), line, names)
    return registry, problems


def _names(path: Path, domain: str, node: yaml.Node | None) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """An entry's `names`: one non-empty name per known language; a Chinese name in Chinese script.

    Only official or widely used names belong here (a translation made up for the registry would send a person
    looking for an organisation under a name it does not use); a language without one shows the original.
    """
    if node is None:
        return (), []
    where = f"domains.{domain}.names"
    if not isinstance(node, yaml.MappingNode):
        return (), [Problem(path, node.start_mark.line + 1, where, "needs {zh: \"...\", fr: \"...\"}")]
    names: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for key, value in node.value:
        language, line = str(key.value), key.start_mark.line + 1
        text = str(value.value).strip() if isinstance(value, yaml.ScalarNode) else ""
        if language not in LANGUAGES:
            problems.append(Problem(path, line, f"{where}.{language}", f"not one of {', '.join(LANGUAGES)}"))
        elif not text:
            problems.append(Problem(path, line, f"{where}.{language}", "missing or empty"))
        elif language == "zh" and not CJK.search(text):
            problems.append(Problem(path, line, f"{where}.zh", "a Chinese name needs Chinese characters; without "
                                    "an official or widely used one, leave zh out and the original is shown"))
        else:
            names.append((language, text))
    return tuple(names), problems


def publisher_names(registry: Registry, url: str) -> dict[str, str]:
    """The cited page's publisher's name per language, from the entry for the page's own host or a parent's."""
    entry = lookup(registry, url)
    return dict(entry.names) if entry is not None else {}


def load_registry(path: Path) -> tuple[Registry, list[Problem]]:
    """Read the registry file; an unreadable file is one problem, not an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(path, 0, "file", f"cannot be read: {exc}")]
    return parse_registry(path, text)


def _mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if k.value == key), None)


# What makes a line a fact that a secondary source may not carry alone. Generous on purpose: a false alarm costs a
# maintainer a per-line source note; a miss shows a survivor a phone number or a penalty nobody official stands behind.
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# Every pattern below needs a digit, except a Chinese article number in Chinese numerals (第十条).
_MAY_STATE_A_FACT = re.compile(r"\d|第")
_FACTS: dict[str, re.Pattern[str]] = {
    "phone number": re.compile(
        r"(?<![\w/.-])\+?\d{1,4}(?:[ \u00a0.-]\d{2,4}){1,4}(?![\w/-])"
        r"|(?:call|text|dial|phone|helpline|hotline|appel|appelez|composez|numéro|ligne|拨打|电话|热线|短信)"
        r"\D{0,25}\b\d{3,6}\b", re.I),
    "law article": re.compile(
        r"\b(?:article|art\.|arts\.|section|sections|s\.|ss\.|§|regulation|règlement|directive|loi|law|code)\s*"
        r"(?:n°\s*|no\.?\s*|\(eu\)\s*)?\d"
        r"|\b[LR]\.?\s?\d{3,4}-\d|\b\d{2,4}-\d+(?:-\d+)+\b|\b\d{4}/\d{2,4}\b|\bs\d+[A-Z]{0,2}\b"
        r"|第\s*[\d一二三四五六七八九十百零]+\s*条", re.I),
    "penalty": re.compile(
        r"\d.{0,60}(?:prison|imprison|jail|custod|emprisonnement|amende|\bfines?\b|penalt|罚款|罚金|拘留|徒刑|拘役|监禁)"
        r"|(?:prison|imprison|jail|custod|emprisonnement|amende|\bfines?\b|penalt|罚款|罚金|拘留|徒刑|拘役|监禁).{0,60}\d"
        r"|[€$£¥]\s?\d|\d\s?(?:€|euros?|dollars?|pounds?|元)", re.I),
    "deadline": re.compile(
        r"\b\d+\s*(?:hours?|days?|weeks?|months?|years?|heures?|jours?|semaines?|mois|ans?)\b"
        r"|\d+\s*(?:小时|天|日|周|个月|年)", re.I),
}


def fact_kinds(line: str) -> list[str]:
    """The kinds of hard fact a line states (phone number, law article, penalty, deadline), in a fixed order.

    URLs, dates written as `2025-05-19` and source notes are left out first: they are not facts of these kinds.
    """
    text = _INLINE_NOTE.sub("", _URL.sub(" ", line))
    text = _ISO_DATE.sub(" ", text)
    if not _MAY_STATE_A_FACT.search(text):  # most lines: `kb validate` checks thousands of them at every run
        return []
    return [kind for kind, pattern in _FACTS.items() if pattern.search(text)]


def line_note(line: str) -> list[str]:
    """The URLs of a line's own source note (`text <!-- source: URL -->`), or [] for a line without one.

    A note on a line of its own is the section's note, not a line's, so it is not returned here.
    """
    if _NOTE_LINE.match(line):
        return []
    match = _INLINE_NOTE.search(line)
    return match.group(1).split() if match and line[: match.start()].strip() else []


def _source_lines(text: str) -> dict[str, int]:
    """The front-matter line of each source URL (first occurrence), to point at the entry to change."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() == "---" and number > 1:
            break
        match = re.match(r"^\s*-?\s*url:\s*[\"']?([^\"'\s]+)", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _sections(doc: KnowledgeDoc) -> Iterable[tuple[list[tuple[int, str]], list[str]]]:
    """(numbered lines, section-note URLs) per heading-delimited section, as the chunker splits them."""
    current: list[tuple[int, str]] = []
    for number, line in enumerate(doc.body.splitlines(), doc.body_line):
        if _HEADING.match(line):
            yield current, _section_notes(current)
            current = []
        else:
            current.append((number, line))
    yield current, _section_notes(current)


def _section_notes(lines: list[tuple[int, str]]) -> list[str]:
    urls: list[str] = []
    for _, line in lines:
        match = _NOTE_LINE.match(line)
        if match:
            urls += match.group(1).split()
    return urls


def check_document_sources(doc: KnowledgeDoc, text: str, registry: Registry) -> list[Problem]:
    """One document against the registry: its sources' domains and kinds, its per-line notes, and its hard facts.

    A section's facts are checked against the sources that section will be shown with: a line's own note if it has
    one, else the section's notes, else (no note at all) every source in the front matter.
    """
    problems: list[Problem] = []
    where = _source_lines(text)
    classes: dict[str, str] = {}
    for index, source in enumerate(doc.meta.sources):
        url = str(source.url)
        line = where.get(url, where.get(url.rstrip("/"), 2))
        host = host_of(url)
        entry = lookup(registry, host)
        if entry is None:
            classes[url] = "unclassified"
            problems.append(Problem(doc.path, line, f"sources[{index}].url",
                                    f"domain {host} is not in {REGISTRY_FILE}; classify it there "
                                    "(see knowledge/README.md)"))
            continue
        classes[url] = entry.cls
        if entry.cls == "blocked":
            problems.append(Problem(doc.path, line, f"sources[{index}].url",
                                    f"domain {host} is blocked in {REGISTRY_FILE} ({entry.why}); "
                                    "cite the official page or a press report instead"))
        elif entry.cls != source.kind:
            problems.append(Problem(doc.path, line, f"sources[{index}].kind",
                                    f"kind is '{source.kind}' but {REGISTRY_FILE} classes {entry.domain} as "
                                    f"'{entry.cls}'"))
    every_source = list(classes)
    for lines, section_urls in _sections(doc):
        for number, line in lines:
            own = line_note(line)
            for url in own:
                if url not in classes:
                    problems.append(Problem(doc.path, number, "body",
                                            f"line source {url} is not a url in the front matter's sources"))
            if _NOTE_LINE.match(line) or not line.strip():
                continue
            kinds = fact_kinds(line)
            if not kinds:
                continue
            cited = own or section_urls or every_source
            if cited and all(classes.get(url, "unclassified") in WEAK | {"unclassified"} for url in cited):
                problems.append(Problem(doc.path, number, "body",
                                        f"states a {' and a '.join(kinds)} but every source it cites is secondary "
                                        f"or blocked ({' '.join(cited)}); cite an official or press source on this "
                                        "line (<!-- source: URL -->) or in the section's note, or remove it"))
    return problems


def check_sources(docs: list[KnowledgeDoc], registry: Registry) -> list[Problem]:
    """Every document against the registry (see `check_document_sources`)."""
    problems: list[Problem] = []
    for doc in docs:
        try:
            text = doc.path.read_text(encoding="utf-8")
        except OSError:
            text = ""
        problems += check_document_sources(doc, text, registry)
    return problems


def source_counts(docs: list[KnowledgeDoc], registry: Registry) -> dict[str, dict[str, int]]:
    """Unique source URLs per jurisdiction (and 'TOTAL'), counted by registry class.

    A URL counts once per jurisdiction however many documents cite it; one cited by a GLOBAL and a CN document
    counts under both. Unregistered domains count as 'unclassified'.
    """
    urls: dict[str, set[str]] = {}
    for doc in docs:
        for source in doc.meta.sources:
            for place in [*doc.meta.jurisdictions, "TOTAL"]:
                urls.setdefault(place, set()).add(str(source.url))
    counts: dict[str, dict[str, int]] = {}
    for place, found in urls.items():
        row = dict.fromkeys([*CLASSES, "unclassified"], 0)
        for url in found:
            entry = lookup(registry, url)
            row[entry.cls if entry else "unclassified"] += 1
        counts[place] = row
    return counts
