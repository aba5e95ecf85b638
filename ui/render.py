"""HTML for the conversation, the source cards and the crisis banner.

Every piece of text, whether typed by the person or taken from the knowledge base, goes through html.escape before
it reaches the page: nothing anyone types can become live HTML. Only a tiny Markdown subset is honoured (bold,
italics, bullets, bare http(s) links and [n] markers), and a marker becomes a link only when it matches a passage the
answer cites.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import urlsplit

from assistant.vocabulary import BULLET
from ui.conversation import Conversation, Turn
from ui.i18n import HTML_LANG, format_date, t

_BULLET = BULLET
_INLINE = re.compile(
    r"(?P<bold>\*\*(?P<bold_text>.+?)\*\*)"
    r"|(?P<italic>(?<![\w*])_(?P<italic_text>[^_]+?)_(?!\w))"
    r"|(?P<marker>\s?\[(?P<n>\d{1,3})\])"
    r"|(?P<url>https?://[^\s<>\"'）)\]]+)"
)
_TRAILING = ".,;:!?。，；：！？"
_CONTACT = re.compile(r"\d{2,}")


def card_id(turn_id: int, n: int) -> str:
    return f"rc-s{turn_id}-{n}"


def inline(text: str, *, turn_id: int = 0, cited: dict[int, dict[str, Any]] | None = None, language: str = "en") -> str:
    """One line of the Markdown subset as escaped HTML; [n] links to source card n of the turn when it is cited."""
    cited = cited or {}
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(escape(text[position:match.start()]))
        position = match.end()
        if match["bold"]:
            out.append(f"<strong>{inline(match['bold_text'], turn_id=turn_id, cited=cited, language=language)}</strong>")
        elif match["italic"]:
            out.append(f"<em>{inline(match['italic_text'], turn_id=turn_id, cited=cited, language=language)}</em>")
        elif match["marker"]:
            out.append(_marker(int(match["n"]), turn_id, cited, language))
        else:
            url = match["url"].rstrip(_TRAILING)
            position = match.start() + len(url)
            out.append(_link(url, escape(url), language, cls="rc-url"))
    out.append(escape(text[position:]))
    return "".join(out)


def _marker(n: int, turn_id: int, cited: dict[int, dict[str, Any]], language: str) -> str:
    citation = cited.get(n)
    if citation is None:
        return f" [{n}]"
    label = f"{t('source_n', language, n=n)}: {citation.get('title', '')}"
    target = card_id(turn_id, n)
    return (f'&#160;<a class="rc-marker" href="#{target}" data-source="{target}" aria-label="{escape(label)}">'
            f"{n}</a>")


def _link(url: str, content: str, language: str, cls: str = "") -> str:
    """An external link: http(s) only, new tab, no referrer, and said so for screen readers."""
    if urlsplit(url).scheme not in ("http", "https"):
        return content
    return (f'<a class="{cls}" href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f'{content}<span class="rc-sr"> {escape(t("new_tab", language))}</span></a>')


def blocks(markdown: str, *, turn_id: int = 0, cited: dict[int, dict[str, Any]] | None = None,
           language: str = "en", only: str | None = None) -> str:
    """Paragraphs and bullet lists of the Markdown subset; headings, quotes and tables read as plain lines."""
    html: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            html.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
            items.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            close_list()
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            items.append(inline(bullet.group(1), turn_id=turn_id, cited=cited, language=language))
            continue
        close_list()
        line = line.lstrip("#>| ").rstrip("| ")
        if re.fullmatch(r"\*\*[^*]+\*\*:?", line):
            html.append(f'<p class="rc-section">{inline(line, turn_id=turn_id, cited=cited, language=language)}</p>')
        else:
            html.append(f"<p>{inline(line, turn_id=turn_id, cited=cited, language=language)}</p>")
    close_list()
    return "".join(html)


def render_blocks(answer: list[dict[str, Any]], *, turn_id: int = 0, cited: dict[int, dict[str, Any]] | None = None,
                  language: str = "en") -> str:
    """The typed answer as HTML: our own words as paragraphs, the direct answer in bold, steps as an ordered list,
    quoted passages as bullets under their section. Each line's marker links to its source card."""
    html: list[str] = []

    def line_html(line: dict[str, Any]) -> str:
        text = inline(line["text"], turn_id=turn_id, cited=cited, language=language)
        return text + (_marker(int(line["n"]), turn_id, cited or {}, language) if line.get("n") is not None else "")

    for block in answer:
        kind, lines = block["kind"], block["lines"]
        heading = (f'<p class="rc-section"><strong>{inline(block["heading"], language=language)}</strong></p>'
                   if block.get("heading") else "")
        if kind in ("lead", "ack", "close"):
            html += [f'<p class="rc-{kind}">{line_html(line)}</p>' for line in lines]
        elif kind == "question":
            html += [f'<p class="rc-ask-back">{line_html(line)}</p>' for line in lines]
        elif kind == "note":
            html += [f"<p><em>{line_html(line)}</em></p>" for line in lines]
        elif kind == "direct":
            html += [f'<p class="rc-direct"><strong>{line_html(line)}</strong></p>' for line in lines]
        else:
            tag = "ol" if kind == "steps" else "ul"
            items = "".join(f"<li>{line_html(line)}</li>" for line in lines)
            html.append(f'<div class="rc-{kind}">{heading}<{tag}>{items}</{tag}></div>')
    return "".join(html)


