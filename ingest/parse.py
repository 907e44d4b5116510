"""Fetched feed bytes to normalised articles: safe, bounded, and faster than feedparser's defaults.

``parse_feed`` is pure: bytes in, a ``ParsedFeed`` out, no I/O. It never trusts the document: the bytes
are decoded and cleaned first (``ingest.xmlsafe``: no declarations, no entities, bounded author fields);
feedparser then gets a byte stream (``io.BytesIO``), never a string it could take for a URL or a file
path, with HTML sanitizing and relative-URI rewriting switched off: that is about 80% of its time, and
the HTML is turned into plain text here anyway (``ingest.normalize.html_to_text``), which keeps nothing
active. What remains unbounded in feedparser itself is bounded by ``ingest.pool.ParserPool``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from armswatch.schema import Article, Feed
from ingest.normalize import article_id, canonical_url, content_hash, html_to_text, plain_text
from ingest.xmlsafe import MAX_AUTHOR_CHARS, safe_xml_bytes

MAX_FEED_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_AUTHORS = 20
MAX_CATEGORIES = 50
MAX_CATEGORY_CHARS = 100
MAX_TITLE_CHARS = 1000
MAX_SUMMARY_CHARS = 20_000
MAX_WARNINGS = 20
# Earlier dates are placeholders (the Unix epoch, year 1): treated as missing.
EARLIEST_DATE = datetime(1990, 1, 1, tzinfo=UTC)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
LANGUAGE = re.compile(r"[a-z]{2,3}")


# feedparser's results are FeedParserDicts, whose get() maps legacy key names on every call: reading the
# plain dict is a tenth of the normalising time saved.
_field = dict.get


class FeedError(Exception):
    """A document that yields no feed at all; ``reason`` is short and machine-readable.

    Reasons: ``empty``, ``too_large``, ``not_a_feed`` (an HTML page or another XML document),
    ``malformed`` (not even partially readable), and from ``ParserPool``: ``parse_timeout``,
    ``parse_memory``, ``parse_crashed``, ``parse_failed``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.reason, str(self)))


@dataclass(frozen=True)
class ParsedFeed:
    """What one feed document yielded: its own metadata, the articles, and what was lost on the way."""

    title: str | None  # the feed's own title, as plain text
    site_url: str | None  # the site the feed belongs to (absolute)
    language: str | None  # declared by the feed (primary subtag), else the registry's hint
    articles: list[Article]  # one per distinct canonical URL, in feed order
    entries_total: int  # entries in the document
    entries_skipped: int  # entries that gave no article: no usable link, repeated link, over MAX_ENTRIES
    warnings: list[str]  # what was wrong but recovered: malformed XML, wrong encoding, cut fields...


