"""The source registry keeps spam, mirrors and unvetted summaries away from survivors, and says exactly what to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.knowledge.sources import REGISTRY_FILE, fact_kinds, line_note, load_registry, lookup
from assistant.knowledge.validation import validate_knowledge
from assistant.settings import PROJECT_ROOT

KNOWLEDGE = PROJECT_ROOT / "knowledge"
GROUP = "telegram"  # a real topic, copied so each test can break it

REGISTRY = """# test registry
domains:
  example.org: {class: official, name: "Example", why: "the service's own site"}
  example.net: {class: secondary, name: "Example summaries", why: "an NGO's summary"}
"""

DOC = """---
id: sample
title: "Sample"
language: en
jurisdictions: [GLOBAL]
topics: [sample]
audience: [survivor]
sources:
  - title: "Official page"
    publisher: "Example"
    url: "https://example.org/page"
    kind: official
    accessed: 2026-11-23
  - title: "Summary"
    publisher: "Example summaries"
    url: "https://example.net/summary"
    kind: secondary
    accessed: 2026-11-23
last_reviewed: 2026-11-23
review_due: 2027-05-23
reviewed_by: "Tester"
---

# Sample

## A section

- You are not to blame.
- Call the helpline on 0345 6000 459.{line_note}
<!-- source: https://example.net/summary -->
"""


def copy_group(tmp_path: Path) -> Path:
    """A knowledge folder holding one real topic and the real registry."""
    root = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE / GROUP, root / GROUP)
    shutil.copy(KNOWLEDGE / REGISTRY_FILE, root / REGISTRY_FILE)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def sample(tmp_path: Path, line_note: str = "") -> Path:
    root = tmp_path / "knowledge"
    (root / "sample").mkdir(parents=True)
    (root / REGISTRY_FILE).write_text(REGISTRY, encoding="utf-8")
    (root / "sample" / "en.md").write_text(DOC.replace("{line_note}", line_note), encoding="utf-8")
    return root


def registry_problems(root: Path) -> list[str]:
    """The validator's problems, less the missing translations of a one-language sample."""
    _, problems = validate_knowledge(root)
    return [str(p) for p in problems if "version" not in p.message]


def test_the_shipped_registry_parses_and_classes_every_cited_domain():
    registry, problems = load_registry(KNOWLEDGE / REGISTRY_FILE)
    assert problems == []
    _, found = validate_knowledge(KNOWLEDGE)
    assert [str(p) for p in found if "is not in sources.yaml" in p.message] == []


def test_a_copied_topic_with_the_registry_is_valid(tmp_path: Path):
    _, problems = validate_knowledge(copy_group(tmp_path))
    assert problems == [], "\n".join(map(str, problems))


def test_a_malformed_registry_names_the_file_line_and_field(tmp_path: Path):
    root = copy_group(tmp_path)
    registry = root / REGISTRY_FILE
    edit(registry, 'rferl.org: {class: press,', 'rferl.org: {class: newsy,')
    edit(registry, 'thehindu.com: {class: press, name: "The Hindu", why: "newspaper"}', 'thehindu.com: {class: press}')
    _, problems = validate_knowledge(root)
    found = {(p.path, p.line, p.field) for p in problems}
    assert (registry, line_of(registry, "rferl.org:"), "domains.rferl.org.class") in found
    assert (registry, line_of(registry, "thehindu.com:"), "domains.thehindu.com.why") in found
    assert any("'newsy' is not one of official, press, secondary, blocked" in p.message for p in problems)


def test_a_registry_that_is_not_yaml_names_its_line(tmp_path: Path):
    root = copy_group(tmp_path)
    registry = root / REGISTRY_FILE
    edit(registry, 'rferl.org: {class: press,', 'rferl.org: {class: [press,')
    _, problems = validate_knowledge(root)
    assert len(problems) == 1 and problems[0].path == registry and problems[0].field == "yaml"
    assert problems[0].line >= line_of(registry, "rferl.org:")