def source_cards(turn: Turn, language: str) -> str:
    """The cited passages of one answer: title, section, publisher, review date, link and the passage itself."""
    if not turn.citations:
        return ""
    cards = []
    for c in turn.citations:
        host = urlsplit(c.get("url", "")).hostname or ""
        host = host.removeprefix("www.")
        link = _link(c.get("url", ""), f'{escape(t("open_source", language))}'
                     f'{f" · <span class=rc-host>{escape(host)}</span>" if host else ""} ↗', language, cls="rc-open")
        reviewed = (f' · <span class="rc-reviewed">'
                    f'{escape(t("reviewed", language, date=format_date(c["last_reviewed"], language)))}</span>'
                    if c.get("last_reviewed") else "")
        space = "" if language == "zh" else " "  # after a full-width colon Chinese needs no space
        name = (c.get("publishers") or {}).get(language) or c.get("publisher")  # the interface's language's name
        publisher = (f'<span class="rc-publisher">{escape(t("source_label", language))}{space}'
                     f'{escape(name)}</span> ' if name else "")
        cards.append(
            f'<li class="rc-card" id="{card_id(turn.id, c["n"])}" tabindex="-1">'
            f'<div class="rc-card-section"><span class="rc-num" aria-hidden="true">{int(c["n"])}</span>'
            f'<span class="rc-sr">{escape(t("source_n", language, n=c["n"]))}: </span>'
            f'<strong>{escape(c.get("section", ""))}</strong></div>'
            f'<div class="rc-card-title">{escape(c.get("title", ""))}{reviewed}</div>'
            f'<div class="rc-card-source">{publisher}{link}</div>'
            f'<details><summary>{escape(t("show_passage", language))}</summary>'
            f'<div class="rc-passage" lang="{HTML_LANG.get(turn.language, "en")}">'
            f'{blocks(c.get("text", ""), language=language)}</div></details></li>'
        )
    return (f'<section class="rc-sources" aria-label="{escape(t("sources", language))}">'
            f'<h3 class="rc-sources-title">{escape(t("sources", language))}</h3>'
            f'<ol class="rc-cards">{"".join(cards)}</ol></section>')


def render_turn(turn: Turn, language: str) -> str:
    cited = {int(c["n"]): c for c in turn.citations}
    user = f'<p class="rc-question">{escape(turn.question)}</p>'
    if turn.asked_as:
        user += f'<p class="rc-asked-as">{escape(t("asked_as", language))} <q>{escape(turn.asked_as)}</q></p>'
    if turn.place:
        user += f'<p class="rc-asked-as">{escape(t("asked_for", language))} {escape(turn.place)}</p>'
    if turn.blocks:
        body = f'<div class="rc-answer">{render_blocks(turn.blocks, turn_id=turn.id, cited=cited, language=language)}</div>'
    elif turn.answer:
        body = f'<div class="rc-answer">{blocks(turn.answer, turn_id=turn.id, cited=cited, language=language)}</div>'
    else:
        body = f'<p class="rc-thinking">{escape(t("thinking", language))}</p>'
    if turn.done:
        body += source_cards(turn, language)
        status = t("status_done", language, n=len(turn.citations)) if turn.citations else t("status_plain", language)
    else:
        status = ""
    state = "done" if turn.done else ("streaming" if turn.answer or turn.blocks else "pending")
    return (f'<article class="rc-turn" id="rc-t{turn.id}" data-turn="{turn.id}" data-state="{state}" '
            f'data-status="{escape(status)}">'
            f'<div class="rc-user"><h2 class="rc-sr">{escape(t("you", language))}</h2>{user}</div>'
            f'<div class="rc-bot" lang="{HTML_LANG.get(turn.language, "en")}" aria-busy="{str(not turn.done).lower()}">'
            f'<h2 class="rc-sr">{escape(t("recourse", language))}</h2>{body}</div></article>')


