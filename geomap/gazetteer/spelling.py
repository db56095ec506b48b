"""Which known names could be a misspelling of a name: the few worth scoring (issue 13).

A name that does not resolve gets suggestions: the known names most like it by edit distance.
Scoring it against all 180,000 keys costs ~8 ms in rapidfuzz, and reading the keys from the
store ~80 ms more in a fresh process. A close spelling shares most of its letter pairs with
the name ("kaliningrd" and "kaliningrad" share 10 of 11), so the build writes, beside the
names, which keys hold each letter pair; a query counts, for every key at once, the pairs it
shares with the name, and only the keys sharing most are scored. Keys are read from the file
only for those few.

Letter pairs are hashed into `BINS` bins (two pairs in one bin only add candidates), and the
name is padded with a space so that its first and last letters count as pairs too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

BINS = 1 << 16
# Keys scored per query: enough that the closest spellings are among them (tests compare the
# answers with scoring every key), few enough to score in well under a millisecond.
CANDIDATES = 1500
# The parts of the index, each stored as one blob (little-endian arrays, UTF-8 keys).
PARTS = ("keys", "key_ends", "lengths", "pair_starts", "pair_keys")


def letter_pairs(key: str) -> set[int]:
    padded = f" {key} "
    return {(ord(a) * 40503 + ord(b)) % BINS for a, b in pairwise(padded)}


@dataclass(frozen=True, eq=False)
class SpellingIndex:
    keys: bytes  # every key, UTF-8, one after another
    key_ends: np.ndarray  # uint32: where each key ends in `keys`
    lengths: np.ndarray  # uint8: each key's length in characters (255 for longer)
    pair_starts: np.ndarray  # uint32, BINS + 1: where each pair's keys start in `pair_keys`
    pair_keys: np.ndarray  # uint32: the keys that hold each pair, pair by pair

    @classmethod
    def build(cls, keys: Iterable[str]) -> SpellingIndex:
        ordered = sorted(keys)
        encoded = [k.encode("utf-8") for k in ordered]
        pairs: list[list[int]] = [[] for _ in range(BINS)]
        for position, key in enumerate(ordered):
            for pair in letter_pairs(key):
                pairs[pair].append(position)
        sizes = np.fromiter((len(p) for p in pairs), dtype=np.uint32, count=BINS)
        return cls(
            keys=b"".join(encoded),
            key_ends=np.cumsum([len(e) for e in encoded], dtype=np.uint32),
            lengths=np.fromiter((min(len(k), 255) for k in ordered), np.uint8, len(ordered)),
            pair_starts=np.concatenate(([0], np.cumsum(sizes))).astype(np.uint32),
            pair_keys=np.fromiter(
                (p for bucket in pairs for p in bucket), np.uint32, int(sizes.sum())
            ),
        )

    def to_parts(self) -> dict[str, bytes]:
        parts = {"keys": self.keys}
        for name in PARTS[1:]:
            array = getattr(self, name)
            parts[name] = array.astype(array.dtype.newbyteorder("<")).tobytes()
        return parts

    @classmethod
    def from_parts(cls, parts: dict[str, bytes]) -> SpellingIndex:
        def array(name, dtype):
            return np.frombuffer(parts[name], dtype=np.dtype(dtype).newbyteorder("<"))

        return cls(
            keys=parts["keys"],
            key_ends=array("key_ends", np.uint32),
            lengths=array("lengths", np.uint8),
            pair_starts=array("pair_starts", np.uint32),
            pair_keys=array("pair_keys", np.uint32),
        )

    def __len__(self) -> int:
        return len(self.key_ends)

    def key(self, position: int) -> str:
        start = int(self.key_ends[position - 1]) if position else 0
        return self.keys[start : int(self.key_ends[position])].decode("utf-8")

    def candidates(self, name: str, min_ratio: float, limit: int = CANDIDATES) -> list[str]:
        """About `limit` keys that share most letter pairs with `name`, among those whose
        length allows a similarity of `min_ratio` (0-1, rapidfuzz's ratio: 1 - indel distance
        / total length): a key of length k can reach it only if
        min(k, n) / (k + n) >= min_ratio / 2."""
        n = len(name)
        if not n or not len(self):
            return []
        starts, holders = self.pair_starts, self.pair_keys
        hits = [holders[starts[p] : starts[p + 1]] for p in letter_pairs(name)]
        shared = np.bincount(np.concatenate(hits), minlength=len(self))
        shortest, longest = n * min_ratio / (2 - min_ratio), n * (2 - min_ratio) / min_ratio
        shared[(self.lengths < shortest) | (self.lengths > longest)] = 0
        # The fewest shared pairs that keeps at most `limit` keys (at least one pair).
        # (Not a partial sort: with many keys tied at one count, numpy's takes ~30 ms.)
        at_least = np.cumsum(np.bincount(shared)[::-1])[::-1]  # [k]: keys sharing k or more
        few_enough = at_least <= limit
        fewest = int(np.argmax(few_enough)) if few_enough[-1] else len(at_least) - 1
        fewest = max(fewest, 1)
        return [self.key(int(p)) for p in np.flatnonzero(shared >= fewest)]
