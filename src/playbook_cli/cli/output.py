"""`--output FILE` of lint and test: the chosen report written to a file, whole or not at all.

CI wants a machine report in a file (JUnit, SARIF, code quality) and a person wants the
text on screen from the same run: with `--output`, the chosen format goes to the file
and the text report to the terminal. The file is written through a temporary file and
a rename (`render.output.write_bytes`), so a reader never finds half a report, and a
symbolic link in its place is refused.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from playbook_cli.render.output import write_bytes

if TYPE_CHECKING:
    from rich.console import Console


def plain_text(draw: Callable[[Console], None]) -> str:
    """What `draw` prints on a console, as plain text (no colour, lines unwrapped)."""
    from rich.console import Console  # lazy: rich is heavy

    buffer = io.StringIO()
    draw(Console(file=buffer, color_system=None, highlight=False, soft_wrap=True, width=200))
    return buffer.getvalue()


def write_report(path: str, text: str) -> None:
    """`text` to `path` (UTF-8), atomically; a failure names the file (exit 2)."""
    write_bytes(text.encode("utf-8", "surrogateescape"), Path(path))
