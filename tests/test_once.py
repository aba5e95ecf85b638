"""load_once: a burst of first callers shares one load (lru_cache let each of them load the model again)."""

from __future__ import annotations

import threading
import time

from assistant.once import load_once


def test_a_burst_of_first_callers_loads_once():
    calls = []

    @load_once
    def slow_model() -> object:
        calls.append(1)
        time.sleep(0.2)
        return object()

    results = []
    start = threading.Barrier(8)

    def caller() -> None:
        start.wait()
        results.append(slow_model())

    threads = [threading.Thread(target=caller) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(results) == 8 and all(r is results[0] for r in results)
