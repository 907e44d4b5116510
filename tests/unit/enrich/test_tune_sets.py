"""The project's own tuning sets (bench/data/eval/tune-*): real passages labelled before the tagger read
them, whose errors may be read. Floors a little under today's figures, so that a change which helps one
set at the expense of these shows up here."""

from __future__ import annotations

from pathlib import Path

import pytest

from enrich.evaluate import Report, evaluate
from enrich.tagger import Tagger

SET = Path(__file__).resolve().parents[3] / "bench" / "data" / "eval" / "tune-enfr-negatives.jsonl"
# Measured with `armswatch eval bench/data/eval/tune-enfr-negatives.jsonl --part all`.
F1_FLOORS = {"en": 0.74, "fr": 0.83}
# Hard negatives (of 25 English and 25 French) that may get a transfer.
HARD_NEGATIVES_WITH_TRANSFER = 2


@pytest.fixture(scope="module")
def report(tagger: Tagger) -> Report:
    return evaluate([SET], tagger, part="all")


@pytest.mark.parametrize("lang", sorted(F1_FLOORS))
def test_tune_enfr_negatives_stays_above_its_floor(report: Report, lang: str) -> None:
    f1 = report.by_language[lang].summary()["pair_f1"]
    assert f1 >= F1_FLOORS[lang], f"{lang} pair F1 fell to {f1} (floor {F1_FLOORS[lang]})"


def test_tune_enfr_negatives_hard_negatives_stay_without_transfer(report: Report) -> None:
    summary = report.overall.summary()
    assert summary["hard_negatives_with_transfer"] <= HARD_NEGATIVES_WITH_TRANSFER, summary


EAST = SET.parent / "tune-east.jsonl"
# Measured with `armswatch eval bench/data/eval/tune-east.jsonl --part all`: pooled pair F1 0.818 and
# precision 0.957 over seven languages (pl cs tr fa sv ar ru); 9-13 passages a language are too few to
# floor one by one, so the floor is pooled, with the precision the issue asks of every language.
EAST_F1_FLOOR = 0.78
EAST_PRECISION_FLOOR = 0.90


def test_tune_east_stays_above_its_floor(tagger: Tagger) -> None:
    summary = evaluate([EAST], tagger, part="all").overall.summary()
    assert summary["pair_f1"] >= EAST_F1_FLOOR, summary
    assert summary["pair_precision"] >= EAST_PRECISION_FLOOR, summary
