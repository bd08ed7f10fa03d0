"""The walk journal: JSON Lines, append-only, flushed and fsynced after every event.

The one writer (`JournalWriter`) and the one reader (`read_journal`) of journal files;
what each line means is `walk.events`.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime
from pathlib import Path
from types import TracebackType

from playbook_cli.core.errors import UsageError, WalkError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
from playbook_cli.walk.events import BadEvent, Event, Started, decode, encode

JOURNAL_DIR = Path(".playbook") / "journal"


def default_journal_path(playbook_id: str, now: datetime, base: Path | None = None) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    directory = (base or Path.cwd()) / JOURNAL_DIR
    path = directory / f"{playbook_id}-{stamp}.jsonl"
    counter = 1
    while path.exists():  # two walks started in the same second
        counter += 1
        path = directory / f"{playbook_id}-{stamp}-{counter}.jsonl"
    return path


class JournalLocked(UsageError):
    """Another walk is appending to this journal right now."""


class JournalWriter:
    """Appends events; each one is on disk (flushed and fsynced) before `write` returns.

    The writer holds an exclusive lock on the journal (`flock`, released by the kernel
    if the process dies), so two walks of one journal cannot interleave: the second is
    refused, naming the process and host that hold it (from `<journal>.lock`, a note
    beside the journal that the holder writes and removes).
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - held open for the walk, closed by close()
        self._holder = self.path.with_name(self.path.name + ".lock")
        self._lock()

    def _lock(self) -> None:
        if fcntl is None:  # not POSIX: no lock (documented in SECURITY.md)
            return
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._file.close()
            try:
                holder = self._holder.read_text(encoding="utf-8").strip() or "another process"
            except OSError:
                holder = "another process"
            raise JournalLocked(
                f"{self.path} is being walked right now by {holder}; wait for that walk to pause or end, or walk another journal"
            ) from None
        self._holder.write_text(f"pid {os.getpid()} on {socket.gethostname()}\n", encoding="utf-8")

    def write(self, event: Event) -> None:
        try:
            self._file.write(json.dumps(encode(event), ensure_ascii=False, separators=(",", ":")) + "\n")
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:  # a full disk, a lost network drive: say which file
            raise WalkError(f"{self.path}: cannot write the journal: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._file.closed:
            return
        self._holder.unlink(missing_ok=True)
        self._file.close()  # releases the lock

    def __enter__(self) -> JournalWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


def read_journal(path: Path) -> tuple[list[Event], list[str]]:
    """The events of a journal, and warnings.

    A torn last line (the process died mid-write) is ignored with a warning; a bad line
    anywhere else means the file was edited or damaged, and is an error.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WalkError(f"{path}: cannot read the journal: {exc.strerror or exc}") from None
    lines = raw.split(b"\n")
    events: list[Event] = []
    warnings: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line.decode("utf-8"))
            if not isinstance(data, dict) or "event" not in data or "at" not in data:
                raise ValueError("not an event")
        except (ValueError, UnicodeDecodeError):
            is_last = all(not rest.strip() for rest in lines[number:])
            if is_last:
                warnings.append(f"{path}:{number}: ignoring a torn last line (the walk was interrupted mid-write)")
                continue
            raise WalkError(f"{path}:{number}: this line is not a journal event; the journal was edited or damaged") from None
        try:
            events.append(decode(data))
        except BadEvent as exc:
            raise WalkError(f"{path}:{number}: {exc}; the journal was edited or damaged") from None
    if not events:
        raise WalkError(f"{path}: the journal is empty")
    return events, warnings


def set_aside_torn_tail(path: Path) -> Path | None:
    """Before appending to a journal whose last line is torn, move that fragment aside.

    The fragment goes to `<journal>.torn` (nothing is deleted), so the next event starts
    on a line of its own.
    """
    path = Path(path)
    raw = path.read_bytes()
    if not raw or raw.endswith(b"\n"):
        return None
    cut = raw.rfind(b"\n") + 1
    try:
        complete = isinstance(json.loads(raw[cut:].decode("utf-8")), dict)
    except (ValueError, UnicodeDecodeError):
        complete = False
    if complete:  # the event was written whole; only its newline was lost
        with open(path, "ab") as journal:
            journal.write(b"\n")
            journal.flush()
            os.fsync(journal.fileno())
        return None
    aside = path.with_name(path.name + ".torn")
    with open(aside, "ab") as torn:
        torn.write(raw[cut:] + b"\n")
    with open(path, "r+b") as journal:
        journal.truncate(cut)
        journal.flush()
        os.fsync(journal.fileno())
    return aside


def recorded_playbook(journal: str, start: Started, given: str | None, how_to_pass: str) -> str:
    """The playbook a journal was recorded with: the one given, else its path as typed, else absolute."""
    candidates = [given] if given else [start.file, start.path]
    path = next((c for c in candidates if c and Path(c).is_file()), None)
    if path is None:
        raise UsageError(f"{journal}: the playbook {candidates[0]!r} it was recorded with is not there; {how_to_pass}")
    return path
