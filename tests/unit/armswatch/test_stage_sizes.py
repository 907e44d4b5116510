"""What a stage sends when a record is larger than its topic takes: pure parts of the stage."""

from __future__ import annotations

from collections import namedtuple
from datetime import UTC, datetime

import pytest

from armswatch.schema import DeadLetter
from armswatch.stage import Message, decode_batch, fitted_letter, oversized_letter

Record = namedtuple("Record", "topic partition offset key value")


def _letter(payload: str) -> DeadLetter:
    return DeadLetter(
        stage="enrich",
        reason="invalid_json",
        error="Invalid JSON: expected value at line 1 column 1",
        topic="raw",
        partition=0,
        offset=7,
        key="k",
        payload=payload,
        at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_fitted_letter_keeps_a_small_letter_whole() -> None:
    letter = _letter("{not json")
    assert fitted_letter(letter, 1_000) == letter.to_json()


@pytest.mark.parametrize("limit", [2_000, 100_000, 1_040_000])
def test_fitted_letter_cuts_escaped_control_bytes_under_the_limit(limit: int) -> None:
    # 0x01 is escaped as \u0001: the letter would be six times its payload.
    letter = _letter("\x01" * 2_000_000)
    value = fitted_letter(letter, limit)
    assert len(value) <= limit
    cut = DeadLetter.model_validate_json(value)
    assert cut.payload == "\x01" * len(cut.payload) and len(cut.payload) > (limit - 1_000) // 7
    assert f"of {2_000_000:,} characters" in cut.error and cut.offset == 7


def test_oversized_letter_names_the_output_and_its_size() -> None:
    message = Message("enriched", b"article-1", b"x" * 5_000)
    letter = oversized_letter("enrich", message, 4_000)
    assert (letter.reason, letter.topic, letter.key, letter.offset) == (
        "output_too_large",
        "enriched",
        "article-1",
        -1,
    )
    assert "5,009-byte record" in letter.error and "4,000 bytes" in letter.error
    assert len(fitted_letter(letter, 2_000)) <= 2_000


def test_a_tombstone_is_neither_decoded_nor_rejected_and_has_the_size_of_its_key() -> None:
    good = Record("deals", 0, 1, b"k", _letter("x").to_json())
    tombstone = Record("deals", 0, 2, b"merged", None)
    decoded, rejected = decode_batch([good, tombstone], DeadLetter)
    assert [item.message for item in decoded] == [good] and rejected == []
    assert Message("deals", b"merged", None).size == len(b"merged")
