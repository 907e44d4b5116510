"""The development sets as a test: floors on the HELD-OUT figures that only ever rise (raise them when
the tagger improves; rules are written from the tuning part's errors only).

The sets live in the workplace's shared folder beside the checkout (../shared/eval/dev.jsonl and
dev2.jsonl), or in the folder ARMSWATCH_DEV_SET points at (CI sets it). A plain clone has neither: the
test then skips and says why; a location ARMSWATCH_DEV_SET gives that holds no sets fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from enrich.evaluate import Report, evaluate
from enrich.tagger import Tagger

_LOCATION = Path(
    os.environ.get("ARMSWATCH_DEV_SET", Path(__file__).resolve().parents[3].parent / "shared" / "eval")
)
DEV_SETS = [
    (_LOCATION.parent if _LOCATION.is_file() else _LOCATION) / name for name in ("dev.jsonl", "dev2.jsonl")
]
# Measured with `armswatch eval ../shared/eval/dev.jsonl ../shared/eval/dev2.jsonl --part holdout`;
# keep each floor a little under the figure.
FLOORS = {
    "en": {"pair_f1": 0.85, "category_accuracy": 0.93, "status_accuracy": 0.84},
    "fr": {"pair_f1": 0.76, "category_accuracy": 0.98, "status_accuracy": 0.76},
    "de": {"pair_f1": 0.65, "pair_precision": 0.85},
    "ru": {"pair_f1": 0.78, "pair_precision": 0.98},
}
# Held-out hard negatives given a transfer, English and French together.
MAX_HARD_NEGATIVES_WITH_TRANSFER = 1

# Skipped only when nothing says where the sets are: a location given by ARMSWATCH_DEV_SET must hold them.
pytestmark = pytest.mark.skipif(
    "ARMSWATCH_DEV_SET" not in os.environ and not all(path.exists() for path in DEV_SETS),
    reason=f"development sets not found ({', '.join(map(str, DEV_SETS))}): "
    "set ARMSWATCH_DEV_SET to the folder holding dev.jsonl and dev2.jsonl",
)


@pytest.fixture(scope="module")
def held_out(tagger: Tagger) -> Report:
    missing = [str(path) for path in DEV_SETS if not path.exists()]
    assert not missing, f"ARMSWATCH_DEV_SET names no development sets: {', '.join(missing)} missing"
    return evaluate(DEV_SETS, tagger, part="holdout")


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_dev_set_held_out_scores_stay_above_their_floors(held_out: Report, lang: str) -> None:
    scores = held_out.by_language[lang].summary()
    for metric, floor in FLOORS[lang].items():
        assert scores[metric] >= floor, f"{lang} held-out {metric} fell to {scores[metric]} (floor {floor})"


def test_dev_set_held_out_hard_negatives_mostly_give_nothing(held_out: Report) -> None:
    scores = [held_out.by_language[lang] for lang in FLOORS]
    assert sum(s.hard_negatives for s in scores) >= 10
    assert sum(s.hard_negatives_with_transfer for s in scores) <= MAX_HARD_NEGATIVES_WITH_TRANSFER


def test_dev_set_reports_no_held_out_error(held_out: Report) -> None:
    assert held_out.errors == []
