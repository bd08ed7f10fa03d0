"""Finding what a person means without a path: a playbook by its id, the walk left open.

`playbook walk delayed-response` looks the id up in the library; `playbook walk --resume`
with no journal takes the most recent open walk in the journal directory. Both read as
little as they can: a journal's first line (its start) and whether an end follows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from playbook_cli.walk.events import parse_time

_ID_LINE = re.compile(rb"^id:\s*['\"]?([a-z0-9][a-z0-9_-]*)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def find_playbook(ident: str, libraries: Iterable[Path]) -> Path | None:
    """The playbook file whose id is `ident`: `<ident>.yaml` first, else any file saying `id: <ident>`."""
    candidates: list[Path] = []
    for library in libraries:
        if not library.is_dir():
            continue
        for suffix in (".yaml", ".yml"):
            named = library / f"{ident}{suffix}"
            if named.is_file():
                return named
        candidates += sorted(p for p in library.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    for path in candidates:
        try:
            head = path.read_bytes()[:65536]
        except OSError:
            continue
        match = _ID_LINE.search(head)
        if match and match.group(1).decode() == ident:
            return path
    return None


@dataclass(frozen=True)
class OpenWalk:
    """A journal whose walk has not ended."""

    path: Path
    playbook: str
    started_at: datetime
    modified: float  # when it was last written (epoch seconds)


def open_walks(directory: Path) -> list[OpenWalk]:
    """The open walks in `directory`, most recently written first; unreadable files are passed over."""
    found = []
    for path in directory.glob("*.jsonl") if directory.is_dir() else ():
        try:
            raw = path.read_bytes()
            first = json.loads(raw.split(b"\n", 1)[0])
            if first.get("event") != "start" or b'"event":"end"' in raw or b'"event": "end"' in raw:
                continue
            found.append(OpenWalk(path, str(first.get("playbook", "?")), parse_time(str(first["at"])), path.stat().st_mtime))
        except (OSError, ValueError, KeyError, AttributeError):
            continue
    return sorted(found, key=lambda walk: walk.modified, reverse=True)
