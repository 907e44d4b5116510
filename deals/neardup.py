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
copies that share sentences share two or more (33 % or more of the shorter's).
A copy rewritten sentence by sentence (an edit of every sentence, another rendering of one text) shares
no sentence, but keeps its vocabulary and some of its word runs, so the signature ends with the text's
distinct words and a quarter of its distinct 5-shingles (those whose hash is divisible by
``RUNS_SAMPLE``), each as the low 16 bits of rensa's token hash: an exact set of words, not a MinHash
estimate, as the margin between copies and distinct reports is too thin for one. Two texts published
within a day of each other are ``reworded`` copies when their words have a Jaccard similarity of
``REWORDED_WORDS`` or more and a ``REWORDED_RUNS`` share of the shorter text's 5-shingles are in the
other. On bench/data/deals (both tuning sets, ``python bench/deals_copies.py``) the six rewritten
copies have word similarities of 0.54 to 0.78 and keep 25 to 47 % of their runs; two outlets' own
reports of one event on one day share words up to 0.48 but then less than 10 % of their runs, and
reports sharing 20 % of their runs share at most 0.44 of their words.
The keys are short strings, so a deal keeps its newest reports' signatures in its record and a
restarted worker compares against them without recomputing anything. Pure.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections.abc import Iterable
from functools import lru_cache
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
WORDS_MARK = "w:"  # the text's distinct words, 4 hex digits each, sorted
RUNS_MARK = "r:"  # its distinct 5-shingles, likewise
REWORDED_WORDS = 0.5
REWORDED_RUNS = 0.2
RUNS_SAMPLE = 4  # a quarter of the 5-shingles is kept (by hash): the share of runs needs no precision


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
    # rensa's token hashes: the same in every process, computed at native speed (this runs on every
    # article); a rensa release that hashed otherwise would only miss the reworded copies of older texts.
    word_hashes, run_hashes = RMinHash.hash_token_sets([list(chain.from_iterable(sentences)), grams])
    words, runs = WORDS_MARK + _hashed(word_hashes), RUNS_MARK + _hashed(run_hashes, RUNS_SAMPLE)
    return [*bands, *_sentence_keys(sentences), words, runs]


def _hashed(hashes: Iterable[int], sample: int = 1) -> str:
    """The distinct 16-bit ends of 64-bit token hashes, sorted, 4 hex digits each, big-endian; with
    ``sample`` > 1, only those divisible by it (the same tokens in every text, so shares are estimated
    on them)."""
    distinct = set(map(LOW_16.__and__, hashes))
    if sample > 1:
        distinct = {value for value in distinct if not value % sample}
    ordered = array("H", sorted(distinct))
    if sys.byteorder == "little":
        ordered.byteswap()
    return ordered.tobytes().hex()


LOW_16 = 0xFFFF
HASH_DIGITS = re.compile(r"[0-9a-f]{4}")


def _hash_set(one: list[str], mark: str) -> frozenset[str]:
    return _hashes_of(next((key for key in reversed(one) if key.startswith(mark)), ""))


@lru_cache(maxsize=4096)
def _hashes_of(key: str) -> frozenset[str]:
    """The hashes of a word or run key (parsed once per text: a report is compared with several)."""
    return frozenset(HASH_DIGITS.findall(key, len(WORDS_MARK)))  # both marks are two characters


def text_marks(signature: list[str]) -> list[str]:
    """The keys another text may share as they are: the band and sentence keys, without the word and
    run sets that end a signature (a signature stored before them ends with its sentence keys)."""
    return signature[:-2] if signature and signature[-1].startswith(RUNS_MARK) else signature


def reworded(one: list[str], other: list[str]) -> bool:
    """True when two signatures have ``REWORDED_WORDS`` of their words and a ``REWORDED_RUNS`` share of
    the shorter text's 5-shingles in common (see the module doc: for texts published within a day)."""
    runs, other_runs = _hash_set(one, RUNS_MARK), _hash_set(other, RUNS_MARK)
    if not runs or not other_runs or len(runs & other_runs) < REWORDED_RUNS * min(len(runs), len(other_runs)):
        return False  # the usual answer, on the smaller sets
    words, other_words = _hash_set(one, WORDS_MARK), _hash_set(other, WORDS_MARK)
    return len(words & other_words) >= REWORDED_WORDS * len(words | other_words)


def shares_band(one: Iterable[str], other: Iterable[str]) -> bool:
    """True when two signatures share a band key (a similarity of about 0.42 or more)."""
    return not {key for key in one if key[:1].isdigit()}.isdisjoint(other)


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
