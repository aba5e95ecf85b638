"""The Recourse web app: layout and wiring of a Gradio Blocks page over the `assistant` core.

The UI renders; the core decides. Nothing here chooses what to say: a message (read with the conversation when it
is a follow-up) and the chosen place go to `Recourse.ask`, and the cited answer is shown with its source cards. The
conversation lives in the session's memory only (gr.State), and is dropped when the page closes. No analytics, no
flagging, no uploads, no external fonts or scripts.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.answer.messages import message as sentence
from assistant.service import MAX_QUESTION_CHARS, Recourse, clean_message
from assistant.settings import Settings, get_settings
from assistant.understand.followup import resolve_followup
from assistant.understand.language import detect_language
from assistant.understand.place import check_jurisdiction
from ui import heap
from ui.api import EXCEPTION_HANDLERS, json_routes
from ui.conversation import Conversation, finish, stream_blocks
from ui.guard import gradio_exception_handlers, quiet_gradio_tracebacks
from ui.i18n import (
    DEFAULT_LANGUAGE,
    EXIT_URLS,
    HTML_LANG,
    LANGUAGE_NAMES,
    LANGUAGES,
    PLACE_TO_JURISDICTION,
    STARTER_KEYS,
    pick_language,
    place_choices,
    t,
)
from ui.render import render_conversation, render_crisis_banner, render_header, render_intro, render_offer
from ui.sessions import SessionJanitor

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"
OFFER_PLACES: tuple[str, ...] = ("CN", "US", "UK", "AU", "EU", "FR")
STREAM_PAUSE = 0.04  # seconds between the growing parts of a streamed answer

# System fonts only: Gradio's default themes would fetch fonts from Google.
THEME = gr.themes.Soft(primary_hue="teal", secondary_hue="slate", neutral_hue="slate",
                       font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "PingFang SC",
                             "Microsoft YaHei", "sans-serif"],
                       font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"]).set(
    # AA contrast (at least 4.5:1) for white text on the primary button, in light and dark mode.
    button_primary_background_fill="*primary_700", button_primary_background_fill_hover="*primary_800",
    button_primary_background_fill_dark="*primary_700", button_primary_background_fill_hover_dark="*primary_800",
    button_primary_text_color="white", button_primary_text_color_dark="white",
    checkbox_label_background_fill_selected="*primary_700", checkbox_label_background_fill_selected_dark="*primary_700",
    checkbox_label_text_color_selected="white", checkbox_label_text_color_selected_dark="white",
    block_title_text_color="*primary_800", block_title_background_fill="*primary_100",
    block_title_text_color_dark="white", block_title_background_fill_dark="*primary_800",
    block_label_text_color="*primary_800", block_label_text_color_dark="white",
    link_text_color="*primary_800", link_text_color_dark="*primary_300",
    link_text_color_visited="*primary_800", link_text_color_visited_dark="*primary_300",
    layout_gap="*spacing_xl",  # a little tighter than Soft's, so a phone shows more at once
)

# Runs in the browser before the page's first event: the browser's preferred languages, best first.
BROWSER_LANGUAGES_JS = ("(lang) => [(navigator.languages && navigator.languages.length ? navigator.languages "
                        ": [navigator.language]).join(',')]")


def head_html() -> str:
    """The page head: the outer page's style and our script, inline (nothing is fetched from anywhere else).

    Gradio scopes launch(css=...) to its inner container, so the outer page (paddings on a phone) is styled here.
    """
    config = json.dumps({"exit": EXIT_URLS, "htmlLang": HTML_LANG})
    script = (ASSETS / "recourse.js").read_text(encoding="utf-8")
    style = (ASSETS / "page.css").read_text(encoding="utf-8")
    return (f'<meta name="referrer" content="no-referrer">\n<style>{style}</style>\n'
            f"<script>window.RECOURSE = {config};\n{script}</script>")


def css() -> str:
    return (ASSETS / "recourse.css").read_text(encoding="utf-8")


def build_app(service: Recourse) -> gr.Blocks:
    """The Blocks app; `launch` serves it."""
    settings = service.settings
    sessions = SessionJanitor(settings.session_idle_seconds)
    # delete_cache: files someone posted to Gradio's upload route (the page takes none) go within the hour.
    with gr.Blocks(title="Recourse", analytics_enabled=False, delete_cache=(3600, 3600)) as app:
        app.sessions = sessions  # launch() runs its sweep in the server's event loop
        conversation = gr.State(Conversation(), time_to_live=settings.session_idle_seconds)
        browser_languages = gr.Textbox(visible=False)  # filled in the browser on load (navigator.languages)
        header = gr.HTML(render_header(DEFAULT_LANGUAGE, ready=False), elem_id="rc-header", js_on_load=None)
        intro = gr.HTML(render_intro(DEFAULT_LANGUAGE), elem_id="rc-intro", js_on_load=None)
        with gr.Row(elem_id="rc-settings", equal_height=False):
            language = gr.Radio([(LANGUAGE_NAMES[code], code) for code in LANGUAGES], value=DEFAULT_LANGUAGE,
                                label=t("language", DEFAULT_LANGUAGE), elem_id="rc-language", min_width=200)
            place = gr.Dropdown(place_choices(DEFAULT_LANGUAGE), value="unsure", label=t("place", DEFAULT_LANGUAGE),
                                info=t("place_info", DEFAULT_LANGUAGE), elem_id="rc-place", filterable=False,
                                min_width=200)
        crisis = gr.HTML("", elem_id="rc-crisis", js_on_load=None, visible=False)
        log_html = gr.HTML(render_conversation(Conversation(), DEFAULT_LANGUAGE), elem_id="rc-conversation",
                           js_on_load=None)
        with gr.Column(elem_id="rc-starters") as starters:
            starter_buttons = [gr.Button(t(key, DEFAULT_LANGUAGE), elem_classes="rc-starter", size="md")
                               for key in STARTER_KEYS]
        with gr.Column(elem_id="rc-offer", visible=False) as offer:
            offer_text = gr.HTML(render_offer(DEFAULT_LANGUAGE), js_on_load=None)
            with gr.Row(elem_id="rc-offer-buttons"):
                offer_buttons = [gr.Button(t(f"place_{code}", DEFAULT_LANGUAGE), size="sm", min_width=60,
                                           elem_classes="rc-offer-button") for code in OFFER_PLACES]
        with gr.Column(elem_id="rc-compose"):
            box = gr.Textbox(label=t("input", DEFAULT_LANGUAGE), placeholder=t("placeholder", DEFAULT_LANGUAGE),
                             lines=1, max_lines=6, elem_id="rc-input")  # no max_length: see respond()
            with gr.Row(elem_id="rc-actions"):
                send = gr.Button(t("send", DEFAULT_LANGUAGE), variant="primary", elem_id="rc-send", min_width=100)
                clear = gr.Button(t("clear", DEFAULT_LANGUAGE), variant="secondary", elem_id="rc-clear", min_width=100)

        turn_outputs = [log_html, crisis, box, conversation, starters, offer, place]

        def run_turn(conv: Conversation, lang: str, question: str, *, asked: str, asked_as: str | None,
                     jurisdiction: str | None, place_label: str | None = None,
                     place_value: Any = None) -> Iterator[tuple]:
            """Ask the core and stream the answer into the page: question first, then the answer, then sources."""
            turn = conv.start(question, asked_as=asked_as, place=place_label)
            place_update = gr.update(value=place_value) if place_value else gr.skip()
            yield (render_conversation(conv, lang), gr.skip(), "", conv, gr.update(visible=False),
                   gr.update(visible=False), place_update)
            try:
                result = service.ask(asked, jurisdiction, language_hint=lang)
            except Exception as exc:  # the person gets a calm sentence; the log gets no message text
                log.error("answering failed: %s", type(exc).__name__)
                turn.answer, turn.language, turn.done = t("unavailable", lang), lang, True
                yield render_conversation(conv, lang), gr.skip(), gr.skip(), conv, gr.skip(), gr.skip(), gr.skip()
                return
            turn.citations = [c.to_dict() for c in result.citations]
            turn.language = result.language
            for part in stream_blocks([block.to_dict() for block in result.blocks])[:-1]:
                turn.blocks = part
                yield render_conversation(conv, lang), gr.skip(), gr.skip(), conv, gr.skip(), gr.skip(), gr.skip()
                time.sleep(STREAM_PAUSE)
            was_crisis = conv.crisis_turn
            finish(conv, turn, result)
            banner = (gr.update(value=render_crisis_banner(conv, lang), visible=True)
                      if conv.crisis_turn != was_crisis else gr.skip())
            yield (render_conversation(conv, lang), banner, gr.skip(), conv, gr.skip(),
                   gr.update(visible=turn.offer_places), gr.skip())

        def respond(message: str, conv: Conversation, place_code: str, lang: str) -> Iterator[tuple]:
            """One message from the box or a starter button.

            A place that is not one of the dropdown's is refused before anything runs (Gradio's own check covers
            the page; this covers a client that posts to the queue directly). A message over the limit is not sent
            on: the box keeps every character, and a note in the person's language asks for a shorter one (the
            page no longer cuts a paste at the limit, which lost what came after it).
            """
            if place_code is not None and place_code not in PLACE_TO_JURISDICTION:
                raise gr.Error(f"place must be one of {', '.join(PLACE_TO_JURISDICTION)}", print_exception=False)
            message = clean_message(message)
            if not message:
                yield tuple(gr.skip() for _ in turn_outputs)
                return
            if len(message) > MAX_QUESTION_CHARS:
                language = detect_language(message[:MAX_QUESTION_CHARS], hint=lang)
                gr.Warning(sentence("too_long", language), duration=None, title=t("input", lang))
                yield tuple(gr.skip() for _ in turn_outputs)
                return
            follow = resolve_followup(conv.questions(), message)
            jurisdiction = follow.jurisdiction or PLACE_TO_JURISDICTION.get(place_code)
            yield from run_turn(conv, lang, message, asked=follow.question,
                                asked_as=follow.question if follow.combined else None, jurisdiction=jurisdiction)

        def ask_for_place(code: str, conv: Conversation, lang: str) -> Iterator[tuple]:
            """The last question again, for the place the person just chose; the choice is kept from now on."""
            if not conv.turns:
                yield tuple(gr.skip() for _ in turn_outputs)
                return
            last = conv.turns[-1]
            yield from run_turn(conv, lang, last.question, asked=last.asked_as or last.question,
                                asked_as=last.asked_as, jurisdiction=code, place_label=t(f"place_{code}", lang),
                                place_value=code)

        def clear_conversation(lang: str):
            fresh = Conversation()
            return (render_conversation(fresh, lang), gr.update(value="", visible=False), "", fresh, gr.update(visible=True),
                    gr.update(visible=False), gr.skip())

        def apply_language(lang: str, conv: Conversation, place_code: str) -> tuple:
            lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
            return (
                gr.update(value=lang, label=t("language", lang)),
                render_header(lang),
                gr.update(choices=place_choices(lang), value=place_code, label=t("place", lang),
                          info=t("place_info", lang)),
                render_intro(lang),
                gr.update(value=render_crisis_banner(conv, lang), visible=conv.crisis_turn is not None),
                render_conversation(conv, lang),
                *(gr.update(value=t(key, lang)) for key in STARTER_KEYS),
                render_offer(lang),
                *(gr.update(value=t(f"place_{code}", lang)) for code in OFFER_PLACES),
                gr.update(label=t("input", lang), placeholder=t("placeholder", lang)),
                gr.update(value=t("send", lang)),
                gr.update(value=t("clear", lang)),
            )

        language_outputs = [language, header, place, intro, crisis, log_html, *starter_buttons, offer_text,
                            *offer_buttons, box, send, clear]

        gr.on([send.click, box.submit], respond, [box, conversation, place, language], turn_outputs,
              api_visibility="private", show_progress="hidden", trigger_mode="once")
        for button in starter_buttons:
            button.click(respond, [button, conversation, place, language], turn_outputs, api_visibility="private",
                         show_progress="hidden", trigger_mode="once")
        for code, button in zip(OFFER_PLACES, offer_buttons, strict=True):
            button.click(partial(ask_for_place, code), [conversation, language], turn_outputs,
                         api_visibility="private", show_progress="hidden", trigger_mode="once")
        clear.click(clear_conversation, [language], turn_outputs, api_visibility="private", show_progress="hidden")
        language.input(apply_language, [language, conversation, place], language_outputs, api_visibility="private",
                       show_progress="hidden")
        app.load(pick_language, [browser_languages], [language], js=BROWSER_LANGUAGES_JS, api_visibility="private",
                 show_progress="hidden").then(apply_language, [language, conversation, place], language_outputs,
                                              api_visibility="private", show_progress="hidden")

        def ask_api(question: str, jurisdiction: str | None = None, request: gr.Request = None) -> dict[str, Any]:
            """Same JSON as `recourse ask --json`.

            A question that is not text, or a jurisdiction outside JURISDICTIONS (or empty), gets a clear error and
            nothing runs. The error names what is allowed, never the value sent, and prints no traceback. The
            call's session is dropped as soon as its answer is read: an API call keeps nothing.
            """
            sessions.finished(request.session_hash if request is not None else None)
            if not isinstance(question, str):
                raise gr.Error("question must be a string", print_exception=False)
            try:
                place = check_jurisdiction(jurisdiction)
            except ValueError as exc:
                raise gr.Error(str(exc), print_exception=False) from None
            return service.ask(question, place).to_dict()

        gr.api(ask_api, api_name="ask")

        def forget_session(request: gr.Request) -> None:
            """Drop the closed session's conversation now, not after Gradio's hour of grace for reconnecting."""
            holder = getattr(app, "state_holder", None)
            if holder is not None and request is not None and request.session_hash:
                holder.delete_state(request.session_hash)
                sessions.finished(request.session_hash)  # and the rest of the session at the next sweep

        app.unload(forget_session)
    return app


def lighten_gradio_per_event_work() -> None:
    """Switch off two costs Gradio pays around every event, measured with py-spy under 50 sessions.

    - Its monitoring summary: after each event the queue rebuilt a pandas DataFrame over up to 10,000 past events
      (12% of the server's CPU, growing with uptime). We never turn monitoring on.
    - `import matplotlib` around each call: when matplotlib is not installed, each failed import walks sys.path
      (about 10%). Recording its absence once makes the failure instant; an installed matplotlib is left alone.
    Environment values an operator sets win.
    """
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(10**9))
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "1")
    if "matplotlib" not in sys.modules and importlib.util.find_spec("matplotlib") is None:
        sys.modules["matplotlib"] = None  # type: ignore[assignment]


def launch(app: gr.Blocks, settings: Settings, *, host: str | None = None, port: int | None = None,
           block: bool = True, quiet: bool = False, service: Recourse | None = None):
    """Serve the app with the privacy and concurrency settings every deployment needs (also used by the tests)."""
    lighten_gradio_per_event_work()
    quiet_gradio_tracebacks()
    app.queue(default_concurrency_limit=settings.concurrency_limit)
    sessions: SessionJanitor | None = getattr(app, "sessions", None)
    return app.launch(server_name=host or settings.host, server_port=port or settings.port, share=False,
                      show_error=False, ssr_mode=False, theme=THEME, css=css(), head=head_html(), footer_links=[],
                      enable_monitoring=False, mcp_server=False, pwa=False, prevent_thread_lock=not block,
                      max_threads=max(40, settings.concurrency_limit * 2), quiet=quiet,
                      state_session_capacity=settings.max_sessions,
                      max_file_size=1,  # bytes: the page takes text only, so the upload route accepts no file
                      # FastAPI's own limit (Starlette's RequestBodyLimitMiddleware): a body over it gets 413, and a
                      # Content-Length over it is refused before a byte of the body is read.
                      app_kwargs={"max_body_size": settings.max_request_bytes,
                                  # POST /api/ask and GET /healthz, matched before Gradio's own routes.
                                  "routes": json_routes(service) if service is not None else [],
                                  "exception_handlers": {**EXCEPTION_HANDLERS, **gradio_exception_handlers()},
                                  **({"lifespan": sessions.lifespan()} if sessions is not None else {})})


def serve(host: str | None = None, port: int | None = None) -> None:
    """Build the index if needed and serve the app (blocking)."""
    heap.limit_arenas()  # before the loads' and the server's threads start
    settings = get_settings()
    service = Recourse(settings)
    service.ensure_index()
    service.warm_up()  # load the index, model and router before the first visitor, not during their question
    heap.trim()  # what the start-up loads freed
    app = build_app(service)
    print(f"Recourse is ready at http://{host or settings.host}:{port or settings.port}", flush=True)
    launch(app, settings, host=host, port=port, service=service)
