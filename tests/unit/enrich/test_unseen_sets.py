"""The project's own unseen sets (bench/data/eval/): real passages labelled before the tagger read them
and never tuned on. Floors a little under today's figures, so that a change which helps the
development set at the expense of text nobody tuned on shows up here."""

from __future__ import annotations

from pathlib import Path

import pytest

from enrich.evaluate import Report, evaluate
from enrich.tagger import Tagger

SETS = Path(__file__).resolve().parents[3] / "bench" / "data" / "eval"
# Measured with `armswatch eval bench/data/eval/unseen-enfr.jsonl --part all` (and the other sets).
FLOORS = {
    "unseen-enfr.jsonl": {"en": 0.70, "fr": 0.62},
    "unseen-newlangs.jsonl": {"all": 0.69},
    # First measured at 0.637 (main at 3901286); the per-language rows are too small to floor one by one.
    "unseen-multi.jsonl": {"all": 0.60},
    # Pooled only: 30 to 45 passages a language, 8 to 10 in the multilingual sets. First measured
    # (before the lexicon audits of session 9) at 0.677, 0.602, 0.629 and 0.370.
    "unseen-enfr2.jsonl": {"all": 0.64},
    "unseen-enfr3.jsonl": {"all": 0.56},
    "unseen-multi2.jsonl": {"all": 0.65},
    "unseen-multi3.jsonl": {"all": 0.37},
    # Gathered in session 10, first measured at 10e84fb before that session's rules: 0.593 and 0.486.
    "unseen-enfr4.jsonl": {"all": 0.55},
    "unseen-multi4.jsonl": {"all": 0.45},
}


@pytest.fixture(scope="module")
def reports(tagger: Tagger) -> dict[str, Report]:
    return {name: evaluate([SETS / name], tagger, part="all") for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_unseen_sets_stay_above_their_floors(reports: dict[str, Report], name: str) -> None:
    report = reports[name]
    for lang, floor in FLOORS[name].items():
        scores = report.overall if lang == "all" else report.by_language[lang]
        f1 = scores.summary()["pair_f1"]
        assert f1 >= floor, f"{name} {lang} pair F1 fell to {f1} (floor {floor})"
