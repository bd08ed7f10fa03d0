"""The regular expressions of input `pattern`s, run by RE2: linear time, whatever the text.

A `pattern` comes from a playbook and the value it checks from a person, an answers file
or `--set`; Python's `re` backtracks, so `^(a|aa)+$` against a long answer would take
longer than the incident. RE2 (google-re2) runs every pattern it accepts in time linear in
the value's length, with bounded memory, so it is the one engine for patterns: the walk
checks values with it, and lint (inputs/bad-pattern, inputs/bad-default) asks it too.

Decided:

- A pattern RE2 rejects is a lint error, even when Python's `re` would accept it: the walk
  runs RE2, so a pattern only Python understands could never be met as written.
- RE2 syntax is Python's for everything a value check needs (classes, `\\d`, `\\s`,
  `{m,n}` up to 1000, groups, `(?P<name>...)`, `(?i)`, `^`, `$`, `\\A`, `\\z`, `\\p{L}`).
  Not supported: lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`), backreferences
  (`\\1`, `(?P=name)`), atomic groups and possessive quantifiers (`(?>`, `a++`), `\\Z`
  (write `\\z` or `$`), `(?x)`, `\\uXXXX` escapes (write `\\x{XXXX}` or the character), and
  repetition counts above 1000.
- Matching is a search, as `re.search` was: anchor with `^` and `$` to match the whole
  value. Without `(?m)`, RE2's `$` matches only at the very end (Python's also before a
  final newline). `\\d`, `\\w`, `\\s` and `\\b` are ASCII in RE2; write `\\p{L}`, `\\p{N}` for
  letters and digits of every script.

Compiled patterns are cached; RE2 is imported on first use (`playbook --version` needs none).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: its text and RE2's program."""

    text: str
    regexp: Any


@dataclass(frozen=True)
class PatternProblem:
    """Why RE2 cannot run a pattern, in words a playbook writer can act on."""

    message: str


# What RE2's parser says → what to tell the writer (checked in order, first match wins).
_UNSUPPORTED: tuple[tuple[str, str], ...] = (
    ("(?=", "lookahead (?=...)"),
    ("(?!", "negative lookahead (?!...)"),
    ("(?<=", "lookbehind (?<=...)"),
    ("(?<!", "negative lookbehind (?<!...)"),
    ("(?>", "atomic groups (?>...)"),
    ("(?#", "comments (?#...)"),
    ("(?x", "verbose mode (?x)"),
)


@lru_cache(maxsize=512)
def compile_pattern(text: str) -> Pattern | PatternProblem:
    """The pattern compiled by RE2, or the problem that keeps RE2 from running it."""
    import re2  # lazy: `playbook --version` and `--help` need no regular expression

    options = re2.Options()
    options.log_errors = False  # RE2 would print its parse errors on stderr
    try:
        return Pattern(text, re2.compile(text, options))
    except re2.error as exc:
        return PatternProblem(_explain(text, exc))


def matches(pattern: Pattern | str, value: str) -> bool:
    """Whether `pattern` finds a match anywhere in `value` (as `re.search`), in linear time.

    A pattern given as text is compiled (and cached); one RE2 cannot run matches nothing,
    so a value is refused rather than let through (lint reports the pattern).
    """
    compiled = compile_pattern(pattern) if isinstance(pattern, str) else pattern
    if isinstance(compiled, PatternProblem):
        return False
    return compiled.regexp.search(value) is not None


def _explain(text: str, exc: Exception) -> str:
    raw = exc.args[0] if exc.args else ""
    reason = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    reason = reason or "it does not compile"
    if reason.startswith("invalid perl operator"):
        if "(?P=" in text:
            return "RE2 does not support backreferences (?P=name); write the pattern without them"
        for start, what in _UNSUPPORTED:
            if start in text:
                return f"RE2 does not support {what}; write the pattern without it"
    if reason.startswith("invalid escape sequence"):
        escape = reason.rpartition(": ")[2]
        if escape[1:2].isdigit():
            return f"RE2 does not support backreferences ({escape}); write the pattern without them"
        if escape == "\\Z":
            return "RE2 does not support \\Z; write \\z (or $) for the end of the value"
        if escape in ("\\u", "\\U", "\\N"):
            return f"RE2 does not support {escape} escapes; write \\x{{...}} with the code point, or the character itself"
    if reason.startswith("bad repetition operator") and reason.endswith("+"):
        return f"RE2 does not support possessive quantifiers ({reason.rpartition(': ')[2]}); write the pattern without them"
    if reason.startswith("invalid repetition size"):
        return f"RE2 allows at most 1000 repetitions ({reason.rpartition(': ')[2]}); write a smaller count"
    if "too large" in reason:
        return "the pattern is too large for RE2; write a shorter one"
    return f"{reason}; fix it (RE2 syntax, for example ^CS-[0-9]+$)"