def render_conversation(conversation: Conversation, language: str) -> str:
    """The whole conversation; an empty one shows the welcome line above the starter questions."""
    if not conversation.turns:
        return f'<div class="rc-log rc-empty"><p class="rc-welcome">{escape(t("welcome", language))}</p></div>'
    return '<div class="rc-log">' + "".join(render_turn(turn, language) for turn in conversation.turns) + "</div>"


def crisis_lines(answer: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """The lines of an answer's crisis blocks that the banner repeats, grouped by the passage they cite.

    Read from the typed answer, never from its wording. Contact lines (with a number) when there are any, so the
    banner stays short; otherwise every cited line.
    """
    cited = [line for block in answer if block["kind"] == "crisis" for line in block["lines"] if line.get("n")]
    contacts = [line for line in cited if _CONTACT.search(line["text"])]
    groups: dict[int, list[dict[str, Any]]] = {}
    for line in contacts or cited:
        groups.setdefault(int(line["n"]), []).append(line)
    return groups


def render_crisis_banner(conversation: Conversation, language: str) -> str:
    """The banner shown from the first crisis answer to the end of the conversation.

    Its lines are that answer's own cited lines, under the section of the passage each comes from (the place a
    number belongs to), with markers linking to the answer's source cards. It can be folded, never removed.
    """
    turn = conversation.crisis()
    if turn is None:
        return ""
    cited = {int(c["n"]): c for c in turn.citations}
    groups = []
    for n, lines in crisis_lines(turn.blocks).items():
        heading = cited.get(n, {}).get("section", "")
        items = "".join(f"<li>{inline(line['text'], turn_id=turn.id, cited=cited, language=language)}"
                        f"{_marker(n, turn.id, cited, language)}</li>" for line in lines)
        title = f"<h3>{escape(heading)}</h3>" if heading else ""
        groups.append(f'<div class="rc-crisis-group">{title}<ul>{items}</ul></div>')
    listing = (f'<p class="rc-crisis-from">{escape(t("crisis_lines", language))}</p>'
               f'<div class="rc-crisis-lines" lang="{HTML_LANG.get(turn.language, "en")}">{"".join(groups)}</div>'
               if groups else "")
    return (f'<section class="rc-crisis" role="alert" aria-labelledby="rc-crisis-title"><details open>'
            f'<summary id="rc-crisis-title">{escape(t("crisis_title", language))}</summary>{listing}</details></section>')


def render_header(language: str, ready: bool = True) -> str:
    """The top bar: the name and the Quick exit button (handled in the browser, no server round trip).

    `ready` marks the header rendered once the browser's language is known (the page's first event has run).
    """
    return (f'<div class="rc-header" data-ui-lang="{escape(language)}"{" data-ready" if ready else ""}>'
            f'<p class="rc-name">Recourse</p>'
            f'<button type="button" class="rc-exit" data-quick-exit aria-label="{escape(t("exit_label", language))}" '
            f'title="{escape(t("exit_label", language))}">{escape(t("exit", language))} <kbd>Esc</kbd></button>'
            f'<div id="rc-status" class="rc-sr" role="status" aria-live="polite"></div></div>')


def render_intro(language: str) -> str:
    """What Recourse is, and the short privacy note always in view: nothing stored, no images; that a person in danger
    can say so and gets the lines to call first (a safety net for crisis the router does not recognise); then how to
    browse privately and leave fast."""
    points = "".join(f"<li>{escape(t(key, language))}</li>" for key in ("privacy_browse", "privacy_exit"))
    return (f'<div class="rc-intro"><p class="rc-tagline">{escape(t("tagline", language))}</p>'
            f'<p class="rc-privacy-lead">{escape(t("privacy_stored", language))}{"" if language == "zh" else " "}'
            f'{escape(t("privacy_images", language))}</p>'
            f'<p class="rc-danger-hint">{escape(t("danger_hint", language))}</p>'
            f'<details><summary>{escape(t("privacy_title", language))}</summary><ul>{points}</ul></details></div>')


def render_offer(language: str) -> str:
    """The line above the place buttons, shown when an answer depends on a place that is not known."""
    return f'<p class="rc-offer-text">{escape(t("place_offer", language))}</p>'
