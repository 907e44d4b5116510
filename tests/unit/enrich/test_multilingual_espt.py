"""Spanish and Portuguese on the multilingual path (the rules written from
bench/data/eval/tune-espt.jsonl): each rule on invented sentences."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "según X," names the source up to its comma: the state after the comma is a party
        (
            "es",
            "Según el Pentágono, Corea del Norte entregó misiles a Rusia.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        (
            "es",
            "Según fuentes locales, Bielorrusia envió tanques a Rusia.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        (
            "es",
            "Según Rusia, Bielorrusia envió tanques a Rusia.",
            {("BY", "RU", "armored_vehicles", "delivered")},
        ),
        # the genitive of a supply noun names the giver, its armed forces too
        (
            "es",
            "Chile recibió una donación de Estados Unidos de 20 blindados.",
            {("US", "CL", "armored_vehicles", "delivered")},
        ),
        (
            "es",
            "Las Fuerzas Armadas chilenas recibieron una donación del ejército de EE.UU. de 20 tanques.",
            {("US", "CL", "armored_vehicles", "delivered")},
        ),
        (
            "pt",
            "O Exército angolano recebeu uma doação da Marinha de Portugal de dois navios patrulha.",
            {("PT", "AO", "naval", "delivered")},
        ),
        (
            "es",
            "La entrega de Alemania de tanques a Ucrania se retrasó.",
            {("DE", "UA", "armored_vehicles", "agreed")},
        ),
        # not the armed forces that hold a weapon
        ("es", "Los aviones de la Fuerza Aérea de Chile llegaron a Perú para un ejercicio.", set()),
        # after a verb of saying, "que" and its auxiliaries or clitics open no clause: the verb has the
        # subject before
        (
            "es",
            "Alemania anunció que va a enviar tanques a Ucrania.",
            {("DE", "UA", "armored_vehicles", "agreed")},
        ),
        (
            "es",
            "Polonia anunció el 3 de mayo que entregaría obuses a Ucrania.",
            {("PL", "UA", "artillery", "agreed")},
        ),
        (
            "es",
            "Francia confirmó que le venderá fragatas a Grecia.",
            {("FR", "GR", "naval", "agreed")},
        ),
        # ... but a relative "que" has its own subject after the verb
        ("es", "Chile compró los tanques que vendió Alemania.", {("DE", "CL", "armored_vehicles", "agreed")}),
        # the conditional after a verb of saying is the future of the past, not a claim
        (
            "es",
            "Italia dijo que enviaría misiles antiaéreos a Ucrania.",
            {("IT", "UA", "air_defense", "agreed")},
        ),
        # ... while "habría" still hedges, and so does "se dice que"
        ("es", "Irán habría entregado drones a Rusia.", {("IR", "RU", "drones", "alleged")}),
        ("es", "Se dice que Irán entregó drones a Rusia.", {("IR", "RU", "drones", "alleged")}),
        # a decided sale is agreed
        (
            "es",
            "Noruega ha decidido vender doce cazas a Rumania.",
            {("NO", "RO", "aircraft", "agreed")},
        ),
        # rescinded and annulled purchases are none
        ("es", "El Gobierno de Colombia decidió rescindir la compra de fusiles a Israel.", set()),
        ("es", "Perú anuló la compra de helicópteros a Rusia.", set()),
        ("es", "La rescisión del contrato de venta de tanques de España a Marruecos fue anunciada.", set()),
        # what a cancelled deal was for is cancelled with it ...
        (
            "es",
            "Perú anunció la cancelación de un contrato de 200 millones con la empresa israelí Elbit para el "
            "suministro de drones.",
            set(),
        ),
        ("pt", "O Brasil cancelou o contrato com Israel para o fornecimento de mísseis.", set()),
        # ... not a deal a hedge only puts at risk
        (
            "es",
            "Francia vendió bombas a Egipto, lo que podría haber puesto en riesgo el contrato para la "
            "venta de corbetas.",
            {("FR", "EG", "ammunition", "agreed"), ("FR", "EG", "naval", "agreed")},
        ),
        # yielding to pressure is no giving
        (
            "es",
            "El Gobierno chileno, cediendo a las presiones de Perú, compró tanques a Alemania.",
            {("DE", "CL", "armored_vehicles", "delivered")},
        ),
        ("es", "España cedió a Ucrania seis lanzadores de misiles.", {("ES", "UA", "missiles", "delivered")}),
        # plural past of receiving tells a delivery
        (
            "es",
            "Las Fuerzas Armadas ecuatorianas recibieron de Brasil diez blindados.",
            {("BR", "EC", "armored_vehicles", "delivered")},
        ),
        (
            "pt",
            "As forças moçambicanas receberam da Rússia dez blindados.",
            {("RU", "MZ", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_espt_rules(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected
