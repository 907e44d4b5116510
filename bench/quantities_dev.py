"""Quantities and values on the development sets: how many mentions get one, and a sample to check by hand.

Tags every passage and counts the mentions with a quantity or a value. Counts, per part, the gold weapon
texts that hold a standalone number (digits, or number words) and how many of their mentions (same
supplier, recipient and category) got a quantity; lists them with what was got for the tuning part only
(held out: sha256(id) % 3 == 0). Prints a sample of extracted mentions from the tuning part to check
their precision by hand.

    python bench/quantities_dev.py [--dev ../shared/eval/dev.jsonl ../shared/eval/dev2.jsonl] [--sample 30]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

from enrich.quantities import language, numbers, tokenize
from enrich.tagger import Tagger

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
STANDALONE_DIGITS = re.compile(r"(?<![\w-])\d[\d.,]*(?![\w-])")


def held_out(item_id: str) -> bool:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 3 == 0


def has_number(text: str, lang: str) -> bool:
    """A standalone number in digits (not "Su-35"), or one in words ("twelve", "hundreds")."""
    if STANDALONE_DIGITS.search(text):
        return True
    tokens = tokenize(text)
    return any(
        tokens[found.first].kind == "word" and not found.ordinal for found in numbers(tokens, language(lang))
    )


def key(transfer: dict[str, Any]) -> tuple[str, str, str]:
    supplier = transfer.get("supplier") or f"~{transfer.get('supplier_name')}"
    recipient = transfer.get("recipient") or f"~{transfer.get('recipient_name')}"
    return supplier, recipient, transfer["category"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, nargs="+", default=[EVAL / "dev.jsonl", EVAL / "dev2.jsonl"])
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=4)
    options = parser.parse_args()
    tagger = Tagger()
    mentions = with_quantity = with_value = 0
    # (tuning, held out) -> [gold weapon texts with a number, whose mention has a quantity]
    gold: dict[bool, list[int]] = {False: [0, 0], True: [0, 0]}
    tuning: list[tuple[str, dict[str, Any]]] = []
    for path in options.dev:
        items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        results = tagger.tag_many([(item["text"], "", item["lang"]) for item in items])
        for item, result in zip(items, results, strict=True):
            predicted = {key(t.model_dump()): t for t in result.transfers}
            for transfer in result.transfers:
                mentions += 1
                with_quantity += transfer.quantity is not None
                with_value += transfer.value is not None
                if (transfer.quantity or transfer.value) and not held_out(item["id"]):
                    tuning.append((item["id"], transfer.model_dump()))
            part = held_out(item["id"])
            for expected in item["transfers"]:
                if not has_number(expected["weapon"], item["lang"]):
                    continue
                found = predicted.get(key(expected))
                gold[part][0] += 1
                gold[part][1] += bool(found and found.quantity)
                if not part:  # errors are looked at on the tuning part only
                    got = (found.amounts() or "(none)") if found else "(no mention)"
                    print(f"gold {item['id']} {item['lang']} {expected['weapon']!r} -> {got}")
    print(f"mentions {mentions}, with a quantity {with_quantity}, with a value {with_value}")
    for part, name in ((False, "tuning"), (True, "held out")):
        numbered, extracted = gold[part]
        print(f"{name}: gold weapon texts with a number {numbered}, whose mention has a quantity {extracted}")
    sample = random.Random(options.seed).sample(tuning, min(options.sample, len(tuning)))
    print(f"\nsample of {len(sample)} from {len(tuning)} tuning mentions with a quantity or value:")
    for item_id, transfer in sample:
        quantity, value = transfer["quantity"], transfer["value"]
        print(
            f"- {item_id} [{transfer['weapon']}] quantity={quantity} value={value}\n  {transfer['sentence']}"
        )


if __name__ == "__main__":
    main()
