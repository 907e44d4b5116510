"""The main text of an article page, for entries whose feed carries only a summary: pure, no I/O.

The page is fetched by the caller (under the fetch limits and robots.txt); trafilatura only reads the bytes
given here and never goes to the network itself.
"""

from __future__ import annotations

import logging
from configparser import ConfigParser

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from ingest.normalize import plain_text

# A news page is well under this; more is a page to refuse, not to parse.
MAX_PAGE_BYTES = 5 * 1024 * 1024
# trafilatura takes about 75 µs of CPU per element: news pages have 1,000 to 5,000; beyond this bound a
# page would cost over a second, and is refused.
MAX_PAGE_ELEMENTS = 15_000
# An extract with more elements than this is discarded: not an article.
MAX_TREE_ELEMENTS = 50_000
# Shorter extracts are navigation, cookie notices or paywall teasers, not an article.
MIN_TEXT_CHARS = 200

log = logging.getLogger(__name__)


def _extraction_config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_PAGE_BYTES))
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_ELEMENTS))
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_TEXT_CHARS))
    return config


EXTRACTION_CONFIG = _extraction_config()


def extract_main_text(html: bytes, url: str) -> str | None:
    """The article's main text as plain text, or None when the page holds nothing useful.

    ``url`` only helps trafilatura's heuristics. Pages over ``MAX_PAGE_BYTES`` or ``MAX_PAGE_ELEMENTS``
    are refused (None), which bounds the CPU time to about a second; comments, tables and boilerplate are
    left out; the text is normalised and bounded like feed text. Never raises on bad markup.
    """
    if not html or len(html) > MAX_PAGE_BYTES:
        return None
    try:
        tree = load_html(html)
        if tree is None or _more_elements_than(tree, MAX_PAGE_ELEMENTS):
            return None
        extracted = trafilatura.extract(
            tree,
            url=url,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            config=EXTRACTION_CONFIG,
        )
    except (ValueError, TypeError, RecursionError) as error:  # trafilatura's own limits and parse failures
        log.info("extraction failed", extra={"url": url, "error": str(error)})
        return None
    if not extracted:
        return None
    text = plain_text(extracted)
    return text if len(text) >= MIN_TEXT_CHARS else None


def _more_elements_than(tree: HtmlElement, limit: int) -> bool:
    return any(count > limit for count, _ in enumerate(tree.iter(), 1))
