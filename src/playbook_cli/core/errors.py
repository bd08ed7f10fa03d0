"""Typed errors raised by the core; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class PlaybookError(Exception):
    """Base of every error the core raises on purpose.

    Its message is meant for the user: it names the file (and line when known) and
    says what to do instead.
    """


class InputError(PlaybookError):
    """The user's input cannot be used: a missing path, a bad option value, a bad answer."""


class PlaybookLoadError(PlaybookError):
    """A playbook (or answers file, or journal) could not be read at all.

    Carries the finding that explains why, so lint can report it like any other.
    """

    def __init__(self, finding):
        self.finding = finding
        super().__init__(finding.describe())


class InvalidPlaybookError(PlaybookError):
    """A playbook loaded but has errors; walk, test and render refuse to use it."""

    def __init__(self, path: str, findings):
        self.path = path
        self.findings = list(findings)
        first = self.findings[0].describe() if self.findings else path
        more = len(self.findings) - 1
        tail = f" (and {more} more; run `playbook lint {path}`)" if more > 0 else ""
        super().__init__(first + tail)


class WalkError(PlaybookError):
    """The walk cannot go on: no answer left, an answer that matches nothing, a bad journal."""


class Interrupted(PlaybookError):
    """The user paused the walk (Ctrl-C, Ctrl-D or `q`)."""
