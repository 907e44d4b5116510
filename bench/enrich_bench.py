"""Enrich speed: the tagger against plain ``nlp.pipe`` of the full spaCy pipeline, same texts, same run.

The mix is realistic for a news stream: about 1 article in 10 about arms (passages of the development
set, in all its languages), the rest general news (bench/data/general_news.jsonl, written for the
project). Texts in a language without a trained pipeline count at the English pipeline's cost. The
tagger is also run with its prefilter off (every sentence parsed) to check that the prefilter changes no
result.

    python bench/enrich_bench.py [--articles 400] [--rounds 3] [--dev ../shared/eval/dev.jsonl] [--json]

The baseline and the tagger run in alternating rounds and the ratio is the median of the rounds', so
that a machine shared with other work slows both alike.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import spacy
from spacy.language import Language

from enrich.tagger import TRAINED_PIPELINES, Tagger

HERE = Path(__file__).resolve().parent
DEFAULT_DEV = HERE.parent.parent / "shared" / "eval" / "dev.jsonl"


def build_mix(articles: int, dev: Path, seed: int = 7) -> list[tuple[str, str, str]]:
    """(text, title, lang) items, 1 in 10 about arms."""
    rng = random.Random(seed)
    arms = [json.loads(line) for line in dev.read_text().splitlines() if line.strip()]
    arms = [item for item in arms if item["transfers"]]
    general = [
        json.loads(line)
        for line in (HERE / "data" / "general_news.jsonl").read_text().splitlines()
        if line.strip()
    ]
    mix = []
    for number in range(articles):
        item = rng.choice(arms) if number % 10 == 0 else rng.choice(general)
        mix.append((item["text"], item.get("title", ""), item["lang"]))
    return mix


def time_baseline(mix: list[tuple[str, str, str]], pipelines: dict[str, Language]) -> float:
    """Seconds for nlp.pipe of each language's full pipeline over its texts (models loaded beforehand)."""
    began = time.perf_counter()
    for lang, nlp in pipelines.items():
        texts = [
            f"{title}\n\n{text}" if title else text
            for text, title, item_lang in mix
            if item_lang == lang or (lang == "en" and item_lang not in pipelines)
        ]
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
    return time.perf_counter() - began


def time_tagger(
    tagger: Tagger, mix: list[tuple[str, str, str]]
) -> tuple[float, list[list[dict[str, object]]]]:
    one_per_language = {lang: (text, title, lang) for text, title, lang in mix}
    # load every language's pipelines and data outside the timing, as the baseline does
    tagger.tag_many(mix[:20] + list(one_per_language.values()))
    began = time.perf_counter()
    results = []
    for start in range(0, len(mix), 64):
        results.extend(tagger.tag_many(mix[start : start + 64]))
    elapsed = time.perf_counter() - began
    return elapsed, [[t.model_dump() for t in result.transfers] for result in results]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    mix = build_mix(args.articles, args.dev)
    pipelines = {lang: spacy.load(name) for lang, name in TRAINED_PIPELINES.items()}
    tagger, unfiltered_tagger = Tagger(), Tagger(prefilter=False)
    rounds = []
    for _round in range(args.rounds):
        baseline = time_baseline(mix, pipelines)
        tagged, results = time_tagger(tagger, mix)
        rounds.append((baseline, tagged))
    unfiltered, unfiltered_results = time_tagger(unfiltered_tagger, mix)
    report = {
        "articles": len(mix),
        "rounds": args.rounds,
        "baseline_nlp_pipe_seconds": [round(b, 2) for b, _ in rounds],
        "tagger_seconds": [round(t, 2) for _, t in rounds],
        "tagger_without_prefilter_seconds": round(unfiltered, 2),
        "speedup_vs_nlp_pipe": round(statistics.median(b / t for b, t in rounds), 2),
        "speedup_vs_no_prefilter": round(unfiltered / statistics.median(t for _, t in rounds), 2),
        "tagger_articles_per_second": round(len(mix) / statistics.median(t for _, t in rounds), 1),
        "same_results_as_without_prefilter": results == unfiltered_results,
        "articles_with_transfers": sum(1 for result in results if result),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:38} {value}")


if __name__ == "__main__":
    main()
