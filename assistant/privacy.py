"""Switch off every phone-home path before the libraries that have one are imported.

Gradio's version check and analytics, huggingface_hub, Chroma's posthog telemetry and onnxruntime's telemetry
were each seen opening outbound connections on this machine. Recourse must never send a byte off the machine, so
these variables are set at the very top of the package, before anything imports those libraries.
"""

from __future__ import annotations

import os

OFFLINE_ENVIRONMENT: dict[str, str] = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "GRADIO_TELEMETRY_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "LANGCHAIN_TRACING_V2": "false",  # langsmith ships with langchain-core; tracing would post runs to its API
    "LANGSMITH_TRACING": "false",
}


def enforce_offline_environment() -> None:
    """Force the offline variables; an operator cannot turn telemetry back on by accident."""
    os.environ.update(OFFLINE_ENVIRONMENT)


enforce_offline_environment()
