"""The tagger's language detector against py3langid itself, on every text the project has.

enrich/language.py reads py3langid's model with a vectorised walk of its own; this checks that it gives
py3langid's language and probability to the last bit, on the text as the tagger reads it (title and text,
``SAMPLE_CHARACTERS`` long) and on the whole text, for every passage of the development sets
(../shared/eval/*.jsonl), of bench/data/eval, bench/data/deals, the general news of the speed benchmark
and the articles of the demo's feeds. It also times both on the tagger's samples.

    python bench/language_check.py [--json] [FILE.jsonl ...]

Exits with status 1 when any text differs (the differences are listed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from app.demo import demo_feed_files, feed_info
from armswatch.schema import Feed
from enrich.language import SAMPLE_CHARACTERS, detector
from ingest.parse import parse_feed

HERE = Path(__file__).resolve().parent
SHARED_EVAL = HERE.parent.parent / "shared" / "eval"


def default_sets() -> list[Path]:
    return [
        *sorted(SHARED_EVAL.glob("*.jsonl")),
        *sorted((HERE / "data" / "eval").glob("*.jsonl")),
        *sorted((HERE / "data" / "deals").glob("*.jsonl")),
        HERE / "data" / "general_news.jsonl",
    ]


def set_texts(path: Path) -> Iterator[str]:
    for line in path.read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            title = record.get("title") or ""
            yield f"{title}\n\n{record['text']}" if title else record["text"]


def demo_texts() -> Iterator[str]:
    now = datetime.now(UTC)
    for path in demo_feed_files():
        info = feed_info(path)
        feed = Feed(url=f"http://demo.armswatch.invalid{info.path}", language=info.lang, added_at=now)
        for article in parse_feed(path.read_bytes(), feed, fetched_at=now).articles:
            yield f"{article.title}\n\n{article.text}" if article.title else article.text


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sets", type=Path, nargs="*", default=default_sets())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = {str(path): list(set_texts(path)) for path in args.sets}
    texts["demo feeds"] = list(demo_texts())
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ours = detector()
    differences = []
    for name, items in texts.items():
        for number, text in enumerate(items):
            for read in (text[:SAMPLE_CHARACTERS], text):
                expected, got = reference.classify(read), ours.classify(read)
                if expected != got:
                    differences.append({"set": name, "text": number, "py3langid": expected, "ours": got})
    samples = [text[:SAMPLE_CHARACTERS] for items in texts.values() for text in items]
    seconds = {}
    for label, classify in (("py3langid", reference.classify), ("vectorised", ours.classify)):
        began = time.process_time()
        for text in samples:
            classify(text)
        seconds[label] = time.process_time() - began
    report = {
        "texts": {name: len(items) for name, items in texts.items()},
        "texts_checked": sum(len(items) for items in texts.values()),
        "differences": differences,
        "cpu_microseconds_per_sample": {label: round(s / len(samples) * 1e6) for label, s in seconds.items()},
        "speedup": round(seconds["py3langid"] / seconds["vectorised"], 2),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:30} {value}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
