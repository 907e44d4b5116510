"""Deals on real articles: BCubed precision, recall and F1 of the deals the stage builds, against the
labelled set ``bench/data/deals/articles.jsonl``, and the share of syndicated copies folded.

Each article goes through the real tagger, then the deals stage's fold, closing stale deals after each
article as the worker does after each batch: in publication order; in "late" order, where each article
arrives up to the stage's lateness (30 days) after its publication, as back-filled feeds deliver them;
and shuffled across the years, a worst case no feed produces (a report later than the lateness opens a
deal of its own). An article's predicted deal is the deal holding its transfer of the gold deal's pair and
category (by a transfer read in it, or as a mention: see ``deals.fold``); an article in no such deal is a
deal of its own (extraction misses count against recall). The score of the deals stage alone is the
same on the articles in which the tagger read a transfer of their deal's pair and category.
A copy is folded when the stage marks it as a copy of another report of its deal.

The gold deals' pair and category are in ``bench/data/deals/deals.json``.

    python bench/deals_quality.py [--data FILE.jsonl] [--deals deals.json] [--windows 30,90,180,365]
        [--named-window 1460] [--breakdown] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from armswatch.schema import Article, Deal, EnrichedArticle
from deals.fold import DealBook, FoldSettings, fold_articles, reports_of
from enrich.tagger import Tagger
from enrich.worker import enriched

DATA = Path(__file__).parent / "data" / "deals" / "articles.jsonl"
LATENESS_DAYS = FoldSettings().lateness.days
NAMED_WINDOW_DAYS = FoldSettings().named_window.days
# The gold deals: label -> supplier, recipient, category (as the deals stage keys them) and weapon.
GOLD_DEALS = DATA.parent / "deals.json"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_keys(path: Path, items: list[dict[str, Any]]) -> dict[str, str]:
    """Each gold deal's pair and category, as the deals stage keys them ("KP>RU|ammunition")."""
    deals = json.loads(path.read_text(encoding="utf-8"))
    unknown = sorted({item["deal"] for item in items} - deals.keys())
    if unknown:
        raise SystemExit(f"{path} has no entry for the deals {', '.join(unknown)}: add them there")
    return {label: f"{d['supplier']}>{d['recipient']}|{d['category']}" for label, d in deals.items()}


def article_of(item: dict[str, Any]) -> Article:
    """The labelled item as ingest would publish it (title: the text's first line, when it has two)."""
    title, _, body = item["text"].partition("\n")
    when = datetime.fromisoformat(item["date"]).replace(tzinfo=UTC)
    return Article(
        id=item["id"],
        url=item["url"],
        source=item["outlet"],
        title=title if body else "",
        text=body or title,
        language=item["lang"],
        published_at=when,
        fetched_at=when,
        content_hash=hashlib.sha1(item["text"].encode()).hexdigest(),
    )


def enrich(items: list[dict[str, Any]], tagger: Tagger) -> dict[str, EnrichedArticle]:
    tagged = {}
    for item in items:
        article = article_of(item)
        tagged[item["id"]] = enriched(article, tagger.tag(article.text, article.title, article.language))
    return tagged


def fold(articles: list[EnrichedArticle], window_days: float, named_window_days: float) -> dict[str, Deal]:
    settings = FoldSettings(
        window=timedelta(days=window_days), named_window=timedelta(days=named_window_days)
    )
    book = DealBook(settings)
    deals: dict[str, Deal] = {}
    for article in articles:
        for deal in fold_articles(book, [article]):
            deals[deal.id] = deal
        for merged in book.take_retired():
            del deals[merged]
        book.close_stale()  # as the worker does after each batch
    return deals


