"""The project's own tuning sets (bench/data/eval/tune-*): real passages labelled before the tagger read
them, whose errors may be read. Floors a little under today's figures, so that a change which helps one
set at the expense of these shows up here."""

from __future__ import annotations

from pathlib import Path

import pytest

from enrich.evaluate import Report, evaluate
from enrich.tagger import Tagger

SETS = Path(__file__).resolve().parents[3] / "bench" / "data" / "eval"
# Measured with `armswatch eval bench/data/eval/<set> --part all`.
F1_FLOORS = {
    "tune-enfr-negatives.jsonl": {"en": 0.75, "fr": 0.83},
    "tune-enfr-context.jsonl": {"en": 0.80, "fr": 0.72},
}
# Hard negatives that may get a transfer (of 29 English and 33 French; of 1 English and 2 French).
HARD_NEGATIVES_WITH_TRANSFER = {"tune-enfr-negatives.jsonl": 2, "tune-enfr-context.jsonl": 0}


@pytest.fixture(scope="module")
def reports(tagger: Tagger) -> dict[str, Report]:
    return {name: evaluate([SETS / name], tagger, part="all") for name in F1_FLOORS}


@pytest.mark.parametrize(
    ("name", "lang"), [(name, lang) for name, floors in F1_FLOORS.items() for lang in floors]
)
def test_tune_set_stays_above_its_floor(reports: dict[str, Report], name: str, lang: str) -> None:
    f1 = reports[name].by_language[lang].summary()["pair_f1"]
    assert f1 >= F1_FLOORS[name][lang], f"{name} {lang} pair F1 fell to {f1} (floor {F1_FLOORS[name][lang]})"


@pytest.mark.parametrize("name", sorted(HARD_NEGATIVES_WITH_TRANSFER))
def test_tune_set_hard_negatives_stay_without_transfer(reports: dict[str, Report], name: str) -> None:
    summary = reports[name].overall.summary()
    assert summary["hard_negatives_with_transfer"] <= HARD_NEGATIVES_WITH_TRANSFER[name], summary


EAST = SETS / "tune-east.jsonl"
# Measured with `armswatch eval bench/data/eval/tune-east.jsonl --part all`: pooled pair F1 0.818 and
# precision 0.957 over seven languages (pl cs tr fa sv ar ru); 9-13 passages a language are too few to
# floor one by one, so the floor is pooled, with the precision the issue asks of every language.
EAST_F1_FLOOR = 0.78
EAST_PRECISION_FLOOR = 0.90


def test_tune_east_stays_above_its_floor(tagger: Tagger) -> None:
    summary = evaluate([EAST], tagger, part="all").overall.summary()
    assert summary["pair_f1"] >= EAST_F1_FLOOR, summary
    assert summary["pair_precision"] >= EAST_PRECISION_FLOOR, summary
