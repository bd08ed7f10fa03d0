"""Who is on duty for each step: the roster's assignment rule, applied as the walk enters a step.

The rule itself is `core.roster.assign` (pure). This adds what it needs from the
world: how many open walks each person holds now (the current assignee of every open
journal in the journal directory), read once when the walk starts or resumes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from playbook_cli.core.model import Node, Playbook
from playbook_cli.core.roster import Assignment, Roster, assign
from playbook_cli.walk.discovery import open_walks


def open_load(directory: Path, leave_out: Path | None = None) -> Counter[str]:
    """Open walks per person: the assignee of each open journal's current step."""
    load: Counter[str] = Counter()
    for walk in open_walks(directory):
        if leave_out is not None and walk.path.resolve() == leave_out.resolve():
            continue
        try:
            lines = walk.path.read_bytes().splitlines()
        except OSError:
            continue
        for line in reversed(lines):
            if b'"event":"enter"' in line or b'"event": "enter"' in line:
                try:
                    assignee = json.loads(line).get("assignee")
                except ValueError:
                    break
                if isinstance(assignee, str):
                    load[assignee] += 1
                break
    return load


@dataclass
class Assigner:
    """Assigns each step the walk enters to the person on duty for its owner role."""

    roster: Roster
    load: Counter[str] = field(default_factory=Counter)

    def __call__(self, playbook: Playbook, node: Node, at: datetime) -> Assignment | None:
        role = playbook.owner_of(node)
        if role is None:
            return None  # a step with no owner is not assigned
        return assign(self.roster, role, at, self.load)
