"""Matching what a person typed against the texts it may name: answers, options.

Agents type on phone keyboards and terminals without an input method, so "chua nhan"
must select "Chưa nhận", and a decomposed (NFD) answer must equal its composed twin.
`fold` is the one comparison key: NFC, then accents and case removed, `đ` as `d`,
spaces collapsed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def fold(text: str) -> str:
    """The comparison key of `text`: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def matching_indexes(typed: str, candidates: Sequence[Sequence[str]]) -> list[int]:
    """Indexes of the candidates (each a list of spellings, e.g. one per language) that `typed` names.

    An exact match (after folding) wins; otherwise every candidate one of whose
    spellings starts with what was typed: one is a match, several are ambiguous.
    """
    wanted = fold(typed)
    if not wanted:
        return []
    exact = [index for index, spellings in enumerate(candidates) if any(fold(s) == wanted for s in spellings)]
    if exact:
        return exact
    return [index for index, spellings in enumerate(candidates) if any(fold(s).startswith(wanted) for s in spellings)]


def whole_number(typed: str) -> int | None:
    """The number `typed` spells in ASCII digits, else None.

    `str.isdigit` is true of "²" and "٣", which `int()` then refuses or reads as a
    number nobody meant; only 0-9 count here.
    """
    text = typed.strip()
    return int(text) if text and text.isascii() and text.isdigit() else None
