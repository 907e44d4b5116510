"""The English and French lexicons audited from the languages themselves (not from passages): weapon nouns of
every category and role (naval classes, aircraft roles, munitions, armour, artillery, drones), transfer verbs
and nouns, hedges, denials, halts and intentions. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # naval vessels by class and role
        ("Norway handed over two patrol vessels to Ghana last week.", {("NO", "GH", "naval", "delivered")}),
        ("Italy will supply four landing ships to Algeria.", {("IT", "DZ", "naval", "agreed")}),
        ("The Netherlands sold a minehunter to Latvia.", {("NL", "LV", "naval", "agreed")}),
        ("Japan transferred a cruiser to the Philippines.", {("JP", "PH", "naval", "delivered")}),
        ("Spain delivered an amphibious assault ship to Turkey.", {("ES", "TR", "naval", "delivered")}),
        ("The US Navy transferred two coast guard cutters to Vietnam.", {("US", "VN", "naval", "delivered")}),
        ("Indonesia bought Japan-made patrol boats.", {("JP", "ID", "naval", "agreed")}),
        # aircraft roles
        ("France sold three maritime patrol aircraft to Pakistan.", {("FR", "PK", "aircraft", "agreed")}),
        ("Sweden has agreed to sell two AEW&C aircraft to Poland.", {("SE", "PL", "aircraft", "agreed")}),
        ("Greece received four reconnaissance planes from Israel.", {("IL", "GR", "aircraft", "delivered")}),
        ("Brazil delivered a cargo plane to Portugal.", {("BR", "PT", "aircraft", "delivered")}),
        ("Russia sold a strategic bomber to Algeria.", {("RU", "DZ", "aircraft", "agreed")}),
        ("Italy exported a utility helicopter to Kenya.", {("IT", "KE", "aircraft", "delivered")}),
        # armour, artillery, munitions, drones, anti-tank weapons
        ("Canada donated an APC to Latvia.", {("CA", "LV", "armored_vehicles", "delivered")}),
        ("Israel sold a multiple launch rocket system to Azerbaijan.", {("IL", "AZ", "artillery", "agreed")}),
        (
            "Bulgaria shipped small arms ammunition to Ukraine.",
            {("BG", "UA", "ammunition", "delivered")},
        ),
        ("Turkey supplied uncrewed aerial vehicles to Mali.", {("TR", "ML", "drones", "delivered")}),
        ("Britain dispatched anti-tank weapons to Estonia.", {("GB", "EE", "missiles", "delivered")}),
    ],
)
def test_audit_english_weapon_nouns(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # transfer verbs and phrases, and the status of their past forms
        ("Egypt accepted delivery of two frigates from France.", {("FR", "EG", "naval", "delivered")}),
        ("Poland loaned tanks to Slovakia.", {("PL", "SK", "armored_vehicles", "delivered")}),
        ("Germany rushed air defense systems to Ukraine.", {("DE", "UA", "air_defense", "delivered")}),
        ("Morocco imported armoured vehicles from China.", {("CN", "MA", "armored_vehicles", "delivered")}),
        ("Vietnam obtained corvettes from Russia.", {("RU", "VN", "naval", "delivered")}),
        ("Russia sourced drones from Iran.", {("IR", "RU", "drones", "agreed")}),
        (
            "Tanks are being delivered to Poland by South Korea.",
            {("KR", "PL", "armored_vehicles", "ongoing")},
        ),
        # hedges
        ("Iran is understood to have supplied drones to Russia.", {("IR", "RU", "drones", "alleged")}),
        ("Iran is thought to have supplied drones to Russia.", {("IR", "RU", "drones", "alleged")}),
        ("North Korea supposedly sent shells to Russia.", {("KP", "RU", "ammunition", "alleged")}),
        (
            "People familiar with the matter said Belarus sent tanks to Russia.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        (
            "Sources told the newspaper that Egypt bought fighter jets from China.",
            {("CN", "EG", "aircraft", "alleged")},
        ),
        (
            "Unnamed officials said Iran had shipped missiles to Russia.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        # "according to" names the source: a third party's word or an unnamed one is a claim, a side's own
        # word is the fact, a document cited is no source
        (
            "Iran shipped missiles to Russia, according to the Ukrainian military.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "According to Western officials, Belarus sent tanks to Russia.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        (
            "According to the Indian defence ministry, Russia delivered air defense systems to India.",
            {("RU", "IN", "air_defense", "delivered")},
        ),
        # ... and a news agency relaying the report is no source of a claim
        (
            "According to the Yonhap news agency, South Korea delivered howitzers to Poland.",
            {("KR", "PL", "artillery", "delivered")},
        ),
        (
            "According to the terms of the contract, France will deliver the submarines to Brazil by 2030.",
            {("FR", "BR", "naval", "agreed")},
        ),
        (
            "Iran's purported transfer of missiles to Russia drew sanctions.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "Satellite imagery shows North Korea shipped shells to Russia.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # denials
        (
            "Beijing called the reports that it sent drones to Russia unfounded.",
            {("CN", "RU", "drones", "denied")},
        ),
        (
            "China said claims that it supplied drones to Russia were fabricated.",
            {("CN", "RU", "drones", "denied")},
        ),
        (
            "Iran dismissed as nonsense claims that it sent drones to Sudan.",
            {("IR", "SD", "drones", "denied")},
        ),
    ],
)
def test_audit_english_verbs_hedges_and_denials(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Customs officers confiscated rifles sent from Turkey to Libya.",
        "Authorities impounded drones shipped from China to Russia.",
        "Germany paused arms exports to Israel.",
        "The US withheld weapons shipments to Israel.",
        "The US placed a moratorium on arms sales to Saudi Arabia.",
        "Turkey is contemplating buying fighter jets from Britain.",
        "India is weighing the purchase of French submarines.",
        "Greece is exploring the acquisition of Israeli missiles.",
        "India and Russia will coproduce assault rifles.",
        "The South Korean firm is pitching its tanks to Romania.",
    ],
)
def test_audit_english_halts_and_intentions_give_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # navires et aéronefs par rôle
        ("L'Espagne a livré un patrouilleur hauturier au Sénégal.", {("ES", "SN", "naval", "delivered")}),
        ("La France a livré un navire amphibie à l'Égypte.", {("FR", "EG", "naval", "delivered")}),
        (
            "Des bâtiments de surface ont été vendus par la France à la Grèce.",
            {("FR", "GR", "naval", "agreed")},
        ),
        (
            "Le Sénégal a réceptionné un navire de patrouille construit en France.",
            {("FR", "SN", "naval", "delivered")},
        ),
        (
            "La Suède va vendre deux avions de guet aérien à la Pologne.",
            {("SE", "PL", "aircraft", "agreed")},
        ),
        ("Le Canada a livré un avion de surveillance à l'Ukraine.", {("CA", "UA", "aircraft", "delivered")}),
        ("Le Brésil a livré des avions d'alerte avancée à l'Inde.", {("BR", "IN", "aircraft", "delivered")}),
        # blindés, défense aérienne, armes antichars, munitions
        (
            "La Roumanie a reçu des véhicules résistants aux mines américains.",
            {("US", "RO", "armored_vehicles", "delivered")},
        ),
        ("La France a expédié des armes antichars à l'Ukraine.", {("FR", "UA", "missiles", "delivered")}),
        (
            "Le Japon a livré des systèmes antiaériens à la Pologne.",
            {("JP", "PL", "air_defense", "delivered")},
        ),
        (
            "La Bulgarie a livré des munitions d'armes légères à l'Ukraine.",
            {("BG", "UA", "ammunition", "delivered")},
        ),
        # verbes, noms et statuts
        ("La Turquie expédie des blindés vers la Libye.", {("TR", "LY", "armored_vehicles", "ongoing")}),
        (
            "Le Pakistan a dépêché des lance-roquettes en Azerbaïdjan.",
            {("PK", "AZ", "artillery", "delivered")},
        ),
        ("L'Égypte a pris possession de deux frégates françaises.", {("FR", "EG", "naval", "delivered")}),
        ("Le Maroc a racheté des chars à la Belgique.", {("BE", "MA", "armored_vehicles", "agreed")}),
        (
            "La remise de deux corvettes à l'Algérie par la Chine a eu lieu hier.",
            {("CN", "DZ", "naval", "delivered")},
        ),
        ("La Russie a rétrocédé des hélicoptères à l'Inde.", {("RU", "IN", "aircraft", "delivered")}),
        # « à destination de » places the weapons where the recipient is; « venant de » names the supplier
        ("L'Iran a expédié des drones à destination de la Russie.", {("IR", "RU", "drones", "delivered")}),
        (
            "Des chars ont été livrés par l'Allemagne à destination de l'Ukraine.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        ("Des missiles venant d'Iran ont été livrés au Yémen.", {("IR", "YE", "missiles", "delivered")}),
        # ... and is no side of a purchase, whose « à » names the seller
        (
            "La Pologne a acheté des chars à la Corée du Sud à destination de l'Ukraine.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        # réserves et démentis
        (
            "Selon des responsables américains s'exprimant sous couvert d'anonymat, la Chine a envoyé "
            "des drones à la Russie.",
            {("CN", "RU", "drones", "alleged")},
        ),
        (
            "Moscou a catégoriquement rejeté les informations selon lesquelles il a livré des avions de "
            "combat au Niger.",
            {("RU", "NE", "aircraft", "denied")},
        ),
        (
            "L'Iran a qualifié de mensonges les accusations selon lesquelles il a envoyé des drones "
            "au Soudan.",
            {("IR", "SD", "drones", "denied")},
        ),
    ],
)
def test_audit_french_weapons_verbs_and_status(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les douaniers ont confisqué des fusils envoyés de Turquie en Libye.",
        "L'Allemagne a mis en pause ses exportations d'armes vers Israël.",
        "Les États-Unis ont décrété un moratoire sur les ventes d'armes à l'Arabie saoudite.",
        "La Turquie songe à acheter des avions de combat au Royaume-Uni.",
        "L'Égypte lorgne les avions de combat chinois.",
        "L'Inde a entamé des pourparlers avec la France pour l'achat de sous-marins.",
        "La Grèce a sollicité des missiles auprès d'Israël.",
        "L'Inde et la Russie vont coproduire des fusils d'assaut.",
        # « prête à livrer » is ready to deliver (an intention), not a form of « prêter »
        "La Russie se dit prête à livrer des chars à la Serbie.",
    ],
)
def test_audit_french_halts_and_intentions_give_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "fr") == set()
