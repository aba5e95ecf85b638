"""The Gradio web app. Telemetry is switched off here, before gradio can be imported by ui.app."""

from assistant.privacy import apply

apply()  # telemetry off, before any library that has it is imported
