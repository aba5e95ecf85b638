"""Recourse: offline, cited answers about image-based sexual abuse and the recourse open to survivors.

The privacy module runs first, before any library with telemetry is imported.
"""

import os

# Measured on this 2-core machine: with OpenBLAS's thread pool, each small query embedding took ~130 ms (threads
# waking for tiny matrices); single-threaded BLAS takes 2-4 ms, and concurrent requests still use both cores.
# Set before numpy is imported; an operator's own value wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from assistant import privacy  # noqa: E402, F401  (before any library with telemetry)
from assistant.answer.compose import Citation
from assistant.service import AskResult, Recourse
from assistant.settings import Settings, get_settings

__all__ = ["AskResult", "Citation", "Recourse", "Settings", "get_settings"]
