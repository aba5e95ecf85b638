"""Screenshots of the web app for docs/screenshots/: desktop (1280x800) and phone (375x812), in en, zh and fr.

Each shows the page after the interface's first starter question was answered, with its source cards, full length
(the window is made as tall as the page, so what a phone shows screen by screen is one image).
The app is served from this process on 127.0.0.1 over the index of the current settings (built first if needed),
and Debian's chromium, chosen by the browser language, draws it (headless, no network beyond 127.0.0.1).

    .venv/bin/python bench/screenshots.py [--out docs/screenshots]

Chinese needs a CJK font on the machine (Debian: `apt-get install fonts-noto-cjk`), or its glyphs are drawn as boxes.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy import apply

apply()  # telemetry off before gradio loads
from assistant.knowledge.documents import KnowledgeError
from assistant.service import Recourse
from assistant.settings import get_settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--disable-gpu", "--no-first-run",
                 "--disable-component-update", "--disable-sync"]
LOCALES = {"en": "en-GB", "zh": "zh-CN", "fr": "fr-FR"}
VIEWPORTS = {"desktop": (1280, 800), "phone": (375, 812)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    result = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(result.stdout.strip())


def take(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from ui.app import build_app, launch

    settings = get_settings()
    service = Recourse(settings)
    service.ensure_index()
    port = _free_port()
    app = build_app(service)
    launch(app, settings, host="127.0.0.1", port=port, block=False, quiet=True)
    url = f"http://127.0.0.1:{port}/"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for language, locale in LOCALES.items():
                for name, (width, height) in VIEWPORTS.items():
                    context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
                    page = context.new_page()
                    page.goto(url)
                    page.wait_for_selector(f'.rc-header[data-ui-lang="{language}"][data-ready]')
                    page.locator(".rc-starter").first.click()
                    page.wait_for_selector(".rc-turn[data-state=done]", timeout=60_000)
                    # The whole page as a screen that tall would show it: sticky bars stay where they belong
                    # instead of floating over the middle of a stitched full-page capture.
                    page.evaluate("window.scrollTo(0, 0)")
                    page.wait_for_timeout(400)
                    full = page.evaluate("document.documentElement.scrollHeight")
                    page.set_viewport_size({"width": width, "height": max(height, full)})
                    page.wait_for_timeout(300)
                    path = out / f"{name}-{language}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                    context.close()
            browser.close()
    finally:
        app.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("needs Debian's chromium: apt-get install -y chromium", file=sys.stderr)
        return 2
    if not _has_cjk_font():
        print("warning: no CJK font found (apt-get install fonts-noto-cjk); Chinese will show as boxes",
              file=sys.stderr)
    try:
        written = take(args.out)
    except KnowledgeError as exc:
        print(f"The knowledge base has {len(exc.problems)} problem(s); fix them first:\n{exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
