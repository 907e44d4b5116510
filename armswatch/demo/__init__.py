"""The offline demo's news: a few dozen articles in English and French, written for the project
(``articles.yaml``), served as RSS feeds whose dates end at the moment the demo starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import yaml

from armswatch.demo.server import Item, rss_feed

ARTICLES_FILE = Path(__file__).with_name("articles.yaml")
# The demo's alert rule, in the query language of `armswatch search`.
DEMO_ALERT_QUERY = "supplier:IR AND recipient:RU AND category:drones"


@dataclass(frozen=True)
class DemoFeed:
    key: str
    title: str
    lang: str

    @property
    def path(self) -> str:
        return f"/feeds/{self.key}.xml"


@dataclass(frozen=True)
class DemoArticle:
    feed: str
    hours_ago: float
    slug: str
    title: str
    summary: str
    transfer: str | None = None  # "IR>RU": the pair a reader finds in it, if any


@cache
def corpus() -> tuple[tuple[DemoFeed, ...], tuple[DemoArticle, ...]]:
    data = yaml.safe_load(ARTICLES_FILE.read_text(encoding="utf-8"))
    feeds = tuple(DemoFeed(key, spec["title"], spec["lang"]) for key, spec in data["feeds"].items())
    articles = tuple(DemoArticle(**entry) for entry in data["articles"])
    return feeds, articles


def demo_feeds(now: datetime, base_url: str) -> dict[DemoFeed, bytes]:
    """Every demo feed as RSS, newest article first, dated relative to ``now``, links on ``base_url``."""
    feeds, articles = corpus()
    documents = {}
    for feed in feeds:
        items = [
            Item(
                title=article.title,
                link=f"{base_url}/{feed.key}/{article.slug}",
                description=article.summary,
                published=now - timedelta(hours=article.hours_ago),
            )
            for article in sorted(articles, key=lambda a: a.hours_ago)
            if article.feed == feed.key
        ]
        documents[feed] = rss_feed(feed.title, f"{base_url}/{feed.key}", items)
    return documents
