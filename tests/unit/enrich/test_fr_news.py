"""French news constructions the rules missed on unseen wire copy and dailies (tune-fr5.jsonl's errors, and
the French errors of the tuning sets): each rule tested on invented sentences, with the (supplier, recipient,
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
        (
            "Le Pérou vient de recevoir des hélicoptères de la Russie.",
            {("RU", "PE", "aircraft", "delivered")},
        ),
        # ... and of an order or a purchase, a deal just made
        ("Le Maroc vient de commander des drones à la Turquie.", {("TR", "MA", "drones", "agreed")}),
        ("L'Indonésie vient d'acheter des sous-marins à la France.", {("FR", "ID", "naval", "agreed")}),
        # a demonym right after an armed group's noun qualifies the group: no state recipient
        (
            "Le Koweït fournit depuis des mois des missiles antichars aux insurgés libyens.",
            {("KW", None, "missiles", "ongoing")},
        ),
        ("L'Iran a livré des drones aux Houthis yéménites.", {("IR", None, "drones", "delivered")}),
        # « acheter X pour Y », "buy X for Y": the buyer supplies the state it buys for
        (
            "Le système antiaérien que la Norvège s'apprête à acheter pour la Moldavie sera livré en mai.",
            {("NO", "MD", "air_defense", "agreed")},
        ),
        ("Les Pays-Bas ont acheté des obus pour l'Ukraine.", {("NL", "UA", "ammunition", "agreed")}),
        ("Denmark will buy NASAMS for Ukraine.", {("DK", "UA", "air_defense", "agreed")}),
        # ... not for its own army: « pour son armée » names no other state
        (
            "La Roumanie achète des chars pour son armée à la Corée du Sud.",
            {("KR", "RO", "armored_vehicles", "agreed")},
        ),
        # a place named in the reporting clause is where the news was told, not a side
        (
            "La marine sénégalaise vient de réceptionner deux patrouilleurs de fabrication française, a-t-on"
            " appris jeudi de source militaire à Dakar.",
            {("FR", "SN", "naval", "delivered")},
        ),
        (
            "La Grèce a livré des obus à la Bulgarie, a déclaré le ministre lors d'une conférence à Athènes.",
            {("GR", "BG", "ammunition", "delivered")},
        ),
        # ... but a destination the parse hangs on the reporting verb stays one
        (
            "L'Autriche a annoncé la livraison de blindés à la Slovaquie.",
            {("AT", "SK", "armored_vehicles", "agreed")},
        ),
        # a place that hangs on a word of combat, or on another party, is no destination: nor the places
        # listed after it with the same preposition
        (
            "Pékin a conclu la vente de drones Wing Loong connus pour leurs frappes en Libye à l'Égypte.",
            {("CN", "EG", "drones", "agreed")},
        ),
        (
            "Ankara a finalisé la vente de drones réputés pour leurs attaques en Libye, en Syrie et en Irak.",
            set(),
        ),
        (
            "La Suède a envoyé des obus en Ukraine, en Moldavie et en Lettonie.",
            {
                ("SE", "UA", "ammunition", "delivered"),
                ("SE", "MD", "ammunition", "delivered"),
                ("SE", "LV", "ammunition", "delivered"),
            },
        ),
        # « ni » negates the verb it coordinates
        ("Le Népal n'a ni fabriqué ni acheté de drones de fabrication chinoise.", set()),
        ("La Bolivie n'a pas produit, ni importé de fusils de fabrication russe.", set()),
        # the agent of a noun that is no transfer word acts in another event
        (
            "Après l'arrestation par la Jordanie d'un réseau accusé d'acheminer des armes aux Houthis,"
            " l'enquête continue.",
            set(),
        ),
        # ... the agent of a transfer noun stays the supplier
        (
            "La livraison par la France de canons à l'Ukraine a commencé.",
            {("FR", "UA", "artillery", "ongoing")},
        ),
        (
            "Dix ans après la première évocation de l'achat de Rafale par l'Indonésie, le contrat est signé.",
            {("FR", "ID", "aircraft", "agreed")},
        ),
        # ... and so does an agent the parse hangs on the weapon
        (
            "La Moldavie s'est fait livrer des obusiers par la Roumanie.",
            {("RO", "MD", "artillery", "delivered")},
        ),
        # the Moroccan air force by its name
        (
            "Les Forces Aériennes Royales ont annoncé l'achat de six hélicoptères au groupe"
            " américain Boeing.",
            {("US", "MA", "aircraft", "agreed")},
        ),
    ],
)
def test_french_news_constructions(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text) == expected
