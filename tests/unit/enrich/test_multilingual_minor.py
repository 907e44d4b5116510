"""The multilingual path for Turkish, Persian, Dutch, Italian and Polish constructions written from
tune-minor.jsonl's errors, on invented sentences: the subject of a verb-final clause and the verb that
closes it, the Turkish relative clause of buying and the forms of "al-", the tense a Persian light verb
carries, the names the Iranian press gives Israel and North Korea, deals that only may come, idioms that
are no transfer word, Polish claims, and trying, halts and pressure that are no transfer."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the subject of a verb-final clause is that of the verb that closes it, not of the participle or the
        # transfer noun between them: Egypt took delivery, under a deal signed with Germany
        (
            "tr",
            "Mısır, Almanya ile imzalanan sözleşmenin ilk teslimatları kapsamında"
            " iki denizaltıyı teslim aldı.",
            {("DE", "EG", "naval", "delivered")},
        ),
        # a relative clause of buying before the weapon it qualifies: "the tanks Qatar bought from Germany"
        (
            "tr",
            "Katar'ın Almanya'dan satın aldığı tanklar geçit töreninde görüldü.",
            {("DE", "QA", "armored_vehicles", "delivered")},
        ),
        # ... not one of sending: a state's own ships sent somewhere
        ("tr", "ABD'nin Akdeniz'e gönderdiği savaş gemisi limana ulaştı.", set()),
        # the verbal noun of "al-" (buying): "Azerbaijan's buying drones from Israel"
        (
            "tr",
            "Azerbaycan'ın İsrail'den insansız hava araçları alması Ermenistan'ı rahatsız ediyor.",
            {("IL", "AZ", "drones", "agreed")},
        ),
        # a state company acts for its state; delivered with more to come is under way
        (
            "tr",
            "ASFAT, Katar'a iki korveti teslim etti. Teslimatlara önümüzdeki ay devam edilecek.",
            {("TR", "QA", "naval", "ongoing")},
        ),
        # the Persian present ("می‌فروشد") and the subjunctive of a light verb tell a sale still to come
        ("fa", "فرانسه ۲۴ فروند جنگنده رافال به قطر میفروشد.", {("FR", "QA", "aircraft", "agreed")}),
        ("fa", "روسیه قرار است سامانه پدافند به بلاروس تحویل دهد.", {("RU", "BY", "air_defense", "agreed")}),
        # ... the past habitual and the perfect a delivery
        ("fa", "چین پهپاد به پاکستان تحویل داده است.", {("CN", "PK", "drones", "delivered")}),
        # "رژیم صهیونیستی" is Israel; "پیونگ یانگ" North Korea; "sold", no delivery said: agreed
        ("fa", "آمریکا بمب به رژیم صهیونیستی فروخت.", {("US", "IL", "ammunition", "agreed")}),
        ("fa", "پیونگ یانگ گلوله توپ در اختیار روسیه قرار داد.", {("KP", "RU", "ammunition", "delivered")}),
        # a deal that only may come is none yet
        ("fa", "امضای قرارداد فروش جنگنده به ایران ممکن است.", set()),
        # ... however far the word that says so stands at the end of the clause
        ("fa", "امضای قرارداد برای تحویل جنگنده سوخو به الجزایر در ماه آینده ممکن است.", set()),
        (
            "fa",
            "روسیه قرارداد تحویل جنگنده سوخو به الجزایر را در ماه آینده امضا کرد.",
            {("RU", "DZ", "aircraft", "agreed")},
        ),
        # an idiom is no transfer word: Turkish "yer aldı" (took part), not "aldı" (bought)
        ("tr", "Yunanistan, Fransa'dan gelen Rafale uçakları ile törende yer aldı.", set()),
        (
            "tr",
            "Yunanistan, Fransa'dan gelen Rafale uçakları ile törende aldı.",
            {("FR", "GR", "aircraft", "delivered")},
        ),
        # ... Polish "przekazał, że" (said that), while the transfer it tells stands
        (
            "pl",
            "Rzecznik przekazał, że Niemcy wysłały Ukrainie czołgi.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        # Polish claims: unconfirmed information, reports
        (
            "pl",
            "Nie mamy potwierdzonych informacji, że Chiny dostarczyły Rosji drony.",
            {("CN", "RU", "drones", "alleged")},
        ),
        (
            "pl",
            "Pojawiły się doniesienia, że Białoruś przekazała Rosji czołgi.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        # heading for a country is arriving there, under way
        ("pl", "Irańskie drony zmierzają do Rosji.", {("IR", "RU", "drones", "ongoing")}),
        # trying to buy is no purchase; a halt and pressure to deliver are no transfer
        ("it", "La Spagna sta cercando di acquistare carri armati dalla Germania.", set()),
        ("it", "La Francia ha fermato le esportazioni di armi verso l'Egitto.", set()),
        ("nl", "De druk op Parijs neemt toe om gevechtsvliegtuigen aan Oekraïne te leveren.", set()),
        # "تجهیزات" is equipment, not equipping: the subject of "buying" receives it
        (
            "fa",
            "ارمنستان قصد خرید این تجهیزات از هند را دارد و خرید تفنگ از هند انجام داد.",
            {("IN", "AM", "small_arms", "delivered")},
        ),
    ],
)
def test_minor_constructions(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected
