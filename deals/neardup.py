"""Near-duplicate articles (wire copies, syndication, one text under two URLs) by MinHash + LSH bands,
and by the sentences two texts share.

Each article gets a signature: the MinHash (rensa) of its word 5-shingles, cut into ``BANDS`` bands of
``ROWS`` values, each band hashed to a short key. Two texts share a band key with a probability that
rises steeply around a Jaccard similarity of (1/BANDS)^(1/ROWS) ≈ 0.42: 0.93 at 0.53, 0.999 at 0.66,
0.003 at 0.1. On real articles (bench/data/deals) syndicated copies, re-headlined, trimmed or with a
paragraph added, have a similarity of 0.53 to 0.87 with their original, and two outlets' own reports
of one event at most 0.1.

An excerpt or a re-cut copy has a lower similarity (an excerpt of a third of the text: about 0.4), so
the signature also carries one key per sentence of ``SENTENCE_WORDS`` words or more (the first
``SENTENCES_KEPT``): two texts sharing ``SHARED_SENTENCES`` such sentences, a ``SENTENCE_SHARE`` of the
shorter text's, are copies. On bench/data/deals (``python bench/deals_copies.py``) two reports of one
deal that are not copies share at most one sentence (a quoted statement; 17 % of the shorter text's),
copies that share sentences share two or more (33 % or more of the shorter's); copies rewritten
sentence by sentence (another translation, an edit of every sentence) share none and are not found.
The keys are short strings, so a deal keeps its newest reports' signatures in its record and a
restarted worker compares against them without recomputing anything. Pure.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from itertools import accumulate, chain
from operator import add

from rensa import RMinHash

from index.actions import fold

BANDS = 32
ROWS = 4
SHINGLE = 5
SEED = 20_240_101  # fixed: signatures must agree across processes and restarts
KEY_MASK = 2**40 - 1  # 10 hex digits per band key
WORD = re.compile(r"\w+")
# No word character: splitting loses no word (a decimal point or an abbreviation cuts a sentence too;
# pieces of fewer than SENTENCE_WORDS words get no key). A plain class: three times faster than "[.!?]\s".
SENTENCE_END = re.compile(r"[.!?\n]\s*")
SENTENCE_WORDS = 6  # shorter lines are bylines, captions and buttons that many unrelated pages share
SENTENCES_KEPT = 40
SHARED_SENTENCES = 2
SENTENCE_SHARE = 0.25
SENTENCE_MARK = "s:"


def _sentences(text: str) -> list[list[str]]:
    """The words of each sentence of the text, lower case and accents folded."""
    return [WORD.findall(piece) for piece in SENTENCE_END.split(fold(text))]


def shingles(text: str) -> list[str]:
    """Word ``SHINGLE``-grams of the text, lower case and accents folded (the whole text if shorter)."""
    return _shingles(list(chain.from_iterable(_sentences(text))))


def _shingles(words: list[str]) -> list[str]:
    if len(words) <= SHINGLE:
        return [" ".join(words)] if words else []
    joined = " ".join(words)
    # Shingles as slices of the joined words (one slice each instead of a join): word i starts after
    # the lengths of the words before it and one space per word.
    count = len(words) - SHINGLE + 1
    before = list(accumulate(map(len, words), initial=0))
    starts = map(add, before[:count], range(count))
    ends = map(add, before[SHINGLE : SHINGLE + count], range(SHINGLE - 1, SHINGLE - 1 + count))
    return list(map(joined.__getitem__, map(slice, starts, ends)))


def _sentence_keys(sentences: list[list[str]]) -> list[str]:
    """One key per sentence of ``SENTENCE_WORDS`` words or more, the first ``SENTENCES_KEPT``, each once."""
    keys: dict[str, None] = {}
    for words in sentences:
        if len(words) >= SENTENCE_WORDS:
            digest = hashlib.blake2b(" ".join(words).encode(), digest_size=5).hexdigest()
            keys[f"{SENTENCE_MARK}{digest}"] = None
            if len(keys) == SENTENCES_KEPT:
                break
    return list(keys)


def signature(text: str) -> list[str]:
    """The band keys of ``text``, then its sentence keys (empty for a text without words)."""
    sentences = _sentences(text)
    grams = _shingles(list(chain.from_iterable(sentences)))
    if not grams:
        return []
    minhash = RMinHash(num_perm=BANDS * ROWS, seed=SEED)
    minhash.update(grams)
    values = minhash.digest()
    # hash() of a tuple of ints is the same in every process (only str and bytes hashes are salted).
    bands = [
        f"{band}:{hash(tuple(values[band * ROWS : (band + 1) * ROWS])) & KEY_MASK:010x}"
        for band in range(BANDS)
    ]
    return bands + _sentence_keys(sentences)


def shares_band(one: Iterable[str], other: Iterable[str]) -> bool:
    """True when two signatures share a band key (a similarity of about 0.42 or more)."""
    return not {key for key in one if not key.startswith(SENTENCE_MARK)}.isdisjoint(other)


def shares_sentences(one: Iterable[str], other: Iterable[str]) -> bool:
    """True when two signatures share ``SHARED_SENTENCES`` sentences or more, a ``SENTENCE_SHARE`` of the
    shorter text's at least."""
    mine = {key for key in one if key.startswith(SENTENCE_MARK)}
    theirs = {key for key in other if key.startswith(SENTENCE_MARK)}
    shared = len(mine & theirs)
    return shared >= SHARED_SENTENCES and shared >= SENTENCE_SHARE * min(len(mine), len(theirs))


def is_near_duplicate(one: Iterable[str], other: Iterable[str]) -> bool:
    """True when two signatures share a band key or enough sentences."""
    one, other = list(one), list(other)
    return shares_band(one, other) or shares_sentences(one, other)
