"""Nothing leaves the machine: index build, `ask` and the app with one chat through a real browser, run under a
guard that records every socket connection (and name lookup) to anything but this machine.

The guard is a Python audit hook installed before anything is imported, in a separate process that does what a
user's first visit does: builds the index, answers a question with `ask`, serves the web app, and answers one chat
typed into headless Chromium. Any outbound attempt, even one that would have failed on this closed network, fails
the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import PROJECT_ROOT
from tests.conftest import copy_groups, free_port

CHROMIUM = Path("/usr/bin/chromium")

GUARD = r'''
import ipaddress, json, socket, sys
attempts = []

class Blocked(OSError):
    pass

def local(host):
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host in ("localhost", "") or host.endswith(".localhost")

def hook(event, args):
    if event == "socket.connect" and isinstance(args[1], tuple) and not local(str(args[1][0])):
        attempts.append(f"connect {args[1][0]}:{args[1][1]}")
        raise Blocked("outbound connection blocked by the test guard")
    if event == "socket.getaddrinfo" and args[0] and not local(str(args[0])):
        attempts.append(f"lookup {args[0]}")
        raise Blocked("name lookup blocked by the test guard")

sys.addaudithook(hook)
'''

GUARDED = GUARD + r'''

from assistant.service import Recourse
from assistant.settings import Settings
from ui.app import build_app, launch

settings = Settings(knowledge_dir=sys.argv[1], index_dir=sys.argv[2])
service = Recourse(settings, notify=lambda _: None)
service.ensure_index()
service.ask("Someone posted my photos in a Telegram group. What do I do?")
app = build_app(service)
launch(app, settings, host="127.0.0.1", port=int(sys.argv[3]), block=False, quiet=True)
print("READY", flush=True)
sys.stdin.readline()  # the test drives the browser, then says it is done
print(json.dumps(attempts), flush=True)
'''


def test_the_guard_catches_and_blocks_an_outbound_attempt():
    """The guard itself works: a lookup and a direct connection are both recorded, and neither goes out."""
    probe = GUARD + (
        "for attempt in (lambda: socket.getaddrinfo('example.invalid', 80),\n"
        "                lambda: socket.socket().connect(('192.0.2.1', 80))):\n"
        "    try:\n        attempt()\n    except OSError:\n        pass\n"
        "print(json.dumps(attempts))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert json.loads(done.stdout.strip()) == ["lookup example.invalid", "connect 192.0.2.1:80"]


@pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true",
                    reason="/usr/bin/chromium is missing; `make test` installs it")
def test_build_ask_and_a_browser_chat_open_no_outbound_connection(tmp_path):
    knowledge = copy_groups(tmp_path / "knowledge", ("telegram", "first-hour", "crisis-lines"))
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GRADIO_", "HF_", "RECOURSE_"))}
    proc = subprocess.Popen([sys.executable, "-c", GUARDED, str(knowledge), str(tmp_path / "index"), str(port)],
                            cwd=PROJECT_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "READY"
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True,
                args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run",
                      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--disable-component-update",
                      "--disable-sync"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.fill("#rc-input textarea", "How do I report a Telegram group that shares my photos?")
            page.click("#rc-send")
            page.locator(".rc-turn[data-state=done]").first.wait_for(timeout=60_000)
            assert page.locator(".rc-turn[data-state=done] a[href^='http']").count() >= 1  # a cited source
            browser.close()
        out, _ = proc.communicate("done\n", timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    attempts = json.loads(out.strip().splitlines()[-1])
    assert attempts == [], f"outbound attempts: {attempts}"
