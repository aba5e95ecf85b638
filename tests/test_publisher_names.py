"""Publishers' names in the interface's language, where the source registry gives an official or widely used one
(issue 15): the registry checks them, the answer carries them, the page shows the interface's one."""

from __future__ import annotations

from pathlib import Path

from assistant.knowledge.sources import load_registry, publisher_names
from assistant.settings import PROJECT_ROOT
from ui.conversation import Conversation
from ui.render import render_conversation

SEXTORTION_US = "有人威胁我，不给钱就公开我的裸照，我在美国，怎么办？"


def registry_with(tmp_path: Path, names: str):
    path = tmp_path / "sources.yaml"
    path.write_text('domains:\n  example.org: {class: official, name: "Example Bureau", why: "its own site"'
                    f"{names}}}\n", encoding="utf-8")
    return load_registry(path)


def test_the_registry_gives_names_per_language_and_a_sub_site_shares_them(tmp_path: Path):
    registry, problems = registry_with(tmp_path, ', names: {zh: "示例局", fr: "Bureau d\'exemple"}')
    assert problems == []
    assert publisher_names(registry, "https://help.example.org/page") == {"zh": "示例局", "fr": "Bureau d'exemple"}
    assert publisher_names(registry, "https://other.example/page") == {}


def test_a_wrong_name_entry_is_reported_with_its_line_and_field(tmp_path: Path):
    _, problems = registry_with(tmp_path, ', names: {zh: "Example Bureau", de: "Beispielamt", fr: ""}')
    fields = {p.field for p in problems}
    assert fields == {"domains.example.org.names.zh", "domains.example.org.names.de", "domains.example.org.names.fr"}
    assert all(p.line == 2 for p in problems)
    _, problems = registry_with(tmp_path, ', names: "示例局"')
    assert [p.field for p in problems] == ["domains.example.org.names"]


def test_the_shipped_registry_keeps_the_original_where_there_is_no_official_name():
    registry, problems = load_registry(PROJECT_ROOT / "knowledge" / "sources.yaml")
    assert problems == []
    assert publisher_names(registry, "https://www.fbi.gov/x")["zh"] == "美国联邦调查局"
    assert "zh" not in publisher_names(registry, "https://revengepornhelpline.org.uk/x")  # no official Chinese name


def test_an_answer_carries_the_names_and_the_zh_page_shows_the_chinese_one(full_service):
    result = full_service.ask(SEXTORTION_US, "US", language_hint="zh")
    fbi = [c for c in result.citations if "fbi.gov" in c.url]
    assert fbi and fbi[0].publishers.get("zh") == "美国联邦调查局" and "FBI" in fbi[0].publisher
    assert result.to_dict()["citations"][0].keys() >= {"publisher", "publishers"}
    conversation = Conversation()
    turn = conversation.start(SEXTORTION_US)
    turn.citations = [c.to_dict() for c in result.citations]
    turn.language, turn.done = result.language, True
    assert "美国联邦调查局" in render_conversation(conversation, "zh")
    english = render_conversation(conversation, "en")
    assert "美国联邦调查局" not in english and fbi[0].publisher.replace("&", "&amp;") in english
