"""French transfer rules beyond the basic patterns: verb forms the small model mistags, reflexive
acquisitions, coordinated prepositions, makers, accusations, attributions and the safeguards against
questions, refusals and halts. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present tense the model lemmatises to itself (« livre ») is still the verb « livrer »
        (
            "La Turquie livre actuellement des drones Bayraktar à l'Ukraine.",
            {("TR", "UA", "drones", "ongoing")},
        ),
        # a participle after « avoir » is a verb whatever its tag
        (
            "Le Caire accuse Ankara d'avoir livré des blindés aux rebelles de l'est.",
            {("TR", None, "armored_vehicles", "alleged")},
        ),
        # a reflexive supply verb gives to its subject: « s'offrir », « se procurer »
        ("La Slovénie s'est offert douze Rafale d'occasion.", {("FR", "SI", "aircraft", "agreed")}),
        (
            "La Serbie s'est procuré des missiles sol-air auprès de la Chine.",
            {("CN", "RS", "air_defense", "agreed")},
        ),
        # « fabriqués en Russie »: the maker supplies the acquisition
        (
            "Le Mali a acquis des hélicoptères fabriqués en Russie.",
            {("RU", "ML", "aircraft", "agreed")},
        ),
        # the last of coordinated phrases shares the preposition of the first
        (
            "Paris a annoncé un contrat entre le groupe Naval, le motoriste Safran, et le Brésil pour la "
            "livraison de sous-marins.",
            {("FR", "BR", "naval", "agreed")},
        ),
        # « importé » is a delivery, « a commencé » an ongoing one
        ("L'Arménie a importé des obusiers depuis l'Inde.", {("IN", "AM", "artillery", "delivered")}),
        (
            "La livraison de chars Abrams à la Roumanie par les États-Unis a commencé.",
            {("US", "RO", "armored_vehicles", "ongoing")},
        ),
        # « prendre livraison »: the subject receives; « construits en France » names the maker
        (
            "Le Togo a pris livraison de deux patrouilleurs construits en France.",
            {("FR", "TG", "naval", "delivered")},
        ),
        # anti-tank rockets are missiles
        (
            "La Syrie a fourni des roquettes antichars au Hezbollah.",
            {("SY", None, "missiles", "delivered")},
        ),
        # a « de X » far from the predicate and outside its phrase is no supplier
        (
            "Des camions en provenance de Turquie ont débarqué des armes destinées aux rebelles, a indiqué "
            "une radio citée dans une dépêche datée de Jérusalem.",
            {("TR", None, "other", "delivered")},
        ),
    ],
)
def test_tagger_french_verb_forms_and_roles(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the accuser is a source; the accused, taken up by « l' », is the one who gives
        (
            "Kiev a convoqué l'ambassadeur d'Iran, l'accusant d'avoir fourni des drones à la Russie.",
            {("IR", "RU", "drones", "alleged")},
        ),
        # « par X » after another participle is that participle's agent, not the supplier
        (
            "La Syrie a livré des fusils aux milices, financées par le Qatar, selon l'opposition.",
            {("SY", None, "small_arms", "alleged")},
        ),
        # an attribution to an unnamed or non-state source makes a claim ...
        (
            "Selon le quotidien Le Monde, la Hongrie a vendu des obus à l'Égypte.",
            {("HU", "EG", "ammunition", "alleged")},
        ),
        (
            "D'après des sources militaires, le Bélarus a livré des chars T-72 à la Russie.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        # ... one to a third state too; but a side's own word is a fact
        (
            "Selon Washington, l'Iran a fourni des missiles balistiques à la Russie.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "Selon le ministère sud-coréen de la Défense, la Corée du Sud a livré des obusiers K9 à la "
            "Pologne.",
            {("KR", "PL", "artillery", "delivered")},
        ),
        # a document cited is no source
        (
            "Selon les termes du contrat, la France livrera douze Rafale à la Serbie.",
            {("FR", "RS", "aircraft", "agreed")},
        ),
    ],
)
def test_tagger_french_sources_and_agents(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # questions are asked, not reported
        ("Faut-il livrer des chars Leclerc à l'Ukraine ?", "fr"),
        ("Will Germany send Taurus missiles to Ukraine?", "en"),
        # refusals, suspensions and bans are not transfers
        ("L'Autriche refuse de livrer des obus à la Moldavie.", "fr"),
        ("Le Danemark suspend ses livraisons de munitions à l'Égypte.", "fr"),
        ("Berne interdit l'exportation de blindés vers l'Arabie saoudite.", "fr"),
        ("L'Espagne renonce à vendre des frégates au Maroc.", "fr"),
        # wishes and hopes are not transfers
        ("Le Vietnam veut acheter des avions de combat à la Suède.", "fr"),
        ("La Moldavie espère recevoir des systèmes antiaériens de la Roumanie.", "fr"),
    ],
)
def test_tagger_french_safeguards_give_no_transfer(tagger: Tagger, text: str, lang: str) -> None:
    assert quads(tagger, text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Selon Séoul, la Corée du Nord a fourni des armes à la Russie. Plus de mille obus d'artillerie "
            "ont été transférés en un mois.",
            "fr",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Ukraine says Belarus has sent weapons to Russia. Dozens of T-72 tanks were delivered by rail.",
            "en",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
    ],
)
def test_tagger_continuation_of_a_claim_stays_a_claim(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Le département d'État a approuvé la vente de missiles Patriot à la Suisse.",
            "fr",
            {("US", "CH", "air_defense", "agreed")},
        ),
        (
            "Russia delivered S-400 missile systems to Turkey.",
            "en",
            {("RU", "TR", "air_defense", "delivered")},
        ),
    ],
)
def test_tagger_generic_noun_beside_a_named_system_takes_its_category(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected
