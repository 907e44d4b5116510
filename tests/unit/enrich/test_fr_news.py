"""French news constructions the rules missed on unseen wire copy and dailies (tune-fr5.jsonl's errors, and the
French errors of the tuning sets): each rule tested on invented sentences, with the (supplier, recipient,
category, status) the annotation rules give them, or nothing."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # « non seulement … mais aussi », "not only … but also": an addition, not a negation
        (
            "Le Qatar a non seulement acquis des chars allemands, mais compte les déployer au sud.",
            {("DE", "QA", "armored_vehicles", "agreed")},
        ),
        (
            "La Lettonie a reçu des obusiers non seulement de la Suède, mais aussi de la Norvège.",
            {("SE", "LV", "artillery", "delivered"), ("NO", "LV", "artillery", "delivered")},
        ),
        (
            "Sweden has not only delivered howitzers to Latvia but also trained its crews.",
            {("SE", "LV", "artillery", "delivered")},
        ),
        # a real negation still denies or leaves nothing
        ("Le Chili ne livre pas de chars à la Bolivie.", set()),
        # « venir de » + infinitive: a step just done
        (
            "La marine ghanéenne vient de réceptionner deux patrouilleurs de fabrication chinoise.",
            {("CN", "GH", "naval", "delivered")},
        ),
        (
            "La Suède venait de livrer des canons à l'Estonie quand la guerre a éclaté.",
            {("SE", "EE", "artillery", "delivered")},
        ),
        ("Le Pérou vient de recevoir des hélicoptères de la Russie.", {("RU", "PE", "aircraft", "delivered")}),
        # ... and of an order or a purchase, a deal just made
        ("Le Maroc vient de commander des drones à la Turquie.", {("TR", "MA", "drones", "agreed")}),
        ("L'Indonésie vient d'acheter des sous-marins à la France.", {("FR", "ID", "naval", "agreed")}),
    ],
)
def test_french_news_constructions(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang="fr") == expected
