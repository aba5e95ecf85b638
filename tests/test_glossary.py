"""One name per organisation in each language: a translation that drifts to another name fails `kb validate`."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.knowledge.glossary import GLOSSARY_FILE, GlossaryEntry, load_glossary, misnamed_mentions, parse_glossary
from assistant.knowledge.validation import validate_knowledge
from tests.conftest import KNOWLEDGE, copy_groups

RPH = GlossaryEntry(
    key="revenge-porn-helpline",
    accepted={"en": ("Revenge Porn Helpline",),
              "zh": ("复仇色情求助热线（Revenge Porn Helpline）", "复仇色情求助热线"),
              "fr": ("Revenge Porn Helpline",)},
    wrong=("报复色情求助热线",),
    line=1,
)


def kb_with_glossary(tmp_path: Path, groups: tuple[str, ...] = ("uk-help", "sextortion")) -> Path:
    root = copy_groups(tmp_path / "knowledge", groups)
    shutil.copy(KNOWLEDGE / GLOSSARY_FILE, root / GLOSSARY_FILE)
    return root


def test_the_accepted_forms_pass_even_when_they_hold_the_english_name():
    assert misnamed_mentions("- 复仇色情求助热线（Revenge Porn Helpline）为成年人提供支持。", RPH, "zh") == []
    assert misnamed_mentions("- 请拨打复仇色情求助热线：0345 6000 459。", RPH, "zh") == []
    assert misnamed_mentions("- Appelez la Revenge Porn Helpline au 0345 6000 459.", RPH, "fr") == []


def test_another_name_or_a_bare_english_name_is_named():
    assert misnamed_mentions("- 报复色情求助热线为成年人提供支持。", RPH, "zh") == ["报复色情求助热线"]
    assert misnamed_mentions("- 英国：Revenge Porn Helpline 为成年人提供支持。", RPH, "zh") == ["Revenge Porn Helpline"]
    assert misnamed_mentions("- Le 复仇色情求助热线 aide les adultes.", RPH, "fr") == ["复仇色情求助热线"]


def test_urls_and_source_notes_are_not_names():
    line = "- 常见问题：https://example.org/Revenge Porn Helpline <!-- source: 报复色情求助热线 -->"
    assert misnamed_mentions(line, RPH, "zh") == []


def test_the_real_glossary_parses_and_lists_the_names_translators_need():
    entries, problems = load_glossary(KNOWLEDGE)
    assert problems == []
    keys = {e.key for e in entries}
    assert {"revenge-porn-helpline", "stopncii", "take-it-down", "esafety-commissioner", "pharos", "ncmec", "ccri",
            "3018", "e-enfance", "childline", "report-remove"} <= keys
    rph = next(e for e in entries if e.key == "revenge-porn-helpline")
    assert rph.accepted["zh"][0].startswith("复仇色情求助热线")


def test_validate_passes_on_a_copy_and_names_file_line_and_field_after_a_bad_edit(tmp_path: Path):
    root = kb_with_glossary(tmp_path)
    assert validate_knowledge(root)[1] == []

    zh = root / "uk-help" / "zh.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("- 请拨打复仇色情求助热线：", "- 请拨打报复色情求助热线：", 1), encoding="utf-8")
    bad_line = next(n for n, line in enumerate(zh.read_text(encoding="utf-8").splitlines(), 1)
                    if "报复色情求助热线" in line)

    problems = validate_knowledge(root)[1]
    assert [(p.path, p.line, p.field) for p in problems] == [(zh, bad_line, "body")]
    assert "复仇色情求助热线" in problems[0].message and "revenge-porn-helpline" in problems[0].message


def test_a_french_file_that_translates_a_brand_name_is_caught(tmp_path: Path):
    root = kb_with_glossary(tmp_path)
    fr = root / "sextortion" / "fr.md"
    fr.write_text(fr.read_text(encoding="utf-8") + "\n## Encore\n\n- Contactez ChildLine.\n", encoding="utf-8")
    problems = [p for p in validate_knowledge(root)[1] if p.path == fr and "childline" in p.message]
    assert len(problems) == 1 and "'Childline'" in problems[0].message


def test_a_malformed_entry_is_reported_with_its_line(tmp_path: Path):
    path = tmp_path / GLOSSARY_FILE
    text = "entries:\n  good:\n    en: [A]\n    zh: [甲]\n    fr: [A]\n  broken:\n    en: [B]\n    zh: []\n    colour: red\n"
    entries, problems = parse_glossary(path, text)
    assert [e.key for e in entries] == ["good"]
    assert {(p.line, p.field) for p in problems} == {(6, "broken"), (6, "broken.zh"), (6, "broken.fr")}


def test_without_a_glossary_there_is_nothing_to_check(tmp_path: Path):
    root = copy_groups(tmp_path / "knowledge", ("uk-help",))
    assert load_glossary(root) == ([], [])
    assert validate_knowledge(root)[1] == []
