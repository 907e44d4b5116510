"""The worker's pure parts: what a feed remembers of its entries, its state after a poll, and an
article cut to the size Kafka takes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from armswatch.schema import Article, FeedState
from ingest.fetch import Fetched, Validators
from ingest.worker import fitted_article, remember, state_after_failure, state_after_success

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def test_remember_keeps_the_newest_within_the_limit() -> None:
    assert remember(["a", "b", "c"], ["d", "e"], 4) == ["b", "c", "d", "e"]


def test_remember_moves_entries_still_in_the_feed_to_the_end() -> None:
    assert remember(["a", "b", "c"], ["a", "d"], 3) == ["c", "a", "d"]


def test_remember_never_forgets_an_entry_still_in_the_feed() -> None:
    current = [f"k{n}" for n in range(10)]
    assert remember(["old"], current, 3) == current


def test_state_after_success_saves_validators_counts_and_resets_failures() -> None:
    fetched = Fetched("u", "u", 200, b"x", None, Validators('"e"', "Wed, 01 May 2024", "hash"))
    before = FeedState(url="u", failures=3, entries_seen=5, seen=["a"], last_error="http_500")
    after = state_after_success(before, fetched, ["a", "b"], 1, 600.0, NOW, 100)
    assert (after.etag, after.last_modified, after.body_hash) == ('"e"', "Wed, 01 May 2024", "hash")
    assert after.failures == 0 and after.entries_seen == 6 and after.seen == ["a", "b"]
    assert after.last_success_at == NOW and after.next_poll_at == NOW + timedelta(seconds=600)
    assert after.last_error == "http_500", "the last error stays visible in feeds list"


def test_state_after_a_304_keeps_the_seen_entries() -> None:
    fetched = Fetched("u", "u", 304, None, None, Validators('"e"', None, "hash"))
    after = state_after_success(FeedState(url="u", seen=["a"]), fetched, [], 0, 900.0, NOW, 100)
    assert after.seen == ["a"] and after.entries_seen == 0


def test_state_after_failure_counts_and_schedules() -> None:
    before = FeedState(url="u", etag='"e"', failures=1)
    after = state_after_failure(before, "http_503", 120.0, NOW)
    assert after.failures == 2 and after.last_error == "http_503" and after.last_error_at == NOW
    assert after.etag == '"e"' and after.next_poll_at == NOW + timedelta(seconds=120)


@pytest.mark.parametrize("text", ["Shells shipped. " * 200_000, "\x01é" * 1_000_000])
def test_fitted_article_cuts_the_text_to_the_limit(text: str) -> None:
    article = Article(id="a", url="https://example.org/a", source="example.org", text=text, fetched_at=NOW)
    fitted = fitted_article(article, 1_040_000)
    assert len(fitted.to_json()) <= 1_040_000
    assert text.startswith(fitted.text) and len(fitted.text) > 1_040_000 // 8
    assert fitted.model_copy(update={"text": text}) == article


def test_fitted_article_leaves_an_article_that_fits_alone() -> None:
    article = Article(
        id="a", url="https://example.org/a", source="example.org", text="Short.", fetched_at=NOW
    )
    assert fitted_article(article, 1_000) is article
