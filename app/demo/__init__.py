"""The offline demo's news: RSS and Atom feeds in English and French (``feeds/*.xml``), written for
the project (fictional outlets, invented events), served with their dates moved so that the newest
article appears at the moment the demo starts and with their links on the demo's feed server."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

FEEDS_DIR = Path(__file__).with_name("feeds")
# Every link in the bundled feeds is on this host (.invalid never resolves), replaced at serve time.
PLACEHOLDER_BASE_URL = "http://demo.armswatch.invalid"
# The demo's alert rule, in the query language of `armswatch search`: the bundled feeds hold an
# English and a French article that it matches.
DEMO_ALERT_QUERY = "supplier:IR AND recipient:RU AND category:drones"

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RSS dates are RFC 822, Atom dates RFC 3339; the element name says which.
RFC822_ELEMENTS = (b"pubDate", b"lastBuildDate")
_DATE_ELEMENT = re.compile(rb"<(pubDate|lastBuildDate|published|updated)>([^<]+)</\1>")


@dataclass(frozen=True)
class DemoFeed:
    """One bundled feed: ``key`` is its file's stem, served at ``path``."""

    key: str
    title: str
    lang: str

    @property
    def path(self) -> str:
        return f"/feeds/{self.key}.xml"


def demo_feed_files() -> list[Path]:
    """The bundled feed files, in name order."""
    return sorted(FEEDS_DIR.glob("*.xml"))


def feed_info(path: Path) -> DemoFeed:
    """The title and language a bundled RSS or Atom file declares."""
    root = ElementTree.parse(path).getroot()
    if root.tag == f"{ATOM}feed":
        title, lang = root.findtext(f"{ATOM}title"), root.get(XML_LANG)
    else:
        title, lang = root.findtext("channel/title"), root.findtext("channel/language")
    if not title or not lang:
        raise ValueError(f"{path} declares no title or no language")
    return DemoFeed(key=path.stem, title=title, lang=lang)


def shifted_feed(path: Path, now: datetime, base_url: str) -> bytes:
    """The feed at ``path`` with every date moved by one offset, the same for all bundled feeds, so
    that the newest article of the whole set is dated ``now`` (to the second; a naive ``now`` is
    UTC) and the spacing between articles is kept; links are moved from the placeholder host to
    ``base_url`` (e.g. ``http://127.0.0.1:8000``)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    offset = now.replace(microsecond=0) - newest_date()

    def shift(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        moved = _read_date(name, match.group(2)) + offset
        text = format_datetime(moved) if name in RFC822_ELEMENTS else moved.isoformat()
        return b"<%s>%s</%s>" % (name, text.encode(), name)

    body = _DATE_ELEMENT.sub(shift, path.read_bytes())
    return body.replace(PLACEHOLDER_BASE_URL.encode(), escape(base_url.rstrip("/")).encode())


@cache
def newest_date() -> datetime:
    """The latest date written in the bundled feeds."""
    return max(
        _read_date(match.group(1), match.group(2))
        for path in demo_feed_files()
        for match in _DATE_ELEMENT.finditer(path.read_bytes())
    )


def demo_feeds(now: datetime, base_url: str) -> dict[DemoFeed, bytes]:
    """Every bundled feed, shifted to ``now`` with its links on ``base_url`` (see ``shifted_feed``)."""
    return {feed_info(path): shifted_feed(path, now, base_url) for path in demo_feed_files()}


def _read_date(element: bytes, text: bytes) -> datetime:
    value = text.decode().strip()
    if element in RFC822_ELEMENTS:
        return parsedate_to_datetime(value)
    return datetime.fromisoformat(value)
