"""Would a statistical component trained on the tuning passages beat the rules on held-out ones?

Issue 13 asks for one where hand rules plateau. This probe trains two logistic models on the tuning part
(``enrich.evaluate.part_of``) of the English and French development and tuning sets, and scores the rules
alone and the rules with each model on the held-out part of the same files (and on any ``--sets`` read
whole: aggregates only, never per-passage errors):

- ``pairs``: a recall model. Candidates are the ordered pairs of states named together in a sentence with
  a weapon that the rules did not report; features are the words around them (the language's "to" and
  "from" prepositions before each state, which comes first, a transfer word between them, negation and
  future words, the kind of each state's mention) and the passage (how many states, which is the most
  named, what the rules found). A candidate scored above the threshold is added.
- ``sentences``: a precision model. Every sentence with a weapon and a state is labelled by whether it
  names a side of a gold transfer; features are its words and word pairs. A reported transfer whose
  evidence sentence scores below the threshold is dropped.

    python bench/statistical_probe.py [--dev ../shared/eval/dev.jsonl ../shared/eval/dev2.jsonl]
        [--sets bench/data/eval/unseen-enfr.jsonl ...] [--threshold 0.3]
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from enrich import grammar
from enrich.evaluate import Scores, load_items, part_of, score_item, transfer_pairs
from enrich.tagger import Tagger, TagResult

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
LANGUAGES = ("en", "fr")
WORD = re.compile(r"\w+")
Features = dict[str, float]


def pair_candidates(
    tagger: Tagger, item: dict[str, Any], result: TagResult
) -> list[tuple[tuple[str, str], Features]]:
    """The ordered state pairs of ``item`` named in one sentence with a weapon and not reported by the
    rules, with their features."""
    lang = item["lang"]
    language = tagger.language(lang)
    article = language.first_pass.whole(item["text"])
    prepositions = grammar.table("prepositions")[lang]
    negations = set(grammar.table("negations")[lang])
    future = set(grammar.table("future_markers")[lang])
    cues = language.lexicon.cues
    transfer_words = set(cues.verbs) | set(cues.nouns)
    reported = transfer_pairs([mention.model_dump() for mention in result.transfers])
    counts = Counter(hit.code for hit in article.state_hits)
    most_named = counts.most_common(1)[0][0] if counts else None
    found: dict[tuple[str, str], Features] = {}
    for sentence in article.sentences:
        if not language.fast_matchers.weapon_hits(sentence):
            continue
        hits = article.hits_between(sentence.start_char, sentence.end_char)
        words = [token.lower_ for token in sentence]
        lemmas = {(token.lemma_ or token.text).lower() for token in sentence} | set(words)
        start = sentence.start
        transfer_at = [
            i for i, token in enumerate(sentence) if {token.lower_, token.lemma_.lower()} & transfer_words
        ]

        def marked(hit: Any, position: str, words: list[str] = words, start: int = start) -> float:
            before = words[max(0, hit.start - start - 2) : hit.start - start]
            return float(any(prepositions.get(word) == position for word in before))

        for first in hits:
            for second in hits:
                pair = (first.code, second.code)
                if first.code == second.code or pair in reported or pair in found:
                    continue
                a, b = first.start - sentence.start, second.start - sentence.start
                found[pair] = {
                    "bias": 1.0,
                    f"lang {lang}": 1.0,
                    "transfer word": float(bool(transfer_at)),
                    "transfer word between": float(any(min(a, b) < i < max(a, b) for i in transfer_at)),
                    "supplier first": float(a < b),
                    "to before recipient": marked(second, "to"),
                    "from before supplier": marked(first, "from") + marked(first, "by"),
                    "to before supplier": marked(first, "to"),
                    "from before recipient": marked(second, "from") + marked(second, "by"),
                    f"supplier {first.kind}": 1.0,
                    f"recipient {second.kind}": 1.0,
                    "negation": float(bool(lemmas & negations)),
                    "future": float(bool(lemmas & future)),
                    "states named": min(len(counts), 6) / 6,
                    "supplier most named": float(first.code == most_named),
                    "recipient most named": float(second.code == most_named),
                    "rules found a pair": float(bool(reported)),
                    "rules found the reverse": float((second.code, first.code) in reported),
                    "sentence length": min(len(words), 80) / 80,
                }
    return list(found.items())


def sentence_features(text: str, lang: str) -> Features:
    words = [word.lower() for word in WORD.findall(text) if not word.isdigit()]
    features = {f"{lang} {word}": 1.0 for word in words}
    features.update({f"{lang} {left}_{right}": 1.0 for left, right in itertools.pairwise(words)})
    return {"bias": 1.0, **features}


def labelled_sentences(tagger: Tagger, item: dict[str, Any]) -> list[tuple[Features, bool]]:
    language = tagger.language(item["lang"])
    article = language.first_pass.whole(item["text"])
    sides = {
        code
        for transfer in item.get("transfers") or []
        for code in (transfer.get("supplier"), transfer.get("recipient"))
    }
    return [
        (sentence_features(sentence.text, item["lang"]), bool(sides & {hit.code for hit in hits}))
        for sentence in article.sentences
        if language.fast_matchers.weapon_hits(sentence)
        and (hits := article.hits_between(sentence.start_char, sentence.end_char))
    ]


class Model:
    """L2-regularised logistic regression by gradient descent over named features."""

    def __init__(self, rows: list[tuple[Features, bool]], l2: float = 1.0, steps: int = 2_000) -> None:
        seen = Counter(name for features, _ in rows for name in features)
        self.names = {name: i for i, name in enumerate(sorted(name for name, n in seen.items() if n >= 2))}
        x, y = self._matrix([features for features, _ in rows]), np.array([label for _, label in rows], float)
        self.weights = np.zeros(len(self.names))
        for _ in range(steps):
            gradient = x.T @ (1 / (1 + np.exp(-x @ self.weights)) - y) + l2 * self.weights
            self.weights -= 0.5 * gradient / len(y)

    def _matrix(self, rows: list[Features]) -> Any:
        matrix = np.zeros((len(rows), len(self.names)))
        for r, features in enumerate(rows):
            for name, value in features.items():
                if name in self.names:
                    matrix[r, self.names[name]] = value
        return matrix

    def score(self, features: Features) -> float:
        return float(1 / (1 + np.exp(-(self._matrix([features]) @ self.weights)[0])))


Mention = dict[str, Any]


def figures(rows: list[tuple[dict[str, Any], list[Mention]]]) -> str:
    """Pair precision, recall and F1 and hard negatives with a transfer, scored as ``armswatch eval`` does."""
    scores = Scores()
    for item, predicted in rows:
        score_item(item, predicted, scores)
    return (
        f"P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f} "
        f"hard negatives with a transfer {scores.hard_negatives_with_transfer}/{scores.hard_negatives}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", nargs="+", type=Path, default=[EVAL / "dev.jsonl", EVAL / "dev2.jsonl"])
    parser.add_argument("--sets", nargs="*", type=Path, default=[], help="Files read whole: aggregates only.")
    parser.add_argument("--threshold", type=float, default=0.3)
    args = parser.parse_args()
    tuning_files = [*args.dev, *sorted((HERE / "data" / "eval").glob("tune-*.jsonl"))]
    items = [item for item in load_items(tuning_files) if item.get("lang") in LANGUAGES]
    tagger = Tagger()
    results = tagger.tag_many([(item["text"], "", item["lang"]) for item in items])
    tuning = [
        (item, result) for item, result in zip(items, results, strict=True) if part_of(item["id"]) == "tune"
    ]
    held_out = [
        (item, result)
        for item, result in zip(items, results, strict=True)
        if part_of(item["id"]) == "holdout"
    ]
    print(f"{len(tuning)} tuning and {len(held_out)} held-out passages ({', '.join(LANGUAGES)})")
    pair_rows = [
        (features, pair in transfer_pairs(item.get("transfers") or []))
        for item, result in tuning
        for pair, features in pair_candidates(tagger, item, result)
    ]
    pair_model = Model(pair_rows)
    sentence_model = Model([row for item, _ in tuning for row in labelled_sentences(tagger, item)])
    print(f"pairs: {len(pair_rows)} candidates, {sum(label for _, label in pair_rows)} of them gold")

    def rules(item: dict[str, Any], result: TagResult) -> list[Mention]:
        return [mention.model_dump() for mention in result.transfers]

    def with_pairs(item: dict[str, Any], result: TagResult) -> list[Mention]:
        # the model says nothing of category or status: only the pair figures read these
        added = [
            {"supplier": supplier, "recipient": recipient, "category": "other", "status": "agreed"}
            for (supplier, recipient), features in pair_candidates(tagger, item, result)
            if pair_model.score(features) >= args.threshold
        ]
        return rules(item, result) + added

    def with_sentences(item: dict[str, Any], result: TagResult) -> list[Mention]:
        return [
            mention.model_dump()
            for mention in result.transfers
            if sentence_model.score(sentence_features(mention.sentence, item["lang"])) >= args.threshold
        ]

    systems: dict[str, Callable[[dict[str, Any], TagResult], list[Mention]]] = {
        "rules": rules,
        "rules + pairs": with_pairs,
        "rules + sentences": with_sentences,
    }
    readings = [("held-out part", held_out)]
    for path in args.sets:
        whole = [item for item in load_items([path]) if item.get("lang") in LANGUAGES]
        readings.append(
            (
                path.name,
                list(zip(whole, tagger.tag_many([(i["text"], "", i["lang"]) for i in whole]), strict=True)),
            )
        )
    for name, rows in readings:
        for system, predict in systems.items():
            print(
                f"{name:24} {system:18} {figures([(item, predict(item, result)) for item, result in rows])}"
            )


if __name__ == "__main__":
    main()
