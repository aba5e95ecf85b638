"""Recourse in a real browser: Playwright driving Debian's chromium against the real app and a real index.

The app runs in this process (Gradio's server thread) on 127.0.0.1 and a free port, over the whole knowledge base
indexed once per session by the `full_service` fixture of conftest.py (the default embedding model, as served). Chromium
runs headless and can resolve nothing but 127.0.0.1, and every request a page makes is recorded: a page that tried
to fetch a font, script or image from elsewhere fails the test even though the request could not succeed.

Without /usr/bin/chromium these tests are skipped on a developer's machine (`make test` installs it) and fail in CI.
Never `playwright install` (it downloads a browser), and never wait for "networkidle" (Gradio keeps a connection
open): every wait is for an element.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.service import Recourse
from tests.conftest import free_port
from ui.i18n import EXIT_URLS, STARTER_KEYS, t

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--disable-gpu", "--no-first-run",
                 "--disable-component-update", "--disable-sync"]
LOCALES = {"en": "en-US", "zh": "zh-CN", "fr": "fr-FR"}
ANSWER_TIMEOUT = 30_000  # ms; an answer takes well under a second, the first one loads the index
ASK_FIELDS = {"id", "route", "language", "jurisdiction", "answer", "citations", "timing_ms", "blocks", "needs_place",
              "needs_age", "card", "composer"}

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        pytest.fail("CI must run the browser tests: /usr/bin/chromium is missing (make test installs it)",
                    pytrace=False)
    pytest.skip("/usr/bin/chromium is missing; `make test` installs it (apt-get install chromium)",
                allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright


# -- the app and the browser -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def served(full_service: Recourse):
    """(app, url): the real app, served from this process as `recourse serve` serves it."""
    from ui.app import build_app, launch

    port = free_port()
    app = build_app(full_service)
    launch(app, full_service.settings, host="127.0.0.1", port=port, block=False, quiet=True)
    yield app, f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture(scope="module")
def app_url(served) -> str:
    return served[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One person's visit: a fresh browser context (its own Gradio session), with every request recorded."""

    def __init__(self, browser: Browser, url: str, language: str = "en", width: int = 1280, height: int = 800,
                 elsewhere: dict[str, str] | None = None, first: str | None = None, scheme: str = "light"):
        """`elsewhere` serves pages of other sites (url: title) in the test; `first` is visited before the app."""
        self.url = url
        self.context = browser.new_context(locale=LOCALES[language], viewport={"width": width, "height": height},
                                           color_scheme=scheme)
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.elsewhere = tuple(elsewhere or ())
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        for site, title in (elsewhere or {}).items():
            self.page.route(site + "**", _serve_page(title))
        if first:
            self.page.goto(first)
        self.page.goto(url)
        self.page.wait_for_selector(f'.rc-header[data-ui-lang="{language}"][data-ready]')
        self.page.wait_for_selector("#rc-conversation .rc-log")

    def ask(self, text: str) -> None:
        done = self.page.locator(".rc-turn[data-state=done]").count()
        self.page.fill("#rc-input textarea", text)
        self.page.click("#rc-send")
        self.wait_for_answers(done + 1)

    def wait_for_answers(self, count: int) -> None:
        self.page.locator(".rc-turn[data-state=done]").nth(count - 1).wait_for(timeout=ANSWER_TIMEOUT)

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith((self.url, "data:", "blob:", *self.elsewhere))]


def _serve_page(title: str):
    body = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
    return lambda route: route.fulfill(status=200, content_type="text/html", body=body)


@pytest.fixture
def visit(browser: Browser, app_url: str) -> Iterator[Visit]:
    opened: list[Visit] = []

    def open_visit(language: str = "en", **options) -> Visit:
        opened.append(Visit(browser, app_url, language, **options))
        return opened[-1]

    yield open_visit
    for v in opened:
        assert v.errors == [], v.errors
        v.context.close()


def last_turn(page: Page):
    return page.locator(".rc-turn").last


