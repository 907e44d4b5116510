"""Full text for entries whose feed carries only a summary: the article page, fetched politely.

Pages are fetched with the feeds' ``Fetcher`` (same address checks, size limit and timeouts),
only where the site's robots.txt lets our User-Agent in, and no faster than one request per
``full_text_per_host_interval`` seconds per host (robots.txt requests included). The main text is
extracted by ``ingest.extract.extract_main_text``; when anything fails, the entry keeps its summary.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from armswatch.config import Settings
from armswatch.schema import Article
from ingest.extract import MAX_PAGE_BYTES, extract_main_text
from ingest.fetch import Fetcher, FetchError
from ingest.normalize import content_hash

log = logging.getLogger(__name__)

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9"
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TTL = 3600.0
# When robots.txt cannot be fetched (5xx, timeout), the site is treated as closed for a while
# (RFC 9309, "unreachable"), then asked again.
ROBOTS_UNREACHABLE_TTL = 600.0
ROBOTS_CACHE_SIZE = 10_000


def needs_full_text(article: Article) -> bool:
    """True when the feed gave no more than its summary for this entry."""
    return bool(article.url) and (not article.text or article.text == article.summary)


def with_full_text(article: Article, text: str | None) -> Article:
    """The article with ``text`` as its text, unless extraction brought nothing longer than the
    summary; the content hash follows the text."""
    if not text or len(text) <= len(article.summary):
        return article
    return article.model_copy(update={"text": text, "content_hash": content_hash(article.title, text)})


@dataclass
class _Robots:
    parser: Protego | None  # None: everything allowed
    closed: bool  # True: unreachable robots.txt, nothing allowed for now
    expires: float

    def allows(self, agent: str, url: str) -> bool:
        if self.closed:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, agent))


def parse_robots(body: bytes) -> Protego:
    """The rules of a robots.txt we fetched, read as RFC 9309 says (``*`` and ``$`` wildcards, the
    longest matching rule wins), which the standard library's parser does not."""
    return Protego.parse(body.decode("utf-8", "replace"))


class FullText:
    """Fills in the text of summary-only entries. One per worker, shared by its tasks."""

    def __init__(self, settings: Settings, fetcher: Fetcher, counts: Counter[str]) -> None:
        self.settings = settings
        self.fetcher = fetcher
        self.counts = counts
        self.agent = settings.fetch_user_agent.split("/", 1)[0]
        self.robots: OrderedDict[str, _Robots] = OrderedDict()
        self.next_turn: dict[str, float] = {}

    async def complete(self, articles: list[Article]) -> list[Article]:
        """The articles, summary-only ones with their page's main text where it could be had (at most
        ``full_text_max_per_poll`` pages). Never raises for a page that fails."""
        budget = self.settings.full_text_max_per_poll
        completed = []
        for article in articles:
            if budget > 0 and needs_full_text(article):
                budget -= 1
                article = with_full_text(article, await self.main_text(article.url))
            completed.append(article)
        return completed

    async def main_text(self, url: str) -> str | None:
        """The main text of the page at ``url``, or None (robots.txt says no, fetch or extraction
        failed)."""
        try:
            if not await self._allowed(url):
                self.counts["full_text_robots_denied"] += 1
                return None
            await self._turn(url)
            page = await self.fetcher.fetch(url, accept=PAGE_ACCEPT, max_bytes=MAX_PAGE_BYTES)
        except FetchError as error:
            self.counts["full_text_failed"] += 1
            log.info("article page not fetched", extra={"url": url, "reason": error.reason})
            return None
        if page.body is None or "html" not in (page.content_type or "text/html").lower():
            self.counts["full_text_failed"] += 1
            return None
        text = await asyncio.to_thread(extract_main_text, page.body, page.final_url)
        self.counts["full_text_extracted" if text else "full_text_failed"] += 1
        return text

    async def _turn(self, url: str) -> None:
        """Wait until this host may be asked again."""
        host = (urlsplit(url).hostname or "").lower()
        now = time.monotonic()
        turn = max(now, self.next_turn.get(host, 0.0))
        self.next_turn[host] = turn + self.settings.full_text_per_host_interval
        if turn > now:
            await asyncio.sleep(turn - now)

    async def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self.robots.get(origin)
        if cached is None or cached.expires < time.monotonic():
            cached = await self._fetch_robots(origin)
            self.robots[origin] = cached
            self.robots.move_to_end(origin)
            while len(self.robots) > ROBOTS_CACHE_SIZE:
                self.robots.popitem(last=False)
        return cached.allows(self.agent, url)

    async def _fetch_robots(self, origin: str) -> _Robots:
        await self._turn(origin)
        expires = time.monotonic() + ROBOTS_TTL
        try:
            fetched = await self.fetcher.fetch(
                f"{origin}/robots.txt", accept="text/plain", max_bytes=ROBOTS_MAX_BYTES
            )
        except FetchError as error:
            status = int(error.reason[5:]) if error.reason.startswith("http_") else None
            if status is not None and 400 <= status < 500 and status != 429:
                return _Robots(None, False, expires)  # no robots.txt: everything allowed
            return _Robots(None, True, time.monotonic() + ROBOTS_UNREACHABLE_TTL)
        return _Robots(parse_robots(fetched.body or b""), False, expires)