def test_a_blocked_domain_fails_with_the_document_line_and_field(tmp_path: Path):
    root = copy_group(tmp_path)
    edit(root / REGISTRY_FILE, 'rferl.org: {class: press,', 'rferl.org: {class: blocked,')
    _, problems = validate_knowledge(root)
    en = root / GROUP / "en.md"
    blocked = [p for p in problems if p.path == en and "blocked" in p.message]
    assert len(blocked) == 1
    assert blocked[0].line == line_of(en, "rferl.org") and blocked[0].field.endswith("].url")
    assert {p.path.name for p in problems if "blocked" in p.message} == {"en.md", "zh.md", "fr.md"}


def test_an_unclassified_domain_fails(tmp_path: Path):
    root = copy_group(tmp_path)
    registry = root / REGISTRY_FILE
    registry.write_text("\n".join(line for line in registry.read_text(encoding="utf-8").splitlines()
                                  if not line.strip().startswith("rferl.org:")) + "\n", encoding="utf-8")
    _, problems = validate_knowledge(root)
    assert any(p.path.name == "en.md" and "domain rferl.org is not in sources.yaml" in p.message for p in problems)


def test_a_kind_that_disagrees_with_the_registry_fails(tmp_path: Path):
    root = sample(tmp_path)
    edit(root / "sample" / "en.md", "kind: secondary", "kind: press")
    assert any("sources[1].kind" in p and "classes example.net as 'secondary'" in p for p in registry_problems(root))


def test_a_phone_number_resting_only_on_a_secondary_source_fails(tmp_path: Path):
    root = sample(tmp_path)
    problems = registry_problems(root)
    path = root / "sample" / "en.md"
    assert problems == [f"{path}:{line_of(path, '0345 6000 459')}: body: states a phone number but every source it "
                        "cites is secondary or blocked (https://example.net/summary); cite an official or press "
                        "source on this line (<!-- source: URL -->) or in the section's note, or remove it"]


def test_a_line_of_its_own_source_is_checked_against_that_source(tmp_path: Path):
    assert registry_problems(sample(tmp_path / "a", " <!-- source: https://example.org/page -->")) == []
    assert any("states a phone number" in p
               for p in registry_problems(sample(tmp_path / "b", " <!-- source: https://example.net/summary -->")))


def test_a_line_source_must_be_in_the_front_matter(tmp_path: Path):
    root = sample(tmp_path, " <!-- source: https://example.org/other -->")
    path = root / "sample" / "en.md"
    assert f"{path}:{line_of(path, 'example.org/other')}: body: line source https://example.org/other is not a url " \
           "in the front matter's sources" in registry_problems(root)


def test_a_host_matches_its_nearest_parent_entry():
    registry, _ = load_registry(KNOWLEDGE / REGISTRY_FILE)
    assert lookup(registry, "https://www.legislation.gov.uk/ukpga/2003/42").domain == "legislation.gov.uk"
    assert lookup(registry, "https://youth.devon-cornwall.police.uk/x").domain == "police.uk"
    assert lookup(registry, "https://never-cited.example/") is None


def test_hard_facts_are_recognised_in_three_languages():
    assert fact_kinds("- Call 0345 6000 459, 24 hours a day.") == ["phone number", "deadline"]
    assert fact_kinds("- 拨打 110 报警。") == ["phone number"]
    assert "law article" in fact_kinds("- L'article 226-2-1 du Code pénal punit ce fait de 2 ans.")
    assert "penalty" in fact_kinds("- 处五日以上十日以下拘留，可以并处 500 元以下罚款。")
    assert fact_kinds("- You are not to blame; updated 2025-05-19, see https://example.org/2024/1385.") == []
    assert line_note("- Call 110. <!-- source: https://a.example/ https://b.example/ -->") == [
        "https://a.example/", "https://b.example/"]
    assert line_note("<!-- source: https://a.example/ -->") == []
