"""What keeps the console safe by default: pure checks, and the middleware that applies them.

- It binds loopback unless told otherwise; another address needs an access token (or is refused).
  With a token, every request carries it: ``?token=`` once (it becomes an HttpOnly, SameSite=Strict
  cookie) or ``Authorization: Bearer``.
- On loopback, only requests addressed to a loopback name are answered (``Host`` header): a web page
  whose domain an attacker re-points at 127.0.0.1 (DNS rebinding) gets 421.
- State-changing requests carry the page's CSRF token in ``X-CSRF-Token`` (a cross-site form cannot
  set a header, and a cross-site script cannot read the token), and a cross-origin ``Origin`` is refused.
- Every answer forbids inline and foreign scripts (Content-Security-Policy), so even a feed text that
  slipped into the markup could not run.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "armswatch_console_token"
CSRF_HEADER = "x-csrf-token"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_URL = re.compile(r"\b(https?)://([^/\s'\"]+)[^\s'\"]*")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BindRefused(ValueError):
    """The console may not bind this address as configured; the message says what to do."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 with or without brackets) is this machine only."""
    name = host.strip().lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse a non-loopback bind without an access token (``BindRefused``)."""
    if not is_loopback(host) and not token:
        raise BindRefused(
            f"binding {host} would open the console to the network without protection: set an access "
            "token (--token or ARMSWATCH_UI_TOKEN; e.g. `python3 -c 'import secrets; "
            "print(secrets.token_urlsafe())'`) or bind 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise BindRefused("the access token is too short: use at least 16 characters")


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def host_name(host_header: str) -> str:
    """``127.0.0.1:8765`` -> ``127.0.0.1``; ``[::1]:80`` -> ``[::1]``."""
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def redact_urls(text: str) -> str:
    """URLs cut to scheme and host: a delivery error must not show a webhook's secret path or query."""
    return _URL.sub(lambda match: f"{match.group(1)}://{match.group(2)}/…", text)


def _headers(scope: Scope) -> dict[str, str]:
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in scope.get("headers", [])}


def _cookie(headers: dict[str, str], name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


class Guard:
    """ASGI middleware applying the checks above to every HTTP request of ``app``."""

    def __init__(self, app: ASGIApp, *, loopback_only: bool, token: str | None, csrf_token: str) -> None:
        self.app = app
        self.loopback_only = loopback_only
        self.token = token
        self.csrf_token = csrf_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self.refusal(scope, headers)
        if refusal is not None:
            status, message = refusal
            await _plain(send, status, message)
            return
        query_token = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [None])[0]
        if self.token and same(query_token, self.token) and scope["method"] == "GET":
            # Trade the token in the address for a cookie, and drop it from the address bar.
            cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [(b"location", scope["path"].encode()), (b"set-cookie", cookie.encode())],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def secured(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, secured)

    def refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """(status, message) when the request must not reach the console, else None."""
        if self.loopback_only and not is_loopback(host_name(headers.get("host", ""))):
            return 421, "this console answers on 127.0.0.1 or localhost only"
        if self.token:
            query_token = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [None])[0]
            bearer = headers.get("authorization", "").removeprefix("Bearer ").strip() or None
            presented = [query_token, bearer, _cookie(headers, TOKEN_COOKIE)]
            if not any(same(value, self.token) for value in presented):
                return 401, "access token required: open the console's address with ?token=<its token>"
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            if origin and urlsplit(origin).netloc != headers.get("host", ""):
                return 403, "cross-origin request refused"
            if not same(headers.get(CSRF_HEADER), self.csrf_token):
                return 403, "missing or wrong CSRF token: reload the page"
        return None


async def _plain(send: Send, status: int, message: str) -> None:
    body = (message + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})
