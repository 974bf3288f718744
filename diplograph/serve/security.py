"""What keeps the app safe to run: a cap on request bodies, headers that stop a browser from
guessing types or fetching from other hosts, and the write token, compared in constant time."""

from __future__ import annotations

import hmac
import json

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_BODY", "BodyCap", "SecurityHeaders", "check_token"]

MAX_BODY = 2 * 1024 * 1024  # bytes: a long article is ~100 KB of text

# The page and its scripts, styles, images and data come from this app alone; nothing may frame it.
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
               "form-action 'self'; frame-ancestors 'none'")
# /docs: Swagger UI, served by this app too (vendor.py); its one inline script, which starts it, is
# allowed by its hash and no other inline script runs.
DOCS_POLICY = ("default-src 'self'; img-src 'self' data:; script-src 'self' {scripts}; object-src 'none'; "
               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs",)


def _reply(status: int, detail: str) -> tuple[Message, Message]:
    body = json.dumps({"detail": detail}).encode()
    return ({"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                         (b"x-content-type-options", b"nosniff")]},
            {"type": "http.response.body", "body": body})


class BodyCap:
    """Refuse a request body over ``limit`` bytes with 413, by its Content-Length or as it streams."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = f"request body over {self.limit} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                for message in _reply(413 if value.isdigit() else 400,
                                      too_big if value.isdigit() else "bad Content-Length"):
                    await send(message)
                return
        if not any(name == b"content-length" for name, _ in scope.get("headers", [])):
            # no length given (a chunked body): read it whole, up to the cap, then hand it on
            chunks: list[bytes] = []
            seen = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    break
                chunks.append(message.get("body", b""))
                seen += len(chunks[-1])
                if seen > self.limit:
                    for reply in _reply(413, too_big):
                        await send(reply)
                    return
                if not message.get("more_body", False):
                    break
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
                return await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` on every answer, and the Content-Security-Policy
    (``docs_scripts``: the CSP sources, e.g. hashes, of the inline scripts /docs may run)."""

    def __init__(self, app: ASGIApp, docs_scripts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.docs_policy = DOCS_POLICY.format(scripts=" ".join(docs_scripts)).replace("  ", " ")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.docs_policy if scope.get("path", "") in DOCS_PATHS else PAGE_POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"x-content-type-options", b"content-security-policy")]
                headers += [(b"x-content-type-options", b"nosniff"), (b"content-security-policy", policy.encode()),
                            (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def check_token(request: Request, token: str | None) -> None:
    """Let a write through only with ``Authorization: Bearer <token>`` (never logged, compared in constant time)."""
    if token is None:
        raise HTTPException(403, "writes disabled (start the server with --token or DIPLOGRAPH_TOKEN)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise HTTPException(401, "a write needs the header 'Authorization: Bearer <token>' with the server's token",
                            headers={"WWW-Authenticate": "Bearer"})
