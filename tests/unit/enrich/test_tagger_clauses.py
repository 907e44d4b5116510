"""Parties and statuses across clauses and sentences: pronouns that stand for a state (enrich/pronouns.py,
with French gender agreement), and two transfers in one sentence, each with its own clause's weapons and
status. Sentences are invented."""

from __future__ import annotations

import pytest

from enrich.pronouns import demonym_gender
from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the subject of the clause that holds the pronoun
        ("Kenya said it had bought four patrol boats from Spain.", "en", {("ES", "KE", "naval", "agreed")}),
        (
            "La Zambie a présenté les drones qu'elle a achetés à la Turquie.",
            "fr",
            {("TR", "ZM", "drones", "agreed")},
        ),
        # « elle » takes the feminine state of the sentence before, « il » the masculine one
        (
            "Le Cameroun a reçu des blindés de la Serbie. Elle a aussi livré des obus au Tchad.",
            "fr",
            {("RS", "CM", "armored_vehicles", "delivered"), ("RS", "TD", "ammunition", "delivered")},
        ),
        (
            "Le Cameroun a commandé des blindés à la Serbie. Il a aussi reçu des hélicoptères de la Russie.",
            "fr",
            {("RS", "CM", "armored_vehicles", "agreed"), ("RU", "CM", "aircraft", "delivered")},
        ),
        # the subject of the main clause continues the sentence before, even after an opening phrase
        (
            "La Bolivie a reçu des hélicoptères du Brésil. Et pour compléter sa flotte, elle a aussi "
            "acquis des drones de la Chine.",
            "fr",
            {("BR", "BO", "aircraft", "delivered"), ("CN", "BO", "drones", "agreed")},
        ),
        # ... but not a state of another gender
        (
            "Le Pérou a reçu des hélicoptères du Brésil. Et pour compléter sa flotte, elle a aussi "
            "acquis des drones de la Chine.",
            "fr",
            {("BR", "PE", "aircraft", "delivered")},
        ),
        # a pronoun in a clause of its own, with no state before it in its sentence, is left alone
        (
            "Jordan signed a trade pact with Egypt. The agency received requests to export the howitzers it "
            "had received from Italy.",
            "en",
            set(),
        ),
    ],
)
def test_tagger_pronoun_stands_for_the_state_a_reader_would_pick(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("demonym", "gender"),
    [("ghanéenne", "feminine"), ("ghanéen", "masculine"), ("algériennes", "feminine"), ("russe", None)],
)
def test_demonym_gender_read_from_the_lexicons_other_forms(demonym: str, gender: str | None) -> None:
    assert demonym_gender(demonym, "fr") == gender


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two transfers in clauses of their own: each keeps its weapons and its status words
        (
            "Russia has delivered S-400 systems to India, while China reportedly sold drones to Pakistan.",
            "en",
            {("RU", "IN", "air_defense", "delivered"), ("CN", "PK", "drones", "alleged")},
        ),
        (
            "Iran has sent drones to Russia, and North Korea will deliver artillery shells to Syria soon.",
            "en",
            {("IR", "RU", "drones", "delivered"), ("KP", "SY", "ammunition", "agreed")},
        ),
        (
            "Germany delivered tanks to Ukraine, while Italy denied selling helicopters to Egypt.",
            "en",
            {("DE", "UA", "armored_vehicles", "delivered"), ("IT", "EG", "aircraft", "denied")},
        ),
        (
            "La Russie a livré des S-400 à l'Inde, tandis que la Chine aurait vendu des drones au Pakistan.",
            "fr",
            {("RU", "IN", "air_defense", "delivered"), ("CN", "PK", "drones", "alleged")},
        ),
        # a denial that speaks of some weapons leaves the others admitted
        (
            "Iran admitted sending drones to Russia but denied that it had supplied missiles.",
            "en",
            {("IR", "RU", "drones", "delivered"), ("IR", "RU", "missiles", "denied")},
        ),
        (
            "L'Iran a reconnu avoir livré des drones à la Russie, mais a démenti avoir fourni des missiles.",
            "fr",
            {("IR", "RU", "drones", "delivered"), ("IR", "RU", "missiles", "denied")},
        ),
        # a list of parties still shares its verb
        (
            "France and Germany delivered tanks to Ukraine.",
            "en",
            {("FR", "UA", "armored_vehicles", "delivered"), ("DE", "UA", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_tagger_each_clause_keeps_its_weapons_and_status(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected
