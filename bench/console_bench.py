"""Web console speed with 100,000 transfer mentions indexed: its API and its pages in a real browser.

Indexes N mentions (built by the indexer's own ``bulk_actions``, over 40 states, every category and
the last 90 days; only the mention documents, which every measured page reads) into a namespace of
its own, serves the console on 127.0.0.1, then, for each round:

- API: the console's ``/api/explore`` and ``/api/search`` against the bare Elasticsearch request each
  one makes (the baseline, same body, same node, same run): milliseconds and the ratio;
- browser (Debian's chromium through Playwright): first contentful paint of every page, and for
  Explore the time its charts take to draw (all of them, world map included) after the data came,
  for Search the time from navigation to the results on screen.

Targets: first paint under 1 s, every chart under 1 s. The indices are deleted at the end.

    armswatch stack up && python bench/console_bench.py [--mentions 100000] [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from elasticsearch import Elasticsearch, helpers
from playwright.sync_api import sync_playwright

from alerts.store import ensure_indices
from app.console.queries import explore_body, search_body
from app.console.server import serving
from app.pipeline import delete_namespace
from armswatch import es as es_plumbing
from armswatch.config import Settings, load_settings, namespace_overrides
from armswatch.kafka import ensure_topics
from armswatch.schema import CATEGORIES, Article, EnrichedArticle, StateCount, TransferMention
from index.actions import bulk_actions, read_alias, state_name
from index.search import Filters
from index.worker import setup as setup_index

STATES = (
    "RU",
    "IR",
    "KP",
    "CN",
    "US",
    "FR",
    "DE",
    "GB",
    "UA",
    "IL",
    "TR",
    "IN",
    "PK",
    "SA",
    "AE",
    "EG",
    "BY",
    "SY",
    "VE",
    "BR",
    "JP",
    "KR",
    "TW",
    "PL",
    "IT",
    "ES",
    "SE",
    "NO",
    "AU",
    "CA",
    "MX",
    "ZA",
    "NG",
    "ET",
    "DZ",
    "MA",
    "IQ",
    "AZ",
    "AM",
    "GR",
)
WEAPONS = {
    "drones": "Shahed drones",
    "missiles": "ballistic missiles",
    "ammunition": "artillery shells",
    "aircraft": "fighter jets",
    "armoured_vehicles": "tanks",
    "air_defence": "air defence systems",
}
PAGES = ("live", "explore?since=all", "search?q=drones", "alerts", "feeds")


def corpus(first: int, count: int) -> list[EnrichedArticle]:
    """Articles ``first`` to ``first + count - 1``, one transfer each, dated over the last 90 days."""
    rng = random.Random(first)
    now = datetime.now(UTC)
    items = []
    for number in range(first, first + count):
        supplier, recipient = rng.sample(STATES, 2)
        category = rng.choice(CATEGORIES)
        weapon = WEAPONS.get(category, category.replace("_", " "))
        when = now - timedelta(minutes=rng.randrange(90 * 24 * 60))
        sentence = (
            f"{state_name(supplier)} delivered {weapon} to {state_name(recipient)}, "
            f"according to report {number}."
        )
        article = Article(
            id=f"bench-{number}",
            url=f"https://news.example.org/{number}",
            title=f"Report {number}",
            text=sentence,
            source=f"Source {number % 30}",
            source_domain="news.example.org",
            published_at=when,
            fetched_at=when,
        )
        transfer = TransferMention(
            supplier=supplier,
            recipient=recipient,
            weapon=weapon,
            category=category,
            status=rng.choice(("agreed", "ongoing", "delivered", "alleged", "denied")),
            confidence=0.8,
            sentence=sentence,
            start=0,
            end=len(sentence),
        )
        states = [StateCount(code=code, name=state_name(code), count=1) for code in (supplier, recipient)]
        items.append(
            EnrichedArticle(
                article=article,
                lang="en",
                states=states,
                transfers=[transfer],
                extractor="bench.v1",
                enriched_at=when,
            )
        )
    return items


def fill(es: Elasticsearch, settings: Settings, count: int) -> float:
    started = time.monotonic()
    for start in range(0, count, 5000):
        items = corpus(start, min(5000, count - start))
        actions = [
            action
            for item in items
            for action in bulk_actions(item, settings.index_prefix)
            if "-mentions-" in action["_index"]
        ]
        helpers.bulk(es.options(request_timeout=120), actions, chunk_size=2000)
        print(f"  indexed {min(start + 5000, count):,} mentions", flush=True)
    es.indices.refresh(index=f"{settings.index_prefix}-*")
    return time.monotonic() - started


def timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def measure_api(es: Elasticsearch, settings: Settings, url: str) -> dict[str, float]:
    mentions = read_alias(settings.index_prefix, "mentions")
    explore = explore_body("", Filters(), "category", "month")
    search = search_body("drones", Filters(), "mentions", 25, None)
    with httpx.Client(base_url=url, timeout=60) as client:
        return {
            "explore_es_ms": timed(lambda: es.search(index=mentions, **explore)),
            "explore_console_ms": timed(
                lambda: client.get("/api/explore", params={"since": "all"}).raise_for_status()
            ),
            "search_es_ms": timed(lambda: es.search(index=mentions, **search)),
            "search_console_ms": timed(
                lambda: client.get("/api/search", params={"q": "drones"}).raise_for_status()
            ),
        }


def measure_browser(url: str) -> dict[str, float]:
    results: dict[str, float] = {}
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("chromium is needed: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        for target in PAGES:
            name = target.split("?")[0]
            page.goto(url + target)
            if name == "explore":
                page.wait_for_selector("body[data-rendered=explore]", timeout=60_000)
                results["explore_data_ms"] = page.evaluate("window.armswatchApiMs")
                results["explore_charts_ms"] = page.evaluate("window.armswatchRenderMs")
            if name == "search":
                page.wait_for_selector("#results li.card", timeout=60_000)
                results["search_results_on_screen_ms"] = page.evaluate("performance.now()")
            paint = "performance.getEntriesByName('first-contentful-paint')"
            page.wait_for_function(f"() => {paint}.length > 0", timeout=60_000)  # recorded after load
            results[f"{name}_first_paint_ms"] = page.evaluate(f"{paint}[0].startTime")
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--keep", action="store_true", help="keep the indices (to measure again with --namespace)"
    )
    parser.add_argument("--namespace", help="measure a namespace a --keep run filled, without indexing again")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    namespace = args.namespace or f"bench-console-{uuid.uuid4().hex[:8]}"
    settings = load_settings().model_copy(update=namespace_overrides(namespace))
    es = es_plumbing.client(settings, request_timeout=120)
    ensure_topics(settings)
    setup_index(settings)
    ensure_indices(es, settings.index_prefix)
    try:
        if args.namespace:
            args.mentions = int(es.count(index=read_alias(settings.index_prefix, "mentions"))["count"])
            seconds = 0.0
        else:
            print(f"indexing {args.mentions:,} mentions into {namespace}-*", flush=True)
            seconds = fill(es, settings, args.mentions)
        rounds: list[dict[str, float]] = []
        with serving(settings) as served:
            measure_api(es, settings, served.url)  # caches warm: every round measures the same state
            for number in range(args.rounds):
                figures = {**measure_api(es, settings, served.url), **measure_browser(served.url)}
                rounds.append(figures)
                print(
                    f"  round {number + 1}: " + ", ".join(f"{k} {v:.0f}" for k, v in figures.items()),
                    flush=True,
                )
        median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
        report = {
            "mentions": args.mentions,
            "index_seconds": round(seconds, 1),
            "rounds": args.rounds,
            "median_ms": {key: round(value, 1) for key, value in median.items()},
            "ratio_console_to_es": {
                "explore": round(median["explore_console_ms"] / median["explore_es_ms"], 2),
                "search": round(median["search_console_ms"] / median["search_es_ms"], 2),
            },
        }
    finally:
        if not args.keep:
            delete_namespace(settings, namespace, lambda message: print(message))
        es.close()
    if args.json:
        print(json.dumps(report))
        return
    print(
        f"\n{args.mentions:,} mentions (indexed in {report['index_seconds']} s), "
        f"median of {args.rounds} rounds:"
    )
    for key, value in report["median_ms"].items():
        print(f"  {key:32} {value:8.1f} ms")
    print(
        f"  console API / bare Elasticsearch: explore {report['ratio_console_to_es']['explore']}×, "
        f"search {report['ratio_console_to_es']['search']}×"
    )


if __name__ == "__main__":
    main()
