"""The fetcher against the local feed server: validators, encodings, limits, redirects, refusals."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from feedserver import FeedServer, Page, rss20, standard_routes

from armswatch.config import Settings
from ingest.fetch import (
    Fetched,
    Fetcher,
    FetchError,
    Validators,
    parse_retry_after,
)


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with standard_routes(FeedServer()) as running:
        yield running


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "allow_private_addresses": True,
        "fetch_max_body_bytes": 1 * 2**20,
        "fetch_read_timeout": 1.0,
        "fetch_total_timeout": 3.0,
        "fetch_max_redirects": 5,
    }
    return Settings(**{**values, **overrides})


def fetch(url: str, validators: Validators | None = None, **overrides: Any) -> Fetched:
    async def run() -> Fetched:
        async with Fetcher(settings(**overrides)) as fetcher:
            return await fetcher.fetch(url, validators)

    return asyncio.run(run())


def fetch_error(url: str, **overrides: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, **overrides)
    return caught.value


@pytest.mark.parametrize("path", ["/rss090", "/rss091", "/rss10", "/rss20", "/atom", "/slow"])
def test_fetch_valid_feeds_bring_body_validators_and_hash(server: FeedServer, path: str) -> None:
    result = fetch(server.url(path))
    assert result.status == 200 and result.body and result.body.lstrip().startswith(b"<?xml")
    assert result.validators.body_hash is not None and result.moved_to is None


def test_fetch_sends_an_honest_user_agent(server: FeedServer) -> None:
    fetch(server.url("/rss20"))
    agent = server.headers_seen["/rss20"][-1]["User-Agent"]
    assert agent == Settings().fetch_user_agent and "armswatch" in agent


def test_fetch_conditional_get_gets_304_and_keeps_validators(server: FeedServer) -> None:
    first = fetch(server.url("/etag"))
    assert first.validators.etag == '"v1"' and first.validators.last_modified
    again = fetch(server.url("/etag"), first.validators)
    assert again.status == 304 and again.body is None and not again.changed
    assert again.validators == first.validators
    sent = server.headers_seen["/etag"][-1]
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == first.validators.last_modified


def test_fetch_body_hash_sees_through_lying_validators(server: FeedServer) -> None:
    first = fetch(server.url("/lying-etag"))
    again = fetch(server.url("/lying-etag"), first.validators)
    assert again.status == 200 and again.validators.etag != first.validators.etag
    assert again.body is None, "same bytes under a new ETag are not a change"


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_fetch_decodes_compressed_bodies(server: FeedServer, path: str) -> None:
    result = fetch(server.url(path))
    assert result.body is not None and result.body.startswith(b'<?xml version="1.0"')
    assert server.headers_seen[path][-1]["Accept-Encoding"] == "gzip, deflate"


def test_fetch_cuts_off_huge_bodies_while_streaming(server: FeedServer) -> None:
    assert fetch_error(server.url("/huge")).reason == "too_large"


def test_fetch_cuts_off_a_gzip_bomb_after_the_limit(server: FeedServer) -> None:
    began = time.perf_counter()
    error = fetch_error(server.url("/bomb"), fetch_max_body_bytes=2**20)
    assert error.reason == "too_large" and "decompressed" in error.detail
    assert time.perf_counter() - began < 3, "decoding stopped at the limit, not after 256 MiB"


def test_fetch_refuses_a_declared_length_over_the_limit(server: FeedServer) -> None:
    server.pages["/declared-big"] = Page(rss20([]) + b" " * 5000)
    assert fetch_error(server.url("/declared-big"), fetch_max_body_bytes=1000).reason == "too_large"


@pytest.mark.parametrize("path", ["/stall", "/trickle"])
def test_fetch_gives_up_on_stalled_and_trickling_servers(server: FeedServer, path: str) -> None:
    began = time.perf_counter()
    assert fetch_error(server.url(path), fetch_read_timeout=0.5, fetch_total_timeout=1.5).reason == "timeout"
    assert time.perf_counter() - began < 5


def test_fetch_follows_a_temporary_redirect_without_moving_the_feed(server: FeedServer) -> None:
    result = fetch(server.url("/redirect/temporary"))
    assert result.final_url == server.url("/rss20") and result.body and result.moved_to is None


def test_fetch_reports_where_a_permanent_redirect_moved_the_feed(server: FeedServer) -> None:
    result = fetch(server.url("/redirect/permanent"))
    assert result.moved_to == server.url("/rss20") and result.body


def test_fetch_moves_only_as_far_as_the_permanent_hops_go(server: FeedServer) -> None:
    # 308 to a temporary redirect: the feed moved to the temporary one, not to its current target.
    result = fetch(server.url("/redirect/permanent-308"))
    assert result.moved_to == server.url("/redirect/temporary") and result.final_url == server.url("/rss20")


def test_fetch_detects_redirect_loops(server: FeedServer) -> None:
    assert fetch_error(server.url("/redirect/loop-a")).reason == "redirect_loop"


def test_fetch_bounds_redirect_chains(server: FeedServer) -> None:
    assert fetch_error(server.url("/redirect/chain"), fetch_max_redirects=3).reason == "too_many_redirects"


@pytest.mark.parametrize("code", [404, 500])
def test_fetch_http_errors_are_named_by_status(server: FeedServer, code: int) -> None:
    error = fetch_error(server.url(f"/status/{code}"))
    assert error.reason == f"http_{code}" and error.retry_after is None


def test_fetch_429_carries_retry_after_seconds(server: FeedServer) -> None:
    error = fetch_error(server.url("/status/429"))
    assert error.reason == "http_429" and error.retry_after == 120


def test_fetch_503_carries_retry_after_date(server: FeedServer) -> None:
    error = fetch_error(server.url("/status/503"))
    assert error.reason == "http_503" and error.retry_after is not None and error.retry_after > 3600


def test_fetch_refuses_loopback_unless_allowed(server: FeedServer) -> None:
    error = fetch_error(server.url("/rss20"), allow_private_addresses=False)
    assert error.reason == "forbidden_address" and "ARMSWATCH_ALLOW_PRIVATE_ADDRESSES" in error.detail
    assert fetch(server.url("/rss20")).body


def test_fetch_checks_every_redirect_hop_like_the_first(server: FeedServer) -> None:
    server.routes["/redirect/file"] = lambda handler: handler.send_plain(
        302, b"", {"Location": "file:///etc/passwd"}
    )
    error = fetch_error(server.url("/redirect/file"))
    assert error.reason == "bad_url" and "only http and https" in error.detail


def test_fetch_limits_requests_in_flight_per_host(server: FeedServer) -> None:
    server.pages["/slow-many"] = Page(rss20([]), delay=0.2)

    async def run() -> None:
        async with Fetcher(settings(fetch_per_host_concurrency=2)) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url("/slow-many")) for _ in range(8)))

    asyncio.run(run())
    assert server.max_in_flight["/slow-many"] == 2


def test_parse_retry_after_reads_seconds_and_dates() -> None:
    now = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after("Wed, 01 May 2024 08:10:00 GMT", now) == 600
    assert parse_retry_after("Wed, 01 May 2024 07:00:00 GMT", now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None
