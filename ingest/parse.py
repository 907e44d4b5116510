"""Fetched feed bytes to normalised articles: safe, bounded, and faster than feedparser's defaults.

``parse_feed`` is pure: bytes in, a ``ParsedFeed`` out, no I/O. It never trusts the document:

1. the bytes are decoded here (BOM, then valid UTF-8, then the HTTP charset or the XML declaration, then
   windows-1252), whatever the document claims, so feedparser always gets well-labelled UTF-8;
2. DOCTYPE and ENTITY declarations are removed wherever they are (feedparser 6.0.14 expands the entities
   of a DOCTYPE written on one line: a 478-byte feed became a 3,000,000-character title), so no entity is
   ever defined, let alone an external one; HTML named entities become character references so that the
   fast strict parser can read the document;
3. author-like fields are cut to ``MAX_AUTHOR_CHARS`` before feedparser sees them: its author e-mail
   pattern takes quadratic time (about 0.9 s of CPU at 8,000 characters);
4. feedparser gets a byte stream (``io.BytesIO``), never a string it could take for a URL or a file path,
   with HTML sanitizing and relative-URI rewriting switched off: that is about 80% of its time, and the
   HTML is turned into plain text here anyway (``ingest.normalize.html_to_text``), which keeps nothing
   active.

What remains unbounded in feedparser itself (a pathological but legal document) is bounded by
``ParserPool``: child processes with a CPU-time and a memory limit per feed, replaced when one is killed.
"""

from __future__ import annotations

import asyncio
import codecs
import concurrent.futures
import contextlib
import html.entities
import io
import math
import multiprocessing
import multiprocessing.process
import queue
import re
import resource
import signal
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from armswatch.schema import Article, Feed
from ingest.normalize import article_id, canonical_url, content_hash, html_to_text, plain_text

MAX_FEED_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_AUTHOR_CHARS = 256
MAX_AUTHORS = 20
MAX_CATEGORIES = 50
MAX_CATEGORY_CHARS = 100
MAX_TITLE_CHARS = 1000
MAX_SUMMARY_CHARS = 20_000
MAX_WARNINGS = 20
# Earlier dates are placeholders (the Unix epoch, year 1): treated as missing.
EARLIEST_DATE = datetime(1990, 1, 1, tzinfo=UTC)

UTF8_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
XML_DECLARATION = re.compile(r"\s*<\?xml\b[^>]{0,300}?\?>")
DECLARED_ENCODING = re.compile(
    rb"""^\s*<\?xml\b[^>]{0,300}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']"""
)
HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters XML 1.0 forbids: expat stops at the first one, so they are removed.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DECLARATION_START = re.compile(r"<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b", re.IGNORECASE)
DECLARATION_SPECIAL = re.compile(r"""["'\[>]""")
SUBSET_SPECIAL = re.compile(r"""["']|<!--|\]""")
SUBSET_END = re.compile(r"\s*>")
# Named entity references other than the five XML predefines: undefined once declarations are gone.
NAMED_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([A-Za-z][A-Za-z0-9]{0,31});")
AUTHOR_ELEMENT = re.compile(
    r"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:author|creator|managingEditor|webMaster|publisher|contributor|name|email)"
    r"(?:\s[^<>]{0,1000})?>",
    re.IGNORECASE,
)
TRAILING_PARTIAL_ENTITY = re.compile(r"&[#\w]{0,40}$")
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
        detail = _bounded(str(_field(result, "bozo_exception")), 300)
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


def safe_xml_bytes(body: bytes, content_type: str | None, warnings: list[str]) -> bytes:
    """An XML document (a feed, an OPML file) as UTF-8 bytes a parser can read safely: decoded, DOCTYPE
    and ENTITY declarations removed, HTML entities as character references, author fields bounded.

    Appends what it changed (a wrong encoding, removed declarations, cut fields) to ``warnings``.
    """
    text = decode_document(body, content_type, warnings)
    text = XML_FORBIDDEN.sub("", text)
    text, declarations = strip_declarations(text)
    if declarations:
        warnings.append(f"{declarations} DOCTYPE/ENTITY declarations removed (entities are never expanded)")
    text = NAMED_ENTITY.sub(_character_reference, text)
    text, cut = bound_author_fields(text)
    if cut:
        warnings.append(f"{cut} author fields longer than {MAX_AUTHOR_CHARS} characters were cut")
    text = text.strip()
    if not text:
        return b""
    declaration = XML_DECLARATION.match(text)
    text = UTF8_DECLARATION + (text[declaration.end() :] if declaration else text)
    return text.encode("utf-8", "replace")


def decode_document(body: bytes, content_type: str | None, warnings: list[str]) -> str:
    """Decode feed bytes whatever they claim: BOM, then valid UTF-8, then the declared encodings, then
    windows-1252 (and latin-1, which reads anything). A declaration the bytes contradict is a warning."""
    for bom, encoding in BYTE_ORDER_MARKS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, "replace")
    if body[:2] in (b"<\x00", b"\x00<"):  # UTF-16 without a BOM: the "<" of the first tag gives it away
        return body.decode("utf-16-le" if body[0] else "utf-16-be", "replace")
    declared = _declared_encodings(body, content_type)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 with non-ASCII characters is practically never another encoding.
        if declared and declared[0] != "utf-8" and not body.isascii():
            warnings.append(f"declared encoding {declared[0]} contradicted by the bytes: read as utf-8")
        return text
    for encoding in [*declared, "cp1252", "latin-1"]:
        if encoding == "utf-8":
            continue
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not declared or encoding != declared[0]:
            claimed = declared[0] if declared else "no encoding"
            warnings.append(f"declared {claimed} but the bytes are not: read as {encoding}")
        return text
    raise AssertionError("latin-1 decodes any bytes")


def _declared_encodings(body: bytes, content_type: str | None) -> list[str]:
    names: list[str] = []
    if content_type and (charset := HTTP_CHARSET.search(content_type)):
        names.append(charset.group(1))
    if declaration := DECLARED_ENCODING.match(body[:512]):
        names.append(declaration.group(1).decode("ascii"))
    encodings: list[str] = []
    for name in names:
        try:
            encoding = codecs.lookup(name).name
            b"<".decode(encoding)  # a text encoding (not rot13, base64...)
        except (LookupError, UnicodeDecodeError):
            continue
        # A wide encoding declared in bytes without its BOM or zero bytes is a wrong declaration.
        if encoding.startswith(("utf-16", "utf-32")):
            continue
        if encoding not in encodings:
            encodings.append(encoding)
    return encodings


def strip_declarations(text: str) -> tuple[str, int]:
    """Remove every DOCTYPE (with its internal subset) and stray ENTITY/ELEMENT/ATTLIST/NOTATION
    declaration, wherever it is: quoted strings and comments in them are skipped, so a ``>`` or ``]``
    inside an entity value does not end them early. Linear in the length of the text."""
    pieces: list[str] = []
    position = count = 0
    while match := DECLARATION_START.search(text, position):
        pieces.append(text[position : match.start()])
        position = _declaration_end(text, match.end())
        count += 1
    if not count:
        return text, 0
    pieces.append(text[position:])
    return "".join(pieces), count


def _declaration_end(text: str, position: int) -> int:
    """The index just after the declaration whose body starts at ``position`` (the end of the text when
    it never closes: everything after an unclosed declaration is part of it)."""
    while special := DECLARATION_SPECIAL.search(text, position):
        char = special.group(0)
        if char == ">":
            return special.end()
        if char == "[":
            return _internal_subset_end(text, special.end())
        closing = text.find(char, special.end())
        if closing < 0:
            return len(text)
        position = closing + 1
    return len(text)


def _internal_subset_end(text: str, position: int) -> int:
    """The index just after the ``]>`` closing the internal subset that starts at ``position``."""
    while special := SUBSET_SPECIAL.search(text, position):
        token = special.group(0)
        if token == "]":
            if end := SUBSET_END.match(text, special.end()):
                return end.end()
            position = special.end()
            continue
        closing = text.find("-->" if token == "<!--" else token, special.end())
        if closing < 0:
            return len(text)
        position = closing + (3 if token == "<!--" else 1)
    return len(text)


def _character_reference(match: re.Match[str]) -> str:
    characters = html.entities.html5.get(match.group(1) + ";")
    if characters is None:
        return "&amp;" + match.group(1) + ";"  # not an entity anyone defines: keep it as text
    return "".join(f"&#{ord(character)};" for character in characters)


def bound_author_fields(text: str) -> tuple[str, int]:
    """Cut the text of author-like elements (author, dc:creator, managingEditor, name, email...) to
    ``MAX_AUTHOR_CHARS``, counting CDATA and text split by comments or processing instructions.

    Returns the text and how many fields were cut. Linear: each character is looked at once.
    """
    pieces: list[str] = []
    position = cut = 0
    for match in AUTHOR_ELEMENT.finditer(text):
        if match.start() < position or match.group(0).endswith("/>"):
            continue
        end, replacement = _bounded_text_run(text, match.end())
        if replacement is None:
            continue
        pieces.append(text[position : match.end()])
        pieces.append(replacement)
        position = end
        cut += 1
    if not cut:
        return text, 0
    pieces.append(text[position:])
    return "".join(pieces), cut


def _bounded_text_run(text: str, start: int) -> tuple[int, str | None]:
    """The end of the character data starting at ``start`` (text, CDATA, comments, processing
    instructions, up to the next element tag) and, when it holds more than ``MAX_AUTHOR_CHARS``
    characters, what replaces it (else None)."""
    budget = MAX_AUTHOR_CHARS
    kept: list[str] = []
    truncated = False
    position = start
    length = len(text)
    while position < length:
        tag = text.find("<", position)
        plain_end = length if tag < 0 else tag
        if plain_end > position:
            segment = text[position:plain_end]
            if not truncated:
                if len(segment) > budget:
                    kept.append(TRAILING_PARTIAL_ENTITY.sub("", segment[:budget]))
                    truncated = True
                else:
                    kept.append(segment)
                    budget -= len(segment)
            position = plain_end
            continue
        if text.startswith("<![CDATA[", position):
            closing = text.find("]]>", position + 9)
            content_end = length if closing < 0 else closing
            content = text[position + 9 : content_end]
            if not truncated:
                if len(content) > budget:
                    kept.append(f"<![CDATA[{content[:budget]}]]>")
                    truncated = True
                else:
                    kept.append(f"<![CDATA[{content}]]>")
                    budget -= len(content)
            position = length if closing < 0 else closing + 3
        elif text.startswith(("<!--", "<?"), position):
            terminator = "-->" if text.startswith("<!--", position) else "?>"
            closing = text.find(terminator, position + 2)
            position = length if closing < 0 else closing + len(terminator)
        else:
            break
    return position, "".join(kept) if truncated else None


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
    return _bounded(_as_text(value, _field(detail, "type")), limit)


def _label(container: dict[str, Any], key: str, limit: int) -> str:
    """A title as text, whatever type the feed declares: feeds put markup in titles declared plain
    (``<![CDATA[<b>…</b>]]>``) as well as escaped (``&lt;b&gt;``), and a title is never meant to hold
    any, so it is read as HTML, like the summary."""
    value = _field(container, key)
    if not value or not isinstance(value, str):
        return ""
    return _bounded(html_to_text(value), limit)


def _content_text(entry: dict[str, Any]) -> str:
    contents = [content for content in _field(entry, "content") or () if _field(content, "value")]
    if not contents:
        return ""
    longest = max(contents, key=lambda content: len(content["value"]))
    return _as_text(longest["value"], _field(longest, "type"))


def _as_text(value: str, media_type: str | None) -> str:
    return html_to_text(value) if (media_type or "text/html") in HTML_TYPES else plain_text(value)


def _bounded(text: str, limit: int) -> str:
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
        name = _bounded(html_to_text(value), MAX_AUTHOR_CHARS)
        if name and name not in names:
            names.append(name)
    return names[:MAX_AUTHORS]


def _categories(entry: dict[str, Any]) -> list[str]:
    categories: list[str] = []
    for tag in _field(entry, "tags") or ():
        value = _field(tag, "term") or _field(tag, "label")
        if not value or not isinstance(value, str):
            continue
        category = _bounded(html_to_text(value), MAX_CATEGORY_CHARS)  # markup, as in titles
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


# The parser pool: a bad feed costs a child process (replaced), never the worker.
_Request = tuple[bytes, Feed, datetime, str | None]


