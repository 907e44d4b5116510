"""The short subset of the fault suite (bench/chaos.py) that CI runs: poison messages on the raw topic
and a kill -9 of the enrich worker under load, each compared with a clean run of the same input.

The full suite (worker kills of every kind, broker and Elasticsearch outages, SIGTERM under load, a
huge article) runs with ``python bench/chaos.py``; scenarios join this subset once they pass on main.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from armswatch.config import Settings

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
SUBSET = ["poison", "kill-enrich"]
ARTICLES = 60


def test_chaos_subset_matches_the_clean_run(running_stack: Settings) -> None:
    command = [
        sys.executable,
        str(ROOT / "bench" / "chaos.py"),
        "--articles",
        str(ARTICLES),
        "--scenarios",
        ",".join(SUBSET),
        "--json",
    ]
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    finished = subprocess.run(command, capture_output=True, text=True, timeout=900, env=environment, cwd=ROOT)
    assert finished.stdout, finished.stderr[-3000:]
    outcomes = {outcome["scenario"]: outcome for outcome in json.loads(finished.stdout)["outcomes"]}
    assert set(outcomes) == {"clean", *SUBSET}
    assert outcomes["clean"]["articles"] == ARTICLES and outcomes["clean"]["mentions"] > 0
    assert outcomes["clean"]["deliveries"] == outcomes["clean"]["alerts"] > 0
    failed = {name: outcome["problems"] for name, outcome in outcomes.items() if not outcome["passed"]}
    assert not failed, failed
    assert outcomes["poison"]["dead_letters"] >= 4  # non-JSON, empty, invalid UTF-8, too deep at least
    assert finished.returncode == 0
