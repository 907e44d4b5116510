"""URLs, ids, plain text and content hashes of articles: pure functions, no I/O.

- ``canonical_url``: one spelling per article, so the same story from several feeds or polls gets one id;
- ``article_id``: a stable hash of the canonical URL (the Kafka key and the Elasticsearch ``_id``);
- ``html_to_text``, ``plain_text``: feed HTML (or text) to plain text, keeping nothing active;
- ``content_hash``: changes when the title or the text changes, so an edited article is published again.
"""

from __future__ import annotations

import hashlib
import html as html_entities
import re
from urllib.parse import SplitResult, quote, unquote, urljoin, urlsplit, urlunsplit

from lxml import etree

# Query parameters that only say which campaign, click or newsletter brought a reader: dropped.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "twclid",  # X/Twitter
        "ttclid",  # TikTok
        "igshid",  # Instagram
        "li_fat_id",  # LinkedIn
        "mc_cid",  # Mailchimp
        "mc_eid",
        "mkt_tok",  # Marketo
        "_ga",  # Google Analytics cross-domain
        "_gl",
        "_hsenc",  # HubSpot
        "_hsmi",
        "xtor",  # AT Internet (Le Monde, France Télévisions, RFI)
        "ocid",  # Microsoft Start
        "cmpid",
        "s_cid",  # Adobe
        "ref_src",  # X/Twitter embeds
        "spm",
    }
)
TRACKING_PREFIXES = (
    "utm_",  # Google Analytics campaigns
    "at_",  # AT Internet/Piano campaigns (BBC: at_medium=RSS&at_campaign=...)
    "ns_",  # comScore (BBC)
    "pk_",  # Matomo
    "mtm_",
    "hsa_",  # HubSpot ads
)
DEFAULT_PORTS = {"http": 80, "https": 443}
ABSOLUTE_PREFIXES = ("http://", "https://")
# Characters that may stay as they are in a path or query (RFC 3986 unreserved, sub-delims, ":@/" and "%").
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
QUERY_VALUE_SAFE = "%:@!$'()*+,;/?-._~"
PERCENT_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")

# html_to_text bounds: more input than this is not an article summary; more output is not read.
MAX_HTML_CHARS = 2_000_000
MAX_TEXT_CHARS = 100_000
# Elements whose content is never text: scripts, styles, embedded objects, inline images' SVG, forms.
SKIPPED_ELEMENTS = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "select",
    "button",
    "textarea",
)
# Elements that start a new line of text.
BLOCK_ELEMENTS = (
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
)
BLOCK_TAGS = frozenset(BLOCK_ELEMENTS)
HTML_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
)
# C0 controls except tab and newline, DEL, C1 controls and non-characters: never meant as text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
MARKUP_HINT = re.compile(r"[<&]")
TAG = re.compile(r"<[^>]*>?")