def parse_feed(
    body: bytes, feed: Feed, *, fetched_at: datetime, content_type: str | None = None
) -> ParsedFeed:
    """Parse fetched feed bytes into normalised articles. Pure and deterministic; never reads a URL or file.

    ``feed`` gives the base URL for relative links, the source name and the language hint; ``fetched_at``
    (UTC; a naive value is taken as UTC) stands in for missing and future publication dates;
    ``content_type`` is the HTTP header, used for its charset. An ill-formed document still yields what
    could be read, with the error in ``warnings``. Entries without a usable link (nor an id that is a URL)
    are skipped and counted, as are repeated links and entries beyond ``MAX_ENTRIES``.

    Raises:
        FeedError: nothing could be read as a feed (``empty``, ``too_large``, ``not_a_feed``,
            ``malformed``).
    """
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=UTC)
    fetched_at = fetched_at.astimezone(UTC)
    if len(body) > MAX_FEED_BYTES:
        raise FeedError("too_large", f"the feed has {len(body):,} bytes, more than {MAX_FEED_BYTES:,}")
    warnings: list[str] = []
    document = safe_xml_bytes(body, content_type, warnings)
    if not document:
        raise FeedError("empty", "the document is empty")
    try:
        result = feedparser.parse(
            # A stream, never bytes or str: feedparser opens strings and even bytes as paths or URLs.
            io.BytesIO(document),
            sanitize_html=False,
            resolve_relative_uris=False,
            # No content-location: with a base URI feedparser joins URLs at every element (a third of
            # its time); relative links are resolved against the feed's URL here instead.
            response_headers={"content-type": "application/xml; charset=utf-8"},
        )
    except MemoryError:
        raise  # the pool's memory bound: reported as such, not as a malformed feed
    except Exception as error:  # its fallback SGML parser has assertions that odd markup trips
        raise FeedError("malformed", f"feedparser failed: {type(error).__name__}: {error}") from None
    entries = _field(result, "entries") or []
    channel = _field(result, "feed") or {}
    if _field(result, "bozo"):
        detail = bounded(str(_field(result, "bozo_exception")), 300)
        if not entries and not _field(channel, "title") and not _field(result, "version"):
            raise FeedError("malformed", f"the document is not a readable feed: {detail}")
        warnings.append(f"malformed XML, kept what could be read: {detail}")
    if not _field(result, "version") and not entries:
        what = "an HTML page" if b"<html" in document[:2048].lower() else "not an RSS or Atom document"
        raise FeedError("not_a_feed", f"the document is {what}: check that the URL is the feed's address")

    title = _label(channel, "title", MAX_TITLE_CHARS) or None
    language = _language(_field(channel, "language")) or _language(feed.language)
    context = _FeedContext(
        feed=feed,
        source=feed.name or title,
        language=_language(feed.language) or language,
        fetched_at=fetched_at,
    )
    articles: list[Article] = []
    seen: set[str] = set()
    skipped_no_link = duplicates = 0
    for entry in entries[:MAX_ENTRIES]:
        article = _article(entry, context)
        if article is None:
            skipped_no_link += 1
        elif article.id in seen:
            duplicates += 1
        else:
            seen.add(article.id)
            articles.append(article)
    if skipped_no_link:
        warnings.append(f"{skipped_no_link} entries without a usable link or URL id were skipped")
    if duplicates:
        warnings.append(f"{duplicates} entries repeated a link already read in this feed")
    if len(entries) > MAX_ENTRIES:
        warnings.append(f"only the first {MAX_ENTRIES} of {len(entries)} entries were read")
    return ParsedFeed(
        title=title,
        site_url=_absolute(_field(channel, "link"), feed.url),
        language=language,
        articles=articles,
        entries_total=len(entries),
        entries_skipped=len(entries) - len(articles),
        warnings=warnings[:MAX_WARNINGS],
    )


@dataclass(frozen=True)
class _FeedContext:
    feed: Feed
    source: str | None
    language: str | None
    fetched_at: datetime


def _article(entry: dict[str, Any], context: _FeedContext) -> Article | None:
    """One entry as an Article, or None when it has no usable link."""
    feed_url = context.feed.url
    url, canonical = _entry_link(entry, feed_url)
    if url is None or canonical is None:
        return None
    title = _label(entry, "title", MAX_TITLE_CHARS)
    summary = _text(entry, "summary", MAX_SUMMARY_CHARS)
    body = _content_text(entry)
    text = body or summary
    published_at, estimated = _published(entry, context.fetched_at)
    domain = _domain(canonical)
    return Article(
        id=article_id(canonical),
        url=url,
        canonical_url=canonical,
        feed_url=feed_url,
        source=context.source or domain,
        source_domain=domain,
        title=title,
        summary=summary,
        text=text,
        authors=_authors(entry),
        categories=_categories(entry),
        language=context.language,
        published_at=published_at,
        published_at_estimated=estimated,
        fetched_at=context.fetched_at,
        content_hash=content_hash(title, text),
    )


