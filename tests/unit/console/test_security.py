"""The console's guard: bind policy, token, Host check, CSRF, headers, redaction."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import pytest

from app.console.security import (
    CSRF_HEADER,
    BindRefused,
    Guard,
    check_bind,
    host_name,
    is_loopback,
    redact_urls,
)

CSRF = "the-page-csrf-token"
TOKEN = "a-sufficiently-long-token"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    text: str


async def _hello(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"hello"})


def _call(guard: Guard, method: str, target: str, headers: dict[str, str] | None = None) -> Answer:
    """One request through the guard, as an ASGI server would make it."""
    path, _, query = target.partition("?")
    sent = {"host": "127.0.0.1:8765", **(headers or {})}
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query.encode(),
        "headers": [(name.lower().encode(), value.encode()) for name, value in sent.items()],
    }
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: Any) -> None:
        messages.append(dict(message))

    asyncio.run(guard(scope, receive, send))
    start, body = messages[0], messages[1]
    answer_headers = {name.decode(): value.decode() for name, value in start.get("headers", [])}
    return Answer(start["status"], answer_headers, body.get("body", b"").decode())


def _guard(loopback_only: bool = True, token: str | None = None) -> Guard:
    return Guard(_hello, loopback_only=loopback_only, token=token, csrf_token=CSRF)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("example.org", False),
        ("::", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_check_bind_refuses_another_address_without_a_token() -> None:
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", TOKEN)
    with pytest.raises(BindRefused, match="access token"):
        check_bind("0.0.0.0", None)
    with pytest.raises(BindRefused, match="too short"):
        check_bind("0.0.0.0", "short")


@pytest.mark.parametrize(
    ("header", "name"), [("127.0.0.1:8765", "127.0.0.1"), ("localhost", "localhost"), ("[::1]:80", "[::1]")]
)
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_a_rebound_host_name_is_refused_on_loopback() -> None:
    guard = _guard()
    assert _call(guard, "GET", "/").text == "hello"
    assert _call(guard, "GET", "/", {"Host": "attacker.example:8765"}).status == 421


def test_state_changes_need_the_csrf_header_and_the_same_origin() -> None:
    guard = _guard()
    assert _call(guard, "POST", "/").status == 403
    assert _call(guard, "POST", "/", {CSRF_HEADER: "wrong"}).status == 403
    assert _call(guard, "POST", "/", {CSRF_HEADER: CSRF, "Origin": "http://attacker.example"}).status == 403
    assert _call(guard, "POST", "/", {CSRF_HEADER: CSRF, "Origin": "http://127.0.0.1:8765"}).text == "hello"


def test_a_token_is_required_and_traded_for_a_cookie() -> None:
    guard = _guard(loopback_only=False, token=TOKEN)
    refused = _call(guard, "GET", "/")
    assert refused.status == 401 and "access token required" in refused.text
    assert _call(guard, "GET", "/", {"Authorization": "Bearer wrong"}).status == 401
    assert _call(guard, "GET", "/", {"Authorization": f"Bearer {TOKEN}"}).text == "hello"
    traded = _call(guard, "GET", f"/?token={TOKEN}")
    assert traded.status == 303 and traded.headers["location"] == "/"
    cookie = traded.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert _call(guard, "GET", "/", {"Cookie": cookie.split(";")[0]}).text == "hello"


def test_answers_forbid_foreign_and_inline_scripts() -> None:
    response = _call(_guard(), "GET", "/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_redact_urls_keeps_only_scheme_and_host() -> None:
    error = "webhook:hooks.example.org: ConnectError for url 'https://hooks.example.org/T0/secret?key=abc'"
    assert (
        redact_urls(error) == "webhook:hooks.example.org: ConnectError for url 'https://hooks.example.org/…'"
    )