# -- answers, sources, languages ------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh", "fr"])
def test_a_question_in_each_language_is_answered_with_source_cards(visit, language):
    v = visit(language)
    page = v.page
    assert page.evaluate("document.documentElement.lang").startswith(language)
    assert page.locator("#rc-send").inner_text().strip() == t("send", language)
    # Record every state the answer passes through: it streams in before it is done.
    page.evaluate("""() => { window.__states = [];
        new MutationObserver(() => document.querySelectorAll('.rc-turn').forEach(
            (turn) => window.__states.push(turn.dataset.state))).observe(
            document.querySelector('#rc-conversation'), {subtree: true, childList: true, attributes: true}); }""")
    starter = page.locator(".rc-starter").first
    assert starter.inner_text().strip() == t(STARTER_KEYS[0], language)
    starter.click()
    v.wait_for_answers(1)
    states = page.evaluate("window.__states")
    assert "pending" in states and states.index("pending") < states.index("done")

    turn = last_turn(page)
    assert turn.locator(".rc-question").inner_text() == t(STARTER_KEYS[0], language)
    assert turn.locator(".rc-bot").get_attribute("lang").startswith(language)
    cards = turn.locator(".rc-card")
    assert cards.count() >= 1
    markers = turn.locator(".rc-answer a.rc-marker")
    assert markers.count() >= 1
    assert {m.get_attribute("data-source") for m in markers.all()} == {c.get_attribute("id") for c in cards.all()}
    for card in cards.all():
        assert card.locator(".rc-card-section strong").inner_text().strip()  # the section
        assert card.locator(".rc-card-title").inner_text().strip()  # the guidance page's title
        assert t("reviewed", language, date="").strip() in card.locator(".rc-reviewed").inner_text()
        assert card.locator(".rc-publisher").inner_text().strip()
        link = card.locator("a.rc-open")
        assert link.get_attribute("href").startswith(("https://", "http://"))
        assert link.get_attribute("target") == "_blank"
        assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}

    # A marker opens its card's passage; the passage can also be opened by hand.
    first = cards.first
    assert not first.locator(".rc-passage").is_visible()
    markers.first.click()
    page.wait_for_function(f"document.activeElement && document.activeElement.id === '{first.get_attribute('id')}'")
    assert first.locator(".rc-passage").is_visible()
    assert first.locator(".rc-passage").inner_text().strip()
    if cards.count() > 1:
        cards.last.locator("summary").click()
        assert cards.last.locator(".rc-passage").is_visible()

    # Screen readers hear that the answer is ready.
    page.wait_for_function("document.getElementById('rc-status').textContent.length > 0")
    assert v.external_requests() == []


def test_the_interface_language_can_be_switched_and_the_conversation_stays(visit):
    v = visit("en")
    v.ask("I found a hidden camera. What should I do?")
    v.page.get_by_label("Français", exact=True).check()
    v.page.wait_for_selector('.rc-header[data-ui-lang="fr"]')
    assert v.page.evaluate("document.documentElement.lang") == "fr"
    assert v.page.locator("#rc-send").inner_text().strip() == t("send", "fr")
    assert v.page.locator("#rc-input textarea").get_attribute("placeholder") == t("placeholder", "fr")
    assert t("sources", "fr") in v.page.locator(".rc-sources-title").first.inner_text()
    assert v.page.locator(".rc-turn").count() == 1  # the conversation is still there
    assert v.page.get_by_label("中文", exact=True).is_visible()


# -- follow-ups and the place ---------------------------------------------------------------------------------
def test_a_follow_up_about_another_place_uses_the_earlier_question(visit):
    v = visit("en")
    v.ask("Is it illegal to share someone's intimate images in the UK?")
    v.ask("And in France?")
    turn = last_turn(v.page)
    assert turn.locator(".rc-question").inner_text() == "And in France?"
    read_as = turn.locator(".rc-asked-as").inner_text()
    assert "illegal" in read_as and "France" in read_as and "UK" not in read_as
    assert turn.locator(".rc-card").count() >= 1
    assert "France" in turn.locator(".rc-bot").inner_text()


def test_a_follow_up_about_there_keeps_the_platform(visit):
    v = visit("en")
    v.ask("Someone posted my intimate photos on Snapchat.")
    v.ask("How do I report it there?")
    turn = last_turn(v.page)
    assert "Snapchat" in turn.locator(".rc-asked-as").inner_text()
    titles = " ".join(turn.locator(".rc-card-title").all_inner_texts() + turn.locator(".rc-card-section").all_inner_texts())
    assert "Snapchat" in titles


def test_the_place_is_offered_when_it_matters_and_kept_for_the_conversation(visit):
    v = visit("en")
    v.ask("Is it a crime to share someone's nudes without consent?")  # depends on the place, not known yet
    first = last_turn(v.page).locator(".rc-answer").inner_text()
    offer = v.page.locator("#rc-offer")
    offer.wait_for(state="visible")
    offer.get_by_role("button", name="France").click()
    v.wait_for_answers(2)
    turn = last_turn(v.page)
    assert "France" in turn.locator(".rc-asked-as").inner_text()
    again = turn.locator(".rc-answer").inner_text()
    assert again != first and "226-2-1" in again  # re-answered for France: its own law
    assert v.page.locator("#rc-place input").input_value() == "France"
    offer.wait_for(state="hidden")
    v.ask("Can I go to the police about this?")  # no place named: the chosen one is used
    assert v.page.locator("#rc-offer").is_hidden()