def _entry_link(entry: dict[str, Any], feed_url: str) -> tuple[str | None, str | None]:
    candidates = [_field(entry, "link")]
    links = _field(entry, "links") or ()
    candidates += [_field(link, "href") for link in links if _field(link, "rel") == "alternate"]
    candidates.append(_field(entry, "id"))  # a guid that is a URL (isPermaLink or not)
    for candidate in candidates:
        if not candidate or not isinstance(candidate, str):
            continue
        try:
            canonical = canonical_url(candidate, feed_url)
        except ValueError:
            continue
        url = _absolute(candidate, feed_url)
        return url, canonical
    return None, None


def _absolute(url: object, base: str) -> str | None:
    """``url`` resolved against ``base`` when it is an http(s) URL, as written otherwise (else None)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        joined = url if url[:8].lower().startswith(("http://", "https://")) else urljoin(base, url)
        parts = urlsplit(joined)
    except ValueError:  # "http://[broken", a bad port...
        return None
    return joined if parts.scheme in ("http", "https") and parts.netloc else None


def _text(container: dict[str, Any], key: str, limit: int) -> str:
    value = _field(container, key)
    if not value or not isinstance(value, str):
        return ""
    detail = _field(container, f"{key}_detail") or {}
    return bounded(_as_text(value, _field(detail, "type")), limit)


def _label(container: dict[str, Any], key: str, limit: int) -> str:
    """A title as text, whatever type the feed declares: feeds put markup in titles declared plain
    (``<![CDATA[<b>…</b>]]>``) as well as escaped (``&lt;b&gt;``), and a title is never meant to hold
    any, so it is read as HTML, like the summary."""
    value = _field(container, key)
    if not value or not isinstance(value, str):
        return ""
    return bounded(html_to_text(value), limit)


def _content_text(entry: dict[str, Any]) -> str:
    contents = [content for content in _field(entry, "content") or () if _field(content, "value")]
    if not contents:
        return ""
    longest = max(contents, key=lambda content: len(content["value"]))
    return _as_text(longest["value"], _field(longest, "type"))


def _as_text(value: str, media_type: str | None) -> str:
    return html_to_text(value) if (media_type or "text/html") in HTML_TYPES else plain_text(value)


def bounded(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _published(entry: dict[str, Any], fetched_at: datetime) -> tuple[datetime, bool]:
    """The entry's date in UTC, or the fetch time (flagged) when it is missing, absurd or in the future."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = _field(entry, key)
        if not parsed:
            continue
        try:
            year, month, day, hour, minute, second = parsed[:6]
            when = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except (TypeError, ValueError):
            continue
        if EARLIEST_DATE <= when <= fetched_at:
            return when, False
        return fetched_at, True
    return fetched_at, True


def _authors(entry: dict[str, Any]) -> list[str]:
    names: list[str] = []
    details = _field(entry, "authors") or ()
    raw = [_field(detail, "name") or _field(detail, "email") for detail in details]
    if not any(raw):
        raw = [_field(entry, "author")]
    for value in raw:
        if not value or not isinstance(value, str):
            continue
        name = bounded(html_to_text(value), MAX_AUTHOR_CHARS)
        if name and name not in names:
            names.append(name)
    return names[:MAX_AUTHORS]


def _categories(entry: dict[str, Any]) -> list[str]:
    categories: list[str] = []
    for tag in _field(entry, "tags") or ():
        value = _field(tag, "term") or _field(tag, "label")
        if not value or not isinstance(value, str):
            continue
        category = bounded(html_to_text(value), MAX_CATEGORY_CHARS)  # markup, as in titles
        if category and category not in categories:
            categories.append(category)
    return categories[:MAX_CATEGORIES]


def _language(tag: object) -> str | None:
    """The primary subtag of a language tag, lower-cased: "en-US" -> "en", "fr_FR" -> "fr"."""
    if not tag or not isinstance(tag, str):
        return None
    primary = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return primary if LANGUAGE.fullmatch(primary) else None


def _domain(canonical: str) -> str:
    host = canonical.split("/", 3)[2].rsplit("@", 1)[-1]
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return host.removeprefix("www.")
