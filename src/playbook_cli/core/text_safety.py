"""Untrusted text made safe to show on a terminal.

Playbook content and what users type are shown literally: callers build rich `Text`
objects (never markup), and this module neutralises what a terminal would obey:
C0/C1 control characters (ESC starts colour codes, cursor moves, title changes) and
Unicode bidi overrides that can make text read differently from what it is.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)  # caret notation: ESC shows as ^[
    return f"<U+{code:04X}>"


def terminal_safe(text: object) -> str:
    """`text` with every control character shown as visible caret notation."""
    return _CONTROL.sub(_visible, str(text))


def safe_text(text: object, style: str = ""):
    from rich.text import Text  # lazy: heavy, kept off start-up

    return Text(terminal_safe(text), style=style)
