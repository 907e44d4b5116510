"""The vectorised language detector gives py3langid's own answers (bench/language_check.py checks every
text of every set; these are a sample of them and invented cases)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from enrich.language import SAMPLE_CHARACTERS, NgramDetector, detect_language, detector

BENCH_DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _walk_byte_by_byte(ours: NgramDetector, data: bytes) -> list[int]:
    state, states = 0, []
    for byte in data:
        state = int(ours.moves[ours.row_start[state] + byte])
        states.append(state)
    return states


@pytest.mark.parametrize("length", [0, 1, 2, 5, 6, 7, 40, 700])
def test_language_states_are_those_of_a_walk_byte_by_byte(length: int) -> None:
    ours = detector()
    rng = random.Random(length)
    random_bytes = bytes(rng.randrange(256) for _ in range(length))
    text = "Der Panzer wurde an die Ukraine geliefert; Москва получила дроны. 伊朗交付了无人机"
    for data in (random_bytes, text.encode()[:length]):
        assert ours.states(data).tolist() == _walk_byte_by_byte(ours, data)


def _sample_texts() -> list[str]:
    texts = []
    for path in [*sorted((BENCH_DATA / "eval").glob("*.jsonl")), BENCH_DATA / "general_news.jsonl"]:
        lines = [line for line in path.read_text().splitlines() if line.strip()]
        for line in lines[::4]:
            record = json.loads(line)
            texts.append(f"{record.get('title') or ''}\n\n{record['text']}")
    return texts


def test_language_classify_is_py3langid_to_the_last_bit(reference: LanguageIdentifier) -> None:
    ours = detector()
    invented = ["", "   ", "12 345", "RUSSIA DELIVERS TANKS TO SERBIA", "ça", "\ud800 lone surrogate", "日本"]
    for text in invented + [text[:SAMPLE_CHARACTERS] for text in _sample_texts()]:
        assert ours.classify(text) == reference.classify(text), text[:60]


def test_language_detection_keeps_its_decisions() -> None:
    assert detect_language("Russia has delivered tanks to Serbia, the ministry said on Monday.") == "en"
    assert detect_language("La Russie a livré des chars à la Serbie, selon le ministère.") == "fr"
    # unsure on a short text: the feed's declared language wins
    assert detect_language("Leopard 2A6 und T-72B3", "de-AT") == "de"
    assert detect_language("short", "nb") == "no"
