"""The edges a person hits in the page, in a real browser: Escape that means something else, and where a new answer
lands on the screen.

Same set-up as test_browser.py (Debian's chromium, headless, resolving nothing but 127.0.0.1; the real app served
from this process), over a small copy of three real topics so it does not wait for the whole knowledge base.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.conftest import copy_groups, free_port, make_settings
from tests.test_browser import Visit, browser  # noqa: F401  (a fixture; the module skips without chromium)
from ui.i18n import EXIT_URLS

EXIT = EXIT_URLS["en"]
QUESTIONS = ("Someone posted my photos in a Telegram group. What do I do?", "How do I report a Telegram channel?")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    from assistant.service import Recourse
    from ui.app import build_app, launch

    tmp = tmp_path_factory.mktemp("browser-edges")
    knowledge = copy_groups(tmp / "knowledge", ("telegram", "first-hour", "crisis-lines"))
    service = Recourse(make_settings(tmp, knowledge), notify=lambda _: None)
    service.build()
    app = build_app(service)
    port = free_port()
    launch(app, service.settings, host="127.0.0.1", port=port, block=False, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture
def visit(browser: Browser, app_url: str):  # noqa: F811  (the imported fixture)
    opened: list[Visit] = []

    def open_visit(**options) -> Visit:
        opened.append(Visit(browser, app_url, "en", elsewhere={EXIT: "Weather"}, **options))
        return opened[-1]

    yield open_visit
    for v in opened:
        assert v.errors == [], v.errors
        v.context.close()


def still_here(v: Visit) -> bool:
    """Escape did not leave: give a wrong exit time to happen, then look."""
    v.page.wait_for_timeout(400)
    return v.page.url == v.url and v.page.locator("#rc-input textarea").count() == 1


def escape_leaves(v: Visit) -> None:
    v.page.keyboard.press("Escape")
    v.page.wait_for_url(EXIT)
    assert v.page.title() == "Weather"


# -- Escape -----------------------------------------------------------------------------------------------------
def test_escape_closes_the_open_place_dropdown_and_only_the_next_one_leaves(visit):
    v = visit()
    page = v.page
    combobox = page.locator("#rc-place input")
    combobox.click()
    page.locator("#rc-place [role=listbox], [role=listbox] [role=option]").first.wait_for()
    assert combobox.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert still_here(v)
    assert combobox.get_attribute("aria-expanded") == "false"  # Gradio closed it: Escape did what the person meant
    escape_leaves(v)


def test_escape_while_a_select_shows_its_options_closes_them_and_the_next_one_leaves(visit):
    """The page has no native <select> today; one added later must behave the same (Chromium's popup takes the
    Escape's keydown itself, other browsers let the page see it)."""
    v = visit()
    page = v.page
    page.evaluate("""() => { const s = document.createElement('select'); s.id = 'rc-test-select';
        s.innerHTML = '<option>one</option><option>two</option>'; document.querySelector('#rc-compose').append(s); }""")
    page.click("#rc-test-select")
    page.keyboard.press("Escape")
    assert still_here(v)
    # Firefox's order of events: the open select's Escape reaches the page as keydown, then keyup.
    page.evaluate("""() => { const s = document.getElementById('rc-test-select');
        s.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));
        s.dispatchEvent(new KeyboardEvent('keydown', {bubbles: true, cancelable: true, key: 'Escape'}));
        s.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'Escape'})); }""")
    assert still_here(v)
    escape_leaves(v)


def test_escape_that_cancels_an_input_method_composition_does_not_leave(visit):
    """A real composition (Chromium's IME interface, as pinyin typing makes one), then the events other browsers
    send: keydown with isComposing, and keyCode 229 just after compositionend (Safari)."""
    v = visit()
    page = v.page
    box = page.locator("#rc-input textarea")
    box.click()
    ime = page.context.new_cdp_session(page)
    ime.send("Input.imeSetComposition", {"text": "wo de zhao", "selectionStart": 10, "selectionEnd": 10})
    page.keyboard.press("Escape")
    assert still_here(v)
    ime.send("Input.insertText", {"text": "我的照片"})  # the composition is committed
    assert box.input_value() == "我的照片"

    for init in ("{key: 'Escape', isComposing: true}", "{key: 'Escape', keyCode: 229}"):
        page.evaluate(f"""() => {{ const box = document.querySelector('#rc-input textarea');
            box.dispatchEvent(new CompositionEvent('compositionstart', {{bubbles: true, data: ''}}));
            box.dispatchEvent(new KeyboardEvent('keydown', {{bubbles: true, cancelable: true, ...{init}}}));
            box.dispatchEvent(new CompositionEvent('compositionend', {{bubbles: true, data: ''}}));
            box.dispatchEvent(new KeyboardEvent('keydown', {{bubbles: true, cancelable: true, ...{init}}})); }}""")
        assert still_here(v), init
    escape_leaves(v)  # with nothing open and nothing composing, Escape is Quick exit again


# -- a new answer comes into view -------------------------------------------------------------------------------
@pytest.mark.parametrize("width, height", [(1280, 800), (375, 812)], ids=["desktop", "phone"])
def test_a_new_answer_is_scrolled_to_its_start(visit, width, height):
    """The turn's start (the question, then the answer's first line) sits just under the sticky header, for the
    first answer and for a later one, once the answer has streamed in."""
    v = visit(width=width, height=height)
    page = v.page
    for question in QUESTIONS:
        v.ask(question)
        page.wait_for_function("""() => {
            const turn = [...document.querySelectorAll('.rc-turn')].pop().getBoundingClientRect();
            const header = document.getElementById('rc-header').getBoundingClientRect();
            return turn.top >= header.bottom - 1 && turn.top <= header.bottom + 24; }""", timeout=5000)
        top = page.evaluate("[...document.querySelectorAll('.rc-turn')].pop().querySelector('.rc-bot')"
                            ".getBoundingClientRect().top")
        assert top < height / 2  # the answer starts on the upper half of the screen
