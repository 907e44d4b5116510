"""The multilingual path for German and Arabic constructions written from tune-dear.jsonl's errors, on
invented sentences: indirect questions, conditions and hindering that state no transfer, a state that only
approves another's transfer, the Saxon genitive before a transfer noun, the place where a weapon is made,
Arabic accusations (the accuser follows the word, the accused supplies), "X-made" with "الصنع", duals and
vowel marks."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an indirect question ("ob") or a condition ("falls") states no transfer ...
        (
            "de",
            "Die Regierung muss entscheiden, ob sie die Lieferung von Haubitzen aus Frankreich an Indien "
            "billigt.",
            set(),
        ),
        ("de", "Falls Frankreich Kampfjets an Indien liefert, wäre das ein Erfolg.", set()),
        ("de", "Frankreich liefert Kampfjets an Indien.", {("FR", "IN", "aircraft", "agreed")}),
        # ... nor does a call not to hinder one
        (
            "de",
            "Der Minister sagte, Italien solle die Lieferung von Panzern aus Spanien an Marokko nicht "
            "behindern.",
            set(),
        ),
        # who approves another state's transfer is no party to it: whom it allows supplies
        (
            "de",
            "Italien hat Spanien die Lieferung von Haubitzen an Marokko genehmigt.",
            {("ES", "MA", "artillery", "agreed")},
        ),
        (
            "de",
            "Die Regierung hat den Niederlanden die Lieferung von Raketen aus italienischer Produktion an "
            "Polen erlaubt.",
            {("NL", "PL", "missiles", "agreed")},
        ),
        (
            "de",
            "Israel hat Frankreichs Verkauf von U-Booten an Indien zugestimmt.",
            {("FR", "IN", "naval", "agreed")},
        ),
        # ... but a state that approves its own export supplies
        (
            "de",
            "Die USA haben den Verkauf von Kampfjets an Polen genehmigt.",
            {("US", "PL", "aircraft", "agreed")},
        ),
        # ... and who grants the permission approves: "von den USA die Erlaubnis" names no supplier
        ("de", "Israel hat von den USA die Erlaubnis für den Verkauf von Raketen an Indien erhalten.", set()),
        # "nach" is "to" before a bare name, "after" before one with an article ("nach den USA")
        (
            "de",
            "Nach den USA liefert auch Italien Luftabwehrsysteme an Polen.",
            {("IT", "PL", "air_defense", "agreed")},
        ),
        ("de", "Italien liefert Panzer nach Polen.", {("IT", "PL", "armored_vehicles", "agreed")}),
        # the Saxon genitive before a transfer noun is its agent
        (
            "de",
            "Russlands Lieferung von Raketen an Syrien wurde bestätigt.",
            {("RU", "SY", "missiles", "agreed")},
        ),
        (
            "de",
            "Indiens Kauf von Kampfjets aus Frankreich ist abgeschlossen.",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        # where a weapon is made names its maker, not a recipient ("in den USA" looks accusative)
        (
            "de",
            "Polen hat einen Vertrag über den Kauf von in den USA hergestellten Kampfjets unterzeichnet.",
            {("US", "PL", "aircraft", "agreed")},
        ),
        (
            "de",
            "Polen kauft Panzer, die in Südkorea gebaut werden.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        # Arabic: the state right after an accusation accuses; the next, before the transfer word, supplies
        (
            "ar",
            "بعد ساعات من اتهام أوكرانيا لطهران بتزويد موسكو طائرات مسيرة.",
            {("IR", "RU", "drones", "alleged")},
        ),
        ("ar", "تتهم بريطانيا إيران بتزويد روسيا بصواريخ.", {("IR", "RU", "missiles", "alleged")}),
        # "تركية الصنع" (Turkish-made) names the maker; "تسلّم" with its shadda is "تسلم"
        (
            "ar",
            "تسلّم المغرب أول دفعة من الطائرات بدون طيار، تركية الصنع.",
            {("TR", "MA", "drones", "delivered")},
        ),
        # ة becomes ت before the dual ending; a company acts for the state its demonym names
        (
            "ar",
            "أعلن مجمع إيركوت الروسي أنه سلم للجزائر طائرتين مقاتلتين.",
            {("RU", "DZ", "aircraft", "delivered")},
        ),
        # consent in principle and a purchase under review are no deal
        ("de", "Frankreich hat einem Verkauf von Kampfjets an Indien grundsätzlich zugestimmt.", set()),
        ("de", "Indien prüft den Kauf von Kampfjets aus Frankreich.", set()),
        # Arabic: a condition, a question or a wish to buy states no transfer
        ("ar", "ستشتري مصر طائرات من فرنسا إذا وافق البرلمان.", set()),
        ("ar", "تسعى مصر لشراء طائرات من فرنسا.", set()),
        ("ar", "أرسلت فرنسا طائرات إلى مصر.", {("FR", "EG", "aircraft", "delivered")}),
        # a pronoun on "that" or on the verbal noun stands for the subject of saying or denying, however far
        (
            "ar",
            "أعلنت روسيا أمس في بيان رسمي أنها سلمت للجزائر طائرتين.",
            {("RU", "DZ", "aircraft", "delivered")},
        ),
        (
            "ar",
            "نفت الإمارات، الجمعة، صحة ما ورد في تقرير بشأن تزويدها لقوات الدعم السريع بالأسلحة.",
            {("AE", None, "other", "denied")},
        ),
        # the Houthis named by their militias; "نقلت صحيفة ... عن" quotes a newspaper and moves nothing
        (
            "ar",
            'نقلت صحيفة "المدينة" السعودية عن مسؤول قال أن إيران أرسلت صواريخ الى المليشيات الحوثية.',
            {("IR", None, "missiles", "alleged")},
        ),
        # quotation marks around a name part it from nothing; a newspaper named after a capital is no state
        (
            "ar",
            'أعلن أمس مجمع "إيركوت" الروسي أنه سلم للجزائر طائرتين.',
            {("RU", "DZ", "aircraft", "delivered")},
        ),
        (
            "ar",
            'ذكرت صحيفة "واشنطن بوست" أن مصر أرسلت صواريخ إلى روسيا، بحسب مصادر.',
            {("EG", "RU", "missiles", "alleged")},
        ),
    ],
)
def test_german_and_arabic_constructions(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected
