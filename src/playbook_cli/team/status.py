"""`playbook status`: the open walks across a team, most urgent first.

Each open journal is replayed and its clocks judged by the one clock model at the same
instant (`walk.sla.clock_statuses`); this module only orders the walks and says who
holds each one. The order is the spec's (`../shared/spec/outputs-json.md`): by the
earliest due time among clocks that are breached, due soon or running, then the walks
with no such clock, by opening time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from playbook_cli.team.journals import JournalReader, PlaybookCache, Skipped, Walk, in_parallel, is_open
from playbook_cli.walk.clock_json import clock_object, iso_seconds
from playbook_cli.walk.sla import ClockState, ClockStatus, clock_statuses

STATUS_VERSION = 1
URGENT = (ClockState.BREACHED, ClockState.DUE_SOON, ClockState.RUNNING)
# Open walks come back from a worker whole (state, clocks, playbook) to be sorted and shown:
# sending them costs about what a second core saves, so workers pay only when most journals
# are ended ones, read and dropped there (bench/README.md).
STATUS_PARALLEL_FROM = 2000


@dataclass(frozen=True)
class OpenWalk:
    """An open walk as it stands at the instant asked: where, who, and its clocks."""

    walk: Walk
    clocks: list[ClockStatus]

    @property
    def node(self) -> str | None:
        path = self.walk.state.path
        return path[-1].node if path else None

    @property
    def assignee(self) -> str | None:
        path = self.walk.state.path
        return self.walk.assignee(path[-1]) if path else None

    @property
    def holder(self) -> str | None:
        """Who holds it: the current step's assignee, else the person who walks it."""
        return self.assignee or self.walk.operator

    @property
    def next_due(self) -> ClockStatus | None:
        """The clock due first among those breached, due soon or running (in the playbook's order on a tie)."""
        urgent = [status for status in self.clocks if status.state in URGENT and status.due_at is not None]
        return min(urgent, key=lambda status: status.due_at.astimezone(UTC)) if urgent else None  # type: ignore[union-attr]

    def sort_key(self) -> tuple[int, datetime, datetime, str]:
        opened = self.walk.state.opened_at.astimezone(UTC)
        due = self.next_due
        if due is not None and due.due_at is not None:
            return (0, due.due_at.astimezone(UTC), opened, self.walk.journal)
        return (1, opened, opened, self.walk.journal)

    def clock_assignee(self, status: ClockStatus) -> str | None:
        """The spec's clock `assignee`: who held the step that stopped it, or the current one while it runs."""
        if status.stopped_by is not None:
            step = self.walk.step_left_at(status.stopped_by, status.stopped_at)
            return self.walk.assignee(step) if step else None
        return self.assignee if status.running else None


def open_walks(walks: Iterable[Walk], as_of: datetime, mine: str | None = None) -> list[OpenWalk]:
    """The open walks among `walks`, judged at `as_of`, most urgent first; only `mine`'s when given.

    A walk opened after `as_of` is left out: it was not open then.
    """
    found = []
    for walk in walks:
        if not walk.open or walk.state.opened_at > as_of:
            continue
        item = OpenWalk(walk, clock_statuses(walk.playbook, walk.state, as_of))
        if mine is not None and mine not in (item.assignee, walk.operator):
            continue
        found.append(item)
    return sorted(found, key=OpenWalk.sort_key)


def _status_chunk(
    files: list[Path], as_of: datetime, mine: str | None, cache: PlaybookCache
) -> tuple[list[OpenWalk], list[Skipped], list[str]]:
    reader = JournalReader(cache)
    return open_walks(reader.walks(files, keep=is_open), as_of, mine), reader.skipped, reader.warnings


def collect_open(
    files: Sequence[Path],
    as_of: datetime,
    mine: str | None = None,
    cache: PlaybookCache | None = None,
    *,
    workers: int | None = None,
    least: int = STATUS_PARALLEL_FROM,
) -> tuple[list[OpenWalk], list[Skipped], list[str]]:
    """The open walks of every journal (in worker processes for a large directory), most urgent first, and what was left out."""
    parts = in_parallel(files, partial(_status_chunk, as_of=as_of, mine=mine, cache=cache or PlaybookCache()), workers=workers, least=least)
    items = sorted((item for part in parts for item in part[0]), key=OpenWalk.sort_key)
    return items, [entry for part in parts for entry in part[1]], [line for part in parts for line in part[2]]


def status_data(items: list[OpenWalk], skipped: list[Skipped], as_of: datetime) -> dict[str, Any]:
    """`playbook status --format json`, exactly as the spec's status version 1."""
    walks = []
    for item in items:
        walk, due = item.walk, item.next_due
        walks.append(
            {
                "journal": walk.journal,
                "playbook": walk.playbook.id,
                "opened_at": iso_seconds(walk.state.opened_at),
                "node": item.node,
                "assignee": item.assignee,
                "operator": walk.operator,
                "next_due": None
                if due is None
                else {"clock": due.name, "due_at": iso_seconds(due.due_at, due.timezone), "state": due.state.value},
                "clocks": [clock_object(walk.playbook, status, walk.state.lang, item.clock_assignee(status)) for status in item.clocks],
            }
        )
    return {
        "status": STATUS_VERSION,
        "as_of": iso_seconds(as_of),
        "walks": walks,
        "skipped": [{"journal": entry.journal, "reason": entry.reason} for entry in skipped],
    }


def due_soon(items: list[OpenWalk]) -> set[tuple[str, str]]:
    """(journal, clock) of every clock inside its reminder window: `--watch` rings for new ones."""
    return {(item.walk.journal, status.name) for item in items for status in item.clocks if status.state is ClockState.DUE_SOON}
