"""Which states a text names: names, demonyms, metonyms, and the look-alikes that are not states."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger


def codes(tagger: Tagger, text: str, lang: str = "en") -> set[str]:
    return {state.code for state in tagger.tag(text, lang=lang).states}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("North Korea and the DPRK are the same state; Pyongyang is its capital.", "en", {"KP"}),
        ("North Korean shells reached Russian units.", "en", {"KP", "RU"}),
        ("Les obus nord-coréens et les drones iraniens.", "fr", {"KP", "IR"}),
        ("La Corée du Nord et Moscou ont signé un accord.", "fr", {"KP", "RU"}),
        ("The Kremlin and the Pentagon both commented.", "en", {"RU", "US"}),
        ("Niger and Nigeria are neighbours.", "en", {"NE", "NG"}),
        ("Guinea, Equatorial Guinea, Guinea-Bissau and Papua New Guinea.", "en", {"GN", "GQ", "GW", "PG"}),
        ("The Democratic Republic of the Congo and the Republic of the Congo.", "en", {"CD", "CG"}),
        ("Taiwan and Kosovo took part.", "en", {"TW", "XK"}),
    ],
)
def test_states_are_found(tagger: Tagger, text: str, lang: str, expected: set[str]) -> None:
    assert codes(tagger, text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Post reported the story.",
        "The Paris Club met creditors.",
        "Jordan Peterson and Chad Smith gave a talk.",
        "The governor of Georgia spoke in Atlanta.",
        "Traffic was heavy in Marseille.",
    ],
)
def test_lookalikes_are_not_states(tagger: Tagger, text: str) -> None:
    assert codes(tagger, text) == set()
