"""Many journals read once, as replayed walks: what `status` and `stats` are built on.

Each journal goes through the walk's own reader and engine (`walk.journal.read_journal`,
`walk.state.replay`), so a team view and a single report can never disagree. A team
keeps thousands of journals and a handful of playbooks, so playbooks are loaded once
per file content (path, then sha256) and walks are yielded one at a time: nothing but
the current journal's events is held in memory.

A journal that cannot be used (damaged, foreign, unreadable, its playbook gone or
changed beyond its path) never stops the others: it becomes a `Skipped` with a reason.

Replaying and judging clocks is CPU work in pure Python, so a large directory is split
into contiguous chunks read by forked worker processes, one per core (`in_parallel`);
each returns its partial result and the caller merges them in chunk order, so the
output is the same as a serial run's. bench/README.md has the figures.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from playbook_cli.core.errors import PlaybookError, UsageError, WalkError
from playbook_cli.core.model import Playbook
from playbook_cli.lint.runner import load_playbook
from playbook_cli.walk.events import Ended, Entered, Event, Started
from playbook_cli.walk.journal import JOURNAL_DIR, read_journal, recorded_playbook
from playbook_cli.walk.state import Step, WalkState, replay

DEFAULT_DIRECTORY = str(JOURNAL_DIR)
PARALLEL_FROM = 400  # journals; below this, starting worker processes costs more than it saves
R = TypeVar("R")


@dataclass(frozen=True)
class Walk:
    """One journal, replayed: the state the walk engine rebuilt, and who held each step."""

    journal: str
    playbook: Playbook
    state: WalkState
    operator: str | None  # the roster NAME on `start` (--as), None without a roster
    assignees: Mapping[tuple[str, datetime], str | None]  # (node, entered_at) -> the NAME on its `enter`

    @property
    def open(self) -> bool:
        return not self.state.ended

    @cached_property
    def has_roster(self) -> bool:
        """Whether any step was assigned: a walk without a roster counts for its operator."""
        return any(name is not None for name in self.assignees.values())

    def assignee(self, step: Step) -> str | None:
        return self.assignees.get((step.node, step.entered_at))

    def holder(self, step: Step) -> str | None:
        """Who a step counts for in `stats.people`: its assignee, or the operator of a walk without a roster."""
        return self.assignee(step) if self.has_roster else self.operator

    def step_at(self, moment: datetime) -> Step | None:
        """The step that was current at `moment` (None before the walk's first step)."""
        for step in reversed(self.state.path):
            if step.entered_at <= moment:
                return step
        return None

    def step_left_at(self, node: str | None, moment: datetime | None) -> Step | None:
        """The completed step at `node` that was left at `moment`: the one that stopped a clock."""
        return next((s for s in self.state.path if s.node == node and s.left_at == moment), None)


@dataclass(frozen=True)
class Skipped:
    journal: str
    reason: str


def journal_files(directories: Sequence[str]) -> list[Path]:
    """The journals (`*.jsonl`, in subdirectories too) under each directory, in a stable order.

    A directory that does not exist is a usage error (exit 2): a mistyped path must not
    read as "nothing open".
    """
    found: dict[Path, None] = {}
    for directory in directories or [DEFAULT_DIRECTORY]:
        base = Path(directory)
        if not base.is_dir():
            raise UsageError(f"{directory}: no such directory of journals", hint="walks write theirs to .playbook/journal")
        for path in sorted(base.rglob("*.jsonl")):
            if path.is_file():
                found.setdefault(path, None)
    return list(found)


class PlaybookCache:
    """Playbooks by file: each path is read and checked once, each content (sha256) built once.

    Kept across the redraws of `status --watch`: a playbook edited in between is seen
    by its changed size or time, and reloaded only if its content changed.
    """

    def __init__(self, loader: Callable[[str], Playbook] = load_playbook):
        self._loader = loader
        self._located: dict[tuple[str, str], str] = {}
        self._signature: dict[str, tuple[tuple[int, int], str]] = {}
        self._built: dict[str, Playbook | PlaybookError] = {}
        self.loads = 0  # how many times a playbook was built (tests check the cache works)

    def for_start(self, journal: str, start: Started) -> Playbook:
        key = (start.file, start.path)
        path = self._located.get(key)
        if path is None:
            path = recorded_playbook(journal, start, None, "put it back there to count this walk")
            self._located[key] = path
        return self.load(path)

    def load(self, path: str) -> Playbook:
        try:
            info = Path(path).stat()
        except OSError as exc:
            raise WalkError(f"cannot read the playbook {path}: {exc.strerror or exc}") from None
        signature = (info.st_mtime_ns, info.st_size)
        known = self._signature.get(path)
        if known is None or known[0] != signature:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            known = (signature, digest)
            self._signature[path] = known
        digest = known[1]
        if digest not in self._built:
            try:
                self._built[digest] = self._loader(path)
                self.loads += 1
            except PlaybookError as exc:
                self._built[digest] = exc
        built = self._built[digest]
        if isinstance(built, PlaybookError):
            raise built
        return built


# Keep a journal or not, from its events, before its playbook is loaded and it is replayed.
Keep = Callable[[Started, Sequence[Event]], bool]


@dataclass
class JournalReader:
    """Reads journals into walks, one at a time; what it could not use is in `skipped`."""

    cache: PlaybookCache = field(default_factory=PlaybookCache)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def walks(self, files: Iterable[Path], keep: Keep | None = None) -> Iterator[Walk]:
        for path in files:
            try:
                walk = self.read(path, keep)
            except (PlaybookError, OSError) as exc:
                self.skipped.append(Skipped(str(path), _reason(path, exc)))
                continue
            if walk is not None:
                yield walk

    def read(self, path: Path, keep: Keep | None = None) -> Walk | None:
        events, warnings = read_journal(path)
        self.warnings.extend(warnings)
        start = events[0]
        if not isinstance(start, Started):
            raise WalkError("it does not begin with a start event; it is not a walk journal")
        if keep is not None and not keep(start, events):
            return None
        playbook = self.cache.for_start(str(path), start)
        state = replay(playbook, events)
        assignees = {(event.node, event.at): event.assignee for event in events if isinstance(event, Entered)}
        return Walk(str(path), playbook, state, start.operator, assignees)


def is_open(start: Started, events: Sequence[Event]) -> bool:
    """A journal without an `end` (status reads only these; the replay says the same, later)."""
    return not any(isinstance(event, Ended) for event in events)


def in_parallel(
    files: Sequence[Path], work: Callable[[list[Path]], R], *, workers: int | None = None, least: int = PARALLEL_FROM
) -> list[R]:
    """`work(chunk)` for contiguous chunks of `files`, in order: in forked processes when it pays.

    One chunk per core (or `workers`), run in processes forked from this one (so nothing
    is imported twice) when there are at least `least` files and the platform can fork;
    otherwise one call, here. `work` and its results must pickle (a module-level
    function, or a `functools.partial` of one).
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1  # the cores this process may use
    count = min(workers or cores, max(1, len(files)))
    if count < 2 or len(files) < least or "fork" not in multiprocessing.get_all_start_methods():
        return [work(list(files))]
    size = -(-len(files) // count)
    chunks = [list(files[start : start + size]) for start in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=len(chunks), mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(work, chunks))


_LOCATED = re.compile(r"^:(\d+):\s*")


def _reason(path: Path, exc: BaseException) -> str:
    """The error without the journal's own path in front (the journal is named beside it)."""
    message = str(exc.strerror or exc) if isinstance(exc, OSError) else str(exc)
    prefix = str(path)
    if message.startswith(prefix):
        rest = message[len(prefix) :]
        line = _LOCATED.match(rest)
        message = f"line {line.group(1)}: {rest[line.end() :]}" if line else rest.lstrip(": ")
    return message
