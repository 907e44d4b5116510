"""Deals stage throughput and memory: enriched articles (as Kafka bytes) folded into deals on one core.

Baseline, measured in the same run: decoding the same messages into ``EnrichedArticle`` records, the
work every consumer of the enriched topic does before anything else. The stage adds grouping, the
MinHash and sentence signature of each article's text, placing the report, looking for the open deals
of the other states it names, and building the changed deals' records once per batch, as the worker
does. Times are CPU times of this process (one core), so other
jobs on the machine do not count. Memory: the open deals' size (tracemalloc) as the number
of open deals grows, and after the deals past the window are closed.

    python bench/deals_bench.py [--articles 20000] [--pairs 400] [--batch 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' article factory

from armswatch.schema import EnrichedArticle, StateCount
from deals.designation import designation
from deals.fold import DealBook, FoldSettings, fold_articles
from tests.deals_articles import story

STATES = ["KP", "RU", "IR", "CN", "BY", "TR", "UA", "DE", "FR", "US", "IN", "PK", "EG", "SA", "IL", "SY"]
# Some weapons name a system, so the look-up of the systems an article names runs as it does on news.
CATEGORIES = [
    ("artillery shells", "ammunition"),
    ("Shahed-136 drones", "drones"),
    ("KN-23 missiles", "missiles"),
]
STATUSES = ["alleged", "agreed", "ongoing", "delivered", "denied"]


def messages(count: int, pairs: int, days: int, seed: int = 1) -> list[bytes]:
    """``count`` enriched articles as the enriched topic carries them: ~300-word texts in sentences of
    10 to 30 words, one transfer each (every fifth article a wire copy of an earlier one), naming the
    transfer's two states and a third (so the stage looks for mentions of the third's deals),
    ``pairs`` supplier/recipient/category combinations, publication dates spread over ``days`` days in
    order."""
    rng = random.Random(seed)
    vocabulary = [f"word{n}" for n in range(5000)]
    combos = [(rng.choice(STATES), rng.choice(STATES), rng.choice(CATEGORIES)) for _ in range(pairs)]
    texts: list[str] = []
    out = []
    for number in range(count):
        supplier, recipient, (weapon, category) = rng.choice(combos)
        if texts and number % 5 == 0:
            text = rng.choice(texts[-200:])  # a syndicated copy
        else:
            text = " ".join(
                " ".join(rng.choices(vocabulary, k=rng.randint(10, 30))) + "." for _sentence in range(15)
            )
            texts.append(text)
        article = story(
            f"a{number}",
            day=number * days // count,
            supplier=supplier,
            recipient=recipient if recipient != supplier else "RU",
            weapon=weapon,
            category=category,
            status=rng.choice(STATUSES),  # type: ignore[arg-type]
            source=f"Outlet {rng.randrange(60)}",
            text=text,
        )
        named = {supplier, article.transfers[0].recipient or "RU", rng.choice(STATES)}
        states = [StateCount(code=code, name=code, count=1) for code in sorted(named)]
        out.append(article.model_copy(update={"states": states}).to_json())
    return out


def decode_all(values: list[bytes]) -> list[EnrichedArticle]:
    return [EnrichedArticle.model_validate_json(value) for value in values]


def fold_all(values: list[bytes], batch: int, window_days: float, named_days: float) -> tuple[DealBook, int]:
    book = DealBook(FoldSettings(window=timedelta(days=window_days), named_window=timedelta(days=named_days)))
    records = 0
    for start in range(0, len(values), batch):
        records += len(fold_articles(book, decode_all(values[start : start + batch])))
        book.close_stale()
    return book, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    values = messages(args.articles, args.pairs, args.days)
    designation("warm-up")  # the system-name pattern is built once per process, not per report

    began = time.process_time()
    decode_all(values)
    decode_seconds = time.process_time() - began
    began = time.process_time()
    # the default windows: a year for a generic weapon, four years for a deal naming its system
    defaults = FoldSettings()
    book, records = fold_all(values, args.batch, defaults.window.days, defaults.named_window.days)
    fold_seconds = time.process_time() - began
    rate = args.articles / fold_seconds
    print(
        f"{args.articles:,} mentions ({args.pairs} pair/category combinations, {args.days} days): "
        f"deals stage {rate:,.0f} mentions per CPU second ({fold_seconds:.2f} s, {records:,} deal records "
        f"written in batches of {args.batch}); decoding alone {args.articles / decode_seconds:,.0f}/s; "
        f"ratio stage/decode {decode_seconds / fold_seconds:.2f}"
    )
    print(f"target 1,000 mentions/s: {rate / 1000:.1f}x")

    print("memory of the open deals (tracemalloc), by the number of open deals:")
    for days in (30, 90, 365):
        subset = messages(5_000, args.pairs, days, seed=2)
        tracemalloc.start()
        book, _records = fold_all(subset, args.batch, 3650, 3650)  # nothing closes: every deal stays open
        size, _peak = tracemalloc.get_traced_memory()
        open_deals, reports = len(book), sum(len(d.reports) for v in book.by_pair.values() for d in v)
        book.settings = FoldSettings(window=timedelta(days=30), named_window=timedelta(days=30))
        closed = book.close_stale()
        after, _peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  5,000 reports over {days} days: {open_deals} open deals, {size / 2**20:.1f} MiB "
            f"({size / reports / 1024:.1f} KiB per report); after closing the deals silent for 30 days: "
            f"{len(book)} open ({closed} closed), {after / 2**20:.1f} MiB"
        )


if __name__ == "__main__":
    main()
