"""The Gradio web app. Telemetry is switched off here, before gradio can be imported by ui.app."""

from assistant import privacy  # noqa: F401
