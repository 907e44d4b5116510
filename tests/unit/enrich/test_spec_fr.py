"""French specification audit: for each annotation rule of /work/shared/eval/README.md (statuses, parties,
non-transfers), invented sentences in the wordings reporters use, with the (supplier, recipient, category,
status) the rules give them, or nothing. Invented sentences only."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # delivered: every tense and voice of the transfer verbs
        ("La France a livré douze canons Caesar à l'Ukraine.", {("FR", "UA", "artillery", "delivered")}),
        (
            "Paris a fourni des missiles Scalp à Kiev le mois dernier.",
            {("FR", "UA", "missiles", "delivered")},
        ),
        (
            "Le Maroc a reçu ses premiers hélicoptères Apache livrés par les États-Unis.",
            {("US", "MA", "aircraft", "delivered")},
        ),
        (
            "L'Allemagne a cédé à la Lituanie plusieurs obusiers PzH 2000.",
            {("DE", "LT", "artillery", "delivered")},
        ),
        ("Six frégates ont été livrées à l'Égypte par la France.", {("FR", "EG", "naval", "delivered")}),
        (
            "Des chars Leopard 2 ont été transférés à la Pologne par l'Allemagne en 2023.",
            {("DE", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "L'Inde a réceptionné ses derniers Rafale construits en France.",
            {("FR", "IN", "aircraft", "delivered")},
        ),
        ("Moscou a expédié des systèmes S-400 vers la Turquie.", {("RU", "TR", "air_defense", "delivered")}),
        (
            "Washington a envoyé des lance-roquettes HIMARS à Kiev.",
            {("US", "UA", "artillery", "delivered")},
        ),
        (
            "L'armée ukrainienne a reçu des chars Leopard de la part de l'Allemagne.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Les premiers Rafale destinés à la Croatie ont été remis par la France jeudi.",
            {("FR", "HR", "aircraft", "delivered")},
        ),
        (
            "La Turquie a transféré des drones Bayraktar TB2 à l'Éthiopie.",
            {("TR", "ET", "drones", "delivered")},
        ),
        (
            "Le Kremlin a acheminé des missiles balistiques à la Biélorussie.",
            {("RU", "BY", "missiles", "delivered")},
        ),
        (
            "Les Émirats ont livré des véhicules blindés au Tchad.",
            {("AE", "TD", "armored_vehicles", "delivered")},
        ),
        ("Pékin a fourni des drones armés au Pakistan.", {("CN", "PK", "drones", "delivered")}),
        (
            "Le Qatar a équipé l'armée rwandaise de blindés turcs.",
            {("QA", "RW", "armored_vehicles", "delivered")},
        ),
        (
            "La Roumanie a été dotée de systèmes Patriot par les États-Unis.",
            {("US", "RO", "air_defense", "delivered")},
        ),
        (
            "Les forces armées lituaniennes ont été équipées de blindés allemands.",
            {("DE", "LT", "armored_vehicles", "delivered")},
        ),
        (
            "La livraison de drones turcs au Niger a eu lieu en mai.",
            {("TR", "NE", "drones", "delivered")},
        ),
        # the passive « se voir / se faire » + infinitive: its subject gets, « par » names who gives
        (
            "L'Ukraine s'est vu livrer des chars Leopard par le Danemark.",
            {("DK", "UA", "armored_vehicles", "delivered")},
        ),
        ("Kiev s'est vu remettre des obusiers par la Norvège.", {("NO", "UA", "artillery", "delivered")}),
        ("L'Arménie s'est fait livrer des obusiers par l'Inde.", {("IN", "AM", "artillery", "delivered")}),
        # ongoing
        (
            "La Corée du Sud est en train de livrer des chars K2 à la Pologne.",
            {("KR", "PL", "armored_vehicles", "ongoing")},
        ),
        (
            "Les livraisons de chars K2 sud-coréens à la Pologne se poursuivent.",
            {("KR", "PL", "armored_vehicles", "ongoing")},
        ),
        (
            "Le premier lot de Rafale destinés à l'Indonésie est en route depuis la France.",
            {("FR", "ID", "aircraft", "ongoing")},
        ),
        (
            "L'Allemagne continue de livrer des munitions à l'Ukraine.",
            {("DE", "UA", "ammunition", "ongoing")},
        ),
        ("L'Iran fournit actuellement des drones Shahed à la Russie.", {("IR", "RU", "drones", "ongoing")}),
        (
            "La Russie livre des avions Su-35 à l'Iran, a confirmé Téhéran.",
            {("RU", "IR", "aircraft", "ongoing")},
        ),
        # agreed: signed, approved, pledged, future, « vendu » without delivery
        (
            "L'Indonésie a signé un contrat avec la France pour l'achat de 42 Rafale.",
            {("FR", "ID", "aircraft", "agreed")},
        ),
        (
            "Le contrat signé entre la France et l'Inde porte sur 26 Rafale Marine.",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        (
            "Le Département d'État a approuvé la vente de missiles Patriot à la Suisse.",
            {("US", "CH", "air_defense", "agreed")},
        ),
        (
            "La France livrera douze canons Caesar supplémentaires à l'Arménie.",
            {("FR", "AM", "artillery", "agreed")},
        ),
        ("L'Élysée a promis des Mirage 2000 à l'Ukraine.", {("FR", "UA", "aircraft", "agreed")}),
        ("Berlin prévoit d'envoyer des systèmes IRIS-T à Kiev.", {("DE", "UA", "air_defense", "agreed")}),
        ("Le Brésil a commandé des sous-marins à la France.", {("FR", "BR", "naval", "agreed")}),
        (
            "La commande passée par la Grèce à la France porte sur six frégates.",
            {("FR", "GR", "naval", "agreed")},
        ),
        (
            "L'acquisition par le Maroc de drones turcs a été finalisée.",
            {("TR", "MA", "drones", "agreed")},
        ),
        (
            "La vente d'avions F-16 à la Turquie par les États-Unis a été approuvée par le Congrès.",
            {("US", "TR", "aircraft", "agreed")},
        ),
        ("Les Pays-Bas vont fournir des F-16 à l'Ukraine.", {("NL", "UA", "aircraft", "agreed")}),
        ("La Suède a vendu des avions Gripen à la Thaïlande.", {("SE", "TH", "aircraft", "agreed")}),
        ("L'Égypte va acquérir des frégates italiennes.", {("IT", "EG", "naval", "agreed")}),
        ("La France fournira l'Ukraine en obus de 155 mm.", {("FR", "UA", "ammunition", "agreed")}),
        ("La Serbie a acheté des drones chinois l'an dernier.", {("CN", "RS", "drones", "agreed")}),
        ("Des Rafale ont été vendus à l'Égypte par la France en 2015.", {("FR", "EG", "aircraft", "agreed")}),
        (
            "La Pologne a acquis des hélicoptères Apache auprès des États-Unis.",
            {("US", "PL", "aircraft", "agreed")},
        ),
        (
            "La vente de sous-marins par la France au Brésil remonte à 2008.",
            {("FR", "BR", "naval", "agreed")},
        ),
        ("Le Pentagone va envoyer des missiles Patriot à Israël.", {("US", "IL", "air_defense", "agreed")}),
        (
            "La Hongrie va recevoir des chars Leopard 2 de l'Allemagne.",
            {("DE", "HU", "armored_vehicles", "agreed")},
        ),
        (
            "Le Japon a accepté de vendre des missiles Patriot aux États-Unis.",
            {("JP", "US", "air_defense", "agreed")},
        ),
        (
            "Madrid a donné son feu vert à la vente de corvettes à l'Arabie saoudite.",
            {("ES", "SA", "naval", "agreed")},
        ),
        (
            "La Grèce a acheté des Rafale à la France grâce à un prêt de la Banque européenne.",
            {("FR", "GR", "aircraft", "agreed")},
        ),
    ],
)
def test_spec_fr_steps_of_a_transfer(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capitals, palaces, epithets, leaders, ministries, companies
        (
            "Le président Macron a annoncé la livraison de chars AMX-10 RC à l'Ukraine.",
            {("FR", "UA", "armored_vehicles", "agreed")},
        ),
        ("Ryad a commandé des corvettes à l'Espagne.", {("ES", "SA", "naval", "agreed")}),
        ("L'État hébreu a livré des drones à l'Azerbaïdjan.", {("IL", "AZ", "drones", "delivered")}),
        (
            "Vladimir Poutine a livré des missiles S-300 à l'Iran.",
            {("RU", "IR", "air_defense", "delivered")},
        ),
        ("Le Pentagone a envoyé des missiles Patriot à Israël.", {("US", "IL", "air_defense", "delivered")}),
        (
            "La Belgique a transféré ses F-16 à l'Ukraine, a annoncé le Premier ministre belge.",
            {("BE", "UA", "aircraft", "delivered")},
        ),
        (
            "Le groupe allemand Rheinmetall a livré des blindés Lynx à la Hongrie.",
            {("DE", "HU", "armored_vehicles", "delivered")},
        ),
        ("Rosoboronexport a livré des hélicoptères Mi-17 au Mali.", {("RU", "ML", "aircraft", "delivered")}),
        # demonyms: on the weapon, and as the people standing for the state (« les Américains »)
        (
            "Les chars sud-coréens K2 livrés à la Pologne sont arrivés à Gdynia.",
            {("KR", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "Le Pakistan a reçu des avions de combat J-10C chinois.",
            {("CN", "PK", "aircraft", "delivered")},
        ),
        (
            "Les blindés turcs livrés au Burkina Faso sont arrivés à Ouagadougou.",
            {("TR", "BF", "armored_vehicles", "delivered")},
        ),
        (
            "Les Américains ont livré des missiles Javelin aux Ukrainiens.",
            {("US", "UA", "missiles", "delivered")},
        ),
        ("Les Russes ont livré des hélicoptères aux Maliens.", {("RU", "ML", "aircraft", "delivered")}),
        ("Les Français ont vendu des Rafale aux Indiens.", {("FR", "IN", "aircraft", "agreed")}),
        ("L'Ukraine a reçu des chars des Allemands.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("Les Polonais ont reçu des chars des Sud-Coréens.", {("KR", "PL", "armored_vehicles", "delivered")}),
        # non-state sides; transit states and financiers are no party
        ("L'Iran a livré des missiles antinavires au Hezbollah.", {("IR", None, "missiles", "delivered")}),
        (
            "Le groupe Wagner a reçu des avions de combat de la Russie.",
            {("RU", None, "aircraft", "delivered")},
        ),
        (
            "Des obus américains ont été livrés à l'Ukraine via la Pologne.",
            {("US", "UA", "ammunition", "delivered")},
        ),
    ],
)
def test_spec_fr_parties(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alleged: the conditional, attributions, accusations (active or passive), satellite images
        (
            "La Corée du Nord aurait livré des obus d'artillerie à la Russie.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Des missiles balistiques auraient été fournis à la Russie par l'Iran.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "Selon des sources occidentales, Pyongyang a fourni des missiles à Moscou.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        (
            "D'après le renseignement américain, la Chine a livré des drones à la Russie.",
            {("CN", "RU", "drones", "alleged")},
        ),
        (
            "Kiev accuse Téhéran d'avoir livré des drones Shahed à Moscou.",
            {("IR", "RU", "drones", "alleged")},
        ),
        ("Pyongyang est accusé d'avoir envoyé des missiles à Moscou.", {("KP", "RU", "missiles", "alleged")}),
        ("La Russie est soupçonnée de livrer des armes aux talibans.", {("RU", None, "other", "alleged")}),
        (
            "L'Iran est soupçonné d'avoir fourni des missiles aux Houthis.",
            {("IR", None, "missiles", "alleged")},
        ),
        (
            "Les Émirats sont accusés de fournir des armes aux Forces de soutien rapide.",
            {("AE", None, "other", "alleged")},
        ),
        (
            "La Biélorussie est accusée par l'Ukraine d'avoir transféré des chars à la Russie.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        (
            "Le Soudan se serait procuré des drones iraniens, selon des images satellites.",
            {("IR", "SD", "drones", "alleged")},
        ),
        (
            "L'Algérie aurait acheté des avions Su-57 à la Russie, selon la presse locale.",
            {("RU", "DZ", "aircraft", "alleged")},
        ),
        (
            "La Biélorussie fournirait des munitions à la Russie, selon Kiev.",
            {("BY", "RU", "ammunition", "alleged")},
        ),
        (
            "La Pologne a reçu des chars K2 sud-coréens, rapporte la presse.",
            {("KR", "PL", "armored_vehicles", "alleged")},
        ),
        # an agency relaying a side's own statement reports a fact
        (
            "Le ministère polonais de la Défense a annoncé avoir reçu les premiers chars K2 sud-coréens, "
            "rapporte l'AFP.",
            {("KR", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "La Pologne a reçu ses premiers chars K2 sud-coréens, a annoncé le ministère polonais de la "
            "Défense, rapporte l'agence PAP.",
            {("KR", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "Le Mali a réceptionné de nouveaux drones turcs, a annoncé l'armée malienne.",
            {("TR", "ML", "drones", "delivered")},
        ),
        # denied: a state denies; denial wins over the accusation
        ("Téhéran dément avoir livré des missiles à Moscou.", {("IR", "RU", "missiles", "denied")}),
        ("La Chine nie avoir fourni des armes à la Russie.", {("CN", "RU", "other", "denied")}),
        (
            "Kiev accuse Pyongyang de livrer des obus à Moscou, ce que la Corée du Nord a démenti.",
            {("KP", "RU", "ammunition", "denied")},
        ),
        (
            "Washington accuse Pékin de fournir des composants de drones à Moscou, ce que la Chine dément.",
            {("CN", "RU", "drones", "denied")},
        ),
        ("Le Kremlin a démenti toute livraison de missiles à l'Iran.", {("RU", "IR", "missiles", "denied")}),
        ("Moscou a démenti avoir livré des armes au Hamas.", {("RU", None, "other", "denied")}),
        ("Israël nie avoir vendu des drones à l'Azerbaïdjan.", {("IL", "AZ", "drones", "denied")}),
        (
            "L'Iran a démenti les informations selon lesquelles il aurait livré des missiles à la Russie.",
            {("IR", "RU", "missiles", "denied")},
        ),
        ("Téhéran dément avoir livré des missiles aux Houthis.", {("IR", None, "missiles", "denied")}),
        # a negation a state says is its denial
        ("Téhéran affirme n'avoir jamais livré de drones à la Russie.", {("IR", "RU", "drones", "denied")}),
        ("L'Iran assure ne pas avoir fourni de missiles à Moscou.", {("IR", "RU", "missiles", "denied")}),
        (
            "Le ministre iranien a déclaré que son pays n'avait jamais fourni de drones à la Russie.",
            {("IR", "RU", "drones", "denied")},
        ),
        (
            "Pékin ne fournit pas d'armes à la Russie, a déclaré le porte-parole chinois.",
            {("CN", "RU", "other", "denied")},
        ),
        # a denial only by a side that is no state leaves the claim
        ("Les Houthis ont nié avoir reçu des missiles iraniens.", {("IR", None, "missiles", "alleged")}),
        (
            "Les Houthis ont nié avoir reçu des missiles iraniens, accusation portée par Washington.",
            {("IR", None, "missiles", "alleged")},
        ),
        ("Le Hezbollah dément avoir reçu des missiles de l'Iran.", {("IR", None, "missiles", "alleged")}),
        (
            "Les Forces de soutien rapide ont démenti avoir reçu des armes des Émirats.",
            {("AE", None, "other", "alleged")},
        ),
    ],
)
def test_spec_fr_claims_and_denials(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        # sanctions, embargoes, halts, bans, freezes, delays
        "Les États-Unis ont imposé des sanctions à l'Iran pour ses livraisons de drones.",
        "L'Union européenne a décrété un embargo sur les armes à destination de la Russie.",
        "L'Allemagne a suspendu ses exportations d'armes vers l'Arabie saoudite.",
        "Ottawa a gelé la vente de blindés légers à Riyad.",
        "Washington a bloqué la livraison de F-35 à la Turquie.",
        "Le Canada a mis en pause les livraisons de munitions à Israël.",
        "La livraison de chars à l'Ukraine a été reportée sine die.",
        "Les livraisons de munitions américaines à Israël ont été retardées indéfiniment.",
        "Le Canada a suspendu les permis d'exportation d'armes vers la Turquie.",
        "La Corée du Sud a interdit l'exportation d'armes vers la Russie.",
        # cancelled, refused, vetoed, ruled out
        "La France a annulé la vente de deux porte-hélicoptères Mistral à la Russie.",
        "La Suisse a refusé la réexportation de munitions vers l'Ukraine.",
        "Le Congrès a opposé son veto à la vente de F-16 à la Turquie.",
        "Paris se refuse à envoyer des avions de combat à Kiev.",
        "Berlin refuse d'envoyer des missiles Taurus à Kiev.",
        "Washington a renoncé à livrer des F-35 à la Turquie.",
        "Berlin exclut de livrer des missiles Taurus à l'Ukraine.",
        "Le chancelier a exclu l'envoi de missiles Taurus à Kiev.",
        "L'Allemagne a écarté toute livraison de chars à Taïwan.",
        # negated deliveries in the writer's voice
        "L'Allemagne n'a jamais livré de missiles Taurus à l'Ukraine.",
        "L'Iran n'a pas livré de missiles balistiques à la Russie.",
        "Les États-Unis ne livreront pas de F-16 à Kiev cette année.",
        "La Norvège ne vendra pas de missiles à l'Arabie saoudite.",
        "Aucun char Leclerc n'a été livré à l'Ukraine.",
        "Aucun F-16 n'a encore été envoyé à l'Ukraine.",
        "Aucune livraison de chars n'a eu lieu vers l'Ukraine.",
        # talks, interest, requests, offers, conditionals
        "La Pologne négocie avec la Corée du Sud l'achat de chars supplémentaires.",
        "L'Égypte envisage d'acheter des avions de combat chinois.",
        "L'Inde pourrait acheter des sous-marins à la France.",
        "La Russie a proposé des avions Su-35 à l'Indonésie.",
        "L'Ukraine a demandé des avions de chasse aux Occidentaux.",
        "Kiev réclame des missiles à longue portée à Washington.",
        "Le Maroc s'intéresse aux drones turcs.",
        "Des discussions sont en cours entre Paris et Athènes pour la vente de frégates.",
        "La France pourrait livrer des Mirage 2000 à l'Ukraine si le Parlement l'approuve.",
        "L'Égypte est en pourparlers avec la Chine pour l'achat de J-10C.",
        "L'Arabie saoudite souhaite acquérir des F-35 américains.",
        "L'Irak cherche à acheter des Rafale à la France.",
        "L'Algérie étudie l'achat de chasseurs russes.",
        "La Serbie est intéressée par des Rafale français.",
        "La Turquie pourrait fournir des drones à l'Ukraine si la guerre continue.",
        "L'Ukraine a sollicité des systèmes Patriot auprès de l'Allemagne.",
        "Zelensky a appelé les Occidentaux à livrer davantage de missiles.",
        # exercises, deployments, port calls, parades
        "La marine française a mené des exercices avec la marine indienne.",
        "Une frégate française a fait escale à Alger.",
        "La France a déployé des avions Rafale en Roumanie.",
        "Des chars russes ont défilé sur la place Rouge.",
        "Des navires chinois et russes ont mené des manœuvres conjointes en mer du Japon.",
        "Des soldats français ont été déployés en Estonie avec leurs chars Leclerc.",
        "Le porte-avions Charles de Gaulle a fait escale à Chypre.",
        # seizures, captures, interceptions, condemnations, war reports
        "La marine américaine a saisi une cargaison d'armes iraniennes destinées aux Houthis.",
        "L'armée ukrainienne a capturé des chars russes.",
        "Les forces ukrainiennes ont intercepté des missiles russes.",
        "La France a condamné la livraison de drones iraniens à la Russie.",
        "Des missiles russes ont frappé Kharkiv dans la nuit.",
        "La Russie a bombardé des positions ukrainiennes avec des drones.",
        "L'Ukraine a abattu des drones iraniens au-dessus de Kiev.",
        "Les Ukrainiens ont abattu des drones russes.",
        # domestic production and purchases from a state's own industry
        "L'armée française a commandé 42 Rafale à Dassault.",
        "La Direction générale de l'armement a réceptionné les premiers blindés Serval produits par KNDS "
        "France.",
        "L'Inde fabrique ses propres chars Arjun.",
        "L'armée indienne a commandé des obusiers à un industriel indien.",
        "L'armée de l'air égyptienne a reçu des avions produits localement.",
        # training, personnel, non-arms aid, unnamed recipients
        "Des instructeurs français forment des pilotes ukrainiens sur Mirage 2000.",
        "Des mercenaires russes ont été envoyés au Mali.",
        "Les États-Unis ont envoyé des conseillers militaires en Ukraine.",
        "La France a envoyé une aide humanitaire et du carburant à l'Ukraine.",
        "L'Allemagne a débloqué une aide financière de 500 millions d'euros pour l'Ukraine.",
        "Le Japon a fourni une aide humanitaire à l'Ukraine.",
        "La France a vendu des armes à un pays du Golfe.",
        "Des soldats américains ont livré des armes aux rebelles.",
    ],
)
def test_spec_fr_not_transfers(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "fr") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "En 2019, la Russie livra des systèmes S-400 à la Turquie.",
            {("RU", "TR", "air_defense", "delivered")},
        ),
        (
            "La Chine avait livré des drones Wing Loong à l'Égypte avant la crise.",
            {("CN", "EG", "drones", "delivered")},
        ),
        (
            "La Turquie livrait déjà des drones à l'Azerbaïdjan en 2020.",
            {("TR", "AZ", "drones", "delivered")},
        ),
        (
            "D'ici la fin de l'année, l'Allemagne aura livré vingt chars à la Pologne.",
            {("DE", "PL", "armored_vehicles", "agreed")},
        ),
        ("Les États-Unis fourniront des missiles ATACMS à l'Ukraine.", {("US", "UA", "missiles", "agreed")}),
        ("L'Égypte a acheté des Rafale à la France en 2015.", {("FR", "EG", "aircraft", "agreed")}),
        ("Le Qatar a reçu ses derniers Rafale de la France.", {("FR", "QA", "aircraft", "delivered")}),
        (
            "Des hélicoptères Caracal ont été vendus au Koweït par la France.",
            {("FR", "KW", "aircraft", "agreed")},
        ),
        (
            "Les Rafale commandés par l'Inde à la France sont arrivés.",
            {("FR", "IN", "aircraft", "delivered")},
        ),
        (
            "Les canons Caesar livrés par la France à l'Ukraine ont été déployés dans le Donbass.",
            {("FR", "UA", "artillery", "delivered")},
        ),
        ("La France a expédié des obus vers l'Ukraine.", {("FR", "UA", "ammunition", "delivered")}),
        (
            "La Suède a donné des véhicules de combat CV90 à l'Ukraine.",
            {("SE", "UA", "armored_vehicles", "delivered")},
        ),
        ("Le Danemark a fait don de ses F-16 à l'Ukraine.", {("DK", "UA", "aircraft", "delivered")}),
        ("La Slovaquie a cédé ses MiG-29 à l'Ukraine.", {("SK", "UA", "aircraft", "delivered")}),
        ("Le Maroc a passé commande de drones auprès de la Turquie.", {("TR", "MA", "drones", "agreed")}),
        ("Le Nigeria a pris livraison d'hélicoptères italiens.", {("IT", "NG", "aircraft", "delivered")}),
        (
            "La Croatie a réceptionné six Rafale d'occasion cédés par la France.",
            {("FR", "HR", "aircraft", "delivered")},
        ),
        (
            "Le Japon va exporter des missiles Patriot vers les États-Unis.",
            {("JP", "US", "air_defense", "agreed")},
        ),
        (
            "La Corée du Sud a signé avec la Pologne un contrat pour la livraison de 180 chars K2.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        ("Athènes a signé l'achat de trois frégates à la France.", {("FR", "GR", "naval", "agreed")}),
        (
            "La livraison par l'Allemagne de chars Leopard au Portugal a eu lieu en 2023.",
            {("DE", "PT", "armored_vehicles", "delivered")},
        ),
        (
            "L'achat de Rafale par l'Inde auprès de la France a été signé.",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        (
            "Les États-Unis sont en train de livrer des missiles Patriot à l'Ukraine.",
            {("US", "UA", "air_defense", "ongoing")},
        ),
        ("La Russie continue de fournir des armes à la Birmanie.", {("RU", "MM", "other", "ongoing")}),
        ("La Corée du Nord envoie des obus à la Russie.", {("KP", "RU", "ammunition", "ongoing")}),
        ("Des drones iraniens auraient été livrés au Soudan.", {("IR", "SD", "drones", "alleged")}),
        (
            "La Russie aurait fourni des missiles aux Houthis, selon le Wall Street Journal.",
            {("RU", None, "missiles", "alleged")},
        ),
        (
            "Selon des informations de presse, l'Égypte a vendu des obus aux États-Unis.",
            {("EG", "US", "ammunition", "alleged")},
        ),
        (
            "D'après des images satellites, la Corée du Nord a livré des missiles à la Russie.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        ("L'Iran a vraisemblablement livré des drones au Venezuela.", {("IR", "VE", "drones", "alleged")}),
        (
            "Des sources anonymes affirment que la Chine a livré des drones à la Russie.",
            {("CN", "RU", "drones", "alleged")},
        ),
        (
            "La Turquie a livré des drones à l'Éthiopie, selon des diplomates.",
            {("TR", "ET", "drones", "alleged")},
        ),
        (
            "Les services de renseignement ukrainiens affirment que l'Iran a livré des missiles à la Russie.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "La Hongrie a prétendument livré des munitions à la Serbie.",
            {("HU", "RS", "ammunition", "alleged")},
        ),
        (
            "La Biélorussie est soupçonnée d'avoir livré des obus à la Russie.",
            {("BY", "RU", "ammunition", "alleged")},
        ),
        ("L'Iran a démenti avoir fourni des drones à la Russie.", {("IR", "RU", "drones", "denied")}),
        (
            "Pyongyang rejette les accusations selon lesquelles il aurait livré des obus à Moscou.",
            {("KP", "RU", "ammunition", "denied")},
        ),
        (
            "La Russie qualifie de mensonge les informations sur une livraison de missiles à l'Iran.",
            {("RU", "IR", "missiles", "denied")},
        ),
        (
            "Les Émirats démentent avoir livré des armes aux Forces de soutien rapide.",
            {("AE", None, "other", "denied")},
        ),
        (
            "Selon Kiev, la Biélorussie a livré des chars à la Russie, ce que Minsk conteste.",
            {("BY", "RU", "armored_vehicles", "denied")},
        ),
        (
            "Dans le cadre de l'aide militaire, la Suède a livré des canons Archer à l'Ukraine.",
            {("SE", "UA", "artillery", "delivered")},
        ),
        (
            "Le Maroc a reçu, selon le ministère marocain, des drones turcs Akinci.",
            {("TR", "MA", "drones", "delivered")},
        ),
        (
            "Le gouvernement britannique a confirmé avoir livré des missiles Storm Shadow à l'Ukraine.",
            {("GB", "UA", "missiles", "delivered")},
        ),
        (
            "« Nous avons livré dix-huit canons Caesar à l'Ukraine », a déclaré le ministre français des "
            "Armées.",
            {("FR", "UA", "artillery", "delivered")},
        ),
        ("Les Pays-Bas ont annoncé la livraison de F-16 à l'Ukraine.", {("NL", "UA", "aircraft", "agreed")}),
        (
            "Ce contrat de 8 milliards d'euros prévoit la livraison de 80 Rafale aux Émirats arabes unis "
            "par la France.",
            {("FR", "AE", "aircraft", "agreed")},
        ),
        (
            "Les Émirats arabes unis ont commandé 80 Rafale à la France pour 16 milliards d'euros.",
            {("FR", "AE", "aircraft", "agreed")},
        ),
        (
            "Les drones TB2 achetés par le Maroc à la Turquie sont entrés en service.",
            {("TR", "MA", "drones", "delivered")},
        ),
        (
            "Les frégates FDI commandées par la Grèce à la France seront livrées en 2025.",
            {("FR", "GR", "naval", "agreed")},
        ),
        ("L'Arménie a acheté des radars à la France.", {("FR", "AM", "other", "agreed")}),
        ("L'Inde a importé des fusils d'assaut de Russie.", {("RU", "IN", "small_arms", "delivered")}),
        (
            "L'Ouzbékistan a acquis des avions de transport auprès de l'Espagne.",
            {("ES", "UZ", "aircraft", "agreed")},
        ),
        ("Le Japon a transféré des radars aux Philippines.", {("JP", "PH", "other", "delivered")}),
        ("Moscou a fourni à Damas des systèmes S-300.", {("RU", "SY", "air_defense", "delivered")}),
        ("Ankara a vendu à Varsovie des drones Bayraktar.", {("TR", "PL", "drones", "agreed")}),
        ("À la Pologne, Séoul a livré des obusiers K9.", {("KR", "PL", "artillery", "delivered")}),
        (
            "Des obus de 155 mm ont été livrés par la Corée du Sud aux États-Unis.",
            {("KR", "US", "ammunition", "delivered")},
        ),
        (
            "Des chars T-72 ont été envoyés à l'Ukraine par la République tchèque.",
            {("CZ", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "L'Ukraine a été approvisionnée en munitions par la Bulgarie.",
            {("BG", "UA", "ammunition", "delivered")},
        ),
        ("L'Ukraine a reçu de la Suède des canons Archer.", {("SE", "UA", "artillery", "delivered")}),
        (
            "Le chef du Pentagone a annoncé l'envoi de nouveaux missiles Patriot en Ukraine.",
            {("US", "UA", "air_defense", "agreed")},
        ),
        ("Kiev a réceptionné des avions F-16 néerlandais.", {("NL", "UA", "aircraft", "delivered")}),
        (
            "Le royaume chérifien a commandé des hélicoptères Apache aux États-Unis.",
            {("US", "MA", "aircraft", "agreed")},
        ),
        (
            "La France et l'Inde ont signé un contrat pour 26 Rafale Marine.",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        ("La vente de 24 Rafale au Qatar a été conclue en 2015.", {("FR", "QA", "aircraft", "agreed")}),
        # one record per triple: the newest step, here the one to come
        (
            "La France livrera douze canons Caesar de plus à l'Ukraine, après en avoir déjà livré dix-huit.",
            {("FR", "UA", "artillery", "agreed")},
        ),
        (
            "La Russie livrera des S-400 à l'Inde, qui a déjà reçu les deux premiers régiments.",
            {("RU", "IN", "air_defense", "agreed")},
        ),
        # guesses at the past, reports relayed or hedged, denials in more wordings
        ("La Chine pourrait avoir livré des drones à la Russie.", {("CN", "RU", "drones", "alleged")}),
        (
            "Le Rwanda aurait fourni des missiles sol-air au M23, selon un rapport d'experts de l'ONU.",
            {("RW", None, "air_defense", "alleged")},
        ),
        ("Des drones turcs auraient été livrés au Soudan via le Tchad.", {("TR", "SD", "drones", "alleged")}),
        ("L'Iran se défend d'avoir livré des missiles à la Russie.", {("IR", "RU", "missiles", "denied")}),
        ("La Russie conteste avoir livré des armes à la Corée du Nord.", {("RU", "KP", "other", "denied")}),
        (
            "Pékin a qualifié de « fausses » les informations sur une livraison de drones à la Russie.",
            {("CN", "RU", "drones", "denied")},
        ),
        (
            "Le gouvernement serbe a démenti avoir vendu des munitions à l'Ukraine.",
            {("RS", "UA", "ammunition", "denied")},
        ),
        (
            "La Russie a démenti les accusations américaines selon lesquelles elle aurait reçu des missiles "
            "de l'Iran.",
            {("IR", "RU", "missiles", "denied")},
        ),
        (
            "Les Émirats arabes unis auraient livré des drones chinois au Soudan.",
            {("AE", "SD", "drones", "alleged")},
        ),
        (
            "Selon le New York Times, Israël a vendu des systèmes de défense aérienne à l'Azerbaïdjan.",
            {("IL", "AZ", "air_defense", "alleged")},
        ),
        ("Le Pakistan aurait reçu des chasseurs J-35 de la Chine.", {("CN", "PK", "aircraft", "alleged")}),
        (
            "Le Niger a reçu des drones turcs, selon l'agence officielle nigérienne.",
            {("TR", "NE", "drones", "delivered")},
        ),
        (
            "Le Kazakhstan a commandé des avions A400M à l'Espagne, selon le ministère kazakh de la Défense.",
            {("ES", "KZ", "aircraft", "agreed")},
        ),
    ],
)
def test_spec_fr_more_wordings(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    """Tenses (the passé simple and the futur antérieur too), word orders, participle clauses that hold
    their own sides, nominalisations, attributions and denials in more wordings."""
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'arrivée de F-16 belges en Ukraine est attendue.",
        "La France n'a pas encore livré de chars Leclerc à l'Ukraine.",
        "Les États-Unis n'ont jamais vendu de F-35 à la Turquie.",
        "Aucun Rafale n'a été vendu à la Suisse.",
        "Aucune arme allemande n'a été livrée à l'Arabie saoudite depuis 2018.",
        "Le Royaume-Uni a suspendu certaines licences d'exportation d'armes vers Israël.",
        "Les Pays-Bas ont bloqué l'exportation de pièces de F-35 vers Israël.",
        "La livraison des Rafale à l'Indonésie est suspendue.",
        "L'Espagne a gelé ses ventes d'armes à Israël.",
        "La Chine a interdit l'exportation de drones vers l'Ukraine et la Russie.",
        "La Pologne et la Corée du Sud discutent d'un nouveau contrat pour des obusiers K9.",
        "L'Inde serait intéressée par l'achat de Rafale supplémentaires auprès de la France.",
        "Le Brésil n'exclut pas d'acheter des avions de combat suédois.",
        "La Grèce étudie la possibilité d'acquérir des F-35 américains.",
        "Washington a proposé à Ankara de lui vendre des F-16.",
        "Kiev a demandé à Berlin de lui livrer des missiles Taurus.",
        "Zelensky appelle les alliés à envoyer plus de systèmes de défense aérienne à l'Ukraine.",
        "L'Allemagne pourrait envoyer des chars à l'Ukraine si les États-Unis en envoient aussi.",
        "La Marine nationale a reçu sa nouvelle frégate construite à Lorient par Naval Group.",
        "L'armée de terre a reçu les premiers blindés Griffon produits par KNDS France.",
        "La Russie a présenté ses nouveaux chars T-90 lors d'un défilé à Moscou.",
        "Des avions russes ont participé à des exercices conjoints en Biélorussie.",
        "Des navires iraniens ont fait escale au Venezuela.",
        "Les garde-côtes yéménites ont intercepté une cargaison d'armes iraniennes.",
        "L'Ukraine a récupéré des chars russes abandonnés.",
        "Des pilotes ukrainiens sont formés sur F-16 au Danemark.",
        "L'Union européenne a versé deux milliards d'euros à l'Ukraine.",
        "Les États-Unis ont envoyé du carburant et des vivres en Ukraine.",
        "Le Parlement européen a condamné les ventes d'armes à l'Arabie saoudite.",
        "L'armée russe a tiré des missiles Iskander sur Odessa.",
        "Des drones Shahed ont frappé des infrastructures énergétiques ukrainiennes.",
        "La Russie arme ses troupes avec des fusils produits à Ijevsk.",
        "Les missiles, fournis par l'Iran, ont été tirés par les Houthis.",
        "Les missiles Patriot ont été déployés en Pologne par l'armée américaine.",
        "L'Ukraine voudrait recevoir des avions de combat suédois.",
        "La France envisage de livrer des Mirage à l'Ukraine.",
        "Le gouvernement allemand hésite à livrer des missiles Taurus à Kiev.",
        "La Turquie se dit prête à vendre des drones à l'Arabie saoudite.",
        "Le Pakistan a fabriqué ses propres drones avec l'aide de la Chine.",
        "Le ministère de la Défense a commandé des blindés à l'industriel national.",
        "Le gouvernement allemand hésite à livrer des missiles Taurus à Kiev.",
        # conditionals, threats, abstentions, vetoes, stops, broken contracts
        "Si le Congrès donne son accord, Washington livrera des F-16 à la Turquie.",
        "La France enverrait des Mirage à l'Ukraine si les conditions étaient réunies.",
        "Le Japon livrerait des missiles à l'Ukraine si sa loi le permettait.",
        "La Russie menace de livrer des armes à la Corée du Nord.",
        "L'Allemagne s'est abstenue de livrer des chars à l'Arabie saoudite.",
        "Les États-Unis ont empêché Israël de vendre des drones à la Chine.",
        "Le président a mis son veto à la livraison de bombes à Israël.",
        "La livraison de F-35 à la Turquie a été stoppée.",
        "Le contrat de vente de sous-marins à l'Australie a été rompu par Canberra.",
        "L'Indonésie a renoncé à l'achat de Su-35 russes.",
    ],
)
def test_spec_fr_more_not_transfers(tagger: Tagger, text: str) -> None:
    """Negations, halts, votes, talks, hesitation, conditionals, domestic production, displays, exercises,
    interceptions, training, non-arms aid and war reports in more wordings."""
    assert quads(tagger, text, "fr") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La Grèce a signé un contrat avec la France. Le pays recevra six Rafale supplémentaires.",
            {("FR", "GR", "aircraft", "agreed")},
        ),
        (
            "L'Iran a livré des drones à la Russie, selon Kiev. Téhéran dément.",
            {("IR", "RU", "drones", "denied")},
        ),
        (
            "La Turquie a livré des drones au Niger. Elle en livrera d'autres l'an prochain.",
            {("TR", "NE", "drones", "delivered")},
        ),
        (
            "Selon le Pentagone, la Corée du Nord a envoyé des missiles à la Russie. Pyongyang n'a pas "
            "réagi.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        (
            "Le Maroc renforce son armée. Le royaume a commandé des hélicoptères aux États-Unis.",
            {("US", "MA", "aircraft", "agreed")},
        ),
        (
            "L'Arménie a acheté des canons Caesar à la France, ont indiqué les deux pays.",
            {("FR", "AM", "artillery", "agreed")},
        ),
        (
            "La France, par la voix de son ministre des Armées, a annoncé la livraison de canons à "
            "l'Arménie.",
            {("FR", "AM", "artillery", "agreed")},
        ),
        (
            "Le Brésil a acquis des obusiers, fabriqués en Israël, pour son armée de terre.",
            {("IL", "BR", "artillery", "agreed")},
        ),
        (
            "L'Inde, qui dépend des armes russes, a reçu des systèmes S-400 de Moscou.",
            {("RU", "IN", "air_defense", "delivered")},
        ),
        # questions, a refusal after a hesitation, domestic production
        ("La Russie a-t-elle livré des missiles à l'Iran ?", set()),
        ("Faut-il livrer des avions de combat à l'Ukraine ?", set()),
        ("L'Allemagne hésite encore. Elle ne livrera pas de Taurus à l'Ukraine.", set()),
        ("La Corée du Sud produit des chars K2 pour son armée.", set()),
    ],
)
def test_spec_fr_passages_and_clauses(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    """Passages of two sentences (a reference, a later denial, a future after a delivery), appositions and
    relative clauses whose words of intention or dependence are not the transfer's."""
    assert quads(tagger, text, "fr") == expected
