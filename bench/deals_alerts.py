"""Articles -> mentions -> deals, and alerts per rule in per-mention and per-deal mode, on the demo
corpus (the bundled feeds of ``armswatch run --demo``) and on the labelled real articles of
``bench/data/deals``, each read twice (the second reading is a replay: it must add no deal and no alert).

Per-mention alerts are what the alerts stage fires today: one per rule, article and matched transfers
(``alerts.rules.match``). Per-deal alerts are what a ``--deals`` rule fires on the deal records the deals
stage writes, one article at a time (the most records it can write): one per rule, deal and change.

    python bench/deals_alerts.py
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from deals_quality import article_of, load

from alerts.rules import alert_id, compile_rule, match, match_deal, new_rule, to_deal_alert
from app.demo import PLACEHOLDER_BASE_URL, demo_feed_files, feed_info, shifted_feed
from armswatch.schema import Article, Deal, EnrichedArticle, Feed
from deals.fold import DealBook, fold_articles
from enrich.tagger import EXTRACTOR, Tagger
from enrich.worker import enriched
from ingest.parse import parse_feed

NOW = datetime(2026, 12, 1, tzinfo=UTC)
LABELLED = Path(__file__).parent / "data" / "deals" / "articles.jsonl"
RULES = {
    "Iranian drones to Russia": "supplier:IR AND recipient:RU AND category:drones",
    "North Korea to Russia": "supplier:KP AND recipient:RU",
    "Any missiles": "category:missiles",
    "Anything to Russia": "recipient:RU",
}


def demo_articles() -> list[Article]:
    articles = []
    for path in demo_feed_files():
        info = feed_info(path)
        url = f"{PLACEHOLDER_BASE_URL}{info.path}"
        feed = Feed(url=url, name=info.title, language=info.lang, added_at=NOW)
        articles += parse_feed(shifted_feed(path, NOW, PLACEHOLDER_BASE_URL), feed, fetched_at=NOW).articles
    return articles


def labelled_articles() -> list[Article]:
    return [article_of(item) for item in load(LABELLED)]


def tag(articles: list[Article], tagger: Tagger) -> list[EnrichedArticle]:
    tagged = [enriched(a, tagger.tag(a.text, a.title, a.language)) for a in articles]
    assert all(e.extractor == EXTRACTOR for e in tagged)
    return sorted(tagged, key=lambda e: (e.article.published_at or e.article.fetched_at, e.article.id))


def report(name: str, stream: list[EnrichedArticle]) -> None:
    book = DealBook()
    records: list[Deal] = []
    replayed: list[Deal] = []
    for reading in (records, replayed):
        for article in stream:
            reading += fold_articles(book, [article])
    deals = {deal.id for deal in records}
    mentions = sum(len(e.transfers) for e in stream)
    print(
        f"{name}: {len(stream)} articles -> {mentions} mentions -> {len(deals)} deals "
        f"({len(records)} deal records written; the replay wrote {len(replayed)})"
    )
    for rule_name, query in RULES.items():
        per_mention = compile_rule(new_rule(rule_name, query, now=NOW))
        per_deal = compile_rule(new_rule(rule_name, query, now=NOW, scope="deals"))
        mention_alerts = {
            alert_id(hit.rule.id, hit.enriched.article.id, hit.transfers)
            for article in stream + stream
            for hit in match([per_mention], article)
        }
        deal_alerts = {
            to_deal_alert(hit, NOW).alert_id for deal in records for hit in match_deal([per_deal], deal)
        }
        replay_alerts = {
            to_deal_alert(hit, NOW).alert_id for deal in replayed for hit in match_deal([per_deal], deal)
        }
        print(
            f"  {rule_name!r} ({query}): {len(mention_alerts)} alerts per mention -> "
            f"{len(deal_alerts)} per deal (replay: {len(replay_alerts - deal_alerts)} new)"
        )


def main() -> None:
    tagger = Tagger()
    report("demo corpus", tag(demo_articles(), tagger))
    report("labelled real articles", tag(labelled_articles(), tagger))


if __name__ == "__main__":
    main()
