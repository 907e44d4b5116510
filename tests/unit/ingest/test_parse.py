from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armswatch.schema import Feed
from ingest.parse import MAX_ENTRIES, MAX_FEED_BYTES, FeedError, ParsedFeed, parse_feed
from ingest.xmlsafe import MAX_AUTHOR_CHARS, bound_author_fields, strip_declarations

DATA = Path(__file__).parent / "data"
FETCHED_AT = datetime(2024, 3, 6, 8, 0, tzinfo=UTC)
ADDED_AT = datetime(2024, 1, 1, tzinfo=UTC)


def feed(url: str = "https://news.example.com/world/rss.xml", **fields: object) -> Feed:
    return Feed.model_validate({"url": url, "added_at": ADDED_AT, **fields})


def parse(body: bytes, url: str = "https://news.example.com/world/rss.xml", **kwargs: object) -> ParsedFeed:
    content_type = kwargs.pop("content_type", None)
    assert content_type is None or isinstance(content_type, str)
    return parse_feed(body, feed(url, **kwargs), fetched_at=FETCHED_AT, content_type=content_type)


def rss(items: str, *, channel: str = "<title>T</title>", declaration: str = "") -> bytes:
    return f'{declaration}<rss version="2.0"><channel>{channel}{items}</channel></rss>'.encode()


def billion_laughs(levels: int = 9) -> str:
    entities = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return f"<!DOCTYPE rss [{''.join(entities)}]>"


# Formats.


@pytest.mark.parametrize(
    ("name", "titles", "language"),
    [
        ("rss090.rdf", ["Frigates sold to the navy", "Drones delivered"], None),
        ("rss091.xml", ["Livraison de blindés"], "fr"),
        ("rss10.rdf", ["Artillery shells shipped"], "en"),
        (
            "rss20.xml",
            [
                "Tanks & trucks delivered to the border",
                "Relative link",
                "No date",
                "Link in the guid only",
                "From the future",
            ],
            "en",
        ),
        ("atom10.xml", ["Livraison de missiles sol-air", "Mise à jour seulement"], "fr"),
    ],
)
def test_parse_feed_reads_every_format(name: str, titles: list[str], language: str | None) -> None:
    parsed = parse((DATA / name).read_bytes())
    assert [article.title for article in parsed.articles] == titles
    assert parsed.language == language
    assert parsed.title
    for article in parsed.articles:
        assert article.feed_url == "https://news.example.com/world/rss.xml"
        assert article.canonical_url and article.id
        assert article.fetched_at == FETCHED_AT


def test_parse_feed_normalises_an_rss_entry() -> None:
    parsed = parse((DATA / "rss20.xml").read_bytes(), name="Example desk")
    tanks = parsed.articles[0]
    assert tanks.url == "https://news.example.com/world/tanks?utm_source=rss&utm_medium=feed#comments"
    assert tanks.canonical_url == "https://news.example.com/world/tanks"
    assert tanks.source == "Example desk"
    assert tanks.source_domain == "news.example.com"
    assert tanks.summary == "The ministry said forty tanks arrived.\nMore follows."
    assert tanks.text.splitlines() == [
        "The ministry said forty tanks arrived at the border on Tuesday.",
        "Officials confirmed the delivery.",
    ]
    assert tanks.authors == ["John Smith"]
    assert tanks.categories == ["Defence", "Europe"]
    assert tanks.published_at == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert not tanks.published_at_estimated
    assert tanks.content_hash and tanks.language == "en"


def test_parse_feed_never_keeps_script_or_style_content() -> None:
    for name in ("rss20.xml", "atom10.xml"):
        for article in parse((DATA / name).read_bytes()).articles:
            for text in (article.title, article.summary, article.text):
                assert "tracker" not in text and "evil" not in text and "color" not in text
                assert "<" not in text.replace(
                    "<script>", ""
                )  # Atom type="text" keeps its literal "<script>"


