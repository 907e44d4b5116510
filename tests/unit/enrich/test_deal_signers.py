"""Who signs a deal: the agent of a nominalised signing (« podpisanie przez X umowy », « la firma por
parte de X de un contrato », « подписание X-ом контракта ») signs, as the subject of "X signed" does. A
partner named with "with" is then no recipient by itself: a deal "with Y on deliveries of" states no
direction, in the active and the nominal wording alike; only a purchase, a named destination or the
weapon's maker decides the sides. The same in English and French, whose parser reads the signer of a deal
for a supply noun as that noun's subject or agent. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, multilingual_quads, quads


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "Media donoszą o podpisaniu przez Białoruś umowy z Serbią w sprawie dostaw amunicji."),
        ("pl", "Białoruś podpisała umowę z Serbią w sprawie dostaw amunicji."),
        (
            "es",
            "La prensa informó de la firma por parte de Bolivia de un acuerdo con Argentina sobre el "
            "suministro de blindados.",
        ),
        ("es", "Bolivia firmó un acuerdo con Argentina sobre el suministro de blindados."),
        ("ru", "Агентство сообщило о подписании Казахстаном контракта с Турцией на поставки беспилотников."),
        ("ru", "Казахстан подписал контракт с Турцией на поставки беспилотников."),
    ],
)
def test_signers_deal_with_a_partner_on_deliveries_states_no_direction(lang: str, text: str) -> None:
    assert multilingual_quads(text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # who signs for a purchase buys
        (
            "pl",
            "Ministerstwo ogłosiło podpisanie przez Rumunię umowy z Izraelem na zakup haubic.",
            {("IL", "RO", "artillery", "agreed")},
        ),
        (
            "es",
            "El gobierno anunció la firma por parte de Chile de un contrato con Brasil para la compra de "
            "obuses.",
            {("BR", "CL", "artillery", "agreed")},
        ),
        (
            "ru",
            "Министерство сообщило о подписании Казахстаном контракта с Францией на закупку вертолетов.",
            {("FR", "KZ", "aircraft", "agreed")},
        ),
        # who signs, and is not the named destination, supplies
        (
            "pl",
            "Podpisanie przez Białoruś kontraktu z Serbią na dostawy amunicji do Serbii nastąpiło w "
            "poniedziałek.",
            {("BY", "RS", "ammunition", "agreed")},
        ),
        # of the two sides of the deal, the maker of the weapon sells it
        (
            "es",
            "Se anunció la firma por parte de Suecia de un contrato con Tailandia para el suministro de "
            "cazas Gripen.",
            {("SE", "TH", "aircraft", "agreed")},
        ),
        (
            "es",
            "Suecia firmó un contrato con Tailandia para el suministro de cazas Gripen.",
            {("SE", "TH", "aircraft", "agreed")},
        ),
    ],
)
def test_signers_deal_whose_direction_is_stated(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Chile signed a contract with Peru for the supply of armoured vehicles."),
        (
            "en",
            "Officials confirmed the signing by Kenya of an agreement with Turkey for deliveries of drones.",
        ),
        ("fr", "Le Chili a signé un contrat avec le Pérou pour la livraison de blindés."),
        (
            "fr",
            "Le ministère a confirmé la signature par le Kenya d'un accord avec la Turquie pour la "
            "fourniture de drones.",
        ),
    ],
)
def test_signers_parsed_deal_with_a_partner_on_deliveries_states_no_direction(
    tagger: Tagger, lang: str, text: str
) -> None:
    assert quads(tagger, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Chile signed a contract with Peru for the supply of armoured vehicles to the Peruvian army.",
            {("CL", "PE", "armored_vehicles", "agreed")},
        ),
        (
            "en",
            "Norway signed a deal with Sweden for the delivery of Gripen fighters.",
            {("SE", "NO", "aircraft", "agreed")},
        ),
        (
            "fr",
            "La Norvège a signé un accord avec la Suède pour la livraison de chasseurs Gripen.",
            {("SE", "NO", "aircraft", "agreed")},
        ),
    ],
)
def test_signers_parsed_deal_whose_direction_is_stated(
    tagger: Tagger, lang: str, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected
