"""German and Dutch lexicon audit (enrich/data/lang/de.yaml, nl.yaml): the verb forms, nouns, hedges,
blockers, weapon nouns, prepositions and state names a news report may use, each on invented sentences."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads

GERMAN: list[tuple[str, set[Quad]]] = [
    # verb second with the subject after the verb; a dative after a state's name is no genitive of it
    (
        "Im März übergab Deutschland der Ukraine weitere Schützenpanzer.",
        {("DE", "UA", "armored_vehicles", "delivered")},
    ),
    ("Gestern lieferte Spanien der Türkei zwei Korvetten.", {("ES", "TR", "naval", "delivered")}),
    # strong and umlauted forms the stems missed
    ("Polen erwarb 180 Kampfpanzer von Südkorea.", {("KR", "PL", "armored_vehicles", "delivered")}),
    ("Brasilien erhält schwedische Kampfjets.", {("SE", "BR", "aircraft", "agreed")}),
    ("Kanada überlässt der Ukraine gepanzerte Fahrzeuge.", {("CA", "UA", "armored_vehicles", "agreed")}),
    ("Kanada überließ der Ukraine Haubitzen.", {("CA", "UA", "artillery", "delivered")}),
    # separable verbs: the finite part first, the particle or phrase last
    (
        "Deutschland stellt der Ukraine ein Flugabwehrsystem zur Verfügung.",
        {("DE", "UA", "air_defense", "agreed")},
    ),
    (
        "Norwegen stellte Litauen im Mai zwei Flugabwehrsysteme zur Verfügung.",
        {("NO", "LT", "air_defense", "delivered")},
    ),
    ("Finnland liefert Estland Haubitzen aus.", {("FI", "EE", "artillery", "agreed")}),
    ("Die Schweiz hat Ägypten Munition zukommen lassen.", {("CH", "EG", "ammunition", "agreed")}),
    ("Italien verschiffte Panzer nach Katar.", {("IT", "QA", "armored_vehicles", "delivered")}),
    ("Japan sandte Hubschrauber nach Indonesien.", {("JP", "ID", "aircraft", "delivered")}),
    ("Die Ukraine nahm die Kampfjets aus Dänemark in Empfang.", {("DK", "UA", "aircraft", "delivered")}),
    ("Indien bezieht seine Kampfjets aus Frankreich.", {("FR", "IN", "aircraft", "agreed")}),
    ("Chile schafft Fregatten aus Australien an.", set()),  # "schafft ... an": the particle alone, no cue
    ("Chile hat Fregatten aus Australien angeschafft.", {("AU", "CL", "naval", "delivered")}),
    ("Peru orderte Korvetten bei Südkorea.", {("KR", "PE", "naval", "agreed")}),
    # nouns: the handover, export under its other name, an order
    (
        "Die Übergabe der Haubitzen von Norwegen an Lettland ist erfolgt.",
        {("NO", "LV", "artillery", "delivered")},
    ),
    (
        "Die Ausfuhr von Sturmgewehren aus Belgien nach Kenia sorgt für Kritik.",
        {("BE", "KE", "small_arms", "agreed")},
    ),
    (
        "Die Waffenausfuhr von Belgien nach Kenia umfasst Sturmgewehre.",
        {("BE", "KE", "small_arms", "agreed")},
    ),
    # "bezieht sich auf", "im Auftrag": no transfer word
    ("Der Minister bezog sich auf Panzer aus Polen für die Ukraine.", set()),
    # hedges: "laut" names the source (a party's own word is no claim), "dürfte", "wohl", "zufolge"
    ("Laut Kiew hat Deutschland der Ukraine Haubitzen geliefert.", {("DE", "UA", "artillery", "delivered")}),
    ("Laut US-Geheimdiensten hat der Iran Russland Drohnen geliefert.", {("IR", "RU", "drones", "alleged")}),
    ("Dem Pentagon zufolge hat Nordkorea Russland Raketen geliefert.", {("KP", "RU", "missiles", "alleged")}),
    ("Nordkorea dürfte Russland Raketen geliefert haben.", {("KP", "RU", "missiles", "alleged")}),
    ("Der Iran hat Russland wohl Drohnen geliefert.", {("IR", "RU", "drones", "alleged")}),
    ("Belarus hat Russland möglicherweise Panzer geliefert.", {("BY", "RU", "armored_vehicles", "alleged")}),
    (
        "Satellitenbilder zeigen, dass Nordkorea Russland Granaten lieferte.",
        {("KP", "RU", "ammunition", "alleged")},
    ),
    # denials: the separable "weist ... zurück", "leugnet", "Dementi"
    (
        "Teheran weist Berichte über Drohnenlieferungen an Russland zurück.",
        {("IR", "RU", "drones", "denied")},
    ),
    ("Minsk leugnet, Russland Panzer geliefert zu haben.", {("BY", "RU", "armored_vehicles", "denied")}),
    # future, ongoing, agreed and delivered words
    ("Die Ukraine erhält demnächst Kampfjets aus Dänemark.", {("DK", "UA", "aircraft", "agreed")}),
    ("Deutschland liefert weiterhin Munition an die Ukraine.", {("DE", "UA", "ammunition", "ongoing")}),
    ("Kroatien bestellte zwölf Kampfjets aus Frankreich.", {("FR", "HR", "aircraft", "agreed")}),
    # offers, requests, deliberation, halts, cancellations, deployments: no transfer
    ("Deutschland bietet der Ukraine Kampfpanzer an.", set()),
    ("Die Ukraine bat Deutschland um Marschflugkörper.", set()),
    ("Die Regierung erwog, Kampfjets an die Ukraine zu liefern.", set()),
    ("Deutschland hat die Ausfuhr von Waffen nach Israel ausgesetzt.", set()),
    ("Die Türkei hat den Kauf von Kampfjets aus den USA storniert.", set()),
    ("Die USA verlegen Kampfjets nach Polen.", set()),
    ("Polen hat Interesse, Kampfjets aus Südkorea zu kaufen.", set()),
    ("Die Marine hat in Norwegen Torpedos aus Deutschland getestet.", set()),
    # weapon nouns of every category
    ("Frankreich liefert Indien ein Landungsschiff.", {("FR", "IN", "naval", "agreed")}),
    ("Italien liefert Katar ein Patrouillenschiff.", {("IT", "QA", "naval", "agreed")}),
    ("Italien liefert Katar zwei Hubschrauberträger.", {("IT", "QA", "naval", "agreed")}),
    ("Deutschland liefert Lettland Minenjäger.", {("DE", "LV", "naval", "agreed")}),
    ("Deutschland liefert der Ukraine Panzerminen.", {("DE", "UA", "ammunition", "agreed")}),
    ("Deutschland liefert der Ukraine Minen.", {("DE", "UA", "ammunition", "agreed")}),
    ("Deutschland liefert der Ukraine Mannschaftstransporter.", {("DE", "UA", "armored_vehicles", "agreed")}),
    ("Deutschland liefert der Ukraine geschützte Fahrzeuge.", {("DE", "UA", "armored_vehicles", "agreed")}),
    ("Deutschland liefert der Ukraine Lenkwaffen.", {("DE", "UA", "missiles", "agreed")}),
    ("Deutschland liefert der Ukraine Drohnenabwehrsysteme.", {("DE", "UA", "air_defense", "agreed")}),
    ("Deutschland liefert der Ukraine Flakpanzer.", {("DE", "UA", "air_defense", "agreed")}),
    ("Deutschland liefert der Ukraine Fla-Raketen.", {("DE", "UA", "air_defense", "agreed")}),
    ("Deutschland liefert der Ukraine Abfangjäger.", {("DE", "UA", "aircraft", "agreed")}),
    ("Deutschland liefert Kenia Handfeuerwaffen.", {("DE", "KE", "small_arms", "agreed")}),
    ("Deutschland liefert Kenia unbemannte Flugzeuge.", {("DE", "KE", "drones", "agreed")}),
    ("Deutschland liefert Kenia Geschütze.", {("DE", "KE", "artillery", "agreed")}),
    # "Inflation", "Flaggen", "Termine" hold letters of weapon stems and are none
    ("Die Ukraine hat in der Inflation Flaggen aus Deutschland gekauft.", set()),
    ("Die Termine für Lieferungen aus Polen an die Ukraine stehen fest.", set()),
    # the pronoun after "dass" in a verb-final clause stands for the subject before it; not an article
    ("Russland bestreitet, dass es dem Iran Kampfjets geliefert habe.", {("RU", "IR", "aircraft", "denied")}),
    (
        "Schweden erklärte, dass es Haubitzen an Lettland geliefert habe.",
        {("SE", "LV", "artillery", "delivered")},
    ),
    # a name in the genitive right after a transfer noun is its agent
    (
        "Die Waffenlieferung Deutschlands an die Ukraine umfasst Haubitzen.",
        {("DE", "UA", "artillery", "agreed")},
    ),
    (
        "Der Kauf Polens von Kampfpanzern aus Südkorea ist abgeschlossen.",
        {("KR", "PL", "armored_vehicles", "agreed")},
    ),
    # the subjunctive of a transfer verb reports a claim; an embargo compound blocks
    ("Nordkorea liefere seit Monaten Granaten an Russland.", {("KP", "RU", "ammunition", "alleged")}),
    ("Das Waffenembargo betrifft Lieferungen von Drohnen aus dem Iran an Russland.", set()),
    # "auf den Weg gebracht" (launched) moves nothing; unnamed circles are a hedged source, also from the
    # sentence after ("Das erfuhr ...")
    (
        "Die USA haben den Verkauf von Raketen an Polen auf den Weg gebracht.",
        {("US", "PL", "missiles", "agreed")},
    ),
    (
        "Dänemark liefert der Ukraine Kampfjets. Das erfuhr die Zeitung aus Regierungskreisen.",
        {("DK", "UA", "aircraft", "alleged")},
    ),
    (
        "Aus Sicherheitskreisen verlautete, Belarus habe Russland Panzer geliefert.",
        {("BY", "RU", "armored_vehicles", "alleged")},
    ),
    # a pledge noun
    ("Die Zusage von Kampfjets aus Dänemark an die Ukraine steht.", {("DK", "UA", "aircraft", "agreed")}),
    # "Nachbarland" before a name continues its phrase
    (
        "Die Panzer wurden von Nachbarland Polen an die Ukraine geliefert.",
        {("PL", "UA", "armored_vehicles", "delivered")},
    ),
    # the federal security council names Germany
    (
        "Der Bundessicherheitsrat genehmigte den Export von Fregatten nach Algerien.",
        {("DE", "DZ", "naval", "agreed")},
    ),
    # "seitens" names the agent
    ("Seitens der USA wurden Kampfjets an Taiwan verkauft.", {("US", "TW", "aircraft", "agreed")}),
]

DUTCH: list[tuple[str, set[Quad]]] = [
    # where one orders or buys ("bij") is the seller
    ("Griekenland bestelde twaalf gevechtsvliegtuigen bij Frankrijk.", {("FR", "GR", "aircraft", "agreed")}),
    ("Roemenië kocht tanks bij Zuid-Korea.", {("KR", "RO", "armored_vehicles", "agreed")}),
    # strong pasts: received, gave, sent
    (
        "Griekenland ontving twaalf gevechtsvliegtuigen uit Frankrijk.",
        {("FR", "GR", "aircraft", "delivered")},
    ),
    ("Denemarken schonk Oekraïne gevechtsvliegtuigen.", {("DK", "UA", "aircraft", "delivered")}),
    ("Duitsland zendt fregatten naar Oekraïne.", {("DE", "UA", "naval", "agreed")}),
    ("Italië zond helikopters naar Libanon.", {("IT", "LB", "aircraft", "delivered")}),
    ("Spanje verscheepte munitie naar Oekraïne.", {("ES", "UA", "ammunition", "delivered")}),
    ("België heeft Oekraïne F-16's beloofd.", {("BE", "UA", "aircraft", "agreed")}),
    ("Noorwegen verstrekte Oekraïne luchtafweersystemen.", {("NO", "UA", "air_defense", "delivered")}),
    ("Nederland overhandigde Litouwen pantservoertuigen.", {("NL", "LT", "armored_vehicles", "delivered")}),
    ("Portugal heeft de houwitsers aan Oekraïne afgeleverd.", {("PT", "UA", "artillery", "delivered")}),
    ("De export van fregatten van Nederland naar Indonesië gaat door.", {("NL", "ID", "naval", "ongoing")}),
    ("Finland heeft munitie aangekocht van Zweden.", {("SE", "FI", "ammunition", "agreed")}),
    ("Marokko importeert drones uit Israël.", {("IL", "MA", "drones", "agreed")}),
    ("Tsjechië nam de tanks uit Duitsland in ontvangst.", {("DE", "CZ", "armored_vehicles", "delivered")}),
    (
        "De eerste pantserwagens uit Frankrijk arriveren in België.",
        {("FR", "BE", "armored_vehicles", "agreed")},
    ),
    # hedges and sources: "volgens" names the source, a party's own word is no claim
    ("Volgens Kiev heeft Nederland F-16's aan Oekraïne geleverd.", {("NL", "UA", "aircraft", "delivered")}),
    ("Volgens inlichtingendiensten levert Iran drones aan Rusland.", {("IR", "RU", "drones", "alleged")}),
    (
        "Satellietbeelden tonen dat Noord-Korea granaten aan Rusland leverde.",
        {("KP", "RU", "ammunition", "alleged")},
    ),
    ("Iran heeft vermeend drones aan Rusland geleverd.", {("IR", "RU", "drones", "alleged")}),
    ("Iran noemt de levering van drones aan Rusland nepnieuws.", {("IR", "RU", "drones", "denied")}),
    # future, ongoing and agreed words
    ("Zweden levert binnenkort gevechtsvliegtuigen aan Oekraïne.", {("SE", "UA", "aircraft", "agreed")}),
    (
        "De levering van F-16's door Nederland aan Oekraïne is begonnen.",
        {("NL", "UA", "aircraft", "ongoing")},
    ),
    ("Nederland blijft munitie aan Oekraïne leveren.", {("NL", "UA", "ammunition", "ongoing")}),
    (
        "Polen tekende een contract voor de aankoop van tanks uit Zuid-Korea.",
        {("KR", "PL", "armored_vehicles", "agreed")},
    ),
    # deliberation, offers, requests, halts, bans, seizures, tests: no transfer
    ("Nederland overweegt de levering van gevechtsvliegtuigen aan Oekraïne.", set()),
    ("Nederland biedt Oekraïne fregatten aan.", set()),
    ("Oekraïne vroegen Nederland om gevechtsvliegtuigen.", set()),
    ("Oekraïne eist van Duitsland kruisraketten.", set()),
    ("Duitsland verbiedt de levering van tanks aan Oekraïne.", set()),
    ("Canada heeft de export van drones naar Turkije stopgezet.", set()),
    ("De douane heeft in Nederland wapens uit Rusland voor Iran buitgemaakt.", set()),
    ("Zweden heeft in Noorwegen raketten uit Duitsland getest.", set()),
    # weapon nouns of every category
    ("Duitsland levert Oekraïne patrouilleboten.", {("DE", "UA", "naval", "agreed")}),
    ("Duitsland levert Oekraïne mijnenvegers.", {("DE", "UA", "naval", "agreed")}),
    ("Duitsland levert Oekraïne torpedobootjagers.", {("DE", "UA", "naval", "agreed")}),
    ("Duitsland levert Oekraïne kogels.", {("DE", "UA", "ammunition", "agreed")}),
    ("Duitsland levert Oekraïne patronen.", {("DE", "UA", "ammunition", "agreed")}),
    ("Duitsland levert Oekraïne landmijnen.", {("DE", "UA", "ammunition", "agreed")}),
    ("Duitsland levert Oekraïne onbemande vliegtuigen.", {("DE", "UA", "drones", "agreed")}),
    ("Duitsland levert Oekraïne vrachtwagens.", {("DE", "UA", "other", "agreed")}),
    ("Duitsland levert Oekraïne militaire voertuigen.", {("DE", "UA", "other", "agreed")}),
    ("Duitsland levert Oekraïne kruisraketten.", {("DE", "UA", "missiles", "agreed")}),
    ("Duitsland levert Oekraïne antidronesystemen.", {("DE", "UA", "air_defense", "agreed")}),
    ("Duitsland levert Oekraïne infanterievoertuigen.", {("DE", "UA", "armored_vehicles", "agreed")}),
    ("Duitsland levert Oekraïne veldgeschut.", {("DE", "UA", "artillery", "agreed")}),
    ("Duitsland levert Oekraïne vuurwapens.", {("DE", "UA", "small_arms", "agreed")}),
    # the pronoun after "dat" in a verb-final clause stands for the subject before it; "het" before a state's
    # adjective is an article
    ("Iran ontkent dat het drones aan Rusland heeft geleverd.", {("IR", "RU", "drones", "denied")}),
    (
        "Oekraïne zegt dat het tanks uit Polen heeft ontvangen.",
        {("PL", "UA", "armored_vehicles", "delivered")},
    ),
    ("Japan meldt dat het Chinese leger drones aan Rusland levert.", {("CN", "RU", "drones", "alleged")}),
    # an embargo compound blocks
    ("Het wapenembargo treft de levering van drones uit Iran aan Rusland.", set()),
    # "buurland" before a name continues its phrase; a promise ("belofte") is a pledge
    (
        "De tanks zijn door buurland Polen aan Oekraïne geleverd.",
        {("PL", "UA", "armored_vehicles", "delivered")},
    ),
    ("Nederland deed een belofte van F-16's aan Oekraïne.", {("NL", "UA", "aircraft", "agreed")}),
    # demonyms and capitals
    ("Pjongjang levert Rusland raketten.", {("KP", "RU", "missiles", "agreed")}),
    ("Het Azerbeidzjaanse leger ontving drones uit Israël.", {("IL", "AZ", "drones", "delivered")}),
    ("Bakoe kocht drones bij Turkije.", {("TR", "AZ", "drones", "agreed")}),
    ("Seoel verkocht houwitsers aan Wenen.", {("KR", "AT", "artillery", "agreed")}),
]


@pytest.mark.parametrize(("text", "expected"), GERMAN)
def test_german(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "de") == expected


@pytest.mark.parametrize(("text", "expected"), DUTCH)
def test_dutch(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "nl") == expected
