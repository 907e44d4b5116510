"""Arabic news as the multilingual path reads it, in invented sentences: the verb forms, constructions and
framings that real Arabic news uses and the rules first missed (found on bench/data/eval/tune-ar5.jsonl,
written here with other states, weapons and wording)."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads

DELIVERED, ONGOING, AGREED, ALLEGED, DENIED = "delivered", "ongoing", "agreed", "alleged", "denied"

CASES: list[tuple[str, set[Quad]]] = [
    # the imperfect of ورّد (to supply), also under the future's س
    ("ستورد فرنسا للمغرب مدافع هاوتزر العام المقبل.", {("FR", "MA", "artillery", AGREED)}),
    ("تورد الصين لباكستان طائرات مسيرة.", {("CN", "PK", "drones", ONGOING)}),
    # arming (سلّح، تسليح) is a transfer of weapons, even where no other weapon word is named
    ("ذكرت تقارير أن بيلاروسيا تسلح قوات فاغنر.", {("BY", None, "other", ALLEGED)}),
    ("سلحت تركيا الجيش الليبي بطائرات مسيرة.", {("TR", "LY", "drones", DELIVERED)}),
    # ... but the arms race is none
    ("سباق التسلح بين الهند وباكستان يتسارع بالصواريخ.", set()),
    # "تنفيذا" (in execution of) is no "تنفي" (denies); the denial itself still is
    (
        "وقعت اليونان عقدا مع فرنسا لشراء فرقاطات، تنفيذا لاتفاق سابق.",
        {("FR", "GR", "naval", AGREED)},
    ),
    ("تنفي بيلاروسيا تزويد روسيا بالذخائر.", {("BY", "RU", "ammunition", DENIED)}),
    # air-to-surface missiles are missiles, not air defence
    ("وافقت الولايات المتحدة على بيع النرويج صواريخ جو أرض.", {("US", "NO", "missiles", AGREED)}),
    # intending to supply is a pledge; intending to buy is no purchase
    ("قال المتحدث إن مدريد تعتزم تسليم الفلبين ست فرقاطات.", {("ES", "PH", "naval", AGREED)}),
    ("تعتزم الهند شراء غواصات من فرنسا.", set()),
    # deliveries begun are under way
    ("أعلنت روسيا بدء تسليم مقاتلات سوخوي إلى الجزائر.", {("RU", "DZ", "aircraft", ONGOING)}),
    # a cleft: the name before "هي التي" is the subject of the transfer verb; a third state says it
    (
        "أكدت واشنطن أن كوريا الشمالية هي التي تزود روسيا بالصواريخ.",
        {("KP", "RU", "missiles", ALLEGED)},
    ),
    # ... and so is the antecedent of a relative clause; a clause with sanctions still reports no transfer
    ("روسيا، التي تسلمت طائرات مسيرة من إيران، تستخدمها في أوكرانيا.", {("IR", "RU", "drones", DELIVERED)}),
    ("فرضت الولايات المتحدة عقوبات على الشركات الصينية التي تزود روسيا بمكونات الطائرات المسيرة.", set()),
    # a group named with the noun of its militia or movement keeps the preposition before that noun
    ("أرسلت الإمارات أسلحة إلى ميليشيا الدعم السريع.", {("AE", None, "other", DELIVERED)}),
    ("قدمت إيران صواريخ لحركة حماس.", {("IR", None, "missiles", DELIVERED)}),
    # a supply contract ("عقد توريد") says nothing of who supplies: not its subject, but the maker
    ("أبرمت مصر عقد توريد فرقاطات إيطالية.", {("IT", "EG", "naval", AGREED)}),
    ("أبرمت مصر عقد توريد فرقاطات مع إيطاليا.", set()),
    ("وقعت روسيا عقدا لتوريد دبابات إلى العراق.", {("RU", "IQ", "armored_vehicles", AGREED)}),
    # a maker's name between its noun and its demonym: the demonym names the maker, which the preposition
    # before the noun places
    ("وقعت الجزائر عقدا مع شركة ليوناردو الإيطالية لشراء مروحيات.", {("IT", "DZ", "aircraft", AGREED)}),
    ("سلمت شركة بايكار التركية طائرات مسيرة إلى أوكرانيا.", {("TR", "UA", "drones", DELIVERED)}),
    # the value of a deal does not part it from its other side
    (
        "وقعت البرازيل صفقة بقيمة 2.5 مليار دولار مع السويد لشراء مقاتلات.",
        {("SE", "BR", "aircraft", AGREED)},
    ),
    # a demonym right after a transfer noun is its agent
    ("ارتفعت الصادرات الروسية من الأسلحة إلى الهند.", {("RU", "IN", "other", DELIVERED)}),
    ("يمثل البيع لكازاخستان أكبر عقد تصدير تركي للطائرات المسيرة.", {("TR", "KZ", "drones", AGREED)}),
    # ... not a demonym that qualifies the noun after it: troops sent are no transfer
    ("كشفت قناة رسمية عن إرسال الرئيس التركي رجب طيب أردوغان، قوات تركية بأسلحة ثقيلة إلى قطر.", set()),
    # a full stop with no space after it ends the sentence: the next one's hedge is its own
    (
        "سلمت فرنسا مقاتلات رافال إلى الهند.وتقول تقارير إن باكستان تسعى لشراء مقاتلات صينية.",
        {("FR", "IN", "aircraft", DELIVERED)},
    ),
    # "his country" right after a supply word is the state of the one who says it, which receives
    (
        "قال مسؤول في سلاح الجو الأرميني إن الهند وافقت على تزويد بلاده براجمات صواريخ.",
        {("IN", "AM", "artillery", AGREED)},
    ),
    # "أن تكون (قد)" before the transfer verb: the verb of denying still lends it its subject
    ("نفى وزير الخارجية الصربي أن تكون بلاده زودت أوكرانيا بالذخائر.", {("RS", "UA", "ammunition", DENIED)}),
    ("نفت بيلاروسيا أن تكون قد سلمت روسيا دبابات.", {("BY", "RU", "armored_vehicles", DENIED)}),
    # the definite phrase of a drone, with a clitic on its first word
    ("سلمت تركيا الطائرات المسيرة إلى إثيوبيا.", {("TR", "ET", "drones", DELIVERED)}),
    # a sentence that says what a transfer consists of frames it with its own source
    (
        "أرسلت إيران شحنات أسلحة إلى حزب الله. ووفقا للرسالة، تتضمن تلك الشحنات طائرات مسيرة.",
        {("IR", None, "drones", ALLEGED)},
    ),
    (
        "أرسلت إيران شحنات أسلحة إلى حزب الله. وتتضمن تلك الشحنات طائرات مسيرة.",
        {("IR", None, "drones", DELIVERED)},
    ),
    # "ويشمل": what the transfer just reported consists of
    (
        "أرسلت الإمارات شحنة عتاد عسكري إلى ميليشيا الدعم السريع. ويشمل هذا العتاد مدافع هاون وذخائر.",
        {("AE", None, "ammunition", DELIVERED), ("AE", None, "artillery", DELIVERED)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_arabic_news(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


def test_an_adjective_is_no_makers_name() -> None:
    """Where the script has cases, a lower-case word between a maker's noun and a demonym is an adjective:
    "grupo paramilitar russo Wagner" names no Russian maker that would receive."""
    text = "O Irã envia drones a membros do grupo paramilitar russo Wagner."
    assert multilingual_quads(text, "pt") == set()
