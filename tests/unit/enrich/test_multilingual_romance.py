"""Spanish, Portuguese and Italian on the multilingual path: each rule on invented sentences."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "de" right after the weapon or the transfer verb names the source
        ("es", "Grecia firmó la compra de cazas de Francia.", {("FR", "GR", "aircraft", "agreed")}),
        # the state of "el jefe del Ejército de" acts; "por parte de" is the agent
        (
            "es",
            "El jefe del Ejército de Bolivia anunció la compra de helicópteros a Brasil.",
            {("BR", "BO", "aircraft", "agreed")},
        ),
        (
            "es",
            "Los drones fueron entregados a Venezuela por parte del Gobierno de Irán.",
            {("IR", "VE", "drones", "delivered")},
        ),
        # an adjective between the article and the name; an aside between commas
        ("es", "Perú compró fusiles a la vecina Colombia.", {("CO", "PE", "small_arms", "delivered")}),
        (
            "es",
            "Marruecos, que tiene una flota pequeña, compró fragatas a Francia.",
            {("FR", "MA", "naval", "delivered")},
        ),
        # a refusal denies nothing and reports no transfer
        ("es", "Argentina se negó a enviar armas a Ucrania.", set()),
        # a demonym right after the weapon is its maker, even after "defensa aérea"
        ("es", "Turquía compró sistemas de defensa aérea rusos.", {("RU", "TR", "air_defense", "delivered")}),
        ("es", "Venezuela compró material de guerra ruso.", {("RU", "VE", "other", "delivered")}),
        # "EE. UU." ends no sentence
        ("es", "Chile recibió de EE. UU. ocho helicópteros.", {("US", "CL", "aircraft", "delivered")}),
        # the conditional is alleged; "procedentes de" names the origin
        (
            "es",
            "Corea del Norte estaría suministrando misiles a Rusia.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        (
            "es",
            "Llegaron a Argentina aviones procedentes de Dinamarca.",
            {("DK", "AR", "aircraft", "delivered")},
        ),
        # studies and talks are no transfers
        ("es", "Chile estudia comprar submarinos a Alemania.", set()),
        ("es", "Brasil y Suecia mantienen conversaciones sobre la venta de cazas Gripen.", set()),
        # Italian: a model designation after the weapon; a quote attributed by the next sentence
        (
            "it",
            "La Corea del Sud ha consegnato i caccia addestratori KA-77 Falco all'Indonesia.",
            {("KR", "ID", "aircraft", "delivered")},
        ),
        (
            "it",
            "«La Bielorussia ha fornito alla Russia nuovi droni». Lo ha dichiarato il governo ucraino.",
            {("BY", "RU", "drones", "alleged")},
        ),
        # intent and personnel are no transfers
        ("it", "Il Marocco intende acquistare droni dalla Turchia.", set()),
        ("it", "Il Pakistan ha inviato in Arabia Saudita esperti di missili.", set()),
        # "di produzione italiana", "forze armate", "da parte di"
        (
            "it",
            "Dieci elicotteri di produzione italiana sono stati consegnati alle forze armate peruviane.",
            {("IT", "PE", "aircraft", "delivered")},
        ),
        (
            "it",
            "Venti carri armati sono stati ceduti al Marocco da parte degli Stati Uniti.",
            {("US", "MA", "armored_vehicles", "delivered")},
        ),
        ("it", "L'Egitto ha acquistato due fregate dell'Italia.", {("IT", "EG", "naval", "delivered")}),
        # a contract "para vender/comprar" has the verb's subject; "con X" is the other side
        (
            "es",
            "Perú firmó un acuerdo con Corea del Sur para comprar tanques.",
            {("KR", "PE", "armored_vehicles", "agreed")},
        ),
        (
            "pt",
            "A Espanha assinou um acordo com o Chile para vender fragatas.",
            {("ES", "CL", "naval", "agreed")},
        ),
        # the maker of the system is the side of the deal that supplies
        (
            "it",
            "L'India ha firmato con la Russia un accordo per dieci sistemi S-400.",
            {("RU", "IN", "air_defense", "agreed")},
        ),
        # a system named after a generic word says what it is
        (
            "es",
            "Washington aprobó la venta de misiles Patriot a Polonia.",
            {("US", "PL", "air_defense", "agreed")},
        ),
        # "según X" is a claim unless X is a side; the source is no party; ruling out is no transfer
        (
            "es",
            "Argelia recibió submarinos de China, según la prensa local.",
            {("CN", "DZ", "naval", "alleged")},
        ),
        (
            "pt",
            "Angola recebeu da Rússia dois helicópteros, segundo o governo angolano.",
            {("RU", "AO", "aircraft", "delivered")},
        ),
        (
            "it",
            "Secondo la Francia, l'Egitto avrebbe venduto missili alla Libia.",
            {("EG", "LY", "missiles", "alleged")},
        ),
        ("es", "Japón descartó enviar armas a Ucrania.", set()),
        ("pt", "A Argentina rejeitou o pedido do Reino Unido para vender munições ao Chile.", set()),
        # Portuguese: a maker named by its nationality; "devem" is still to come
        (
            "pt",
            "A Argentina anunciou a compra de blindados da empresa italiana Iveco.",
            {("IT", "AR", "armored_vehicles", "agreed")},
        ),
        (
            "pt",
            "Os caças vendidos pela Suécia à Colômbia devem chegar em março.",
            {("SE", "CO", "aircraft", "agreed")},
        ),
        # refusals and studies are no transfers
        ("pt", "O Brasil recusou-se a vender munições à Alemanha.", set()),
        ("pt", "Portugal estuda comprar fragatas da França.", set()),
        # with a purchase "a" names the seller
        ("pt", "O Peru comprou ao Brasil dez aviões.", {("BR", "PE", "aircraft", "delivered")}),
        # "teria" is alleged; "mísseis antiaéreos" air defence; "recebeu da" names the source
        (
            "pt",
            "O Irão teria enviado mísseis antiaéreos para a Venezuela.",
            {("IR", "VE", "air_defense", "alleged")},
        ),
        ("pt", "Angola recebeu da Rússia helicópteros de combate.", {("RU", "AO", "aircraft", "delivered")}),
        # "negou-se a" refuses
        ("pt", "A Turquia negou-se a entregar drones à Ucrânia.", set()),
    ],
)
def test_romance_transfers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected
