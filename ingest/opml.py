"""Feed lists in OPML, the format every feed reader imports and exports: pure functions, no I/O.

OPML files come from users and from the web, so they are read like feeds: decoded whatever they claim,
DOCTYPE and ENTITY declarations removed before the XML parser sees them (no entity is ever expanded or
fetched), size and number of outlines bounded.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from importlib import resources
from urllib.parse import urlsplit

from armswatch.schema import Feed
from ingest.xmlsafe import safe_xml_bytes

MAX_OPML_BYTES = 5 * 1024 * 1024
MAX_OUTLINES = 10_000
MAX_INTERVAL_SECONDS = 30 * 24 * 3600  # a larger (or NaN, infinite) interval is not a polling interval
DEFAULT_FEEDS_FILE = "default_feeds.opml"

log = logging.getLogger(__name__)


class OpmlError(ValueError):
    """The data is not an OPML feed list that can be read; the message says why."""


def read_opml(data: bytes, *, added_at: datetime | None = None) -> list[Feed]:
    """The feeds of an OPML document: every ``outline`` with an ``xmlUrl``, at any depth.

    The name comes from ``text`` (else ``title``; none when it is the URL), the language hint from a
    ``language`` attribute; ``interval`` (seconds) and ``fullText="false"``, written by ``write_opml``,
    are read back. Outlines
    whose URL is not http(s) are skipped (and logged); a URL listed twice is kept once. ``added_at``
    defaults to now.

    Raises:
        OpmlError: too large, not XML, not OPML, or more than ``MAX_OUTLINES`` outlines.
    """
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"the file has {len(data):,} bytes, more than {MAX_OPML_BYTES:,}")
    document = safe_xml_bytes(data, None, [])
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError as error:
        raise OpmlError(f"not a well-formed XML file: {error}") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not an OPML file: its root element is <{root.tag[:50]}>, not <opml>")
    added_at = added_at or datetime.now(UTC)
    feeds: dict[str, Feed] = {}
    skipped = 0
    for count, outline in enumerate(root.iter("outline"), 1):
        if count > MAX_OUTLINES:
            raise OpmlError(f"more than {MAX_OUTLINES:,} outlines: split the list")
        attributes = {name.lower(): value.strip() for name, value in outline.attrib.items()}
        url = attributes.get("xmlurl")
        if not url:
            continue
        if not _is_http_url(url) or url in feeds:
            skipped += 1
            continue
        name = attributes.get("text") or attributes.get("title")
        feeds[url] = Feed(
            url=url,
            name=name if name and name != url else None,  # OPML requires a text: the URL stands in
            language=attributes.get("language") or None,
            interval_seconds=_seconds(attributes.get("interval")),
            full_text=attributes.get("fulltext", "true").lower() != "false",
            added_at=added_at,
        )
    if skipped:
        log.warning("OPML outlines skipped", extra={"skipped": skipped, "reason": "not http(s) or repeated"})
    return list(feeds.values())


def _is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[broken", a bad port...
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _seconds(value: str | None) -> float | None:
    try:
        seconds = float(value) if value else None
    except ValueError:
        return None
    return seconds if seconds is not None and 0 < seconds <= MAX_INTERVAL_SECONDS else None


def write_opml(feeds: list[Feed], title: str) -> bytes:
    """An OPML 2.0 document listing ``feeds`` (UTF-8 bytes), which ``read_opml`` and feed readers read."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        outline = ElementTree.SubElement(body, "outline", type="rss", xmlUrl=feed.url)
        if feed.name:
            outline.set("text", feed.name)
            outline.set("title", feed.name)
        else:
            outline.set("text", feed.url)
        if feed.language:
            outline.set("language", feed.language)
        if feed.interval_seconds:
            outline.set("interval", f"{feed.interval_seconds:g}")
        if not feed.full_text:
            outline.set("fullText", "false")
    ElementTree.indent(root)
    document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def default_feeds() -> list[Feed]:
    """The shipped list of international and defence news feeds (English and French), used when the
    user has configured none."""
    data = resources.files("ingest").joinpath("data", DEFAULT_FEEDS_FILE).read_bytes()
    return read_opml(data)
