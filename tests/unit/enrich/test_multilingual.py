"""The multilingual path: rules over tokens, case and per-language data, on invented sentences."""

from __future__ import annotations

import pytest

from enrich import multilingual
from enrich.tagger import Tagger
from tests.tagged import Quad, quads


def found(text: str, lang: str) -> set[Quad]:
    return {(t.supplier, t.recipient, t.category, t.status) for t in multilingual.tag(text, lang).transfers}


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
    ],
)
def test_multilingual_transfers(lang: str, text: str, expected: set[Quad]) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        # CLDR names inflected by the language's rules, capitals from CLDR's exemplar cities
        ("ru", "Переговоры в Казахстане и визит в Анкару.", {"KZ", "TR"}),
        ("uk", "Делегація Литви прибула до Варшави.", {"LT", "PL"}),
        ("de", "Die Regierung Portugals und Kanadas.", {"PT", "CA"}),
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
