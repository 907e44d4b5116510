"""Feed bytes made safe for the XML parser, before feedparser sees them. Pure: bytes in, text out.

1. the bytes are decoded here (BOM, then valid UTF-8, then the HTTP charset or the XML declaration, then
   windows-1252), whatever the document claims, so feedparser always gets well-labelled UTF-8;
2. DOCTYPE and ENTITY declarations are removed wherever they are (feedparser 6.0.14 expands the entities
   of a DOCTYPE written on one line: a 478-byte feed became a 3,000,000-character title), so no entity is
   ever defined, let alone an external one; HTML named entities become character references so that the
   fast strict parser can read the document;
3. author-like fields are cut to ``MAX_AUTHOR_CHARS`` before feedparser sees them: its author e-mail
   pattern takes quadratic time (about 0.9 s of CPU at 8,000 characters).
"""

from __future__ import annotations

import codecs
import html.entities
import re

MAX_AUTHOR_CHARS = 256
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
