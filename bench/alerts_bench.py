"""Alert matching throughput: 1,000 rules against enriched articles on one core, against the 100/s target.

Articles: the general-news sample tagged by the real tagger, plus as many synthetic articles that
each report a transfer (so that mention-scope rules have work), in one stream. Rules: a mix of field
filters, free words, phrases, boolean combinations, article-scope rules and minimum confidences, each
compiled once. The baseline, measured in the same run, is building the indexer's documents for each
article (what matching cannot avoid); the report gives articles per second, the headroom over the
target and the cost relative to the baseline.

    python bench/alerts_bench.py [--rules 1000] [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alerts.rules import compile_rule, match, new_rule
from armswatch.schema import Article, EnrichedArticle, StateCount, TransferMention
from enrich.worker import enriched
from index.actions import article_document, mention_documents

TARGET_ARTICLES_PER_SECOND = 100
CORPUS = Path(__file__).parent / "data" / "general_news.jsonl"
STATES = ["IR", "RU", "KP", "UA", "FR", "US", "CN", "TR", "IL", "DE"]
CATEGORIES = ["drones", "missiles", "ammunition", "aircraft", "air_defense", "artillery"]
WORDS = [
    "drones",
    "Shahed",
    "missiles",
    "tanks",
    "livrés",
    "sanctions",
    "artillery",
    "deal",
    "F-16",
    "Iskander",
]


def tagged_news() -> list[EnrichedArticle]:
    from enrich.tagger import Tagger

    tagger = Tagger()
    now = datetime.now(UTC)
    items = []
    for line in CORPUS.read_text().splitlines():
        row = json.loads(line)
        article = Article(
            id=row["id"],
            url=f"https://example.org/{row['id']}",
            title=row.get("title", ""),
            text=row["text"],
            source="Sample",
            language=row.get("lang"),
            published_at=now,
            fetched_at=now,
        )
        items.append(enriched(article, tagger.tag(article.text, article.title, article.language)))
    return items


def synthetic(count: int, rng: random.Random) -> list[EnrichedArticle]:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = []
    for number in range(count):
        supplier, recipient = rng.sample(STATES, 2)
        category = rng.choice(CATEGORIES)
        sentence = f"{supplier} has supplied {recipient} with {number} {rng.choice(WORDS)}, officials said."
        when = start + timedelta(minutes=number)
        article = Article(
            id=f"bench-{number}",
            url=f"https://example.org/b/{number}",
            title=f"Report {number} on {category}",
            text=sentence + " " + " ".join(rng.choices(WORDS, k=200)),
            source=rng.choice(["Reuters", "AFP"]),
            published_at=when,
            fetched_at=when,
        )
        mention = TransferMention(
            supplier=supplier,
            recipient=recipient,
            weapon=rng.choice(WORDS),
            category=category,  # type: ignore[arg-type]
            status=rng.choice(["delivered", "agreed", "alleged"]),
            confidence=rng.choice([0.4, 0.7, 0.9]),  # type: ignore[arg-type]
            sentence=sentence,
            sentence_lemmas=sentence.lower(),
            start=0,
            end=len(sentence),
        )
        items.append(
            EnrichedArticle(
                article=article,
                lang="en",
                states=[StateCount(code=supplier, name=supplier, count=1)],
                transfers=[mention],
                lemmas=article.text.lower(),
                extractor="bench.v1",
                enriched_at=when,
            )
        )
    return items


def rule_texts(count: int, rng: random.Random) -> list[tuple[str, dict[str, object]]]:
    shapes = [
        lambda: (f"supplier:{rng.choice(STATES)} AND category:{rng.choice(CATEGORIES)}", {}),
        lambda: (
            f"supplier:{rng.choice(STATES)} AND recipient:{rng.choice(STATES)}",
            {"min_confidence": 0.6},
        ),
        lambda: (f"{rng.choice(WORDS)} AND recipient:{rng.choice(STATES)}", {}),
        lambda: (f'"{rng.choice(WORDS)} {rng.choice(WORDS)}" OR {rng.choice(WORDS)}', {}),
        lambda: (f"({rng.choice(WORDS)} OR {rng.choice(WORDS)}) AND NOT lang:fr", {}),
        lambda: (f"{rng.choice(WORDS)} {rng.choice(WORDS)}", {"scope": "articles"}),
        lambda: (f"state:{rng.choice(STATES)} AND {rng.choice(WORDS)}", {"scope": "articles"}),
        lambda: (f'pair:"{rng.choice(STATES)}>{rng.choice(STATES)}" OR source:Reu*', {}),
    ]
    return [rng.choice(shapes)() for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the articles")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    news = tagged_news()
    articles = news + synthetic(len(news), rng)
    now = datetime.now(UTC)
    began = time.perf_counter()
    rules = [
        compile_rule(new_rule(f"rule {n}", text, now=now, **options))  # type: ignore[arg-type]
        for n, (text, options) in enumerate(rule_texts(args.rules, rng))
    ]
    compile_seconds = time.perf_counter() - began

    began = time.perf_counter()
    for _ in range(args.rounds):
        for item in articles:
            article_document(item)
            mention_documents(item)
    baseline = time.perf_counter() - began

    hits = 0
    began = time.perf_counter()
    for _ in range(args.rounds):
        for item in articles:
            hits += len(match(rules, item))
    matching = time.perf_counter() - began
    processed = len(articles) * args.rounds
    rate = processed / matching
    report = {
        "rules": len(rules),
        "articles": processed,
        "articles_with_transfers": sum(1 for a in articles if a.transfers) * args.rounds,
        "hits": hits,
        "compile_seconds_all_rules": round(compile_seconds, 2),
        "articles_per_second": round(rate, 1),
        "target_articles_per_second": TARGET_ARTICLES_PER_SECOND,
        "headroom_over_target": round(rate / TARGET_ARTICLES_PER_SECOND, 2),
        "baseline_documents_per_second": round(processed / baseline, 1),
        "matching_cost_vs_baseline": round(matching / baseline, 2),
        "microseconds_per_rule_evaluation": round(matching / processed / len(rules) * 1e6, 2),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>34}: {value}")


if __name__ == "__main__":
    main()
