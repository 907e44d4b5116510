"""The offline demo's feeds: well-formed, dated up to the start, and the transfers the demo promises
are the ones the tagger finds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from armswatch.demo import DEMO_ALERT_QUERY, corpus, demo_feeds
from armswatch.schema import Feed
from enrich.tagger import Tagger
from index.search import compile_query
from ingest.parse import parse_feed

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_every_demo_feed_parses_into_its_articles() -> None:
    feeds, articles = corpus()
    parsed_total = 0
    for feed, document in demo_feeds(NOW, "http://127.0.0.1:8000").items():
        parsed = parse_feed(
            document, Feed(url=f"http://127.0.0.1:8000{feed.path}", added_at=NOW), fetched_at=NOW
        )
        assert not parsed.warnings
        assert parsed.entries_skipped == 0
        dates = [article.published_at for article in parsed.articles]
        assert all(date is not None and date <= NOW for date in dates)
        assert dates == sorted(dates, reverse=True)  # newest first, as feeds are
        assert all("trackVisit" not in article.text for article in parsed.articles)
        parsed_total += len(parsed.articles)
    assert parsed_total == len(articles) >= 30
    assert {feed.lang for feed in feeds} == {"en", "fr"}


def test_a_few_days_of_news_most_of_it_not_about_arms() -> None:
    _feeds, articles = corpus()
    about_arms = [article for article in articles if article.transfer]
    assert 0.2 <= len(about_arms) / len(articles) <= 0.4
    assert max(article.hours_ago for article in articles) >= 72


@pytest.fixture(scope="module")
def tagged() -> list[tuple[str | None, set[str]]]:
    feeds, articles = corpus()
    language = {feed.key: feed.lang for feed in feeds}
    documents = demo_feeds(NOW, "http://demo")
    texts = {}
    for feed, document in documents.items():
        for article in parse_feed(
            document, Feed(url=f"http://demo{feed.path}", added_at=NOW), fetched_at=NOW
        ).articles:
            texts[article.url] = (article.text, article.title, language[feed.key])
    tagger = Tagger()
    results = []
    for article in articles:
        text, title, lang = texts[f"http://demo/{article.feed}/{article.slug}"]
        found = tagger.tag(text, title, lang)
        results.append((article.transfer, {f"{t.supplier}>{t.recipient}" for t in found.transfers}))
    return results


def test_the_demo_shows_the_transfers_it_promises(tagged: list[tuple[str | None, set[str]]]) -> None:
    promised = [(expected, found) for expected, found in tagged if expected]
    shown = sum(1 for expected, found in promised if expected in found)
    assert shown >= len(promised) - 2, promised


def test_ordinary_news_shows_no_transfer(tagged: list[tuple[str | None, set[str]]]) -> None:
    assert [found for expected, found in tagged if not expected and found] == []


def test_the_demo_rule_is_a_valid_query() -> None:
    assert compile_query(DEMO_ALERT_QUERY, "mentions")
