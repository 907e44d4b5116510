"""The offline demo's feeds: well-formed RSS and Atom, dated up to the start, mostly ordinary news, and
the transfers and the alert the demo promises are the ones the real tagger and rule matcher find."""

from __future__ import annotations

import calendar
import io
import xml.etree.ElementTree as ElementTree
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest

from alerts.rules import compile_rule, match, new_rule
from app.demo import (
    DEMO_ALERT_QUERY,
    PLACEHOLDER_BASE_URL,
    demo_feed_files,
    demo_feeds,
    feed_info,
    newest_date,
    shifted_feed,
)
from armswatch.schema import Article, EnrichedArticle, Feed
from enrich.tagger import EXTRACTOR, Tagger
from ingest.parse import parse_feed

NOW = datetime(2026, 11, 26, 12, 0, 30, 250_000, tzinfo=UTC)
BASE_URL = "http://127.0.0.1:8123"
# The article (by the last part of its link) -> the transfer a reader finds in it.
TRANSFERS = {
    "iran-drones-russia": ("IR", "RU", "drones"),
    "patriot-ukraine": ("US", "UA", "air_defense"),
    "china-denies": ("CN", "RU", "drones"),
    "korea-shells": ("KP", "RU", "ammunition"),
    "iris-t": ("DE", "UA", "air_defense"),
    "akinci-indonesia": ("TR", "ID", "drones"),
    "iran-drones-russie": ("IR", "RU", "drones"),
    "coree-obus": ("KP", "RU", "ammunition"),
    "iran-missiles": ("IR", "RU", "missiles"),
    "rafale-inde": ("FR", "IN", "aircraft"),
    "caesar-armenie": ("FR", "AM", "artillery"),
    "harpoon-taiwan": ("US", "TW", "missiles"),
}
ALERTED = {"iran-drones-russia", "iran-drones-russie"}


def slug(article: Article) -> str:
    return article.url.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    """Every demo article as the ingest stage reads it from the served feeds."""
    read = []
    for feed, document in demo_feeds(NOW, BASE_URL).items():
        parsed = parse_feed(
            document, Feed(url=BASE_URL + feed.path, language=feed.lang, added_at=NOW), fetched_at=NOW
        )
        assert parsed.warnings == [] and parsed.entries_skipped == 0, feed
        read += parsed.articles
    return read


@pytest.fixture(scope="module")
def enriched(articles: list[Article]) -> dict[str, EnrichedArticle]:
    results = Tagger().tag_many([(article.text, article.title, article.language) for article in articles])
    return {
        slug(article): EnrichedArticle(
            article=article,
            lang=result.lang,
            states=result.states,
            transfers=result.transfers,
            lemmas=result.lemmas,
            extractor=EXTRACTOR,
            enriched_at=NOW,
        )
        for article, result in zip(articles, results, strict=True)
    }


@pytest.mark.parametrize("path", demo_feed_files(), ids=lambda path: path.name)
def test_each_bundled_file_is_a_well_formed_feed(path: Path) -> None:
    ElementTree.parse(path)
    parsed = feedparser.parse(io.BytesIO(path.read_bytes()))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version in ("rss20", "atom10")
    assert feed_info(path).lang in ("en", "fr")


def test_the_feeds_mix_formats_languages_and_a_few_dozen_articles(articles: list[Article]) -> None:
    versions = {feedparser.parse(io.BytesIO(path.read_bytes())).version for path in demo_feed_files()}
    assert versions == {"rss20", "atom10"}
    assert 4 <= len(demo_feed_files()) <= 6
    assert 40 <= len(articles) <= 60
    assert Counter(article.language for article in articles).keys() == {"en", "fr"}
    assert len({article.id for article in articles}) == len(articles)


def test_entries_as_real_feeds_have_them_a_missing_date_a_missing_guid_and_a_script(
    articles: list[Article],
) -> None:
    undated = [slug(article) for article in articles if article.published_at_estimated]
    assert undated == ["cold-snap"]
    without_guid = [
        entry.link
        for path in demo_feed_files()
        for entry in feedparser.parse(io.BytesIO(path.read_bytes())).entries
        if "id" not in entry
    ]
    assert without_guid == [f"{PLACEHOLDER_BASE_URL}/monde/bourse"]
    assert any(b"<script>" in path.read_bytes() for path in demo_feed_files())
    assert all("trackVisit" not in article.text for article in articles)


def test_the_shift_dates_the_newest_article_now_and_keeps_order_and_spacing() -> None:
    written, shifted = [], []
    for path in demo_feed_files():
        written += _entry_dates(path.read_bytes())
        shifted += _entry_dates(shifted_feed(path, NOW, BASE_URL))
    assert max(shifted) == NOW.replace(microsecond=0)
    offset = NOW.replace(microsecond=0) - newest_date()
    assert shifted == [date + offset for date in written]
    assert max(written) - min(written) >= timedelta(days=5)


def test_a_naive_now_is_utc() -> None:
    path = demo_feed_files()[0]
    assert shifted_feed(path, datetime(2026, 11, 26, 12), BASE_URL) == shifted_feed(
        path, datetime(2026, 11, 26, 12, tzinfo=UTC), BASE_URL
    )


def test_every_link_moves_to_the_feed_server(articles: list[Article]) -> None:
    for document in demo_feeds(NOW, BASE_URL + "/").values():
        assert PLACEHOLDER_BASE_URL.encode() not in document
        assert f"{BASE_URL}//".encode() not in document
    assert all(article.url.startswith(f"{BASE_URL}/") for article in articles)


def test_the_demo_shows_the_transfers_it_promises(enriched: dict[str, EnrichedArticle]) -> None:
    found = {
        name: {(t.supplier, t.recipient, t.category) for t in item.transfers}
        for name, item in enriched.items()
    }
    assert {name: found[name] for name in TRANSFERS} == {name: {pair} for name, pair in TRANSFERS.items()}


def test_ordinary_news_shows_no_transfer(enriched: dict[str, EnrichedArticle]) -> None:
    assert {
        name: item.transfers for name, item in enriched.items() if name not in TRANSFERS and item.transfers
    } == {}


def test_about_one_article_in_four_is_about_arms_in_each_language(
    enriched: dict[str, EnrichedArticle],
) -> None:
    for lang in ("en", "fr"):
        in_lang = [name for name, item in enriched.items() if item.article.language == lang]
        about_arms = [name for name in in_lang if name in TRANSFERS]
        assert 0.2 <= len(about_arms) / len(in_lang) <= 0.3, lang


def test_the_demo_rule_alerts_on_the_iranian_drones_in_english_and_french(
    enriched: dict[str, EnrichedArticle],
) -> None:
    rule = compile_rule(new_rule("demo", DEMO_ALERT_QUERY, now=NOW, channels=["log"]))
    alerted = {name for name, item in enriched.items() if match([rule], item)}
    assert alerted == ALERTED
    assert {enriched[name].article.language for name in alerted} == {"en", "fr"}


def _entry_dates(document: bytes) -> list[datetime]:
    return [
        datetime.fromtimestamp(calendar.timegm(entry.published_parsed), UTC)
        for entry in feedparser.parse(io.BytesIO(document)).entries
        if entry.get("published_parsed")
    ]
