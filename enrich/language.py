"""Language detection: py3langid's model on the text, with the feed's declared language as a tie-breaker.

py3langid reads a text by walking a byte automaton one byte at a time in Python; profiled, that walk was
a quarter of the tagger's time on a news mix. ``NgramDetector`` reads the same model arrays (the
automaton's moves, the feature each state counts, the naive Bayes tables) and walks all positions of the
text at once with numpy. The automaton is of the Aho-Corasick kind: after a byte it stands in the state of
the longest byte string of its trie that ends the text read so far, and no string of the trie is longer
than its deepest state. So the state after byte ``i`` is the one reached from the start over the
``depth`` bytes that end at ``i``, whatever came before them, and every position's state is ``depth``
vectorised steps from the start. Scoring then follows the model's definition in the same order of
operations, so that the language and the probability are py3langid's own to the last bit
(tests/unit/enrich/test_language.py; ``python bench/language_check.py`` on every text of the sets).
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

# Below this probability the detector is guessing; a declared language is then more trustworthy.
CONFIDENT = 0.9
MIN_CHARACTERS = 20
# Detection cost grows with the text: a thousand characters (the title and the first paragraph) decide
# as well as the whole text (the same language for all 226 articles of bench/data/deals, up to 2,000
# characters long).
SAMPLE_CHARACTERS = 1_000
# The detector tells Chinese varieties apart by a few characters, but news in them is written in standard
# Chinese: Wu and Cantonese guesses are Chinese ("俄罗斯向伊朗交付了无人机" comes out as Wu half the time).
# Norwegian feeds declare bokmål ("nb") or nynorsk ("nn"), which share one data file under "no". Serbian and
# Croatian in Latin letters mostly come out as Bosnian, written like Croatian (ijekavian, Latin): "hr".
WRITTEN_AS = {"wuu": "zh", "yue": "zh", "nb": "no", "nn": "no", "bs": "hr"}
# States whose depth is computed together, so that no step holds more than a few MiB of moves.
DEPTH_CHUNK = 4_096


class NgramDetector:
    """py3langid's classification (with normalised probabilities) over its model's arrays."""

    def __init__(self, model: Any) -> None:
        """Read the arrays of a ``py3langid.langid.LanguageIdentifier`` (its model file's contents)."""
        self.moves: NDArray[np.unsignedinteger[Any]] = np.asarray(model.tk_nextmove)
        # Where each state's row of 256 moves begins (states share identical rows).
        self.row_start: NDArray[np.intp] = np.asarray(model.tk_row, dtype=np.intp) << 8
        self.counted: NDArray[np.intp] = np.asarray(model.tk_output, dtype=np.intp)
        # The model stores them in half precision; the product py3langid computes reads them in single
        # precision, and converting the rows of each text again costs more than all the rest.
        self.feature_scores: NDArray[np.float32] = np.asarray(model.nb_ptc, dtype=np.float32)
        self.prior: NDArray[np.float32] = np.asarray(model.nb_pc)
        self.classes: list[str] = list(model.nb_classes)
        # A label the model holds in two columns (a language in two scripts) sums into the first one.
        self.aliases: list[tuple[int, int]] = []
        first: dict[str, int] = {}
        for index, code in enumerate(self.classes):
            if code in first:
                self.aliases.append((first[code], index))
            else:
                first[code] = index
        self.depth = self._deepest_state()

    def _deepest_state(self) -> int:
        """The number of bytes from the start to the state farthest from it (breadth first)."""
        reached = np.zeros(len(self.row_start), dtype=bool)
        reached[0] = True
        frontier = np.array([0], dtype=np.intp)
        depth = 0
        all_bytes = np.arange(256, dtype=np.intp)
        while True:
            found = [
                np.unique(self.moves[self.row_start[chunk, None] + all_bytes])
                for chunk in np.array_split(frontier, max(1, len(frontier) // DEPTH_CHUNK))
            ]
            new = np.unique(np.concatenate(found))
            frontier = new[~reached[new]]
            if not len(frontier):
                return depth
            reached[frontier] = True
            depth += 1

    def states(self, data: bytes) -> NDArray[np.intp]:
        """The automaton's state after each byte of ``data``."""
        text = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        head = min(len(text), self.depth - 1)
        opening = np.empty(head, dtype=np.intp)
        state = 0
        for position in range(head):  # the first states have fewer bytes behind them than the depth
            state = opening[position] = self.moves[self.row_start[state] + text[position]]
        ends = len(text) - head
        windowed = np.zeros(ends, dtype=np.intp)
        for step in range(self.depth):
            offset = head + 1 - self.depth + step
            windowed = self.moves[self.row_start[windowed] + text[offset : offset + ends]]
        return np.concatenate([opening, windowed])

    def classify(self, text: str) -> tuple[str, float]:
        """(language code, probability), as py3langid's ``classify`` with normalised probabilities."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        counted = self.counted[self.states(data)]
        counted = counted[counted >= 0]
        if len(counted):
            features, first_seen, counts = np.unique(counted, return_index=True, return_counts=True)
            in_text_order = np.argsort(first_seen)
            scores = (
                np.log1p(counts[in_text_order].astype(np.float32))
                @ self.feature_scores[features[in_text_order]]
                + self.prior
            )
        else:  # nothing the model knows: every language alike
            scores = np.zeros(len(self.classes), dtype=np.float32)
        # The square root of the length as temperature keeps probabilities comparable across lengths.
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for kept, folded in self.aliases:
            scores[kept] += scores[folded]
            scores[folded] = 0.0
        best = int(scores.argmax())
        return self.classes[best], float(scores[best])


@cache
def detector() -> NgramDetector:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return NgramDetector(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))


def detect_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of ``text``; ``declared`` (e.g. from the feed) wins when detection is unsure.

    Never raises: an empty or unreadable text is "und" unless a language was declared.
    """
    declared_code = declared.split("-")[0].lower() if declared else None
    if declared_code:
        declared_code = WRITTEN_AS.get(declared_code, declared_code)
    if len(text.strip()) < MIN_CHARACTERS:
        return declared_code or "und"
    code, probability = detector().classify(text[:SAMPLE_CHARACTERS])
    if declared_code and probability < CONFIDENT:
        return declared_code
    return WRITTEN_AS.get(str(code), str(code))
