"""The multilingual path for Arabic, Persian, Turkish, Polish, Ukrainian and Russian constructions
written from tune-east2.jsonl's errors, on invented sentences: Arabic clitics on the first word of a
multi-word name or weapon and "بحسب" naming a source, Persian "در اختیار ... قرار داد" and "به گفته", the
Turkish genitive subject of a nominalised verb and negative verb suffixes, Polish ordinals inside a
sentence, blocked and offered transfers, and the parliaments and ministries that act for a state."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Arabic writes a clitic onto the first word of a multi-word name only: "للولايات المتحدة" is "to
        # the United States", "لدولة الإمارات" "to the State of the Emirates"
        ("ar", "باعت فرنسا طائرات رافال للولايات المتحدة.", {("FR", "US", "aircraft", "agreed")}),
        (
            "ar",
            "سلمت ألمانيا دبابات للمملكة العربية السعودية.",
            {("DE", "SA", "armored_vehicles", "delivered")},
        ),
        (
            "ar",
            "وافقت الخارجية الأمريكية على بيع صواريخ لدولة الإمارات.",
            {("US", "AE", "missiles", "agreed")},
        ),
        # ... and of a weapon named by two words: "بطائرات مسيرة" is drones, not aircraft
        ("ar", "زودت تركيا أوكرانيا بطائرات مسيرة.", {("TR", "UA", "drones", "delivered")}),
        # the Pentagon acts for the United States
        ("ar", "أعلن البنتاغون خططا لبيع الأردن صواريخ.", {("US", "JO", "missiles", "agreed")}),
        # "بحسب" names the source: a claim unless it is the supplier or the recipient itself
        (
            "ar",
            "تسلمت الكويت مدرعات من فرنسا، بحسب وزارة الدفاع الكويتية.",
            {("FR", "KW", "armored_vehicles", "delivered")},
        ),
        (
            "ar",
            "تسلمت الكويت مدرعات من فرنسا، بحسب مصادر مطلعة.",
            {("FR", "KW", "armored_vehicles", "alleged")},
        ),
        (
            "ar",
            "وصلت إلى روسيا صواريخ إيرانية، بحسب صحيفة بريطانية.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        # a name that carries its conjunction ("والإمارات") shares the preposition of the one before it
        (
            "ar",
            "باعت فرنسا طائرات إلى مصر والإمارات العربية المتحدة.",
            {("FR", "EG", "aircraft", "agreed"), ("FR", "AE", "aircraft", "agreed")},
        ),
        # Persian: "در اختیار X قرار داد" puts the weapon at X's disposal; "به گفته" names the source
        (
            "fa",
            "ایران تعداد محدودی پهپاد در اختیار روسیه قرار داده است.",
            {("IR", "RU", "drones", "delivered")},
        ),
        ("fa", "به گفته منابع آگاه، ایران موشک به روسیه فرستاده است.", {("IR", "RU", "missiles", "alleged")}),
        (
            "fa",
            "به گفته وزیر دفاع ایران، تهران پهپاد به روسیه فرستاده است.",
            {("IR", "RU", "drones", "delivered")},
        ),
        # Turkish: the genitive subject of a nominalised verb supplies; the bare name before it speaks; the
        # -DIğInI participle is past
        (
            "tr",
            "Bakan, Kuzey Kore'nin Rusya'ya gizlice “çok sayıda” top mermisi sağladığını söyledi.",
            {("KP", "RU", "ammunition", "delivered")},
        ),
        (
            "tr",
            "Bakan, Almanya'nın Polonya'ya tank göndereceğini açıkladı.",
            {("DE", "PL", "armored_vehicles", "agreed")},
        ),
        # ... but a relative clause before its head may tell of a state's own forces
        ("tr", "ABD'nin İsrail'e gönderdiği uçak gemisi Hayfa'ya ulaştı.", set()),
        # a negative suffix on the verb or its light verb negates it
        ("tr", "Almanya Türkiye'ye tank göndermedi.", set()),
        ("tr", "ABD Türkiye'ye F-35 teslim etmeyecek.", set()),
        # ... while a nominalised verb with no genitive subject shares the subject of its sentence (the -DIK
        # participle is a past: the aircraft it bought and uses)
        ("tr", "Mısır Fransa'dan aldığı uçakları kullanıyor.", {("FR", "EG", "aircraft", "delivered")}),
        # Polish: "46." before a lower-case word is an ordinal inside the sentence
        (
            "pl",
            "Litwa w ramach 12. pakietu pomocy przekazała Ukrainie moździerze.",
            {("LT", "UA", "artillery", "delivered")},
        ),
        # readiness to send is an offer; a blocked delivery is none
        ("pl", "Koncern zadeklarował gotowość do wysłania na Ukrainę 50 czołgów.", set()),
        ("uk", "Австрія заблокувала постачання бельгійських боєприпасів в Україну.", set()),
        ("ru", "Швейцария заблокировала поставки немецких танков в Польшу.", set()),
        # what a state "planned" to receive it did not receive
        ("uk", "Ці гелікоптери Молдова планувала отримати від Румунії.", set()),
        # a parliament acts for its state: its approval sets the scene for the weapons named after it
        (
            "uk",
            "Парламент Норвегії дозволив надання Україні військової допомоги. Україна отримає танки.",
            {("NO", "UA", "armored_vehicles", "agreed")},
        ),
    ],
)
def test_east2_constructions(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


def test_an_ordinal_before_a_lower_case_word_ends_no_sentence() -> None:
    split = multilingual.sentences("Dostawa 3. partii ruszyła w 2024. Kolejna w 2025.")
    assert [sentence.text for sentence in split] == ["Dostawa 3. partii ruszyła w 2024.", "Kolejna w 2025."]
