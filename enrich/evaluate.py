"""Score the tagger on an annotated file in the format of the development set (one JSON object a line).

Per language: precision, recall and F1 of (supplier, recipient) pairs per passage (a party that is
not a state counts as "non-state", whatever its name); category accuracy over the gold transfers whose
pair was found; status accuracy over the gold transfers whose pair and category were found; and the
share of hard negatives given any transfer.

Held-out discipline: every passage belongs for good to the tuning part or to the held-out part (about a
third), by a hash of its id (``part_of``). Rules are written from the tuning part's errors only; the
held-out figures say how the rules do on passages nobody looked at, so its errors are never reported.

Each pair F1 comes with a 95% interval from a bootstrap over the passages (``f1_interval``): with 10 to
50 passages a language, two builds a few hundredths apart are often the same build on other news.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from enrich.tagger import Tagger

NON_STATE = "non-state"
Part = Literal["tune", "holdout", "all"]
PARTS: tuple[Part, ...] = ("tune", "holdout", "all")
# One passage in HOLDOUT_EVERY is held out.
HOLDOUT_EVERY = 3
# Resamples of the bootstrap interval, and its seed: the same passages always give the same interval.
BOOTSTRAP_SAMPLES = 1_000
BOOTSTRAP_SEED = 13


def part_of(item_id: str) -> Literal["tune", "holdout"]:
    """The part a passage belongs to, for good: a pure function of its id (no seed, no file order)."""
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return "holdout" if int.from_bytes(digest[:8], "big") % HOLDOUT_EVERY == 0 else "tune"


@dataclass
class Scores:
    items: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    category_total: int = 0
    category_correct: int = 0
    status_total: int = 0
    status_correct: int = 0
    hard_negatives: int = 0
    hard_negatives_with_transfer: int = 0
    # (true positives, false positives, false negatives) of each passage, for the bootstrap.
    passages: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.true_positive, self.false_positive, self.false_negative)

    def f1_interval(self, samples: int = BOOTSTRAP_SAMPLES) -> tuple[float, float]:
        """The 2.5th and 97.5th percentiles of pair F1 over ``samples`` resamplings of the passages
        (with replacement, as many as there are)."""
        if not self.passages:
            return (0.0, 0.0)
        draw = random.Random(BOOTSTRAP_SEED).choices
        values = []
        for _ in range(samples):
            true_positive, false_positive, false_negative = map(
                sum, zip(*draw(self.passages, k=len(self.passages)), strict=True)
            )
            values.append(_f1(true_positive, false_positive, false_negative))
        values.sort()
        return values[int(0.025 * samples)], values[min(samples - 1, int(0.975 * samples))]

    @property
    def category_accuracy(self) -> float:
        return self.category_correct / self.category_total if self.category_total else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_total if self.status_total else 0.0

    def summary(self) -> dict[str, float | int]:
        low, high = self.f1_interval()
        return {
            "items": self.items,
            "pair_precision": round(self.precision, 3),
            "pair_recall": round(self.recall, 3),
            "pair_f1": round(self.f1, 3),
            "pair_f1_low": round(low, 3),
            "pair_f1_high": round(high, 3),
            "category_accuracy": round(self.category_accuracy, 3),
            "status_accuracy": round(self.status_accuracy, 3),
            "hard_negatives": self.hard_negatives,
            "hard_negatives_with_transfer": self.hard_negatives_with_transfer,
        }


def _f1(true_positive: int, false_positive: int, false_negative: int) -> float:
    """Pair F1 from the counts: 2TP / (2TP + FP + FN), the harmonic mean of precision and recall."""
    total = 2 * true_positive + false_positive + false_negative
    return 2 * true_positive / total if true_positive else 0.0


@dataclass
class Report:
    by_language: dict[str, Scores] = field(default_factory=dict)
    overall: Scores = field(default_factory=Scores)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.summary(),
            "by_language": {lang: scores.summary() for lang, scores in sorted(self.by_language.items())},
        }


def _side(code: str | None) -> str:
    return code or NON_STATE


def transfer_pairs(transfers: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(_side(t.get("supplier")), _side(t.get("recipient"))) for t in transfers}


def score_item(
    item: dict[str, Any], predicted: list[dict[str, Any]], scores: Scores
) -> dict[str, Any] | None:
    """Add one passage to ``scores``; return a description of its errors, or None when it is right."""
    gold = item.get("transfers") or []
    gold_pairs, predicted_pairs = transfer_pairs(gold), transfer_pairs(predicted)
    counts = (
        len(gold_pairs & predicted_pairs),
        len(predicted_pairs - gold_pairs),
        len(gold_pairs - predicted_pairs),
    )
    scores.items += 1
    scores.true_positive += counts[0]
    scores.false_positive += counts[1]
    scores.false_negative += counts[2]
    scores.passages.append(counts)
    predicted_triples = {
        (_side(t["supplier"]), _side(t["recipient"]), t["category"]): t["status"] for t in predicted
    }
    wrong = []
    for transfer in gold:
        pair = (_side(transfer.get("supplier")), _side(transfer.get("recipient")))
        if pair not in predicted_pairs:
            continue
        scores.category_total += 1
        triple = (*pair, transfer["category"])
        if triple in predicted_triples:
            scores.category_correct += 1
            scores.status_total += 1
            if predicted_triples[triple] == transfer["status"]:
                scores.status_correct += 1
            else:
                wrong.append(f"status {triple}: {predicted_triples[triple]} != {transfer['status']}")
        else:
            wrong.append(f"category {pair}: gold {transfer['category']}")
    if str(item.get("note", "")).startswith("Hard negative"):
        scores.hard_negatives += 1
        if predicted:
            scores.hard_negatives_with_transfer += 1
    if gold_pairs == predicted_pairs and not wrong:
        return None
    return {
        "id": item.get("id"),
        "lang": item.get("lang"),
        "missing": sorted(gold_pairs - predicted_pairs),
        "extra": sorted(predicted_pairs - gold_pairs),
        "wrong": wrong,
    }


def load_items(
    paths: Sequence[Path], part: Part = "all", exclude: set[str] | None = None
) -> list[dict[str, Any]]:
    """The passages of ``paths`` that belong to ``part``, less the ids in ``exclude``."""
    items = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [
        item
        for item in items
        if item.get("id") not in (exclude or set()) and part in ("all", part_of(str(item.get("id"))))
    ]


def evaluate(
    paths: Sequence[Path], tagger: Tagger, exclude: set[str] | None = None, part: Part = "all"
) -> Report:
    """Tag every passage of ``part`` in ``paths`` (with its annotated language as the hint) and score it.

    The report lists the errors of tuning passages only: held-out errors are never shown.
    """
    items = load_items(paths, part, exclude)
    results = tagger.tag_many([(item["text"], "", item.get("lang")) for item in items])
    report = Report()
    for item, result in zip(items, results, strict=True):
        predicted = [mention.model_dump() for mention in result.transfers]
        language = report.by_language.setdefault(item.get("lang", "und"), Scores())
        error = score_item(item, predicted, language)
        score_item(item, predicted, report.overall)
        if error is not None and part_of(str(item.get("id"))) == "tune":
            report.errors.append(error)
    return report


def report_rows(report: Report) -> list[dict[str, Any]]:
    rows = [{"language": lang, **scores.summary()} for lang, scores in sorted(report.by_language.items())]
    rows.append({"language": "all", **report.overall.summary()})
    return rows
