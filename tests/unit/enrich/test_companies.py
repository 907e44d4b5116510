"""Companies as parties, under the annotation rules: a state company (Rosoboronexport, HAL, Navantia, a
crown corporation) acts for its state; a company whose nationality the text gives counts as that state
(« le groupe français Nexter », "the German arms maker Rheinmetall"); a private company with no
nationality is no state. Invented sentences, in the spaCy path (English, French) and the multilingual one."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, multilingual_quads, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # state exporters and makers, as supplier, in any position
        (
            "Rosoboronexport delivered 12 fighter jets to Algeria last year.",
            {("RU", "DZ", "aircraft", "delivered")},
        ),
        (
            "India signed a deal with Rosoboronexport for 200 tanks.",
            {("RU", "IN", "armored_vehicles", "agreed")},
        ),
        (
            "Hindustan Aeronautics delivered two helicopters to Ecuador.",
            {("IN", "EC", "aircraft", "delivered")},
        ),
        ("Israel Aerospace Industries sold drones to Azerbaijan.", {("IL", "AZ", "drones", "agreed")}),
        ("Egypt signed a contract with Naval Group for four corvettes.", {("FR", "EG", "naval", "agreed")}),
        ("Denel sold artillery shells to the United Arab Emirates.", {("ZA", "AE", "ammunition", "agreed")}),
        ("Yugoimport delivered howitzers to Cyprus.", {("RS", "CY", "artillery", "delivered")}),
        ("Kintex delivered ammunition to Ukraine.", {("BG", "UA", "ammunition", "delivered")}),
        ("Romtehnica delivered mortars to Ukraine.", {("RO", "UA", "artillery", "delivered")}),
        ("Viettel delivered radars to Laos.", {("VN", "LA", "other", "delivered")}),
        ("Patria delivered armoured vehicles to Japan.", {("FI", "JP", "armored_vehicles", "delivered")}),
        (
            "The Canadian Commercial Corporation signed a contract to sell armoured vehicles to "
            "Saudi Arabia.",
            {("CA", "SA", "armored_vehicles", "agreed")},
        ),
        (
            "Nigeria bought three fighter jets from the Pakistan Aeronautical Complex.",
            {("PK", "NG", "aircraft", "agreed")},
        ),
        (
            "EDGE Group signed a contract to supply armoured vehicles to Angola.",
            {("AE", "AO", "armored_vehicles", "agreed")},
        ),
        (
            "Leonardo Helicopters delivered two helicopters to Pakistan.",
            {("IT", "PK", "aircraft", "delivered")},
        ),
        # with its state named as well: one party, not two
        (
            "Russia's state arms exporter Rosoboronexport has signed a contract to supply air defence "
            "systems to India.",
            {("RU", "IN", "air_defense", "agreed")},
        ),
        (
            "Iraq bought armoured personnel carriers from Ukraine's state-owned Ukroboronprom.",
            {("UA", "IQ", "armored_vehicles", "agreed")},
        ),
        ("Jordan's KADDB sold armoured vehicles to Iraq.", {("JO", "IQ", "armored_vehicles", "agreed")}),
        (
            "The Chinese state-owned company Norinco delivered tanks to Nigeria.",
            {("CN", "NG", "armored_vehicles", "delivered")},
        ),
        # the maker named with "made by" supplies what was acquired
        (
            "Azerbaijan received drones made by Israel Aerospace Industries.",
            {("IL", "AZ", "drones", "delivered")},
        ),
        (
            "The tanks, made by Russia's Uralvagonzavod, were delivered to India.",
            {("RU", "IN", "armored_vehicles", "delivered")},
        ),
        # a state's company buying from that state's forces is domestic
        ("Mazagon Dock delivered a submarine to the Indian Navy.", set()),
        # talks and offers by a state company are no transfer
        ("Rosoboronexport said it was in talks with India about fighter jets.", set()),
        ("Rosoboronexport offered fighter jets to Egypt.", set()),
    ],
)
def test_companies_state_company_acts_for_its_state(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukraine received howitzers from the French group Nexter.",
            {("FR", "UA", "artillery", "delivered")},
        ),
        ("The French group Nexter delivered howitzers to Ukraine.", {("FR", "UA", "artillery", "delivered")}),
        ("Poland bought drones from Turkish manufacturer Baykar.", {("TR", "PL", "drones", "agreed")}),
        ("Poland bought drones from the Turkish drone maker Baykar.", {("TR", "PL", "drones", "agreed")}),
        (
            "The German company Rheinmetall will supply air defence systems to Ukraine.",
            {("DE", "UA", "air_defense", "agreed")},
        ),
        ("A Chinese company delivered drones to Sudan.", {("CN", "SD", "drones", "delivered")}),
        ("Ukraine bought ammunition from a Czech company.", {("CZ", "UA", "ammunition", "agreed")}),
        (
            "Ghana bought patrol boats from the Israeli firm Israel Shipyards.",
            {("IL", "GH", "naval", "agreed")},
        ),
        (
            "The Philippines ordered two frigates from South Korean shipbuilder Hyundai Heavy Industries.",
            {("KR", "PH", "naval", "agreed")},
        ),
        # an armed group's nationality does not make it the state
        (
            "The Russian mercenary group Wagner delivered weapons to the Central African Republic.",
            {(None, "CF", "other", "delivered")},
        ),
        ("Weapons were sent to Sudan's RSF by the Russian paramilitary group Wagner.", set()),
    ],
)
def test_companies_nationality_given_in_english(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le groupe français Nexter a livré des canons à l'Ukraine.",
            {("FR", "UA", "artillery", "delivered")},
        ),
        ("L'Ukraine a reçu des canons du groupe français Nexter.", {("FR", "UA", "artillery", "delivered")}),
        (
            "L'industriel allemand Rheinmetall livrera des systèmes de défense aérienne à l'Ukraine.",
            {("DE", "UA", "air_defense", "agreed")},
        ),
        (
            "Le constructeur turc Baykar a livré des drones à la Pologne.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("La Pologne a acheté des drones au constructeur turc Baykar.", {("TR", "PL", "drones", "agreed")}),
        ("Une entreprise chinoise a livré des drones au Soudan.", {("CN", "SD", "drones", "delivered")}),
        (
            "L'avionneur brésilien Embraer a vendu des avions militaires au Portugal.",
            {("BR", "PT", "aircraft", "agreed")},
        ),
        # state companies
        ("Le Mali a reçu des hélicoptères de Rosoboronexport.", {("RU", "ML", "aircraft", "delivered")}),
        (
            "L'exportateur public russe Rosoboronexport a livré des hélicoptères au Mali.",
            {("RU", "ML", "aircraft", "delivered")},
        ),
        ("La Grèce a commandé trois frégates à Naval Group.", {("FR", "GR", "naval", "agreed")}),
        (
            "L'Azerbaïdjan a reçu des drones fabriqués par Israel Aerospace Industries.",
            {("IL", "AZ", "drones", "delivered")},
        ),
        ("Leonardo a livré des hélicoptères au Nigeria.", {("IT", "NG", "aircraft", "delivered")}),
        # an armed group is no state, whatever its nationality; an offer is no transfer
        ("Le groupe russe Wagner a livré des armes à la Centrafrique.", {(None, "CF", "other", "delivered")}),
        ("Rosoboronexport a proposé des avions de combat à l'Égypte.", set()),
    ],
)
def test_companies_in_french(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a private company with no nationality names no state (and the weapon names no maker here)
        "Baykar delivered drones to Poland.",
        "Lockheed Martin delivered fighter jets to Poland.",
        "Poland bought fighter jets from Lockheed Martin.",
        "Rheinmetall will supply air defence systems to Ukraine.",
    ],
)
def test_companies_private_company_without_nationality_names_no_state(tagger: Tagger, text: str) -> None:
    assert not {quad for quad in quads(tagger, text, "en") if quad[0] is not None}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the noun of a company with a demonym, in each language's word order
        (
            "de",
            "Der türkische Hersteller Baykar hat Drohnen an Polen geliefert.",
            {("TR", "PL", "drones", "delivered")},
        ),
        (
            "de",
            "Die Ukraine erhielt Luftabwehrsysteme vom deutschen Rüstungskonzern Rheinmetall.",
            {("DE", "UA", "air_defense", "delivered")},
        ),
        ("es", "La compañía turca Baykar vendió drones a Polonia.", {("TR", "PL", "drones", "agreed")}),
        ("it", "L'azienda turca Baykar ha venduto droni alla Polonia.", {("TR", "PL", "drones", "agreed")}),
        ("pt", "A fabricante turca Baykar vendeu drones à Polónia.", {("TR", "PL", "drones", "agreed")}),
        (
            "ru",
            "Турецкая компания Baykar поставила беспилотники Польше.",
            {("TR", "PL", "drones", "delivered")},
        ),
        (
            "uk",
            "Турецька компанія Baykar передала Україні безпілотники.",
            {("TR", "UA", "drones", "delivered")},
        ),
        ("tr", "Türk şirketi Baykar Polonya'ya İHA sattı.", {("TR", "PL", "drones", "agreed")}),
        ("pl", "Turecka firma Baykar dostarczyła Polsce drony.", {("TR", "PL", "drones", "delivered")}),
        (
            "pl",
            "Południowokoreański koncern Hanwha dostarczył Polsce haubice.",
            {("KR", "PL", "artillery", "delivered")},
        ),
        (
            "nl",
            "Het Duitse concern Rheinmetall levert munitie aan Oekraïne.",
            {("DE", "UA", "ammunition", "agreed")},
        ),
        (
            "ar",
            "سلمت شركة بايكار التركية طائرات مسيرة إلى باكستان.",
            {("TR", "PK", "drones", "delivered")},
        ),
        # ... and as the seller, after the preposition or case of "from"
        (
            "de",
            "Polen kaufte Drohnen vom türkischen Hersteller Baykar.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("es", "Polonia compró drones al fabricante turco Baykar.", {("TR", "PL", "drones", "delivered")}),
        ("es", "Polonia compró drones a la empresa turca Baykar.", {("TR", "PL", "drones", "delivered")}),
        (
            "it",
            "La Polonia ha acquistato droni dall'azienda turca Baykar.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("pt", "A Polónia comprou drones à empresa turca Baykar.", {("TR", "PL", "drones", "delivered")}),
        ("nl", "Polen kocht drones van het Turkse bedrijf Baykar.", {("TR", "PL", "drones", "agreed")}),
        (
            "sv",
            "Polen köpte drönare från det turkiska företaget Baykar.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("cs", "Polsko koupilo drony od turecké společnosti Baykar.", {("TR", "PL", "drones", "delivered")}),
        (
            "ru",
            "Польша закупила беспилотники у турецкой компании Baykar.",
            {("TR", "PL", "drones", "delivered")},
        ),
        (
            "uk",
            "Польща отримала безпілотники від турецької компанії Baykar.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("pl", "Polska kupiła drony od tureckiej firmy Baykar.", {("TR", "PL", "drones", "delivered")}),
        (
            "el",
            "Η τουρκική εταιρεία Baykar παρέδωσε drones στην Πολωνία.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("ro", "Compania turcă Baykar a livrat drone Poloniei.", {("TR", "PL", "drones", "delivered")}),
        (
            "hu",
            "A török Baykar cég drónokat szállított Lengyelországnak.",
            {("TR", "PL", "drones", "delivered")},
        ),
        ("id", "Perusahaan Turki Baykar mengirim drone ke Polandia.", {("TR", "PL", "drones", "delivered")}),
        ("ko", "튀르키예 업체 바이카르가 폴란드에 드론을 공급했다.", {("TR", "PL", "drones", "delivered")}),
        ("zh", "土耳其公司拜卡尔向波兰交付了无人机。", {("TR", "PL", "drones", "delivered")}),
        ("he", 'החברה הטורקית באיקר סיפקה מל"טים לפולין.', {("TR", "PL", "drones", "delivered")}),
        ("fa", "شرکت ترکیه‌ای بایکار پهپاد به لهستان تحویل داد.", {("TR", "PL", "drones", "delivered")}),
        # state companies written in the language's script, inflected
        ("ru", "Ростех поставил Индии вертолеты.", {("RU", "IN", "aircraft", "delivered")}),
        ("ru", "Индия закупила у Рособоронэкспорта танки.", {("RU", "IN", "armored_vehicles", "delivered")}),
        (
            "ru",
            "Российская компания Рособоронэкспорт подписала контракт на поставку танков в Индию.",
            {("RU", "IN", "armored_vehicles", "agreed")},
        ),
        (
            "uk",
            "Укроборонпром передав Іраку бронетранспортери.",
            {("UA", "IQ", "armored_vehicles", "delivered")},
        ),
        (
            "ar",
            "وقعت روسوبورون إكسبورت عقدا لتوريد مقاتلات إلى الجزائر.",
            {("RU", "DZ", "aircraft", "agreed")},
        ),
        (
            "tr",
            "Aselsan, Azerbaycan'a hava savunma sistemi teslim etti.",
            {("TR", "AZ", "air_defense", "delivered")},
        ),
        (
            "pl",
            "Polska Grupa Zbrojeniowa dostarczyła Ukrainie haubice.",
            {("PL", "UA", "artillery", "delivered")},
        ),
        ("es", "Navantia entregó una corbeta a Arabia Saudí.", {("ES", "SA", "naval", "delivered")}),
        ("zh", "中国北方工业公司向尼日利亚交付了坦克。", {("CN", "NG", "armored_vehicles", "delivered")}),
        ("ko", "방위사업청은 미국으로부터 전투기를 도입했다.", {("US", "KR", "aircraft", "delivered")}),
        (
            "ar",
            "سلمت الهيئة العربية للتصنيع مدرعات إلى ليبيا.",
            {("EG", "LY", "armored_vehicles", "delivered")},
        ),
        # a private company with no nationality names no state
        ("tr", "Baykar, Ukrayna'ya İHA teslim etti.", set()),
    ],
)
def test_companies_in_other_languages(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected
