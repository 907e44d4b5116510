"""Copies on real articles: what tells a syndicated copy from another outlet's report of the same deal.

For every two articles of one gold deal in ``bench/data/deals/articles.jsonl``: the Jaccard similarity of
their word 5-shingles (what the MinHash bands estimate), the containment (the share of the shorter
text's shingles in the longer), the sentences of ``SENTENCE_WORDS`` words or more they share (count
and share of the shorter text's), the Jaccard similarity of their sets of words and the days between
them (what a reworded copy is told by: see ``deals.neardup.reworded``). Prints the copies (gold
``copy_of``, and copies of one original) and the non-copies closest to them, then how many of each the
deals stage takes for copies (the signatures of ``deals.neardup``, outlets and days as
``deals.fold.OpenDeal.copied`` compares them).
No tagger: the texts alone.

    python bench/deals_copies.py [--data FILE.jsonl] [--top 8] [--json]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from deals_quality import DATA, article_of, load

from deals.fold import REWORDED_WITHIN
from deals.neardup import SENTENCE_MARK, WORD, is_near_duplicate, reworded, shingles, signature
from index.actions import fold


def pairs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every two articles of one gold deal, with their similarities."""
    texts = {item["id"]: f"{article_of(item).title}\n{article_of(item).text}" for item in items}
    grams = {article: set(shingles(text)) for article, text in texts.items()}
    words = {article: set(WORD.findall(fold(text))) for article, text in texts.items()}
    published = {item["id"]: date.fromisoformat(item["date"]) for item in items}
    signatures = {article: signature(text) for article, text in texts.items()}
    sentences = {
        article: {key for key in keys if key.startswith(SENTENCE_MARK)}
        for article, keys in signatures.items()
    }
    original = {item["id"]: item["copy_of"] or item["id"] for item in items}
    rows = []
    for one, other in combinations(items, 2):
        if one["deal"] != other["deal"]:
            continue
        a, b = one["id"], other["id"]
        shared = len(grams[a] & grams[b])
        shorter = min(len(grams[a]), len(grams[b])) or 1
        shared_sentences = len(sentences[a] & sentences[b])
        days = abs((published[a] - published[b]).days)
        # as the deals stage compares them (deals.fold.OpenDeal.copied), outlets and days included
        rewording = (
            one["outlet"] != other["outlet"]
            and days <= REWORDED_WITHIN.days
            and reworded(signatures[a], signatures[b])
        )
        rows.append(
            {
                "pair": f"{a}~{b}",
                "copy": original[a] == original[b],
                "jaccard": round(shared / (len(grams[a] | grams[b]) or 1), 3),
                "containment": round(shared / shorter, 3),
                "shared_sentences": shared_sentences,
                "sentence_share": round(
                    shared_sentences / (min(len(sentences[a]), len(sentences[b])) or 1), 3
                ),
                "words_jaccard": round(len(words[a] & words[b]) / (len(words[a] | words[b]) or 1), 3),
                "days": days,
                "taken_for_copy": is_near_duplicate(signatures[a], signatures[b]) or rewording,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="labelled articles (JSON lines)")
    parser.add_argument("--top", type=int, default=8, help="non-copies to show, the most similar first")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = pairs(load(args.data))
    copies = sorted((row for row in rows if row["copy"]), key=lambda row: row["jaccard"])
    others = [row for row in rows if not row["copy"]]
    closest = sorted(others, key=lambda row: (-row["shared_sentences"], -row["jaccard"]))[: args.top]
    closest_words = sorted(others, key=lambda row: -row["words_jaccard"])[: args.top]
    summary = {
        "copy_pairs": len(copies),
        "copy_pairs_taken": sum(row["taken_for_copy"] for row in copies),
        "non_copy_pairs": len(others),
        "non_copy_pairs_taken": sum(row["taken_for_copy"] for row in others),
        "non_copies_max_jaccard": max(row["jaccard"] for row in others),
        "non_copies_max_containment": max(row["containment"] for row in others),
        "non_copies_max_shared_sentences": max(row["shared_sentences"] for row in others),
        "non_copies_max_sentence_share": max(row["sentence_share"] for row in others),
        "non_copies_max_words_jaccard": max(row["words_jaccard"] for row in others),
    }
    if args.json:
        print(
            json.dumps(
                {
                    "copies": copies,
                    "closest_non_copies": closest,
                    "closest_non_copies_by_words": closest_words,
                    "summary": summary,
                }
            )
        )
        return
    columns = (
        "pair",
        "jaccard",
        "containment",
        "shared_sentences",
        "sentence_share",
        "words_jaccard",
        "days",
        "taken_for_copy",
    )
    for title, shown in (
        ("copies, least similar first", copies),
        ("non-copies, most similar first", closest),
        ("non-copies, most words in common first", closest_words),
    ):
        print(title)
        for row in shown:
            print("  " + " ".join(f"{column}={row[column]}" for column in columns))
    print(" ".join(f"{key}={value}" for key, value in summary.items()))


if __name__ == "__main__":
    main()