def test_parse_feed_reads_atom_fields() -> None:
    parsed = parse((DATA / "atom10.xml").read_bytes(), url="https://defense.example.fr/atom.xml")
    missiles, update = parsed.articles
    assert missiles.url == "https://defense.example.fr/actualites/missiles-sol-air.html"  # xml:base
    assert missiles.title == "Livraison de missiles sol-air"  # type="html" title as text
    assert missiles.summary == "Des missiles <script> ont été livrés."  # type="text" stays text
    assert missiles.text == "Des missiles sol-air ont été livrés à l'armée.\nLe ministère confirme."
    assert missiles.authors == ["Marie Curie"]
    assert missiles.published_at == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)
    assert update.published_at == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)  # <updated> when not published
    assert update.summary == update.text == "Résumé"
    assert parsed.site_url == "https://defense.example.fr/"


# Links, ids and dates.


def test_parse_feed_resolves_relative_links_against_the_feed_url() -> None:
    parsed = parse((DATA / "rss20.xml").read_bytes())
    relative = next(article for article in parsed.articles if article.title == "Relative link")
    assert relative.url == "https://news.example.com/world/relative-story"
    assert parsed.site_url == "https://news.example.com/world/"


def test_parse_feed_uses_an_id_that_is_a_url_and_skips_entries_without_any() -> None:
    parsed = parse((DATA / "rss20.xml").read_bytes())
    guid_only = next(article for article in parsed.articles if article.title == "Link in the guid only")
    assert guid_only.url == "https://news.example.com/world/guid-only"
    assert parsed.entries_total == 7
    assert parsed.entries_skipped == 2  # the urn: guid and the entry with nothing
    assert any("2 entries without a usable link" in warning for warning in parsed.warnings)


def test_parse_feed_falls_back_to_fetch_time_for_missing_and_future_dates() -> None:
    articles = {article.title: article for article in parse((DATA / "rss20.xml").read_bytes()).articles}
    for title in ("No date", "From the future", "Link in the guid only"):
        assert articles[title].published_at == FETCHED_AT
        assert articles[title].published_at_estimated
    assert articles["Relative link"].published_at == datetime(2024, 3, 5, 15, 0, tzinfo=UTC)


def test_parse_feed_treats_placeholder_dates_as_missing() -> None:
    item = "<item><link>https://x.example/a</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
    (article,) = parse(rss(item)).articles
    assert article.published_at == FETCHED_AT and article.published_at_estimated


def test_parse_feed_keeps_one_article_per_canonical_url() -> None:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link></item>"
        for title, link in [
            ("a", "https://x.example/a?utm_source=1"),
            ("b", "https://X.example/a#c"),
            ("c", "/b"),
        ]
    )
    parsed = parse(rss(items), url="https://x.example/feed")
    assert [article.title for article in parsed.articles] == ["a", "c"]
    assert parsed.entries_skipped == 1


def test_parse_feed_language_hint_of_the_registry_wins() -> None:
    body = rss(
        "<item><link>https://x.example/a</link></item>", channel="<title>T</title><language>en-US</language>"
    )
    assert parse(body).articles[0].language == "en"
    assert parse(body, language="fr").articles[0].language == "fr"
    assert parse(rss("<item><link>https://x.example/a</link></item>")).articles[0].language is None


def test_parse_feed_source_falls_back_to_the_feed_title_then_the_domain() -> None:
    item = "<item><link>https://www.x.example/a</link></item>"
    assert parse(rss(item, channel="<title>Desk &amp; co</title>")).articles[0].source == "Desk & co"
    article = parse(rss(item, channel="")).articles[0]
    assert article.source == article.source_domain == "x.example"


@pytest.mark.parametrize(
    "markup",
    [
        "<![CDATA[<script>alert(1)</script>T]]>",
        "&lt;script&gt;alert(1)&lt;/script&gt;T",
        "<![CDATA[<b>T</b>]]>",
    ],
)
def test_parse_feed_titles_and_categories_are_text_without_markup(markup: str) -> None:
    item = (
        f"<item><link>https://x.example/a</link><title>{markup}</title><category>{markup}</category></item>"
    )
    article = parse(rss(item, channel=f"<title>{markup}</title>")).articles[0]
    assert (article.title, article.categories, article.source) == ("T", ["T"], "T")


def test_parse_feed_reads_at_most_max_entries() -> None:
    items = "".join(f"<item><link>https://x.example/{i}</link></item>" for i in range(MAX_ENTRIES + 5))
    parsed = parse(rss(items))
    assert len(parsed.articles) == MAX_ENTRIES
    assert parsed.entries_total == MAX_ENTRIES + 5 and parsed.entries_skipped == 5


# Encodings.


