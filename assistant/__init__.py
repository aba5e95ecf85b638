"""Recourse: offline, cited answers about image-based sexual abuse and the recourse open to survivors.

Importing the package is cheap and changes nothing in the process: the entry points (CLI, web app) call
`assistant.privacy.apply()` first; a program using Recourse as a library does the same before anything else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answer.types import Citation
    from assistant.service import AskResult, Recourse
    from assistant.settings import Settings, get_settings

__all__ = ["AskResult", "Citation", "Recourse", "Settings", "get_settings"]
_WHERE = {"AskResult": "assistant.service", "Recourse": "assistant.service", "Citation": "assistant.answer.types",
          "Settings": "assistant.settings", "get_settings": "assistant.settings"}


def __getattr__(name: str) -> Any:
    """`from assistant import Recourse` loads the service only when asked for."""
    if name not in _WHERE:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_WHERE[name]), name)
