"""The Recourse web app: a Gradio page over the `assistant` core.

The UI renders; the core decides. Nothing here chooses what to say: it passes the message and the chosen place to
`Recourse.ask` and shows the cited answer. No analytics, no flagging, no external fonts, nothing stored.
"""

from __future__ import annotations

import html
import logging
from typing import Any

import gradio as gr

from assistant.service import AskResult, Recourse
from assistant.settings import get_settings
from assistant.store import StoreUnavailable

log = logging.getLogger(__name__)

PLACES: list[tuple[str, str]] = [
    ("Not sure / 不确定 / Je ne sais pas", ""),
    ("China / 中国 / Chine", "CN"),
    ("United States / 美国 / États-Unis", "US"),
    ("United Kingdom / 英国 / Royaume-Uni", "UK"),
    ("Australia / 澳大利亚 / Australie", "AU"),
    ("European Union / 欧盟 / Union européenne", "EU"),
    ("France / 法国", "FR"),
    ("Elsewhere / 其他地方 / Ailleurs", ""),
]

UNAVAILABLE = ("Recourse cannot reach its guidance right now. Please try again in a minute. "
               "If you are in danger, call your local emergency number.")

# System fonts only: Gradio's default theme would fetch fonts from Google.
THEME = gr.themes.Soft(font=["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "sans-serif"],
                       font_mono=["ui-monospace", "monospace"])


def render_sources(result: AskResult) -> str:
    """The source list under an answer: number, title, section, publisher, review date and link."""
    if not result.citations:
        return ""
    lines = []
    for c in result.citations:
        lines.append(f"**[{c.n}] {html.escape(c.title)}** - {html.escape(c.section)}  \n"
                     f"{html.escape(c.publisher)} · reviewed {c.last_reviewed} · [source]({c.url})")
    return "\n\n".join(lines)


def build_app(service: Recourse) -> gr.Blocks:
    """The Blocks app; `serve` launches it."""

    def answer(message: str, history: list[dict[str, Any]], place: str):
        history = list(history or [])
        if not (message or "").strip():
            return history, "", gr.update()
        try:
            result = service.ask(message, place or None)
            reply, sources = result.answer, render_sources(result)
        except StoreUnavailable:
            log.exception("index unavailable")
            reply, sources = UNAVAILABLE, ""
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]
        return history, "", sources

    def ask_api(question: str, jurisdiction: str | None = None) -> dict[str, Any]:
        """Same JSON as `recourse ask --json`."""
        return service.ask(question, jurisdiction or None).to_dict()

    with gr.Blocks(title="Recourse", analytics_enabled=False) as app:
        gr.Markdown("# Recourse\nCalm, cited guidance when intimate images are shared or threatened without "
                    "consent. Please do not share any images here. Nothing you type is stored.")
        place = gr.Dropdown(choices=PLACES, value="", label="Where are you?")
        chat = gr.Chatbot(label="Conversation", height=460, feedback_options=None, buttons=["copy"])
        box = gr.Textbox(label="Your question", placeholder="Type your question", lines=2)
        send = gr.Button("Send", variant="primary")
        sources = gr.Markdown(label="Sources")
        for trigger in (send.click, box.submit):
            trigger(answer, [box, chat, place], [chat, box, sources], api_visibility="private")
        gr.api(ask_api, api_name="ask")
    return app


def serve(host: str | None = None, port: int | None = None) -> None:
    """Build the index if needed and serve the app (blocking)."""
    settings = get_settings()
    service = Recourse(settings)
    service.ensure_index()
    service.snapshot()  # load the index before the first visitor, not during their first question
    app = build_app(service)
    app.queue(default_concurrency_limit=settings.concurrency_limit)
    print(f"Recourse is ready at http://{host or settings.host}:{port or settings.port}", flush=True)
    app.launch(server_name=host or settings.host, server_port=port or settings.port, share=False,
               show_error=False, ssr_mode=False, theme=THEME, footer_links=[], enable_monitoring=False,
               mcp_server=False, pwa=False)
