"""Load-once for process-wide resources (language model, jieba, compiled patterns).

`functools.lru_cache` lets every thread that arrives before the first load finishes run the load again: under a
burst of 50 first questions that is 50 copies of a model being read at once. `load_once` makes them wait for the one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")


def load_once(load: Callable[[], T]) -> Callable[[], T]:
    """A no-argument loader that runs `load` once, however many threads call it first."""
    lock = threading.Lock()
    done: list[T] = []

    @wraps(load)
    def loaded() -> T:
        if not done:
            with lock:
                if not done:
                    done.append(load())
        return done[0]

    return loaded