# -- safety ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["button", "escape"])
def test_quick_exit_leaves_and_the_conversation_cannot_be_reached_again(visit, how):
    # The person came from some page; the neutral site is served by the test (the browser cannot leave 127.0.0.1).
    before, exit_url = "https://search.example/", EXIT_URLS["en"]
    v = visit("en", elsewhere={before: "Search", exit_url: "Weather"}, first=before)
    page = v.page
    question = "Someone is threatening to share my intimate images. What should I do?"
    v.ask(question)
    if how == "button":
        page.click(".rc-exit")
    else:
        page.locator("#rc-input textarea").focus()
        page.keyboard.press("Escape")
    page.wait_for_url(exit_url)
    assert page.title() == "Weather"
    # Back goes to where the person was before, not to the conversation; forward comes back to the weather.
    page.go_back()
    page.wait_for_url(before)
    assert page.title() == "Search" and question not in page.content()
    page.go_forward()
    page.wait_for_url(exit_url)
    assert page.title() == "Weather" and question not in page.content()


def test_clear_conversation_empties_the_chat(visit):
    v = visit("en")
    v.ask("What is StopNCII?")
    v.page.click("#rc-clear")
    v.page.wait_for_selector("#rc-conversation .rc-empty")
    assert v.page.locator(".rc-turn").count() == 0
    assert v.page.locator(".rc-starter").first.is_visible()


def test_the_crisis_banner_appears_and_stays_for_the_conversation(visit, full_service):
    if full_service.ask("I want to end my life").route != "crisis":
        pytest.xfail("routing lands in issue 4")
    v = visit("en")
    v.ask("I want to end my life")
    banner = v.page.locator("#rc-crisis .rc-crisis")
    banner.wait_for(state="visible")
    assert banner.get_attribute("role") == "alert"
    lines = banner.locator("li")
    assert lines.count() >= 1
    # Its lines are the answer's own cited lines, and their markers point at the answer's source cards.
    answer_text = last_turn(v.page).locator(".rc-bot").inner_text()
    for line in lines.all_inner_texts():
        assert re.sub(r"\s*\d+$", "", line.strip())[:30] in answer_text
    assert banner.locator("a.rc-marker").count() >= 1
    v.ask("How do I report a fake account on Instagram?")
    assert banner.is_visible()
    v.ask("Comment garder des preuves ?")
    assert banner.is_visible()


def test_html_and_script_typed_into_the_chat_are_shown_as_text(visit):
    v = visit("en")
    page = v.page
    page.evaluate("window.__xss = 0")
    attack = ('<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2</script> '
              '<a href="javascript:window.__xss=3">link</a> <b>bold</b> **stars**')
    v.ask(attack)
    turn = last_turn(page)
    assert turn.locator(".rc-question").inner_text() == attack
    assert turn.locator(".rc-user img, .rc-user script, .rc-user b, .rc-user a").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") == 0
    assert v.dialogs == []
    assert not any(u.endswith("/x") for u in v.requests)


# -- phone, keyboard, accessibility, privacy ------------------------------------------------------------------
def test_a_phone_screen_has_no_sideways_scroll(visit):
    v = visit("fr", width=375, height=812)
    page = v.page
    v.ask("Quelqu'un a publié mes photos intimes dans un groupe Telegram. Que faire ?")
    page.locator(".rc-card summary").first.click()  # an open passage must fit too
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1] == 375
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')].filter((e) => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right > 376
            && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.rc-sr'); }).map((e) => e.className)""")
    assert wide == []
    # Quick exit stays on screen while reading.
    page.mouse.wheel(0, 2500)
    page.wait_for_timeout(300)
    box = page.locator(".rc-exit").bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 812 and box["x"] + box["width"] <= 375


