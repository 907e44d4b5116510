"""Near-duplicate articles (wire copies, syndication, one text under two URLs) by MinHash + LSH bands.

Each article gets a signature: the MinHash (rensa) of its word 5-shingles, cut into ``BANDS`` bands of
``ROWS`` values, each band hashed to a short key. Two texts share a band key with a probability that
rises steeply around a Jaccard similarity of (1/BANDS)^(1/ROWS) ≈ 0.55: syndicated copies, even
re-headlined or trimmed, share several; two outlets' own reports of one event share none. The keys are
short strings, so a deal keeps its newest reports' signatures in its record and a restarted worker
compares against them without recomputing anything. Pure.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from rensa import RMinHash

BANDS = 20
ROWS = 5
SHINGLE = 5
SEED = 20_240_101  # fixed: signatures must agree across processes and restarts
WORD = re.compile(r"\w+")


def shingles(text: str) -> list[str]:
    """Word ``SHINGLE``-grams of the text, lower case and accents folded (the whole text if shorter)."""
    folded = unicodedata.normalize("NFKD", text.lower())
    words = WORD.findall("".join(char for char in folded if not unicodedata.combining(char)))
    if len(words) <= SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[start : start + SHINGLE]) for start in range(len(words) - SHINGLE + 1)]


def signature(text: str) -> list[str]:
    """The band keys of ``text`` (empty for a text without words)."""
    grams = shingles(text)
    if not grams:
        return []
    minhash = RMinHash(num_perm=BANDS * ROWS, seed=SEED)
    minhash.update(grams)
    values = minhash.digest()
    keys = []
    for band in range(BANDS):
        chunk = ",".join(map(str, values[band * ROWS : (band + 1) * ROWS]))
        keys.append(f"{band}:{hashlib.blake2b(chunk.encode(), digest_size=5).hexdigest()}")
    return keys


def is_near_duplicate(one: Iterable[str], other: Iterable[str]) -> bool:
    """True when two signatures share a band key."""
    return not set(one).isdisjoint(other)
