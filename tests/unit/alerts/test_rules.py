"""Rules compiled once and matched on the documents the indexer writes (no services needed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.rules import RuleError, alert_id, compile_rule, match, new_rule, parse_every, rule_id, to_alert
from tests.alerts_receivers import enriched

NOW = datetime(2025, 5, 1, tzinfo=UTC)


def _hits(query: str, **options: object) -> list[str]:
    rule = new_rule("r", query, now=NOW, **options)  # type: ignore[arg-type]
    return [hit.reason for hit in match([compile_rule(rule)], enriched(1))]


@pytest.mark.parametrize(
    ("query", "options", "fires"),
    [
        ("supplier:IR AND category:drones", {}, True),
        ("supplier:IR AND category:missiles", {}, False),
        ("drone", {}, True),  # the lemma of "drones"
        ('"shahed drones"', {}, True),
        ('"drones shahed"', {}, False),
        ("source:Example*", {}, True),
        ("NOT lang:en", {}, False),
        ("supplier:IR", {"min_confidence": 0.95}, False),
        ("supplier:IR", {"min_confidence": 0.9}, True),
        ("state:IR AND officials", {"scope": "articles"}, True),
    ],
)
def test_rules_match_like_the_query_reads(query: str, options: dict[str, object], fires: bool) -> None:
    assert bool(_hits(query, **options)) is fires


def test_rules_reason_names_what_matched() -> None:
    [reason] = _hits("supplier:IR AND drone")
    assert reason.startswith("supplier:IR AND drone — ") and "supplier = IR" in reason and "'drone'" in reason


def test_rules_disabled_rule_never_fires() -> None:
    rule = new_rule("r", "supplier:IR", now=NOW).model_copy(update={"enabled": False})
    assert match([compile_rule(rule)], enriched(1)) == []


def test_rules_alert_id_changes_only_with_the_transfers() -> None:
    rule = new_rule("Iran", "supplier:IR", now=NOW)
    compiled = compile_rule(rule)
    first = to_alert(match([compiled], enriched(1))[0], NOW)
    retitled = to_alert(match([compiled], enriched(1, title="Another title"))[0], NOW)
    agreed = to_alert(match([compiled], enriched(1, status="agreed"))[0], NOW)
    assert first.alert_id == retitled.alert_id != agreed.alert_id
    assert first.alert_id == alert_id("iran", "alert-article-1", first.transfers)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "needs a query"),
        ('"unbalanced', "cannot parse"),
        ("weight:3", "unknown field 'weight'"),
        ("dron?", "wildcards"),
        ('"iran drones"~3', "proximity"),
        ("date:[now-1d TO *]", "relative dates"),
    ],
)
def test_rules_refuse_what_cannot_be_matched_exactly(query: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        new_rule("r", query, now=NOW)


def test_rules_ids_and_periods() -> None:
    assert rule_id("Drones: Iran → Russia!") == "drones-iran-russia"
    assert [parse_every(text) for text in ("15m", "2h", "1d", "45")] == [15, 120, 1440, 45]
    with pytest.raises(RuleError):
        rule_id("→")
    with pytest.raises(RuleError):
        parse_every("0m")
