"""The multilingual path for Swedish, Czech, German, Dutch and the Slavic languages, on invented sentences."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Swedish: till/åt the recipient, från/av the supplier, genitive -s, the past tense delivered
        (
            "sv",
            "Norge har levererat stridsvagnar till Litauen.",
            {("NO", "LT", "armored_vehicles", "delivered")},
        ),
        ("sv", "Finland köper luftvärnsrobotar av Israel.", {("IL", "FI", "air_defense", "agreed")}),
        # "att" before a transfer verb is the infinitive marker: the subject of "beslutat" sends
        (
            "sv",
            "Danmark har beslutat att skicka artillerigranater till Ukraina.",
            {("DK", "UA", "ammunition", "agreed")},
        ),
        # reportative "ska ha", a company with its nationality, a denial
        (
            "sv",
            "Iran ska ha skickat drönare till Ryssland i hemlighet.",
            {("IR", "RU", "drones", "alleged")},
        ),
        (
            "sv",
            "Det franska försvarsföretaget har sålt två korvetter till Grekland.",
            {("FR", "GR", "naval", "agreed")},
        ),
        (
            "sv",
            "Polen dementerar uppgifterna om leveranser av stridsflygplan till Slovakien.",
            {("PL", "SK", "aircraft", "denied")},
        ),
        # talks, offers and embargoes are no transfers
        ("sv", "Norge erbjöd Estland begagnade stridsvagnar.", set()),
        ("sv", "Danmark stoppar all export av granater till Turkiet.", set()),
        # Czech: the dative or do + genitive is the recipient, z/od + genitive the supplier
        ("cs", "Slovensko předalo Ukrajině stíhačky MiG-29.", {("SK", "UA", "aircraft", "delivered")}),
        (
            "cs",
            "Maďarsko koupilo od Izraele protivzdušné systémy.",
            {("IL", "HU", "air_defense", "delivered")},
        ),
        ("cs", "Polsko pošle do Estonska houfnice.", {("PL", "EE", "artillery", "agreed")}),
        # the instrumental is the agent of a passive; "údajně" is a claim
        ("cs", "Tanky byly dodány Slovinsku Německem.", {("DE", "SI", "armored_vehicles", "delivered")}),
        ("cs", "Írán údajně dodal Rusku bezpilotní letouny.", {("IR", "RU", "drones", "alleged")}),
        # a leader stands for the state, inflected like a name; the conditional is no transfer
        (
            "cs",
            "„Dodáme Arménii obrněná vozidla,“ řekl Macron.",
            {("FR", "AM", "armored_vehicles", "agreed")},
        ),
        ("cs", "Norsko by mohlo prodat Litvě rakety.", set()),
        # German: "keine Panzer" is no part of the transfer beside it; "mögliche" deliveries are none
        (
            "de",
            "Spanien schickt keine Kampfpanzer, will aber Haubitzen an Lettland liefern.",
            {("ES", "LV", "artillery", "agreed")},
        ),
        ("de", "Polen kritisiert mögliche Raketenlieferungen Chinas an Serbien.", set()),
        ("de", "Norwegen hat den Rebellen Haubitzen geliefert.", {("NO", None, "artillery", "delivered")}),
        (
            "de",
            "Italien will Lettland Flugabwehrsysteme zur Verfügung stellen.",
            {("IT", "LV", "air_defense", "agreed")},
        ),
        # the preposition of an invasion is no direction of the transfer
        (
            "ru",
            "Беларусь передала Казахстану танки до вторжения в Армению.",
            {("BY", "KZ", "armored_vehicles", "delivered")},
        ),
        # a subordinate clause without its own subject shares the main clause's
        ("ru", "Египет признал, что закупал у Франции истребители.", {("FR", "EG", "aircraft", "delivered")}),
        # one preposition governs both parties of "from X and Y"
        (
            "uk",
            "Литва отримала гаубиці від Норвегії та Данії.",
            {("NO", "LT", "artillery", "delivered"), ("DK", "LT", "artillery", "delivered")},
        ),
        (
            "uk",
            "До Польщі надійшли перші танки від Південної Кореї.",
            {("KR", "PL", "armored_vehicles", "delivered")},
        ),
        # a state in the genitive after "ministry", "forces" acts through them
        (
            "uk",
            "Міністерство оборони Литви передало Україні гаубиці.",
            {("LT", "UA", "artillery", "delivered")},
        ),
        (
            "ru",
            "Минобороны Казахстана получило от Турции беспилотники.",
            {("TR", "KZ", "drones", "delivered")},
        ),
        # the thanked state is the supplier, the one that thanks the recipient
        (
            "pl",
            "Armia Litwy podziękowała Norwegii i Danii za haubice.",
            {("NO", "LT", "artillery", "delivered"), ("DK", "LT", "artillery", "delivered")},
        ),
        ("de", "Selenskyj dankte Norwegen für die Haubitzen.", {("NO", "UA", "artillery", "delivered")}),
        # an ambiguous dative after the agent of a passive is the recipient
        (
            "pl",
            "Haubice przekazane przez Koreę Południową Łotwie trafiły już do jednostek.",
            {("KR", "LV", "artillery", "delivered")},
        ),
        # a noun has no subject after it: North Korea does not transfer anything here
        ("uk", "Передача Польщі гаубиць відбулася попри атаки КНДР.", set()),
        # a sentence that leaves the weapon out continues the one before
        (
            "pl",
            "Norwegia przekazała Litwie haubice. Kolejne trafią do Litwy od Danii.",
            {("NO", "LT", "artillery", "delivered"), ("DK", "LT", "artillery", "agreed")},
        ),
        # "together with" makes a second subject; "die" between "und" and a name keeps them together
        (
            "nl",
            "België gaat samen met Luxemburg pantservoertuigen aan Litouwen leveren.",
            {("BE", "LT", "armored_vehicles", "agreed"), ("LU", "LT", "armored_vehicles", "agreed")},
        ),
        (
            "de",
            "Dänemark und die Niederlande werden Estland Kampfjets liefern.",
            {("DK", "EE", "aircraft", "agreed"), ("NL", "EE", "aircraft", "agreed")},
        ),
        # the sentence after names a hedged source, or a third state, of the one before
        (
            "uk",
            "Румунія передала Молдові бронетехніку. Про це з посиланням на джерела пише видання.",
            {("RO", "MD", "armored_vehicles", "alleged")},
        ),
        (
            "ru",
            "Белоруссия передала Мали вертолеты. Об этом заявил представитель Франции.",
            {("BY", "ML", "aircraft", "alleged")},
        ),
        # the back-reference holds the verb of saying: the state beside it is the source
        (
            "nl",
            "Griekenland heeft tanks aan Cyprus geleverd. Dat meldt de Turkse minister van Defensie.",
            {("GR", "CY", "armored_vehicles", "alleged")},
        ),
        (
            "nl",
            "Griekenland heeft tanks aan Cyprus geleverd. Dat meldt de Griekse minister van Defensie.",
            {("GR", "CY", "armored_vehicles", "delivered")},
        ),
        # the supplier just named, not the maker of the system, sends it; a maker beside a supplier is none
        (
            "de",
            "Spanien hat die Lieferung von Panzern an Lettland angekündigt. "
            "»Wir werden Leopard 2 an Lettland liefern«, sagte der Minister.",
            {("ES", "LV", "armored_vehicles", "agreed")},
        ),
        (
            "cs",
            "Slovensko poslalo Ukrajině tanky sovětské výroby.",
            {("SK", "UA", "armored_vehicles", "delivered")},
        ),
        # an intention to buy, a readiness to send are no transfers
        ("ru", "Вьетнам собирается приобрести российские истребители.", set()),
        ("sv", "Norge är berett att skicka stridsflygplan till Ukraina.", set()),
        # the tense of the verb that governs the weapon; a sentence that tells no status does not override one
        (
            "ru",
            "Польша отправила документы для поставки танков Литве.",
            {("PL", "LT", "armored_vehicles", "agreed")},
        ),
        (
            "ru",
            "Северная Корея якобы поставила России снаряды. Их доставка в Россию шла по железной дороге.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # the recipient a negated transfer word names is the one of the transfer word that follows it
        (
            "de",
            "Norwegen liefert zwar keine Kampfpanzer nach Estland, will aber jetzt moderne Flugabwehrsysteme "
            "zur Verfügung stellen.",
            {("NO", "EE", "air_defense", "agreed")},
        ),
        # indirect speech is a claim, unless a party to the transfer speaks
        (
            "de",
            "Der estnische Minister sagte, die Haubitzen aus Finnland seien nach Estland geliefert worden.",
            {("FI", "EE", "artillery", "delivered")},
        ),
        (
            "de",
            "Der lettische Minister sagte, die Haubitzen aus Finnland seien nach Estland geliefert worden.",
            {("FI", "EE", "artillery", "alleged")},
        ),
        # a bare form that may be locative is a dative: the locative needs a preposition
        (
            "cs",
            "Litevská vláda schválila předání dvaceti obrněných transportérů a munice Moldavsku.",
            {("LT", "MD", "armored_vehicles", "agreed"), ("LT", "MD", "ammunition", "agreed")},
        ),
        # "was supposed to" speaks of a transfer that did not happen
        ("ru", "Болгария должна была отправить Грузии танки.", set()),
        # Dutch separable verbs by their finite part; a self-propelled howitzer is artillery
        (
            "nl",
            "België draagt twee mijnenjagers over aan Letland.",
            {("BE", "LV", "naval", "agreed")},
        ),
        (
            "nl",
            "Noorwegen heeft pantserhouwitsers aan Litouwen gegeven.",
            {("NO", "LT", "artillery", "delivered")},
        ),
        # a tanker is no tank; "offenbar" hedges
        ("nl", "Nederland heeft twee olietankers aan Polen verkocht.", set()),
        ("de", "Serbien hat offenbar chinesische Drohnen erhalten.", {("CN", "RS", "drones", "alleged")}),
        # Polish: a training that goes on is no ongoing delivery
        (
            "pl",
            "Norwegia zadeklarowała przekazanie Litwie haubic, trwa szkolenie żołnierzy.",
            {("NO", "LT", "artillery", "agreed")},
        ),
    ],
)
def test_northeast_transfers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("cs", "Delegace z Německa, Ukrajiny a Spojených států jednala v Praze.", {"DE", "UA", "US", "CZ"}),
        ("cs", "Ministr mluvil se Spojenými arabskými emiráty a s Francií.", {"AE", "FR"}),
        ("sv", "Sveriges och Finlands regeringar möttes i Helsingfors.", {"SE", "FI"}),
    ],
)
def test_northeast_states(lang: str, text: str, codes: set[str]) -> None:
    assert {state.code for state in multilingual.tag(text, lang).states} == codes
