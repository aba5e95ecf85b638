"""A maintainer's mistakes are reported with file, line and field, all at once, and never reach the index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.knowledge.documents import parse_document
from assistant.knowledge.validation import body_numbers, validate_knowledge
from assistant.settings import PROJECT_ROOT
from tests.conftest import copy_groups

GOOD = """---
id: sample
title: "Sample"
language: en
jurisdictions: [GLOBAL]
topics: [sample]
audience: [survivor]
sources:
  - title: "A page"
    publisher: "A publisher"
    url: "https://example.org/page"
    kind: official
    accessed: 2026-11-23
last_reviewed: 2026-11-23
review_due: 2027-05-23
reviewed_by: "Tester"
---

# Sample

## A section

- Call 0345 6000 459 within 48 hours, see https://example.org/page.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_document_parses():
    doc, problems = parse_document(Path("sample/en.md"), GOOD)
    assert problems == []
    assert doc.meta.id == "sample" and doc.meta.group == "sample"
    assert doc.body.lstrip().startswith("# Sample")


def test_every_problem_in_a_file_is_named_with_its_line_and_field():
    broken = (GOOD.replace("language: en", "language: de")
              .replace('url: "https://example.org/page"', 'url: "not a url"')
              .replace("kind: official", "kind: blog"))
    _, problems = parse_document(Path("sample/en.md"), broken)
    found = {(p.line, p.field) for p in problems}
    assert (4, "language") in found
    assert (11, "sources[0].url") in found
    assert (12, "sources[0].kind") in found
    assert all(str(p).startswith("sample/en.md:") for p in problems)


def test_missing_field_and_bad_dates_are_reported():
    broken = GOOD.replace('reviewed_by: "Tester"\n', "").replace("review_due: 2027-05-23", "review_due: 2020-01-01")
    _, problems = parse_document(Path("x.md"), broken)
    fields = {p.field for p in problems}
    assert "reviewed_by" in fields


def test_yaml_syntax_error_names_the_line():
    broken = GOOD.replace("topics: [sample]", "topics: [sample")
    _, problems = parse_document(Path("x.md"), broken)
    assert len(problems) == 1 and problems[0].field == "front matter" and problems[0].line >= 6


def test_no_front_matter_or_no_section():
    assert parse_document(Path("x.md"), "# Just a title\n")[1][0].field == "front matter"
    _, problems = parse_document(Path("x.md"), GOOD.replace("## A section", "A section"))
    assert [p.field for p in problems] == ["body"]


def test_translations_must_carry_the_originals_numbers_and_urls(tmp_path: Path):
    write(tmp_path / "sample", "en.md", GOOD)
    zh = (GOOD.replace("id: sample", "id: sample-zh").replace("language: en", "language: zh\ntranslation_of: sample")
          .replace("- Call 0345 6000 459 within 48 hours", "- 请在 24 小时内拨打 0345 6000 459"))
    write(tmp_path / "sample", "zh.md", zh)
    _, problems = validate_knowledge(tmp_path)
    messages = [str(p) for p in problems]
    assert any("'24' is not in the original" in m and "zh.md" in m and "en.md" in m for m in messages)
    assert any("'48' from the original" in m for m in messages)
    assert any("has no fr version" in m for m in messages)


def test_urls_must_be_on_a_source_site_and_links_must_resolve(tmp_path: Path):
    text = GOOD.replace("see https://example.org/page.", "see https://elsewhere.net/x and [more](../nope/en.md).")
    write(tmp_path / "sample", "en.md", text)
    _, problems = validate_knowledge(tmp_path)
    messages = " ".join(str(p) for p in problems)
    assert "https://elsewhere.net/x is not on the site" in messages
    assert "'../nope/en.md' does not exist" in messages


def test_numbers_are_compared_without_separators():
    assert body_numbers("60 000 € or 60,000, call 0345 6000 459, art. 226-2-1, 2025-05-19") == {
        "60000", "03456000459", "226", "2", "1", "2025", "05", "19"}


def test_the_shipped_knowledge_base_is_valid():
    from assistant.settings import PROJECT_ROOT

    docs, problems = validate_knowledge(PROJECT_ROOT / "knowledge")
    assert problems == [], "\n".join(map(str, problems))
    assert len({d.meta.group for d in docs}) >= 3


def test_kb_new_scaffolds_three_languages_that_validate(tmp_path: Path):
    from datetime import date, timedelta

    from assistant.knowledge.scaffold import scaffold_topic

    paths = scaffold_topic(tmp_path, "dating-app-safety", date(2026, 11, 23), timedelta(days=183))
    assert [p.name for p in paths] == ["en.md", "zh.md", "fr.md"]
    docs, problems = validate_knowledge(tmp_path)
    assert problems == [] and {d.meta.id for d in docs} == {
        "dating-app-safety", "dating-app-safety-zh", "dating-app-safety-fr"}


def test_kb_stale_lists_documents_past_their_review_date(tmp_path: Path):
    from datetime import date

    from assistant.knowledge.validation import stale_documents

    write(tmp_path / "sample", "en.md", GOOD.replace("review_due: 2027-05-23", "review_due: 2026-12-01"))
    docs, _ = validate_knowledge(tmp_path)
    assert [d.meta.id for d in stale_documents(docs, date(2026, 12, 2))] == ["sample"]
    assert stale_documents(docs, date(2026, 11, 30)) == []


def test_one_list_of_languages_and_places():
    from typing import get_args

    from assistant import vocabulary
    from assistant.knowledge.documents import Jurisdiction, Language

    assert get_args(Language) == vocabulary.LANGUAGES and get_args(Jurisdiction) == vocabulary.JURISDICTIONS
    assert vocabulary.PLACES == tuple(j for j in vocabulary.JURISDICTIONS if j != "GLOBAL")


def test_a_card_section_without_its_role_or_with_a_wrong_one_is_named(tmp_path):
    from assistant.knowledge.validation import validate_knowledge

    root = copy_groups(tmp_path / "knowledge", ("first-hour",))
    card = (PROJECT_ROOT / "knowledge" / "cards" / "sextortion-pay")
    for lang in ("en", "zh", "fr"):
        text = (card / f"{lang}.md").read_text(encoding="utf-8")
        if lang == "en":
            text = text.replace("<!-- card: steps -->", "<!-- card: stepz -->", 1)
            text = text.replace("<!-- card: local place=US -->", "<!-- card: local place=Mars -->", 1)
        (root / "sextortion-pay").mkdir(exist_ok=True)
        (root / "sextortion-pay" / f"{lang}.md").write_text(text, encoding="utf-8")
    _, problems = validate_knowledge(root)
    messages = [f"{p.path.name}:{p.field}: {p.message}" for p in problems]
    assert any("en.md:body: card role: the role must be one of" in m for m in messages), messages
    assert any("place must be one of" in m for m in messages), messages
    assert any("needs a 'steps' section without qualifiers" in m for m in messages), messages


def copy_card(root: Path, card: str, edits: dict[str, Callable[[str], str]]) -> Path:
    """A copy of one card's three files under `root`, each language's text passed through its edit if it has one."""
    (root / card).mkdir(exist_ok=True)
    for lang in ("en", "zh", "fr"):
        text = (PROJECT_ROOT / "knowledge" / "cards" / card / f"{lang}.md").read_text(encoding="utf-8")
        (root / card / f"{lang}.md").write_text(edits.get(lang, str)(text), encoding="utf-8")
    return root / card


def test_a_cards_particular_answer_must_name_one_of_its_answer_sections(tmp_path):
    """`answers:` maps an answer section's heading to the messages that ask its question: a heading that is not one
    (renamed, mistyped) is named with the file, the front matter line and the field; too few examples too."""
    from assistant.knowledge.validation import validate_knowledge

    def two_messages(text: str) -> str:  # the French answer's messages cut to two
        head, rest = text.split('  "Personne ne reçoit votre image":\n', 1)
        asked = rest.split("\n---\n", 1)
        kept = [line for line in asked[0].splitlines() if line.startswith("    - ")][:2]
        return head + '  "Personne ne reçoit votre image":\n' + "\n".join(kept) + "\n---\n" + asked[1]

    root = copy_groups(tmp_path / "knowledge", ("first-hour",))
    copy_card(root, "stop-reupload", {
        "en": lambda text: text.replace('  "Nobody receives your image":', '  "Nobody receives the image":', 1),
        "fr": two_messages})
    _, problems = validate_knowledge(root)
    renamed = [p for p in problems if p.path.name == "en.md" and p.field == "answers"]
    assert renamed and "'Nobody receives the image' is not the heading" in renamed[0].message, problems
    line = (root / "stop-reupload" / "en.md").read_text(encoding="utf-8").splitlines()[renamed[0].line - 1]
    assert "Nobody receives the image" in line
    assert any(p.path.name == "fr.md" and "at least 5 example messages" in p.message for p in problems), problems


def test_a_heading_written_twice_in_a_document_is_named(tmp_path):
    """A card's answer copied for another place under the same heading was one section to the index (same heading,
    same text: one id), so the copy silently vanished. The validator names the second heading's line."""
    from assistant.knowledge.validation import validate_knowledge

    def copied(text: str) -> str:  # the minor's answer again under its heading, for any minor
        start = text.index("## If you are under 18\n")
        end = text.index("\n## ", start + 5)
        section = text[start:end].rstrip("\n")
        return text[:end] + "\n\n" + section.replace("age=minor audience=survivor", "age=minor") + text[end:]

    root = copy_groups(tmp_path / "knowledge", ("first-hour",))
    copy_card(root, "ex-threatens", {"en": copied})
    _, problems = validate_knowledge(root)
    twice = [p for p in problems if "is used twice" in p.message]
    assert len(twice) == 1 and twice[0].path.name == "en.md", problems
    lines = (root / "ex-threatens" / "en.md").read_text(encoding="utf-8").splitlines()
    assert lines[twice[0].line - 1] == "## If you are under 18"
    assert lines.index("## If you are under 18") < twice[0].line - 1  # the second one is named


