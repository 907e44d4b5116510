"""Quantities and values of transfers, read from invented sentences in many languages."""

from __future__ import annotations

import pytest

from armswatch.schema import Money, Quantity, TransferMention
from enrich.quantities import language, measure, parse_digits, with_amounts


@pytest.mark.parametrize(
    ("lang", "sentence", "weapons", "quantity", "approximate"),
    [
        ("en", "Russia will deliver 12 Su-35 fighter jets to Iran.", ["Su-35 fighter jets"], 12, False),
        ("en", "Spain pledged twelve armoured vehicles to Kyiv.", ["armoured vehicles"], 12, False),
        ("en", "The shipment includes one hundred and twenty drones.", ["drones"], 120, False),
        (
            "en",
            "Pyongyang sent millions of artillery shells to Moscow.",
            ["artillery shells"],
            1_000_000,
            True,
        ),
        ("en", "Britain will send about 70 Challenger tanks.", ["Challenger tanks"], 70, True),
        ("en", "Pyongyang shipped more than a million shells.", ["shells"], 1_000_000, True),
        ("en", "Cairo ordered a dozen Rafale jets.", ["Rafale jets"], 12, True),
        ("en", "Kyiv received dozens of howitzers from Paris.", ["howitzers"], 12, True),
        ("en", "Seoul shipped hundreds of thousands of rounds.", ["rounds"], 100_000, True),
        ("en", "The US sent more than 1,500 Stinger missiles.", ["Stinger missiles"], 1500, True),
        ("en", "Poland delivered the last 5 of its 24 jets.", ["jets"], 5, False),
        ("en", "Berlin will send 18 Leopard 2 tanks.", ["tanks"], 18, False),
        ("en", "Washington sent 31 M1 Abrams tanks.", ["M1 Abrams tanks"], 31, False),
        ("fr", "La France livrera une vingtaine de canons Caesar.", ["canons Caesar"], 20, True),
        ("fr", "Paris a livré des centaines de missiles à Kiev.", ["missiles"], 100, True),
        ("fr", "Le contrat porte sur 26 Rafale Marine.", ["Rafale Marine"], 26, False),
        ("fr", "Alger achète quatorze (14) avions de type Su-57.", ["Su-57"], 14, False),
        ("de", "Berlin liefert 18 Kampfpanzer vom Typ Leopard.", ["Leopard"], 18, False),
        ("ar", "اشترت مصر 24 طائرة من طراز رافال.", ["رافال"], 24, False),
        ("en", "Warsaw ordered 32 U.S. F-35 jets.", ["F-35 jets"], 32, False),
        ("fr", "Moscou a reçu 5 000 drones iraniens.", ["drones"], 5000, False),
        ("fr", "Le pays a commandé deux cents obus.", ["obus"], 200, False),
        ("de", "Deutschland liefert rund 3.500 Panzerfäuste.", ["Panzerfäuste"], 3500, True),
        ("de", "Die USA liefern 1,5 Millionen Schuss Munition.", ["Munition"], 1_500_000, False),
        ("de", "Berlin schickt zwölf Haubitzen nach Kiew.", ["Haubitzen"], 12, False),
        ("es", "España enviará doce carros de combate a Ucrania.", ["carros de combate"], 12, False),
        ("es", "Egipto compró más de 24 cazas Rafale.", ["cazas Rafale"], 24, True),
        ("it", "L'Italia ha ceduto centinaia di missili.", ["missili"], 100, True),
        ("pt", "O Brasil vendeu 36 caças Gripen.", ["caças Gripen"], 36, False),
        ("nl", "Nederland levert twaalf pantserhouwitsers.", ["pantserhouwitsers"], 12, False),
        ("ru", "Россия поставила Ирану 24 истребителя Су-35.", ["истребителя Су-35"], 24, False),
        ("ru", "КНДР передала России около 1,5 млн снарядов.", ["снарядов"], 1_500_000, True),
        ("uk", "Польща передала Україні понад 200 танків Т-72.", ["танків Т-72"], 200, True),
        ("ar", "سلمت روسيا إيران ٢٤ طائرة مسيرة.", ["طائرة مسيرة"], 24, False),
        ("ar", "أرسلت كوريا الشمالية حوالي 300 صاروخ إلى روسيا.", ["صاروخ"], 300, True),
        ("tr", "Ankara, Kiev'e 100'den fazla Bayraktar TB2 teslim etti.", ["Bayraktar TB2"], 100, True),
        ("pl", "Polska przekazała Ukrainie 14 czołgów Leopard.", ["czołgów Leopard"], 14, False),
    ],
)
def test_quantities_count_the_weapon(
    lang: str, sentence: str, weapons: list[str], quantity: int, approximate: bool
) -> None:
    assert measure(sentence, weapons, lang)[0] == Quantity(value=quantity, approximate=approximate)


@pytest.mark.parametrize(
    ("lang", "sentence", "weapons"),
    [
        ("en", "The US sold two batches of 155mm shells to Kyiv.", ["155mm shells"]),  # batches, calibre
        ("en", "Ankara offered two types of drones to Baku.", ["drones"]),  # kinds, not drones
        ("en", "In 2019 Turkey bought S-400 systems from Russia.", ["S-400 systems"]),  # year, model
        ("en", "Russia sent T-90 tanks to the front.", ["T-90 tanks"]),
        ("en", "Iran supplied Su-35 jets on 12 March to Russia.", ["Su-35 jets"]),  # date
        ("en", "The 30-year-old F-16s were delivered to Romania.", ["F-16s"]),
        ("en", "Moscow sent 300 troops and tanks to Minsk.", ["tanks"]),  # people, across "and"
        ("en", "Kyiv got 20 % more drones than last year.", ["drones"]),  # a share
        ("fr", "Paris a livré en 10 ans des Rafale à l'Inde.", ["Rafale"]),  # a duration
        ("de", "Die Bundeswehr gibt 2023 Haubitzen ab.", ["Bundeswehr Haubitzen"]),
        ("ru", "Россия поставила 5 партий снарядов.", ["снарядов"]),  # batches
    ],
)
def test_quantities_ignore_names_measures_dates_and_batches(
    lang: str, sentence: str, weapons: list[str]
) -> None:
    assert measure(sentence, weapons, lang)[0] is None


@pytest.mark.parametrize(
    ("lang", "sentence", "weapons", "amount", "currency"),
    [
        ("en", "Seoul sold tanks to Warsaw under a $2.5 billion deal.", ["tanks"], 2.5e9, "USD"),
        ("en", "Ankara bought S-400 systems for €500m.", ["S-400 systems"], 5e8, "EUR"),
        ("en", "Beijing sold Tehran $1-billion worth of weapons.", ["weapons"], 1e9, "USD"),
        ("en", "India signed a Rs 5,000 crore deal for missiles.", ["missiles"], 5e10, "INR"),
        ("en", "Canberra paid A$ 3bn for submarines.", ["submarines"], 3e9, "AUD"),
        ("en", "Britain sold jets worth £1.2 billion.", ["jets"], 1.2e9, "GBP"),
        ("en", "Cairo paid ten million dollars for drones.", ["drones"], 1e7, "USD"),
        ("fr", "La France vend des canons pour 1,2 milliard d'euros.", ["canons"], 1.2e9, "EUR"),
        ("fr", "Un contrat de 50 000 euros pour des fusils.", ["fusils"], 5e4, "EUR"),
        ("de", "Berlin liefert Panzer für 2,5 Milliarden Euro.", ["Panzer"], 2.5e9, "EUR"),
        ("es", "Egipto compró cazas por 3.950 millones de euros.", ["cazas"], 3.95e9, "EUR"),
        ("it", "Roma ha venduto fregate per 2 miliardi di euro.", ["fregate"], 2e9, "EUR"),
        ("ru", "Россия продала истребители на сумму 2 млрд долларов.", ["истребители"], 2e9, "USD"),
        ("ar", "وقعت مصر صفقة طائرات بقيمة 4 مليارات يورو.", ["طائرات"], 4e9, "EUR"),
        ("ar", "اشترت قطر طائرات بقيمة مليار دولار.", ["طائرات"], 1e9, "USD"),
        ("pl", "Polska kupiła czołgi za 4,75 mld dolarów.", ["czołgi"], 4.75e9, "USD"),
        ("tr", "Türkiye 1,4 milyar dolar değerinde F-16 aldı.", ["F-16"], 1.4e9, "USD"),
    ],
)
def test_values_read_amount_and_currency(
    lang: str, sentence: str, weapons: list[str], amount: float, currency: str
) -> None:
    quantity, value = measure(sentence, weapons, lang)
    assert value is not None
    assert (value.amount, value.currency) == (pytest.approx(amount), currency)
    assert quantity is None  # the amount is never the count


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "1,200", 1200),
        ("en", "1.2", 1.2),
        ("en", "1,200,000", 1_200_000),
        ("fr", "1,2", 1.2),
        ("fr", "1 200", 1200),
        ("fr", "1.200", 1200),
        ("de", "1.200", 1200),
        ("de", "1,5", 1.5),
        ("de", "1.5", 1.5),  # English style in German text: not a group of three
        ("ru", "1\u00a0500", 1500),
        ("ar", "٢٤", 24),
        ("ar", "١٫٥", 1.5),
        ("fa", "۱۲", 12),
        ("en", "1.2.3", None),
        ("en", "12,34,567", None),
    ],
)
def test_digits_follow_the_language_separators(lang: str, text: str, value: float | None) -> None:
    assert parse_digits(text, language(lang)) == value


def test_unknown_languages_still_read_digits_and_symbols() -> None:
    assert measure("X sold 40 tanks to Y for $3,000,000 (USD 3m).", ["tanks"], "zz") == (
        Quantity(value=40),
        Money(amount=3e6, currency="USD"),
    )


def test_with_amounts_fills_the_mention_from_its_sentence() -> None:
    mention = TransferMention(
        supplier="KP",
        recipient="RU",
        weapon="artillery shells; rockets",
        category="ammunition",
        status="ongoing",
        confidence=0.9,
        sentence="Pyongyang has sent about 2 million artillery shells to Moscow.",
        start=0,
        end=62,
    )
    measured = with_amounts(mention, "en")
    assert measured.quantity == Quantity(value=2_000_000, approximate=True)
    assert measured.model_copy(update={"quantity": None}) == mention
