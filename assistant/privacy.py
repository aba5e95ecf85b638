"""Switch off every phone-home path before the libraries that have one are imported.

Gradio's version check and analytics, huggingface_hub, Chroma's posthog telemetry and onnxruntime's telemetry
were each seen opening outbound connections on this machine. Recourse must never send a byte off the machine, so
every entry point (the CLI, the web app, the tests, the benchmarks) calls `apply()` before it imports those
libraries. A program that uses Recourse as a library makes the same one call first:

    from assistant.privacy import apply; apply()

Importing `assistant` itself changes nothing in the process's environment.
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


def apply() -> None:
    """What Recourse needs of the process, before numpy and the libraries with telemetry are imported.

    - the offline variables (forced);
    - single-threaded BLAS unless the operator set it: on this 2-core machine, OpenBLAS's thread pool made each small
      query embedding take ~130 ms (threads waking for tiny matrices); single-threaded takes 2-4 ms, and concurrent
      requests still use both cores.
    """
    enforce_offline_environment()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
