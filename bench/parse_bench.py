"""Feed parsing speed: our safe parse + normalise against a bare ``feedparser.parse`` (its defaults).

Both sides get the same bytes: a corpus of news-sized feeds (RSS 2.0 with CDATA or escaped HTML and
``content:encoded``, Atom with HTML and XHTML content, RSS 1.0; 50 entries each, English and French,
with the markup news sites really send: links with tracking parameters, images, embeds, tracking
scripts) plus the sample feeds of the unit tests. Rounds alternate which side goes first; the time is
CPU time of this process (the machine is shared), and the reported figure is the median of the
per-round ratios baseline / ours (above 1.0: we are faster).

    python bench/parse_bench.py [--feeds 40] [--rounds 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import feedparser

from armswatch.schema import Feed
from ingest.parse import parse_feed

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "tests" / "unit" / "ingest" / "data"
SENTENCES = {
    "en": (
        "the ministry said on Tuesday that shipments of artillery shells and drones to the front would "
        "continue despite new sanctions announced by the European Union while officials in Kyiv and "
        "Warsaw confirmed the delivery of air defence systems armoured vehicles and spare parts"
    ),
    "fr": (
        "le ministère a annoncé mardi que les livraisons d'obus d'artillerie et de drones vers le front "
        "se poursuivraient malgré les nouvelles sanctions décidées par l'Union européenne tandis que des "
        "responsables à Kyiv et à Varsovie ont confirmé l'arrivée de systèmes de défense aérienne"
    ),
}
WORDS = {lang: text.split() for lang, text in SENTENCES.items()}


def sentence(rng: random.Random, lang: str, words: int) -> str:
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_html(rng: random.Random, lang: str, number: int, paragraphs: int) -> str:
    parts = [
        f'<figure><img src="/images/{number}.jpg" alt="{sentence(rng, lang, 6)}" width="800"/>'
        f"<figcaption>{sentence(rng, lang, 10)}</figcaption></figure>"
    ]
    for index in range(paragraphs):
        inner = " ".join(sentence(rng, lang, rng.randint(12, 30)) for _ in range(rng.randint(2, 4)))
        if index == 1:
            inner += f' <a href="/world/related-{number}?utm_source=rss">{sentence(rng, lang, 5)}</a>'
        if index == 2:
            inner = f"<strong>{inner}</strong> <em>{sentence(rng, lang, 8)}</em> &amp; &#8220;quote&#8221;"
        parts.append(f"<p>{inner}</p>")
    parts.append('<iframe src="https://www.youtube.com/embed/xyz" width="560"></iframe>')
    parts.append(f'<script type="text/javascript">window.track("{number}");</script>')
    parts.append('<img src="https://pixel.example.com/t.gif" width="1" height="1"/>')
    return "".join(parts)


def rss_feed(rng: random.Random, lang: str, entries: int, cdata: bool) -> bytes:
    items = []
    for number in range(entries):
        summary = article_html(rng, lang, number, 1)
        content = article_html(rng, lang, number, rng.randint(3, 6))
        description = f"<![CDATA[{summary}]]>" if cdata else escape(summary)
        items.append(
            f"<item><title>{escape(sentence(rng, lang, 9))}</title>"
            f"<link>https://news.example.com/{lang}/world/{number}?utm_source=rss&amp;utm_medium=feed</link>"
            f'<guid isPermaLink="false">news-{lang}-{number}</guid>'
            f"<description>{description}</description>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>"
            f"<pubDate>Tue, {1 + number % 28:02d} Oct 2024 {number % 24:02d}:15:00 +0200</pubDate>"
            f"<dc:creator>Jane Doe</dc:creator><category>World</category><category>Defence</category>"
            f'<enclosure url="https://news.example.com/images/{number}.jpg" type="image/jpeg" length="1"/>'
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example News</title>'
        f"<link>https://news.example.com/{lang}/</link><description>World desk</description>"
        f"<language>{lang}</language>{''.join(items)}</channel></rss>"
    ).encode()


def atom_feed(rng: random.Random, lang: str, entries: int, xhtml: bool) -> bytes:
    items = []
    for number in range(entries):
        content = article_html(rng, lang, number, rng.randint(3, 6))
        if xhtml:
            body = content.replace("<script", "<span").replace("</script>", "</span>")
            content_element = (
                f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{body}</div></content>'
            )
        else:
            content_element = f'<content type="html">{escape(content)}</content>'
        items.append(
            f"<entry><title>{escape(sentence(rng, lang, 9))}</title>"
            f'<link rel="alternate" href="/{lang}/defence/{number}?fbclid=abc"/>'
            f"<id>tag:defence.example.org,2024:{lang}-{number}</id>"
            f"<published>2024-10-{1 + number % 28:02d}T08:00:00+02:00</published>"
            f"<updated>2024-10-{1 + number % 28:02d}T09:30:00Z</updated>"
            f"<author><name>Marie Dupont</name></author>"
            f'<category term="Défense"/>'
            f'<summary type="html">{escape(article_html(rng, lang, number, 1))}</summary>'
            f"{content_element}</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}" xml:base="https://defence.example.org/">'
        f"<title>Defence Example</title><id>tag:defence.example.org,2024:feed</id>"
        f"<updated>2024-10-28T09:30:00Z</updated>{''.join(items)}</feed>"
    ).encode()


def rdf_feed(rng: random.Random, lang: str, entries: int) -> bytes:
    items = "".join(
        f'<item rdf:about="https://wire.example.net/{number}"><title>{escape(sentence(rng, lang, 9))}</title>'
        f"<link>https://wire.example.net/{number}</link>"
        f"<description>{escape(article_html(rng, lang, number, 2))}</description>"
        f"<dc:date>2024-10-{1 + number % 28:02d}T08:00:00Z</dc:date></item>"
        for number in range(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://wire.example.net/">'
        f"<title>Wire</title><link>https://wire.example.net/</link><description>Wire</description></channel>"
        f"{items}</rdf:RDF>"
    ).encode()


def build_corpus(feeds: int, entries: int = 50, seed: int = 11) -> list[bytes]:
    rng = random.Random(seed)
    makers = [
        lambda lang: rss_feed(rng, lang, entries, cdata=True),
        lambda lang: rss_feed(rng, lang, entries, cdata=False),
        lambda lang: atom_feed(rng, lang, entries, xhtml=False),
        lambda lang: atom_feed(rng, lang, entries, xhtml=True),
        lambda lang: rdf_feed(rng, lang, entries),
    ]
    corpus = [makers[number % len(makers)]("en" if number % 3 else "fr") for number in range(feeds)]
    corpus += [path.read_bytes() for path in sorted(SAMPLES.glob("*")) if path.is_file()]
    return corpus


def time_baseline(corpus: list[bytes]) -> tuple[float, int]:
    began = time.process_time()
    entries = sum(len(feedparser.parse(body).entries) for body in corpus)
    return time.process_time() - began, entries


def time_ours(corpus: list[bytes], feed: Feed, fetched_at: datetime) -> tuple[float, int]:
    began = time.process_time()
    entries = sum(parse_feed(body, feed, fetched_at=fetched_at).entries_total for body in corpus)
    return time.process_time() - began, entries


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=40, help="generated feeds of 50 entries")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    corpus = build_corpus(args.feeds)
    feed = Feed(url="https://news.example.com/rss.xml", added_at=datetime.now(UTC))
    fetched_at = datetime.now(UTC)
    time_baseline(corpus[:3]), time_ours(corpus[:3], feed, fetched_at)  # warm caches and imports
    ratios, baselines, ours_times = [], [], []
    entries = 0
    for round_number in range(args.rounds):
        if round_number % 2 == 0:
            baseline, entries_baseline = time_baseline(corpus)
            ours, entries = time_ours(corpus, feed, fetched_at)
        else:
            ours, entries = time_ours(corpus, feed, fetched_at)
            baseline, entries_baseline = time_baseline(corpus)
        assert entries == entries_baseline, "both sides must read the same entries"
        ratios.append(baseline / ours)
        baselines.append(baseline)
        ours_times.append(ours)
    report = {
        "feeds": len(corpus),
        "bytes": sum(len(body) for body in corpus),
        "entries": entries,
        "rounds": args.rounds,
        "baseline_feedparser_cpu_seconds": round(statistics.median(baselines), 3),
        "ours_cpu_seconds": round(statistics.median(ours_times), 3),
        "baseline_feeds_per_second": round(len(corpus) / statistics.median(baselines), 1),
        "ours_feeds_per_second": round(len(corpus) / statistics.median(ours_times), 1),
        "ratio_median": round(statistics.median(ratios), 2),
        "ratio_min": round(min(ratios), 2),
        "ratio_max": round(max(ratios), 2),
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:34} {value}")


if __name__ == "__main__":
    main()
