"""Rules that look past one predicate: what the verb moves, which clause a party belongs to, a state
owning the noun after "to", and sides implied by the sentence before. Sentences are invented."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the verb moves a letter, troops or fighters, not the weapons the sentence names
        (
            "In a letter sent to Ghana last week, Nigeria listed the Tucano aircraft it still needs.",
            "en",
            set(),
        ),
        ("Chad sent 500 soldiers to Niger to guard the Bayraktar drones at the air base.", "en", set()),
        ("La France a envoyé des instructeurs au Bénin pour former les pilotes de drones.", "fr", set()),
        # ... but generic cargo and the with-complement still carry the weapons
        (
            "Belgium supplied parts for the F-16 fighter jets to Ukraine.",
            "en",
            {("BE", "UA", "aircraft", "delivered")},
        ),
        (
            "Turkey supplied the Somali army with armoured vehicles.",
            "en",
            {("TR", "SO", "armored_vehicles", "delivered")},
        ),
        # a participle describing a noun reports a fact, whatever the governing verb wants
        (
            "Chile wants funding for countering Peruvian fighter jets sold to Bolivia.",
            "en",
            {("PE", "BO", "aircraft", "agreed")},
        ),
        # two complete clauses: no pairs across them
        (
            "Vietnam bought corvettes from Russia to counter Chinese frigates sold to Cambodia.",
            "en",
            {("RU", "VN", "naval", "agreed"), ("CN", "KH", "naval", "agreed")},
        ),
        # the state owning the noun after "to" is not the recipient; the apposition is
        (
            "Serbia has sold six howitzers to Hungary's southern neighbour, Croatia, this year.",
            "en",
            {("RS", "HR", "artillery", "agreed")},
        ),
        # a phrase of the predicate that names a deployment vetoes it; "despite" an embargo does not
        (
            "Forty tanks will arrive in Armenia from Russia as part of the deployment of a joint force.",
            "en",
            set(),
        ),
        (
            "Iran delivered Shahed drones to Russia despite the embargo.",
            "en",
            {("IR", "RU", "drones", "delivered")},
        ),
        # a party the parse gives to a seizure is no party of the transfer in the same sentence
        (
            "Syria captured the tanks from Turkey in battle and did not buy them from Russia, "
            "the Syrian army said.",
            "en",
            {("RU", "SY", "armored_vehicles", "denied")},
        ),
        # the other side of a deal, linked by the parse to the verb whose object the deal is
        (
            "L'Égypte a signé un contrat important avec l'Italie, pour l'achat de frégates FREMM.",
            "fr",
            {("IT", "EG", "naval", "agreed")},
        ),
        # a maker's demonym does not reach across a preposition
        (
            "Turkey supplied the Somali army with armoured vehicles.",
            "en",
            {("TR", "SO", "armored_vehicles", "delivered")},
        ),
        # "to help secure" a city is no purchase; but the army's use of Turkish drones is a possession,
        # hence a delivery (the annotation rules), which a third state's word makes a claim
        (
            "The Libyan army used Turkish drones to help secure Tripoli, Algeria said.",
            "en",
            {("TR", "LY", "drones", "alleged")},
        ),
    ],
)
def test_tagger_clause_rules(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a sentence without parties continues the transfer of the sentence before
        (
            "Le Maroc a commandé des avions de combat F-16 aux États-Unis. "
            "Cette commande comprend aussi des missiles antichars Javelin.",
            "fr",
            {("US", "MA", "aircraft", "agreed"), ("US", "MA", "missiles", "agreed")},
        ),
        # a passive without agent takes the supplier of the recipient's previous transfer, rather than
        # the maker named by "Soviet-made"
        (
            "Bulgaria approved the transfer of ten MiG-29 jets to Ukraine. "
            "Soviet-made Strela air defence systems will also be transferred to Ukraine.",
            "en",
            {("BG", "UA", "aircraft", "agreed"), ("BG", "UA", "air_defense", "agreed")},
        ),
        # the thread is lost after a sentence that reports no transfer
        (
            "Bulgaria approved the transfer of ten MiG-29 jets to Ukraine. "
            "The decision was debated for weeks in parliament. "
            "Its neighbours watched closely. "
            "Air defence systems will also be transferred to Ukraine.",
            "en",
            {("BG", "UA", "aircraft", "agreed")},
        ),
        # a continuing sentence does not restate the status of the transfer
        (
            "Poland signed a deal with South Korea for K2 tanks. "
            "The order was received with relief in Warsaw.",
            "en",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
    ],
)
def test_tagger_sides_implied_by_the_sentence_before(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


def test_tagger_prefilter_keeps_the_sentences_a_transfer_carries_over_to(tagger: Tagger) -> None:
    text = (
        "Bulgaria approved the transfer of ten MiG-29 jets to Ukraine. "
        "The decision was announced by the prime minister. "
        "Strela air defence systems will also be transferred to Ukraine. "
        "The package also includes T-72 tanks. "
        "Parliament debated the budget. Elections are due in spring. "
        "Artillery shells were mentioned by no one."
    )
    everything = Tagger(prefilter=False, languages=tagger.languages)
    expected = {
        ("BG", "UA", "aircraft", "agreed"),
        ("BG", "UA", "air_defense", "agreed"),
        ("BG", "UA", "armored_vehicles", "agreed"),
    }
    assert quads(tagger, text, "en") == expected
    assert quads(everything, text, "en") == expected
