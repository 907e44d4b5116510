"""Messages: the committed JSON schemas match the models, and the examples are valid messages."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from armswatch.schema import SCHEMA_DIR, TOPIC_RECORDS, Article, Money, Quantity, write_json_schemas


def test_schema_files_match_the_models(tmp_path: Path) -> None:
    for generated in write_json_schemas(tmp_path):
        committed = SCHEMA_DIR / generated.name
        assert committed.exists(), f"{committed.name} missing: run armswatch.schema.write_json_schemas()"
        assert json.loads(committed.read_text()) == json.loads(generated.read_text()), (
            f"{generated.name} changed: add a new schema_version instead of editing v1, then regenerate"
        )


@pytest.mark.parametrize("example", sorted((SCHEMA_DIR / "examples").glob("*.json")), ids=lambda p: p.name)
def test_schema_examples_are_valid(example: Path) -> None:
    name, version = example.name.removesuffix(".json").rsplit(".v", 1)
    payload = json.loads(example.read_text())
    TOPIC_RECORDS[name].model_validate(payload)
    jsonschema.validate(payload, json.loads((SCHEMA_DIR / f"{name}.v{version}.json").read_text()))


def test_schema_rejects_unknown_fields_and_versions() -> None:
    example = json.loads((SCHEMA_DIR / "examples" / "article.v1.json").read_text())
    with pytest.raises(ValueError, match="extra"):
        Article.model_validate({**example, "surprise": 1})
    with pytest.raises(ValueError, match="schema_version"):
        Article.model_validate({**example, "schema_version": 2})


def test_schema_version_2_is_what_version_1_readers_reject_and_version_1_still_reads() -> None:
    examples = SCHEMA_DIR / "examples"
    for name in ("enriched_article", "alert", "deal"):
        newer = json.loads((examples / f"{name}.v2.json").read_text())
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(newer, json.loads((SCHEMA_DIR / f"{name}.v1.json").read_text()))
        older = json.loads((examples / f"{name}.v1.json").read_text())
        assert TOPIC_RECORDS[name].model_validate(older).schema_version == 1


@pytest.mark.parametrize(
    ("stated", "label"),
    [
        (Quantity(value=12), "12"),
        (Quantity(value=1_000_000, approximate=True), "~1,000,000"),
        (Money(amount=2.5e9, currency="USD"), "USD 2.5 billion"),
        (Money(amount=5e8, currency="EUR"), "EUR 500 million"),
        (Money(amount=40_000, currency="GBP"), "GBP 40,000"),
    ],
)
def test_schema_amounts_read_as_people_write_them(stated: Quantity | Money, label: str) -> None:
    assert stated.label() == label
