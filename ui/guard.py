"""Keep what a client sent out of the server's log, on the error paths Gradio and uvicorn own.

The log must carry only tags and figures we choose. Three paths printed client values:
- Gradio prints a full traceback (`traceback.print_exc()`) whenever an event fails, and the exception's message
  often holds the client's values: a call with too few inputs prints every input it received ("Received inputs:
  [...]"), a dropdown or radio value outside its choices is printed back. Inside Gradio's request handling,
  `traceback` is swapped for a stand-in whose `print_exc` logs one line: the exception's type and the file and line
  it came from (code, never data). Everything else about `traceback` is unchanged.
- Gradio `print`s from request handlers: the URL parts of any /gradio_api/custom_component/... request, and a
  validator's error text. In those modules `print` logs a fixed tag instead (at debug level).
- uvicorn logs "Exception in ASGI application" with the traceback when a handler fails after its response started
  (an event stream for an unknown session). A filter on its logger keeps the tag and drops the exception's text.

One path answered 500: a queue/join or an API call naming a handler that does not exist (an fn_index out of range,
an unknown api_name) raised KeyError or FnIndexInferError out of the route. It gets 404 "no such handler" instead.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import ModuleType

log = logging.getLogger("ui.requests")

# The Gradio modules whose error paths print tracebacks of request handling.
_GRADIO_MODULES = ("gradio.queueing", "gradio.routes", "gradio.route_utils")


class _TagOnlyTraceback(ModuleType):
    """`traceback`, except that print_exc writes a one-line tag to our log instead of the exception's text."""

    def __init__(self) -> None:
        super().__init__("traceback")

    def __getattr__(self, name: str):
        return getattr(traceback, name)

    @staticmethod
    def print_exc(*args, **kwargs) -> None:
        exc = sys.exc_info()[1]
        if exc is not None:
            log.error("request failed: %s at %s", *_exception_tag(exc))


def _exception_tag(exc: BaseException) -> tuple[str, str]:
    """(type name, "file:line" where it was raised): chosen by the code, never by a client."""
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    return type(exc).__name__, f"{os.path.basename(where[0].filename)}:{where[0].lineno}" if where else "?"


def _withheld_print(*args, **kwargs) -> None:
    log.debug("gradio printed a message; withheld because it may hold what a client sent")


class _TagOnlyExceptions(logging.Filter):
    """On uvicorn's error logger: a record with an exception keeps our tag, not the exception's text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.msg, record.args = "request failed: %s at %s", _exception_tag(record.exc_info[1])
            record.exc_info, record.exc_text = None, None
        return True


def _known_handlers_only(get_fn):
    """Gradio's get_fn, raising FnIndexInferError (answered 404 below) for an fn_index no handler has."""

    def get_fn_or_404(blocks, api_name, body):
        try:
            return get_fn(blocks, api_name, body)
        except KeyError:
            from gradio.route_utils import FnIndexInferError

            raise FnIndexInferError("no such handler") from None

    get_fn_or_404.recourse_checked = True
    return get_fn_or_404


async def _no_such_handler(request, exc):
    from starlette.responses import JSONResponse

    return JSONResponse({"detail": "no such handler"}, status_code=404)


def gradio_exception_handlers() -> dict:
    """For the server's exception_handlers: a call to a handler that does not exist is a 404, not a 500."""
    from gradio.route_utils import FnIndexInferError

    return {FnIndexInferError: _no_such_handler}


def quiet_gradio_tracebacks() -> None:
    """Swap Gradio's traceback and print for tag-only stand-ins, filter uvicorn's error log, and make an unknown
    handler a clean error (idempotent)."""
    import importlib

    stand_in = _TagOnlyTraceback()
    for name in _GRADIO_MODULES:
        module = importlib.import_module(name)
        if getattr(module, "traceback", None) is traceback:
            module.traceback = stand_in
        module.print = _withheld_print
    route_utils = importlib.import_module("gradio.route_utils")
    if not getattr(route_utils.get_fn, "recourse_checked", False):
        route_utils.get_fn = _known_handlers_only(route_utils.get_fn)
    uvicorn_errors = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _TagOnlyExceptions) for f in uvicorn_errors.filters):
        uvicorn_errors.addFilter(_TagOnlyExceptions())
