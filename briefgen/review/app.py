"""The review page as an ASGI app (Starlette): one page, a small JSON API, static files.

Routes live under `/<token>/`, behind `security.Guard`. The client never names a file: the
routes read and write only the files of the `Review` the app was made for, and the memo
files are picked from a fixed table. Blocking work (YAML, rendering) runs in a thread so the
event loop stays free.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..build.discover import safe_stem
from ..errors import BriefgenError
from ..modelfile import MAX_MODEL_BYTES
from .security import Guard
from .session import Conflict, Invalid, Review, validate

HERE = Path(__file__).parent
#: The only files the client can fetch besides static assets: suffix and media type.
OUTPUTS = {
    "pdf": (".pdf", "application/pdf"),
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    auto_reload=False,
)


class BadRequest(Exception):
    """A request body that is not the JSON object the route expects."""


async def _json_body(request: Request) -> dict[str, Any]:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_MODEL_BYTES:
            raise BadRequest("request body too large")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest("request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("request body must be a JSON object")
    return data


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def create_app(review: Review, *, token: str, hosts: Iterable[str]) -> Guard:
    """The app for one review. `hosts` are the Host values accepted (e.g. 127.0.0.1:8123)."""

    async def page(request: Request) -> Response:
        try:
            state = await run_in_threadpool(review.state)
        except BriefgenError as err:
            return HTMLResponse(_env.get_template("error.html").render(message=str(err)), status_code=500)
        html = _env.get_template("page.html").render(state=state, version=__version__)
        return HTMLResponse(html)

    async def root(request: Request) -> Response:
        return RedirectResponse(f"/{token}/", status_code=307)

    async def get_state(request: Request) -> Response:
        try:
            return JSONResponse(await run_in_threadpool(review.state))
        except BriefgenError as err:
            return _error(500, str(err))

    async def check(request: Request) -> Response:
        try:
            data = await _json_body(request)
            await run_in_threadpool(validate, data.get("model"))
        except BadRequest as err:
            return _error(400, str(err))
        except Invalid as err:
            return JSONResponse({"errors": err.errors})
        return JSONResponse({"errors": []})

    async def save(request: Request) -> Response:
        try:
            data = await _json_body(request)
            new = await run_in_threadpool(review.save, data.get("model"), str(data.get("base", "")))
        except BadRequest as err:
            return _error(400, str(err))
        except Invalid as err:
            return _error(422, "not saved: the model is not valid", errors=err.errors)
        except Conflict as err:
            return _error(409, str(err), conflict=True)
        except BriefgenError as err:
            return _error(500, str(err))
        return JSONResponse({"digest": new})

    async def build(request: Request) -> Response:
        try:
            data = await _json_body(request)
            digests = await run_in_threadpool(review.build, str(data.get("base", "")))
        except BadRequest as err:
            return _error(400, str(err))
        except Conflict as err:
            return _error(409, str(err), conflict=True)
        except BriefgenError as err:
            return _error(500, f"not built: {err}")
        return JSONResponse(
            {
                "pdf": f"out/pdf?v={digests['.pdf'][:16]}",
                "docx": f"out/docx?download=1&v={digests['.docx'][:16]}",
                "pdf_download": f"out/pdf?download=1&v={digests['.pdf'][:16]}",
                "files": [review.output(".docx").name, review.output(".pdf").name],
            }
        )

    def memo_file(kind: str):
        """A route for one memo file: the kind is the server's choice, never a client path."""
        suffix, media = OUTPUTS[kind]

        async def handler(request: Request) -> Response:
            path = review.output(suffix)
            try:
                data = await run_in_threadpool(path.read_bytes)
            except OSError:
                return _error(404, "not built yet")
            disposition = "attachment" if request.query_params.get("download") else "inline"
            # The model's file name may hold quotes, controls or non-Latin letters: send a safe
            # ASCII name and the exact UTF-8 one (RFC 6266).
            name = safe_stem(path.stem) + suffix
            fallback = name if name.isascii() else f"memo{suffix}"
            headers = {"content-disposition": f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"}
            return Response(data, media_type=media, headers=headers)

        return handler

    routes = [
        Route("/", page),
        Route("/api/state", get_state),
        Route("/api/validate", check, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/build", build, methods=["POST"]),
        Route("/out/pdf", memo_file("pdf")),
        Route("/out/docx", memo_file("docx")),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=[Route(f"/{token}", root), Mount(f"/{token}", routes=routes)])
    return Guard(app, token=token, hosts=hosts)
