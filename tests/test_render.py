"""The UI's pure parts: escaping, markers, source cards, the crisis banner, streaming steps and interface strings."""

from __future__ import annotations

import re

from assistant.answer.types import Block, Citation, Line
from assistant.service import AskResult
from assistant.settings import PROJECT_ROOT
from ui.conversation import Conversation, finish, stream_blocks
from ui.i18n import EXIT_URLS, LANGUAGES, STRINGS, format_date, pick_language
from ui.render import blocks, inline, render_conversation, render_crisis_banner, source_cards

CITATION = Citation(n=1, doc_id="telegram", title="Telegram <b>guide</b>", section="Report it", url="https://example.org/a",
                    text="- Tap **Report** <img src=x onerror=alert(1)>", publisher="Example & Co",
                    last_reviewed="2026-11-23")


def result(answer: str, route: str = "answer", citations=(CITATION,), blocks=None) -> AskResult:
    return AskResult(route=route, language="en", jurisdiction=None, answer=answer, citations=list(citations),
                     blocks=blocks if blocks is not None else [Block("passage", (Line(answer),))])


def test_typed_html_is_escaped_everywhere():
    conv = Conversation()
    turn = conv.start('<script>alert(1)</script><img src=x onerror="alert(2)">')
    finish(conv, turn, result("- <b>not bold</b> [1]"))
    html = render_conversation(conv, "en")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


def test_a_marker_links_only_to_a_cited_passage():
    cited = {1: CITATION.to_dict()}
    html = inline("Keep evidence [1] and more [2]", turn_id=3, cited=cited)
    assert 'href="#rc-s3-1"' in html and 'data-source="rc-s3-1"' in html
    assert "rc-s3-2" not in html and "[2]" in html


def test_only_http_links_are_made_and_they_open_safely():
    html = inline('See https://example.org/page. Or javascript:alert(1) or https://x.org/"onmouseover=alert(1)')
    assert html.count("<a ") == 2
    assert 'href="https://example.org/page"' in html  # the full stop is not part of the address
    assert "javascript:alert" not in re.findall(r'href="([^"]*)"', html)[0]
    assert 'onmouseover=alert(1)"' not in html.split(">", 2)[0]
    assert all('target="_blank" rel="noopener noreferrer"' in a for a in re.findall(r"<a [^>]*>", html))


def test_bold_and_italics_are_the_only_markup_honoured():
    html = blocks("**Section**\n- one **two** [1]\n\n_place note_")
    assert '<p class="rc-section"><strong>Section</strong></p>' in html
    assert "<li>one <strong>two</strong> [1]</li>" in html and "<em>place note</em>" in html


def test_a_source_card_shows_title_section_publisher_date_link_and_passage():
    conv = Conversation()
    turn = conv.start("q")
    finish(conv, turn, result("- Tap Report [1]"))
    html = source_cards(turn, "fr")
    assert "Telegram &lt;b&gt;guide&lt;/b&gt;" in html and "Report it" in html and "Example &amp; Co" in html
    assert "23 novembre 2026" in html
    assert '<a class="rc-open" href="https://example.org/a" target="_blank" rel="noopener noreferrer">' in html
    assert "<details>" in html and "&lt;img src=x" in html and "<strong>Report</strong>" in html


def test_the_crisis_banner_repeats_the_answers_contact_lines_by_place_and_stays():
    lines = [Citation(n=1, doc_id="crisis-lines", title="Crisis lines", section="You matter", url="https://a.org",
                      text="", publisher="A", last_reviewed=""),
             Citation(n=2, doc_id="crisis-lines", title="Crisis lines", section="Somewhere: call now",
                      url="https://b.org", text="", publisher="B", last_reviewed="")]
    typed = [Block("lead", (Line("Lead."),)), Block("crisis", (Line("You matter.", 1),), "You matter"),
             Block("crisis", (Line("****: heading", 2), Line("**123**: call us.", 2)), "Somewhere")]
    conv = Conversation()
    assert render_crisis_banner(conv, "en") == ""
    first = conv.start("I want to end my life")
    finish(conv, first, result("any wording at all", route="crisis", citations=lines, blocks=typed))
    later = conv.start("How do I report?")
    finish(conv, later, result("- Tap Report [1]"))
    banner = render_crisis_banner(conv, "en")
    assert conv.crisis_turn == first.id
    assert "<h3>Somewhere: call now</h3>" in banner and "<strong>123</strong>: call us." in banner
    assert "<li>You matter." not in banner  # only the lines with a number, when there are any
    assert f'href="#rc-s{first.id}-2"' in banner and 'role="alert"' in banner


def test_the_answer_streams_in_whole_lines():
    typed = [Block("lead", (Line("Lead"),)).to_dict(),
             Block("passage", tuple(Line(c, 1) for c in "abcdefgh"), "S").to_dict()]
    steps = stream_blocks(typed, steps=4)
    assert steps[-1] == typed and 2 <= len(steps) <= 6
    sizes = [sum(len(b["lines"]) for b in step) for step in steps]
    assert sizes == sorted(sizes) and sizes[-1] == 9
    assert all(step[-1]["lines"] == typed[len(step) - 1]["lines"][:len(step[-1]["lines"])] for step in steps)
    assert stream_blocks(typed[:1]) == [typed[:1]]


def test_every_interface_string_exists_in_all_three_languages():
    missing = [(key, lang) for key, table in STRINGS.items() for lang in LANGUAGES if not table.get(lang)]
    assert missing == []
    chinese = [key for key, table in STRINGS.items() if key != "recourse" and not re.search(r"[\u4e00-\u9fff]", table["zh"])]
    assert chinese == []


def test_the_interface_language_follows_the_browser():
    assert pick_language("zh-CN,en;q=0.8") == "zh"
    assert pick_language(["de-DE", "fr-CA", "en"]) == "fr"
    assert pick_language("de-DE") == "en" and pick_language(None) == "en"
    assert format_date("2026-11-23", "zh") == "2026年11月23日" and format_date("2026-03-01", "fr") == "1er mars 2026"
    assert format_date("soon", "en") == "soon"


def test_no_address_or_number_is_written_into_the_ui_except_where_quick_exit_goes():
    allowed = set(EXIT_URLS.values())
    found = []
    for path in sorted((PROJECT_ROOT / "ui").rglob("*")):
        if path.suffix in (".py", ".js", ".css"):
            for url in re.findall(r"https?://[^\s\"'<>)]+", path.read_text(encoding="utf-8")):
                if url not in allowed and "{" not in url:  # {host}: the address the app itself is served on
                    found.append(f"{path.name}: {url}")
    assert found == []
    text = " ".join(value for table in STRINGS.values() for value in table.values())
    assert not re.search(r"\d{3,}", text.replace("2026", ""))  # no phone numbers in the interface's own words
