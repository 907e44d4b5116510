"""Copies on real articles: what tells a syndicated copy from another outlet's report of the same deal.

For every two articles of one gold deal in ``bench/data/deals/articles.jsonl``: the Jaccard similarity of
their word 5-shingles (what the MinHash bands estimate), the containment (the share of the shorter
text's shingles in the longer), and the sentences of ``SENTENCE_WORDS`` words or more they share (count
and share of the shorter text's). Prints the copies (gold ``copy_of``, and copies of one original) and the
non-copies closest to them, then how many of each the signatures of ``deals.neardup`` take for copies.
No tagger: the texts alone.

    python bench/deals_copies.py [--data FILE.jsonl] [--top 8] [--json]
"""

from __future__ import annotations

import argparse
import json
from itertools import combinations
from pathlib import Path
from typing import Any

from deals_quality import DATA, article_of, load

from deals.neardup import SENTENCE_MARK, is_near_duplicate, shingles, signature


def pairs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every two articles of one gold deal, with their similarities."""
    texts = {item["id"]: f"{article_of(item).title}\n{article_of(item).text}" for item in items}
    grams = {article: set(shingles(text)) for article, text in texts.items()}
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
                "taken_for_copy": is_near_duplicate(signatures[a], signatures[b]),
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
    summary = {
        "copy_pairs": len(copies),
        "copy_pairs_taken": sum(row["taken_for_copy"] for row in copies),
        "non_copy_pairs": len(others),
        "non_copy_pairs_taken": sum(row["taken_for_copy"] for row in others),
        "non_copies_max_jaccard": max(row["jaccard"] for row in others),
        "non_copies_max_containment": max(row["containment"] for row in others),
        "non_copies_max_shared_sentences": max(row["shared_sentences"] for row in others),
        "non_copies_max_sentence_share": max(row["sentence_share"] for row in others),
    }
    if args.json:
        print(json.dumps({"copies": copies, "closest_non_copies": closest, "summary": summary}))
        return
    columns = ("pair", "jaccard", "containment", "shared_sentences", "sentence_share", "taken_for_copy")
    for title, shown in (
        ("copies, least similar first", copies),
        ("non-copies, most similar first", closest),
    ):
        print(title)
        for row in shown:
            print("  " + " ".join(f"{column}={row[column]}" for column in columns))
    print(" ".join(f"{key}={value}" for key, value in summary.items()))


if __name__ == "__main__":
    main()
