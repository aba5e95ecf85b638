"""Keeping the server's heap small: fewer malloc arenas, and freed memory handed back to the system.

The soak benchmark (bench/soak.py) ended at 701 MB with the objects it held flat: the rest was glibc's heap. Each
thread that allocates gets its own arena (up to 8 per core), and Gradio answers in a pool of up to 40 threads, so
freed memory sat in many arenas, none of it returned. Two arenas are enough for two cores' worth of answers, and
`malloc_trim` returns the free pages of all of them after the start-up loads and after sessions are dropped.
Setting MALLOC_ARENA_MAX in the environment would come too late (glibc reads it when the process starts), so the
same limit is set with `mallopt` before the server starts its threads. Both are no-ops off glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import time
from functools import lru_cache

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


@lru_cache(maxsize=1)
def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas from now on (an operator's MALLOC_ARENA_MAX wins). Call before threads start."""
    libc = _libc()
    if libc is None or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))


_last_trim = 0.0


def trim(at_most_every: float = 0.0) -> bool:
    """Hand the heap's free pages back to the system (milliseconds, outside Python's lock), at most once per
    `at_most_every` seconds (the session sweep runs every two seconds under load)."""
    global _last_trim
    now = time.monotonic()
    libc = _libc()
    if libc is None or now - _last_trim < at_most_every:
        return False
    _last_trim = now
    return bool(libc.malloc_trim(0))
