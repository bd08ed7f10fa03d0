"""Journals for the team views' tests: the hand-written fixture set, and small ones a test writes.

The fixture journals (tests/fixtures/journals/) name their playbooks by paths relative to
the repository, as a walk started there records them, so tests that read them run from
the repository (`monkeypatch.chdir(REPO)`). Journals a test writes name the playbook by
absolute path. A helper module, not a conftest: test directories here are not packages,
and a second `conftest` module would shadow the shared one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from conftest import FIXTURES

JOURNALS = FIXTURES / "journals"
DELAYED = FIXTURES / "delayed-response.yaml"
BUSINESS = FIXTURES / "business-hours.yaml"


def z(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def start(playbook: Path, opened: datetime, *, at: datetime | None = None, lang="en", operator=None, **inputs) -> dict:
    """A start event of `playbook` (its id is the file's stem in these fixtures)."""
    event = {
        "event": "start", "at": z(at or opened), "journal": 1, "playbook": playbook.stem, "file": str(playbook),
        "lang": lang, "inputs": inputs, "opened_at": z(opened),
    }  # fmt: skip
    if operator:
        event["operator"] = operator
    return event


def enter(node: str, at: datetime, assignee: str | None = None) -> dict:
    event = {"event": "enter", "at": z(at), "node": node}
    if assignee:
        event["assignee"] = assignee
    return event


def answer(node: str, at: datetime, choice: int) -> dict:
    return {"event": "answer", "at": z(at), "node": node, "choice": choice, "answer": str(choice)}


def done(node: str, at: datetime) -> dict:
    return {"event": "done", "at": z(at), "node": node}


def end(node: str, at: datetime, outcome: str = "resolved") -> dict:
    return {"event": "end", "at": z(at), "node": node, "outcome": outcome}


def delayed_walk(opened: datetime, *, holder: str | None = None, operator: str | None = None, reply_after: int | None = None, **inputs):
    """A delayed-response walk: how-late answered "No" after 5 minutes, then reply-now (done after `reply_after` minutes, and ended)."""
    events = [start(DELAYED, opened, operator=operator, customer="An", **inputs), enter("how-late", opened, holder)]
    replying = opened + timedelta(minutes=5)
    events += [answer("how-late", replying, 2), enter("reply-now", replying, holder)]
    if reply_after is not None:
        finished = replying + timedelta(minutes=reply_after)
        events += [done("reply-now", finished), enter("done", finished, holder), end("done", finished)]
    return events


def write_journals(directory: Path, **walks: list[dict]) -> Path:
    """One `<name>.jsonl` per walk in `directory`; returns the directory."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, events in walks.items():
        lines = "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)
        (directory / f"{name}.jsonl").write_text(lines, encoding="utf-8")
    return directory
