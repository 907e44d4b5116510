from __future__ import annotations

from ingest.extract import MAX_PAGE_BYTES, MAX_PAGE_ELEMENTS, extract_main_text

SENTENCE = "The defence ministry confirmed on Tuesday that a shipment of artillery shells reached the front. "


def page(article: str) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Shells</title><script>var tracker = 'SCRIPT';</script>"
        "<style>body { color: red }</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Shells delivered</h1>{article}</article>"
        "<footer>Cookie policy. All rights reserved.</footer></body></html>"
    ).encode()


def test_extract_main_text_keeps_the_article_and_drops_the_rest() -> None:
    text = extract_main_text(page(f"<p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p>"), "https://x.example/a")
    assert text is not None
    assert "artillery shells reached the front" in text
    for noise in ("SCRIPT", "color", "Cookie policy", "Sport"):
        assert noise not in text


def test_extract_main_text_returns_none_when_nothing_useful() -> None:
    assert extract_main_text(page("<p>Subscribe to read.</p>"), "https://x.example/a") is None
    assert extract_main_text(b"", "https://x.example/a") is None
    assert extract_main_text(b"\x00\xff\xfe binary", "https://x.example/a") is None


def test_extract_main_text_refuses_pages_over_its_bounds() -> None:
    assert (
        extract_main_text(page(f"<p>{SENTENCE}</p>" * (MAX_PAGE_BYTES // 100)), "https://x.example/a") is None
    )
    many = "".join(f"<div><p>{SENTENCE}</p></div>" for _ in range(MAX_PAGE_ELEMENTS // 2 + 1))
    assert len(page(many)) < MAX_PAGE_BYTES
    assert extract_main_text(page(many), "https://x.example/a") is None
