"""Spanish as real news writes it (the multilingual path, enrich/data/lang/es.yaml), from the misses of
bench/data/eval/tune-es5.jsonl: heads of state of Latin America and Spain, capitals in Spanish spellings,
denials in the perfect and the subjunctive, rejected accusations, pro-Russian separatists, vetoes in the
subjunctive and negated approvals, unnamed sources, "brindar", "de factura rusa", verbs of saying, the
names of forces with an adjective, accusations with the personal "a", "pero", interceptors, "hizo
entrega", blocked purchases, agents named by "por parte de", airliners, a maker that only permits the
transfer, a verb of approving after "que", and the other side of a deal reported the sentence before.
Every sentence is invented (other states, weapons and wording than the passages)."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads

DELIVERED, ONGOING, AGREED, ALLEGED, DENIED = "delivered", "ongoing", "agreed", "alleged", "denied"

CASES: list[tuple[str, set[Quad]]] = [
    # a government named by its head of state: "el gobierno de Gustavo Petro", "Evo Morales"
    (
        "El gobierno de Gustavo Petro firmó la compra de doce helicópteros a Francia.",
        {("FR", "CO", "aircraft", AGREED)},
    ),
    (
        "El presidente Javier Milei recibió los primeros aviones de combate procedentes de Noruega.",
        {("NO", "AR", "aircraft", DELIVERED)},
    ),
    (
        "Evo Morales anunció la compra de seis aviones de entrenamiento a China.",
        {("CN", "BO", "aircraft", AGREED)},
    ),
    # the Spanish spelling of a capital: "Nueva Deli"
    (
        "Nueva Deli firmó con Moscú un contrato para la compra de cuatro fragatas.",
        {("RU", "IN", "naval", AGREED)},
    ),
    # a denial in the perfect, with the subjunctive auxiliary of the transfer verb after "que"
    ("Pionyang ha negado que esté suministrando cohetes a Rusia.", {("KP", "RU", "missiles", DENIED)}),
    ("Bielorrusia ha negado que esté enviando tanques a Rusia.", {("BY", "RU", "armored_vehicles", DENIED)}),
    # rejecting the accusations, whatever their noun ("las denuncias"), denies them
    (
        "Teherán y Moscú han rechazado las denuncias de que Irán envía drones a Rusia.",
        {("IR", "RU", "drones", DENIED)},
    ),
    # pro-Russian separatists are a non-state side; "negó haber entregado"
    (
        "Moscú negó haber entregado tanques T-72 a los separatistas prorrusos.",
        {("RU", None, "armored_vehicles", DENIED)},
    ),
    # a veto in the subjunctive blocks the sale it vetoes, not the purchase of the other clause
    (
        "Brasil compró aviones a Suecia después de que Estados Unidos vetara la venta de cazas a Bolivia.",
        {("SE", "BR", "aircraft", DELIVERED)},
    ),
    # a negated approval approves nothing
    ("Estados Unidos no autorizó a Israel la venta de drones a Bolivia.", set()),
    # an unnamed source tells a claim
    (
        "Una fuente próxima a los exportadores reveló que Rusia ya ha entregado a Argelia los primeros cazas "
        "Su-57.",
        {("RU", "DZ", "aircraft", ALLEGED)},
    ),
    (
        "Fuentes oficiales indicaron que Irán ha enviado misiles balísticos a Rusia.",
        {("IR", "RU", "missiles", ALLEGED)},
    ),
    # what a third state's officials say of others is a claim: "indicaron" is a verb of saying
    (
        "Funcionarios estadounidenses indicaron que Irán ha enviado misiles a Rusia.",
        {("IR", "RU", "missiles", ALLEGED)},
    ),
    # "brindar" (to provide)
    ("Estados Unidos brindó fusiles de asalto a Honduras.", {("US", "HN", "small_arms", DELIVERED)}),
    # "de factura rusa": of Russian make, in a purchase
    ("El Ejército de Perú adquirió helicópteros de factura rusa.", {("RU", "PE", "aircraft", DELIVERED)}),
    # an adjective inside the name of a state's forces: "a la Marina Real Saudí", "la Guardia Nacional"
    (
        "Navantia entregó a la Marina Real Saudí la tercera de las corbetas construidas en Cádiz.",
        {("ES", "SA", "naval", DELIVERED)},
    ),
    ("Francia entregó a la Armada Real Marroquí una fragata.", {("FR", "MA", "naval", DELIVERED)}),
    (
        "Estados Unidos donó a la Guardia Nacional Ucraniana vehículos blindados.",
        {("US", "UA", "armored_vehicles", DELIVERED)},
    ),
    # whom the subject accuses (the personal "a") supplies; the accuser is a source
    ("Estados Unidos acusó a Irán de enviar drones a Rusia.", {("IR", "RU", "drones", ALLEGED)}),
    ("Ucrania acusa a Bielorrusia de suministrar municiones a Rusia.", {("BY", "RU", "ammunition", ALLEGED)}),
    # "pero" opens a clause with a subject of its own; right before a transfer verb it keeps the subject
    (
        "Irán ha negado que esté suministrando armas a los hutíes, pero Estados Unidos y Arabia Saudita han "
        "acusado a Teherán de brindar apoyo militar a los rebeldes.",
        {("IR", None, "other", DENIED)},
    ),
    ("Alemania no envió tanques, pero entregó obuses a Ucrania.", {("DE", "UA", "artillery", DELIVERED)}),
    # interceptor missiles are air defence, not missiles too
    ("Japón vendió a Filipinas misiles interceptores.", {("JP", "PH", "air_defense", AGREED)}),
    (
        "Rusia comenzó a suministrar a Irán sistemas de misiles de defensa antiaérea S-300.",
        {("RU", "IR", "air_defense", ONGOING)},
    ),
    # "hizo entrega de": the light verb of handing over
    ("Estados Unidos hizo entrega a Colombia de siete helicópteros.", {("US", "CO", "aircraft", DELIVERED)}),
    # the maker of the weapons of a vetoed or blocked purchase supplies nothing
    (
        "Ecuador compró helicópteros rusos después de que Washington bloqueara la compra de aviones "
        "brasileños.",
        {("RU", "EC", "aircraft", DELIVERED)},
    ),
    # a transfer whose agent "por parte de" names: the subject who speaks of it is no supplier, and a name
    # joined to a place ("entre China y Rusia") is a place too
    (
        "Japón denunció la cooperación militar entre China y Rusia y la venta de drones a Moscú por parte de "
        "Pekín.",
        {("CN", "RU", "drones", ALLEGED)},
    ),
    # the maker of the weapon that only permits its transfer supplies nothing; without the permission it does
    (
        "La ministra anunció el envío de tanques Leopard a Ucrania tras lograr la autorización de Alemania.",
        set(),
    ),
    (
        "La ministra anunció el envío de tanques Leopard a Ucrania.",
        {("DE", "UA", "armored_vehicles", AGREED)},
    ),
    # a verb of approving right after "que", with the transfer word after it, has the subject before
    (
        "El Gobierno de Canadá notificó que ha autorizado una venta de helicópteros a Chile.",
        {("CA", "CL", "aircraft", AGREED)},
    ),
    ("Noruega anunció que ha aprobado la venta de obuses a Lituania.", {("NO", "LT", "artillery", AGREED)}),
    # the other side of a deal the sentence before reported receives again; "el reino de" is the state
    (
        "Rusia y Arabia Saudí acordaron el suministro de sistemas S-400. El acuerdo con el reino de Arabia "
        "Saudí incluye también misiles antitanque Kornet y fusiles AK-103.",
        {
            ("RU", "SA", "air_defense", AGREED),
            ("RU", "SA", "missiles", AGREED),
            ("RU", "SA", "small_arms", AGREED),
        },
    ),
    (
        "Francia vendió aviones de combate a Marruecos. El acuerdo con Marruecos prevé también la entrega de "
        "fragatas.",
        {("FR", "MA", "aircraft", AGREED), ("FR", "MA", "naval", AGREED)},
    ),
    # an airliner is no weapon
    ("Bolivia negó que un avión de pasajeros venezolano llevara armas de Irán.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:60] for text, _ in CASES])
def test_spanish_news_constructions(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "es") == expected
