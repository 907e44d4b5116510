"""Parties and statuses across clauses and sentences: pronouns and noun phrases that stand for a state
(enrich/pronouns.py, with French gender agreement), relative clauses, two transfers in one sentence each
with its own clause's weapons and status, and sides carried from the sentence before. Sentences are
invented."""

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
            {("TR", "ZM", "drones", "delivered")},  # drones shown are there
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
            "La Bolivie a reçu des hélicoptères du Brésil. Et pour compléter sa flotte, elle a acquis des "
            "drones de la Chine.",
            "fr",
            {("BR", "BO", "aircraft", "delivered"), ("CN", "BO", "drones", "agreed")},
        ),
        # ... but not a state of another gender
        (
            "Le Pérou a reçu des hélicoptères du Brésil. Et pour compléter sa flotte, elle a acquis des "
            "drones de la Chine.",
            "fr",
            {("BR", "PE", "aircraft", "delivered")},
        ),
        # a relative pronoun stands for the state its clause qualifies, and the parties of a relative
        # clause stay in it
        (
            "La Russie, qui a reçu des drones de l'Iran, a aussi acheté des obus à la Corée du Nord.",
            "fr",
            {("IR", "RU", "drones", "delivered"), ("KP", "RU", "ammunition", "agreed")},
        ),
        (
            "Serbia, which bought FK-3 missiles from China, has also received Russian Pantsir systems.",
            "en",
            {("CN", "RS", "air_defense", "agreed"), ("RU", "RS", "air_defense", "delivered")},
        ),
        # a state that qualifies the subject of "said" is the source, not the object of the transfer
        (
            "Iran has supplied drones to Russia. It has also supplied ballistic missiles, US officials said.",
            "en",
            {("IR", "RU", "drones", "delivered"), ("IR", "RU", "missiles", "alleged")},
        ),
        # "the Nordic country", « le royaume chérifien »: the state the sentence before was about
        (
            "Norway sent howitzers to Ukraine. The Nordic country also delivered anti-tank missiles.",
            "en",
            {("NO", "UA", "artillery", "delivered"), ("NO", "UA", "missiles", "delivered")},
        ),
        (
            "Le Maroc a reçu des blindés de l'Espagne. Le royaume chérifien a aussi acheté des drones à la "
            "Turquie.",
            "fr",
            {("ES", "MA", "armored_vehicles", "delivered"), ("TR", "MA", "drones", "agreed")},
        ),
        # "both countries", « les deux pays »: the first two states of the sentence before
        (
            "Chile and Peru are turning to Spain for spare parts. Both countries have purchased helicopters "
            "from Brazil.",
            "en",
            {("BR", "CL", "aircraft", "agreed"), ("BR", "PE", "aircraft", "agreed")},
        ),
        (
            "Le Chili et le Pérou modernisent leurs flottes. Les deux pays ont acheté des hélicoptères au "
            "Brésil.",
            "fr",
            {("BR", "CL", "aircraft", "agreed"), ("BR", "PE", "aircraft", "agreed")},
        ),
        # a state's name in capitals is the state, a dateline in front of a sentence no party
        (
            "POLAND today said it had delivered 20 tanks to Ukraine.",
            "en",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
        ("BRAZIL: Chile bought four helicopters from Spain.", "en", {("ES", "CL", "aircraft", "agreed")}),
        # a pronoun in a clause of its own, with no state before it in its sentence, is left alone
        (
            "Jordan signed a trade pact with Egypt. The agency received requests to export the howitzers it "
            "had received from Italy.",
            "en",
            set(),
        ),
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
        # a sentence that says it continues takes the side every transfer before it shares
        (
            "France sold Rafale jets to Qatar and Egypt. India also agreed to buy 36 Rafale fighter jets.",
            "en",
            {
                ("FR", "QA", "aircraft", "agreed"),
                ("FR", "EG", "aircraft", "agreed"),
                ("FR", "IN", "aircraft", "agreed"),
            },
        ),
        (
            "L'Allemagne a livré des chars à l'Ukraine. La France a également fourni des canons Caesar.",
            "fr",
            {("DE", "UA", "armored_vehicles", "delivered"), ("FR", "UA", "artillery", "delivered")},
        ),
        # the one other state the sentence before says is supported receives a transfer with no recipient
        (
            "Spain pledged more support for Ukraine. It will send ten Leopard tanks.",
            "en",
            {("ES", "UA", "armored_vehicles", "agreed")},
        ),
        (
            "La Finlande concentre ses efforts sur le soutien de l'Ukraine. Elle a déjà livré des obus.",
            "fr",
            {("FI", "UA", "ammunition", "delivered")},
        ),
        ("Spain held talks with Morocco. It will send ten Leopard tanks.", "en", set()),
        # ... and only then
        (
            "Germany sent tanks to Ukraine. France delivered Caesar howitzers.",
            "en",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        # ... and not when the transfers before it have different sides
        (
            "Germany sent tanks to Ukraine, while Italy sent helicopters to Egypt. "
            "France also delivered howitzers.",
            "en",
            {("DE", "UA", "armored_vehicles", "delivered"), ("IT", "EG", "aircraft", "delivered")},
        ),
    ],
)
def test_tagger_reads_parties_and_statuses_across_clauses_and_sentences(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("demonym", "gender"),
    [("ghanéenne", "feminine"), ("ghanéen", "masculine"), ("algériennes", "feminine"), ("russe", None)],
)
def test_demonym_gender_read_from_the_lexicons_other_forms(demonym: str, gender: str | None) -> None:
    assert demonym_gender(demonym, "fr") == gender