def test_parse_feed_reads_latin1_declared_as_utf8() -> None:
    body = rss(
        "<item><title>Blindés livrés à Kyiv</title><link>https://x.example/a</link></item>",
        declaration='<?xml version="1.0" encoding="utf-8"?>',
    )
    parsed = parse(body.decode().encode("latin-1"))
    assert parsed.articles[0].title == "Blindés livrés à Kyiv"
    assert any("read as cp1252" in warning for warning in parsed.warnings)


def test_parse_feed_reads_undeclared_windows_1252() -> None:
    body = "<item><title>“Missiles” cost 5 € — élevé</title><link>https://x.example/a</link></item>"
    parsed = parse(rss(body).decode().encode("cp1252"))
    assert parsed.articles[0].title == "“Missiles” cost 5 € — élevé"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_parse_feed_reads_byte_order_marks(encoding: str) -> None:
    text = rss(
        "<item><title>Обстрел — تسليم — 交付</title><link>https://x.example/a</link></item>",
        declaration=f'<?xml version="1.0" encoding="{encoding.removesuffix("-sig").removesuffix("-be")}"?>',
    ).decode()
    body = text.encode(encoding)
    if encoding == "utf-16-be":
        body = b"\xfe\xff" + body
    assert parse(body).articles[0].title == "Обстрел — تسليم — 交付"


def test_parse_feed_reads_utf16_without_a_byte_order_mark() -> None:
    body = rss("<item><title>Été</title><link>https://x.example/a</link></item>").decode().encode("utf-16-le")
    assert parse(body).articles[0].title == "Été"


def test_parse_feed_follows_the_http_charset_when_the_bytes_agree() -> None:
    body = rss(
        "<item><title>Ракеты</title><link>https://x.example/a</link></item>",
        declaration='<?xml version="1.0" encoding="utf-8"?>',
    )
    koi8 = body.decode().encode("koi8-r")
    assert parse(koi8, content_type="application/rss+xml; charset=KOI8-R").articles[0].title == "Ракеты"
    # Valid UTF-8 wins over a charset it contradicts.
    parsed = parse(body, content_type="text/xml; charset=iso-8859-1")
    assert parsed.articles[0].title == "Ракеты"
    assert any("contradicted" in warning for warning in parsed.warnings)


def test_parse_feed_reads_html_entities_and_drops_control_characters() -> None:
    body = rss("<item><title>A&nbsp;B &eacute; &bogus; \x01C</title><link>https://x.example/a</link></item>")
    parsed = parse(body)
    assert parsed.articles[0].title == "A B é &bogus; C"
    assert not any("malformed" in warning for warning in parsed.warnings)  # the strict parser read it


# Malformed and hostile documents.


def test_parse_feed_recovers_what_a_malformed_feed_holds() -> None:
    parsed = parse((DATA / "malformed.xml").read_bytes())
    assert [article.title for article in parsed.articles] == ["First story & no escaping", "Second story"]
    assert any(warning.startswith("malformed XML") for warning in parsed.warnings)


@pytest.mark.parametrize("one_line", [True, False])
def test_parse_feed_never_expands_entities(one_line: bool) -> None:
    doctype = billion_laughs()
    if not one_line:
        doctype = doctype.replace("<!ENTITY", "\n<!ENTITY").replace("]>", "\n]>\n")
    body = rss(
        "<item><title>&lol9;</title><link>https://x.example/a</link><description>&lol3;</description></item>",
        channel="<title>&lol9;</title>",
        declaration='<?xml version="1.0"?>\n' + doctype,
    )
    parsed = parse(body)
    assert parsed.title == "&lol9;"
    (article,) = parsed.articles
    assert (article.title, article.summary) == ("&lol9;", "&lol3;")
    assert (
        sum(len(value) for value in article.model_dump(mode="json").values() if isinstance(value, str)) < 1000
    )
    assert any("DOCTYPE/ENTITY declarations removed" in warning for warning in parsed.warnings)


def test_parse_feed_never_resolves_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doctype = (
        f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">'
        f'<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
    )
    body = rss("<item><title>&xxe;</title><link>https://x.example/a</link></item>", declaration=doctype)
    parsed = parse(body)
    assert parsed.articles[0].title == "&xxe;"
    assert "TOP-SECRET" not in repr(parsed)


def test_parse_feed_never_reads_a_path_or_url_given_as_the_body(tmp_path: Path) -> None:
    secret = tmp_path / "feed.xml"
    secret.write_bytes(rss("<item><title>SECRET</title><link>https://x.example/a</link></item>"))
    for body in (str(secret).encode(), f"file://{secret}".encode()):
        with pytest.raises(FeedError) as raised:
            parse(body)
        assert raised.value.reason in {"not_a_feed", "malformed"}


def test_parse_feed_cuts_author_fields_before_feedparser_sees_them() -> None:
    hostile = "a" * 8000 + "@" + "a." * 40  # quadratic for feedparser's author e-mail pattern
    items = "".join(
        f"<item><link>https://x.example/{i}</link><author>{hostile}</author><dc:creator><![CDATA[{hostile}]]>"
        f"</dc:creator></item>"
        for i in range(3)
    )
    body = f'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>{items}</channel></rss>'
    parsed = parse(body.encode())
    assert len(parsed.articles) == 3
    for article in parsed.articles:
        assert all(len(author) <= MAX_AUTHOR_CHARS for author in article.authors)
    assert any("author fields longer than" in warning for warning in parsed.warnings)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"<html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "not_a_feed"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "not_a_feed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "malformed"),
        (b"x" * (MAX_FEED_BYTES + 1), "too_large"),
    ],
)
def test_parse_feed_refuses_what_is_not_a_feed(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as raised:
        parse(body)
    assert raised.value.reason == reason
    assert str(raised.value)


def test_parse_feed_gives_the_fetch_time_in_utc() -> None:
    body = rss("<item><link>https://x.example/a</link></item>")
    naive = parse_feed(body, feed(), fetched_at=datetime(2024, 3, 6, 8, 0)).articles[0]
    assert naive.fetched_at == FETCHED_AT and naive.fetched_at.tzinfo == UTC
    paris = datetime(2024, 3, 6, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    article = parse_feed(body, feed(), fetched_at=paris).articles[0]
    assert article.fetched_at == article.published_at == FETCHED_AT
    assert article.fetched_at.tzinfo == UTC


# The neutralising steps on their own.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss.dtd"><rss/>', "<rss/>"),
        ("<!DOCTYPE r [<!ENTITY a \"]>\"><!-- ]> --><!ENTITY b '>'>]><rss/>", "<rss/>"),
        ('<!doctype r [ <!ENTITY % p SYSTEM "x"> %p; ] ><rss/>', "<rss/>"),
        ('<rss><!ENTITY stray "x"></rss>', "<rss></rss>"),
        ("<rss/><!DOCTYPE never closed [ <!ENTITY a 'b'", "<rss/>"),
        ("<rss>&lt;!DOCTYPE is text&gt;</rss>", "<rss>&lt;!DOCTYPE is text&gt;</rss>"),
    ],
)
def test_strip_declarations(text: str, expected: str) -> None:
    assert strip_declarations(text)[0] == expected


def test_bound_author_fields_counts_text_split_by_comments_and_cdata() -> None:
    split = "<author>" + "a" * 200 + "<!-- -->" + "<![CDATA[" + "b" * 200 + "]]>" + "c" * 200 + "</author>"
    bounded, cut = bound_author_fields(split)
    assert cut == 1
    assert bounded == "<author>" + "a" * 200 + "<![CDATA[" + "b" * 56 + "]]></author>"
    short = '<dc:creator role="x">Jane &amp; John</dc:creator><name/><email>a@b.c</email>'
    assert bound_author_fields(short) == (short, 0)


SAMPLE_BODIES = [path.read_bytes() for path in sorted(DATA.glob("*")) if path.is_file()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sample=st.sampled_from(SAMPLE_BODIES),
    cut=st.integers(min_value=0, max_value=4000),
    noise=st.binary(max_size=64),
    position=st.integers(min_value=0, max_value=4000),
)
def test_parse_feed_only_ever_raises_feed_error(sample: bytes, cut: int, noise: bytes, position: int) -> None:
    """Truncated feeds with arbitrary bytes spliced in: articles or a FeedError, nothing else."""
    body = sample[:cut]
    body = body[:position] + noise + body[position:]
    try:
        parsed = parse(body)
    except FeedError as error:
        assert error.reason in {"empty", "not_a_feed", "malformed"}
    else:
        assert parsed.entries_total >= len(parsed.articles)
