"""Weapons named only by a stand-in (the clitic « en », a demonstrative with an anaphor noun) and sources
the text calls official. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clitic « en » on the transfer verb stands for the weapon of the sentence before
        (
            "La Turquie a mis au point le drone Bayraktar TB2. Ankara en a livré douze au Niger l'an "
            "dernier.",
            {("TR", "NE", "drones", "delivered")},
        ),
        (
            "Le canon Caesar a fait ses preuves en Ukraine. Il équipe l'armée française depuis 2008. "
            "Paris en possède encore soixante après en avoir cédé trente à la Roumanie.",
            {("FR", "RO", "artillery", "delivered")},
        ),
        # a demonstrative with an anaphor noun takes the category of the weapon named before
        (
            "Le Sénégal a commandé des hélicoptères de combat en 2022. Ces appareils ont été livrés au "
            "Sénégal par la Russie la semaine dernière.",
            {("RU", "SN", "aircraft", "delivered")},
        ),
        # a source the text calls official is the state speaking, not hearsay
        (
            "Le Niger a reçu six drones en provenance de la Chine, ont annoncé des sources officielles à "
            "Niamey.",
            {("CN", "NE", "drones", "delivered")},
        ),
    ],
)
def test_stand_ins_and_official_sources(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unqualified source still makes a claim
        (
            "Le Niger a reçu six drones en provenance de la Chine, selon des sources à Niamey.",
            {("CN", "NE", "drones", "alleged")},
        ),
        # « en » as a preposition is no stand-in: no weapon, no transfer
        (
            "La Turquie a mis au point le drone Bayraktar TB2. Le Niger a envoyé une délégation en Turquie.",
            set(),
        ),
        # a weapon further back than the context reach is not what the clitic stands for
        (
            "Le canon Caesar a fait ses preuves. La guerre dure. Les combats continuent. L'hiver arrive. "
            "Paris en a cédé trente à la Roumanie.",
            set(),
        ),
    ],
)
def test_stand_ins_stay_bounded(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


def test_a_promised_delivery_that_cannot_happen_yet_stays_agreed(tagger: Tagger) -> None:
    # « ne pourront être livrés »: a delivery in the future, the promise stands
    text = "Les chasseurs promis par la Norvège à la Moldavie ne pourront être livrés avant l'été."
    assert quads(tagger, text, "fr") == {("NO", "MD", "aircraft", "agreed")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state that speaks in a contrasting clause of its own is no source of the main clause's transfer
        (
            "L'Espagne et le Portugal se sont engagés à envoyer des chars en Ukraine, tandis que la Suède a "
            "déclaré qu'elle envisageait de faire de même.",
            {("ES", "UA", "armored_vehicles", "agreed"), ("PT", "UA", "armored_vehicles", "agreed")},
        ),
        # the inverted reporting clause of a third state still makes a claim
        (
            "La Corée du Nord a livré des obus à la Russie, a déclaré le ministère sud-coréen.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
    ],
)
def test_speaker_of_its_own_clause(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


def test_an_impersonal_pronoun_stands_for_no_state(tagger: Tagger) -> None:
    # « Il s'agissait de … »: the expletive « il » is not the state of the sentence before
    text = (
        "Le Conseil fédéral a décidé d’interdire au gouvernement allemand la réexportation de grenades "
        "suisses vers la Moldavie. Il s’agissait d'obus que des entreprises d’armement suisses avaient "
        "livrés à l’armée allemande en 1990."
    )
    assert quads(tagger, text, "fr") == {("CH", "DE", "ammunition", "delivered")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a halt that is itself negated leaves the sale standing
        (
            "Le Portugal ne suspendra pas la vente de véhicules blindés au Qatar.",
            "fr",
            {("PT", "QA", "armored_vehicles", "agreed")},
        ),
        (
            "Le Portugal n'envisage pas de suspendre la vente de véhicules blindés au Qatar.",
            "fr",
            {("PT", "QA", "armored_vehicles", "agreed")},
        ),
        (
            "Madrid will not cancel the sale of tanks to Qatar.",
            "en",
            {("ES", "QA", "armored_vehicles", "agreed")},
        ),
        # the halt itself still stops it
        ("Le Portugal a suspendu la vente de véhicules blindés au Qatar.", "fr", set()),
        ("Madrid cancelled the sale of tanks to Qatar.", "en", set()),
    ],
)
def test_a_negated_halt_leaves_the_transfer(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a demonym that qualifies the transfer noun names whose transfer it is: the buyer of an order
        ("La commande grecque de 18 Rafale a été signée lundi.", "fr", {("FR", "GR", "aircraft", "agreed")}),
        ("L'achat indien de 36 Rafale a été finalisé.", "fr", {("FR", "IN", "aircraft", "agreed")}),
        # ... the seller of a sale
        (
            "La vente suédoise de canons à l'Ukraine a été signée.",
            "fr",
            {("SE", "UA", "artillery", "agreed")},
        ),
        # a demonym on the weapon is still its maker, not a side of the deal
        ("Le Maroc a commandé des drones turcs.", "fr", {("TR", "MA", "drones", "agreed")}),
    ],
)
def test_a_demonym_on_the_transfer_noun_is_a_side(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an international organisation speaking of two states' transfer makes it a claim
        (
            "L'Égypte a livré des obus au Soudan, a déclaré le chef de l'ONU.",
            "fr",
            {("EG", "SD", "ammunition", "alleged")},
        ),
        (
            "Belarus has delivered drones to Russia, NATO's secretary general said.",
            "en",
            {("BY", "RU", "drones", "alleged")},
        ),
        # an organisation spoken to is no source; a minister of no named state is no third party
        (
            "La Grèce a déclaré à l'ONU avoir livré des canons à l'Arménie.",
            "fr",
            {("GR", "AM", "artillery", "delivered")},
        ),
        (
            "La Grèce a livré des canons à l'Arménie, a déclaré le ministre.",
            "fr",
            {("GR", "AM", "artillery", "delivered")},
        ),
    ],
)
def test_an_organisation_speaking_makes_a_claim(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a demonym beside a noun of making names the maker however far the weapon stands
        (
            "Récemment, une dizaine de drones, dont quatre de fabrication chinoise, ont été remis aux "
            "autorités nigériennes.",
            "fr",
            {("CN", "NE", "drones", "delivered")},
        ),
        ("Egypt bought ten helicopters of Russian manufacture.", "en", {("RU", "EG", "aircraft", "agreed")}),
        # outside an acquisition a maker is no supplier
        ("Des chars de fabrication allemande ont été filmés en Syrie.", "fr", set()),
    ],
)
def test_a_noun_of_making_names_the_maker(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected
