"""Did-you-mean: the closest known word to a misspelt one, for every message that suggests."""

from __future__ import annotations

import difflib
import math
from collections import defaultdict
from collections.abc import Iterable


class Suggester:
    """The known words, indexed by length, to suggest from many times in linear time.

    difflib's ratio is at most 2*min(len)/(len(a)+len(b)), so only words whose length
    lies in a window around the misspelt word's can reach the cutoff: the index looks at
    those alone, which never changes the answer, only what it costs when a file has
    thousands of ids and thousands of misspellings.
    """

    def __init__(self, options: Iterable[str], cutoff: float = 0.6):
        self.cutoff = cutoff
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for option in dict.fromkeys(options):
            self.by_length[len(option)].append(option)

    def closest(self, word: object) -> str | None:
        text = str(word)
        size = len(text)
        low = math.ceil(size * self.cutoff / (2 - self.cutoff))
        high = math.floor(size * (2 - self.cutoff) / self.cutoff) if self.cutoff else size * 4
        candidates = [option for length in range(low, high + 1) for option in self.by_length.get(length, ())]
        found = difflib.get_close_matches(text, candidates, n=1, cutoff=self.cutoff)
        return found[0] if found else None

    def did_you_mean(self, word: object) -> str:
        found = self.closest(word)
        return f"; did you mean '{found}'?" if found else ""


def closest(word: object, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option most similar to `word` (difflib's ratio at least `cutoff`), or None."""
    return Suggester(options, cutoff).closest(word)


def did_you_mean(word: object, options: Iterable[str], cutoff: float = 0.6) -> str:
    """ "; did you mean 'x'?" for the closest option, or "" when nothing is close."""
    return Suggester(options, cutoff).did_you_mean(word)
