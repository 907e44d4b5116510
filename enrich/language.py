"""Language detection: py3langid on the text, with the feed's declared language as a tie-breaker."""

from __future__ import annotations

from functools import cache
from typing import Any

# Below this probability the detector is guessing; a declared language is then more trustworthy.
CONFIDENT = 0.9
MIN_CHARACTERS = 20
# The detector walks every byte in Python: on a whole article it costs more than tagging one that names
# no weapon. A thousand characters (the title and the first paragraph) decide as well as the whole text
# (the same language for all 226 articles of bench/data/deals, up to 2,000 characters long).
SAMPLE_CHARACTERS = 1_000
# The detector tells Chinese varieties apart by a few characters, but news in them is written in standard
# Chinese: Wu and Cantonese guesses are Chinese ("俄罗斯向伊朗交付了无人机" comes out as Wu half the time).
# Norwegian feeds declare bokmål ("nb") or nynorsk ("nn"), which share one data file under "no". Serbian and
# Croatian in Latin letters mostly come out as Bosnian, written like Croatian (ijekavian, Latin): "hr".
WRITTEN_AS = {"wuu": "zh", "yue": "zh", "nb": "no", "nn": "no", "bs": "hr"}


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of ``text``; ``declared`` (e.g. from the feed) wins when detection is unsure.

    Never raises: an empty or unreadable text is "und" unless a language was declared.
    """
    declared_code = declared.split("-")[0].lower() if declared else None
    if declared_code:
        declared_code = WRITTEN_AS.get(declared_code, declared_code)
    if len(text.strip()) < MIN_CHARACTERS:
        return declared_code or "und"
    code, probability = _identifier().classify(text[:SAMPLE_CHARACTERS])
    if declared_code and probability < CONFIDENT:
        return declared_code
    return WRITTEN_AS.get(str(code), str(code))
