"""The multilingual path: rules over tokens, case and per-language data, on invented sentences."""

from __future__ import annotations

import pytest

from enrich import multilingual
from enrich.tagger import Tagger
from tests.tagged import Quad, multilingual_quads, quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Russian: the dative is the recipient, "у"/"из" + genitive the supplier, the past tense delivered
        ("ru", "Россия поставила Ирану беспилотники.", {("RU", "IR", "drones", "delivered")}),
        ("ru", "Беларусь купила у России ракетные комплексы.", {("RU", "BY", "missiles", "delivered")}),
        (
            "ru",
            "Китай отправил в Сербию зенитно-ракетные комплексы.",
            {("CN", "RS", "air_defense", "delivered")},
        ),
        ("ru", "Франция будет поставлять танки в Индию.", {("FR", "IN", "armored_vehicles", "agreed")}),
        # a genitive/dative form is a recipient only right after a supply verb
        ("ru", "КНДР передала России артиллерийские снаряды.", {("KP", "RU", "ammunition", "delivered")}),
        # hedged or third-party claims are alleged; a denial wins
        ("ru", "По данным разведки, Иран поставил Венесуэле дроны.", {("IR", "VE", "drones", "alleged")}),
        ("ru", "Минск опроверг поставки танков в Сирию.", {("BY", "SY", "armored_vehicles", "denied")}),
        # the subject of "believe that" reports, it is not a party
        (
            "ru",
            "США считают, что Иран передал Судану беспилотники.",
            {("IR", "SD", "drones", "alleged")},
        ),
        # "в" + locative is a place; a negated future delivery is no transfer
        ("ru", "Польша не будет передавать Украине истребители.", set()),
        ("ru", "На параде в Москве показали новые танки.", set()),
        # Ukrainian
        ("uk", "Німеччина передала Україні гаубиці.", {("DE", "UA", "artillery", "delivered")}),
        ("uk", "Румунія отримала від Франції нові гелікоптери.", {("FR", "RO", "aircraft", "delivered")}),
        ("uk", "Туреччина продасть Польщі безпілотники.", {("TR", "PL", "drones", "agreed")}),
        # German: an/nach vs aus/von, the maker beside the weapon, reportative "soll ... haben"
        (
            "de",
            "Schweden hat Finnland moderne Kampfflugzeuge geliefert.",
            {("SE", "FI", "aircraft", "delivered")},
        ),
        ("de", "Ungarn kauft Schützenpanzer aus Deutschland.", {("DE", "HU", "armored_vehicles", "agreed")}),
        (
            "de",
            "Griechenland hat die ersten französischen Fregatten erhalten.",
            {("FR", "GR", "naval", "delivered")},
        ),
        (
            "de",
            "Iran soll Drohnen an Venezuela geliefert haben.",
            {("IR", "VE", "drones", "alleged")},
        ),
        # halted exports and "keine Panzer" are no transfers; a genitive attribute is no party
        ("de", "Die Regierung hat alle Waffenlieferungen an Katar gestoppt.", set()),
        ("de", "Österreich liefert keine Panzer an Serbien.", set()),
        ("de", "Nach Angaben der Slowakei wurden Haubitzen an Estland verkauft.", set()),
        # Spanish: "a" names the recipient of a sale and the seller of a purchase; "habría" is alleged
        ("es", "Chile vendió a Ecuador seis fragatas usadas.", {("CL", "EC", "naval", "agreed")}),
        ("es", "Perú compró tanques a Corea del Sur.", {("KR", "PE", "armored_vehicles", "delivered")}),
        ("es", "Venezuela habría recibido drones de fabricación iraní.", {("IR", "VE", "drones", "alleged")}),
        (
            "es",
            "Uruguay entregará helicópteros a la Fuerza Aérea de Bolivia.",
            {("UY", "BO", "aircraft", "agreed")},
        ),
        # Arabic: the verb first, لـ on the recipient, من before the supplier; "sold" tells no delivery
        ("ar", "باعت فرنسا لقطر طائرات رافال.", {("FR", "QA", "aircraft", "agreed")}),
        ("ar", "تسلمت الجزائر غواصات من روسيا.", {("RU", "DZ", "naval", "delivered")}),
        # a state's denial is a denied transfer
        ("ar", "نفت مصر أنها اشترت صواريخ من كوريا الشمالية.", {("KP", "EG", "missiles", "denied")}),
        # Italian, Portuguese
        (
            "it",
            "La Germania ha consegnato alla Polonia nuovi carri armati.",
            {("DE", "PL", "armored_vehicles", "delivered")},
        ),
        ("pt", "Portugal vai vender ao Brasil dois navios patrulha.", {("PT", "BR", "naval", "agreed")}),
        # "a" after the weapon is "to", not the article
        (
            "pt",
            "Soube-se que a Espanha forneceu munições a Marrocos.",
            {("ES", "MA", "ammunition", "delivered")},
        ),
        # Polish: dative recipient, "od" + genitive supplier, "przez" the agent of a passive
        ("pl", "Litwa otrzymała od Niemiec haubice.", {("DE", "LT", "artillery", "delivered")}),
        (
            "pl",
            "Czołgi zostały przekazane Słowacji przez Czechy.",
            {("CZ", "SK", "armored_vehicles", "delivered")},
        ),
        # Dutch
        ("nl", "België heeft munitie aan Oekraïne geleverd.", {("BE", "UA", "ammunition", "delivered")}),
        # Turkish: case suffixes after the apostrophe
        (
            "tr",
            "Azerbaycan, İsrail'den insansız hava araçları satın aldı.",
            {("IL", "AZ", "drones", "delivered")},
        ),
        # Persian: به before the recipient
        ("fa", "روسیه جنگنده به ایران تحویل داد.", {("RU", "IR", "aircraft", "delivered")}),
    ],
)
def test_multilingual_transfers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        # CLDR names inflected by the language's rules, capitals from CLDR's exemplar cities
        ("ru", "Переговоры в Казахстане и визит в Анкару.", {"KZ", "TR"}),
        ("uk", "Делегація Литви прибула до Варшави.", {"LT", "PL"}),
        ("de", "Die Regierung Portugals und Kanadas.", {"PT", "CA"}),
        # a language without a data file still gets CLDR's names (and no transfers)
        ("sv", "Sverige skickar stridsvagnar till Ukraina.", {"SE", "UA"}),
    ],
)
def test_multilingual_states(lang: str, text: str, codes: set[str]) -> None:
    assert {state.code for state in multilingual.tag(text, lang).states} == codes


def test_multilingual_languages_are_routed_by_the_tagger(tagger: Tagger) -> None:
    text = "Россия поставила Ирану беспилотники и зенитные ракетные комплексы прошлой осенью."
    result = tagger.tag(text)
    assert result.lang == "ru"
    assert quads(tagger, text) == {
        ("RU", "IR", "drones", "delivered"),
        ("RU", "IR", "air_defense", "delivered"),
    }
    assert "поставить" in result.lemmas.split()
