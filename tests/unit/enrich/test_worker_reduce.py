"""An enriched record too large for Kafka is reduced to its transfers and evidence, and says so."""

from __future__ import annotations

from datetime import UTC, datetime

from armswatch import samples
from armswatch.schema import EnrichedArticle
from enrich.worker import output, without_full_text


def _enriched(text: str) -> EnrichedArticle:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    article = samples.article("a1", title="Drones", text=text, when=when)
    mention = samples.transfer(sentence_lemmas="iran have supply russia with hundred of shahed drone .")
    summarised = article.model_copy(update={"summary": "Shipments."})
    return samples.enriched(summarised, [mention], states=[], lemmas=text.lower(), extractor="test.v1")


def test_without_full_text_keeps_transfers_and_flags_what_it_dropped() -> None:
    record = _enriched("Iran has supplied Russia with hundreds of Shahed drones. " * 20_000)
    reduced = without_full_text(record)
    assert reduced.omitted == ["text", "lemmas"]
    assert reduced.article.text == "" and reduced.lemmas == "" and reduced.article.summary == "Shipments."
    assert reduced.transfers == record.transfers
    assert len(reduced.to_json()) < 2_000 < len(record.to_json())
    assert EnrichedArticle.model_validate_json(reduced.to_json()) == reduced


def test_output_offers_the_reduced_record_only_as_a_fallback() -> None:
    record = _enriched("A short text.")
    made = output("enriched", record)
    assert (made.topic, made.key, made.value) == ("enriched", "a1", record.to_json())
    assert made.smaller is not None
    assert EnrichedArticle.model_validate_json(made.smaller()).omitted == ["text", "lemmas"]