def test_keyboard_labels_and_privacy(visit):
    v = visit("en")
    page = v.page
    # Tab starts at Quick exit; the question box has a label; Enter sends.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
    box = page.get_by_label(t("input", "en"))
    box.focus()
    page.keyboard.type("What is StopNCII?")
    page.keyboard.press("Enter")
    v.wait_for_answers(1)
    assert page.get_by_label(t("place", "en")).count() >= 1
    assert page.locator(".rc-exit").get_attribute("aria-label")
    # Nothing to upload anywhere, and the note says nothing is stored and not to share images.
    assert page.locator("input[type=file]").count() == 0
    intro = page.locator("#rc-intro").inner_text()
    assert t("privacy_stored", "en") in intro and t("privacy_images", "en") in intro
    assert t("danger_hint", "en") in intro  # always in view: a person in danger can say so
    assert t("privacy_browse", "en") in page.locator("#rc-intro details").text_content()
    assert page.locator("#rc-language").get_attribute("aria-label") == t("language", "en")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(visit, scheme):
    v = visit("en", scheme=scheme)
    elements = [".rc-name", ".rc-tagline", ".rc-privacy-lead", ".rc-danger-hint", ".rc-intro summary", ".rc-exit",
                '#rc-place [data-testid="block-info"]', "#rc-place .info-text", "#rc-place input",
                "#rc-language label:not(.selected) span", "#rc-language label.selected span", ".rc-welcome",
                ".rc-starter", "#rc-input textarea", "#rc-send", "#rc-clear"]
    before = v.page.evaluate(CONTRAST_JS, elements)
    v.ask("Who can I call for help?")
    after = v.page.evaluate(CONTRAST_JS, [".rc-question", ".rc-bot li", ".rc-answer p", ".rc-marker",
                                          ".rc-sources-title", ".rc-card-title", ".rc-card-section", ".rc-publisher",
                                          ".rc-open", ".rc-card summary", ".rc-offer-text", ".rc-offer-button"])
    low = {selector: ratio for selector, ratio in {**before, **after}.items() if ratio < 4.5}
    assert low == {}


CONTRAST_JS = """(selectors) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (e) => { for (; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
                                 if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3); }
                               return [255, 255, 255]; };
  const out = {};
  for (const s of selectors) { const e = document.querySelector(s); if (!e) { out[s] = 0; continue; }
    const a = lum(parse(getComputedStyle(e).color).slice(0, 3)), b = lum(background(e));
    out[s] = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100; }
  return out; }"""


def test_the_page_fetches_nothing_from_outside(visit):
    v = visit("zh")
    v.ask("有人威胁要公开我的私密照片，我该怎么办？")
    assert v.external_requests() == []
    # Nor would it: no stylesheet rule, script or link element points outside the page.
    outside = v.page.evaluate("""() => {
      const found = [];
      for (const sheet of document.styleSheets) { let rules = []; try { rules = [...sheet.cssRules]; } catch (e) {
          found.push('unreadable sheet ' + sheet.href); }
        for (const r of rules) if (/url\\(\\s*['"]?(https?:)?\\/\\//i.test(r.cssText) || /@import/i.test(r.cssText))
          found.push(r.cssText.slice(0, 120)); }
      document.querySelectorAll('script[src], link[href], img[src], iframe[src]').forEach((e) => {
        const u = e.src || e.href; if (!u.startsWith(location.origin)) found.push(e.outerHTML.slice(0, 120)); });
      return found; }""")
    assert outside == []


def test_closing_the_page_drops_the_conversation_from_the_server(visit, served):
    app = served[0]
    v = visit("en")
    v.ask("What is StopNCII?")

    def conversations() -> int:
        return sum(type(value).__name__ == "Conversation" for session in list(app.state_holder.session_data.values())
                   for value in list(session.state_data.values()))

    held = conversations()
    assert held >= 1
    v.page.close()
    deadline = time.monotonic() + 10
    while conversations() >= held and time.monotonic() < deadline:
        time.sleep(0.2)
    assert conversations() < held


# -- the API --------------------------------------------------------------------------------------------------
def test_the_ask_api_from_gradio_client_returns_the_ask_json(app_url, full_service):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    question = "Comment signaler une image intime diffusée sans mon accord ?"
    result = client.predict(question, "FR", api_name="/ask")
    assert set(result) == ASK_FIELDS
    expected = full_service.ask(question, "FR").to_dict()
    for key in ("route", "language", "jurisdiction", "answer", "citations"):
        assert result[key] == expected[key]
    assert result["language"] == "fr" and result["citations"]


def test_the_zh_interface_shows_a_publisher_by_its_chinese_name(visit):
    """Where the source registry gives an official or widely used Chinese name, the zh page's source card shows it."""
    v = visit("zh")
    v.ask("有人威胁我，不给钱就公开我的裸照，我在美国，怎么办？")
    v.wait_for_answers(1)
    publishers = [p.inner_text() for p in last_turn(v.page).locator(".rc-publisher").all()]
    assert any("美国联邦调查局" in p for p in publishers), publishers
    assert not any("Federal Bureau of Investigation" in p for p in publishers)
