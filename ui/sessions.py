"""Bounded memory whatever the traffic: what Gradio keeps per session is dropped as soon as it is no longer needed.

For each session hash Gradio holds a SessionState (a copy of the page's config with every component's last value,
so the rendered conversation, and our Conversation), its last-used time, and in the queue a message queue and the
set of its undelivered event ids. It lets go only beyond 10,000 sessions, and keeps a closed tab's state for an hour.
Every call to the Gradio API (gradio_client, /gradio_api/call/ask) opens a session of its own that nothing closes, so
each call kept about 60 KB for good (1,000 questions: 53 MB, never given back).

Three bounds, from the settings:
- the conversation is a gr.State with a time-to-live (`session_idle_seconds`), cleared by Gradio's own sweep;
- Gradio holds at most `max_sessions` sessions (its `state_session_capacity`): beyond it the least recently used goes;
- this janitor, run every few seconds in the server's event loop, drops the rest: a session whose work is over (an
  API call whose answer was delivered, a closed page) at once, a session idle longer than `session_idle_seconds`,
  and the queue's leftovers of sessions Gradio no longer holds. A session with an event queued or running is never
  touched.
The JSON API (`POST /api/ask`) is plain FastAPI and holds no session at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import logging
import threading
from collections.abc import AsyncIterator
from typing import Any

from ui import heap

log = logging.getLogger(__name__)


class SessionJanitor:
    """Drops finished and idle sessions from Gradio's state holder and queue."""

    def __init__(self, idle_seconds: float, every: float = 2.0):
        self.idle = datetime.timedelta(seconds=idle_seconds)
        self.every = every
        self._finished: set[str] = set()
        self._lock = threading.Lock()

    def finished(self, session_hash: str | None) -> None:
        """This session's work is over (an API call answered, a page closed): drop it once its results are out.

        Safe from any thread (API handlers run in Gradio's thread pool).
        """
        if session_hash:
            with self._lock:
                self._finished.add(session_hash)

    def sweep(self, holder: Any, queue: Any, now: datetime.datetime | None = None) -> int:
        """One pass over every session (from the event loop, where the queue's own code runs); how many were dropped."""
        now = now or datetime.datetime.now()
        with self._lock:
            finished, self._finished = self._finished, set()
        with holder.lock:
            sessions = list(holder.session_data)
        undelivered = queue.pending_event_ids_session
        running = {event.session_hash for event in list(queue.event_ids_to_events.values())}
        dropped, wait = 0, set()
        for session in sessions:
            if session in running:
                if session in finished:
                    wait.add(session)
                continue
            last = holder.time_last_used.get(session)
            idle = last is not None and now - last > self.idle
            if idle or (session in finished and not undelivered.get(session)):
                self._drop(holder, queue, session)
                dropped += 1
            elif session in finished:
                wait.add(session)  # its answer is still to be read: next time
        for session in list(undelivered):  # left by Gradio's capacity eviction, or by a page that closed
            if session not in holder.session_data and session not in running and not undelivered.get(session):
                undelivered.pop(session, None)
                queue.pending_messages_per_session.pop(session, None)
        with self._lock:
            self._finished |= wait
        return dropped

    @staticmethod
    def _drop(holder: Any, queue: Any, session: str) -> None:
        with holder.lock:
            holder.session_data.pop(session, None)
            holder.time_last_used.pop(session, None)
        queue.pending_event_ids_session.pop(session, None)
        queue.pending_messages_per_session.pop(session, None)

    def lifespan(self):
        """For the server's `lifespan`: sweep every `every` seconds while it runs."""

        @contextlib.asynccontextmanager
        async def run(app: Any) -> AsyncIterator[None]:
            async def loop() -> None:
                while True:
                    await asyncio.sleep(self.every)
                    try:
                        blocks = app.get_blocks()
                        dropped = self.sweep(app.state_holder, blocks._queue)
                        if dropped:
                            heap.trim(at_most_every=10.0)  # their memory goes back to the system, not to a thread's arena
                            log.debug("sessions dropped=%d held=%d", dropped, len(app.state_holder.session_data))
                    except Exception as exc:  # a sweep that fails must not stop the next one
                        log.error("session sweep failed: %s", type(exc).__name__)

            task = asyncio.create_task(loop())
            try:
                yield
            finally:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

        return run
