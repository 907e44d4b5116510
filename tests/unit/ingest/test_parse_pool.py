"""The parser pool: hostile feeds cost a bounded amount of CPU and memory, and never the pool itself."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from armswatch.schema import Feed
from ingest.parse import FeedError
from ingest.pool import ParserPool

FETCHED_AT = datetime(2024, 3, 6, 8, 0, tzinfo=UTC)
FEED = Feed(url="https://x.example/rss.xml", added_at=FETCHED_AT)
SMALL = b'<rss version="2.0"><channel><title>T</title><item><link>https://x.example/a</link></item></channel></rss>'


def big_feed(entries: int) -> bytes:
    """A legal feed large enough that parsing it takes several seconds of CPU."""
    items = "".join(
        f"<item><title>Story {i}</title><link>https://x.example/{i}</link>"
        f"<description>&lt;p&gt;Paragraph {i}&lt;/p&gt;</description>"
        f"<pubDate>Tue, 05 Mar 2024 14:30:00 +0100</pubDate></item>"
        for i in range(entries)
    )
    return f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()


@pytest.fixture(scope="module")
def pool() -> Iterator[ParserPool]:
    with ParserPool(2, cpu_seconds=1, memory_mb=256) as parsers:
        yield parsers


def test_pool_parses_feeds_concurrently(pool: ParserPool) -> None:
    async def parse_all() -> list[int]:
        results = await asyncio.gather(*(pool.parse(SMALL, FEED, fetched_at=FETCHED_AT) for _ in range(6)))
        return [len(result.articles) for result in results]

    assert asyncio.run(parse_all()) == [1] * 6


def test_pool_bounds_the_quadratic_author_pattern(pool: ParserPool) -> None:
    """50 entries whose authors would cost feedparser about a second each: well within one CPU second."""
    hostile = "a" * 8000 + "@" + "a." * 40
    items = "".join(
        f"<item><link>https://x.example/{i}</link><author>{hostile}</author></item>" for i in range(50)
    )
    body = f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
    parsed = pool.parse_bounded(body, FEED, fetched_at=FETCHED_AT)
    assert len(parsed.articles) == 50


def test_pool_stops_a_feed_over_its_cpu_time_and_replaces_the_child(pool: ParserPool) -> None:
    with pytest.raises(FeedError) as raised:
        pool.parse_bounded(big_feed(60_000), FEED, fetched_at=FETCHED_AT)
    assert raised.value.reason == "parse_timeout"
    for _ in range(3):  # every child still answers
        assert len(pool.parse_bounded(SMALL, FEED, fetched_at=FETCHED_AT).articles) == 1


def test_pool_stops_a_feed_over_its_memory_and_replaces_the_child() -> None:
    with ParserPool(1, cpu_seconds=30, memory_mb=48) as small:
        with pytest.raises(FeedError) as raised:
            small.parse_bounded(big_feed(60_000), FEED, fetched_at=FETCHED_AT)
        assert raised.value.reason == "parse_memory"
        assert len(small.parse_bounded(SMALL, FEED, fetched_at=FETCHED_AT).articles) == 1


def test_pool_reports_the_parsers_own_errors(pool: ParserPool) -> None:
    with pytest.raises(FeedError) as raised:
        asyncio.run(pool.parse(b"<html><body>not a feed</body></html>", FEED, fetched_at=FETCHED_AT))
    assert raised.value.reason == "not_a_feed"


def test_parse_bounded_runs_one_feed_in_a_child_without_an_event_loop() -> None:
    with ParserPool(1) as pool:
        assert len(pool.parse_bounded(SMALL, FEED, fetched_at=FETCHED_AT).articles) == 1


def test_pool_refuses_nonsense_bounds() -> None:
    with pytest.raises(ValueError):
        ParserPool(0)
