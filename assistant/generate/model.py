"""The chat model an operator configured: a LangChain `ChatOpenAI` pointed at their OpenAI-compatible endpoint.

`langchain-openai` is an optional extra (`pip install recourse[llm]`), imported only when an endpoint is set, so the
default install stays lean and a service without one never loads it. We only call `invoke`: nothing counts tokens, so
tiktoken never fetches an encoding, and the only host contacted is the configured one.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from assistant.settings import Settings


class GenerationUnavailable(RuntimeError):
    """An endpoint is configured but the `llm` extra is not installed."""


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None when no endpoint is set (grounded answers only)."""
    if not settings.llm_base_url:
        return None
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise GenerationUnavailable("RECOURSE_LLM_BASE_URL is set but langchain-openai is missing: "
                                    "install recourse[llm]") from exc
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "unused"
    return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model, api_key=key,
                      timeout=settings.llm_timeout_seconds, max_retries=0, max_tokens=settings.llm_max_tokens,
                      temperature=0.0, streaming=False)
