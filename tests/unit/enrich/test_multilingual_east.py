"""The multilingual path for Polish, Persian, Turkish, Swedish and Russian news constructions, on invented
sentences: abbreviations inside a sentence, case-marked and postpositional sources, verb-final clauses,
modal and blocked transfers, and the words of each language's press."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Polish: "m.in." and "ok." end no sentence, so the parties after them stay with their verb
        (
            "pl",
            "Haubice przekazały Ukrainie m.in. Dania i Norwegia.",
            {("DK", "UA", "artillery", "delivered"), ("NO", "UA", "artillery", "delivered")},
        ),
        (
            "cs",
            "Ukrajině předaly tanky mj. Polsko a Česko.",
            {("PL", "UA", "armored_vehicles", "delivered"), ("CZ", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "sv",
            "Stridsvagnar har skickats till Ukraina av bl.a. Sverige och Norge.",
            {("SE", "UA", "armored_vehicles", "delivered"), ("NO", "UA", "armored_vehicles", "delivered")},
        ),
        # ... and ships arrive ("dopłynęło") from the source to the recipient
        (
            "pl",
            "Do Polski dopłynęło ok. 20 czołgów z Korei Południowej.",
            {("KR", "PL", "armored_vehicles", "delivered")},
        ),
        # inflected Patriots
        (
            "pl",
            "Rumunia otrzymała ze Stanów Zjednoczonych kolejne baterie Patriotów.",
            {("US", "RO", "air_defense", "delivered")},
        ),
        # the state that signs a deal for another state's weapons, or with a named supplier, buys
        ("pl", "Czechy podpisały kontrakt na izraelskie drony.", {("IL", "CZ", "drones", "agreed")}),
        (
            "pl",
            "Litwa podpisała umowę z rządem Szwecji na dostawę korwet.",
            {("SE", "LT", "naval", "agreed")},
        ),
        # the defence ministry signs for its state
        (
            "pl",
            "MON podpisał umowę wykonawczą na dostawę 180 czołgów K2 z Korei Południowej.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        # a demonym after a preposition that does not follow a deal word keeps the preposition's position
        (
            "ru",
            "Пхеньян поставляет боеприпасы для российской артиллерии.",
            {("KP", "RU", "ammunition", "ongoing"), ("KP", "RU", "artillery", "ongoing")},
        ),
        # what a state "may" hand over, or "cannot possibly" hand over, is no transfer
        ("pl", "Rosja może przekazać Iranowi myśliwce.", set()),
        ("pl", "Premier oświadczył, że nie ma możliwości, by Czechy przekazały Słowacji czołgi.", set()),
        # ... but a purpose clause after "by" leaves the transfer before it alone
        (
            "pl",
            "Niemcy wysłały Ukrainie czołgi, by wzmocnić jej obronę.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        # "Informacje te ujawnił" a third state's minister: the sentence before is his claim
        (
            "pl",
            "Iran przekazał Rosji drony. Informacje te ujawnił amerykański minister.",
            {("IR", "RU", "drones", "alleged")},
        ),
        # Czech: the dative after "za pomoc" belongs to the noun (in return for the help to Ukraine)
        (
            "cs",
            "Německo darovalo Česku tanky za pomoc Ukrajině.",
            {("DE", "CZ", "armored_vehicles", "delivered")},
        ),
        # a lease is an acquisition, in the relative clause after the maker's weapons too
        ("cs", "Slovensko si pronajímá švédské stíhačky Gripen.", {("SE", "SK", "aircraft", "agreed")}),
        ("sv", "Ungern leasar stridsflygplan från Sverige.", {("SE", "HU", "aircraft", "agreed")}),
        ("pl", "Polska wydzierżawiła od USA śmigłowce Apache.", {("US", "PL", "aircraft", "delivered")}),
        # Arabic: the armed forces' long name keeps their state within reach of the verb
        (
            "ar",
            "حصلت القوات المسلحة الملكية الأردنية على دبابات بريطانية.",
            {("GB", "JO", "armored_vehicles", "delivered")},
        ),
        # the verbal noun "لاقتناء" (to acquire) after a deal signed with the supplier
        ("ar", "وقعت مصر عقدا مع فرنسا لاقتناء غواصات.", {("FR", "EG", "naval", "agreed")}),
        # Persian: "از فرانسه را" is "from France", را marking the whole object phrase
        (
            "fa",
            "عراق قرارداد خرید جنگنده از فرانسه را امضا کرد.",
            {("FR", "IQ", "aircraft", "agreed")},
        ),
        # the verb ends the clause, far from the noun of the sale
        (
            "fa",
            "وزارت خارجه ترکیه از موافقت با فروش پهپاد و تجهیزات نظامی و قطعات یدکی"
            " به ارزش صد میلیون دلار به پاکستان خبر داد.",
            {("TR", "PK", "drones", "agreed")},
        ),
        # who signs a deal and is not the recipient supplies; a tatweel standing alone is a dash ("اس ـ 300")
        (
            "fa",
            "روسیه قراردادی با ایران امضا کرد و متعهد شد پنج سامانه اس ـ 300 را به تهران تحویل دهد.",
            {("RU", "IR", "air_defense", "agreed")},
        ),
        # the subjunctive "بفروشد" after "قصد دارد" (intends): a plan
        ("fa", "آلمان قصد دارد زیردریایی به مصر بفروشد.", {("DE", "EG", "naval", "agreed")}),
        # Patriot missiles are air defence; Dari writes drones "درون"
        (
            "fa",
            "آمریکا موشک‌های پاتریوت به لهستان تحویل داد.",
            {("US", "PL", "air_defense", "delivered")},
        ),
        ("fa", "ایران درونهای تهاجمی به روسیه فرستاد.", {("IR", "RU", "drones", "delivered")}),
        # Turkish: the participle "aldığı" (that it bought, a past) with the ablative source
        (
            "tr",
            "Azerbaycan İsrail'den aldığı insansız hava araçlarını kullanıyor.",
            {("IL", "AZ", "drones", "delivered")},
        ),
        # the passive "satılmasına onay verdi": an approved sale
        (
            "tr",
            "ABD, Polonya'ya tank satılmasına onay verdi.",
            {("US", "PL", "armored_vehicles", "agreed")},
        ),
        # a blocked delivery, police sent, a deal still to be signed: no transfer
        ("tr", "ABD, Mısır'a tank teslimatını engelledi.", set()),
        ("tr", "Bulgaristan, Türkiye'ye zırhlı araçlarla polis gönderdi.", set()),
        ("tr", "Rusya ile Hindistan arasında yeni tank anlaşması yakında imzalanacak.", set()),
        ("tr", "Rusya ile Mısır arasında yeni tank anlaşmasının imzalanacağı bildirildi.", set()),
        # Swedish: "att man skickar" after the announcing state: "man" is that state
        (
            "sv",
            "Förra veckan meddelade Norge att man skickar stridsvagnar till Polen.",
            {("NO", "PL", "armored_vehicles", "agreed")},
        ),
        (
            "sv",
            "Finland säger att Norge skickar haubitsar till Estland.",
            {("NO", "EE", "artillery", "alleged")},
        ),
        # Swedish: an offer received is no purchase
        ("sv", "Sverige fick en offert från Frankrike på stridsflygplan.", set()),
        # Russian: "переправила" to separatists (no state), and a request is no transfer
        ("ru", "Россия переправила танки сепаратистам.", {("RU", None, "armored_vehicles", "delivered")}),
        ("ru", "Сербия попросила Россию ускорить поставки истребителей.", set()),
        # shells "для артиллерии" are ammunition, not artillery
        ("ru", "КНДР передала России снаряды для артиллерии.", {("KP", "RU", "ammunition", "delivered")}),
        ("ru", "Беларусь передала России военное оборудование.", {("BY", "RU", "other", "delivered")}),
        # "наша информация показывает" is a claim
        (
            "ru",
            "Наша информация показывает, что Иран передал России ракеты.",
            {("IR", "RU", "missiles", "alleged")},
        ),
    ],
)
def test_east_constructions(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


def test_an_abbreviation_ends_no_sentence_but_a_full_stop_after_a_word_does() -> None:
    text = "Przyjechało ok. 20 osób. Potem wyjechali."
    split = multilingual.sentences(text, abbreviations=frozenset({"ok"}))
    assert [sentence.text for sentence in split] == ["Przyjechało ok. 20 osób.", "Potem wyjechali."]
