from __future__ import annotations

import pytest

from ingest.normalize import (
    MAX_HTML_CHARS,
    MAX_TEXT_CHARS,
    article_id,
    canonical_url,
    content_hash,
    html_to_text,
    plain_text,
)

FEED = "https://feeds.example.org/news/world/rss.xml"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "HTTPS://News.Example.COM/World", "https://news.example.com/World", id="scheme-host-case"
        ),
        pytest.param("http://example.com:80/a", "http://example.com/a", id="default-port-http"),
        pytest.param("https://example.com:443/a", "https://example.com/a", id="default-port-https"),
        pytest.param("https://example.com:8443/a", "https://example.com:8443/a", id="other-port-kept"),
        pytest.param("https://example.com/a#comments", "https://example.com/a", id="fragment"),
        pytest.param("https://example.com/a#xtor=RSS-3208", "https://example.com/a", id="fragment-tracking"),
        pytest.param(
            "https://example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x&id=7",
            "https://example.com/a?id=7",
            id="utm",
        ),
        pytest.param("https://example.com/a?fbclid=IwAR0abc", "https://example.com/a", id="fbclid"),
        pytest.param("https://example.com/a?gclid=Cj0K&page=2", "https://example.com/a?page=2", id="gclid"),
        pytest.param(
            "https://www.bbc.com/news/x?at_medium=RSS&at_campaign=rss",
            "https://www.bbc.com/news/x",
            id="at-internet",
        ),
        pytest.param(
            "https://example.com/a?xtor=RSS-1&mc_cid=1&mc_eid=2&msclkid=3&_ga=4&ref_src=5",
            "https://example.com/a",
            id="other-trackers",
        ),
        pytest.param("https://example.com/a?", "https://example.com/a", id="empty-query"),
        pytest.param(
            "https://example.com/a?b=2&a=1&b=1", "https://example.com/a?a=1&b=2&b=1", id="sorted-query"
        ),
        pytest.param("https://example.com/a?flag", "https://example.com/a?flag", id="valueless-parameter"),
        pytest.param("https://example.com", "https://example.com/", id="empty-path"),
        pytest.param("https://example.com/a/./b/../c", "https://example.com/a/c", id="dot-segments"),
        pytest.param("https://example.com/a/b/..", "https://example.com/a/", id="trailing-dot-dot"),
        pytest.param("https://user:secret@example.com/a", "https://example.com/a", id="credentials"),
        pytest.param("https://example.com./a", "https://example.com/a", id="trailing-dot-host"),
        pytest.param("https://Bücher.example/", "https://xn--bcher-kva.example/", id="idn-host"),
        pytest.param("https://example.com/a b", "https://example.com/a%20b", id="space-escaped"),
        pytest.param("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9", id="escape-case"),
        pytest.param("https://example.com/café", "https://example.com/caf%C3%A9", id="non-ascii-path"),
        pytest.param("https://[2001:DB8::1]:443/a", "https://[2001:db8::1]/a", id="ipv6"),
        pytest.param("  https://example.com/a  ", "https://example.com/a", id="whitespace"),
    ],
)
def test_canonical_url_rules(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("/world/story", "https://feeds.example.org/world/story", id="absolute-path"),
        pytest.param("story.html", "https://feeds.example.org/news/world/story.html", id="relative-path"),
        pytest.param("../europe/x", "https://feeds.example.org/news/europe/x", id="parent"),
        pytest.param("//cdn.example.net/a", "https://cdn.example.net/a", id="protocol-relative"),
        pytest.param(
            "?id=3&utm_source=x", "https://feeds.example.org/news/world/rss.xml?id=3", id="query-only"
        ),
        pytest.param("https://other.example/a", "https://other.example/a", id="absolute-ignores-base"),
    ],
)
def test_canonical_url_resolves_relative_urls_against_the_base(url: str, expected: str) -> None:
    assert canonical_url(url, FEED) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "story.html",
        "mailto:desk@example.com",
        "javascript:alert(1)",
        "ftp://example.com/a",
        "https://example.com:99999/",
    ],
)
def test_canonical_url_refuses_what_is_not_an_http_url(url: str) -> None:
    with pytest.raises(ValueError):
        canonical_url(url)


def test_article_id_is_stable_and_shared_by_spellings_of_one_url() -> None:
    first = article_id(canonical_url("https://Example.com:443/a?utm_source=x#top"))
    assert first == article_id(canonical_url("https://example.com/a"))
    assert first == article_id("https://example.com/a")
    assert len(first) == 32 and int(first, 16) >= 0
    assert first != article_id("https://example.com/b")


def test_html_to_text_drops_scripts_styles_and_comments_with_their_content() -> None:
    html = (
        "<p>Shells <b>delivered</b></p><script>alert('x')</script><style>p{color:red}</style>"
        "<!-- hidden --><noscript><img src=x></noscript><iframe src='//evil'>frame</iframe>"
        "<svg><text>svg</text></svg>"
    )
    assert html_to_text(html) == "Shells delivered"


def test_html_to_text_decodes_entities_once() -> None:
    assert (
        html_to_text("Tanks &amp; trucks &eacute;t&eacute; &#8364;5 &amp;lt;b&amp;gt;")
        == "Tanks & trucks été €5 &lt;b&gt;"
    )


def test_html_to_text_turns_block_elements_into_line_breaks() -> None:
    html = "<h1>Title</h1><p>One <i>two</i></p><ul><li>a</li><li>b</li></ul>c<br>d<table><tr><td>e</td></tr>"
    assert html_to_text(html) == "Title\nOne two\na\nb\nc\nd\ne"


def test_html_to_text_normalises_whitespace() -> None:
    assert html_to_text("  a \t\u00a0 b\n\n\n  c  \r\n ") == "a b\nc"


def test_html_to_text_survives_broken_markup_and_control_characters() -> None:
    assert html_to_text("<p>open <b>bold <i>both</p> after\x00\x07") == "open bold both\nafter"
    assert html_to_text("<") == "<"
    assert html_to_text("") == ""
    assert html_to_text("<!-- only a comment -->") == ""
    assert html_to_text('<?xml version="1.0" encoding="utf-8"?><p>x</p>') == "x"


def test_html_to_text_bounds_its_input_and_output() -> None:
    text = html_to_text("<p>" + "word " * (MAX_HTML_CHARS // 5 + 1000) + "</p>")
    assert len(text) <= MAX_TEXT_CHARS
    assert text.endswith("word")


def test_plain_text_keeps_markup_characters_as_text() -> None:
    assert plain_text(" x < y &amp; <b>\x00 ") == "x < y &amp; <b>"


def test_content_hash_changes_with_the_content_not_with_spacing() -> None:
    base = content_hash("Title", "Some text.")
    assert base == content_hash(" Title ", "Some\n  text.")
    assert base != content_hash("Title 2", "Some text.")
    assert base != content_hash("Title", "Some other text.")
    assert content_hash("a b", "") != content_hash("a", "b")
