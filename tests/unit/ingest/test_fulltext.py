"""Full text of summary-only entries: robots.txt, per-host rate, extraction, summary kept on failure."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from feedserver import FeedServer, standard_routes

from armswatch.config import Settings
from armswatch.schema import Article
from ingest.fetch import Fetcher
from ingest.fulltext import FullText, needs_full_text, parse_robots, with_full_text
from ingest.normalize import content_hash


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with standard_routes(FeedServer()) as running:
        yield running


def article(url: str, summary: str = "A short summary.", text: str | None = None) -> Article:
    body = summary if text is None else text
    return Article(
        id="x",
        url=url,
        source="test",
        title="Title",
        summary=summary,
        text=body,
        fetched_at=datetime.now(UTC),
        content_hash=content_hash("Title", body),
    )


def complete(articles: list[Article], **overrides: float) -> tuple[list[Article], Counter[str]]:
    values = {"full_text_per_host_interval": 0.0, **overrides}
    settings = Settings(allow_private_addresses=True, **values)
    counts: Counter[str] = Counter()

    async def run() -> list[Article]:
        async with Fetcher(settings) as fetcher:
            return await FullText(settings, fetcher, counts).complete(articles)

    return asyncio.run(run()), counts


def test_fulltext_only_for_summary_only_entries() -> None:
    assert needs_full_text(article("https://a.example/1"))
    assert not needs_full_text(article("https://a.example/1", text="The whole article, longer."))


def test_fulltext_extracts_the_article_and_rehashes(server: FeedServer) -> None:
    [done], counts = complete([article(server.url("/article/1"))])
    assert "air-defence systems had been delivered" in done.text
    assert "tracking" not in done.text and "Copyright" not in done.text
    assert done.summary == "A short summary." and done.content_hash == content_hash("Title", done.text)
    assert counts["full_text_extracted"] == 1


def test_fulltext_respects_robots_txt_and_keeps_the_summary(server: FeedServer) -> None:
    before = server.hits["/private/2"]
    [kept], counts = complete([article(server.url("/private/2"))])
    assert kept.text == "A short summary." and counts["full_text_robots_denied"] == 1
    assert server.hits["/private/2"] == before, "a disallowed page is never requested"


def test_fulltext_failure_keeps_the_summary(server: FeedServer) -> None:
    [kept], counts = complete([article(server.url("/status/404"))])
    assert kept.text == "A short summary." and counts["full_text_failed"] == 1


def test_fulltext_waits_between_requests_to_one_host(server: FeedServer) -> None:
    began = time.perf_counter()
    done, _ = complete(
        [article(server.url(f"/article/{n}")) for n in range(3)], full_text_per_host_interval=0.4
    )
    # robots.txt and three pages: four requests, three waits.
    assert time.perf_counter() - began >= 1.2
    assert all("Paragraph" in a.text for a in done)


def test_fulltext_bounded_per_poll(server: FeedServer) -> None:
    done, counts = complete(
        [article(server.url(f"/article/{n}")) for n in range(4)], full_text_max_per_poll=2
    )
    assert counts["full_text_extracted"] == 2 and done[3].text == "A short summary."


def test_robots_parser_reads_our_bytes() -> None:
    robots = parse_robots(b"User-agent: armswatch\nDisallow: /no/\n\nUser-agent: *\nDisallow: /\n")
    assert robots.can_fetch("https://a.example/yes", "armswatch")
    assert not robots.can_fetch("https://a.example/no/1", "armswatch")
    assert not robots.can_fetch("https://a.example/yes", "otherbot")


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/a/file.pdf", False),  # "*" and "$" wildcards
        ("/a/file.pdf?x=1", True),  # "$" anchors the end
        ("/private/page", False),
        ("/private/public/page", True),  # the longest matching rule wins, not the first
    ],
)
def test_robots_parser_follows_rfc_9309(path: str, allowed: bool) -> None:
    robots = parse_robots(b"User-agent: *\nDisallow: /*.pdf$\nDisallow: /private/\nAllow: /private/public/\n")
    assert robots.can_fetch(f"https://a.example{path}", "armswatch") is allowed


def test_with_full_text_ignores_nothing_better() -> None:
    short = article("https://a.example/1", summary="A longer summary than the extract.")
    assert with_full_text(short, "Tiny.") is short and with_full_text(short, None) is short
