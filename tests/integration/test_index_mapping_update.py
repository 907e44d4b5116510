"""A field added to the mappings reaches indices that already exist, so strict indices keep accepting
documents after an upgrade (a template only shapes indices created after it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from elasticsearch import Elasticsearch, helpers

from armswatch import samples
from armswatch.schema import Money, Quantity, StateCount
from index.actions import bulk_actions, index_name
from index.templates import ensure_templates, mapping

pytestmark = pytest.mark.integration


def test_index_templates_add_new_fields_to_existing_indices(
    es_client: Elasticsearch, unique: Callable[[str], str]
) -> None:
    prefix = unique("upgrade")
    when = datetime(2026, 1, 15, tzinfo=UTC)
    older = {kind: mapping(kind) for kind in ("articles", "mentions")}
    del older["articles"]["properties"]["pair_names"]
    del older["mentions"]["properties"]["pair_name"]
    for added in ("quantity", "quantity_approximate", "value", "currency"):
        del older["mentions"]["properties"][added]
    for kind, body in older.items():
        es_client.indices.create(index=index_name(prefix, kind, when), mappings=body)
    try:
        ensure_templates(es_client, prefix)
        sentence = "Iran supplied drones to Russia."
        enriched = samples.enriched(
            samples.article("u1", text="", title="", when=when),
            [
                samples.transfer(
                    sentence,
                    weapon="drones",
                    quantity=Quantity(value=400, approximate=True),
                    value=Money(amount=1.7e9, currency="USD"),
                )
            ],
            states=[StateCount(code="IR", name="Iran", count=1)],
        )
        indexed, errors = helpers.bulk(es_client, bulk_actions(enriched, prefix), refresh=True)
        assert (indexed, errors) == (2, [])
        properties = es_client.indices.get_mapping(index=index_name(prefix, "mentions", when))
        assert properties[index_name(prefix, "mentions", when)]["mappings"]["properties"]["pair_name"] == {
            "type": "keyword"
        }
        mentions = properties[index_name(prefix, "mentions", when)]["mappings"]["properties"]
        assert (mentions["quantity"], mentions["currency"]) == ({"type": "long"}, {"type": "keyword"})
    finally:
        es_client.indices.delete(index=",".join(es_client.indices.get(index=f"{prefix}-*")))
        for kind in ("articles", "mentions"):
            es_client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-{kind}-v1")
