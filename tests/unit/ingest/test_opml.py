from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest

from armswatch.schema import Feed
from ingest.opml import MAX_OUTLINES, OpmlError, default_feeds, read_opml, write_opml

ADDED_AT = datetime(2024, 1, 1, tzinfo=UTC)


def test_opml_round_trip_keeps_every_field() -> None:
    feeds = [
        Feed(url="https://a.example/rss", name="A & co <desk>", language="en", added_at=ADDED_AT),
        Feed(
            url="https://b.example/atom.xml",
            language="fr",
            interval_seconds=900,
            full_text=False,
            added_at=ADDED_AT,
        ),
        Feed(url="http://c.example/feed?x=1&y=2", name="Défense", added_at=ADDED_AT),
    ]
    assert read_opml(write_opml(feeds, "My feeds"), added_at=ADDED_AT) == feeds


def test_read_opml_walks_nested_outlines_and_reader_variants() -> None:
    data = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>Export</title></head><body>
  <outline text="News"><outline text="Deep"><outline text="World" title="ignored" type="rss"
      xmlUrl="https://w.example/rss" language="en-GB"/></outline></outline>
  <outline title="Only a title" xmlurl="https://t.example/rss"/>
  <outline text="Folder without a feed"/>
  <outline text="Not http" xmlUrl="file:///etc/passwd"/>
  <outline text="Again" xmlUrl="https://w.example/rss"/>
  <outline text="D\xe9fense" xmlUrl="https://d.example/rss" interval="abc" fullText="FALSE"/>
</body></opml>"""
    feeds = read_opml(data, added_at=ADDED_AT)
    assert [(feed.url, feed.name, feed.language) for feed in feeds] == [
        ("https://w.example/rss", "World", "en-GB"),
        ("https://t.example/rss", "Only a title", None),
        ("https://d.example/rss", "Défense", None),
    ]
    assert feeds[2].interval_seconds is None and not feeds[2].full_text


def test_read_opml_never_expands_entities() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    data = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY l0 "lol">{laughs}'
        f'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<opml version="2.0"><body><outline text="&l8;&xxe;" xmlUrl="https://x.example/rss"/></body></opml>'
    ).encode()
    (feed,) = read_opml(data)
    assert feed.name == "&l8;&xxe;"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<opml><body><outline",
        b"<html><body>not opml</body></html>",
        b"<opml><body>" + b'<outline xmlUrl="https://x.example/"/>' * (MAX_OUTLINES + 1) + b"</body></opml>",
    ],
)
def test_read_opml_refuses_what_it_cannot_read(data: bytes) -> None:
    with pytest.raises(OpmlError):
        read_opml(data)


def test_default_feeds_are_about_thirty_english_and_french_feeds() -> None:
    feeds = default_feeds()
    assert 25 <= len(feeds) <= 40
    assert {feed.language for feed in feeds} == {"en", "fr"}
    assert sum(feed.language == "fr" for feed in feeds) >= 8
    assert len({feed.url for feed in feeds}) == len(feeds)
    for feed in feeds:
        assert feed.name
        assert urlsplit(feed.url).scheme == "https"
