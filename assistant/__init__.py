"""Recourse: offline, cited answers about image-based sexual abuse and the recourse open to survivors.

The privacy module runs first, before any library with telemetry is imported.
"""

from assistant import privacy  # noqa: F401  (must stay the first import)
from assistant.compose import Citation
from assistant.service import AskResult, Recourse
from assistant.settings import Settings, get_settings

__all__ = ["AskResult", "Citation", "Recourse", "Settings", "get_settings"]