class ParserPool:
    """Child processes running ``parse_feed``, each feed bounded in CPU time and memory.

    A child gets ``cpu_seconds`` of CPU per feed (``RLIMIT_CPU``: the kernel stops it beyond) and
    ``memory_mb`` of address space above its own start-up size (``RLIMIT_AS``); a child that overruns,
    crashes or does not answer within ``wall_seconds`` is killed and replaced, and the feed fails with a
    ``FeedError`` whose reason is ``parse_timeout``, ``parse_memory`` or ``parse_crashed``. Use it as a
    context manager (``with ParserPool(2) as pool: ...``); children come from a fork server that imported
    this module once, so starting or replacing one costs milliseconds and never forks a threaded parent.
    As with any multiprocessing start method but fork, the main module must not start a pool on import
    (guard it with ``if __name__ == "__main__":``).
    """

    def __init__(
        self,
        workers: int = 1,
        *,
        cpu_seconds: int = 2,
        memory_mb: int = 512,
        wall_seconds: float | None = None,
    ) -> None:
        if workers < 1 or cpu_seconds < 1 or memory_mb < 1:
            raise ValueError("workers, cpu_seconds and memory_mb must be at least 1")
        self.cpu_seconds = cpu_seconds
        self.memory_bytes = memory_mb * 1024 * 1024
        # Wall time only catches a child that stopped answering without using CPU: leave room for a
        # loaded machine, on which CPU seconds take longer.
        self.wall_seconds = wall_seconds if wall_seconds is not None else max(10.0, 5.0 * cpu_seconds)
        self._context = multiprocessing.get_context("forkserver")
        # The fork server imports the main module once, so a new child does not import it again (the
        # `armswatch` script imports every stage's CLI): children start in milliseconds.
        self._context.set_forkserver_preload(["__main__", __name__])
        self._idle: queue.SimpleQueue[_Child] = queue.SimpleQueue()
        self._threads = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="feed-parser")
        self._workers = workers
        self._closed = False
        for _ in range(workers):
            self._idle.put(self._spawn())

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def parse(
        self, body: bytes, feed: Feed, *, fetched_at: datetime, content_type: str | None = None
    ) -> ParsedFeed:
        """``parse_feed`` in a child process, awaited without blocking the event loop.

        Raises:
            FeedError: what ``parse_feed`` raises, or ``parse_timeout``, ``parse_memory``,
                ``parse_crashed``, ``parse_failed`` (an unexpected error in the parser, with its type).
        """
        loop = asyncio.get_running_loop()
        request: _Request = (body, feed, fetched_at, content_type)
        return await loop.run_in_executor(self._threads, self._exchange, request)

    def parse_bounded(
        self, body: bytes, feed: Feed, *, fetched_at: datetime, content_type: str | None = None
    ) -> ParsedFeed:
        """Like ``parse`` but blocking: for command-line tools. Raises the same ``FeedError``s."""
        return self._threads.submit(self._exchange, (body, feed, fetched_at, content_type)).result()

    def close(self) -> None:
        """Stop the children (killed if they do not stop within a second). Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._threads.shutdown(wait=True)
        for _ in range(self._workers):
            self._idle.get().stop()

    def _spawn(self) -> _Child:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_serve_parses,
            args=(child_end, self.cpu_seconds, self.memory_bytes),
            name="armswatch-feed-parser",
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Child(process, parent_end)

    def _exchange(self, request: _Request) -> ParsedFeed:
        child = self._idle.get()
        try:
            return child.run(request, self.wall_seconds)
        finally:
            self._idle.put(child if child.healthy else self._replace(child))

    def _replace(self, child: _Child) -> _Child:
        child.stop()
        return self._spawn()


class _Child:
    """One parser process and the parent's end of its pipe."""

    def __init__(self, process: multiprocessing.process.BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        self.healthy = True

    def run(self, request: _Request, wall_seconds: float) -> ParsedFeed:
        try:
            self.connection.send(request)
            if not self.connection.poll(wall_seconds):
                self.healthy = False
                raise FeedError(
                    "parse_timeout", f"the parser did not answer within {wall_seconds:g} s and was stopped"
                )
            outcome = self.connection.recv()
        except (EOFError, OSError):
            self.healthy = False
            raise self._death() from None
        if outcome[0] == "ok":
            parsed: ParsedFeed = outcome[1]
            return parsed
        _, reason, message, healthy = outcome
        self.healthy = healthy
        raise FeedError(reason, message)

    def _death(self) -> FeedError:
        self.process.join(timeout=2)
        code = self.process.exitcode
        if code is not None and -code in (signal.SIGXCPU, signal.SIGKILL):
            return FeedError("parse_timeout", "the feed took more CPU time than a feed may: parser stopped")
        return FeedError("parse_crashed", f"the parser process died (exit code {code})")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


def _serve_parses(connection: Connection, cpu_seconds: int, memory_bytes: int) -> None:
    """The child's loop: one request at a time until ``None`` or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a CPU-limit kill must not write a core file
    _limit(resource.RLIMIT_AS, _address_space() + memory_bytes)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        except MemoryError:
            connection.send(("error", "parse_memory", "the feed is too large to receive", False))
            return
        if request is None:
            return
        body, feed, fetched_at, content_type = request
        usage = resource.getrusage(resource.RUSAGE_SELF)
        _limit(resource.RLIMIT_CPU, math.ceil(usage.ru_utime + usage.ru_stime + cpu_seconds))
        try:
            parsed = parse_feed(body, feed, fetched_at=fetched_at, content_type=content_type)
            outcome: tuple[Any, ...] = ("ok", parsed)
        except FeedError as error:
            outcome = ("error", error.reason, str(error), True)
        except MemoryError:
            outcome = ("error", "parse_memory", "the feed needs more memory than a feed may", False)
        except Exception as error:  # a bug in the parser: reported for this feed, the worker goes on
            outcome = ("error", "parse_failed", f"{type(error).__name__}: {_bounded(str(error), 300)}", True)
        del request, body
        connection.send(outcome)
        if outcome[0] == "error" and not outcome[-1]:
            return  # after a memory overrun the heap is not worth keeping: the parent starts a new child


def _limit(which: int, soft: int) -> None:
    _, hard = resource.getrlimit(which)
    resource.setrlimit(which, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _address_space() -> int:
    """This process's virtual memory size (Linux ``/proc``; 0 elsewhere: the bound is then absolute)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0
