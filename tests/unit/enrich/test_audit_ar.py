"""A linguist's audit of the Arabic tables (enrich/data/lang/ar.yaml), on invented sentences: the future
prefix س on transfer verbs, the imperfect and the nouns of giving, donating, shipping and importing,
selling and buying as agreed deals, hedges, denials ("رفضت إيران الاتهامات"), requests, calls,
condemnation, cancellation and possibility that report no transfer, weapon nouns of every category
(longest phrase first: "قذائف مدفعية" are shells, "راجمات صواريخ" launchers), and the clitic "to" on
the noun of a state's forces ("للجيش الأوكراني")."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the future prefix س on a transfer verb: a pledge, not a delivery
        ("ستزود فرنسا مصر بطائرات مقاتلة.", {("FR", "EG", "aircraft", "agreed")}),
        ("سيسلم الجيش الفرنسي دبابات إلى مصر.", {("FR", "EG", "armored_vehicles", "agreed")}),
        ("ستسلم فرنسا دبابات إلى مصر.", {("FR", "EG", "armored_vehicles", "agreed")}),
        ("سترسل فرنسا قذائف إلى مصر.", {("FR", "EG", "ammunition", "agreed")}),
        ("ستشتري مصر مروحيات من فرنسا.", {("FR", "EG", "aircraft", "agreed")}),
        (
            "قال الوزير إن روسيا ستوقع عقدا لتسليم منظومات دفاع جوي إلى الهند.",
            {("RU", "IN", "air_defense", "agreed")},
        ),
        # selling and buying tell no delivery
        ("باعت فرنسا فرقاطتين لمصر.", {("FR", "EG", "naval", "agreed")}),
        ("اشترت مصر طائرات رافال من فرنسا.", {("FR", "EG", "aircraft", "agreed")}),
        ("تعاقدت مصر مع فرنسا على شراء مقاتلات.", {("FR", "EG", "aircraft", "agreed")}),
        # giving, donating, shipping, importing, receiving
        ("أهدت فرنسا مصر مدافع هاوتزر.", {("FR", "EG", "artillery", "delivered")}),
        ("تبرعت فرنسا بمدافع هاوتزر لمصر.", {("FR", "EG", "artillery", "delivered")}),
        ("شحنت فرنسا مدافع إلى مصر.", {("FR", "EG", "artillery", "delivered")}),
        ("تلقت مصر شحنة من الصواريخ من فرنسا.", {("FR", "EG", "missiles", "delivered")}),
        ("تستورد مصر ذخائر من فرنسا.", {("FR", "EG", "ammunition", "delivered")}),
    ],
)
def test_transfer_verbs(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ادعت أوكرانيا أن روسيا سلمت مقاتلات إلى إيران.", {("RU", "IR", "aircraft", "alleged")}),
        ("يرجح أن روسيا سلمت مقاتلات إلى إيران.", {("RU", "IR", "aircraft", "alleged")}),
        ("على ما يبدو سلمت روسيا مقاتلات إلى إيران.", {("RU", "IR", "aircraft", "alleged")}),
        (
            "تحدث الوزير عن الشحنة المزعومة، وقال إن روسيا سلمت مقاتلات إلى إيران.",
            {("RU", "IR", "aircraft", "alleged")},
        ),
        # a denial: a refusal of the accusations denies, it blocks nothing
        ("رفضت إيران الاتهامات بتزويد روسيا بطائرات مسيرة.", {("IR", "RU", "drones", "denied")}),
        ("رفضت إيران الاتهامات بأنها زودت روسيا بطائرات مسيرة.", {("IR", "RU", "drones", "denied")}),
        ("كذبت إيران التقارير عن تزويد روسيا بطائرات مسيرة.", {("IR", "RU", "drones", "denied")}),
        ("وصفت إيران التقارير عن تزويد روسيا بمسيرات بأنها مفبركة.", {("IR", "RU", "drones", "denied")}),
    ],
)
def test_hedges_and_denials(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


@pytest.mark.parametrize(
    "text",
    [
        "رفضت ألمانيا تزويد أوكرانيا بالدبابات.",
        "تدرس مصر شراء غواصات من فرنسا.",
        "ألغت سويسرا صفقة بيع طائرات إلى الهند.",
        "أبدت مصر اهتمامها بشراء مقاتلات فرنسية.",
        "أدانت فرنسا تزويد إيران روسيا بالمسيرات.",
        "تطالب أوكرانيا ألمانيا بتزويدها بدبابات.",
        "تدعو أوكرانيا ألمانيا إلى إرسال دبابات.",
        "وقعت مصر والهند مذكرة تفاهم حول إمكانية توريد منظومات دفاع جوي.",
        "تتفاوض مصر مع فرنسا على شراء غواصات.",
        "جمدت كندا تصدير الأسلحة إلى تركيا.",
        "تأمل مصر في شراء غواصات من ألمانيا.",
    ],
)
def test_no_transfer(text: str) -> None:
    assert multilingual_quads(text, "ar") == set()


@pytest.mark.parametrize(
    ("weapon", "category"),
    [
        ("مدمرة", "naval"),
        ("كاسحة ألغام", "naval"),
        ("حاملة مروحيات", "naval"),
        ("قطعا بحرية", "naval"),
        ("زورقا", "naval"),
        ("قذائف مدفعية", "ammunition"),
        ("ألغاما", "ammunition"),
        ("طلقات", "ammunition"),
        ("ملايين الرصاصات", "ammunition"),
        ("عربات قتال مشاة", "armored_vehicles"),
        ("ناقلات جند", "armored_vehicles"),
        ("صواريخ أرض جو", "air_defense"),
        ("صواريخ مضادة للطائرات", "air_defense"),
        ("نظام دفاع صاروخي", "air_defense"),
        ("راجمات صواريخ", "artillery"),
        ("قاذفات صواريخ متعددة", "artillery"),
        ("مدفعا", "artillery"),
        ("صواريخ مضادة للسفن", "missiles"),
        ("طوربيدات", "missiles"),
        ("طائرات دون طيار", "drones"),
        ("طائرات بلا طيار", "drones"),
        ("مسدسات", "small_arms"),
        ("أسلحة صغيرة", "small_arms"),
        ("بندقية", "small_arms"),
        ("معدات عسكرية", "other"),
        ("مساعدات عسكرية", "other"),
        ("طائرات هليكوبتر", "aircraft"),
    ],
)
def test_weapon_nouns(weapon: str, category: str) -> None:
    assert multilingual_quads(f"تسلمت مصر {weapon} من فرنسا.", "ar") == {("FR", "EG", category, "delivered")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clitic "to" on the noun of the forces ("للجيش", "للبحرية"), right after the verb and its object
        ("سلمت ألمانيا دبابات للجيش الأوكراني.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("وسلمت ألمانيا دبابات للقوات الأوكرانية.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("سلمت روسيا غواصة للبحرية الهندية.", {("RU", "IN", "naval", "delivered")}),
        # ... which also marks a possessor: "a post of the Yemeni army" receives nothing
        ("قصفت المدفعية موقعا تابعا للجيش اليمني بصواريخ.", set()),
    ],
)
def test_forces_with_a_clitic(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for the benefit of" names the recipient; "من قبل", "من طرف" the supplier
        ("سلمت الولايات المتحدة مروحيات لصالح الجيش المغربي.", {("US", "MA", "aircraft", "delivered")}),
        ("سلمت الولايات المتحدة مروحيات لفائدة القوات المغربية.", {("US", "MA", "aircraft", "delivered")}),
        ("تم تسليم طائرات لمصر من قبل فرنسا.", {("FR", "EG", "aircraft", "delivered")}),
        ("سلمت طائرات إلى مصر من طرف فرنسا.", {("FR", "EG", "aircraft", "delivered")}),
        # the authorities and "the Egyptian side" act for the state; receiving a delivery ("ستستقبل")
        ("تسلمت السلطات المصرية طائرات من فرنسا.", {("FR", "EG", "aircraft", "delivered")}),
        ("تسلم الجانب المصري طائرات من فرنسا.", {("FR", "EG", "aircraft", "delivered")}),
        ("ستستقبل المغرب مروحيات من فرنسا.", {("FR", "MA", "aircraft", "agreed")}),
        # ... but receiving a minister to discuss a deal, or fighting alongside an army, transfers nothing
        ("استقبلت مصر وزير الدفاع الفرنسي لبحث صفقة طائرات.", set()),
        ("قاتلت القوات الروسية إلى جانب الجيش السوري بالدبابات.", set()),
    ],
)
def test_prepositions_and_actors(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonyms without the article, states and capitals CLDR leaves out
        ("تسلمت تايلاند مقاتلات سويدية.", {("SE", "TH", "aircraft", "delivered")}),
        ("تسلمت وارسو دبابات كورية جنوبية.", {("KR", "PL", "armored_vehicles", "delivered")}),
        ("تسلمت باكو طائرات مسيرة تركية.", {("TR", "AZ", "drones", "delivered")}),
        ("سلمت أوتاوا مدرعات لأوكرانيا.", {("CA", "UA", "armored_vehicles", "delivered")}),
        # the hamza left out, final ى written ي: the same words
        ("تسلمت مصر مقاتلات امريكية.", {("US", "EG", "aircraft", "delivered")}),
        ("سلمت فرنسا مقاتلات الي اسبانيا.", {("FR", "ES", "aircraft", "delivered")}),
        ("اهدت فرنسا مصر مدافع.", {("FR", "EG", "artillery", "delivered")}),
        # مالي is also "financial": financial and military support names no Mali
        (
            "أرسلت الولايات المتحدة أسلحة إلى أوكرانيا ضمن دعم مالي وعسكري.",
            {("US", "UA", "other", "delivered")},
        ),
    ],
)
def test_states_and_spellings(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


def test_letter_variants_are_one_word() -> None:
    """The hamza on or under alif and a final ى written ي are spellings of the same word."""
    assert multilingual.tokens_of("إلى أمريكا وآسيا") == multilingual.tokens_of("الى امريكا واسيا")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "طلبية" is an order (a deal), "طلب" a request
        ("وقعت مصر طلبية لشراء طائرات من فرنسا.", {("FR", "EG", "aircraft", "agreed")}),
        ("طلبت مصر من فرنسا تزويدها بطائرات.", set()),
        # "عدم" (non-) negates: "decided not to send"
        ("قررت ألمانيا عدم إرسال دبابات إلى أوكرانيا.", set()),
        # refuelling is no arms transfer: tanker aircraft are the weapon
        ("تسلمت إسرائيل طائرات التزود بالوقود من الولايات المتحدة.", {("US", "IL", "aircraft", "delivered")}),
        # an intelligence report is a claim
        ("تشير تقارير استخباراتية إلى أن روسيا سلمت مقاتلات لإيران.", {("RU", "IR", "aircraft", "alleged")}),
        # the imperfect of a supply verb: is sending
        ("ترسل فرنسا ذخائر إلى مصر.", {("FR", "EG", "ammunition", "ongoing")}),
        # "his country" after "that" is the state of the minister who says it
        (
            "أكد وزير الدفاع الإيراني أن بلاده تسلمت من روسيا منظومة دفاع جوي.",
            {("RU", "IR", "air_defense", "delivered")},
        ),
        ("قالت أوكرانيا إن روسيا سلمت مقاتلات لإيران.", {("RU", "IR", "aircraft", "alleged")}),
        # sending or deploying troops is no transfer
        ("نشرت روسيا جنودا ودبابات في سوريا.", set()),
        ("أرسلت روسيا جنودا ودبابات إلى سوريا.", set()),
        ("أرسلت روسيا دبابات إلى القوات السورية.", {("RU", "SY", "armored_vehicles", "delivered")}),
    ],
)
def test_orders_negation_and_speakers(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aid package is pledged; military support is a transfer of unspecified arms
        ("أعلنت الولايات المتحدة حزمة مساعدات عسكرية جديدة لأوكرانيا.", {("US", "UA", "other", "agreed")}),
        ("أعلنت واشنطن عن حزمة أسلحة جديدة لكييف تشمل صواريخ.", {("US", "UA", "missiles", "agreed")}),
        ("قدمت الولايات المتحدة دعما عسكريا لأوكرانيا.", {("US", "UA", "other", "delivered")}),
        # protests, concern, warnings and threats are no transfer
        ("قدمت روسيا احتجاجا إلى الولايات المتحدة بشأن الصواريخ.", set()),
        ("أعربت الصين عن قلقها من بيع الولايات المتحدة أسلحة لتايوان.", set()),
        ("حذرت روسيا من تسليم أوكرانيا صواريخ بعيدة المدى.", set()),
        # ... unless "that" opens the transfer they are about
        ("حذرت أوكرانيا من أن إيران سلمت صواريخ لروسيا.", {("IR", "RU", "missiles", "alleged")}),
    ],
)
def test_packages_and_warnings(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


def test_arabic_punctuation_is_punctuation() -> None:
    """The Arabic comma and semicolon close asides and clauses as "," and ";" do."""
    # (yeh is read as the Persian letter: "ايران" and "ایران" are one word)
    assert multilingual.tokens_of("روسيا، إيران؛") == ["روسیا", ",", "ایران", ";"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تتواصل شحنات المقاتلات الروسية إلى إيران.", {("RU", "IR", "aircraft", "ongoing")}),
        ("حطت في الهند أول دفعة من مقاتلات رافال قادمة من فرنسا.", {("FR", "IN", "aircraft", "delivered")}),
        ("من المقرر أن تتسلم إيران مقاتلات روسية العام المقبل.", {("RU", "IR", "aircraft", "agreed")}),
        # the thanked state supplied the one that thanks
        ("شكرت أوكرانيا ألمانيا على الدبابات.", {("DE", "UA", "armored_vehicles", "delivered")}),
    ],
)
def test_continuing_landing_scheduled(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words that begin as a transfer stem does are no transfer word: "باعتبارها" (as being) is no "باع"
        # (sold), "الأمد" (the term) no "أمد" (supplied), "بيان صدر" (a statement issued) no "صدر" (exported)
        ("وصفت روسيا إيران باعتبارها شريكا يملك مسيرات متطورة.", set()),
        ("وقعت مصر عقدا طويل الأمد مع فرنسا لشراء مقاتلات.", {("FR", "EG", "aircraft", "agreed")}),
        ("قالت مصر في بيان صدر اليوم إنها تسلمت مقاتلات من فرنسا.", {("FR", "EG", "aircraft", "delivered")}),
        ("دعا ولي العهد محمد بن سلمان إلى حل سلمي في اليمن رغم الصواريخ.", set()),
        ("صدرت فرنسا صواريخ إلى مصر.", {("FR", "EG", "missiles", "delivered")}),
    ],
)
def test_words_that_only_look_like_transfer_words(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ar") == expected
