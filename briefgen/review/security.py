"""The guard in front of the review page: a local tool must not become a way in.

One ASGI middleware, outermost, so that every response (errors and static files included)
carries the security headers, and no request reaches a route unless:

- its Host header is one of the server's own addresses (defeats DNS rebinding: a page on
  another site that resolves its name to 127.0.0.1 still sends its own name as Host);
- its path starts with the per-session token (a secret only the opened URL carries, so other
  local users and other sites cannot guess a URL that does anything);
- when it changes state (any method but GET/HEAD), its Origin is the page's own origin and
  its body is JSON (a cross-site form cannot send JSON without a CORS preflight, which the
  server never grants).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: No inline script or style, nothing from another origin; the memo PDF may be framed by the
#: page itself only.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'"
)

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]

SAFE_METHODS = {"GET", "HEAD"}


def new_token() -> str:
    """A fresh per-session secret, URL-safe, 256 bits."""
    return secrets.token_urlsafe(32)


class Guard:
    """Checks Host, token and Origin; adds the security headers to every response."""

    def __init__(self, app: ASGIApp, *, token: str, hosts: Iterable[str]) -> None:
        self.app = app
        self.token = token.encode()
        self.hosts = {h.lower() for h in hosts}
        self.origins = {f"http://{h}" for h in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            await send({"type": "websocket.close", "code": 1008})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        problem = self._problem(scope)
        if problem is not None:
            status, text = problem
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8")],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": text.encode()})
            return
        await self.app(scope, receive, send_with_headers)

    def _problem(self, scope: Scope) -> tuple[int, str] | None:
        headers = {name.lower(): value for name, value in scope.get("headers", [])}
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host not in self.hosts:
            return 400, "unexpected Host header"
        segment = scope.get("path", "").split("/", 2)[1:2]
        given = segment[0].encode("utf-8", "surrogateescape") if segment else b""
        if not secrets.compare_digest(given, self.token):
            return 404, "not found (open the address briefgen review printed)"
        if scope.get("method", "GET") not in SAFE_METHODS:
            origin = headers.get(b"origin", b"").decode("latin-1").lower()
            if origin not in self.origins:
                return 403, "cross-origin request refused"
            content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if content_type != b"application/json":
                return 415, "a JSON body is required"
        return None
