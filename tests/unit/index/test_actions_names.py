"""Index documents carry readable English state names beside the codes, for dashboards and tables."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from armswatch import samples
from armswatch.schema import EnrichedArticle, Money, Quantity, StateCount, TransferMention
from index.actions import (
    article_document,
    mention_documents,
    mention_id,
    pair_name,
    stale_mention_deletes,
    state_name,
)

WHEN = datetime(2026, 3, 2, tzinfo=UTC)
SENTENCE = "Pyongyang shipped artillery shells to Moscow."


def _mention(
    supplier: str | None, recipient: str | None, supplier_name: str | None = None
) -> TransferMention:
    return samples.transfer(
        SENTENCE,
        supplier=supplier,
        recipient=recipient,
        supplier_name=supplier_name,
        weapon="artillery shells",
        category="ammunition",
        confidence=0.8,
    )


def _enriched(*mentions: TransferMention, states: list[StateCount] | None = None) -> EnrichedArticle:
    article = samples.article("n1", title="Shells", text=SENTENCE, when=WHEN)
    return samples.enriched(article, mentions, states=states or [])


@pytest.mark.parametrize(
    ("code", "name"),
    [("KP", "North Korea"), ("RU", "Russia"), ("IR", "Iran"), ("US", "United States"), ("ZZ", "ZZ")],
)
def test_actions_state_name_is_the_english_short_name(code: str, name: str) -> None:
    assert state_name(code) == name


def test_actions_pair_name_reads_as_supplier_arrow_recipient() -> None:
    assert pair_name(_mention("KP", "RU")) == "North Korea → Russia"
    assert pair_name(_mention(None, "RU", supplier_name="Wagner Group")) == "Wagner Group → Russia"
    assert pair_name(_mention(None, "UA")) == "unknown → Ukraine"


def test_actions_mention_document_names_states_even_when_the_article_lists_none() -> None:
    """The transfer's codes are named from the state data, not only from the article's state list."""
    document = mention_documents(_enriched(_mention("KP", "RU")))[0]
    assert (document["supplier"], document["supplier_name"]) == ("KP", "North Korea")
    assert (document["recipient"], document["recipient_name"]) == ("RU", "Russia")
    assert (document["pair"], document["pair_name"]) == ("KP>RU", "North Korea → Russia")


def test_actions_mention_document_keeps_a_non_state_party_name() -> None:
    document = mention_documents(_enriched(_mention(None, "RU", supplier_name="Wagner Group")))[0]
    assert document["supplier"] is None
    assert document["supplier_name"] == "Wagner Group"
    assert document["pair"] == "~Wagner Group>RU"


def test_actions_article_document_lists_state_and_pair_names() -> None:
    states = [
        StateCount(code="KP", name="North Korea", count=2),
        StateCount(code="RU", name="Russia", count=1),
    ]
    document = article_document(_enriched(_mention("KP", "RU"), _mention("IR", "RU"), states=states))
    assert document["states"] == ["KP", "RU"]
    assert document["state_names"] == ["North Korea", "Russia"]
    assert document["pairs"] == ["IR>RU", "KP>RU"]
    assert document["pair_names"] == ["Iran → Russia", "North Korea → Russia"]


def test_actions_stale_mention_deletes_only_what_the_update_no_longer_reports() -> None:
    kept, dropped = _mention("KP", "RU"), _mention("IR", "RU")
    before = article_document(_enriched(kept, dropped))["mention_ids"]
    deletes = stale_mention_deletes(_enriched(kept), "ix", 1, before)
    assert [action["_id"] for action in deletes] == [mention_id("n1", dropped)]
    assert deletes[0]["_op_type"] == "delete"
    assert deletes[0]["_index"] == "ix-mentions-v1-2026.03"
    assert stale_mention_deletes(_enriched(kept, dropped), "ix", 1, before) == []


def test_mention_documents_carry_quantity_and_value() -> None:
    measured = _mention("KP", "RU").model_copy(
        update={
            "quantity": Quantity(value=1_000_000, approximate=True),
            "value": Money(amount=1.5e9, currency="USD"),
        }
    )
    first, second = mention_documents(_enriched(measured, _mention("IR", "RU")))
    assert (first["quantity"], first["quantity_approximate"], first["value"], first["currency"]) == (
        1_000_000,
        True,
        1.5e9,
        "USD",
    )
    assert (second["quantity"], second["quantity_approximate"], second["value"], second["currency"]) == (
        None,
        None,
        None,
        None,
    )