def canonical_url(url: str, base: str | None = None) -> str:
    """The one spelling of an article's address, used for its id and for de-duplication.

    Resolves ``url`` against ``base`` (a feed's address) when it is relative, then: lower-cases the scheme
    and host (IDN hosts in their ASCII form, without a trailing dot), drops user names and passwords,
    default ports (80, 443), the fragment, tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ... see
    ``TRACKING_PARAMETERS`` and ``TRACKING_PREFIXES``) and an empty query; removes ``.``/``..`` path
    segments, gives an empty path as ``/``, escapes unsafe characters and upper-cases escapes; sorts the
    remaining query parameters by name (the order of repeated names is kept).

    Raises:
        ValueError: the result is not an absolute http or https URL (``mailto:``, ``javascript:``, a
            relative URL without a base, an empty string, an invalid port...).
    """
    url = url.strip()
    if base and not url[:8].lower().startswith(ABSOLUTE_PREFIXES):
        url = urljoin(base.strip(), url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ValueError(f"not a valid URL: {url[:200]!r} ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"not an absolute http(s) URL: {url[:200]!r}")
    host = _canonical_host(parts.hostname)
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _canonical_path(parts.path)
    query = _canonical_query(parts.query)
    return urlunsplit(SplitResult(scheme, netloc, path, query, ""))


def _canonical_host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _canonical_path(path: str) -> str:
    segments: list[str] = []
    for segment in path.split("/")[1:] if path.startswith("/") else path.split("/"):
        if segment == "..":
            if segments:
                segments.pop()
        elif segment != ".":
            segments.append(segment)
    # A trailing "." or ".." names a directory: keep the trailing slash.
    if path.endswith(("/.", "/..")):
        segments.append("")
    return _escape("/" + "/".join(segments), PATH_SAFE)


def _canonical_query(query: str) -> str:
    kept: list[tuple[str, str]] = []
    for pair in query.split("&"):
        if not pair:
            continue
        name, equals, value = pair.partition("=")
        lowered = unquote(name).lower()
        if lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES):
            continue
        kept.append((_escape(name, QUERY_VALUE_SAFE), equals + _escape(value, QUERY_VALUE_SAFE + "=")))
    kept.sort(key=lambda item: item[0])  # stable: repeated names keep their order
    return "&".join(name + value for name, value in kept)


def _escape(text: str, safe: str) -> str:
    """Escape what must be escaped, keep existing escapes (upper-cased) as they are."""
    escaped = quote(text, safe=safe)
    return PERCENT_ESCAPE.sub(lambda match: match.group(0).upper(), escaped)


def article_id(canonical: str) -> str:
    """The article's stable id: 32 hex digits of the SHA-256 of its canonical URL."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (or of plain text with entities), safe to show and to index.

    Entities are decoded; scripts, styles, comments and embedded objects disappear with their content;
    block elements (paragraphs, list items, ``<br>``, headings, table rows...) become line breaks; runs of
    spaces become one space, blank lines disappear. At most ``MAX_HTML_CHARS`` of input are read and at
    most ``MAX_TEXT_CHARS`` come out (cut at a word boundary). Never raises on bad markup.
    """
    html = CONTROL_CHARACTERS.sub("", html[:MAX_HTML_CHARS])
    if MARKUP_HINT.search(html) is None:
        return _normalise_space(html)
    root = _parse_html(html)
    if root is None:  # nothing lxml could build a tree from: drop anything tag-like, decode entities
        return _normalise_space(html_entities.unescape(TAG.sub(" ", html)))
    etree.strip_elements(root, *SKIPPED_ELEMENTS, with_tail=False)
    # Read the tree without writing to it: lxml refuses to set text holding characters (from character
    # references) that it produced itself.
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = element.tag in BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if block:
                parts.append("\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    return _normalise_space(CONTROL_CHARACTERS.sub("", "".join(parts)))


def plain_text(text: str) -> str:
    """Text that is not markup (an Atom ``type="text"`` field): control characters removed, spaces
    normalised as ``html_to_text`` does, bounded to ``MAX_TEXT_CHARS``; ``<`` and ``&`` stay as they are."""
    return _normalise_space(CONTROL_CHARACTERS.sub("", text[:MAX_HTML_CHARS]))


def _parse_html(html: str) -> etree._Element | None:
    try:
        return etree.fromstring(html, HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _normalise_space(text: str) -> str:
    # str.split() knows every Unicode space (no-break, em...): faster than a regular expression.
    if "\n" in text:
        lines = (" ".join(line.split()) for line in text.split("\n"))
        text = "\n".join(line for line in lines if line)
    else:
        text = " ".join(text.split())
    if len(text) > MAX_TEXT_CHARS:
        cut = text.rfind(" ", 0, MAX_TEXT_CHARS)
        text = text[: cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS].rstrip()
    return text


def content_hash(title: str, text: str) -> str:
    """32 hex digits that change when the title or the text changes (not when only spacing does)."""
    normalised = " ".join(title.split()) + "\x1f" + " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]
