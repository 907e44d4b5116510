"""The standard analyzer's word splitting (checked against the real node in the integration tests)."""

from __future__ import annotations

import pytest

from alerts.analysis import tokens
from alerts.matcher import field_specs
from index.templates import mapping


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's F-16s", ["iran's", "f", "16s"]),
        ("U.S. sent 3,5 t and 1.000 shells", ["u.s", "sent", "3,5", "t", "and", "1.000", "shells"]),
        ("l’Iran a livré", ["l’iran", "a", "livré"]),
        ("İstanbul ΟΔΟΣ", ["istanbul", "οδοσ"]),
        ("中国 _ foo_bar", ["中", "国", "foo_bar"]),
    ],
)
def test_analysis_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_analysis_copy_to_fields_are_fed_by_their_sources() -> None:
    specs = field_specs(mapping("articles"))
    assert specs["search_text"].sources == ("title", "summary", "text")
    assert specs["title.raw"].type == "keyword" and specs["title.raw"].ignore_above == 512
