"""German, Dutch, Italian and Portuguese on the multilingual path (the rules written from
bench/data/eval/tune-west.jsonl): each rule on invented sentences."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad


def found(text: str, lang: str) -> set[Quad]:
    return {(t.supplier, t.recipient, t.category, t.status) for t in multilingual.tag(text, lang).transfers}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # wanting to buy is no purchase; wanting to supply is a pledge
        ("de", "Ägypten will Kampfjets aus Frankreich kaufen.", set()),
        ("de", "Frankreich will Ägypten Kampfjets liefern.", {("FR", "EG", "aircraft", "agreed")}),
        ("nl", "Polen wil tanks uit Zuid-Korea kopen.", set()),
        ("nl", "Zweden wil Oekraïne tanks leveren.", {("SE", "UA", "armored_vehicles", "agreed")}),
        ("it", "La Serbia vuole acquistare caccia dalla Francia.", set()),
        ("it", "La Grecia intende acquistare fregate dalla Francia.", set()),
        ("pt", "O Egito quer comprar caças da França.", set()),
        ("pt", "A Argentina pretende comprar aviões da Dinamarca.", set()),
        # the participle that closes a German or Dutch clause governs all of it
        (
            "de",
            "Österreich hat Ungarn die Weitergabe seiner Munition an die Ukraine ausdrücklich untersagt.",
            set(),
        ),
        (
            "nl",
            "Zwitserland heeft Denemarken de doorlevering van munitie aan Oekraïne uitdrukkelijk verboden.",
            set(),
        ),
        # an export halt or ban written as one compound
        ("de", "Der Exportstopp für Fregatten nach Katar bleibt bestehen.", set()),
        ("nl", "Het wapenexportverbod voor fregatten aan Egypte blijft van kracht.", set()),
        # "la mancata fornitura": a delivery that did not happen
        (
            "it",
            "La mancata consegna di carri armati dalla Francia alla Grecia è al centro del dibattito.",
            set(),
        ),
        # the government seated in a capital acts for its state
        (
            "de",
            "Die Regierung in Kairo hat Fregatten aus Italien erhalten.",
            {("IT", "EG", "naval", "delivered")},
        ),
        (
            "nl",
            "Het regime in Teheran heeft aan Venezuela drones geleverd.",
            {("IR", "VE", "drones", "delivered")},
        ),
        # a party joined by "and" to the one after "samen met" / "zusammen mit" supplies too
        (
            "nl",
            "Noorwegen levert samen met Zweden en Finland houwitsers aan Estland.",
            {
                ("NO", "EE", "artillery", "agreed"),
                ("SE", "EE", "artillery", "agreed"),
                ("FI", "EE", "artillery", "agreed"),
            },
        ),
        (
            "de",
            "Dänemark hat der Ukraine zusammen mit Schweden und Norwegen Haubitzen geliefert.",
            {
                ("DK", "UA", "artillery", "delivered"),
                ("SE", "UA", "artillery", "delivered"),
                ("NO", "UA", "artillery", "delivered"),
            },
        ),
    ],
)
def test_west_rules(lang: str, text: str, expected: set[Quad]) -> None:
    assert found(text, lang) == expected


def test_a_sentence_naming_the_source_reports_nothing_of_its_own() -> None:
    """The information "fornite" (provided) by US intelligence is no weapon supplied by the US; the
    sentence names the source of the claim before it."""
    text = (
        "La Bielorussia starebbe ricevendo droni dall'Iran. "
        "Lo rivelano fonti americane citando informazioni fornite dall'intelligence Usa."
    )
    assert found(text, "it") == {("IR", "BY", "drones", "alleged")}
