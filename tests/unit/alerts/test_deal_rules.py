"""Per-deal rules: matched on deal records, one alert per rule, deal and change (no services)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from alerts.rules import RuleError, compile_rule, match, match_deal, new_rule, to_deal_alert
from armswatch.schema import Deal
from deals.fold import DealBook, fold_articles
from tests.deals_articles import story

NOW = datetime(2025, 5, 1, tzinfo=UTC)


def _states(*articles: object) -> list[Deal]:
    """Every record the deals stage writes, one per change, in order."""
    book = DealBook()
    return [deal for article in articles for deal in fold_articles(book, [article])]  # type: ignore[list-item]


def _alert_ids(query: str, records: list[Deal], every_outlets: int = 3) -> list[str]:
    rule = compile_rule(new_rule("Shells", query, now=NOW, scope="deals", every_outlets=every_outlets))
    return [to_deal_alert(hit, NOW).alert_id for deal in records for hit in match_deal([rule], deal)]


def test_deal_rule_fires_when_a_deal_appears_then_on_changes_only() -> None:
    records = _states(
        story("a1", status="alleged", confidence=0.9, source="A"),
        story("a2", day=1, status="alleged", source="B"),  # 2 outlets: nothing new
        story("a3", day=2, status="delivered", source="C"),  # status: alert; 3 outlets: same alert
        story("a4", day=3, status="delivered", source="A"),  # same outlet again: nothing
        story("a5", day=4, status="delivered", source="D"),
        story("a6", day=5, status="delivered", source="E"),
        story("a7", day=6, status="delivered", source="F"),  # 6 outlets: 3 more than the last alert
    )
    fired = _alert_ids("supplier:KP AND category:ammunition", records)
    assert len(records) == 7 and len(set(fired)) == 3


def test_deal_rule_alert_is_the_same_for_a_replayed_record() -> None:
    records = _states(story("a1"), story("a2", day=1, source="B"))
    assert _alert_ids("supplier:KP", records + records) == _alert_ids("supplier:KP", records) * 2


def test_deal_rule_says_how_many_more_reports_and_why() -> None:
    records = _states(story("a1"), story("a2", day=1, source="B"), story("a3", day=2, source="C"))
    rule = compile_rule(new_rule("Shells", "supplier:KP", now=NOW, scope="deals"))
    [hit] = match_deal([rule], records[-1])
    alert = to_deal_alert(hit, NOW)
    assert alert.title == "North Korea → Russia · ammunition · ongoing — and 2 more reports"
    assert records[-1].id in alert.reason and "supplier = KP" in alert.reason


def test_deal_rules_leave_articles_alone_and_mention_rules_leave_deals_alone() -> None:
    deal_rule = compile_rule(new_rule("Deals", "supplier:KP", now=NOW, scope="deals"))
    mention_rule = compile_rule(new_rule("Mentions", "supplier:KP", now=NOW))
    assert match([deal_rule], story("a1")) == []
    assert match_deal([mention_rule], _states(story("a1"))[0]) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"scope": "mentions", "every_outlets": 5}, "--every-outlets applies to deals rules"),
        ({"scope": "deals", "min_confidence": 0.5}, "minimum confidence"),
        ({"scope": "deals", "query_text": "unknown_field:x"}, "unknown field"),
    ],
)
def test_deal_rule_refuses_what_does_not_apply(options: dict[str, object], message: str) -> None:
    query = str(options.pop("query_text", "supplier:KP"))
    with pytest.raises(RuleError, match=message):
        new_rule("r", query, now=NOW, **options)  # type: ignore[arg-type]
