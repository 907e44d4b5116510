"""Every field the dashboards read exists, with a type its panel can use, in the mapping the real node
reports for indices the indexer created (and for the alerts index, created from the alerts mapping)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch, helpers

from armswatch import samples
from armswatch.schema import EnrichedArticle, StateCount
from dashboards.objects import FieldUse, check_field, field_uses, flatten_mapping, load, with_index_prefix
from deals.documents import deals_index
from index.actions import bulk_actions
from index.templates import ensure_templates, mapping

pytestmark = pytest.mark.integration

ALERTS_MAPPING = Path(__file__).resolve().parents[2] / "alerts" / "mappings" / "alerts.json"


def _enriched(number: int, published: datetime, transfer: bool) -> EnrichedArticle:
    sentence = "North Korea has shipped artillery shells to Russia, officials said."
    article = samples.article(f"d{number}", title=f"Shells {number}", text=sentence, when=published)
    mentions = [
        samples.transfer(
            sentence, supplier="KP", weapon="artillery shells", category="ammunition", status="delivered"
        ),
        samples.transfer(
            sentence,
            supplier=None,
            supplier_name="Wagner Group",
            recipient="ML",
            weapon="drones",
            status="alleged",
            confidence=0.6,
        ),
    ]
    states = [
        StateCount(code="KP", name="North Korea", count=1),
        StateCount(code="RU", name="Russia", count=1),
    ]
    return samples.enriched(
        article, mentions if transfer else [], lang="en" if number % 2 else "fr", states=states
    )


@pytest.fixture
def field_types(
    es_client: Elasticsearch, unique: Callable[[str], str]
) -> Iterator[dict[str, dict[str, str]]]:
    """Data view id -> {field: type}, from GET _mapping on the indices each data view reads."""
    if not ALERTS_MAPPING.exists():
        pytest.fail(
            f"{ALERTS_MAPPING} does not exist: the alerts stage has not shipped its index mapping yet, "
            "so the Alerts dashboard's fields cannot be checked",
            pytrace=False,
        )
    prefix = unique("dash")
    ensure_templates(es_client, prefix)
    # Two months, so the read alias spans two indices whose mappings must agree.
    enriched = [_enriched(n, datetime(2026, 4 + n % 2, 10, tzinfo=UTC), transfer=n != 3) for n in range(4)]
    helpers.bulk(es_client, [action for e in enriched for action in bulk_actions(e, prefix)], refresh=True)
    es_client.indices.create(index=f"{prefix}-alerts", mappings=json.loads(ALERTS_MAPPING.read_text()))
    es_client.indices.create(index=deals_index(prefix), mappings=mapping("deals"))
    try:
        types: dict[str, dict[str, str]] = {}
        for view in with_index_prefix(load(), prefix):
            if view["type"] != "index-pattern":
                continue
            per_index = es_client.indices.get_mapping(index=view["attributes"]["title"])
            flattened = [flatten_mapping(body["mappings"]["properties"]) for body in per_index.values()]
            assert all(flat == flattened[0] for flat in flattened), f"{view['id']}: indices disagree"
            types[view["id"]] = flattened[0]
        yield types
    finally:
        es_client.indices.delete(index=",".join(es_client.indices.get(index=f"{prefix}-*")))
        for kind in ("articles", "mentions"):
            es_client.indices.delete_index_template(name=f"{prefix}-{kind}-v1")


def test_dashboards_fields_exist_with_compatible_types(field_types: dict[str, dict[str, str]]) -> None:
    uses = field_uses(load())
    assert {use.data_view for use in uses} == set(field_types)
    problems = [problem for use in uses if (problem := check_field(use, field_types[use.data_view]))]
    assert problems == []


def test_dashboards_field_check_catches_text_and_missing_fields(
    field_types: dict[str, dict[str, str]],
) -> None:
    """The check is not vacuous: on the same real mapping it refuses what Kibana could not draw."""
    mentions = field_types["armswatch-mentions"]
    problem = check_field(
        FieldUse("x", "armswatch-mentions", "evidence", "aggregatable", "top values"), mentions
    )
    assert problem is not None and "it is text" in problem
    problem = check_field(FieldUse("x", "armswatch-mentions", "category", "date", "date histogram"), mentions)
    assert problem is not None and "to be a date, it is keyword" in problem
    problem = check_field(
        FieldUse("x", "armswatch-mentions", "supplier_country", "exists", "column"), mentions
    )
    assert problem is not None and "does not have" in problem
