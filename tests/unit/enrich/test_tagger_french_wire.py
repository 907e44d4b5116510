"""French constructions of wire copy that hide a transfer from a subject-verb-object reading, and the
wishes that only look like one: reduced relatives with their « à » and « par », companies given a
nationality, intentions governing a transfer word from afar. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after its noun, with « à » and « par », is a passive relative (tagged ADJ or NOUN)
        (
            "Les chars offerts au Pérou par la France et l'Espagne ont fait leurs preuves.",
            {("FR", "PE", "armored_vehicles", "delivered"), ("ES", "PE", "armored_vehicles", "delivered")},
        ),
        (
            "Des hélicoptères remis au Pérou par la France sont en service.",
            {("FR", "PE", "aircraft", "delivered")},
        ),
        # « par X » is the agent of the participle before it, though the sentence's verb stands nearer
        (
            "Les chars vendus au Pérou par la France sont arrivés à Lima.",
            {("FR", "PE", "armored_vehicles", "delivered")},
        ),
        (
            "Les canons livrés au Chili par l'Espagne sont arrivés.",
            {("ES", "CL", "artillery", "delivered")},
        ),
        # a light verb's participle carries the agent of the transfer noun it describes
        (
            "La commande passée par le Chili pour douze hélicoptères à l'Espagne a été confirmée.",
            {("ES", "CL", "aircraft", "agreed")},
        ),
        # a company given a nationality acts for that state
        (
            "Le Chili a commandé des hélicoptères auprès du constructeur américain Sikorsky.",
            {("US", "CL", "aircraft", "agreed")},
        ),
        (
            "Le Pérou a acquis des patrouilleurs auprès de la société espagnole Navantia.",
            {("ES", "PE", "naval", "agreed")},
        ),
    ],
)
def test_tagger_french_reduced_relatives_and_companies(
    tagger: Tagger, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a wish, an attempt or an ability is no transfer
        "Paris tente de vendre des Rafale au Pérou.",
        "La volonté française de vendre des Rafale au Pérou est connue.",
        "Le Chili sera en mesure de fournir des chars au Pérou en 2026.",
        # a transfer that depends on something, or that is impossible, has not happened
        "La livraison de chars au Pérou dépendra de l'arrivée de nouveaux blindés.",
        "La vente de chars au Pérou est désormais impossible.",
        # an infinitive of purpose is as wished as the infinitive it serves
        "Le désir de Paris de racheter aux Émirats des Mirage pour les transférer à l'Ukraine est connu.",
        # « auprès de » completes the negotiated acquisition before it
        "Athènes négociait avec Paris l'acquisition de trois frégates [classe Belharra] auprès de "
        "Naval Group.",
        # a complement before the noun a participle describes is not the participle's
        "La livraison de chars à Kiev dépendra de l'arrivée des nouveaux avions de chasse commandés par "
        "l'armée belge.",
    ],
)
def test_tagger_french_wishes_and_conditions_give_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "fr") == set()