def predicted(items: list[dict[str, Any]], deals: dict[str, Deal], keys: dict[str, str]) -> dict[str, str]:
    """Each article's predicted deal: the deal of its gold pair and category holding it, else itself."""
    holding: dict[tuple[str, str], str] = {}
    for deal in deals.values():
        key = "|".join(deal.key.split("|")[:2])
        for report in deal.reports:
            holding[(report.article_id, key)] = deal.id
    return {
        item["id"]: holding.get((item["id"], keys[item["deal"]]), f"alone:{item['id']}") for item in items
    }


def bcubed(gold: dict[str, str], guess: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Bagga and Baldwin), averaged over items."""
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_guess: dict[str, set[str]] = defaultdict(set)
    for item, label in gold.items():
        by_gold[label].add(item)
        by_guess[guess[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        same_guess = by_guess[guess[item]]
        same_gold = by_gold[gold[item]]
        correct = len(same_guess & same_gold)
        precision += correct / len(same_guess)
        recall += correct / len(same_gold)
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def copies(items: list[dict[str, Any]], deals: dict[str, Deal]) -> tuple[int, int, int]:
    """(gold copies folded, gold copies, reports wrongly marked as copies)."""
    marked = {report.article_id for deal in deals.values() for report in deal.reports if report.copy_of}
    gold = {item["id"] for item in items if item["copy_of"]}
    return len(gold & marked), len(gold), len(marked - gold)


def breakdown(
    items: list[dict[str, Any]],
    tagged: dict[str, EnrichedArticle],
    deals: dict[str, Deal],
    guess: dict[str, str],
    keys: dict[str, str],
) -> dict[str, int]:
    """Where each article ends up, to see where recall and precision go. A gold deal's home is the
    predicted deal holding most of its articles. Per article: ``home`` (of which ``home_by_mention``: as
    a mention, with no transfer of the gold pair and category read in it); ``no_transfer`` (no transfer
    with both parties named), ``other_pair`` (transfers, none of the gold pair), ``other_category`` (the
    gold pair under other categories only): the tagger's share; ``split_window`` (another deal of the
    gold pair and category), ``split_named`` (another deal of the same pair and category that a named
    system or an announced deal keeps apart): the stage's share. ``intruders``: articles in a deal most
    of whose articles belong to another gold deal. Copies: ``copy_missed_extraction`` (the copy or its
    original has no transfer of the gold deal), ``copy_missed_apart`` (the two sit in different deals),
    ``copy_missed_dissimilar``."""
    gold = {item["id"]: item["deal"] for item in items}
    sizes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article, deal in guess.items():
        if not deal.startswith("alone:"):
            sizes[gold[article]][deal] += 1
    home = {label: max(counts, key=lambda deal: (counts[deal], deal)) for label, counts in sizes.items()}
    # The gold deal most of a predicted deal's articles belong to.
    by_deal: dict[str, dict[str, int]] = defaultdict(dict)
    for label, counts_of_label in sizes.items():
        for deal, count in counts_of_label.items():
            by_deal[deal][label] = count
    majority = {deal: max(labels, key=labels.__getitem__) for deal, labels in by_deal.items()}
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        article, deal = item["id"], guess[item["id"]]
        pair_key = keys[item["deal"]].split("|")[0]
        pairs = {report.pair for report in reports_of(tagged[article])}
        if deal == home.get(item["deal"]):
            counts["home"] += 1
            if any(r.article_id == article and r.status is None for r in deals[deal].reports):
                counts["home_by_mention"] += 1
        elif deal.startswith("alone:"):
            reason = "no_transfer" if not pairs else "other_category" if pair_key in pairs else "other_pair"
            counts[reason] += 1
        else:
            counts["split_named" if deals[deal].key.split("|")[2] else "split_window"] += 1
        if deal in majority and majority[deal] != item["deal"]:
            counts["intruders"] += 1
    marked = {report.article_id for deal in deals.values() for report in deal.reports if report.copy_of}
    for item in items:
        original = item["copy_of"]
        if not original or item["id"] in marked:
            continue
        if guess[item["id"]].startswith("alone:") or guess[original].startswith("alone:"):
            counts["copy_missed_extraction"] += 1
        elif guess[item["id"]] != guess[original]:
            counts["copy_missed_apart"] += 1
        else:
            counts["copy_missed_dissimilar"] += 1
    return dict(sorted(counts.items()))


def score(
    items: list[dict[str, Any]],
    keys: dict[str, str],
    tagged: dict[str, EnrichedArticle],
    windows: list[float],
    named_window: float = NAMED_WINDOW_DAYS,
    *,
    with_breakdown: bool = False,
) -> list[dict[str, Any]]:
    """One row of figures per window (of a deal naming no system) and arrival order."""
    gold = {item["id"]: item["deal"] for item in items}
    in_order = sorted(tagged.values(), key=lambda e: (e.article.published_at, e.article.id))
    delays = random.Random(7)
    late = sorted(
        in_order, key=lambda e: e.article.published_at + timedelta(days=delays.uniform(0, LATENESS_DAYS))
    )
    shuffled = list(in_order)
    random.Random(7).shuffle(shuffled)
    # The articles in which the tagger read a transfer of their gold deal's pair and category.
    extracted = {
        item["id"]
        for item in items
        if keys[item["deal"]] in {f"{r.pair}|{r.category}" for r in reports_of(tagged[item["id"]])}
    }
    rows: list[dict[str, Any]] = []
    for window in windows:
        for order, articles in (("publication", in_order), ("late", late), ("shuffled", shuffled)):
            deals = fold(articles, window, named_window)
            guess = predicted(items, deals, keys)
            precision, recall, f1 = bcubed(gold, guess)
            folded, copies_total, wrong = copies(items, deals)
            found = {item: label for item, label in gold.items() if item in extracted}
            _p, _r, assembled_f1 = bcubed(found, guess)
            placed = sum(not deal.startswith("alone:") for deal in guess.values())
            rows.append(
                {
                    "window_days": window,
                    "named_window_days": named_window,
                    "order": order,
                    "articles": len(items),
                    "gold_deals": len(set(gold.values())),
                    "deals": len(deals),
                    "mentions": sum(len(e.transfers) for e in tagged.values()),
                    "bcubed_precision": round(precision, 3),
                    "bcubed_recall": round(recall, 3),
                    "bcubed_f1": round(f1, 3),
                    "articles_extracted": f"{len(found)}/{len(gold)}",
                    # With a transfer of the gold pair and category, or as a mention of its deal.
                    "articles_in_their_deal_key": f"{placed}/{len(gold)}",
                    # The deals stage alone: BCubed on the articles whose transfer the tagger found.
                    "bcubed_f1_of_extracted": round(assembled_f1, 3),
                    "copies_folded": f"{folded}/{copies_total}",
                    "non_copies_marked_as_copies": wrong,
                }
            )
            if with_breakdown:
                rows[-1]["breakdown"] = breakdown(items, tagged, deals, guess, keys)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="labelled articles (JSON lines)")
    parser.add_argument("--deals", type=Path, default=GOLD_DEALS, help="the gold deals' keys (JSON)")
    parser.add_argument("--windows", default="30,90,180,365", help="deal windows to score, in days")
    parser.add_argument(
        "--named-window",
        type=float,
        default=NAMED_WINDOW_DAYS,
        help=f"window of a deal naming its system, in days (default {NAMED_WINDOW_DAYS})",
    )
    parser.add_argument("--breakdown", action="store_true", help="where each article ends up, in counts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = load(args.data)
    keys = gold_keys(args.deals, items)
    windows = [float(days) for days in args.windows.split(",")]
    rows = score(
        items, keys, enrich(items, Tagger()), windows, args.named_window, with_breakdown=args.breakdown
    )
    if args.json:
        print(json.dumps(rows))
        return
    for row in rows:
        print(" ".join(f"{key}={value}" for key, value in row.items()))


if __name__ == "__main__":
    main()
