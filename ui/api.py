"""The plain JSON interface on the web app's own server: `POST /api/ask` and `GET /healthz`.

Operators and load balancers should not have to speak Gradio's two-step event protocol to ask a question or to
check that a process is ready. Both endpoints take and give plain JSON, validated at the edge: a wrong field or type
gets 422 with what is allowed (never the value sent), and nothing is answered or logged from it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.requests import Request
from starlette.responses import JSONResponse

from assistant.service import Recourse
from assistant.vocabulary import JURISDICTIONS

log = logging.getLogger(__name__)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class AskRequest(BaseModel):
    """The body of `POST /api/ask`: the `ask` contract's inputs."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(max_length=200_000, description="The person's message (over 2,000 characters: a sentence "
                          "asking for a shorter one).")
    jurisdiction: str | None = Field(None, description=f"One of {', '.join(JURISDICTIONS)}, or empty.")
    id: str | None = Field(None, max_length=200, description="Echoed back, for the caller's bookkeeping.")

    @field_validator("question", "id", mode="before")
    @classmethod
    def _no_lone_surrogates(cls, value: Any) -> Any:
        """A lone UTF-16 surrogate ("\\ud83d" in the JSON, half an emoji) is made a space, as every edge does, before
        the string check (which would refuse the whole message for it)."""
        return _SURROGATE.sub(" ", value) if isinstance(value, str) else value

    @field_validator("jurisdiction")
    @classmethod
    def _known_place(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if value not in JURISDICTIONS:
            raise ValueError(f"must be one of {', '.join(JURISDICTIONS)}, or empty")
        return value


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with where and what is wrong, never the value sent (FastAPI's default echoes it as `input`)."""
    detail = [{"loc": list(error.get("loc", ())), "msg": error.get("msg", ""), "type": error.get("type", "")}
              for error in exc.errors()]
    return JSONResponse({"detail": detail}, status_code=422)


EXCEPTION_HANDLERS = {RequestValidationError: validation_error}


def json_routes(service: Recourse) -> list[APIRoute]:
    """The routes, to hand to the server before Gradio adds its own (so they are matched first)."""

    def ask(request: AskRequest) -> dict[str, Any]:
        """Same JSON as `recourse ask --json`. Runs in the server's thread pool, like Gradio's own events."""
        return service.ask(request.question, request.jurisdiction, id=request.id).to_dict()

    def healthz() -> JSONResponse:
        """Ready when the index is loaded in memory: the index generation, the embedding model, ready or not."""
        health = service.health()
        return JSONResponse(health, status_code=200 if health["ready"] else 503)

    return [APIRoute("/api/ask", ask, methods=["POST"], response_model=None),
            APIRoute("/healthz", healthz, methods=["GET"], response_model=None)]
