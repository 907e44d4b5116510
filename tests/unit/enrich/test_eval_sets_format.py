"""Every annotated set in bench/data/eval/ is in the format of ../shared/eval/README.md: the scorer reads
it, each record has the fields and values the annotation rules allow, and no id or page is used twice
(a page in two sets would let a tuning set leak into a test set)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from armswatch.schema import CATEGORIES, STATUSES
from enrich.evaluate import load_items

SETS = sorted((Path(__file__).resolve().parents[3] / "bench" / "data" / "eval").glob("*.jsonl"))
FIELDS = {"id", "lang", "url", "date", "text", "transfers", "note"}
NEGATIVE_NOTES = ("Hard negative:", "Negative:")
STATE_CODE = re.compile(r"[A-Z]{2}")


def _problems(item: dict[str, Any]) -> list[str]:
    problems = [f"unknown field {name}" for name in sorted(set(item) - FIELDS)]
    problems += [f"no {name}" for name in ("id", "lang", "url", "text") if not item.get(name)]
    transfers = item.get("transfers")
    if not isinstance(transfers, list):
        return [*problems, "transfers is not a list"]
    if not transfers and not str(item.get("note", "")).startswith(NEGATIVE_NOTES):
        problems.append("a negative whose note does not start with 'Hard negative:' or 'Negative:'")
    for transfer in transfers:
        if transfer.get("category") not in CATEGORIES:
            problems.append(f"category {transfer.get('category')!r}")
        if transfer.get("status") not in STATUSES:
            problems.append(f"status {transfer.get('status')!r}")
        for side in ("supplier", "recipient"):
            code = transfer.get(side)
            if code is None and not transfer.get(f"{side}_name"):
                problems.append(f"a non-state {side} without {side}_name")
            elif code is not None and not STATE_CODE.fullmatch(str(code)):
                problems.append(f"{side} {code!r} is not an ISO 3166-1 alpha-2 code")
    return problems


def test_eval_sets_are_found() -> None:
    # An empty glob would make the checks below pass on nothing.
    names = {path.name for path in SETS}
    assert {"unseen-enfr.jsonl", "unseen-enfr2.jsonl", "unseen-multi.jsonl"} <= names
    assert any(name.startswith("tune-") for name in names)


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_eval_set_records_follow_the_annotation_format(path: Path) -> None:
    items = load_items([path])
    assert items, f"{path.name} holds no passage"
    wrong = {str(item.get("id")): problems for item in items if (problems := _problems(item))}
    assert not wrong, f"{path.name}: {wrong}"


def test_eval_sets_share_no_id_and_no_page() -> None:
    items = [(path.name, item) for path in SETS for item in load_items([path])]
    ids = Counter(str(item["id"]) for _, item in items)
    assert [item_id for item_id, count in ids.items() if count > 1] == []
    sets_of_page: dict[str, set[str]] = {}
    for name, item in items:
        sets_of_page.setdefault(str(item["url"]), set()).add(name)
    assert {url: names for url, names in sets_of_page.items() if len(names) > 1} == {}
