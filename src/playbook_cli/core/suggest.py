"""Did-you-mean: the closest known word to a misspelt one, for every message that suggests."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: object, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option most similar to `word` (difflib's ratio at least `cutoff`), or None.

    Options whose length alone rules them out are skipped before difflib compares them:
    the ratio is at most 2*min(len)/(len(a)+len(b)), so the pruning never changes the
    answer, only what it costs on large libraries.
    """
    text = str(word)
    size = len(text)
    candidates = [
        option for option in dict.fromkeys(options) if size + len(option) and 2 * min(size, len(option)) / (size + len(option)) >= cutoff
    ]
    found = difflib.get_close_matches(text, candidates, n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: object, options: Iterable[str], cutoff: float = 0.6) -> str:
    """ "; did you mean 'x'?" for the closest option, or "" when nothing is close."""
    found = closest(word, options, cutoff)
    return f"; did you mean '{found}'?" if found else ""