def test_a_line_for_one_place_that_reads_as_another_is_named(tmp_path):
    """Australia's 'Online Safety Act 2021' once read as the UK's Online Safety Act, and '法国内政部' as China (国内):
    those lines were silently kept from the people they were written for. The validator names the line."""
    from assistant.knowledge.validation import validate_knowledge

    def chinese_number_in_france(text: str) -> str:
        start = text.index("<!-- card: local place=FR -->")
        return text[:start] + text[start:].replace("\n- ", "\n- If you are in danger, call 110 (China) or ", 1)

    root = copy_groups(tmp_path / "knowledge", ("first-hour",))
    copy_card(root, "sextortion-pay", {"en": chinese_number_in_france})
    _, problems = validate_knowledge(root)
    wrong = [p for p in problems if "this line is for FR, but it reads as CN" in p.message]
    assert len(wrong) == 1 and wrong[0].path.name == "en.md", problems
    line = (root / "sextortion-pay" / "en.md").read_text(encoding="utf-8").splitlines()[wrong[0].line - 1]
    assert "call 110 (China)" in line


def test_kb_validate_names_what_the_code_relies_on_when_it_is_missing(tmp_path):
    import re
    import shutil

    root = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", root)
    crisis = root / "crisis-lines" / "fr.md"
    text = crisis.read_text(encoding="utf-8")
    # Drop the sections about Australia from the French crisis page.
    text = re.sub(r"\n## Australie[^\n]*\n.*?(?=\n## )", "\n", text, flags=re.S)
    crisis.write_text(text, encoding="utf-8")
    _, problems = validate_knowledge(root)
    assert any(p.path == crisis and "no section for AU" in p.message for p in problems), [str(p) for p in problems][:5]


def test_a_line_for_under_18s_about_saving_the_images_must_say_whom_it_is_for(tmp_path):
    """With the age unknown, an answer shows the lines for each age beside the general steps: "photograph the screen
    with another phone" and a bare "do not save or screenshot the images" stood in one list, for a survivor in Lyon.
    The validator names a line for under-18s about saving the images that does not say it is for someone under 18."""
    root = tmp_path / "knowledge"
    card = PROJECT_ROOT / "knowledge" / "cards" / "leaked-in-group"
    (root / "leaked-in-group").mkdir(parents=True)
    for lang in ("en", "zh", "fr"):
        text = (card / f"{lang}.md").read_text(encoding="utf-8")
        if lang == "en":
            assert "- If the images show someone under 18, do not save or screenshot them;" in text
            text = text.replace("- If the images show someone under 18, do not save or screenshot them;",
                                "- Do not save or screenshot them;")
        (root / "leaked-in-group" / f"{lang}.md").write_text(text, encoding="utf-8")
    _, problems = validate_knowledge(root)
    named = [p for p in problems if "does not say it is for someone under 18" in p.message]
    assert len(named) == 1 and named[0].path.name == "en.md", problems
    line = (root / "leaked-in-group" / "en.md").read_text(encoding="utf-8").splitlines()[named[0].line - 1]
    assert line.startswith("- Do not save or screenshot them;")


def test_a_platform_variant_names_a_known_app_and_follows_the_section_it_varies(tmp_path):
    """A `platform=` section replaces the plain section just above it for a message that names one of its apps: an
    app no platforms file knows, or a variant under a section of another role or age, would never be shown (or
    replace the wrong lines), so the validator names the file and line."""
    from assistant.knowledge.validation import validate_knowledge

    root = copy_groups(tmp_path / "knowledge", ("first-hour",))
    card = copy_card(root, "leaked-in-group", {"en": lambda text: text.replace(
        "<!-- card: local age=adult platform=whatsapp -->",
        "<!-- card: local age=adult platform=whatsap -->", 1).replace(
        "<!-- card: local age=adult platform=facebook-instagram,", "<!-- card: local age=minor platform=facebook-instagram,", 1)})
    _, problems = validate_knowledge(root)
    named = [p for p in problems if p.path == card / "en.md"]
    assert any("'whatsap' is not a platform" in p.message for p in named), problems
    varies = [p for p in named if "varies the section just above it" in p.message]
    assert varies, problems
    line = (card / "en.md").read_text(encoding="utf-8").splitlines()[varies[0].line - 1]
    assert "platform=facebook-instagram" in line
