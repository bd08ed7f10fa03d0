"""Every error a user can meet, as one family; only the CLI boundary turns them into output.

Commands and capabilities raise; `cli.app` catches `PlaybookError` in one place, prints
`playbook: <message>` (plus `details` lines and a `hint` line), and exits with the
error's `exit_code`. Anything else reaching the boundary is a bug ("internal error").
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playbook_cli.core.findings import Finding


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # lint findings, failed scenarios
    USAGE = 2  # usage or input errors
    INTERRUPTED = 130  # Ctrl-C, or a walk paused with q


class PlaybookError(Exception):
    """Base of every error raised on purpose.

    Its message is meant for the user: it names the file (and line when known) and says
    what to do instead. `details` are further lines shown under it; `hint` is one line
    saying how to go on (e.g. the command that resumes a walk).
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, details: Sequence[str] = (), hint: str | None = None):
        super().__init__(message)
        self.details = tuple(details)
        self.hint = hint


class UsageError(PlaybookError):
    """An option or argument that cannot be used as given."""


class InputError(PlaybookError):
    """The user's input cannot be used: a missing path, a bad option value, a bad answer."""


class PlaybookLoadError(PlaybookError):
    """A playbook (or answers file, or journal) could not be read at all.

    Carries the finding that explains why, so lint can report it like any other.
    """

    def __init__(self, finding: Finding):
        self.finding = finding
        super().__init__(finding.describe())


class InvalidPlaybookError(PlaybookError):
    """A playbook loaded but has errors; walk, test and render refuse to use it."""

    SHOWN = 10  # findings listed under the message; the rest are counted

    def __init__(self, path: str, findings: Sequence[Finding]):
        self.path = path
        self.findings = list(findings)
        shown = [f"  {finding.describe()}" for finding in self.findings[: self.SHOWN]]
        if len(self.findings) > self.SHOWN:
            shown.append(f"  ... and {len(self.findings) - self.SHOWN} more")
        super().__init__(f"{path} has errors; fix them first (`playbook lint {path}`):", details=shown)


class WalkError(PlaybookError):
    """The walk cannot go on: no answer left, an answer that matches nothing, a bad journal."""


class Interrupted(PlaybookError):
    """The user paused the walk (Ctrl-C, Ctrl-D or `q`)."""

    exit_code = ExitCode.INTERRUPTED


class RenderError(PlaybookError):
    """A template could not be loaded or rendered, or an output could not be written."""
