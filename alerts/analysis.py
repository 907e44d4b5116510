"""Elasticsearch's ``standard`` analyzer in Python: the tokens a text field holds, for stream matching.

Rules are matched on the live stream without asking Elasticsearch, so the words of a document and of a
query must split exactly as the node splits them: Unicode word boundaries (UAX #29, as Lucene's
StandardTokenizer applies them) then lower case. Letters and digits form words; a word continues over
``'`` ``.`` ``’`` ``:`` between letters and over ``.`` ``,`` ``;`` between digits; ideographs and kana are
one token each. Scripts segmented by dictionary (Thai, Lao, Khmer, Myanmar) are out of scope: our
languages are English and French.
"""

from __future__ import annotations

import re

MAX_TOKEN_LENGTH = 255  # the tokenizer's default: longer words are cut into pieces of this size
# One "run": letters/digits/underscore/combining marks, with the joiners UAX #29 allows inside a word.
# MidLetter and MidNumLet join two letters; MidNum and MidNumLet join two digits (WB6/7, WB11/12).
_LETTER = r"[^\W\d_]"
_WORD_CHAR = r"[\w\u0300-\u036f\u00ad\u200d]"
_IDEOGRAPHIC = "\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Emoji are tokens of their own, a ZWJ sequence or a modifier staying with its emoji.
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
_EMOJI_TAIL = "\ufe0f\u200d\U0001f3fb-\U0001f3ff"
_MID_LETTER = ":\u00b7\u0387\u05f4\u2027\ufe13\ufe55\uff1a"
_MID_NUM_LET = ".'\u2018\u2019\u2024\ufe52\uff07\uff0e"
_MID_NUM = ",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b"
_EXTEND = "\u0300-\u036f\u00ad\u200d"  # combining marks and format characters a word carries along


def _after(kind: str) -> str:
    """A look-behind for a ``kind`` character, possibly followed by up to two marks (UAX #29 WB4)."""
    return f"(?:(?<={kind})|(?<={kind}[{_EXTEND}])|(?<={kind}[{_EXTEND}]{{2}}))"


_AFTER_LETTER = _after(_LETTER)
_AFTER_DIGIT = _after(r"\d")
_TOKEN = re.compile(
    rf"[{_IDEOGRAPHIC}][{_EXTEND}]*"
    rf"|[{_EMOJI}](?:[{_EMOJI_TAIL}]+[{_EMOJI}]?)*[{_EXTEND}]*"
    rf"|(?:(?![{_IDEOGRAPHIC}])\w)(?:(?![{_IDEOGRAPHIC}]){_WORD_CHAR})*"
    rf"(?:(?:{_AFTER_LETTER}[{_MID_LETTER}{_MID_NUM_LET}][{_EXTEND}]*(?={_LETTER})"
    rf"|{_AFTER_DIGIT}[{_MID_NUM}{_MID_NUM_LET}][{_EXTEND}]*(?=\d))"
    rf"(?:(?![{_IDEOGRAPHIC}]){_WORD_CHAR})+)*"
)
# Underscores and marks alone are no word (``_EXTEND`` is a class of ranges, not a list of characters).
_NO_WORD = re.compile(rf"[_{_EXTEND}]*")
# Java lower-cases one code point at a time: no final sigma, and dotted capital I becomes a plain i.
_JAVA_LOWER = str.maketrans({"\u0130": "i", "\u03a3": "\u03c3"})


def tokens(text: str) -> list[str]:
    """The terms of ``text`` in order, as the standard analyzer indexes them (positions = list indices)."""
    found = [
        token
        for token in _TOKEN.findall(text.translate(_JAVA_LOWER).lower())
        if not _NO_WORD.fullmatch(token)
    ]
    if any(len(token) > MAX_TOKEN_LENGTH for token in found):
        found = [
            token[start : start + MAX_TOKEN_LENGTH]
            for token in found
            for start in range(0, len(token), MAX_TOKEN_LENGTH)
        ]
    return found
