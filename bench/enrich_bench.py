"""Enrich speed: the tagger against plain ``nlp.pipe`` of the full spaCy pipeline, same texts, same run.

The mix is realistic for a news stream: about 1 article in 10 about arms (passages of the development
sets, in all their languages), the rest general news (bench/data/general_news.jsonl, written for the
project). Articles are drawn without replacement until a pool runs out (``distinct_articles`` says how
many differ: repeats make every cache warmer, the baseline's too). Texts in a language without a trained
pipeline count at the English pipeline's cost. The tagger is also run with its prefilter off (the whole
first-pass pipeline over every text, every sentence parsed) to check that the prefilter changes nothing
it returns: states, transfers, lemmas, everything.

    python bench/enrich_bench.py [--articles 400] [--rounds 3] [--json]
        [--dev ../shared/eval/dev.jsonl ../shared/eval/dev2.jsonl]

The baseline and the tagger run in alternating rounds and the ratio is the median of the rounds', so
that a machine shared with other work slows both alike; the load average is printed beside it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from enrich.tagger import TRAINED_PIPELINES, Tagger

HERE = Path(__file__).resolve().parent
DEFAULT_DEV = [HERE.parent.parent / "shared" / "eval" / name for name in ("dev.jsonl", "dev2.jsonl")]


def build_mix(articles: int, dev: list[Path], seed: int = 7) -> list[tuple[str, str, str]]:
    """(text, title, lang) items, 1 in 10 about arms."""
    rng = random.Random(seed)
    arms = [item for path in dev for item in _records(path) if item["transfers"]]
    general = _records(HERE / "data" / "general_news.jsonl")
    draws = {"arms": _draws(arms, rng), "general": _draws(general, rng)}
    mix = []
    for number in range(articles):
        item = next(draws["arms"] if number % 10 == 0 else draws["general"])
        mix.append((item["text"], item.get("title", ""), item["lang"]))
    return mix


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _draws(pool: list[dict[str, Any]], rng: random.Random) -> Iterator[dict[str, Any]]:
    """The pool's items in random order, then again in another order, and so on."""
    while True:
        yield from rng.sample(pool, len(pool))


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process's, which other work on a shared machine disturbs less

    @classmethod
    def since(cls, began: Timing) -> Timing:
        return cls(time.perf_counter() - began.wall, time.process_time() - began.cpu)

    @classmethod
    def now(cls) -> Timing:
        return cls(time.perf_counter(), time.process_time())


def time_baseline(mix: list[tuple[str, str, str]], pipelines: dict[str, Language]) -> Timing:
    """Seconds for nlp.pipe of each language's full pipeline over its texts (models loaded beforehand)."""
    began = Timing.now()
    for lang, nlp in pipelines.items():
        texts = [
            f"{title}\n\n{text}" if title else text
            for text, title, item_lang in mix
            if item_lang == lang or (lang == "en" and item_lang not in pipelines)
        ]
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
    return Timing.since(began)


def time_tagger(tagger: Tagger, mix: list[tuple[str, str, str]]) -> tuple[Timing, list[dict[str, Any]]]:
    one_per_language = {lang: (text, title, lang) for text, title, lang in mix}
    # load every language's pipelines and data outside the timing, as the baseline does
    tagger.tag_many(mix[:20] + list(one_per_language.values()))
    began = Timing.now()
    results = []
    for start in range(0, len(mix), 64):
        results.extend(tagger.tag_many(mix[start : start + 64]))
    elapsed = Timing.since(began)
    return elapsed, [dataclasses.asdict(result) for result in results]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dev", type=Path, nargs="+", default=DEFAULT_DEV)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    mix = build_mix(args.articles, args.dev)
    pipelines = {lang: spacy.load(name) for lang, name in TRAINED_PIPELINES.items()}
    tagger, unfiltered_tagger = Tagger(), Tagger(prefilter=False)
    load_before = os.getloadavg()
    rounds: list[tuple[Timing, Timing]] = []
    for _round in range(args.rounds):
        baseline = time_baseline(mix, pipelines)
        tagged, results = time_tagger(tagger, mix)
        rounds.append((baseline, tagged))
    unfiltered, unfiltered_results = time_tagger(unfiltered_tagger, mix)
    tagger_seconds = statistics.median(t.wall for _, t in rounds)
    report = {
        "articles": len(mix),
        "distinct_articles": len(set(mix)),
        "languages": dict(Counter(lang for _, _, lang in mix).most_common()),
        "load_average_1min_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "rounds": args.rounds,
        "baseline_nlp_pipe_seconds": [round(b.wall, 2) for b, _ in rounds],
        "tagger_seconds": [round(t.wall, 2) for _, t in rounds],
        "tagger_without_prefilter_seconds": round(unfiltered.wall, 2),
        "speedup_vs_nlp_pipe": round(statistics.median(b.wall / t.wall for b, t in rounds), 2),
        "speedup_vs_nlp_pipe_cpu_time": round(statistics.median(b.cpu / t.cpu for b, t in rounds), 2),
        "speedup_vs_no_prefilter": round(unfiltered.wall / tagger_seconds, 2),
        "tagger_articles_per_second": round(len(mix) / tagger_seconds, 1),
        "same_results_as_without_prefilter": results == unfiltered_results,
        "articles_with_transfers": sum(1 for result in results if result["transfers"]),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:38} {value}")


if __name__ == "__main__":
    main()
