"""How the multilingual path relates parties to transfer words and weapons, on invented sentences."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # model designations, numbers and a list of models do not part a weapon from its recipient
        (
            "es",
            "Estados Unidos donó seis helicópteros Bell UH-1H y dos MD500E a la Fuerza Aérea Hondureña.",
            {("US", "HN", "aircraft", "delivered")},
        ),
        # the place where weapons arrive receives them; a place elsewhere is none
        (
            "de",
            "In der Ukraine sind neue Panzer aus Polen eingetroffen.",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
        ("de", "In Polen haben Soldaten neue Panzer aus Deutschland geprüft.", set()),
        # a preposition opening the sentence makes "der" no genitive article
        (
            "de",
            "In der Ukraine hat Frankreich Panzer an Moldau geliefert.",
            {("FR", "MD", "armored_vehicles", "delivered")},
        ),
        # the subject of a deal for a supply is the supplier; an air force abbreviation acts for its state
        (
            "ru",
            "Индия подписала контракт на поставку в Армению гаубиц.",
            {("IN", "AM", "artillery", "agreed")},
        ),
        (
            "ru",
            "Китай подписал контракт на поставку для ВВС Египта беспилотников.",
            {("CN", "EG", "drones", "agreed")},
        ),
        # "encargó" orders ("Encargada de Negocios", a chargé d'affaires, does not); an order is a deal
        ("es", "Filipinas encargó fragatas a Corea del Sur.", {("KR", "PH", "naval", "agreed")}),
    ],
)
def test_parties_reach(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a transfer of no weapon yet sets the scene: the next sentence's weapon goes the same way
        (
            "pt",
            "Portugal vai enviar ajuda para a Ucrânia. A ministra disse que irá enviar carros blindados.",
            {("PT", "UA", "armored_vehicles", "agreed")},
        ),
        (
            "es",
            "España enviará más ayuda a Ucrania. El ministro anunció que enviará obuses.",
            {("ES", "UA", "artillery", "agreed")},
        ),
        (
            "de",
            "Schweden hat weitere Hilfe an die Ukraine geliefert. Schweden liefert auch Panzer.",
            {("SE", "UA", "armored_vehicles", "agreed")},
        ),
        # ... but lends its recipient to no other supplier, and is never reported itself
        ("pt", "A Alemanha prometeu ajuda à Ucrânia. A Rússia enviou tanques.", set()),
        ("es", "España enviará más ayuda a Ucrania.", set()),
    ],
)
def test_scene_without_weapon(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # who pays for a transfer is no party to it
        (
            "it",
            "L'Egitto riceverà fregate dalla Francia, pagate da sauditi ed Emirati Arabi Uniti.",
            {("FR", "EG", "naval", "agreed")},
        ),
        (
            "es",
            "Líbano recibió blindados de Francia, pagados por Arabia Saudí.",
            {("FR", "LB", "armored_vehicles", "delivered")},
        ),
        (
            "de",
            "Der Libanon erhielt Panzer aus Frankreich, finanziert von Saudi-Arabien.",
            {("FR", "LB", "armored_vehicles", "delivered")},
        ),
        # revoked exports, talks, considering and blocking are no transfers
        ("it", "Il governo italiano ha revocato l'esportazione di bombe verso il Qatar.", set()),
        ("nl", "Nederland praat met Duitsland over leveringen van tanks aan Oekraïne.", set()),
        ("uk", "Румунія розглядає можливість передати Україні літаки.", set()),
        ("pt", "O governo americano decidiu travar a venda de mísseis ao Brasil.", set()),
        # "the Russian occupiers" are Russia's forces
        ("uk", "Білорусь передала російським окупантам дрони.", {("BY", "RU", "drones", "delivered")}),
        # a bare name after the noun of its forces or leader is its genitive: that state acts
        (
            "uk",
            "Президент Польщі анонсував передачу Україні чотирьох МіГ-29.",
            {("PL", "UA", "aircraft", "agreed")},
        ),
        # a country a company is based in is no party
        (
            "tr",
            "İngiltere merkezli bir kuruluşa göre Türkiye Ukrayna'ya insansız hava aracı sattı.",
            {("TR", "UA", "drones", "agreed")},
        ),
    ],
)
def test_payers_and_blockers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "from allies" names a supplier that is no state: the maker of the weapon is then none
        ("nl", "Oekraïne kreeg van bondgenoten gevechtsvliegtuigen van Russische makelij.", set()),
        ("pt", "A Ucrânia recebeu tanques Leopard fornecidos pelos aliados.", set()),
        ("de", "Die Ukraine erhielt von Verbündeten Leopard-Panzer.", set()),
        # a demonym before a noun of making names the maker, which the named supplier outranks
        (
            "nl",
            "Polen leverde tanks van Russische makelij aan Oekraïne.",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_unnamed_suppliers_and_makers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


def test_a_state_between_separates_a_weapon_from_a_party() -> None:
    data = multilingual.language_data("es")
    sentence = multilingual.sentences("aviones MD500E y F-16 a la Fuerza Aérea de Perú", data.lexicon)[0]
    weapon, party = (0, 1), (7, 12)  # "aviones" and "la Fuerza Aérea de Perú" (after its "a")
    assert multilingual._near(sentence, data, party, weapon, 0)
    assert not multilingual._near(sentence, data, party, weapon, 0, frozenset({2}))
